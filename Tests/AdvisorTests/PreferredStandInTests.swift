import Foundation
import Testing
@testable import Advisor

/// A rule prefers a model (Sonnet 5.5 for first-time-right or complex work) that cannot take the workload: 700K-token
/// prompts are 910K on its count, over 80 % of its window. The primary stands in for the fit the rule wanted, not for
/// the price (Engine.decide), and a warning says what stands in and whether it is as strong
/// (`preferred_unusable`, `preferred_unusable_weaker` in criteria/_index.md).
struct PreferredStandInTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    func assess(_ task: String, input: Double, _ more: [String: AnswerValue] = [:]) -> Assessment {
        engine.assess(k.answers(["task_type": .text(task), "monthly_requests": 500, "avg_input_tokens": .number(input),
                                 "avg_output_tokens": 3_000, "as_of": "2026-12-04"].merging(more) { $1 }))
    }

    func fit(_ a: Assessment, _ task: String) -> Fit {
        k.compiledModels[k.modelIndex[a.primaryModel]!].fit[AnswerID.taskType.choices.firstIndex(of: task)!]
    }

    @Test func aStrongStandInTakesThePlaceOfAPreferredModelThatCannotHoldTheRequest() throws {
        let firstTime: [String: AnswerValue] = ["accuracy": "first_time_right", "review_capacity": "systematic"]
        let a = assess("complex_reasoning", input: 700_000, firstTime)
        // Before: DeepSeek V4 Flash (legacy, 'good') at $50, the cheapest 'good or better' model. Gemini 4 Neon and
        // legacy Sonnet 4.6 (which counts the same prompts as 700K tokens, 70 % of its window) both fit 'strong' and,
        // with Sonnet 4.6's thinking on for complex reasoning, cost $1,095 to the cent: the current one stands in.
        #expect(a.primaryModel == "gemini-4-neon" && a.primaryModelBasis == .cheapest_suitable, "\(a.primaryModel)")
        let warning = try #require(a.warnings.first { $0.model == "claude-sonnet-5-5" })
        #expect(warning.failure_mode == "silent-quality-degradation")
        #expect(warning.text.hasPrefix("Claude Sonnet 5.5, the usual home for this work, cannot take it: one request fills 92% "
                                       + "of its 1,000,000-token window, over the 80% headroom. Gemini 4 Neon stands in for it: "
                                       + "it fits complex reasoning 'strong', as Claude Sonnet 5.5 does"), "\(warning.text)")
        // The alternatives fit as strongly: Sonnet 4.6 at the same price (said to be legacy), then GPT-6.2 Sol.
        #expect(a.alternatives.prefix(2) == ["claude-sonnet-4-6", "gpt-6-2-sol"], "\(a.alternatives)")

        // Where Sonnet 5.5 holds the request, it is the primary and nothing stands in.
        let held = assess("complex_reasoning", input: 600_000, firstTime)
        #expect(held.primaryModel == "claude-sonnet-5-5" && held.primaryModelBasis == .prefer)
        #expect(!held.warnings.contains { $0.text.contains("the usual home for this work") })
    }

    @Test func nothingAsStrongIsSaidAsWeaker() throws {
        // 800K tokens: only Google's 1M-token models hold them with room to spare. Gemini 4 Neon and Carbon fit complex
        // reasoning 'strong'; without their pages (as before 2026-12-06) none of them does, and the best that can is
        // 'good'.
        var file = try Fixture.file()
        file.models.removeAll { ["gemini-4-neon", "gemini-4-carbon"].contains($0.slug) }
        let k = try Fixture.knowledge(file)
        let a = Engine(knowledge: k).assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 500,
            "avg_input_tokens": 800_000, "avg_output_tokens": 3_000, "as_of": "2026-12-04",
            "accuracy": "first_time_right", "review_capacity": "systematic"]))
        #expect(k.compiledModels[k.modelIndex[a.primaryModel]!].fit[AnswerID.taskType.choices.firstIndex(of: "complex_reasoning")!]
                == .good, "\(a.primaryModel)")
        // Said of the primary, as its biggest risk, with the failure mode's general advice joined to it.
        let warning = try #require(a.warnings.first { $0.model == a.primaryModel && $0.failure_mode == "hallucinations" })
        #expect(warning.severity == .high && a.decision.top_risk?.text == warning.text)
        #expect(warning.text.hasPrefix("Claude Sonnet 5.5, the usual home for this work, cannot take it: the request does "
                                       + "not fit its 1,000,000-token window;"), "\(warning.text)")
        #expect(warning.text.contains("no model we list that fits complex reasoning 'strong', as Claude Sonnet 5.5 does, can "
                                      + "take it either. \(k.models[k.modelIndex[a.primaryModel]!].title) is the best fit "
                                      + "that can, and it fits complex reasoning only 'good'"), "\(warning.text)")
    }

    @Test func theAlternativesFloorHoldsTheStandInToo() {
        // Nobody reviews first-time-right extractions: every model offered fits strongly, and so must the primary,
        // not a cheaper 'good' one in front of strong alternatives.
        let a = assess("extraction", input: 700_000, ["accuracy": "first_time_right", "review_capacity": "none",
                                                       "avg_output_tokens": 2_000, "monthly_requests": 2_000])
        #expect(a.primaryModel == "gpt-6-luna" && fit(a, "extraction") == .strong, "\(a.primaryModel)")
        #expect(a.warnings.contains { $0.model == "claude-sonnet-5-5" && $0.text.contains("GPT-6 Luna stands in for it") })
    }

    @Test func theStandInFollowsTheDayItIsAskedFor() {
        // On a day no preferred model is served yet, nothing "stands in": the warning names only served models.
        let a = assess("complex_reasoning", input: 5_000, ["accuracy": "first_time_right", "as_of": "2025-06-01"])
        #expect(!a.warnings.contains { $0.text.contains("the usual home for this work") })
    }
}
