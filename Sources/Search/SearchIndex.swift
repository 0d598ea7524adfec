import Content
import Foundation
import Synchronization

/// The FTS5 index over every heading section of every page: built once into a fresh file that is renamed into
/// place, then searched through a small pool of read-only connections, each holding its prepared statements.
/// What is needed to show a result (titles, URLs, anchors) and the vocabulary live in memory.
public final class SearchIndex: Sendable {
    public let path: String
    private let pool: Mutex<[Searcher]>
    private let inMemory: Bool
    let catalog: Catalog

    /// Builds the index for `library` at `path` (`:memory:` keeps it in this process).
    /// A file is written under a temporary name and renamed over the old one, so no reader ever sees half of it.
    public static func build(_ library: ContentLibrary, at path: String) throws(SQLiteError) -> SearchIndex {
        if path == ":memory:" {
            let connection = try Connection(path: path)
            try IndexWriter(connection: connection).write(library)
            let catalog = try Catalog(connection: connection)
            return SearchIndex(path: path, searchers: [try Searcher(connection: connection)], catalog: catalog, inMemory: true)
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
        return try open(at: path)
    }

    /// Opens an index file that `build` wrote earlier.
    public static func open(at path: String) throws(SQLiteError) -> SearchIndex {
        let connection = try Connection(path: path, readOnly: true)
        let catalog = try Catalog(connection: connection)
        return SearchIndex(path: path, searchers: [try Searcher(connection: connection)], catalog: catalog, inMemory: false)
    }

    private init(path: String, searchers: [Searcher], catalog: Catalog, inMemory: Bool) {
        self.path = path
        self.inMemory = inMemory
        self.catalog = catalog
        pool = Mutex(searchers)
    }

    /// Runs one search on a connection no other thread holds.
    public func search(_ query: SearchQuery) throws(SQLiteError) -> SearchResults {
        let started = ContinuousClock.now
        if inMemory {
            // An in-memory database lives in its one connection: searches take turns on it.
            return try pool.withLock { searchers throws(SQLiteError) in
                try Search(searcher: searchers[0], catalog: catalog, query: query, started: started).run()
            }
        }
        let searcher = try acquire()
        defer { release(searcher) }
        return try Search(searcher: searcher, catalog: catalog, query: query, started: started).run()
    }

    /// A free connection from the pool, or a new one: the pool grows to the number of serving threads.
    private func acquire() throws(SQLiteError) -> Searcher {
        if let searcher = pool.withLock({ $0.popLast() }) { return searcher }
        return try Searcher(connection: Connection(path: path, readOnly: true))
    }

    private func release(_ searcher: Searcher) {
        pool.withLock { $0.append(searcher) }
    }
}

/// The part of the index a result is made of, in memory: pages, sections (by id) and the vocabulary.
struct Catalog: Sendable {
    struct PageInfo: Sendable {
        let section: Section
        let slug: String
        let title: String
        let summary: String
        /// The title's and each alias's tokens, to recognise a query that is exactly one of them.
        let names: Set<String>
        /// Words in the title: of two titles holding every word, the shorter is closer to what was asked.
        let titleWords: Int
    }

    struct SectionInfo: Sendable {
        let page: Int
        let anchor: String
        let heading: String
    }

    /// By id: the ids are 1...n (index 0 unused).
    let pages: [PageInfo?]
    let sections: [SectionInfo?]
    let vocabulary: Vocabulary

    init(connection: Connection) throws(SQLiteError) {
        var pages: [PageInfo?] = [nil]
        let pageRows = try connection.prepare("SELECT id, section, slug, title, summary, aliases FROM pages ORDER BY id")
        while try pageRows.step() {
            let id = pageRows.int(0)
            while pages.count < id { pages.append(nil) }
            let title = pageRows.text(3)
            let names = [title] + pageRows.text(5).split(separator: "\n").map(String.init)
            pages.append(PageInfo(section: Section(rawValue: pageRows.text(1)) ?? .guides, slug: pageRows.text(2),
                                  title: title, summary: pageRows.text(4),
                                  names: Set(names.map { QueryPlan.tokenize($0).joined(separator: " ") }),
                                  titleWords: QueryPlan.tokenize(title).count))
        }
        var sections: [SectionInfo?] = [nil]
        let sectionRows = try connection.prepare("SELECT id, page_id, anchor, heading FROM sections ORDER BY id")
        while try sectionRows.step() {
            let id = sectionRows.int(0)
            while sections.count < id { sections.append(nil) }
            sections.append(SectionInfo(page: sectionRows.int(1), anchor: sectionRows.text(2), heading: sectionRows.text(3)))
        }
        var counts: [String: Int] = [:]
        let words = try connection.prepare("SELECT term, sections FROM vocabulary")
        while try words.step() { counts[words.text(0)] = words.int(1) }
        self.pages = pages
        self.sections = sections
        vocabulary = Vocabulary(counts)
    }

