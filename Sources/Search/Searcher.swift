import Advisor
import Content
import CSQLite

/// One connection and its prepared statements; owned by one thread at a time through the pool.
final class Searcher: @unchecked Sendable {
    private let connection: Connection
    private let rank: Statement
    private let rowids: Statement
    private let counts: Statement
    private let pageKeys: Statement
    private let snippet: Statement
    /// What the last ranked pass noted: each row's flags and the pages of each kind.
    private let pass: RankPass

    // Marks that cannot occur in page text: snippet() puts them around matches, Snippet splits on them.
    static let open: Unicode.Scalar = "\u{E000}", close: Unicode.Scalar = "\u{E001}"

    struct Row {
        let key: SectionKey
        /// Higher is better (`RankFunction`).
        let score: Double
        let flags: RankFlags
    }

    /// The statements, and the rank functions with each page's title length (`titleWords[page]`).
    /// `rankEveryRowUpTo`: see `rankEveryRowByDefaultUpTo` (the tests take the shortcut on a small corpus with 0).
    init(connection: Connection, titleWords: [UInt8], rankEveryRowUpTo: Int64 = Searcher.rankEveryRowByDefaultUpTo) throws(SQLiteError) {
        self.connection = connection
        self.rankEveryRowUpTo = rankEveryRowUpTo
        pass = RankPass(titleWords: titleWords)
        try RankFunction.register(on: connection, pass: pass)
        try SnippetFunction.register(on: connection, api: try RankFunction.fts5API(connection))
        // One MATCH pass: FTS5 walks its doclists, the rank is computed in a callback for each match (which notes
        // its flags and counts pages on the way), and SQLite's sorter keeps the best ?6 rows. The rowid bounds are
        // the section filter (`SectionKey`).
        rank = try connection.prepare("""
            SELECT rowid, advisor_rank(sections_fts, ?2, ?3, ?4, ?5) AS r
            FROM sections_fts WHERE sections_fts MATCH ?1 AND rowid BETWEEN ?7 AND ?8
            ORDER BY r, rowid LIMIT ?6
            """, persistent: true)
        rowids = try connection.prepare(
            "SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3", persistent: true)
        // Pages per kind, counted on rowids alone: no rank, no content read.
        counts = try connection.prepare("""
            SELECT rowid >> 48, count(DISTINCT rowid >> 24) FROM sections_fts WHERE sections_fts MATCH ?1 GROUP BY 1
            """, persistent: true)
        pageKeys = try connection.prepare(
            "SELECT DISTINCT rowid >> 24 FROM sections_fts WHERE sections_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
            persistent: true)
        // Excerpts by `SnippetFunction` (FTS5's snippet() tokenized whole chunks twice), one per row: the prose
        // (column 5) with a match, else the page summary (3) with one, else the first of prose, summary and code
        // (6) that is not empty, as it starts. One MATCH for every row shown (a MATCH per row set
        // FTS5's query up thirty times): the rowid bounds let FTS5 seek to the first one, `+rowid IN` keeps the rest.
        // The anchor comes from the content table.
        let (o, c) = (Self.open, Self.close)
        snippet = try connection.prepare("""
            SELECT advisor_excerpt(sections_fts, '\(o)', '\(c)', '…', 2, 5, 24, 3, 24, 6, 16), heading,
                   (SELECT anchor FROM sections WHERE id = sections_fts.rowid), rowid
            FROM sections_fts WHERE sections_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4
                AND +rowid IN (SELECT value FROM json_each(?2))
            """, persistent: true)
    }

