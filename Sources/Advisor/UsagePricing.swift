// Pricing an imported distribution (README.md, "Usage import"): every group of requests is priced on its own, on
// every model, by the same per-request rules as the averages (Costs.swift: tokenizer, reasoning, window, long-context
// band, cache minimum and lifetime, batch), so a cliff that 8 % of requests cross costs what those 8 % cost.
//
// For each group g with a share f_g of the requests, the answers vector is copied with the group's prompt, output
// and cached share in place of the averages and priced as if every request of the month were that size; the
// model's monthly cost is Σ f_g × cost_g. `monthly_requests` stays the month's total in every copy, so the cache's
// warmth follows the real traffic density.
//
// The answers still steer the distribution, so a person can change any of them after an import:
// `monthly_requests` sets the volume; `avg_input_tokens` and `avg_output_tokens` stretch every request by the
// ratio of the answer to the imported mean; `cached_input_share` scales each request's cached share the same way
// (at most 1).

/// What the import's distribution means for one model.
public struct UsageModelFacts: Sendable, Encodable, Equatable {
    public let model: String
    /// Shares of the requests (0...1).
    public let long_context_share: Double
    public let over_window_share: Double
    public let over_headroom_share: Double
    /// Requests with a cacheable prefix too short for the model's cache minimum.
    public let below_cache_minimum_share: Double
}

/// The distribution priced on every model: the monthly costs the decision compares, and the facts a cost line shows.
struct UsagePrices {
    /// Unrounded monthly cost per model index.
    var monthly: [Double]
    var parts: [Knowledge.CostParts]
    var facts: [UsageModelFacts]
    /// A model may be the primary only if every request fits its window and at most `headroomTolerance` of them
    /// go over the headroom.
    var withinHeadroom: [Bool]
    /// What the long-context rates add to the requests above a model's line, against the same requests at its
    /// standard rates (the `long_context_share` trap): the cliff an average under the line does not show.
    var longContextExtra: [Double]

    /// The share of requests allowed over the headroom (but inside the window) before a model stops being usable:
    /// the rare long request is retried elsewhere; a whole percentile is a design problem.
    static let headroomTolerance = 0.01
}

extension Knowledge {
    /// The profile priced on every model for answers `v`.
    /// `measuringCliff`: also what each model's long-context rates add (`longContextExtra`, zeros otherwise), which
    /// the assessment's traps need and a what-if's decision does not.
    func usagePrices(_ profile: UsageProfile, _ v: UnsafeBufferPointer<Double>, measuringCliff: Bool = false) -> UsagePrices {
        var prices = UsagePrices(monthly: [], parts: [], facts: [], withinHeadroom: [], longContextExtra: [])
        for m in models.indices {
            let priced = usagePriced(model: m, profile, v, measuringCliff: measuringCliff)
            prices.monthly.append(priced.parts.total)
            prices.parts.append(priced.parts)
            prices.facts.append(priced.facts)
            prices.withinHeadroom.append(priced.facts.over_window_share == 0
                                         && priced.facts.over_headroom_share <= UsagePrices.headroomTolerance)
            prices.longContextExtra.append(priced.longContextExtra)
        }
        return prices
    }

    /// Model `m`'s month on answers `v`: through `usage` where an import gave one, else on the average request.
    func monthlyCost(model m: Int, _ v: UnsafeBufferPointer<Double>, usage: UsageProfile?) -> Double {
        guard let usage else { return monthlyCost(model: m, v) }
        return usageMonthly(model: m, usage, v)
    }

    /// Model `m`'s month for the profile on answers `v` less what its long-context rates add to the requests above
    /// its line (`long_context_share`'s amount): what the tokenizer trap compares, in one pricing of the distribution.
    func usageMonthlyBelowTheLine(model m: Int, _ profile: UsageProfile, _ v: UnsafeBufferPointer<Double>) -> Double {
        let priced = usagePriced(model: m, profile, v, measuringCliff: true)
        return priced.parts.total - priced.longContextExtra
    }

    /// Model `m`'s month for the profile on answers `v`, alone: what a lever or a trap prices on changed answers
    /// (a batch discount or a lower effort applied to every group of requests, not to the average request).
    func usageMonthly(model m: Int, _ profile: UsageProfile, _ v: UnsafeBufferPointer<Double>) -> Double {
        usagePriced(model: m, profile, v).parts.total
    }

