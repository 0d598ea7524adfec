import Content
import CSQLite

/// One connection and its prepared statements; owned by one thread at a time through the pool.
final class Searcher: @unchecked Sendable {
    private let connection: Connection
    private let rank: Statement
    private let rowids: Statement
    private let snippet: Statement

    // Marks that cannot occur in page text: snippet() puts them around matches, Snippet splits on them.
    static let open: Character = "\u{E000}", close: Character = "\u{E001}"

    struct Row {
        let id: Int
        let bm25: Double
        /// Every word in the page title or an alias.
        let inTitle: Bool
        /// Every word in the heading.
        let inHeading: Bool
        /// Some word in the section's own text (not only in the page title the section carries).
        let inContent: Bool
    }

    init(connection: Connection) throws(SQLiteError) {
        self.connection = connection
        // bm25 runs where FTS5 evaluates the MATCH; the three flags are uncorrelated subqueries, each evaluated
        // once into a set. No snippet here: only the rows shown get one.
        rank = try connection.prepare("""
            SELECT rowid, bm25(sections_fts, \(IndexWriter.weights)),
                   rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?2),
                   rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?3),
                   rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?4)
            FROM sections_fts WHERE sections_fts MATCH ?1
            """, persistent: true)
        rowids = try connection.prepare("SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?1", persistent: true)
        // Sections are short: snippet() re-reads a few hundred bytes. Columns: body, summary, code.
        let (o, c) = (Self.open, Self.close)
        snippet = try connection.prepare("""
            SELECT snippet(sections_fts, 5, '\(o)', '\(c)', '…', 24), snippet(sections_fts, 3, '\(o)', '\(c)', '…', 24),
                   snippet(sections_fts, 6, '\(o)', '\(c)', '…', 16)
                   , rowid
            FROM sections_fts WHERE sections_fts MATCH ?1 AND +rowid IN (SELECT value FROM json_each(?2))
            """, persistent: true)
    }

    /// Runs `body` with its statements bounded to `milliseconds` (SQLite's progress handler).
    func withBudget<T>(milliseconds: Int, _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try connection.withBudget(milliseconds: milliseconds, body)
    }

    /// A small read of the file's own tables: fails when the file was overwritten, truncated or replaced in place.
    func probe(generation: String) throws(SQLiteError) {
        _ = try connection.scalar("SELECT count(*) FROM sections")
        guard try IndexMeta(connection: connection).generation == generation else {
            throw SQLiteError(code: SQLITE_CORRUPT, message: "the file was changed in place", path: connection.path, operation: "read")
        }
    }

    /// Every section that matches `expression`, with its bm25 and flags. `any` is the any-word form of the query.
    func rows(matching expression: String, any: String) throws(SQLiteError) -> [Row] {
        defer { rank.reset() }
        rank.bind(1, expression)
        rank.bind(2, "{title aliases} : (\(expression))")
        rank.bind(3, "{heading} : (\(expression))")
        rank.bind(4, "{heading summary tags body code} : (\(any))")
        var rows: [Row] = []
        while try rank.step() {
            rows.append(Row(id: rank.int(0), bm25: rank.double(1), inTitle: rank.int(2) != 0, inHeading: rank.int(3) != 0,
                            inContent: rank.int(4) != 0))
        }
        return rows
    }

    func ids(matching expression: String) throws(SQLiteError) -> [Int] {
        defer { rowids.reset() }
        rowids.bind(1, expression)
        var ids: [Int] = []
        while try rowids.step() { ids.append(rowids.int(0)) }
        return ids
    }

    /// The best excerpt of each section for `expression`, prose before code: the prose with a match, else the
    /// page summary with one, else the prose as it starts, else the code (with a match if it has one).
    /// One MATCH for all of them: `+rowid` keeps FTS5 from re-running the query once per id.
    func snippets(sections ids: [Int], expression: String) throws(SQLiteError) -> [Int: Snippet] {
        guard !ids.isEmpty else { return [:] }
        defer { snippet.reset() }
        snippet.bind(1, expression)
        snippet.bind(2, "[" + ids.map(String.init).joined(separator: ",") + "]")
        var found: [Int: Snippet] = [:]
        while try snippet.step() {
            let columns = (0..<3).map { Snippet(marked: snippet.text(Int32($0)), open: Self.open, close: Self.close) }
            let (body, summary) = (columns[0], columns[1])
            found[snippet.int(3)] = [body, summary].first(where: \.hasMarks) ?? columns.first { !$0.parts.isEmpty }
        }
        return found
    }
}

