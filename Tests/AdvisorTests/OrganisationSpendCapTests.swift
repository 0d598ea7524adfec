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
        // Google's billing tiers give their caps alone (no model's per-minute figures): they are its ladder.
        let google = try #require(k.spendCapLadder(of: "Google", on: CivilDate.day("2026-12-06")!))
        #expect(google.map(\.tier) == ["tier_1", "tier_2", "tier_3", "above_tier_3"])
        #expect(google.map(\.monthly_spend_cap_usd) == [250, 2_000, 20_000, nil] && google.last?.negotiated == true)
        #expect(k.spendCapLadder(of: "DeepSeek", on: CivilDate.day("2026-12-06")!) == nil)
    }

    /// A Gemini month over a billing tier's cap says which tier it needs, and past Tier 3's that Google arranges
    /// more account by account: "Google publishes no limits we could check" was said of a $13.5M month.
    @Test func googlesBillingTiersHoldAGeminiMonth() throws {
        let engine = Engine(knowledge: Fixture.real)
        func rateWarning(_ requests: Double, cached: Double = 0) -> String? {
            let a = engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": .number(requests), "avg_input_tokens": 6_000,
                                                       "avg_output_tokens": 300, "cached_input_share": .number(cached),
                                                       "cost_priority": "primary", "required_fit": "strong", "as_of": "2026-12-07"]))
            #expect(a.primaryModel == "gemini-4-hydrogen")
            return a.warnings.first { $0.failure_mode == "rate-limits" && $0.model == "gemini-4-hydrogen" }?.text
        }
        let month = try #require(rateWarning(2_000_000, cached: 0.8))
        #expect(month.contains("Google's monthly spend caps are the organisation's, and this month needs at least Tier 3 (Tier 2 stops at $2,000); "
                               + "it publishes no per-minute limits for this model"), "\(month)")
        let huge = try #require(rateWarning(1_000_000_000))
        #expect(huge.contains("each tier Google publishes up to Tier 3 falls short on a limit or a spend cap it lists (Tier 3: $13,500,000 "
                              + "a month against a $20,000 spend cap), and above them limits are arranged with Google"), "\(huge)")
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

    /// Google's tiers give spend caps alone: a Gemini batch was "carried" by Tier 1 on its cap, though Google's batch
    /// limits are on no page (the shortcut is for Anthropic's batch queue, which its ladder lists).
    @Test func aGeminiBatchIsNotCarriedOnASpendCapAlone() throws {
        let engine = Engine(knowledge: Fixture.real)
        let a = engine.assess(Fixture.real.answers(["task_type": "summarization", "monthly_requests": 20_000, "avg_input_tokens": 2_000,
                                                   "avg_output_tokens": 200, "latency": "batch", "as_of": "2026-12-07"]))
        for line in a.costs where line.model.hasPrefix("gemini-4") {
            #expect(line.capacity?.status != .carried, "\(line.model): \(String(describing: line.capacity))")
        }
    }
}
