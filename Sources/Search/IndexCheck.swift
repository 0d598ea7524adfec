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

    /// Starts checking the file at `path`; nil when there is none (or it is `:memory:`).
    public static func start(path: String) -> IndexCheck? {
        guard path != ":memory:", let identity = FileIdentity(path: path) else { return nil }
        let check = IndexCheck(identity: identity)
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(SQLiteError) {
                try run(try Connection(path: path, readOnly: true), path: path)
                check.finish(nil)
            } catch {
                check.finish(error)
            }
        }
        return check
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
