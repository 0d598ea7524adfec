import Advisor
import Foundation
import Testing
@testable import Web

/// `/search` and `/api/search` on the real content: the new fields, the page's notices and filters, hostile input.
struct SearchWebTests {
    func document(_ query: [(String, String)]) throws -> [String: Any] {
        let response = get("/api/search", query)
        #expect(response.status == 200)
        return try #require(json(response) as? [String: Any])
    }

    @Test func theAnswerCarriesMatchedSuggestionFacetsAndTiming() throws {
        let body = try document([("q", "rate limit")])
        #expect(body["matched"] as? String == "all")
        #expect(body.keys.contains("suggestion") && body["suggestion"] is NSNull)
        let facets = try #require(body["facets"] as? [String: Int])
        #expect(facets["failure-modes"] ?? 0 >= 2)
        #expect(facets.values.reduce(0, +) == body["total"] as? Int)
        #expect(body["took_ms"] is Double || body["took_ms"] is Int)
        let results = try #require(body["results"] as? [[String: Any]])
        for key in ["section", "slug", "title", "section_title", "url", "snippet", "score", "more"] {
            #expect(results[0].keys.contains(key), "\(key)")
        }
        #expect(results[0]["url"] as? String == "/failure-modes/rate-limits")
    }

    /// The server ranks a retired model lower from the day it retires on its own clock (`serve --today`): Claude
    /// Sonnet 4.5, retired 2026-11-30, led "claude pricing" after it had gone.
    @Test func searchRanksRetiredModelsOnTheServersDay() throws {
        let site = try SiteBuilder.build(SitePaths(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates",
                                                   publicFiles: repositoryRoot + "/public", database: ":memory:",
                                                   today: CivilDate.day("2026-11-28")))
        let router = Router(site: site)
        func first(_ path: String) -> [String] {
            let response = router.respond(to: Request(method: "GET", path: path, query: [("q", "claude pricing"), ("limit", "5")], headers: [:]))
            let results = (json(response) as? [String: Any])?["results"] as? [[String: Any]] ?? []
            return results.compactMap { $0["slug"] as? String }
        }
        // Deprecated on the server's day (2026-11-28), it is among the first five; retired (2026-12-06), it is not.
        #expect(first("/api/search").contains("claude-sonnet-4-5"))
        site.advisor.engine.knowledge.clock = { CivilDate.day("2026-12-06")! }
        let after = first("/api/search")
        #expect(after.count == 5 && !after.contains("claude-sonnet-4-5"), "\(after)")
        let page = router.respond(to: Request(method: "GET", path: "/search", query: [("q", "claude pricing")], headers: [:])).text
        #expect(!page.contains("claude-sonnet-4-5?h=") || page.range(of: "claude-sonnet-4-5?h=")!.lowerBound > page.range(of: "claude-haiku-5-5?h=")!.lowerBound)
    }

    @Test func aSectionMatchLinksToItsAnchor() throws {
        let results = try #require(try document([("q", "circuit breaker")])["results"] as? [[String: Any]])
        let first = try #require(results.first)
        #expect((first["url"] as? String)?.hasPrefix("/failure-modes/service-outages#") == true)
        #expect(first["section_title"] as? String != nil)
    }

    @Test func aTypoShowsTheCorrectionsResultsUnlessExact() throws {
        let corrected = try document([("q", "halucination")])
        #expect(corrected["suggestion"] as? String == "hallucination")
        #expect(((corrected["results"] as? [[String: Any]])?.first?["slug"] as? String) == "hallucinations")
        // A query is isolated from the sentence around it: a right-to-left override in it reversed the rest of the
        // sentence, and the page's title.
        let reversed = get("/search", [("q", "\u{202E}zzqx yyqw")]).text
        #expect(reversed.contains("Nothing matches “<bdi>\u{202E}zzqx yyqw</bdi>”"))
        #expect(reversed.contains("<title>Search: zzqx yyqw"), "\(reversed.prefix(400))")
        for value in ["yes", "2", "on"] {
            // Only the values the OpenAPI document lists: any other was taken for "off" without a word.
            #expect(get("/api/search", [("q", "halucination"), ("exact", value)]).status == 400, "exact=\(value)")
        }
        let exact = try document([("q", "halucination"), ("exact", "1")])
        #expect(exact["total"] as? Int == 0 && exact["suggestion"] as? String == "hallucination")

        let page = get("/search", [("q", "halucination")]).text
        #expect(page.contains("Showing results for <strong>hallucination</strong>; search instead for <a href=\"/search?q=halucination&amp;exact=1\"><bdi>halucination</bdi></a>"))
    }

