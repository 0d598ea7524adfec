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
}

struct LongContextTier: Sendable {
    let threshold: Double
    let counts: Set<TokenClass>
    let wholeRequest: Bool
    let rates: Rates
}

/// A class: the engine reads these in its hot loops, and a struct of arrays would be copied (retained) per read.
final class CompiledModel: Sendable {
    /// Indexed by the task_type choice index.
    let fit: [Fit]
    let isHaikuFamily: Bool
    let selfHosted: Bool

    // Lifecycle, as day numbers.
    let releasedDay: Int
    let legacyDay: Int?
    let deprecatedDay: Int?
    let retiresDay: Int?
    let replacement: Int?

    /// Tokens this model counts per reference token; `ratioPublished` false when assumed 1.0.
    let tokenRatio: Double
    let ratioPublished: Bool

    // API price model (nil for self-hosted).
    let rates: Rates?
    let cacheMinTokens: Double
    let batchDiscount: Double?
    let batchClasses: Set<TokenClass>
    let longContext: LongContextTier?

    let contextWindow: Double
    let maxOutput: Double?

    /// Self-hosted: GPU price and throughput, always-on GPUs, operations hours (nil for API models).
    let selfHosting: (gpuHourUSD: Double, tokensPerSecond: Double, minGPUs: Double, opsHours: Double)?

    /// The tail latency figure a budget is judged against: the highest percentile the page documents.
    let latencyForBudget: LatencyFigure?
    let rateLimits: RateLimits?

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
        isHaikuFamily = spec.family == "haiku"
        selfHosted = spec.hosting == .self_hosted

        // Lifecycle.
        func day(_ figure: TextFigure?, _ field: String) throws(KnowledgeError) -> Int? {
            guard let figure else { return nil }
            guard let d = CivilDate.day(figure.value) else {
                throw problem(field + ".value", "must be a real date as YYYY-MM-DD, not '\(figure.value)'")
            }
            return d
        }
        releasedDay = try day(spec.released, "released")!
        let life = spec.lifecycle
        legacyDay = try day(life.legacy, "lifecycle.legacy")
        deprecatedDay = try day(life.deprecated, "lifecycle.deprecated")
        retiresDay = try day(life.retires, "lifecycle.retires")
        if let d = deprecatedDay {
            guard let r = retiresDay else { throw problem("lifecycle.retires", "a deprecated model needs its retirement date") }
            guard r >= d else { throw problem("lifecycle.retires", "must not come before the deprecation date") }
            guard life.replacement != nil else {
                throw problem("lifecycle.replacement", "a deprecated model needs the model that replaces it")
            }
        }
        for (field, d) in [("legacy", legacyDay), ("deprecated", deprecatedDay), ("retires", retiresDay)] {
            if let d, d < releasedDay { throw problem("lifecycle.\(field)", "must not come before the release date") }
        }
        if let slug = life.replacement {
            guard let m = modelIndex[slug], slug != entry.slug else {
                throw problem("lifecycle.replacement", "unknown model '\(slug)'\(Knowledge.known(modelIndex))")
            }
            replacement = m
        } else {
            replacement = nil
        }

