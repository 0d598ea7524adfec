// Capacity: can a model's rate limits carry the workload at its busiest minute?
//
// Peak need on model m (README.md, "How the verdict is made"):
//   rpm  = max(1, monthly_requests / 43,800 × peak_to_average)   (a minute with a request holds a whole one)
//   itpm = rpm × I_m × (1 − c when the prefix is cached and the provider does not count cache reads)
//   otpm = rpm × (O_m + T_m)              (reasoning tokens are output)
//   tpm  = itpm + otpm                    (providers that count input and output together)
//   rpd  = monthly_requests / 30.4        (the average day: a lower bound on the busiest one)
//   a month's requests against a tier's `requests_per_month` (Cohere's trial keys: 1,000 calls)
//   queue = rpd × I_m                     (batch only: a day's input waiting in the batch queue at once)
//   queued = rpd                          (batch only: a day's requests waiting in the batch queue at once)
//   ten    = month's spend × min(1, max(1, monthly_requests ÷ 4,380 × peak_to_average) ÷ monthly_requests)
//            (live only: the busiest 10 minutes against a spend limit per rolling 10 minutes, Google's; they hold at
//            least one whole request)
// Work sent through a batch API (latency `batch` on a model priced with a batch discount) meets the batch queue's
// limits, the monthly ones and the spend cap, not the per-minute, daily or in-flight limits of live requests:
// Anthropic's Message Batches API has its own limits, shared across all models (the rate-limits page).
//   in flight: a cap of C requests allows requests averaging C ÷ (rpm ÷ 60) seconds (Little's law); it carries
//   the peak when that is at least one slow request, q + I_m ÷ r_in + (O_m + T_m) ÷ r_out (engine.slow_request)
// against the scheme in force on the `as_of` day (`rate_limits`, or one of its `previous` schemes). The lowest
// tier whose every published limit holds, and whose monthly spend cap covers the month's cost, carries it.

/// How a model's published limits meet the workload's peak.
public enum CapacityStatus: String, Sendable, Encodable, Equatable, CaseIterable {
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
    /// The peak's requests a minute in words, as the warnings and the verdict page say them: `1 request`,
    /// `2.7 requests`, `45,662 requests`.
    public var peakRequests: String {
        Format.counted(Format.figure(peak_rpm, digits: peak_rpm < 10 ? 1 : 0), "request", "requests")
    }
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
    /// Which limit of the top tier the peak exceeds, in words (`beyond_tiers`), or of the tier below the one needed
    /// (`unknown` at a negotiated tier, or at a tier of a spend-cap ladder whose per-minute limits are not read).
    public let gap: String?
    /// Why the model is not recommended when its published tiers cannot carry the peak, in the words every place that
    /// says it uses (the reason a model was passed over, its cost line's note, the terminal's list): "its published
    /// rate limits cannot carry the peak (68,493 requests a minute against 500 at its Production tier)"; nil otherwise.
    public var beyondTiersReason: String? {
        guard status == .beyond_tiers else { return nil }
        // "at its Production tier", "at its Tier 4" (not "Tier 4 tier").
        let tier = top_tier.map(Knowledge.tierName).map { $0.hasPrefix("Tier") ? $0 : $0 + " tier" } ?? "highest tier"
        return "its published rate limits cannot carry the peak (\(gap ?? "") at its \(tier))"
    }
    /// The day the scheme used began, when the page says.
    public let scheme_since: String?
    /// The kind of scheme in force on the day (nil: the page records none).
    public let scheme_kind: RateLimitKind?
    /// Only when the tier has a concurrency cap: the longest average request, in seconds, that the cap allows at
    /// the peak (max_concurrent ÷ peak requests a second).
    public let max_request_seconds: Double?
    /// Beside `max_request_seconds`: how long one of the workload's requests takes at `engine.slow_request`'s pace.
    /// The cap carries the peak when it allows at least this.
    public let slow_request_seconds: Double?
    /// True when the work goes through the provider's batch API: a day's requests wait in its queue and the
    /// per-minute limits do not apply (nil otherwise).
    public let via_batch_api: Bool?
    /// True when `peak_itpm` leaves the cached prefix out: the provider does not count cache reads against its input
    /// limit, so the figure is the uncached input alone (nil otherwise).
    public let cache_reads_excluded: Bool?
    /// What the provider bills the organisation in the month, when more than this model's bill shares its spend cap
    /// (a tiered plan whose escalation model has the same provider: the cap is the organisation's); nil otherwise.
    /// The tier was chosen against it.
    public let account_monthly_usd: Double?
    /// The requests a day in the organisation's batch queue, when more than this model's share it (a tiered plan's
    /// escalations to the same provider, whose batch queue is one per organisation); nil otherwise. The tier was
    /// chosen against it.
    public let account_daily_requests: Double?

