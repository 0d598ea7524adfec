import Yams

/// Reads a stored page's Markdown back from where the last index put it (`Search.PageStore`).
public protocol PageBodySource: Sendable {
    func markdown(ofPage id: Int) -> String
}

/// A page's rendered parts (HTML, Markdown, the sections the index cuts): in memory right after its file was
/// parsed; read back from the index file for a page that was current there, so that a server's resident memory
/// does not grow with the content (pages are read per request, behind the web layer's bounded cache).
public final class PageBody: Sendable {
    private enum Storage {
        case parsed(html: String, markdown: String, sections: [TextSection])
        case stored(source: any PageBodySource, id: Int)
        /// Read back from a file that is being let go, kept as Markdown.
        case held(markdown: String)
    }

    private let storage: Storage

    init(html: String, markdown: String, sections: [TextSection]) {
        storage = .parsed(html: html, markdown: markdown, sections: sections)
    }

    public init(source: any PageBodySource, id: Int) {
        storage = .stored(source: source, id: id)
    }

    init(markdown: String) {
        storage = .held(markdown: markdown)
    }

    /// Whether the body is read from an index file (else it is in memory).
    public var isStored: Bool {
        if case .stored = storage { return true }
        return false
    }

    public var html: String {
        switch storage {
        case .parsed(let html, _, _): html
        // Rendered again from the Markdown (about a millisecond for the longest page) rather than stored twice:
        // the web layer caches the page it makes from it.
        case .stored(let source, let id): MarkdownRenderer.render(source.markdown(ofPage: id)).html
        case .held(let markdown): MarkdownRenderer.render(markdown).html
        }
    }

    public var markdown: String {
        switch storage {
        case .parsed(_, let markdown, _): markdown
        case .stored(let source, let id): source.markdown(ofPage: id)
        case .held(let markdown): markdown
        }
    }

    /// The sections to index; nil for a stored page (its sections are in the index already).
    public var sections: [TextSection]? {
        if case .parsed(_, _, let sections) = storage { return sections }
        return nil
    }
}

/// A page as the index file keeps it: enough to list, link to and check it without reading its file again.
public struct StoredPage: Sendable {
    /// The page's id in the file (for `PageBodySource`).
    public let id: Int
    /// `ContentLibrary`'s digest of the file's bytes, and their number: the page is current when both match.
    public let digest: UInt64
    public let size: Int
    /// The file's stamp when it was read for the index: trusted without a read when the file still has it.
    public let stamp: FileStamp
    /// The front matter as the file keeps it (JSON), decoded when a page needs more than these three.
    public let frontMatterJSON: String
    public let title: String, summary: String, order: Int?
    /// The front matter as written, parsed again only when a check needs a field's line.
    public let yaml: String
    public let headings: [Heading]
    public let links: [BodyLink]

    public init(id: Int, digest: UInt64, size: Int, stamp: FileStamp, frontMatterJSON: String, title: String,
                summary: String, order: Int?, yaml: String, headings: [Heading], links: [BodyLink]) {
        self.id = id
        self.digest = digest
        self.size = size
        self.stamp = stamp
        self.frontMatterJSON = frontMatterJSON
        self.title = title
        self.summary = summary
        self.order = order
        self.yaml = yaml
        self.headings = headings
        self.links = links
    }

    /// The page of `file` as the index keeps it, its body read from `source`.
    func page(_ file: ContentLibrary.PageFile, source: any PageBodySource, isIntro: Bool) -> ContentLibrary.LoadedPage {
        let lines = FieldLines(yaml: yaml)
        let frontMatter = StoredFrontMatter(json: frontMatterJSON, title: title, summary: summary, order: order)
        return (Page(section: file.section, slug: file.slug, path: file.path, title: title, summary: summary, order: order,
                     frontMatter: .stored(frontMatter), headings: headings, links: links,
                     body: PageBody(source: source, id: id), digest: digest, size: size, stamp: stamp, fieldLines: lines),
                ParsedNode(lines: lines, isIntro: isIntro, isStored: true), links)
    }
}

/// Where an index file keeps each page's body, by `section/slug`: its id there and the digest and size of the file
/// it was read from. All that pointing pages at a new file needs; reading it decodes no page's record.
public struct StoredBodies: Sendable {
    public let pages: [String: (id: Int, digest: UInt64, size: Int)]
    public let source: any PageBodySource

    public init(pages: [String: (id: Int, digest: UInt64, size: Int)], source: any PageBodySource) {
        self.pages = pages
        self.source = source
    }
}

/// Every page an index file keeps, by `section/slug`, and where to read their bodies.
public struct StoredPages: Sendable {
    public let pages: [String: StoredPage]
    public let source: any PageBodySource
    /// When the index's files were read (`ContentLibrary.readAt`): the stamps are trusted for files modified
    /// well before it.
    public let readAt: Int64

    public init(pages: [String: StoredPage], source: any PageBodySource, readAt: Int64) {
        self.pages = pages
        self.source = source
        self.readAt = readAt
    }
}