    /// Runs `body`'s statements in one read transaction (`Connection.reading`).
    func reading<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try connection.reading(body)
    }

    /// Runs `body` with its statements bounded to `milliseconds` (SQLite's progress handler).
    func withBudget<T>(milliseconds: Int, _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try connection.withBudget(milliseconds: milliseconds, body)
    }

    /// A small read of the file's own tables: fails when the file was overwritten, truncated or replaced in place.
    func probe(generation: String) throws(SQLiteError) {
        _ = try connection.scalar("SELECT count(*) FROM pages")
        guard try IndexMeta(connection: connection).generation == generation else {
            throw SQLiteError(code: SQLITE_CORRUPT, message: "the file was changed in place", path: connection.path, operation: "read")
        }
    }

    /// The best `limit` chunks matching `plan`'s expression (`every`: the every-word form), ranked and flagged.
    /// `bonuses` are added to a page's score (`SectionKey.pageKey`).
    func top(_ plan: QueryPlan, every: Bool, bonuses: [Int: Double], kind: Section?, limit: Int,
             shortcut: Bool = true) throws(SQLiteError) -> [Row] {
        guard let expression = every ? plan.all : plan.any else { return [] }
        lastPassRankedTitledRowsOnly = false
        if every && shortcut && !matchesFewRows(plan), let rows = try topOfTitledRows(plan, expression: expression, bonuses: bonuses, kind: kind, limit: limit) {
            lastPassRankedTitledRowsOnly = true
            return rows
        }
        return try ranked(plan, expression: expression, every: every, bonuses: bonuses, kind: kind, limit: limit)
    }

    /// Rows an every-word query may match, at most, for ranking them all to cost less than the shortcut, whose own
    /// MATCH pass walks the same doclists: on the real content (562 chunks, every bench query under 600 rows) the
    /// shortcut cost 4 % of `/api/search` (3.078 M instructions a request against 2.835 M ranking every match); on
    /// the bench's 10,000 pages a broad word matches tens of thousands of rows, where it pays.
    static let rankEveryRowByDefaultUpTo: Int64 = 1_000
    private let rankEveryRowUpTo: Int64

    /// Whether `plan`'s every-word query matches at most `rankEveryRowUpTo` rows, by the row counts of its phrases
    /// that earlier passes on this connection kept (the rarest group's rows bound the matches); false when a count
    /// is not known yet. The shortcut's answer is the full pass's either way: this only picks the cheaper road.
    private func matchesFewRows(_ plan: QueryPlan) -> Bool {
        var bound = Int64.max
        for group in plan.groups {
            var rows: Int64 = 0
            for phrase in group.phrases {
                guard let known = pass.rows(ofPhrase: phrase) else { return false }
                rows += known
            }
            bound = min(bound, rows)
        }
        return bound <= rankEveryRowUpTo
    }

    /// Whether the last `top` took the shortcut (for the tests).
    private(set) var lastPassRankedTitledRowsOnly = false

    /// A broad query's shortcut, exact or nil. The score puts a chunk whose heading, title or alias holds every
    /// word, or the three together do (+12, +30), above bm25, and bm25 is below the sum over phrases of
    /// IDF × (k1 + 1). So only the chunks that hold every word in those columns are ranked (the others are counted,
    /// as the full pass counts them), and when the `limit` best of them all score above that bound, plus the bonus
    /// of any page none of them is on, no other chunk can be among the `limit` best: the rows are the full pass's,
    /// in its order. A page's bonus
    /// (its title or an alias is the query) puts every chunk of it among these, since each chunk carries the title
    /// and aliases. Nil (the full pass runs) when that does not hold.
    private func topOfTitledRows(_ plan: QueryPlan, expression: String, bonuses: [Int: Double], kind: Section?,
                                 limit: Int) throws(SQLiteError) -> [Row]? {
        let bounds = SectionKey.bounds(kind)
        var keys: [Int] = []
        do {
            defer { rowids.reset() }
            rowids.bind(1, "{title aliases heading} : (\(expression))")
            rowids.bind(2, bounds.low)
            rowids.bind(3, bounds.high)
            while try rowids.step() { keys.append(rowids.int(0)) }
        }
        // Too few to fill the list, or too many to be worth it.
        guard keys.count >= limit, keys.count <= 20_000 else { return nil }
        let rows = try ranked(plan, expression: expression, every: true, bonuses: bonuses, kind: kind, limit: limit,
                              only: keys)
        let titledPages = Set(keys.map { SectionKey(rawValue: $0).pageKey })
        let otherBonus = bonuses.filter { !titledPages.contains($0.key) }.values.max() ?? 0
        guard rows.count == limit, let last = rows.last, last.score > pass.bm25Bound + max(0, otherBonus) else { return nil }
        return rows
    }

    /// One ranked pass; `only`: the rows to rank, ascending (the others are counted, not ranked).
    private func ranked(_ plan: QueryPlan, expression: String, every: Bool, bonuses: [Int: Double], kind: Section?,
                        limit: Int, only: [Int]? = nil) throws(SQLiteError) -> [Row] {
        defer { rank.reset() }
        let bounds = SectionKey.bounds(kind)
        rank.bind(1, expression)
        rank.bind(2, plan.phraseGroups)
        rank.bind(3, every ? 1 : 0)
        rank.bind(4, bonuses.map { "\($0.key):\($0.value)" }.joined(separator: " "))
        rank.bind(5, plan.phraseTexts)
        rank.bind(6, limit)
        rank.bind(7, bounds.low)
        rank.bind(8, bounds.high)
        pass.start(only: only)
        var rows: [Row] = []
        while try rank.step() {
            let key = SectionKey(rawValue: rank.int(0))
            rows.append(Row(key: key, score: -rank.double(1), flags: pass.flags(of: key)))
        }
        return rows
    }

    /// The pages of each kind the last `top` matched (counted in its pass: exact when it had no section filter).
    var lastPageCounts: [Section: Int] { pass.pageCounts }

    /// How many pages of each kind match `expression`.
    func pageCounts(matching expression: String) throws(SQLiteError) -> [Section: Int] {
        defer { counts.reset() }
        counts.bind(1, expression)
        var found: [Section: Int] = [:]
        while try counts.step() {
            if let kind = SectionKey.kind(number: counts.int(0)) { found[kind] = counts.int(1) }
        }
        return found
    }

    /// The pages (`SectionKey.pageKey`) that match `expression`, at most `limit` of them.
    func pages(matching expression: String, kind: Section? = nil) throws(SQLiteError) -> Set<Int> {
        defer { pageKeys.reset() }
        let bounds = SectionKey.bounds(kind)
        pageKeys.bind(1, expression)
        pageKeys.bind(2, bounds.low)
        pageKeys.bind(3, bounds.high)
        var found = Set<Int>()
        while try pageKeys.step() { found.insert(pageKeys.int(0)) }
        return found
    }

    /// The chunks shown: each one's heading, anchor and best excerpt for `expression`, prose before code: the
    /// prose with a match, else the page summary with one, else the prose as it starts, else the code.
    func shown(_ keys: [SectionKey], expression: String) throws(SQLiteError) -> [SectionKey: (heading: String, anchor: String, snippet: Snippet)] {
        guard let low = keys.min(), let high = keys.max() else { return [:] }
        defer { snippet.reset() }
        snippet.bind(1, expression)
        snippet.bind(2, "[" + keys.map { String($0.rawValue) }.joined(separator: ",") + "]")
        snippet.bind(3, low.rawValue)
        snippet.bind(4, high.rawValue)
        var found: [SectionKey: (heading: String, anchor: String, snippet: Snippet)] = [:]
        while try snippet.step() {
            let best = Snippet(marked: snippet.text(0), open: Self.open, close: Self.close)
            found[SectionKey(rawValue: snippet.int(3))] = (snippet.text(1), snippet.text(2), best)
        }
        return found
    }
}

