import Testing
@testable import Advisor

/// The cost ceiling compares models with reasoning at its cheapest setting on both (content/criteria/cost-priority.md),
/// while the cost table prices the team's effort answer. Where the two disagree, the verdict says which setting its
/// saving rests on: the `ceiling_effort` lever, and the runner-up line. On the real content.
struct CeilingEffortTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    /// 50M five-token moderations a month through a batch API: Claude Haiku 5.5 at its default (medium) effort spends
    /// almost all of its bill on thinking.
    static let moderations: [String: AnswerValue] = [
        "task_type": "moderation", "monthly_requests": 50_000_000, "avg_input_tokens": 200, "avg_output_tokens": 5,
        "latency": "batch"]

    func with(_ more: [String: AnswerValue]) -> [String: AnswerValue] { Self.moderations.merging(more) { $1 } }

    func monthly(_ a: Assessment, _ slug: String) throws -> Double {
        try #require(a.costs.first { $0.model == slug }).monthly_usd ?? .infinity
    }

    @Test func aPickDearerAtTheTeamsEffortThanTheModelPassedOverIsToldToTurnItsReasoningDown() throws {
        // The self-hosting rule names Llama 3.1 8B; with thinking off GPT-6 Luna costs under a fifth of it and takes
        // its place, but at medium effort Luna costs several times Llama.
        for effort: AnswerValue in ["default", "low"] {
            let a = engine.assess(k.answers(with(["can_self_host": true, "reasoning_effort": effort])))
            #expect(a.primaryModel == "gpt-6-luna" && a.primaryModelBasis == .preferred_over_ceiling, "\(effort)")
            let llama = try monthly(a, "llama-3-1-8b-self-hosted"), luna = try monthly(a, "gpt-6-luna")
            #expect(luna > llama)
            let lever = try #require(a.levers.first { $0.kind == .ceiling_effort }, "\(effort): \(a.levers.map(\.kind))")
            #expect(lever.changes == [LeverChange(answer: .reasoningEffort, to: "none")])
            #expect(lever.monthly_before == luna && lever.monthly_after < llama / 5, "\(lever)")
            #expect(lever.text.contains("more than the \(Format.money(llama)) of Llama 3.1 8B (self-hosted), the model it was chosen over"),
                    "\(lever.text)")
            // One lever on the effort, the one the verdict rests on: not also "one step down".
            #expect(!a.levers.contains { $0.kind == .lower_effort }, "\(a.levers.map(\.kind))")
        }
    }

    @Test func noSuchLeverWhereThereIsNothingToTurnDown() {
        // Thinking off already: the Haiku keeps the verdict. (ReviewSetTests holds the lever to the ceiling's picks
        // on every case of the review set.)
        let off = engine.assess(k.answers(with(["can_self_host": true, "reasoning_effort": "none"])))
        #expect(off.primaryModel == "claude-haiku-5-5")
        #expect(!off.levers.contains { $0.kind == .ceiling_effort })
        // The Haiku kept by the score is not a ceiling's pick, whatever its effort.
        #expect(!engine.assess(k.answers(Self.moderations)).levers.contains { $0.kind == .ceiling_effort })
    }

    @Test func aHaikuDearerOnlyForItsThinkingSaysSoBesideACheaperRunnerUp() throws {
        // Haiku 5.5 at medium effort costs about ten times Mistral Small; with thinking off on both it is the cheaper.
        let a = engine.assess(k.answers(Self.moderations))
        #expect(a.primaryModel == "claude-haiku-5-5")
        let runnerUp = try #require(a.decision.runner_up)
        #expect(runnerUp.difference_usd < 0)
        #expect(runnerUp.reason.contains("only its thinking at your effort answer makes it the dearer"), "\(runnerUp.reason)")
        #expect(!runnerUp.reason.contains("cost is not your first priority"), "\(runnerUp.reason)")
    }
}
