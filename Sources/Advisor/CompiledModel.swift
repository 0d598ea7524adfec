// A model page checked once and compiled into the numbers the engine computes with: task fit, lifecycle days,
// token ratio, the price model, context limits, latency and rate limits. Every check on a model's values lives
// here (README.md, "Content format" says what each field means).

/// Per-million-token rates of one price band.
struct Rates: Sendable, Equatable {
    var input: Double
    var output: Double
    /// nil: no prompt cache.
    var cacheRead: Double?
    /// 5-minute write; the input price when the page lists none.
    var cacheWrite: Double
    /// nil: no 1-hour cache.
    var cacheWrite1h: Double?

    /// Every rate times `factor` (a peak-hour blend).
    func scaled(by factor: Double) -> Rates {
        Rates(input: input * factor, output: output * factor, cacheRead: cacheRead.map { $0 * factor },
              cacheWrite: cacheWrite * factor, cacheWrite1h: cacheWrite1h.map { $0 * factor })
    }
}

/// A set of token classes as bits: the cost model asks `contains` for every model many times per assessment, and a
/// `Set` hashes on each ask.
struct TokenClasses: OptionSet, Sendable {
    let rawValue: UInt8
    init(rawValue: UInt8) { self.rawValue = rawValue }
    init(_ classes: [TokenClass]) {
        self.init(rawValue: classes.reduce(0) { $0 | Self.bit($1) })
    }
    private static func bit(_ c: TokenClass) -> UInt8 {
        switch c {
        case .input: 1
        case .output: 2
        case .cache_read: 4
        case .cache_write: 8
        }
    }
    func contains(_ c: TokenClass) -> Bool { rawValue & Self.bit(c) != 0 }
}

struct LongContextTier: Sendable {
    let threshold: Double
    let counts: TokenClasses
    let wholeRequest: Bool
    let rates: Rates
}

/// One price set of an API model and the day it began (`prices`, or one of its `previous` sets). A class, like
/// `CompiledModel`: every cost line reads one, and copying its sets retained each of them.
final class PriceSet: Sendable {
    /// nil: as far back as the page goes.
    let sinceDay: Int?
    let rates: Rates
    /// The standard cache's lifetime (`cache_ttl_minutes`): what `rates.cacheWrite` buys.
    let cacheTTL: CacheTTL
    /// The provider writes the cache unless told not to (`cache_by_default`).
    let cachesByDefault: Bool
    let cacheMinTokens: Double
    let batchDiscount: Double?
    let batchClasses: TokenClasses
    /// `batchClasses` in `TokenClass` order, as a cost line lists them: listed once here, not on every pricing.
    let batchClassList: [TokenClass]
    let longContext: LongContextTier?
    /// Peak-hour pricing (`prices.peak`): the multiplier and the share of the week's hours it applies to.
    let peak: (multiplier: Double, share: Double)?

    init(sinceDay: Int?, rates: Rates, cacheTTL: CacheTTL = .fiveMinutes, cachesByDefault: Bool = false, cacheMinTokens: Double,
         batchDiscount: Double?, batchClasses: TokenClasses, longContext: LongContextTier?,
         peak: (multiplier: Double, share: Double)? = nil) {
        self.sinceDay = sinceDay
        self.rates = rates
        self.cacheTTL = cacheTTL
        self.cachesByDefault = cachesByDefault
        self.cacheMinTokens = cacheMinTokens
        self.batchDiscount = batchDiscount
        self.batchClasses = batchClasses
        self.batchClassList = TokenClass.allCases.filter { batchClasses.contains($0) }
        self.longContext = longContext
        self.peak = peak
    }
}

/// One rate-limit scheme and the day it began (`rate_limits`, or one of its `previous` schemes).
struct RateScheme: Sendable {
    /// nil: as far back as the page goes.
    let sinceDay: Int?
    let kind: RateLimitKind
    /// Lowest first (empty unless `kind` is `tiers`).
    let tiers: [RateTier]
    let cacheReadsCount: Bool
}

/// A reasoning model's effort levels and the tokens each spends per request (a class: read per cost line).
final class CompiledReasoning: Sendable {
    let defaultEffort: Effort
    let levels: [Effort]
    /// Reasoning tokens per request at each level, indexed by `Effort.rank` (0 for `none`).
    let tokens: [Double]
    /// Whether each level's figure is a documented one (false: an assumption).
    let assumed: [Bool]
    let billedAs: TokenClass

    /// What each `reasoning_effort` answer (by index) comes to on this model: worked out once, read per cost line.
    /// One more slot, `Knowledge.thinkingOnAnswer`: `default` where the work keeps its thinking (`thinkingOn`).
    let byAnswer: [(effort: Effort, tokens: Double, assumed: Bool)]

    /// For a model whose thinking is off by default, the level a request that turns it on runs at
    /// (`reasoning.thinking_on_effort`); nil otherwise.
    let thinkingOn: Effort?

    /// Levels the API takes but runs as one of `levels` (`runs_as`), as its page documents them.
    let runsAs: [Effort: Effort]

