import Foundation
import Testing
@testable import Scan

/// A file that would make a read wait (a FIFO with no writer, /proc/kmsg) is skipped as unreadable at once: `scan /proc`
/// hung for good on /proc/kmsg, a regular file of size 0 whose read blocks until the kernel logs.
struct SpecialFileTests {
    @Test func aFIFOIsUnreadableNotAWait() throws {
        let fifo = NSTemporaryDirectory() + "haiku-fifo-\(UUID().uuidString)"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let started = ContinuousClock.now
        guard case .unreadable = Scanner(names: ["claude-haiku-4-5"]).scanFile(fifo, buffer: &buffer) else {
            Issue.record("a FIFO was read")
            return
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }
}
