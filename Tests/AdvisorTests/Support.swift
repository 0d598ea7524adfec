import Foundation
import Testing
@testable import Advisor
import Content

// Shared fixtures: the real content loaded through Content (as `serve` and `check` load it), a seeded RNG,
// random answer sets and hand-built models with round prices for arithmetic checks.

/// `answers` with `more` added, `more` winning where both give an answer.
func with(_ answers: [String: AnswerValue], _ more: [String: AnswerValue]) -> [String: AnswerValue] {
    answers.merging(more) { $1 }
}

extension Knowledge {
    /// The index of the model `slug` (a test that names an unknown model stops there).
    func index(_ slug: String) -> Int { modelIndex[slug]! }
}

extension Assessment {
    /// The cost line of the model `slug`; a test that reads one fails if the table lacks it.
    func line(_ slug: String) throws -> CostLine { try #require(costs.first { $0.model == slug }) }
}

/// One page's engine block, changeable by a test.
struct FixtureEntry<Spec> {
    let slug: String
    let title: String
    var spec: Spec
    var sources: [Source]? = nil
}

/// The engine's inputs from the real content.
struct FixtureFile {
    var settings: EngineSettings
    var criteria: [FixtureEntry<CriterionSpec>]
    var models: [FixtureEntry<ModelSpec>]
    var failureModes: [FixtureEntry<FailureModeSpec>]
}

enum Fixture {
    /// content/ of this repository, found from this file's path.
    static let contentDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../content").standardizedFileURL.path

    /// The day the tests judge lifecycles on, unless an answer says otherwise.
    static let today = CivilDate.day("2026-12-02")!

    /// The real content's library (pages, criteria, models, failure modes).
    static let library: ContentLibrary = {
        do { return try ContentLibrary.load(directory: contentDirectory) } catch { fatalError("content does not load: \(error)") }
    }()

    /// The real content's engine inputs, as values a test may change before compiling them again.
    static func file() throws -> FixtureFile {
        let base = real
        return FixtureFile(
            settings: base.settings,
            criteria: base.criteria.map { FixtureEntry(slug: $0.slug, title: $0.title, spec: $0.spec) },
            models: base.models.map { FixtureEntry(slug: $0.slug, title: $0.title, spec: $0.spec, sources: $0.sources) },
            failureModes: base.failureModes.map { FixtureEntry(slug: $0.slug, title: $0.title, spec: $0.spec) })
    }

    static func knowledge(_ file: FixtureFile, models: [ModelEntry]? = nil) throws(KnowledgeError) -> Knowledge {
        // Hand-made models stand in for some of the real ones: the settings name only those.
        var settings = file.settings
        if let models {
            let known = Set(models.map(\.slug))
            settings.haiku_models = settings.haiku_models.filter(known.contains)
            settings.escalation_models = settings.escalation_models.filter(known.contains)
        }
        // A real model a test took out of the file leaves the rules' lists too (Sonnet 4.6 is in them); a name no real
        // model has stays, for the tests of the error it gives.
        let removed = Set(real.models.map(\.slug)).subtracting(models?.map(\.slug) ?? file.models.map(\.slug))
        let knowledge = try Knowledge(
            settings: settings,
            criteria: file.criteria.map { entry in
                var spec = entry.spec
                if let models {
                    for r in spec.rules.indices {
                        spec.rules[r].prefer = spec.rules[r].prefer?.filter { slug in models.contains { $0.slug == slug } }
                    }
                }
                for r in spec.rules.indices { spec.rules[r].prefer = spec.rules[r].prefer?.filter { !removed.contains($0) } }
                return CriterionEntry(slug: entry.slug, title: entry.title, spec: spec)
            },
            models: models ?? file.models.map { ModelEntry(slug: $0.slug, title: $0.title, spec: $0.spec, sources: $0.sources ?? []) },
            failureModes: file.failureModes.map { entry in
                var spec = entry.spec
                if let models { spec.models = spec.models.filter { slug in models.contains { $0.slug == slug } } }
                return FailureModeEntry(slug: entry.slug, title: entry.title, spec: spec)
            })
        knowledge.clock = { today }
        return knowledge
    }

