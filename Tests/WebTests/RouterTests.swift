import Foundation
import Testing
@testable import Web

/// The router in-process over the real content: status, headers and key fragments of every kind of page.
struct RouterTests {
    @Test func homePageHasTheSecurityHeadersAndTheWayIn() {
        let response = get("/")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Referrer-Policy") == "no-referrer")
        #expect(response.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(response.text.contains("href=\"/assess\""))
        #expect(response.text.contains("action=\"/search\""))
        // The number of questions comes from the questionnaire the content defines, not from the template.
        let questions = realSite.advisor.engine.knowledge.questionnaire.count
        #expect(response.text.contains("Describe your workload in up to \(questions) answers"), "\(questions)")
    }

    @Test func everyPageAndSectionRendersAndEveryInternalLinkResolves() {
        var checked: Set<String> = []
        let starts = ["/"] + realSite.library.pages.map(\.url) + ["/models/", "/failure-modes/", "/guides/", "/resources/", "/criteria/"]
        for path in starts {
            let response = get(path)
            #expect(response.status == 200, "\(path)")
            for link in internalLinks(response.text) {
                let bare = String(link.split(separator: "#", maxSplits: 1)[0])
                guard !bare.contains("?"), checked.insert(bare).inserted else { continue }
                #expect(get(bare).status == 200, "\(path) links to \(bare)")
            }
        }
        #expect(checked.count > 50)
    }

