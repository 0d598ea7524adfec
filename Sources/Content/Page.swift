import Foundation
import Synchronization
import Yams

/// One content page: its front matter and outline in memory, its rendered parts in `body` (in memory after
/// parsing, else read back from the index file). A class: the library, the site's lists and every section page
/// share one instance, where copying a struct this wide (the front matter's dozens of fields) took a fifth of a
/// start on 10,000 pages.
public final class Page: Sendable {
    public let section: Section
    public let slug: String
    /// The file it came from, relative to the content directory's parent (as errors print it).
    public let path: String
    /// The front matter: decoded when the file was parsed, else on first use from the index (`StoredFrontMatter`).
    public var frontMatter: FrontMatter {
        switch frontMatterSource {
        case .parsed(let value, _): value
        case .stored(let stored): stored.value
        }
    }
    /// The front matter for a one-off read (`check`'s cross-page checks of every stored page): decoded if it must be,
    /// but not kept, so that a start on a current index holds only the front matters requests use (keeping all of
    /// them took the server from 108 to 149 MiB on 10,000 pages).
    var frontMatterWithoutKeeping: FrontMatter {
        switch frontMatterSource {
        case .parsed(let value, _): value
        case .stored(let stored): stored.peek
        }
    }
    /// Whether the page holds its decoded front matter (always, for a page parsed in this run).
    var keepsFrontMatter: Bool {
        if case .stored(let stored) = frontMatterSource { return stored.isKept }
        return true
    }
    /// The front matter as the index file keeps it, when the file was parsed in this run (encoded by the parser,
    /// which refuses what JSON cannot hold); nil for a page read back from the index.
    public var parsedFrontMatterJSON: String? {
        if case .parsed(_, let json) = frontMatterSource { return json }
        return nil
    }
    /// What every list and the order need, without decoding the rest.
    public let title: String
    public let summary: String
    public let order: Int?
    private let frontMatterSource: FrontMatterSource
    public let headings: [Heading]
    /// The links of its body, with their lines (checked against every page's headings at each load).
    public let links: [BodyLink]
    public let body: PageBody
    /// The file's digest and size (`ContentLibrary`), recorded in the index to tell a current page.
    public let digest: UInt64
    public let size: Int
    /// The file's modification time and inode when it was read: a later start trusts an unchanged stamp instead
    /// of reading and hashing the file again (`FileStamp`).
    public let stamp: FileStamp
    /// The front matter's YAML tree, to point later checks (the engine's) at a line.
    let fieldLines: FieldLines

    enum FrontMatterSource {
        case parsed(FrontMatter, json: String?)
        case stored(StoredFrontMatter)
    }

    convenience init(section: Section, slug: String, path: String, frontMatter: FrontMatter, frontMatterJSON: String? = nil,
                     headings: [Heading], links: [BodyLink], body: PageBody, digest: UInt64, size: Int, stamp: FileStamp,
                     fieldLines: FieldLines) {
        self.init(section: section, slug: slug, path: path, title: frontMatter.title, summary: frontMatter.summary,
                  order: frontMatter.order, frontMatter: .parsed(frontMatter, json: frontMatterJSON), headings: headings,
                  links: links, body: body,
                  digest: digest, size: size, stamp: stamp, fieldLines: fieldLines)
    }

    init(section: Section, slug: String, path: String, title: String, summary: String, order: Int?,
         frontMatter: FrontMatterSource, headings: [Heading], links: [BodyLink], body: PageBody, digest: UInt64,
         size: Int, stamp: FileStamp, fieldLines: FieldLines) {
        self.section = section
        self.slug = slug
        self.path = path
        self.title = title
        self.summary = summary
        self.order = order
        self.frontMatterSource = frontMatter
        self.headings = headings
        self.links = links
        self.body = body
        self.digest = digest
        self.size = size
        self.stamp = stamp
        self.fieldLines = fieldLines
    }

    /// The same page with its body read from elsewhere.
    func with(body: PageBody, fieldLines: FieldLines? = nil) -> Page {
        Page(section: section, slug: slug, path: path, title: title, summary: summary, order: order,
             frontMatter: frontMatterSource, headings: headings, links: links, body: body, digest: digest, size: size,
             stamp: stamp, fieldLines: fieldLines ?? self.fieldLines)
    }

    public var tags: [String] { frontMatter.tags ?? [] }
    public var url: String { "/\(section.rawValue)/\(slug)" }
    /// `section/slug`: the page's key in the index file.
    public var key: String { "\(section.rawValue)/\(slug)" }
    public var html: String { body.html }
    /// The Markdown body as written (after the front matter), for the page's `.md` twin.
    public var markdown: String { body.markdown }
    /// The front matter as written.
    public var yaml: String { fieldLines.yaml }
}

/// Finds the file line of a front-matter field from a path such as `criterion.rules[2].when.answer`.
final class FieldLines: @unchecked Sendable {
    let yaml: String
    /// Yams' Node is a value tree that is only read once composed.
    private struct Tree: @unchecked Sendable { var node: Node? }
    // Composed on first use for a page read back from the index (most never need it), under the lock: a `Mutex`
    // inside the object (an NSLock is two more heap blocks, for each of 10,000 pages).
    private let tree: Mutex<Tree>

    var root: Node {
        tree.withLock { tree in
            if let node = tree.node { return node }
            let composed = (try? Yams.compose(yaml: yaml)).flatMap { $0 } ?? Node([] as [(Node, Node)])
            tree.node = composed
            return composed
        }
    }

    init(node: Node, yaml: String) {
        tree = Mutex(Tree(node: node))
        self.yaml = yaml
    }

    init(yaml: String) {
        tree = Mutex(Tree(node: nil))
        self.yaml = yaml
    }

    func line(of field: String) -> Int {
        var keys: [PathKey] = []
        for part in field.split(separator: ".") {
            var name = Substring(part)
            var indexes: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indexes.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { keys.append(PathKey(stringValue: String(name))) }
            keys += indexes.map { PathKey(intValue: $0) }
        }
        return NodePath.line(of: keys, in: root)
    }
}
