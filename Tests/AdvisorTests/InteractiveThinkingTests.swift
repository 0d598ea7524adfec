import Foundation
import Testing
@testable import Advisor

/// Interactive answers without a budget (a person waits a few seconds): the recommended model's reasoning at the effort
/// it runs at comes before the first word, and where it takes longer than `engine.interactive_wait_seconds` at the
/// typical speed the verdict says so, with the lower level that fits the wait (ThinkingTime.swift,
/// `interactiveThinkingWarning`). A million chat turns on Haiku 5.5 at its default medium effort were recommended
/// with no word of the 12 s its 1,200 assumed reasoning tokens take at 97 tokens a second.
struct InteractiveThinkingTests {
    let k = Fixture.real

    static let chat: [String: AnswerValue] = ["task_type": "chat", "monthly_requests": 1_000_000, "avg_input_tokens": 1_500,
                                              "avg_output_tokens": 200, "as_of": "2026-12-05"]

    func assess(_ answers: [String: AnswerValue], knowledge: Knowledge? = nil) -> Assessment {
        let k = knowledge ?? self.k
        return Engine(knowledge: k).assess(k.answers(Self.chat.merging(answers) { $1 }))
    }

    /// The primary's warning that times its thinking before an interactive answer, if any.
    func waiting(_ answers: [String: AnswerValue], knowledge: Knowledge? = nil) -> String? {
        let a = assess(answers, knowledge: knowledge)
        return a.warnings.first { $0.failure_mode == "latency-spikes" && $0.model == a.primaryModel
            && $0.text.contains("Interactive means a person waits a few seconds") }?.text
    }

