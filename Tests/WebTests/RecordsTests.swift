import Foundation
import Testing
@testable import Advisor
@testable import Web

/// The decision record (MADR), the evaluation plan's files, the cost CSV, and share links that pin `as_of` and carry
/// the content version (issue 15, items 5 to 8).
struct RecordsTests {
    static let workload = "task_type=classification&monthly_requests=3000000&avg_input_tokens=1500&avg_output_tokens=20&accuracy=reviewed"

    @Test func theDecisionRecordHasMADRsSections() throws {
        let reply = get("/assess/result.madr.md", pairs(Self.workload), headers: ["Host": "127.0.0.1:8080"])
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "text/markdown; charset=utf-8")
        #expect(reply.header("Content-Disposition") == "attachment; filename=\"decision-record.md\"")
        let md = reply.text
        // MADR 4.0's front matter and sections, in its order.
        let sections = ["---\nstatus: proposed\ndate: 2026-11-28\n", "\n# ", "\n## Context and Problem Statement\n",
                        "\n## Decision Drivers\n", "\n## Considered Options\n", "\n## Decision Outcome\n",
                        "\n### Consequences\n", "\n### Confirmation\n", "\n## Pros and Cons of the Options\n",
                        "\n## More Information\n", "\n### Sources\n"]
        var cursor = md.startIndex
        for section in sections {
            let found = try #require(md.range(of: section, range: cursor..<md.endIndex), "missing or out of order: \(section)")
            cursor = found.upperBound
        }
        let version = String(realSite.library.fingerprint.prefix(12))
        #expect(md.contains("content-version: \(version)\nas-of: 2026-11-28\n"))
        // Context: the answers given and the ones assumed, apart.
        #expect(md.contains("Answers given:\n\n* What does the workload mostly do? **Classification, routing or triage**"))
        #expect(md.contains("Answers assumed (the questionnaire's defaults;"))
        // The options, each with its role, cost, fit with its basis, lifecycle.
        #expect(md.contains("* Claude Haiku 5.5 (recommended, current Haiku)\n"))
        #expect(md.contains("### Claude Haiku 5.5 (recommended, current Haiku)\n"))
        #expect(md.contains("* Fit for classification: strong; basis: our judgement, low confidence"))
        #expect(md.contains("* Lifecycle on 2026-11-28: Active since 2026-10-07"))
        #expect(md.contains("(escalation model)"))
        // The decision, its review date (90 days after the prices were checked: no option retires sooner).
        #expect(md.contains("Chosen option: \"Claude Haiku 5.5 (recommended, current Haiku)\", because"))
        #expect(md.contains("review-by: 2027-02-26\n"))
        #expect(md.contains("**Review by 2027-02-26**: 90 days after the options' prices were last checked (2026-11-28)"))
        #expect(md.contains("435 of your own samples"))
        // Sources are the vendors' public pages with their checked dates; no link to the server that wrote it.
        #expect(md.contains("* [Pricing (Anthropic documentation)](https://platform.claude.com/docs/en/about-claude/pricing), checked 2026-11-28"))
        #expect(!md.contains("127.0.0.1"))
        // Judged on another day, the record is still dated the day it is written, and reviewed no earlier.
        let later = get("/assess/result.madr.md", pairs(Self.workload + "&as_of=2030-01-01")).text
        #expect(later.contains("date: 2026-11-28\n") && later.contains("as-of: 2030-01-01\n"))
        let earlier = get("/assess/result.madr.md", pairs("task_type=chat&monthly_requests=1000&as_of=2026-09-01")).text
        let reviewBy = part(earlier, from: "review-by: ", to: "\n").dropFirst("review-by: ".count)
        #expect(reviewBy >= "2026-11-28", "\(reviewBy)")
        #expect(!md.contains("](/"), "without --public-url, site pages are named as paths, not as links to nowhere")
    }

    /// The chosen option's "because" gives the reasons that pushed the verdict its way, then what picked the model:
    /// a +12 for the Haiku's task fit was the reason given for using DeepSeek V4.1 Flash instead.
    /// A share worked out from the system prompt's length is not listed as an answer given (0.6667 was), but said
    /// as worked out, as a percentage.
    @Test func aDerivedShareIsSaidAsWorkedOut() {
        let md = get("/assess/result.madr.md", pairs(Self.workload + "&system_prompt_tokens=1000")).text
        let given = md.components(separatedBy: "Answers given:")[1].components(separatedBy: "Answers assumed")[0]
        #expect(given.contains("**66.7 %**, worked out from the system prompt's length"), "\(given)")
        #expect(!given.contains("0.6667"))
    }

    @Test func theChosenOptionIsExplainedByWhatDecidedIt() throws {
        func because(_ query: String) -> String {
            let md = get("/assess/result.madr.md", pairs(query + "&as_of=2026-12-03")).text
            return md.split(separator: "\n").first { $0.hasPrefix("Chosen option:") }.map(String.init) ?? ""
        }
        let away = because("task_type=summarization&monthly_requests=5000&avg_input_tokens=300000&avg_output_tokens=20000"
                           + "&review_capacity=none")
        #expect(away.hasPrefix("Chosen option: \"DeepSeek V4.1 Flash (recommended)\", because Haiku's fit "
                               + "score, 27, is under 40: With no review, Haiku's occasional confident wrong answer"), "\(away)")
        #expect(away.hasSuffix("DeepSeek V4.1 Flash is the cheapest model that takes the workload with the fit its task needs."))
        #expect(!away.contains("consistent Haiku strength"))
        // A policy's advice beside a score verdict (price Haiku at high effort before escalating) is not why.
        let between = because("task_type=rag&monthly_requests=400000&avg_input_tokens=2000&avg_output_tokens=300")
        #expect(between.contains("because Haiku's fit score, 56, lies between 40 and 60: ") && !between.contains("price the other branch"),
                "\(between)")
        // A hard limit is the reason, each sentence keeps its capital.
        let limit = because("task_type=extraction&monthly_requests=50000&avg_input_tokens=3000&avg_output_tokens=200"
                            + "&accuracy=first_time_right&review_capacity=none")
        #expect(limit.contains("because work that must be right the first time with nobody reviewing it is a hard limit: "
                               + "use a stronger model. Answers must"), "\(limit)")
        // The model the limit named costs over five times one as strong: the cost ceiling's reason says why this one.
        #expect(limit.contains(". The review capacity rule names Claude Sonnet 5.5, but ") && limit.hasPrefix("Chosen option: \"GPT-6 Luna"),
                "\(limit)")
        // No model with room to spare: that is the reason, not the score.
        let none = because("task_type=summarization&monthly_requests=2000&avg_input_tokens=850000&avg_output_tokens=4000")
        #expect(none.hasSuffix("because no model we list takes one of these requests with room to spare, and Gemini 4 "
                               + "Hydrogen is the roomiest of the active models that fit summarization 'strong' or better (any that "
                               + "fills at most 5 % of its window more than the roomiest counts as roomy; of those, the cheapest)."),
                "\(none)")
        // The model is named for its figures, not called recommended.
        #expect(none.hasPrefix("Chosen option: \"Gemini 4 Hydrogen (named for its figures, not recommended)\""), "\(none)")
    }

    /// The chosen model's cost traps are among the consequences, with the page that explains each; the runner-up's
    /// are not (they are not the decision's).
    @Test func theChosenModelsCostTrapsAreConsequences() {
        let md = get("/assess/result.madr.md", pairs("task_type=extraction&monthly_requests=1000000&avg_input_tokens=99000"
                                                      + "&avg_output_tokens=500&tokens_counted_with=claude-haiku-5-5&as_of=2026-12-04")).text
        #expect(md.contains("* Bad, because of a cost trap (`/guides/long-context-price-cliff`): Claude Haiku 5.5 bills the whole request"),
                "\(md)")
        #expect(!md.contains("* Bad, because of a cost trap (`/criteria/tokenizer`): GPT-6 Luna"))
    }

    /// The record's runner-up is the verdict page's, and an alternative weaker than the recommendation says how it
    /// fits, in the Markdown verdict and on the page.
    @Test func theRecordAndThePageNameTheSameRunnerUp() throws {
        let query = "task_type=complex_reasoning&monthly_requests=200&avg_input_tokens=50000&avg_output_tokens=8000"
            + "&reasoning_effort=high&accuracy=first_time_right&as_of=2026-12-04"
        let assessment = realSite.advisor.engine.assess(try realSite.advisor.engine.knowledge.answers(fromQuery: pairs(query)))
        let runnerUp = try #require(assessment.decision.runner_up)
        let title = try #require(realSite.library.page(.models, runnerUp.model)?.title)
        let md = get("/assess/result.madr.md", pairs(query)).text
        #expect(md.contains("* \(title) (runner-up)"), "\(md)")
        // Batch work has no peak minute: its capacity is the batch queue's.
        let batch = get("/assess/result.madr.md", pairs("task_type=autonomous_coding&monthly_requests=50000"
                                                         + "&avg_input_tokens=200000&avg_output_tokens=20000&latency=batch&as_of=2026-12-04")).text
        #expect(batch.contains("* Capacity: Scale through the batch API ("), "\(batch)")
        #expect(!batch.contains("* Capacity: Scale at peak"))
        // 'Other' work on a 0.3 s budget with 40-token answers, 15 % of them complex: the strong fits all think too
        // long, so every alternative fits less well.
        let weak = "task_type=other&accuracy=first_time_right&latency_budget_s=0.3&avg_output_tokens=40&required_fit=good"
            + "&complex_share=0.15&as_of=2026-12-04"
        let verdict = get("/assess/result.md", pairs(weak)).text
        #expect(verdict.contains("(fits this task only ‘good’)"), "\(verdict)")
        let page = get("/assess/result", pairs(weak)).text
        #expect(page.contains("<span class=\"fit-note\">(fits this task only ‘good’)</span>"))
    }

    @Test func theReviewDateIsTheEarliestRetirementWhenItComesFirst() throws {
        // On 2026-12-20 GPT-4o mini is deprecated (retires 2027-01-14), earlier than 90 days after the price checks.
        let knowledge = realSite.advisor.engine.knowledge
        let answers = try knowledge.answers(fromQuery: pairs(Self.workload + "&as_of=2026-12-20"))
        let assessment = realSite.advisor.engine.assess(answers)
        let record = DecisionRecord(assessment: assessment, answers: answers, engine: realSite.advisor.engine,
                                    library: realSite.library, links: realSite.advisor.links)
        let options = DecisionOptions(assessment, knowledge: knowledge).options
        let retirements = options.compactMap { $0.cost.status.retires }.sorted()
        let review = record.reviewDate()
        if let first = retirements.first, first < "2027-02-26" {
            #expect(review.day == first && review.why.contains("retires on \(first)"))
        } else {
            #expect(review.day == "2027-02-26")
        }
    }

    @Test func costCSVMarksTheRecommendedRowAndRoundsToCents() throws {
        let csv = get("/assess/result.csv", pairs(Self.workload + "&can_self_host=true")).text
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        #expect(header[2] == "recommended")
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(rows.dropFirst().filter { $0[column("recommended")] == "yes" }.count == 1)
        let primary = realSite.advisor.engine.assess(try realSite.advisor.engine.knowledge.answers(fromQuery: pairs(Self.workload + "&can_self_host=true"))).primaryModel
        #expect(rows.first { $0[0] == primary }?[column("recommended")] == "yes")
        for row in rows.dropFirst() {
            for name in ["monthly_usd", "gpu_usd", "ops_usd"] {
                let cell = row[column(name)]
                #expect(cell.split(separator: ".").last?.count == 2, "\(row[0]) \(name) = \(cell): cents")
            }
        }
        // The self-hosted row has no per-token bill: empty cells, not $0; its cost is GPU and operations time.
        let selfHosted = try #require(rows.first { $0[0] == "llama-3-1-8b-self-hosted" })
        #expect(selfHosted[column("input_usd")] == "" && selfHosted[column("output_usd")] == "")
        #expect(Double(selfHosted[column("gpu_usd")])! > 0)
        // The calculator recommends nothing: the column is there, empty.
        let calculator = get("/calculator.csv", pairs("monthly_requests=20k")).text.split(separator: "\r\n")
        #expect(calculator[1].split(separator: ",", omittingEmptySubsequences: false)[2] == "")
        // Where no model takes the workload, the model named for the figures is not marked recommended either.
        let none = "task_type=rag&monthly_requests=1000&avg_input_tokens=1200000&as_of=2026-12-04"
        let refused = get("/assess/result.csv", pairs(none)).text.split(separator: "\r\n").dropFirst()
        #expect(!refused.isEmpty && refused.allSatisfy { !$0.split(separator: ",", omittingEmptySubsequences: false)[2].contains("yes") })
        // The model the page names for the figures keeps that role in the CSV.
        let named = realSite.advisor.engine.assess(try realSite.advisor.engine.knowledge.answers(fromQuery: pairs(none))).primaryModel
        #expect(refused.contains { $0.hasPrefix(named + ",") && $0.contains(",roomiest,") }, "\(named)")
        #expect(!get("/assess/result.md", pairs(none)).text.contains("(recommended)"))
    }

    /// Every row can be reworked from the CSV: the reasoning a request writes beside its output, the band, the notes;
    /// and a tiered verdict's roles and plan month are there, not only the Haiku's share.
    @Test func costCSVCarriesReasoningRolesAndThePlan() throws {
        let query = "task_type=rag&monthly_requests=300000&avg_input_tokens=5000&avg_output_tokens=400&routing=tiered&complex_share=0.2"
        let text = get("/assess/result.csv", pairs(query)).text
        let a = realSite.advisor.engine.assess(try realSite.advisor.engine.knowledge.answers(fromQuery: pairs(query)))
        let combined = try #require(a.decision.combined)
        func cells(_ line: Substring) -> [String] {
            // Quoted fields hold commas (the notes): split as RFC 4180 does.
            var out: [String] = [], cell = "", quoted = false
            for ch in line {
                if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { out.append(cell); cell = "" } else { cell.append(ch) }
            }
            return out + [cell]
        }
        let rows = text.split(separator: "\r\n").map(cells)
        let header = rows[0]
        #expect(Array(header.suffix(6)) == ["reasoning_tokens_per_request", "reasoning_effort", "band", "role", "plan_monthly_usd", "notes"])
        let column = { (name: String) in header.firstIndex(of: name)! }
        let haiku = try #require(rows.first { $0[0] == "claude-haiku-5-5" })
        #expect(haiku[column("role")] == "recommended" && haiku[column("plan_monthly_usd")] == Exports.cents(combined.monthly_usd))
        #expect(haiku[column("reasoning_tokens_per_request")] == "1200" && haiku[column("reasoning_effort")] == "medium")
        #expect(haiku[column("band")] == "standard")
        let escalation = try #require(rows.first { $0[0] == combined.escalation_model })
        #expect(escalation[column("role")] == "escalation" && escalation[column("plan_monthly_usd")] == "")
        let runner = try #require(a.decision.runner_up?.model)
        #expect(rows.first { $0[0] == runner }?[column("role")] == "runner-up")
        #expect(rows.contains { $0[column("notes")].contains("1.3x") }, "the notes ride along")
    }

    /// A cost-first plan prices its escalated share at the escalation model's default effort while that model's row
    /// is at its least: the CSV row and the decision record say which setting each figure is at.
    @Test func aCostFirstPlansExportsSayTheEscalationsEffort() throws {
        let query = "task_type=moderation&monthly_requests=7777777&avg_input_tokens=600&avg_output_tokens=20&complex_share=0.12"
            + "&routing=tiered&cost_priority=primary&as_of=2026-12-06"
        let csv = get("/assess/result.csv", pairs(query)).text
        let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("claude-sonnet-5-5,") })
        #expect(row.contains(",low,") && row.contains("In the plan its escalated requests are priced at its high effort"), "\(row)")
        let record = get("/assess/result.madr.md", pairs(query)).text
        #expect(record.contains("a month less than Claude Sonnet 5.5 at its low effort, as its cost line prices it"), "\(record.prefix(3000))")
    }

    @Test func markdownExportsNeverLinkToTheServerThatWroteThem() {
        let md = get("/assess/result.md", pairs(Self.workload + "&can_self_host=true"), headers: ["Host": "127.0.0.1:8080"]).text
        #expect(!md.contains("127.0.0.1"))
        #expect(md.contains("- Reproduce: `/assess/result?task_type=classification"))
        #expect(md.contains("&as_of=2026-11-28&content=\(String(realSite.library.fingerprint.prefix(12)))`"))
        // Self-hosted: no $0 input and output, its GPU and operations cost in their own column.
        let line = md.split(separator: "\n").first { $0.contains("Llama 3.1 8B") } ?? ""
        #expect(line.contains("| — | — | — | $"), "\(line)")
        #expect(md.contains("★ Claude Haiku 5.5 (recommended)"))
    }

    @Test func theEvaluationPlanIsAPythonFileAndASamplesTemplate() {
        let py = get("/assess/result.eval.py", pairs(Self.workload))
        #expect(py.status == 200)
        #expect(py.header("Content-Type") == "text/x-python; charset=utf-8")
        #expect(py.text.contains("\"recommended\": \"anthropic/claude-haiku-5-5\","))
        #expect(py.text.contains("\"escalation model\": \"anthropic/claude-sonnet-5-5\","))
        #expect(py.text.contains("SAMPLES_NEEDED = 435"))
        #expect(py.text.contains("TOLERANCE = 0.05"))
        #expect(py.text.contains("= 434.4 → 435 samples per model"))
        #expect(py.text.contains("Scorer: exact match"))
        #expect(py.text.contains("; recommended: Claude Haiku 5.5.\n"))
        // Where no model takes the workload, the plan does not call the model it runs recommended.
        let refused = get("/assess/result.eval.py", pairs("task_type=rag&monthly_requests=1000&avg_input_tokens=1200000")).text
        #expect(refused.contains("; named for its figures, not recommended: ") && !refused.contains("; recommended: "))
        // Groq's gpt-oss-20b runs on Groq, as priced, not through OpenRouter.
        let groq = get("/assess/result.eval.py", pairs("task_type=summarization&monthly_requests=120000&avg_input_tokens=6000"
                                                        + "&avg_output_tokens=700&latency=batch&cost_priority=primary&as_of=2026-12-15")).text
        #expect(groq.contains("\"recommended\": \"groq/openai/gpt-oss-20b\","), "\(groq.prefix(3_000))")
        let graded = get("/assess/result.eval.py", pairs("task_type=summarization")).text
        #expect(graded.contains("Scorer: model-graded against a rubric"))
        #expect(graded.contains("TASK_TYPE = \"summarization\""))
        // The grader is none of the candidates (a model grading its own answers tends to favour them): Opus 5.5
        // beside a Sonnet 5.5 escalation.
        #expect(graded.contains("\"escalation model\": \"anthropic/claude-sonnet-5-5\","))
        #expect(graded.contains("GRADER = \"anthropic/claude-opus-5-5\"") && graded.contains("none of the candidates"),
                "\(graded.prefix(4_000))")
        let jsonl = get("/assess/result.samples.jsonl", pairs("task_type=extraction")).text
        let lines = jsonl.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["input"] != nil && object?["target"] != nil, "\(line)")
            #expect((try? JSONSerialization.jsonObject(with: Data((object?["target"] ?? "").utf8))) != nil,
                    "an extraction target is a JSON object: \(line)")
        }
    }

    /// A plan is run on the day it is exported (the fixture's today, 2026-11-28). Pinned to 2025-12-01, a routed chat
    /// verdict names Gemini 2.0 Flash (retired 2026-06-01) as its runner-up: the plan runs its replacement and says
    /// which stood in for which. Sonnet 4.5, that day's escalation model, retires only on 2026-11-30: it still runs.
    @Test func anEvaluationPlanForAPastDayRunsTodaysModels() {
        let py = get("/assess/result.eval.py", pairs("task_type=chat&complex_share=0.08&routing=tiered&as_of=2025-12-01")).text
        #expect(py.contains("Gemini 2.0 Flash, the runner-up on 2025-12-01, retired on 2026-06-01; the plan runs its "
                            + "replacement, Gemini 3.1 Flash-Lite, in its place."))
        #expect(py.contains("\"runner-up\": \"google/gemini-3.1-flash-lite\","))
        #expect(!py.contains("gemini-2.0-flash\""))
        #expect(py.contains("\"escalation model\": \"anthropic/claude-sonnet-4-5-20250929\","))
        #expect(py.contains("\"recommended\": \"anthropic/claude-haiku-4-5-20251001\","))
    }

    /// A verdict pinned to a past day names that day's models; read today (the fixture's 2026-11-28), the page says
    /// which of them retired or were deprecated since, with dates and replacements, and links today's verdict for the
    /// same answers. Today's own verdict has no such notice.
    @Test func aPastDaysVerdictSaysWhichOfItsModelsRetiredSince() {
        let past = get("/assess/result", pairs("task_type=chat&complex_share=0.08&routing=tiered&as_of=2025-12-01")).text
        #expect(past.contains("Judged on 2025-12-01. Since then: Gemini 2.0 Flash (the runner-up here) retired on "
                              + "2026-06-01 (replacement: Gemini 3.1 Flash-Lite); Claude Sonnet 4.5 (the escalation model "
                              + "here) was deprecated on 2026-09-30 and retires on 2026-11-30 (replacement: Claude Sonnet 5.5); "
                              + "GPT-4o mini (an alternative here) was deprecated on 2026-10-14 and retires on 2027-01-14 "
                              + "(replacement: GPT-6 Luna)."), "the retired first, then the models deprecated since that day")
        #expect(past.contains("<a href=\"/assess/result?task_type=chat&amp;complex_share=0.08&amp;routing=tiered\">Today's verdict for the same answers</a>"))
        let today = get("/assess/result", pairs("task_type=chat&complex_share=0.08&routing=tiered")).text
        #expect(!today.contains("past-day-notice"))
        // The Markdown export says it too.
        let md = get("/assess/result.md", pairs("task_type=chat&complex_share=0.08&routing=tiered&as_of=2025-12-01")).text
        #expect(md.contains("- **Judged on 2025-12-01. Since then: Gemini 2.0 Flash (the runner-up here) retired on 2026-06-01"))
        #expect(md.contains("Today's verdict: `/assess/result?task_type=chat&complex_share=0.08&routing=tiered`"))
        // A past day whose models are all served today, none of them deprecated since, says nothing (Sonnet 4.5 was
        // deprecated already on 2026-11-01).
        let served = get("/assess/result", pairs("task_type=chat&as_of=2026-11-01")).text
        #expect(!served.contains("past-day-notice"))
    }

    /// A day to come says what its verdict rests on: what was announced by today, nothing later.
    @Test func aDayToComeSaysWhatItsVerdictRestsOn() {
        let future = get("/assess/result", pairs("task_type=extraction&monthly_requests=500000&as_of=2027-01-23")).text
        #expect(future.contains("Judged for 2027-01-23, a day to come: the retirements, releases and price changes announced by "), "\(future.prefix(3000))")
        #expect(future.contains("<a href=\"/assess/result?task_type=extraction&amp;monthly_requests=500000\">Today's verdict for the same answers</a>"))
    }

    /// Who signs a tiered verdict from its Markdown signs the plan: the escalation model and the month in all were
    /// only in the HTML; and an alternative's lifecycle is said as the page's badge says it.
    @Test func theMarkdownVerdictNamesThePlanAndTheAlternativesLifecycles() {
        let md = get("/assess/result.md", pairs("task_type=code_completion&monthly_requests=3000000&avg_input_tokens=2500"
                                                + "&avg_output_tokens=150&latency=realtime&latency_budget_s=2&complex_share=0.4"
                                                + "&cost_priority=secondary&as_of=2026-12-05")).text
        #expect(md.contains("- Primary model: **Claude Haiku 5.5** (Active), $1,268 a month\n"
                            + "- Escalation: **Claude Sonnet 5.5** (Active) answers the complex 40 % again; $15,008 a month in all\n"), "\(md.prefix(800))")
        #expect(md.contains("it costs $6,368 more a month than the plan with its escalations"))
        let legacy = get("/assess/result.md", pairs("task_type=code_completion&monthly_requests=100000&avg_input_tokens=10000"
                                                    + "&avg_output_tokens=8000&latency=interactive&latency_budget_s=30&as_of=2026-12-05")).text
        #expect(legacy.contains("- Alternatives: DeepSeek V4 Flash (hosted on Novita) (Legacy), GPT-6 Luna"), "\(legacy.prefix(1200))")
    }

    /// The notes that decide whether the recommended setup works at all (a batch-only output limit and its beta
    /// header) were on the page's cost table only.
    @Test func theMarkdownVerdictSaysHowTheRecommendedFigureIsWorkedOut() {
        let md = get("/assess/result.md", pairs("task_type=other&monthly_requests=1500&avg_input_tokens=5000&avg_output_tokens=127000"
                                                + "&latency=batch&reasoning_effort=high&as_of=2026-12-05")).text
        #expect(md.contains("How Claude Haiku 5.5's figure is worked out:\n\n"), "\(md.prefix(1500))")
        #expect(md.contains("- Answers of 168,100 tokens, reasoning included, are over its 128,000-token output limit: only its "
                            + "batch API takes them with room, up to 300,000 tokens with the beta header its page names, on the "
                            + "platforms that accept it. Without the header they are cut off."))
        // The team runs the Haiku at high already: no "other branch" at high effort is offered as if it were another.
        #expect(!md.contains("price the other branch"))
    }

    /// The decision record signs what the verdict pays and lists its levers: a plan's month with its escalations (it
    /// gave the Haiku's share, $225 of a $1,305 plan, and a saving against Sonnet 5.5 from it), the runner-up's
    /// reason, the cheaper models passed over, and every priced lever.
    @Test func theDecisionRecordSignsThePlanAndItsLevers() {
        let madr = get("/assess/result.madr.md", pairs("task_type=chat&monthly_requests=800000&complex_share=0.3&routing=tiered"
                                                        + "&as_of=2026-12-05")).text
        #expect(madr.contains("* Good, because with Claude Sonnet 5.5 answering the complex 30 % again the plan costs $9,136.00 a "
                              + "month at this volume (Claude Haiku 5.5 alone $688.00), $19,024.00 a month less than Claude Sonnet 5.5."),
                "\(madr.prefix(3000))")
        // With 30 % of the requests complex the runner-up, which would take them all, fits complex reasoning 'good'.
        #expect(madr.contains("* Neutral, because the runner-up, gpt-oss-120b (hosted on Groq) at $792.00 a month, lost: you put Claude Haiku 5.5 in front of every request yourself"))
        #expect(madr.contains("* Neutral, because GPT-4o mini, at $216.00 a month, is cheaper but was passed over: it fits complex reasoning only 'poor', "
                              + "where this workload asks 'good' of any model that takes every request alone; and it is deprecated and retires on 2027-01-14."))
        #expect(madr.contains("Levers, priced (each one change of answer, re-decided):\n\n* Lower Claude Haiku 5.5's reasoning effort to low"))
    }

    @Test func theVerdictSaysWhenTheRatingIsOurJudgement() {
        let page = get("/assess/result", pairs(Self.workload)).text
        #expect(page.contains("Its strong fit for classification rests on our judgement, low confidence."))
        #expect(page.contains("href=\"/assess/result.madr.md?"))
        #expect(page.contains("href=\"/assess/result.eval.py?"))
        let json = get("/api/assess", pairs(Self.workload)).text
        #expect(json.contains("\"primary_fit\":{"))
        #expect(json.contains("\"rests_on_judgement\":true"))
    }

    @Test(arguments: ["ZZZ", "<script>", "ABCDEF", String(repeating: "a", count: 65)])
    func aMangledContentVersionIsA400(version: String) {
        let page = get("/assess/result", pairs(Self.workload) + [("content", version)])
        #expect(page.status == 400)
        #expect(page.text.contains("content version a share link carries"))
        #expect(!page.text.contains("<script>"))
        #expect(get("/assess/result.madr.md", pairs(Self.workload) + [("content", version)]).status == 400)
        #expect(get("/api/assess", pairs(Self.workload) + [("content", version)]).status == 400)
        #expect(get("/assess/result", pairs(Self.workload) + [("content", "abc"), ("content", "abd")]).status == 400)
    }
}

