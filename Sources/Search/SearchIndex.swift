import Content
import Foundation
import Synchronization

/// What a search asks for. `limit` and `offset` are clamped by the caller's validation.
public struct SearchQuery: Sendable, Equatable {
    public var text: String
    public var section: Section?
    public var limit: Int
    public var offset: Int

    public init(text: String, section: Section? = nil, limit: Int = 10, offset: Int = 0) {
        self.text = text
        self.section = section
        self.limit = limit
        self.offset = offset
    }
}

public struct SearchHit: Sendable, Equatable, Codable {
    public let section: String
    public let slug: String
    public let title: String
    public let url: String
    /// HTML: the matched text escaped, the matches in `<mark>`.
    public let snippet: String
    /// Relevance, higher is better: 20 for a title holding every word, 10 for the summary or tags, plus bm25.
    public let score: Double
}

public struct SearchResults: Sendable, Equatable {
    public let total: Int
    public let hits: [SearchHit]
}

/// The FTS5 index over every page: built once into a fresh file that is renamed into place, then searched
/// through a small pool of read-only connections, each holding its prepared statement.
public final class SearchIndex: Sendable {
    public let path: String
    private let pool: Mutex<[Searcher]>
    private let inMemory: Bool

    /// Builds the index for `library` at `path` (`:memory:` keeps it in this process).
    /// A file is written under a temporary name and renamed over the old one, so no reader ever sees half of it.
    public static func build(_ library: ContentLibrary, at path: String) throws(SQLiteError) -> SearchIndex {
        if path == ":memory:" {
            let connection = try Connection(path: path)
            try IndexWriter(connection: connection).write(library)
            return try SearchIndex(path: path, searchers: [Searcher(connection: connection)], inMemory: true)
        }
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try IndexWriter(connection: Connection(path: temporary)).write(library)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SQLiteError(code: -1, message: "cannot move the new index to \(path): \(String(cString: strerror(errno)))", sql: nil)
        }
        return try SearchIndex(path: path, searchers: [], inMemory: false)
    }

    /// Opens an index file that `build` wrote earlier.
    public static func open(at path: String) throws(SQLiteError) -> SearchIndex {
        let index = try SearchIndex(path: path, searchers: [], inMemory: false)
        index.release(try index.makeSearcher())  // fail now, not on the first search
        return index
    }

    private init(path: String, searchers: [Searcher], inMemory: Bool) throws(SQLiteError) {
        self.path = path
        self.inMemory = inMemory
        pool = Mutex(searchers)
    }

    /// Runs one search: one execution of a prepared statement on a connection no other thread holds.
    public func search(_ query: SearchQuery) throws(SQLiteError) -> SearchResults {
        guard let match = MatchExpression.build(from: query.text) else { return SearchResults(total: 0, hits: []) }
        if inMemory {
            // An in-memory database lives in its one connection: searches take turns on it.
            return try pool.withLock { searchers throws(SQLiteError) in try searchers[0].search(match: match, query: query) }
        }
        let searcher = try acquire()
        defer { release(searcher) }
        return try searcher.search(match: match, query: query)
    }

    /// A free connection from the pool, or a new one: the pool grows to the number of serving threads.
    private func acquire() throws(SQLiteError) -> Searcher {
        if let searcher = pool.withLock({ $0.popLast() }) { return searcher }
        return try makeSearcher()
    }

    private func release(_ searcher: Searcher) {
        pool.withLock { $0.append(searcher) }
    }

    private func makeSearcher() throws(SQLiteError) -> Searcher {
        try Searcher(connection: Connection(path: path, readOnly: true))
    }
}

/// One connection and its prepared search statement; owned by one thread at a time through the pool.
final class Searcher: @unchecked Sendable {
    private let connection: Connection
    private let statement: Statement

    // Marks that cannot occur in page text: the snippet is HTML-escaped, then they become <mark> tags.
    static let open = "\u{E000}", close = "\u{E001}"

