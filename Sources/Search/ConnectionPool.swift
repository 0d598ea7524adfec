import Foundation

/// A fixed set of items (search connections) lent to one thread at a time. A borrower waits a bounded time for
/// one to come back, so a burst of slow searches queues here instead of taking every server thread.
final class ConnectionPool<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [Item]

    init(_ items: [Item]) {
        free = items
    }

    /// An item no other thread holds, or nil when none came back within `waitingMilliseconds`.
    func acquire(waitingMilliseconds: Int) -> Item? {
        let deadline = Date(timeIntervalSinceNow: Double(max(0, waitingMilliseconds)) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty {
            guard condition.wait(until: deadline) else { return free.popLast() }
        }
        return free.popLast()
    }

    func release(_ item: Item) {
        condition.lock()
        free.append(item)
        condition.signal()
        condition.unlock()
    }
}
