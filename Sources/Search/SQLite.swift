import CSQLite

/// A failed SQLite call, with SQLite's own message and the statement it was running.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String { sql.map { "SQLite error \(code): \(message) in `\($0)`" } ?? "SQLite error \(code): \(message)" }
}

/// SQLite copies text bound with TRANSIENT: a Swift String's C form lives only for the call.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection. Not Sendable: a connection is used by one thread at a time (opened NOMUTEX).
final class Connection {
    let handle: OpaquePointer

    init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw SQLiteError(code: code, message: message, sql: nil)
        }
        handle = db
        if readOnly { try execute("PRAGMA query_only = 1") }
    }

    deinit {
        sqlite3_close_v2(handle)
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

    func error(_ code: Int32, _ sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
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

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