/// One search: the every-word query, the any-word fallback, the correction, then the window of pages.
/// Each query is one ranked MATCH pass that keeps the best chunks (`Searcher.top`) and one count of pages per kind;
/// pages are ranked by their best chunk, so only the chunks of the pages shown are ever read into Swift.
struct Search {
    let searcher: Searcher
    let catalog: Catalog
    let query: SearchQuery
    let started: ContinuousClock.Instant

    /// A page and the chunks of it that ranked, best first.
    struct PageMatch {
        let pageKey: Int
        var rows: [Searcher.Row]
        /// The page's score without the fallback's word-count bonus.
        var score: Double
        /// How many of the query's words the page holds (the fallback's order).
        var words = 0
        var hasEveryWord = true
        var expression = ""
    }

    struct Outcome {
        /// The pages of the window's kind, best first, as many as the window needs.
        var pages: [PageMatch] = []
        /// Pages that match, by kind, before the section filter.
        var counts: [Section: Int] = [:]
        /// For each word group, how many pages it matches alone (computed when few pages hold every word).
        var groupCounts: [Int]?
        var matched: SearchResults.Matched = .all
    }

    /// A page the whole query names (its title or an alias): above every tier of the ranking.
    static let wholeNameBonus = 60.0
    /// A page the query names among other words ("context window haiku 5.5"): the heading tier's weight
    /// (RankFunction), so the named page comes before pages that only share its words, and a section of it whose
    /// heading holds every word comes first of all. Words common to the corpus ("haiku 5.5" is on most pages)
    /// carry almost no bm25 weight, so without it the page the person named sank below pages that mention it.
    static let namedWithinBonus = 12.0
    /// A model retired on the query's day that the query does not name: the title tier's weight (RankFunction) off,
    /// so that "claude pricing" opens current models' prices and not Sonnet 4.5's, retired, whose page had led;
    /// named ("sonnet 4.5 pricing", "claude 3 haiku"), it ranks as any page.
    static let retiredPenalty = -30.0
    /// A model superseded on the query's day (legacy or deprecated, still served) that the query does not name: below
    /// a current page that matches as well ("claude pricing" put legacy Sonnet 4.6 and deprecated Opus 4.5 above
    /// Haiku 5.5), above pages that match less well.
    static let supersededPenalty = -8.0
    /// The fallback's bonus per word a page holds: above any score a page can have otherwise.
    static let wordBonus = 1_000.0
    /// Pages the fallback must not list (they hold every word, or too few): below every other page.
    static let excluded = -1e9

