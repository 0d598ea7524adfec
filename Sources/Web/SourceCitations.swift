import Foundation

/// Pages cite their own sources in prose by id, in parentheses: "(haiku55-overview)", "(launch, migration)",
/// "(status and pricing)". A reader does not know those ids ("(importstatic)" read as a typo), so a page's HTML
/// shows each one as a numbered link to its item in the Sources list ("[3]", "[4, 7]"), titled with the source's
/// title. Only where every id in the parentheses names one of the page's sources: "(default)" or "(2024)" stay.
/// Code and existing links are left alone. The Markdown twin keeps the ids: its Sources list is keyed by them.
enum SourceCitations {
    /// The anchor of a source's item in the Sources list (`page.mustache`).
    static func anchor(_ id: String) -> String { "source-" + id }

    /// `html` with its citations linked; `sources`: the page's sources in list order (id and title).
    static func link(_ html: String, sources: [(id: String, title: String)]) -> String {
        guard !sources.isEmpty, html.utf8.contains(UInt8(ascii: "(")) else { return html }
        var number: [Substring: (Int, String)] = [:]
        for (i, source) in sources.enumerated() where number[Substring(source.id)] == nil {
            number[Substring(source.id)] = (i + 1, source.title)
        }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        var skipUntil: [UInt8]? = nil   // inside <code>, <pre> or <a>: the closing tag that ends it
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                // Copy the tag whole; note where code, preformatted text or a link starts or ends.
                let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1
                let tag = bytes[i...end]
                if let closing = skipUntil {
                    if tag.starts(with: closing) { skipUntil = nil }
                } else {
                    for name in ["code", "pre", "a"] where opens(tag, name) {
                        skipUntil = Array("</\(name)>".utf8)
                    }
                }
                out += tag
                i = end + 1
                continue
            }
            if byte == UInt8(ascii: "("), skipUntil == nil, let (ids, close) = citedIDs(bytes, from: i),
               ids.allSatisfy({ number[$0] != nil }) {
                out += Array("[".utf8)
                for (k, id) in ids.enumerated() {
                    let (n, title) = number[id]!
                    if k > 0 { out += Array(", ".utf8) }
                    out += Array("<a class=\"cite\" href=\"#\(anchor(String(id)))\" title=\"".utf8)
                    HTMLText.escape(title, into: &out)
                    out += Array("\">\(n)</a>".utf8)
                }
                out += Array("]".utf8)
                i = close + 1
                continue
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `tag` (from `<` to `>`) opens element `name`.
    private static func opens(_ tag: ArraySlice<UInt8>, _ name: String) -> Bool {
        let prefix = Array("<\(name)".utf8)
        guard tag.starts(with: prefix) else { return false }
        let next = tag[tag.startIndex + prefix.count]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: " ")
    }

    /// The ids in parentheses opening at `start` ("(a)", "(a, b)", "(a and b)"), each lower-case letters, digits
    /// and inner hyphens, and the index of the closing parenthesis; nil for anything else.
    private static func citedIDs(_ bytes: [UInt8], from start: Int) -> ([Substring], Int)? {
        var i = start + 1
        let limit = Swift.min(bytes.count, start + 200)
        while i < limit, bytes[i] != UInt8(ascii: ")") {
            let b = bytes[i]
            guard (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2C || b == 0x20 else { return nil }
            i += 1
        }
        guard i < limit else { return nil }
        let inner = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        var ids: [Substring] = []
        for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
            for word in part.components(separatedBy: " and ") {
                let id = Substring(word.trimmingCharacters(in: .whitespaces))
                guard !id.isEmpty, id.first != "-", id.last != "-" else { return nil }
                ids.append(id)
            }
        }
        return ids.isEmpty ? nil : (ids, i)
    }
}