    /// What the workload puts on the model, as the warnings and the verdict page open: its busiest minute, or, through
    /// a batch API, a day's work waiting in the queue. `verb`: "would see" (a warning) or "gets" (the page).
    public func load(model title: String, verb: String) -> String {
        // The month the spend cap is held to, where it is more than this model's bill.
        let account = account_monthly_usd.map {
            " (the plan, escalations included, bills the organisation \(Format.money($0)) a month against one spend cap)"
        } ?? ""
        if via_batch_api == true {
            // A few requests a month are a fraction of one a day: not "about 0 requests".
            let day = daily_requests < 1 ? "less than one request"
                : "about " + Format.counted(Format.figure(daily_requests), "request", "requests")
            // The organisation's one queue, where a plan's escalations wait in it too.
            let shared = account_daily_requests.map {
                ", and the plan's two models put about \(Format.counted(Format.figure($0), "request", "requests")) a day in the organisation's one queue"
            } ?? ""
            return "Through the batch API, which has its own limits instead of the per-minute ones, \(title) \(verb) a "
                + "day's work, \(day), in its queue at once" + shared + account
        }
        // Where cache reads are not counted, the figure is the uncached input alone; a prompt that is all system
        // prompt puts none on the limit, which "0 input tokens" would misstate.
        let uncached = cache_reads_excluded == true
        let input = uncached && peak_itpm == 0 ? "no uncached input tokens"
            : "\(Format.figure(peak_itpm)) \(uncached ? "uncached " : "")input tokens"
        return "At peak, \(title) \(verb) about \(peakRequests), \(input) and \(Format.figure(peak_otpm)) output tokens a minute"
            + account
    }
}

/// What a workload asks of one model's rate limits at its busiest (the formulas at the top of this file).
struct PeakNeed {
    let rpm: Double, itpm: Double, otpm: Double, daily: Double, monthly: Double, queue: Double
    /// Requests a day in the batch queue: `daily`, or the organisation's where other models' batches share it.
    var queued: Double
    /// Through a batch API: only the queue, monthly and spend limits apply.
    let batchLane: Bool
    /// One request's seconds at `engine.slow_request`'s pace (nil without it).
    let slowSeconds: Double?
    /// `itpm` leaves the cached prefix out (the provider does not count cache reads against its input limit): the
    /// limits' words say "uncached", as the capacity sentence does.
    let uncachedInput: Bool
    /// The share of the month's requests in its busiest 10 minutes, what a spend limit per rolling 10 minutes meets
    /// (Google's): the peak rate for 10 minutes, and at least one whole request. 0 through a batch API, whose spend
    /// no page times.
    let busiestTenMinutes: Double

    /// What the busiest 10 minutes cost, of a month that costs `month`.
    func tenMinuteSpend(_ month: Double) -> Double { month * busiestTenMinutes }

