// Monthly cost of a workload on every model, from the models' `prices` / `self_hosting` blocks.
//
// ## The cost model (shown on the calculator and result pages through `CostLine.rates`)
// Let R = monthly_requests, I = avg_input_tokens, O = avg_output_tokens, c = cached_input_share; prices are USD
// per million tokens.
//
// API models:
// - output_usd = R × O × output / 1e6.
// - input_usd = R × I × (1 − c) × input / 1e6: the part of each prompt that is not a stable prefix.
// - The cached prefix (I × c tokens a request) is **written once per cache lifetime and read otherwise**. We
//   assume one shared prefix kept warm by steady traffic, with a five-minute cache lifetime: at most
//   730 h × 12 = 8,760 writes a month, and never more writes than requests. So W = min(R, 8,760) requests write
//   the prefix at `cache_write` (the input price when the model lists none) and R − W read it at `cache_read`;
//   cache_usd = (W × cache_write + (R − W) × cache_read) × I × c / 1e6. More distinct prefixes, or bursty
//   traffic, mean more writes than this.
// - Caching is assumed switched on only when it pays: if that cache_usd would exceed paying the input price for
//   the same tokens (few requests, expensive writes), the cached share is billed at the input price instead
//   (`rates.caching == "not_worth_it"`). A model without a `cache_read` price bills the cached share at the
//   input price (`"not_offered"`). So a larger cacheable share never raises a cost.
// - With latency `batch` and a model that offers `batch_discount`, input, output and cache costs are all
//   reduced by that share (the batch APIs discount every token class).
// - monthly_usd = input_usd + output_usd + cache_usd.
//
// Self-hosted models:
// - gpu_hours = max(min_gpus × 730, R × (I + O) ÷ tokens_per_second ÷ 3600): always-on GPUs, or more when the
//   tokens need them.
// - gpu_usd = gpu_hours × gpu_hour_usd; ops_usd = ops_hours_per_month × developer_hourly_usd (the answer).
// - monthly_usd = gpu_usd + ops_usd; input_usd, output_usd and cache_usd are 0 (the GPUs are paid by the hour,
//   not by the token).
//
// Dollar amounts are rounded to 1/100 of a cent (4 decimals) for display; comparisons use unrounded values.

/// The rates and quantities a cost line was computed from.
public struct CostRates: Sendable, Encodable, Equatable {
    // API models: USD per million tokens.
    public var input_per_mtok: Double?
    public var output_per_mtok: Double?
    public var cache_read_per_mtok: Double?
    public var cache_write_per_mtok: Double?
    /// The batch discount when it was applied (latency `batch` and the model offers one), else nil.
    public var batch_discount: Double?
    /// `used`, `none` (no cacheable share), `not_offered` (no cache_read price), `not_worth_it`.
    public var caching: String?
    /// The number of requests assumed to write the cached prefix (min(requests, 8,760)).
    public var cache_writes_per_month: Double?
    // Self-hosted models.
    public var gpu_hour_usd: Double?
    public var tokens_per_second: Double?
    public var min_gpus: Double?
    public var gpu_hours: Double?
    public var ops_hours_per_month: Double?
    public var developer_hourly_usd: Double?
    // Both.
    public var input_tokens: Double
    public var output_tokens: Double
}

/// One model's monthly cost for a workload. JSON keys: `model`, `title`, `monthly_usd`, `input_usd`,
/// `output_usd`, `cache_usd`, `gpu_usd`, `ops_usd`, `hosting`, `url`, `rates`.
public struct CostLine: Sendable, Encodable, Equatable {
    public let model: String
    public let title: String
    public let monthly_usd: Double
    public let input_usd: Double
    public let output_usd: Double
    public let cache_usd: Double
    /// Self-hosted only: GPU hours × rate, and operations time × developer rate. 0 for API models.
    public let gpu_usd: Double
    public let ops_usd: Double
    /// `api` or `self_hosted`.
    public let hosting: String
    /// `/models/<slug>`.
    public let url: String
    public let rates: CostRates
}

/// The month and cache lifetime the cost model assumes.
public enum CostAssumptions {
    public static let hoursPerMonth = 730.0
    public static let cacheLifetimeMinutes = 5.0
    /// 730 h × 60 / 5 = 8,760 cache lifetimes a month.
    public static let cacheWindowsPerMonth = hoursPerMonth * 60 / cacheLifetimeMinutes
}

