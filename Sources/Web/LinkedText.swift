import Foundation

/// Text with its web addresses as links, escaped for HTML: a warning's "watch https://status.claude.com" was plain
/// text a reader had to copy. Only http(s) addresses are linked; a full stop, comma, semicolon, colon or closing
/// bracket that ends one is the sentence's, not the address's.
enum LinkedText {
    static func html(_ text: String) -> String {
        guard text.contains("http") else { return HTMLText.escape(text) }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "https://") ?? rest.range(of: "http://") {
            // The earlier of the two schemes.
            let begin = [rest.range(of: "https://"), rest.range(of: "http://")].compactMap { $0?.lowerBound }.min() ?? start.lowerBound
            out += HTMLText.escape(String(rest[..<begin]))
            var end = rest[begin...].firstIndex { $0.isWhitespace || "<>\"'".contains($0) } ?? rest.endIndex
            while end > begin, ".,;:)]".contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
            let address = String(rest[begin..<end])
            out += address.count > "https://".count
                ? "<a href=\"\(HTMLText.escape(address))\">\(HTMLText.escape(address))</a>" : HTMLText.escape(address)
            rest = rest[end...]
        }
        return out + HTMLText.escape(String(rest))
    }
}