    /// Each limit `tier` publishes that applies to this need (not the spend cap), with what the need puts on it and
    /// its unit in words: the per-minute and daily ones for live requests, the month's requests and the batch queue.
    func measured(_ tier: RateTier) -> [(limit: Double, need: Double, unit: String)] {
        let input = uncachedInput ? "uncached input" : "input"
        let live: [(Double?, Double, String)] = batchLane ? [] : [
            (tier.rpm, rpm, "requests a minute"), (tier.itpm, itpm, "\(input) tokens a minute"),
            (tier.otpm, otpm, "output tokens a minute"),
            (tier.tpm, itpm + otpm, uncachedInput ? "uncached input and output tokens a minute" : "tokens a minute"),
            (tier.rpd, daily, "requests a day")]
        let checks = live + [
            (tier.requests_per_month, monthly, "requests a month"),
            (tier.batch_queue_tokens, queue, "tokens in the batch queue"),
            (tier.batch_queue_requests, batchLane ? queued : 0, "requests in the batch queue"),
        ]
        return checks.compactMap { limit, need, unit in limit.map { ($0, need, unit) } }
    }

    /// Every published limit of `tier` this need exceeds, in words; nil when every one holds. `spend` is read
    /// only when the tier has a spend cap. All of them: $328,750 a month of batches over Scale's $200,000 cap was
    /// left out behind the batch queue, the first one found, and asking for a queue alone would not carry it.
    func exceeded(_ tier: RateTier, spend: () -> Double) -> String? {
        guard !holds(tier, spend: spend) else { return nil }
        var over = measured(tier).filter { $0.need > $0.limit }.map {
            "\(Format.figure(Self.shown($0.need, $0.unit))) \($0.unit) against \(Format.figure($0.limit))"
        }
        if let cap = tier.monthly_spend_cap_usd {
            let month = spend()
            if month > cap { over.append("\(Format.money(month)) a month against a \(Format.money(cap)) spend cap") }
        }
        if let limit = tier.spend_per_10_minutes_usd, tenMinuteSpend(spend()) > limit {
            // In whole dollars beside a month that is ("about $65 … against a $50 spend limit", not "$65.07 … $50.00"),
            // but in cents where whole dollars would read as the limit itself ($50.29 against $50).
            let month = spend()
            var (peak, cap) = (Format.money(tenMinuteSpend(month), beside: month), Format.money(limit, beside: month))
            if peak == cap { (peak, cap) = (Format.cents(tenMinuteSpend(month)), Format.cents(limit)) }
            over.append("about \(peak) in the busiest 10 minutes against a \(cap) spend limit per 10 minutes")
        }
        return over.isEmpty ? nil : Format.series(over)
    }

    /// A need as the sentences say it: requests a minute rounded through tenths, as the capacity's peak is
    /// (`peak_rpm`): 479.45 were "about 480" in the load and "479 of its 500" in the same sentence, and 205,479.45
    /// "205,480" and "205,479" in one warning. Tokens and days are rounded once, as there.
    static func shown(_ need: Double, _ unit: String) -> Double {
        unit.hasPrefix("requests a minute") ? (need * 10).rounded() / 10 : need
    }

    /// The limits of `tier` (a tier that carries this need) of which it takes more than `room`, each in words with
    /// its share: "$402 of its $500 monthly spend cap (80 %)". Empty when every one leaves that room.
    func tight(_ tier: RateTier, room: Double, spend: Double) -> [String] {
        func share(_ need: Double, _ limit: Double) -> String { Format.percent((need / limit * 100).rounded() / 100) }
        var tight = measured(tier).filter { $0.limit > 0 && $0.need > room * $0.limit }.map {
            let when = $0.unit.hasSuffix("a minute") ? " at peak" : ""
            return "\(Format.figure(Self.shown($0.need, $0.unit))) of its \(Format.figure($0.limit)) \($0.unit)\(when) (\(share($0.need, $0.limit)))"
        }
        if let cap = tier.monthly_spend_cap_usd, cap > 0, spend > room * cap {
            tight.append("\(Format.money(spend)) of its \(Format.money(cap)) monthly spend cap (\(share(spend, cap)))")
        }
        if let limit = tier.spend_per_10_minutes_usd, limit > 0, tenMinuteSpend(spend) > room * limit {
            let peak = tenMinuteSpend(spend)
            tight.append("about \(Format.money(peak, beside: spend)) of its \(Format.money(limit, beside: spend)) spend limit per 10 minutes at peak (\(share(peak, limit)))")
        }
        return tight
    }