    /// Realtime answers at an effort the team set are priced as set, and the wait before the first word is said with
    /// the month at the least thinking: keystroke completions at high effort waited about 31 s and only a lever said so.
    @Test func realtimeAnswersAtASetEffortSayTheWaitBeforeTheFirstWord() throws {
        let given: [String: AnswerValue] = ["task_type": "code_completion", "monthly_requests": 2_000_000, "avg_input_tokens": 4_000,
                                            "avg_output_tokens": 150, "latency": "realtime", "as_of": "2026-12-07"]
        func realtime(_ effort: String?) -> Warning? {
            let a = Engine(knowledge: k).assess(k.answers(effort.map { given.merging(["reasoning_effort": .text($0)]) { $1 } } ?? given))
            return a.warnings.first { $0.model == a.primaryModel && $0.text.contains("Realtime answers leave no time for it") }
        }
        let high = try #require(realtime("high"))
        #expect(high.text.contains("at high effort, the level you set, about 3,000 reasoning tokens come before the first word, about 31 s"),
                "\(high.text)")
        #expect(high.text.contains("with its thinking switched off (effort none) it starts the answer at once, for $1,235 a month instead of $4,235"))
        // Left to each model's default, realtime work runs at the least thinking: nothing to say.
        #expect(realtime(nil) == nil)
        #expect(realtime("none") == nil)
        // A level the model runs as another is not called the one set: Haiku 4.5 runs a medium at high.
        let older = Engine(knowledge: k).assess(k.answers(["task_type": "classification", "monthly_requests": 2_000_000,
            "avg_input_tokens": 800, "avg_output_tokens": 5, "latency": "realtime", "reasoning_effort": "medium", "as_of": "2026-09-01"]))
        let mapped = try #require(older.warnings.first { $0.text.contains("Realtime answers leave no time for it") })
        #expect(mapped.text.contains("at high effort, what the 'medium' you set runs at on it"), "\(mapped.text)")
        // A model that cannot switch its thinking off still keeps the answer waiting at its least, and says so. (Answers
        // of 3,000 tokens, which no model writes within an interactive wait, so the rule's Sonnet 5.5 is not passed over
        // for its thinking, as it is for short realtime answers.)
        let deep = Engine(knowledge: k).assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 200_000,
            "avg_input_tokens": 4_000, "avg_output_tokens": 3_000, "latency": "realtime", "reasoning_effort": "high", "as_of": "2026-12-07"]))
        #expect(deep.primaryModel == "claude-sonnet-5-5")
        let least = try #require(deep.warnings.first { $0.text.contains("Realtime answers leave no time for it") })
        #expect(least.text.contains("its least, it still writes about 300 first") && least.text.contains("which it cannot switch off"),
                "\(least.text)")
    }

    /// The verdict box's thinking trap says the time and the month at the level that fits the wait, beside the
    /// amount: 3M classifications on Haiku 5.5 were $2,073 a month at the top of the page, $1,800 of it thinking that
    /// takes 12 s before each label, and the $723 at low effort was said only in a warning further down.
    @Test func theThinkingTrapSaysTheWaitAndTheMonthThatFitsIt() throws {
        let labels: [String: AnswerValue] = ["task_type": "classification", "monthly_requests": 3_000_000, "avg_input_tokens": 600,
                                             "avg_output_tokens": 20, "review_capacity": "sampled", "fallback_ready": true]
        let a = assess(labels)
        #expect(a.primaryModel == "claude-haiku-5-5" && a.decision.monthly_usd == 2_073)
        let trap = try #require(a.decision.traps.first { $0.kind == .thinking_tokens && $0.model == "claude-haiku-5-5" })
        #expect(trap.text == "Claude Haiku 5.5 thinks before it answers: about 1,200 reasoning tokens a request at medium effort, "
                + "billed as output, $1,800 a month. That is about 12.4 s before the first word, over an interactive answer's "
                + "5 s. At low effort, which fits the wait, Claude Haiku 5.5's month is $723 instead of $2,073.", "\(trap.text)")
        // Work that keeps its thinking, and work nobody waits for, get the amount alone.
        for other: [String: AnswerValue] in [["accuracy": "first_time_right", "review_capacity": "none"], ["latency": "batch"]] {
            let b = assess(labels.merging(other) { $1 })
            let kept = b.decision.traps.first { $0.kind == .thinking_tokens && $0.model == b.primaryModel }
            #expect(kept.map { !$0.text.contains("before the first word") } ?? true, "\(other): \(kept?.text ?? "-")")
        }
    }

    @Test func theDefaultThinkingBeforeAChatAnswerIsTimedAndTheLevelThatFitsIsPriced() throws {
        let a = assess([:])
        #expect(a.primaryModel == "claude-haiku-5-5")
        let text = try #require(waiting([:]))
        #expect(text.hasPrefix("Claude Haiku 5.5 thinks before it answers: at medium effort about 1,200 reasoning tokens "
                               + "come before the first word, about 12.4 s at 97 tokens a second"), "\(text)")
        #expect(text.contains("(3 s even at 400 tokens a second, as fast as any model priced here is reported to write)"), "\(text)")
        #expect(text.contains("5 s at most by our reckoning: at low effort it writes about 300 first, about 3.1 s, "
                              + "for $475 a month instead of $925."), "\(text)")
        // The price at low is the one the lower-effort lever gives: one cost model.
        let lever = try #require(a.levers.first { $0.kind == .lower_effort })
        #expect(lever.text.contains("$475 a month instead of $925"), "\(lever.text)")
        // A chat has a person waiting by its nature: it is not told to say batch.
        #expect(!text.contains("assumed answer"), "\(text)")
        #expect(text.hasSuffix("check the quality at the lower level on your own samples."), "\(text)")
    }

    @Test func workThatCouldBeQueuedIsAskedWhetherAnyoneWaits() throws {
        // Latency not answered, for work a team can queue: the warning says which answer to give if nobody waits.
        let extraction: [String: AnswerValue] = ["task_type": "extraction", "avg_output_tokens": 400]
        let text = try #require(waiting(extraction))
        #expect(text.hasSuffix("Interactive is the assumed answer: if nobody waits for these answers, say batch."), "\(text)")
        let stated = try #require(waiting(extraction.merging(["latency": "interactive"]) { $1 }))
        #expect(!stated.contains("assumed answer"), "\(stated)")
    }

    @Test func thinkingThatFitsTheWaitAndAnswersNobodyWaitsForSayNothing() {
        // Low effort, 300 tokens: about 3.09 s, within the 5 s.
        #expect(waiting(["reasoning_effort": "low"]) == nil)
        #expect(waiting(["reasoning_effort": "none"]) == nil)
        // Batch: nobody waits. Realtime: the default runs with thinking off, and a level the team sets is the
        // thinking-off lever's business. A budget: the budget's warnings and prices (ThinkingTimeTests).
        #expect(waiting(["latency": "batch"]) == nil)
        #expect(waiting(["latency": "realtime"]) == nil)
        #expect(waiting(["latency": "realtime", "reasoning_effort": "medium"]) == nil)
        #expect(waiting(["latency_budget_s": 30]) == nil)
        // Cost first runs every model at its least thinking; forced tool calls keep Haiku 5.5's thinking off.
        #expect(waiting(["cost_priority": "primary"]) == nil)
        #expect(waiting(["tool_choice": "forced"]) == nil)
    }

    @Test func workThatKeepsItsThinkingIsToldHowToBearTheWait() throws {
        let strict = try #require(waiting(["accuracy": "first_time_right", "review_capacity": "systematic"]))
        #expect(strict.contains("this work keeps its thinking (answers must be right the first time), so show the person "
                                + "that the answer is on its way"), "\(strict)")
        #expect(!strict.contains("a month instead of"), "\(strict)")
        // Mostly complex requests: the verdict is Claude Sonnet 5.5's, at its default high effort, 3,000 tokens.
        let complex = assess(["complex_share": 0.6, "latency": "interactive"])
        let text = try #require(waiting(["complex_share": 0.6, "latency": "interactive"]))
        #expect(text.hasPrefix("\(try #require(k.model(complex.primaryModel)).title) thinks before it answers"), "\(text)")
        #expect(text.contains("(half the requests or more are complex)"), "\(text)")
    }

    @Test func theWaitIsTheContentsSetting() throws {
        var file = try Fixture.file()
        file.settings.interactive_wait_seconds = 15
        #expect(waiting([:], knowledge: try Fixture.knowledge(file)) == nil)
        file.settings.interactive_wait_seconds = nil
        #expect(waiting([:], knowledge: try Fixture.knowledge(file)) == nil)
        for (wait, message) in [(0.0, "must be seconds, above 0 and at most 600"), (601, "must be seconds, above 0 and at most 600")] {
            file.settings.interactive_wait_seconds = wait
            #expect { _ = try Fixture.knowledge(file) } throws: {
                "\($0)".contains("engine.interactive_wait_seconds: \(message)")
            }
        }
        file = try Fixture.file()
        file.settings.typical_output_tokens_per_second = nil
        #expect { _ = try Fixture.knowledge(file) } throws: {
            "\($0)".contains("engine.interactive_wait_seconds: needs typical_output_tokens_per_second")
        }
    }

    /// Groq's own hardware writes about ten times the median: the median speed says nothing of a model timed there.
    @Test func aModelOnFasterHardwareIsNotHeldToTheMedianSpeed() throws {
        let oss = try #require(k.modelIndex["gpt-oss-20b"])
        let haiku = try #require(k.modelIndex["claude-haiku-5-5"])
        let answers = k.answers(Self.chat.merging(["reasoning_effort": "high"]) { $1 })
        let engine = Engine(knowledge: k)
        func said(_ m: Int) -> Bool {
            var said = false
            answers.values.withUnsafeBufferPointer { v in
                engine.interactiveThinkingWarning(primary: m, answers: answers, v) { _ in said = true }
            }
            return said
        }
        #expect(k.compiledModels[oss].reasoning != nil)
        #expect(!said(oss))
        #expect(said(haiku))
    }

    /// A model whose only levels are none and high: the level that fits the wait is thinking off, said as such.
    @Test func aModelWithoutALowLevelIsToldToSwitchItsThinkingOff() throws {
        let deepseek = try #require(k.modelIndex["deepseek-v4-flash"])
        #expect(k.compiledModels[deepseek].reasoning?.levels.sorted() == [.none, .high])
        let answers = k.answers(Self.chat.merging(["reasoning_effort": "high"]) { $1 })
        var text: String? = nil
        answers.values.withUnsafeBufferPointer { v in
            Engine(knowledge: k).interactiveThinkingWarning(primary: deepseek, answers: answers, v) { text = $0["fix"] }
        }
        let fix = try #require(text)
        #expect(fix.hasPrefix("with its thinking switched off (effort none) it starts the answer at once, for $"), "\(fix)")
    }

    /// A tiered plan's complex share waits for the escalation model's thinking after the Haiku's answer: said of the
    /// escalation model, at the effort the plan prices those requests at (its default, even where cost first runs
    /// the rest at the least thinking), with no lower level offered, since they are the hard requests.
    @Test func theEscalatedShareWaitsForTheEscalationModelsThinking() throws {
        let plan: [String: AnswerValue] = ["routing": "tiered", "complex_share": 0.3, "latency": "interactive"]
        func escalated(_ more: [String: AnswerValue]) -> (Assessment, String?) {
            let a = assess(plan.merging(more) { $1 })
            return (a, a.warnings.first { $0.model == "claude-sonnet-5-5" && $0.text.contains("go on to") }?.text)
        }
        let (a, said) = escalated([:])
        #expect(a.verdict == .tieredRouting && a.primaryModel == "claude-haiku-5-5")
        let text = try #require(said)
        #expect(text.hasPrefix("The complex 30 % of requests go on to Claude Sonnet 5.5 after Claude Haiku 5.5 has answered, "
                               + "and Claude Sonnet 5.5 thinks before it answers: at high effort about 3,000 reasoning tokens "
                               + "come before its first word, about 31 s at 97 tokens a second"), "\(text)")
        #expect(!text.contains("a month instead of"), "\(text)")
        // Cost first prices the Haiku with its thinking off, and the escalated requests at Sonnet 5.5's default.
        let (cheap, cheapSaid) = escalated(["cost_priority": "primary"])
        #expect(cheap.verdict == .tieredRouting)
        #expect(cheapSaid?.contains("at high effort about 3,000") == true, "\(cheapSaid ?? "")")
        #expect(waiting(plan.merging(["cost_priority": "primary"]) { $1 }) == nil)
        // Nobody waiting, or a budget (escalation_over_budget's business): nothing.
        #expect(escalated(["latency": "batch"]).1 == nil)
        #expect(escalated(["latency_budget_s": 60]).1 == nil)
    }

    /// The lower-effort lever goes to the level its warning names: from high, Haiku 5.5's chats go to low (300
    /// tokens, 3.09 s), not to medium (12.4 s before the first word).
    @Test func theLowerEffortLeverGoesToTheLevelThatFitsTheWait() throws {
        let a = assess(["latency": "interactive", "reasoning_effort": "high"])
        let lever = try #require(a.levers.first { $0.kind == .lower_effort })
        #expect(lever.changes == [LeverChange(answer: .reasoningEffort, to: .text("low"))], "\(lever.changes)")
        #expect(lever.text.hasPrefix("Lower Claude Haiku 5.5's reasoning effort to low: $475 a month"), "\(lever.text)")
    }
}