    init(defaultEffort: Effort, levels: [Effort], tokens: [Double], assumed: [Bool], billedAs: TokenClass,
         runsAs: [Effort: Effort] = [:], thinkingOn: Effort? = nil) {
        self.runsAs = runsAs
        self.thinkingOn = thinkingOn
        self.defaultEffort = defaultEffort
        self.levels = levels
        self.tokens = tokens
        self.assumed = assumed
        self.billedAs = billedAs
        byAnswer = AnswerID.reasoningEffort.choices.indices.map { index in
            let effort = Self.effort(forAnswer: index, levels: levels, defaultEffort: defaultEffort, runsAs: runsAs)
            return (effort, tokens[effort.rank], assumed[effort.rank])
        } + [thinkingOn ?? defaultEffort].map { ($0, tokens[$0.rank], assumed[$0.rank]) }
    }

    /// The `reasoning_effort` choices as levels, by answer index (nil for `default`).
    private static let answerLevels = AnswerID.reasoningEffort.choices.map { Effort(rawValue: $0) }

    /// The level a request runs at for the `reasoning_effort` answer (`default` is the model's own): the asked
    /// level when the API accepts it, else the level the provider says it runs as (`runs_as`), else the nearest
    /// accepted one (lower first).
    private static func effort(forAnswer index: Int, levels: [Effort], defaultEffort: Effort,
                               runsAs: [Effort: Effort]) -> Effort {
        let asked = Self.answerLevels[index] ?? defaultEffort  // nil: `default`
        if levels.contains(asked) { return asked }
        if let runs = runsAs[asked] { return runs }
        return levels.min { (abs($0.rank - asked.rank), $0.rank) < (abs($1.rank - asked.rank), $1.rank) } ?? defaultEffort
    }
}

/// A class: the engine reads these in its hot loops, and a struct of arrays would be copied (retained) per read.
final class CompiledModel: Sendable {
    /// Indexed by the task_type choice index.
    let fit: [Fit]
    let isHaikuFamily: Bool
    /// The page's `family` (`haiku`, `sonnet`).
    let family: String
    let selfHosted: Bool

    // Lifecycle, as day numbers.
    let releasedDay: Int
    let legacyDay: Int?
    let deprecatedDay: Int?
    let retiresDay: Int?
    /// The earliest day its maker may retire it, where the maker publishes one and no retirement date yet.
    let retiresNotBeforeDay: Int?
    let replacement: Int?

    /// Tokens this model counts per reference token; `ratioPublished` false when assumed 1.0.
    let tokenRatio: Double
    let ratioPublished: Bool

    /// The provider, as the page names it (`Anthropic`, `Cohere`).
    let provider: String

    /// API price sets, newest first (empty for self-hosted models).
    let priceSets: [PriceSet]

    let contextWindow: Double
    let maxInput: Double?
    let maxOutput: Double?
    /// What one response segment carries, where the answer continues past it (`output_segment`); nil: one response.
    let outputSegment: Double?
    /// The output limit on the batch API (`batch_max_output`), above `maxOutput`; nil: the same limit on both.
    let batchMaxOutput: Double?
    /// The fastest output reported for this model (`fastest_output_tokens_per_second`); nil: its provider's or the
    /// engine's figure applies.
    let fastestOutput: Double?

    /// Self-hosted: GPU price and throughput, always-on GPUs, operations hours (nil for API models).
    let selfHosting: (gpuHourUSD: Double, tokensPerSecond: Double, minGPUs: Double, opsHours: Double)?

    /// The tail latency figure a budget is judged against: the highest percentile the page documents.
    let latencyForBudget: LatencyFigure?
    /// Rate-limit schemes, newest first (empty: the page gives none).
    let rateSchemes: [RateScheme]
    /// nil: the page does not say whether the model reasons (treated as not reasoning, and said so).
    let reasoning: CompiledReasoning?
    /// Whether the page has a `reasoning` block at all.
    let reasoningKnown: Bool
    /// Whether a forced tool call is taken (`accepted` where the page says nothing).
    let forcedToolUse: ForcedToolUse
    /// Whether a forced tool call switches this model's thinking off (`thinking_off` on a model that reasons): read
    /// per cost line, so worked out once.
    let forcedCallsStopThinking: Bool
    /// The provider's tool-use system prompt per request, for `tool_choice` auto and forced (nil: none we know of,
    /// or a count the page says is unpublished: `toolPromptUnpublished`).
    let toolPrompt: (auto: Double, forced: Double)?
    /// The page says the provider adds a tool-use system prompt but gives no count for this model.
    let toolPromptUnpublished: Bool
    /// Where unpublished, the count the page borrows from a model we do not list (`tool_prompt_tokens.estimate`).
    let toolPromptEstimate: (auto: Double, forced: Double, from: String)?

    /// The oldest `checked` date among the sources of the price figures (day number), and its text.
    let pricesCheckedDay: Int?

