import CSQLite
import Foundation
import Testing
@testable import Search

/// The integrity check that `serve` starts beside the content's load (IndexCheck.swift).
struct IndexCheckTests {
    /// A database of about 40 MB: its quick_check reads every page, long enough to be stopped.
    static func largeFile() throws -> String {
        let path = NSTemporaryDirectory() + "index-check-\(UUID().uuidString).db"
        let connection = try Connection(path: path)
        try connection.execute("CREATE TABLE t(x BLOB); BEGIN")
        let statement = try connection.prepare("INSERT INTO t(x) VALUES (randomblob(4000))")
        for _ in 0..<10_000 { try statement.run() }
        try connection.execute("COMMIT")
        return path
    }

    @Test func aSoundFileIsPassed() throws {
        let path = try Self.largeFile()
        defer { unlink(path) }
        let check = try #require(IndexCheck.start(path: path))
        try check.verdict()
    }

    /// A file that is being rebuilt needs no verdict: cancelled, the check stops at once instead of reading the old
    /// file to the end on a core the rebuild needs, and its verdict says it was interrupted.
    @Test func aCancelledCheckStopsAndSaysSo() throws {
        let path = try Self.largeFile()
        defer { unlink(path) }
        let check = try #require(IndexCheck.start(path: path))
        check.cancel()
        #expect {
            try check.verdict()
        } throws: { error in
            (error as? SQLiteError)?.isInterrupted == true
        }
    }
}
