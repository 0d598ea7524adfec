/// The one HTML escaper, for text placed between tags or in attribute values (templates, snippets, SVG charts,
/// exports). Works on UTF-8 bytes: it runs on every value of every page. Escapes `& < > " '` as swift-mustache did
/// (`&amp; &lt; &gt; &quot; &#39;`).
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ firstToEscape(in: $0, from: 0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text`, escaped, to `out`: runs of bytes that need nothing are copied in one go.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while let index = firstToEscape(in: bytes, from: start) {
                if index > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                switch bytes[index] {
                case 0x26: out.append(contentsOf: amp)
                case 0x3C: out.append(contentsOf: lt)
                case 0x3E: out.append(contentsOf: gt)
                case 0x22: out.append(contentsOf: quot)
                default: out.append(contentsOf: apos)
                }
                start = index + 1
            }
            if bytes.count > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
    }

    // The replacements, made once: an array literal at the call would be allocated for every escaped byte.
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    /// The index of the first byte at or after `start` that needs escaping, testing eight bytes at a time while none
    /// does (most of a page's text has nothing to escape), as the JSON writer does.
    @inline(__always)
    private static func firstToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let n = bytes.count
        while index + 8 <= n {
            let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            if needsEscape(word) { break }
            index += 8
        }
        while index < n {
            if needsEscape(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Whether any of eight bytes is `&`, `<`, `>`, `"` or `'` (the "has zero" bit trick on the word XORed with each,
    /// which never misses one; a false alarm only sends the bytes to the exact test).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return hasZero(word ^ (ones &* 0x26)) || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x3E))
            || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x27))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