    /// Whether every published limit of `tier` holds (what the decision asks, many times per assessment: no text).
    func holds(_ tier: RateTier, spend: () -> Double) -> Bool {
        func within(_ limit: Double?, _ need: Double) -> Bool { limit.map { need <= $0 } ?? true }
        guard batchLane || (within(tier.rpm, rpm) && within(tier.itpm, itpm) && within(tier.otpm, otpm)
                            && within(tier.tpm, itpm + otpm) && within(tier.rpd, daily)),
              within(tier.requests_per_month, monthly), within(tier.batch_queue_tokens, queue),
              within(tier.batch_queue_requests, batchLane ? queued : 0)
        else { return false }
        guard tier.monthly_spend_cap_usd != nil || tier.spend_per_10_minutes_usd != nil else { return true }
        let month = spend()
        return tier.monthly_spend_cap_usd.map { month <= $0 } ?? true
            && tier.spend_per_10_minutes_usd.map { tenMinuteSpend(month) <= $0 } ?? true
    }
}

extension Knowledge {
    /// The tier just below `tier` in a ladder (lowest first): the one whose spend cap a month outgrows when `tier` is
    /// the one it needs. nil for the lowest, or a tier the ladder lacks.
    static func tier(below tier: String, in tiers: [RateTier]) -> RateTier? {
        tiers.firstIndex { $0.tier == tier }.flatMap { $0 > 0 ? tiers[$0 - 1] : nil }
    }

    /// What the batch queue of the highest published tier falls short of, past every tier, in words; nil where it holds.
    /// The spend cap is left out: the capacity's `gap` names it too, but spreading submissions over the day does not
    /// lower a month's bill ("more than the batch queue allows (… $945,000 a month against a $200,000 spend cap)").
    func queueGap(model m: Int, _ v: UnsafeBufferPointer<Double>, capacity: Capacity) -> String? {
        let day = Int(v[AnswerID.asOf.rawValue])
        guard capacity.gap != nil, let tier = organisationTiers(model: m, on: day)?.last(where: { $0.negotiated != true })
        else { return nil }
        let need = peakNeed(model: m, v, cachedPrefix: capacity.cache_reads_excluded == true)
        guard let gap = need.exceeded(tier, spend: { 0 }), gap.contains("batch queue") else { return nil }
        return gap
    }

    /// The tiers model `m` is held to on `day`: its own where its page lists them, else its provider's spend caps and
    /// batch queues (`spendCapLadder`); nil when neither is known.
    func organisationTiers(model m: Int, on day: Int) -> [RateTier]? {
        guard let scheme = compiledModels[m].rateScheme(on: day) else { return nil }
        return scheme.kind == .tiers ? scheme.tiers : spendCapLadder(of: compiledModels[m].provider, on: day)
    }

