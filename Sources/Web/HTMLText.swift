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
                var width = 1
                switch bytes[index] {
                case 0x26: out.append(contentsOf: amp)
                case 0x3C: out.append(contentsOf: lt)
                case 0x3E: out.append(contentsOf: gt)
                case 0x22: out.append(contentsOf: quot)
                case 0x27: out.append(contentsOf: apos)
                case 0xC2:
                    // A C1 control (U+0080 to U+009F); any other character from U+0080 to U+00BF is copied.
                    if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                        out.append(contentsOf: replacement)
                        width = 2
                    } else {
                        out.append(0xC2)
                    }
                default: out.append(contentsOf: replacement)  // a C0 control or DEL
                }
                start = index + width
            }
            if bytes.count > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
    }

    // The replacements, made once: an array literal at the call would be allocated for every escaped byte.
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
    /// U+FFFD for a control character: an upload's file name or a Content-Type header put NUL and U+0001 raw into
    /// an error page, where HTML allows none but tab, line feed, form feed and carriage return.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

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

    /// Whether any of eight bytes is `&`, `<`, `>`, `"` or `'`, or may be a control character (a byte under 0x20, DEL,
    /// or 0xC2, which leads the C1 controls): the byte test below tells.
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWord.contains(word, 0x26) || ByteWord.contains(word, 0x3C) || ByteWord.contains(word, 0x3E)
            || ByteWord.contains(word, 0x22) || ByteWord.contains(word, 0x27) || ByteWord.hasByte(word, below: 0x20)
            || ByteWord.contains(word, 0x7F) || ByteWord.contains(word, 0xC2)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F, 0xC2: true
        case 0x09, 0x0A, 0x0C, 0x0D: false
        default: byte < 0x20
        }
    }
}