    init(connection: Connection) throws(SQLiteError) {
        self.connection = connection
        // Ranking, in tiers: pages whose title holds every word (shorter titles first: closer to what was asked),
        // then pages whose summary or tags hold them all, then the rest, each tier by bm25 with the title weighted
        // above the body. The tiers matter because words common across this corpus ("rate", "Haiku") get almost
        // no IDF weight, and bm25 alone then ranks short pages that mention them first.
        // The inner query ranks and counts (bm25 must run where FTS5 evaluates the MATCH, below the window
        // function); snippet() runs in the outer query for the returned rows only: it re-reads a whole body, by
        // far the costliest part of a search.
        statement = try connection.prepare("""
            SELECT p.section, p.slug, p.title, p.url,
                   snippet(pages_fts, -1, '\(Searcher.open)', '\(Searcher.close)', '…', 14),
                   top.rank, top.total, top.tier
            FROM (SELECT id, rank, tier, title_length, count(*) OVER () AS total FROM (
                    SELECT pages_fts.rowid AS id, bm25(pages_fts, 10.0, 4.0, 4.0, 1.0) AS rank, length(q.title) AS title_length,
                           CASE WHEN pages_fts.rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?5) THEN 2
                                WHEN pages_fts.rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?6) THEN 1
                                ELSE 0 END AS tier
                    FROM pages_fts JOIN pages q ON q.id = pages_fts.rowid
                    WHERE pages_fts MATCH ?1 AND (?2 = '' OR q.section = ?2))
                  ORDER BY tier DESC, CASE WHEN tier = 2 THEN title_length ELSE 0 END, rank, id
                  LIMIT ?3 OFFSET ?4) AS top
            JOIN pages p ON p.id = top.id
            JOIN pages_fts ON pages_fts.rowid = top.id AND pages_fts MATCH ?1
            ORDER BY top.tier DESC, CASE WHEN top.tier = 2 THEN top.title_length ELSE 0 END, top.rank, top.id
            """, persistent: true)
    }

    func search(match: String, query: SearchQuery) throws(SQLiteError) -> SearchResults {
        defer { statement.reset() }
        bind(match: match, section: query.section, limit: query.limit, offset: query.offset)
        var hits: [SearchHit] = []
        var total = 0
        while try statement.step() {
            total = statement.int(6)
            hits.append(SearchHit(section: statement.text(0), slug: statement.text(1), title: statement.text(2),
                                  url: statement.text(3), snippet: Self.markup(statement.text(4)),
                                  score: Double(statement.int(7)) * 10 - statement.double(5)))
        }
        if hits.isEmpty && query.offset > 0 {
            // Paged past the end: the window count came with no row, so count on its own.
            statement.reset()
            bind(match: match, section: query.section, limit: 1, offset: 0)
            if try statement.step() { total = statement.int(6) }
        }
        return SearchResults(total: total, hits: hits)
    }

    private func bind(match: String, section: Section?, limit: Int, offset: Int) {
        statement.bind(1, match)
        statement.bind(2, section?.rawValue ?? "")
        statement.bind(3, limit)
        statement.bind(4, offset)
        statement.bind(5, "{title} : (\(match))")
        statement.bind(6, "{summary tags} : (\(match))")
    }

    static func markup(_ snippet: String) -> String {
        HTMLText.escape(snippet)
            .replacingOccurrences(of: open, with: "<mark>")
            .replacingOccurrences(of: close, with: "</mark>")
    }
}

/// HTML escaping for text placed between tags or in attribute values.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Writes the schema and every page's searchable text in one transaction.
struct IndexWriter {
    let connection: Connection

    func write(_ library: ContentLibrary) throws(SQLiteError) {
        try connection.execute("""
            PRAGMA journal_mode = OFF;
            BEGIN;
            CREATE TABLE pages(id INTEGER PRIMARY KEY, section TEXT NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL,
                               summary TEXT NOT NULL, tags TEXT NOT NULL, body TEXT NOT NULL, url TEXT NOT NULL);
            CREATE VIRTUAL TABLE pages_fts USING fts5(title, summary, tags, body, content='pages', content_rowid='id',
                                                      tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
            """)
        let insert = try connection.prepare(
            "INSERT INTO pages(section, slug, title, summary, tags, body, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        for page in library.pages {
            insert.bind(1, page.section.rawValue)
            insert.bind(2, page.slug)
            insert.bind(3, page.title)
            insert.bind(4, page.summary)
            insert.bind(5, page.tags.joined(separator: " "))
            insert.bind(6, page.plainText)
            insert.bind(7, page.url)
            try insert.run()
        }
        try connection.execute("""
            INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');
            INSERT INTO pages_fts(pages_fts) VALUES ('optimize');
            COMMIT;
            """)
    }
}