    /// Model `m`'s month for the profile: each group priced on its own and weighed by its share of the requests;
    /// `measuringCliff`, also what the long-context rates add to the groups above the line (a what-if needs only the month).
    private func usagePriced(model m: Int, _ profile: UsageProfile, _ v: UnsafeBufferPointer<Double>, measuringCliff: Bool = false)
        -> (parts: CostParts, facts: UsageModelFacts, longContextExtra: Double) {
        var scratch = Array(v)
        // The file's own figures, as the answers carry them rounded (whole tokens, a share in hundredths), are no
        // stretch: 0.4548 read back as 0.45 took a 1,024-token cached prefix to 1,013, under the cache minimum. Half a
        // unit is still the rounding, whatever the floating point says: 0.88 − 0.875 is 0.0050000000000000044, and a
        // file's 87.5 % stretched every cached prefix by 0.88 / 0.875.
        func scale(_ answered: Double, _ mean: Double, within rounding: Double) -> Double {
            mean > 0 && abs(answered - mean) > rounding * (1 + 1e-9) ? answered / mean : 1
        }
        let inputScale = scale(v[AnswerID.avgInputTokens.rawValue], profile.meanPrompt, within: 0.5)
        let outputScale = scale(v[AnswerID.avgOutputTokens.rawValue], profile.meanOutput, within: 0.5)
        let answeredShare = v[AnswerID.cachedInputShare.rawValue]
        let shareScale = scale(answeredShare, profile.cachedShare, within: 0.005)
        var total: CostParts? = nil
        var long = 0.0, over = 0.0, overHeadroom = 0.0, belowMinimum = 0.0, longExtra = 0.0
        // Left at `default`, the level lowered for room (Knowledge.reasoning) is the average request's, for every
        // group: a team sets one level for its traffic, not one per answer length. Lowered group by group, Sonnet 5.5's
        // line said high effort over a month priced lower, and the tenth of requests its default would cut off went
        // unsaid. Where the average keeps its default, a group keeps it too unless it must answer faster.
        let byDefault = Int(v[AnswerID.reasoningEffort.rawValue]) == Self.defaultEffortAnswer && !leastEffortByDefault(v)
        let average = byDefault ? reasoning(model: m, v) : (effort: nil, tokens: 0, assumed: false, loweredFrom: nil)
        let averageForRoom = loweredForRoom(model: m, from: average.loweredFrom, v)
        for sample in profile.samples {
            let f = sample.requests / profile.requests
            // A side the profile holds none of cannot be stretched to the answer: the answer is every request's (a
            // link's `usage=1-100-0-0-0` with 5,000 output tokens answered priced no output at all).
            scratch[AnswerID.avgInputTokens.rawValue] = profile.meanPrompt > 0 ? sample.prompt * inputScale : v[AnswerID.avgInputTokens.rawValue]
            scratch[AnswerID.avgOutputTokens.rawValue] = profile.meanOutput > 0 ? sample.output * outputScale : v[AnswerID.avgOutputTokens.rawValue]
            // A request that logged no cache has none, where the file logged a cache at all: given the file's
            // share instead, half the requests reading a 20,000-token prefix priced the other half as reading
            // 10,045 tokens, 38 % under the bill as logged. A file that logged no cache takes the answer.
            scratch[AnswerID.cachedInputShare.rawValue] = sample.prefixShare > 0
                ? Swift.min(1, sample.prefixShare * shareScale) : profile.logsCache ? 0 : answeredShare
            if byDefault {
                scratch[AnswerID.reasoningEffort.rawValue] = Double(Self.defaultEffortAnswer)
                if averageForRoom, let effort = average.effort {
                    scratch[AnswerID.reasoningEffort.rawValue] = effort.answer
                } else if let own = scratch.withUnsafeBufferPointer({ reasoning(model: m, $0).loweredFrom }),
                          scratch.withUnsafeBufferPointer({ loweredForRoom(model: m, from: own, $0) }) {
                    scratch[AnswerID.reasoningEffort.rawValue] = own.answer
                }
            }
            var parts = scratch.withUnsafeBufferPointer { costParts(model: m, $0, explain: false) }
            // Before the logged cache's corrections, which the standard-band price below does not make either.
            let atItsRates = parts.total
            if parts.rates.caching == .used {
                parts.cache += scratch.withUnsafeBufferPointer {
                    cacheWritePremium(model: m, sample, stretch: inputScale, band: parts.rates.band, $0)
                }
            } else if let logged = scratch.withUnsafeBufferPointer({
                loggedCacheBelowMinimum(model: m, sample, stretch: inputScale, parts: parts, $0) }) {
                // What is left of the input is the uncached part, never below nothing: 0 less rounding noise read
                // "$-0.00" in the table.
                parts.input = Swift.max(0, parts.input + logged.input)
                parts.cache += logged.cache
                parts.rates.caching = .used
            }
            if parts.rates.band == .long_context {
                long += f
                if measuringCliff {
                    let standard = scratch.withUnsafeBufferPointer { standardBandMonthly(model: m, $0) }
                    longExtra += f * Swift.max(0, atItsRates - standard)
                }
            }
            if !parts.fits { over += f } else if !parts.withinHeadroom { overHeadroom += f }
            if parts.rates.caching == .below_minimum { belowMinimum += f }
            if var sum = total {
                sum.input += f * parts.input
                sum.output += f * parts.output
                sum.cache += f * parts.cache
                sum.gpu += f * parts.gpu
                sum.ops += f * parts.ops
                total = sum
            } else {
                var first = parts
                first.input *= f; first.output *= f; first.cache *= f; first.gpu *= f; first.ops *= f
                total = first
            }
        }
        return (total ?? costParts(model: m, v, explain: false),
                UsageModelFacts(model: models[m].slug, long_context_share: long, over_window_share: over,
                                over_headroom_share: overHeadroom, below_cache_minimum_share: belowMinimum), longExtra)
    }

