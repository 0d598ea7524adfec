// The typed front-matter blocks that the decision engine reads, exactly as README.md (Content format) describes them.
// They are plain Codable values: the Content module decodes them from YAML, the engine only reads them.

/// Where a page's facts come from.
public struct Source: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var url: String
    public var checked: String
    public var note: String?

    public init(id: String, title: String, url: String, checked: String, note: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.checked = checked
        self.note = note
    }
}

/// A number or date with its provenance: which source, and the arithmetic when it is derived.
public struct Figure<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var value: Value
    public var source: String
    public var as_of: String?
    public var derived: String?
    public var note: String?

    public init(value: Value, source: String, as_of: String? = nil, derived: String? = nil, note: String? = nil) {
        self.value = value
        self.source = source
        self.as_of = as_of
        self.derived = derived
        self.note = note
    }
}

public typealias NumberFigure = Figure<Double>

/// A benchmark score: a number figure (value, source, as_of, derived, note in the same mapping), with the
/// benchmark's name as its publisher writes it and its unit when the score is not a percentage (GDPval-AA: Elo).
public struct BenchmarkFigure: Codable, Sendable, Equatable {
    public var figure: NumberFigure
    /// "FrontierCode 1.1 (Main)".
    public var name: String
    /// "Elo"; nil: percent.
    public var unit: String?

    public init(_ figure: NumberFigure, name: String, unit: String? = nil) {
        (self.figure, self.name, self.unit) = (figure, name, unit)
    }

    private enum CodingKeys: String, CodingKey { case name, unit }

    public init(from decoder: any Decoder) throws {
        figure = try NumberFigure(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
    }

    public func encode(to encoder: any Encoder) throws {
        try figure.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(unit, forKey: .unit)
    }

    /// The score with its unit: "46.4 %", "1,620 Elo".
    public var text: String { "\(Format.number(figure.value)) \(unit ?? "%")" }
}
public typealias TextFigure = Figure<String>

// MARK: - Conditions

/// A test over the answers: one comparison, or `all` / `any` of nested conditions.
public struct Condition: Codable, Sendable, Equatable {
    public var answer: String?
    public var `is`: AnswerValue?
    public var `in`: [AnswerValue]?
    public var not_in: [AnswerValue]?
    public var at_least: Double?
    public var above: Double?
    public var at_most: Double?
    public var below: Double?
    public var all: [Condition]?
    public var any: [Condition]?

    public init(answer: String? = nil, is: AnswerValue? = nil, in: [AnswerValue]? = nil, not_in: [AnswerValue]? = nil,
                at_least: Double? = nil, above: Double? = nil, at_most: Double? = nil, below: Double? = nil,
                all: [Condition]? = nil, any: [Condition]? = nil) {
        self.answer = answer
        self.is = `is`
        self.in = `in`
        self.not_in = not_in
        self.at_least = at_least
        self.above = above
        self.at_most = at_most
        self.below = below
        self.all = all
        self.any = any
    }
}

/// One answer's value: a string choice, a number or a boolean.
public enum AnswerValue: Codable, Sendable, Equatable, Hashable {
    case text(String)
    case number(Double)
    case bool(Bool)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number):
            // Whole numbers encode as JSON integers (`1000`, not `1000.0`), so integer answers read as integers.
            if number.rounded() == number, abs(number) < 9.0e15 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .bool(let flag): try container.encode(flag)
        }
    }
}

extension AnswerValue {
    /// The value as a query string, a form field or a terminal writes it: `chat`, `true`, `1000`, `0.25`.
    public var text: String {
        switch self {
        case .text(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number == number.rounded() && abs(number) < 9e15 ? String(Int64(number)) : Format.plainDecimal(number)
        }
    }
}

// MARK: - Closed sets

/// A closed set of words in content. Decoding rejects any other word and names the allowed ones, so a typo fails
/// `check` at its file and line (the content layer maps the coding path to a line).
public protocol ClosedSet: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {}

extension ClosedSet {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let word = try container.decode(String.self)
        guard let value = Self(rawValue: word) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "must be one of \(Self.allCases.map(\.rawValue).joined(separator: ", ")), not '\(word)'")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// How a model is priced: per token through an API, or by the GPU hour when you run it yourself.
public enum Hosting: String, ClosedSet { case api, self_hosted }

/// How well a model does one task type, best first.
public enum Fit: String, ClosedSet, Comparable {
    case strong, good, weak, poor
    var rank: Int {
        switch self { case .strong: 0; case .good: 1; case .weak: 2; case .poor: 3 }
    }
    /// `strong < good`: a smaller fit is a better one.
    public static func < (a: Fit, b: Fit) -> Bool { a.rank < b.rank }
}

/// A model's state on a given day (see `Lifecycle`).
public enum LifecycleState: String, ClosedSet { case unreleased, active, legacy, deprecated, retired }

/// The token classes a bill is made of.
public enum TokenClass: String, ClosedSet { case input, output, cache_read, cache_write }

/// How a provider limits a model's traffic.
public enum RateLimitKind: String, ClosedSet {
    /// Published tiers with per-minute (and per-day) limits.
    case tiers
    /// The provider says there is no fixed limit: it serves what capacity allows.
    case dynamic
    /// The provider publishes no figures.
    case unpublished
    /// The provider publishes figures, but we have not been able to read them: capacity is unknown to us, not to the
    /// provider. The note says where they are.
    case not_read
}

/// A reasoning-effort level a request can ask for (`none`: thinking or reasoning off).
public enum Effort: String, ClosedSet, Comparable {
    case none, low, medium, high
    /// The index in `allCases` (CompiledReasoning.tokens is indexed by it).
    var rank: Int {
        switch self { case .none: 0; case .low: 1; case .medium: 2; case .high: 3 }
    }
    public static func < (a: Effort, b: Effort) -> Bool { a.rank < b.rank }
    /// The `reasoning_effort` answer (its choice index) that asks for this level.
    var answer: Double { Double(AnswerID.reasoningEffort.choices.firstIndex(of: rawValue)!) }
}

/// What a latency figure describes.
public enum Percentile: String, ClosedSet { case p50, p95, p99, typical, average, best, worst }

/// Ways to reach a model.
public enum AccessChannel: String, ClosedSet {
    case anthropic_api, bedrock, vertex, web_app, openai_api, google_ai, mistral_api, cohere_api, deepseek_api
    case hosted_open_weights, self_hosted
}

/// How much harm a failure mode does.
public enum Severity: String, ClosedSet, Comparable {
    case low, medium, high

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int { Self.allCases.firstIndex(of: self)! }
}

// MARK: - Models

/// Prices above a prompt-length threshold (Claude Haiku 5.5 above 100,000 prompt tokens, GPT-6 Luna above 272K).
public struct LongContextPrices: Codable, Sendable, Equatable {
    /// Prompts with more tokens than this (summed over `counts`) take the higher rates.
    public var threshold: NumberFigure
    /// The token classes summed against the threshold.
    public var counts: [TokenClass]
    /// True: every token of such a request, output included, is billed at the higher rates. False: only the
    /// input tokens beyond the threshold are.
    public var whole_request: Bool
    public var input: NumberFigure
    public var output: NumberFigure
    public var cache_read: NumberFigure?
    public var cache_write: NumberFigure?
    public var cache_write_1h: NumberFigure?

    public init(threshold: NumberFigure, counts: [TokenClass], whole_request: Bool, input: NumberFigure,
                output: NumberFigure, cache_read: NumberFigure? = nil, cache_write: NumberFigure? = nil,
                cache_write_1h: NumberFigure? = nil) {
        self.threshold = threshold
        self.counts = counts
        self.whole_request = whole_request
        self.input = input
        self.output = output
        self.cache_read = cache_read
        self.cache_write = cache_write
        self.cache_write_1h = cache_write_1h
    }
}

/// A provider that charges more in some hours of the week (DeepSeek: double in Beijing business hours).
public struct PeakPricing: Codable, Sendable, Equatable {
    /// How many times the off-peak rate a peak-hour token costs.
    public var multiplier: NumberFigure
    /// Peak hours in a week of 168.
    public var hours_per_week: NumberFigure
}

extension ModelPrices {
    /// The set in force on `day` (YYYY-MM-DD): this one from its `since`, else the newest older set that had begun,
    /// else the oldest. What pages show on the day they are read; the engine prices with `PriceSet`s (CompiledModel).
    public func inForce(on day: String) -> ModelPrices {
        let sets = [self] + (previous ?? [])
        return sets.first { ($0.since ?? "") <= day } ?? sets.last!
    }

    /// The set that begins soonest after `day` (a price change the page announces), nil when none does.
    public func next(after day: String) -> ModelPrices? {
        ([self] + (previous ?? [])).filter { ($0.since ?? "") > day }.min { ($0.since ?? "") < ($1.since ?? "") }
    }
}

public struct ModelPrices: Codable, Sendable, Equatable {
    /// The day these prices began (absent: as far back as the page goes).
    public var since: String?
    public var input: NumberFigure
    public var output: NumberFigure
    public var cache_read: NumberFigure?
    /// A write into the standard cache (5 minutes unless `cache_ttl_minutes` says otherwise); absent means writes
    /// cost the input price.
    public var cache_write: NumberFigure?
    /// A write into the 1-hour cache; absent means there is no 1-hour cache.
    public var cache_write_1h: NumberFigure?
    /// How long the standard cache keeps a prefix after its last use, in minutes: 5 (absent) or 30 (OpenAI's
    /// GPT-5.6 and later families).
    public var cache_ttl_minutes: NumberFigure?
    /// The provider caches long prefixes unless a request says not to, so its writes are billed by default (OpenAI's
    /// GPT-5.6 and later families); absent: caching is the team's choice.
    public var cache_by_default: Bool?
    /// The shortest prefix that is cached at all, in tokens.
    public var cache_min_tokens: NumberFigure?
    public var batch_discount: NumberFigure?
    /// The token classes the batch discount applies to; absent means all four.
    public var batch_applies_to: [TokenClass]?
    public var long_context: LongContextPrices?
    /// Rates that depend on the hour: every rate above is the off-peak one, times `multiplier` in peak hours.
    public var peak: PeakPricing?
    /// Older price sets, newest first, each with its own `since` (the earliest may have none): what an `as_of`
    /// before `since` is priced with.
    public var previous: [ModelPrices]?

