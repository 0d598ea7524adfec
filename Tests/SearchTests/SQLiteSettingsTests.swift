import CSQLite
import Foundation
import Testing
@testable import Search

/// The process-wide SQLite settings `Connection` applies before the first open (Sources/CSQLite/shim.h): without
/// allocation statistics no sqlite3_malloc takes SQLite's global memory mutex, which the server's worker threads
/// queued on.
struct SQLiteSettingsTests {
    @Test func allocationStatisticsAreOffOnceAConnectionIsOpen() throws {
        let path = NSTemporaryDirectory() + "haiku-settings-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let connection = try Connection(path: path)
        try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(100000));")
        #expect(try connection.scalar("SELECT length(x) FROM t") == "100000")
        // With statistics on, this counts every byte SQLite holds (the page cache alone is kilobytes); off, it
        // stays at zero.
        #expect(sqlite3_memory_used() == 0)
        // Too late now: the library is initialised, so the setting can no longer be changed (nor turned back on).
        #expect(ha_sqlite_disable_memory_statistics() == SQLITE_MISUSE)
    }
}
