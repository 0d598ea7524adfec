import Testing
@testable import Web

/// The escaper tests eight bytes at a time: it must escape exactly what a byte-by-byte escaper does, at every offset.
struct HTMLTextTests {
    static func reference(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    @Test func escapesAsAByteByByteEscaperAtEveryOffset() {
        let pieces = ["a", "b", " ", "&", "<", ">", "\"", "'", "é", "€", "😀", "\u{202E}", "&amp;", "0", "\u{7F}", "\u{80}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(HTMLText.escape(text) == Self.reference(text), "\(text)")
            var bytes: [UInt8] = Array("prefix".utf8)
            HTMLText.escape(text, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "prefix" + Self.reference(text))
        }
        // Each special byte alone at each position of a 17-byte run (two words and one byte after).
        for special in ["&", "<", ">", "\"", "'"] {
            for position in 0..<17 {
                var characters = Array(repeating: "x", count: 17)
                characters[position] = special
                let text = characters.joined()
                #expect(HTMLText.escape(text) == Self.reference(text))
            }
        }
        #expect(HTMLText.escape("plain text, nothing to escape at all") == "plain text, nothing to escape at all")
    }
}
