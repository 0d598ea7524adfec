import Advisor
import Scan

/// What an import yields: the summary to show, the distribution to price, the model the traffic runs on now and
/// the answers it fills in (a person may still change any of them).
public struct UsageImport: Sendable {
    public internal(set) var summary: UsageSummary
    /// Nil when the file counts no requests and no monthly number was given (then `summary.requests_note` asks).
    public internal(set) var profile: UsageProfile?
    /// The slug of the busiest model the content knows.
    public let currentModel: String?
    /// Answers derived from the file, in the interface's order.
    public internal(set) var answers: [(id: AnswerID, value: AnswerValue)]
    /// Whether the file's peak-to-average ratio is only a lower bound: its buckets are longer than a minute, so the
    /// busiest minute inside the busiest bucket is unseen (`filling` then takes the question's default where higher).
    public internal(set) var peakIsLowerBound = false
    /// Every model the content knows, each with its whole share of the traffic however many ids it came under,
    /// largest first (for the engine's retirement warnings): not only the ids the summary lists.
    public internal(set) var modelShares: [(model: String, share: Double)] = []

    /// Reads and derives in one step.
    /// - Parameters:
    ///   - monthlyRequests: the person's number, for files that do not count requests (Anthropic's report).
    ///   - day: the day lifecycles are judged on.
    ///   - largestWindow: the largest context window served that day; a monthly number that would make the average
    ///     request longer than it is asked for again.
    /// - Throws: `UsageError`; nothing of a file that fails is used.
    public static func load(_ bytes: [UInt8], catalog: ModelCatalog, monthlyRequests: Double? = nil, on day: Int,
                            largestWindow: (title: String, tokens: Double)? = nil) throws(UsageError) -> UsageImport {
        try derive(UsageFile.read(bytes), catalog: catalog, monthlyRequests: monthlyRequests, on: day,
                   largestWindow: largestWindow)
    }

