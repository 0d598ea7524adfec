import Content

/// Writes the schema, every page and every heading section in one transaction, through prepared statements on
/// one connection. Each chunk goes straight into the FTS5 index as it is written (no `rebuild` that reads the
/// content table back).
struct IndexWriter {
    let connection: Connection

    /// The layout of the file (tables, rowids, tokenizers). A file written with another is rebuilt, never read.
    static let schemaVersion = "3"

    func write(_ library: ContentLibrary) throws(SQLiteError) {
        try connection.execute("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            BEGIN;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE pages(id INTEGER PRIMARY KEY, section TEXT NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL,
                               summary TEXT NOT NULL, aliases TEXT NOT NULL);
            CREATE TABLE sections(id INTEGER PRIMARY KEY, anchor TEXT NOT NULL, title TEXT NOT NULL, aliases TEXT NOT NULL,
                                  heading TEXT NOT NULL, summary TEXT NOT NULL, tags TEXT NOT NULL, body TEXT NOT NULL,
                                  code TEXT NOT NULL);
            CREATE VIRTUAL TABLE sections_fts USING fts5(title, aliases, heading, summary, tags, body, code,
                content='sections', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
            CREATE VIRTUAL TABLE temp.words_fts USING fts5(text, content='', detail='none', columnsize=0,
                                                          tokenize='unicode61 remove_diacritics 2');
            """)
        // The schema version says whether this binary can read the file; a random generation tells one file from
        // its replacement; the content fingerprint says whether the file is current with the content.
        let insertMeta = try connection.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)")
        for (key, value) in [("schema", Self.schemaVersion),
                             ("generation", String(UInt64.random(in: 1...UInt64.max), radix: 16)),
                             ("content", library.fingerprint)] {
            insertMeta.bind(1, key)
            insertMeta.bind(2, value)
            try insertMeta.run()
        }
        let insertPage = try connection.prepare(
            "INSERT INTO pages(id, section, slug, title, summary, aliases) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", persistent: true)
        let insertSection = try connection.prepare("""
            INSERT INTO sections(id, anchor, title, aliases, heading, summary, tags, body, code)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """, persistent: true)
        let insertIndexed = try connection.prepare("""
            INSERT INTO sections_fts(rowid, title, aliases, heading, summary, tags, body, code)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """, persistent: true)
        let insertWords = try connection.prepare("INSERT INTO temp.words_fts(rowid, text) VALUES (?1, ?2)", persistent: true)
        for (offset, page) in library.pages.enumerated() {
            let pageID = offset + 1
            let aliases = page.frontMatter.aliases ?? []
            insertPage.bind(1, pageID)
            insertPage.bind(2, page.section.rawValue)
            insertPage.bind(3, page.slug)
            insertPage.bind(4, page.title)
            insertPage.bind(5, page.summary)
            insertPage.bind(6, aliases.joined(separator: "\n"))
            try insertPage.run()
            // The title and aliases go with every section, so "haiku 4.5 prices" finds the prices section of the
            // Haiku 4.5 page; the summary and tags only with the top of the page.
            for chunk in SectionChunker.keyedChunks(page.sections) {
                let key = SectionKey(kind: page.section, page: pageID, section: chunk.section, chunk: chunk.chunk)
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
                insertWords.bind(1, key.rawValue)
                insertWords.bind(2, columns.joined(separator: " \n "))
                try insertWords.run()
            }
        }
        // The vocabulary (unstemmed words and how many chunks hold each) is all "did you mean" needs; the word
        // table it is counted from stays out of the file.
        try connection.execute("""
            INSERT INTO sections_fts(sections_fts) VALUES ('optimize');
            CREATE VIRTUAL TABLE temp.words_vocab USING fts5vocab(temp, words_fts, 'row');
            CREATE TABLE vocabulary(term TEXT PRIMARY KEY, sections INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO vocabulary SELECT term, doc FROM temp.words_vocab;
            DROP TABLE temp.words_vocab;
            DROP TABLE temp.words_fts;
            COMMIT;
            """)
    }
}