    public init(since: String? = nil, input: NumberFigure, output: NumberFigure, cache_read: NumberFigure? = nil,
                cache_write: NumberFigure? = nil, cache_write_1h: NumberFigure? = nil,
                cache_min_tokens: NumberFigure? = nil, batch_discount: NumberFigure? = nil,
                batch_applies_to: [TokenClass]? = nil, long_context: LongContextPrices? = nil,
                previous: [ModelPrices]? = nil) {
        self.since = since
        self.previous = previous
        self.input = input
        self.output = output
        self.cache_read = cache_read
        self.cache_write = cache_write
        self.cache_write_1h = cache_write_1h
        self.cache_min_tokens = cache_min_tokens
        self.batch_discount = batch_discount
        self.batch_applies_to = batch_applies_to
        self.long_context = long_context
    }
}

public struct SelfHosting: Codable, Sendable, Equatable {
    public var gpu_hour_usd: NumberFigure
    public var tokens_per_second: NumberFigure
    public var min_gpus: NumberFigure
    public var ops_hours_per_month: NumberFigure

    public init(gpu_hour_usd: NumberFigure, tokens_per_second: NumberFigure, min_gpus: NumberFigure,
                ops_hours_per_month: NumberFigure) {
        self.gpu_hour_usd = gpu_hour_usd
        self.tokens_per_second = tokens_per_second
        self.min_gpus = min_gpus
        self.ops_hours_per_month = ops_hours_per_month
    }
}

public struct LatencyFigure: Codable, Sendable, Equatable {
    public var percentile: Percentile
    public var ms: Double
    public var ms_high: Double?
    public var conditions: String
    public var source: String
    public var as_of: String?

    public init(percentile: Percentile, ms: Double, ms_high: Double? = nil, conditions: String, source: String,
                as_of: String? = nil) {
        self.percentile = percentile
        self.ms = ms
        self.ms_high = ms_high
        self.conditions = conditions
        self.source = source
        self.as_of = as_of
    }
}

/// One task-fit rating and what it rests on (README.md, Content format: `task_fit`). Most ratings are the content's
/// own judgement; the basis says so, so that nobody reads a judgement as a measurement.
public struct TaskFit: Codable, Sendable, Equatable {
    public var fit: Fit
    public var source: String
    public var basis: FitBasis
    public var confidence: Confidence
    /// With `basis: benchmark`: the benchmark's key in the page's `benchmarks` map.
    public var benchmark: String?

    public init(fit: Fit, source: String, basis: FitBasis = .judgement, confidence: Confidence = .low,
                benchmark: String? = nil) {
        self.fit = fit
        self.source = source
        self.basis = basis
        self.confidence = confidence
        self.benchmark = benchmark
    }
}

/// Where a task-fit rating comes from, strongest evidence first.
public enum FitBasis: String, ClosedSet {
    /// A published benchmark result, named in `benchmark`.
    case benchmark
    /// The vendor's own statement that the model suits the task (a public page, cited as the source).
    case vendor_statement
    /// Teams' reports from production (the seed documents, community write-ups).
    case field_reports
    /// This site's own reading of the evidence; no source rates the task directly.
    case judgement

    /// Words for a sentence: "our judgement", "a published benchmark".
    public var phrase: String {
        switch self {
        case .benchmark: "a published benchmark"
        case .vendor_statement: "the vendor's statement"
        case .field_reports: "field reports"
        case .judgement: "our judgement"
        }
    }
}

/// How sure the content is of a rating.
public enum Confidence: String, ClosedSet { case high, medium, low }

/// The dates that decide a model's state on any day; see README.md (Content format, Lifecycle).
public struct Lifecycle: Codable, Sendable, Equatable {
    public var legacy: TextFigure?
    public var deprecated: TextFigure?
    public var retires: TextFigure?
    /// The earliest day a legacy model may retire on its maker's own platforms, where the maker publishes one with no
    /// retirement date yet (Anthropic's status table: Sonnet 4.6 not sooner than 2027-02-17).
    public var retires_not_before: TextFigure?
    public var replacement: String?
    public var note: String?

    public init(legacy: TextFigure? = nil, deprecated: TextFigure? = nil, retires: TextFigure? = nil,
                retires_not_before: TextFigure? = nil, replacement: String? = nil, note: String? = nil) {
        self.legacy = legacy
        self.deprecated = deprecated
        self.retires = retires
        self.retires_not_before = retires_not_before
        self.replacement = replacement
        self.note = note
    }
}

/// How many tokens this model counts for a text that is 1.0 token on the reference tokenizer (Claude Haiku 4.5's).
public struct Tokenizer: Codable, Sendable, Equatable {
    public var ratio: NumberFigure
    public init(ratio: NumberFigure) { self.ratio = ratio }
}

/// One rate-limit tier of a model. Every limit is optional (providers publish different ones), but a tier has at
/// least one limit, unless it is `negotiated`.
public struct RateTier: Codable, Sendable, Equatable {
    /// The provider's name for the tier, as a lowercase identifier (`start`, `tier_1`, `production`).
    public var tier: String
    /// Requests per minute.
    public var rpm: Double?
    /// Input tokens per minute.
    public var itpm: Double?
    /// Output tokens per minute.
    public var otpm: Double?
    /// Total tokens per minute (input + output), where the provider counts them together.
    public var tpm: Double?
    /// Requests per day.
    public var rpd: Double?
    /// Tokens that may wait in the batch queue at once.
    public var batch_queue_tokens: Double?
    /// Requests that may wait in the batch queue at once (Anthropic's Message Batches API: one queue for every model
    /// of the organisation).
    public var batch_queue_requests: Double?
    /// Requests in flight at once (a concurrency cap, as DeepSeek publishes). How many requests a minute it allows
    /// depends on how long each takes, which no page gives per workload: the capacity says the longest average
    /// request the cap allows at the peak, and a tier with no other limit counts as unknown.
    public var max_concurrent: Double?
    /// The most an organisation on this tier may spend in a month; nil means no cap.
    public var monthly_spend_cap_usd: Double?
    /// The most an organisation on this tier may spend in any rolling 10 minutes (Google's spend-based rate limit:
    /// past it, requests fail with 429 until the window moves on); nil means no such limit.
    public var spend_per_10_minutes_usd: Double?
    /// Requests a month (Cohere's trial keys stop at 1,000 calls); nil means no such cap.
    public var requests_per_month: Double?
    /// How an organisation reaches the tier.
    public var requires: String
    /// The tier's keys are for evaluation, not production traffic (Cohere's trial keys): listed on the model page,
    /// never the tier that carries a workload nor its entry tier.
    public var evaluation_only: Bool?
    /// The tier's limits are arranged with the provider, organisation by organisation, and not published (Anthropic's
    /// Custom tier). Only the highest tier, with no per-minute, daily, queue or concurrency limit: a peak that no
    /// published tier carries may be carried there, which nobody can say until the provider does (capacity unknown).
    public var negotiated: Bool?

    public init(tier: String, rpm: Double? = nil, itpm: Double? = nil, otpm: Double? = nil, tpm: Double? = nil,
                rpd: Double? = nil, batch_queue_tokens: Double? = nil, batch_queue_requests: Double? = nil,
                max_concurrent: Double? = nil,
                monthly_spend_cap_usd: Double? = nil, spend_per_10_minutes_usd: Double? = nil,
                requests_per_month: Double? = nil, requires: String,
                evaluation_only: Bool? = nil, negotiated: Bool? = nil) {
        self.tier = tier
        self.rpm = rpm
        self.itpm = itpm
        self.otpm = otpm
        self.tpm = tpm
        self.rpd = rpd
        self.batch_queue_tokens = batch_queue_tokens
        self.batch_queue_requests = batch_queue_requests
        self.max_concurrent = max_concurrent
        self.monthly_spend_cap_usd = monthly_spend_cap_usd
        self.spend_per_10_minutes_usd = spend_per_10_minutes_usd
        self.requests_per_month = requests_per_month
        self.requires = requires
        self.evaluation_only = evaluation_only
        self.negotiated = negotiated
    }
}

/// A provider's rate-limit scheme for a model, as of `since`; older schemes in `previous`.
public struct RateLimits: Codable, Sendable, Equatable {
    public var source: String
    /// `tiers` when absent.
    public var kind: RateLimitKind?
    /// The day this scheme began.
    public var since: String?
    /// What the provider says; required for `dynamic`, `unpublished` and `not_read`.
    public var note: String?
    /// Whether cached reads count against the input-tokens-per-minute limit (true when absent).
    public var cache_reads_count: Bool?
    /// Lowest first; only for `tiers`.
    public var tiers: [RateTier]?
    /// Older schemes, newest first, each with its own `since`.
    public var previous: [RateLimits]?