    init(_ entry: ModelEntry, modelIndex: [String: Int]) throws(KnowledgeError) {
        func problem(_ field: String, _ message: String) -> KnowledgeError {
            KnowledgeError(slug: entry.slug, section: "models", field: "model." + field, message: message)
        }
        let spec = entry.spec

        var fits: [Fit] = []
        for task in AnswerID.taskType.choices {
            guard let f = spec.task_fit[task] else { throw problem("task_fit", "missing the task type '\(task)'") }
            fits.append(f.fit)
        }
        for key in spec.task_fit.keys.sorted() where !AnswerID.taskType.choices.contains(key) {
            throw problem("task_fit.\(key)", "'\(key)' is not a task type (\(AnswerID.taskType.choices.joined(separator: ", ")))")
        }
        fit = fits
        provider = spec.provider
        isHaikuFamily = spec.family == "haiku"
        family = spec.family
        selfHosted = spec.hosting == .self_hosted

        // Lifecycle.
        func day(_ figure: TextFigure?, _ field: String) throws(KnowledgeError) -> Int? {
            guard let figure else { return nil }
            guard let d = CivilDate.plausibleDay(figure.value) else {
                throw problem(field + ".value", "must be a real date as YYYY-MM-DD from \(CivilDate.plausibleYears.lowerBound) to "
                              + "\(CivilDate.plausibleYears.upperBound), not '\(figure.value)'")
            }
            return d
        }
        func plainDay(_ text: String?, _ field: String) throws(KnowledgeError) -> Int? {
            guard let text else { return nil }
            guard let d = CivilDate.plausibleDay(text) else {
                throw problem(field, "must be a real date as YYYY-MM-DD from \(CivilDate.plausibleYears.lowerBound) to "
                              + "\(CivilDate.plausibleYears.upperBound), not '\(text)'")
            }
            return d
        }
        releasedDay = try day(spec.released, "released")!
        let life = spec.lifecycle
        legacyDay = try day(life.legacy, "lifecycle.legacy")
        deprecatedDay = try day(life.deprecated, "lifecycle.deprecated")
        retiresDay = try day(life.retires, "lifecycle.retires")
        retiresNotBeforeDay = try day(life.retires_not_before, "lifecycle.retires_not_before")
        if retiresNotBeforeDay != nil {
            // A floor says when an end may come; once the end is announced the retirement date says it instead.
            guard retiresDay == nil else {
                throw problem("lifecycle.retires_not_before", "a model with a retirement date needs no earliest retirement date")
            }
            guard legacyDay != nil else {
                throw problem("lifecycle.retires_not_before", "only a legacy model has an earliest retirement date: add lifecycle.legacy")
            }
        }
        if let d = deprecatedDay {
            guard let r = retiresDay else { throw problem("lifecycle.retires", "a deprecated model needs its retirement date") }
            guard r >= d else { throw problem("lifecycle.retires", "must not come before the deprecation date") }
            guard life.replacement != nil else {
                throw problem("lifecycle.replacement", "a deprecated model needs the model that replaces it")
            }
        }
        for (field, d) in [("legacy", legacyDay), ("deprecated", deprecatedDay), ("retires", retiresDay),
                           ("retires_not_before", retiresNotBeforeDay)] {
            if let d, d < releasedDay { throw problem("lifecycle.\(field)", "must not come before the release date") }
        }
        if let slug = life.replacement {
            guard slug != entry.slug else {
                throw problem("lifecycle.replacement", "a model cannot be its own replacement: name the model that succeeds it")
            }
            guard let m = modelIndex[slug] else {
                throw problem("lifecycle.replacement", "unknown model '\(slug)'\(Knowledge.known(modelIndex))")
            }
            replacement = m
        } else {
            replacement = nil
        }

        // Tokens and limits.
        func positive(_ figure: NumberFigure?, _ field: String, min: Double = 0, max: Double = 1e12) throws(KnowledgeError) -> Double? {
            guard let figure else { return nil }
            guard figure.value.isFinite, figure.value > min, figure.value < max else {
                throw problem(field + ".value", min > 0 ? "must be a number between \(AnswerValue.number(min).text) and \(AnswerValue.number(max).text)"
                                                        : "must be a positive number below \(AnswerValue.number(max).text)")
            }
            return figure.value
        }
        // A tokenizer counts within a factor of ten of Haiku 4.5's: 1e-300 passed, and dividing a count by it
        // overflowed the figures a warning writes.
        if let ratio = try positive(spec.tokenizer?.ratio, "tokenizer.ratio", min: 0.1, max: 10) {
            tokenRatio = ratio
            ratioPublished = true
        } else {
            tokenRatio = 1
            ratioPublished = false
        }
        contextWindow = try positive(spec.context_window, "context_window")!
        // A window is a whole number of tokens (400000.5 passed).
        guard contextWindow == contextWindow.rounded() else { throw problem("context_window.value", "must be a whole number of tokens") }
        maxInput = try positive(spec.max_input, "max_input")
        if let input = maxInput, input > contextWindow {
            throw problem("max_input.value", "cannot exceed the context window")
        }
        maxOutput = try positive(spec.max_output, "max_output")
        fastestOutput = try positive(spec.fastest_output_tokens_per_second, "fastest_output_tokens_per_second", max: 100_000)
        if let out = maxOutput, out > contextWindow {
            throw problem("max_output.value", "cannot exceed the context window")
        }
        batchMaxOutput = try positive(spec.batch_max_output, "batch_max_output")
        outputSegment = try positive(spec.output_segment, "output_segment")
        if let segment = outputSegment, let out = maxOutput, segment >= out {
            throw problem("output_segment.value", "must be below max_output (a segment is part of one answer)")
        }
        if let batch = batchMaxOutput {
            guard let out = maxOutput, batch > out else {
                throw problem("batch_max_output.value", "must be above max_output (the batch API's higher limit)")
            }
            if batch > contextWindow { throw problem("batch_max_output.value", "cannot exceed the context window") }
        }

        // Prices.
        func band(input: NumberFigure, output: NumberFigure, read: NumberFigure?, write: NumberFigure?,
                   write1h: NumberFigure?, at path: String) throws(KnowledgeError) -> Rates {
            let p = path.isEmpty ? "" : path + "."
            let inRate = try positive(input, p + "input", max: 1e6)!
            return Rates(input: inRate, output: try positive(output, p + "output", max: 1e6)!,
                         cacheRead: try positive(read, p + "cache_read", max: 1e6),
                         cacheWrite: try positive(write, p + "cache_write", max: 1e6) ?? inRate,
                         cacheWrite1h: try positive(write1h, p + "cache_write_1h", max: 1e6))
        }
        func priceSet(_ prices: ModelPrices, at path: String) throws(KnowledgeError) -> PriceSet {
            let base = try band(input: prices.input, output: prices.output, read: prices.cache_read,
                                 write: prices.cache_write, write1h: prices.cache_write_1h, at: path)
            if base.cacheRead == nil && (prices.cache_write != nil || prices.cache_write_1h != nil) {
                throw problem(path + ".cache_read", "cache write prices need the cache read price too")
            }
            let minTokens = try positive(prices.cache_min_tokens, path + ".cache_min_tokens", max: 1e7) ?? 0
            var ttl = CacheTTL.fiveMinutes
            if let minutes = prices.cache_ttl_minutes {
                guard let named = [CacheTTL.fiveMinutes, .thirtyMinutes].first(where: { $0.minutes == minutes.value }) else {
                    throw problem(path + ".cache_ttl_minutes.value", "must be 5 or 30: how long the standard cache keeps a prefix after its last use")
                }
                ttl = named
            }
            for (field, given) in [("cache_ttl_minutes", prices.cache_ttl_minutes != nil), ("cache_by_default", prices.cache_by_default != nil)]
            where given && base.cacheRead == nil {
                throw problem(path + "." + field, "only makes sense with a cache_read price")
            }
            var discount: Double? = nil
            if let d = prices.batch_discount {
                guard d.value > 0, d.value < 1 else {
                    throw problem(path + ".batch_discount.value", "must be a share between 0 and 1 (0.5 is half price)")
                }
                discount = d.value
            } else if prices.batch_applies_to != nil {
                throw problem(path + ".batch_applies_to", "only makes sense with a batch_discount")
            }
            var classes = prices.batch_applies_to ?? TokenClass.allCases
            guard !classes.isEmpty else { throw problem(path + ".batch_applies_to", "needs at least one token class") }
            // A page that prices no cache write bills a write as input (`band`), so in a batch it is input at the
            // batch rate: Google's implicit caches, whose first read of a prefix is an ordinary input token.
            if prices.cache_write == nil, prices.cache_write_1h == nil, classes.contains(.input), !classes.contains(.cache_write) {
                classes.append(.cache_write)
            }
            var longTier: LongContextTier? = nil
            if let long = prices.long_context {
                let lpath = path + ".long_context"
                let threshold = try positive(long.threshold, lpath + ".threshold", max: 1e9)!
                guard !long.counts.isEmpty, !long.counts.contains(.output) else {
                    throw problem(lpath + ".counts", "lists the prompt's token classes (input, cache_read, cache_write)")
                }
                let high = try band(input: long.input, output: long.output, read: long.cache_read,
                                     write: long.cache_write, write1h: long.cache_write_1h, at: lpath)
                if base.cacheRead != nil && long.cache_read == nil {
                    throw problem(lpath + ".cache_read", "the long-context tier needs its cache read price too")
                }
                if prices.cache_write != nil && long.cache_write == nil {
                    throw problem(lpath + ".cache_write", "the long-context tier needs its cache write price too")
                }
                if base.cacheWrite1h != nil && long.cache_write_1h == nil {
                    throw problem(lpath + ".cache_write_1h", "the long-context tier needs its 1-hour write price too")
                }
                longTier = LongContextTier(threshold: threshold, counts: TokenClasses(long.counts),
                                           wholeRequest: long.whole_request, rates: high)
            }
            var peak: (multiplier: Double, share: Double)? = nil
            if let p = prices.peak {
                let multiplier = p.multiplier.value, hours = p.hours_per_week.value
                guard multiplier.isFinite, multiplier >= 1, multiplier <= 100 else {
                    throw problem(path + ".peak.multiplier", "must be 1 or more: the peak rate over the off-peak one")
                }
                guard hours.isFinite, hours > 0, hours <= 168 else {
                    throw problem(path + ".peak.hours_per_week", "must be above 0 and at most 168")
                }
                peak = (multiplier, hours / 168)
            }
            return PriceSet(sinceDay: try plainDay(prices.since, path + ".since"),
                            rates: base, cacheTTL: ttl, cachesByDefault: prices.cache_by_default ?? false, cacheMinTokens: minTokens,
                            batchDiscount: discount, batchClasses: TokenClasses(classes), longContext: longTier, peak: peak)
        }
        switch spec.hosting {
        case .api:
            guard let prices = spec.prices else { throw problem("prices", "an API model needs prices") }
            var sets = [try priceSet(prices, at: "prices")]
            for (i, older) in (prices.previous ?? []).enumerated() {
                let path = "prices.previous[\(i)]"
                if older.previous != nil { throw problem(path + ".previous", "list every older price set under the newest one") }
                let set = try priceSet(older, at: path)
                guard let newer = sets.last!.sinceDay, set.sinceDay.map({ $0 < newer }) ?? true else {
                    throw problem(path + ".since", "older price sets come newest first, each before the one above it, "
                        + "and every set above an older one needs its own since")
                }
                sets.append(set)
            }
            priceSets = sets
            if spec.self_hosting != nil { throw problem("self_hosting", "an API model has prices, not self_hosting") }
            selfHosting = nil
        case .self_hosted:
            guard let s = spec.self_hosting else {
                throw problem("self_hosting", "a self-hosted model needs a self_hosting block")
            }
            _ = try positive(s.gpu_hour_usd, "self_hosting.gpu_hour_usd", max: 1e6)
            _ = try positive(s.tokens_per_second, "self_hosting.tokens_per_second")
            _ = try positive(s.min_gpus, "self_hosting.min_gpus", max: 1e6)
            guard s.ops_hours_per_month.value.isFinite, s.ops_hours_per_month.value >= 0,
                  s.ops_hours_per_month.value < 1e6 else {
                throw problem("self_hosting.ops_hours_per_month.value", "must be a number of hours >= 0")
            }
            if spec.prices != nil { throw problem("prices", "a self-hosted model is priced by self_hosting, not prices") }
            priceSets = []
            selfHosting = (s.gpu_hour_usd.value, s.tokens_per_second.value, s.min_gpus.value, s.ops_hours_per_month.value)
        }

        // Latency: the highest percentile documented is what a budget is judged against.
        let tailOrder: [Percentile] = [.p99, .worst, .p95, .typical, .average, .p50, .best]
        for (i, figure) in (spec.latency ?? []).enumerated() {
            guard figure.ms.isFinite, figure.ms > 0, figure.ms_high.map({ $0.isFinite && $0 >= figure.ms }) ?? true else {
                throw problem("latency[\(i)].ms", "latency must be positive, and ms_high at least ms")
            }
        }
        latencyForBudget = (spec.latency ?? []).min { a, b in
            (tailOrder.firstIndex(of: a.percentile)!, -(a.ms_high ?? a.ms)) < (tailOrder.firstIndex(of: b.percentile)!, -(b.ms_high ?? b.ms))
        }

        func scheme(_ limits: RateLimits, at path: String) throws(KnowledgeError) -> RateScheme {
            let kind = limits.kind ?? .tiers
            let tiers = limits.tiers ?? []
            switch kind {
            case .tiers:
                guard !tiers.isEmpty else { throw problem(path + ".tiers", "needs at least one tier (or kind: dynamic, unpublished or not_read)") }
            case .dynamic:
                guard tiers.isEmpty else { throw problem(path + ".tiers", "a dynamic scheme lists no tiers") }
            case .unpublished, .not_read:
                // The organisation's tiers may be listed with their spend caps alone (Google publishes its billing
                // tiers' caps, not a model's per-minute figures): they are the spend-cap ladder (Knowledge.spendCapLadder).
                break
            }
            guard kind == .tiers || !(limits.note ?? "").isEmpty else {
                throw problem(path + ".note", "say what the provider publishes about a \(kind.rawValue) limit")
            }
            for (i, tier) in tiers.enumerated() {
                let tpath = path + ".tiers[\(i)]"
                guard tier.tier.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                    throw problem(tpath + ".tier", "must be a lowercase identifier such as start or tier_1, not '\(tier.tier)'")
                }
                let limits = [("rpm", tier.rpm), ("itpm", tier.itpm), ("otpm", tier.otpm), ("tpm", tier.tpm),
                              ("rpd", tier.rpd), ("batch_queue_tokens", tier.batch_queue_tokens),
                              ("batch_queue_requests", tier.batch_queue_requests),
                              ("max_concurrent", tier.max_concurrent), ("monthly_spend_cap_usd", tier.monthly_spend_cap_usd),
                              ("spend_per_10_minutes_usd", tier.spend_per_10_minutes_usd),
                              ("requests_per_month", tier.requests_per_month)]
                // Below 10^15: no provider publishes a limit near it, and a figure past Int64 stopped the server when a
                // warning wrote it (rpm: 1e20 passed check).
                for (name, value) in limits {
                    if let value, !(value.isFinite && value > 0 && value < 1e15) {
                        throw problem(tpath + ".\(name)", "must be a positive number below 1,000,000,000,000,000")
                    }
                }
                let ratesLimited = tier.rpm != nil || tier.itpm != nil || tier.otpm != nil || tier.tpm != nil
                    || tier.rpd != nil || tier.requests_per_month != nil || tier.batch_queue_tokens != nil
                    || tier.batch_queue_requests != nil || tier.max_concurrent != nil
                if kind != .tiers, ratesLimited {
                    throw problem(tpath, "a \(kind.rawValue) scheme's tiers give their spend caps only (monthly_spend_cap_usd, spend_per_10_minutes_usd), "
                        + "or negotiated: true; per-minute, daily, queue or concurrency limits make it kind: tiers")
                }
                if tier.negotiated == true {
                    guard i == tiers.count - 1 else {
                        throw problem(tpath + ".negotiated", "only the highest tier is negotiated: list it last")
                    }
                    guard !ratesLimited, tier.spend_per_10_minutes_usd == nil else {
                        throw problem(tpath + ".negotiated", "a negotiated tier publishes no per-minute, daily, queue, "
                            + "concurrency or 10-minute spend limit: drop them, or drop negotiated")
                    }
                } else {
                    guard ratesLimited || tier.monthly_spend_cap_usd != nil || tier.spend_per_10_minutes_usd != nil else {
                        throw problem(tpath, "needs at least one limit (rpm, itpm, otpm, tpm, rpd, requests_per_month, "
                            + "batch_queue_tokens, batch_queue_requests, max_concurrent, monthly_spend_cap_usd or "
                            + "spend_per_10_minutes_usd), or "
                            + "negotiated: true for limits arranged with the provider")
                    }
                }
            }
            // A ladder: each tier once, and its spend limits never lower than the tier's below (the capacity takes the
            // lowest tier that holds, and a copied "start" row listed two Start tiers on the model page).
            var seenTiers: Set<String> = []
            var caps: (month: Double?, tenMinutes: Double?) = (nil, nil)
            for (i, tier) in tiers.enumerated() {
                let tpath = path + ".tiers[\(i)]"
                guard seenTiers.insert(tier.tier).inserted else {
                    throw problem(tpath + ".tier", "tier `\(tier.tier)` is listed twice: list each tier once, lowest first")
                }
                if let cap = tier.monthly_spend_cap_usd, let below = caps.month, cap < below {
                    throw problem(tpath + ".monthly_spend_cap_usd", "is lower than the tier below's (\(Format.figure(below))): tiers go lowest first")
                }
                if let cap = tier.spend_per_10_minutes_usd, let month = tier.monthly_spend_cap_usd, cap > month {
                    throw problem(tpath + ".spend_per_10_minutes_usd", "is more than the same tier's monthly cap (\(Format.figure(month)))")
                }
                if let cap = tier.spend_per_10_minutes_usd, let below = caps.tenMinutes, cap < below {
                    throw problem(tpath + ".spend_per_10_minutes_usd", "is lower than the tier below's (\(Format.figure(below))): tiers go lowest first")
                }
                caps = (tier.monthly_spend_cap_usd ?? caps.month, tier.spend_per_10_minutes_usd ?? caps.tenMinutes)
            }
            // Evaluation keys carry no workload: the engine sees the production tiers only.
            let production = tiers.filter { $0.evaluation_only != true }
            if kind == .tiers, production.isEmpty {
                throw problem(path + ".tiers[0].evaluation_only", "every tier is evaluation_only: list at least one tier for production traffic")
            }
            return RateScheme(sinceDay: try plainDay(limits.since, path + ".since"),
                              kind: kind, tiers: production, cacheReadsCount: limits.cache_reads_count ?? true)
        }
        var schemes: [RateScheme] = []
        if let limits = spec.rate_limits {
            schemes.append(try scheme(limits, at: "rate_limits"))
            for (i, older) in (limits.previous ?? []).enumerated() {
                let path = "rate_limits.previous[\(i)]"
                if older.previous != nil { throw problem(path + ".previous", "list every older scheme under the newest one") }
                let s = try scheme(older, at: path)
                guard let newer = schemes.last!.sinceDay, s.sinceDay.map({ $0 < newer }) ?? true else {
                    throw problem(path + ".since", "older schemes come newest first, each before the one above it, "
                        + "and every scheme above an older one needs its own since")
                }
                schemes.append(s)
            }
        }
        rateSchemes = schemes