/// A share link made on one day, opened later on a real server after the content changed.
@Suite(.serialized) struct ShareLinkTests {
    static func shareLink(in page: String) throws -> String {
        let marker = "id=\"share-link\" href=\""
        let start = try #require(page.range(of: marker)).upperBound
        let end = try #require(page[start...].firstIndex(of: "\""))
        return page[start..<end].replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func aLinkOpenedAfterAContentChangeShowsThePinnedDayAndSaysNewerContentExists() throws {
        let site = try SiteCopy()
        var link = ""
        do {
            let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02",
                                            "--public-url", "https://advisor.example.com/"], in: site.root)
            let page = try server.get("/assess/result?" + RecordsTests.workload).text
            link = try Self.shareLink(in: page)
            #expect(link.hasPrefix("https://advisor.example.com/assess/result?task_type=classification"), "\(link)")
            #expect(link.contains("&as_of=2026-12-02&content="))
            // The same content: no notice.
            let same = try server.get(String(link.dropFirst("https://advisor.example.com".count))).text
            #expect(!same.contains("content-notice"))
            // Exports link to the public URL.
            let md = try server.get("/assess/result.madr.md?" + RecordsTests.workload).text
            #expect(md.contains("](https://advisor.example.com/criteria/"))
            #expect(!md.contains("127.0.0.1"))
        }
        let version = try #require(link.components(separatedBy: "content=").last)