    public init(source: String, kind: RateLimitKind? = nil, since: String? = nil, note: String? = nil,
                cache_reads_count: Bool? = nil, tiers: [RateTier]? = nil, previous: [RateLimits]? = nil) {
        self.source = source
        self.kind = kind
        self.since = since
        self.note = note
        self.cache_reads_count = cache_reads_count
        self.tiers = tiers
        self.previous = previous
    }
}

/// Whether and how a model reasons before it answers, and what that costs in tokens.
public struct Reasoning: Codable, Sendable, Equatable {
    public var source: String
    /// False: the model does not reason; nothing else is needed.
    public var reasons: Bool
    /// The level a request that sets none gets.
    public var default_effort: Effort?
    /// For a model whose thinking is off by default (`default_effort: none`): the level a request that turns it on
    /// runs at (Anthropic's effort parameter defaults to high), priced where the work keeps its thinking
    /// (`engine.thinking_kept_when`).
    public var thinking_on_effort: Effort?
    /// The levels the API accepts (`none`: reasoning can be switched off).
    public var levels: [Effort]?
    /// The token class reasoning tokens are billed as (`output` on every provider we know).
    public var billed_as: TokenClass?
    /// Reasoning tokens one request spends at each level (`low`, `medium`, `high`), on the model's own count.
    public var tokens: [String: NumberFigure]?
    /// A level the API takes in a request but runs as another of `levels` (DeepSeek runs `medium` as `high`):
    /// where the provider documents it, that rule and not the nearest level decides what a set effort costs.
    public var runs_as: [String: Effort]?
    public var note: String?

    public init(source: String, reasons: Bool, default_effort: Effort? = nil, thinking_on_effort: Effort? = nil,
                levels: [Effort]? = nil, billed_as: TokenClass? = nil, tokens: [String: NumberFigure]? = nil,
                runs_as: [String: Effort]? = nil, note: String? = nil) {
        self.source = source
        self.reasons = reasons
        self.default_effort = default_effort
        self.thinking_on_effort = thinking_on_effort
        self.levels = levels
        self.billed_as = billed_as
        self.tokens = tokens
        self.runs_as = runs_as
        self.note = note
    }
}

/// Whether a model takes a request that forces a tool call (`tool_choice` `any` or a named tool). Anthropic's
/// extended-thinking page says thinking is not compatible with forced tool use, and its Sonnet 5.5, Opus 5.5 and
/// Fable pages say forcing a tool returns an error (content/criteria/tool-choice.md).
public enum ForcedToolUse: String, Codable, Sendable, Equatable, CaseIterable {
    /// Forcing a tool works whatever the thinking setting.
    case accepted
    /// Forcing a tool works only with thinking switched off: such a request is priced without thinking.
    case thinking_off
    /// The API returns an error on a forced tool call.
    case rejected
}

/// The system prompt a provider adds to every request that carries tools, in tokens on the model's own count, billed
/// as input (Anthropic's tool-use page lists them per model: content/criteria/tool-choice.md). Both figures, or
/// neither: a page that says the provider adds one but publishes no count for this model.
public struct ToolPrompt: Codable, Sendable, Equatable {
    /// With `tool_choice` `auto` (or `none` with tools present).
    public var auto: Double?
    /// With `tool_choice` `any` or a named tool.
    public var forced: Double?
    /// Where the provider publishes no count for this model: the count it publishes for a model we do not list, on
    /// the same tokenizer, that the cost lines take instead (Sonnet 5's row for Sonnet 5.5), and say so.
    public var estimate: ToolPromptEstimate?
    public var source: String
    public var note: String?

    public init(auto: Double? = nil, forced: Double? = nil, estimate: ToolPromptEstimate? = nil, source: String,
                note: String? = nil) {
        (self.auto, self.forced, self.estimate, self.source, self.note) = (auto, forced, estimate, source, note)
    }

    /// Whether the page gives the counts.
    public var isPublished: Bool { auto != nil && forced != nil }
}

/// A tool-use system prompt count borrowed from another model's row of the provider's table (`ToolPrompt.estimate`).
public struct ToolPromptEstimate: Codable, Sendable, Equatable {
    public var auto: Double
    public var forced: Double
    /// The model whose row it is, as the provider's table names it ("Claude Sonnet 5").
    public var from: String

    public init(auto: Double, forced: Double, from: String) {
        (self.auto, self.forced, self.from) = (auto, forced, from)
    }
}

/// The `model:` block of a models/ page.
public struct ModelSpec: Codable, Sendable, Equatable {
    public var provider: String
    public var family: String
    public var api_id: String?
    public var released: TextFigure
    public var lifecycle: Lifecycle
    public var hosting: Hosting
    public var prices: ModelPrices?
    public var self_hosting: SelfHosting?
    public var tokenizer: Tokenizer?
    public var context_window: NumberFigure
    /// The most prompt tokens one request may carry, where the provider caps them below the window (OpenAI's
    /// 272,000 of 400,000 on GPT-5 models); nil: the window less the output is the only limit.
    public var max_input: NumberFigure?
    public var max_output: NumberFigure?
    /// The output limit on the provider's batch API where it is above `max_output` (Anthropic's Message Batches API
    /// takes 300,000 with a beta header): the limit a `batch` workload is held to.
    public var batch_max_output: NumberFigure?
    /// The most one response carries where the answer may go on past it in further segments (Gemini 4 Hydrogen:
    /// 65,536 a segment, continued by a continuation token up to its window): an answer longer than this arrives in
    /// parts that the client must follow, which its cost line says.
    public var output_segment: NumberFigure?
    /// The fastest output, in tokens a second, any source reports for this model as priced (on its host's hardware):
    /// the latency floor's speed for it, before the provider's and the engine's. Groq writes gpt-oss-20b at about
    /// 1,000 tokens a second and gpt-oss-120b at under 500.
    public var fastest_output_tokens_per_second: NumberFigure?
    public var rate_limits: RateLimits?
    public var reasoning: Reasoning?
    /// Whether a forced tool call is taken (absent: the pages we read put no limit on it).
    public var forced_tool_use: Figure<ForcedToolUse>?
    /// The provider's own system prompt on requests with tools (absent: the pages we read mention none).
    public var tool_prompt_tokens: ToolPrompt?
    public var latency: [LatencyFigure]?
    public var benchmarks: [String: BenchmarkFigure]?
    public var access: [AccessChannel]
    public var task_fit: [String: TaskFit]

    public init(provider: String, family: String, api_id: String? = nil, released: TextFigure,
                lifecycle: Lifecycle = Lifecycle(), hosting: Hosting, prices: ModelPrices? = nil,
                self_hosting: SelfHosting? = nil, tokenizer: Tokenizer? = nil, context_window: NumberFigure,
                max_input: NumberFigure? = nil, max_output: NumberFigure? = nil, batch_max_output: NumberFigure? = nil,
                output_segment: NumberFigure? = nil, fastest_output_tokens_per_second: NumberFigure? = nil, rate_limits: RateLimits? = nil, reasoning: Reasoning? = nil, latency: [LatencyFigure]? = nil,
                benchmarks: [String: BenchmarkFigure]? = nil, access: [AccessChannel], task_fit: [String: TaskFit]) {
        self.fastest_output_tokens_per_second = fastest_output_tokens_per_second
        self.provider = provider
        self.family = family
        self.api_id = api_id
        self.released = released
        self.lifecycle = lifecycle
        self.hosting = hosting
        self.prices = prices
        self.self_hosting = self_hosting
        self.tokenizer = tokenizer
        self.context_window = context_window
        self.max_input = max_input
        self.max_output = max_output
        self.batch_max_output = batch_max_output
        self.output_segment = output_segment
        self.rate_limits = rate_limits
        self.reasoning = reasoning
        self.latency = latency
        self.benchmarks = benchmarks
        self.access = access
        self.task_fit = task_fit
    }
}

// MARK: - Failure modes

public struct Detection: Codable, Sendable, Equatable {
    public var metric: String
    public var threshold: String

    public init(metric: String, threshold: String) {
        self.metric = metric
        self.threshold = threshold
    }
}

/// When a workload is exposed to a failure mode, and what to tell it. `text` may name the primary model's
/// provider: `{provider}`, `{status_page}`, `{error_docs}` (from `engine.providers`).
public struct Exposure: Codable, Sendable, Equatable {
    public var when: Condition
    public var text: String
    /// Only when the primary model's provider is one of these (absent: any provider).
    public var providers: [String]?
    /// Only when the primary model is hosted this way (absent: either): a provider's outages, limits and error
    /// bodies are not those of a model the team runs itself.
    public var hosting: Hosting?
    /// Only when the primary model would cache the stated prefix (true) or would not (false): it offers caching and
    /// the prefix, on its count, reaches its minimum cacheable length. Absent: either.
    public var caches_prefix: Bool?
    /// Instead of the failure mode's: an exposure that weighs more (a budget no hosted model is shown to meet) or
    /// less than its usual one. A computed finding it joins takes the weightier of the two.
    public var severity: Severity?
    /// An answer whose own value outranks the guess `when` makes from another: the exposure holds only while the
    /// team has left it to its default. A RAG pipeline usually calls tools, but not one whose team said "No tools".
    public var unless_answered: String?

    public init(when: Condition, text: String, providers: [String]? = nil, hosting: Hosting? = nil,
                caches_prefix: Bool? = nil, severity: Severity? = nil, unless_answered: String? = nil) {
        self.when = when
        self.text = text
        self.providers = providers
        self.hosting = hosting
        self.caches_prefix = caches_prefix
        self.severity = severity
        self.unless_answered = unless_answered
    }
}

/// The `failure_mode:` block of a failure-modes/ page.
public struct FailureModeSpec: Codable, Sendable, Equatable {
    public var frequency: String
    public var impact: String
    public var severity: Severity
    public var detect: [Detection]
    public var mitigation: [String]
    public var models: [String]
    public var exposure: [Exposure]?

    public init(frequency: String, impact: String, severity: Severity, detect: [Detection], mitigation: [String],
                models: [String], exposure: [Exposure]? = nil) {
        self.frequency = frequency
        self.impact = impact
        self.severity = severity
        self.detect = detect
        self.mitigation = mitigation
        self.models = models
        self.exposure = exposure
    }
}

// MARK: - Criteria and the questionnaire

public struct QuestionOption: Codable, Sendable, Equatable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// A questionnaire question, declared on the criterion page that explains it.
public struct QuestionSpec: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var kind: String
    public var options: [QuestionOption]?
    public var min: Double?
    public var max: Double?
    public var unit: String?
    public var `default`: AnswerValue
    public var order: Int
    /// How the form says the default where its value alone misleads ("no fixed budget" for a budget of 0 s).
    public var default_label: String?

