import Testing
@testable import Advisor

/// Figures set against what the verdict pays: a tiered plan's month with its escalations (the Haiku's share alone was
/// the runner-up's yardstick, the effort branch's and every lever's), or the recommended model's where a lever is priced
/// on another.
struct PlanFiguresTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    static let routedCompletions: [String: AnswerValue] = [
        "task_type": "code_completion", "monthly_requests": 3_000_000, "avg_input_tokens": 2_500, "avg_output_tokens": 150,
        "latency": "realtime", "latency_budget_s": 2, "complex_share": 0.4, "cost_priority": "secondary", "as_of": "2026-12-05"]

    /// Gemini 4 Hydrogen was said to cost $20,108 more than Haiku 5.5's $1,267.50, in a $15,007.50 plan.
    @Test func theRunnerUpIsSetAgainstThePlanWithItsEscalations() throws {
        let a = engine.assess(k.answers(Self.routedCompletions))
        #expect(a.verdict == .tieredRouting)
        let plan = try #require(a.decision.combined).monthly_usd
        let runner = try #require(a.decision.runner_up)
        #expect(abs(runner.difference_usd - (runner.monthly_usd - plan)) < 0.01, "\(runner.difference_usd) \(plan)")
        #expect(runner.reason.contains("more a month than the plan with its escalations"), "\(runner.reason)")
        // A verdict without escalations keeps the primary's own month.
        let single = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 1_000_000, "as_of": "2026-12-05"]))
        let other = try #require(single.decision.runner_up)
        #expect(single.decision.combined == nil && abs(other.difference_usd - (other.monthly_usd - single.decision.monthly_usd)) < 0.01)
    }

    /// A rule that names a model decided the primary while a runner-up as fit costs a thirtieth: the trade is said,
    /// not left to "whatever the price" beside a reason that says price orders models of the same fit.
    @Test func aNamedModelOverACheaperEqualSaysTheTrade() throws {
        let a = engine.assess(k.answers(["task_type": "extraction", "monthly_requests": 50_000, "avg_input_tokens": 12_000,
                                         "avg_output_tokens": 2_500, "accuracy": "first_time_right", "review_capacity": "none",
                                         "cost_priority": "secondary", "as_of": "2026-12-05"]))
        #expect(a.primaryModel == "claude-sonnet-5-5")
        let runner = try #require(a.decision.runner_up)
        #expect(runner.model == "gpt-6-luna")
        #expect(runner.reason.contains("though it fits extraction as well ('strong') for $4,533 a month less: with price "
                                       + "secondary (cost priority: secondary), no saving overrules the model the rule names"), "\(runner.reason)")
    }

    /// Two traps never count the same dollars: where Haiku 5.5's 1.3x count is what takes a 95,000-token prompt over
    /// its 100,000-token line, the long-context rates are the cliff's amount, and the tokenizer's is the extra tokens
    /// at the standard rates (the two were $28,013 and $26,550 of a $33,188 month).
    @Test func theTokenizerTrapLeavesTheCliffToItsOwnTrap() throws {
        let a = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 500_000, "avg_input_tokens": 95_000,
                                         "avg_output_tokens": 500, "latency": "interactive", "as_of": "2026-12-05"]))
        let haiku = a.decision.traps.filter { $0.model == "claude-haiku-5-5" }
        let cliff = try #require(haiku.first { $0.kind == .long_context_cliff })
        let tokens = try #require(haiku.first { $0.kind == .tokenizer_ratio })
        #expect(cliff.amount_usd == 26_550)
        // 500,000 × (28,500 × $0.10 + 150 × $0.50) / 1e6: the 0.3x more tokens of prompt and answer below the line.
        #expect(tokens.amount_usd == 1_462.5, "\(String(describing: tokens.amount_usd))")
        #expect(tokens.text.contains("at the rates below its 100,000-token line"))
        let month = try #require(a.costs.first { $0.model == "claude-haiku-5-5" }).monthly_usd
        #expect((cliff.amount_usd ?? 0) + (tokens.amount_usd ?? 0) < month)
        // Over the line at either count, the extra tokens are still priced at the standard rates, and the trap says
        // that the long-context rates on every token, these included, are the cliff's amount. The Haiku lost the
        // verdict on its long-context line (the rule read on its count), so its traps are the decision's.
        let long = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 500_000, "avg_input_tokens": 150_000,
                                            "avg_output_tokens": 500, "latency": "interactive", "as_of": "2026-12-05"]))
        #expect(long.primaryModel != "claude-haiku-5-5")
        let over = try #require(long.decision.traps.first { $0.kind == .tokenizer_ratio && $0.model == "claude-haiku-5-5" })
        let overCliff = try #require(long.decision.traps.first { $0.kind == .long_context_cliff && $0.model == "claude-haiku-5-5" })
        #expect(over.text.contains("at the rates below its 100,000-token line (the long-context rates on every token are the trap above)"), "\(over.text)")
        let overMonth = try #require(long.costs.first { $0.model == "claude-haiku-5-5" }).monthly_usd
        #expect((over.amount_usd ?? 0) + (overCliff.amount_usd ?? 0) < overMonth)
    }

    /// An answer over the output headroom only for its thinking says the level that would fit: 78,000-token
    /// extractions fit Haiku 5.5 with its thinking off, and only "a shorter prompt or answer" was said. That is where
    /// the team set the level; left at `default`, the model runs at the most thinking that leaves room, and its cost
    /// line says why (Knowledge.reasoning).
    @Test func anAnswerOverTheHeadroomForItsThinkingNamesTheLevelThatFits() throws {
        let set = engine.assess(k.answers(["task_type": "extraction", "monthly_requests": 100_000, "avg_input_tokens": 2_000,
                                           "avg_output_tokens": 78_000, "as_of": "2026-12-05", "reasoning_effort": "medium"]))
        let out = try #require(set.warnings.first { $0.model == "claude-haiku-5-5" && $0.text.contains("102,600 output tokens") })
        #expect(out.text.contains("reasoning included (about 1,200 of them; at low effort, about 300, it would fit)"), "\(out.text)")
        let a = engine.assess(k.answers(["task_type": "extraction", "monthly_requests": 100_000, "avg_input_tokens": 2_000,
                                         "avg_output_tokens": 78_000, "as_of": "2026-12-05"]))
        #expect(a.primaryModel == "claude-haiku-5-5")
        let haiku = try a.line("claude-haiku-5-5")
        #expect(haiku.within_headroom && haiku.rates.reasoning_effort == .low && haiku.rates.reasoning_effort_lowered_from == .medium)
        // By hand: 100,000 × (2,600 × $0.10 + (101,400 + 300) × $0.50) / 1e6 = $5,111.
        #expect(abs(haiku.monthly_usd - 5_111) < 0.01, "\(haiku.monthly_usd)")
        #expect(haiku.rates.notes.contains { $0.hasPrefix("At its default, medium effort, one answer is 102,600 output tokens")
            && $0.contains("priced at low effort, the most thinking that leaves room") }, "\(haiku.rates.notes)")
        // The verdict rests on less thinking than the default: the primary's thinking trap says so, not the note alone.
        let thinking = try #require(a.decision.traps.first { $0.kind == .thinking_tokens && $0.model == "claude-haiku-5-5" })
        #expect(thinking.text.contains("That is lighter than its default, medium, whose thinking would take the request past the room "
                                       + "we leave in its limits: check the quality at low effort on your own samples"), "\(thinking.text)")
        #expect(!set.decision.traps.contains { $0.text.contains("lighter than its default") })
        var off = k.answers(["task_type": "extraction", "monthly_requests": 100_000, "avg_input_tokens": 2_000,
                             "avg_output_tokens": 78_000, "as_of": "2026-12-05", "reasoning_effort": "none"])
        #expect(engine.assess(off).primaryModel == "claude-haiku-5-5")
        // Where even the least thinking leaves it over, nothing is promised: 261,200 tokens on the batch API.
        off = k.answers(["task_type": "extraction", "monthly_requests": 100_000, "avg_input_tokens": 2_000,
                         "avg_output_tokens": 200_000, "latency": "batch", "as_of": "2026-12-05"])
        #expect(!engine.assess(off).warnings.contains { $0.text.contains("it would fit)") })
    }

    /// The cost ceiling's comparison gives its amounts as the runner-up line beside it does ("$8,400 a month" and
    /// "$8,400.00" were in one line), except a saving that whole dollars would round onto the ceiling's own minimum.
    @Test func theCeilingsAmountsReadLikeTheLineAroundThem() {
        #expect(Engine.beside(2_520, threshold: 500) == "$2,520")
        #expect(Engine.beside(497.28, threshold: 500) == "$497")
        #expect(Engine.beside(499.6, threshold: 500) == "$499.60")
    }

    /// A plan the score chose is what the runner-up is weighed against, in words too: "1.3 times GPT-6 Luna's
    /// $402.50" was argued from the Haiku's month beside a $4,112.75 plan.
    @Test func aScoredPlansRunnerUpIsWeighedAgainstThePlan() throws {
        let a = engine.assess(k.answers(["task_type": "code_completion", "monthly_requests": 500_000, "avg_input_tokens": 8_000,
                                         "avg_output_tokens": 10, "complex_share": 0.3, "latency": "realtime", "as_of": "2026-12-05"]))
        #expect(a.verdict == .tieredRouting)
        let runner = try #require(a.decision.runner_up)
        // (The runner-up fits complex reasoning 'good', as a model taking 30 % complex requests alone must.)
        #expect(runner.reason.hasPrefix("the score sends the complex 30 % of requests on to Claude Sonnet 5.5 for a margin on them, "
                                        + "which DeepSeek V4.1 Flash alone, fitting code completion 'good', does not "
                                        + "give; for that margin the plan costs $3,384 a month more"), "\(runner.reason)")
        // Thinking switched off on a plan: the escalation model that cannot stop thinking runs at its least, said so.
        let realtime = engine.assess(k.answers(["task_type": "chat", "monthly_requests": 800_000, "complex_share": 0.3,
                                                "routing": "tiered", "reasoning_effort": "medium", "latency_budget_s": 3,
                                                "as_of": "2026-12-05"]))
        let off = try #require(realtime.levers.first { $0.kind == .thinking_off })
        #expect(off.text.contains("Claude Sonnet 5.5 answers the complex 30 % at low, its least, and the plan costs"), "\(off.text)")
        // Every lever on a plan says the plan's month, the escalations' share unchanged or not.
        #expect(realtime.levers.allSatisfy { $0.text.contains("the plan costs") })
    }

    /// 2 % routed to Sonnet 5.5: Haiku 5.5 at high effort on everything ($3,234) is dearer than the $2,727.60 plan,
    /// though far cheaper than Sonnet 5.5 on everything ($64,680), and it was called "the cheaper way to more quality".
    /// (A 300 s budget: with none, interactive answers hold Haiku to the wait before the first word, which 3,000
    /// reasoning tokens at high outlast, and no branch is offered.)
    @Test func theEffortBranchIsSetAgainstThePlan() throws {
        let a = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 2_000_000, "avg_input_tokens": 800,
                                         "avg_output_tokens": 20, "routing": "tiered", "complex_share": 0.02, "as_of": "2027-02-01",
                                         "latency_budget_s": 300]))
        let text = try #require(a.reasons.first { $0.criterion == "reasoning-effort" }).text
        #expect(text.contains("($1,293.60 a month for the complex 2 % of requests, $2,727.60 with Claude Haiku 5.5's own)"), "\(text)")
        #expect(text.contains("at high effort on every request costs $3,234.00"), "\(text)")
        #expect(text.hasSuffix("it needs no routing, but costs $506.40 a month more than the plan."), "\(text)")
    }

    /// 77,000-token summaries, 30 % complex: Haiku 5.5 at medium writes 101,300 tokens (79.1 % of its 128,000-token
    /// output limit); at high, 103,100 (80.5 %), over the headroom, and setting high moves the verdict off Haiku. The
    /// branch "Haiku at high effort on every request" was priced as "the cheaper way to more quality" all the same.
    @Test func theEffortBranchIsNotOfferedPastTheHeadroom() throws {
        // A 600 s budget, on which high's thinking does not weigh: only the headroom holds the branch back.
        let answers: [String: AnswerValue] = ["task_type": "summarization", "monthly_requests": 3_000, "avg_input_tokens": 5_000,
                                              "avg_output_tokens": 77_000, "latency": "interactive", "complex_share": 0.3,
                                              "latency_budget_s": 600, "as_of": "2026-12-07"]
        let a = engine.assess(k.answers(answers))
        #expect(a.verdict == .tieredRouting && a.primaryModel == "claude-haiku-5-5")
        #expect(a.effortOption == nil)
        #expect(!a.reasons.contains { $0.criterion == "reasoning-effort" && $0.text.contains("at high effort on every request") })
        // What the branch would have been: the verdict itself leaves Haiku at high.
        var high = answers
        high["reasoning_effort"] = "high"
        #expect(engine.assess(k.answers(high)).primaryModel != "claude-haiku-5-5")
        // Shorter answers leave high room, and the branch is offered again.
        var shorter = answers
        shorter["avg_output_tokens"] = 40_000
        #expect(engine.assess(k.answers(shorter)).effortOption?.effort == .high)
    }

    /// The plan's hardest requests on an escalation model lowered for room are said to be, where they run as its cost
    /// line does: 78,000-token completions routed to Sonnet 5.5 fit it at low (101,700 tokens), not at its default high.
    @Test func escalationsLoweredForRoomAreSaidInThePlan() throws {
        let a = engine.assess(k.answers(["task_type": "code_completion", "monthly_requests": 3_000, "avg_input_tokens": 5_000,
                                         "avg_output_tokens": 78_000, "latency": "interactive", "routing": "tiered",
                                         "as_of": "2026-12-07"]))
        let plan = try #require(a.reasons.first { $0.criterion == "routing-plan" }).text
        #expect(plan.contains("Claude Sonnet 5.5 answers the complex 5 % again ($154.50 a month, priced at its low effort, the most "
                              + "thinking that leaves these answers room (at its default, high, longer answers would be cut off))"),
                "\(plan)")
    }

    /// The effort answer is every model's: lowering the Haiku's takes the escalated requests' thinking down too, and
    /// the lever says what the plan then costs, as a re-run gives it.
    @Test func aLeverOnATieredPlanSaysWhatThePlanCosts() throws {
        let answers: [String: AnswerValue] = ["task_type": "classification", "monthly_requests": 2_000_000, "avg_input_tokens": 800,
                                              "avg_output_tokens": 20, "routing": "tiered", "complex_share": 0.02, "as_of": "2027-02-01"]
        let a = engine.assess(k.answers(answers))
        let lower = try #require(a.levers.first { $0.kind == .lower_effort })
        // A label: the lever goes to the least thinking (criteria/_index.md, to_least_when), which Sonnet 5.5 cannot
        // switch off, so it answers at low, its least.
        #expect(lower.text.contains("The answer sets every model's effort: Claude Sonnet 5.5 answers the complex 2 % at low, its least, "
                                    + "and the plan costs $448 a month instead of $2,728"), "\(lower.text)")
        var applied = answers
        applied["reasoning_effort"] = "none"
        let rerun = engine.assess(k.answers(applied))
        #expect(rerun.decision.combined?.monthly_usd == 447.6)
        // Batch halves the escalations too.
        let batch = try #require(a.levers.first { $0.kind == .batch })
        #expect(batch.text.contains("With its escalations to Claude Sonnet 5.5, the plan costs $1,364 a month instead of $2,728."), "\(batch.text)")
        applied = answers
        applied["latency"] = "batch"
        #expect(engine.assess(k.answers(applied)).decision.combined?.monthly_usd == 1_363.8)
        // An escalation already at that level (a 20 s budget holds Sonnet 5.5 at low) is said to be, not to move "too".
        let held = engine.assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 100_000, "avg_input_tokens": 5_000,
                                            "avg_output_tokens": 1_500, "routing": "tiered", "complex_share": 0.95,
                                            "accuracy": "first_time_right", "cost_priority": "primary", "latency_budget_s": 20,
                                            "as_of": "2026-12-06"]))
        let raise = try #require(held.levers.first { $0.kind == .raise_effort })
        #expect(raise.text.hasSuffix("Claude Sonnet 5.5 answers the complex 95 % at low already, so only Claude Haiku 5.5's part "
                                     + "moves: the plan costs $3,550 a month instead of $3,535."), "\(raise.text)")
    }

    /// A saving on the Haiku that makes the verdict a dearer plan is not offered as a saving: batch turned 8M strict
    /// classifications into a $21,960 plan with escalations, offered as "$2,790 less" against $5,580.
    @Test func aSavingThatRaisesWhatTheVerdictPaysIsNotOffered() {
        let answers: [String: AnswerValue] = ["task_type": "classification", "monthly_requests": 8_000_000, "avg_input_tokens": 700,
                                              "avg_output_tokens": 10, "accuracy": "first_time_right", "complex_share": 0.15,
                                              "review_capacity": "systematic", "as_of": "2026-12-05"]
        let a = engine.assess(k.answers(answers))
        #expect(a.verdict == .chooseHaiku)
        var batched = answers
        batched["latency"] = "batch"
        let rerun = engine.assess(k.answers(batched))
        #expect(rerun.verdict == .tieredRouting && (rerun.decision.combined?.monthly_usd ?? 0) > a.decision.monthly_usd)
        #expect(!a.levers.contains { $0.kind == .batch })
    }

    /// The Haiku's trim under the cost ceiling is priced on the Haiku ($61,533 to $8,095) but ranked by what the
    /// verdict pays (GPT-6 Luna's $9,605 to $8,095): it led the levers, above batch on Luna ($4,803 less).
    @Test func theHaikusWayBackIsRankedByWhatTheVerdictPays() throws {
        let a = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 1_000_000, "avg_input_tokens": 90_000,
                                         "avg_output_tokens": 10, "as_of": "2026-12-05"]))
        #expect(a.primaryModel == "gpt-6-luna")
        let trim = try #require(a.levers.first { $0.kind == .trim_below_cliff })
        #expect(trim.model == "claude-haiku-5-5")
        #expect(trim.text.contains("Against GPT-6 Luna's $9,605 a month today, the verdict then pays $8,095."), "\(trim.text)")
        // Ranked by what the verdict pays: the trim's $1,510 after batch's $4,803 and the cache's $3,240 on Luna, before
        // thinking off on Luna ($600).
        #expect(a.levers.map(\.kind) == [.batch, .cache_prefix, .trim_below_cliff, .lower_effort])
    }

    /// Interactive chats with no budget: Haiku 5.5 at high thinks about 3,000 tokens, some 31 s at 97 tokens a second,
    /// before every answer, and the branch called it "the cheaper way to more quality" beside a warning that
    /// medium's 12.4 s already outlasts the 5 s an interactive answer allows. The levers offer no higher effort there.
    @Test func theEffortBranchIsNotOfferedPastTheInteractiveWait() throws {
        let chats: [String: AnswerValue] = ["task_type": "chat", "monthly_requests": 3_000_000, "avg_input_tokens": 2_000,
                                            "avg_output_tokens": 300, "complex_share": 0.2, "as_of": "2026-12-07"]
        let a = engine.assess(k.answers(chats))
        #expect(a.verdict == .tieredRouting && a.effortOption == nil)
        #expect(!a.reasons.contains { $0.text.contains("at high effort on every request") })
        #expect(!a.levers.contains { $0.kind == .raise_effort })
        // With a budget that high's thinking fits, the branch is priced.
        var budgeted = chats
        budgeted["latency_budget_s"] = 300
        #expect(engine.assess(k.answers(budgeted)).effortOption?.effort == .high)
    }
}
