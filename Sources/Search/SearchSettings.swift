/// How searches are bounded.
public struct SearchSettings: Sendable {
    /// The most one search may take, in milliseconds: SQLite's progress handler interrupts it after that and the
    /// search fails with `SearchError.overBudget` (a 503 with Retry-After on the web).
    public var queryBudgetMs = 1_000
    /// Searches that may run at once, one read-only connection each, all opened together on the same file.
    /// The server gives search one thread fewer than it has, so pages keep being served while searches are slow.
    public var connections = 2

    public init(queryBudgetMs: Int = 1_000, connections: Int = 2) {
        self.queryBudgetMs = queryBudgetMs
        self.connections = max(1, connections)
    }
}

/// Why a search gave no results. Never the user's fault: the query text cannot make SQLite fail.
public enum SearchError: Error, Sendable, CustomStringConvertible {
    /// The search ran out of its time budget.
    case overBudget(milliseconds: Int)
    /// Every search connection stayed busy for a whole budget.
    case busy
    /// The index cannot be read (corrupt, overwritten, unreadable).
    case unusable(SQLiteError)

    public var description: String {
        switch self {
        case .overBudget(let ms): "the search took longer than its budget of \(ms) ms"
        case .busy: "every search connection is busy"
        case .unusable(let error): "the search index cannot be read: \(error)"
        }
    }
}
