import CSQLite
import Foundation

/// A failed SQLite call: what was being done to which file, SQLite's code and message, and the statement.
/// Printed for a person ("cannot write /srv/site.db: disk full (SQLite 13)"): the path and the operation first,
/// the SQL left out (it is kept in `sql` for a debugger).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?
    /// The database file, as the user named it (not a temporary name).
    public var path: String?
    /// What was being done: "open", "read", "write", "replace".
    public var operation: String?
    /// The operating system's errno behind an I/O error (0 when none).
    public var systemErrno: Int32 = 0

    public init(code: Int32, message: String, sql: String? = nil, path: String? = nil, operation: String? = nil,
                systemErrno: Int32 = 0) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
        self.operation = operation
        self.systemErrno = systemErrno
    }

    /// No space: SQLITE_FULL, or an I/O error whose cause is ENOSPC, EDQUOT or EFBIG (the file size limit).
    public var isDiskFull: Bool {
        primaryCode == SQLITE_FULL || [ENOSPC, EDQUOT, EFBIG].contains(systemErrno)
    }

    /// The primary result code (SQLITE_IOERR_WRITE is SQLITE_IOERR).
    public var primaryCode: Int32 { code & 0xFF }

    /// The file is not a usable database any more (overwritten, truncated): rebuild it rather than retry.
    public var isCorruption: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }
    /// The file was written by another version of haiku-advisor (another `IndexWriter.schemaVersion`).
    public var isOtherSchema: Bool { primaryCode == SQLITE_FORMAT }
    /// The query ran out of its time budget (the progress handler interrupted it).
    public var isInterrupted: Bool { primaryCode == SQLITE_INTERRUPT }
    /// The file or its directory cannot be written (read-only, no space, no permission): worth retrying later,
    /// and not the content's fault.
    public var isWriteFailure: Bool {
        operation == "replace" || [SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_PERM].contains(primaryCode)
    }

    /// The same error, said of `path` and `operation`: a failure anywhere while building an index is a failure to
    /// write the file the user named, not to open or read its temporary twin.
    func at(_ path: String, _ operation: String) -> SQLiteError {
        var copy = self
        copy.path = path
        copy.operation = operation
        return copy
    }

    public var description: String {
        let reason = isDiskFull ? "disk full" : Self.reasons[primaryCode] ?? message
        var detail = reason == message ? "" : " [\(message)]"
        if systemErrno != 0 { detail += " [\(String(cString: strerror(systemErrno)))]" }
        let subject = path.map { "cannot \(operation ?? "use") \($0): " } ?? ""
        // Code 0: a system call (rename), not SQLite, failed.
        return "\(subject)\(reason)\(detail)" + (code == 0 ? "" : " (SQLite \(code))")
    }

    /// Short words for the failures an operator meets, instead of SQLite's generic ones.
    private static let reasons: [Int32: String] = [
        SQLITE_FULL: "disk full", SQLITE_READONLY: "read-only", SQLITE_CANTOPEN: "cannot open the file or create it in its directory",
        SQLITE_CORRUPT: "the database is corrupt", SQLITE_NOTADB: "not a database (overwritten or truncated?)",
        SQLITE_PERM: "permission denied", SQLITE_INTERRUPT: "the query ran out of its time budget",
    ]
}

/// SQLite copies text bound with TRANSIENT: a Swift String's C form lives only for the call.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A deadline for the statement running on a connection, read by SQLite's progress handler.
/// Written and read by the one thread that holds the connection.
final class QueryBudget {
    /// DispatchTime nanoseconds; `.max` means no limit.
    var deadline: UInt64 = .max
}

/// One SQLite connection. Not Sendable: a connection is used by one thread at a time (opened NOMUTEX).
final class Connection {
    let handle: OpaquePointer
    /// The file as the user named it, for messages.
    let path: String
    let budget = QueryBudget()

    /// Process-wide settings, applied once before the library initialises (the first open): see
    /// `ha_sqlite_disable_memory_statistics` in Sources/CSQLite/shim.h for why.
    private static let configured: Int32 = ha_sqlite_disable_memory_statistics()