extension Knowledge {
    /// Unrounded monthly cost of model `m` (hot path: no allocation).
    func monthlyCost(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        let parts = costParts(model: m, v)
        return parts.input + parts.output + parts.cache + parts.gpu + parts.ops
    }

    struct CostParts {
        var input = 0.0, output = 0.0, cache = 0.0, gpu = 0.0, ops = 0.0
        var rates: CostRates
    }

    func costParts(model m: Int, _ v: UnsafeBufferPointer<Double>) -> CostParts {
        let spec = models[m].spec
        let requests = v[AnswerID.monthlyRequests.rawValue]
        let inTokens = v[AnswerID.avgInputTokens.rawValue]
        let outTokens = v[AnswerID.avgOutputTokens.rawValue]
        let share = v[AnswerID.cachedInputShare.rawValue]
        var parts = CostParts(rates: CostRates(input_tokens: requests * inTokens, output_tokens: requests * outTokens))

        if compiledModels[m].selfHosted, let s = spec.self_hosting {
            let tokens = requests * (inTokens + outTokens)
            let hours = Swift.max(s.min_gpus.value * CostAssumptions.hoursPerMonth, tokens / s.tokens_per_second.value / 3600)
            let developer = v[AnswerID.developerHourlyUSD.rawValue]
            parts.gpu = hours * s.gpu_hour_usd.value
            parts.ops = s.ops_hours_per_month.value * developer
            parts.rates.gpu_hour_usd = s.gpu_hour_usd.value
            parts.rates.tokens_per_second = s.tokens_per_second.value
            parts.rates.min_gpus = s.min_gpus.value
            parts.rates.gpu_hours = hours
            parts.rates.ops_hours_per_month = s.ops_hours_per_month.value
            parts.rates.developer_hourly_usd = developer
            return parts
        }
        guard let prices = spec.prices else { return parts }
        let input = prices.input.value
        let cachedTokens = requests * inTokens * share
        parts.input = requests * inTokens * (1 - share) * input / 1e6
        parts.output = requests * outTokens * prices.output.value / 1e6
        parts.rates.input_per_mtok = input
        parts.rates.output_per_mtok = prices.output.value

        if let read = prices.cache_read?.value {
            let write = prices.cache_write?.value ?? input
            let writes = Swift.min(requests, CostAssumptions.cacheWindowsPerMonth)
            parts.rates.cache_read_per_mtok = read
            parts.rates.cache_write_per_mtok = write
            // Per-token rate of the cached share: writes for W requests, reads for the rest.
            let rate = requests > 0 ? (writes * write + (requests - writes) * read) / requests : input
            if cachedTokens > 0, rate < input {
                parts.cache = cachedTokens * rate / 1e6
                parts.rates.caching = "used"
                parts.rates.cache_writes_per_month = writes
            } else {
                parts.input += cachedTokens * input / 1e6
                parts.rates.caching = cachedTokens > 0 ? "not_worth_it" : "none"
            }
        } else {
            parts.input += cachedTokens * input / 1e6
            parts.rates.caching = cachedTokens > 0 ? "not_offered" : "none"
        }

        if v[AnswerID.latency.rawValue] == Double(AnswerID.latency.choices.firstIndex(of: "batch")!),
           let discount = prices.batch_discount?.value {
            let keep = 1 - discount
            parts.input *= keep
            parts.output *= keep
            parts.cache *= keep
            parts.rates.batch_discount = discount
        }
        return parts
    }

    /// The cost line of model `m`, rounded for display.
    func costLine(model m: Int, _ v: UnsafeBufferPointer<Double>) -> CostLine {
        let p = costParts(model: m, v)
        func r(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
        let entry = models[m]
        return CostLine(model: entry.slug, title: entry.title,
                        monthly_usd: r(p.input + p.output + p.cache + p.gpu + p.ops),
                        input_usd: r(p.input), output_usd: r(p.output), cache_usd: r(p.cache),
                        gpu_usd: r(p.gpu), ops_usd: r(p.ops), hosting: entry.spec.hosting,
                        url: "/models/\(entry.slug)", rates: p.rates)
    }
}