    public static func derive(_ reading: UsageReading, catalog: ModelCatalog, monthlyRequests given: Double?,
                              on day: Int, largestWindow: (title: String, tokens: Double)? = nil)
        throws(UsageError) -> UsageImport {
        let records = reading.records
        let totals = records.reduce(UsageTokens()) { $0 + $1.tokens }
        guard !records.isEmpty, totals.prompt + totals.output > 0 else {
            throw UsageError("the file", "no tokens in it: expected at least one request or bucket with usage")
        }
        let monthSeconds = CostAssumptions.minutesPerMonth * 60

        // The span covered: the buckets' bounds, or the first to the last request plus one average gap.
        let span: (start: Double, end: Double)
        if let first = reading.buckets.map(\.start).min(), let last = reading.buckets.map(\.end).max() {
            span = (first, last)
        } else {
            let times = records.map(\.start)
            let first = times.min()!, last = times.max()!
            let n = Double(records.count)
            span = (first, n > 1 ? first + (last - first) * n / (n - 1) : last)
        }
        let seconds = span.end - span.start

        // Requests: counted by the file, or spread over the rows from the number given. A file whose counts are all
        // zero counts nothing: it was priced on no requests and asked for them with an empty reason.
        let countsRequests = records.allSatisfy { $0.requests != nil }
        let counted = countsRequests && records.contains { ($0.requests ?? 0) > 0 }
        let countsTokensOnly = countsRequests ? "The file's request counts are all 0, though it logs tokens"
            : "\(reading.format.title) counts tokens, not requests"
        var requestsPerRow: [Double]? = counted ? records.map { $0.requests! } : nil
        var note: String? = nil
        var monthly: Double? = nil
        if counted {
            let observed = requestsPerRow!.reduce(0, +)
            if seconds > 0 {
                monthly = observed * monthSeconds / seconds
                // Three requests 10 s apart made 262,800 a month, which set the spend tier and the peak unsaid.
                if seconds < Self.shortSpan, (given ?? 0) <= 0 {
                    note = "The file covers only \(Format.duration(seconds)) (\(Format.count(observed)) requests), so the "
                        + "\(Format.count(monthly!.rounded())) requests a month scaled from it are a guess: give the monthly requests if you know them."
                } else if seconds < Self.weekSpan, (given ?? 0) <= 0 {
                    // One office day scaled as if it ran all month, nights and weekends too, was three times the traffic.
                    note = "The file covers \(Format.duration(seconds)), less than a week, so the \(Format.count(monthly!.rounded())) "
                        + "requests a month scaled from it take that traffic to run every hour of every day: give the monthly "
                        + "requests if yours has quiet nights or weekends."
                }
            }
            else { note = "The file covers a single instant, so it cannot be scaled to a month: give the monthly requests." }
        } else if let given, given > 0, seconds > 0, let tooFew = tooFewRequests(
            given, tokens: totals.prompt + totals.output, seconds: seconds, format: reading.format, largestWindow: largestWindow,
            countsTokensOnly: countsTokensOnly) {
            // Spread over too few requests the tokens would make requests no model can take: the number is asked for
            // again instead of priced into a verdict that nothing fits.
            note = tooFew
        } else if let given, given > 0, seconds > 0 {
            monthly = given
            // Output per request is taken as steady and the prompt as what varies between buckets, so each
            // bucket's requests follow its output tokens (its prompt tokens when nothing was output).
            let observed = given * seconds / monthSeconds
            let useOutput = totals.output > 0
            // A row with prompts and no output still had requests: counted at the file's output per prompt token, so
            // its prompts stay in the pricing (a 20M-token row with no output was left out while the peak counted it).
            let answered = records.filter { $0.tokens.output > 0 }.reduce(0.0) { $0 + $1.tokens.prompt }
            let outputPerPrompt = answered > 0 ? totals.output / answered : 0
            let weight = records.map { r in
                !useOutput ? r.tokens.prompt : r.tokens.output > 0 ? r.tokens.output : r.tokens.prompt * outputPerPrompt
            }
            let sum = weight.reduce(0, +)
            requestsPerRow = weight.map { observed * $0 / sum }
            note = "\(countsTokensOnly): the \(Format.count(given)) monthly requests given are "
                + "spread over its buckets in proportion to their output tokens."
        } else {
            note = "\(countsTokensOnly): give the monthly requests to price it."
        }

        // The distribution: one sample per request or bucket row.
        var samples: [UsageSample] = []
        let inUse = ModelsInUse(catalog: catalog)
        var slugs: [String: String?] = [:]
        func slug(_ id: String?) -> String? {
            guard let id else { return nil }
            if let known = slugs[id] { return known }
            let found = inUse.model(for: id)?.slug
            slugs[id] = found
            return found
        }
        if let requestsPerRow {
            for (record, requests) in zip(records, requestsPerRow) where requests > 0 {
                let t = record.tokens
                // The answer's own tokens: each model is priced with its own reasoning at the effort answer, as for
                // typed answers, so a logged reasoning count comes out of the output it is part of (spans of Haiku
                // 5.5 at 83 % reasoning were priced with their thinking twice, $334 a month for a $202 bill).
                samples.append(UsageSample(requests: requests, uncachedInput: t.uncachedInput / requests,
                                           cacheRead: t.cacheRead / requests, cacheWrite: t.cacheWrite / requests,
                                           output: Swift.max(0, t.output - t.reasoning) / requests,
                                           cacheWrite1h: t.cacheWrite1h / requests, model: slug(record.model)))
            }
        }
        let profile = samples.isEmpty ? nil : UsageProfile(samples)
        // More requests than the tokens could fill: every request rounded to nothing and was priced at $0 (the
        // opposite, too few requests for the tokens, is asked for again above).
        if let profile, profile.meanPrompt + profile.meanOutput < 1 {
            let requests = requestsPerRow?.reduce(0, +) ?? 0
            let tokens = Format.count((totals.prompt + totals.output).rounded())
            if counted {
                throw UsageError("the file", "\(tokens) tokens over \(Format.count(requests.rounded())) requests is under one "
                                 + "token a request: the request counts and the token counts cannot both be right")
            }
            throw UsageError("monthly_requests", "\(Format.count(given ?? 0)) a month make \(Format.count(requests.rounded())) "
                             + "requests over the file's \(seconds >= 172_800 ? "\(Format.count((seconds / 86_400).rounded())) days" : Format.duration(seconds)), and its \(tokens) tokens are under one a "
                             + "request: give the monthly requests of the traffic the file records")
        }
        let observedRequests = counted ? requestsPerRow?.reduce(0, +) : nil

        // Models: by requests where counted, else by tokens.
        var weights: [String: Double] = [:]
        for (i, record) in records.enumerated() {
            weights[record.model ?? "(not given)", default: 0]
                += requestsPerRow.map { $0[i] } ?? (record.tokens.prompt + record.tokens.output)
        }
        let models = inUse.list(weights, on: day)
        // The busiest model, not the busiest id: Haiku 4.5 under three ids (72 % of the requests) lost to one Bedrock
        // id of Claude 3 Haiku (28 %), and the saving was stated against the wrong bill.
        var byModel: [String: Double] = [:]
        for entry in models { if let slug = entry.model { byModel[slug, default: 0] += entry.share } }
        // Two models with the same requests: the one with more tokens, then the first by name, whatever the order the
        // file lists them in (half on GPT-5 nano and half on Claude 3 Haiku named another model when the ids swapped).
        var tokensByModel: [String: Double] = [:]
        for record in records { if let s = slug(record.model) { tokensByModel[s, default: 0] += record.tokens.prompt + record.tokens.output } }
        let current = models.compactMap(\.model).max {
            ((byModel[$0] ?? 0), (tokensByModel[$0] ?? 0), $1) < ((byModel[$1] ?? 0), (tokensByModel[$1] ?? 0), $0)
        }

        let peak = Self.peak(reading, requestsPerRow: counted ? requestsPerRow : nil, span: span)
        // The batch API's share, by requests where the file has them, else by tokens; nil when no row says.
        var batchShare: Double? = nil
        if records.contains(where: { $0.batch != nil }) {
            var all = 0.0, batched = 0.0
            for (i, record) in records.enumerated() {
                let w = requestsPerRow.map { $0[i] } ?? (record.tokens.prompt + record.tokens.output)
                all += w
                if record.batch == true { batched += w }
            }
            batchShare = all > 0 ? batched / all : nil
        }
        let summary = UsageSummary(
            format: reading.format, format_title: reading.format.title,
            period_start: Timestamp.text(span.start), period_end: Timestamp.text(span.end),
            period_days: (seconds / 86_400 * 100).rounded() / 100,
            observed_requests: observedRequests.map { $0.rounded() }, monthly_requests: monthly.map { $0.rounded() },
            requests_note: note, distribution_of: reading.buckets.isEmpty ? "requests" : "buckets",
            prompt_tokens: distribution(samples) { $0.prompt }, output_tokens: distribution(samples) { $0.output },
            cached_input_share: totals.prompt > 0 ? totals.cacheRead / totals.prompt : 0,
            cache_write_share: totals.prompt > 0 ? totals.cacheWrite / totals.prompt : 0,
            reasoning_share: totals.reasoning > 0 && totals.output > 0 ? totals.reasoning / totals.output : nil,
            batch_share: batchShare,
            peak_to_average: peak.ratio, peak_basis: peak.basis, models: Array(models.prefix(Self.modelsListed)),
            models_left_off: models.count > Self.modelsListed
                ? ModelsLeftOff(ids: models.count - Self.modelsListed, share: models.dropFirst(Self.modelsListed).reduce(0) { $0 + $1.share })
                : nil)

        var answers: [(id: AnswerID, value: AnswerValue)] = []
        if let monthly { answers.append((.monthlyRequests, .number(monthly.rounded()))) }
        if let profile {
            answers.append((.avgInputTokens, .number(profile.meanPrompt.rounded())))
            answers.append((.avgOutputTokens, .number(profile.meanOutput.rounded())))
        }
        answers.append((.cachedInputShare, .number((summary.cached_input_share * 100).rounded() / 100)))
        if let current { answers.append((.tokensCountedWith, .text(current))) }
        if let ratio = peak.ratio { answers.append((.peakToAverage, .number((ratio * 10).rounded() / 10))) }
        // Traffic that all went through the batch API is batch work: priced at the batch rates it pays (7 days of
        // OpenAI batch requests were priced at the standard rates, twice their bill, and told to move to batch).
        if let share = batchShare, share >= Self.allBatch { answers.append((.latency, .text("batch"))) }
        var imported = UsageImport(summary: summary, profile: profile, currentModel: current,
                                   answers: answers.sorted { $0.id < $1.id })
        imported.modelShares = byModel.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
        imported.peakIsLowerBound = peak.lowerBound
        imported.profile?.batchShare = batchShare
        return imported
    }

