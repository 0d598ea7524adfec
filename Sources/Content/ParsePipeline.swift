import Foundation

/// Parses files on every core while the calling thread takes the results in file order (`ContentLibrary.load`).
/// Workers claim files in order, a few at a time, and stay within `window` files of the one the caller waits for,
/// so that a slow consumer (the index writer) bounds how many parsed pages are in memory at once. No deadlock: the
/// file the caller waits for was claimed before every file a worker may be waiting to start, and its batch, no
/// longer than the window, is never held back.
final class ParsePipeline<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    // Touched only under `condition`.
    private var slots: [Result?]
    private var nextClaim = 0
    private var taken = 0
    private let window: Int

    /// Files a worker claims at once: never more than the window, or a worker could wait for room that only the
    /// files it holds would make.
    private let batch: Int

    init(count: Int, window: Int = 256, batch: Int = 8) {
        slots = Array(repeating: nil, count: count)
        self.window = max(1, window)
        self.batch = max(1, min(batch, self.window))
    }

    /// Runs `parse` on every index on `workers` threads, and `take` on the calling thread for each result in
    /// index order, as soon as it and every one before it are ready. Returns when every result was taken.
    func run(workers: Int = ProcessInfo.processInfo.activeProcessorCount, parse: @escaping @Sendable (Int) -> Result,
             take: (Int, Result) -> Void) {
        let count = slots.count
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            DispatchQueue.global().async(group: group) { [self] in
                while let range = claim() {
                    let results = range.map(parse)
                    condition.withLock {
                        for (index, result) in zip(range, results) { slots[index] = result }
                        condition.broadcast()
                    }
                }
            }
        }
        for index in 0..<count {
            let result: Result = condition.withLock {
                while slots[index] == nil { condition.wait() }
                defer { slots[index] = nil }
                taken = index + 1
                condition.broadcast()
                return slots[index]!
            }
            take(index, result)
        }
        group.wait()
    }

    /// The next files to parse, a few at a time (one lock and one wake-up per file was a tenth of a start that
    /// parses little), once they are within the window; nil when every file is claimed.
    private func claim() -> Range<Int>? {
        condition.withLock {
            guard nextClaim < slots.count else { return nil }
            let range = nextClaim..<min(slots.count, nextClaim + batch)
            nextClaim = range.upperBound
            while range.upperBound > taken + window { condition.wait() }
            return range
        }
    }
}
