import Advisor

/// What an import found, as the page, the command line and the JSON show it.
public struct UsageSummary: Sendable, Encodable, Equatable {
    public let format: UsageFormat
    public let format_title: String
    /// The span the file covers (RFC 3339), and its length in days.
    public let period_start: String
    public let period_end: String
    public let period_days: Double
    /// Requests in the file; nil when the source does not count them.
    public let observed_requests: Double?
    /// Scaled to a month from the span covered (or the number given, when the file has no request count).
    public let monthly_requests: Double?
    /// Why the request count is missing or assumed, and what to do about it.
    public let requests_note: String?
    /// `requests` (one row per request) or `buckets` (each bucket's average request).
    public let distribution_of: String
    public let prompt_tokens: TokenDistribution
    public let output_tokens: TokenDistribution
    /// Cache reads over all prompt tokens: what the cache served.
    public let cached_input_share: Double
    /// Cache writes over all prompt tokens (billed at the write rates, and read back only if a later request shares
    /// the prefix).
    public let cache_write_share: Double
    /// Reasoning tokens over all output tokens, where the source reports them.
    public let reasoning_share: Double?
    /// The requests (tokens, for Anthropic's report without a monthly number) sent through the batch API, where the
    /// source says which (Anthropic's service tier, OpenAI's `batch` grouping).
    public let batch_share: Double?
    /// The busiest interval's request rate over the average (nil when the span is too short to tell).
    public let peak_to_average: Double?
    /// What the peak was measured on (`1-minute bins of requests`, `1-hour buckets of tokens`, ...).
    public let peak_basis: String
    /// The busiest `UsageImport.modelsListed` ids, largest share first.
    public let models: [ModelInUse]
    /// The ids past those, counted, with their share; nil when every id is listed (a file of 929,000 distinct ids
    /// made a 49 MB answer).
    public let models_left_off: ModelsLeftOff?
    /// The answers the person gave that the verdict prices instead of the file's, with both values; nil when none
    /// differs (a given answer wins: `UsageImport.filling`).
    public internal(set) var answers_note: String? = nil
}

/// Model ids a summary does not list one by one.
public struct ModelsLeftOff: Sendable, Encodable, Equatable {
    public let ids: Int
    public let share: Double
}

/// Request-weighted mean and percentiles of one token count.
public struct TokenDistribution: Sendable, Encodable, Equatable {
    public let mean: Double
    public let p50: Double
    public let p90: Double
    public let p99: Double
    public let max: Double
}

/// A model the traffic used, and its lifecycle on the assessment's day.
public struct ModelInUse: Sendable, Encodable, Equatable {
    /// The id as the file wrote it.
    public let id: String
    /// The content's model page, when the id is known (dated snapshots, Bedrock and Vertex forms included).
    public let model: String?
    public let title: String?
    /// Its share of the requests (of the tokens when the file does not count requests).
    public let share: Double
    public let status: ModelStatus?
    /// Where to move when it is deprecated or retired, and the guide for the move.
    public let migrate_to: String?
    public let guide_url: String?
}