    func run() throws(SQLiteError) -> SearchResults {
        let plan = QueryPlan(query.text, vocabulary: catalog.vocabulary)
        guard !plan.groups.isEmpty else { return .empty(tookMs: elapsed()) }
        var outcome = try evaluate(plan)
        var terms = plan.terms
        var suggestion: String?
        var showingSuggestion = false
        // Another query's results in place of these, where it finds any: shown as a correction is.
        func show(_ text: String) throws(SQLiteError) {
            let other = QueryPlan(text, vocabulary: catalog.vocabulary)
            let found = try evaluate(other)
            guard !found.pages.isEmpty else { return }
            (outcome, terms, suggestion, showingSuggestion) = (found, other.terms, text, true)
        }
        if let counts = outcome.groupCounts {
            let (replacements, strong) = corrections(plan, counts: counts)
            if !replacements.isEmpty {
                let text = plan.text(replacing: replacements)
                suggestion = text
                // Never silently change a query that has results; one that finds nothing shows the correction's.
                if query.correct && strong && !outcome.pages.contains(where: \.hasEveryWord) { try show(text) }
            }
        }
        // A compound pasted whole (a header name: `anthropic-ratelimit-requests-remaining`) that no page writes as one
        // phrase, where nothing else matched: its parts as separate words.
        if outcome.pages.isEmpty, query.correct, let split = Self.splitCompounds(plan) { try show(split) }
        return try results(outcome, terms: terms, suggestion: suggestion, showingSuggestion: showingSuggestion)
    }

    /// The query with each word of three tokens or more written as separate words; nil when it has none.
    static func splitCompounds(_ plan: QueryPlan) -> String? {
        let words = plan.groups.flatMap(\.words)
        guard words.contains(where: { $0.tokens.count >= 3 }) else { return nil }
        return words.map { $0.tokens.count >= 3 ? $0.tokens.joined(separator: " ") : $0.text }.joined(separator: " ")
    }

