import Foundation

/// All pages of a content directory, parsed, rendered and validated together.
public struct ContentLibrary: Sendable {
    /// Every page, by section in site order, then by `order`, then by title.
    public let pages: [Page]
    /// The `_index.md` of each section that has one.
    public let sectionIntros: [Section: Page]
    /// A digest of every file's path and bytes: the search index records it, so a server that cannot write a new
    /// index can tell whether the one on disk is current.
    public let fingerprint: String
    /// The bytes of every file read (the Markdown with its front matter), for `index`'s MB/s.
    public let byteCount: Int
    /// When the files were read (`FileStamp.now()`): the index records it, so that a later start can trust the
    /// stamps of files modified well before it.
    public let readAt: Int64
    /// Each page's place (`section/slug`, intros included) in the order the files were read: sections, then file
    /// names, sorted. A full index build numbers pages by it, whether it writes them as they are parsed
    /// (`PageSink`) or from the library, so both give the same file.
    public let filePositions: [String: Int]
    private let bySectionAndSlug: [String: Int]

    init(pages: [Page], sectionIntros: [Section: Page], fingerprint: String = "", byteCount: Int = 0, readAt: Int64 = 0,
         filePositions: [String: Int] = [:]) {
        self.fingerprint = fingerprint
        self.byteCount = byteCount
        self.readAt = readAt
        self.filePositions = filePositions
        let sectionRank = Dictionary(uniqueKeysWithValues: Section.allCases.enumerated().map { ($1, $0) })
        self.pages = pages.sorted { a, b in
            (sectionRank[a.section]!, a.order ?? Int.max, a.title, a.slug)
                < (sectionRank[b.section]!, b.order ?? Int.max, b.title, b.slug)
        }
        self.sectionIntros = sectionIntros
        var index: [String: Int] = [:]
        for (position, page) in self.pages.enumerated() { index[page.url] = position }
        bySectionAndSlug = index
    }

    /// The same library with every page that `stored` keeps unchanged reading its body from there, so that the
    /// bodies parsed in this run leave memory once they are in the index file. A page `stored` does not keep, whose
    /// body is read from another file, keeps its Markdown in memory: that file can then be closed.
    public func readingBodies(from stored: StoredBodies) -> ContentLibrary {
        func moved(_ page: Page) -> Page {
            guard let record = stored.pages[page.key], record.digest == page.digest, record.size == page.size else {
                guard page.body.isStored else { return page }
                return page.with(body: PageBody(markdown: page.markdown))
            }
            return page.with(body: PageBody(source: stored.source, id: record.id), fieldLines: FieldLines(yaml: page.yaml))
        }
        return ContentLibrary(pages: pages.map(moved), sectionIntros: sectionIntros.mapValues(moved),
                              fingerprint: fingerprint, byteCount: byteCount, readAt: readAt, filePositions: filePositions)
    }

    public func page(_ section: Section, _ slug: String) -> Page? {
        bySectionAndSlug["/\(section.rawValue)/\(slug)"].map { pages[$0] }
    }

    public func pages(in section: Section) -> [Page] {
        pages.filter { $0.section == section }
    }

    /// Reads, renders and validates every page under `directory`. `routes`: the site's addresses content may link
    /// to besides its pages (the web layer's route table, `Site.linkableRoutes`); nil leaves such links unchecked.
    /// - Throws: every problem found, each as `path:line: message`; nothing is returned unless all is well.
    /// `limits` bound each file (size, front-matter size, depth and nodes). `stored`: the pages an index file
    /// keeps; a file whose digest and size match its stored page is not parsed again (its body stays in the file).
    /// `sink`: takes every page parsed in this run, in file order, as it comes (`PageSink`); the library then keeps
    /// their Markdown only. A load that throws has still given the sink the pages that parsed.
    public static func load(directory: String, routes: Set<String>? = nil, limits: ContentLimits = ContentLimits(),
                            stored: StoredPages? = nil, sink: PageSink? = nil) throws(ContentErrors) -> ContentLibrary {
        let readAt = FileStamp.now()
        var errors: [ContentError] = []
        var parsed: [(page: Page, node: ParsedNode, links: [BodyLink])] = []
        var intros: [Section: Page] = [:]
        var files_: [PageFile] = []
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory)
        let display = directory.hasSuffix("/") ? String(directory.dropLast()) : directory

