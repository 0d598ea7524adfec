import CSQLite
import Foundation

/// `PRAGMA quick_check` of an index file, on a thread of its own: it reads the whole file (a third of a second for
/// 260 MB), so a start runs it while the content is read, and opening the index waits for its verdict. A damaged
/// file is still refused before anything is served.
public final class IndexCheck: @unchecked Sendable {
    /// When opening an index runs the check: now, by this one started earlier (when it read the same file), or
    /// not at all (a file this process has just written from a checked one).
    public enum When {
        case now
        case startedBefore(IndexCheck)
        case skip
    }

    /// The file it checks, as it was when the check began: a verdict on another file is not used.
    let identity: FileIdentity?
    private let done = DispatchSemaphore(value: 0)
    private var outcome: SQLiteError??
    private let lock = NSLock()
    private var connection: Connection?
    private var cancelled = false

    /// Starts checking the file at `path`; nil when there is none (or it is `:memory:`).
    public static func start(path: String) -> IndexCheck? {
        guard path != ":memory:", let identity = FileIdentity(path: path) else { return nil }
        let check = IndexCheck(identity: identity)
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(SQLiteError) {
                let connection = try Connection(path: path, readOnly: true)
                guard check.running(connection) else { throw SQLiteError(code: SQLITE_INTERRUPT, message: "cancelled") }
                defer { _ = check.running(nil) }
                try run(connection, path: path)
                check.finish(nil)
            } catch {
                check.finish(error)
            }
        }
        return check
    }

    /// Stops the check when its verdict is not wanted (the file is being rebuilt): it would read the whole old file
    /// on a core the rebuild needs.
    public func cancel() {
        lock.lock()
        defer { lock.unlock() }
        cancelled = true
        if let connection { sqlite3_interrupt(connection.handle) }
    }

    /// Notes the connection the check runs on (nil when it is done); false when the check was cancelled already.
    private func running(_ connection: Connection?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        self.connection = connection
        return !cancelled
    }

    private init(identity: FileIdentity) {
        self.identity = identity
    }

    private func finish(_ error: SQLiteError?) {
        outcome = .some(error)
        done.signal()
    }

    /// Waits for the check; throws what it found.
    func verdict() throws(SQLiteError) {
        done.wait()
        done.signal()  // a second caller does not wait forever
        if case .some(.some(let error)) = outcome { throw error }
    }

    /// The check itself, on `connection`.
    static func run(_ connection: Connection, path: String) throws(SQLiteError) {
        let result = try connection.scalar("PRAGMA quick_check") ?? ""
        guard result == "ok" else {
            throw SQLiteError(code: SQLITE_CORRUPT, message: result, path: path, operation: "check")
        }
    }
}
