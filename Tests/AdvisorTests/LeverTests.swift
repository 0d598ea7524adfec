import Testing
@testable import Advisor

/// Levers (Levers.swift), their plausible ranges (LeverRules.swift), the trim target's arithmetic, the cost traps
/// (Traps.swift) and the decision summary, on the real content.
struct LeverTests {
    /// The RAG case of issue 15: 90K-token prompts counted on Haiku 4.5 are about 117K on Haiku 5.5, over its
    /// 100K long-context line.
    static let rag: [String: AnswerValue] = [
        "task_type": "rag", "monthly_requests": 200_000, "avg_input_tokens": 90_000, "avg_output_tokens": 400,
        "latency": "interactive", "review_capacity": "sampled", "fallback_ready": true]

    // MARK: - The trim target

    /// A workload of a few requests a month is not told to change its setup for a fraction of a cent: levers
    /// offered for their saving save at least `levers.min_saving_usd` ($1) a month, and the same levers come back
    /// once the volume makes them worth it.
    @Test func aSavingLeverSavesAtLeastTheFloor() throws {
        let k = Fixture.real
        let floor = try #require(k.leverRules?.minSaving)
        #expect(floor == 1)
        let saving: Set<LeverKind> = [.trim_below_cliff, .cache_prefix, .batch, .lower_effort]
        func levers(_ requests: Double) -> [Lever] {
            Engine(knowledge: k).assess(k.answers(["task_type": "moderation", "monthly_requests": .number(requests),
                                                   "avg_input_tokens": 2_000, "avg_output_tokens": 5,
                                                   "as_of": "2026-12-03"])).levers
        }
        let tiny = levers(3)
        #expect(!tiny.contains { saving.contains($0.kind) }, "\(tiny.map(\.text))")
        #expect(!tiny.contains { $0.text.contains("$0.00 less") })
        let busy = levers(3_000_000)
        #expect(busy.contains { saving.contains($0.kind) }, "\(busy.map(\.kind))")
        for lever in busy where saving.contains(lever.kind) { #expect(-lever.difference >= floor, "\(lever.text)") }
    }

    @Test func trimTargetKeepsThePromptUnderTheLine() {
        // 90,000 tokens on Haiku 4.5 count 117,000 on Haiku 5.5 (ratio 1.3): 100,000 × 90,000 / 117,000 = 76,923,
        // rounded down to the hundred.
        #expect(Knowledge.trimTarget(input: 90_000, counted: 117_000, threshold: 100_000) == 76_900)
        #expect(76_900 * 1.3 <= 100_000)
        // Aimed at three quarters of the line (the lever's room for longer requests): 75,000 × 90,000 / 117,000.
        #expect(Knowledge.trimTarget(input: 90_000, counted: 117_000, threshold: 100_000, aim: 0.75) == 57_600)
        // Only a prompt over the line itself is trimmed, whatever the aim.
        #expect(Knowledge.trimTarget(input: 60_000, counted: 78_000, threshold: 100_000, aim: 0.75) == nil)
        // Only the counted classes count: half the prompt cached and not counted halves what is compared.
        #expect(Knowledge.trimTarget(input: 300_000, counted: 150_000, threshold: 100_000) == 200_000)
        // Under the line there is nothing to trim.
        #expect(Knowledge.trimTarget(input: 50_000, counted: 65_000, threshold: 100_000) == nil)
        #expect(Knowledge.trimTarget(input: 0, counted: 0, threshold: 100_000) == nil)
    }

    @Test func trimTargetHoldsForEveryPromptOverTheLine() {
        var rng = SeededRNG(seed: 15)
        for _ in 0..<2_000 {
            let threshold = [100_000.0, 128_000, 200_000, 272_000].randomElement(using: &rng)!
            let ratio = Double.random(in: 0.8...1.6, using: &rng)
            let input = Double.random(in: (threshold / ratio)...(4 * threshold), using: &rng).rounded()
            let counted = input * ratio
            guard let target = Knowledge.trimTarget(input: input, counted: counted, threshold: threshold) else {
                #expect(counted <= threshold)
                continue
            }
            #expect(target * ratio <= threshold, "\(target) × \(ratio) must stay under \(threshold)")
            #expect((target + 100) * ratio > threshold - 100 * ratio, "the target is the largest hundred under the line")
            #expect(target.truncatingRemainder(dividingBy: 100) == 0)
        }
    }

    @Test func ragCaseStatesTheCliffAndTheTrimThatAvoidsIt() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(Self.rag))
        let haiku = try #require(a.costs.first { $0.model == "claude-haiku-5-5" })
        #expect(haiku.rates.band == .long_context)
        #expect(abs(haiku.rates.input_tokens_per_request - 117_000) < 1)
        // The trap is stated in the decision whenever Haiku 5.5 is the primary or the runner-up, or the Haiku the
        // cost ceiling turned down (here: $11,960 at the long-context rates, 17.4 times Command R7B's $687).
        // Here the Haiku lost on its long-context line: the rule read on its count (117,000) took its points.
        let named = [a.decision.recommended, a.decision.runner_up?.model].compactMap { $0 }
        let lostOnItsLine = a.reasons.contains { $0.criterion == "long-context" && $0.effect < 0 && $0.text.contains("as the Haiku counts them") }
        #expect(named.contains("claude-haiku-5-5") || a.primaryModelBasis == .cost_ceiling || lostOnItsLine,
                "Haiku 5.5 is compared in the decision: \(named)")
        // Its trim is the way back, priced on the Haiku, and taken it brings the Haiku back as the recommended model.
        let back = try #require(a.levers.first { $0.kind == .trim_below_cliff && $0.model == "claude-haiku-5-5" })
        let backAnswers = try k.replacing(.avgInputTokens, with: .number(57_600), in: k.answers(Self.rag))
        #expect(back.text.contains("57,600") && Engine(knowledge: k).assess(backAnswers).primaryModel == "claude-haiku-5-5")
        let cliff = try #require(a.decision.traps.first { $0.kind == .long_context_cliff && $0.model == "claude-haiku-5-5" })
        // The trim named leaves room under the line (three quarters of it, levers.near_line_share): 90,000 × 75,000 /
        // 117,000 = 57,692, rounded down to the hundred.
        #expect(cliff.text.contains("100,000") && cliff.text.contains("57,600") && cliff.text.contains("117,000"), "\(cliff.text)")
        #expect(cliff.url == "/guides/long-context-price-cliff")
        // The amount is what the long-context rates add to these prompts: the bill over the line less the same
        // prompts at the standard rates (not less a shorter prompt's bill, which is the trim's saving).
        let standard = k.answers(Self.rag).values.withUnsafeBufferPointer {
            k.standardBandMonthly(model: k.modelIndex["claude-haiku-5-5"]!, $0)
        }
        #expect(abs((cliff.amount_usd ?? 0) - (haiku.monthly_usd - standard)) < 0.01)
        #expect(cliff.text.contains("a month more than the same prompts at its standard rates"), "\(cliff.text)")
        let trimmed = try k.replacing(.avgInputTokens, with: .number(57_600), in: k.answers(Self.rag))
        let under = Engine(knowledge: k).costs(trimmed).first { $0.model == "claude-haiku-5-5" }!
        #expect(under.rates.band == .standard)
        #expect(under.monthly_usd < standard)
        // Trimmed, the prompt is not near the line either: no trap of either kind.
        #expect(!Engine(knowledge: k).assess(trimmed).decision.traps.contains {
            $0.model == "claude-haiku-5-5" && [.long_context_cliff, .long_context_near_line].contains($0.kind) })
        if a.primaryModel == "claude-haiku-5-5" {
            let lever = try #require(a.levers.first)
            #expect(lever.kind == .trim_below_cliff)
            #expect(lever.changes == [LeverChange(answer: .avgInputTokens, to: .number(57_600))])
            #expect(abs(lever.monthly_after - under.monthly_usd) < 0.01)
        }
    }

    /// A trim keeps each request's own text where the system prompt can take the cut: 90,000 tokens of system prompt
    /// before 5,000 of document were "trimmed" to 76,900 tokens that were all system prompt, priced as wholly cached
    /// ($95 a month against $119 with the documents kept). Before a long document a short instruction prompt stays and
    /// the document takes the cut; where neither part can take it alone, both lose the same share. Each lever is
    /// priced as its changes apply.
    @Test func aTrimComesOutOfTheSystemPromptWhereItCan() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        func trim(system: Double, input: Double) throws -> (lever: Lever, answers: Answers) {
            let answers = k.answers(["task_type": "summarization", "monthly_requests": 80_000, "avg_input_tokens": .number(input),
                                     "avg_output_tokens": 1_200, "system_prompt_tokens": .number(system), "latency": "batch",
                                     "as_of": "2026-12-05"])
            let lever = try #require(engine.assess(answers).levers.first { $0.kind == .trim_below_cliff })
            var changed = answers
            for change in lever.changes { changed = try k.replacing(change.answer, with: change.to, in: changed) }
            let after = engine.costs(changed).first { $0.model == lever.model }!
            #expect(abs(after.monthly_usd - lever.monthly_after) < 0.01, "\(lever.text)")
            return (lever, changed)
        }
        let shared = try trim(system: 90_000, input: 95_000)
        #expect(shared.lever.changes == [LeverChange(answer: .avgInputTokens, to: .number(57_600)),
                                         LeverChange(answer: .systemPromptTokens, to: .number(52_600))])
        #expect(shared.lever.text.contains("the cut comes out of the system prompt, 90,000 to 52,600, and each request's own 5,000 stay"),
                "\(shared.lever.text)")
        #expect(shared.lever.text.contains("price line, with room for the requests longer than the average:"), "\(shared.lever.text)")
        // A short instruction prompt before a long document: the document takes the cut, the instructions stay.
        let short = try trim(system: 1_500, input: 110_000)
        #expect(short.lever.changes == [LeverChange(answer: .avgInputTokens, to: .number(57_600))])
        #expect(short.lever.text.contains("the cut comes out of each request's own text, 108,500 to 56,100, and the system prompt's 1,500 stay"),
                "\(short.lever.text)")
        #expect(short.answers.values[AnswerID.systemPromptTokens.rawValue] == 1_500)
        // Neither part can take it alone (only a cut to fit a window goes that far: under a price line the plausible
        // range keeps one part whole): both lose the same share.
        let huge = k.answers(["task_type": "chat", "monthly_requests": 8_000, "avg_input_tokens": 3_000_000,
                              "avg_output_tokens": 1_200, "system_prompt_tokens": 2_000_000, "as_of": "2026-12-05"])
        let fit = try #require(engine.assess(huge).levers.first { $0.kind == .trim_to_fit })
        #expect(fit.changes == [LeverChange(answer: .avgInputTokens, to: .number(834_600)),
                                LeverChange(answer: .systemPromptTokens, to: .number(556_400))])
        #expect(fit.text.contains("every part loses the same share: the system prompt 2,000,000 to 556,400, each request's own text 1,000,000 to 278,200"),
                "\(fit.text)")
        // Without a system prompt the prompt is the one number, and the text says nothing of parts.
        let plain = try #require(engine.assess(k.answers(["task_type": "summarization", "monthly_requests": 80_000,
            "avg_input_tokens": 150_000, "avg_output_tokens": 1_200, "latency": "batch", "as_of": "2026-12-05"]))
            .levers.first { $0.kind == .trim_below_cliff })
        // 150,000 tokens: room under the line (57,600) is further than the plausible range (half the prompt) reaches,
        // so the lever trims to just under it, claims no room for the longer requests, and says that they still
        // cross the line, so that its figure (priced on the average) is the most the cut saves.
        #expect(plain.changes == [LeverChange(answer: .avgInputTokens, to: .number(76_900))])
        #expect(plain.text.contains("(as Claude Haiku 4.5 counts them) to stay under"), "\(plain.text)")
        #expect(plain.text.contains("100,000-token price line on average only (the requests longer than the average still "
                                    + "cross it and pay its long-context rates, so this is the most the cut saves): "), "\(plain.text)")
        #expect(!plain.text.contains("with room"))
    }

    /// The 1-hour cache trap counts its writes in words that agree with the number: at 50,000 requests a month the
    /// hour stays warm (one write), at 1,000 it lapses between requests (hundreds).
    @Test func theOneHourCacheTrapSaysWriteOrWritesByItsCount() throws {
        let k = Fixture.real
        for (requests, words) in [(50_000.0, "about 1 prefix write a month"), (1_000.0, " prefix writes a month")] {
            let answers: [String: AnswerValue] = [
                "task_type": "autonomous_coding", "monthly_requests": .number(requests), "avg_input_tokens": 200_000,
                "avg_output_tokens": 3_000, "cached_input_share": 0.9, "as_of": "2026-12-03"]
            let a = Engine(knowledge: k).assess(k.answers(answers))
            let trap = try #require(a.decision.traps.first { $0.kind == .cache_1h }, "\(requests): \(a.decision.traps.map(\.kind))")
            #expect(trap.text.contains(words), "\(trap.text)")
            #expect(!trap.text.contains("1 prefix writes") && !trap.text.contains("{"), "\(trap.text)")
        }
    }

    /// Where answers must be fast, a model that can stop thinking is offered thinking off, not one level down:
    /// its reasoning tokens come before the first word of the answer. Elsewhere the step down stays one level.
    @Test func fastWorkloadsAreOfferedThinkingOffWhereTheModelAllowsIt() throws {
        let k = Fixture.real
        func assess(_ extra: [String: AnswerValue], task: String = "code_completion") -> Assessment {
            var answers: [String: AnswerValue] = [
                "task_type": .text(task), "monthly_requests": 20_000_000, "avg_input_tokens": 1_500,
                "avg_output_tokens": 40, "reasoning_effort": "medium", "as_of": "2026-12-03"]
            answers.merge(extra) { $1 }
            return Engine(knowledge: k).assess(k.answers(answers))
        }
        for (extra, need) in [(["latency": "realtime", "latency_budget_s": 0.3] as [String: AnswerValue], "a 0.3 s budget"),
                              (["latency": "realtime"], "realtime answers"),
                              (["latency": "interactive", "latency_budget_s": 2], "a 2 s budget")] {
            let a = assess(extra)
            #expect(a.primaryModel == "claude-haiku-5-5", "\(extra)")
            let lever = try #require(a.levers.first { $0.kind == .thinking_off }, "\(extra): \(a.levers.map(\.kind))")
            #expect(lever.changes == [LeverChange(answer: .reasoningEffort, to: .text("none"))])
            #expect(lever.text.contains(need) && lever.text.contains("1,200 reasoning tokens"), "\(lever.text)")
            #expect(!a.levers.contains { $0.kind == .lower_effort }, "thinking off replaces the one-level step")
            // Priced as the cost table prices Haiku 5.5 with thinking off.
            let priced = try Self.line("claude-haiku-5-5", effort: "none", [
                "task_type": "code_completion", "monthly_requests": 20_000_000, "avg_input_tokens": 1_500,
                "avg_output_tokens": 40, "as_of": "2026-12-03"].merging(extra) { $1 })
            #expect(priced.rates.reasoning_tokens_per_request == 0)
            #expect(abs(lever.monthly_after - priced.monthly_usd) < 0.01)
        }
        // Interactive, no budget: one level down, as before; already off: nothing to switch off.
        try Self.expectOneLevelWithoutHurry({ assess($0) }, fast: .thinking_off, to: "low", lowest: "none")
    }

    /// Without a need for speed the step down is one level (`to`), not the `fast` lever; at the `lowest` level the
    /// `fast` lever has nothing to offer even for realtime work.
    static func expectOneLevelWithoutHurry(_ assess: ([String: AnswerValue]) -> Assessment, fast: LeverKind,
                                           to: String, lowest: String) throws {
        let interactive = assess(["latency": "interactive"])
        #expect(!interactive.levers.contains { $0.kind == fast })
        let lower = try #require(interactive.levers.first { $0.kind == .lower_effort }, "\(interactive.levers.map(\.kind))")
        #expect(lower.changes == [LeverChange(answer: .reasoningEffort, to: .text(to))])
        #expect(!assess(["latency": "realtime", "reasoning_effort": .text(lowest)]).levers.contains { $0.kind == fast })
    }

    /// A budget is a reason to think less only where the thinking weighs on it: 30,000-token reports with 600 s
    /// each were told to switch GPT-6 Luna's thinking off "for a 600 s budget" to save 4 % of the month; its 1,200
    /// reasoning tokens take about 12 s at the typical 97 tokens a second, against the ~310 s of the report. A budget
    /// of which the thinking takes a quarter or more (engine.thinking_budget_share) still gets the lever; and where it
    /// does, no level above is offered, since more thinking comes first too.
    @Test func onlyABudgetTheThinkingWeighsOnIsAReasonToThinkLess() throws {
        let k = Fixture.real
        #expect(k.typicalOutput == 97 && k.thinkingBudgetShare == 0.25)
        func assess(_ budget: Double, complex: Double = 0.05, effort: String = "default") -> Assessment {
            Engine(knowledge: k).assess(k.answers([
                "task_type": "other", "monthly_requests": 50_000, "avg_input_tokens": 1_000, "avg_output_tokens": 30_000,
                "latency": "batch", "latency_budget_s": .number(budget), "complex_share": .number(complex),
                "reasoning_effort": .text(effort), "as_of": "2026-12-04"]))
        }
        let long = assess(600)
        let kinds = long.levers.map(\.kind)
        #expect(!kinds.contains(.thinking_off) && !kinds.contains(.least_thinking), "\(kinds)")
        // The step down is then a saving, weighed as one: under 5 % of the month here, so not offered at all.
        let primary = try #require(long.costs.first { $0.model == long.primaryModel })
        #expect(primary.rates.reasoning_tokens_per_request > 0)
        #expect(!kinds.contains(.lower_effort), "\(kinds)")
        // 1,200 tokens at medium, ~12.4 s, are a quarter of a 40 s budget, not of 60 s.
        // At 30 % complex and medium effort the primary is Sonnet 5.5, which has a level above medium.
        let tight = assess(40, complex: 0.3, effort: "medium")
        let off = try #require(tight.levers.first { $0.kind == .thinking_off || $0.kind == .least_thinking },
                               "\(tight.levers.map(\.kind))")
        #expect(off.text.contains("a 40 s budget"), "\(off.text)")
        #expect(!assess(60, complex: 0.3, effort: "medium").levers.contains { $0.kind == .least_thinking })
        #expect(!tight.levers.contains { $0.kind == .raise_effort }, "\(tight.levers.map(\.kind))")
        // The same 30 % complex share without the tight budget is offered more effort for a margin.
        #expect(tight.primaryModel == "claude-sonnet-5-5")
        #expect(assess(600, complex: 0.3, effort: "medium").levers.contains { $0.kind == .raise_effort })
    }

    /// `model`'s cost line for `answers` at reasoning effort `effort`, as the cost table prices it.
    static func line(_ model: String, effort: String, _ answers: [String: AnswerValue]) throws -> CostLine {
        let k = Fixture.real
        let changed = try k.replacing(.reasoningEffort, with: .text(effort), in: k.answers(answers))
        return try #require(Engine(knowledge: k).costs(changed).first { $0.model == model })
    }

    /// Where answers must be fast and the model cannot switch thinking off (Sonnet 5.5: low, medium, high), the
    /// lever goes to its lowest level, not one step down, and says what is still written before the answer.
    @Test func fastWorkloadsOnAModelThatAlwaysThinksAreOfferedItsLowestLevel() throws {
        let k = Fixture.real
        func assess(_ extra: [String: AnswerValue]) -> Assessment {
            var answers: [String: AnswerValue] = [
                "task_type": "code_completion", "monthly_requests": 2_000_000, "avg_input_tokens": 3_000,
                "avg_output_tokens": 150, "complex_share": 0.55, "reasoning_effort": "high", "as_of": "2026-12-03"]
            answers.merge(extra) { $1 }
            return Engine(knowledge: k).assess(k.answers(answers))
        }
        for (extra, need) in [(["latency": "realtime"] as [String: AnswerValue], "realtime answers"),
                              (["latency": "interactive", "latency_budget_s": 1.5], "a 1.5 s budget")] {
            let a = assess(extra)
            #expect(a.primaryModel == "claude-sonnet-5-5", "\(extra)")
            let lever = try #require(a.levers.first { $0.kind == .least_thinking }, "\(extra): \(a.levers.map(\.kind))")
            #expect(lever.changes == [LeverChange(answer: .reasoningEffort, to: .text("low"))])
            #expect(lever.text.contains("to low") && lever.text.contains(need)
                    && lever.text.contains("at high effort it writes about 3,000") && lever.text.contains("at low about 300"),
                    "\(lever.text)")
            #expect(!a.levers.contains { $0.kind == .lower_effort || $0.kind == .thinking_off })
            // Priced as the cost table prices Sonnet 5.5 at low effort.
            let priced = try Self.line("claude-sonnet-5-5", effort: "low", [
                "task_type": "code_completion", "monthly_requests": 2_000_000, "avg_input_tokens": 3_000,
                "avg_output_tokens": 150, "complex_share": 0.55, "reasoning_effort": "high", "as_of": "2026-12-03"].merging(extra) { $1 })
            #expect(abs(lever.monthly_after - priced.monthly_usd) < 0.01)
        }
        // No hurry and 55 % complex requests: the hard half needs its reasoning, so effort is not lowered across the
        // board (more is offered instead where a level is left); already at the lowest: nothing to offer.
        let interactive = assess(["latency": "interactive"])
        #expect(!interactive.levers.contains { $0.kind == .least_thinking || $0.kind == .lower_effort },
                "\(interactive.levers.map(\.kind))")
        #expect(!assess(["latency": "realtime", "reasoning_effort": "low"]).levers.contains { $0.kind == .least_thinking })
    }

    /// "What would change" does not point at the near-line trap: 95,000-token extractions (123,500 on Haiku 5.5's count)
    /// flip to Haiku at 76,923, which is 99,999.9 on its count, on the line its longer requests cross; the roomy
    /// length the trim lever offers, 57,600 (75,000 on its count), flips it too and is offered instead.
    @Test func aShorterPromptThatFlipsTheVerdictLeavesRoomUnderTheLine() throws {
        let k = Fixture.real
        let given: [String: AnswerValue] = ["task_type": "extraction", "monthly_requests": 200_000, "avg_input_tokens": 95_000,
                                            "avg_output_tokens": 500, "as_of": "2026-12-06"]
        let a = Engine(knowledge: k).assess(k.answers(given))
        #expect(a.verdict != .chooseHaiku)
        let change = try #require(a.whatWouldChange.first { $0.answer == .avgInputTokens })
        #expect(change.to == .number(57_600) && change.verdict == .chooseHaiku, "\(change)")
        let there = Engine(knowledge: k).assess(k.answers(given.merging(["avg_input_tokens": 57_600]) { $1 }))
        #expect(there.verdict == .chooseHaiku)
        #expect(!there.decision.traps.contains { $0.kind == .long_context_near_line }, "\(there.decision.traps.map(\.kind))")
        // On the line itself the verdict flips too, with the trap: the change that is offered is not that one.
        let onTheLine = Engine(knowledge: k).assess(k.answers(given.merging(["avg_input_tokens": 76_923]) { $1 }))
        #expect(onTheLine.verdict == .chooseHaiku && onTheLine.decision.traps.contains { $0.kind == .long_context_near_line })
    }

    /// An average just under a whole-request price line hides the requests above it: 99,000-token extractions on Haiku
    /// 5.5 (counted with its own tokenizer) were priced as if none crossed its 100,000-token line, with a warning
    /// that spoke of "77,000 tokens as counted on Haiku 4.5". It is now a cost trap in the model's own count, priced
    /// as a month of prompts just over the line; an average under three quarters of it (levers.near_line_share), or
    /// over it (the cliff), is not this trap; and a model without such a line (Sonnet 5.5) is not warned of one.
    @Test func anAverageJustUnderAPriceLineIsATrap() throws {
        let k = Fixture.real
        #expect(k.leverRules?.nearLineShare == 0.75)
        func assess(_ input: Double, _ extra: [String: AnswerValue] = [:]) -> Assessment {
            Engine(knowledge: k).assess(k.answers([
                "task_type": "extraction", "monthly_requests": 1_000_000, "avg_input_tokens": .number(input),
                "avg_output_tokens": 500, "tokens_counted_with": "claude-haiku-5-5", "as_of": "2026-12-04"].merging(extra) { $1 }))
        }
        let near = assess(99_000)
        #expect(near.primaryModel == "claude-haiku-5-5")
        let trap = try #require(near.decision.traps.first { $0.kind == .long_context_near_line && $0.model == "claude-haiku-5-5" })
        #expect(trap.text.hasPrefix("Claude Haiku 5.5 bills the whole request at its long-context rates above 100,000 prompt "
                                    + "tokens, and the average prompt is 99,000 tokens on its count, 99 % of the way"), "\(trap.text)")
        // A month just over the line: every token at $0.50 / $2.50 instead of $0.10 / $0.50.
        let amount = try #require(trap.amount_usd)
        #expect(amount > 4 * near.decision.monthly_usd, "\(amount) against \(near.decision.monthly_usd)")
        #expect(!near.warnings.contains { $0.text.contains("as counted on Haiku 4.5 already cross") })
        #expect(!assess(70_000).decision.traps.contains { $0.kind == .long_context_near_line })
        let over = assess(110_000)
        #expect(!over.decision.traps.contains { $0.kind == .long_context_near_line && $0.model == over.primaryModel })
        // 150,000-token strict extractions with quality first go to Sonnet 5.5, one flat price to 1M: no line to warn of.
        let strict = assess(150_000, ["accuracy": "first_time_right", "review_capacity": "none", "cost_priority": "secondary",
                                      "tokens_counted_with": "claude-haiku-4-5"])
        #expect(strict.primaryModel == "claude-sonnet-5-5")
        #expect(!strict.warnings.contains { $0.text.contains("100,000-token line") }, "\(strict.warnings.map(\.text))")
    }

    /// One level down from low is none: the lever says what that does.
    @Test func aStepDownToNoneSaysThinkingOff() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(["task_type": "other", "reasoning_effort": "low", "as_of": "2026-12-04"]))
        let lower = try #require(a.levers.first { $0.kind == .lower_effort })
        #expect(lower.text.hasPrefix("Lower Claude Haiku 5.5's reasoning effort to none (thinking off): "), "\(lower.text)")
        #expect(lower.changes == [LeverChange(answer: .reasoningEffort, to: .text("none"))])
    }

    /// Routing the complex share sends it to the escalation model after the Haiku: not a lever where that model
    /// cannot answer within the budget at any setting. 20M voice turns with 0.35 s each were offered Sonnet 5.5 for
    /// their complex 5 %, a model that thinks for at least 0.75 s first.
    @Test func noRouteToAModelThatCannotMeetTheBudget() throws {
        let k = Fixture.real
        func route(_ budget: Double) -> Lever? {
            Engine(knowledge: k).assess(k.answers([
                "task_type": "chat", "monthly_requests": 20_000_000, "avg_input_tokens": 3_000, "avg_output_tokens": 60,
                "system_prompt_tokens": 2_500, "latency": "realtime", "latency_budget_s": .number(budget),
                "as_of": "2026-12-04"])).levers.first { $0.kind == .route_complex }
        }
        #expect(route(0.35) == nil)
        let roomy = try #require(route(5))
        #expect(roomy.text.contains("to Claude Sonnet 5.5"), "\(roomy.text)")
    }

    /// More thinking is not offered where it would weigh on the latency: Mistral Small (thinking off by default,
    /// one level above: high, about 3,000 reasoning tokens) stood in for Sonnet 5.5 on 200M strict moderations due
    /// within 0.6 s, and was told to "raise its reasoning effort to high for a margin on hard requests", seconds of
    /// thinking before each answer. For batch work, where nobody waits on the answer, the margin is offered.
    @Test func noMoreThinkingWhereItWouldWeighOnTheLatency() throws {
        let k = Fixture.real
        func raise(_ extra: [String: AnswerValue]) -> (primary: String, lever: Lever?) {
            var given: [String: AnswerValue] = [
                "task_type": "moderation", "monthly_requests": 200_000_000, "avg_input_tokens": 150, "avg_output_tokens": 2,
                "fallback_ready": true, "as_of": "2026-12-04"]
            given.merge(extra) { $1 }
            let a = Engine(knowledge: k).assess(k.answers(given))
            return (a.primaryModel, a.levers.first { $0.kind == .raise_effort })
        }
        let strict: [String: AnswerValue] = ["accuracy": "first_time_right", "review_capacity": "none"]
        let timed = raise(strict.merging(["latency": "realtime", "latency_budget_s": 0.6]) { $1 })
        // Left at the default effort, a model that thinks by default now runs with its least thinking here, and may be
        // the primary instead (GPT-6 Luna with thinking off); whichever it is, no more thinking is offered.
        #expect(timed.lever == nil, "\(timed)")
        // Cost first, a sixth of the moderations hard: the margin only for batch work.
        let hard: [String: AnswerValue] = ["cost_priority": "primary", "complex_share": 0.15]
        for latency: AnswerValue in ["realtime", "interactive"] {
            let live = raise(hard.merging(["latency": latency, "latency_budget_s": 0.6]) { $1 })
            #expect(live.lever == nil, "\(latency): \(live)")
        }
        #expect(raise(hard.merging(["latency": "realtime"]) { $1 }).lever == nil)
        let unhurried = raise(hard.merging(["latency": "batch"]) { $1 })
        // Cost first prices GPT-6 Luna with thinking off, its least (criteria/reasoning-effort): the margin is a level up.
        #expect(unhurried.primary == "gpt-6-luna", "\(unhurried)")
        let margin = try #require(unhurried.lever)
        #expect(margin.text.hasPrefix("Raise GPT-6 Luna's reasoning effort to low"), "\(margin.text)")
    }

    /// The cache lever is a what-if about the prompts ("if 40 % of each prompt is a stable prefix"), so it is not
    /// offered to a team that said none of its prompt is stable (a cacheable share of 0 given); left unanswered, it
    /// is. (A share given above 0 is priced as cached already, and the lever is for prompts with nothing cached.)
    @Test func theCacheLeverRespectsAnAnswerOfNothingStable() throws {
        let k = Fixture.real
        func cacheLever(_ extra: [String: AnswerValue]) -> Lever? {
            Engine(knowledge: k).assess(k.answers([
                "task_type": "extraction", "monthly_requests": 800_000, "avg_input_tokens": 2_500, "avg_output_tokens": 400,
                "as_of": "2026-12-04"].merging(extra) { $1 })).levers.first { $0.kind == .cache_prefix }
        }
        let assumed = try #require(cacheLever([:]))
        #expect(assumed.text.hasPrefix("If 40 % of each prompt is a stable prefix"), "\(assumed.text)")
        #expect(cacheLever(["cached_input_share": 0]) == nil)
    }

    /// A trap is stated only when it is worth at least a cent a month: one 50K-token summary a month costs Haiku 5.5
    /// less than a cent more for its tokenizer, and Sonnet 5.5 a few cents.
    @Test func aTrapWorthLessThanACentIsNotStated() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers([
            "task_type": "summarization", "monthly_requests": 1, "avg_input_tokens": 50_000, "avg_output_tokens": 2_000,
            "as_of": "2026-12-03"]))
        let named = Set([a.decision.recommended, a.decision.runner_up?.model].compactMap { $0 })
        #expect(named.contains("claude-haiku-5-5"), "the case needs Haiku 5.5 in the decision: \(named)")
        for trap in a.decision.traps {
            if let amount = trap.amount_usd { #expect(amount >= 0.005, "\(trap.text)") }
            #expect(!trap.text.contains("$0.00 "), "\(trap.text)")
        }
        #expect(!a.decision.traps.contains { $0.kind == .tokenizer_ratio && $0.model == "claude-haiku-5-5" })
        // Sonnet 5.5 named (10 % complex, cost secondary: routing does not pay for one request): its few cents are said.
        let sonnet = Engine(knowledge: k).assess(k.answers([
            "task_type": "summarization", "monthly_requests": 1, "avg_input_tokens": 50_000, "avg_output_tokens": 2_000,
            "complex_share": 0.1, "cost_priority": "secondary", "as_of": "2026-12-03"]))
        #expect(sonnet.primaryModel == "claude-sonnet-5-5")
        #expect(sonnet.decision.traps.contains { $0.kind == .tokenizer_ratio && $0.model == "claude-sonnet-5-5" })
    }

    /// A runner-up that costs the same to the cent did not lose on price: it says so instead of "$0.00 more".
    @Test func aRunnerUpTiedToTheCentSaysEitherWillDo() throws {
        let k = Fixture.real
        // 100 summaries a month, cost first: GPT-6 Luna at $0.02, gpt-oss-20b at $0.0225.
        let a = Engine(knowledge: k).assess(k.answers([
            "task_type": "summarization", "monthly_requests": 100, "cost_priority": "primary", "as_of": "2026-12-03"]))
        let runner = try #require(a.decision.runner_up)
        #expect(abs(runner.monthly_usd - a.decision.monthly_usd) < 0.005, "the case needs a tie: \(runner)")
        #expect(runner.reason == "it costs the same to the cent for the same fit, so either will do")
    }

    /// Cost first does not build on a legacy model to save a fraction of a cent: 100 requests a month of the default
    /// task, where DeepSeek V4 Flash (legacy) costs $0.0196 and GPT-6 Luna $0.02. At a tie to the cent the current
    /// model comes first, as at an exact tie.
    @Test func costFirstTiesToTheCentGoToTheCurrentModel() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(["monthly_requests": 100, "cost_priority": "primary", "as_of": "2026-12-03"]))
        let costs = Dictionary(uniqueKeysWithValues: a.costs.map { ($0.model, $0.monthly_usd) })
        let legacy = try #require(costs["deepseek-v4-flash"]), luna = try #require(costs["gpt-6-luna"])
        #expect(legacy < luna && luna - legacy < 0.005, "the case needs a tie to the cent: \(legacy) \(luna)")
        #expect(a.primaryModel == "gpt-6-luna" && a.primaryModelBasis == .cheapest_fit, "\(a.primaryModel)")
    }

    // MARK: - Plausible ranges

    @Test func rangesComeFromContentAndStayInsideTheQuestion() throws {
        let k = Fixture.real
        let rules = try #require(k.leverRules)
        #expect(k.plausibleRange(.monthlyRequests, around: 3_000_000) == 1_000_000...9_000_000)
        #expect(k.plausibleRange(.avgInputTokens, around: 1_500) == 750...3_000)
        // Shares move by a spread and stay within 0..1.
        #expect(k.plausibleRange(.cachedInputShare, around: 0.1) == 0...0.5)
        #expect(k.plausibleRange(.cachedInputShare, around: 0.9) == 0.5...1)
        // An answer without a range is not moved.
        #expect(rules.ranges[AnswerID.asOf.rawValue] == nil)
        // Ordered choices move one step; categories not at all.
        #expect(k.plausibleChoice(.latency, from: 1, to: 2))
        #expect(!k.plausibleChoice(.latency, from: 0, to: 2))
        #expect(!k.plausibleChoice(.taskType, from: 0, to: 1))
    }

    @Test(arguments: [
        ("monthly_requests", AnswerRange(factor: 1), "must be a number above 1"),
        ("avg_input_tokens", AnswerRange(spread: 0.2), "a spread is for shares"),
        ("cached_input_share", AnswerRange(factor: 2, spread: 0.2), "exactly one of"),
        ("task_type", AnswerRange(factor: 2), "is not a numeric answer"),
        ("no_such_answer", AnswerRange(factor: 2), "is not a numeric answer"),
    ])
    func badRangesAreRefusedWithTheirField(name: String, range: AnswerRange, message: String) throws {
        var file = try Fixture.file()
        file.settings.levers!.ranges[name] = range
        #expect {
            _ = try Fixture.knowledge(file)
        } throws: { error in
            let e = error as! KnowledgeError
            return e.field == "engine.levers.ranges.\(name)" || e.field.hasPrefix("engine.levers.ranges.\(name).")
                ? e.message.contains(message) : false
        }
    }

    @Test func leverAndTrapWordsAreChecked() throws {
        var file = try Fixture.file()
        file.settings.levers!.levers[.batch] = LinkedText(url: "/criteria/latency-need", text: "{model} at {nonsense}")
        #expect(throws: KnowledgeError.self) { _ = try Fixture.knowledge(file) }
        file = try Fixture.file()
        file.settings.levers!.traps.removeValue(forKey: .cache_1h)
        #expect(throws: KnowledgeError.self) { _ = try Fixture.knowledge(file) }
        file = try Fixture.file()
        file.settings.levers!.traps[.cache_1h]!.url = "https://example.com"
        #expect(throws: KnowledgeError.self) { _ = try Fixture.knowledge(file) }
    }

    /// The batch lever names the task types a team can queue (content): extraction whose latency was not given is
    /// offered it, code completion and chat are not; nor is extraction the team said is interactive (a person waits
    /// a few seconds for each answer: waiting a day is not a lever). A lever's task list is checked; a trap takes none.
    @Test func theBatchLeverIsForWorkThatCanBeQueued() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        func kinds(_ task: String, latency: AnswerValue? = nil, budget: AnswerValue? = nil) -> [LeverKind] {
            var given: [String: AnswerValue] = ["task_type": .text(task), "monthly_requests": 3_000_000,
                                                "avg_input_tokens": 6_000, "avg_output_tokens": 800]
            given["latency"] = latency
            given["latency_budget_s"] = budget
            return engine.assess(k.answers(given)).levers.map(\.kind)
        }
        #expect(kinds("extraction").contains(.batch))
        #expect(!kinds("extraction", latency: "interactive").contains(.batch))
        // A stated budget, 600 s at most, is not "answers within a day" (criteria/_index.md, the lever's `when`).
        #expect(!kinds("extraction", budget: 5).contains(.batch) && !kinds("summarization", budget: 600).contains(.batch))
        #expect(!kinds("code_completion").contains(.batch) && !kinds("chat").contains(.batch))

        var file = try Fixture.file()
        file.settings.levers!.levers[.batch]!.tasks = ["extraction", "essays"]
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("'essays' is not a task type") }
        file = try Fixture.file()
        file.settings.levers!.levers[.batch]!.tasks = []
        #expect(throws: KnowledgeError.self) { _ = try Fixture.knowledge(file) }
        file = try Fixture.file()
        file.settings.levers!.traps[.cache_1h]!.tasks = ["chat"]
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("only levers take task types") }
    }

    // MARK: - Levers and flips on many workloads

    /// A lever that takes the verdict out of a plan and onto another model names it, with its weaker fit: batch took
    /// 64,000 summaries of 85,000 tokens from a Haiku plan to gpt-oss-20b ('good' where the Haiku is 'strong'), said
    /// as "sends no request on to Claude Sonnet 5.5: $240 a month in all", beside the Haiku's own $2,124.
    @Test func aLeverOntoAWeakerModelNamesItAndItsFit() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(["task_type": "summarization", "monthly_requests": 64_000,
                                                       "avg_input_tokens": 85_000, "avg_output_tokens": 2_500,
                                                       "tokens_counted_with": "gpt-6-luna", "as_of": "2026-12-06",
                                                       // Tolerant, so that the plan stands without the summaries' +12,
                                                       // which stops at 50,000-token prompts.
                                                       "accuracy": "tolerant"]))
        #expect(a.verdict == .tieredRouting)
        let batch = try #require(a.levers.first { $0.kind == .batch })
        #expect(batch.text.contains("The verdict then sends no request on to Claude Sonnet 5.5 and recommends gpt-oss-20b "
                                    + "(hosted on Groq), which fits summarization only 'good' where Claude Haiku 5.5 fits it 'strong': "),
                "\(batch.text)")
    }

    @Test func leversStayInRangeAndReproduceWhenApplied() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        var rng = SeededRNG(seed: 16)
        var seen = Set<LeverKind>()
        for _ in 0..<300 {
            let answers = RandomAnswers.make(k, &rng)
            let a = engine.assess(answers)
            #expect(a.decision.top_lever == a.levers.first)
            #expect(a.levers.map(\.rankedDifference) == a.levers.map(\.rankedDifference).sorted(), "ranked: savings first")
            for lever in a.levers {
                seen.insert(lever.kind)
                // Priced on the primary; where the Haiku lost on its own price line (the cost ceiling, or the
                // long-context rule read on its count), the Haiku's trim is priced on the Haiku.
                let lostOnItsLine = a.primaryModelBasis == .cost_ceiling
                    || a.reasons.contains { $0.criterion == "long-context" && $0.effect < 0 && $0.text.contains("as the Haiku counts them") }
                #expect(lever.model == a.primaryModel || (lostOnItsLine
                    && lever.model == a.haikuModel && lever.kind == .trim_below_cliff), "\(lever.kind) on \(lever.model)")
                var changed = answers
                for change in lever.changes {
                    let now = answers.values[change.answer.rawValue]
                    let to = try #require(Knowledge.encode(change.to, for: change.answer, models: k.modelSlugs))
                    if change.answer == .reasoningEffort {
                        // One level along the levels the model's API accepts.
                        let m = k.modelIndex[lever.model]!
                        let levels = k.compiledModels[m].reasoning!.levels.sorted()
                        let line = a.costs.first { $0.model == lever.model }!
                        let from = levels.firstIndex(of: line.rates.reasoning_effort!)!
                        let target = levels.firstIndex(of: Effort(rawValue: AnswerID.reasoningEffort.choices[Int(to)])!)!
                        if lever.kind == .thinking_off {
                            // Thinking off: the lowest level, for a workload that must answer fast.
                            #expect(target == 0 && levels[0] == .none && target < from)
                            #expect(answers.values[AnswerID.latencyBudgetSeconds.rawValue] > 0
                                    || AnswerID.latency.choices[Int(answers.values[AnswerID.latency.rawValue])] == "realtime")
                        } else if lever.kind == .least_thinking {
                            // No level without thinking: the lowest there is, for a workload that must answer fast.
                            #expect(target == 0 && levels[0] != .none && target < from)
                            #expect(answers.values[AnswerID.latencyBudgetSeconds.rawValue] > 0
                                    || AnswerID.latency.choices[Int(answers.values[AnswerID.latency.rawValue])] == "realtime")
                        } else if lever.kind == .lower_effort,
                                  AnswerID.accuracy.choices[Int(answers.values[AnswerID.accuracy.rawValue])] == "tolerant"
                                    || ["classification", "moderation"].contains(
                                        AnswerID.taskType.choices[Int(answers.values[AnswerID.taskType.rawValue])])
                                    && answers.values[AnswerID.complexShare.rawValue] <= 0.2
                                    && AnswerID.costPriority.choices[Int(answers.values[AnswerID.costPriority.rawValue])] != "secondary" {
                            // A team that accepts an occasional miss, or a label: the least level (lower_effort.to_least_when).
                            #expect(target == 0 && target < from, "lower_effort for a tolerant team or a label: the least level")
                        } else {
                            #expect(abs(target - from) == 1, "\(lever.kind): one level")
                        }
                    } else if change.answer == .routing {
                        // The routing plan: only the route levers set it, and only from auto.
                        #expect([.route_complex, .route_simple].contains(lever.kind) && now == 0 && change.to == "tiered")
                    } else if change.answer.kind == .choice {
                        #expect(k.plausibleChoice(change.answer, from: now, to: to))
                    } else if lever.kind == .trim_to_fit {
                        // The cut that makes a request no model holds fit, however far that is: it is the only lever.
                        #expect(a.primaryModelBasis == .nothing_fits && to < now,
                                "\(answers.queryString) \(a.costs.map { "\($0.model) \($0.fits) \($0.within_headroom)" })")
                        #expect(a.levers.count == 1)
                    } else if change.answer == .systemPromptTokens {
                        // A trim's share of the system prompt (`trim(to:)`): shorter, within the prompt it is part of.
                        #expect([.trim_below_cliff, .trim_to_fit].contains(lever.kind) && to < now)
                        #expect(lever.changes.contains { $0.answer == .avgInputTokens
                            && (Knowledge.encode($0.to, for: .avgInputTokens, models: k.modelSlugs) ?? -1) >= to })
                    } else {
                        #expect(k.plausibleRange(change.answer, around: now)?.contains(to) == true,
                                "\(lever.kind): \(change.answer.name) \(now) → \(to)")
                    }
                    changed = try k.replacing(change.answer, with: change.to, in: changed)
                }
                #expect(!lever.changes.isEmpty, "\(lever.kind): every lever applies with one click")
                if lever.kind == .route_complex || lever.kind == .route_simple {
                    // Priced at the combined bill the routed verdict shows.
                    let routed = engine.assess(changed)
                    #expect(routed.verdict == .tieredRouting && lever.verdict == .tieredRouting)
                    #expect(abs((routed.decision.combined?.monthly_usd ?? -1) - lever.monthly_after) < 0.01,
                            "\(lever.kind) is priced as the routed verdict's combined cost")
                    continue
                }
                let after = engine.costs(changed).first { $0.model == lever.model }!
                #expect(abs(after.monthly_usd - lever.monthly_after) < 0.01, "\(lever.kind) is priced as applied")
                #expect(engine.verdict(changed).verdict == lever.verdict)
            }
        }
        #expect(seen.isSuperset(of: [.trim_below_cliff, .cache_prefix, .batch, .route_complex]), "levers found: \(seen)")
    }

    @Test func flipsStayWithinThePlausibleRange() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        var rng = SeededRNG(seed: 17)
        for _ in 0..<200 {
            let answers = RandomAnswers.make(k, &rng)
            for change in engine.assess(answers).whatWouldChange {
                let now = answers.values[change.answer.rawValue]
                let to = try #require(Knowledge.encode(change.to, for: change.answer, models: k.modelSlugs))
                #expect(change.answer != .taskType, "a task type is not a what-if")
                if change.answer.kind == .integer || change.answer.kind == .number {
                    #expect(k.plausibleRange(change.answer, around: now)?.contains(to) == true,
                            "\(change.answer.name): \(now) → \(to)")
                }
            }
        }
    }

    /// Issue 15's classifier: a 1,500-token prompt must not be "780,000 tokens" from a flip.
    @Test func noAbsurdFlips() {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers([
            "task_type": "classification", "monthly_requests": 3_000_000, "avg_input_tokens": 1_500,
            "avg_output_tokens": 20, "latency": "interactive", "review_capacity": "sampled", "fallback_ready": true]))
        for change in a.whatWouldChange {
            if change.answer == .avgInputTokens, case .number(let to) = change.to { #expect(to <= 3_000) }
            if change.answer == .avgOutputTokens, case .number(let to) = change.to { #expect(to <= 40) }
        }
    }

    /// Issue 15's classifier with a tenth of its requests hard: the route lever carries `routing = tiered`, is
    /// priced at the combined bill, and applying it gives the tiered verdict with the escalation model.
    @Test func routeComplexAppliesWithOneClick() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        let answers = k.answers(RoutingPlanTests.classifier)
        let a = engine.assess(answers)
        #expect(a.verdict == .chooseHaiku)
        let lever = try #require(a.levers.first { $0.kind == .route_complex })
        #expect(lever.changes == [LeverChange(answer: .routing, to: "tiered")])
        #expect(lever.verdict == .tieredRouting && lever.model == "claude-haiku-5-5")
        let haiku = a.costs.first { $0.model == "claude-haiku-5-5" }!.monthly_usd
        let sonnet = a.costs.first { $0.model == "claude-sonnet-5-5" }!.monthly_usd
        #expect(abs(lever.monthly_after - (haiku + 0.1 * sonnet)) < 0.01)
        #expect(lever.text.contains("Route the complex 10 % of requests to Claude Sonnet 5.5"))
        // The router's own cost, as routing_payback counts it: (build + 12 × upkeep) hours at the developer rate.
        let payback = try #require(k.policies.first { $0.kind == .routing_payback })
        let rate = answers.values[AnswerID.developerHourlyUSD.rawValue]
        let firstYear = Format.money((payback.buildHours + 12 * payback.upkeepHoursPerMonth) * rate)
        #expect(lever.text.contains("plus the router: about \(Format.number(payback.buildHours)) hours to build")
                && lever.text.contains("\(firstYear) in its first year at an assumed $100 an hour (give your developer rate to use yours)"),
                "\(lever.text)")
        // A rate the team gave is theirs.
        let given = engine.assess(try k.replacing(.developerHourlyUSD, with: .number(150), in: answers))
        #expect(given.levers.first { $0.kind == .route_complex }?.text.contains("in its first year at your developer rate") == true)
        let routed = engine.assess(try k.replacing(.routing, with: "tiered", in: answers))
        #expect(routed.verdict == .tieredRouting && routed.primaryModel == "claude-haiku-5-5")
        #expect(routed.alternatives.first == "claude-sonnet-5-5")
        #expect(routed.decision.combined?.monthly_usd == lever.monthly_after)
        #expect(!routed.levers.contains { $0.kind == .route_complex }, "not offered once routing is tiered")
    }

    /// Forced tool calls rule Claude Sonnet 5.5 out, so the route lever escalates to Claude Sonnet 4.6: it says that
    /// model is legacy and why its successor is not offered, as every other place that names a legacy model does.
    @Test func theRouteLeverSaysItsEscalationModelIsLegacy() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers([
            "task_type": "moderation", "monthly_requests": 50_000_000, "avg_input_tokens": 400, "avg_output_tokens": 5,
            "complex_share": 0.3, "tool_choice": "forced", "as_of": "2026-12-05"]))
        let lever = try #require(a.levers.first { $0.kind == .route_complex })
        #expect(lever.text.hasPrefix("Route the complex 30 % of requests to Claude Sonnet 4.6 (legacy since 2026-06-30: "
            + "Claude Sonnet 5.5 succeeds it, though it returns an error on this workload's forced tool calls) as well"),
                "\(lever.text)")
        // So does the routed verdict's reason, once the lever is applied.
        let routed = Engine(knowledge: k).assess(try k.replacing(.routing, with: "tiered", in: k.answers([
            "task_type": "moderation", "monthly_requests": 50_000_000, "avg_input_tokens": 400, "avg_output_tokens": 5,
            "complex_share": 0.3, "tool_choice": "forced", "as_of": "2026-12-05"])))
        #expect(routed.reasons.first?.text.contains("and Claude Sonnet 4.6 (legacy since 2026-06-30: Claude Sonnet 5.5 "
            + "succeeds it, though it returns an error on this workload's forced tool calls) answers the complex 30 % again") == true,
                "\(routed.reasons.first?.text ?? "")")
        // A current escalation model is named plainly.
        let plain = try #require(Engine(knowledge: k).assess(k.answers(RoutingPlanTests.classifier)).levers
            .first { $0.kind == .route_complex })
        #expect(plain.text.contains("to Claude Sonnet 5.5 as well"), "\(plain.text)")
    }

    /// The mirror: 5M RAG answers a month with 30 % of them hard went to Claude Sonnet 5.5 at $254,000 a month, and
    /// nothing said that routing the simple 70 % to Haiku 5.5 would cost about $84,000. The lever carries
    /// `routing = tiered`, is priced at the routed verdict's combined bill, and is offered only where more than a fifth
    /// and under half of the requests are complex (its `when`), not where a hard limit rules the Haiku out, nor where
    /// the Haiku fits the task less than 'good'.
    @Test func routeSimpleOffersTheRouterWhereTheScoreSentEverythingToTheEscalationModel() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        func rag(_ complex: Double, _ extra: [String: AnswerValue] = [:]) -> Answers {
            k.answers(["task_type": "rag", "monthly_requests": 5_000_000, "avg_input_tokens": 6_000, "avg_output_tokens": 400,
                       "complex_share": .number(complex), "accuracy": "reviewed", "as_of": "2026-12-05"]
                      .merging(extra) { $1 })
        }
        let answers = rag(0.3)
        let a = engine.assess(answers)
        #expect(a.verdict == .chooseAlternative && a.primaryModel == "claude-sonnet-5-5")
        let lever = try #require(a.levers.first { $0.kind == .route_simple })
        #expect(a.levers.first == lever, "the largest saving comes first")
        #expect(lever.changes == [LeverChange(answer: .routing, to: "tiered")])
        #expect(lever.model == "claude-sonnet-5-5" && lever.verdict == .tieredRouting)
        let haiku = a.costs.first { $0.model == "claude-haiku-5-5" }!.monthly_usd
        let sonnet = a.costs.first { $0.model == "claude-sonnet-5-5" }!.monthly_usd
        #expect(abs(lever.monthly_before - sonnet) < 0.01 && abs(lever.monthly_after - (haiku + 0.3 * sonnet)) < 0.01)
        #expect(lever.text.hasPrefix("Route instead: Claude Haiku 5.5 answers every request and Claude Sonnet 5.5 answers the complex 30 % again"))
        #expect(lever.text.contains("More than a fifth of the requests are hard") && lever.text.contains("the simple 70 %"),
                "\(lever.text)")
        let routed = engine.assess(try k.replacing(.routing, with: "tiered", in: answers))
        #expect(routed.verdict == .tieredRouting && routed.decision.combined?.monthly_usd == lever.monthly_after)
        #expect(!routed.levers.contains { $0.kind == .route_simple }, "not offered once routing is tiered")
        // Half complex and up, Haiku is the wrong default (complex-request-share): no offer.
        #expect(!engine.assess(rag(0.6)).levers.contains { $0.kind == .route_simple })
        // A hard limit rules the Haiku out whatever the plan: no offer.
        let unreviewed = engine.assess(rag(0.3, ["accuracy": "first_time_right", "review_capacity": "none"]))
        #expect(unreviewed.verdict == .chooseAlternative && !unreviewed.levers.contains { $0.kind == .route_simple })
        // Nor where the share is not what the score counted against Haiku: a first-time-right RAG answer with the
        // default 5 % complex goes to Sonnet for its accuracy, and "route instead" would be a reason nobody gave.
        let strict = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 2_000, "avg_input_tokens": 500_000,
            "avg_output_tokens": 1_500, "accuracy": "first_time_right", "review_capacity": "sampled", "as_of": "2026-12-05"]))
        #expect(strict.primaryModel == "claude-sonnet-5-5" && !strict.levers.contains { $0.kind == .route_simple })
        // Complex reasoning is not a Haiku task however few requests are hard ('weak'): no offer.
        let reasoning = engine.assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 100_000,
                                                 "avg_input_tokens": 4_000, "avg_output_tokens": 3_000, "as_of": "2026-12-05"]))
        #expect(reasoning.primaryModel == "claude-sonnet-5-5" && !reasoning.levers.contains { $0.kind == .route_simple })
    }

    /// A margin on hard requests is bought at the escalation model's price or with more thinking: not offered to a
    /// team that accepts an occasional miss. 2B tolerant moderations on Haiku 5.5 ($84,500 a month) were offered
    /// Sonnet 5.5 for their complex 5 %, $384,500 more; the same workload reviewed keeps the offer.
    @Test func noMarginIsSoldToATeamThatAcceptsMisses() throws {
        let k = Fixture.real
        func levers(_ accuracy: String, complex: Double, latency: String = "realtime") -> [LeverKind] {
            Engine(knowledge: k).assess(k.answers([
                "task_type": "moderation", "monthly_requests": 2_000_000_000, "avg_input_tokens": 300, "avg_output_tokens": 5,
                "latency": .text(latency), "accuracy": .text(accuracy), "peak_to_average": 10, "complex_share": .number(complex),
                "as_of": "2026-12-05"])).levers.map(\.kind)
        }
        #expect(levers("reviewed", complex: 0.05).contains(.route_complex))
        #expect(!levers("tolerant", complex: 0.05).contains(.route_complex))
        // More thinking is offered only where nobody waits on it (noMoreThinkingWhereItWouldWeighOnTheLatency), and
        // on a tiered plan only for work that must be right the first time (aTieredPlanIsNotSoldASecondMargin).
        #expect(levers("first_time_right", complex: 0.05, latency: "batch").contains(.raise_effort))
        func reports(_ accuracy: String) -> [LeverKind] {
            Engine(knowledge: k).assess(k.answers([
                "task_type": "other", "monthly_requests": 50_000, "avg_input_tokens": 1_000, "avg_output_tokens": 30_000,
                "latency": "batch", "latency_budget_s": 600, "complex_share": 0.3, "reasoning_effort": "medium",
                "accuracy": .text(accuracy), "as_of": "2026-12-05"])).levers.map(\.kind)
        }
        #expect(reports("reviewed").contains(.raise_effort))
        #expect(!reports("tolerant").contains(.raise_effort))
    }

    /// A tiered plan's hard requests get their margin from the escalation model: the Haiku that answers first is not
    /// also offered more thinking for them, while the same workload without the plan is.
    @Test func aTieredPlanIsNotSoldASecondMargin() throws {
        let k = Fixture.real
        func assess(_ routing: String) -> Assessment {
            Engine(knowledge: k).assess(k.answers([
                "task_type": "complex_reasoning", "monthly_requests": 1_000_000, "avg_input_tokens": 4000,
                "avg_output_tokens": 1500, "complex_share": 0.4, "routing": .text(routing), "latency": "batch",
                "as_of": "2026-12-05"]))
        }
        let tiered = assess("tiered")
        #expect(tiered.verdict == .tieredRouting && tiered.primaryModel == "claude-haiku-5-5")
        #expect(!tiered.levers.contains { $0.kind == .raise_effort }, "\(tiered.levers.map(\.kind))")
        // Moderations that must be right the first time: the margin is for every request, and stays on the plan.
        let strict = Engine(knowledge: k).assess(k.answers([
            "task_type": "moderation", "monthly_requests": 2_000_000_000, "avg_input_tokens": 300, "avg_output_tokens": 5,
            "latency": "batch", "accuracy": "first_time_right", "peak_to_average": 10, "complex_share": 0.05,
            "as_of": "2026-12-05"]))
        #expect(strict.verdict == .tieredRouting)
        #expect(strict.levers.contains { $0.kind == .raise_effort }, "\(strict.levers.map(\.kind))")
    }

    /// More thinking is offered for a margin of quality; a level whose verdict moves to a model that fits the task
    /// less well buys none: strict moderations on Sonnet 4.6 ('strong') were told to raise its effort to low, after
    /// which the verdict recommended Sonnet 5.5 ('good').
    @Test func aMarginThatMovesToAWeakerFitIsNotOffered() {
        let k = Fixture.real
        let answers: [String: AnswerValue] = ["task_type": "moderation", "monthly_requests": 3_000_000, "avg_input_tokens": 600,
                                              "avg_output_tokens": 10, "accuracy": "first_time_right", "review_capacity": "none",
                                              "as_of": "2026-12-06"]
        let a = Engine(knowledge: k).assess(k.answers(answers))
        #expect(a.primaryModel == "claude-sonnet-4-6")
        var raised = answers
        raised["reasoning_effort"] = "low"
        #expect(Engine(knowledge: k).assess(k.answers(raised)).primaryModel == "claude-sonnet-5-5")
        #expect(!a.levers.contains { $0.kind == .raise_effort }, "\(a.levers.map(\.text))")
    }

    /// Nor a level that takes the model past the headroom the verdict holds it to (expert M1): strict 780,000-token
    /// analyses on Sonnet 4.6 with thinking off, as the team set it, fill 80.0 % of its window; low's 300 reasoning
    /// tokens make it 80.03 %, where the verdict recommends Gemini 4 Neon instead.
    @Test func aMarginPastTheHeadroomIsNotOffered() {
        let k = Fixture.real
        let answers: [String: AnswerValue] = ["task_type": "complex_reasoning", "monthly_requests": 300, "avg_input_tokens": 780_000,
                                              "avg_output_tokens": 20_000, "accuracy": "first_time_right", "review_capacity": "none",
                                              "reasoning_effort": "none", "as_of": "2026-12-07"]
        let a = Engine(knowledge: k).assess(k.answers(answers))
        #expect(a.primaryModel == "claude-sonnet-4-6")
        var raised = answers
        raised["reasoning_effort"] = "low"
        #expect(Engine(knowledge: k).assess(k.answers(raised)).primaryModel != "claude-sonnet-4-6")
        #expect(!a.levers.contains { $0.kind == .raise_effort }, "\(a.levers.map(\.text))")
    }

    /// A team that accepts an occasional miss, or a label (classification, moderation), is offered the cheapest
    /// setting, not one level down; a team that reviews other work takes the single step (criteria/_index.md,
    /// `lower_effort.to_least_when`).
    @Test func aTeamThatAcceptsMissesIsOfferedTheLeastThinking() throws {
        let k = Fixture.real
        func lower(_ accuracy: String, _ task: String = "extraction") throws -> Lever {
            let a = Engine(knowledge: k).assess(k.answers([
                "task_type": .text(task), "monthly_requests": 500_000_000, "avg_input_tokens": 150,
                "avg_output_tokens": 1, "latency": "batch", "accuracy": .text(accuracy), "as_of": "2026-12-05"]))
            #expect(a.primaryModel == "claude-haiku-5-5", "\(task) \(accuracy): \(a.primaryModel)")
            return try #require(a.levers.first { $0.kind == .lower_effort }, "\(accuracy): \(a.levers.map(\.kind))")
        }
        let tolerant = try lower("tolerant"), reviewed = try lower("reviewed"), label = try lower("reviewed", "classification")
        #expect(tolerant.changes.map(\.to) == ["none"])
        #expect(tolerant.text.contains("to none (thinking off)"), "\(tolerant.text)")
        #expect(reviewed.changes.map(\.to) == ["low"])
        // 3 billion reviewed 5-token labels kept Haiku 5.5 because it costs least with thinking off, and the lever
        // stopped at low: a label goes to the least thinking.
        #expect(label.changes.map(\.to) == ["none"])
        // Not where many of the labels are hard: 45 % complex were offered thinking off beside a lever buying them more.
        let hard = Engine(knowledge: k).assess(k.answers([
            "task_type": "classification", "monthly_requests": 2_000_000, "avg_input_tokens": 500, "avg_output_tokens": 5,
            "complex_share": 0.45, "reasoning_effort": "high", "as_of": "2026-12-05"]))
        let hardLower = try #require(hard.levers.first { $0.kind == .lower_effort }, "\(hard.levers.map(\.text))")
        #expect(hardLower.changes.map(\.to) != ["none"], "\(hardLower.text)")
        // Without thinking the month is the tokens alone: 500M × (195 in at $0.10 + 1.3 out at $0.50) per M, halved.
        #expect(abs(tolerant.monthly_after - 5_037.5) < 0.01, "\(tolerant.monthly_after)")
        #expect(tolerant.monthly_after < reviewed.monthly_after)
    }

    /// A router is worth building only while routing costs less than sending the escalation model everything:
    /// one classification a month is not told to spend about 88 developer hours on a router for a $0.002 bill.
    @Test func noRouterIsOfferedWhereSendingEverythingUpCostsLess() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        func routeLever(_ requests: Double) -> Lever? {
            engine.assess(k.answers(["task_type": "classification", "monthly_requests": .number(requests),
                                     "avg_input_tokens": 100, "avg_output_tokens": 1, "complex_share": 0.1,
                                     "as_of": "2026-12-03"])).levers.first { $0.kind == .route_complex }
        }
        #expect(routeLever(1) == nil)
        // At 50 million a month the escalation model on every request costs far more than routing plus the router.
        let busy = try #require(routeLever(50_000_000))
        #expect(busy.monthly_after > busy.monthly_before)
    }

    // MARK: - The decision summary

    @Test func runnerUpIsTheCheaperEqualAndSaysWhyItLost() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers([
            "task_type": "classification", "monthly_requests": 3_000_000, "avg_input_tokens": 600,
            "avg_output_tokens": 20, "latency": "interactive", "review_capacity": "sampled", "fallback_ready": true,
            "cost_priority": "balanced"]))
        #expect(a.decision.recommended == a.primaryModel)
        let runner = try #require(a.decision.runner_up)
        #expect(runner.model != a.primaryModel)
        #expect(!runner.reason.isEmpty && runner.url.hasPrefix("/"))
        let primary = a.costs.first { $0.model == a.primaryModel }!
        let other = a.costs.first { $0.model == runner.model }!
        #expect(abs(runner.difference_usd - (other.monthly_usd - primary.monthly_usd)) < 0.01)
        if runner.difference_usd < 0 && a.primaryModelBasis == .haiku_model {
            #expect(runner.reason.contains("balanced budget") || runner.reason.contains("cost priority: balanced"))
        }
    }

    @Test func tieredVerdictsCarryTheCombinedCost() {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        var rng = SeededRNG(seed: 18)
        var tiered = 0
        for _ in 0..<300 {
            let a = engine.assess(RandomAnswers.make(k, &rng))
            guard a.verdict == .tieredRouting, let combined = a.decision.combined else {
                #expect(a.decision.combined == nil || a.verdict == .tieredRouting)
                continue
            }
            tiered += 1
            let haiku = a.costs.first { $0.model == a.primaryModel }!.monthly_usd
            let escalation = a.costs.first { $0.model == combined.escalation_model }!.monthly_usd
            // Escalated requests pay for both; the escalation model's cache sees only them, so its part is at least
            // its share of the whole month's bill (a cache kept warm by fewer requests is written more often).
            #expect(combined.monthly_usd >= haiku + combined.complex_share * escalation - 0.01)
            #expect(combined.monthly_usd >= haiku)
        }
        #expect(tiered > 0)
    }

    /// The escalation model's cache is kept warm by the escalated requests alone: 10,000 RAG requests a month, 10 %
    /// escalated to Claude Sonnet 5.5 with a 54,000-token cached prefix (70,200 on its count). Priced as a tenth of its
    /// full-traffic month, the plan assumed one cache write a month; 1,000 escalated requests need about 254.
    @Test func theEscalatedShareIsPricedOnItsOwnTraffic() throws {
        let k = Fixture.real
        let given: [String: AnswerValue] = ["task_type": "rag", "monthly_requests": 10_000, "avg_input_tokens": 60_000,
                                            "avg_output_tokens": 400, "cached_input_share": 0.9, "complex_share": 0.1,
                                            "routing": "tiered", "accuracy": "first_time_right", "as_of": "2026-12-05"]
        let a = Engine(knowledge: k).assess(k.answers(given))
        let combined = try #require(a.decision.combined)
        #expect(a.verdict == .tieredRouting && combined.escalation_model == "claude-sonnet-5-5")
        let haiku = try #require(a.costs.first { $0.model == a.primaryModel }).monthly_usd
        let alone = try #require(Engine(knowledge: k).costs(k.answers(given.merging(["monthly_requests": 1_000]) { $1 }))
            .first { $0.model == "claude-sonnet-5-5" })
        #expect(abs(combined.monthly_usd - (haiku + alone.monthly_usd)) < 0.01, "\(combined.monthly_usd) \(haiku) \(alone.monthly_usd)")
        #expect((alone.rates.cache_writes_per_month ?? 0) > 200)
        let full = try #require(a.costs.first { $0.model == "claude-sonnet-5-5" })
        #expect(combined.monthly_usd > haiku + 0.1 * full.monthly_usd + 50)
    }
}
