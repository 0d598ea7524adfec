import Testing
@testable import Content
@testable import Search

/// Sections with deep links, grouping, the any-word fallback, corrections, splits, aliases, facets, snippets.
struct SearchFeatureTests {
    static let pages = [
        "guides/pacing.md": page("Pacing requests", body: """
            Spread requests across the minute.

            ## Token bucket

            A token bucket refills continuously and allows a small burst.

            ## Retries

            Retry with backoff when the bucket is empty; a retry without a pause makes it worse.

            ## Timeouts

            ```python
            raise TimeoutError("no answer")
            ```

            Set a timeout on every call so that a slow answer never blocks the queue.
            """),
        "guides/limits.md": "---\ntitle: \"Rate limits\"\nsummary: \"What a 429 means.\"\naliases: [\"429\", too many requests]\nupdated: \"2026-11-21\"\n---\nThe bucket empties.\n",
        "guides/errors.md": page("Error handling", body: "## Status codes\n\nA 429 is retried after a pause; a 529 means overloaded."),
        "guides/small.md": page("GPT-4o mini", body: "## Prices\n\nGPT-4o mini costs little. Claude Haiku 4.5 costs more."),
        "guides/zebra.md": page("Zebra crossings", body: "Zebra stripes are not buckets."),
    ]

    static let index: SearchIndex = { try! makeIndex(pages) }()

    func search(_ text: String, section: Section? = nil, correct: Bool = true) throws -> SearchResults {
        try Self.index.search(SearchQuery(text: text, section: section, correct: correct))
    }

    @Test func aSectionMatchLinksToItsAnchorWithItsOwnSnippet() throws {
        let hit = try #require(try search("refills continuously").hits.first)
        #expect(hit.url == "/guides/pacing#token-bucket")
        #expect(hit.sectionTitle == "Token bucket")
        #expect(hit.snippet.text.contains("refills continuously"))
        #expect(!hit.snippet.text.contains("Spread requests"))
    }

    @Test func resultsAreGroupedByPageWithAtMostThreeSections() throws {
        let results = try search("bucket")
        let pacing = try #require(results.hits.first { $0.slug == "pacing" })
        #expect(results.hits.filter { $0.slug == "pacing" }.count == 1)
        #expect(pacing.more.count <= 2 && !pacing.more.isEmpty)
        #expect(Set(([pacing.url] + pacing.more.map(\.url))).count == 1 + pacing.more.count)
        #expect(results.total == results.hits.count)
    }

    @Test func aTitleMatchOpensThePageTop() throws {
        let hit = try #require(try search("rate limits").hits.first)
        #expect(hit.url == "/guides/limits")
        #expect(hit.sectionTitle == nil)
    }

    @Test func aliasesCountLikeTheTitle() throws {
        #expect(try search("429").hits.first?.slug == "limits")
        #expect(try search("too many requests").hits.first?.slug == "limits")
    }

    @Test func fewerThanThreePagesFallBackToSomeOfTheWords() throws {
        let results = try search("zebra bucket refills continuously")
        #expect(results.matched == .any)
        #expect(results.hits.contains { $0.slug == "pacing" && !$0.hasEveryWord })
        // Pages holding more of the words come first.
        let some = results.hits.filter { !$0.hasEveryWord }
        #expect(some.first?.slug == "pacing")
        #expect(try search("bucket").matched == .all)
    }

    @Test func aMisspeltQueryShowsTheCorrectionsResultsAndSaysSo() throws {
        let results = try search("bukcet")
        #expect(results.suggestion == "bucket")
        #expect(results.showingSuggestion)
        #expect(results.hits.contains { $0.slug == "pacing" })
        let exact = try search("bukcet", correct: false)
        #expect(exact.suggestion == "bucket" && !exact.showingSuggestion && exact.hits.isEmpty)
    }

    @Test func aCorrectionTwoLettersOffIsOfferedNotShown() throws {
        // `vision` matched nothing and was searched as `version`, two letters off and a word of its own: a person
        // checking image input read about versions. Two letters off a six-letter word is offered, not shown.
        let far = try search("bickel")
        #expect(far.suggestion == "bucket" && !far.showingSuggestion && far.hits.isEmpty, "\(String(describing: far.suggestion))")
        // A word that matched nothing and has no correction leaves nothing worth suggesting for the rest.
        let hopeless = try search("xqzzyv bukcet")
        #expect(hopeless.suggestion == nil && !hopeless.showingSuggestion, "\(String(describing: hopeless.suggestion))")
    }