    /// The peak need on model m; `cachedPrefix` true takes the cached share out of the input (for providers that
    /// do not count cache reads against their input limit).
    func peakNeed(model m: Int, _ v: UnsafeBufferPointer<Double>, cachedPrefix: Bool) -> PeakNeed {
        let requests = v[AnswerID.monthlyRequests.rawValue]
        // The busiest minute of a workload with any requests holds at least one whole request, with all its tokens:
        // 250 requests a month of 400,000 tokens put 400,000 tokens on the input limit, not an average of 6,849.
        let average = requests / CostAssumptions.minutesPerMonth * v[AnswerID.peakToAverage.rawValue]
        let rpm = requests > 0 ? Swift.max(1, average) : 0
        let t = requestTokens(model: m, v)
        let input = cachedPrefix ? t.input - cacheablePrefix(model: m, v) : t.input
        let daily = requests / CostAssumptions.daysPerMonth
        let batch = Self.isBatch(v)
        let batchLane = batch && compiledModels[m].prices(on: Int(v[AnswerID.asOf.rawValue]))?.batchDiscount != nil
        // The busiest 10 minutes at the peak rate, holding at least one whole request (as the busiest minute does).
        let tenMinutes = requests > 0 && !batchLane ? Swift.min(1, Swift.max(1, average * 10) / requests) : 0
        return PeakNeed(rpm: rpm, itpm: rpm * input, otpm: rpm * (t.output + t.reasoning), daily: daily, monthly: requests,
                        // A batch queue is the batch API's: "batch" work on a model without one runs live.
                        queue: batchLane ? daily * t.input : 0, queued: daily, batchLane: batchLane,
                        slowSeconds: slowRequest?.seconds(input: t.input, output: t.output + t.reasoning),
                        uncachedInput: cachedPrefix, busiestTenMinutes: tenMinutes)
    }

