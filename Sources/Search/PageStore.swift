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
        markdown = try connection.prepare("SELECT markdown FROM pages WHERE id = ?1", persistent: true)
    }

    /// Every page the file keeps, by `section/slug`, with this store as their bodies' source.
    public func pages() throws(SQLiteError) -> StoredPages {
        let rows = try connection.prepare("SELECT id, key, digest, size, front_matter, yaml, headings, links FROM pages")
        let decoder = JSONDecoder()
        var pages: [String: StoredPage] = [:]
        while try rows.step() {
            do {
                let page = StoredPage(id: rows.int(0), digest: UInt64(bitPattern: Int64(rows.int(2))), size: rows.int(3),
                                      frontMatter: try decoder.decode(FrontMatter.self, from: Data(rows.text(4).utf8)),
                                      yaml: rows.text(5),
                                      headings: try StoredLists.headings(rows.text(6)),
                                      links: try StoredLists.links(rows.text(7)))
                pages[rows.text(1)] = page
            } catch {
                throw SQLiteError(code: SQLITE_CORRUPT, message: "page \(rows.text(1)) cannot be read back: \(error)",
                                  path: path, operation: "read")
            }
        }
        return StoredPages(pages: pages, source: self)
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
        try fields(text, count: 3).map { fields throws in
            guard let level = Int(fields[0]) else { throw Unreadable(line: fields.joined(separator: "\t")) }
            return Heading(level: level, text: fields[2], anchor: fields[1])
        }
    }

    static func links(_ text: String) throws -> [BodyLink] {
        try fields(text, count: 2).map { fields throws in
            guard let line = Int(fields[0]) else { throw Unreadable(line: fields.joined(separator: "\t")) }
            return BodyLink(url: fields[1], line: line)
        }
    }

    /// Lines split on tabs into `count` fields (the last one keeps any further tab), on UTF-8 bytes.
    private static func fields(_ text: String, count: Int) throws -> [[String]] {
        var lines: [[String]] = []
        for line in text.utf8.split(separator: 0x0A) {
            var fields: [String] = []
            var start = line.startIndex
            var index = line.startIndex
            while index < line.endIndex && fields.count < count - 1 {
                if line[index] == 0x09 {
                    fields.append(String(decoding: line[start..<index], as: UTF8.self))
                    start = line.index(after: index)
                }
                index = line.index(after: index)
            }
            fields.append(String(decoding: line[start...], as: UTF8.self))
            guard fields.count == count else { throw Unreadable(line: String(decoding: line, as: UTF8.self)) }
            lines.append(fields)
        }
        return lines
    }

    /// Tabs and line breaks as spaces (never expected: a safeguard for the format).
    private static func clean(_ text: String) -> String {
        text.contains(where: { $0 == "\t" || $0.isNewline })
            ? String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 }) : text
    }
}
