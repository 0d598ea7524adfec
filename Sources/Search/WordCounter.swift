import Dispatch

/// Counts the unstemmed words of chunks (in how many chunks each is) for `vocabulary` ("did you mean" and
/// run-together words), on its own in-memory connection and its own thread, so that a full write tokenizes the
/// text for the vocabulary on the second core while the index connection tokenizes it for FTS5 (on the one writer,
/// this second tokenization was about 0.6 s of the bench's 10,000 pages). fts5vocab does the counting; FTS5's
/// unicode61 is the tokenizer the queries use, so the words are the ones a query can be corrected to.
final class WordCounter: @unchecked Sendable {
    // The connection, its statement and `failure` are touched only on `queue`.
    private let queue = DispatchQueue(label: "haiku-advisor.word-counter")
    private let connection: Connection
    private let insert: Statement
    private var failure: SQLiteError?

    init() throws(SQLiteError) {
        connection = try Connection(path: ":memory:")
        try connection.execute("""
            CREATE VIRTUAL TABLE words_fts USING fts5(text, content='', detail='none', columnsize=0,
                                                      tokenize='unicode61 remove_diacritics 2');
            INSERT INTO words_fts(words_fts, rank) VALUES ('hashsize', 16777216);
            CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words_fts, 'row');
            -- One transaction for the counter's life: FTS5 writes its pending terms out at every commit.
            BEGIN;
            """)
        insert = try connection.prepare("INSERT INTO words_fts(rowid, text) VALUES (?1, ?2)", persistent: true)
    }

    /// Chunks not yet handed to the queue: handing them over in batches keeps the wake-ups (one a chunk was 4 %
    /// of the run) out of the writer's time. Touched only by the thread that calls `add` and `drain`.
    private var batch: [(id: Int, text: String)] = []
    private var batchBytes = 0

    /// Queues one chunk's text; returns at once.
    func add(chunk id: Int, text: String) {
        batch.append((id, text))
        batchBytes += text.utf8.count
        if batchBytes >= 1 << 18 { handOver() }
    }

    private func handOver() {
        guard !batch.isEmpty else { return }
        let chunks = batch
        batch = []
        batchBytes = 0
        queue.async { [self] in
            for (id, text) in chunks where failure == nil {
                insert.bind(1, id)
                insert.bind(2, text)
                do throws(SQLiteError) { try insert.run() } catch { failure = error }
            }
        }
    }

    /// Waits for the queued chunks, returns each word with the number of chunks it is in, and starts again empty.
    func drain() throws(SQLiteError) -> [(word: String, chunks: Int)] {
        handOver()
        let result: Result<[(word: String, chunks: Int)], SQLiteError> = queue.sync { [self] in
            do throws(SQLiteError) {
                if let failure { throw failure }
                var counts: [(word: String, chunks: Int)] = []
                let rows = try connection.prepare("SELECT term, doc FROM words_vocab")
                while try rows.step() { counts.append((rows.text(0), rows.int(1))) }
                try connection.execute("INSERT INTO words_fts(words_fts) VALUES ('delete-all')")
                return .success(counts)
            } catch { return .failure(error) }
        }
        return try result.get()
    }
}
