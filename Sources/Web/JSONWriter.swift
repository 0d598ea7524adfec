/// Writes JSON straight into one byte buffer, for the documents written on every request (`SearchDocument`, the
/// assessment of `/api/assess`: AssessmentJSON.swift):
/// no `Encodable` containers, no intermediate values. The bytes are `JSONStyle`'s (`JSONEncoder` with sorted keys,
/// slashes unescaped): the caller writes keys in sorted order, strings are escaped as `JSONEncoder` escapes them,
/// and numbers are printed as it prints them (a test compares the two on the fixtures).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the container being written needs a comma before its next member.
    private var needsComma = false

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { body(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A member's key; its value follows. Keys must come in `JSONEncoder`'s sorted order.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key that is data (a facet's section name), escaped like any string.
    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String?) {
        separate()
        guard let value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
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
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<end]))
            }
        }
        needsComma = true
    }

    /// An integer's decimal digits, as `String(value)` writes them.
    private mutating func digits(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &buffer) { raw in
            var start = raw.count
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]))
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
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
