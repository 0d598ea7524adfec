import Testing
import Advisor
import Usage

/// The distribution priced request by request (Sources/Advisor/UsagePricing.swift).
@Suite struct UsagePricingTests {
    /// Claude Haiku 5.5, counted with its own tokenizer, no reasoning, no cache, interactive: the price rules that
    /// remain are the long-context cliff at 100,000 prompt tokens ($0.10 / $0.50 below, $0.50 / $2.50 above,
    /// whole request).
    static let plain: [String: AnswerValue] = [
        "monthly_requests": .number(100_000), "tokens_counted_with": .text("claude-haiku-5-5"),
        "reasoning_effort": .text("none"), "cached_input_share": .number(0), "latency": .text("interactive"),
    ]

    /// 92 % of requests at 20,000 prompt tokens, 8 % at 150,000; 500 output tokens each.
    static let cliff = UsageProfile([
        UsageSample(requests: 92, uncachedInput: 20_000, cacheRead: 0, cacheWrite: 0, output: 500),
        UsageSample(requests: 8, uncachedInput: 150_000, cacheRead: 0, cacheWrite: 0, output: 500),
    ])

    @Test func theEightPercentOverTheCliffCostWhatTheyCost() throws {
        let answers = try UsageFixture.answers(Self.plain)
        let (assessment, comparison) = UsageFixture.engine.assess(answers, usage: Self.cliff, currentModel: "claude-haiku-5-5", alsoInUse: [])
        let haiku = try #require(assessment.costs.first { $0.model == "claude-haiku-5-5" })
        // By hand: 100,000 × (0.92 × (20,000 × $0.10 + 500 × $0.50) + 0.08 × (150,000 × $0.50 + 500 × $2.50)) / 1e6
        //        = 100,000 × (0.92 × 2,250 + 0.08 × 76,250) / 1e6 = $817.00.
        #expect(abs(haiku.monthly_usd - 817.0) < 0.01, "\(haiku.monthly_usd)")
        #expect(haiku.rates.band == .mixed)
        #expect(haiku.rates.notes.contains { $0.contains("8% of requests are above the 100,000-token threshold") }, "\(haiku.rates.notes)")
        #expect(comparison.current_monthly_usd.map { abs($0 - 817.0) < 0.01 } == true)
        let facts = try #require(comparison.models.first { $0.model == "claude-haiku-5-5" })
        #expect(abs(facts.long_context_share - 0.08) < 1e-9)
        // The average prompt (30,400 tokens) is far under the line, so only the distribution shows the cliff: what the
        // long-context rates add to the 8 %, 100,000 × 0.08 × (76,250 − (150,000 × $0.10 + 500 × $0.50)) / 1e6 = $488.
        let trap = try #require(assessment.decision.traps.first { $0.kind == .long_context_share && $0.model == "claude-haiku-5-5" },
                                "\(assessment.decision.traps.map(\.kind))")
        #expect(trap.amount_usd == 488 && trap.text.hasPrefix("8 % of the imported requests are above Claude Haiku 5.5's "
                                                              + "100,000-token line"), "\(trap.text)")
        // An average near the line under an import is not the near-line trap, which would ask for the import it has:
        // half at 20,000 tokens and half at 150,000 average 85,000, 85 % of the way.
        let halves = UsageProfile([
            UsageSample(requests: 50, uncachedInput: 20_000, cacheRead: 0, cacheWrite: 0, output: 500),
            UsageSample(requests: 50, uncachedInput: 150_000, cacheRead: 0, cacheWrite: 0, output: 500),
        ])
        let near = UsageFixture.engine.assess(try UsageFixture.answers(Self.plain), usage: halves, currentModel: "claude-haiku-5-5", alsoInUse: []).assessment
        #expect(near.decision.traps.contains { $0.kind == .long_context_share } && !near.decision.traps.contains { $0.kind == .long_context_near_line },
                "\(near.decision.traps.map(\.kind))")
        // Without an import the same average is under the line, and nothing is said.
        let average = UsageFixture.engine.assess(try UsageFixture.answers(Self.plain.merging(["avg_input_tokens": .number(30_400),
                                                                                             "avg_output_tokens": .number(500)]) { $1 }))
        #expect(!average.decision.traps.contains { $0.kind == .long_context_share || $0.kind == .long_context_cliff })
    }

    /// A file none of whose requests crosses Haiku 5.5's whole-request line, its longest at 96 % of it: a report's
    /// bucket averages hide longer requests, so the near-line trap is said on the longest, priced as the file's
    /// requests each longer by the 3.8 % that takes the longest over. An Admin report of 96,319-token averages was
    /// priced all at the standard rates and said nothing, where the same average typed in warned of $12,597 more.
    @Test func theLongestImportedRequestNearTheLineIsATrap() throws {
        let near = UsageProfile([UsageSample(requests: 700, uncachedInput: 96_319, cacheRead: 0, cacheWrite: 0, output: 500)])
        let answers = try UsageFixture.answers(Self.plain.merging(["monthly_requests": .number(300_000)]) { $1 })
        let a = UsageFixture.engine.assess(answers, usage: near, currentModel: "claude-haiku-5-5", alsoInUse: []).assessment
        let trap = try #require(a.decision.traps.first { $0.kind == .long_context_near_line_import && $0.model == "claude-haiku-5-5" },
                                "\(a.decision.traps.map(\.kind))")
        // By hand: under the line, 300,000 × (96,319 × $0.10 + 500 × $0.50) / 1e6 = $2,964.57; with prompts of 100,001
        // tokens, 300,000 × (100,001 × $0.50 + 500 × $2.50) / 1e6 = $15,375.15: $12,410.58 more.
        #expect(trap.amount_usd.map { abs($0 - 12_410.58) < 1 } == true, "\(trap.amount_usd ?? -1)")
        #expect(trap.text.contains("the longest of the imported requests is 96,319 tokens on its count, 96 % of the way"), "\(trap.text)")
        #expect(trap.text.contains("Were every prompt 3.8 % longer"), "\(trap.text)")
        // A file whose longest request is far under the line says nothing of it; one with requests over the line says
        // what they cost (the share trap), not this.
        let far = UsageProfile([UsageSample(requests: 700, uncachedInput: 60_000, cacheRead: 0, cacheWrite: 0, output: 500)])
        let farOff = UsageFixture.engine.assess(answers, usage: far, currentModel: "claude-haiku-5-5", alsoInUse: []).assessment
        #expect(!farOff.decision.traps.contains { $0.kind == .long_context_near_line_import })
        let over = UsageFixture.engine.assess(answers, usage: Self.cliff, currentModel: "claude-haiku-5-5", alsoInUse: []).assessment
        #expect(!over.decision.traps.contains { $0.kind == .long_context_near_line_import })
        // Five requests at 99,000 tokens among 41 other sizes: read on the distribution the costs are priced on, not the
        // what-if search's 32 groups, which averaged them away.
        let many = UsageProfile((0..<41).map { UsageSample(requests: 20, uncachedInput: Double(10_000 + 500 * $0), cacheRead: 0,
                                                           cacheWrite: 0, output: 500) }
                                + [UsageSample(requests: 5, uncachedInput: 99_000, cacheRead: 0, cacheWrite: 0, output: 500)])
        let longest = UsageFixture.engine.assess(answers, usage: many, currentModel: "claude-haiku-5-5", alsoInUse: []).assessment
        let found = try #require(longest.decision.traps.first { $0.kind == .long_context_near_line_import && $0.model == "claude-haiku-5-5" },
                                 "\(longest.decision.traps.map(\.kind))")
        #expect(found.text.contains("the longest of the imported requests is 99,000 tokens on its count, 99 % of the way"), "\(found.text)")
    }

    /// 2 % of a file's prompts outgrow Haiku 5.5's window (900,000 tokens, 1,170,000 on its count) and every model
    /// misses the headroom on them: the one named is one that takes every request, not the Haiku, and why the Haiku
    /// cannot is said ("it cannot take this workload: it cannot take this workload").
    @Test func nothingUsableUnderAnImportNamesAModelThatTakesEveryRequest() throws {
        let a = try Self.twoSizes("summarization", countedWith: "gpt-6-luna", small: (98, 8_000), large: (2, 900_000), output: 1_500)
        #expect(a.primaryModelBasis == .nothing_usable)
        let primary = try #require(a.costs.first { $0.model == a.primaryModel })
        #expect(primary.fits && a.primaryModel != "claude-haiku-5-5", "\(a.primaryModel)")
        let outgrown = try #require(a.warnings.first { $0.text.hasPrefix("Claude Haiku 5.5 cannot take this workload:") })
        #expect(outgrown.text.contains("2 % of the imported requests do not fit its 1,000,000-token window or 128,000-token "
                                       + "output limit") && outgrown.url == "/failure-modes/long-context-cost", "\(outgrown)")
        #expect(!a.warnings.contains { $0.text.contains("cannot take this workload: it cannot take this workload") })
    }

    /// Half the requests read a 20,000-token prefix from the cache and half logged none: those are priced with no cached
    /// prefix, not the file's 49 % share, which took the bill 38 % under the one logged. By hand, 100,000 requests:
    /// (0.5 × (500 × $0.10 + 20,000 × $0.01 + 100 × $0.50) + 0.5 × (20,500 × $0.10 + 100 × $0.50)) / 1e6 × 100,000
    /// = $120.00.
    @Test func aRequestThatLoggedNoCacheHasNoCachedPrefix() throws {
        let halfCached = UsageProfile([
            UsageSample(requests: 50, uncachedInput: 500, cacheRead: 20_000, cacheWrite: 0, output: 100),
            UsageSample(requests: 50, uncachedInput: 20_500, cacheRead: 0, cacheWrite: 0, output: 100),
        ])
        var given = Self.plain
        given["avg_input_tokens"] = .number(20_500)
        given["avg_output_tokens"] = .number(100)
        given["cached_input_share"] = .number((halfCached.cachedShare * 100).rounded() / 100)
        let answers = try UsageFixture.answers(given)
        let (assessment, comparison) = UsageFixture.engine.assess(answers, usage: halfCached, currentModel: "claude-haiku-5-5", alsoInUse: [])
        let haiku = try #require(assessment.costs.first { $0.model == "claude-haiku-5-5" })
        #expect(abs(haiku.monthly_usd - 120.0) < 0.01, "\(haiku.monthly_usd)")
        #expect(comparison.current_monthly_usd.map { abs($0 - 120.0) < 0.01 } == true)
    }

    /// A file whose cached share is 87.5 % carries 0.88 in the answers (hundredths, rounded half up): that is the
    /// file's own figure, not a stretch. In floating point 0.88 − 0.875 is a hair over 0.005, and every cached prefix
    /// was read as 0.88 / 0.875 of itself. By hand, 100,000 requests, a fifth reading 280,000 cached tokens on the
    /// long-context band ($0.50 / $0.05 / $2.50) and the rest 5,000 fresh ($0.10 / $0.50), 100 output tokens each:
    /// 20,000 × (20,000 × 0.50 + 280,000 × 0.05 + 100 × 2.50) / 1e6 + 80,000 × (5,000 × 0.10 + 100 × 0.50) / 1e6
    /// = $485 + $44 = $529.
    @Test func aFilesOwnShareRoundedUpIsNoStretch() throws {
        let profile = UsageProfile([
            UsageSample(requests: 1, uncachedInput: 20_000, cacheRead: 280_000, cacheWrite: 0, output: 100),
            UsageSample(requests: 4, uncachedInput: 5_000, cacheRead: 0, cacheWrite: 0, output: 100),
        ])
        #expect(abs(profile.cachedShare - 0.875) < 1e-12)
        var given = Self.plain
        given["avg_input_tokens"] = .number(64_000)
        given["avg_output_tokens"] = .number(100)
        given["cached_input_share"] = .number(0.88)
        func month(_ share: Double) throws -> Double {
            given["cached_input_share"] = .number(share)
            let assessment = UsageFixture.engine.assess(try UsageFixture.answers(given), usage: profile, currentModel: "claude-haiku-5-5", alsoInUse: []).assessment
            return try #require(assessment.costs.first { $0.model == "claude-haiku-5-5" }).monthly_usd
        }
        // The rounded answer prices what the exact share prices; both the hand figure, but for cache writes at
        // this rate (a few cents). Stretched, the reads alone were $1.60 more.
        let rounded = try month(0.88), exact = try month(0.875)
        #expect(rounded == exact)
        #expect(abs(rounded - 529.0) < 0.10, "\(rounded)")
    }

    /// Left at the default effort, every group of an import runs at the average request's level: a team sets one.
    /// Lowered group by group for room, Sonnet 5.5's line said high effort over a month with its longest tenth at
    /// medium, and the tenth its default cuts off went unsaid. By hand ($2 / $10, high 3,000 reasoning tokens),
    /// 100,000 requests: 90,000 × (2,000 × 2 + 3,500 × 10) / 1e6 + 10,000 × (2,000 × 2 + 104,000 × 10) / 1e6
    /// = $3,510 + $10,440 = $13,950.
    @Test func everyGroupRunsAtTheAverageRequestsEffort() throws {
        let profile = UsageProfile([
            UsageSample(requests: 90, uncachedInput: 2_000, cacheRead: 0, cacheWrite: 0, output: 500),
            UsageSample(requests: 10, uncachedInput: 2_000, cacheRead: 0, cacheWrite: 0, output: 101_000),
        ])
        let answers = try UsageFixture.answers(["task_type": .text("summarization"), "monthly_requests": .number(100_000),
                                                "tokens_counted_with": .text("claude-haiku-5-5"), "latency": .text("interactive")])
        let (assessment, comparison) = UsageFixture.engine.assess(answers, usage: profile, currentModel: nil, alsoInUse: [])
        let sonnet = try #require(assessment.costs.first { $0.model == "claude-sonnet-5-5" })
        #expect(sonnet.rates.reasoning_effort == .high && abs(sonnet.monthly_usd - 13_950) < 0.01, "\(sonnet.monthly_usd)")
        let facts = try #require(comparison.models.first { $0.model == "claude-sonnet-5-5" })
        #expect(abs(facts.over_headroom_share - 0.1) < 1e-9 && !sonnet.within_headroom)
    }

    /// 365,651 requests a month on 2026-12-06 with no cache and a 1.9 peak, in two sizes of prompt (`small` and
    /// `large` requests of each thousand), assessed on the distribution.
    static func twoSizes(_ task: String, countedWith: String, small: (requests: Int, tokens: Int), large: (requests: Int, tokens: Int),
                         output: Int) throws -> Assessment {
        let average = (small.requests * small.tokens + large.requests * large.tokens) / (small.requests + large.requests)
        let answers = try UsageFixture.answers([
            "task_type": .text(task), "monthly_requests": .number(365_651), "avg_input_tokens": .number(Double(average)),
            "avg_output_tokens": .number(Double(output)), "cached_input_share": .number(0),
            "tokens_counted_with": .text(countedWith), "peak_to_average": .number(1.9), "as_of": .text("2026-12-06")])
        let profile = UsageProfile([small, large].map {
            UsageSample(requests: Double($0.requests), uncachedInput: Double($0.tokens), cacheRead: 0, cacheWrite: 0, output: Double(output))
        })
        return UsageFixture.engine.assess(answers, usage: profile, currentModel: nil, alsoInUse: []).0
    }

    /// The spend caps hold the distribution's month: 95 % of summaries at 3,000 prompt tokens and 5 % at 120,000 cost
    /// $1,826 a month on Haiku 5.5 request by request, $641 at the average size; Build's $1,000 cap does not carry
    /// that, so Scale is the tier needed.
    @Test func theSpendCapsHoldTheDistributionsMonth() throws {
        let a = try Self.twoSizes("summarization", countedWith: "cohere-command-r7b", small: (950, 3_000), large: (50, 120_000), output: 5)
        let haiku = try #require(a.costs.first { $0.model == "claude-haiku-5-5" })
        #expect(haiku.monthly_usd > 1_000)
        #expect(haiku.capacity?.tier == "scale", "\(String(describing: haiku.capacity))")
        #expect(!a.warnings.contains { $0.text.contains("of its $1,000 monthly spend cap") })
    }

    /// A ceiling reached on a distribution where only part of the prompts cross Haiku 5.5's price line says that line
    /// is the gap, not "no price threshold is at play": 100 of 1,000 extractions at 150,000 tokens are most of its month.
    @Test func aCeilingReachedOnPartOfThePromptsNamesTheLine() throws {
        let a = try Self.twoSizes("extraction", countedWith: "claude-haiku-4-5", small: (900, 2_000), large: (100, 150_000), output: 400)
        #expect(a.primaryModelBasis == .cost_ceiling)
        #expect(a.reasons.contains { $0.text.contains("Part of the prompts are over Claude Haiku 5.5's 100,000-token price threshold") })
        #expect(!a.reasons.contains { $0.text.contains("No price threshold is at play") })
    }

    /// Everything priced beside the cost table is priced as the table is, through the distribution: a lever's month
    /// after (applied and assessed again on the same import), the tokenizer trap's amount, the effort branch, and
    /// which cheaper models were passed over. On
    /// the average request instead, a batch lever on this traffic (summaries at Haiku 5.5's default effort, a tenth
    /// of the prompts over its 100,000-token line) "saved" $16,206 of an $18,308 month, when the batch API's half
    /// saves half, and Haiku 5.5 at high effort came out cheaper than at its default.
    @Test func leversTrapsAndTheEffortBranchArePricedThroughTheDistribution() throws {
        let k = UsageFixture.knowledge
        let profile = UsageProfile([
            UsageSample(requests: 90, uncachedInput: 1_000, cacheRead: 0, cacheWrite: 0, output: 200),
            UsageSample(requests: 10, uncachedInput: 300_000, cacheRead: 0, cacheWrite: 0, output: 1_000),
        ])
        for task in ["summarization", "rag"] {
            let answers = try UsageFixture.answers(["task_type": .text(task), "monthly_requests": .number(876_000),
                                                    "avg_input_tokens": .number(30_900), "avg_output_tokens": .number(280)])
            let (a, _) = UsageFixture.engine.assess(answers, usage: profile, currentModel: nil, alsoInUse: [])
            let primary = try #require(a.costs.first { $0.model == a.primaryModel })
            #expect(primary.rates.band == .mixed, "\(task): a tenth of the requests over the line")
            for lever in a.levers where lever.kind != .route_complex && lever.kind != .route_simple {
                var changed = answers
                for change in lever.changes { changed = try k.replacing(change.answer, with: change.to, in: changed) }
                let (after, _) = UsageFixture.engine.assess(changed, usage: profile, currentModel: nil, alsoInUse: [])
                let line = try #require(after.costs.first { $0.model == lever.model })
                #expect(abs(line.monthly_usd - lever.monthly_after) < 0.01, "\(task) \(lever.kind): \(lever.text)")
                #expect(after.verdict == lever.verdict, "\(task) \(lever.kind)")
                if lever.kind == .batch {
                    #expect(abs(lever.monthly_after - lever.monthly_before / 2) < 0.01, "half off every class: \(lever.text)")
                }
            }
            if task == "summarization" { #expect(a.levers.contains { $0.kind == .batch }) }
            // A model passed over holds every request: one whose window the long tenth outgrows is greyed in the
            // table, not named "cheaper, but deprecated" (GPT-4o mini's 128K window under 390K-token prompts).
            if task == "rag" { #expect(!a.decision.passed_over.isEmpty) }
            for passed in a.decision.passed_over {
                #expect(a.costs.first { $0.model == passed.model }?.fits == true, "\(task): \(passed.model) \(passed.reason)")
            }
            // The tokenizer trap is the table's figure less the same numbers counted with Haiku 5.5's own tokenizer,
            // each less what the long-context rates add to its requests over the line: that is the share trap's.
            if let trap = a.decision.traps.first(where: { $0.kind == .tokenizer_ratio && $0.model == "claude-haiku-5-5" }),
               let haiku = a.costs.first(where: { $0.model == "claude-haiku-5-5" }) {
                let sameCount = try k.replacing(.tokensCountedWith, with: .text("claude-haiku-5-5"), in: answers)
                let (own, _) = UsageFixture.engine.assess(sameCount, usage: profile, currentModel: nil, alsoInUse: [])
                let counted = try #require(own.costs.first { $0.model == "claude-haiku-5-5" })
                func cliff(_ x: Assessment) -> Double {
                    x.decision.traps.first { $0.kind == .long_context_share && $0.model == "claude-haiku-5-5" }?.amount_usd ?? 0
                }
                #expect(cliff(a) > 0 && cliff(own) > 0, "\(task): a tenth of the prompts over the line either way")
                #expect(abs((trap.amount_usd ?? -1) - ((haiku.monthly_usd - cliff(a)) - (counted.monthly_usd - cliff(own)))) < 0.02,
                        "\(trap.text)")
            }
            // A higher effort costs more than the default, on the same distribution.
            if let option = a.effortOption, let haiku = a.costs.first(where: { $0.model == option.haiku_model }) {
                #expect(option.haiku_monthly_usd > haiku.monthly_usd, "\(task): \(option.haiku_monthly_usd) at \(option.effort) vs \(haiku.monthly_usd)")
            }
        }
    }

    @Test func theSameAveragesTypedByHandMissTheCliff() throws {
        // The mean prompt, 0.92 × 20,000 + 0.08 × 150,000 = 30,400 tokens, is below the threshold:
        // 100,000 × (30,400 × $0.10 + 500 × $0.50) / 1e6 = $329.00.
        var typed = Self.plain
        typed["avg_input_tokens"] = .number(30_400)
        typed["avg_output_tokens"] = .number(500)
        let costs = UsageFixture.engine.costs(try UsageFixture.answers(typed))
        let haiku = try #require(costs.first { $0.model == "claude-haiku-5-5" })
        #expect(abs(haiku.monthly_usd - 329.0) < 0.01, "\(haiku.monthly_usd)")
        #expect(haiku.rates.band == .standard)
    }

    @Test func answersStretchTheDistribution() throws {
        // Doubling monthly_requests doubles the bill; halving avg_input_tokens halves every prompt, and 150,000
        // becomes 75,000: below the cliff. 100,000 × 2 × (0.92 × (10,000 × 0.10 + 250) + 0.08 × (75,000 × 0.10 + 250)) / 1e6.
        var changed = Self.plain
        changed["monthly_requests"] = .number(200_000)
        changed["avg_input_tokens"] = .number(15_200)
        let (assessment, _) = UsageFixture.engine.assess(try UsageFixture.answers(changed), usage: Self.cliff, currentModel: nil, alsoInUse: [])
        let haiku = try #require(assessment.costs.first { $0.model == "claude-haiku-5-5" })
        let expected = 200_000 * (0.92 * (10_000 * 0.10 + 250) + 0.08 * (75_000 * 0.10 + 250)) / 1e6
        #expect(abs(haiku.monthly_usd - expected) < 0.01, "\(haiku.monthly_usd) vs \(expected)")
    }

    /// Requests logged on Claude Haiku 4.5 with tools (tool_choice auto) already hold its 346-token tool-use system
    /// prompt, which its cost line adds again: the import takes it out of the logged prompts first, so the month is
    /// what the logged tokens cost, not 346 tokens a request more.
    @Test func theLoggedModelsToolPromptIsBilledOnce() throws {
        var given = Self.plain
        given["tokens_counted_with"] = .text("claude-haiku-4-5")
        given["tool_choice"] = .text("auto")
        let logged = UsageProfile([UsageSample(requests: 10, uncachedInput: 10_346, cacheRead: 0, cacheWrite: 0, output: 200)])
        let (assessment, comparison) = UsageFixture.engine.assess(try UsageFixture.answers(given), usage: logged,
                                                                  currentModel: "claude-haiku-4-5", alsoInUse: [])
        // By hand: 100,000 × (10,346 × $1.00 + 200 × $5.00) / 1e6 = $1,134.60 (not $1,169.20 with 10,692 tokens).
        let haiku = try #require(assessment.costs.first { $0.model == "claude-haiku-4-5" })
        #expect(abs(haiku.monthly_usd - 1_134.60) < 0.01, "\(haiku.monthly_usd)")
        #expect(comparison.current_monthly_usd.map { abs($0 - 1_134.60) < 0.01 } == true)
        // Without tools nothing is taken out.
        given["tool_choice"] = .text("none")
        let (plain, _) = UsageFixture.engine.assess(try UsageFixture.answers(given), usage: logged, currentModel: "claude-haiku-4-5", alsoInUse: [])
        let untouched = try #require(plain.costs.first { $0.model == "claude-haiku-4-5" })
        #expect(abs(untouched.monthly_usd - 1_134.60) < 0.01, "\(untouched.monthly_usd)")
    }

    @Test func theLeadingPromptComesOutOfTheCachedPrefixFirst() {
        let logged = UsageProfile([
            UsageSample(requests: 1, uncachedInput: 5_000, cacheRead: 5_346, cacheWrite: 0, output: 10),
            UsageSample(requests: 1, uncachedInput: 1_000, cacheRead: 100, cacheWrite: 300, output: 10),
            UsageSample(requests: 1, uncachedInput: 200, cacheRead: 0, cacheWrite: 0, output: 10),
        ]).removingLeadingPrompt(346)
        #expect(logged.samples == [
            UsageSample(requests: 1, uncachedInput: 5_000, cacheRead: 5_000, cacheWrite: 0, output: 10),
            UsageSample(requests: 1, uncachedInput: 1_000, cacheRead: 0, cacheWrite: 54, output: 10),
            UsageSample(requests: 1, uncachedInput: 0, cacheRead: 0, cacheWrite: 0, output: 10),
        ])
    }

    @Test func aLinkCarriesTheDistributionUnchanged() throws {
        let text = Self.cliff.encoded
        #expect(text == "92-20000-0-0-500_8-150000-0-0-500")
        #expect(try UsageProfile(encoded: text) == Self.cliff)
        #expect(throws: AnswerError.self) { try UsageProfile(encoded: "92-20000-0-0") }
        #expect(throws: AnswerError.self) { try UsageProfile(encoded: "1-nan-0-0-5") }
        #expect(throws: AnswerError.self) { try UsageProfile(encoded: "0-1-0-0-5") }
        // The 1-hour writes are part of the writes: more of them is refused, not clamped.
        #expect(throws: AnswerError.self) { try UsageProfile(encoded: "1-1000-0-0-200-99999999999") }
        #expect(throws: AnswerError.self) { try UsageProfile(encoded: "1-1000-0-5-200-6") }
        #expect(try UsageProfile(encoded: "1-1000-0-5-200-5").samples.count == 1)
        // The batch share rides along as a last group of per mille, so that a share link says what its upload said.
        var batched = Self.cliff
        batched.batchShare = 0.5
        #expect(batched.encoded == "92-20000-0-0-500_8-150000-0-0-500_b500")
        #expect(try UsageProfile(encoded: batched.encoded) == batched)
        batched.batchShare = 0.0001
        #expect(batched.encoded.hasSuffix("_b1"), "any share above none is said")
        for bad in ["92-20000-0-0-500_b1001", "92-20000-0-0-500_bx", "92-20000-0-0-500_b-1", "92-20000-0-0-500_b-0", "92-20000-0-0-500_b+5"] {
            #expect(throws: AnswerError.self, "\(bad)") { try UsageProfile(encoded: bad) }
        }
        // A profile of no tokens priced every model at $0 and left the answers' sizes unused: refused, as an upload is.
        #expect(throws: AnswerError.self) { try UsageProfile(encoded: "1-0-0-0-0_5-0-0-0-0") }
    }

    /// A side the profile holds no tokens of takes the answer for every request: `usage=1-100-0-0-0` with 5,000 output
    /// tokens answered priced no output at all (the answer was stretched by its ratio to a mean of 0).
    @Test func anAnswerForASideTheProfileLacksIsEveryRequests() throws {
        let profile = try UsageProfile(encoded: "1-100-0-0-0")
        let answers = try UsageFixture.answers(["task_type": .text("rag"), "monthly_requests": .number(1_000), "avg_output_tokens": .number(5_000),
                                                "reasoning_effort": .text("none")])
        let (a, _) = UsageFixture.engine.assess(answers, usage: profile, currentModel: nil, alsoInUse: [])
        let haiku = try #require(a.costs.first { $0.model == "claude-haiku-4-5" })
        // 1,000 requests × 5,000 output tokens at $5 a million (Haiku 4.5 counts as written, no thinking at effort none).
        #expect(haiku.rates.output_tokens_per_request == 5_000 && abs(haiku.output_usd - 25) < 0.01,
                "\(haiku.rates.output_tokens_per_request) \(haiku.output_usd)")
    }

    @Test func compactingKeepsTheRequestsAndTheMeans() {
        let many = UsageProfile((0..<1_000).map {
            UsageSample(requests: 1, uncachedInput: Double($0 * 100), cacheRead: 0, cacheWrite: 0, output: Double($0))
        })
        let small = many.compacted(to: 64)
        #expect(small.samples.count <= 64)
        #expect(small.requests == many.requests)
        #expect(abs(small.meanPrompt - many.meanPrompt) < 1)
        // As many groups as asked for, of nearly equal counts: 1,000 requests in 64 groups of 15 or 16. Each group
        // was once held to the requests of all the groups before it, and 1,000 became about 11.
        #expect(small.samples.count == 64, "\(small.samples.count)")
        #expect(small.samples.allSatisfy { $0.requests >= 15 && $0.requests <= 16 }, "\(small.samples.map(\.requests))")
    }

    /// A gap in the sizes is never averaged across: 3.2 % of prompts at 140,000 tokens among short ones, in 32 groups,
    /// were merged with 900-token prompts into a 73,000-token group under Haiku 5.5's 100,000-token line, and the cost
    /// ceiling weighed $1,338 against the $6,070 the cost table priced; Haiku 5.5 stayed at 5.9 times GPT-6 Luna.
    @Test func compactingNeverAveragesAcrossAGapInTheSizes() throws {
        let short = (0..<1_936).map { UsageSample(requests: 1, uncachedInput: Double(300 + $0 % 600), cacheRead: 0, cacheWrite: 0, output: 5) }
        let long = (0..<64).map { _ in UsageSample(requests: 1, uncachedInput: 140_000, cacheRead: 0, cacheWrite: 0, output: 40) }
        let small = UsageProfile(short + long).compacted(to: 32)
        #expect(small.samples.map(\.prompt).max() == 140_000)
        #expect(small.requests == 2_000)
        #expect(small.samples.count <= 33, "\(small.samples.count)")
        // Short classifications too: 150 to 250 tokens beside 1.5 % at 140,000 (a floor of 256 on the last prompt
        // left them averaged under the line).
        let tiny = (0..<4_925).map { UsageSample(requests: 1, uncachedInput: Double(150 + $0 % 101), cacheRead: 0, cacheWrite: 0, output: 5) }
        let rare = (0..<75).map { _ in UsageSample(requests: 1, uncachedInput: 140_000, cacheRead: 0, cacheWrite: 0, output: 5) }
        #expect(UsageProfile(tiny + rare).compacted(to: 32).samples.map(\.prompt).max() == 140_000)
        // Imported, the ceiling weighs the months the table prices, and moves a balanced budget off the Haiku.
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<2_000).map { i in "\(1_793_577_600 + i * 300),claude-haiku-4-5-20251001,\(i % 31 == 0 ? 140_000 : 300 + i % 600),\(i % 31 == 0 ? 40 : 5),0,0" }
        let given = try UsageFixture.answers(["task_type": .text("classification"), "monthly_requests": .number(2_000_000)])
        let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                            knowledge: UsageFixture.knowledge)
        let answers = try imported.filling(given, knowledge: UsageFixture.knowledge)
        let (a, _) = UsageFixture.engine.assess(answers, usage: imported.profile!, currentModel: imported.currentModel, alsoInUse: imported.modelShares)
        #expect(a.primaryModel == "gpt-6-luna" && a.primaryModelBasis == .cost_ceiling, "\(a.primaryModel) \(a.primaryModelBasis)")
    }

    /// Traffic on a model that is retired, or retires within 60 days, is the first thing said and the biggest risk: GPT-5
    /// nano traffic three days before its end read "the recommendation adds $35.92 a month", with an Anthropic outage as
    /// the biggest risk; a retired Sonnet 4.5's month was set against the recommendation as if staying were an option.
    @Test func trafficOnARetiringOrRetiredModelIsTheFirstWarning() throws {
        func assessed(_ id: String) throws -> (Assessment, UsageComparison) {
            let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
                + (0..<500).map { "\(1_793_577_600 + $0 * 600),\(id),3000,300,0,0" }
            let given = try UsageFixture.answers(["task_type": .text("rag"), "as_of": .text("2026-12-07")])
            let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                                knowledge: UsageFixture.knowledge)
            let answers = try imported.filling(given, knowledge: UsageFixture.knowledge)
            return UsageFixture.engine.assess(answers, usage: imported.profile!, currentModel: imported.currentModel, alsoInUse: imported.modelShares)
        }
        let (nano, nanoNow) = try assessed("gpt-5-nano-2025-08-07")
        let first = try #require(nano.warnings.first)
        #expect(first.model == "gpt-5-nano" && first.failure_mode == "model-retirement" && first.severity == .high)
        #expect(first.text.contains("stops answering on 2026-12-10, 3 days after 2026-12-07; its maker names GPT-6 Luna to succeed it"),
                "\(first.text)")
        #expect(nano.decision.top_risk == first)
        #expect(nanoNow.current_monthly_usd != nil, "it still answers until the 10th")
        let (sonnet, sonnetNow) = try assessed("claude-sonnet-4-5-20250929")
        let retired = try #require(sonnet.warnings.first)
        #expect(retired.model == "claude-sonnet-4-5" && retired.text.contains("was retired on 2026-11-30: its requests fail now"))
        #expect(sonnetNow.current_monthly_usd == nil && sonnetNow.difference_usd == nil)
        // A current model that answers on: nothing said.
        let (haiku, _) = try assessed("claude-haiku-4-5-20251001")
        #expect(!haiku.warnings.contains { $0.text.hasPrefix("Your file's traffic runs on") })
        // Where no model can take the requests, that comes first, and no model is named to move to.
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<200).map { "\(1_793_577_600 + $0 * 600),claude-sonnet-4-5-20250929,2500000,300,0,0" }
        let given = try UsageFixture.answers(["task_type": .text("summarization"), "as_of": .text("2026-12-07")])
        let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                            knowledge: UsageFixture.knowledge)
        let (huge, _) = UsageFixture.engine.assess(try imported.filling(given, knowledge: UsageFixture.knowledge),
                                                   usage: imported.profile!, currentModel: imported.currentModel, alsoInUse: imported.modelShares)
        #expect(huge.warnings.first?.text.hasPrefix("Your file's traffic runs on") == false, "\(huge.warnings.first?.text.prefix(120) ?? "")")
        let moved = try #require(huge.warnings.first { $0.text.hasPrefix("Your file's traffic runs on Claude Sonnet 4.5") })
        #expect(moved.text.contains("Move to a model that can take it (none we list can, as the first warning says) first"), "\(moved.text)")
    }

    /// Part of the traffic on a retired or retiring model is warned of too, on the first screen: 30 % of a file's
    /// requests on a GPT-5 nano retired the day before raised no warning, since only the busiest model was read.
    @Test func partOfTheTrafficOnARetiredModelIsWarnedOf() throws {
        func assessed(_ day: String) throws -> Assessment {
            let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
                + (0..<500).map { "\(1_793_577_600 + $0 * 600),\($0 % 10 < 3 ? "gpt-5-nano-2025-08-07" : "claude-haiku-5-5"),3000,300,0,0" }
            let given = try UsageFixture.answers(["task_type": .text("summarization"), "as_of": .text(day)])
            let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                                knowledge: UsageFixture.knowledge)
            #expect(imported.currentModel == "claude-haiku-5-5")
            return UsageFixture.engine.assess(try imported.filling(given, knowledge: UsageFixture.knowledge), usage: imported.profile!,
                                              currentModel: imported.currentModel, alsoInUse: imported.modelShares).assessment
        }
        let after = try assessed("2026-12-11")
        let retired = try #require(after.warnings.first)
        #expect(retired.model == "gpt-5-nano" && retired.severity == .high && retired.failure_mode == "model-retirement")
        #expect(retired.title == "30 % of your traffic runs on GPT-5 nano, which is retired", "\(retired.title)")
        #expect(retired.text.contains("retired on 2026-12-10: those requests fail now; its maker names GPT-6 Luna to succeed it"),
                "\(retired.text)")
        #expect(after.decision.top_risk == retired)
        let before = try assessed("2026-12-07")
        let retiring = try #require(before.warnings.first)
        #expect(retiring.model == "gpt-5-nano" && retiring.text.contains("stops answering on 2026-12-10, 3 days after 2026-12-07"),
                "\(retiring.text)")
        // Months before its notice window, nothing is said of it.
        #expect(!(try assessed("2026-09-01")).warnings.contains { $0.model == "gpt-5-nano" })
    }

    /// Half a file on Claude 3 Haiku and half on GPT-5 nano: "your traffic runs on Claude 3 Haiku" said of half of it,
    /// and which half depended on the order of the ids in the file. Each retired share is said as a share, and the
    /// busiest model is the same whichever comes first.
    @Test func aFileSplitBetweenModelsIsNotSaidToRunOnOne() throws {
        func assessed(first: String, second: String) throws -> (UsageImport, Assessment) {
            let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
                + (0..<500).map { "\(1_793_577_600 + $0 * 600),\($0 < 250 ? first : second),3000,300,0,0" }
            let given = try UsageFixture.answers(["task_type": .text("summarization"), "as_of": .text("2026-12-07")])
            let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                                knowledge: UsageFixture.knowledge)
            return (imported, UsageFixture.engine.assess(try imported.filling(given, knowledge: UsageFixture.knowledge), usage: imported.profile!,
                                                         currentModel: imported.currentModel, alsoInUse: imported.modelShares).assessment)
        }
        let (a, split) = try assessed(first: "claude-3-haiku-20240307", second: "gpt-5-nano-2025-08-07")
        let (b, _) = try assessed(first: "gpt-5-nano-2025-08-07", second: "claude-3-haiku-20240307")
        #expect(a.currentModel == b.currentModel)
        #expect(!split.warnings.contains { $0.text.hasPrefix("Your file's traffic runs on") })
        let titles = split.warnings.prefix(2).map(\.title)
        #expect(titles.contains("50 % of your traffic runs on Claude 3 Haiku, which is retired")
                && titles.contains("50 % of your traffic runs on GPT-5 nano, which retires on 2026-12-10"), "\(titles)")
    }

    /// The share is the model's, whatever ids it came under: 40 % of the requests on GPT-5 nano through 30 gateway ids
    /// read 32.2 % (only the 25 ids the summary lists were counted). And a stray request (a test call) is said in its
    /// place as a medium warning, not first and not the biggest risk.
    @Test func aModelsShareCountsAllItsIdsAndAStrayRequestIsNoBiggestRisk() throws {
        func assessed(_ model: (Int) -> String) throws -> Assessment {
            let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
                + (0..<3_000).map { "\(1_793_577_600 + $0 * 200),\(model($0)),3000,300,0,0" }
            let given = try UsageFixture.answers(["task_type": .text("summarization"), "as_of": .text("2026-12-11")])
            let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                                knowledge: UsageFixture.knowledge)
            return UsageFixture.engine.assess(try imported.filling(given, knowledge: UsageFixture.knowledge), usage: imported.profile!,
                                              currentModel: imported.currentModel, alsoInUse: imported.modelShares).assessment
        }
        let spread = try assessed { $0 % 5 < 2 ? "gw\($0 % 30)/gpt-5-nano" : "claude-haiku-5-5" }
        let nano = try #require(spread.warnings.first)
        #expect(nano.model == "gpt-5-nano" && nano.title == "40 % of your traffic runs on GPT-5 nano, which is retired", "\(nano.title)")
        let stray = try assessed { $0 == 7 ? "gpt-5-nano-2025-08-07" : "claude-haiku-5-5" }
        let once = try #require(stray.warnings.first { $0.model == "gpt-5-nano" })
        #expect(once.severity == .medium && stray.warnings.first != once && stray.decision.top_risk != once, "\(once.title)")
        #expect(once.title.hasPrefix("0.033 % of your traffic runs on GPT-5 nano"), "\(once.title)")
    }

    /// Two 300,000-token requests among 5,000 small ones keep a group of their own when 4,096 are allowed: averaged
    /// into requests a sixtieth their size, they left every window "fitting".
    /// With tools, the logged prompts hold the current model's tool-use prompt; it comes out before pricing, and each
    /// model adds its own. The prompt length the import fills is the file's mean, which is the mean with it: left as
    /// it was, it stretched every request back up before the model's own was added (900-token Haiku 4.5 requests
    /// priced as 1,246 tokens, $65.52 against the file's $50.37).
    @Test func theLoggedToolPromptIsNotBilledTwice() throws {
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<1_000).map { "\(1_793_577_600 + $0 * 60),claude-haiku-4-5-20251001,900,50,0,0" }
        let bytes = Array(rows.joined(separator: "\n").utf8)
        func current(_ choice: String) throws -> Double {
            let given = try UsageFixture.answers(["task_type": .text("classification"), "tool_choice": .text(choice)])
            let imported = try UsageImport.load(bytes, given: given, catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
            let answers = try imported.filling(given, knowledge: UsageFixture.knowledge)
            let (_, comparison) = UsageFixture.engine.assess(answers, usage: imported.profile!, currentModel: imported.currentModel, alsoInUse: imported.modelShares)
            #expect(comparison.current_model == "claude-haiku-4-5")
            return try #require(comparison.current_monthly_usd)
        }
        #expect(abs(try current("auto") - current("none")) < 0.01)
    }

    /// A share of the requests above nothing is not shown as nothing: 2 requests in 4,002 that no 128K window holds
    /// were "0.0 % of requests do not fit".
    @Test func aTinyShareIsNotShownAsNone() throws {
        let profile = UsageProfile([UsageSample(requests: 4_000, uncachedInput: 1_000, cacheRead: 0, cacheWrite: 0, output: 20),
                                    UsageSample(requests: 2, uncachedInput: 300_000, cacheRead: 0, cacheWrite: 0, output: 20)])
        let answers = try UsageFixture.answers(["task_type": .text("classification"), "monthly_requests": .number(4_002)])
        let (a, _) = UsageFixture.engine.assess(answers, usage: profile, currentModel: nil, alsoInUse: [])
        let line = try #require(a.costs.first { $0.model == "gpt-4o-mini" })
        #expect(line.rates.notes.contains("under 0.1% of requests do not fit its window or output limit."), "\(line.rates.notes)")
    }

    @Test func compactingKeepsTheLongestRequestsApart() {
        let profile = UsageProfile((0..<5_000).map {
            UsageSample(requests: 1, uncachedInput: Double(1_000 + $0), cacheRead: 0, cacheWrite: 0, output: 20)
        } + [UsageSample(requests: 2, uncachedInput: 300_000, cacheRead: 0, cacheWrite: 0, output: 20)])
        let grouped = profile.compacted(to: 4_096)
        #expect(grouped.samples.count > 4_000 && grouped.samples.count <= 4_096, "\(grouped.samples.count)")
        #expect(grouped.samples.map(\.prompt).max() == 300_000)
    }

    /// The acceptance case of the import: the same averages typed by hand recommend Command R7B, whose window
    /// cannot take the 8 % of 150,000-token requests with headroom; priced request by request, the recommendation
    /// moves to a model that can, and Claude Haiku 5.5 pays its cliff on those 8 %.
    @Test(arguments: ["usage.csv", "otlp-spans.json", "openai-usage-1m.json", "anthropic-usage-1m.json"])
    func theDistributionChangesTheRecommendationAgainstTheSameAverages(_ name: String) throws {
        let imported = try UsageFixture.load(name, monthlyRequests: name.hasPrefix("anthropic") ? 448_950 : nil)
        let given = try UsageFixture.answers([
            "task_type": .text("classification"), "cost_priority": .text("primary"), "accuracy": .text("tolerant"),
            "fallback_ready": .bool(true), "latency": .text("realtime"), "reasoning_effort": .text("none"),
        ])
        let answers = try imported.filling(given, knowledge: UsageFixture.knowledge)
        let byHand = UsageFixture.engine.assess(answers)
        let (imported_, _) = UsageFixture.engine.assess(answers, usage: imported.profile!, currentModel: imported.currentModel, alsoInUse: imported.modelShares)
        #expect(byHand.primaryModel == "cohere-command-r7b")
        #expect(imported_.primaryModel != "cohere-command-r7b")
        let r7b = try #require(imported_.costs.first { $0.model == "cohere-command-r7b" })
        #expect(!r7b.within_headroom)
        let haikuByHand = try #require(byHand.costs.first { $0.model == "claude-haiku-5-5" })
        let haikuImported = try #require(imported_.costs.first { $0.model == "claude-haiku-5-5" })
        #expect(haikuImported.monthly_usd > haikuByHand.monthly_usd * 2, "\(haikuImported.monthly_usd) vs \(haikuByHand.monthly_usd)")
    }
}
