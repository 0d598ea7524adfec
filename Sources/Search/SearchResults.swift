import Content

/// What a search asks for. `limit` and `offset` are clamped by the caller's validation; they count pages.
public struct SearchQuery: Sendable, Equatable {
    public var text: String
    public var section: Section?
    public var limit: Int
    public var offset: Int
    /// When the words find nothing, show the results of their correction (and say so). False: the words as typed.
    public var correct: Bool
    /// Rank every matching chunk, never the titled rows alone (`Searcher.top`'s shortcut): what the tests compare
    /// the shortcut with.
    var rankEveryMatch = false
    /// The day (`CivilDate` day number) whose retired models rank below current pages unless the query names
    /// them; nil: today, on the machine's clock. The server passes its own day (`serve --today`).
    public var day: Int?

    public init(text: String, section: Section? = nil, limit: Int = 10, offset: Int = 0, correct: Bool = true,
                day: Int? = nil) {
        self.text = text
        self.section = section
        self.limit = limit
        self.offset = offset
        self.correct = correct
        self.day = day
    }
}

/// Plain text with the matched words marked: whoever shows it escapes it for its medium.
public struct Snippet: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public let text: String
        public let marked: Bool
    }

    public let parts: [Part]

    public var text: String { parts.map(\.text).joined() }
    public var hasMarks: Bool { parts.contains(where: \.marked) }

    /// The snippet in some markup: `escape` applied to every part, marked parts between `open` and `close`.
    public func rendered(open: String, close: String, escape: (String) -> String) -> String {
        parts.map { $0.marked ? open + escape($0.text) + close : escape($0.text) }.joined()
    }

    /// Splits text in which FTS5's snippet() put `open` and `close` around each match.
    /// Splits at the markers' UTF-8 bytes, slicing the text between them: UTF-8 is self-synchronizing, so a
    /// marker's bytes occur only where the marker does (walking it by Character cost a sixth of a search, grapheme
    /// breaking on every letter; by Unicode scalar, decoding every one).
    init(marked text: String, open: Unicode.Scalar, close: Unicode.Scalar) {
        var parts: [Part] = []
        var text = text
        let (openBytes, closeBytes) = (Array(String(open).utf8), Array(String(close).utf8))
        text.withUTF8 { utf8 in
            func at(_ i: Int, _ marker: [UInt8]) -> Bool {
                i + marker.count <= utf8.count && marker.indices.allSatisfy { utf8[i + $0] == marker[$0] }
            }
            func part(_ range: Range<Int>, _ marked: Bool) {
                if !range.isEmpty { parts.append(Part(text: String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self), marked: marked)) }
            }
            var start = 0, index = 0, inMark = false
            while index < utf8.count {
                let byte = utf8[index]
                if byte == openBytes[0] || byte == closeBytes[0], let marker = at(index, openBytes) ? openBytes : at(index, closeBytes) ? closeBytes : nil {
                    part(start..<index, inMark)
                    inMark = marker == openBytes
                    index += marker.count
                    start = index
                } else {
                    index += 1
                }
            }
            part(start..<utf8.count, inMark)
        }
        self.parts = parts
    }

    init(plain text: String) {
        parts = text.isEmpty ? [] : [Part(text: text, marked: false)]
    }
}

/// One heading section of a page that matched.
public struct SectionHit: Sendable, Equatable {
    /// The heading; nil for the top of the page (the text before the first heading, the summary, the title).
    public let title: String?
    public let url: String
    public let snippet: Snippet
}

/// One page that matched: its best section first, then up to two more of its sections that matched.
public struct SearchHit: Sendable, Equatable {
    public let section: String
    public let slug: String
    public let title: String
    /// The best section's heading, nil when the page as a whole (title, summary, introduction) matched best.
    public let sectionTitle: String?
    /// `/{section}/{slug}`, with `#anchor` when a section matched.
    public let url: String
    public let snippet: Snippet
    /// Higher is better: tiers for an exact title or alias, every word in the title or aliases, every word in the
    /// heading, plus bm25. Pages with only some of the words score by how many they hold.
    public let score: Double
    /// Further sections of the page that matched, best first.
    public let more: [SectionHit]
    /// False for a page from the any-word fallback ("pages with some of your words").
    public let hasEveryWord: Bool

    /// The page's own URL, without the anchor.
    public var pageURL: String { "/\(section)/\(slug)" }
}

public struct SearchResults: Sendable, Equatable {
    public enum Matched: String, Sendable {
        /// Every page holds every word.
        case all
        /// Fewer than three pages held every word: pages with most of the words follow them.
        case any
    }

    /// Pages that match, after the section filter, regardless of limit and offset.
    public let total: Int
    public let hits: [SearchHit]
    public let matched: Matched
    /// A corrected query ("did you mean"), or nil.
    public let suggestion: String?
    /// The query found nothing and these are the results of `suggestion` instead.
    public let showingSuggestion: Bool
    /// Pages that match in each section, before the section filter (sections with none are left out).
    public let facets: [(section: Section, count: Int)]
    /// The words to mark on a result's page (what the query's words became, splits included).
    public let terms: [String]
    public let tookMs: Double

    public static func == (a: SearchResults, b: SearchResults) -> Bool {
        a.total == b.total && a.hits == b.hits && a.matched == b.matched && a.suggestion == b.suggestion
            && a.showingSuggestion == b.showingSuggestion && a.terms == b.terms
            && a.facets.map(\.section) == b.facets.map(\.section) && a.facets.map(\.count) == b.facets.map(\.count)
    }

    static func empty(tookMs: Double) -> SearchResults {
        SearchResults(total: 0, hits: [], matched: .all, suggestion: nil, showingSuggestion: false, facets: [], terms: [],
                      tookMs: tookMs)
    }
}