    /// The real content, compiled once.
    static let real: Knowledge = {
        do {
            let knowledge = try library.knowledge()
            knowledge.clock = { today }
            return knowledge
        } catch { fatalError("content does not compile: \(error)") }
    }()

    /// The real criteria with hand-made models whose prices make the arithmetic easy to follow.
    static let handPriced: Knowledge = {
        do { return try knowledge(try file(), models: TestModels.all) } catch { fatalError("hand-priced models do not load: \(error)") }
    }()
}

/// Models with round numbers; slugs are the ones the real criteria and settings name.
enum TestModels {
    static func fig(_ v: Double) -> NumberFigure { NumberFigure(value: v, source: "test") }
    static func day(_ d: String) -> TextFigure { TextFigure(value: d, source: "test") }

    static func api(_ slug: String, family: String, input: Double, output: Double, cacheRead: Double? = nil,
                    cacheWrite: Double? = nil, cacheWrite1h: Double? = nil, cacheMin: Double? = nil,
                    batch: Double? = nil, batchClasses: [TokenClass]? = nil, long: LongContextPrices? = nil,
                    ratio: Double? = nil, window: Double = 200_000, maxOutput: Double? = nil,
                    released: String = "2025-01-01", lifecycle: Lifecycle = Lifecycle(), fit: Fit = .good,
                    fits: [String: Fit] = [:], latency: [LatencyFigure]? = nil, limits: RateLimits? = nil,
                    checked: String = "2026-11-20") -> ModelEntry {
        ModelEntry(slug: slug, title: slug.uppercased(), spec: ModelSpec(
            provider: "Anthropic", family: family, released: day(released), lifecycle: lifecycle, hosting: .api,
            prices: ModelPrices(input: fig(input), output: fig(output), cache_read: cacheRead.map(fig),
                                cache_write: cacheWrite.map(fig), cache_write_1h: cacheWrite1h.map(fig),
                                cache_min_tokens: cacheMin.map(fig), batch_discount: batch.map(fig),
                                batch_applies_to: batchClasses, long_context: long),
            tokenizer: ratio.map { Tokenizer(ratio: fig($0)) }, context_window: fig(window),
            max_output: maxOutput.map(fig), rate_limits: limits, latency: latency, access: [.anthropic_api],
            task_fit: Dictionary(uniqueKeysWithValues: AnswerID.taskType.choices.map {
                ($0, TaskFit(fit: fits[$0] ?? fit, source: "test")) })),
            sources: [Source(id: "test", title: "test", url: "https://example.com", checked: checked)])
    }

    static let weakAtHardWork: [String: Fit] = ["autonomous_coding": .poor, "complex_reasoning": .weak]
    static let poorAtHardWork: [String: Fit] = ["autonomous_coding": .poor, "complex_reasoning": .poor]