        // The content changes (a guide gains a sentence), and the site is opened months later.
        let guide = site.root + "/content/guides/monitoring.md"
        let text = try String(contentsOfFile: guide, encoding: .utf8)
        try text.replacingOccurrences(of: "\n---\n", with: "\n---\nA sentence added after the link was shared.\n\n", options: [], range: text.range(of: "\n---\n"))
            .write(toFile: guide, atomically: true, encoding: .utf8)
        let later = try ServerProcess(["--db", ":memory:", "--today", "2027-03-15"], in: site.root)
        let page = try later.get(String(link.dropFirst("https://advisor.example.com".count)))
        #expect(page.status == 200)
        #expect(page.text.contains("Models and lifecycles as of 2026-12-02"), "the pinned day's answer")
        #expect(page.text.contains("Other content: this link was made with content version \(version)"))
        // On the first screen, under the heading, before the prices a reader would quote (it sat under the score
        // chart, about 1,570 px down).
        let notice = try #require(page.text.range(of: "class=\"notice content-notice\""))
        let prices = try #require(page.text.range(of: "<dl class=\"decision\">"))
        #expect(notice.lowerBound < prices.lowerBound)
        let newVersion = try Self.shareLink(in: page.text).components(separatedBy: "content=").last ?? ""
        #expect(newVersion != version && newVersion.count == 12)
        #expect(page.text.contains("the site now runs \(newVersion)"))
        // Without the pin, the same answers are judged on the later day.
        let unpinned = try later.get("/assess/result?" + RecordsTests.workload).text
        #expect(unpinned.contains("Models and lifecycles as of 2027-03-15"))
    }

    @Test func aBadPublicURLIsRefused() throws {
        let run = try runCommand(["haiku-advisor", "serve", "--port", "0", "--db", ":memory:", "--public-url", "ftp://x"])
        #expect(run.status != 0)
        #expect(run.errors.contains("--public-url (or HAIKU_ADVISOR_PUBLIC_URL) takes an http:// or https:// address"))
        // The same address goes into SARIF's help links and MCP answers: held to the same rule (`javascript:` was
        // written into both).
        for command in [["scan", "."], ["mcp"]] {
            let site = try runCommand(["haiku-advisor"] + command + ["--site", "javascript:alert(1)"])
            #expect(site.status == 2 && site.errors.contains("--site takes an http:// or https:// address"), "\(command): \(site.errors)")
        }
        // A trailing slash is not doubled in the links built from it.
        let sarif = try runCommand(["haiku-advisor", "scan", "Tests/ScanTests", "--format", "sarif", "--site", "https://advisor.example.com/"])
        #expect(sarif.output.contains("https://advisor.example.com/failure-modes/") && !sarif.output.contains("example.com//"), "\(sarif.output.prefix(600))")
    }
}
