import Synchronization

/// Rendered content pages, kept while they are used: a bounded least-recently-used cache, so that memory stays
/// bounded however many pages the content has (every page used to be rendered at start-up and kept).
final class PageCache: Sendable {
    private struct State {
        var entries: [String: (response: Response, used: UInt64)] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The cached response for `key`, or the one `render` makes (then kept); nil when `render` finds nothing.
    func response(for key: String, render: () -> Response?) -> Response? {
        let hit = state.withLock { state -> Response? in
            guard let entry = state.entries[key] else { return nil }
            state.clock += 1
            state.entries[key]?.used = state.clock
            return entry.response
        }
        if let hit { return hit }
        // Rendered outside the lock: two threads may render the same page once each, which is harmless.
        guard let rendered = render()?.prebuilt() else { return nil }
        state.withLock { state in
            state.clock += 1
            state.entries[key] = (rendered, state.clock)
            if state.entries.count > capacity {
                // Evict the least recently used eighth at once, so eviction is rare and cheap on average.
                let victims = state.entries.sorted { $0.value.used < $1.value.used }.prefix(max(1, capacity / 8))
                for victim in victims { state.entries[victim.key] = nil }
            }
        }
        return rendered
    }

    var count: Int { state.withLock { $0.entries.count } }
}