    /// The model ids a summary lists one by one (the rest are counted).
    /// A file covering less than this many seconds is scaled to a month with a note that the volume is a guess.
    static let shortSpan = 3_600.0
    /// Under a week, a file has not seen a week's quiet hours and days.
    static let weekSpan = 7 * 86_400.0
    static let modelsListed = 25

    /// The batch share from which the traffic is taken as batch work (a stray request outside it does not count).
    static let allBatch = 0.99

    /// Why `given` monthly requests cannot carry a file's tokens: over the span covered they would average more tokens
    /// than the largest context window holds. Nil when they can (or no window is known).
    /// `countsTokensOnly`: why the file's own counts are not used, as the sentence starts ("… counts tokens, not
    /// requests"; "The file's request counts are all 0, though it logs tokens").
    static func tooFewRequests(_ given: Double, tokens: Double, seconds: Double, format: UsageFormat,
                               largestWindow: (title: String, tokens: Double)?, countsTokensOnly: String? = nil) -> String? {
        guard let window = largestWindow, window.tokens > 0 else { return nil }
        let monthSeconds = CostAssumptions.minutesPerMonth * 60
        let observed = given * seconds / monthSeconds
        let mean = tokens / observed
        guard mean > window.tokens else { return nil }
        let least = (tokens / window.tokens * monthSeconds / seconds).rounded(.up)
        return "\(countsTokensOnly ?? "\(format.title) counts tokens, not requests"), and \(Format.figure(given)) monthly requests are too few for "
            + "the \(Format.figure(tokens)) tokens it holds: over the \(Self.span(seconds)) it covers they are "
            + "\(Format.figure(observed, digits: observed < 10 ? 1 : 0)) requests of \(Format.figure(mean)) tokens each, more "
            + "than the largest context window (\(Format.figure(window.tokens)) tokens, \(window.title)). These tokens need at "
            + "least \(Format.figure(least)) monthly requests, and more unless every request nearly fills that window."
    }

