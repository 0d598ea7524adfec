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

    func line(_ a: Assessment, _ slug: String) throws -> CostLine { try #require(a.costs.first { $0.model == slug }) }

    @Test func costFirstRunsEveryModelAtItsLeastThinking() throws {
        // At its default, medium effort, GPT-6 Luna's assumed 1,200 reasoning tokens before each label cost
        // 1,200 × 1e9 × $0.25 / 1e6 = $300,000 a month on top of $12,500 of input, and every reasoning model lost to a
        // self-hosted Llama 3.1 8B at $28,400. With thinking off: 250 × 1e9 × $0.05 / 1e6 + 2 × 1e9 × $0.25 / 1e6 = $13,000.
        let a = engine.assess(k.answers(Self.bulk))
        #expect(a.primaryModel == "gpt-6-luna" && a.primaryModelBasis == .cheapest_fit, "\(a.primaryModel)")
        #expect(a.decision.monthly_usd == 13_000)
        let luna = try line(a, "gpt-6-luna")
        #expect(luna.rates.reasoning_effort == Effort.none && luna.rates.reasoning_effort_lowered_from == .medium)
        #expect(luna.rates.notes.contains { $0.hasPrefix("Cost comes first, so it is priced at its least thinking")
            && $0.contains("its default, medium effort, writes about 1,200 reasoning tokens") })
        #expect(try line(a, "llama-3-1-8b-self-hosted").monthly_usd > 2 * luna.monthly_usd)
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
            let luna = try line(a, "gpt-6-luna")
            #expect(luna.rates.reasoning_effort == effort && luna.rates.reasoning_effort_lowered_from == nil, "\(more)")
            #expect(luna.monthly_usd == 313_000, "\(more)")
        }
    }

    @Test func theAnswersTheSettingReadsAreCostInputs() {
        // What would change re-prices a change of cost priority, accuracy or complex share instead of reusing the
        // bills of the answers as given (Flips.swift).
        for id in [AnswerID.costPriority, .accuracy, .complexShare] {
            #expect(k.costInputs.contains(id) && k.usabilityInputs.contains(id), "\(id)")
        }
        #expect(!k.costInputs.contains(.taskType))
    }
}