    /// A query that looks like it excludes a word is told that nothing is excluded: "haiku -sonnet" gave the results of
    /// "haiku sonnet", Sonnet 5.5 first, under a heading that echoed the minus. Not said of a hyphen inside a name.
    @Test func aWordThatLooksExcludedIsSaidToBeSearched() {
        for query in ["haiku -sonnet", "haiku NOT sonnet"] {
            #expect(get("/search", [("q", query)]).text.contains("<p class=\"search-notice\">Search finds pages with your words and "
                                                                  + "excludes none: “sonnet” was searched for, not left out.</p>"), "\(query)")
        }
        #expect(!get("/search", [("q", "gpt-4o-mini pricing")]).text.contains("excludes none"))
        #expect(!get("/search", [("q", "not sure haiku")]).text.contains("excludes none"))
    }

    @Test func fewMatchesFallBackToSomeOfTheWords() throws {
        let body = try document([("q", "empty reply with status 200 zzzq")])
        #expect(body["matched"] as? String == "any")
        #expect(get("/search", [("q", "empty reply with status 200 zzzq")]).text.contains("Pages with some of your words"))
    }

    @Test func facetsAreFiltersWhoseStateIsInTheURL() {
        let html = get("/search", [("q", "429"), ("section", "guides")]).text
        #expect(html.contains("<a href=\"/search?q=429&amp;section=guides\" aria-current=\"true\">Guides"))
        #expect(html.contains("href=\"/search?q=429\""))
        #expect(html.contains("<input type=\"hidden\" name=\"section\" value=\"guides\">"))
    }

    @Test func theSearchPageHasOneSearchBoxAndResultsOpenHighlighted() {
        let html = get("/search", [("q", "circuit breaker")]).text
        #expect(html.components(separatedBy: "type=\"search\"").count == 2)
        #expect(html.contains("href=\"/failure-modes/service-outages?h=circuit%20breaker#"))
        #expect(get("/guides/", []).text.contains("id=\"site-search\""))
    }

    /// A model found carries its lifecycle today (the fixture's 2026-11-28), as every page naming a model does: a
    /// search for Gemini 2.0 Flash must not read as a current model. Other pages carry no badge.
    @Test func aModelFoundShowsItsLifecycleToday() {
        let html = get("/search", [("q", "gemini 2.0 flash")]).text
        #expect(html.contains(">Gemini 2.0 Flash</a> <span class=\"badge life-retired\" title=\"Retired on 2026-06-01"), "\(html.prefix(4000))")
        let guides = get("/search", [("q", "circuit breaker")]).text
        #expect(!guides.contains("class=\"badge life-"))
    }

    @Test func theScriptIsServedFromPublicAndAllowedByTheCSP() {
        let script = get("/public/search.js")
        #expect(script.status == 200)
        #expect(script.header("Content-Type")?.contains("javascript") == true)
        let page = get("/guides/")
        #expect(page.text.contains("<script src=\"/public/search.js\" defer></script>"))
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
    }

    @Test func theCountLineNamesTheQueryItsResultsAreFor() {
        // A misspelling shown corrected: the count is for the correction, as the notice above it says.
        let page = get("/search", [("q", "ratelimt")]).text
        #expect(page.contains("Showing results for <strong>ratelimit</strong>"))
        #expect(page.contains("for “<bdi>ratelimit</bdi>” <span class=\"took\">"))
        #expect(!page.contains("for “<bdi>ratelimt</bdi>” <span"))
    }

    @Test func aRefusedQueryShowsItsErrorAndNoResultsLine() {
        // Over 1,000 bytes: a 400 with the reason, and no "Pages – of for …" line of a search that did not run.
        let response = get("/search", [("q", String(repeating: "x", count: 1_200))])
        #expect(response.status == 400)
        #expect(response.text.contains("longer than 1,000 bytes"))
        #expect(!response.text.contains("class=\"meta\">Pages"))
        #expect(!response.text.contains("Nothing matches"))
    }

    @Test func aParameterGivenTwiceIsRefusedAsAnAssessmentsAnswerIs() {
        // `q=a&q=b` searched for `a` and dropped `b` without a word.
        for (path, pairs, name) in [("/api/search", [("q", "rate"), ("q", "limit")], "q"),
                                    ("/search", [("q", "rate"), ("section", "guides"), ("section", "models")], "section")] {
            let response = get(path, pairs)
            // The JSON quotes the name in backticks; the page sets it as code.
            let quoted = path.hasPrefix("/api/") ? "`\(name)`" : "<code>\(name)</code>"
            #expect(response.status == 400 && response.text.contains("\(quoted) is given more than once"), "\(path): \(response.text.prefix(300))")
        }
    }

    static let hostile = [
        "\"", "NEAR(", "NEAR(rate limits, 2)", "rate*", "^rate", "-rate", "title:rate", "{title}: x", "a\"b\"c", "C++",
        "<script>alert(1)</script>", "\u{0}", "'; DROP TABLE pages; --", String(repeating: "hallucinaton ", count: 76),
        String(repeating: "x", count: 1_000), "😀", "ratelimit\"*", "AND OR NOT",
    ]

    @Test(arguments: hostile)
    func hostileQueriesNeverFailAndAreEscaped(_ text: String) throws {
        for path in ["/api/search", "/search"] {
            let response = get(path, [("q", text)])
            #expect(response.status == 200, "\(path) \(text.prefix(40))")
            if path == "/search" { #expect(!response.text.contains("<script>alert")) }
        }
        let suggestion = get("/search", [("q", "<scrpt>halucination")]).text
        #expect(!suggestion.contains("<scrpt>"))
    }
}