    public init(id: String, text: String, kind: String, options: [QuestionOption]? = nil, min: Double? = nil,
                max: Double? = nil, unit: String? = nil, default: AnswerValue, order: Int, default_label: String? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.options = options
        self.min = min
        self.max = max
        self.unit = unit
        self.default = `default`
        self.order = order
        self.default_label = default_label
    }
}

public struct Rule: Codable, Sendable, Equatable {
    public var when: Condition
    public var effect: Double
    public var text: String
    public var decide: String?
    public var prefer: [String]?
    public var source: String?
    /// Only when the day's Haiku would cache the stated prefix (true) or would not (false): the prefix, on its
    /// count, reaches its minimum cacheable length. Absent: either.
    public var haiku_caches_prefix: Bool?
    /// true: the condition reads `avg_input_tokens` as the day's Haiku counts the prompt (the team's count scaled by
    /// the tokenizer ratio, plus any tool-use system prompt), for a rule about that Haiku's own token line: Haiku
    /// 5.5's 100,000-token long-context line is reached by about 77,000 of Haiku 4.5's. Absent: the team's count.
    public var haiku_count: Bool?
    /// true: only when a model in `prefer` costs less a month than the day's Haiku on these answers (a rule that
    /// exists because the preferred model is cheaper says nothing where it is not). Absent: whatever the costs.
    public var preferred_cheaper: Bool?
    /// The task type the models in `prefer` are named for, when it is not the workload's own: a rule about the
    /// share of complex requests names Sonnet 5.5 for its complex reasoning, so under the cost ceiling a model
    /// stands in for it only if it fits complex reasoning as well too. Absent: the workload's task type alone.
    public var preferred_for: String?
    /// With `preferred_cheaper`: said after `text` where the rule's points alone would take the score from the Haiku's
    /// band into the routing band, and the verdict stays the Haiku's (a price argument sends no hard request on to a
    /// dearer model).
    public var band_held_text: String?

    public init(when: Condition, effect: Double, text: String, decide: String? = nil, prefer: [String]? = nil,
                source: String? = nil, haiku_caches_prefix: Bool? = nil, haiku_count: Bool? = nil,
                preferred_cheaper: Bool? = nil, preferred_for: String? = nil, band_held_text: String? = nil) {
        self.band_held_text = band_held_text
        self.haiku_count = haiku_count
        self.preferred_for = preferred_for
        self.when = when
        self.effect = effect
        self.text = text
        self.decide = decide
        self.prefer = prefer
        self.source = source
        self.haiku_caches_prefix = haiku_caches_prefix
        self.preferred_cheaper = preferred_cheaper
    }
}

/// An engine policy: a principle an expert applies after scoring, declared as data on the criterion page that
/// explains it. The kinds are the engine's (Engine.swift, "Policies"); when they apply, their numbers and their
/// words are content.
public enum PolicyKind: String, ClosedSet {
    /// The primary model is the cheapest available model whose fit is at least `min_fit`.
    case cheapest_fit
    /// Tiered routing is proposed only when a year's saving outweighs building and running the router.
    case routing_payback
    /// Every alternative offered, and the cost-first primary, fits the task at least `min_fit`; with a `task`, fits
    /// that task type at least `min_fit` (most requests complex: complex reasoning), besides the workload's own.
    case alternatives_min_fit
    /// Where another model is chosen on fit and price (the primary of a "use another model" verdict no rule names,
    /// and the order of the alternatives), models that fit the task at least `min_fit` come before the others; cost
    /// orders each group. Never a floor: with none of that fit, the others are named as before.
    case fit_first
    /// When the escalation model takes work from the Haiku, price the Haiku at a higher `effort` beside it.
    case effort_before_escalation
    /// A Haiku verdict does not stand when the Haiku costs more than `max_ratio` times a usable model that fits the
    /// task at least as well, and the difference is at least `min_saving_usd` a month: that model is the primary.
    case cost_ceiling
    /// The team's routing plan (the `routing` answer): its words when it is honoured (`text`) and when its
    /// conditions fail (`ignored_text`). Exactly one, on the page that asks the question.
    case routing_plan
}

public struct PolicySpec: Codable, Sendable, Equatable {
    public var kind: PolicyKind
    /// When the policy applies; absent: always (routing_payback applies whenever the verdict is tiered routing).
    public var when: Condition?
    public var min_fit: Fit?
    /// alternatives_min_fit: the task type `min_fit` applies to, when it is not the workload's own.
    public var task: String?
    public var build_hours: Double?
    public var upkeep_hours_per_month: Double?
    /// effort_before_escalation: the level the Haiku is priced at.
    public var effort: Effort?
    /// cost_ceiling: how many times the cheaper equal-fit model's cost the Haiku may cost, and the smallest monthly
    /// difference worth a change of model.
    public var max_ratio: Double?
    public var min_saving_usd: Double?
    /// The reason shown when the policy decides something; `{placeholders}` as README.md lists per kind.
    public var text: String
    /// cheapest_fit, routing_payback, cost_ceiling: what the policy found, said when the team's routing plan
    /// (`routing = tiered`) keeps the verdict it would have changed. Required for those kinds.
    public var routed_text: String?
    /// routing_plan: the sentence when the plan's conditions fail, with `{why}`.
    public var ignored_text: String?
    /// routing_payback: the reason (and, under a routing plan, the finding) when routing saves nothing at all: the
    /// Haiku's bill is more than the escalation model's bill for the simple share, so routing loses `{loss_per_year}`
    /// before the router is even built. Required for that kind.
    public var loss_text: String?
    public var routed_loss_text: String?
    /// routing_payback: the reason when routing does not pay and the escalation model cannot answer within the
    /// team's latency budget at any setting while the Haiku can: the Haiku takes everything. Required for that kind.
    public var slow_text: String?
    /// routing_payback: the reason when routing would pay but the escalation model cannot answer within the team's
    /// latency budget at any setting while the Haiku can: escalations that are always late are not planned, and the
    /// Haiku takes everything. Required for that kind.
    public var slow_paying_text: String?
    /// routing_payback: the reason when cost comes first with a Haiku as the cheapest model that fits: the Haiku keeps
    /// every request, and `{monthly}` is what the plan with the escalation model would cost. Required for that kind.
    public var cost_first_text: String?
    /// routing_payback: the reason when routing does not pay and, on a budget held to the cost ceiling, everything on
    /// the escalation model costs more than the ceiling allows over the Haiku, which fits the task as well: the Haiku
    /// takes every request, the hard ones unescalated (`{monthly}`: the escalation model's month alone; `{ratio}`).
    /// Required for that kind.
    public var ceiling_text: String?
    /// cost_ceiling: the reason when the Haiku's prompt is over its long-context price threshold (`{threshold}`),
    /// the one gap a shorter prompt closes. Required for that kind.
    public var threshold_text: String?
    /// cost_ceiling: why a cheaper model that fits as well did not take the verdict from the Haiku while the policy
    /// applied (the runner-up's reason, a clause), with `{max_ratio}` and `{min_saving}` beside the comparison's own
    /// figures. Required for that kind.
    public var held_text: String?
    /// cost_ceiling: the reason when a model a rule names (`prefer`) costs more than `max_ratio` times a model that
    /// fits the task at least as well, which becomes the primary; `{preferred}`, `{preferred_monthly}` and
    /// `{criterion}` (the page whose rule named it) instead of the Haiku's. Required for that kind.
    public var preferred_text: String?
    /// cost_ceiling: `held_text` for a model a rule names, when a cheaper equal did not clear the ceiling.
    public var preferred_held_text: String?

    public init(kind: PolicyKind, when: Condition? = nil, min_fit: Fit? = nil, build_hours: Double? = nil,
                upkeep_hours_per_month: Double? = nil, effort: Effort? = nil, max_ratio: Double? = nil,
                min_saving_usd: Double? = nil, text: String, routed_text: String? = nil, ignored_text: String? = nil,
                loss_text: String? = nil, routed_loss_text: String? = nil, slow_text: String? = nil,
                slow_paying_text: String? = nil, cost_first_text: String? = nil, ceiling_text: String? = nil,
                threshold_text: String? = nil, held_text: String? = nil, preferred_text: String? = nil,
                preferred_held_text: String? = nil) {
        self.ceiling_text = ceiling_text
        self.preferred_text = preferred_text
        self.preferred_held_text = preferred_held_text
        self.threshold_text = threshold_text
        self.held_text = held_text
        self.loss_text = loss_text
        self.slow_text = slow_text
        self.slow_paying_text = slow_paying_text
        self.cost_first_text = cost_first_text
        self.routed_loss_text = routed_loss_text
        self.routed_text = routed_text
        self.ignored_text = ignored_text
        self.effort = effort
        self.max_ratio = max_ratio
        self.min_saving_usd = min_saving_usd
        self.kind = kind
        self.when = when
        self.min_fit = min_fit
        self.build_hours = build_hours
        self.upkeep_hours_per_month = upkeep_hours_per_month
        self.text = text
    }
}

/// The `criterion:` block of a criteria/ page.
public struct CriterionSpec: Codable, Sendable, Equatable {
    public var question: QuestionSpec?
    public var rules: [Rule]
    public var policies: [PolicySpec]?

    public init(question: QuestionSpec? = nil, rules: [Rule], policies: [PolicySpec]? = nil) {
        self.question = question
        self.rules = rules
        self.policies = policies
    }
}