        // Reasoning.
        reasoningKnown = spec.reasoning != nil
        if let r = spec.reasoning, r.reasons {
            guard let levels = r.levels, !levels.isEmpty else { throw problem("reasoning.levels", "a reasoning model lists its effort levels") }
            guard let d = r.default_effort, levels.contains(d) else {
                throw problem("reasoning.default_effort", "needs the default level, one of the levels")
            }
            var tokens = Array(repeating: 0.0, count: Effort.allCases.count)
            var assumed = Array(repeating: false, count: Effort.allCases.count)
            for level in levels where level != .none {
                guard let figure = r.tokens?[level.rawValue] else {
                    throw problem("reasoning.tokens.\(level.rawValue)", "needs the reasoning tokens a request spends at \(level.rawValue)")
                }
                guard figure.value.isFinite, figure.value >= 0, figure.value < 1e7 else {
                    throw problem("reasoning.tokens.\(level.rawValue).value", "must be a number of tokens >= 0")
                }
                tokens[level.rank] = figure.value
                assumed[level.rank] = figure.source == "assumption"
            }
            // More effort never thinks less: a low level above medium passed, and "lower the effort" then cost more.
            let ordered = levels.filter { $0 != .none }.sorted()
            for (lower, higher) in zip(ordered, ordered.dropFirst()) where tokens[lower.rank] > tokens[higher.rank] {
                throw problem("reasoning.tokens.\(higher.rawValue).value", "\(higher.rawValue) effort cannot think less than "
                              + "\(lower.rawValue) (\(Format.count(tokens[higher.rank])) tokens against \(Format.count(tokens[lower.rank])))")
            }
            for key in (r.tokens ?? [:]).keys.sorted() where Effort(rawValue: key).map({ !levels.contains($0) || $0 == .none }) ?? true {
                throw problem("reasoning.tokens.\(key)", "'\(key)' is not one of the levels (\(levels.filter { $0 != .none }.map(\.rawValue).joined(separator: ", ")))")
            }
            if let billed = r.billed_as, billed != .output, billed != .input {
                throw problem("reasoning.billed_as", "reasoning tokens are billed as output or input, not \(billed.rawValue)")
            }
            var runsAs: [Effort: Effort] = [:]
            for key in (r.runs_as ?? [:]).keys.sorted() {
                guard let asked = Effort(rawValue: key), !levels.contains(asked) else {
                    throw problem("reasoning.runs_as.\(key)", "'\(key)' must be an effort level (none, low, medium, high) that is not among the levels")
                }
                guard let runs = r.runs_as?[key], levels.contains(runs) else {
                    throw problem("reasoning.runs_as.\(key)", "must name one of the levels (\(levels.map(\.rawValue).joined(separator: ", ")))")
                }
                runsAs[asked] = runs
            }
            // Thinking off by default and on for the work that keeps it: the level a request that turns it on gets.
            if let on = r.thinking_on_effort {
                guard d == .none else {
                    throw problem("reasoning.thinking_on_effort", "is for a model whose thinking is off by default (default_effort: none); this one thinks at \(d.rawValue)")
                }
                guard on != .none, levels.contains(on) else {
                    throw problem("reasoning.thinking_on_effort", "must be one of the levels that thinks (\(levels.filter { $0 != .none }.map(\.rawValue).joined(separator: ", ")))")
                }
            } else if d == .none, levels.contains(where: { $0 != .none }) {
                throw problem("reasoning.thinking_on_effort", "a model whose thinking is off by default needs the level a request that turns it on runs at")
            }
            reasoning = CompiledReasoning(defaultEffort: d, levels: levels.sorted(), tokens: tokens, assumed: assumed,
                                          billedAs: r.billed_as ?? .output, runsAs: runsAs, thinkingOn: r.thinking_on_effort)
        } else {
            reasoning = nil
        }
        forcedToolUse = spec.forced_tool_use?.value ?? .accepted
        if forcedToolUse == .thinking_off, let r = reasoning, !r.levels.contains(.none) {
            throw problem("forced_tool_use.value", "thinking_off needs `none` among the reasoning levels; a model whose "
                          + "thinking cannot be switched off rejects forced tool use")
        }
        forcedCallsStopThinking = forcedToolUse == .thinking_off && reasoning != nil
        if let t = spec.tool_prompt_tokens {
            for (name, value) in [("auto", t.auto), ("forced", t.forced)] {
                if let value, !(value.isFinite && value >= 0 && value <= 100_000) {
                    throw problem("tool_prompt_tokens.\(name)", "must be a number of tokens from 0 to 100,000")
                }
            }
            guard (t.auto == nil) == (t.forced == nil) else {
                throw problem("tool_prompt_tokens", "give both counts (auto and forced), or neither where the provider publishes none")
            }
            if let e = t.estimate {
                guard !t.isPublished else {
                    throw problem("tool_prompt_tokens.estimate", "an estimate stands in for counts the provider does not publish; give the counts or the estimate, not both")
                }
                for (name, value) in [("auto", e.auto), ("forced", e.forced)] where !(value.isFinite && value >= 0 && value <= 100_000) {
                    throw problem("tool_prompt_tokens.estimate.\(name)", "must be a number of tokens from 0 to 100,000")
                }
                guard !e.from.allSatisfy(\.isWhitespace) else {
                    throw problem("tool_prompt_tokens.estimate.from", "name the model whose count this is")
                }
                toolPromptEstimate = (e.auto, e.forced, e.from)
            } else {
                toolPromptEstimate = nil
            }
            toolPrompt = t.auto.flatMap { auto in t.forced.map { (auto, $0) } }
            toolPromptUnpublished = !t.isPublished
        } else {
            toolPrompt = nil
            toolPromptUnpublished = false
            toolPromptEstimate = nil
        }

