import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scan that could not run: a path that does not exist, a bad option. Exit status 2.
public struct ScanError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}

/// Reads files and finds model ids in them, in parallel. What is read is bounded: a file larger than
/// `maxFileBytes` (1 MiB) is skipped, as is one with a NUL byte in its first 8,000 bytes (git's test for binary
/// content); both are counted in the report.
public struct Scanner: Sendable {
    public static let maxFileBytes = 1 << 20
    static let binarySniffBytes = 8000

    /// One id found: where, and which catalog name.
    public struct Hit: Sendable {
        public let path: String
        public let line: Int
        /// 1-based, in Unicode code points (SARIF's `unicodeCodePoints`).
        public let column: Int
        public let endColumn: Int
        public let text: String
        public let name: String
        public let form: IDMatcher.Form
    }

    public struct Result: Sendable {
        public var hits: [Hit] = []
        public var filesScanned = 0
        public var skippedBinary: [String] = []
        public var skippedLarge: [String] = []
        public var unreadable: [String] = []
    }

    let matcher: IDMatcher

    public init(names: [String]) {
        matcher = IDMatcher(names: names)
    }

    /// Scans the files under `paths` (folders walked with `.gitignore` honoured).
    public func scan(_ paths: [String]) throws(ScanError) -> Result {
        var walker = FileWalker()
        try walker.walk(paths)
        let files = walker.files
        let slots = Slots(count: files.count)
        // Files in chunks: one buffer per chunk, and few enough tasks that scheduling costs nothing.
        let chunk = 256
        let chunks = (files.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            // Grown to the largest file of the chunk (most are small): zeroing 1 MiB per chunk would cost more.
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            for i in (c * chunk)..<min(files.count, (c + 1) * chunk) {
                slots.set(i, scanFile(files[i], buffer: &buffer))
            }
        }
        var result = Result()
        result.unreadable = walker.unreadable
        for (i, outcome) in slots.values.enumerated() {
            switch outcome {
            case .hits(let hits):
                result.filesScanned += 1
                result.hits += hits
            case .binary: result.skippedBinary.append(files[i])
            case .large: result.skippedLarge.append(files[i])
            case .unreadable, .none: result.unreadable.append(files[i])
            }
        }
        return result
    }

    enum Outcome: Sendable {
        case hits([Hit])
        case binary, large, unreadable
    }

    func scanFile(_ path: String, buffer: inout [UInt8]) -> Outcome {
        // Never waiting on a file: /proc/kmsg is a regular file of size 0 whose read blocks until the kernel logs
        // (`scan /proc` hung there for good, and took the messages); a FIFO blocks in open.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        guard Int(info.st_size) <= Self.maxFileBytes else { return .large }
        // One byte more than the size, to see a file that grew since fstat.
        if buffer.count < Int(info.st_size) + 2 {
            buffer = [UInt8](repeating: 0, count: min(Self.maxFileBytes + 1, Int(info.st_size) * 2 + 2))
        }
        var count = 0
        while count < buffer.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 { return .unreadable }
            if n == 0 { break }
            count += n
        }
        // A file that grew past the limit since fstat is too large; one that grew less is scanned as far as read.
        if count > Self.maxFileBytes { return .large }
        return buffer.withUnsafeBufferPointer { all -> Outcome in
            let text = UnsafeBufferPointer(rebasing: all[0..<count])
            if text.prefix(Self.binarySniffBytes).contains(0) { return .binary }
            return .hits(locate(matcher.matches(in: text), in: text, path: path))
        }
    }

    /// Line and column of each match, counted once through the file (matches come in order).
    func locate(_ matches: [IDMatcher.Match], in text: UnsafeBufferPointer<UInt8>, path: String) -> [Hit] {
        guard !matches.isEmpty else { return [] }
        var hits: [Hit] = []
        var line = 1
        var lineStart = 0
        var position = 0
        for match in matches {
            while position < match.start {
                if text[position] == 10 {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
            let column = Self.codePoints(text, from: lineStart, to: match.start) + 1
            let width = Self.codePoints(text, from: match.start, to: match.end)
            hits.append(Hit(path: path, line: line, column: column, endColumn: column + width,
                            text: String(decoding: UnsafeBufferPointer(rebasing: text[match.start..<match.end]), as: UTF8.self),
                            name: match.name, form: match.form))
        }
        return hits
    }

    /// Code points between two byte offsets: every byte that is not a UTF-8 continuation byte.
    static func codePoints(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        for i in from..<to where text[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}

/// One result slot per file, each written by exactly one worker.
private final class Slots: Sendable {
    private let storage: Mutex<[Scanner.Outcome?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    func set(_ i: Int, _ value: Scanner.Outcome) { storage.withLock { $0[i] = value } }

    var values: [Scanner.Outcome?] { storage.withLock { $0 } }
}
