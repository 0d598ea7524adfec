// Capacity: can a model's rate limits carry the workload at its busiest minute?
//
// Peak need on model m (README.md, "How the verdict is made"):
//   rpm  = monthly_requests / 43,800 × peak_to_average
//   itpm = rpm × I_m × (1 − c when the prefix is cached and the provider does not count cache reads)
//   otpm = rpm × (O_m + T_m)              (reasoning tokens are output)
//   tpm  = itpm + otpm                    (providers that count input and output together)
//   rpd  = monthly_requests / 30.4        (the average day: a lower bound on the busiest one)
//   queue = rpd × I_m                     (batch only: a day's input waiting in the batch queue at once)
// against the scheme in force on the `as_of` day (`rate_limits`, or one of its `previous` schemes). The lowest
// tier whose every published limit holds, and whose monthly spend cap covers the month's cost, carries it.

/// How a model's published limits meet the workload's peak.
public enum CapacityStatus: String, Sendable, Encodable, Equatable {
    /// A published tier carries the peak (`tier` names the lowest).
    case carried
    /// The peak exceeds every tier the page lists (`gap` says which limit).
    case beyond_tiers
    /// The provider sets no fixed limit and serves what capacity allows.
    case dynamic
    /// No limits are published, or none are recorded for the `as_of` day.
    case unknown
}

/// The peak a workload puts on one model and what the model's rate limits make of it.
public struct Capacity: Sendable, Encodable, Equatable {
    public let model: String
    public let status: CapacityStatus
    public let peak_rpm: Double
    public let peak_itpm: Double
    public let peak_otpm: Double
    /// Requests on the average day.
    public let daily_requests: Double
    /// The lowest published tier that carries the peak and the month's spend (`carried`), or the lowest whose spend
    /// cap covers the month but whose per-minute limits the page does not give (`unknown`).
    public let tier: String?
    public let requires: String?
    /// The highest tier the page lists (nil when it lists none).
    public let top_tier: String?
    /// Which limit of the top tier the peak exceeds, in words (only `beyond_tiers`).
    public let gap: String?
    /// The day the scheme used began, when the page says.
    public let scheme_since: String?
}

extension Knowledge {
    /// Peak traffic on model m against its rate limits on the as-of day; nil for self-hosted models.
    /// - Parameter monthly: the model's monthly cost when the caller knows it (read only when a spend cap matters).
    func capacity(model m: Int, _ v: UnsafeBufferPointer<Double>, monthly known: Double? = nil) -> Capacity? {
        let model = compiledModels[m]
        guard !model.selfHosted else { return nil }
        // The cost parts are needed only for a spend cap or a cached prefix: computed at most once, on demand.
        var partsCache: CostParts? = nil
        func parts() -> CostParts {
            if let partsCache { return partsCache }
            let computed = costParts(model: m, v, explain: false)
            partsCache = computed
            return computed
        }
        func monthly() -> Double { known ?? parts().total }
        let requests = v[AnswerID.monthlyRequests.rawValue]
        let rpm = requests / CostAssumptions.minutesPerMonth * v[AnswerID.peakToAverage.rawValue]
        let tokens = requestTokens(model: m, v)
        let scheme = model.rateScheme(on: Int(v[AnswerID.asOf.rawValue]))
        var inputPerRequest = tokens.input
        if let scheme, !scheme.cacheReadsCount, v[AnswerID.cachedInputShare.rawValue] > 0, parts().rates.caching == "used" {
            inputPerRequest *= 1 - v[AnswerID.cachedInputShare.rawValue]
        }
        let itpm = rpm * inputPerRequest
        let otpm = rpm * (tokens.output + tokens.reasoning)
        let daily = requests / (CostAssumptions.hoursPerMonth / 24)
        let queue = v[AnswerID.latency.rawValue] == Self.batchLatency ? daily * tokens.input : 0

        func result(_ status: CapacityStatus, tier: RateTier? = nil, gap: String? = nil) -> Capacity {
            Capacity(model: models[m].slug, status: status, peak_rpm: (rpm * 10).rounded() / 10, peak_itpm: itpm.rounded(),
                     peak_otpm: otpm.rounded(), daily_requests: daily.rounded(), tier: tier?.tier, requires: tier?.requires,
                     top_tier: scheme?.tiers.last?.tier, gap: gap, scheme_since: scheme?.sinceDay.map(CivilDate.text))
        }
        guard let scheme else { return result(.unknown) }
        switch scheme.kind {
        case .dynamic: return result(.dynamic)
        case .unpublished: return result(.unknown)
        case .tiers: break
        }
        /// The first published limit of `tier` that the peak exceeds, in words; nil when every one holds.
        func exceeded(_ tier: RateTier, spend: Double?) -> String? {
            let checks: [(Double?, Double, String)] = [
                (tier.rpm, rpm, "requests a minute"), (tier.itpm, itpm, "input tokens a minute"),
                (tier.otpm, otpm, "output tokens a minute"), (tier.tpm, itpm + otpm, "tokens a minute"),
                (tier.rpd, daily, "requests a day"), (tier.batch_queue_tokens, queue, "tokens in the batch queue"),
            ]
            for (limit, need, unit) in checks {
                if let limit, need > limit { return "\(Format.figure(need)) \(unit) against \(Format.figure(limit))" }
            }
            if let cap = tier.monthly_spend_cap_usd, let spend, spend > cap {
                return "\(Format.cents(spend)) a month against a \(Format.cents(cap)) spend cap"
            }
            return nil
        }
        var spend: Double? = nil
        for tier in scheme.tiers {
            if tier.monthly_spend_cap_usd != nil && spend == nil { spend = monthly() }
            guard exceeded(tier, spend: spend) == nil else { continue }
            // A tier whose page gives only its spend cap may or may not carry the peak: unknown, not fine.
            let publishesLimits = tier.rpm != nil || tier.itpm != nil || tier.otpm != nil || tier.tpm != nil
            return result(publishesLimits ? .carried : .unknown, tier: tier)
        }
        return result(.beyond_tiers, gap: exceeded(scheme.tiers.last!, spend: spend ?? monthly()))
    }

