import Testing
@testable import Advisor

/// Work that keeps its thinking runs with it on, even on a model whose thinking is off by default
/// (content/criteria/reasoning-effort.md, `engine.thinking_kept_when`, `reasoning.thinking_on_effort`). On the real
/// content: Claude Sonnet 4.6 thinks only when a request turns it on, Claude Sonnet 5.5 at high by default.
struct ThinkingKeptTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    /// The expert review's case: cost-first complex reasoning, 10,000 requests of 5,000 tokens in and 1,000 out. Priced
    /// with its thinking off, legacy Sonnet 4.6 ($300) won over Sonnet 5.5 at its default high ($560).
    @Test func complexReasoningPricesAThinkingOffModelWithItsThinkingOn() throws {
        let a = engine.assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 10_000,
                                         "avg_input_tokens": 5_000, "avg_output_tokens": 1_000, "cost_priority": "primary",
                                         "required_fit": "strong", "as_of": "2026-12-07"]))
        let sonnet46 = try a.line("claude-sonnet-4-6")
        // 10,000 × 5,000 × $3 + 10,000 × (1,000 + 3,000) × $15, per million.
        #expect(sonnet46.rates.reasoning_effort == .high && sonnet46.rates.reasoning_tokens_per_request == 3_000)
        #expect(sonnet46.monthly_usd == 750, "\(sonnet46.monthly_usd)")
        #expect(sonnet46.rates.reasoning_effort_lowered_from == nil)
        #expect(sonnet46.rates.notes.contains { $0.hasPrefix("Its thinking is off unless a request turns it on, and this work keeps its thinking") },
                "\(sonnet46.rates.notes)")
        #expect(a.primaryModel != "claude-sonnet-4-6", "\(a.primaryModel)")
        #expect(try a.line("claude-sonnet-5-5").monthly_usd == 560)
        // A model that thinks by default is priced as before, and one with a single thinking level at it.
        #expect(try a.line("mistral-small").rates.reasoning_effort == .high)
    }

    /// Strict legal analyses nobody reviews, 700,000 tokens in (too many for Sonnet 5.5's count): with its thinking on,
    /// legacy Sonnet 4.6 costs what Gemini 4 Neon does to the cent, and at a tie the current model leads. Priced with
    /// its thinking off it had won by Neon's thinking alone ($45).
    @Test func atATieTheCurrentModelLeadsALegacyOne() throws {
        let a = engine.assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 2_000, "avg_input_tokens": 700_000,
                                         "avg_output_tokens": 20_000, "accuracy": "first_time_right", "review_capacity": "none",
                                         "latency": "batch", "as_of": "2026-12-07"]))
        #expect(a.primaryModel == "gemini-4-neon", "\(a.primaryModel)")
        let runnerUp = try #require(a.decision.runner_up)
        #expect(runnerUp.model == "claude-sonnet-4-6" && runnerUp.monthly_usd == a.decision.monthly_usd
                && runnerUp.reason.contains("it is legacy"), "\(runnerUp)")
    }

    /// Work that keeps its thinking makes room only at a level that still thinks: strict 780,000-token analyses fill
    /// 80.3 % of Sonnet 4.6's window with its thinking on at high and 80.03 % at low, so it is over its headroom (and
    /// says that thinking off would fit), and Gemini 4 Neon, thinking, leads. Priced with its thinking off to stay
    /// under the headroom, Sonnet 4.6 had led by Neon's thinking alone ($13.50).
    @Test func roomIsMadeOnlyAtALevelThatStillThinks() throws {
        let strict: [String: AnswerValue] = ["task_type": "complex_reasoning", "monthly_requests": 300, "avg_input_tokens": 780_000,
                                             "avg_output_tokens": 20_000, "accuracy": "first_time_right", "review_capacity": "none",
                                             "as_of": "2026-12-07"]
        let a = engine.assess(k.answers(strict))
        #expect(a.primaryModel == "gemini-4-neon", "\(a.primaryModel)")
        let sonnet46 = try a.line("claude-sonnet-4-6")
        #expect(sonnet46.rates.reasoning_effort == .high && sonnet46.rates.reasoning_effort_lowered_from == nil)
        #expect(!sonnet46.within_headroom)
        #expect(sonnet46.rates.notes.contains { $0.contains("it would fit with its thinking off, but this work keeps its thinking") },
                "\(sonnet46.rates.notes)")
        // Work that does not keep its thinking still turns it off for room: the same prompts summarised.
        let summary = try engine.assess(k.answers(with(strict, ["task_type": "summarization"]))).line("claude-sonnet-4-6")
        #expect(summary.rates.reasoning_effort == Effort.none && summary.within_headroom, "\(summary.rates)")
        // And time may still turn it off: an answer due at once has no time to think.
        let realtime = try engine.assess(k.answers(with(strict, ["latency": "realtime"]))).line("claude-sonnet-4-6")
        #expect(realtime.rates.reasoning_effort == Effort.none && realtime.rates.reasoning_effort_lowered_from == .high,
                "\(realtime.rates)")
    }

    /// Simple work with few complex requests keeps the default, thinking off; mostly complex work turns it on.
    @Test func theTaskAndTheComplexShareDecide() throws {
        func sonnet46(_ extra: [String: AnswerValue]) throws -> CostLine {
            try engine.assess(k.answers(with(["task_type": "chat", "monthly_requests": 10_000, "avg_input_tokens": 5_000,
                                              "avg_output_tokens": 1_000, "as_of": "2026-12-07"], extra))).line("claude-sonnet-4-6")
        }
        #expect(try sonnet46(["complex_share": 0.2]).rates.reasoning_effort == Effort.none)
        #expect(try sonnet46(["complex_share": 0.5]).rates.reasoning_effort == .high)
        // A level the team sets is priced as set, whatever the work.
        #expect(try sonnet46(["complex_share": 0.5, "reasoning_effort": "low"]).rates.reasoning_effort == .low)
        // A forced tool call still runs without thinking on a model that takes one only so.
        #expect(try sonnet46(["complex_share": 0.5, "tool_choice": "forced"]).rates.reasoning_effort == Effort.none)
    }

    /// The time rule applies to the level thinking runs at once on: realtime answers leave no time for it, and the line
    /// says from what it was lowered.
    @Test func realtimeLowersTheThinkingOnLevelAndSaysSo() throws {
        let a = engine.assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 10_000, "avg_input_tokens": 5_000,
                                         "avg_output_tokens": 1_000, "latency": "realtime", "as_of": "2026-12-07"]))
        let line = try a.line("claude-sonnet-4-6")
        #expect(line.rates.reasoning_effort == Effort.none && line.rates.reasoning_effort_lowered_from == .high)
        #expect(line.rates.notes.contains { $0.hasPrefix("Its setting with thinking on, high effort, writes about 3,000 reasoning tokens") },
                "\(line.rates.notes)")
        #expect(!line.rates.notes.contains { $0.hasPrefix("Its thinking is off unless") })
    }

    /// A tiered plan's escalated requests are complex ones: Sonnet 4.6, escalating behind Haiku 4.5 before Sonnet 5.5
    /// was out, answers them with its thinking on, and the plan says so.
    @Test func escalatedRequestsRunWithTheThinkingOn() throws {
        let a = engine.assess(k.answers(["task_type": "chat", "monthly_requests": 100_000, "avg_input_tokens": 2_000,
                                         "avg_output_tokens": 500, "complex_share": 0.2, "routing": "tiered",
                                         "as_of": "2026-06-01"]))
        let plan = try #require(a.decision.combined)
        #expect(plan.escalation_model == "claude-sonnet-4-6" && plan.escalated_effort == .high, "\(plan)")
        // Haiku 4.5's $450 and 20 % of 100,000 × (2,000 × $3 + (500 + 3,000) × $15) per million = $1,170.
        #expect(plan.monthly_usd == 1_620, "\(plan.monthly_usd)")
        let routed = try #require(a.reasons.first { $0.criterion == "routing-plan" })
        #expect(routed.text.contains("($1,170.00 a month, priced at high effort, with its thinking on since these are the requests that need it)")
                && routed.text.contains("Claude Sonnet 4.6 alone would cost $1,350.00 with its thinking off, its default (none effort)"),
                "\(routed.text)")
    }

    /// The level is one the model thinks at, and only a model whose thinking is off by default has one; such a model
    /// needs it.
    @Test func theThinkingOnLevelIsChecked() throws {
        let file = try Fixture.file()
        func refused(_ slug: String, _ level: Effort?) -> String? {
            let models = file.models.map { entry -> ModelEntry in
                var spec = entry.spec
                if entry.slug == slug { spec.reasoning?.thinking_on_effort = level }
                return ModelEntry(slug: entry.slug, title: entry.title, spec: spec, sources: entry.sources ?? [])
            }
            do { _ = try Fixture.knowledge(file, models: models); return nil } catch let e as KnowledgeError {
                return e.slug == slug ? e.field : "another model: \(e.slug)"
            } catch { return "\(error)" }
        }
        #expect(refused("claude-sonnet-4-6", nil) == "model.reasoning.thinking_on_effort")
        #expect(refused("claude-sonnet-4-6", Effort.none) == "model.reasoning.thinking_on_effort")
        #expect(refused("claude-haiku-4-5", .medium) == "model.reasoning.thinking_on_effort")
        #expect(refused("claude-sonnet-5-5", .high) == "model.reasoning.thinking_on_effort")
        #expect(refused("claude-sonnet-4-6", .medium) == nil)
        // The setting's condition is checked as any other, and its path named.
        var bad = file
        bad.settings.thinking_kept_when = Condition(answer: "task_kind", is: .text("chat"))
        #expect(throws: KnowledgeError.self) { _ = try Fixture.knowledge(bad) }
        do { _ = try Fixture.knowledge(bad) } catch let e as KnowledgeError {
            #expect(e.field == "engine.thinking_kept_when.answer", "\(e.field)")
        }
    }
}
