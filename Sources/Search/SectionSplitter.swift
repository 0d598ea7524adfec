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
enum SectionSplitter {
    static func split(html: String) -> [SectionText] {
        var sections = [SectionText(anchor: "", heading: "", prose: "", code: "")]
        var inHeading = false, inPre = false, inAnchorLink = false
        var text = ""

        func flushText() {
            guard !text.isEmpty else { return }
            let decoded = decodeEntities(text)
            text = ""
            if inAnchorLink { return }
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
            if inPre { sections[sections.count - 1].code += "\n" } else if !inHeading { sections[sections.count - 1].prose += " " }
        }

        var index = html.startIndex
        while index < html.endIndex {
            guard html[index] == "<", let close = html[index...].firstIndex(of: ">") else {
                text.append(html[index])
                index = html.index(after: index)
                continue
            }
            let tag = html[html.index(after: index)..<close]
            index = html.index(after: close)
            let closing = tag.hasPrefix("/")
            let name = (closing ? tag.dropFirst() : tag).prefix { $0.isLetter || $0.isNumber }.lowercased()
            switch name {
            case "h1", "h2", "h3":
                flushText()
                if closing {
                    inHeading = false
                } else {
                    sections.append(SectionText(anchor: "", heading: "", prose: "", code: ""))
                    inHeading = true
                }
            case "a" where !closing && tag.contains("class=\"anchor\""):
                flushText()
                inAnchorLink = true
                if inHeading, sections[sections.count - 1].anchor.isEmpty, let id = attribute("id", in: tag) {
                    sections[sections.count - 1].anchor = id
                }
            case "a" where closing && inAnchorLink:
                text = ""
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
            SectionText(anchor: section.anchor, heading: squeeze(section.heading), prose: squeeze(section.prose),
                        code: section.code.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let entity = text[text.index(after: index)..<semicolon]
                if let character = decode(entity) {
                    out.append(character)
                    index = text.index(after: semicolon)
                    continue
                }
            }
            out.append(text[index])
            index = text.index(after: index)
        }
        return out
    }

    private static func decode(_ entity: Substring) -> Character? {
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