    /// Peak traffic on model m against its rate limits on the as-of day; nil for self-hosted models.
    /// - Parameter known: the model's cost parts when the caller has them (the cost line); else they are computed
    ///   only if a spend cap or a cached prefix needs them.
    /// - Parameter accountMonth: what the provider bills the organisation in the month, when other models share the
    ///   model's spend cap (a tiered plan's escalations to the same provider); the model's own bill otherwise.
    /// - Parameter month: the model's own month where it is not the average request's (an imported distribution,
    ///   priced request by request): what the spend caps are held to.
    /// - Parameter accountDaily: the requests a day in the organisation's batch queue, when other models' batches share
    ///   it (a tiered plan's escalations to the same provider); the model's own otherwise.
    func capacity(model m: Int, _ v: UnsafeBufferPointer<Double>, parts known: CostParts? = nil,
                  accountMonth: Double? = nil, month: Double? = nil, accountDaily: Double? = nil) -> Capacity? {
        let model = compiledModels[m]
        guard !model.selfHosted else { return nil }
        var partsCache = known
        func parts() -> CostParts {
            if let partsCache { return partsCache }
            let computed = costParts(model: m, v, explain: false)
            partsCache = computed
            return computed
        }
        let scheme = model.rateScheme(on: Int(v[AnswerID.asOf.rawValue]))
        let cached = scheme.map { !$0.cacheReadsCount } == true && v[AnswerID.cachedInputShare.rawValue] > 0
            && parts().rates.caching == .used
        var need = peakNeed(model: m, v, cachedPrefix: cached)
        let sharedQueue = need.batchLane ? accountDaily.flatMap { $0 > need.daily ? $0 : nil } : nil
        if let sharedQueue { need.queued = sharedQueue }

        // The longest average request a concurrency cap allows at the peak (Little's law: in flight = rate × time).
        func allowedSeconds(_ tier: RateTier) -> Double? {
            need.batchLane ? nil : tier.max_concurrent.flatMap { cap in need.rpm > 0 ? cap / (need.rpm / 60) : nil }
        }
        func tenths(_ x: Double) -> Double { (x * 10).rounded() / 10 }
        func result(_ status: CapacityStatus, tier: RateTier? = nil, gap: String? = nil) -> Capacity {
            let allowed = tier.flatMap(allowedSeconds)
            return Capacity(model: models[m].slug, status: status, peak_rpm: tenths(need.rpm),
                            peak_itpm: need.itpm.rounded(), peak_otpm: need.otpm.rounded(), daily_requests: need.daily.rounded(),
                            tier: tier?.tier, requires: tier?.requires, top_tier: scheme?.tiers.last?.tier, gap: gap,
                            scheme_since: scheme?.sinceDay.map(CivilDate.text), scheme_kind: scheme?.kind,
                            max_request_seconds: allowed.map(tenths),
                            slow_request_seconds: allowed == nil ? nil : need.slowSeconds.map(tenths),
                            via_batch_api: need.batchLane ? true : nil,
                            cache_reads_excluded: cached && !need.batchLane ? true : nil,
                            account_monthly_usd: accountMonth.map(Format.rounded),
                            account_daily_requests: sharedQueue?.rounded())
        }
        guard let scheme else { return result(.unknown) }
        switch scheme.kind {
        case .dynamic: return result(.dynamic)
        case .unpublished, .not_read:
            // A spend cap is the organisation's, not the model's (failure-modes/rate-limits): a model whose own rows we
            // could not read bills against the caps its provider's other pages give. $5,850 a month on Sonnet 4.6 was
            // "unlikely to bind" while Start stops at $500 and Build at $1,000.
            // So is the batch queue (Anthropic's Message Batches limits are shared by every model of the
            // organisation): through a batch API, where per-minute limits do not apply, the ladder is all there is.
            let spend = { accountMonth ?? month ?? parts().total }
            guard let ladder = spendCapLadder(of: model.provider, on: Int(v[AnswerID.asOf.rawValue])),
                  let needed = ladder.firstIndex(where: { need.holds($0, spend: spend) }) else { return result(.unknown) }
            if ladder[needed].negotiated == true, needed > 0 {
                return result(.unknown, tier: ladder[needed], gap: need.exceeded(ladder[needed - 1], spend: spend))
            }
            // Carried through a batch API only where the ladder gives its batch queue (Anthropic's, one per
            // organisation); Google's tiers give spend caps alone, and its batch limits are on no page.
            if need.batchLane, ladder[needed].batch_queue_requests != nil || ladder[needed].batch_queue_tokens != nil {
                return result(.carried, tier: ladder[needed])
            }
            // What the tier below stops: its month, or its spend per 10 minutes at the peak (Google's).
            return needed > 0 ? result(.unknown, tier: ladder[needed], gap: need.exceeded(ladder[needed - 1], spend: spend))
                : result(.unknown)
        case .tiers: break
        }
        func publishesLimits(_ tier: RateTier) -> Bool {
            need.batchLane ? tier.batch_queue_requests != nil || tier.batch_queue_tokens != nil
                : tier.rpm != nil || tier.itpm != nil || tier.otpm != nil || tier.tpm != nil
        }
        for (i, tier) in scheme.tiers.enumerated() where need.holds(tier, spend: { accountMonth ?? month ?? parts().total }) {
            // A tier whose page gives only its spend cap may or may not carry the peak: unknown, not fine, unless a
            // lower tier's published limits carry it already (limits only rise with the tier: a plan's spend needs
            // Scale, whose rows for Sonnet 5.5 we could not read, for escalations Start's rows carry). A cap on
            // requests in flight carries it only while even a slow request (engine.slow_request) stays under it.
            let carriedBelow = !publishesLimits(tier) && scheme.tiers[..<i].contains { lower in
                publishesLimits(lower) && lower.max_concurrent == nil && need.holds(lower, spend: { 0 })
            }
            let publishes = publishesLimits(tier) || carriedBelow
            let concurrencyHolds: Bool? = allowedSeconds(tier).map { allowed in
                need.slowSeconds.map { allowed >= $0 } ?? false
            }
            // Reached only past every published tier: which limit of the highest one the peak exceeds, so that the
            // warning can say what to ask for (or, for a batch queue, to spread the submissions).
            let gap = tier.negotiated == true && i > 0 ? need.exceeded(scheme.tiers[i - 1], spend: { accountMonth ?? month ?? parts().total }) : nil
            return result((concurrencyHolds ?? publishes) ? .carried : .unknown, tier: tier, gap: gap)
        }
        return result(.beyond_tiers, gap: need.exceeded(scheme.tiers.last!, spend: { accountMonth ?? month ?? parts().total }))
    }

