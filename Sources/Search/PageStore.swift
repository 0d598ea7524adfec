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
                                      headings: try decoder.decode([Heading].self, from: Data(rows.text(6).utf8)),
                                      links: try decoder.decode([BodyLink].self, from: Data(rows.text(7).utf8)))
                pages[rows.text(1)] = page
            } catch {
                throw SQLiteError(code: SQLITE_CORRUPT, message: "page \(rows.text(1)) cannot be read back: \(error)",
                                  path: path, operation: "read")
            }
        }
        return StoredPages(pages: pages, source: self)
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
