import Content
import CSQLite
import Foundation

/// The pages an index file keeps (records, front matter, outline, links and Markdown): what lets a server start
/// on a current index without parsing its content again, and read each page's body per request instead of
/// holding every page in memory. One read-only connection, taken in turn (page bodies are read once each, then
/// cached by the web layer).
public final class PageStore: PageBodySource, @unchecked Sendable {
    private let connection: Connection
    private let markdown: Statement
    private let lock = NSLock()
    public let path: String
    /// The generation of the file it reads (`SearchIndex.generation`).
    public let generation: String
    /// When the file's pages were read from their files (`ContentLibrary.readAt`).
    let readAt: Int64

    /// Opens the store of the index at `path`; nil when there is no file there.
    /// - Throws: when the file is damaged or was written by another version (`SQLiteError.isOtherSchema`).
    public static func open(at path: String) throws(SQLiteError) -> PageStore? {
        guard path != ":memory:", FileManager.default.fileExists(atPath: path) else { return nil }
        return try PageStore(path: path)
    }

    private init(path: String) throws(SQLiteError) {
        self.path = path
        connection = try Connection(path: path, readOnly: true)
        let meta = try IndexMeta(connection: connection)
        try meta.requireCurrentSchema(path: path)
        generation = meta.generation
        readAt = meta.readAt
        markdown = try connection.prepare("SELECT markdown FROM bodies WHERE id = ?1", persistent: true)
    }

    /// Every page the file keeps, by `section/slug`, with this store as their bodies' source. The outlines and
    /// links are decoded on every core; each front matter stays JSON until a page needs more than its title,
    /// summary and order (`StoredFrontMatter`).
    public func pages() throws(SQLiteError) -> StoredPages {
        struct Row {
            let id: Int, key: String, digest: UInt64, size: Int, stamp: FileStamp
            let frontMatter: String, title: String, summary: String, order: Int?
            let yaml: String, headings: String, links: String
        }
        let statement = try connection.prepare("""
            SELECT id, key, digest, size, modified, inode, front_matter, title, summary, ord, yaml, headings, links
            FROM pages
            """)
        var rows: [Row] = []
        while try statement.step() {
            let size = statement.int(3)
            rows.append(Row(id: statement.int(0), key: statement.text(1), digest: UInt64(bitPattern: Int64(statement.int(2))),
                            size: size, stamp: FileStamp(size: size, modified: Int64(statement.int(4)),
                                                         inode: UInt64(bitPattern: Int64(statement.int(5)))),
                            frontMatter: statement.text(6), title: statement.text(7), summary: statement.text(8),
                            order: statement.isNull(9) ? nil : statement.int(9),
                            yaml: statement.text(10), headings: statement.text(11), links: statement.text(12)))
        }
        let decoded = DecodedSlots(count: rows.count)
        let rowsRead = rows
        let chunks = max(1, min(rows.count / 256, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in stride(from: chunk, to: rowsRead.count, by: chunks) {
                let row = rowsRead[index]
                do {
                    decoded.store(index, .success(StoredPage(
                        id: row.id, digest: row.digest, size: row.size, stamp: row.stamp, frontMatterJSON: row.frontMatter,
                        title: row.title, summary: row.summary, order: row.order, yaml: row.yaml,
                        headings: try StoredLists.headings(row.headings), links: try StoredLists.links(row.links))))
                } catch {
                    decoded.store(index, .failure(SQLiteError(code: SQLITE_CORRUPT, message: "page \(row.key) cannot be read back: \(error)",
                                                              path: path, operation: "read")))
                }
            }
        }
        var pages: [String: StoredPage] = [:]
        pages.reserveCapacity(rows.count)
        for (row, result) in zip(rows, decoded.all) {
            switch result {
            case .success(let page): pages[row.key] = page
            case .failure(let error): throw error
            }
        }
        return StoredPages(pages: pages, source: self, readAt: readAt)
    }

    /// Where each page's body lies in the file, without decoding any record (a start after one page changed
    /// re-points every page at the new file: decoding all the records again cost most of a second on 10,000 pages).
    public func bodies() throws(SQLiteError) -> StoredBodies {
        let rows = try connection.prepare("SELECT id, key, digest, size FROM pages")
        var pages: [String: (id: Int, digest: UInt64, size: Int)] = [:]
        while try rows.step() {
            pages[rows.text(1)] = (rows.int(0), UInt64(bitPattern: Int64(rows.int(2))), rows.int(3))
        }
        return StoredBodies(pages: pages, source: self)
    }

    public func markdown(ofPage id: Int) -> String {
        lock.withLock {
            defer { markdown.reset() }
            markdown.bind(1, id)
            // A failed read leaves the page empty rather than failing the request: the damage is noticed by the
            // search's own reads and the index is rebuilt.
            return ((try? markdown.step()) ?? false) ? markdown.text(0) : ""
        }
    }
}

/// One slot per row, written by the worker that decoded it.
private final class DecodedSlots: @unchecked Sendable {
    private var slots: [Result<StoredPage, SQLiteError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<StoredPage, SQLiteError>) { lock.withLock { slots[index] = result } }

