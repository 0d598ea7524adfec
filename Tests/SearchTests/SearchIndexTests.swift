import Foundation
import Testing
@testable import Content
@testable import Search

/// The repository's root: the real content and the query fixtures live under it.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// Builds a small library in a temporary directory and indexes it in memory.
func makeIndex(_ pages: [String: String]) throws -> SearchIndex {
    try SearchIndex.build(try makeLibrary(pages), at: ":memory:")
}

func page(_ title: String, summary: String = "A page.", body: String) -> String {
    "---\ntitle: \"\(title)\"\nsummary: \"\(summary)\"\nupdated: \"2026-11-21\"\n---\n\(body)\n"
}

struct SearchIndexTests {
    static let pages = [
        "guides/pacing.md": page("Pacing requests", body: "Spread requests across the minute to avoid 429 errors. C++ and it's fine."),
        "guides/limits.md": page("Rate limits", body: "A token bucket refills continuously."),
        "guides/other.md": page("Monitoring", body: "Watch rate limits, latency and error rates. inline code `<script>alert(1)</script>` is text here"),
        "guides/cafe.md": page("Café latency", body: "Latency from the café network."),
    ]

    @Test func aTitleHitOutranksABodyHit() throws {
        let results = try makeIndex(Self.pages).search(SearchQuery(text: "rate limits"))
        #expect(results.hits.first?.slug == "limits")
        #expect(results.hits.map(\.slug).contains("other"))
        #expect(results.total == results.hits.count)
        #expect(results.hits[0].score > results.hits[1].score)
    }

    @Test func snippetsArePlainTextWithMarkedMatches() throws {
        let results = try makeIndex(Self.pages).search(SearchQuery(text: "script alert"))
        let snippet = try #require(results.hits.first?.snippet)
        #expect(snippet.hasMarks)
        #expect(snippet.parts.filter(\.marked).map { $0.text.lowercased() }.contains("script"))
        #expect(snippet.text.contains("<script>alert(1)</script>"))  // escaping is the web layer's
        #expect(snippet.rendered(open: "[", close: "]") { $0 }.contains("[alert]"))
    }

    @Test func prefixStemmingAndDiacritics() throws {
        let index = try makeIndex(Self.pages)
        #expect(try index.search(SearchQuery(text: "refil")).hits.first?.slug == "limits")
        #expect(try index.search(SearchQuery(text: "limiting")).hits.contains { $0.slug == "limits" })
        #expect(try index.search(SearchQuery(text: "cafe")).hits.first?.slug == "cafe")
    }

    @Test func sectionFilterAndPaging() throws {
        let all = try makeIndex(Self.pages)
        let first = try all.search(SearchQuery(text: "rate", limit: 1, offset: 0))
        let second = try all.search(SearchQuery(text: "rate", limit: 1, offset: 1))
        let past = try all.search(SearchQuery(text: "rate", limit: 1, offset: 50))
        #expect(first.total >= 2 && second.total == first.total && past.total == first.total)
        #expect(first.hits.count == 1 && second.hits.count == 1 && past.hits.isEmpty)
        #expect(first.hits[0].slug != second.hits[0].slug)
        #expect(try all.search(SearchQuery(text: "rate", section: .guides)).total == first.total)
        #expect(try all.search(SearchQuery(text: "rate", section: .models)).total == 0)
    }
}

/// Hostile inputs: each becomes a MATCH expression that FTS5 accepts, run against a real FTS5 table.
struct QueryPlanTests {
    /// A pasted exception name is searched as written and by its class alone; a model id, a host name or a short
    /// last part is not cut.
    @Test func dottedNamesAlsoSearchTheirLastPart() {
        func extra(_ text: String) -> [[String]] { Array(QueryPlan(text, vocabulary: nil).groups[0].alternatives.dropFirst()) }
        #expect(extra("openai.RateLimitError ") == [["ratelimiterror"]])
        #expect(extra("anthropic.types.OverloadedError ") == [["overloadederror"]])
        #expect(extra("claude-3.5-sonnet ").isEmpty)
        #expect(extra("api.anthropic.com ").isEmpty)
        #expect(extra("haiku4.5 ").isEmpty)
        #expect(extra("RateLimitError ").isEmpty)
    }

    static let hostile: [String] = [
        "\"", "\"\"\"", "AND", "OR NOT", "rate AND", "NEAR(", "NEAR(rate limits, 2)", "*", "-", "-rate", "title:rate",
        "col:", "((rate", "rate)))", "rate\u{0}limits", "\u{0}", "", "   ", "C++", "it's", "^rate", "rate*", "{title}: x",
        "a\"b\"c", "😀 emoji", "\u{1}\u{2}control", 
    ]