    /// What the file's cache writes cost model `m` a month above the cached reads the cost line prices the whole prefix
    /// at (`UsageSample.prefixShare`): each logged write at the model's write rate (its input rate where it lists none,
    /// as for automatic caches), the 1-hour ones at its 1-hour rate, as if its requests wrote the same prefixes. Only
    /// where the cost line caches the prefix. Every request of the month is taken to be this group's, as the cost line
    /// takes it.
    func cacheWritePremium(model m: Int, _ sample: UsageSample, stretch: Double, band: PriceBand?,
                           _ v: UnsafeBufferPointer<Double>) -> Double {
        guard sample.cacheWrite > 0, let set = compiledModels[m].prices(on: Int(v[AnswerID.asOf.rawValue])) else { return 0 }
        let rates = band == .long_context ? (set.longContext?.rates ?? set.rates) : set.rates
        guard let read = rates.cacheRead else { return 0 }
        let oneHour = sample.cacheWrite1h, fiveMinutes = sample.cacheWrite - oneHour
        let (keepRead, keepWrite) = (Self.batchKept(.cache_read, set, v), Self.batchKept(.cache_write, set, v))
        let extra = fiveMinutes * Swift.max(0, rates.cacheWrite * keepWrite - read * keepRead)
            + oneHour * Swift.max(0, (rates.cacheWrite1h ?? rates.cacheWrite) * keepWrite - read * keepRead)
        return extra * tokenScale(model: m, v) * stretch / 1e6 * v[AnswerID.monthlyRequests.rawValue]
    }