    @Test func aPastedCompoundThatNoPageWritesWholeIsSearchedByItsParts() throws {
        // "retry-timeout-bucket-queue" is written nowhere as one phrase: its words, shown as a correction, find the
        // page that holds them all; asked for exactly, nothing.
        let results = try search("retry-timeout-bucket-queue")
        #expect(results.showingSuggestion)
        #expect(results.suggestion == "retry timeout bucket queue")
        #expect(results.hits.first?.slug == "pacing")
        #expect(try search("retry-timeout-bucket-queue", correct: false).hits.isEmpty)
        // A name written as typed is searched as typed.
        #expect(!(try search("gpt-4o-mini").showingSuggestion))
    }

    @Test func aQueryWithResultsIsNeverSilentlyChanged() throws {
        let results = try search("zebra")
        #expect(!results.showingSuggestion)
        #expect(results.hits.first?.slug == "zebra")
    }

    @Test func runTogetherWordsAreSplitAndNamesStaySearchableAsWritten() throws {
        #expect(try search("tokenbucket").hits.first?.slug == "pacing")
        #expect(try search("gpt4o").hits.first?.slug == "small")
        #expect(try search("gpt-4o-mini").hits.first?.slug == "small")
        #expect(try search("haiku4.5").hits.first?.slug == "small")
    }

    @Test func questionWordsAreNotRequired() throws {
        #expect(try search("how do I set a timeout").hits.first?.url == "/guides/pacing#timeouts")
    }

    @Test func facetsCountEverySectionWhateverTheFilter() throws {
        let all = try search("429")
        let filtered = try search("429", section: .models)
        #expect(all.facets.map(\.section) == [.guides] && all.facets.map(\.count) == [2])
        #expect(filtered.facets.map(\.count) == all.facets.map(\.count))
        #expect(filtered.total == 0 && filtered.hits.isEmpty)
        #expect(all.tookMs >= 0)
    }

    @Test func snippetsPreferProseOverCode() throws {
        let hit = try #require(try search("timeout").hits.first)
        #expect(hit.url == "/guides/pacing#timeouts")
        #expect(hit.snippet.text.contains("Set a"))
        #expect(!hit.snippet.text.contains("raise"))
    }

    @Test func highlightTermsIncludeSplits() throws {
        #expect(try search("tokenbucket").terms.contains("bucket"))
    }
}

struct VocabularyTests {
    let vocabulary = Vocabulary(["rate": 50, "limit": 40, "hallucination": 9, "hallucinations": 3, "overloaded": 4, "gpt": 5, "4o": 5,
                                 "haiku": 80, "4": 30, "ratelimit": 1])

    @Test func correctsWithinTwoEditsPreferringTheNearestThenTheCommonest() {
        #expect(vocabulary.correction("halucination") == "hallucination")
        #expect(vocabulary.correction("hallucinaton") == "hallucination")
        #expect(vocabulary.correction("overloded") == "overloaded")
        #expect(vocabulary.correction("zzzzzz") == nil)
        #expect(vocabulary.correction("429") == nil)
        #expect(Vocabulary.distance(Array("limti"), Array("limit"), limit: 2) == 1)
    }

    /// At the same distance, a word that holds every letter typed (one left out) comes before a commoner one that
    /// changes a letter: "limt" was corrected to "list", and "rate limt" showed the calculator.
    @Test func aLetterLeftOutComesBeforeALetterChanged() {
        let words = Vocabulary(["list": 90, "limit": 40, "lint": 5])
        #expect(words.correction("limt") == "limit")
        #expect(words.correction("lisst") == "list")
        #expect(Vocabulary.isSubsequence(Array("limt"), of: Array("limit")) && !Vocabulary.isSubsequence(Array("limt"), of: Array("list")))
    }

    @Test func splitsRunTogetherWordsAndRareKnownOnes() {
        #expect(vocabulary.split("gpt4o") == ["gpt", "4o"])
        #expect(vocabulary.split("haiku4") == ["haiku", "4"])
        #expect(vocabulary.split("ratelimit") == ["rate", "limit"])
        #expect(vocabulary.split("haiku") == nil)
        #expect(vocabulary.split(String(repeating: "rate", count: 100)) == nil)
    }
}