    /// Pages holding every word; when fewer than three, then pages holding most of them, by how many.
    private func evaluate(_ plan: QueryPlan) throws(SQLiteError) -> Outcome {
        guard let all = plan.all, let any = plan.any else { return Outcome() }
        var outcome = Outcome()
        let wanted = query.offset + query.limit
        var named = Dictionary(catalog.pages(named: plan.key).map { ($0, Self.wholeNameBonus) }) { a, _ in a }
        for page in catalog.pages(namedWithin: plan.keyTokens) where named[page] == nil { named[page] = Self.namedWithinBonus }
        let outdated = catalog.pages(outdatedOn: query.day ?? CivilDate.today(), unlessVersionIn: plan.keyTokens)
            .filter { named[$0.page] == nil }.map { ($0.page, $0.retired ? Self.retiredPenalty : Self.supersededPenalty) }
        var ranking = named
        for (page, penalty) in outdated { ranking[page] = penalty }
        outcome.pages = try topPages(plan, every: true, bonuses: ranking, wanted: wanted, expression: all)
        // The ranked pass counted the pages it saw; with a section filter it saw one kind only.
        outcome.counts = query.section == nil ? searcher.lastPageCounts : try searcher.pageCounts(matching: all)
        guard outcome.counts.values.reduce(0, +) < 3 else { return outcome }

        let groupPages = try plan.groups.map { group throws(SQLiteError) in try searcher.pages(matching: group.expression) }
        outcome.groupCounts = groupPages.map(\.count)
        guard plan.groups.count > 1 else { return outcome }
        let found = try searcher.pages(matching: all)
        let needed = (plan.groups.count + 1) / 2
        var words: [Int: Int] = [:]
        for pages in groupPages { for page in pages { words[page, default: 0] += 1 } }
        let candidates = words.filter { $0.value >= needed && !found.contains($0.key) }
        guard !candidates.isEmpty else { return outcome }
        var bonuses = candidates.mapValues { Double($0) * Self.wordBonus }
        for (page, bonus) in named where bonuses[page] != nil { bonuses[page]! += bonus }
        for page in found { bonuses[page] = Self.excluded }
        for (page, count) in words where count < needed { bonuses[page] = Self.excluded }
        for (page, penalty) in outdated where candidates[page] != nil { bonuses[page]! += penalty }
        for page in candidates.keys {
            if let kind = SectionKey(rawValue: page << 24).kind { outcome.counts[kind, default: 0] += 1 }
        }
        let stillWanted = max(0, wanted - outcome.pages.count)
        var some = try topPages(plan, every: false, bonuses: bonuses, wanted: stillWanted, expression: any)
            .filter { candidates[$0.pageKey] != nil }
        for index in some.indices {
            some[index].words = candidates[some[index].pageKey] ?? 0
            some[index].score -= Double(some[index].words) * Self.wordBonus
            some[index].hasEveryWord = false
        }
        outcome.matched = .any
        outcome.pages += some
        return outcome
    }

    /// The best `wanted` pages of the query's kind by their best chunk. The top k chunks hold the top pages as
    /// soon as they hold `wanted` different ones (a page outside them scores at most the k-th chunk); k grows
    /// until they do or every match is in.
    private func topPages(_ plan: QueryPlan, every: Bool, bonuses: [Int: Double], wanted: Int,
                          expression: String) throws(SQLiteError) -> [PageMatch] {
        guard wanted > 0 else { return [] }
        var limit = max(64, wanted * 6)
        while true {
            let rows = try searcher.top(plan, every: every, bonuses: bonuses, kind: query.section, limit: limit,
                                        shortcut: !query.rankEveryMatch)
            var pages: [PageMatch] = []
            var position: [Int: Int] = [:]
            for row in rows {
                if let index = position[row.key.pageKey] {
                    pages[index].rows.append(row)
                } else {
                    position[row.key.pageKey] = pages.count
                    pages.append(PageMatch(pageKey: row.key.pageKey, rows: [row], score: row.score, expression: expression))
                }
            }
            if pages.count >= wanted || rows.count < limit { return pages }
            limit *= 4
        }
    }

