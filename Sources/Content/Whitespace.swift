/// Runs of whitespace as one space, ends trimmed. Works on UTF-8 bytes: `Character.isWhitespace` looks up
/// Unicode properties per character and was a quarter of indexing time. Only ASCII whitespace is squeezed;
/// other bytes pass through untouched, so the result is valid UTF-8 whenever the input is.
public enum Whitespace {
    public static func squeeze(_ text: String) -> String {
        squeeze(Array(text.utf8))
    }

    /// The bytes of one section as cmark wrote them (`MarkdownRenderer`), squeezed in one pass over raw buffers:
    /// a byte-at-a-time `append` was 4 % of `index`'s time.
    public static func squeeze(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in input {
                    if isSpace(byte) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace { output[count] = 0x20; count += 1; pendingSpace = false }
                        output[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// ASCII whitespace removed from both ends.
    public static func trim(_ text: String) -> String {
        trim(Array(text.utf8))
    }

    public static func trim(_ bytes: [UInt8]) -> String {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