    var all: [Result<StoredPage, SQLiteError>] { lock.withLock { slots.map { $0! } } }
}

/// A page's outline and links as the file keeps them: a line each, fields apart by tabs (read back for every
/// page at start, where JSON decoding took a fifth of the time). Headings: `level<TAB>anchor<TAB>text`; links:
/// `line<TAB>url`. Neither a heading's text nor a URL holds a tab or a line break once cmark has read it.
enum StoredLists {
    struct Unreadable: Error, CustomStringConvertible {
        let line: String
        var description: String { "unreadable line `\(line)`" }
    }

    static func headings(_ headings: [Heading]) -> String {
        headings.map { "\($0.level)\t\($0.anchor)\t\(clean($0.text))" }.joined(separator: "\n")
    }

    static func links(_ links: [BodyLink]) -> String {
        links.map { "\($0.line)\t\(clean($0.url))" }.joined(separator: "\n")
    }

    static func headings(_ text: String) throws -> [Heading] {
        var headings: [Heading] = []
        try lines(text, fields: 3) { fields, line throws in
            guard let level = Int(fields[0]) else { throw Unreadable(line: line()) }
            headings.append(Heading(level: level, text: fields[2], anchor: fields[1]))
        }
        return headings
    }

    static func links(_ text: String) throws -> [BodyLink] {
        var links: [BodyLink] = []
        try lines(text, fields: 2) { fields, line throws in
            guard let number = Int(fields[0]) else { throw Unreadable(line: line()) }
            links.append(BodyLink(url: fields[1], line: number))
        }
        return links
    }

    /// Each line split on tabs into `count` fields (the last one keeps any further tab), on UTF-8 bytes, handed to
    /// `body` with the line's text (for an error): every page's outline is read back at each start.
    private static func lines(_ text: String, fields count: Int,
                              _ body: (_ fields: [String], _ line: @autoclosure () -> String) throws -> Void) throws {
        var text = text
        try text.withUTF8 { utf8 throws in
            var fields: [String] = []
            fields.reserveCapacity(count)
            var lineStart = 0, start = 0, index = 0
            func flush(_ end: Int) throws {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self))
                let line = { String(decoding: UnsafeBufferPointer(rebasing: utf8[lineStart..<end]), as: UTF8.self) }
                guard fields.count == count else { throw Unreadable(line: line()) }
                try body(fields, line())
                fields.removeAll(keepingCapacity: true)
            }
            while index < utf8.count {
                let byte = utf8[index]
                if byte == 0x0A {
                    if index > lineStart { try flush(index) }
                    lineStart = index + 1
                    start = lineStart
                } else if byte == 0x09 && fields.count < count - 1 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<index]), as: UTF8.self))
                    start = index + 1
                }
                index += 1
            }
            if utf8.count > lineStart { try flush(utf8.count) }
        }
    }

    /// Tabs and line breaks as spaces (never expected: a safeguard for the format).
    private static func clean(_ text: String) -> String {
        text.contains(where: { $0 == "\t" || $0.isNewline })
            ? String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 }) : text
    }
}
