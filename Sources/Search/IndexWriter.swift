import Advisor
import Content
import Foundation

/// Writes the schema, every page and every heading section in one transaction, through prepared statements on
/// one connection. Each chunk goes straight into the FTS5 index as it is written (no `rebuild` that reads the
/// content table back).
struct IndexWriter {
    let connection: Connection

    /// The layout of the file (tables, rowids, tokenizers), and the rendering it stores: a file written with another
    /// is rebuilt, never read. 6: page bodies render pipe tables (PipeTables.swift), so HTML and search text changed.
    /// 7: no prefix indexes (a prefix query reads the terms that start with it instead; the indexes tripled the
    /// tokens written and cost half of `index`'s time, and saved under a tenth of a prefix query's).
    /// 8: a model page's retirement day and the day it was superseded (`pages.retires`, `pages.superseded`), so that
    /// search ranks a retired or superseded model below current ones.
    /// 9: `check` refuses what it passed before (raw HTML in titles and summaries, rows wider than their header,
    /// accented anchors): a page stored by an older binary is trusted as checked, so the rules' change rebuilds it.
    /// 10: front-matter numbers YAML 1.1 reads otherwise than as decimals (`0:10`, `0x10`, `010`) are refused; a
    /// criteria setting (`engine.legacy_premium_usd`) an older binary refused is read.
    /// Bump it whenever a page-level rule of `check` changes.
    static let schemaVersion = "10"

    /// Writes every page of `library` (parsed in this run) in one go.
    func write(_ library: ContentLibrary) throws(SQLiteError) {
        try begin()
        let pages = try PageWriter(connection: connection)
        let intros = Section.allCases.compactMap { library.sectionIntros[$0] }
        for (page, isIntro) in library.pages.map({ ($0, false) }) + intros.map({ ($0, true) }) {
            try pages.insert(page, id: Self.id(of: page, in: library), isIntro: isIntro)
        }
        try finish(library, pages: pages)
    }

    /// A page's id: its place in the load's file order, plus one, as `IndexSink` numbers the pages it is given.
    static func id(of page: Page, in library: ContentLibrary) -> Int {
        guard let position = library.filePositions[page.key] else {
            preconditionFailure("\(page.path) is not in the library's file order")
        }
        return position + 1
    }