    /// Long inputs, kept out of the argument list so test names stay readable.
    static let long = [String(repeating: "rate ", count: 2_000), String(repeating: "x", count: 10_240)]

    @Test(arguments: hostile)
    func neverRaisesAnFTSError(input: String) throws {
        let index = try makeIndex(SearchIndexTests.pages)
        _ = try index.search(SearchQuery(text: input))
    }

    @Test func longInputsNeverRaiseAnFTSError() throws {
        let index = try makeIndex(SearchIndexTests.pages)
        for input in Self.long { _ = try index.search(SearchQuery(text: input)) }
    }

    @Test func quotesEveryTokenAndPrefixesTheLast() {
        #expect(QueryPlan("rate limits", vocabulary: nil).all == "\"rate\" AND \"limits\"*")
        #expect(QueryPlan("rate limits ", vocabulary: nil).all == "\"rate\" AND \"limits\"")
        #expect(QueryPlan("say \"hi\"", vocabulary: nil).all == "\"say\" AND \"hi\"*")
        #expect(QueryPlan("gpt-4o-mini", vocabulary: nil).all == "\"gpt\" + \"4o\" + \"mini\"*")
        #expect(QueryPlan("C++", vocabulary: nil).all == "\"c\"")
        #expect(QueryPlan("*** - ", vocabulary: nil).all == nil)
        #expect(QueryPlan("", vocabulary: nil).all == nil)
        #expect(QueryPlan(String(repeating: "word ", count: 50), vocabulary: nil).groups.count == QueryPlan.maxWords)
        // A word is a phrase, whose cost grows with the square of its length: 500 `a-a-a…` tokens took the 1 s budget.
        let long = QueryPlan(Array(repeating: "a", count: 500).joined(separator: "-") + " ", vocabulary: nil)
        #expect(long.groups.map { $0.alternatives[0].count } == [QueryPlan.maxTokensPerWord])
        let many = QueryPlan(Array(repeating: Array(repeating: "a", count: 40).joined(separator: "_"), count: 12).joined(separator: " "),
                             vocabulary: nil)
        #expect(many.groups.map { $0.alternatives[0].count } == [16, 16, 16] && many.keyTokens.count == QueryPlan.maxTokens)
        // A pasted model id keeps every token.
        #expect(QueryPlan("us.anthropic.claude-haiku-4-5-20251001-v1:0 ", vocabulary: nil).keyTokens.count == 9)
        #expect(QueryPlan("how do I cut my bill", vocabulary: nil).groups.map(\.text) == ["cut", "bill"])
        #expect(QueryPlan("how do I", vocabulary: nil).groups.count == 3)
        // The verb of a yes-or-no question about a feature goes too; elsewhere it is the subject.
        #expect(QueryPlan("does haiku support 1m context", vocabulary: nil).groups.map(\.text) == ["haiku", "1m", "context"])
        #expect(QueryPlan("can luna handle long prompts", vocabulary: nil).groups.map(\.text) == ["luna", "long", "prompts"])
        #expect(QueryPlan("support tickets", vocabulary: nil).groups.map(\.text) == ["support", "tickets"])
    }

    @Test func findsWhatWasMeant() throws {
        let index = try makeIndex(SearchIndexTests.pages)
        #expect(try index.search(SearchQuery(text: "\"token bucket\"")).hits.first?.slug == "limits")
        #expect(try index.search(SearchQuery(text: "429")).hits.first?.slug == "pacing")
    }
}

struct IndexFileTests {
    @Test func buildsIntoAFileAndReplacesItWhole() throws {
        let path = NSTemporaryDirectory() + "haiku-index-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let root = NSTemporaryDirectory() + "haiku-src-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/guides", withIntermediateDirectories: true)
        try page("Rate limits", body: "bucket").write(toFile: root + "/guides/a.md", atomically: true, encoding: .utf8)
        let library = try ContentLibrary.load(directory: root)
        _ = try SearchIndex.build(library, at: path)
        let reopened = try SearchIndex.open(at: path)
        #expect(try reopened.search(SearchQuery(text: "bucket")).total == 1)
        _ = try SearchIndex.build(library, at: path)  // rebuild over the existing file
        #expect(try SearchIndex.open(at: path).search(SearchQuery(text: "bucket")).total == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix((path as NSString).lastPathComponent + ".tmp") }
        #expect(leftovers.isEmpty)
    }
}