        // Tokens and limits.
        func positive(_ figure: NumberFigure?, _ field: String, max: Double = 1e12) throws(KnowledgeError) -> Double? {
            guard let figure else { return nil }
            guard figure.value.isFinite, figure.value > 0, figure.value < max else {
                throw problem(field + ".value", "must be a positive number below \(AnswerValue.number(max).text)")
            }
            return figure.value
        }
        if let ratio = try positive(spec.tokenizer?.ratio, "tokenizer.ratio", max: 10) {
            tokenRatio = ratio
            ratioPublished = true
        } else {
            tokenRatio = 1
            ratioPublished = false
        }
        contextWindow = try positive(spec.context_window, "context_window")!
        maxOutput = try positive(spec.max_output, "max_output")
        if let out = maxOutput, out > contextWindow {
            throw problem("max_output.value", "cannot exceed the context window")
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
        switch spec.hosting {
        case .api:
            guard let prices = spec.prices else { throw problem("prices", "an API model needs prices") }
            let base = try band(input: prices.input, output: prices.output, read: prices.cache_read,
                                 write: prices.cache_write, write1h: prices.cache_write_1h, at: "prices")
            if base.cacheRead == nil && (prices.cache_write != nil || prices.cache_write_1h != nil) {
                throw problem("prices.cache_read", "cache write prices need the cache read price too")
            }
            rates = base
            cacheMinTokens = try positive(prices.cache_min_tokens, "prices.cache_min_tokens", max: 1e7) ?? 0
            if let d = prices.batch_discount {
                guard d.value > 0, d.value < 1 else {
                    throw problem("prices.batch_discount.value", "must be a share between 0 and 1 (0.5 is half price)")
                }
                batchDiscount = d.value
            } else {
                batchDiscount = nil
                if prices.batch_applies_to != nil {
                    throw problem("prices.batch_applies_to", "only makes sense with a batch_discount")
                }
            }
            let classes = prices.batch_applies_to ?? TokenClass.allCases
            guard !classes.isEmpty else { throw problem("prices.batch_applies_to", "needs at least one token class") }
            batchClasses = Set(classes)
            if let long = prices.long_context {
                let path = "prices.long_context"
                let threshold = try positive(long.threshold, path + ".threshold", max: 1e9)!
                guard !long.counts.isEmpty, !long.counts.contains(.output) else {
                    throw problem(path + ".counts", "lists the prompt's token classes (input, cache_read, cache_write)")
                }
                let high = try band(input: long.input, output: long.output, read: long.cache_read,
                                     write: long.cache_write, write1h: long.cache_write_1h, at: path)
                if base.cacheRead != nil && long.cache_read == nil {
                    throw problem(path + ".cache_read", "the long-context tier needs its cache read price too")
                }
                if prices.cache_write != nil && long.cache_write == nil {
                    throw problem(path + ".cache_write", "the long-context tier needs its cache write price too")
                }
                if base.cacheWrite1h != nil && long.cache_write_1h == nil {
                    throw problem(path + ".cache_write_1h", "the long-context tier needs its 1-hour write price too")
                }
                longContext = LongContextTier(threshold: threshold, counts: Set(long.counts),
                                              wholeRequest: long.whole_request, rates: high)
            } else {
                longContext = nil
            }
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
            rates = nil
            selfHosting = (s.gpu_hour_usd.value, s.tokens_per_second.value, s.min_gpus.value, s.ops_hours_per_month.value)
            cacheMinTokens = 0
            batchDiscount = nil
            batchClasses = []
            longContext = nil
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

        if let limits = spec.rate_limits {
            guard !limits.tiers.isEmpty else { throw problem("rate_limits.tiers", "needs at least one tier") }
            for (i, tier) in limits.tiers.enumerated() {
                for (name, value) in [("rpm", tier.rpm), ("itpm", tier.itpm), ("otpm", tier.otpm)]
                where !(value.isFinite && value > 0) {
                    throw problem("rate_limits.tiers[\(i)].\(name)", "must be a positive number")
                }
                if let cap = tier.monthly_spend_cap_usd, !(cap.isFinite && cap > 0) {
                    throw problem("rate_limits.tiers[\(i)].monthly_spend_cap_usd", "must be a positive amount (omit it for no cap)")
                }
            }
        }
        rateLimits = spec.rate_limits

        // Freshness of the prices: the oldest check among the sources their figures cite.
        var priceSources: [String] = []
        if let p = spec.prices {
            priceSources = [p.input.source, p.output.source] + [p.cache_read, p.cache_write, p.cache_write_1h,
                                                                 p.cache_min_tokens, p.batch_discount].compactMap { $0?.source }
            if let l = p.long_context { priceSources += [l.threshold.source, l.input.source, l.output.source] }
        } else if let s = spec.self_hosting {
            priceSources = [s.gpu_hour_usd.source, s.tokens_per_second.source]
        }
        let checked = Set(priceSources).compactMap { id in entry.sources.first { $0.id == id }.flatMap { CivilDate.day($0.checked) } }
        pricesCheckedDay = checked.min()
    }

    /// Whether one request of these sizes (on this model's own token count) fits the window and the output limit.
    func holds(input: Double, output: Double) -> Bool {
        input + output <= contextWindow && (maxOutput.map { output <= $0 } ?? true)
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
