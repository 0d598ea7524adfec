import Content

/// The rowid of an indexed chunk, laid out so that SQL can group and filter by page and by kind of page without
/// reading any table: `kind << 48 | page << 24 | section << 11 | chunk`.
/// - `rowid >> 24` is the page (with its kind), so `count(DISTINCT rowid >> 24)` counts pages in FTS5 alone;
/// - `rowid BETWEEN` a kind's bounds is the section filter, which FTS5 applies while it walks its doclists;
/// - `rowid >> 11` is the heading section, so the chunks of one long section are shown once;
/// - section 0 is the top of the page (the text before the first heading).
struct SectionKey: Hashable, Comparable {
    static let chunkBits = 11, sectionBits = 13, pageBits = 24
    /// A page may have this many heading sections; later headings' text joins the last one (a limit no real
    /// page comes near: 8,191 headings).
    static let maxSections = 1 << sectionBits - 1
    /// One section may be cut into this many chunks (a 4 MiB section in chunks of 4 to 8 KiB needs at most 1,024).
    static let maxChunks = 1 << chunkBits - 1
    static let maxPages = 1 << pageBits - 1

    let rawValue: Int

    init(rawValue: Int) { self.rawValue = rawValue }

    init(kind: Section, page: Int, section: Int, chunk: Int) {
        precondition(page > 0 && page <= Self.maxPages && section <= Self.maxSections && chunk <= Self.maxChunks)
        rawValue = Self.kindNumber(kind) << 48 | page << 24 | section << Self.chunkBits | chunk
    }

    /// The page, kind included: unique across the index.
    var pageKey: Int { rawValue >> 24 }
    var page: Int { pageKey & Self.maxPages }
    var kind: Section? { Self.kind(number: rawValue >> 48) }
    /// The heading section, page included: the chunks of one section share it.
    var sectionKey: Int { rawValue >> Self.chunkBits }
    var isTop: Bool { (rawValue >> Self.chunkBits) & Self.maxSections == 0 }

    static func < (a: SectionKey, b: SectionKey) -> Bool { a.rawValue < b.rawValue }

    /// The rowids of every chunk of pages of `kind` (all kinds when nil), for `rowid BETWEEN ?lo AND ?hi`.
    static func bounds(_ kind: Section?) -> (low: Int, high: Int) {
        guard let kind else { return (0, Int.max) }
        let number = kindNumber(kind)
        return (number << 48, (number + 1) << 48 - 1)
    }

    static func kindNumber(_ kind: Section) -> Int { Section.allCases.firstIndex(of: kind)! + 1 }

    static func kind(number: Int) -> Section? {
        number >= 1 && number <= Section.allCases.count ? Section.allCases[number - 1] : nil
    }
}