        // Freshness of the prices: the oldest check among the sources their figures cite.
        let priceSources = spec.figures.filter(\.isPrice).map(\.source)
        let checked = Set(priceSources).compactMap { id in entry.sources.first { $0.id == id }.flatMap { CivilDate.day($0.checked) } }
        pricesCheckedDay = checked.min()
    }

    /// Whether one request of these sizes (on this model's own token count) fits the window and the output limit.
    func holds(input: Double, output: Double, batch: Bool) -> Bool {
        input + output <= contextWindow && (outputLimit(batch: batch).map { output <= $0 } ?? true)
            && (maxInput.map { input <= $0 } ?? true)
    }

    /// The output limit a request is held to: the batch API's where it is higher and the work goes through it.
    func outputLimit(batch: Bool) -> Double? {
        batch ? batchMaxOutput ?? maxOutput : maxOutput
    }

    /// That limit's name in a sentence: which API's it is, where the two differ.
    func outputLimitName(batch: Bool) -> String {
        batch && batchMaxOutput != nil ? "output limit on the batch API" : "output limit"
    }

    /// A limit in words, with its size: "1,050,000-token window", "922,000-token input limit", "300,000-token output
    /// limit on the batch API".
    func limitText(_ limit: TokenLimit, batch: Bool) -> String {
        switch limit {
        case .window: "\(Format.figure(contextWindow))-token window"
        case .output: "\(Format.figure(outputLimit(batch: batch) ?? 0))-token \(outputLimitName(batch: batch))"
        case .input: "\(Format.figure(maxInput ?? 0))-token input limit"
        }
    }

    /// The limit one request of these sizes comes closest to, and the share of it the request takes: the window,
    /// the output limit or the input limit. An average near any of them means the longer requests break it, which is
    /// why `engine.context_headroom` applies to all three.
    func fill(input: Double, output: Double, batch: Bool) -> (limit: TokenLimit, share: Double) {
        var most = (limit: TokenLimit.window, share: (input + output) / contextWindow)
        if let limit = outputLimit(batch: batch), output / limit > most.share { most = (.output, output / limit) }
        if let limit = maxInput, input / limit > most.share { most = (.input, input / limit) }
        return most
    }

    /// The price set in force on a day: the newest that began on or before it (the oldest before any began).
    func prices(on day: Int) -> PriceSet? {
        priceSets.first { ($0.sinceDay ?? Int.min) <= day } ?? priceSets.last
    }

    /// The first day of the soonest price set that begins after `day`; nil when the page announces none.
    func priceChangeDay(after day: Int) -> Int? {
        // A loop, not compactMap and filter: every ranking of the models asks this of each (Engine.otherModels).
        var soonest: Int? = nil
        for set in priceSets {
            if let since = set.sinceDay, since > day, since < (soonest ?? .max) { soonest = since }
        }
        return soonest
    }

    /// The rate-limit scheme in force on a day; nil when the page records none for that day.
    func rateScheme(on day: Int) -> RateScheme? {
        rateSchemes.first { ($0.sinceDay ?? Int.min) <= day }
    }

    /// Released and not yet retired on `day`: the model answers requests, whatever else rules it out.
    func isServed(on day: Int) -> Bool {
        let state = lifecycle(on: day).state
        return state != .unreleased && state != .retired
    }

    /// The output limit and the batch API's larger one, where answers of `written` tokens have the headroom only
    /// under the batch limit (which its maker opens with a beta header, on some platforms); nil otherwise, and where
    /// they are over the headroom of both (the headroom rule says so).
    func batchOutputLimitNeeded(written: Double, headroom: Double) -> (limit: Double, batchLimit: Double)? {
        guard let limit = maxOutput, let batchLimit = batchMaxOutput, written > headroom * limit,
              written <= headroom * batchLimit else { return nil }
        return (limit, batchLimit)
    }

    /// The model's state on a day, with the day it began.
    func lifecycle(on day: Int) -> (state: LifecycleState, since: Int) {
        if let r = retiresDay, day >= r { return (.retired, r) }
        if let d = deprecatedDay, day >= d { return (.deprecated, d) }
        if let l = legacyDay, day >= l { return (.legacy, l) }
        if day >= releasedDay { return (.active, releasedDay) }
        return (.unreleased, releasedDay)
    }
}

/// The three limits a request must fit: the context window (prompt, answer and reasoning together), the output limit
/// (answer and reasoning) and the input limit (the prompt).
enum TokenLimit {
    case window, output, input
}
