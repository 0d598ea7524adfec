/// Runs of whitespace as one space, ends trimmed. Works on UTF-8 bytes: `Character.isWhitespace` looks up
/// Unicode properties per character and was a quarter of indexing time. Only ASCII whitespace is squeezed;
/// other bytes pass through untouched, so the result is valid UTF-8 whenever the input is.
public enum Whitespace {
    public static func squeeze(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII whitespace removed from both ends.
    public static func trim(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
