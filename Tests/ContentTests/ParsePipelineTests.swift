import Foundation
import Synchronization
import Testing
@testable import Content

/// The parse pipeline behind `ContentLibrary.load`: every file taken once, in file order, however the workers
/// finish, and never more than the window parsed ahead of the one the caller waits for.
struct ParsePipelineTests {
    @Test(arguments: [1, 2, 4])
    func resultsAreTakenOnceInOrderAndTheWorkersStayWithinTheWindow(workers: Int) {
        let count = 300, window = 8
        let parsedAhead = Mutex((taken: 0, worst: 0))
        var taken: [Int] = []
        ParsePipeline<Int>(count: count, window: window).run(workers: workers) { index in
            // Out-of-order finishes: later files are often quicker than earlier ones.
            usleep(UInt32((index * 7919) % 5) * 100)
            parsedAhead.withLock { $0.worst = max($0.worst, index - $0.taken) }
            return index * 2
        } take: { index, result in
            #expect(result == index * 2)
            taken.append(index)
            parsedAhead.withLock { $0.taken = index + 1 }
        }
        #expect(taken == Array(0..<count))
        // A worker starts a file only while it is within the window of the next one to take.
        #expect(parsedAhead.withLock { $0.worst } < window)
    }

    @Test func anEmptyListReturnsAtOnce() {
        var calls = 0
        ParsePipeline<Int>(count: 0).run { $0 } take: { _, _ in calls += 1 }
        #expect(calls == 0)
    }
}