/// The warnings the engine computes rather than reads from a failure mode's `exposure` conditions.
public enum ComputedWarning: String, ClosedSet, CodingKeyRepresentable {
    /// An alternative is deprecated: {model}, {retires}, {replacement}.
    case deprecated_alternative
    /// The score is in the routing band, but no escalation model can take the complex share: the Haiku {model} takes
    /// every request. {score}, {share} (the complex share), {why} ("no escalation model we list was served on ...").
    case no_escalation
    /// The model an import's traffic runs on (its busiest) is retired on the as-of day: {model}, {retired} (the day),
    /// {replacement} ("; its maker names X to succeed it", or empty), {recommended}.
    case current_retired
    /// The model an import's traffic runs on retires within `deprecated_offer_days`: {model}, {retires}, {days}
    /// ("3 days after 2026-12-07"), {replacement}, {recommended}.
    case current_retiring
    /// Another model an import's traffic runs on (not its busiest) is retired on the as-of day: {model}, {share} of the
    /// requests ("30.2 %"), {retired}, {replacement}, {recommended}.
    case share_retired
    /// Another model an import's traffic runs on retires within `deprecated_offer_days`: {model}, {share}, {retires},
    /// {days}, {replacement}, {recommended}.
    case share_retiring
    /// The recommended model holds the answers with room only on its batch API's higher output limit, which its maker
    /// opens with a beta header on some platforms: {model}, {tokens} (an answer, reasoning included, on its count),
    /// {limit} (its output limit elsewhere), {batch_limit}.
    case batch_output_only
    /// The team set a reasoning effort and the recommended model has no reasoning mode: {model}, {effort}, {tokens}
    /// (the reasoning tokens the day's Haiku is priced with at that effort), {haiku}, {haiku_monthly} (its month at the
    /// effort), {haiku_least} (with its least thinking).
    case effort_not_applied
    /// The recommended model is legacy and its successor could take the workload: {model}, {since}, {floor} (", and
    /// … retires no sooner than …" where its maker publishes that day and it is still ahead; else empty),
    /// {replacement}, {monthly} (the primary's month), {replacement_monthly}.
    case legacy_primary
    /// The recommended model is legacy and its successor cannot take the workload: {model}, {since}, {floor} (as in
    /// `legacy_primary`), {replacement}, {why} (why the successor cannot).
    case legacy_primary_alone
    /// A tiered plan's escalation model is legacy, the current escalation models listed ahead of it being unable to
    /// take the complex requests: {model}, {state} ("legacy since …: … succeeds it"), {why} (each model ahead and
    /// why it cannot).
    case legacy_escalation
    /// The recommended model's page announces new prices after the as-of date: {model}, {day} (the first day of the
    /// new prices), {monthly} (the month at today's prices), {changed_monthly} (the same month at the new ones).
    case price_change
    /// The current Haiku cannot take this workload (retired, not yet released, deprecated): {model}, {why}.
    case haiku_ruled_out
    /// The current Haiku cannot hold the request (its window, its headroom or an input limit): {model}, {why}.
    case haiku_outgrown
    /// The current Haiku cannot hold the answer (its output limit or that limit's headroom, reasoning included):
    /// {model}, {why}.
    case haiku_outgrown_output
    /// The current Haiku fits the task less well than the workload requires: {model}, {why}.
    case haiku_unsuitable
    /// The current Haiku's published rate limits cannot carry the peak: {model}, {why}.
    case haiku_over_capacity
    /// The current Haiku cannot answer within the stated budget at any setting, at the fastest output reported:
    /// {model}, {why}.
    case haiku_too_slow
    /// A model a rule prefers cannot answer within the budget, and the primary stands in for it: {model}, {why},
    /// {primary}.
    case preferred_too_slow
    /// A model a rule prefers cannot take the workload (window, rate limits, required fit), and the primary, as strong
    /// a fit, stands in for it: {model}, {why}, {primary}, {fit} (the primary's), {preferred_fit}, {task},
    /// {thinking} (a sentence where the primary answers without thinking because the calls are forced, else empty).
    case preferred_unusable
    /// As preferred_unusable, but the preferred model fits the task less well than the workload requires and the
    /// primary fits it better: {model}, {why}, {primary}, {fit} (the primary's), {preferred_fit}, {task}, {thinking}.
    case preferred_unusable_stronger
    /// As preferred_unusable, but nothing as strong can take the workload, so the primary fits the task less well;
    /// said of the primary: {model} (the primary), {preferred}, {why}, {fit}, {preferred_fit}, {task}.
    case preferred_unusable_weaker
    /// A hard rule set the Haiku aside and named stronger models, but the primary is none of them and fits the task no
    /// better than that Haiku (a cost ceiling's pick, a stand-in, or cost first): {model} (the primary), {haiku},
    /// {criterion}, {named}, {named_monthly}, {fit}, {task}, {because}, {instead} (the named model at its price where
    /// it can take the workload, else what would bring it back), {compared} (its fit beside the Haiku's: "as {haiku}
    /// does", or below it).
    case ruled_out_haiku_peer
    /// Peak traffic needs a higher rate-limit tier: {model}, {load} (the opening sentence: the busiest minute, or
    /// through a batch API a day's work in its queue), {rpm} (with its noun: `1 request`, `137 requests`), {itpm},
    /// {otpm}, {tier}, {requires}, {reason} (", because the month's $1,146 is over Build's $1,000 monthly spend cap",
    /// where the tier below stops at its cap; else empty), {below} (what happens below the tier: 429s at every peak, the spend cap stopping
    /// the month where only the cap needs the tier, or the queue or spend cap stopping batches). The other rate_limit
    /// kinds take {load} too; under a tiered plan billed to one organisation, it ends with the plan's month.
    case rate_limit_tier
    /// Peak traffic exceeds every published tier: {model}, {rpm} (as for rate_limit_tier), {itpm}, {otpm}.
    case rate_limit_beyond_tiers
    /// The model's documented latency misses the budget: {model}, {percentile}, {ms}, {budget}.
    case latency_budget_missed
    /// The answer alone, written at the fastest output speed reported for the model, takes longer than the budget,
    /// whatever its thinking: {model}, {tokens} (the answer's), {seconds} (with the first-token wait), {speed},
    /// {start} (`least_first_token_seconds`), {budget}, {option} (a model that writes fast enough, or that none does).
    case answer_over_budget
    /// At the team's effort the model's reasoning, written before the first word of an answer, and the answer after
    /// it take longer than the budget even at the fastest output speed reported, and a setting it accepts would not:
    /// {model}, {effort}, {tokens} (reasoning), {seconds} (the reasoning's), {speed}, {answer_tokens}, {start} (the
    /// first-token wait), {total} (all three), {budget}, {fix} (switch thinking off, or the lowest level).
    case thinking_over_budget
    /// The model cannot stop thinking, and even its lowest level and the answer take longer than the budget at that
    /// speed: {model}, {lowest}, {tokens}, {seconds}, {speed}, {answer_tokens}, {start}, {total}, {budget}, {option}
    /// (a model that can answer in time, or that none can).
    case thinking_floor_over_budget
    /// Under tiered routing the complex share waits for the Haiku's answer and then the escalation model's, and the
    /// two outlast the budget: {model} (the escalation model), {haiku}, {share}, {haiku_seconds} and {seconds} (each
    /// one's floor at the team's effort), {thinking} (", whose … effort writes about … reasoning tokens first" where
    /// the escalation model thinks, else empty), {start} (the first-token wait each counts), {total}, {budget}, {fix}
    /// (a sentence: the least thinking of both, a routing step before any answer, or nothing in time).
    case escalation_over_budget
    /// As `escalation_over_budget`, where the two are in time at the fastest speeds but not at the typical one that
    /// each model's thinking level is chosen at (`engine.typical_output_tokens_per_second`): {model}, {haiku}, {share},
    /// {haiku_seconds} and {seconds} (each one's thinking and answer at that speed), {speed}, {total}, {budget}, {fix}
    /// (what applies: the Haiku's effort, the route decided first, or a budget of the hard requests' own).
    case escalation_over_budget_typical
    /// Under tiered routing with realtime answers and no budget, the escalation model thinks before each escalated
    /// answer: {model}, {haiku}, {share}, {effort}, {tokens}, {typical_seconds}, {typical}, {seconds}, {speed}.
    case escalation_thinking_realtime
    /// No source documents the model's latency: {model}, {budget}.
    case latency_unknown
    /// As `latency_unknown`, where the answer alone at the median speed of the ranking cited outlasts the budget:
    /// {model}, {budget}, {typical}, {count}.
    case latency_unknown_over
    /// A latency budget (not for batch work), and the hosted primary's prompts, less any cached prefix, at least
    /// `engine.long_prompt_tokens` on its count and longer than `engine.slow_request` reads within the budget: the
    /// figures the check rests on were measured on short prompts, and reading a long one comes before the first token.
    /// {model}, {tokens} (the part no cache holds, on its count), {budget}, {fresh} (" that its cache does not hold"
    /// where a prefix is cached), {cache} (a sentence on caching where none is used), {escalation} (a sentence where
    /// a tiered plan's complex share reads the prompt twice).
    case latency_long_prompt
    /// Interactive answers without a budget, and the primary's reasoning at the team's effort takes longer than
    /// `interactive_wait_seconds` at the typical speed before the first word: {model}, {effort}, {tokens},
    /// {typical_seconds} and {typical} (the thinking's time at the typical speed, and that speed), {seconds} and
    /// {speed} (at the fastest output reported for it), {wait}, {fix} (a lower level that fits the wait, priced; or,
    /// for work that keeps its thinking, how to bear the wait).
    case thinking_interactive
    /// Realtime answers without a budget, at an effort the team set, on a primary that thinks at it: {model},
    /// {effort} (the level priced), {set} ("the level you set", or what the level asked runs at), {tokens},
    /// {typical_seconds}, {typical}, {seconds}, {speed}, {fix} (its least thinking, priced).
    case thinking_realtime
    /// Under tiered routing, the escalation model's thinking on the complex share (at the effort the plan prices it at)
    /// outlasts the interactive wait, after the Haiku's answer: {model} (the escalation model), {haiku}, {share},
    /// {effort}, {tokens}, {typical_seconds}, {typical}, {seconds}, {speed}, {wait}.
    case escalation_thinking_interactive
    /// Prices used are older than `stale_after_days` on the as-of date: {models} (the primary and alternatives
    /// checked that day, "A, B and C"), {checked}, {days}, {as_of}.
    case stale_price
    /// The provider publishes no rate limits for the model (or none in force on the day, or not for the tier the
    /// month's spend needs): {model}, {provider}, {rpm} (as for rate_limit_tier), {itpm}, {otpm}, {why}.
    case rate_limit_unknown
    /// As rate_limit_unknown, for a peak under the entry tier of every provider whose limits a page publishes:
    /// {model}, {provider}, {rpm}, {itpm}, {otpm}, {floor} (those lowest limits in words).
    case rate_limit_unknown_small
    /// The peak (and the month's spend) is inside `engine.entry_tier_room` of every limit of the model's entry tier,
    /// so limits are unlikely to bind: {model}, {provider}, {rpm}, {itpm}, {otpm}, {tier} (its name), {limits} (its
    /// limits and spend cap in words), {requires} (how an organisation gets it), {room}.
    case rate_limit_entry_small
    /// The model's entry tier carries the peak and the month's spend, but one of its limits or its spend cap with
    /// less than `engine.entry_tier_room` to spare: a busier month or a sharper peak meets it. {model}, {provider},
    /// {load}, {rpm}, {itpm}, {otpm}, {tier} (its name), {tight} (each such limit with the share taken, in words),
    /// {requires}, {room}, {advice}, {busier} (as for rate_limit_tier_tight).
    case rate_limit_entry_tight
    /// The tier a workload needs above the entry tier carries it, but one of its limits or its spend cap past
    /// `engine.needed_tier_room`: {model}, {provider}, {tier}, {tight} (as for rate_limit_entry_tight), {room},
    /// {busier} (what reaches the limit: "A busier month or a sharper peak", through a batch API "A busier month or
    /// a bigger day of batches"), {watch} ("the rate-limit headers", through a batch API "the batch queue"). Joins
    /// the rate_limit_tier warning.
    case rate_limit_tier_tight
    /// The provider sets no fixed limit and serves what capacity allows: {model}, {provider}, {rpm} (as for
    /// rate_limit_tier).
    case rate_limit_dynamic
    /// The cost-first primary fits the task only `good`; the cheapest `strong` model and what it adds:
    /// {model}, {strong_model}, {strong_state} (" (legacy since …)" for a legacy model, else empty), {strong_monthly},
    /// {difference}, {monthly}.
    case quality_margin
    /// A self-hosted primary cheaper than the runner-up only above a throughput per GPU: {model}, {tps} (its page's
    /// tokens a second per GPU), {output} (its answers' tokens, its count), {break_even} (the tokens a second per GPU
    /// at or below which the runner-up costs less), {runner}, {runner_monthly}.
    case self_hosted_throughput