    /// Corrections for words that match no page (and, offered only, words that match one page where a close word
    /// matches far more). `strong`: some word matched nothing and every correction is a likely typo (one letter off,
    /// or two in a word of eight letters or more), so the correction may be shown instead: `vision`, two letters
    /// from `version` and a word of its own, was silently searched as that. None at all while a word that matched
    /// nothing keeps no correction: "xylophone quantum canada" is no better a query than "xylophone quantum banana".
    private func corrections(_ plan: QueryPlan, counts: [Int]) -> (replacements: [String: String], strong: Bool) {
        var replacements: [String: String] = [:]
        var strong = false, likely = true
        let vocabulary = catalog.vocabulary
        for (group, count) in zip(plan.groups, counts) where count <= 1 {
            let word = group.words[0]
            guard group.words.count == 1, word.tokens.count == 1, let correction = vocabulary.correction(word.tokens[0]),
                  correction != word.tokens[0] else {
                if count == 0 { return ([:], false) }
                continue
            }
            if count == 0 {
                replacements[word.tokens[0]] = correction
                strong = true
                let typed = Array(word.tokens[0])
                let distance = Vocabulary.distance(typed, Array(correction), limit: 2) ?? 2
                likely = likely && (distance <= 1 || typed.count >= 8)
            } else if vocabulary.count(correction) >= 10 * max(1, vocabulary.count(word.tokens[0])) {
                replacements[word.tokens[0]] = correction
            }
        }
        return (replacements, strong && likely)
    }

    private func results(_ outcome: Outcome, terms: [String], suggestion: String?, showingSuggestion: Bool) throws(SQLiteError) -> SearchResults {
        let total = query.section.map { outcome.counts[$0] ?? 0 } ?? outcome.counts.values.reduce(0, +)
        let window = outcome.pages.dropFirst(query.offset).prefix(query.limit)
        // The best chunk of each page, then up to two more whose own text matched (not only the title they carry);
        // a long section is indexed as several chunks, and is shown once.
        let chosen = window.map { match -> [Searcher.Row] in
            var sections: Set<Int> = [match.rows[0].key.sectionKey]
            let more = match.rows.dropFirst().filter { !$0.flags.isDisjoint(with: [.inContent, .inHeading]) }
                .filter { sections.insert($0.key.sectionKey).inserted }.prefix(2)
            return [match.rows[0]] + more
        }
        var found: [SectionKey: (heading: String, anchor: String, snippet: Snippet)] = [:]
        for expression in Set(window.map(\.expression)) {
            let keys = zip(window, chosen).filter { $0.0.expression == expression }.flatMap { $0.1.map(\.key) }
            found.merge(try searcher.shown(keys, expression: expression)) { first, _ in first }
        }
        var hits: [SearchHit] = []
        for (match, rows) in zip(window, chosen) {
            guard let info = catalog.page(match.pageKey) else { continue }
            let pageURL = "/\(info.section.rawValue)/\(info.slug)"
            var shown: [SectionHit] = []
            for row in rows {
                guard let section = found[row.key] else { continue }
                let snippet = section.snippet.parts.isEmpty ? Snippet(plain: info.summary) : section.snippet
                shown.append(SectionHit(title: section.heading.isEmpty ? nil : section.heading,
                                        url: section.anchor.isEmpty ? pageURL : "\(pageURL)#\(section.anchor)", snippet: snippet))
            }
            guard let best = shown.first else { continue }
            let score = match.hasEveryWord ? match.score : Double(match.words) + match.score / 1000
            hits.append(SearchHit(section: info.section.rawValue, slug: info.slug, title: info.title, sectionTitle: best.title,
                                  url: best.url, snippet: best.snippet, score: (score * 1000).rounded() / 1000,
                                  more: Array(shown.dropFirst()), hasEveryWord: match.hasEveryWord))
        }
        let facets = Section.allCases.compactMap { section in outcome.counts[section].map { (section, $0) } }
        return SearchResults(total: total, hits: hits, matched: outcome.matched, suggestion: suggestion,
                             showingSuggestion: showingSuggestion, facets: facets, terms: terms, tookMs: elapsed())
    }

    private func elapsed() -> Double {
        let duration = ContinuousClock.now - started
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return (ms * 100).rounded() / 100
    }
}
