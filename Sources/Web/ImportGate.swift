import Synchronization

/// How many usage imports, and verdicts priced on a link's usage profile, run at once. Reading and pricing a 32 MiB
/// file holds a worker thread for seconds; six at once held every thread of the pool and `/healthz` took 24 s. Past
/// the limit an upload is refused at once with 503 and `Retry-After`, and the other threads keep answering pages.
final class ImportGate: Sendable {
    /// Below the server's worker threads (4 by default), so that pages always have one. Each site holds its own
    /// (`AdvisorViews.importGate`).
    static let importLimit = 2
    /// Uploads whose bodies are held in memory while they arrive (Server.swift, `RequestState`): each may hold up to
    /// `ServerLimits.maxUploadBytes`, so this caps what all of them hold at four times that (128 MiB). Past it, an
    /// upload's body is read and dropped and it is answered 503 with `Retry-After`: 120 connections that each sent
    /// 31 MiB and then trickled took the server from 655 MB to 4.2 GB, on their way to an out-of-memory kill.
    static let receiving = ImportGate(limit: 4)
    /// Seconds after which a refused upload may try again.
    static let retryAfter = 5

    let limit: Int
    private let running = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Takes a place, or false when `limit` imports are running (nothing is taken then).
    func enter() -> Bool {
        if running.add(1, ordering: .acquiringAndReleasing).newValue <= limit { return true }
        running.subtract(1, ordering: .releasing)
        return false
    }

    func leave() { running.subtract(1, ordering: .releasing) }

    static let busyMessage = "Too many usage files are being imported right now; send yours again in a few seconds."
    /// For a link's `usage=` profile, which takes the same places (Router.respond).
    static let linkBusyMessage = "Too many verdicts are being priced on usage data right now; load this address again in a few seconds."
}