    /// No model can hold the request; trimming the prompt would make it fit the roomiest model with headroom:
    /// {model} (of the models that fit the task as the workload requires, where any is served, the one whose tightest
    /// limit the request fills least), {which} (the models it is the roomiest of: "the models we list", or "the models
    /// that fit … as this workload requires" where a roomier one fits less well), {window}, {tokens} (the request on
    /// its count), {why} (the limit it breaks: the window, or a cap on the prompt or the answer below it),
    /// {fit_tokens} (the longest prompt that fits, as the answers count), {counted_with}, {headroom}, {as_of}.
    case nothing_fits
    /// The request fits the roomiest model as it stands, but fills more of it than the headroom allows, so no model
    /// is recommended: {model}, {which}, {window}, {tokens}, {share} (of the window), {cap} (", and its prompt …% of
    /// its …-token input limit" where a cap on the prompt or the answer is the tighter limit, else empty),
    /// {headroom}, {fit_tokens}, {counted_with}, {as_of}.
    case nothing_fits_margin
    /// No model holds the request with headroom, and its answer alone (with reasoning) leaves no room for a prompt
    /// in the roomiest model's window or fills more of its output limit than the headroom allows: {model}, {which},
    /// {window}, {output} (answer and reasoning on its count), {max_output}, {headroom}, {as_of}.
    case nothing_fits_output
    /// Models hold the request, but none meets every requirement: {model} (the closest), {why} (what it misses),
    /// {as_of}.
    case nothing_usable
    /// As `nothing_usable`, where a model we list released later meets them: {model}, {why}, {as_of}, {first_model}
    /// (the first such model) and {first_day} (its release day).
    case nothing_usable_until
    /// No requests a month: every bill is $0, so no cost comparison decided the verdict: {model} (the primary).
    case no_volume

    /// The placeholders the text may use.
    public var placeholders: [String] {
        switch self {
        case .nothing_usable: ["model", "why", "as_of"]
        case .nothing_usable_until: ["model", "why", "as_of", "first_model", "first_day"]
        case .no_volume: ["model"]
        case .nothing_fits: ["model", "which", "window", "tokens", "why", "fit_tokens", "counted_with", "headroom", "as_of", "deprecated"]
        case .nothing_fits_margin: ["model", "which", "window", "tokens", "share", "cap", "headroom", "fit_tokens", "counted_with", "as_of", "deprecated"]
        case .nothing_fits_output: ["model", "which", "window", "output", "max_output", "headroom", "as_of", "deprecated"]
        case .deprecated_alternative: ["model", "retires", "replacement"]
        case .no_escalation: ["model", "score", "share", "why"]
        case .current_retired: ["model", "retired", "replacement", "recommended"]
        case .current_retiring: ["model", "retires", "days", "replacement", "recommended"]
        case .share_retired: ["model", "share", "retired", "replacement", "recommended"]
        case .share_retiring: ["model", "share", "retires", "days", "replacement", "recommended"]
        case .batch_output_only: ["model", "tokens", "limit", "batch_limit"]
        case .effort_not_applied: ["model", "effort", "tokens", "haiku", "haiku_monthly", "haiku_least"]
        case .legacy_primary: ["model", "since", "floor", "replacement", "monthly", "replacement_monthly", "replacement_least"]
        case .legacy_primary_alone: ["model", "since", "floor", "replacement", "why"]
        case .legacy_escalation: ["model", "state", "why"]
        case .price_change: ["model", "day", "monthly", "changed_monthly"]
        case .haiku_ruled_out, .haiku_outgrown, .haiku_outgrown_output, .haiku_unsuitable, .haiku_over_capacity, .haiku_too_slow: ["model", "why"]
        case .preferred_too_slow: ["model", "why", "primary"]
        case .preferred_unusable, .preferred_unusable_stronger: ["model", "why", "primary", "fit", "preferred_fit", "task", "thinking"]
        case .ruled_out_haiku_peer: ["model", "haiku", "criterion", "named", "named_monthly", "fit", "task", "because", "instead", "compared"]
        case .preferred_unusable_weaker: ["model", "preferred", "why", "fit", "preferred_fit", "task"]
        case .rate_limit_tier: ["model", "provider", "load", "rpm", "itpm", "otpm", "tier", "requires", "reason", "below"]
        case .rate_limit_beyond_tiers: ["model", "provider", "load", "rpm", "itpm", "otpm", "gap", "top_tier"]
        case .rate_limit_unknown: ["model", "provider", "load", "rpm", "itpm", "otpm", "why"]
        case .rate_limit_unknown_small: ["model", "provider", "load", "rpm", "itpm", "otpm", "floor"]
        case .rate_limit_entry_small: ["model", "provider", "load", "rpm", "itpm", "otpm", "tier", "limits", "requires", "room"]
        case .rate_limit_entry_tight: ["model", "provider", "load", "rpm", "itpm", "otpm", "tier", "tight", "requires", "room", "advice", "busier"]
        case .rate_limit_tier_tight: ["model", "provider", "tier", "tight", "room", "busier", "watch"]
        case .rate_limit_dynamic: ["model", "provider", "rpm"]
        case .quality_margin: ["model", "strong_model", "strong_state", "strong_monthly", "difference", "monthly", "ranked"]
        case .self_hosted_throughput: ["model", "tps", "output", "break_even", "runner", "runner_monthly"]
        case .latency_budget_missed: ["model", "percentile", "ms", "budget"]
        case .answer_over_budget: ["model", "tokens", "seconds", "speed", "start", "budget", "option"]
        case .thinking_over_budget: ["model", "effort", "tokens", "seconds", "speed", "answer_tokens", "start", "total", "budget", "fix"]
        case .thinking_floor_over_budget: ["model", "lowest", "tokens", "seconds", "speed", "answer_tokens", "start", "total", "budget", "option"]
        case .escalation_over_budget: ["model", "haiku", "share", "haiku_seconds", "seconds", "thinking", "start", "total", "budget", "fix"]
        case .escalation_over_budget_typical: ["model", "haiku", "share", "haiku_seconds", "seconds", "speed", "total", "budget", "over", "fix"]
        case .escalation_thinking_realtime: ["model", "haiku", "share", "effort", "tokens", "typical_seconds", "typical", "seconds", "speed"]
        case .latency_unknown, .latency_unknown_over: ["model", "budget", "typical", "count"]
        case .latency_long_prompt: ["model", "tokens", "budget", "promise", "fresh", "cache", "escalation"]
        case .thinking_interactive: ["model", "effort", "tokens", "typical_seconds", "typical", "seconds", "speed", "wait", "fix"]
        case .thinking_realtime: ["model", "effort", "set", "tokens", "typical_seconds", "typical", "seconds", "speed", "fix"]
        case .escalation_thinking_interactive: ["model", "haiku", "share", "effort", "tokens", "typical_seconds", "typical", "seconds", "speed", "wait"]
        case .stale_price: ["models", "checked", "days", "as_of"]
        }
    }
}

