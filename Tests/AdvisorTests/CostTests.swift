import Foundation
import Testing
@testable import Advisor

/// Cost arithmetic against hand computations, on hand-priced models (Support.swift) so the figures stay put when
/// the real model pages change. Token counts are given as Claude Haiku 4.5 counts them (the default tokenizer).
struct CostTests {
    let k = Fixture.handPriced
    var engine: Engine { Engine(knowledge: k) }

    func line(_ model: String, _ given: [String: AnswerValue], in knowledge: Knowledge? = nil) -> CostLine {
        let kk = knowledge ?? k
        return Engine(knowledge: kk).costs(kk.answers(given)).first { $0.model == model }!
    }

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test func plainInputAndOutput() {
        // 1,000,000 requests × 1,000 input tokens × $1/M = $1,000; × 200 output tokens × $5/M = $1,000.
        let l = line("claude-haiku-4-5", ["monthly_requests": 1_000_000, "avg_input_tokens": 1_000,
                                          "avg_output_tokens": 200, "cached_input_share": 0, "latency": "interactive"])
        #expect(l.input_usd == 1_000)
        #expect(l.output_usd == 1_000)
        #expect(l.cache_usd == 0)
        #expect(l.monthly_usd == 2_000)
        #expect(l.rates.input_per_mtok == 1 && l.rates.output_per_mtok == 5)
        #expect(l.rates.caching == .noCacheableShare)
        #expect(l.rates.band == .standard)
        #expect(l.url == "/models/claude-haiku-4-5")
        #expect(l.fits)
    }

    @Test func eachModelIsPricedOnItsOwnTokenCount() {
        // Haiku 5.5 counts 1.3 tokens per Haiku 4.5 token: 1,000 → 1,300 in, 200 → 260 out.
        // 1,000,000 × 1,300 × $0.10/M = $130; 1,000,000 × 260 × $0.50/M = $130.
        let given: [String: AnswerValue] = ["monthly_requests": 1_000_000, "avg_input_tokens": 1_000, "avg_output_tokens": 200]
        let l = line("claude-haiku-5-5", given)
        #expect(close(l.input_usd, 130) && close(l.output_usd, 130))
        #expect(close(l.rates.token_ratio, 1.3))
        #expect(close(l.rates.input_tokens_per_request, 1_300))
        // Counted with Haiku 5.5's own tokenizer: no scaling there, and Haiku 4.5 now counts 1 / 1.3 as many.
        var own = given
        own["tokens_counted_with"] = "claude-haiku-5-5"
        #expect(close(line("claude-haiku-5-5", own).monthly_usd, 100 + 100))
        #expect(close(line("claude-haiku-4-5", own).input_usd, 1_000 / 1.3, 1e-4))
        // A model without a published ratio is taken at 1.0, and says so once, in the flag the pages read (not in
        // a note repeated on every line).
        let luna = line("gpt-6-luna", given)
        #expect(luna.rates.token_ratio == 1 && !luna.rates.token_ratio_published)
        #expect(!luna.rates.notes.contains { $0.contains("tokenizer") })
    }

    @Test func aPromptPushedOverTheCliffByTheTokenizerIsPricedAboveIt() {
        // 80,000 Haiku 4.5 tokens are 104,000 on Haiku 5.5: above the 100,000 threshold, so the whole request,
        // output included, is at $0.50 / $2.50. 1,000 requests: 1,000 × 104,000 × 0.5 / 1e6 = $52;
        // 1,000 × 1,300 × 2.5 / 1e6 = $3.25.
        let over = line("claude-haiku-5-5", ["monthly_requests": 1_000, "avg_input_tokens": 80_000, "avg_output_tokens": 1_000])
        #expect(over.rates.band == .long_context)
        #expect(close(over.input_usd, 52) && close(over.output_usd, 3.25))
        #expect(over.rates.input_per_mtok == 0.5 && over.rates.output_per_mtok == 2.5)
        #expect(over.rates.notes.contains { $0.contains("104,000") && $0.contains("100,000") })
        // 76,000 → 98,800: below the line. 1,000 × 98,800 × 0.1 / 1e6 = $9.88; 1,000 × 1,300 × 0.5 / 1e6 = $0.65.
        let under = line("claude-haiku-5-5", ["monthly_requests": 1_000, "avg_input_tokens": 76_000, "avg_output_tokens": 1_000])
        #expect(under.rates.band == .standard)
        #expect(close(under.monthly_usd, 10.53))
        // The same 80,000 counted on Haiku 5.5 itself stays below it: 1,000 × 80,000 × 0.1 / 1e6 = $8.
        let own = line("claude-haiku-5-5", ["monthly_requests": 1_000, "avg_input_tokens": 80_000, "avg_output_tokens": 1_000,
                                            "tokens_counted_with": "claude-haiku-5-5"])
        #expect(own.rates.band == .standard && close(own.input_usd, 8))
    }