    /// The month of model `m` where the file shows its own cache reads under the minimum the model's page gives: a
    /// report's bucket averages mix requests that read a long prefix with requests that read none, so an average
    /// under the minimum is no proof that nothing was cached, and the model that served them did read them. The cost
    /// line billed the prefix as input; the file's reads and writes are priced as logged instead (3,000-token average
    /// reads on Haiku 4.5, whose minimum is 4,096, were billed as $1,520 for a $700 month). Nil for any other case.
    func loggedCacheBelowMinimum(model m: Int, _ sample: UsageSample, stretch: Double, parts: CostParts,
                                 _ v: UnsafeBufferPointer<Double>) -> (input: Double, cache: Double)? {
        guard m == Int(v[AnswerID.tokensCountedWith.rawValue]), parts.rates.caching == .below_minimum, sample.prefixShare > 0,
              let set = compiledModels[m].prices(on: Int(v[AnswerID.asOf.rawValue])) else { return nil }
        let rates = parts.rates.band == .long_context ? (set.longContext?.rates ?? set.rates) : set.rates
        guard let read = rates.cacheRead else { return nil }
        let (keepRead, keepWrite, keepInput) = (Self.batchKept(.cache_read, set, v), Self.batchKept(.cache_write, set, v),
                                                Self.batchKept(.input, set, v))
        let monthly = stretch / 1e6 * v[AnswerID.monthlyRequests.rawValue]
        let oneHour = sample.cacheWrite1h, fiveMinutes = sample.cacheWrite - oneHour
        let asInput = (sample.cacheRead + sample.cacheWrite) * rates.input * keepInput * monthly
        let asLogged = (sample.cacheRead * read * keepRead + fiveMinutes * rates.cacheWrite * keepWrite
                        + oneHour * (rates.cacheWrite1h ?? rates.cacheWrite) * keepWrite) * monthly
        return (-asInput, asLogged)
    }

    /// Model `m`'s cost line for the distribution: the average request's line (rates, lifecycle, capacity) with the
    /// distribution's amounts, fit and a note for every rule that bit part of the requests.
    func usageCostLine(model m: Int, _ v: UnsafeBufferPointer<Double>, prices: UsagePrices, groups: Int) -> CostLine {
        let average = costLine(model: m, v)
        let p = prices.parts[m]
        let facts = prices.facts[m]
        func r(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
        // A share above nothing is never shown as nothing: 2 requests in 4,002 are "under 0.1%", not "0.0%".
        func percent(_ share: Double) -> String {
            share > 0 && share < 0.0005 ? "under 0.1%" : Format.figure(share * 100, digits: share < 0.1 ? 1 : 0) + "%"
        }
        var rates = average.rates
        var notes = ["Priced request by request from the imported usage (\(Format.figure(Double(groups))) "
                     + "group\(groups == 1 ? "" : "s") of requests), not at the average size."]
        if facts.long_context_share > 0, let threshold = rates.long_context_threshold {
            notes.append("\(percent(facts.long_context_share)) of requests are above the \(Format.figure(threshold))-token "
                         + "threshold and are billed at the long-context rates.")
            rates.band = facts.long_context_share >= 1 ? .long_context : .mixed
        } else if facts.long_context_share == 0, rates.band != nil {
            rates.band = .standard
        }
        if facts.over_window_share > 0 {
            notes.append("\(percent(facts.over_window_share)) of requests do not fit its window or output limit.")
        }
        if facts.over_headroom_share > 0 {
            notes.append("\(percent(facts.over_headroom_share)) of requests fill more than "
                         + "\(Format.figure(contextHeadroom * 100))% of its window.")
        }
        if facts.below_cache_minimum_share > 0 {
            notes.append("\(percent(facts.below_cache_minimum_share)) of requests have a cacheable prefix below its "
                         + "cache minimum: billed as input.")
        }
        // Announced prices change the whole distribution's month in the average request's proportion.
        let next = average.next_prices.map { next in
            NextPrices(since: next.since, monthly_usd: average.monthly_usd > 0 ? r(p.total * next.monthly_usd / average.monthly_usd) : 0)
        }
        rates.notes = notes + average.rates.notes.filter { !$0.hasPrefix("A prompt of") && !$0.hasPrefix("Does not fit")
            && !$0.hasPrefix("Fills ") && !$0.hasPrefix("The cacheable prefix") && !$0.hasPrefix("New prices from") }
            + (next.map { [CostLine.nextPricesNote($0)] } ?? [])
        return CostLine(model: average.model, title: average.title, monthly_usd: r(p.total), input_usd: r(p.input),
                        output_usd: r(p.output), cache_usd: r(p.cache), gpu_usd: r(p.gpu), ops_usd: r(p.ops),
                        hosting: average.hosting, url: average.url, fits: facts.over_window_share == 0,
                        within_headroom: prices.withinHeadroom[m], status: average.status, latency: average.latency,
                        prices_checked: average.prices_checked, rates: rates,
                        // The spend caps hold the distribution's month, not the average request's ($1,826 against
                        // $641: Build's $1,000 cap does not carry it).
                        capacity: capacity(model: m, v, month: p.total),
                        next_prices: next)
    }
}

/// What an assessment from imported usage adds: the distribution's facts per model, and what the workload costs now
/// on the model it runs on.
public struct UsageComparison: Sendable, Encodable, Equatable {
    /// The model the traffic runs on now (the import's busiest model), when the content knows it.
    public let current_model: String?
    /// Its monthly cost for this distribution, and the recommended model's; nil without a current model, or where it
    /// is retired on the as-of day (its requests fail: no month to compare).
    public let current_monthly_usd: Double?
    public let recommended_monthly_usd: Double
    /// Recommended minus current (negative: a saving); nil without a current model, where it is retired on the as-of
    /// day, or where its month could not be priced as the traffic ran (`current_note`).
    public let difference_usd: Double?
    /// Why the current model's month is not what the traffic cost (its batch price is not recorded, while the file's
    /// traffic went through the batch API); nil when it is.
    public let current_note: String?
    /// Groups of requests priced.
    public let groups: Int
    /// The models where a price rule bites part of the requests (long-context band, window, headroom, cache minimum).
    public let models: [UsageModelFacts]
}

extension Knowledge {
    /// The reasoning tokens a request of model `slug` is taken to write on these answers, and the effort level: what a
    /// usage file that counts thinking inside its output tokens holds of it (the Usage module takes it out). Nil for a
    /// model the content does not know or that does not reason.
    public func assumedReasoning(model slug: String, _ answers: Answers) -> (tokens: Double, effort: String)? {
        guard let m = modelIndex[slug] else { return nil }
        return answers.values.withUnsafeBufferPointer { v in
            let tokens = reasoningTokens(model: m, v)
            guard tokens > 0, let effort = reasoning(model: m, v).effort else { return nil }
            return (tokens, effort.rawValue)
        }
    }