    init(path: String, readOnly: Bool = false, displayPath: String? = nil) throws(SQLiteError) {
        _ = Self.configured
        self.path = displayPath ?? path
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw SQLiteError(code: code, message: message, path: displayPath ?? path, operation: "open")
        }
        handle = db
        // Every VM step checks the budget every 100 instructions: a query over its time is interrupted
        // (SQLITE_INTERRUPT) instead of holding a worker thread. A ranked MATCH takes a dozen instructions a row
        // (the ranking runs in callbacks), so 1,000 would let thousands of rows by unchecked.
        // https://sqlite.org/c3ref/progress_handler.html
        sqlite3_progress_handler(db, 100, { context in
            guard let context else { return 0 }
            let budget = Unmanaged<QueryBudget>.fromOpaque(context).takeUnretainedValue()
            return DispatchTime.now().uptimeNanoseconds > budget.deadline ? 1 : 0
        }, Unmanaged.passUnretained(budget).toOpaque())
        if readOnly { try execute("PRAGMA query_only = 1") }
    }

    deinit {
        sqlite3_finalize(begin)
        sqlite3_finalize(commit)
        sqlite3_close_v2(handle)
    }

    // Prepared once: parsing BEGIN and COMMIT on every request would cost more than the statements save.
    private var begin: OpaquePointer?, commit: OpaquePointer?

    /// Runs `body` in one read transaction. Outside one, every statement is its own: SQLite takes the file lock,
    /// looks for a hot journal and re-reads the header to validate its cache at each, and gives the lock back after
    /// (strace on a search: 29 system calls, 12.5 of them fcntl locks); in one, once per request (11.5 calls). A
    /// change to the file in place is still seen at the next request.
    func reading<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        if begin == nil {
            sqlite3_prepare_v3(handle, "BEGIN", -1, UInt32(SQLITE_PREPARE_PERSISTENT), &begin, nil)
            sqlite3_prepare_v3(handle, "COMMIT", -1, UInt32(SQLITE_PREPARE_PERSISTENT), &commit, nil)
        }
        // Nested (a transaction already open) or unprepared: the statements run as they would alone.
        guard sqlite3_get_autocommit(handle) != 0, let begin, let commit else { return try body() }
        let code = sqlite3_step(begin)
        sqlite3_reset(begin)
        guard code == SQLITE_DONE else { throw error(code, "BEGIN") }
        defer {
            // An interrupted statement may have ended the transaction already.
            if sqlite3_get_autocommit(handle) == 0 {
                sqlite3_step(commit)
                sqlite3_reset(commit)
            }
        }
        return try body()
    }

    /// Runs `body` with at most `milliseconds` for the statements it steps (nil: no limit).
    func withBudget<T>(milliseconds: Int?, _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        if let milliseconds {
            budget.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, milliseconds)) * 1_000_000
        }
        defer { budget.deadline = .max }
        return try body()
    }

    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql) }
    }

    /// Prepares a statement meant to be reused many times (SQLITE_PREPARE_PERSISTENT).
    func prepare(_ sql: String, persistent: Bool = false) throws(SQLiteError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql) }
        return Statement(handle: statement, connection: self, sql: sql)
    }

    /// The first column of the first row of `sql`, as text (nil when there is no row).
    func scalar(_ sql: String) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.text(0) : nil
    }

    func error(_ code: Int32, _ sql: String?) -> SQLiteError {
        // The extended code tells a full disk (SQLITE_FULL) from a failed write (SQLITE_IOERR_WRITE).
        let extended = sqlite3_extended_errcode(handle)
        let isIO = [SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN].contains(code & 0xFF)
        return SQLiteError(code: extended & 0xFF == code & 0xFF ? extended : code,
                           message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path, operation: "read",
                           systemErrno: isIO ? sqlite3_system_errno(handle) : 0)
    }
}

/// A prepared statement, finalized with its owner. Bind, step, read columns, then `reset()` for the next use.
final class Statement {
    let handle: OpaquePointer
    private let connection: Connection
    let sql: String

    fileprivate init(handle: OpaquePointer, connection: Connection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ index: Int32, _ text: String) {
        // A bad index is a programmer's mistake, not a user's.
        guard sqlite3_bind_text(handle, index, text, -1, SQLITE_TRANSIENT) == SQLITE_OK else {
            preconditionFailure("bind \(index) failed for \(sql)")
        }
    }

    func bind(_ index: Int32, _ value: Int) {
        guard sqlite3_bind_int64(handle, index, sqlite3_int64(value)) == SQLITE_OK else {
            preconditionFailure("bind \(index) failed for \(sql)")
        }
    }

    func bindNull(_ index: Int32) {
        guard sqlite3_bind_null(handle, index) == SQLITE_OK else { preconditionFailure("bind \(index) failed for \(sql)") }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// Steps once: true while a row is available.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(code, sql)
        }
    }

    func run() throws(SQLiteError) {
        while try step() {}
        reset()
    }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: pointer)
    }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    /// nil for SQL NULL.
    func optionalInt(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : int(column)
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
