import Content
import Foundation

/// One heading section of a page as the index stores it: the text before the first heading is the section with
/// no anchor. Prose and code are apart so that a snippet can prefer prose.
struct SectionText: Equatable {
    var anchor: String
    var heading: String
    var prose: String
    var code: String
}

/// Cuts a page's rendered HTML (cmark's output, with the anchors MarkdownRenderer adds) at every h1, h2 and h3.
/// Working on the HTML keeps the anchors exactly those of the page, and cmark's HTML is regular: tags, text with
/// `&amp; &lt; &gt; &quot;` and numeric entities, `<pre>` for code blocks.
/// Works on UTF-8 bytes (every delimiter is ASCII): walking `Character`s and `range(of:)` took most of indexing.
enum SectionSplitter {
    static func split(html: String) -> [SectionText] {
        var sections = [Parts()]
        var inHeading = false, inPre = false, inAnchorLink = false
        var text: [UInt8] = []
        let bytes = Array(html.utf8)

        func flushText() {
            guard !text.isEmpty else { return }
            defer { text.removeAll(keepingCapacity: true) }
            if inAnchorLink { return }
            let decoded = decodeEntities(text)
            if inHeading {
                sections[sections.count - 1].heading += decoded
            } else if inPre {
                sections[sections.count - 1].code += decoded
            } else {
                sections[sections.count - 1].prose += decoded
            }
        }
        func separate() {
            flushText()
            if inPre { sections[sections.count - 1].code.append(0x0A) } else if !inHeading { sections[sections.count - 1].prose.append(0x20) }
        }

        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else {
                text.append(bytes[i])
                i += 1
                continue
            }
            let tag = bytes[(i + 1)..<close]
            i = close + 1
            let closing = tag.first == UInt8(ascii: "/")
            let nameStart = closing ? tag.startIndex + 1 : tag.startIndex
            var nameEnd = nameStart
            while nameEnd < tag.endIndex, isAlphanumeric(tag[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: tag[nameStart..<nameEnd].map(lowercase), as: UTF8.self)
            switch name {
            case "h1", "h2", "h3":
                flushText()
                if closing {
                    inHeading = false
                } else {
                    sections.append(Parts())
                    inHeading = true
                }
            case "a" where !closing && contains(tag, #"class="anchor""#):
                flushText()
                inAnchorLink = true
                if inHeading, sections[sections.count - 1].anchor.isEmpty, let id = attribute("id", in: tag) {
                    sections[sections.count - 1].anchor = id
                }
            case "a" where closing && inAnchorLink:
                text.removeAll(keepingCapacity: true)
                inAnchorLink = false
            case "pre":
                separate()
                inPre = !closing
            case "a", "em", "strong", "code", "del", "span", "sup", "sub":
                flushText()  // inline: no space, a word may continue across the tag
            default:
                separate()
            }
        }
        flushText()
        return sections.map { section in
            SectionText(anchor: section.anchor,
                        heading: Whitespace.squeeze(String(decoding: section.heading, as: UTF8.self)),
                        prose: Whitespace.squeeze(String(decoding: section.prose, as: UTF8.self)),
                        code: String(decoding: section.code, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// A section while it is being collected, as bytes.
    private struct Parts {
        var anchor = ""
        var heading: [UInt8] = []
        var prose: [UInt8] = []
        var code: [UInt8] = []
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func lowercase(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard n.count <= haystack.count else { return false }
        var i = haystack.startIndex
        while i + n.count <= haystack.endIndex {
            if haystack[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }

    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let key = Array(" \(name)=\"".utf8)
        var i = tag.startIndex
        while i + key.count <= tag.endIndex {
            if tag[i..<(i + key.count)].elementsEqual(key) {
                let start = i + key.count
                guard let end = tag[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: tag[start..<end], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    static func squeeze(_ text: String) -> String {
        Whitespace.squeeze(text)
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric entities, as cmark writes them.
    static func decodeEntities(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"),
               let semicolon = bytes[i..<min(bytes.count, i + 12)].firstIndex(of: UInt8(ascii: ";")),
               let decoded = decode(String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)) {
                out += Array(String(decoded).utf8)
                i = semicolon + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    static func decodeEntities(_ text: String) -> String {
        String(decoding: decodeEntities(Array(text.utf8)), as: UTF8.self)
    }

    private static func decode(_ entity: String) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