    @Test func pageShowsItsFactsAndSources() throws {
        let page = try #require(realSite.library.pages.first { $0.section == .models })
        let html = get(page.url).text
        #expect(html.contains("Key facts"))
        #expect(html.contains("Sources"))
        #expect(html.contains("On this page") == (page.headings.count >= 3))
        // A criterion's rules are listed as the engine applies them, the Haiku's cache minimum included.
        let rules = get("/criteria/cacheable-prompt-share").text
        #expect(rules.contains("When cached_input_share ≥ 0.5, and the day&#39;s Haiku caches that prefix (it reaches the "
                               + "Haiku&#39;s minimum cacheable length): +5 points"), "\(rules)")
    }

    /// A shared link keeps working when a platform appends its tracking tags or an editor leaves `&&`: those pairs are
    /// dropped before any route reads the query (`'fbclid' is not a question` lost the verdict).
    @Test func trackingTagsAndEmptyPairsInALinkAreIgnored() {
        let tagged: [(String, String)] = [("task_type", "chat"), ("fbclid", "IwAR123"), ("utm_source", "slack"), ("gclid", "x"), ("", "")]
        for path in ["/assess/result", "/api/assess", "/calculator"] {
            let response = get(path, tagged)
            #expect(response.status == 200, "\(path): \(response.status) \(response.text.prefix(200))")
        }
        #expect(get("/compare", [("models", "gpt-6-luna,claude-haiku-5-5"), ("utm_campaign", "weekly")]).status == 200)
        #expect(get("/assess/result", [("task_type", "chat"), ("fbclid", "x")]).text == get("/assess/result", [("task_type", "chat")]).text)
        // In any case, and a referrer tag too.
        #expect(get("/api/assess", [("task_type", "chat"), ("UTM_SOURCE", "x"), ("ref", "producthunt")]).status == 200)
        // A name that only looks like one is still refused with its own name.
        #expect(get("/api/assess", [("task_type", "chat"), ("utmsource", "x")]).status == 400)
        // A phone's chart label keeps the tie short, whatever parentheses the tied names hold, and the capacity note.
        let tied = get("/calculator", [("task_type", "chat"), ("monthly_requests", "1"), ("avg_input_tokens", "1"),
                                       ("avg_output_tokens", "1"), ("as_of", "2026-12-07")]).text
        #expect(tied.contains("· cheapest usable (tied)</tspan>") && tied.contains("(tied with "), "\(tied.count)")
        // Not "cheapest" alone under a cheaper line it passes over: GPT-4o mini, deprecated, costs less than Haiku 5.5.
        let compared = get("/compare", [("models", "claude-haiku-5-5,claude-haiku-4-5,gpt-4o-mini"), ("as_of", "2026-12-07")]).text
        #expect(compared.contains("· cheapest usable</tspan>") && !compared.contains("· cheapest</tspan>"))
        let short = get("/calculator", [("monthly_requests", "3000000"), ("avg_input_tokens", "2000"), ("avg_output_tokens", "300"),
                                        ("as_of", "2026-12-07")]).text
        #expect(short.contains("<tspan class=\"label-narrow\">gpt-oss-20b (hosted on Groq) (limits short of peak)</tspan>"))
    }

    /// The home page's models card lists models a team can call today: the two retired Haikus came first by order.
    @Test func theHomePagesModelsAreTheOnesServedToday() {
        let home = get("/").text
        let card = home.components(separatedBy: "href=\"/models/\"").dropFirst().first ?? ""
        #expect(home.contains("href=\"/models/claude-haiku-5-5\""))
        #expect(!home.contains("href=\"/models/claude-3-haiku\"") && !home.contains("href=\"/models/claude-3-5-haiku\""), "\(card.prefix(600))")
    }

    /// Paging past the last result says so and links back to the last page ("Pages 99–98 of 98" was shown).
    @Test func searchPagedPastTheEndSaysSoAndLinksBack() {
        let page = get("/search", [("q", "haiku"), ("offset", "5000")]).text
        #expect(!page.contains("Pages 5001"))
        #expect(page.contains("No more results: all "), "\(page.count)")
        #expect(page.contains("Back to the results"))
        // The last page of however many there are (the count grows with the content).
        let total = Int(page.components(separatedBy: "No more results: all ").dropFirst().first?.prefix { $0.isNumber } ?? "") ?? 0
        #expect(total > 10)
        #expect(!page.contains("offset=4990") && page.contains("offset=\((total - 1) / 10 * 10)\""), "back to the last page of results")
    }

    /// An error names the parameter as code, not with Markdown backticks around it.
    @Test func errorMessagesShowQuotedNamesAsCode() {
        let page = get("/search", [("q", "haiku"), ("section", "bad")]).text
        #expect(page.contains("<code>bad</code>") && !page.contains("`bad`"))
        #expect(MessageHTML.render("a `b` and `c") == "a <code>b</code> and `c")
        #expect(MessageHTML.render("`<x>`") == "<code>&lt;x&gt;</code>")
    }

    @Test func sectionWithoutSlashRedirects() {
        let response = get("/models")
        #expect(response.status == 301)
        #expect(response.header("Location") == "/models/")
        #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
        // A page's address with a slash after it keeps its query too (the searched words' `h=` was dropped).
        let page = router.respond(to: Request(path: "/models/claude-haiku-5-5/", query: [("h", "cache minimum")]))
        #expect(page.status == 301 && page.header("Location") == "/models/claude-haiku-5-5?h=cache%20minimum")
        // The site's own pages too (`/search/` was a 404), and a slug in capitals; never under /api/, never a page
        // that does not exist.
        for (path, target) in [("/search/", "/search?q=cache"), ("/assess/", "/assess?q=cache"), ("/timeline/", "/timeline?q=cache"),
                               ("/models/Claude-Haiku-5-5", "/models/claude-haiku-5-5?q=cache"),
                               ("/models/Claude-Haiku-5-5/", "/models/claude-haiku-5-5?q=cache")] {
            let moved = router.respond(to: Request(path: path, query: [("q", "cache")]))
            #expect(moved.status == 301 && moved.header("Location") == target, "\(path): \(moved.status) \(moved.header("Location") ?? "")")
        }
        let markdown = router.respond(to: Request(path: "/models/Claude-Haiku-5-5.md"))
        #expect(markdown.status == 301 && markdown.header("Location") == "/models/claude-haiku-5-5.md")
        // A form posted to the slashed address keeps its method (308), where it had been told "405, GET only".
        let posted = router.respond(to: Request(method: "POST", path: "/assess/"))
        #expect(posted.status == 308 && posted.header("Location") == "/assess", "\(posted.status)")
        for path in ["/api/search/", "/nope/", "/models/nope/", "/Models/claude-haiku-5-5", "/models/Nope.md"] {
            #expect(router.respond(to: Request(path: path)).status == 404, "\(path)")
        }
    }

    /// A legacy model whose page names no replacement says none ("replacement: a newer model" named nothing).
    @Test func aLegacyModelWithoutAReplacementNamesNone() {
        let page = get("/models/llama-3-1-8b-self-hosted").text
        #expect(page.contains("Legacy since") && !page.contains("a newer model"))
    }

    @Test func compareNamesEveryUnknownModel() {
        let two = router.respond(to: Request(path: "/compare", query: [("models", "x0,claude-haiku-5-5,x1")]))
        #expect(two.status == 400 && two.text.contains("There are no models “x0” and “x1”."), "\(two.text)")
        let many = router.respond(to: Request(path: "/compare", query: [("models", (0..<300).map { "x\($0)" }.joined(separator: ","))]))
        #expect(many.text.contains("There are no models “x0”, “x1”, “x2” and 297 more."))
    }

    @Test func unknownPathsAre404InTheirOwnFormat() {
        #expect(get("/nope").status == 404)
        #expect(get("/nope").header("Content-Type") == "text/html; charset=utf-8")
        #expect(get("/models/no-such-model").status == 404)
        let api = get("/api/nope")
        #expect(api.status == 404)
        #expect(api.header("Content-Type") == "application/json")
        #expect((json(api) as? [String: Any])?["error"] != nil)
    }

    @Test func wrongMethodIs405WithAllow() {
        let page = router.respond(to: Request(method: "POST", path: "/"))
        #expect(page.status == 405)
        #expect(page.header("Allow") == "GET, HEAD")
        let api = router.respond(to: Request(method: "DELETE", path: "/api/assess"))
        #expect(api.status == 405)
        #expect(api.header("Allow") == "GET, HEAD, POST")
        #expect(router.respond(to: Request(method: "HEAD", path: "/")).status == 200)
    }

    @Test func staticFilesHaveTypesValidatorsAndNoWayOut() throws {
        let css = get("/public/style.css")
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        let etag = try #require(css.header("ETag"))
        #expect(get("/public/style.css", headers: ["If-None-Match": etag]).status == 304)
        #expect(get("/public/style.css", headers: ["If-None-Match": "\"other\""]).status == 200)
        // If-Match compares strongly: another tag, or a weak one, fails the precondition.
        #expect(get("/public/style.css", headers: ["If-Match": "\"nope\""]).status == 412)
        #expect(get("/public/style.css", headers: ["If-Match": "W/" + etag]).status == 412)
        #expect(get("/public/style.css", headers: ["If-Match": etag]).status == 200)
        #expect(get("/public/style.css", headers: ["If-Match": "*"]).status == 200)
        for path in ["/public/../Package.swift", "/public/%2e%2e/Package.swift", "/public/", "/public//etc/passwd", "/public/../../etc/passwd"] {
            #expect(get(path).status == 404, "\(path)")
        }
    }

    @Test func searchPageHighlightsAndEscapes() {
        let found = get("/search", [("q", "429")])
        #expect(found.status == 200)
        #expect(found.text.contains("<mark>"))
        let hostile = get("/search", [("q", "<script>alert(1)</script> \"x")])
        #expect(hostile.status == 200)
        #expect(!hostile.text.contains("<script>alert"))
        #expect(hostile.text.contains("&lt;script&gt;"))
        #expect(get("/search", [("q", "x"), ("section", "bogus")]).status == 400)
    }

    @Test func searchAPIShapeAndValidation() throws {
        let response = get("/api/search", [("q", "rate limits"), ("limit", "3")])
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        let body = try #require(json(response) as? [String: Any])
        #expect(body["query"] as? String == "rate limits")
        let results = try #require(body["results"] as? [[String: Any]])
        #expect(results.count == 3)
        #expect((body["total"] as? Int ?? 0) >= 3)
        for key in ["section", "slug", "title", "url", "snippet", "score"] { #expect(results[0][key] != nil, "\(key)") }
        for (name, value) in [("limit", "0"), ("limit", "abc"), ("offset", "-1"), ("section", "nope"), ("q", String(repeating: "x", count: 2000))] {
            let bad = get("/api/search", name == "q" ? [(name, value)] : [("q", "rate"), (name, value)])
            #expect(bad.status == 400, "\(name)=\(value)")
            let error = (json(bad) as? [String: Any])?["error"] as? [String: Any]
            #expect(error?["field"] as? String == name)
        }
    }

    @Test func pagesAPIListsEveryPageAndServesEachOne() throws {
        let list = try #require(json(get("/api/pages")) as? [[String: Any]])
        #expect(list.count == realSite.library.pages.count)
        let first = try #require(list.first)
        for key in ["section", "slug", "title", "url", "summary"] { #expect(first[key] != nil, "\(key)") }
        let url = try #require(first["url"] as? String)
        let page = try #require(json(get("/api/pages" + url)) as? [String: Any])
        #expect(page["meta"] is [String: Any])
        #expect((page["html"] as? String)?.isEmpty == false)
    }

    @Test func anIgnoredQueryStringDoesNotHideAPage() {
        for path in ["/", "/models/", "/api/models", "/api/questionnaire", "/api/openapi.json", "/api/pages", "/healthz"] {
            #expect(get(path, [("utm", "x")]).status == 200, "\(path)")
        }
        #expect(get("/assess", [("task_type", "chat")]).text.contains("<option value=\"chat\" selected>"))
    }

    @Test func healthz() {
        #expect(get("/healthz").text == "ok\n")
    }
}

/// The route table is the one place routes live: what it says is what the router answers.
struct RouteTableTests {
    func request(_ method: String, _ path: String) -> Response {
        router.respond(to: Request(method: method, path: path))
    }

    @Test func everyExactRouteAnswersItsMethodsAndRefusesOthersWithAllow() {
        for route in Routes.table {
            guard case .exact(let path) = route.pattern else { continue }
            if route.methods.contains("GET") {
                let response = request("GET", path)
                #expect(response.status != 404 && response.status != 405, "GET \(path): \(response.status)")
            }
            let refused = request("DELETE", path)
            #expect(refused.status == 405, "DELETE \(path)")
            #expect(refused.header("Allow") == route.allowed.joined(separator: ", "), "\(path)")
            #expect(refused.header("Content-Type") == (route.format == .api ? "application/json" : "text/html; charset=utf-8"))
        }
        #expect(request("POST", "/api/assess").status == 400)  // allowed; an empty body is not a JSON object
        #expect(request("POST", "/timeline").header("Allow") == "GET, HEAD")
    }

    /// Answers in a POST's query string were dropped without a word, and the verdict came from the body alone.
    @Test func postWithAnswersInTheQueryIsRefusedNamingOne() throws {
        let body = Array(#"{"task_type": "chat"}"#.utf8)
        let both = router.respond(to: Request(method: "POST", path: "/api/assess", query: [("monthly_requests", "5000")],
                                              headers: ["Content-Type": "application/json"], body: body))
        #expect(both.status == 400)
        let error = try #require(try JSONSerialization.jsonObject(with: Data(both.body)) as? [String: [String: String]])
        #expect(error["error"]?["field"] == "monthly_requests")
        #expect(error["error"]?["message"]?.contains("JSON body only") == true)
        // A share link's content version is not an answer: it may ride along.
        let versioned = router.respond(to: Request(method: "POST", path: "/api/assess", query: [("content", "3f2a9c01")],
                                                   headers: ["Content-Type": "application/json"], body: body))
        #expect(versioned.status == 200)
        #expect(router.respond(to: Request(method: "POST", path: "/api/assess", headers: ["Content-Type": "application/json"],
                                           body: body)).status == 200)
    }

    @Test func patternsCoverPagesFilesAndNothingElse() {
        #expect(request("GET", "/guides/monitoring").status == 200)
        #expect(request("GET", "/api/pages/guides/monitoring").status == 200)
        #expect(request("GET", "/guides/no-such-guide").status == 404)
        #expect(request("GET", "/api/pages/guides/no-such-guide").header("Content-Type") == "application/json")
        #expect(request("GET", "/recipes/soup").status == 404)
        #expect(request("GET", "/public/style.css").status == 200)
        #expect(request("POST", "/guides/monitoring").status == 405)
    }

    @Test func navigationAndLinkableRoutesComeFromTheTable() {
        let html = get("/").text
        for item in Routes.navigation {
            #expect(html.contains("href=\"\(item.url)\""), "\(item.url) in the navigation")
        }
        #expect(Routes.navigation.first?.url == "/assess")
        #expect(Site.linkableRoutes.isSuperset(of: ["/", "/assess", "/calculator", "/compare", "/timeline", "/search"]))
        #expect(!Site.linkableRoutes.contains("/healthz"))
    }
}