/// One search: the every-word query, the any-word fallback, the correction, then the window of pages.
struct Search {
    let searcher: Searcher
    let catalog: Catalog
    let query: SearchQuery
    let started: ContinuousClock.Instant

    /// A page and the sections of it that matched, best first.
    struct PageMatch {
        let page: Int
        var rows: [(row: Searcher.Row, score: Double)]
        var score: Double { rows.first?.score ?? 0 }
        /// How many of the query's words the page holds (the fallback's order).
        var words = 0
        var hasEveryWord = true
        var expression = ""
    }

    struct Outcome {
        var pages: [PageMatch] = []
        /// For each word group, how many pages it matches alone (computed when few pages hold every word).
        var groupCounts: [Int]?
        var matched: SearchResults.Matched = .all
    }

    func run() throws(SQLiteError) -> SearchResults {
        let plan = QueryPlan(query.text, vocabulary: catalog.vocabulary)
        guard !plan.groups.isEmpty else { return .empty(tookMs: elapsed()) }
        var outcome = try evaluate(plan)
        var terms = plan.terms
        var suggestion: String?
        var showingSuggestion = false
        if let counts = outcome.groupCounts {
            let (replacements, strong) = corrections(plan, counts: counts)
            if !replacements.isEmpty {
                let text = plan.text(replacing: replacements)
                suggestion = text
                // Never silently change a query that has results; one that finds nothing shows the correction's.
                if query.correct && strong && !outcome.pages.contains(where: \.hasEveryWord) {
                    let corrected = QueryPlan(text, vocabulary: catalog.vocabulary)
                    let other = try evaluate(corrected)
                    if !other.pages.isEmpty {
                        outcome = other
                        terms = corrected.terms
                        showingSuggestion = true
                    }
                }
            }
        }
        return try results(outcome, terms: terms, suggestion: suggestion, showingSuggestion: showingSuggestion)
    }

    /// Pages holding every word; when fewer than three, then pages holding most of them, by how many.
    private func evaluate(_ plan: QueryPlan) throws(SQLiteError) -> Outcome {
        guard let all = plan.all, let any = plan.any else { return Outcome() }
        var outcome = Outcome()
        outcome.pages = group(try searcher.rows(matching: all, any: any), plan: plan, expression: all)
        guard outcome.pages.count < 3 else { return outcome }
        let groupPages = try plan.groups.map { group throws(SQLiteError) in
            Set(try searcher.ids(matching: group.expression).compactMap(catalog.page(ofSection:)))
        }
        outcome.groupCounts = groupPages.map(\.count)
        guard plan.groups.count > 1 else { return outcome }
        let found = Set(outcome.pages.map(\.page))
        let needed = (plan.groups.count + 1) / 2
        var some = group(try searcher.rows(matching: any, any: any), plan: plan, expression: any).compactMap { match -> PageMatch? in
            guard !found.contains(match.page) else { return nil }
            var match = match
            match.words = groupPages.filter { $0.contains(match.page) }.count
            match.hasEveryWord = false
            return match.words >= needed ? match : nil
        }
        some.sort { ($0.words, $0.score, -$0.page) > ($1.words, $1.score, -$1.page) }
        if !some.isEmpty { outcome.matched = .any }
        outcome.pages += some
        return outcome
    }

    /// Sections grouped by page, pages best first.
    private func group(_ rows: [Searcher.Row], plan: QueryPlan, expression: String) -> [PageMatch] {
        var byPage: [Int: PageMatch] = [:]
        let key = plan.key
        for row in rows {
            guard let page = catalog.page(ofSection: row.id), let info = catalog.pages[page] else { continue }
            // Tiers above bm25: words common across this corpus ("rate", "haiku") carry almost no IDF weight, so
            // what a page or section is called must decide first.
            var score = -row.bm25
            if info.names.contains(key) { score += 60 }
            if row.inTitle {
                score += 30 - Double(info.titleWords) / 2
                // A match on what the page is called opens the page, not some section of it.
                if catalog.sections[row.id]?.anchor.isEmpty == true { score += 5 }
            }
            if row.inHeading { score += 12 }
            byPage[page, default: PageMatch(page: page, rows: [], expression: expression)].rows.append((row, score))
        }
        var pages = Array(byPage.values)
        for index in pages.indices {
            pages[index].rows.sort { ($0.score, -$0.row.id) > ($1.score, -$1.row.id) }
        }
        pages.sort { ($0.score, -$0.page) > ($1.score, -$1.page) }
        return pages
    }