    @Test func aPrefixBelowTheCacheMinimumIsNotCached() {
        // 2,000 tokens, three quarters cacheable: a 1,500-token prefix, under Haiku 4.5's 4,096 minimum. Billed as
        // input: 100,000 × 2,000 × $1/M = $200, no cache cost.
        let l = line("claude-haiku-4-5", ["monthly_requests": 100_000, "avg_input_tokens": 2_000, "avg_output_tokens": 0,
                                          "cached_input_share": 0.75])
        #expect(l.rates.caching == .below_minimum)
        #expect(l.input_usd == 200 && l.cache_usd == 0)
        // On Haiku 5.5 the same prefix is 1,950 tokens, above its 512 minimum: cached.
        #expect(line("claude-haiku-5-5", ["monthly_requests": 100_000, "avg_input_tokens": 2_000, "avg_output_tokens": 0,
                                          "cached_input_share": 0.75]).rates.caching == .used)
    }

    /// Under one token a "prefix" is nothing to cache: 8-token prompts, 3.7 % cacheable, were priced on the real
    /// DeepSeek V4 Flash page (no cache minimum) as "Prefix of 0 tokens cached with the 5-minute cache".
    @Test func aPrefixUnderOneTokenIsNoPrefix() {
        let real = Fixture.real
        let tiny = line("deepseek-v4-flash", ["monthly_requests": 100_000, "avg_input_tokens": 8, "avg_output_tokens": 5,
                                              "cached_input_share": 0.0373, "as_of": "2026-12-04"], in: real)
        #expect(tiny.rates.caching == .noCacheableShare, "\(tiny.rates.notes)")
        #expect(tiny.cache_usd == 0 && !tiny.rates.notes.contains { $0.hasPrefix("Prefix of") }, "\(tiny.rates.notes)")
        // A prefix of a few whole tokens is still a prefix to that page.
        let short = line("deepseek-v4-flash", ["monthly_requests": 100_000, "avg_input_tokens": 40, "avg_output_tokens": 5,
                                               "cached_input_share": 0.5, "as_of": "2026-12-04"], in: real)
        #expect(short.rates.caching != .noCacheableShare, "\(short.rates.notes)")
    }

    /// The score's caching reasons and the "configure caching" warning speak only where caching would apply: 5M
    /// classifications of 300 tokens, 90 % "cacheable", were told Haiku's input price falls toward a tenth (+5) and
    /// to mark the prefix with cache_control, while its 351 tokens on Haiku 5.5's count are under the 512 minimum
    /// and the cost line billed them as input (criteria/cacheable-prompt-share, `haiku_caches_prefix`).
    @Test func cachingIsCreditedOnlyWherePrefixesReachTheMinimum() {
        let real = Fixture.real
        func assess(_ input: Double, asOf: String = "2026-12-04") -> Assessment {
            Engine(knowledge: real).assess(real.answers(["task_type": "classification", "monthly_requests": 5_000_000,
                                                         "avg_input_tokens": .number(input), "avg_output_tokens": 5,
                                                         "cached_input_share": 0.9, "as_of": .text(asOf)]))
        }
        func credited(_ a: Assessment) -> Bool { a.reasons.contains { $0.criterion == "cacheable-prompt-share" } }
        func told(_ a: Assessment) -> Bool { a.warnings.contains { $0.failure_mode == "prompt-caching-unconfigured" } }
        let short = assess(300)
        #expect(short.primaryModel == "claude-haiku-5-5" && !credited(short) && !told(short),
                "\(short.reasons.map(\.criterion)) \(short.warnings.map(\.failure_mode))")
        #expect(short.costs.first { $0.model == "claude-haiku-5-5" }?.rates.caching == .below_minimum)
        // 600 tokens, 540 stable, are 702 on Haiku 5.5's count: over the minimum, credited and told.
        let long = assess(600)
        #expect(credited(long) && told(long))
        // On 2026-09-01 the Haiku is Haiku 4.5, whose minimum is 4,096: a 2,700-token prefix is not credited.
        #expect(!credited(assess(3_000, asOf: "2026-09-01")) && credited(assess(3_000)))
    }

    @Test func denseTrafficKeepsTheFiveMinuteCacheWarm() {
        // 1,000,000 requests a month: 22.8 a minute, so a 5-minute gap essentially never happens (e^-114): one
        // write at $1.25/M, the rest read at $0.10/M. Prefix 5,000 of 10,000 tokens.
        // cache = (1 × 1.25 + 999,999 × 0.10) × 5,000 / 1e6 = $500.00575; fresh input 1,000,000 × 5,000 × $1/M = $5,000.
        let l = line("claude-haiku-4-5", ["monthly_requests": 1_000_000, "avg_input_tokens": 10_000,
                                          "avg_output_tokens": 100, "cached_input_share": 0.5])
        #expect(l.rates.caching == .used && l.rates.cache_ttl == .fiveMinutes)
        #expect(l.rates.cache_writes_per_month == 1)
        #expect(l.rates.notes.contains { $0.contains("about 1 write a month at your request rate; the other 999,999 requests read it.") },
                "\(l.rates.notes)")
        #expect(close(l.cache_usd, 500.00575, 1e-6))
        #expect(l.input_usd == 5_000)
        #expect(l.output_usd == 500)
    }

    @Test func sparseTrafficNeedsTheOneHourCache() {
        // 3,000 requests a month on Haiku 5.5: 10,000 tokens (13,000 on its count), 80 % cacheable: prefix 10,400.
        // λ = 3,000 / 43,800 a minute. 5-minute writes: 3,000 × e^(−0.34247) = 2,129.9; 1-hour writes:
        // 3,000 × e^(−4.10959) = 49.25.
        // 5-minute: (2,129.9 × 0.125 + 870.1 × 0.01) × 10,400 / 1e6 = $2.859
        // 1-hour:   (49.25 × 0.20 + 2,950.75 × 0.01) × 10,400 / 1e6 = $0.409  ← cheapest
        // none:     3,000 × 10,400 × 0.10 / 1e6 = $3.12
        let l = line("claude-haiku-5-5", ["monthly_requests": 3_000, "avg_input_tokens": 10_000, "avg_output_tokens": 0,
                                          "cached_input_share": 0.8])
        #expect(l.rates.cache_ttl == .oneHour)
        #expect(l.rates.cache_write_per_mtok == 0.2)
        let w1 = 3_000 * exp(-3_000.0 / 43_800 * 60)
        #expect(close(l.rates.cache_writes_per_month!, w1))
        #expect(close(l.cache_usd, ((w1 * 0.2 + (3_000 - w1) * 0.01) * 10_400 / 1e6 * 10_000).rounded() / 10_000))
        // The note counts the requests that find the entry: 2,950.75, not "every other request".
        #expect(l.rates.notes.contains { $0.contains("about 49 writes a month at your request rate; the other 2,951 requests read it.") },
                "\(l.rates.notes)")
        // Haiku 4.5 has a 1-hour cache too; a model without one falls back to 5 minutes or nothing.
        let noHour = line("gpt-6-luna", ["monthly_requests": 3_000, "avg_input_tokens": 10_000, "avg_output_tokens": 0,
                                         "cached_input_share": 0.8])
        #expect(noHour.rates.cache_ttl != .oneHour)
    }

    @Test func aCacheThatLapsesBetweenAlmostEveryRequestSaysSo() throws {
        // 60 requests a month of 50,000 tokens, 90 % cacheable, on a model whose cache write costs what input does
        // (caching is used as it costs nothing more): 5-minute writes 60 × e^(−60/43,800 × 5) = 59.59, so about 0.4
        // requests a month find the entry. "Every other request reads it" said the opposite.
        let l = line("gpt-6-luna", ["monthly_requests": 60, "avg_input_tokens": 50_000, "avg_output_tokens": 500,
                                    "cached_input_share": 0.9, "task_type": "rag"])
        #expect(l.rates.caching == .used, "\(l.rates.notes)")
        let writes = try #require(l.rates.cache_writes_per_month)
        #expect(60 - writes < 1)
        #expect(l.rates.notes.contains { $0.contains("almost every request comes after it has lapsed and writes it again") },
                "\(l.rates.notes)")
        #expect(!l.rates.notes.contains { $0.contains("read it") || $0.contains("reads it") }, "\(l.rates.notes)")
    }

    @Test func cachingThatDoesNotPayIsLeftOff() {
        // 10 requests a month on Haiku 4.5, 10,000 tokens, half cacheable: every request writes (gaps of days),
        // and a write costs more than input: the prefix is billed as input. 10 × 10,000 × $1/M = $0.10.
        let l = line("claude-haiku-4-5", ["monthly_requests": 10, "avg_input_tokens": 10_000, "avg_output_tokens": 0,
                                          "cached_input_share": 0.5])
        #expect(l.rates.caching == .not_worth_it)
        #expect(l.input_usd == 0.1 && l.cache_usd == 0)
    }

    @Test func noCachePriceMeansFullInputPrice() {
        // mistral-small: 1,000,000 × 1,000 × $0.1/M = $100 whatever the cached share.
        let l = line("mistral-small", ["monthly_requests": 1_000_000, "avg_input_tokens": 1_000,
                                       "avg_output_tokens": 0, "cached_input_share": 0.8])
        #expect(l.input_usd == 100)
        #expect(l.cache_usd == 0)
        #expect(l.rates.caching == .not_offered)
    }

    @Test func batchDiscountAppliesToCacheTokensToo() {
        // The dense workload above in batch: every class halves. $5,000 → $2,500; $500 → $250. The cache is the
        // 1-hour one, as the batch guide advises (a batch can outlast a 5-minute entry): one write at $2/M and the
        // rest read at $0.10/M, halved: (1 × 2 + 999,999 × 0.10) × 0.5 × 5,000 / 1e6 = $250.00475.
        let l = line("claude-haiku-4-5", ["monthly_requests": 1_000_000, "avg_input_tokens": 10_000,
                                          "avg_output_tokens": 100, "cached_input_share": 0.5, "latency": "batch"])
        #expect(l.input_usd == 2_500 && l.output_usd == 250)
        #expect(l.rates.cache_ttl == .oneHour && l.rates.cache_write_per_mtok == 2)
        #expect(close(l.cache_usd, 250.0048, 1e-6))
        #expect(l.rates.notes.contains { $0.contains("Batches can run longer than five minutes") })
        // A model without a 1-hour cache keeps the 5-minute one in batch.
        let noHour = line("gpt-6-luna", ["monthly_requests": 1_000_000, "avg_input_tokens": 10_000,
                                         "avg_output_tokens": 100, "cached_input_share": 0.5, "latency": "batch"])
        #expect(noHour.rates.cache_ttl != .oneHour)
        #expect(l.rates.batch_discount == 0.5 && l.rates.batch_applies_to == TokenClass.allCases)
        // Not in batch: no discount recorded.
        #expect(line("claude-haiku-4-5", ["monthly_requests": 1_000, "latency": "realtime"]).rates.batch_discount == nil)
        // No batch price at all: full price in batch as well.
        #expect(line("mistral-small", ["monthly_requests": 1_000_000, "avg_input_tokens": 1_000, "avg_output_tokens": 0,
                                       "latency": "batch"]).input_usd == 100)
    }

    @Test func batchDiscountOnlyOnTheClassesItCovers() throws {
        // A variant of Haiku 4.5 whose batch discount covers input and output only: the cache bill stays whole.
        let partial = TestModels.api("claude-haiku-4-5", family: "haiku", input: 1, output: 5, cacheRead: 0.1,
                                     cacheWrite: 1.25, cacheWrite1h: 2, cacheMin: 4_096, batch: 0.5,
                                     batchClasses: [.input, .output], ratio: 1, fits: TestModels.weakAtHardWork)
        let knowledge = try Fixture.knowledge(try Fixture.file(),
                                              models: TestModels.all.map { $0.slug == partial.slug ? partial : $0 })
        let l = line("claude-haiku-4-5", ["monthly_requests": 1_000_000, "avg_input_tokens": 10_000,
                                          "avg_output_tokens": 100, "cached_input_share": 0.5, "latency": "batch"],
                     in: knowledge)
        #expect(l.input_usd == 2_500 && l.output_usd == 250)
        // (1 × 2 + 999,999 × 0.10) × 5,000 / 1e6 = $500.0095, the 1-hour cache at full price.
        #expect(close(l.cache_usd, 500.0095, 1e-6))
        #expect(l.rates.batch_applies_to == [.input, .output])
    }

    @Test func aWritePricedAsInputTakesTheBatchInputPrice() {
        // Gemini 3.5 Flash-Lite's page prices no cache write (an implicit cache's first read is ordinary input) and
        // discounts input and output in batch: 20,000 batch summaries of 30,000 tokens, 80 % a shared prefix. The
        // 5-minute cache is written 20,000 × e^(−20,000 × 5 / 43,800) = 2,039.3 times and read 17,960.7 times:
        // writes 2,039.3 × 24,000 × $0.15 = $7.34 (the batch input price, not $0.30), reads 17,960.7 × 24,000 ×
        // $0.03 = $12.93, fresh input 6,000 × 20,000 × $0.15 = $18, output 800 × 20,000 × $1.25 = $20: $58.27.
        let l = line("gemini-3-5-flash-lite", ["task_type": "summarization", "monthly_requests": 20_000,
                                                "avg_input_tokens": 30_000, "avg_output_tokens": 800,
                                                "cached_input_share": 0.8, "latency": "batch", "as_of": "2026-12-06"],
                     in: Fixture.real)
        let writes = 20_000 * exp(-20_000.0 * 5 / 43_800), reads = 20_000 - writes
        #expect(close(l.cache_usd, (writes * 0.15 + reads * 0.03) * 24_000 / 1e6, 1e-5), "\(l.cache_usd)")
        #expect(close(l.monthly_usd, 58.27, 1e-4), "\(l.monthly_usd)")
        #expect(l.rates.batch_applies_to == [.input, .output, .cache_write])
        // A page that prices its writes keeps them whole unless it lists them: Haiku 4.5's variant above.
    }

    @Test func aMisfitNamesOnlyTheLimitItBreaks() throws {
        // 20,000 in and 8,000 out is well inside Command R7B's 128,000-token window; only its 4,000-token output
        // limit rules it out, and the note must not read as if the window were the problem.
        // On the real content (Command R7B's page: 128,000-token window, 4,000 output tokens at most).
        let engine = Engine(knowledge: Fixture.real)
        let lines = engine.costs(Fixture.real.answers(["monthly_requests": 5_000, "avg_input_tokens": 20_000, "avg_output_tokens": 8_000]))
        let r7b = try #require(lines.first { $0.model == "cohere-command-r7b" })
        #expect(!r7b.fits)
        let note = try #require(r7b.rates.notes.first { $0.hasPrefix("Does not fit") })
        #expect(note == "Does not fit: 8,000 output tokens a request against 4,000 at most.")
        // A prompt over the window names the window alone.
        let long = engine.costs(Fixture.real.answers(["monthly_requests": 5_000, "avg_input_tokens": 250_000, "avg_output_tokens": 100]))
        let window = try #require(long.first { $0.model == "cohere-command-r7b" }?.rates.notes.first { $0.hasPrefix("Does not fit") })
        #expect(window == "Does not fit: 250,100 tokens per request against a 128,000-token window.")
    }

    @Test func aPromptLargerThanTheWindowDoesNotFit() {
        // mistral-small has a 128,000-token window: 250,000 input tokens cannot be sent at all.
        let lines = engine.costs(k.answers(["monthly_requests": 1_000, "avg_input_tokens": 250_000, "avg_output_tokens": 500]))
        let mistral = lines.first { $0.model == "mistral-small" }!
        #expect(!mistral.fits)
        #expect(mistral.rates.notes.contains { $0.contains("Does not fit") })
        // Models that do not fit come after every model that does, however cheap they are.
        let firstMisfit = lines.firstIndex { !$0.fits }!
        #expect(lines[firstMisfit...].allSatisfy { !$0.fits })
        // Haiku 4.5's 200,000 window: 250,000 does not fit either; Haiku 5.5's 1M does (325,650 tokens).
        #expect(!lines.first { $0.model == "claude-haiku-4-5" }!.fits)
        #expect(lines.first { $0.model == "claude-haiku-5-5" }!.fits)
        // And it is never recommended, whatever the verdict.
        let a = engine.assess(k.answers(["task_type": "classification", "monthly_requests": 1_000,
                                         "avg_input_tokens": 250_000, "avg_output_tokens": 500, "cost_priority": "primary"]))
        #expect(a.primaryModel != "mistral-small" && !a.alternatives.contains("mistral-small"))
        #expect(a.primaryModel != "claude-haiku-4-5")
    }

    @Test func outputBeyondTheModelsLimitDoesNotFit() {
        // Haiku 4.5 writes at most 64,000 tokens.
        let l = line("claude-haiku-4-5", ["monthly_requests": 10, "avg_input_tokens": 1_000, "avg_output_tokens": 70_000])
        #expect(!l.fits)
    }

    @Test func selfHostedAtTheAlwaysOnMinimum() {
        // 1,000 requests × 1,100 tokens = 1.1M tokens ÷ 1,000 tok/s ÷ 3,600 = 0.31 h < 1 GPU × 730 h.
        // GPU: 730 h × $2 = $1,460; ops: 10 h × $100 (the default rate) = $1,000; total $2,460.
        let l = line("llama-3-1-8b-self-hosted", ["monthly_requests": 1_000, "avg_input_tokens": 1_000,
                                                   "avg_output_tokens": 100])
        #expect(l.gpu_usd == 1_460)
        #expect(l.ops_usd == 1_000)
        #expect(l.monthly_usd == 2_460)
        #expect(l.input_usd == 0 && l.output_usd == 0 && l.cache_usd == 0)
        #expect(l.rates.gpu_hours == 730)
    }

    @Test func selfHostedBeyondTheMinimum() {
        // Batch work queues to the average: 36,000,000 × 120 = 4.32e9 tokens ÷ 1,000 ÷ 3,600 = 1,200 h × $2 = $2,400;
        // ops 10 h × $250 = $2,500.
        let workload: [String: AnswerValue] = ["monthly_requests": 36_000_000, "avg_input_tokens": 100, "avg_output_tokens": 20,
                                               "developer_hourly_usd": 250]
        let batch = line("llama-3-1-8b-self-hosted", workload.merging(["latency": "batch"]) { $1 })
        #expect(batch.rates.gpu_hours == 1_200)
        #expect(batch.monthly_usd == 4_900)
        // A person waiting is served at the busiest minute, by whole GPUs always on: 1,200 h are 1.64 GPUs on average,
        // 4.93 at the default 3x peak, so 5 GPUs × 730 h × $2 = $7,300, and $9,800 with the operations.
        let interactive = line("llama-3-1-8b-self-hosted", workload)
        #expect(interactive.rates.gpu_hours == 3_650)
        #expect(interactive.monthly_usd == 9_800)
        #expect(interactive.rates.notes.contains { $0.hasPrefix("Sized for the busiest minute: 5 GPUs always on") })
        // An even load still needs whole GPUs: 2.
        let even = line("llama-3-1-8b-self-hosted", workload.merging(["peak_to_average": 1]) { $1 })
        #expect(even.rates.gpu_hours == 1_460)
        // The peak is a cost input now: what would change re-prices on it.
        #expect(Engine.fixedCostInputs.contains(.peakToAverage))
    }

    @Test func costsCoverEveryModelThoseThatFitFirstCheapestFirst() {
        let lines = engine.costs(k.answers(["monthly_requests": 10_000]))
        #expect(lines.count == TestModels.all.count)
        let usable = lines.prefix { $0.fits && $0.status.state != .retired && $0.status.state != .unreleased }
        #expect(zip(usable, usable.dropFirst()).allSatisfy { $0.monthly_usd <= $1.monthly_usd })
        // The retired gemini-flash is the cheapest per token, yet comes after every usable model.
        #expect(!usable.contains { $0.model == "gemini-flash" })
        #expect(lines.firstIndex { $0.model == "gemini-flash" }! >= usable.count)
    }

    @Test func everyLineCarriesItsLifecycleOnTheDay() {
        let lines = engine.costs(k.answers(["as_of": "2026-11-28"]))
        func state(_ slug: String) -> LifecycleState { lines.first { $0.model == slug }!.status.state }
        #expect(state("gemini-flash") == .retired)
        #expect(state("claude-sonnet-4-5") == .deprecated)
        #expect(state("claude-haiku-4-5") == .legacy)
        #expect(state("claude-haiku-5-5") == .active)
        let sonnet = lines.first { $0.model == "claude-sonnet-4-5" }!.status
        #expect(sonnet.retires == "2026-11-30" && sonnet.replacement == "claude-sonnet-5-5" && sonnet.since == "2026-09-30")
        let later = engine.costs(k.answers(["as_of": "2026-12-01"]))
        #expect(later.first { $0.model == "claude-sonnet-4-5" }!.status.state == .retired)
    }
}
