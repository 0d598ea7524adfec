import Content

/// Cuts long sections into chunks of a bounded size before they are indexed, so that FTS5's `snippet()` (whose
/// time grows with the square of the text it reads) and bm25 never read a whole huge page: one 2 MB section took
/// 13-18 s a search, its 8 KiB chunks take milliseconds. Each chunk keeps its section's anchor and heading;
/// search shows a section once however many of its chunks match.
enum SectionChunker {
    /// The most bytes of prose, and of code, in one indexed chunk.
    static let maxBytes = 8 * 1024

    /// Each section's chunks with their place in the page (`SectionKey`'s section and chunk numbers). Past the
    /// key's limits (8,191 headings in a page, 2,047 chunks in a section: far beyond any page `--max-page-kib`
    /// lets in by default), later sections join the last one and later chunks are left out of the index.
    static func keyedChunks(_ sections: [TextSection]) -> [(section: Int, chunk: Int, text: TextSection)] {
        var kept = Array(sections.prefix(SectionKey.maxSections + 1))
        if sections.count > kept.count, var last = kept.popLast() {
            for extra in sections[kept.count...].dropFirst() {
                last.prose += " " + extra.heading + " " + extra.prose
                if !extra.code.isEmpty { last.code += "\n" + extra.code }
            }
            kept.append(last)
        }
        var keyed: [(section: Int, chunk: Int, text: TextSection)] = []
        for (number, section) in kept.enumerated() {
            for (chunk, text) in chunks([section]).prefix(SectionKey.maxChunks + 1).enumerated() {
                keyed.append((number, chunk, text))
            }
        }
        return keyed
    }

    static func chunks(_ sections: [TextSection], maxBytes: Int = maxBytes) -> [TextSection] {
        sections.flatMap { section -> [TextSection] in
            guard section.prose.utf8.count > maxBytes || section.code.utf8.count > maxBytes else { return [section] }
            let prose = pieces(section.prose, maxBytes: maxBytes)
            let code = pieces(section.code, maxBytes: maxBytes)
            return (0..<max(prose.count, code.count)).map { i in
                TextSection(anchor: section.anchor, heading: section.heading,
                            prose: i < prose.count ? prose[i] : "", code: i < code.count ? code[i] : "")
            }
        }
    }

    /// `text` in pieces of at most `maxBytes`, cut at the last space or newline before the limit (or, in a
    /// word longer than that, at a character boundary).
    static func pieces(_ text: String, maxBytes: Int) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.count > maxBytes else { return text.isEmpty ? [] : [text] }
        var pieces: [String] = []
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + maxBytes)
            if end < bytes.count {
                var cut = end
                while cut > start + maxBytes / 2, bytes[cut] != 0x20, bytes[cut] != 0x0A { cut -= 1 }
                if bytes[cut] == 0x20 || bytes[cut] == 0x0A {
                    end = cut
                } else {
                    // No space in the second half: cut between two characters (never inside one).
                    while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
                }
            }
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
        }
        return pieces
    }
}
