/// Finds model ids in text: every name of `ModelCatalog`, standing alone (not part of a longer identifier), with
/// the forms providers build around it:
/// - a dated snapshot: `claude-3-5-haiku-20241022`, `gpt-4o-mini-2024-07-18`, or `-latest`; Google's stable
///   version number, `gemini-2.0-flash-001`;
/// - Amazon Bedrock: `anthropic.claude-haiku-4-5-20251001-v1:0`, with an optional inference-profile region
///   (`us.`, `eu.`, `apac.`, `global.`, `us-gov.`, ...) before `anthropic.`;
/// - Google Vertex AI: `claude-haiku-4-5@20251001`.
/// Works on bytes: a file is searched once, and only bytes that can start a name are looked at twice.
public struct IDMatcher: Sendable {
    public enum Form: String, Sendable, Encodable {
        /// As the content names it (an `api_id` or alias).
        case id
        /// With a snapshot date, a version number (`-001`) or `-latest` the content does not list.
        case snapshot
        case bedrock
        case vertex
    }

    public struct Match: Sendable, Equatable {
        /// Byte offsets of the whole id in the searched text (Bedrock prefix included).
        public let start: Int
        public let end: Int
        /// The catalog name it was found by.
        public let name: String
        public let form: Form
    }

    /// Names grouped by first byte, longest first, so the longest name at a position wins.
    private let byFirstByte: [[[UInt8]]]
    /// 1 where a byte can start a name: the hot loop reads this flat table, not the nested arrays.
    private let startsName: [UInt8]
    /// 1 for bytes that continue an identifier (`isIDByte`), as a table.
    private static let idBytes: [UInt8] = (0..<256).map { isIDByte(UInt8($0)) ? 1 : 0 }
    private let names: [[UInt8]: String]

    public init(names: [String]) {
        var groups = Array(repeating: [[UInt8]](), count: 256)
        var table: [[UInt8]: String] = [:]
        for name in Set(names) {
            let bytes = Array(name.utf8)
            guard let first = bytes.first else { continue }
            groups[Int(first)].append(bytes)
            table[bytes] = name
        }
        byFirstByte = groups.map { $0.sorted { $0.count > $1.count } }
        startsName = groups.map { $0.isEmpty ? 0 : 1 }
        self.names = table
    }

