import Testing
@testable import Advisor

/// Cheaper models the verdict could not use (`decision.passed_over`): a cost table topped by a cheaper model that
/// fits as well is a question the verdict answers, on the real content with figures worked by hand.
struct PassedOverTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    /// A billion one-token batch classifications a month, cost first. Cohere Command R7B fits classification 'good',
    /// the policy's floor, at 1B × (300 × $0.0375 + 2 × $0.15) / 1M = $11,550 a month, under GPT-6 Luna's $15,500;
    /// its Production key allows 500 requests a minute against a peak of 1B / 30.4 days / 1,440 × 3 = 68,493.
    @Test func costFirstSaysWhyTheCheapestGoodFitIsNotThePick() throws {
        let a = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 1_000_000_000,
                                         "avg_input_tokens": 300, "avg_output_tokens": 2, "latency": "batch",
                                         "accuracy": "tolerant", "cost_priority": "primary", "as_of": "2026-12-05"]))
        #expect(a.primaryModel == "gpt-6-luna" && a.decision.monthly_usd == 15_500)
        let r7b = try #require(a.decision.passed_over.first)
        #expect(r7b.model == "cohere-command-r7b" && r7b.monthly_usd == 11_550, "\(a.decision.passed_over)")
        #expect(r7b.reason.contains("rate limits cannot carry the peak") && r7b.reason.contains("68,493 requests a minute against 500"),
                "\(r7b.reason)")
        #expect(r7b.url == "/models/cohere-command-r7b")
        // Gemini 2.0 Flash is cheaper too ($15,400) but retired: the cost table already greys it out.
        #expect(!a.decision.passed_over.contains { $0.model == "gemini-flash" })
    }

    /// 2M support chats on Haiku 5.5 ($702 a month): Command R7B ($315), GPT-5 nano ($360) and gpt-oss-20b ($660) top
    /// the cost table, all 'weak' at chat on their pages, where Haiku 5.5 is 'good'; the verdict says so of each,
    /// cheapest first; gpt-oss-20b's peak is also over Groq's Developer plan. GPT-6 Luna ($540) fits as well and is the
    /// runner-up, not passed over.
    @Test func cheaperModelsThatFitLessWellAreNamedWithTheirFit() {
        let a = engine.assess(k.answers(["task_type": "chat", "monthly_requests": 2_000_000, "avg_input_tokens": 3_000,
                                         "avg_output_tokens": 300, "system_prompt_tokens": 2_000, "latency": "realtime",
                                         "accuracy": "reviewed", "peak_to_average": 4, "fallback_ready": false,
                                         "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "claude-haiku-5-5" && a.decision.runner_up?.model == "gpt-6-luna")
        #expect(a.decision.passed_over.map(\.model) == ["cohere-command-r7b", "gpt-5-nano", "gpt-oss-20b"], "\(a.decision.passed_over)")
        // Each with its fit; GPT-5 nano also with its retirement, which rules it out as well.
        #expect(a.decision.passed_over.map(\.reason) == ["it fits chat only 'weak', Claude Haiku 5.5 'good'",
                                                         "it fits chat only 'weak', Claude Haiku 5.5 'good'; and it is deprecated and retires on 2026-12-10",
                                                         "it fits chat only 'weak', Claude Haiku 5.5 'good'; and its published rate limits cannot carry the peak (292,237 uncached input and output tokens a minute against 250,000 at its Developer tier)"],
                "\(a.decision.passed_over.map(\.reason))")
    }

    /// A weaker fit is said once: "it fits complex reasoning only 'poor', GPT-6.2 Sol 'strong'; and it fits this task
    /// poorly" said it twice. A floor the workload sets is kept, in a word; another cause is still joined.
    @Test func aWeakerFitIsSaidOnce() {
        let a = engine.assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 20_000, "avg_input_tokens": 4_000,
                                         "avg_output_tokens": 1_500, "tool_choice": "forced", "cost_priority": "secondary",
                                         "required_fit": "strong", "accuracy": "first_time_right", "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "gpt-6-2-sol")
        #expect(a.decision.passed_over.map(\.reason) == [
            "it fits complex reasoning only 'poor', GPT-6.2 Sol 'strong'",
            "it fits complex reasoning only 'weak', GPT-6.2 Sol 'strong'; the workload requires 'strong'",
            "it fits complex reasoning only 'weak', GPT-6.2 Sol 'strong'; and it is deprecated and retires on 2026-12-10"],
                "\(a.decision.passed_over.map(\.reason))")
    }

    /// Where the fit the workload requires is the first reason, the rate limits are said too: 8M real-time
    /// moderations peak at 8M / 43,800 × 3 = 548 requests a minute, over Command R7B's 500, which its cost-table row said
    /// while its reason named the fit alone.
    @Test func aRequiredFitDoesNotHideTheRateLimits() throws {
        let a = engine.assess(k.answers(["task_type": "moderation", "monthly_requests": 8_000_000, "avg_input_tokens": 200,
                                         "avg_output_tokens": 2, "latency": "realtime", "latency_budget_s": 0.3,
                                         "required_fit": "strong", "as_of": "2026-12-07"]))
        let r7b = try #require(a.decision.passed_over.first { $0.model == "cohere-command-r7b" })
        #expect(r7b.reason.hasSuffix("the workload requires 'strong'; and its published rate limits cannot carry the peak "
                                     + "(548 requests a minute against 500 at its Production tier)"), "\(r7b.reason)")
    }

    /// 100M real-time moderations at ten times the average at peak: the Haiku verdict stands on the score, and the two
    /// cheaper models that fit moderation as well are named with their reasons, cheapest first: R7B's rate limits,
    /// GPT-5 nano's retirement on 2026-12-10 (the earlier of OpenAI's two dates). From that day GPT-5 nano is retired, and no
    /// longer named.
    @Test func aHaikuVerdictNamesCheaperModelsItCouldNotUseCheapestFirst() {
        var given: [String: AnswerValue] = ["task_type": "moderation", "monthly_requests": 100_000_000, "avg_input_tokens": 400,
                                            "avg_output_tokens": 5, "latency": "realtime", "peak_to_average": 10,
                                            "as_of": "2026-12-05"]
        let a = engine.assess(k.answers(given))
        #expect(a.primaryModel == "claude-haiku-5-5")
        #expect(a.decision.passed_over.map(\.model) == ["cohere-command-r7b", "gpt-5-nano"], "\(a.decision.passed_over)")
        #expect(a.decision.passed_over.last?.reason == "it is deprecated and retires on 2026-12-10")
        given["as_of"] = "2026-12-09"
        #expect(engine.assess(k.answers(given)).decision.passed_over.map(\.model) == ["cohere-command-r7b", "gpt-5-nano"])
        given["as_of"] = "2026-12-10"
        #expect(engine.assess(k.answers(given)).decision.passed_over.map(\.model) == ["cohere-command-r7b"])
    }

    /// Every model named is cheaper than what the verdict pays (the primary, or a tiered plan), not the primary, fits the task at least as well as the
    /// runner-up test asks, and at most three are named; with no requests nothing is cheaper.
    @Test func whatIsNamedIsCheaperAndNotUsable() {
        var rng = SeededRNG(seed: 41)
        var seen = 0
        for _ in 0..<300 {
            let answers = RandomAnswers.make(k, &rng)
            let a = engine.assess(answers)
            let named = a.decision.passed_over
            seen += named.isEmpty ? 0 : 1
            #expect(named.count <= 3)
            #expect(named.map(\.monthly_usd) == named.map(\.monthly_usd).sorted())
            for p in named {
                #expect(p.model != a.primaryModel)
                // Cheaper than what the verdict pays: a tiered plan's month with its escalations.
                let pays = a.decision.combined?.monthly_usd ?? a.decision.monthly_usd
                #expect(p.monthly_usd < pays, "\(p) against \(pays)")
                #expect(a.costs.first { $0.model == p.model }?.fits == true)
                #expect(!["retired", "unreleased"].contains(a.costs.first { $0.model == p.model }?.status.state.rawValue ?? ""))
                #expect(p.reason != "it cannot take this workload")
            }
        }
        #expect(seen >= 10, "only \(seen) of 300 random workloads name a model passed over")
        let idle = engine.assess(k.answers(["task_type": "moderation", "monthly_requests": 0, "avg_input_tokens": 400,
                                            "avg_output_tokens": 5]))
        #expect(idle.decision.passed_over.isEmpty)
    }

    /// A tenth or more of the requests complex holds a model that takes them all alone to complex reasoning 'good':
    /// passed over with that reason where the verdict routes them, but not beside a Haiku that takes them all itself
    /// (it read "GPT-6 Luna, 'weak' at complex reasoning, passed over" beside Haiku 5.5, as weak).
    @Test func theComplexFloorIsSaidOnlyWhereTheVerdictMeetsIt() throws {
        let alone = engine.assess(k.answers(["task_type": "code_completion", "monthly_requests": 5_000_000, "avg_input_tokens": 1_500,
                                             "avg_output_tokens": 60, "complex_share": 0.15, "latency": "realtime",
                                             "latency_budget_s": 1, "as_of": "2026-12-06"]))
        #expect(alone.verdict == .chooseHaiku && alone.decision.runner_up?.model == "gpt-6-luna", "\(alone.verdict) \(String(describing: alone.decision.runner_up))")
        #expect(!alone.decision.passed_over.contains { $0.reason.contains("complex reasoning only") }, "\(alone.decision.passed_over)")
        #expect(!alone.reasons.contains { $0.text.hasPrefix("One request in ten or more needs deep reasoning") })
        let routed = engine.assess(k.answers(["task_type": "chat", "monthly_requests": 400_000, "avg_input_tokens": 2_500,
                                              "avg_output_tokens": 350, "complex_share": 0.12, "as_of": "2026-12-06"]))
        #expect(routed.verdict == .tieredRouting)
        #expect(routed.decision.passed_over.contains {
            $0.reason.hasPrefix("it fits complex reasoning only 'poor', where this workload asks 'good' of any model that takes every request alone")
        }, "\(routed.decision.passed_over)")
        #expect(routed.reasons.contains { $0.text.hasPrefix("One request in ten or more needs deep reasoning") })
        // Below the routing band, the cheaper Haiku is set aside by the floor, and its line says that, not that "the
        // rules that fired prefer" a model no rule names.
        let below = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 200_000, "complex_share": 0.15,
                                             "review_capacity": "none", "as_of": "2026-12-06"]))
        #expect(below.verdict == .chooseAlternative && below.primaryModelBasis == .cheapest_suitable)
        let haiku = try #require(below.decision.haiku)
        #expect(haiku.reason.hasPrefix("it fits complex reasoning only 'weak', where this workload asks 'good' of any model that takes "
                                       + "every request alone") && haiku.url == "/criteria/complex-request-share", "\(haiku)")
        // So too where cost first picked the primary: "Cost priority decided the primary, whatever the price" stood
        // beside a Haiku $105 a month cheaper than the legacy DeepSeek V4 Flash it lost to.
        let costFirst = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 1_000_000, "avg_input_tokens": 5_000,
                                                 "avg_output_tokens": 500, "complex_share": 0.6, "cost_priority": "primary",
                                                 "as_of": "2026-12-07"]))
        #expect(costFirst.decidedBy == "cost-priority")
        let cheaper = try #require(costFirst.decision.haiku)
        #expect(cheaper.monthly_usd < costFirst.decision.monthly_usd, "\(cheaper)")
        #expect(cheaper.reason.hasPrefix("it fits complex reasoning only 'weak', where this workload asks 'good'")
                && cheaper.url == "/criteria/complex-request-share", "\(cheaper)")
    }

    /// 10,000 cached RAG requests of 700,000 tokens: DeepSeek V4 Flash ($780.54, 'good' like GPT-6 Luna) is legacy and
    /// its successor V4.1 Flash costs 23.8 % more ($966.47), within engine.legacy_premium, so current models rank ahead
    /// and GPT-6 Luna ($920.68) is the pick. The cheapest usable model on the table was in no line.
    @Test func aLegacyModelRankedBehindItsSuccessorIsPassedOverWithWhy() throws {
        let a = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 10_000, "avg_input_tokens": 700_000,
                                         "avg_output_tokens": 2_000, "latency": "interactive", "accuracy": "reviewed",
                                         "cached_input_share": 0.4, "as_of": "2026-12-07"]))
        #expect(a.primaryModel == "gpt-6-luna" && abs(a.decision.monthly_usd - 920.68) < 0.005)
        let v4 = try #require(a.decision.passed_over.first { $0.model == "deepseek-v4-flash" }, "\(a.decision.passed_over)")
        #expect(abs(v4.monthly_usd - 780.54) < 0.005)
        #expect(v4.reason == "it is legacy since 2026-09-10, and its successor, DeepSeek V4.1 Flash, costs only 23.8 % more "
                + "($966.47 a month): a current model comes first where building on a superseded one saves that little", "\(v4.reason)")
        // Where its successor costs more than the premium, it is the pick and no line is needed.
        let uncached = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 10_000, "avg_input_tokens": 700_000,
                                                "avg_output_tokens": 2_000, "latency": "interactive", "accuracy": "reviewed",
                                                "as_of": "2026-12-07"]))
        #expect(uncached.primaryModel == "deepseek-v4-flash")
    }

    /// A successor that costs more than engine.legacy_premium (25 %) but at most engine.legacy_premium_usd ($200) a
    /// month more still comes first: 2,000 RAG answers of 700,000 tokens went to DeepSeek V4 Flash, retired on
    /// DeepSeek's own API, at $198.52 to save $61.76 on V4.1 Flash (31 % more).
    @Test func aFewDollarsDoNotPayForBuildingOnALegacyModel() throws {
        #expect(k.legacyPremiumUSD == 200)
        let a = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 2_000, "avg_input_tokens": 700_000,
                                         "avg_output_tokens": 1_500, "as_of": "2026-12-07"]))
        #expect(a.primaryModel == "deepseek-v4-1-flash", "\(a.primaryModel)")
        let runnerUp = try #require(a.decision.runner_up)
        #expect(runnerUp.model == "deepseek-v4-flash" && runnerUp.reason.contains("a saving of $62 a month does not pay"), "\(runnerUp)")
        // At ten times the volume the successor costs $617.55 more: the saving pays, and the legacy model is the pick.
        let more = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 20_000, "avg_input_tokens": 700_000,
                                            "avg_output_tokens": 1_500, "as_of": "2026-12-07"]))
        #expect(more.primaryModel == "deepseek-v4-flash", "\(more.primaryModel)")
        // Cost first is pure cost: the dollar floor does not push a cheaper legacy model out of its runner-up line
        // (V4 Flash, $129 under V4.1 Flash, 40 % less, was dropped from a cost-first verdict's runner-up).
        let cheap = engine.assess(k.answers(["task_type": "extraction", "monthly_requests": 100_000, "avg_input_tokens": 13_001,
                                             "avg_output_tokens": 2_000, "latency": "batch", "accuracy": "tolerant",
                                             "cost_priority": "primary", "complex_share": 0.5, "required_fit": "good",
                                             "as_of": "2026-12-07"]))
        #expect(cheap.primaryModel == "deepseek-v4-flash" || cheap.decision.runner_up?.model == "deepseek-v4-flash"
                || cheap.alternatives.contains("deepseek-v4-flash"), "\(cheap.primaryModel) \(cheap.alternatives)")
        var file = try Fixture.file()
        file.settings.legacy_premium_usd = -1
        #expect { _ = try Fixture.knowledge(file) } throws: { "\($0)".contains("engine.legacy_premium_usd: must be dollars a month") }
    }
}
