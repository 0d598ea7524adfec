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
            if needsEscape(ByteWord.load(bytes.baseAddress! + index)) { break }
            index += 8
        }
        while index < n {
            if needsEscape(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Whether any of eight bytes is `&`, `<`, `>`, `"` or `'`.
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWord.contains(word, 0x26) || ByteWord.contains(word, 0x3C) || ByteWord.contains(word, 0x3E)
            || ByteWord.contains(word, 0x22) || ByteWord.contains(word, 0x27)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