    /// The legacy Haiku: $1 / $5, the reference tokenizer, a 4,096-token cache minimum.
    static let haiku45 = api("claude-haiku-4-5", family: "haiku", input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25,
                             cacheWrite1h: 2, cacheMin: 4_096, batch: 0.5, ratio: 1, maxOutput: 64_000,
                             released: "2025-10-15", lifecycle: Lifecycle(legacy: day("2026-10-07")), fits: weakAtHardWork,
                             latency: [LatencyFigure(percentile: .p95, ms: 600, ms_high: 900, conditions: "test", source: "test")])
    /// The current Haiku: $0.10 / $0.50 to 100,000 prompt tokens, the whole request at $0.50 / $2.50 above;
    /// 1.3 tokens per Haiku 4.5 token; 512-token cache minimum; rate-limit tiers.
    static let haiku55 = api("claude-haiku-5-5", family: "haiku", input: 0.1, output: 0.5, cacheRead: 0.01,
                             cacheWrite: 0.125, cacheWrite1h: 0.2, cacheMin: 512, batch: 0.5,
                             long: LongContextPrices(threshold: fig(100_000), counts: [.input, .cache_read, .cache_write],
                                                     whole_request: true, input: fig(0.5), output: fig(2.5),
                                                     cache_read: fig(0.05), cache_write: fig(0.625), cache_write_1h: fig(1)),
                             ratio: 1.3, window: 1_000_000, maxOutput: 128_000, released: "2026-10-07",
                             fits: weakAtHardWork,
                             limits: RateLimits(source: "test", cache_reads_count: false, tiers: [
                                 RateTier(tier: "start", rpm: 1_000, itpm: 2_000_000, otpm: 400_000, monthly_spend_cap_usd: 500,
                                          requires: "a first credit purchase"),
                                 RateTier(tier: "build", rpm: 5_000, itpm: 5_000_000, otpm: 1_000_000,
                                          monthly_spend_cap_usd: 1_000, requires: "build history"),
                                 RateTier(tier: "scale", rpm: 10_000, itpm: 10_000_000, otpm: 2_000_000,
                                          monthly_spend_cap_usd: 200_000, requires: "scale history"),
                             ]))
    static let sonnet55 = api("claude-sonnet-5-5", family: "sonnet", input: 2, output: 10, cacheRead: 0.1, cacheWrite: 2.5,
                              cacheWrite1h: 4, cacheMin: 512, batch: 0.5, ratio: 1.3, window: 1_000_000,
                              released: "2026-09-28", fit: .strong)
    static let opus55 = api("claude-opus-5-5", family: "opus", input: 4, output: 20, cacheRead: 0.2, cacheWrite: 5,
                            cacheWrite1h: 8, cacheMin: 512, batch: 0.5, ratio: 1.3, window: 1_000_000,
                            released: "2026-09-22", fit: .strong)
    /// Deprecated on 2026-09-30, retires 2026-11-30.
    static let sonnet45 = api("claude-sonnet-4-5", family: "sonnet", input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75,
                              batch: 0.5, ratio: 1, released: "2025-09-29",
                              lifecycle: Lifecycle(deprecated: day("2026-09-30"), retires: day("2026-11-30"),
                                                   replacement: "claude-sonnet-5-5"), fit: .strong)
    static let luna = api("gpt-6-luna", family: "gpt", input: 0.1, output: 0.5, cacheRead: 0.01, batch: 0.5,
                          window: 1_050_000, released: "2026-09-22", fits: poorAtHardWork)
    static let flashLite = api("gemini-3-5-flash-lite", family: "gemini", input: 0.3, output: 2.5, cacheRead: 0.03,
                               batch: 0.5, window: 1_048_576, released: "2026-07-21", fits: poorAtHardWork)
    /// Retired on 2026-06-01, and the cheapest per token: must never be named.
    static let flash20 = api("gemini-flash", family: "gemini", input: 0.05, output: 0.2, cacheRead: 0.01, batch: 0.5,
                             window: 1_000_000, released: "2025-02-05",
                             lifecycle: Lifecycle(retires: day("2026-06-01"), replacement: "gemini-3-5-flash-lite"),
                             fit: .strong)
    /// No cache and no batch prices at all; a 128K window.
    static let mistral = api("mistral-small", family: "mistral", input: 0.1, output: 0.3, window: 128_000,
                             fits: poorAtHardWork)
    static let llama = ModelEntry(slug: "llama-3-1-8b-self-hosted", title: "Llama", spec: ModelSpec(
        provider: "Meta", family: "llama", released: day("2024-07-23"), hosting: .self_hosted,
        self_hosting: SelfHosting(gpu_hour_usd: fig(2), tokens_per_second: fig(1000), min_gpus: fig(1),
                                  ops_hours_per_month: fig(10)),
        context_window: fig(128_000), access: [.self_hosted],
        task_fit: Dictionary(uniqueKeysWithValues: AnswerID.taskType.choices.map {
            ($0, TaskFit(fit: ["classification", "extraction", "moderation"].contains($0) ? .good : .poor, source: "test"))
        })), sources: [Source(id: "test", title: "test", url: "https://example.com", checked: "2026-11-20")])