    /// Whether no published tier carries the peak: what keeps a model from being the primary. The decision runs
    /// this for every model many times per assessment, so it first tries the highest tier against upper bounds
    /// (every input token uncached, every token at the dearest rate) and prices the model only when those fail.
    func exceedsEveryTier(model m: Int, _ v: UnsafeBufferPointer<Double>, monthly known: Double?) -> Bool {
        let model = compiledModels[m]
        let day = Int(v[AnswerID.asOf.rawValue])
        guard !model.selfHosted, let scheme = model.rateScheme(on: day), scheme.kind == .tiers,
              let top = scheme.tiers.last, let prices = model.prices(on: day) else { return false }
        let requests = v[AnswerID.monthlyRequests.rawValue]
        let rpm = requests / CostAssumptions.minutesPerMonth * v[AnswerID.peakToAverage.rawValue]
        let t = requestTokens(model: m, v)
        let daily = requests / (CostAssumptions.hoursPerMonth / 24)
        let queue = v[AnswerID.latency.rawValue] == Self.batchLatency ? daily * t.input : 0
        let itpm = rpm * t.input, otpm = rpm * (t.output + t.reasoning)
        let limits: [(Double?, Double)] = [(top.rpm, rpm), (top.itpm, itpm), (top.otpm, otpm), (top.tpm, itpm + otpm),
                                           (top.rpd, daily), (top.batch_queue_tokens, queue)]
        var holds = limits.allSatisfy { limit, need in limit.map { need <= $0 } ?? true }
        if holds, let cap = top.monthly_spend_cap_usd {
            let bands = [prices.rates] + (prices.longContext.map { [$0.rates] } ?? [])
            let inRate = bands.map { Swift.max($0.input, $0.cacheWrite, $0.cacheWrite1h ?? 0) }.max()!
            let outRate = bands.map(\.output).max()!
            let bound = known ?? requests * (t.input * inRate + (t.output + t.reasoning) * outRate) / 1e6
            holds = bound <= cap
        }
        return holds ? false : capacity(model: m, v, monthly: known)?.status == .beyond_tiers
    }

    /// A tier identifier as people write it: `tier_1` → "Tier 1", `start` → "Start".
    public static func tierName(_ tier: String) -> String {
        tier.replacingOccurrences(of: "_", with: " ").capitalized
    }
}
