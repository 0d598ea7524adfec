import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard input as newline-delimited messages, read in linear time and capped: the SDK's reader (swift-sdk 0.12,
/// `StdioTransport.readLoop`) searched the whole pending buffer for a newline after every 4 KiB read, so one 4 MB
/// line took 40 s and 8 MB over 100 s, and no other request was answered meanwhile. Here each byte is scanned once,
/// and a line over `limit` bytes is skipped to its newline and reported, so it gets an error instead of the memory.
struct StdinLines {
    enum Event: Equatable {
        case line(Data)
        /// A line of at least this many bytes, over the limit, skipped.
        case tooLong(Int)
    }

    /// The most a message may take: JSON-RPC requests here are small (a usage file is sent as a path), and the HTTP
    /// API's bodies stop at 64 KiB.
    static let defaultLimit = 1 << 20

    let descriptor: Int32
    let limit: Int

    init(descriptor: Int32 = STDIN_FILENO, limit: Int = StdinLines.defaultLimit) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// The events in order, ending at end of input or a read error. Non-blocking reads, polled every 10 ms while
    /// nothing is waiting, as the SDK polls, so that no thread of the cooperative pool blocks on the pipe.
    func events() -> AsyncStream<Event> {
        let descriptor = descriptor, limit = limit
        return AsyncStream { continuation in
            let task = Task {
                let flags = fcntl(descriptor, F_GETFL)
                if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) }
                var splitter = LineSplitter(limit: limit)
                var chunk = [UInt8](repeating: 0, count: 64 * 1024)
                while !Task.isCancelled {
                    let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count > 0 {
                        for event in splitter.feed(chunk[..<count]) { continuation.yield(event) }
                    } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                        try? await Task.sleep(for: .milliseconds(10))
                    } else {
                        break  // end of input, or an error reading it
                    }
                }
                if let last = splitter.finish() { continuation.yield(last) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// Cuts bytes into lines at "\n", each byte looked at once; a line over `limit` is dropped up to its newline and
/// reported by its length. Empty lines are skipped, as the SDK skipped them.
struct LineSplitter {
    let limit: Int
    private var pending: [UInt8] = []
    /// The length of the line being skipped, or nil while the pending line is kept.
    private var skipping: Int? = nil

    init(limit: Int) { self.limit = limit }

    mutating func feed(_ bytes: ArraySlice<UInt8>) -> [StdinLines.Event] {
        var events: [StdinLines.Event] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let piece = bytes[start..<(newline ?? bytes.endIndex)]
            if let skipped = skipping {
                skipping = skipped + piece.count
            } else if pending.count + piece.count > limit {
                skipping = pending.count + piece.count
                pending.removeAll(keepingCapacity: false)
            } else {
                pending.append(contentsOf: piece)
            }
            guard let newline else { break }
            if let event = endLine() { events.append(event) }
            start = bytes.index(after: newline)
        }
        return events
    }

    /// The last line where input ends without a newline.
    mutating func finish() -> StdinLines.Event? { endLine() }

    private mutating func endLine() -> StdinLines.Event? {
        defer { pending.removeAll(keepingCapacity: true); skipping = nil }
        if let skipped = skipping { return .tooLong(skipped) }
        return pending.isEmpty ? nil : .line(Data(pending))
    }
}