    /// The schema, in a transaction that `finish` commits.
    func begin() throws(SQLiteError) {
        try connection.execute("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            BEGIN;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE pages(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, intro INTEGER NOT NULL,
                               section TEXT NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL,
                               aliases TEXT NOT NULL, names TEXT NOT NULL, title_words INTEGER NOT NULL, ord INTEGER,
                               digest INTEGER NOT NULL, size INTEGER NOT NULL, modified INTEGER NOT NULL,
                               inode INTEGER NOT NULL, front_matter TEXT NOT NULL, yaml TEXT NOT NULL,
                               headings TEXT NOT NULL, links TEXT NOT NULL, retires INTEGER,
                               superseded INTEGER);
            -- Apart from the records: a start reads every record, and Markdown inline spread them over four times
            -- the file pages.
            CREATE TABLE bodies(id INTEGER PRIMARY KEY, markdown TEXT NOT NULL);
            CREATE TABLE sections(id INTEGER PRIMARY KEY, anchor TEXT NOT NULL, title TEXT NOT NULL, aliases TEXT NOT NULL,
                                  heading TEXT NOT NULL, summary TEXT NOT NULL, tags TEXT NOT NULL, body TEXT NOT NULL,
                                  code TEXT NOT NULL);
            CREATE VIRTUAL TABLE sections_fts USING fts5(title, aliases, heading, summary, tags, body, code,
                content='sections', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
            -- Terms are held in memory up to this many bytes before FTS5 writes a segment (1 MB by default): fewer,
            -- larger segments to merge. Only a full write gets near it; a page's update stays far below.
            INSERT INTO sections_fts(sections_fts, rank) VALUES ('hashsize', 33554432);
            CREATE TABLE vocabulary(term TEXT PRIMARY KEY, sections INTEGER NOT NULL) WITHOUT ROWID;
            """)
    }

    /// After the last page: the vocabulary, the file's meta data, FTS5's segments merged, and the commit.
    func finish(_ library: ContentLibrary, pages: PageWriter) throws(SQLiteError) {
        try pages.addWordsToVocabulary()
        try Self.writeMeta(connection, library: library)
        try connection.execute("""
            INSERT INTO sections_fts(sections_fts) VALUES ('optimize');
            COMMIT;
            """)
    }

    /// The schema version says whether this binary can read the file; a random generation tells one file from
    /// its replacement; the content fingerprint says whether the file is current with the content.
    /// `read_at`: when the library's files were read, for the stamps (`FileStamp.isTrusted`).
    static func writeMeta(_ connection: Connection, library: ContentLibrary) throws(SQLiteError) {
        let insertMeta = try connection.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)")
        for (key, value) in [("schema", schemaVersion), ("generation", String(UInt64.random(in: 1...UInt64.max), radix: 16)),
                             ("content", library.fingerprint), ("read_at", String(library.readAt))] {
            insertMeta.bind(1, key)
            insertMeta.bind(2, value)
            try insertMeta.run()
        }
    }
}

/// Inserts and deletes one page at a time (its record, its chunks in the content table and in FTS5, its words),
/// through statements prepared once: what a full write and an update share.
struct PageWriter {
    private let connection: Connection
    private let insertPage, insertBody, insertSection, insertIndexed, countWords, dropUncounted: Statement
    /// The words of the chunks written or deleted since the last count, counted on another thread.
    private let added, removed: WordCounter

    init(connection: Connection) throws(SQLiteError) {
        self.connection = connection
        added = try WordCounter()
        removed = try WordCounter()
        insertPage = try connection.prepare("""
            INSERT INTO pages(id, key, intro, section, slug, title, summary, aliases, names, title_words, digest, size,
                              modified, inode, front_matter, yaml, headings, links, ord, retires, superseded)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
            """, persistent: true)
        insertBody = try connection.prepare("INSERT INTO bodies(id, markdown) VALUES (?1, ?2)", persistent: true)
        insertSection = try connection.prepare("""
            INSERT INTO sections(id, anchor, title, aliases, heading, summary, tags, body, code)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """, persistent: true)
        insertIndexed = try connection.prepare("""
            INSERT INTO sections_fts(rowid, title, aliases, heading, summary, tags, body, code)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """, persistent: true)
        countWords = try connection.prepare("""
            INSERT INTO vocabulary(term, sections) VALUES (?1, ?2)
                ON CONFLICT(term) DO UPDATE SET sections = sections + excluded.sections
            """, persistent: true)
        dropUncounted = try connection.prepare("DELETE FROM vocabulary WHERE sections <= 0", persistent: true)
    }

    /// Writes a page that was parsed in this run (its sections are in memory). An intro is stored (its body is
    /// shown on its section's page) but not searched.
    func insert(_ page: Page, id: Int, isIntro: Bool = false) throws(SQLiteError) {
        guard let sections = page.body.sections else {
            preconditionFailure("\(page.path) was not parsed in this run: its sections are not in memory")
        }
        let aliases = page.frontMatter.aliases ?? []
        // What search needs of the page, worked out once here: the title's and each alias's tokens (a query that
        // is exactly one of them), and the title's length in words.
        let names = Set(([page.title] + aliases).map { QueryPlan.tokenize($0).joined(separator: " ") })
        let values: [Any] = [id, page.key, isIntro ? 1 : 0, page.section.rawValue, page.slug, page.title, page.summary,
                             aliases.joined(separator: "\n"), names.sorted().joined(separator: "\n"),
                             QueryPlan.tokenize(page.title).count, Int(bitPattern: UInt(page.digest)), page.size,
                             Int(page.stamp.modified), Int(bitPattern: UInt(page.stamp.inode)),
                             page.parsedFrontMatterJSON ?? Self.json(page.frontMatter), page.yaml, StoredLists.headings(page.headings),
                             StoredLists.links(page.links)]
        for (index, value) in values.enumerated() {
            if let number = value as? Int { insertPage.bind(Int32(index + 1), number) } else { insertPage.bind(Int32(index + 1), value as! String) }
        }
        if let order = page.order { insertPage.bind(19, order) } else { insertPage.bindNull(19) }
        // The days a model page's model retires and was first superseded (legacy or deprecated, whichever came first),
        // from its front matter's lifecycle, as day numbers.
        let lifecycle = page.frontMatter.model?.lifecycle
        let superseded = [lifecycle?.legacy, lifecycle?.deprecated].compactMap { $0.flatMap { CivilDate.day($0.value) } }.min()
        for (column, day) in [(Int32(20), lifecycle?.retires.flatMap { CivilDate.day($0.value) }), (21, superseded)] {
            if let day { insertPage.bind(column, day) } else { insertPage.bindNull(column) }
        }
        try insertPage.run()
        insertBody.bind(1, id)
        insertBody.bind(2, page.markdown)
        try insertBody.run()
        guard !isIntro else { return }
        // The title and aliases go with every section, so "haiku 4.5 prices" finds the prices section of the
        // Haiku 4.5 page; the summary and tags only with the top of the page.
        for chunk in SectionChunker.keyedChunks(sections) {
            let key = SectionKey(kind: page.section, page: id, section: chunk.section, chunk: chunk.chunk)
            let top = chunk.section == 0 && chunk.chunk == 0
            let text = chunk.text
            let columns = [page.title, aliases.joined(separator: " ; "), text.heading, top ? page.summary : "",
                           top ? page.tags.joined(separator: " ; ") : "", text.prose, text.code]
            insertSection.bind(1, key.rawValue)
            insertSection.bind(2, text.anchor)
            insertIndexed.bind(1, key.rawValue)
            for (column, value) in columns.enumerated() {
                insertSection.bind(Int32(column + 3), value)
                insertIndexed.bind(Int32(column + 2), value)
            }
            try insertSection.run()
            try insertIndexed.run()
            added.add(chunk: key.rawValue, text: Self.words(columns))
        }
    }

    /// Removes a page and its chunks; its chunks' words are queued to be taken from the vocabulary.
    func delete(pageID id: Int, kind: Section) throws(SQLiteError) {
        let low = SectionKey(kind: kind, page: id, section: 0, chunk: 0).rawValue, high = low + (1 << 24) - 1
        let chunks = try connection.prepare("""
            SELECT id, title, aliases, heading, summary, tags, body, code FROM sections WHERE id BETWEEN ?1 AND ?2
            """)
        chunks.bind(1, low)
        chunks.bind(2, high)
        while try chunks.step() { removed.add(chunk: chunks.int(0), text: Self.words((1...7).map { chunks.text($0) })) }
        // An external-content FTS5 table forgets a row only when told its old values.
        try connection.execute("""
            INSERT INTO sections_fts(sections_fts, rowid, title, aliases, heading, summary, tags, body, code)
                SELECT 'delete', id, title, aliases, heading, summary, tags, body, code FROM sections
                WHERE id BETWEEN \(low) AND \(high);
            DELETE FROM sections WHERE id BETWEEN \(low) AND \(high);
            DELETE FROM pages WHERE id = \(id);
            DELETE FROM bodies WHERE id = \(id);
            """)
    }

    /// Adds the words written since the last call to `vocabulary` (as many chunks as each is in).
    func addWordsToVocabulary() throws(SQLiteError) { try count(added, sign: 1) }

    /// Takes the words of the chunks deleted since the last call from `vocabulary`.
    func removeWordsFromVocabulary() throws(SQLiteError) { try count(removed, sign: -1) }

    private func count(_ counter: WordCounter, sign: Int) throws(SQLiteError) {
        for (word, chunks) in try counter.drain() {
            countWords.bind(1, word)
            countWords.bind(2, sign * chunks)
            try countWords.run()
        }
        try dropUncounted.run()
    }

    /// A chunk's columns as one text for the word count; the line breaks keep words of two columns apart.
    private static func words(_ columns: [String]) -> String { columns.joined(separator: " \n ") }

    private static func json<T: Encodable>(_ value: T) -> String {
        // A page made in code, not parsed from a file (a file's parser encodes it, and refuses a non-finite number
        // with its line): encoding cannot fail but by a programmer's mistake.
        guard let data = try? JSONEncoder().encode(value) else { preconditionFailure("unencodable \(T.self)") }
        return String(decoding: data, as: UTF8.self)
    }
}
