/// Tokens of one request, or the sums over a bucket of requests, on the counting of the model that served them.
public struct UsageTokens: Sendable, Equatable {
    /// Prompt tokens neither read from nor written to the cache.
    public var uncachedInput = 0.0
    public var cacheRead = 0.0
    public var cacheWrite = 0.0
    /// The part of `cacheWrite` written to the 1-hour cache (Anthropic's report tells it apart).
    public var cacheWrite1h = 0.0
    /// Output tokens, reasoning included where the source counts it as output.
    public var output = 0.0
    /// Reasoning tokens, where the source reports them (already part of `output`).
    public var reasoning = 0.0

    public var prompt: Double { uncachedInput + cacheRead + cacheWrite }

    static func + (a: UsageTokens, b: UsageTokens) -> UsageTokens {
        UsageTokens(uncachedInput: a.uncachedInput + b.uncachedInput, cacheRead: a.cacheRead + b.cacheRead,
                    cacheWrite: a.cacheWrite + b.cacheWrite, cacheWrite1h: a.cacheWrite1h + b.cacheWrite1h,
                    output: a.output + b.output, reasoning: a.reasoning + b.reasoning)
    }
}

/// One row of usage: a single request (a span, a CSV line) or one model's line in a provider's time bucket.
public struct UsageRecord: Sendable, Equatable {
    /// Seconds since 1970 (UTC): the request's time, or the bucket's start and end.
    public var start: Double
    public var end: Double
    /// The model id as the source wrote it (nil when a report is not grouped by model).
    public var model: String?
    /// Requests the row stands for; nil when the source does not count them (Anthropic's usage report).
    public var requests: Double?
    public var tokens: UsageTokens
    /// Whether the row went through the provider's batch API (Anthropic's `service_tier: "batch"`, OpenAI's
    /// `batch: true`); nil when the source does not say.
    public var batch: Bool? = nil
}

/// Which kind of file was read.
public enum UsageFormat: String, Sendable, Encodable, CaseIterable {
    case anthropic = "anthropic_usage_report"
    case openai = "openai_usage_completions"
    case otlp = "otlp_json_spans"
    case csv

    /// For people.
    public var title: String {
        switch self {
        case .anthropic: "Anthropic Admin API messages usage report"
        case .openai: "OpenAI usage API (completions)"
        case .otlp: "OpenTelemetry GenAI spans (OTLP/JSON)"
        case .csv: "CSV"
        }
    }
}

/// Everything a reader found, before anything is derived from it.
public struct UsageReading: Sendable {
    public let format: UsageFormat
    /// One per request or per (bucket, model).
    public let records: [UsageRecord]
    /// For bucketed reports: every bucket's start and end, empty buckets included (they count for the span and the
    /// peak). Empty for per-request files.
    public let buckets: [(start: Double, end: Double)]
}

/// The buckets of a bucketed report, each with its path in the file; none may repeat or overlap another's period.
struct BucketPeriods {
    private var periods: [(start: Double, end: Double, path: String)] = []

    mutating func add(start: Double, end: Double, path: String) { periods.append((start, end, path)) }

    /// Every bucket's period, once none overlaps another: a report saved twice, or pages that overlap, was summed and
    /// doubled every figure without a word. Sorted by start, a bucket overlaps an earlier one exactly when it starts
    /// before the latest end so far (n log n: a file may hold a hundred thousand buckets).
    func checked() throws(UsageError) -> [(start: Double, end: Double)] {
        var latest: (end: Double, index: Int)? = nil
        for index in periods.indices.sorted(by: { (periods[$0].start, $0) < (periods[$1].start, $1) }) {
            let bucket = periods[index]
            if let latest, bucket.start < latest.end {
                let other = periods[latest.index]
                let (first, second) = latest.index < index ? (other, bucket) : (bucket, other)
                throw UsageError(second.path, "its period (\(Timestamp.text(second.start)) to \(Timestamp.text(second.end))) "
                                 + (first.start == second.start && first.end == second.end ? "repeats" : "overlaps")
                                 + " that of \(first.path); the same traffic would be counted twice: keep one copy of each page of the report")
            }
            if latest == nil || bucket.end > latest!.end { latest = (bucket.end, index) }
        }
        return periods.map { ($0.start, $0.end) }
    }
}