/// A computed warning's words and the failure-mode page that explains it.
public struct WarningText: Codable, Sendable, Equatable {
    public var failure_mode: String
    public var text: String
    /// Instead of the failure mode's: a finding that weighs more (a budget no setting can meet) or less (a peak
    /// every entry tier carries) than the failure mode's usual exposure.
    public var severity: Severity?
    /// Instead of the failure mode's title: a finding that is not the failure mode itself but leads to it, whose page
    /// still explains the risk (a Haiku ruled out for its fit was titled "Hallucinations"). The text's placeholders.
    public var title: String?

    public init(failure_mode: String, text: String, severity: Severity? = nil, title: String? = nil) {
        self.failure_mode = failure_mode
        self.text = text
        self.severity = severity
        self.title = title
    }
}

/// What the warnings say of a provider: where it reports incidents and how its errors read.
/// A slow request, for reading a cap on requests in flight (`engine.slow_request`): it waits `queue_seconds`
/// before it starts, then reads its input and writes its output (reasoning included) at these rates.
public struct SlowRequest: Codable, Sendable, Equatable {
    public var queue_seconds: Double
    public var input_tokens_per_second: Double
    public var output_tokens_per_second: Double

    /// Seconds one request of these tokens takes at this pace.
    func seconds(input: Double, output: Double) -> Double {
        queue_seconds + input / input_tokens_per_second + output / output_tokens_per_second
    }
}

public struct ProviderInfo: Codable, Sendable, Equatable {
    public var status_page: String
    public var error_docs: String
    /// The provider's name in Inspect AI's `provider/model` ids (`anthropic`, `openai-api/cohere`), for the
    /// evaluation plan; nil when Inspect cannot reach it.
    public var inspect: String?
    /// The fastest output speed reported for any model this provider serves, in tokens a second, where it is above
    /// `engine.fastest_output_tokens_per_second` (Groq's own hardware); nil: the engine's figure holds.
    public var fastest_output_tokens_per_second: Double?
    public init(status_page: String, error_docs: String, inspect: String? = nil,
                fastest_output_tokens_per_second: Double? = nil) {
        self.status_page = status_page
        self.error_docs = error_docs
        self.inspect = inspect
        self.fastest_output_tokens_per_second = fastest_output_tokens_per_second
    }
}

/// A what-if the verdict offers (Levers.swift), each with its words and the page that explains it.
public enum LeverKind: String, ClosedSet, CodingKeyRepresentable {
    /// Trim prompts below a long-context price line: {model}, {tokens}, {split} (how the cut divides between the
    /// system prompt and each request's own text, empty without a system prompt), {counted_with}, {threshold},
    /// {before}, {after}, {saving}.
    case trim_below_cliff
    /// Cache the stable prefix (the system prompt): {model}, {share}, {before}, {after}, {saving}.
    case cache_prefix
    /// Send the work through the batch API: {model}, {discount}, {before}, {after}, {saving}.
    case batch
    /// One reasoning level lower: {model}, {effort}, {before}, {after}, {saving}.
    case lower_effort
    /// One reasoning level higher: {model}, {effort}, {before}, {after}, {extra}.
    case raise_effort
    /// Thinking switched off (effort none) where answers must be fast: {model}, {effort} (the level now), {tokens}
    /// (its reasoning tokens a request), {need} (`realtime answers`, `a 0.3 s budget`), {before}, {after}, {saving}.
    case thinking_off
    /// The lowest reasoning level, where answers must be fast and the model cannot switch thinking off: {model},
    /// {effort} (the level now), {lowest}, {tokens} (reasoning tokens a request now), {tokens_after} (at the lowest),
    /// {need}, {before}, {after}, {saving}.
    case least_thinking
    /// The complex share to the escalation model: {model}, {escalation}, {escalation_state} (" (legacy since …)" for
    /// a legacy one, else empty), {share}, {before}, {after}, {extra},
    /// {router} (its build and upkeep hours and first-year cost at the developer rate, from routing_payback).
    case route_complex
    /// The score gave everything to the escalation model, {model}, for its complex share: route the simple rest to
    /// {haiku} with it answering every request first: {model}, {haiku}, {share}, {simple}, {before}, {after}, {saving},
    /// {router}.
    case route_simple
    /// Nothing holds the request: cut prompts to what fits the roomiest model with headroom: {model}, {tokens},
    /// {split}, {counted_with}, {window}, {before}, {after}.
    case trim_to_fit

    /// The placeholders the text may use.
    public var placeholders: [String] {
        switch self {
        case .trim_below_cliff: ["model", "tokens", "split", "counted_with", "threshold", "room", "before", "after", "saving"]
        case .cache_prefix: ["model", "share", "before", "after", "saving"]
        case .batch: ["model", "discount", "before", "after", "saving"]
        case .lower_effort: ["model", "effort", "before", "after", "saving"]
        case .raise_effort: ["model", "effort", "before", "after", "extra"]
        case .thinking_off: ["model", "effort", "tokens", "need", "before", "after", "saving"]
        case .least_thinking: ["model", "effort", "lowest", "tokens", "tokens_after", "need", "before", "after", "saving"]
        case .route_complex: ["model", "escalation", "escalation_state", "share", "before", "after", "extra", "router"]
        case .route_simple: ["model", "haiku", "share", "simple", "before", "after", "saving", "router"]
        case .trim_to_fit: ["model", "tokens", "split", "counted_with", "window", "before", "after"]
        }
    }
}

/// A rule of the price model that changes a model's monthly figure in a way a reader would not expect (Traps.swift).
public enum TrapKind: String, ClosedSet, CodingKeyRepresentable {
    /// The prompt is above a long-context price line: {model}, {prompt}, {threshold}, {amount}, {tokens}, {counted_with},
    /// {estimated} (where an estimated tool-use system prompt is what takes it over, said; else empty).
    case long_context_cliff
    /// The average prompt is under a whole-request long-context line but within `levers.near_line_share` of it, so
    /// longer requests cross it: {model}, {prompt} (on its count), {threshold}, {share} (of the line), {amount} (a
    /// month of prompts just over it, more), {counted_with}.
    case long_context_near_line
    /// Under an imported distribution none of whose requests crosses a whole-request long-context line, its longest
    /// request within `levers.near_line_share` of it (a report's bucket averages hide the longer ones): {model},
    /// {prompt} (the longest, on its count), {threshold}, {share} (of the line), {growth} (how much longer every
    /// prompt would be for the longest to cross), {amount} (the file's month with that growth, more), {counted_with}.
    case long_context_near_line_import
    /// Under an imported distribution, part of the requests are above the model's long-context line: {model},
    /// {share} (of the requests), {threshold}, {amount} (what its long-context rates add to them), {monthly} (the
    /// model's month), {counted_with}.
    case long_context_share
    /// The model counts more tokens than the tokenizer the answers were counted with: {model}, {ratio}, {counted_with}, {amount}.
    case tokenizer_ratio
    /// The model's page, or that of the tokenizer the answers were counted with, publishes no ratio, so that model is
    /// taken to count what the reference tokenizer counts: {model}, {counted_with}, {unpublished} (the model whose page
    /// lacks it), {reference} (the default of `tokens_counted_with`, ratio 1 by definition).
    case tokenizer_unpublished
    /// Reasoning tokens billed on top of the visible answer: {model}, {effort}, {tokens}, {amount}.
    case thinking_tokens
    /// The cacheable prefix is shorter than the model's cache minimum: {model}, {prefix}, {minimum}, {amount}.
    case cache_minimum
    /// The 1-hour cache is the cheaper way to hold the prefix (sparse traffic most often), so it is priced: {model}, {writes} (a number),
    /// {prefix_writes} (`1 prefix write`, `12 prefix writes`), {amount}.
    case cache_1h
    /// A day's batch input exceeds the batch queue the model's tiers allow: {model}, {gap}, {amount}.
    case batch_limit
    /// The provider adds its own tool-use system prompt to every request with tools: {model}, {provider}, {tokens}
    /// (a request, on the model's count), {choice} (`auto`, `any or a named tool`), {amount}.
    case tool_prompt
    /// The provider adds one but publishes no count for this model, so its figure takes the nearest counted model's:
    /// {model}, {provider}, {reference} (`Knowledge.toolPromptReference`), {reference_tokens} (a request, on this
    /// model's figure), {choice}, {amount}.
    case tool_prompt_unpublished

    /// The placeholders the text may use.
    public var placeholders: [String] {
        switch self {
        case .long_context_cliff: ["model", "prompt", "threshold", "amount", "tokens", "counted_with", "estimated"]
        case .long_context_near_line: ["model", "prompt", "threshold", "share", "amount", "counted_with"]
        case .long_context_near_line_import: ["model", "prompt", "threshold", "share", "growth", "amount", "counted_with"]
        case .long_context_share: ["model", "share", "threshold", "amount", "monthly", "counted_with"]
        case .tokenizer_ratio: ["model", "ratio", "counted_with", "amount", "crossing"]
        case .tokenizer_unpublished: ["model", "counted_with", "unpublished", "reference"]
        case .thinking_tokens: ["model", "effort", "tokens", "amount", "wait", "lowered"]
        case .cache_minimum: ["model", "prefix", "minimum", "amount"]
        case .cache_1h: ["model", "writes", "prefix_writes", "amount"]
        case .batch_limit: ["model", "gap", "amount"]
        case .tool_prompt: ["model", "provider", "tokens", "choice", "amount"]
        case .tool_prompt_unpublished: ["model", "provider", "reference", "basis", "reference_tokens", "choice", "amount"]
        }
    }
}

/// How far a what-if may move a numeric answer from the one given: `factor` for amounts (from answer ÷ factor to
/// answer × factor), `spread` for shares (answer ± spread, within 0..1). Exactly one of the two.
public struct AnswerRange: Codable, Sendable, Equatable {
    public var factor: Double?
    public var spread: Double?
    /// Only values from the answer given up: an answer that is a requirement (a latency budget), which a what-if may
    /// loosen but never tighten.
    public var up_only: Bool?
    public init(factor: Double? = nil, spread: Double? = nil, up_only: Bool? = nil) {
        self.factor = factor
        self.spread = spread
        self.up_only = up_only
    }
}

