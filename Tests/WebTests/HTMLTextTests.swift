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
            // Control characters (C0 but tab, line feed, form feed and carriage return; DEL; C1) become U+FFFD.
            case "\t", "\n", "\u{0C}", "\r": out.unicodeScalars.append(character)
            case _ where character.value < 0x20 || (0x7F...0x9F).contains(character.value): out += "\u{FFFD}"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    @Test func escapesAsAByteByByteEscaperAtEveryOffset() {
        let pieces = ["a", "b", " ", "&", "<", ">", "\"", "'", "é", "€", "😀", "\u{202E}", "&amp;", "0", "\u{7F}", "\u{80}",
                      "\u{0}", "\u{1}", "\t", "\n", "\r", "\u{0C}", "\u{9F}", "\u{A0}", "©", "\u{1F}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(HTMLText.escape(text) == Self.reference(text), "\(text)")
            var bytes: [UInt8] = Array("prefix".utf8)
            HTMLText.escape(text, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "prefix" + Self.reference(text))
        }
        // Each special byte alone at each position of a 17-byte run (two words and one byte after).
        for special in ["&", "<", ">", "\"", "'", "\u{0}", "\u{85}", "\u{A0}"] {
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

/// A warning's web addresses are links, the rest escaped, and the sentence's own punctuation stays outside them.
struct LinkedTextTests {
    @Test func addressesBecomeLinksAndTheRestIsEscaped() {
        #expect(LinkedText.html("watch https://status.claude.com, add a breaker <now>")
                == "watch <a href=\"https://status.claude.com\">https://status.claude.com</a>, add a breaker &lt;now&gt;")
        #expect(LinkedText.html("errors (http://a.example/x?y=1&z=2).")
                == "errors (<a href=\"http://a.example/x?y=1&amp;z=2\">http://a.example/x?y=1&amp;z=2</a>).")
        #expect(LinkedText.html("no address, only https:// alone") == "no address, only https:// alone")
        #expect(LinkedText.html("\"quoted\" & plain") == "&quot;quoted&quot; &amp; plain")
    }
}