        guard let entries = try? fileManager.contentsOfDirectory(atPath: directory) else {
            var isDirectory: ObjCBool = false
            let exists = fileManager.fileExists(atPath: directory, isDirectory: &isDirectory)
            let message = !exists ? "content directory not found" : isDirectory.boolValue ? "content directory cannot be read"
                : "a file, not the content directory"
            throw ContentErrors([ContentError(path: display, line: 1, message: message,
                                              hint: "pass --content DIR or run from the repository root")])
        }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            guard let section = Section(rawValue: entry) else {
                errors.append(ContentError(path: "\(display)/\(entry)", line: 1,
                                           message: "unknown section `\(entry)`",
                                           hint: "sections are \(Section.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            let folderPath = root.appendingPathComponent(entry).path
            // A section that cannot be listed is said as such: read as empty, its pages were "broken links" 176 times
            // and the folder never named.
            guard let files = try? fileManager.contentsOfDirectory(atPath: folderPath) else {
                var isDirectory: ObjCBool = false
                let exists = fileManager.fileExists(atPath: folderPath, isDirectory: &isDirectory)
                errors.append(ContentError(path: "\(display)/\(entry)", line: 1,
                                           message: !exists ? "a link to nothing, not a section folder"
                                               : isDirectory.boolValue ? "the section folder cannot be read" : "a file, not a section folder",
                                           hint: "make it a folder of .md pages this user can read"))
                continue
            }
            // Hidden files, and what editors leave beside a page (`page.md~`, Emacs's `#page.md#`): one save left a
            // backup that stopped every later rebuild under --watch until it was deleted.
            for file in files.sorted() where !file.hasPrefix(".") && !Self.isEditorLeftover(file) {
                let path = "\(display)/\(entry)/\(file)"
                guard file.hasSuffix(".md") else {
                    errors.append(ContentError(path: path, line: 1, message: "not a Markdown page",
                                               hint: "content files end in .md"))
                    continue
                }
                let slug = String(file.dropLast(3))
                guard slug == "_index" || isValidSlug(slug) else {
                    errors.append(ContentError(path: path, line: 1, message: "`\(slug)` is not a valid slug",
                                               hint: "use lower-case letters, digits and single hyphens"))
                    continue
                }
                files_.append((section, slug, path, "\(folderPath)/\(file)"))
            }
        }

        // Reading, parsing and rendering are independent per file: spread them over the cores, and hand each page
        // to the sink (the index writer) in file order while the later ones are parsed.
        let files = files_
        var loaded: [Result<LoadedPage, ContentError>] = []
        // Each file's digest and size (0 for a file that could not be read), in file order.
        var digests: [UInt64] = [], sizes: [Int] = []
        loaded.reserveCapacity(files.count)
        digests.reserveCapacity(files.count)
        sizes.reserveCapacity(files.count)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        ParsePipeline<LoadedFile>(count: files.count).run(workers: sink == nil ? cores : max(1, cores - 1)) { i in
            var read: (digest: UInt64, size: Int) = (0, 0)
            let result = loadPage(files[i], limits: limits, stored: stored) { read = ($0, $1) }
            return (result, read.digest, read.size)
        } take: { i, file in
            digests.append(file.digest)
            sizes.append(file.size)
            guard let sink, case .success(let item) = file.result, item.page.body.sections != nil else {
                loaded.append(file.result)
                return
            }
            sink.take(item.page, position: i, isIntro: item.node.isIntro)
            // Written: only the Markdown stays (the page is read from the index from now on).
            loaded.append(.success((item.page.with(body: PageBody(markdown: item.page.markdown)), item.node, item.links)))
        }
        // Each file's place, not the directory it was read from (`index --content /abs/content` and
        // `serve --content content` agree), and the digest and size of its bytes.
        var digest = Digest()
        for (file, (fileDigest, size)) in zip(files, zip(digests, sizes)) {
            digest.add("\(file.section.rawValue)/\(file.slug)")
            digest.add(fileDigest)
            digest.add(UInt64(size))
        }
        for result in loaded {
            switch result {
            case .success(let item):
                if item.node.isIntro { intros[item.page.section] = item.page }
                parsed.append(item)
            case .failure(let error):
                errors.append(error)
            }
        }

        let positions = Dictionary(uniqueKeysWithValues: files.enumerated().map { ("\($1.section.rawValue)/\($1.slug)", $0) })
        let library = ContentLibrary(pages: parsed.filter { !$0.node.isIntro }.map(\.page), sectionIntros: intros,
                                     fingerprint: digest.hex, byteCount: sizes.reduce(0, +), readAt: readAt,
                                     filePositions: positions)
        let unparsed = Set(zip(files, loaded).compactMap { file, result -> String? in
            if case .failure = result { return "\(file.section.rawValue)/\(file.slug)" }
            return nil
        })
        var validator = ContentValidator(library: library, routes: routes, unparsed: unparsed)
        // A stored page passed every check when it was indexed and its file is unchanged: only its links can have
        // broken (a heading or page they point to changed). When a page was added or removed, everything is
        // checked again (a block may name a page that is gone).
        let samePages = stored.map { Set($0.pages.keys) == Set(files.map { "\($0.section.rawValue)/\($0.slug)" }) } ?? false
        // With every page as stored and none added or removed, nothing another page could break has moved: a start on
        // a current index checks nothing again (reading every stored front matter for it took a start from 0.32 to
        // 0.45 s on 10,000 pages).
        let unchanged = samePages && parsed.allSatisfy(\.node.isStored)
        for item in parsed where !(unchanged && item.node.isStored) {
            validator.validate(item.page, node: item.node, links: item.links, linksOnly: item.node.isStored && samePages)
        }
        errors += validator.errors
        if !errors.isEmpty { throw ContentErrors(errors) }
        return library
    }

    typealias PageFile = (section: Section, slug: String, path: String, file: String)
    typealias LoadedPage = (page: Page, node: ParsedNode, links: [BodyLink])
    /// One file's outcome as the parse pipeline hands it over: the page or its error, and the digest and size of its
    /// bytes (0 when it could not be read).
    typealias LoadedFile = (result: Result<LoadedPage, ContentError>, digest: UInt64, size: Int)

    /// Reads, parses and renders one file; safe to run on any thread. `digested` receives the digest of its bytes
    /// and their number.
    static func loadPage(_ file: PageFile, limits: ContentLimits = ContentLimits(), stored: StoredPages? = nil,
                         digested: (UInt64, Int) -> Void = { _, _ in }) -> Result<LoadedPage, ContentError> {
        let isIntro = file.slug == "_index"
        let storedPage = stored?.pages["\(file.section.rawValue)/\(file.slug)"]
        let stamp = FileStamp(path: file.file)
        // Unchanged since the index read it (the stamp it recorded, well before that read): neither read nor hashed.
        if let stored, let storedPage, let stamp, stamp.size <= limits.maxPageBytes,
           storedPage.stamp.isTrusted(current: stamp, readAt: stored.readAt) {
            digested(storedPage.digest, storedPage.size)
            return .success(storedPage.page(file, source: stored.source, isIntro: isIntro))
        }
        let text: String
        switch ContentFile.read(file.file, display: file.path, limits: limits) {
        case .success(let read): text = read
        case .failure(let error): return .failure(error)
        }
        let size = text.utf8.count
        var digest = Digest()
        if text.utf8.withContiguousStorageIfAvailable({ digest.add($0) }) == nil { digest.add(text.utf8) }
        digested(digest.value, size)
        // Written to the index with the stamp it had before the read: a change during the read shows next time.
        let readStamp = stamp ?? FileStamp(size: size, modified: 0, inode: 0)
        if let stored, let storedPage, storedPage.digest == digest.value, storedPage.size == size {
            return .success(storedPage.page(file, source: stored.source, isIntro: isIntro))
        }
        do {
            let result = try FrontMatterParser(path: file.path, limits: limits).parse(text)
            let rendered = MarkdownRenderer.render(result.body, firstLine: result.bodyFirstLine)
            if let raw = rendered.rawHTML {
                // Safe mode drops it from the page without a word ("Text alert(3) and and raw"), and the `.md` twin
                // and llms-full.txt would publish it as written.
                return .failure(ContentError(path: file.path, line: raw.line,
                                             message: "raw HTML `\(raw.text)` is not shown on the page, though the page's Markdown copies would publish it",
                                             hint: "write it in Markdown (emphasis, links, lists, tables) or remove it"))
            }
            if let extra = rendered.extraCells {
                return .failure(ContentError(path: file.path, line: extra.line,
                                             message: "this table row has \(extra.cells) cells and its header \(extra.header): "
                                                + "the page would not show the last \(extra.cells - extra.header)",
                                             hint: "add the columns to the header, or merge the cells"))
            }
            let lines = FieldLines(node: result.node, yaml: result.yaml)
            let page = Page(section: file.section, slug: file.slug, path: file.path, frontMatter: result.frontMatter,
                            frontMatterJSON: result.json, headings: rendered.headings, links: rendered.links,
                            body: PageBody(html: rendered.html, markdown: result.body, sections: rendered.sections),
                            digest: digest.value, size: size, stamp: readStamp, fieldLines: lines)
            return .success((page, ParsedNode(lines: lines, isIntro: isIntro), rendered.links))
        } catch {
            return .failure(error)
        }
    }

    /// A backup or auto-save an editor writes beside a file: `name~` (Emacs, gedit, nano -B) or `#name#` (Emacs).
    static func isEditorLeftover(_ file: String) -> Bool {
        file.hasSuffix("~") || (file.count > 2 && file.hasPrefix("#") && file.hasSuffix("#"))
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
