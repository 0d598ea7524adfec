import Foundation
@testable import Advisor

// Shared fixtures: the real content as JSON (regenerate with Fixtures/make-knowledge.py), a seeded RNG,
// random answer sets and hand-built models with round prices for arithmetic checks.

struct FixtureEntry<Spec: Decodable>: Decodable {
    let slug: String
    let title: String
    let spec: Spec
}

struct FixtureFile: Decodable {
    var settings: EngineSettings
    var criteria: [FixtureEntry<CriterionSpec>]
    var models: [FixtureEntry<ModelSpec>]
    var failureModes: [FixtureEntry<FailureModeSpec>]
}

enum Fixture {
    /// Tests/AdvisorTests/Fixtures/knowledge.json, found from this file's path (no Package.swift resources).
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/knowledge.json")

    static func file() throws -> FixtureFile {
        try JSONDecoder().decode(FixtureFile.self, from: Data(contentsOf: url))
    }

    static func knowledge(_ file: FixtureFile, models: [ModelEntry]? = nil) throws(KnowledgeError) -> Knowledge {
        try Knowledge(
            settings: file.settings,
            criteria: file.criteria.map { CriterionEntry(slug: $0.slug, title: $0.title, spec: $0.spec) },
            models: models ?? file.models.map { ModelEntry(slug: $0.slug, title: $0.title, spec: $0.spec) },
            failureModes: file.failureModes.map { entry in
                var spec = entry.spec
                if let models { spec.models = spec.models.filter { slug in models.contains { $0.slug == slug } } }
                return FailureModeEntry(slug: entry.slug, title: entry.title, spec: spec)
            })
    }

    /// The real content, compiled once.
    static let real: Knowledge = {
        do { return try knowledge(try file()) } catch { fatalError("fixture does not load: \(error)") }
    }()

    /// The real criteria with hand-made models whose prices make the arithmetic easy to follow.
    static let handPriced: Knowledge = {
        do { return try knowledge(try file(), models: TestModels.all) } catch { fatalError("fixture does not load: \(error)") }
    }()
}

/// Models with round numbers; slugs are the ones the real criteria `prefer`.
enum TestModels {
    static func fig(_ v: Double) -> NumberFigure { NumberFigure(value: v, source: "test") }

    static func api(_ slug: String, family: String, input: Double, output: Double, cacheRead: Double? = nil,
                    cacheWrite: Double? = nil, batch: Double? = nil, fit: String = "good",
                    fits: [String: String] = [:]) -> ModelEntry {
        ModelEntry(slug: slug, title: slug.uppercased(), spec: ModelSpec(
            provider: "Test", family: family, released: TextFigure(value: "2025-01-01", source: "test"), hosting: "api",
            prices: ModelPrices(input: fig(input), output: fig(output), cache_read: cacheRead.map(fig),
                                cache_write: cacheWrite.map(fig), batch_discount: batch.map(fig)),
            context_window: fig(200_000), access: ["anthropic_api"],
            task_fit: Dictionary(uniqueKeysWithValues: AnswerID.taskType.choices.map {
                ($0, TaskFit(fit: fits[$0] ?? fit, source: "test")) })))
    }

    static let haiku = api("claude-haiku-4-5", family: "haiku", input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25,
                           batch: 0.5, fits: ["autonomous_coding": "poor", "complex_reasoning": "weak"])
    static let sonnet = api("claude-sonnet-4-5", family: "sonnet", input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75,
                            batch: 0.5, fit: "strong")
    static let opus = api("claude-opus-4-5", family: "opus", input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25,
                          batch: 0.5, fit: "strong")
    static let mini = api("gpt-4o-mini", family: "gpt", input: 0.15, output: 0.6, cacheRead: 0.075, batch: 0.5,
                          fits: ["autonomous_coding": "poor", "complex_reasoning": "poor"])
    static let flash = api("gemini-flash", family: "gemini", input: 0.1, output: 0.4, cacheRead: 0.025, batch: 0.5,
                           fits: ["autonomous_coding": "poor", "complex_reasoning": "poor"])
    /// No cache and no batch prices at all.
    static let mistral = api("mistral-small", family: "mistral", input: 0.1, output: 0.3,
                             fits: ["autonomous_coding": "poor", "complex_reasoning": "poor"])
    static let llama = ModelEntry(slug: "llama-3-1-8b-self-hosted", title: "Llama", spec: ModelSpec(
        provider: "Meta", family: "llama", released: TextFigure(value: "2024-07-23", source: "test"),
        hosting: "self_hosted",
        self_hosting: SelfHosting(gpu_hour_usd: fig(2), tokens_per_second: fig(1000), min_gpus: fig(1),
                                  ops_hours_per_month: fig(10)),
        context_window: fig(128_000), access: ["self_hosted"],
        task_fit: Dictionary(uniqueKeysWithValues: AnswerID.taskType.choices.map {
            ($0, TaskFit(fit: ["classification", "extraction", "moderation"].contains($0) ? "good" : "poor", source: "test"))
        })))

    static let all = [haiku, sonnet, opus, mini, flash, mistral, llama]
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
        case .integer, .number:
            let candidates = knowledge.numericCandidates[id.rawValue]
            let max = q.max!
            var v: Double
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: v = candidates.randomElement(using: &rng)!
            case 1: v = Double.random(in: 0...max, using: &rng)
            default: v = max <= 1 ? Double.random(in: 0...1, using: &rng) : pow(10, Double.random(in: 0...log10(max), using: &rng))
            }
            v = Swift.min(max, Swift.max(0, v))
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
