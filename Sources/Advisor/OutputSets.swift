// The closed sets in the engine's outputs. Each raw value is the string the JSON carries; public/openapi.json lists
// the same values, and OpenAPIClosedSetsTests holds the two together.

/// Which price band a request is billed in.
public enum PriceBand: String, Sendable, Encodable, CaseIterable {
    case standard
    /// The prompt is above the model's long-context threshold.
    case long_context
    /// Priced from imported usage: some requests are above the threshold, some below.
    case mixed
}

/// The cache lifetime a workload's request rate needs.
public enum CacheTTL: String, Sendable, Encodable, CaseIterable {
    case fiveMinutes = "5m"
    case thirtyMinutes = "30m"
    case oneHour = "1h"

    /// How people say it: "5-minute", "30-minute", "1-hour".
    public var spoken: String {
        switch self {
        case .fiveMinutes: "5-minute"
        case .thirtyMinutes: "30-minute"
        case .oneHour: "1-hour"
        }
    }
    public var minutes: Double {
        switch self {
        case .fiveMinutes: 5
        case .thirtyMinutes: 30
        case .oneHour: 60
        }
    }
}

/// Whether the cacheable share of a prompt was billed at cache prices, and if not, why not.
public enum CachingMode: String, Sendable, Encodable, CaseIterable {
    case used
    /// The workload has no cacheable share. (Not `none`, which an optional's nil would shadow.)
    case noCacheableShare = "none"
    /// The model has no prompt cache.
    case not_offered
    /// The cacheable prefix is shorter than the model's minimum cacheable length.
    case below_minimum
    /// Cache writes would cost more than the reads save at this request rate.
    case not_worth_it
}

/// A model's documented latency against the workload's budget.
public enum LatencyVerdict: String, Sendable, Encodable, CaseIterable {
    case meets, misses
    /// No source documents the model's latency.
    case unknown
}

/// Why the primary model was chosen.
public enum PrimaryBasis: String, Sendable, Encodable, CaseIterable {
    /// The current Haiku for the workload.
    case haiku_model
    /// A criterion prefers a named model (`prefer`).
    case prefer
    /// The cheapest model whose fit the criteria require.
    case cheapest_suitable
    /// Cost comes first: the cheapest model with a good fit (policy `cheapest_fit`).
    case cheapest_fit
    /// Tiered routing was called for but the router does not pay for itself (policy).
    case routing_does_not_pay
    /// The Haiku would cost more than the policy's ratio times a model that fits as well (policy `cost_ceiling`).
    case cost_ceiling
    /// A rule named a model (`prefer`) that costs more than the cost ceiling's ratio times a model that fits the task
    /// at least as well: that model is the primary, and the named one leads the alternatives (policy `cost_ceiling`).
    case preferred_over_ceiling
    /// A rule named a model (`prefer`) that fits the task less well than the fit the cost priority puts first
    /// (policy `fit_first`): the first model that fits that well and meets every fit the workload requires is the
    /// primary, whatever the price.
    case preferred_outfitted
    /// The team routes (`routing = tiered`): the Haiku answers every request and hands the complex share on.
    case routing_plan
    /// Only one model can carry the workload.
    case only_usable
    /// No model holds the request within its headroom: the roomiest is named (the model whose tightest limit, window, output or input, the request fills least).
    case nothing_fits
    /// Models hold the request, but none meets every requirement (the fit asked for, the rate limits at peak): the
    /// closest is named (best fit, then cheapest), with the requirement it misses.
    case nothing_usable
}