    /// Model `slug`'s effort levels with the reasoning tokens each is taken to write on these answers, least first.
    public func reasoningLevels(model slug: String, _ answers: Answers) -> [(effort: String, tokens: Double)] {
        guard let m = modelIndex[slug], let r = compiledModels[m].reasoning else { return [] }
        return answers.values.withUnsafeBufferPointer { v in
            r.levels.sorted().map { level in (level.rawValue, v.with(.reasoningEffort, level.answer) { reasoningTokens(model: m, $0) }) }
        }
    }
}

extension Engine {
    /// Groups priced for the verdict (one per distinct request size up to this many), and for each step of the
    /// what-would-change search, which prices the distribution dozens of times.
    public static let usageGroups = 4_096
    static let searchGroups = 32

    /// The assessment of a workload whose requests were imported: every cost, the choice of model and what would
    /// change are priced on the distribution, and `comparison` sets the result against the current model.
    /// `alsoInUse`: every model the file's traffic runs on (by page slug, one entry a model, largest share first:
    /// `UsageImport.modelShares`), or [] for a link's `usage=`, which carries the busiest alone; the retired or
    /// retiring ones are warned of.
    public func assess(_ answers: Answers, usage profile: UsageProfile, currentModel: String?,
                       alsoInUse: [(model: String, share: Double)])
        -> (assessment: Assessment, comparison: UsageComparison) {
        // The logged prompts hold the provider's tool-use system prompt where the requests carried tools; the cost
        // lines add each model's own, so the logged model's comes out first (known only when the import names it).
        // The share of the file's traffic through the batch API, which the profile carries from the import and in a
        // link; without it the latency answer stands in.
        let batchShare = profile.batchShare
        let current = currentModel.flatMap { knowledge.modelIndex[$0] }
        let loggedToolPrompt = current.map { m in answers.values.withUnsafeBufferPointer { knowledge.toolPromptTokens(model: m, $0) } } ?? 0
        let logged = profile
        let profile = profile.removingLeadingPrompt(loggedToolPrompt).compacted(to: Self.usageGroups)
        // Sizes left blank are the distribution's own means, not the questionnaire's defaults (which would shrink
        // every imported request to the default size). A prompt length that is the file's own mean, as the import
        // filled it, is the mean without the logged tool prompt: left at the logged mean, it stretched every request
        // back by the tool prompt before each model's own was added (900-token requests priced as 1,246).
        // So is a cached share that is the file's own: the logged tool prompt came out of its cache reads, and left at
        // the logged share, the prompt without it was cached at that share and the tool prompt added again on top
        // (1,150 reads of 1,450 tokens priced as 1,240, the current model's month below what the file was billed).
        var filled = answers
        let fileMean = abs(answers.values[AnswerID.avgInputTokens.rawValue] - logged.meanPrompt.rounded()) < 0.5
        let fileShare = abs(answers.values[AnswerID.cachedInputShare.rawValue] - (logged.cachedShare * 100).rounded() / 100) < 0.005
        for (id, mean) in [(AnswerID.avgInputTokens, profile.meanPrompt.rounded()), (.avgOutputTokens, profile.meanOutput.rounded()),
                           (.cachedInputShare, (profile.cachedShare * 100).rounded() / 100)]
            where answers.isAssumed(id) || (id == .avgInputTokens && loggedToolPrompt > 0 && fileMean)
                || (id == .cachedInputShare && loggedToolPrompt > 0 && fileShare) {
            // Within the question's bounds, as an upload's are (`UsageImport.filling`): beyond them `replacing` refused
            // the mean, and `usage=1-20000000-0-0-200` was priced at the 1,000-token default, "Run it on Haiku" at $86.
            if let replaced = try? knowledge.replacing(id, with: .number(knowledge.bounded(id, mean)), in: filled) { filled = replaced }
        }
        let answers = filled
        return answers.values.withUnsafeBufferPointer { v in
            let prices = knowledge.usagePrices(profile, v, measuringCliff: true)
            let lines = knowledge.models.indices.map {
                knowledge.usageCostLine(model: $0, v, prices: prices, groups: profile.samples.count)
            }
            let search = profile.compacted(to: Self.searchGroups)
            var engine = self
            engine.currentModel = current
            engine.alsoInUse = alsoInUse.compactMap { slug, share in knowledge.modelIndex[slug].map { ($0, share) } }
            var assessment = engine.assess(answers, v, usage: (prices, Self.ordered(lines), search, profile))
            assessment.pricedAnswers = answers
            // A tiered verdict costs the plan with its escalations, not the Haiku's share of it.
            let recommended = assessment.decision.combined?.monthly_usd
                ?? knowledge.modelIndex[assessment.primaryModel].map { prices.monthly[$0] } ?? 0
            // Batch traffic on a model whose batch price we have not read is priced at its standard rates: up to twice
            // what it paid, so no difference is claimed (an OpenAI log 99 % through the batch API on GPT-5 mini "saved
            // $141 a month" by moving to a plan that costs about $414 more at OpenAI's usual half price). Any share of
            // the file's traffic counts (98 % batch was priced as interactive work and "saved $690"); where the file
            // says none went through batch, a batch latency answer is no reason (its standard rates are what it paid).
            let day = Int(v[AnswerID.asOf.rawValue])
            let throughBatch = batchShare.map { $0 > 0 } ?? Knowledge.isBatch(v)
            let unpriced = current.flatMap { m -> String? in
                guard throughBatch, knowledge.compiledModels[m].prices(on: day)?.batchDiscount == nil else { return nil }
                let share = batchShare.map { $0 < 1 ? "\(Format.percent($0)) of the traffic" : "the traffic" } ?? "the traffic"
                return "\(knowledge.models[m].title)'s batch price is not recorded here, and \(share) went through the "
                    + "batch API: it paid less than this, so what the recommendation saves or adds is not said."
            }
            // A retired model's month is no option to set against the recommendation (its requests fail): none is
            // given, and the first warning says why (`current_retired`).
            let answering = current.flatMap { knowledge.compiledModels[$0].lifecycle(on: day).state != .retired ? $0 : nil }
            return (assessment, UsageComparison(
                current_model: current.map { knowledge.models[$0].slug },
                current_monthly_usd: answering.map { Format.rounded(prices.monthly[$0]) },
                recommended_monthly_usd: Format.rounded(recommended),
                difference_usd: unpriced != nil ? nil : answering.map { Format.rounded(recommended - prices.monthly[$0]) },
                current_note: unpriced,
                groups: profile.samples.count, models: prices.facts.filter {
                    $0.long_context_share + $0.over_window_share + $0.over_headroom_share + $0.below_cache_minimum_share > 0
                }))
        }
    }
}
