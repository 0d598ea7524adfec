import Testing
@testable import Advisor

/// Verdicts an outside review (2026-12-06, 44 workloads of its own) found misleading, on the real content: each case
/// is the workload it reported, checked for what a signing engineer needs the page to say.
struct ReviewedVerdictTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    @Test func aStrictCostFirstPickStillNamesTheStrongFitWithinReach() {
        // 2M strict extractions, cost first: Command R7B ('good', no reasoning) at $105. At each model's default
        // effort GPT-6 Luna costs $1,500 (14 times, past the margin's limit), but with thinking off $300: the margin
        // is weighed at the cheapest setting on both, so the strong fit is named, with both of its figures.
        let a = engine.assess(k.answers([
            "task_type": "extraction", "monthly_requests": 2_000_000, "avg_input_tokens": 1_000, "avg_output_tokens": 100,
            "accuracy": "first_time_right", "cost_priority": "primary", "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "cohere-command-r7b")
        #expect(a.qualityMargin?.model == "gpt-6-luna")
        #expect(a.qualityMargin?.monthly_usd == 1_500)
        #expect(a.warnings.contains { $0.text.contains("with reasoning at its cheapest setting, is GPT-6 Luna at $300.00 ($1,500.00 at your effort answer), $195.00 more a month") })
    }

    @Test func aStrongFitCheaperWithThinkingOffIsSaidAsCheaper() throws {
        // Strict cost-first summaries: Mistral Small ('good', $252) wins at each model's default effort; Claude Haiku
        // 5.5 ('strong') costs $474 at its default and $234 with thinking off. The margin never reads "-$18.00 more".
        let a = engine.assess(k.answers([
            "task_type": "summarization", "monthly_requests": 400_000, "avg_input_tokens": 3_000, "avg_output_tokens": 300,
            "accuracy": "first_time_right", "cost_priority": "primary", "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "mistral-small")
        let margin = try #require(a.warnings.first { $0.text.contains("The cheapest model rated 'strong'") })
        #expect(margin.text.contains("is Claude Haiku 5.5 at $234.00, no more than Mistral Small costs that way, and $474.00 at your effort answer, $222.00 more a month."))
        #expect(!margin.text.contains("-$"))
    }

    @Test func aTieToTheCentGoesToTheBetterFit() {
        // Ten classifications a month: Command R7B ('good') at $0.0001 and GPT-6 Luna ('strong') at $0.0003. A
        // fraction of a cent is no saving, so the better fit is recommended; the runner-up's line never claims a
        // "same fit" that the page contradicts.
        let a = engine.assess(k.answers([
            "task_type": "classification", "monthly_requests": 10, "avg_input_tokens": 300, "avg_output_tokens": 5,
            "accuracy": "tolerant", "cost_priority": "primary", "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "gpt-6-luna")
        if let runner = a.decision.runner_up, runner.reason.contains("same fit") {
            #expect(k.compiledModels[k.modelIndex[runner.model]!].fit[AnswerID.taskType.choices.firstIndex(of: "classification")!] == .strong)
        }
    }

    @Test func aCacheMinimumTrapPricesEachSideAtItsOwnBatchRate() throws {
        // 5M batch classifications with an 1,800-token system prompt: under Gemini 3.5 Flash-Lite's 4,096-token cache
        // minimum the prefix is fresh input at the batch rate ($0.15 a million), while its batch discount leaves cache
        // reads at their full $0.03: 9e9 tokens × $0.12 = $1,080, not half of the undiscounted gap ($1,215).
        let a = engine.assess(k.answers([
            "task_type": "classification", "monthly_requests": 5_000_000, "avg_input_tokens": 2_000, "avg_output_tokens": 5,
            "system_prompt_tokens": 1_800, "latency": "batch", "as_of": "2026-12-06"]))
        let trap = try #require(a.decision.traps.first { $0.kind == .cache_minimum && $0.model == "gemini-3-5-flash-lite" })
        #expect(trap.amount_usd == 1_080)
        #expect(trap.text.contains("$1,080 a month more than cached reads"))
    }

    @Test func aPeakIsOneFigureInItsSentence() throws {
        // 7M cost-first moderations on 2027-01-15: Command R7B sees 479.45 requests a minute at peak, against a
        // 500-a-minute limit. The load and the tight limit say the same number.
        let a = engine.assess(k.answers([
            "task_type": "moderation", "monthly_requests": 7_000_000, "avg_input_tokens": 600, "avg_output_tokens": 20,
            "cost_priority": "primary", "as_of": "2027-01-15"]))
        let warning = try #require(a.warnings.first { $0.text.contains("of its 500 requests a minute") })
        #expect(warning.text.contains("about 480 requests"))
        #expect(warning.text.contains("480 of its 500 requests a minute"))
    }

    @Test func aStrongerModelRuleNeverEndsOnTheHaikusPeerUnsaid() throws {
        // Unreviewed extractions that must be right the first time: the review-capacity rule sets Haiku 5.5 aside and
        // names Sonnet 5.5. A balanced budget takes GPT-6 Luna over it (Haiku 5.5's price and its 'strong' extraction
        // fit), and with forced tool calls Sonnet 5.5 cannot take the work at all and Luna stands in. Either way the
        // page says Luna is rated no stronger than the Haiku the rule set aside, and offers Sonnet 5.5 only where it
        // can take the workload.
        let base: [String: AnswerValue] = ["task_type": "extraction", "monthly_requests": 2_000_000, "avg_input_tokens": 1_500,
                                           "avg_output_tokens": 200, "accuracy": "first_time_right", "review_capacity": "none",
                                           "as_of": "2026-12-06"]
        let balanced = engine.assess(k.answers(base))
        #expect(balanced.primaryModel == "gpt-6-luna")
        let said = try #require(balanced.warnings.first { $0.title.contains("no better than Claude Haiku 5.5") })
        #expect(said.text.contains("because a balanced budget does not pay what Claude Sonnet 5.5 costs"))
        #expect(said.text.contains("; or take Claude Sonnet 5.5 at $"))
        // The Haiku's own line gives the rule as the reason it lost, not a price.
        #expect(balanced.decision.haiku?.reason == "the review capacity rule sets it aside for this work, whatever its price",
                "\(String(describing: balanced.decision.haiku))")
        let forced = engine.assess(k.answers(with(base, ["tool_choice": "forced", "monthly_requests": 800_000,
                                                        "avg_input_tokens": 6_000, "avg_output_tokens": 300])))
        #expect(forced.primaryModel == "gpt-6-luna")
        let standIn = try #require(forced.warnings.first { $0.title.contains("no better than Claude Haiku 5.5") })
        #expect(standIn.text.contains("Claude Sonnet 5.5 cannot take the workload: it returns an error on a forced tool call"))
        #expect(!standIn.text.contains("or take Claude Sonnet 5.5"))
        #expect(forced.decision.top_risk == standIn)
        // Autonomous coding, where the Haiku fits only 'weak': a 'good' or 'strong' pick is stronger there, unsaid.
        let coding = engine.assess(k.answers(["task_type": "autonomous_coding", "monthly_requests": 20_000,
                                              "avg_input_tokens": 20_000, "avg_output_tokens": 2_000, "as_of": "2026-12-06"]))
        #expect(!coding.warnings.contains { $0.title.contains("no better than") })
    }

    @Test func aVerdictForAnotherModelSaysWhatTheHaikuCostsAndWhyItLost() throws {
        // A million cost-first classifications: Command R7B ('good', $37.50) is recommended and GPT-6 Luna is the
        // runner-up; the first screen of a tool about Haiku names Haiku 5.5's own month and why it lost.
        let a = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 1_000_000, "avg_input_tokens": 800,
                                         "avg_output_tokens": 50, "cost_priority": "primary", "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "cohere-command-r7b" && a.decision.runner_up?.model == "gpt-6-luna")
        let haiku = try #require(a.decision.haiku)
        #expect(haiku.model == "claude-haiku-5-5" && haiku.monthly_usd == 136.5 && haiku.difference_usd == 99)
        #expect(haiku.reason.contains("it costs $99 more a month, though it fits classification 'strong'"), "\(haiku.reason)")
        // Not where the Haiku is recommended, nor where it is the runner-up already.
        let onHaiku = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 1_000_000, "as_of": "2026-12-06"]))
        #expect(onHaiku.primaryModel == "claude-haiku-5-5" && onHaiku.decision.haiku == nil)
        let tie = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 10, "avg_input_tokens": 300,
                                           "avg_output_tokens": 5, "accuracy": "tolerant", "cost_priority": "primary",
                                           "as_of": "2026-12-06"]))
        #expect(tie.decision.runner_up?.model == "claude-haiku-5-5" && tie.decision.haiku == nil)
        // Not the same cent: 200 classifications cost $0.0024 on Command R7B and $0.0065 on GPT-6 Luna, and Luna's line
        // does not call that a tie (cost first bins whole cents; the line did not).
        let cents = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 200, "avg_input_tokens": 300,
                                             "avg_output_tokens": 5, "accuracy": "tolerant", "cost_priority": "primary",
                                             "as_of": "2026-12-06"]))
        let runner = try #require(cents.decision.runner_up)
        #expect(!runner.reason.contains("the same to the cent"), "\(runner.reason)")
    }
}
