import Testing
@testable import Advisor

/// A provider's monthly spend caps are the organisation's (failure-modes/rate-limits), so a model whose own limits we
/// could not read (`kind: not_read`) is still held to the caps its provider's other pages give.
struct OrganisationSpendCapTests {
    let engine = Engine(knowledge: Fixture.real)

    /// $6,000 a month on Sonnet 4.6 was "unlikely to bind" (ranked low) while Start stops at $500 and Build at $1,000.
    @Test func aMonthOverTheEntryCapNeedsTheTierWhoseCapCoversIt() throws {
        let a = engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": 1_000_000, "required_fit": "strong",
                                                    "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "claude-sonnet-4-6")
        #expect(a.capacity?.status == .unknown && a.capacity?.tier == "scale", "\(String(describing: a.capacity))")
        let warning = try #require(a.warnings.first { $0.failure_mode == "rate-limits" })
        #expect(warning.text.contains("Anthropic's monthly spend caps are the organisation's, and this month needs at least its "
                                      + "Scale tier (Build stops at $1,000)"), "\(warning.text)")
        #expect(!warning.text.contains("unlikely to bind"))
    }

    /// The tier needed for the spend cap of the one below it, whose per-minute limits carry the peak: below it the
    /// month stops at the cap, not at the peaks ("expect 429 errors at every peak" stood beside "Build's per-minute
    /// limits would carry the peak", the clause held to the entry tier, Start).
    @Test func belowATierNeededForTheCapBelowItTheCapStopsTheMonth() throws {
        let a = engine.assess(Fixture.real.answers(["task_type": "extraction", "monthly_requests": 450_000, "avg_input_tokens": 76_000,
                                                    "avg_output_tokens": 800, "as_of": "2026-12-07"]))
        let warning = try #require(a.warnings.first { $0.failure_mode == "rate-limits" && $0.model == a.primaryModel })
        #expect(warning.text.contains("over Build's $1,000 monthly spend cap, though Build's per-minute limits would carry the peak; "
                                      + "below it, the spend cap stops every request"), "\(warning.text)")
        #expect(!warning.text.contains("expect 429 errors at every peak"))
    }

    /// Under the entry tier's cap, nothing changes: the capacity names no tier.
    @Test func aMonthUnderTheEntryCapNamesNoTier() {
        let a = engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": 20_000, "required_fit": "strong",
                                                    "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "claude-sonnet-4-6")
        #expect(a.capacity?.status == .unknown && a.capacity?.tier == nil, "\(String(describing: a.capacity))")
    }

    /// The ladder is the provider's caps without another model's per-minute limits; a provider that publishes no
    /// spend cap has none.
    @Test func theLadderCarriesCapsOnly() throws {
        let k = Fixture.real
        let ladder = try #require(k.spendCapLadder(of: "Anthropic", on: CivilDate.day("2026-12-06")!))
        #expect(ladder.map(\.tier).prefix(3) == ["start", "build", "scale"])
        #expect(ladder.map(\.monthly_spend_cap_usd).prefix(3) == [500, 1_000, 200_000])
        #expect(ladder.allSatisfy { $0.rpm == nil && $0.itpm == nil && $0.otpm == nil && $0.max_concurrent == nil })
        #expect(k.spendCapLadder(of: "Google", on: CivilDate.day("2026-12-06")!) == nil)
    }
}

/// The batch queue is the organisation's too (Anthropic's Message Batches limits are shared by every model).
struct OrganisationBatchQueueTests {
    let engine = Engine(knowledge: Fixture.real)
    let strict: [String: AnswerValue] = ["task_type": "moderation", "accuracy": "first_time_right", "review_capacity": "none",
                                         "cost_priority": "secondary", "avg_input_tokens": 600, "avg_output_tokens": 10,
                                         "latency": "batch", "as_of": "2026-12-06"]

    /// 3.29M requests a day in the queue was "at least Scale", whose queue takes 500,000, with no batch-limit trap.
    @Test func aQueuePastScaleNeedsCustomAndIsATrap() throws {
        var answers = strict
        answers["monthly_requests"] = 100_000_000
        let a = engine.assess(Fixture.real.answers(answers))
        #expect(a.primaryModel == "claude-sonnet-4-6")
        #expect(a.capacity?.tier == "custom" && a.capacity?.gap?.contains("3,287,671 requests in the batch queue against 500,000") == true,
                "\(String(describing: a.capacity))")
        #expect(a.decision.traps.contains { $0.kind == .batch_limit }, "\(a.decision.traps.map(\.kind))")
    }

    /// A small batch month is carried by the entry tier's queue and cap, the only limits a batch API meets: it was a
    /// high "nothing we could check" warning.
    @Test func aSmallQueueIsCarriedByTheEntryTier() {
        var answers = strict
        answers["monthly_requests"] = 100_000
        let a = engine.assess(Fixture.real.answers(answers))
        #expect(a.capacity?.status == .carried && a.capacity?.tier == "start", "\(String(describing: a.capacity))")
    }
}
