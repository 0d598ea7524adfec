import CSQLite
import Foundation

/// Where the index's tokenizer cuts a text into tokens, found in Swift instead of through FTS5's tokenizer callback:
/// the excerpt function needs each token's byte range, and tokenizing chunks through `porter unicode61` (stemming
/// every word, one callback per token) was about a third of a search's time.
///
/// The table's tokenizer is `porter unicode61 remove_diacritics 2`. Porter stems each token unicode61 gives it and
/// adds or drops none, so the boundaries are unicode61's: a token starts at a letter, digit or private-use character
/// (its "alnum" classes) and goes on through those and combining diacritics. ASCII letters and digits are the only
/// ASCII token characters. For every other scalar of the Basic Multilingual Plane the class is not guessed from
/// Swift's Unicode tables (SQLite's are its own): it is asked of SQLite's unicode61 itself, once per process, by
/// tokenizing probe texts. A text with a scalar beyond that plane, or bytes that are not UTF-8, is left to FTS5's
/// tokenizer (`tokens` returns nil).
final class TokenBoundaries: Sendable {
    /// Per BMP scalar: 0 separator, 1 continues a token only (a diacritic), 2 starts or continues one.
    private let classes: [UInt8]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: TokenBoundaries?

    /// The table, built on first use from the connection's FTS5 (the same SQLite library for every connection).
    static func shared(api: UnsafeMutablePointer<fts5_api>) -> TokenBoundaries? {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        built = TokenBoundaries(api: api)
        return built
    }

    private init?(api: UnsafeMutablePointer<fts5_api>) {
        let scalars = (0x80...0xFFFF).filter { !(0xD800...0xDFFF).contains($0) }
        // Probe 1, "X X X ...": a token exactly where X starts one. Probe 2, "aXa aXa ...": one token over the group
        // where X continues one, two ("a", "a") where it separates.
        var alone: [UInt8] = [], between: [UInt8] = []
        var aloneAt: [Int32] = [], betweenAt: [Int32] = []
        for value in scalars {
            let bytes = Array(String(Unicode.Scalar(UInt32(value))!).utf8)
            aloneAt.append(Int32(alone.count))
            alone += bytes + [0x20]
            betweenAt.append(Int32(between.count))
            between += [0x61] + bytes + [0x61, 0x20]
        }
        guard let probes = Self.unicode61Ranges(api: api, [alone, between]) else { return nil }
        let (starts, groups) = (probes[0], probes[1])
        let startSet = Set(starts.map(\.start))
        let wholeGroups = Set(groups.filter { $0.end - $0.start > 2 }.map(\.start))
        var classes = [UInt8](repeating: 0, count: 0x10000)
        for (index, value) in scalars.enumerated() {
            if startSet.contains(aloneAt[index]) {
                classes[value] = 2
            } else if wholeGroups.contains(betweenAt[index]) {
                classes[value] = 1
            }
        }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { classes[Int(byte)] = 2 }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(byte)] = 2 }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { classes[Int(byte)] = 2 }
        self.classes = classes
    }

    /// The byte range of each token SQLite's unicode61 (with `remove_diacritics 2`, as the index) finds in each text.
    static func unicode61Ranges(api: UnsafeMutablePointer<fts5_api>, _ texts: [[UInt8]]) -> [[(start: Int32, end: Int32)]]? {
        var userData: UnsafeMutableRawPointer?
        var module = fts5_tokenizer()
        guard api.pointee.xFindTokenizer(api, "unicode61", &userData, &module) == SQLITE_OK,
              let create = module.xCreate, let tokenize = module.xTokenize, let delete = module.xDelete else { return nil }
        var instance: OpaquePointer?
        let created = withArrayOfCStrings(["remove_diacritics", "2"]) { arguments in
            create(userData, arguments, 2, &instance)
        }
        guard created == SQLITE_OK, let instance else { return nil }
        defer { delete(instance) }
        var all: [[(start: Int32, end: Int32)]] = []
        for text in texts {
            let found = Ranges()
            let code = text.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    tokenize(instance, Unmanaged.passUnretained(found).toOpaque(), FTS5_TOKENIZE_AUX,
                             chars.baseAddress, Int32(chars.count), collectRange)
                }
            }
            guard code == SQLITE_OK else { return nil }
            all.append(found.ranges)
        }
        return all
    }

    /// Each token's byte range in `text[0..<length]`, for at most `limit` tokens; nil when a scalar is outside the
    /// table (beyond the BMP, or not UTF-8): ask FTS5's tokenizer then.
    func tokens(_ text: UnsafePointer<UInt8>, length: Int, limit: Int,
                starts: inout [Int32], ends: inout [Int32]) -> Bool {
        classes.withUnsafeBufferPointer { classes in
            Self.scan(text, length: length, limit: limit, classes: classes, starts: &starts, ends: &ends)
        }
    }

    private static func scan(_ text: UnsafePointer<UInt8>, length: Int, limit: Int, classes: UnsafeBufferPointer<UInt8>,
                             starts: inout [Int32], ends: inout [Int32]) -> Bool {
        var index = 0
        var tokenStart = -1
        while index < length {
            let byte = text[index]
            let value: Int, width: Int
            if byte < 0x80 {
                (value, width) = (Int(byte), 1)
            } else if byte & 0xE0 == 0xC0, index + 1 < length, text[index + 1] & 0xC0 == 0x80 {
                (value, width) = (Int(byte & 0x1F) << 6 | Int(text[index + 1] & 0x3F), 2)
                guard value >= 0x80 else { return false }
            } else if byte & 0xF0 == 0xE0, index + 2 < length, text[index + 1] & 0xC0 == 0x80, text[index + 2] & 0xC0 == 0x80 {
                (value, width) = (Int(byte & 0x0F) << 12 | Int(text[index + 1] & 0x3F) << 6 | Int(text[index + 2] & 0x3F), 3)
                guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return false }
            } else {
                return false
            }
            let kind = classes[value]
            if tokenStart >= 0 {
                if kind == 0 {
                    starts.append(Int32(tokenStart))
                    ends.append(Int32(index))
                    tokenStart = -1
                    if starts.count >= limit { return true }
                }
            } else if kind == 2 {
                tokenStart = index
            }
            index += width
        }
        if tokenStart >= 0 {
            starts.append(Int32(tokenStart))
            ends.append(Int32(length))
        }
        return true
    }
}

private final class Ranges {
    var ranges: [(start: Int32, end: Int32)] = []
}

private let collectRange: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32 = {
    context, _, _, _, start, end in
    guard let context else { return SQLITE_ERROR }
    Unmanaged<Ranges>.fromOpaque(context).takeUnretainedValue().ranges.append((start, end))
    return SQLITE_OK
}

/// `body` with `strings` as a C array of C strings, valid for the call.
private func withArrayOfCStrings<T>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers = copies.map { UnsafePointer<CChar>($0) }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}