    /// The organisation's tiers as the provider's pages give their monthly spend caps and batch queues, with no
    /// per-minute limits (those are each model's own): read from the first of the provider's models whose scheme on
    /// `day` lists tiers with a spend cap; nil when none does.
    func spendCapLadder(of provider: String, on day: Int) -> [RateTier]? {
        for model in compiledModels where model.provider == provider {
            // A tiers scheme, or one that gives the organisation's tiers with their spend caps alone (Google's).
            guard let scheme = model.rateScheme(on: day), scheme.kind != .dynamic,
                  scheme.tiers.contains(where: { $0.monthly_spend_cap_usd != nil }) else { continue }
            return scheme.tiers.filter { $0.evaluation_only != true }.map { tier in
                var capOnly = tier
                (capOnly.rpm, capOnly.itpm, capOnly.otpm, capOnly.tpm, capOnly.rpd) = (nil, nil, nil, nil, nil)
                capOnly.max_concurrent = nil
                return capOnly
            }
        }
        return nil
    }

    /// Whether no published tier carries the peak: what keeps a model from being the primary. The decision runs
    /// this for every model many times per assessment, so it first tries the highest tier against upper bounds
    /// (every input token uncached, every token at the dearest rate) and prices the model only when those fail.
    func exceedsEveryTier(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        let model = compiledModels[m]
        let day = Int(v[AnswerID.asOf.rawValue])
        guard !model.selfHosted, let scheme = model.rateScheme(on: day), scheme.kind == .tiers,
              let top = scheme.tiers.last, let prices = model.prices(on: day) else { return false }
        let t = requestTokens(model: m, v)
        func dearestInput(_ r: Rates) -> Double { Swift.max(r.input, r.cacheWrite, r.cacheWrite1h ?? 0) }
        let long = prices.longContext?.rates
        let inRate = Swift.max(dearestInput(prices.rates), long.map(dearestInput) ?? 0)
        let outRate = Swift.max(prices.rates.output, long?.output ?? 0)
        let bound = { v[AnswerID.monthlyRequests.rawValue] * (t.input * inRate + (t.output + t.reasoning) * outRate) / 1e6 }
        let holds = peakNeed(model: m, v, cachedPrefix: false).holds(top, spend: bound)
        return holds ? false : capacity(model: m, v)?.status == .beyond_tiers
    }

    /// As above, for the `share` of the requests a model answers (the escalation model under routing).
    func exceedsEveryTier(model m: Int, _ v: UnsafeBufferPointer<Double>, share: Double) -> Bool {
        v.with(.monthlyRequests, v[AnswerID.monthlyRequests.rawValue] * share) { exceedsEveryTier(model: m, $0) }
    }

    /// A tier identifier as people write it: `tier_1` → "Tier 1", `start` → "Start".
    public static func tierName(_ tier: String) -> String {
        tier.replacingOccurrences(of: "_", with: " ").capitalized
    }

    /// A tier as a sentence names it: "the Scale tier", but "Tier 3" and "Above Tier 3", not "the Tier 3 tier".
    static func tierPhrase(_ tier: String, article: String = "the") -> String {
        let name = tierName(tier)
        return name.range(of: "Tier") != nil ? name : "\(article) \(tierNoun(tier, "tier"))"
    }

    /// A tier's name with `noun` after it unless the name says "Tier" already: "Scale rate-limit tier", "Tier 3".
    static func tierNoun(_ tier: String, _ noun: String) -> String {
        let name = tierName(tier)
        return name.range(of: "Tier") != nil ? name : "\(name) \(noun)"
    }
}