    /// Every id in `text`, in order.
    public func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        var found: [Match] = []
        let count = text.count
        startsName.withUnsafeBufferPointer { starts in
            Self.idBytes.withUnsafeBufferPointer { idBytes in
                var i = 0
                while i < count {
                    // Only a byte that can start a name, not preceded by one that continues an identifier.
                    guard starts[Int(text[i])] != 0, i == 0 || idBytes[Int(text[i - 1])] == 0 else {
                        i += 1
                        continue
                    }
                    var matched: Match?
                    for name in byFirstByte[Int(text[i])] where Self.hasPrefix(text, at: i, name) {
                        if let match = extend(text, start: i, length: name.count, name: name) {
                            matched = match
                            break
                        }
                    }
                    if let match = matched {
                        found.append(match)
                        i = match.end
                    } else {
                        i += 1
                    }
                }
            }
        }
        return found
    }

    /// The id that begins with `name` at `start`, with its suffixes and any Bedrock prefix, or nil when the name
    /// runs on into a longer identifier (`gpt-4o-mini-tts` is not `gpt-4o-mini`).
    private func extend(_ text: UnsafeBufferPointer<UInt8>, start: Int, length: Int, name: [UInt8]) -> Match? {
        var end = start + length
        var form = Form.id
        // A snapshot date: -YYYYMMDD, -YYYY-MM-DD, @YYYYMMDD (Vertex); Google's three-digit version (-001); or -latest.
        if let after = Self.digits(text, at: end, prefix: UInt8(ascii: "@"), count: 8) {
            end = after
            form = .vertex
        } else if let after = Self.digits(text, at: end, prefix: UInt8(ascii: "-"), count: 8) {
            end = after
            form = .snapshot
        } else if let year = Self.digits(text, at: end, prefix: UInt8(ascii: "-"), count: 4),
                  let month = Self.digits(text, at: year, prefix: UInt8(ascii: "-"), count: 2),
                  let day = Self.digits(text, at: month, prefix: UInt8(ascii: "-"), count: 2) {
            end = day
            form = .snapshot
        } else if let after = Self.digits(text, at: end, prefix: UInt8(ascii: "-"), count: 3) {
            end = after
            form = .snapshot
        } else if Self.hasPrefix(text, at: end, Self.latest) {
            end += Self.latest.count
            form = .snapshot
        }
        // Bedrock's model version: -v1, -v1:0.
        var bedrock = false
        if form != .vertex, end + 2 < text.count, text[end] == UInt8(ascii: "-"), text[end + 1] == UInt8(ascii: "v"),
           Self.isDigit(text[end + 2]) {
            var j = end + 2
            while j < text.count, Self.isDigit(text[j]) { j += 1 }
            if j + 1 < text.count, text[j] == UInt8(ascii: ":"), Self.isDigit(text[j + 1]) {
                j += 1
                while j < text.count, Self.isDigit(text[j]) { j += 1 }
            }
            end = j
            bedrock = true
        }
        guard Self.endsID(text, at: end) else { return nil }
        // Bedrock's provider prefix, and the inference profile's region before it: `us.anthropic.`.
        var begin = start
        let prefixStart = start - Self.anthropic.count
        if prefixStart >= 0, Self.hasPrefix(text, at: prefixStart, Self.anthropic),
           prefixStart == 0 || !Self.isIDByte(text[prefixStart - 1]) {
            begin = prefixStart
            bedrock = true
            let dot = begin - 1
            if dot > 0, text[dot] == UInt8(ascii: ".") {
                // Lowercase letters, and a hyphen inside (`us-gov.`), up to 8 bytes.
                var k = dot
                while k > 0, dot - k < 8, Self.isLower(text[k - 1]) || text[k - 1] == UInt8(ascii: "-") { k -= 1 }
                while k < dot, text[k] == UInt8(ascii: "-") { k += 1 }
                if k < dot, text[dot - 1] != UInt8(ascii: "-"), k == 0 || !Self.isIDByte(text[k - 1]) { begin = k }
            }
        }
        if bedrock { form = .bedrock }
        return Match(start: begin, end: end, name: names[name] ?? "", form: form)
    }

    private static let latest = Array("-latest".utf8)
    private static let anthropic = Array("anthropic.".utf8)

    /// Bytes that continue an identifier: a name next to one of these is part of something longer.
    static func isIDByte(_ b: UInt8) -> Bool {
        isDigit(b) || isLower(b) || (b >= 65 && b <= 90) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }

    /// Whether an id may end before `i`: the text ends, or the next byte does not continue an identifier (a dot
    /// does only when a letter or digit follows it, as in `gemini-3.1`).
    static func endsID(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < text.count else { return true }
        let b = text[i]
        if isIDByte(b) { return false }
        if b == UInt8(ascii: "."), i + 1 < text.count {
            let next = text[i + 1]
            return !(isDigit(next) || isLower(next) || (next >= 65 && next <= 90))
        }
        return true
    }

    static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, at i: Int, _ bytes: [UInt8]) -> Bool {
        guard i >= 0, i + bytes.count <= text.count else { return false }
        for k in 0..<bytes.count where text[i + k] != bytes[k] { return false }
        return true
    }

    /// The end of `prefix` followed by exactly `count` digits at `i`, or nil.
    static func digits(_ text: UnsafeBufferPointer<UInt8>, at i: Int, prefix: UInt8, count: Int) -> Int? {
        guard i + 1 + count <= text.count, text[i] == prefix else { return nil }
        for k in 1...count where !isDigit(text[i + k]) { return nil }
        let end = i + 1 + count
        if end < text.count, isDigit(text[end]) { return nil }
        return end
    }
}
