import CSQLite
import Foundation
import Testing
@testable import Search

/// `Connection.reading`: a request's statements share one read transaction, which ends with the request whatever
/// happens inside it, and a change written by another connection between two requests is seen by the next one.
struct ReadTransactionTests {
    @Test func oneTransactionPerRequestThatAlwaysEnds() throws {
        let path = NSTemporaryDirectory() + "haiku-reading-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try Connection(path: path)
        try writer.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        let reader = try Connection(path: path, readOnly: true)

        let inside = try reader.reading { () throws(SQLiteError) in
            (sqlite3_get_autocommit(reader.handle), try reader.scalar("SELECT count(*) FROM t"))
        }
        #expect(inside.0 == 0 && inside.1 == "1")
        #expect(sqlite3_get_autocommit(reader.handle) != 0)

        // A nested call runs inside the outer transaction; an error still ends it.
        let nested = try reader.reading { () throws(SQLiteError) in
            try reader.reading { () throws(SQLiteError) in sqlite3_get_autocommit(reader.handle) }
        }
        #expect(nested == 0 && sqlite3_get_autocommit(reader.handle) != 0)
        #expect(throws: SQLiteError.self) {
            try reader.reading { () throws(SQLiteError) in _ = try reader.scalar("SELECT * FROM missing") }
        }
        #expect(sqlite3_get_autocommit(reader.handle) != 0)

        // Between requests the lock is given back: the writer can write, and the next request sees it.
        try writer.execute("INSERT INTO t VALUES (2);")
        #expect(try reader.reading { () throws(SQLiteError) in try reader.scalar("SELECT count(*) FROM t") } == "2")
    }
}
