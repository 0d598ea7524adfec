import Content

/// Brings an index file up to date with a library in which only the new and changed pages were parsed (the
/// others were read back from this file's `PageStore`): removes the pages that changed or went, writes the
/// parsed ones, and records the new fingerprint, in one transaction. A changed page keeps its id.
struct IndexUpdate {
    let connection: Connection

    func apply(_ library: ContentLibrary) throws(SQLiteError) {
        try connection.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;")
        var existing: [String: (id: Int, kind: Section)] = [:]
        var nextID = 1
        let rows = try connection.prepare("SELECT id, key, section FROM pages")
        while try rows.step() {
            existing[rows.text(1)] = (rows.int(0), Section(rawValue: rows.text(2)) ?? .guides)
            nextID = max(nextID, rows.int(0) + 1)
        }
        let intros = Section.allCases.compactMap { library.sectionIntros[$0] }
        let wanted = Dictionary((library.pages + intros).map { ($0.key, $0) }) { first, _ in first }
        let writer = try PageWriter(connection: connection)
        for (key, old) in existing where wanted[key].map({ $0.body.sections != nil }) ?? true {
            try writer.delete(pageID: old.id, kind: old.kind)
        }
        try writer.removeWordsFromVocabulary()
        let introKeys = Set(intros.map(\.key))
        for page in library.pages + intros where page.body.sections != nil {
            let id = existing[page.key]?.id ?? nextID
            if id == nextID { nextID += 1 }
            try writer.insert(page, id: id, isIntro: introKeys.contains(page.key))
        }
        try writer.addWordsToVocabulary()
        try IndexWriter.writeMeta(connection, library: library)
        try connection.execute("COMMIT")
    }
}
