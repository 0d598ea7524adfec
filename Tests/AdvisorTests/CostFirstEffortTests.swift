import Testing
@testable import Advisor

/// Left at the default effort, a team that puts cost first is priced as it would run: every model at its least
/// thinking (`engine.least_effort_when`, content/criteria/reasoning-effort.md). On the real content.
struct CostFirstEffortTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    /// A billion two-token classifications a month through the batch API, by a team that can self-host.
    static let bulk: [String: AnswerValue] = [
        "task_type": "classification", "monthly_requests": 1_000_000_000, "avg_input_tokens": 250, "avg_output_tokens": 2,
        "latency": "batch", "can_self_host": true, "developer_hourly_usd": 20, "cost_priority": "primary",
        "as_of": "2026-12-05"]


    @Test func costFirstRunsEveryModelAtItsLeastThinking() throws {
        // At its default, medium effort, GPT-6 Luna's assumed 1,200 reasoning tokens before each label cost
        // 1,200 × 1e9 × $0.25 / 1e6 = $300,000 a month on top of $12,500 of input, and every reasoning model lost to a
        // self-hosted Llama 3.1 8B at $28,400. With thinking off: 250 × 1e9 × $0.05 / 1e6 + 2 × 1e9 × $0.25 / 1e6 = $13,000.
        let a = engine.assess(k.answers(Self.bulk))
        #expect(a.primaryModel == "gpt-6-luna" && a.primaryModelBasis == .cheapest_fit, "\(a.primaryModel)")
        #expect(a.decision.monthly_usd == 13_000)
        let luna = try a.line("gpt-6-luna")
        #expect(luna.rates.reasoning_effort == Effort.none && luna.rates.reasoning_effort_lowered_from == .medium)
        #expect(luna.rates.notes.contains { $0.hasPrefix("Cost comes first, so it is priced at its least thinking")
            && $0.contains("its default, medium effort, writes about 1,200 reasoning tokens") })
        #expect(try a.line("llama-3-1-8b-self-hosted").monthly_usd > 2 * luna.monthly_usd)
        // Nothing is left to lower, and the verdict says what would bring the Haiku back.
        #expect(!a.levers.contains { $0.kind == .lower_effort })
        #expect(a.whatWouldChange.contains { $0.answer == .costPriority })
    }

    @Test func aChosenLevelStrictWorkAndMostlyComplexWorkKeepTheirEffort() throws {
        // The effort a team sets is priced as set; strict and mostly complex work keep each model's default (the
        // workloads the lower-effort lever is not offered to).
        for (more, effort) in [(["reasoning_effort": "medium"], Effort.medium), (["accuracy": "first_time_right"], .medium),
                               (["complex_share": 0.5], .medium), (["cost_priority": "balanced"], .medium)]
            as [([String: AnswerValue], Effort)] {
            let a = engine.assess(k.answers(with(Self.bulk, more)))
            let luna = try a.line("gpt-6-luna")
            #expect(luna.rates.reasoning_effort == effort && luna.rates.reasoning_effort_lowered_from == nil, "\(more)")
            #expect(luna.monthly_usd == 313_000, "\(more)")
        }
    }

    /// 4M chats of 1,500 input and 200 output tokens, a fifth of them complex, cost first, the team routing them.
    static let routedChats: [String: AnswerValue] = [
        "task_type": "chat", "monthly_requests": 4_000_000, "avg_input_tokens": 1_500, "avg_output_tokens": 200,
        "complex_share": 0.2, "cost_priority": "primary", "routing": "tiered", "as_of": "2026-12-05",
        // A budget on which high effort's thinking does not weigh, so that the Haiku-at-high branch is priced (with
        // none, interactive answers hold it to the wait before the first word).
        "latency_budget_s": 300]

    @Test func theEscalatedRequestsKeepTheEscalationModelsDefault() throws {
        // The escalated requests are the complex ones. Sonnet 5.5 at its least thinking (low) costs $38,000 for all
        // 4M, so the escalated fifth looked like $7,600; at its default, high, 1,950 × $2 / 1e6 + (260 + 3,000) ×
        // $10 / 1e6 = $0.0365 a request, $146,000 for all, $29,200 for the fifth. The plan is $1,300 + $29,200.
        let a = engine.assess(k.answers(Self.routedChats))
        #expect(a.verdict == .tieredRouting && a.primaryModel == "claude-haiku-5-5")
        let sonnet = try a.line("claude-sonnet-5-5")
        #expect(sonnet.monthly_usd == 38_000 && sonnet.rates.reasoning_effort == .low)
        let combined = try #require(a.decision.combined)
        #expect(combined.monthly_usd == 30_500 && combined.escalated_effort == .high)
        #expect(a.reasons.first?.text.contains("Claude Sonnet 5.5 answers the complex 20 % again ($29,200.00 a month, "
            + "priced at its default high effort") == true, "\(a.reasons.first?.text ?? "")")
        #expect(a.reasons.first?.text.contains("about $30,500.00 a month in all") == true)
        // The model alone is its cost line, at low: said, so the two figures for Sonnet 5.5 do not stand unexplained.
        #expect(a.reasons.first?.text.contains("Claude Sonnet 5.5 alone would cost $38,000.00 at its low effort, as cost first runs it.") == true)
        // Haiku at high effort beside the escalation model is priced beside Sonnet's default too, not its least.
        #expect(a.effortOption?.escalation_monthly_usd == 146_000)
        #expect(a.reasons.contains { $0.criterion == "reasoning-effort"
            && $0.text.contains("($29,200.00 a month for the complex 20 % of requests at its default high effort, $30,500.00 "
                                + "with Claude Haiku 5.5's own)") })
        // Where cost does not come first every figure is at the default already (the Haiku at medium, $3,700):
        // nothing to say.
        let balanced = engine.assess(k.answers(with(Self.routedChats, ["cost_priority": "balanced"])))
        let plain = try #require(balanced.decision.combined)
        #expect(plain.escalated_effort == nil && plain.monthly_usd == 32_900)
        #expect(balanced.reasons.first?.text.contains("($29,200.00 a month), about $32,900.00") == true)
        #expect(balanced.reasons.first?.text.contains("as cost first runs it") == false)
    }

    /// 100,000 extractions a month with answers of `output` tokens (1.3 times as many on the Claude 5.5 count), cost
    /// first, the complex fifth routed.
    static func longAnswers(_ output: Int) -> [String: AnswerValue] {
        ["task_type": "extraction", "monthly_requests": 100_000, "avg_input_tokens": 5_000, "avg_output_tokens": .number(Double(output)),
         "cost_priority": "primary", "complex_share": 0.2, "routing": "tiered", "as_of": "2026-12-05"]
    }

    @Test func theEscalationModelHoldsTheEscalatedRequestsAtTheirEffort() throws {
        // 77,500-token answers are 100,750 on Sonnet 5.5's count. At low (its least, 300 reasoning tokens) that is
        // 101,050 of its 128,000 output tokens, inside the 80 % headroom (102,400), so its cost line holds them. The
        // escalated requests keep its default, high (3,000), where that leaves room; 103,750 does not, and medium
        // (1,200), 101,950, does: the most thinking with room, not a dearer model. Opus 5.5 took the plan at twice the
        // price with no word of why Sonnet 5.5 was passed over. By hand: 100,000 × (6,500 × $2 + 101,950 × $10) / 1e6
        // = $103,250 for every request complex, a fifth of it $20,650.
        let a = engine.assess(k.answers(Self.longAnswers(77_500)))
        #expect(a.verdict == .tieredRouting && a.primaryModel == "claude-haiku-5-5")
        let sonnet = try a.line("claude-sonnet-5-5")
        #expect(sonnet.within_headroom && sonnet.rates.reasoning_effort == .low)
        let combined = try #require(a.decision.combined)
        #expect(combined.escalation_model == "claude-sonnet-5-5" && combined.escalated_effort == .medium)
        let plan = try #require(a.reasons.first { $0.criterion == "routing-plan" })
        #expect(plan.text.contains("Claude Sonnet 5.5 answers the complex 20 % again ($20,650.00 a month, priced at its medium effort, "
            + "the most thinking that leaves these answers room (at its default, high, longer answers would be cut off))"), "\(plan.text)")
        #expect(!a.warnings.contains { $0.failure_mode == "model-retirement" })

        // 78,000 tokens (101,400): medium is 102,600, 80.2 %, over the headroom; low, 101,700, is the most that fits,
        // and the plan says so, though the cost line runs at low as well (so no other effort is reported for it).
        let b = engine.assess(k.answers(Self.longAnswers(78_000)))
        let low = try #require(b.decision.combined)
        #expect(low.escalation_model == "claude-sonnet-5-5" && low.escalated_effort == nil)
        let lowPlan = try #require(b.reasons.first { $0.criterion == "routing-plan" })
        #expect(lowPlan.text.contains("priced at its low effort, the most thinking that leaves these answers room (at its default, "
                                      + "high, longer answers would be cut off)"), "\(lowPlan.text)")
        // Lowered for time, not room (realtime chats: any thinking is too slow), the plan says time.
        let realtime = engine.assess(k.answers(["task_type": "chat", "monthly_requests": 100_000, "avg_input_tokens": 2_000,
                                                "avg_output_tokens": 300, "latency": "realtime", "complex_share": 0.2,
                                                "routing": "tiered", "cost_priority": "primary", "as_of": "2026-12-05"]))
        let timePlan = try #require(realtime.reasons.first { $0.criterion == "routing-plan" })
        // Sonnet 5.5 cannot stop thinking, and realtime answers leave no time for any: low is its least, said so, not
        // "the most thinking that leaves these answers time" beside a cost line that calls it still too long.
        #expect(timePlan.text.contains("priced at its low effort, its least, which still does not leave these answers time (its default, "
                                       + "high, thinks longer)") && !timePlan.text.contains("cut off"), "\(timePlan.text)")

        // 78,700 tokens (102,310): the Haiku holds them with its thinking off (cost first), but no level of Sonnet
        // 5.5 or Opus 5.5 leaves room (102,610 at low, their least). The next escalation model that holds them is
        // Sonnet 4.6, whose default is no thinking: legacy, and said so, with why each current one ahead of it
        // cannot take them, and no lighter level promised.
        let c = engine.assess(k.answers(Self.longAnswers(78_700)))
        #expect(try #require(c.decision.combined).escalation_model == "claude-sonnet-4-6")
        let legacy = try #require(c.warnings.first { $0.model == "claude-sonnet-4-6" && $0.failure_mode == "model-retirement" })
        #expect(legacy.severity == .medium)
        #expect(legacy.text.hasPrefix("The complex requests go to Claude Sonnet 4.6 (legacy since 2026-06-30: Claude Sonnet 5.5 succeeds it)"))
        #expect(legacy.text.contains("Claude Sonnet 5.5: at its default effort (high), which the escalated requests run at, "
            + "one answer is 105,310 output tokens, reasoning included, 82% of its 128,000-token output limit"), "\(legacy.text)")
        #expect(!legacy.text.contains("it would fit"), "\(legacy.text)")

        // Where cost does not come first, every model runs at its default where that leaves room: the Haiku's medium
        // (1,200) does not (102,600 tokens), its low (101,700) does, so the plan keeps it in front, at low.
        let balanced = engine.assess(k.answers(with(Self.longAnswers(78_000), ["cost_priority": "balanced"])))
        #expect(balanced.verdict == .tieredRouting && balanced.primaryModel == "claude-haiku-5-5")
        #expect(try balanced.line("claude-haiku-5-5").rates.reasoning_effort == .low)
        #expect(try balanced.line("claude-haiku-5-5").rates.reasoning_effort_lowered_from == .medium)
    }

    @Test func theRoutingLeverPricesTheEscalatedShareAtItsDefault() throws {
        // 1M 3,000-token summaries that must be strong, cost first, 5 % complex: Haiku 5.5 takes them, and routing
        // the complex 5 % to Sonnet 5.5 costs that 5 % of its month at high effort, not at its least thinking.
        let answers = k.answers(["task_type": "summarization", "monthly_requests": 1_000_000, "avg_input_tokens": 3_000,
                                 "avg_output_tokens": 300, "cost_priority": "primary", "required_fit": "strong",
                                 "fallback_ready": true, "complex_share": 0.05, "as_of": "2026-12-05"])
        let a = engine.assess(answers)
        let lever = try #require(a.levers.first { $0.kind == .route_complex })
        let haiku = try a.line(a.primaryModel).monthly_usd
        let high = answers.values.withUnsafeBufferPointer { v in
            v.with(.complexShare, 1) { k.monthlyCost(model: k.modelIndex["claude-sonnet-5-5"]!, $0) }
        }
        let low = try a.line("claude-sonnet-5-5").monthly_usd
        #expect(high > low * 2)
        #expect(abs(lever.monthly_after - (haiku + 0.05 * high)) < 0.01, "\(lever.monthly_after)")
    }

    @Test func theAnswersTheSettingReadsAreCostInputs() {
        // What would change re-prices a change of cost priority, accuracy or complex share instead of reusing the
        // bills of the answers as given (Flips.swift).
        // Flips.swift re-prices, and re-checks usability, wherever `least_effort_when` turns: the answers it reads.
        let reads = k.leastEffortByDefault?.reads ?? 0
        for id in [AnswerID.costPriority, .accuracy, .complexShare, .taskType] {
            #expect(reads & id.bit != 0, "\(id)")
        }
        // The task type is read (complex reasoning and autonomous coding keep their thinking) but is not a cost input
        // otherwise: a change of task re-prices only where it turns the setting, as the trial finds.
        #expect(!Engine.fixedCostInputs.contains(.taskType))
    }

    /// Work whose task is the thinking keeps it when cost comes first: complex reasoning with the complex share left
    /// at its 5 % default was priced, and recommended, with thinking off on every model.
    @Test func complexReasoningKeepsItsThinkingWhenCostComesFirst() throws {
        let given: [String: AnswerValue] = ["task_type": "complex_reasoning", "monthly_requests": 50_000,
                                            "avg_input_tokens": 12_000, "avg_output_tokens": 2_500, "cost_priority": "primary"]
        let a = Engine(knowledge: k).assess(k.answers(given))
        let haiku = try a.line("claude-haiku-5-5")
        #expect(haiku.rates.reasoning_effort == .medium, "\(String(describing: haiku.rates.reasoning_effort))")
        #expect(!a.costs.contains { $0.rates.notes.contains { $0.contains("Cost comes first, so it is priced at its least thinking") } })
        // Nor is less thinking offered as a lever, and the wait is to be borne, for the task's own reason.
        #expect(!a.levers.contains { [.lower_effort, .thinking_off, .least_thinking].contains($0.kind) }, "\(a.levers.map(\.kind))")
        let wait = try #require(a.warnings.first { $0.failure_mode == "latency-spikes" && $0.text.contains("keeps its thinking") })
        #expect(wait.text.contains("(complex reasoning is work whose answer is the thinking)"), "\(wait.text)")
        // Classification, the same answers otherwise: the least thinking, as before.
        var classification = given
        classification["task_type"] = "classification"
        let lean = Engine(knowledge: k).assess(k.answers(classification))
        #expect(try lean.line("claude-haiku-5-5").rates.reasoning_effort == Effort.none)
    }
}