    /// A span in words: minutes, hours or days.
    static func span(_ seconds: Double) -> String {
        if seconds < 2 * 3600 { return "\(Format.figure(seconds / 60)) minutes" }
        if seconds < 2 * 86_400 { return "\(Format.figure(seconds / 3600, digits: 1)) hours" }
        return "\(Format.figure(seconds / 86_400, digits: 1)) days"
    }

    /// Request-weighted percentiles (the smallest value with at least that share of requests at or below it).
    static func distribution(_ samples: [UsageSample], _ value: (UsageSample) -> Double) -> TokenDistribution {
        let sorted = samples.map { (value($0), $0.requests) }.sorted { $0.0 < $1.0 }
        let total = sorted.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return TokenDistribution(mean: 0, p50: 0, p90: 0, p99: 0, max: 0) }
        func percentile(_ p: Double) -> Double {
            var seen = 0.0
            for (v, w) in sorted {
                seen += w
                if seen >= p * total - 1e-9 * total { return v.rounded() }
            }
            return sorted.last!.0.rounded()
        }
        let mean = sorted.reduce(0) { $0 + $1.0 * $1.1 } / total
        return TokenDistribution(mean: mean.rounded(), p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99),
                                 max: sorted.last!.0.rounded())
    }

    /// The busiest interval over the average: the finest buckets of a report (by requests, or by tokens when it
    /// counts none), or 1-minute bins of single requests.
    static func peak(_ reading: UsageReading, requestsPerRow: [Double]?, span: (start: Double, end: Double))
        -> (ratio: Double?, basis: String, lowerBound: Bool) {
        let seconds = span.end - span.start
        let records = reading.records
        func amount(_ i: Int) -> Double { requestsPerRow?[i] ?? (records[i].tokens.prompt + records[i].tokens.output) }
        let unit = requestsPerRow == nil ? "tokens" : "requests"
        if !reading.buckets.isEmpty {
            var byStart: [Double: Double] = [:]
            for i in records.indices { byStart[records[i].start, default: 0] += amount(i) }
            let width = reading.buckets.map { $0.end - $0.start }.min() ?? 60
            let total = byStart.values.reduce(0, +)
            var busiest = 0.0
            for bucket in reading.buckets { busiest = Swift.max(busiest, (byStart[bucket.start] ?? 0) / (bucket.end - bucket.start)) }
            let name = width <= 60 ? "1-minute" : width <= 3600 ? "1-hour" : "1-day"
            let basis = "\(name) buckets of \(unit)"
                + (width > 60 ? ": the busiest minute is at least this, and where the question's default is higher the verdict takes that" : "")
            guard total > 0, seconds > 0 else { return (nil, basis, false) }
            return (Swift.max(1, busiest / (total / seconds)), basis, width > 60)
        }
        guard seconds >= 60 else { return (nil, "the file covers less than a minute", false) }
        var perMinute: [Int: Double] = [:]
        for i in records.indices { perMinute[Int((records[i].start - span.start) / 60), default: 0] += amount(i) }
        let total = perMinute.values.reduce(0, +)
        let busiest = perMinute.values.max() ?? 0
        return (Swift.max(1, busiest / (total / (seconds / 60))), "1-minute bins of \(unit)", false)
    }
}