extension Knowledge {
    /// Why nothing we could check shows model `m` carries the peak `capacity` measured (its status `unknown`), in
    /// words for `rate_limit_unknown`'s `{why}`; nil when the peak is under the entry tier of every provider whose
    /// limits we could read (`rate_limit_unknown_small`, ranked low).
    func unknownCapacityReason(_ capacity: Capacity, model m: Int, day: Int) -> String? {
        let provider = compiledModels[m].provider
        let batchLane = capacity.via_batch_api == true
        if let seconds = capacity.max_request_seconds, let tier = capacity.tier {
            return "its \(Self.tierName(tier)) tier caps the requests in flight rather than a rate: at this peak "
                + "that holds only while requests average under \(Format.duration(seconds)) each"
                + (capacity.slow_request_seconds.map {
                    ", and a slow one of yours (queued, then read and written at our slowest planning pace) "
                        + "takes \(Format.duration($0))" } ?? "")
        }
        // A model whose own limits we could not read, held to its provider's spend caps (`spendCapLadder`).
        let scheme = compiledModels[m].rateScheme(on: day)
        let tiers = organisationTiers(model: m, on: day)
        if let tier = capacity.tier, let tiers, tiers.last.map({ $0.tier == tier && $0.negotiated == true }) == true {
            // Reaching the negotiated tier means every tier below it failed a limit or a spend cap it lists.
            let below = tiers.count > 1 ? " up to \(Self.tierName(tiers[tiers.count - 2].tier))" : ""
            let gap = capacity.gap.map { " (\(Self.tierName(tiers[tiers.count - 2].tier)): \($0))" } ?? ""
            return "each tier \(provider) publishes\(below) falls short on a limit or a spend cap it lists\(gap), and above "
                + "them " + (Self.tierName(tier).hasPrefix("Above") ? "limits" : "\(Self.tierPhrase(tier))'s limits")
                + " are arranged with \(provider) organisation by organisation"
        }
        // The limit that binds is the tier's just below the one needed, as `gap` says it: "Scale tier (Build: $6,047
        // a month against a $1,000 spend cap)", or a peak over Tier 2's $50 per 10 minutes in a month its cap covers.
        if let tier = capacity.tier, scheme?.kind != .tiers, let tiers, let below = Self.tier(below: tier, in: tiers),
           let gap = capacity.gap {
            // What reaching that tier takes, as the live path's tier warning says it ($1,000 paid and 30 days).
            let asks = capacity.requires.map { ". How to reach \(Self.tierPhrase(tier)): " + Format.withoutFullStop($0) } ?? ""
            return "\(provider)'s spend limits are the organisation's, and this workload needs at least "
                + "\(Self.tierPhrase(tier, article: "its")) (\(Self.tierName(below.tier)): \(gap)); "
                + (batchLane ? (scheme?.kind == .unpublished ? "it publishes no batch limits for this model"
                                : "its batch limits for this model we have not been able to read")
                   : scheme?.kind == .unpublished ? "it publishes no per-minute limits for this model"
                   : "its per-minute limits for this model we have not been able to read") + asks
        }
        if let tier = capacity.tier {
            return "the month's spend needs at least its \(Self.tierName(tier)) tier, whose "
                + (batchLane ? "batch queue limits its page does not give" : "per-minute limits for this model its page does not give")
        }
        // Within `engine.entry_tier_room` of the floor, as a published entry tier is held: at 93 % of the floor's
        // 200,000 tokens a minute, GPT-6 Luna's unread limits were "unlikely to bind", ranked low, where a tier we
        // could read is warned of from half.
        if !batchLane, let floor = entryTierFloor, floor.holds(capacity, share: entryTierRoom ?? 1) { return nil }
        if capacity.scheme_kind == .not_read {
            return "\(provider) publishes per-model limits that we have not been able to read; check them in your account"
        }
        // Per-model figures, that is: Google publishes its tiers' spend caps, and "no limits" was said beside them.
        return "\(provider) publishes no per-model limits we could check for that day, and any account tier or spend cap "
            + "it sets still applies (the model's page says what we know of them)"
    }
}
