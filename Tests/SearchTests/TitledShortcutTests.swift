import Foundation
import Testing
@testable import Content
@testable import Search

/// A broad query ranks only the chunks whose title, alias or heading holds every word when that provably gives
/// the full pass's rows (`Searcher.top`): on a corpus built like the benchmark's, where every word is on most
/// pages, the shortcut is taken and changes nothing a person sees.
struct TitledShortcutTests {
    static let words = ("rate limit retry backoff latency cost cache prompt token model batch queue request response "
                        + "error timeout budget review alert fallback").split(separator: " ").map(String.init)

    /// Pages of a few headed sections, titles and headings of two words each, bodies of many.
    static let index: (path: String, search: SearchIndex) = {
        var generator = SeededGenerator(seed: 14)
        var pages: [String: String] = [:]
        for n in 0..<300 {
            func word() -> String { words[Int.random(in: 0..<words.count, using: &generator)] }
            var body = ""
            for section in 0..<Int.random(in: 1...5, using: &generator) {
                body += "## \(word().capitalized) \(word()) \(section)\n\n"
                body += (0..<40).map { _ in word() }.joined(separator: " ") + ".\n\n"
            }
            pages["guides/page-\(n).md"] = page("Guide \(n): \(word()) and \(word())", body: body)
        }
        pages["guides/retry-backoff.md"] = page("Retry backoff", body: "Wait longer after each retry.")
        let path = NSTemporaryDirectory() + "haiku-shortcut-\(UUID().uuidString).db"
        let library = try! makeLibrary(pages)
        return (path, try! SearchIndex.build(library, at: path))
    }()

    static let queries = words + ["rate limit", "retry backoff", "cache prompt token", "lat", "model batch", "xyzzy",
                                  "latency cost budget", "retry backoff latency"]

    @Test(arguments: queries)
    func theShortcutRanksAsTheFullPass(query: String) throws {
        for (section, limit, offset) in [(nil, 10, 0), (Section.guides, 5, 20), (nil, 3, 40)] as [(Section?, Int, Int)] {
            let short = try Self.index.search.search(SearchQuery(text: query, section: section, limit: limit, offset: offset))
            var every = SearchQuery(text: query, section: section, limit: limit, offset: offset)
            every.rankEveryMatch = true
            let full = try Self.index.search.search(every)
            #expect(short.hits == full.hits, "\(query)")
            #expect(short.total == full.total && short.facets.map(\.count) == full.facets.map(\.count), "\(query)")
            #expect(short.suggestion == full.suggestion && short.matched == full.matched, "\(query)")
        }
    }

    @Test func theShortcutIsTakenOnBroadWordsAndRowsAgree() throws {
        let connection = try Connection(path: Self.index.path, readOnly: true)
        let catalog = try Catalog(connection: connection)
        // Every word is in most of these 900 chunks: under the default bound, where ranking them all is cheaper.
        let searcher = try Searcher(connection: connection, titleWords: catalog.titleWords, rankEveryRowUpTo: 0)
        var taken = 0
        for query in Self.queries {
            let plan = QueryPlan(query, vocabulary: catalog.vocabulary)
            let short = try searcher.top(plan, every: true, bonuses: [:], kind: nil, limit: 64)
            if searcher.lastPassRankedTitledRowsOnly { taken += 1 }
            let full = try searcher.top(plan, every: true, bonuses: [:], kind: nil, limit: 64, shortcut: false)
            #expect(short.map(\.key) == full.map(\.key) && short.map(\.score) == full.map(\.score), "\(query)")
            #expect(short.map(\.flags.rawValue) == full.map(\.flags.rawValue), "\(query)")
        }
        #expect(taken >= Self.words.count / 2, "the shortcut was taken on \(taken) of \(Self.queries.count) queries")
    }

    /// Once a pass has counted a query's phrases, a query that matches few rows ranks them all (the shortcut's own
    /// MATCH would cost more), with the same rows; one whose words are not counted yet takes the shortcut.
    @Test func fewMatchingRowsAreRankedWithoutTheShortcut() throws {
        let connection = try Connection(path: Self.index.path, readOnly: true)
        let catalog = try Catalog(connection: connection)
        // A broad word the shortcut answers (it declines where its bound does not hold).
        let always = try Searcher(connection: connection, titleWords: catalog.titleWords, rankEveryRowUpTo: 0)
        let broad = try Self.words.first { word throws in
            _ = try always.top(QueryPlan(word, vocabulary: catalog.vocabulary), every: true, bonuses: [:], kind: nil, limit: 64)
            return always.lastPassRankedTitledRowsOnly
        }
        let plan = QueryPlan(try #require(broad), vocabulary: catalog.vocabulary)
        let searcher = try Searcher(connection: connection, titleWords: catalog.titleWords, rankEveryRowUpTo: 100_000)
        let first = try searcher.top(plan, every: true, bonuses: [:], kind: nil, limit: 64)
        #expect(searcher.lastPassRankedTitledRowsOnly, "no phrase was counted yet: the shortcut decides")
        let second = try searcher.top(plan, every: true, bonuses: [:], kind: nil, limit: 64)
        #expect(!searcher.lastPassRankedTitledRowsOnly, "counted, and under the bound: every match is ranked")
        #expect(first.map(\.key) == second.map(\.key) && first.map(\.score) == second.map(\.score))
        let bounded = try Searcher(connection: connection, titleWords: catalog.titleWords, rankEveryRowUpTo: 1)
        _ = try bounded.top(plan, every: true, bonuses: [:], kind: nil, limit: 64)
        _ = try bounded.top(plan, every: true, bonuses: [:], kind: nil, limit: 64)
        #expect(bounded.lastPassRankedTitledRowsOnly, "over the bound, the shortcut is still taken")
    }
}

/// A repeatable generator (SplitMix64): the corpus is the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