    /// Corrections for words that match no page (and, offered only, words that match one page where a close word
    /// matches far more). `strong`: some word matched nothing, so the correction may be shown instead.
    private func corrections(_ plan: QueryPlan, counts: [Int]) -> (replacements: [String: String], strong: Bool) {
        var replacements: [String: String] = [:]
        var strong = false
        for (group, count) in zip(plan.groups, counts) where count <= 1 && group.words.count == 1 {
            let word = group.words[0]
            guard word.tokens.count == 1, let correction = catalog.vocabulary.correction(word.tokens[0]),
                  correction != word.tokens[0] else { continue }
            let vocabulary = catalog.vocabulary
            if count == 0 {
                replacements[word.tokens[0]] = correction
                strong = true
            } else if vocabulary.count(correction) >= 10 * max(1, vocabulary.count(word.tokens[0])) {
                replacements[word.tokens[0]] = correction
            }
        }
        return (replacements, strong)
    }

    private func results(_ outcome: Outcome, terms: [String], suggestion: String?, showingSuggestion: Bool) throws(SQLiteError) -> SearchResults {
        var facetCounts: [Section: Int] = [:]
        for match in outcome.pages {
            if let section = catalog.pages[match.page]?.section { facetCounts[section, default: 0] += 1 }
        }
        let filtered = outcome.pages.filter { query.section == nil || catalog.pages[$0.page]?.section == query.section }
        let window = filtered.dropFirst(query.offset).prefix(query.limit)
        // The best section, then up to two more whose own text matched (not only the title they carry); a long
        // section is indexed as several chunks under one anchor, and is shown once.
        let shownRows = window.map { match in
            var anchors: Set<String> = [catalog.sections[match.rows[0].row.id]?.anchor ?? ""]
            let more = match.rows.dropFirst().filter { $0.row.inContent || $0.row.inHeading }.filter {
                anchors.insert(catalog.sections[$0.row.id]?.anchor ?? "").inserted
            }
            return [match.rows[0].row.id] + more.prefix(2).map(\.row.id)
        }
        var snippets: [Int: Snippet] = [:]
        for expression in Set(window.map(\.expression)) {
            let ids = zip(window, shownRows).filter { $0.0.expression == expression }.flatMap(\.1)
            snippets.merge(try searcher.snippets(sections: ids, expression: expression)) { first, _ in first }
        }
        var hits: [SearchHit] = []
        for (match, shown) in zip(window, shownRows) {
            guard let info = catalog.pages[match.page] else { continue }
            let pageURL = "/\(info.section.rawValue)/\(info.slug)"
            var sections: [SectionHit] = []
            for id in shown {
                guard let section = catalog.sections[id] else { continue }
                var snippet = snippets[id] ?? Snippet(plain: "")
                if snippet.parts.isEmpty { snippet = Snippet(plain: info.summary) }
                sections.append(SectionHit(title: section.heading.isEmpty ? nil : section.heading,
                                           url: section.anchor.isEmpty ? pageURL : "\(pageURL)#\(section.anchor)",
                                           snippet: snippet))
            }
            guard let best = sections.first else { continue }
            let score = match.hasEveryWord ? match.score : Double(match.words) + match.score / 1000
            hits.append(SearchHit(section: info.section.rawValue, slug: info.slug, title: info.title, sectionTitle: best.title,
                                  url: best.url, snippet: best.snippet, score: (score * 1000).rounded() / 1000,
                                  more: Array(sections.dropFirst()), hasEveryWord: match.hasEveryWord))
        }
        let facets = Section.allCases.compactMap { section in facetCounts[section].map { (section, $0) } }
        return SearchResults(total: filtered.count, hits: hits, matched: outcome.matched, suggestion: suggestion,
                             showingSuggestion: showingSuggestion, facets: facets, terms: terms, tookMs: elapsed())
    }

    private func elapsed() -> Double {
        let duration = ContinuousClock.now - started
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return (ms * 100).rounded() / 100
    }
}
