import Foundation
import Testing
@testable import Web
import Advisor

/// The questionnaire, verdict, calculator and compare pages, and the assessment API, over the real content.
struct AdvisorRoutesTests {
    static let workload = "task_type=classification&monthly_requests=3000000&avg_input_tokens=600&avg_output_tokens=20&latency=interactive&review_capacity=sampled&fallback_ready=true"

    @Test func questionnaireServesEveryAnswerWithAHelpPage() throws {
        let body = try #require(json(get("/api/questionnaire")) as? [String: Any])
        let questions = try #require(body["questions"] as? [[String: Any]])
        let ids = Set(questions.compactMap { $0["id"] as? String })
        #expect(ids == ["task_type", "monthly_requests", "avg_input_tokens", "avg_output_tokens", "cached_input_share", "latency",
                        "accuracy", "review_capacity", "cost_priority", "developer_hourly_usd", "complex_share",
                        "fallback_ready", "can_self_host", "tokens_counted_with", "peak_to_average", "as_of",
                        "latency_budget_s", "reasoning_effort", "required_fit", "system_prompt_tokens", "routing",
                        "tool_choice"])
        for question in questions {
            let help = try #require(question["help_url"] as? String)
            #expect(get(help).status == 200, "\(help)")
            #expect(question["default"] != nil)
            #expect(question["options"] != nil || question["min"] != nil
                    || ["boolean", "date"].contains(question["kind"] as? String ?? ""))
        }
    }

    /// An export describes the workload it priced: a `usage=` link without averages was described at the 1,000-token
    /// default while its figures were the profile's 150,000-token prompts.
    /// The questionnaire filled in from a query says what it cannot read, at each field, with a 400: the selects
    /// showed "Not sure" and the volume "abc" with no word until the form was sent.
    @Test func aQuestionnaireFilledFromAQueryMarksEveryAnswerItCannotRead() {
        let bad = get("/assess", pairs("task_type=bogus&latency=warp&monthly_requests=abc"))
        #expect(bad.status == 400)
        for field in ["task_type", "latency", "monthly_requests"] {
            #expect(bad.text.contains("id=\"e-\(field)\""), "\(field)")
        }
        #expect(bad.text.contains("name=\"monthly_requests\"") && bad.text.contains("value=\"abc\""), "the answers are kept")
        let hostile = get("/assess", pairs("monthly_requests=%22%3E%3Cscript%3E"))
        #expect(hostile.status == 400 && !hostile.text.contains("<script>"))
        // A share link's answers, version and day fill the form as before.
        let good = get("/assess", pairs("task_type=chat&monthly_requests=5000&as_of=2026-12-07&content=abc123"))
        #expect(good.status == 200 && !good.text.contains("aria-invalid=\"true\""))
        // An imported verdict's link keeps its distribution in the form, read or refused (it was dropped).
        let usage = "usage=2016-90000-0-0-300"
        #expect(get("/assess", pairs("task_type=summarization&" + usage)).text.contains("name=\"usage\" value=\"2016-90000-0-0-300\""))
        let refused = get("/assess", pairs("task_type=bogus&" + usage))
        #expect(refused.status == 400 && refused.text.contains("name=\"usage\" value=\"2016-90000-0-0-300\""))
    }

    @Test func anExportOfAUsageLinkDescribesTheWorkloadItPriced() {
        for path in ["/assess/result.md", "/assess/result.madr.md"] {
            let text = get(path, [("usage", "1-135000-0-15000-200"), ("as_of", "2026-12-07")]).text
            #expect(text.contains("× 150,000 input tokens") && !text.contains("× 1,000 input tokens"), "\(path): \(text.prefix(900))")
        }
    }

    /// A link made with other content keeps its version in the export links, and the export says so, as the page does.
    @Test func anOldLinksExportsKeepItsContentVersion() {
        let query: [(String, String)] = [("task_type", "chat"), ("as_of", "2026-12-07"), ("content", "000000000000")]
        let page = get("/assess/result", query).text
        #expect(page.contains("href=\"/assess/result.md?task_type=chat&amp;as_of=2026-12-07&amp;content=000000000000\""))
        let md = get("/assess/result.md", query).text
        #expect(md.hasPrefix("> Other content: this link was made with content version 000000000000"), "\(md.prefix(200))")
        #expect(!get("/assess/result.md", Array(query.prefix(2))).text.contains("Other content:"))
        // The decision record's front matter still opens the file; the notice comes after it.
        let madr = get("/assess/result.madr.md", query).text
        #expect(madr.hasPrefix("---\nstatus: proposed"), "\(madr.prefix(120))")
        #expect(madr.contains("---\n\n> Other content: this link was made with content version 000000000000"))
    }

    /// A verdict held on the Haiku below its band by a price rule says so in the decision record ("59 reaches 60").
    @Test func aDecisionRecordHeldOnTheHaikuBelowItsBandSaysWhy() {
        let madr = get("/assess/result.madr.md", [("task_type", "moderation"), ("monthly_requests", "500000000"),
                                                  ("avg_input_tokens", "300"), ("avg_output_tokens", "2"), ("peak_to_average", "1"),
                                                  ("can_self_host", "true"), ("as_of", "2026-12-07")]).text
        #expect(madr.contains("because Haiku's fit score, 59, is under 60, but at hundreds of thousands of simple calls a day"), "\(madr.count)")
        #expect(!madr.contains("59, reaches 60"))
    }

    /// Compare takes a model as people name it: an API id, a dated snapshot, a slug in capitals.
    /// The compare page gives the date its prices were checked, as the model page and the cost table do: it gave none,
    /// and its lead said every figure linked to its source though only the headings link.
    @Test func compareSaysWhenEachModelsPricesWereChecked() throws {
        let page = get("/compare", [("models", "claude-haiku-5-5,gpt-6-luna")]).text
        let k = realSite.advisor.engine.knowledge
        let haiku = try #require(k.pricesChecked(of: "claude-haiku-5-5")), luna = try #require(k.pricesChecked(of: "gpt-6-luna"))
        let row = try #require(page.range(of: "Prices checked")).upperBound
        let rest = page[row...].prefix(600)
        #expect(rest.contains(haiku) && rest.contains(luna), "\(rest)")
        #expect(!page.contains("Every figure links back") && page.contains("Each column's heading links to"))
    }

    @Test func compareTakesAModelsAPIIdAndItsSlugInAnyCase() {
        for name in ["claude-haiku-4-5-20251001", "GPT-6-LUNA", "gpt-5-mini-2025-08-07", "gemini-3.8-flash"] {
            #expect(get("/compare", [("models", name)]).status == 200, "\(name)")
        }
        #expect(get("/compare", [("models", "claude-haiku-4-5-2025x")]).status == 400)
    }

    @Test func theFormWorksWithoutJavaScript() {
        let html = get("/assess").text
        #expect(html.contains("<form id=\"questionnaire\" class=\"questionnaire\" action=\"/assess/result\" method=\"get\">"))
        #expect(html.contains("name=\"task_type\""))
        #expect(html.contains("name=\"fallback_ready\""))
        // Scripts only enhance (theme toggle, copy buttons): external same-origin files, nothing inline.
        let scripts = html.components(separatedBy: "<script").dropFirst()
        #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/public/") && $0.contains("></script>") })
    }

    @Test func resultPageExplainsAndLinksEverything() throws {
        let response = get("/assess/result", pairs(Self.workload))
        #expect(response.status == 200)
        let html = response.text
        for fragment in ["Verdict", "Why", "Monthly cost on every model", "Adjust the answers", "/assess/result?task_type=classification"] {
            #expect(html.contains(fragment), "\(fragment)")
        }
        for link in internalLinks(html) where link.hasPrefix("/criteria/") || link.hasPrefix("/failure-modes/") || link.hasPrefix("/models/") {
            #expect(get(String(link.split(separator: "#")[0])).status == 200, "\(link)")
        }
    }

    /// A model page of a model that stops answering says when, counted from today, and links the model to move to;
    /// one served with no end says nothing of the kind (the fixture's today is 2026-11-28).
    @Test func aModelPageSaysWhenItsModelStopsAnsweringAndWhereToMove() {
        #expect(get("/models/gpt-5-mini").text.contains("<p class=\"notice lifecycle-end\"><strong>It stops answering in 12 days "
                                                        + "(2026-12-10).</strong> Move to <a href=\"/models/gpt-6-1-terra\">GPT-6.1 Terra</a>"))
        // Retired: since when, and the replacement followed to the current model (Gemini 3.1 Flash-Lite is deprecated).
        #expect(get("/models/gemini-flash").text.contains("<strong>Requests to it have failed since 2026-06-01 (180 days ago).</strong> "
                                                          + "Move to <a href=\"/models/gemini-3-5-flash-lite\">Gemini 3.5 Flash-Lite</a>"))
        #expect(!get("/models/claude-haiku-5-5").text.contains("lifecycle-end"))
        // Legacy with no end announced: still served, and where new work should start.
        #expect(get("/models/claude-haiku-4-5").text.contains("<strong>It is still served, with no end announced; new work should "
                                                              + "start on its successor.</strong> Move to <a href=\"/models/claude-haiku-5-5\">"))
        #expect(get("/models/", [("sort", "input")]).text.contains("Sorted by input, per M tokens."))
        // One with no successor named is not told to move (open weights are never switched off).
        let llama = get("/models/llama-3-1-8b-self-hosted").text
        #expect(llama.contains("<strong>It is still served, with no end announced.</strong></p>"), "the Llama page")
        // A slash after a page's address moves to the page; after one that does not exist, 404.
        let slash = get("/models/gpt-5-mini/")
        #expect(slash.status == 301 && slash.header("Location") == "/models/gpt-5-mini")
        #expect(get("/models/no-such-model/").status == 404)
    }

    /// Key facts keep a source column only where a row has a source: a failure mode's facts are its own, and the
    /// always-empty column squeezed them into a third of the table.
    @Test func keyFactsHaveASourceColumnOnlyWhereARowHasASource() {
        let failure = get("/failure-modes/rate-limits").text
        #expect(failure.contains("<th scope=\"row\">How often</th>") && !failure.contains("<td class=\"source\">"))
        #expect(get("/models/claude-haiku-5-5").text.contains("<td class=\"source\"><a href="))
    }

    /// Model pages and the models index are cached per day, not for the server's life: a server left running said
    /// "in 5 days" after the model had gone, and badged a retired model as deprecated.
    @Test func modelPagesAndTheModelsIndexFollowTheDay() throws {
        let site = try SiteBuilder.build(SitePaths(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates",
                                                   publicFiles: repositoryRoot + "/public", database: ":memory:",
                                                   today: CivilDate.day("2026-11-28")))
        let router = Router(site: site)
        func page(_ path: String) -> String { router.respond(to: Request(method: "GET", path: path, query: [], headers: [:])).text }
        #expect(page("/models/gpt-5-mini").contains("It stops answering in 12 days (2026-12-10)."))
        let retiredBefore = page("/models/").components(separatedBy: "life-retired").count
        site.advisor.engine.knowledge.clock = { CivilDate.day("2026-12-12")! }
        #expect(page("/models/gpt-5-mini").contains("Requests to it have failed since 2026-12-10 (2 days ago)."))
        // GPT-5 mini and GPT-5 nano have retired since.
        #expect(page("/models/").components(separatedBy: "life-retired").count > retiredBefore)
    }

    /// A verdict that a blank answer alone would change says so under its heading, naming the answer, what was assumed
    /// and where it flips: a tiered plan $4,190 a month dearer rested on a complex share of 5 % nobody gave.
    @Test func aVerdictThatRestsOnABlankAnswerSaysSoUnderItsHeading() {
        let answers = [("task_type", "rag"), ("monthly_requests", "2000000"), ("avg_input_tokens", "6000"),
                       ("avg_output_tokens", "400"), ("cached_input_share", "0.6"), ("latency", "interactive"),
                       ("accuracy", "reviewed"), ("cost_priority", "balanced"), ("as_of", "2026-12-06")]
        let html = get("/assess/result", answers).text
        #expect(html.contains("<p class=\"notice assumed-flips\">This verdict rests on what you left blank: "
                              + "<a href=\"/criteria/complex-request-share\">Share of complex requests</a> was assumed 5 %, "
                              + "and at 4 % it would be <a href=\"/assess/result?"), "the notice")
        #expect(get("/assess/result.md", answers).text.contains("(left blank, assumed): 5 % → **4 %** gives"),
                "the Markdown export marks it too")
        // Answered, the same values rest on nothing left blank.
        let answered = answers + [("complex_share", "0.05"), ("review_capacity", "sampled")]
        #expect(!get("/assess/result", answered).text.contains("assumed-flips"))
    }

    /// A verdict for another model names the Haiku's month and why it lost on the first screen, in the page and the
    /// Markdown export.
    @Test func aVerdictForAnotherModelNamesTheHaikusMonth() {
        let answers = [("task_type", "classification"), ("monthly_requests", "1000000"), ("avg_input_tokens", "800"),
                       ("avg_output_tokens", "50"), ("cost_priority", "primary"), ("as_of", "2026-12-06")]
        let html = get("/assess/result", answers).text
        #expect(html.contains("<dt>Claude Haiku 5.5</dt>\n    <dd class=\"decision-haiku\"><a href=\"/models/claude-haiku-5-5\">Claude Haiku 5.5</a>"), "the row")
        #expect(html.contains("at $137 a month, <strong>$99 a month more</strong>. It lost because it costs $99 more a month"))
        #expect(get("/assess/result.md", answers).text.contains("- Claude Haiku 5.5: $137 a month; it costs $99 more a month"))
        // A model that refuses the workload's forced tool calls is priced for comparison only, and its row says so.
        let forced = get("/assess/result.md", [("task_type", "extraction"), ("tool_choice", "forced"), ("as_of", "2026-12-07")]).text
        #expect(forced.contains("| Claude Sonnet 5.5 | Active | $") && forced.contains(" (errors on a forced tool call) |"), "\(forced)")
    }

    /// A top lever that raises the bill (the way back to the Haiku under its price line) is labelled as one: the slot
    /// that shows a saving elsewhere read as one here, from $1,035 to $5,318 a month.
    @Test func aTopLeverThatCostsMoreSaysSoInItsLabel() {
        let rag = get("/assess/result", [("task_type", "rag"), ("monthly_requests", "300000"), ("avg_input_tokens", "90000"),
                                         ("avg_output_tokens", "500"), ("as_of", "2026-12-06")]).text
        #expect(rag.contains("<dt>Top lever, at a cost</dt>"))
        #expect(get("/assess/result", [("task_type", "classification")]).text.contains("<dt>Top lever</dt>"))
    }

    /// A request no model holds: the heading and the decision say so, not "Recommended".
    @Test func aRequestNoModelHoldsIsSaidInTheHeading() throws {
        let html = get("/assess/result", [("task_type", "rag"), ("monthly_requests", "1000"),
                                          ("avg_input_tokens", "1200000"), ("avg_output_tokens", "1000")]).text
        #expect(html.contains("<h1 id=\"verdict-heading\">No model can take this request</h1>"))
        // The cost table and the chart mark the model as what it is, not as recommended.
        #expect(html.contains("★ Roomiest") && !html.contains("★ Recommended") && !html.contains("★ recommended")
                && !html.contains("· recommended"))
        #expect(html.contains("★ roomiest"))
        // The biggest risk is that, at high severity, and a lever does not say the verdict "stays" a name the heading
        // does not use.
        #expect(html.contains("Long-context cost</a> (high): No model we list can take one of these requests"), "the risk")
        #expect(!html.contains("The verdict stays “Use another model”"))
        // Named for its fit among models about as roomy, it is marked the roomiest of those, not of all.
        // (Moderation: for complex reasoning Gemini 3.5 Flash-Lite, the roomiest with its thinking off, now thinks.)
        let fitFirst = get("/assess/result", [("task_type", "moderation"), ("monthly_requests", "10"),
                                              ("avg_input_tokens", "900000"), ("avg_output_tokens", "4000")]).text
        #expect(fitFirst.contains("★ Roomiest strong fit") && !fitFirst.contains("★ Roomiest<"), "the mark")
        // Passed over a roomier legacy model for an active one, it says so.
        let active = get("/assess/result", [("task_type", "summarization"), ("monthly_requests", "500"),
                                            ("avg_input_tokens", "1100000"), ("avg_output_tokens", "4000")]).text
        #expect(active.contains("★ Roomiest active strong fit, cheapest"), "the mark")
        #expect(html.contains("No model we list can take one of these requests"))
        // Inside the largest window but over the headroom: not refused, so the heading says "with room to spare".
        let margin = get("/assess/result", [("task_type", "extraction"), ("monthly_requests", "800"),
                                            ("avg_input_tokens", "880000"), ("avg_output_tokens", "3000")]).text
        #expect(margin.contains("<h1 id=\"verdict-heading\">No model takes this request with room to spare</h1>"))
        #expect(margin.contains("would accept it as it stands") && !margin.contains("★ recommended"))
        let ordinary = get("/assess/result", pairs(Self.workload)).text
        #expect(ordinary.contains("★ Recommended") && !ordinary.contains("No model can take"))
    }

    @Test func theURLAloneReproducesTheVerdict() throws {
        let api = try #require(json(get("/api/assess", pairs(Self.workload))) as? [String: Any])
        let shared = get("/assess/result", pairs(Self.workload)).text
        let verdict = try #require(api["verdict"] as? String)
        #expect(["choose_haiku", "tiered_routing", "choose_alternative"].contains(verdict))
        let label = ["choose_haiku": "Run it on Haiku", "tiered_routing": "Haiku in front", "choose_alternative": "Use another model"][verdict]!
        #expect(shared.contains(label))
        #expect(get("/assess/result", pairs(Self.workload)).text == shared)
    }

    @Test func getAndPostGiveTheSameAssessment() throws {
        let viaGet = get("/api/assess", pairs(Self.workload))
        let body = #"{"task_type":"classification","monthly_requests":3000000,"avg_input_tokens":600,"avg_output_tokens":20,"latency":"interactive","review_capacity":"sampled","fallback_ready":true}"#
        let viaPost = router.respond(to: Request(method: "POST", path: "/api/assess", body: Array(body.utf8)))
        #expect(viaGet.status == 200 && viaPost.status == 200)
        #expect(viaGet.body == viaPost.body)
        let assessment = try #require(json(viaPost) as? [String: Any])
        for key in ["verdict", "score", "primary_model", "alternatives", "reasons", "warnings", "costs", "what_would_change", "assumptions"] {
            #expect(assessment[key] != nil, "\(key)")
        }
        let costs = try #require(assessment["costs"] as? [[String: Any]])
        #expect(costs.count == realSite.library.pages(in: .models).count)
    }

    @Test(arguments: [
        ("monthly_requests=-5", "monthly_requests"), ("monthly_requests=abc", "monthly_requests"),
        ("cached_input_share=1.5", "cached_input_share"), ("latency=sometimes", "latency"), ("task_type=poetry", "task_type"),
        ("fallback_ready=maybe", "fallback_ready"), ("complex_share=nan", "complex_share"), ("avg_input_tokens=1e309", "avg_input_tokens"),
        ("developer_hourly_usd=inf", "developer_hourly_usd"), ("colour=blue", "colour"), ("routing=always", "routing"),
        ("as_of=2026-13-01", "as_of"), ("as_of=2023-01-01", "as_of"),
    ])
    func invalidAnswersAre400NamingTheField(query: String, field: String) throws {
        let api = get("/api/assess", pairs(query))
        #expect(api.status == 400)
        let error = try #require((json(api) as? [String: Any])?["error"] as? [String: Any])
        #expect(error["field"] as? String == field)
        #expect((error["message"] as? String)?.isEmpty == false)
        let page = get("/assess/result", pairs(query))
        #expect(page.status == 400)
        #expect(page.text.contains("class=\"field-error\"") || field == "colour")
        #expect(page.text.contains("<form id=\"questionnaire\" class=\"questionnaire\""))
    }

    /// A day before the first Haiku is refused in words a person reads: the day it may start, and why.
    @Test func aDayBeforeTheFirstHaikuSaysFromWhen() {
        let page = get("/assess/result", [("as_of", "2023-01-01")])
        #expect(page.status == 400)
        #expect(page.text.contains("must be 2024-03-13 or later, the day Claude 3 Haiku, the first Haiku we list, was released."))
        // The form's date field starts there, so a browser does not offer the days it would refuse.
        let form = get("/assess", []).text
        #expect(form.contains("type=\"date\" value=\"\" min=\"2024-03-13\""))
        #expect(form.contains("Blank means today; from 2024-03-13, the first Haiku's release."))
    }

    @Test(arguments: ["[]", "\"text\"", "{", "{\"task_type\": 5}", "{\"monthly_requests\": 1.5}", "{\"latency\": null, \"x\": 1}", "1e999"])
    func invalidBodiesAre400(body: String) {
        let response = router.respond(to: Request(method: "POST", path: "/api/assess", body: Array(body.utf8)))
        #expect(response.status == 400, "\(body)")
        #expect((json(response) as? [String: Any])?["error"] != nil)
    }

    @Test func errorsKeepWhatWasTypedAndEscapeIt() {
        let page = get("/assess/result", [("monthly_requests", "<b>lots</b>")])
        #expect(page.status == 400)
        #expect(page.text.contains("value=\"&lt;b&gt;lots&lt;/b&gt;\""))
        #expect(!page.text.contains("<b>lots</b>"))
    }

    @Test func calculatorPricesEveryModel() {
        let page = get("/calculator", pairs("monthly_requests=1000000&avg_input_tokens=1000&avg_output_tokens=200"))
        #expect(page.status == 200)
        for model in realSite.library.pages(in: .models) {
            #expect(page.text.contains("href=\"\(model.url)\""), "\(model.slug)")
        }
        // The form follows a long table: the workload's heading links down to it, which it lacked.
        #expect(page.text.contains("<a href=\"#form-heading\">Change the workload</a>") && page.text.contains("id=\"form-heading\""))
        #expect(get("/calculator", [("monthly_requests", "-1")]).status == 400)
        // Every answer it cannot read is marked on its field, not only the first.
        let two = get("/calculator", [("monthly_requests", "lots"), ("avg_input_tokens", "many")]).text
        #expect(two.contains("id=\"e-monthly_requests\"") && two.contains("id=\"e-avg_input_tokens\"")
                && two.contains("1 more answer needs fixing"), "both refused answers are marked")
        // The calculator gives no verdict, so its form does not promise one.
        #expect(page.text.contains("answers left blank are assumed, and the workload priced says so"))
        #expect(!page.text.contains("the verdict says so"))
        let form = get("/assess", []).text
        #expect(form.contains("answers left blank are assumed, and the verdict says so"))
        // A number's default sits in its box without the unit that follows the box.
        #expect(form.contains("placeholder=\"100,000\" aria-describedby=\"h-monthly_requests\"> <span class=\"unit\">requests per month</span>"))
        #expect(!form.contains("placeholder=\"100,000 requests per month\""))
    }

    /// A month the model cannot carry says so in its own cell, as the calculator does: gpt-oss-120b's $2,334 for
    /// 150,000-token prompts its 131,072-token window cannot hold had no mark but a chart caption lumping four reasons;
    /// and a figure billed wholly at long-context rates says so.
    @Test func compareSaysWhereAMonthDoesNotFitOrIsAllLongContext() {
        let page = get("/compare", [("models", "claude-haiku-5-5,gpt-6-luna,gpt-oss-120b"), ("task_type", "rag"),
                                    ("monthly_requests", "100000"), ("avg_input_tokens", "150000"), ("avg_output_tokens", "200"),
                                    ("as_of", "2026-12-06")]).text
        #expect(page.contains("Does not fit: 151,400 tokens per request against a 131,072-token window; $2,334.00 if it did"))
        #expect(page.contains("$10,115.00 (every token at its long-context rates)"))
        #expect(page.contains("$1,570.00</td>"), "GPT-6 Luna's month, under its 272K line, has no caveat")
        #expect(!page.contains("Tool-use system prompt, a request"), "no tools: no such row")
        // Forced tool calls: a model that errors on them says so before its price, and each bill's tool-use prompt is
        // given, with whose count it is where the page has none.
        let forced = get("/compare", [("models", "claude-haiku-5-5,claude-sonnet-5-5,claude-haiku-4-5"), ("task_type", "extraction"),
                                      ("tool_choice", "forced"), ("as_of", "2026-12-06")]).text
        #expect(forced.contains("Returns an error on a forced tool call; $"), "\(forced.count)")
        #expect(forced.contains(">406 tokens</td>") && forced.contains(">588 tokens</td>"), "Haiku 5.5's and Haiku 4.5's counts")
        let fable = get("/compare", [("models", "claude-fable-5-2,claude-haiku-4-5"), ("task_type", "extraction"),
                                     ("tool_choice", "auto"), ("as_of", "2026-12-06")]).text
        #expect(fable.contains("286 tokens (estimated from Claude Opus 5&#39;s count)"))
        // The calculator's table greys such a row and says why beside its month (it read as an option like the others).
        let calculator = get("/calculator", [("task_type", "extraction"), ("tool_choice", "forced"), ("as_of", "2026-12-06")]).text
        #expect(calculator.contains("<span class=\"meta\">errors on a forced tool call</span>"))
        #expect(calculator.contains(" unavailable\">\n      <th scope=\"row\"><a href=\"/models/claude-sonnet-5-5\">"), "Sonnet 5.5's row is greyed")
        #expect(!calculator.contains(" unavailable\">\n      <th scope=\"row\"><a href=\"/models/claude-haiku-5-5\">"), "Haiku 5.5's is not")
    }

    /// The comparison's table judges lifecycles on the workload's day, as its chart does: on 2027-01-15 GPT-5 nano
    /// was "deprecated, retires 2026-12-10" in the table while the chart had left it out as retired.
    @Test func compareJudgesLifecyclesOnTheWorkloadsDay() {
        let page = get("/compare", [("models", "gpt-5-nano,gpt-6-luna"), ("task_type", "classification"), ("as_of", "2027-01-15")]).text
        #expect(page.contains("Lifecycle on 2027-01-15"), "\(page.prefix(200))")
        #expect(page.contains("(retired by then)"))
        #expect(!page.contains("Lifecycle today"))
        #expect(get("/compare", [("models", "gpt-5-nano,gpt-6-luna")]).text.contains("Lifecycle today"))
        #expect(page.contains("The workload of your verdict") && page.contains("This workload, a month"))
        // A day alone is the default workload on that day: no verdict to go back to.
        let day = get("/compare", [("models", "gemini-3-8-flash,claude-haiku-5-5"), ("as_of", "2027-01-20")]).text
        #expect(day.contains("Lifecycle on 2027-01-20") && day.contains("Cost of the default workload"))
        #expect(!day.contains("The workload of your verdict") && !day.contains("Back to the verdict"))
        #expect(day.contains("<input type=\"hidden\" name=\"as_of\" value=\"2027-01-20\">"))
    }

    @Test func compareShowsChosenModelsAndRefusesUnknownOnes() {
        let page = get("/compare", [("models", "claude-haiku-4-5,gpt-4o-mini")])
        #expect(page.status == 200)
        #expect(page.text.contains("Lifecycle today"))
        #expect(page.text.contains("Long-context tier"))
        #expect(page.text.contains("href=\"/models/gpt-4o-mini\""))
        let bad = get("/compare", [("models", "<script>x</script>")])
        #expect(bad.status == 400)
        #expect(!bad.text.contains("<script>x"))
        #expect(get("/compare").status == 200)
    }

    /// Reached from a verdict, compare marks the verdict's model and says its month, a tiered plan's escalations
    /// included: the ★ the verdict keeps for its recommendation starred GPT-6 Luna as "cheapest to build on" beside a
    /// verdict for Haiku 5.5 with Sonnet 5.5 behind it, and the plan's month was nowhere on the page.
    @Test func compareFromAVerdictMarksTheVerdictsModel() {
        let answers = [("monthly_requests", "3000000"), ("avg_input_tokens", "20000"), ("as_of", "2026-12-06")]
        let verdict = get("/api/assess", answers).text
        #expect(verdict.contains("\"verdict\":\"tiered_routing\""))
        let page = get("/compare", [("models", "claude-haiku-5-5,gpt-6-luna,claude-sonnet-5-5")] + answers).text
        #expect(page.contains("★ Claude Haiku 5.5") && !page.contains("cheapest to build on"), "\(page)")
        #expect(page.contains("Your verdict recommends Claude Haiku 5.5: $9,990 a month; with the complex 5 % sent on to "
                              + "Claude Sonnet 5.5, $22,680 a month in all."), "\(page)")
        // Without a workload of its own, the cheapest to build on, as before.
        #expect(get("/compare", [("models", "claude-haiku-5-5,gpt-6-luna")]).text.contains("cheapest to build on"))
        // Two at the same month to the cent: the mark names the other, where it gave the star to one of two $80.00 bars.
        let tied = get("/compare", [("models", "gemini-3-5-flash-lite,gpt-6-luna"), ("as_of", "2026-12-07")]).text
        #expect(tied.contains("★ Gemini 3.5 Flash-Lite · cheapest to build on (tied with GPT-6 Luna)"), "\(tied)")
    }

    /// "What will bite you" lists the most severe first: two medium risks came before a high one on 3M classifications.
    @Test func theRisksAreListedMostSevereFirst() throws {
        let page = get("/assess/result", [("task_type", "classification"), ("monthly_requests", "3000000"), ("avg_input_tokens", "600"),
                                          ("avg_output_tokens", "20"), ("review_capacity", "sampled"), ("fallback_ready", "true"),
                                          ("as_of", "2026-12-06")]).text
        let rank = ["high": 0, "medium": 1, "low": 2]
        let listed = page.components(separatedBy: "<li class=\"severity-").dropFirst().compactMap { rank[String($0.prefix { $0 != "\"" })] }
        #expect(listed.count >= 3 && Set(listed).count >= 2, "\(listed)")
        #expect(listed == listed.sorted(), "\(listed)")
        // The biggest risk, given in full above, leads the list.
        let first = try #require(page.range(of: "<li class=\"severity-")).lowerBound
        #expect(page[first...].prefix(600).contains("the biggest risk, given in full"))
    }

    /// An imported verdict's compare link carries its distribution: the comparison prices it request by request, as
    /// the verdict did, names the verdict's own month, and leads back to the imported verdict. Without it, "your
    /// verdict recommends Claude Haiku 5.5: $879" stood beside a verdict of $2,911, and "Back" lost the import.
    @Test func compareFromAnImportedVerdictPricesItsDistribution() throws {
        let usage = ("usage", "1-135000-0-15000-500_99-135000-15000-0-500_1130-5000-15000-0-500")
        let answers = [("task_type", "chat"), ("monthly_requests", "1230"), ("as_of", "2026-12-06")]
        let verdict = try #require(json(get("/api/assess", answers + [usage])) as? [String: Any])
        let decision = try #require(verdict["decision"] as? [String: Any])
        let month = try #require(decision["monthly_usd"] as? Double)
        let page = get("/assess/result", answers + [usage]).text
        let link = try #require(page.range(of: "href=\"/compare?").map { page[$0.upperBound...] }.flatMap { $0.split(separator: "\"").first })
        #expect(link.contains("usage=1-135000-0-15000-500_99-135000"), "\(link)")
        let pairs = String(link).replacingOccurrences(of: "&amp;", with: "&").split(separator: "&").map { part in
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            return (kv[0], kv.count > 1 ? (kv[1].removingPercentEncoding ?? kv[1]) : "")
        }
        let compare = get("/compare", pairs).text
        let primary = try #require(verdict["primary_model"] as? String)
        #expect(primary == "claude-sonnet-5-5")
        #expect(compare.contains("Your verdict recommends Claude Sonnet 5.5: \(Format.money(month)) a month"), "\(compare)")
        #expect(compare.contains("priced request by request from your usage file"))
        #expect(compare.contains("<input type=\"hidden\" name=\"usage\" value=\"1-135000-0-15000-500_99"))
        #expect(compare.contains("Back to the verdict") && compare.range(of: "href=\"/assess/result?[^\"]*usage=1-135000",
                                                                        options: .regularExpression) != nil)
        // The workload said is the one priced: sizes the link left blank are the distribution's means (the defaults'
        // "1,000 input tokens" stood beside prices of 135,000- and 5,000-token prompts).
        let means = "× 30,569 input tokens (49 % cacheable) and 500 output tokens"
        #expect(compare.contains(means) && compare.contains("This workload, a month"), "\(compare)")
        let bare = get("/assess/result", [usage]).text
        #expect(bare.contains("Workload: 100,000 requests a month " + means), "the defaults' sizes were said")
        // A refused form shows an answer that was accepted with spaces around it as chosen (it read "Not sure").
        let spaced = get("/assess/result", [("task_type", " rag\n"), ("monthly_requests", "abc")]).text
        #expect(spaced.contains("<option value=\"rag\" selected"))
        // A link whose answer is refused keeps its distribution in the form, so that the corrected answer is priced on it.
        let typo = get("/assess/result", [("task_type", "chatt"), usage])
        #expect(typo.status == 400 && typo.text.contains("<input type=\"hidden\" name=\"usage\" value=\"\(usage.1)\">"))
        // An empty one is no distribution, as any blank answer is.
        #expect(get("/api/assess", answers + [("usage", "")]).status == 200)
        #expect(get("/assess/result", answers + [("usage", "")]).status == 200)
        // A bad distribution is a 400 that says so, as on the verdict.
        #expect(get("/compare", [("models", "claude-haiku-5-5,gpt-6-luna"), ("usage", "x")] + answers).status == 400)
        // A distribution whose mean is past the questionnaire's bounds is priced at the bound, as an upload is, never at
        // the default: 20,000,000-token prompts were priced as 1,000, "Run it on Haiku" at $86.
        let huge = try #require(json(get("/api/assess", [("usage", "1-20000000-0-0-200")])) as? [String: Any])
        let haiku = (huge["costs"] as? [[String: Any]])?.first { $0["model"] as? String == "claude-haiku-5-5" }
        #expect(haiku?["fits"] as? Bool == false, "\(haiku ?? [:])")
        #expect(huge["verdict"] as? String != "choose_haiku")
        // A system prompt beside a distribution is held to its average input, as an upload's is, not to the default.
        #expect(get("/api/assess", [("usage", "100-50000-0-0-200"), ("system_prompt_tokens", "2000")]).status == 200)
        let longer = get("/api/assess", [("usage", "100-500-0-0-200"), ("system_prompt_tokens", "800")])
        #expect(longer.status == 400 && longer.text.contains("(500, the usage profile's average)"), "\(longer.text)")
    }

    /// Each bill's thinking is a row of its own, and a row no chosen model has a figure for is left out: the default
    /// comparison put Haiku 5.5 at $86 beside models with three times its rates at $80, and said nothing of the
    /// 1,200 reasoning tokens a request in its bill.
    @Test func compareSaysTheReasoningEachBillHolds() {
        let page = get("/compare", [("models", "claude-haiku-5-5,gemini-3-5-flash-lite,cohere-command-r7b")]).text
        #expect(page.contains("<th scope=\"row\">Reasoning priced, a request (default workload)</th>"))
        #expect(page.contains("medium effort: about 1,200 tokens"))
        #expect(page.contains(">none<"), "a model that does not reason")
        // Models priced at different efforts say so by the chart: Opus 5.5 at medium came below Sonnet 5.5 at high.
        let mixed = get("/compare", [("models", "claude-sonnet-5-5,claude-opus-5-5")]).text
        #expect(mixed.contains("and they differ: Claude Opus 5.5 at medium and Claude Sonnet 5.5 at high."), "\(mixed)")
        #expect(!get("/compare", [("models", "claude-haiku-5-5,gpt-6-luna")]).text.contains("and they differ"))
        // Task fits are named as the questionnaire names the task.
        #expect(page.contains("Fit: Retrieval-augmented answers (RAG)</th>") && !page.contains("Fit: rag<"))
        #expect(!page.contains("<th scope=\"row\">Self-hosting</th>"), "no chosen model is self-hosted")
        #expect(get("/compare", [("models", "claude-haiku-5-5,llama-3-1-8b-self-hosted")]).text.contains("<th scope=\"row\">Self-hosting</th>"))
    }

    @Test func modelsAPICarriesPricesAndSources() throws {
        let models = try #require(json(get("/api/models")) as? [[String: Any]])
        #expect(models.count == realSite.library.pages(in: .models).count)
        let states: Set = ["active", "legacy", "deprecated", "retired"]
        for model in models {
            #expect(model["prices"] != nil || model["self_hosting"] != nil)
            #expect((model["sources"] as? [Any])?.isEmpty == false)
            #expect(model["context_window"] != nil)
            let status = try #require(model["status"] as? [String: Any])
            #expect(states.contains(status["state"] as? String ?? ""), "\(model["slug"] ?? "")")
            #expect(status["since"] is String && status.keys.contains("retires") && status.keys.contains("replacement"))
        }
        // Prices carry the whole price model: Haiku 5.5's long-context tier, cache minimum and tokenizer ratio.
        let haiku = try #require(models.first { $0["slug"] as? String == "claude-haiku-5-5" })
        let prices = try #require(haiku["prices"] as? [String: Any])
        let long = try #require(prices["long_context"] as? [String: Any])
        #expect((long["threshold"] as? [String: Any])?["value"] as? Double == 100_000)
        #expect(prices["cache_min_tokens"] != nil)
        #expect(((haiku["tokenizer"] as? [String: Any])?["ratio"] as? [String: Any])?["value"] != nil)
        // Prices are today's, as the status is; a change the page announces is apart, with its day.
        let gemini = try #require(models.first { $0["slug"] as? String == "gemini-3-8-flash" })
        #expect(((gemini["prices"] as? [String: Any])?["input"] as? [String: Any])?["value"] as? Double == 0.75)
        let next = try #require(gemini["prices_next"] as? [String: Any])
        #expect(next["since"] as? String == "2027-01-01" && (next["input"] as? [String: Any])?["value"] as? Double == 1.5)
        #expect(haiku["prices_next"] == nil)
        #expect((haiku["rate_limits"] as? [String: Any])?["tiers"] != nil)
        // A retired model says since when.
        let flash = try #require(models.first { $0["slug"] as? String == "gemini-flash" })
        #expect((flash["status"] as? [String: Any])?["state"] as? String == "retired")
    }

    /// Anthropic's Custom tier, whose limits are arranged rather than published, reads as such on the model page.
    @Test func aNegotiatedTierSaysItsLimitsAreArranged() {
        let page = get("/models/claude-haiku-5-5").text
        #expect(page.contains("Custom: limits not published; no published monthly spend cap. Arranged with Anthropic&#39;s account team"), "\(page.count)")
        #expect(page.contains("Scale: 10,000 requests"))
    }

    /// Google's billing tiers give a spend limit per rolling 10 minutes beside the monthly cap; the model page lists
    /// both as limits, as the engine holds the peak to both.
    @Test func aSpendLimitPerTenMinutesIsListedWithTheTier() {
        let page = get("/models/gemini-4-hydrogen").text
        #expect(page.contains("Tier 2: spend up to $2,000.00 a month; spend up to $50.00 in any 10 minutes. $100 paid and 3 days"), "\(page.count)")
    }

    /// A benchmark is named as its publisher writes it and scored in its unit: GDPval-AA is Elo, not a percentage.
    @Test func benchmarksKeepTheirNamesAndUnits() {
        let page = get("/models/claude-haiku-5-5").text
        #expect(page.contains(">FrontierCode 1.1 (Main)</th>") && page.contains(">GDPval-AA v2.1</th>"))
        #expect(page.contains("1,620 Elo") && !page.contains("1,620 %") && !page.contains("1620 %"))
        #expect(!page.contains("Gdpval") && !page.contains("Frontiercode"))
    }

    /// The cards under the models table give today's prices, as the table does, and an announced change with its
    /// day: Gemini 3.8 Flash's page lists its 2027 prices first, and the card showed them as today's.
    @Test func theModelCardsGiveTodaysPrices() {
        let index = get("/models/").text
        let card = part(index, from: "class=\"page-link\" href=\"/models/gemini-3-8-flash\"", to: "</li>")
        #expect(card.contains("$0.75 in / $3.75 out per M tokens; $1.50 / $7.50 from 2027-01-01"), "\(card)")
        #expect(part(index, from: "class=\"page-link\" href=\"/models/cohere-command-r7b\"", to: "</li>").contains("$0.0375 in"))
    }

    @Test func lifecycleShowsWhereverAModelIsNamed() {
        let index = get("/models/").text
        // Retired and active models exist on any day from now on; deprecated ones only until their retirement.
        #expect(index.contains("life-retired") && index.contains("life-active"))
        let page = get("/models/claude-sonnet-4-5").text
        #expect(page.contains("class=\"lifecycle\""))
        #expect(page.contains("retires 2026-11-30") || page.contains("Retired on 2026-11-30"))
        let result = get("/assess/result", pairs(Self.workload)).text
        #expect(result.contains("Models and lifecycles as of"))
        #expect(result.contains("class=\"badge life-"))
        // A tiered plan's escalation model carries its badge where the verdict names it: a legacy one is seen at once.
        let tiered = get("/assess/result", pairs("task_type=extraction&monthly_requests=100000&avg_input_tokens=5000"
            + "&avg_output_tokens=78700&cost_priority=primary&complex_share=0.2&routing=tiered&as_of=2026-12-05")).text
        #expect(tiered.contains("with <a href=\"/models/claude-sonnet-4-6\">Claude Sonnet 4.6</a> <span class=\"badge life-legacy\""),
                "\(tiered.count)")
        // A verdict pinned to a past day reproduces it: before Haiku 5.5's release the Haiku is 4.5.
        let past = try? json(get("/api/assess", pairs(Self.workload + "&as_of=2026-09-01"))) as? [String: Any]
        #expect(past?["primary_model"] as? String == "claude-haiku-4-5")
        #expect(past?["as_of"] as? String == "2026-09-01")
        let now = try? json(get("/api/assess", pairs(Self.workload))) as? [String: Any]
        #expect(now?["primary_model"] as? String == "claude-haiku-5-5")
    }

    @Test func costTablesMarkWhatDoesNotFit() {
        let page = get("/calculator", pairs("monthly_requests=1000&avg_input_tokens=250000&avg_output_tokens=500"))
        #expect(page.status == 200)
        #expect(page.text.contains("does not fit"))
        #expect(page.text.contains("Does not fit:"))
        let assessment = try? json(get("/api/assess", pairs("monthly_requests=1000&avg_input_tokens=250000&avg_output_tokens=500"))) as? [String: Any]
        let costs = assessment?["costs"] as? [[String: Any]] ?? []
        let misfits = costs.filter { $0["fits"] as? Bool == false }.compactMap { $0["model"] as? String }
        #expect(misfits.contains("gpt-4o-mini"))
        #expect(!misfits.contains(assessment?["primary_model"] as? String ?? ""))
    }

    /// A cheaper model the verdict could not use is named on the page with why, and its cost-table row says its
    /// rate limits cannot carry the peak (a billion batch classifications, cost first: Cohere Command R7B).
    @Test func aCheaperModelThatCannotCarryTheLoadIsExplained() throws {
        let query = "task_type=classification&monthly_requests=1000000000&avg_input_tokens=300&avg_output_tokens=2"
            + "&latency=batch&accuracy=tolerant&cost_priority=primary"
        let page = get("/assess/result", pairs(query))
        #expect(page.status == 200)
        #expect(page.text.contains("<dt>Cheaper, but passed over</dt>"))
        #expect(page.text.contains("at $11,550 a month: its published rate limits cannot carry the peak (68,493 requests a minute against 500 at its Production tier)."))
        // Said on the cost line as a window outgrown is (here shared by the two Cohere models, whose limits are alike).
        #expect(page.text.contains("Its published rate limits cannot carry the peak (68,493 requests a minute against 500 at its Production tier)."))
        let markdown = get("/assess/result.md", pairs(query))
        #expect(markdown.text.contains("- Cheaper, but passed over: Cohere Command R7B at $11,550 a month; its published rate limits"))
        // Opened from that verdict (its link carries `from=verdict`), the calculator marks the verdict's model, as
        // /compare does, and says so, with the way back; the verdict page's own link carries it.
        #expect(page.text.contains("&amp;from=verdict\">Open this workload in the cost calculator"), "the verdict links with from=verdict")
        func marked(_ query: String) -> String? {
            let page = get("/calculator", pairs(query)).text
            return page.components(separatedBy: "<span class=\"mark-label\">★ ").dropFirst().first?
                .components(separatedBy: "\"").dropFirst().first.map { String($0) }
        }
        let fromVerdict = get("/calculator", pairs(query + "&from=verdict")).text
        #expect(marked(query + "&from=verdict") == "/models/gpt-6-luna")
        #expect(fromVerdict.contains("<span class=\"mark-label\">★ recommended</span> <a href=\"/models/gpt-6-luna\""))
        #expect(fromVerdict.contains("Your verdict recommends GPT-6 Luna: $15,500 a month. <a href=\"/assess/result?"))
        // Its bar says so too, as a lifecycle does.
        #expect(fromVerdict.contains("Cohere Command R7B (rate limits cannot carry your peak)"))
        // A verdict whose pick is no bare "recommended" names the model, then what it is: "names as the roomiest strong
        // fit, cheapest Gemini 4 Neon" read as one garbled phrase.
        let roomiest = get("/calculator", pairs("task_type=autonomous_coding&monthly_requests=1000&avg_input_tokens=900000"
                                                 + "&avg_output_tokens=0&cached_input_share=0.5&as_of=2026-12-07&from=verdict")).text
        #expect(roomiest.contains("Your verdict names Gemini 4 Neon (the roomiest strong fit, cheapest): $2,607 a month."), "\(roomiest)")
        // The same answers without it (changed in the calculator's own form): no verdict is named.
        #expect(!get("/calculator", pairs(query)).text.contains("Your verdict"))
        // It links on to a verdict instead: the questionnaire with these answers filled in.
        #expect(get("/calculator", pairs(query)).text.contains("<a href=\"/assess?") && !fromVerdict.contains("Answer the rest of the questions"))
        // An imported verdict's link does not say it comes from a verdict: the calculator prices the average request,
        // whose verdict is another (DeepSeek V4 Flash's verdict was said to "recommend Claude Haiku 5.5: $86").
        let imported = get("/assess/result", [("task_type", "chat"), ("monthly_requests", "1230"), ("as_of", "2026-12-06"),
                                              ("usage", "1-135000-0-15000-500_99-135000-15000-0-500_1130-5000-15000-0-500")]).text
        #expect(imported.contains("Open this workload in the cost calculator</a>, priced at the average request")
                && !imported.contains("from=verdict"), "an imported verdict's calculator link")
        // A verdict of every default links with `from` alone: its workload comes first, marked and named.
        let defaults = get("/calculator", [("from", "verdict")]).text
        #expect(defaults.contains("★ recommended</span>") && defaults.contains("Your verdict recommends"), "a verdict of defaults")
        // A verdict of numbers alone is marked too (it gave no answer the calculator does not ask).
        let numbers = "monthly_requests=200000&avg_input_tokens=2000&avg_output_tokens=300"
        #expect(get("/calculator", pairs(numbers + "&from=verdict")).text.contains("Your verdict recommends"))
        // Its exports mark what the page marks: the links keep `from`, the Markdown names the verdict and stars its
        // model, the CSV says which row is recommended (they dropped all three).
        #expect(fromVerdict.contains("/calculator.md?\(query.replacingOccurrences(of: "&", with: "&amp;"))&amp;from=verdict\""))
        let markdownFrom = get("/calculator.md", pairs(query + "&from=verdict")).text
        #expect(markdownFrom.contains("Your verdict recommends GPT-6 Luna: $15,500 a month."))
        #expect(markdownFrom.contains("| ★ GPT-6 Luna (recommended) |"), "\(markdownFrom)")
        let csvFrom = get("/calculator.csv", pairs(query + "&from=verdict")).text.split(separator: "\r\n")
        #expect(csvFrom.contains { $0.hasPrefix("gpt-6-luna,GPT-6 Luna,yes,") && $0.contains(",recommended,") })
        #expect(csvFrom.dropFirst().allSatisfy { $0.hasPrefix("gpt-6-luna,") || $0.split(separator: ",")[2] == "no" })
        // On its own, the files star the cheapest to build on, as the page does, and recommend nothing.
        let cheapestPage = get("/calculator", pairs(query)).text
        let cheapestSlug = marked(query)
        #expect(cheapestPage.contains("★ cheapest to build on"))
        let markdownAlone = get("/calculator.md", pairs(query)).text
        #expect(!markdownAlone.contains("Your verdict") && markdownAlone.contains("(cheapest to build on) |"))
        let csvAlone = get("/calculator.csv", pairs(query)).text.split(separator: "\r\n")
        #expect(csvAlone.filter { $0.contains(",cheapest,") }.map { "/models/" + $0.prefix { $0 != "," } } == [cheapestSlug ?? ""])
        #expect(csvAlone.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[2].isEmpty })
        // On its own, the calculator's "cheapest" is a model the engine would offer: not R7B, whose limits cannot
        // carry the peak, nor the self-hosted Llama for a team that has not said it can self-host; with
        // self-hosting, Llama.
        let calculatorOnly = "monthly_requests=1000000000&avg_input_tokens=300&avg_output_tokens=2&latency=batch"
        let plain = marked(calculatorOnly)
        #expect(get("/calculator", pairs(calculatorOnly)).text.contains("★ cheapest to build on</span>"))
        #expect(!get("/calculator", pairs(calculatorOnly)).text.contains("Your verdict"))
        #expect(plain != nil && plain != "/models/cohere-command-r7b" && plain != "/models/llama-3-1-8b-self-hosted", "\(plain ?? "-")")
        let engine = realSite.advisor.engine
        func cheapest(_ query: String) throws -> String? {
            let answers = try engine.knowledge.answers(fromQuery: pairs(query))
            return CostChart.cheapest(engine.costs(answers), answers: answers, knowledge: engine.knowledge)?.model
        }
        #expect(try cheapest(calculatorOnly) == plain.map { String($0.dropFirst("/models/".count)) })
        #expect(try cheapest(calculatorOnly + "&can_self_host=true") == "llama-3-1-8b-self-hosted")
    }

    @Test func openAPIDocumentDescribesEveryAPIRoute() throws {
        let response = get("/api/openapi.json")
        #expect(response.header("Content-Type") == "application/json")
        let document = try #require(json(response) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
        let paths = try #require(document["paths"] as? [String: Any])
        for route in ["/api/search", "/api/pages", "/api/pages/{section}/{slug}", "/api/models", "/api/questionnaire", "/api/assess", "/api/openapi.json"] {
            #expect(paths[route] != nil, "\(route)")
        }
    }

    /// `GET /api/assess` takes every answer as a query parameter, and the document lists each one (it listed 13 of 22).
    @Test func openAPIListsEveryAnswerAsAQueryParameterOfTheAssessment() throws {
        let document = try #require(json(get("/api/openapi.json")) as? [String: Any])
        let get = try #require(((document["paths"] as? [String: Any])?["/api/assess"] as? [String: Any])?["get"] as? [String: Any])
        let names = Set((get["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        #expect(names == Set(AnswerID.allCases.map(\.name) + ["usage", "content"]), "\(Set(AnswerID.allCases.map(\.name)).subtracting(names))")
        #expect((get["description"] as? String)?.contains("not one of the \(AnswerID.allCases.count) answers") == true)
    }

    /// Every code an error of the assessment carries is one the Error schema lists: `invalid_date`,
    /// `invalid_content_version` and `invalid_usage` reached clients undocumented.
    @Test func openAPIListsTheErrorCodesTheAssessmentAnswers() throws {
        let document = try #require(json(get("/api/openapi.json")) as? [String: Any])
        let error = (((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Error"] as? [String: Any])
        let code = ((error?["properties"] as? [String: Any])?["error"] as? [String: Any])?["properties"] as? [String: Any]
        let listed = try #require((code?["code"] as? [String: Any])?["description"] as? String)
        for query in ["as_of=2026-02-30", "content=XYZ", "usage=abc", "task_type=chat&task_type=rag", "monthly_requests=lots"] {
            let response = get("/api/assess", pairs(query))
            #expect(response.status == 400, "\(query)")
            let answered = try #require(((json(response) as? [String: Any])?["error"] as? [String: Any])?["code"] as? String)
            #expect(listed.contains("`\(answered)`"), "\(query): \(answered) is not in the Error schema")
        }
    }

    /// The OpenAPI document's answers follow the one declaration of each answer (AnswerID.declaration): the same
    /// ids, the JSON type of each kind, the choices in order, the interface's bounds.
    @Test func openAPIAnswersFollowTheAnswerDeclarations() throws {
        let document = try #require(json(get("/api/openapi.json")) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let properties = try #require((schemas["Answers"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == Set(AnswerID.allCases.map(\.name)))
        let ids = try #require((schemas["AnswerId"] as? [String: Any])?["enum"] as? [String])
        #expect(ids == AnswerID.allCases.map(\.name))
        for id in AnswerID.allCases {
            let property = try #require(properties[id.name], "\(id.name)")
            let types = (property["type"] as? [String]) ?? [property["type"] as? String].compactMap { $0 }
            let expected: String = switch id.kind {
            case .choice, .model, .date: "string"
            case .integer: "integer"
            case .number: "number"
            case .boolean: "boolean"
            }
            #expect(types.contains(expected), "\(id.name): \(types) lacks \(expected)")
            if id.kind == .choice {
                let values = (property["enum"] as? [Any])?.compactMap { $0 as? String }
                #expect(values == id.choices, "\(id.name): \(values ?? [])")
            }
            if id.kind == .integer || id.kind == .number {
                #expect((property["minimum"] as? Double) == id.declaration.min, "\(id.name) minimum")
                if let max = id.declaration.max { #expect((property["maximum"] as? Double) == max, "\(id.name) maximum") }
            }
        }
    }

    /// The closed sets the assessment writes are the engine's enums (Sources/Advisor/OutputSets.swift): the document
    /// lists exactly their values, so a new case cannot reach clients undocumented.
    @Test func openAPIClosedSetsFollowTheEngineEnums() throws {
        let document = try #require(json(get("/api/openapi.json")) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        func values(_ schema: String, _ property: String) -> [String]? {
            let properties = (schemas[schema] as? [String: Any])?["properties"] as? [String: [String: Any]]
            return properties?[property]?["enum"] as? [String]
        }
        #expect(values("CostRates", "band") == PriceBand.allCases.map(\.rawValue))
        #expect(values("CostRates", "caching") == CachingMode.allCases.map(\.rawValue))
        #expect(values("CostRates", "cache_ttl") == CacheTTL.allCases.map(\.rawValue))
        #expect(values("LatencyCheck", "verdict") == LatencyVerdict.allCases.map(\.rawValue))
        #expect(values("Assessment", "primary_model_basis") == PrimaryBasis.allCases.map(\.rawValue))
        #expect(values("Capacity", "status") == CapacityStatus.allCases.map(\.rawValue))
        #expect(values("Trap", "kind") == TrapKind.allCases.map(\.rawValue))
    }

    /// A share just under a threshold is shown as given: rounded to "50 %", the page stated a workload whose verdict
    /// was another, and its flip read "50 % → 50 %".
    @Test func aShareJustUnderAThresholdIsShownAsGiven() {
        let workload = "task_type=rag&monthly_requests=3000000&avg_input_tokens=20000&avg_output_tokens=300&latency=realtime"
        let under = get("/assess/result", pairs(workload + "&cached_input_share=0.4999999")).text
        #expect(under.contains("(49.99999 % cacheable)"), "the workload as given")
        #expect(!under.contains("(50 % cacheable)"))
        #expect(!under.contains("50 % → <strong>50 %</strong>"))
        let flip = under.components(separatedBy: "49.99999 % → <strong>").dropFirst().first?.prefix { $0 != "<" }
        #expect(flip == "50 %", "the flip goes from the given share to the threshold: \(String(describing: flip))")
        #expect(get("/assess/result", pairs(workload + "&cached_input_share=0.5")).text.contains("(50 % cacheable)"))
    }

    /// A budget under a millisecond, other than 0 (none), is refused: 0.00001 s read "1e-05 s" in some sentences and
    /// "0 s" (none) in others. Budgets are written as given everywhere (2.00001 s was "2 s budget" 39 times).
    @Test func aBudgetIsRefusedUnderAMillisecondAndWrittenAsGiven() {
        let tiny = get("/api/assess", [("latency", "realtime"), ("latency_budget_s", "0.00015")])
        #expect(tiny.status == 400 && tiny.text.contains("under 0.001 s (1 ms) is no budget a hosted model can meet"), "\(tiny.text)")
        let page = get("/assess/result", [("latency", "realtime"), ("latency_budget_s", "2.00001")]).text
        #expect(page.contains("2.00001 s") && !page.contains("2 s budget"))
        #expect(get("/api/assess", [("latency", "realtime"), ("latency_budget_s", "0")]).status == 200)
    }

    /// The calculator's files take what its page takes: a `content` version was a 400 on the page and a notice about
    /// "the answer for the pinned day" in the Markdown.
    @Test func theCalculatorsFilesRefuseWhatItsPageRefuses() {
        let query = "monthly_requests=1000&content=deadbeef"
        #expect(get("/calculator", pairs(query)).status == 400)
        for file in ["/calculator.md", "/calculator.csv"] {
            let response = get(file, pairs(query))
            #expect(response.status == 400 && response.text.contains("'content' is not a question"), "\(file): \(response.text)")
        }
    }
}
