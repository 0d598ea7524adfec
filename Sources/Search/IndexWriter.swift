import Content

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
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            """)
        // A random generation tells one file from its replacement; the content fingerprint tells whether an
        // existing file is current (served read-only when a new one cannot be written).
        let insertMeta = try connection.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)")
        for (key, value) in [("generation", String(UInt64.random(in: 1...UInt64.max), radix: 16)),
                             ("content", library.fingerprint)] {
            insertMeta.bind(1, key)
            insertMeta.bind(2, value)
            try insertMeta.run()
        }
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
            for (position, section) in SectionChunker.chunks(SectionSplitter.split(html: page.html)).enumerated() {
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
