import Content

/// Writes each page into a new index file as the load hands it over (`PageSink`), numbered by its place in the
/// file order as `IndexWriter.write` numbers a library's: the writer works on this thread while the next files
/// are parsed on the others. The first write error stops the writing; the load goes on, and `finish` throws it.
final class IndexSink: PageSink {
    private let writer: IndexWriter
    private let pages: PageWriter
    private(set) var failure: SQLiteError?

    init(connection: Connection) throws(SQLiteError) {
        writer = IndexWriter(connection: connection)
        try writer.begin()
        pages = try PageWriter(connection: connection)
    }

    func take(_ page: Page, position: Int, isIntro: Bool) {
        guard failure == nil else { return }
        do throws(SQLiteError) { try pages.insert(page, id: position + 1, isIntro: isIntro) } catch { failure = error }
    }

    /// After the load: the vocabulary, the meta data and the commit (or the first write error).
    func finish(_ library: ContentLibrary) throws(SQLiteError) {
        if let failure { throw failure }
        try writer.finish(library, pages: pages)
    }
}
