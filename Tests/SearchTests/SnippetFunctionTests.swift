import Foundation
import Testing
@testable import Content
@testable import Search

/// `advisor_excerpt` with one column makes the choice FTS5's `snippet()` makes, byte for byte, while tokenizing less: every
/// column a result shows, on every matching chunk of the real content, for the search-quality queries and texts
/// that stress the tokenizer (punctuation, sentence ends, non-ASCII, long pages).
struct SnippetFunctionTests {
    static let root = repositoryRoot

    static let index: String = {
        let path = NSTemporaryDirectory() + "haiku-snippets-\(UUID().uuidString).db"
        _ = try! SearchIndex.build(try! ContentLibrary.load(directory: root + "/content"), at: path)
        return path
    }()

    static let queries: [String] = {
        let text = try! String(contentsOfFile: root + "/Tests/SearchTests/Fixtures/queries.tsv", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { String($0.split(separator: "\t")[0]) }
            + ["rate limits", "haiku 5.5", "tokenizer", "cost", "tiered routing", "the", "a", "prompt caching retry"]
    }()

    @Test func theExcerptsAreFTS5sOnTheRealContent() throws {
        let connection = try Connection(path: Self.index, readOnly: true)
        let catalog = try Catalog(connection: connection)
        _ = try Searcher(connection: connection, titleWords: catalog.titleWords)  // registers the functions
        var compared = 0
        for query in Self.queries {
            let plan = QueryPlan(query, vocabulary: catalog.vocabulary)
            for expression in [plan.all, plan.any].compactMap({ $0 }) {
                for (column, size) in [(5, 24), (3, 24), (6, 16), (5, 5), (2, 64)] {
                    let statement = try connection.prepare("""
                        SELECT snippet(sections_fts, \(column), '[', ']', '…', \(size)),
                               advisor_excerpt(sections_fts, '[', ']', '…', 1, \(column), \(size)), rowid
                        FROM sections_fts WHERE sections_fts MATCH ?1 LIMIT 400
                        """)
                    statement.bind(1, expression)
                    while try statement.step() {
                        #expect(statement.text(0) == statement.text(1), "\(query) column \(column) row \(statement.int(2))")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 5_000)
    }

    /// `advisor_excerpt` returns, in one call, the excerpt the search used to choose from three `snippet()` calls:
    /// the prose with a match, else the summary with one, else the first of prose, summary and code that is not
    /// empty, as it starts (a match in the code alone does not put the code before the prose).
    @Test func theExcerptIsTheOneTheThreeSnippetsChose() throws {
        let connection = try Connection(path: Self.index, readOnly: true)
        let catalog = try Catalog(connection: connection)
        _ = try Searcher(connection: connection, titleWords: catalog.titleWords)
        var compared = 0, fromSummary = 0, unmarked = 0
        for query in Self.queries {
            let plan = QueryPlan(query, vocabulary: catalog.vocabulary)
            for expression in [plan.all, plan.any].compactMap({ $0 }) {
                let statement = try connection.prepare("""
                    SELECT snippet(sections_fts, 5, '[', ']', '…', 24), snippet(sections_fts, 3, '[', ']', '…', 24),
                           snippet(sections_fts, 6, '[', ']', '…', 16),
                           advisor_excerpt(sections_fts, '[', ']', '…', 2, 5, 24, 3, 24, 6, 16), rowid
                    FROM sections_fts WHERE sections_fts MATCH ?1 LIMIT 400
                    """)
                statement.bind(1, expression)
                while try statement.step() {
                    let (body, summary, code) = (statement.text(0), statement.text(1), statement.text(2))
                    let expected = body.contains("[") ? body : summary.contains("[") ? summary
                        : [body, summary, code].first { !$0.isEmpty } ?? ""
                    #expect(statement.text(3) == expected, "\(query) row \(statement.int(4))")
                    if expected == summary && expected != body { fromSummary += 1 }
                    if !expected.contains("[") { unmarked += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared > 1_000 && fromSummary > 0 && unmarked > 0, "\(compared) \(fromSummary) \(unmarked)")
    }

    @Test func excerptsOfPunctuationSentencesAndLongTexts() throws {
        let long = (0..<400).map { "Sentence \($0) speaks of latency: then retries. " }.joined()
        let library = try makeLibrary([
            "guides/a.md": page("Marks", body: "Odd text: «quoted» latency… — “smart” latency!  Two  spaces.\tTab.\n\nNew latency paragraph"),
            "guides/b.md": page("Long", body: long + " Final latency"),
            "guides/c.md": page("Few", body: "...:::"),
            "guides/d.md": page("Café", body: "Naïve café latency, déjà vu; latency latency latency."),
        ])
        let path = NSTemporaryDirectory() + "haiku-snippets-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SearchIndex.build(library, at: path)
        let connection = try Connection(path: path, readOnly: true)
        _ = try Searcher(connection: connection, titleWords: try Catalog(connection: connection).titleWords)
        for expression in ["\"latency\"", "\"latency\" OR \"retries\"", "\"then\" + \"retries\"", "\"cafe\"", "\"marks\"", "\"few\""] {
            for size in [2, 3, 24, 64] {  // (a one-token window is an FTS5 corner the search never asks for)
                let statement = try connection.prepare("""
                    SELECT snippet(sections_fts, 5, '<', '>', '...', \(size)), advisor_excerpt(sections_fts, '<', '>', '...', 1, 5, \(size))
                    FROM sections_fts WHERE sections_fts MATCH ?1
                    """)
                statement.bind(1, expression)
                while try statement.step() { #expect(statement.text(0) == statement.text(1), "\(expression) \(size)") }
            }
        }
    }
}

/// `Snippet(marked:)` splits on the markers' bytes; a walk over Unicode scalars, the way it used to split, gives the
/// same parts on random texts of ASCII, multi-byte letters, emoji, the markers themselves in any order, and the
/// scalars that share a marker's lead byte (U+E002, U+EFFF).
struct SnippetSplitTests {
    static func reference(_ text: String, open: Unicode.Scalar, close: Unicode.Scalar) -> [Snippet.Part] {
        var parts: [Snippet.Part] = [], current = "", inMark = false
        for scalar in text.unicodeScalars {
            if scalar == open || scalar == close {
                if !current.isEmpty { parts.append(Snippet.Part(text: current, marked: inMark)) }
                current = ""
                inMark = scalar == open
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { parts.append(Snippet.Part(text: current, marked: inMark)) }
        return parts
    }

    @Test func splitsAsTheScalarWalkDid() {
        let (open, close) = (Searcher.open, Searcher.close)
        let alphabet: [String] = ["a", " ", "é", "日", "🙂", "\u{E002}", "\u{EFFF}", String(open), String(close), "rate", "…"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(Snippet(marked: text, open: open, close: close).parts == Self.reference(text, open: open, close: close),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// The rank function keeps each phrase's row count for IDF per connection (`RankPass.phraseRows`): a query ranked
/// a second time on the same connection, from the kept counts, is ranked exactly as the first time and as on a
/// fresh connection that counts them again, on the real content's quality queries, prefixes and fallbacks included.
struct PhraseRowsTests {
    @Test func keptCountsRankAsCountedOnes() throws {
        let kept = try Connection(path: SnippetFunctionTests.index, readOnly: true)
        let catalog = try Catalog(connection: kept)
        let searcher = try Searcher(connection: kept, titleWords: catalog.titleWords)
        for query in SnippetFunctionTests.queries {
            let plan = QueryPlan(query, vocabulary: catalog.vocabulary)
            for every in [true, false] {
                let first = try searcher.top(plan, every: every, bonuses: [:], kind: nil, limit: 40, shortcut: false)
                let again = try searcher.top(plan, every: every, bonuses: [:], kind: nil, limit: 40, shortcut: false)
                let fresh = try Connection(path: SnippetFunctionTests.index, readOnly: true)
                let counted = try Searcher(connection: fresh, titleWords: catalog.titleWords)
                    .top(plan, every: every, bonuses: [:], kind: nil, limit: 40, shortcut: false)
                #expect(first.map(\.key) == again.map(\.key) && first.map(\.score) == again.map(\.score), "\(query)")
                #expect(first.map(\.key) == counted.map(\.key) && first.map(\.score) == counted.map(\.score), "\(query)")
            }
        }
    }
}
