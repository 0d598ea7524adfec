/// Writes JSON straight into one byte buffer, for the documents written on every request (`SearchDocument`, the
/// assessment of `/api/assess`: AssessmentJSON.swift):
/// no `Encodable` containers, no intermediate values. The bytes are `JSONStyle`'s (`JSONEncoder` with sorted keys,
/// slashes unescaped): the caller writes keys in sorted order, strings are escaped as `JSONEncoder` escapes them,
/// and numbers are printed as it prints them (a test compares the two on the fixtures).
struct JSONWriter: ~Copyable {
    // One growable buffer of its own: appending to an [UInt8] checked uniqueness and capacity at every call, a
    // third of the writer's work (callgrind), where a JSON document is thousands of small appends.
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the container being written needs a comma before its next member.
    private var needsComma = false

    init(capacity: Int = 4096) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The document so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    @inline(never) private mutating func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always) private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) private mutating func put(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always) private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { put(UnsafeRawBufferPointer(bytes)) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        put(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        put(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        separate()
        put(UInt8(ascii: "["))
        needsComma = false
        for item in items { body(&self, item) }
        put(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A member's key; its value follows. Keys must come in `JSONEncoder`'s sorted order.
    mutating func key(_ name: StaticString) {
        separate()
        reserve(name.utf8CodeUnitCount + 3)
        base[count] = UInt8(ascii: "\"")
        count += 1
        name.withUTF8Buffer { put($0) }
        base[count] = UInt8(ascii: "\"")
        base[count + 1] = UInt8(ascii: ":")
        count += 2
        needsComma = false
    }

    /// A key that is data (a facet's section name), escaped like any string.
    mutating func key(_ name: String) {
        string(name)
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String?) {
        separate()
        guard let value else { return null() }
        put(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            let n = utf8.count
            while index < n {
                // Eight bytes at a time while none needs escaping (a control byte, a quote or a backslash): most
                // text has none, and a byte-by-byte test was most of the writer's time.
                if index + 8 <= n {
                    if !Self.needsEscape(ByteWord.load(utf8.baseAddress! + index)) {
                        index += 8
                        continue
                    }
                }
                let byte = utf8[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    put(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    start = index + 1
                    escape(byte)
                }
                index += 1
            }
            put(UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        put(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Whether any of eight bytes is below 0x20, a quote or a backslash.
    @inline(__always) private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWord.hasByte(word, below: 0x20) || ByteWord.contains(word, 0x22) || ByteWord.contains(word, 0x5C)
    }

    private mutating func escape(_ byte: UInt8) {
        put(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
        case 0x08: put(UInt8(ascii: "b"))
        case 0x0C: put(UInt8(ascii: "f"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x09: put(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            put(UInt8(ascii: "u"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(digits[Int(byte >> 4)])
            put(digits[Int(byte & 0x0F)])
        }
    }

    mutating func number(_ value: Int) {
        separate()
        digits(value)
        needsComma = true
    }

    /// As `JSONEncoder` writes a `Double`: its shortest description, without a trailing `.0`.
    mutating func number(_ value: Double) {
        precondition(value.isFinite, "JSON has no \(value)")
        separate()
        // Most numbers of an assessment are whole (dollars, tokens, counts): written as digits, which is what the
        // description gives below 10^15 once its ".0" is dropped (-0 keeps its sign, so it takes the long way).
        if value == value.rounded(.towardZero), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            digits(Int(value))
        } else {
            var text = value.description
            text.withUTF8 { utf8 in
                let end = utf8.count >= 2 && utf8[utf8.count - 1] == UInt8(ascii: "0")
                    && utf8[utf8.count - 2] == UInt8(ascii: ".") ? utf8.count - 2 : utf8.count
                put(UnsafeBufferPointer(rebasing: utf8[..<end]))
            }
        }
        needsComma = true
    }

    /// An integer's decimal digits, as `String(value)` writes them.
    private mutating func digits(_ value: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &buffer) { raw in
            var start = raw.count
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            put(UnsafeRawBufferPointer(rebasing: raw[start...]))
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        let word: StaticString = value ? "true" : "false"
        word.withUTF8Buffer { put($0) }
        needsComma = true
    }

    mutating func null() {
        separate()
        let word: StaticString = "null"
        word.withUTF8Buffer { put($0) }
        needsComma = true
    }

    @inline(__always) private mutating func separate() {
        if needsComma { put(UInt8(ascii: ",")) }
        needsComma = false
    }
}

extension JSONWriter {
    /// A member whose value is one scalar; keys in sorted order, as `key` says.
    mutating func field<Value: JSONScalar>(_ name: StaticString, _ value: Value) {
        key(name)
        value.write(to: &self)
    }

    /// Left out when nil, as the synthesized `Encodable` does (`encodeIfPresent`).
    mutating func fieldIfPresent<Value: JSONScalar>(_ name: StaticString, _ value: Value?) {
        if let value { field(name, value) }
    }
}

/// A value written as one JSON string, number or boolean; a closed set as its raw value.
protocol JSONScalar {
    func write(to json: inout JSONWriter)
}

extension String: JSONScalar {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Double: JSONScalar {
    func write(to json: inout JSONWriter) { json.number(self) }
}

extension Int: JSONScalar {
    func write(to json: inout JSONWriter) { json.number(self) }
}

extension Bool: JSONScalar {
    func write(to json: inout JSONWriter) { json.bool(self) }
}

extension RawRepresentable where RawValue == String {
    func write(to json: inout JSONWriter) { json.string(rawValue) }
}