/// Words with a link: a lever's or a trap's sentence and the page that explains it (a site path).
public struct LinkedText: Codable, Sendable, Equatable {
    public var url: String
    public var text: String
    /// Levers only: the task types the lever is offered for (absent: every one). Sending interactive code
    /// completions through a batch API is not a lever a team has.
    public var tasks: [String]?
    /// Levers only: the answers it is offered for (absent: any). A lower effort is not offered to work that must be
    /// right the first time.
    public var when: Condition?
    /// `lower_effort` only: the answers for which the lever goes to the model's least level (thinking off where its
    /// API allows it) instead of one level down. A team that accepts an occasional miss tries the cheapest setting.
    public var to_least_when: Condition?
    /// `trim_below_cliff` only: the words when the trim is priced on the Haiku the verdict passed over (its way back),
    /// where a saving on the Haiku's bill is not one on the verdict's: "$1,949 less" led a trim that raised a $124
    /// month to a $719 plan.
    public var back_text: String?
    public init(url: String, text: String, tasks: [String]? = nil, when: Condition? = nil, to_least_when: Condition? = nil,
                back_text: String? = nil) {
        self.back_text = back_text
        self.url = url
        self.text = text
        self.tasks = tasks
        self.when = when
        self.to_least_when = to_least_when
    }
}

/// `engine.levers` of criteria/_index.md: the plausible range of every numeric answer (levers and changes of
/// verdict outside it are not offered), how many steps an ordered choice may move, and the words of each lever
/// and trap.
public struct LeverSettings: Codable, Sendable, Equatable {
    /// By answer id (`monthly_requests`); a numeric answer without a range is not moved.
    public var ranges: [String: AnswerRange]
    /// How many steps along its list an ordered choice (latency, effort) may move.
    public var choice_steps: Int
    /// A lever offered for its saving (trim under a price line, cache, batch, lower effort) must save at least this
    /// much a month; a few cents is not a thing to do this week. nil: any saving.
    public var min_saving_usd: Double?
    /// A lever that trades quality for its saving (a lower reasoning effort) must also save at least this share of
    /// the month: 1 % of the bill is not worth a step down in quality. nil: any saving above `min_saving_usd`.
    public var min_quality_trade_share: Double?
    /// An average prompt at least this share of a whole-request long-context line (and under it) is a trap: the
    /// requests longer than the average cross the line (`long_context_near_line`). nil: never said.
    public var near_line_share: Double?
    public var levers: [LeverKind: LinkedText]
    public var traps: [TrapKind: LinkedText]
    public init(ranges: [String: AnswerRange], choice_steps: Int, min_saving_usd: Double? = nil,
                min_quality_trade_share: Double? = nil, levers: [LeverKind: LinkedText], traps: [TrapKind: LinkedText]) {
        self.ranges = ranges
        self.choice_steps = choice_steps
        self.min_saving_usd = min_saving_usd
        self.min_quality_trade_share = min_quality_trade_share
        self.levers = levers
        self.traps = traps
    }
}

/// The `engine:` block of criteria/_index.md: thresholds, the models the verdicts name, computed warnings.
public struct EngineSettings: Codable, Sendable, Equatable {
    public var base_score: Double
    public var choose_haiku_at: Double
    public var tiered_routing_at: Double
    /// The Haikus the verdict "choose Haiku" may name, preferred first: the first one available on the as-of
    /// date that can take the workload is "the Haiku".
    public var haiku_models: [String]
    /// The models that take the hard requests under tiered routing, preferred first.
    public var escalation_models: [String]
    /// The models `/compare` shows when none are asked for.
    public var compare_models: [String]
    /// A price older than this many days on the as-of date is flagged.
    public var stale_after_days: Double
    /// The largest share of a model's context window one request (prompt, output and reasoning, on the model's
    /// own count) may fill for the model to be recommended; 0.8 when absent.
    public var context_headroom: Double?
    /// Where no model holds a request with that headroom, fills within this share of the least one count as equally
    /// roomy, and the best fit for the task among them is named; 0 (the roomiest only) when absent.
    public var roomy_within: Double?
    /// A deprecated model is offered as an alternative only while it retires more than this many days after the
    /// as-of date; nearer, a team should be moving off it, not onto it. 60 when absent.
    public var deprecated_offer_days: Double?
    /// An imported file's traffic on a retired or retiring model other than its busiest, below this share of the
    /// requests, is said as a medium warning in its place rather than first (a test call is no biggest risk);
    /// 0.01 when absent.
    public var minor_traffic_share: Double?
    /// Where cost is not first, a legacy model comes after its named successor while the successor costs at most
    /// this share more (0.25: 25 %); 0.25 when absent.
    public var legacy_premium: Double?
    /// ... or at most this many dollars a month more, whatever the share: a small month's saving does not pay for
    /// building on a model its maker moved on from. `levers.min_saving_usd` when absent.
    public var legacy_premium_usd: Double?
    /// A legacy model whose page announces new prices within this many days of the as-of date is weighed against its
    /// successor at the dearer of today's and those, and cost first (`cheapest_fit`) ranks every model so: a
    /// promotion about to end is no saving to build on. 60 when absent.
    public var price_outlook_days: Double?
    /// A primary with no published latency whose answers at the typical output speed take at least this many times
    /// the stated budget is likely to miss it: the biggest risk after a documented miss. 1.5 when absent.
    public var likely_miss_ratio: Double?
    /// The `quality_margin` warning does not name a strong fit that costs more than this many times the cost-first
    /// pick's month and at least `quality_margin_min_usd` more. Without both, whatever it costs.
    public var quality_margin_max_ratio: Double?
    /// See `quality_margin_max_ratio`.
    public var quality_margin_min_usd: Double?
    /// A peak at most this share of every limit of the recommended model's entry tier is unlikely to bind: the
    /// rate-limit warning says so, at its own severity (`rate_limit_entry_small`). Without it, never said.
    public var entry_tier_room: Double?
    /// Above the entry tier: the tier a workload needs carries it, but one of its limits or its spend cap is used
    /// past this share, and the rate-limit warning names it (`rate_limit_tier_tight`). Without it, never said.
    public var needed_tier_room: Double?
    /// How long one request may take at its slowest, for a provider that caps requests in flight instead of a rate;
    /// without it such a cap never counts as carrying a peak.
    public var slow_request: SlowRequest?
    /// An output speed no hosted model is reported to beat, in tokens a second: the reasoning tokens a model writes
    /// before the first word of an answer take at least that many tokens ÷ this many seconds, the floor a latency
    /// budget is held to. Without it the floor is not computed.
    public var fastest_output_tokens_per_second: Double?
    /// A time to the first token no hosted model is reported to beat, in seconds: every answer of a hosted model waits
    /// at least this long before its first token (thinking or answer), so a latency budget's floor starts here (a
    /// self-hosted model's does not). Without it, 0.
    public var least_first_token_seconds: Double?
    /// A prompt length, in tokens on a model's own count, from which a latency budget is said to rest on figures
    /// measured on far shorter prompts (`latency_long_prompt`): the first-token wait grows with the prompt read
    /// before it. Without it, never said.
    public var long_prompt_tokens: Double?
    /// A typical output speed, in tokens a second: a latency budget is offered less thinking *for the budget's sake*
    /// only when the reasoning at this speed takes at least `thinking_budget_share` of it (a 600 s batch budget is no
    /// reason to switch thinking off). Without both, any budget is.
    public var typical_output_tokens_per_second: Double?
    /// See `typical_output_tokens_per_second`: the share of a budget the thinking must take to weigh on it.
    public var thinking_budget_share: Double?
    /// The longest a person waiting on an interactive answer (latency `interactive`, no budget) is taken to wait for
    /// its first word, in seconds: reasoning that takes longer at `typical_output_tokens_per_second` is warned of
    /// (`thinking_interactive`). Without it, never.
    public var interactive_wait_seconds: Double?
    /// Where this holds, the `default` reasoning-effort answer runs each model at its least thinking instead of its
    /// own default level (a team that puts cost first runs the cheapest setting); without it, never.
    public var least_effort_when: Condition?
    /// Where this holds, the `default` reasoning-effort answer runs a model whose thinking is off by default with its
    /// thinking on (`reasoning.thinking_on_effort`): work that is the thinking is not run without it; without it, never.
    public var thinking_kept_when: Condition?
    /// Every provider a model page names: its status page and error documentation.
    public var providers: [String: ProviderInfo]?
    /// The statistics of the evaluation plan (EvaluationPlan.swift); the plan is not offered without them.
    public var evaluation: EvaluationSettings?
    public var warnings: [ComputedWarning: WarningText]
    /// Levers, traps and the plausible ranges of what-ifs; without it the verdict offers none.
    public var levers: LeverSettings?
    /// The questions the questionnaire asks first; the rest are under "refine".
    public var essential_questions: [String]?

    public init(base_score: Double, choose_haiku_at: Double, tiered_routing_at: Double, haiku_models: [String],
                escalation_models: [String], compare_models: [String] = [], stale_after_days: Double = 90,
                context_headroom: Double? = nil, deprecated_offer_days: Double? = nil,
                providers: [String: ProviderInfo]? = nil,
                warnings: [ComputedWarning: WarningText] = [:], levers: LeverSettings? = nil,
                essential_questions: [String]? = nil) {
        self.deprecated_offer_days = deprecated_offer_days
        self.levers = levers
        self.essential_questions = essential_questions
        self.context_headroom = context_headroom
        self.providers = providers
        self.base_score = base_score
        self.choose_haiku_at = choose_haiku_at
        self.tiered_routing_at = tiered_routing_at
        self.haiku_models = haiku_models
        self.escalation_models = escalation_models
        self.compare_models = compare_models
        self.stale_after_days = stale_after_days
        self.warnings = warnings
    }
}