    static let all = [haiku45, haiku55, sonnet55, opus55, sonnet45, luna, flashLite, flash20, mistral, llama]
}

/// SplitMix64: small, fast, and the same sequence on every platform.
struct SeededRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomAnswers {
    /// A random value for one answer: bounds, thresholds the rules use and their neighbours, and spread values.
    static func value(_ id: AnswerID, _ knowledge: Knowledge, _ rng: inout SeededRNG) -> AnswerValue {
        let q = knowledge.question(id)
        switch id.kind {
        case .choice: return .text(id.choices.randomElement(using: &rng)!)
        case .boolean: return .bool(Bool.random(using: &rng))
        case .model: return .text(knowledge.modelSlugs.randomElement(using: &rng)!)
        case .date: return .text(CivilDate.text(Fixture.today + Int.random(in: -400...400, using: &rng)))
        case .integer, .number:
            let candidates = knowledge.numericCandidates[id.rawValue]
            // Spread values stay within what workloads really send (a billion requests a month, prompts up to
            // 300K tokens, peaks up to 20x); the thresholds the rules use still reach the bounds.
            let realistic: [AnswerID: Double] = [.monthlyRequests: 1e9, .avgInputTokens: 300_000,
                                                 .avgOutputTokens: 32_000, .peakToAverage: 20,
                                                 .systemPromptTokens: 20_000]
            let max = Swift.min(q.max!, realistic[id] ?? q.max!)
            var v: Double
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: v = candidates.filter { $0 <= max }.randomElement(using: &rng) ?? max
            case 1: v = Double.random(in: 0...max, using: &rng)
            default: v = max <= 1 ? Double.random(in: 0...1, using: &rng) : pow(10, Double.random(in: 0...log10(max), using: &rng))
            }
            v = Swift.min(max, Swift.max(q.min ?? 0, v))
            if id.kind == .integer { v = v.rounded(.down) }
            return .number(v)
        }
    }

    /// Random answers; each answer is left out (assumed) with probability `missing`.
    static func make(_ knowledge: Knowledge, _ rng: inout SeededRNG, missing: Double = 0.2) -> Answers {
        var given: [String: AnswerValue] = [:]
        for id in AnswerID.allCases where Double.random(in: 0..<1, using: &rng) >= missing {
            given[id.name] = value(id, knowledge, &rng)
        }
        // The system prompt's length and the cacheable share are two ways to say one thing: keep one of them, the
        // share when both were drawn (so the workloads drawn before the system prompt existed stay the same).
        if given["cached_input_share"] != nil { given.removeValue(forKey: "system_prompt_tokens") }
        // A system prompt is part of the input: one longer than the input is refused, so it is cut to the input.
        if case .number(let system)? = given["system_prompt_tokens"] {
            var input = 0.0
            if case .number(let n) = given["avg_input_tokens"] ?? knowledge.question(.avgInputTokens).defaultValue { input = n }
            if system > input { given["system_prompt_tokens"] = .number(input) }
        }
        do { return try knowledge.answers(from: given) } catch { fatalError("generated invalid answers: \(error)") }
    }
}

extension Knowledge {
    /// Test shorthand: answers from literal values, defaults for the rest.
    func answers(_ given: [String: AnswerValue]) -> Answers {
        do { return try answers(from: given) } catch { fatalError("invalid test answers: \(error)") }
    }
}

extension AnswerValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