    func page(ofSection id: Int) -> Int? {
        id > 0 && id < sections.count ? sections[id]?.page : nil
    }
}

/// Writes the schema, every page and every heading section in one transaction.
struct IndexWriter {
    let connection: Connection

    // Column weights for bm25 (title, aliases, heading, summary, tags, body, code): what a section is called counts
    // most, code least.
    static let weights = "8.0, 8.0, 5.0, 3.0, 3.0, 1.0, 0.4"

    func write(_ library: ContentLibrary) throws(SQLiteError) {
        // `pages` and `pages_fts` keep the page-level schema of earlier versions for tools that query the file.
        try connection.execute("""
            PRAGMA journal_mode = OFF;
            BEGIN;
            CREATE TABLE pages(id INTEGER PRIMARY KEY, section TEXT NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL,
                               summary TEXT NOT NULL, tags TEXT NOT NULL, body TEXT NOT NULL, url TEXT NOT NULL,
                               aliases TEXT NOT NULL);
            CREATE VIRTUAL TABLE pages_fts USING fts5(title, summary, tags, body, content='pages', content_rowid='id',
                                                      tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
            CREATE TABLE sections(id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, anchor TEXT NOT NULL,
                                  heading TEXT NOT NULL, title TEXT NOT NULL, aliases TEXT NOT NULL,
                                  summary TEXT NOT NULL, tags TEXT NOT NULL, body TEXT NOT NULL, code TEXT NOT NULL);
            CREATE VIRTUAL TABLE sections_fts USING fts5(title, aliases, heading, summary, tags, body, code,
                content='sections', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
            CREATE VIRTUAL TABLE words_fts USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2');
            """)
        let insertPage = try connection.prepare(
            "INSERT INTO pages(id, section, slug, title, summary, tags, body, url, aliases) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        let insertSection = try connection.prepare("""
            INSERT INTO sections(id, page_id, anchor, heading, title, aliases, summary, tags, body, code)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """)
        let insertWords = try connection.prepare("INSERT INTO words_fts(rowid, text) VALUES (?1, ?2)")
        var sectionID = 0
        for (offset, page) in library.pages.enumerated() {
            let pageID = offset + 1
            let aliases = page.frontMatter.aliases ?? []
            insertPage.bind(1, pageID)
            insertPage.bind(2, page.section.rawValue)
            insertPage.bind(3, page.slug)
            insertPage.bind(4, page.title)
            insertPage.bind(5, page.summary)
            insertPage.bind(6, page.tags.joined(separator: " "))
            insertPage.bind(7, page.plainText)
            insertPage.bind(8, page.url)
            insertPage.bind(9, aliases.joined(separator: "\n"))
            try insertPage.run()
            // The title and aliases go with every section, so "haiku 4.5 prices" finds the prices section of the
            // Haiku 4.5 page; the summary and tags only with the top of the page.
            for (position, section) in SectionSplitter.split(html: page.html).enumerated() {
                sectionID += 1
                let top = position == 0
                let columns = [page.title, aliases.joined(separator: " ; "), top ? page.summary : "",
                               top ? page.tags.joined(separator: " ; ") : "", section.prose, section.code]
                insertSection.bind(1, sectionID)
                insertSection.bind(2, pageID)
                insertSection.bind(3, section.anchor)
                insertSection.bind(4, section.heading)
                for (column, text) in columns.enumerated() { insertSection.bind(Int32(column + 5), text) }
                try insertSection.run()
                insertWords.bind(1, sectionID)
                insertWords.bind(2, ([section.heading] + columns).joined(separator: " \n "))
                try insertWords.run()
            }
        }
        try connection.execute("""
            INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');
            INSERT INTO pages_fts(pages_fts) VALUES ('optimize');
            INSERT INTO sections_fts(sections_fts) VALUES ('rebuild');
            INSERT INTO sections_fts(sections_fts) VALUES ('optimize');
            CREATE VIRTUAL TABLE temp.words_vocab USING fts5vocab(main, words_fts, 'row');
            CREATE TABLE vocabulary(term TEXT PRIMARY KEY, sections INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO vocabulary SELECT term, doc FROM temp.words_vocab;
            DROP TABLE temp.words_vocab;
            DROP TABLE words_fts;
            COMMIT;
            """)
    }
}
