import Foundation
import Testing
@testable import Content
@testable import Search

/// A query that names a page among other words ("context window haiku 5.5") puts that page first, where the
/// corpus-wide words of its name carry no weight and pages that only mention it used to outrank it
/// (`Catalog.pages(namedWithin:)`, `Searcher.namedWithinBonus`).
struct NamedWithinTests {
    static let index: (path: String, search: SearchIndex) = {
        // Every page says "Haiku 5.5"; the guide says "context window" far more often than the model page does.
        let pages = [
            "guides/haiku-5-5.md": "---\ntitle: \"Claude Haiku 5.5\"\nsummary: \"The small model.\"\naliases: [haiku 5.5]\n"
                + "updated: \"2026-11-21\"\n---\nHaiku 5.5 has a context window of 1M tokens and a price line at 100K.\n\n"
                + String(repeating: "It bills thinking as output, caches prefixes and answers fast. ", count: 30) + "\n\n"
                + "## Window\n\nPrice, price, price: the price line, the price per token, the price that doubles.\n\n"
                + "## Price\n\n" + String(repeating: "Ten cents in and fifty out, per million tokens. ", count: 20) + "\n",
            "guides/long.md": page("Long prompts", body: "The context window of Haiku 5.5 is large; a context window "
                + "that is full costs more, and every context window has a price line. Haiku 5.5 and its context window."),
            "guides/haiku-tiers.md": page("Haiku 5.5 tiers", body: "Start, Build and Scale."),
            "guides/limits.md": "---\ntitle: \"Rate limits\"\nsummary: \"429.\"\naliases: [\"429\"]\nupdated: \"2026-11-21\"\n"
                + "---\nHaiku 5.5 answers 429 when the bucket is empty; the context window does not matter.\n",
        ]
        let path = NSTemporaryDirectory() + "haiku-named-\(UUID().uuidString).db"
        return (path, try! SearchIndex.build(try! makeLibrary(pages), at: path))
    }()

    @Test func theNamedPageComesFirst() throws {
        let hits = try Self.index.search.search(SearchQuery(text: "context window haiku 5.5")).hits
        #expect(hits.first?.url == "/guides/haiku-5-5")
        #expect(hits.count == 3)
        // Without the name, the page that says it most comes first.
        #expect(try Self.index.search.search(SearchQuery(text: "context window")).hits.first?.url == "/guides/long")
    }

    /// The section whose heading holds the words the page's name does not ("haiku 5.5 price": Claude Haiku 5.5 ›
    /// Price) is the page's best, though "price" is said more often elsewhere on it (`RankFlags.inName`).
    @Test func theSectionTheRestOfTheQueryNamesIsShown() throws {
        let hit = try #require(try Self.index.search.search(SearchQuery(text: "haiku 5.5 price")).hits.first)
        #expect(hit.url == "/guides/haiku-5-5#price")
    }

    @Test func namesInsideTheQuery() throws {
        let connection = try Connection(path: Self.index.path, readOnly: true)
        let catalog = try Catalog(connection: connection)
        let haiku = catalog.pages(named: "haiku 5 5")
        #expect(haiku.count == 1)
        #expect(catalog.pages(namedWithin: ["context", "window", "haiku", "5", "5"]) == Set(haiku))
        #expect(catalog.pages(namedWithin: ["claude", "haiku", "5", "5", "price"]) == Set(haiku))
        // The whole query is the exact-name case, and a one-token alias ("429") is a topic, not a page named.
        #expect(catalog.pages(namedWithin: ["haiku", "5", "5"]).isEmpty)
        #expect(catalog.pages(namedWithin: ["429", "haiku", "retry"]).isEmpty)
        // Only the longest name counts: "haiku 5.5 tiers" names that page, not the one called "haiku 5.5" inside it.
        let tiers = catalog.pages(named: "haiku 5 5 tiers")
        #expect(tiers.count == 1)
        #expect(catalog.pages(namedWithin: ["haiku", "5", "5", "tiers", "today"]) == Set(tiers))
        #expect(catalog.pages(namedWithin: ["today", "haiku", "5", "5", "window"]) == Set(haiku))
        // Short token lists of every length are safe.
        for count in 0...4 {
            #expect(catalog.pages(namedWithin: Array(["haiku", "5", "5", "x"].prefix(count))).count <= 1)
        }
    }
}
