import Synchronization

/// Values made on first use and kept while they are used (rendered content pages, their `.md` twins): a bounded
/// least-recently-used cache, so that memory stays bounded however many pages the content has (every page used
/// to be rendered at start-up and kept).
final class BoundedCache<Value: Sendable>: Sendable {
    private struct State {
        var entries: [String: (value: Value, used: UInt64)] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The cached value for `key`, or the one `make` makes (then kept); nil when `make` finds nothing.
    func value(for key: String, make: () -> Value?) -> Value? {
        let hit = state.withLock { state -> Value? in
            guard let entry = state.entries[key] else { return nil }
            state.clock += 1
            state.entries[key]?.used = state.clock
            return entry.value
        }
        if let hit { return hit }
        // Made outside the lock: two threads may make the same value once each, which is harmless.
        guard let made = make() else { return nil }
        state.withLock { state in
            state.clock += 1
            state.entries[key] = (made, state.clock)
            if state.entries.count > capacity {
                // Evict the least recently used eighth at once, so eviction is rare and cheap on average.
                let victims = state.entries.sorted { $0.value.used < $1.value.used }.prefix(max(1, capacity / 8))
                for victim in victims { state.entries[victim.key] = nil }
            }
        }
        return made
    }

    var count: Int { state.withLock { $0.entries.count } }
}
