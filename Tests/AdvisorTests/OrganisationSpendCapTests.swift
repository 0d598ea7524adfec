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
        #expect(warning.text.contains("Anthropic's spend limits are the organisation's, and this workload needs at least its "
                                      + "Scale tier (Build: $6,000 a month against a $1,000 spend cap)"), "\(warning.text)")
        // What reaching it takes, as the tier warning of a model whose limits we read says it.
        #expect(warning.text.contains("How to reach the Scale tier: Same as Build: automatic with usage history"), "\(warning.text)")
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
        #expect(month.contains("Google's spend limits are the organisation's, and this workload needs at least Tier 3 (Tier 2: $13,320 a month "
                               + "against a $2,000 spend cap); it publishes no per-minute limits for this model. How to reach Tier 3: "
                               + "$1,000 paid (on any Google Cloud service billed to the linked account) and 30 days since the first successful payment."), "\(month)")
        #expect(!month.contains("would be close"), "\(month)")
        // The tier it needs can itself be close, as a carried tier's is said to be: $19,800 of the $20,000 planned
        // for Tier 3 was said nothing. (1.1M RAG requests of 8,000 tokens, $19,800 a month on Gemini 4 Hydrogen.)
        let close = engine.assess(Fixture.real.answers(["task_type": "rag", "monthly_requests": 1_100_000, "avg_input_tokens": 8_000,
                                                        "avg_output_tokens": 500, "required_fit": "strong", "cost_priority": "primary",
                                                        "peak_to_average": 1, "as_of": "2026-12-07"]))
        let tight = try #require(close.warnings.first { $0.failure_mode == "rate-limits" && $0.model == "gemini-4-hydrogen" }?.text)
        #expect(tight.contains("Even Tier 3 would be close: $19,800 of its $20,000 monthly spend cap (99 %)"), "\(tight)")
        let huge = try #require(rateWarning(1_000_000_000))
        // Where the thinking alone takes the peak past Scale, the warning says at which effort a published tier
        // carries it: 20M chats at medium effort need 2,178,082 output tokens a minute, 1,644,000 of them thinking.
        let chats = engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": 20_000_000, "avg_input_tokens": 2_000,
                                                        "avg_output_tokens": 300, "as_of": "2026-12-07"]))
        let thinking = try #require(chats.warnings.first { $0.failure_mode == "rate-limits" && $0.model == "claude-haiku-5-5" }?.text)
        #expect(thinking.contains("The thinking is what passes them: at low effort the Scale tier carries the peak, and Claude Haiku 5.5 "
                                  + "costs $12,100 a month"), "\(thinking)")
        #expect(huge.contains("each tier Google publishes up to Tier 3 falls short on a limit or a spend cap it lists (Tier 3: $13,500,000 "
                              + "a month against a $20,000 spend cap and about $9,247 in the busiest 10 minutes against a $200 spend "
                              + "limit per 10 minutes), and above them limits are arranged with Google"), "\(huge)")
    }

    /// Google holds spend to $10, $50 and $200 per rolling 10 minutes on Tiers 1 to 3, beside the monthly caps: a
    /// $1,620 month that Tier 2's $2,000 cap covers, at a peak of 200 times the average, spends about $74 in its
    /// busiest 10 minutes and needs Tier 3. Its warning said "Tier 2 stops at $2,000", a cap the month is under.
    @Test func aSharpPeakOverTheSpendLimitPerTenMinutesNeedsTheNextTier() throws {
        func assess(peak: Double) -> Assessment {
            engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": 120_000, "avg_input_tokens": 6_000,
                                                "avg_output_tokens": 300, "cost_priority": "primary", "required_fit": "strong",
                                                "peak_to_average": .number(peak), "as_of": "2026-12-07"]))
        }
        let even = assess(peak: 3)
        #expect(even.primaryModel == "gemini-4-hydrogen" && even.decision.monthly_usd == 1_620)
        #expect(even.capacity?.tier == "tier_2", "\(String(describing: even.capacity))")
        let sharp = assess(peak: 200)
        #expect(sharp.capacity?.status == .unknown && sharp.capacity?.tier == "tier_3", "\(String(describing: sharp.capacity))")
        #expect(sharp.capacity?.gap == "about $74 in the busiest 10 minutes against a $50 spend limit per 10 minutes",
                "\(String(describing: sharp.capacity))")
        let warning = try #require(sharp.warnings.first { $0.failure_mode == "rate-limits" && $0.model == "gemini-4-hydrogen" })
        #expect(warning.text.contains("needs at least Tier 3 (Tier 2: about $74 in the busiest 10 minutes against a $50 spend limit "
                                      + "per 10 minutes)"), "\(warning.text)")
        // Through the batch API no page times the spend: the limit per 10 minutes is not held against it.
        let need = Fixture.real.answers(["monthly_requests": 120_000, "peak_to_average": 200, "latency": "batch"])
        let hydrogen = try #require(Fixture.real.modelIndex["gemini-4-hydrogen"])
        #expect(need.values.withUnsafeBufferPointer { Fixture.real.peakNeed(model: hydrogen, $0, cachedPrefix: false) }.busiestTenMinutes == 0)
    }

    /// Every page that lists a provider's spend limits gives the same: the engine reads the organisation's ladder from
    /// one page, and Gemini 4 Carbon's Tier 1 changed to $20 per 10 minutes showed on its page while every cost row
    /// held to another page's $10.
    @Test func everyPageGivesTheProvidersSpendLimitsAlike() throws {
        var file = try Fixture.file()
        let i = try #require(file.models.firstIndex { $0.slug == "gemini-4-carbon" })
        var spec = file.models[i].spec
        spec.rate_limits?.tiers?[0].spend_per_10_minutes_usd = 20
        file.models[i] = FixtureEntry(slug: "gemini-4-carbon", title: "x", spec: spec, sources: file.models[i].sources)
        #expect {
            _ = try Fixture.knowledge(file)
        } throws: { error in
            guard let error = error as? KnowledgeError else { return false }
            return error.field == "model.rate_limits.tiers" && error.message.contains("tier_1: 250 a month, 20 per 10 minutes")
                && error.message.contains("a provider's spend limits are the organisation's")
        }
    }

    /// A peak just over a limit per 10 minutes is written in cents: "about $50 … against a $50 spend limit" was
    /// $50.29 against $50.
    @Test func aPeakJustOverTheLimitIsWrittenInCents() throws {
        let need = PeakNeed(rpm: 1, itpm: 0, otpm: 0, daily: 0, monthly: 1_000, queue: 0, queued: 0, batchLane: false,
                            slowSeconds: nil, uncachedInput: false, busiestTenMinutes: 0.025145)
        let tier = RateTier(tier: "tier_2", monthly_spend_cap_usd: 2_000, spend_per_10_minutes_usd: 50, requires: "x")
        #expect(need.exceeded(tier, spend: { 2_000 }) == "about $50.29 in the busiest 10 minutes against a $50.00 spend limit per 10 minutes")
        #expect(need.exceeded(tier, spend: { 1_900 }) == nil)
    }

    /// The busiest 10 minutes hold at least one whole request and at most the month: 100 requests a month are not
    /// a hundredth of a request in 10 minutes.
    @Test func theBusiestTenMinutesHoldAWholeRequest() throws {
        let hydrogen = try #require(Fixture.real.modelIndex["gemini-4-hydrogen"])
        func share(_ requests: Double, peak: Double) -> Double {
            Fixture.real.answers(["monthly_requests": .number(requests), "peak_to_average": .number(peak)]).values.withUnsafeBufferPointer {
                Fixture.real.peakNeed(model: hydrogen, $0, cachedPrefix: false).busiestTenMinutes
            }
        }
        #expect(share(100, peak: 3) == 0.01)
        #expect(share(1, peak: 1_000) == 1)
        #expect(abs(share(438_000, peak: 2) - 200 / 438_000) < 1e-12)
        #expect(share(0, peak: 3) == 0)
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
