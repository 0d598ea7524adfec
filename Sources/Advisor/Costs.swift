import Foundation

// Monthly cost of a workload on every model, from the models' `prices` / `self_hosting` blocks.
//
// ## The cost model (README.md, "The price model"; shown per model on the calculator and result pages)
// Let R = monthly_requests, I = avg_input_tokens, O = avg_output_tokens, c = cached_input_share; prices are USD
// per million tokens. Every request is priced at the average size.
//
// 1. **Tokens on the model's own count.** The answers' token counts were measured with the tokenizer of
//    `tokens_counted_with`; model m counts I_m = I × ratio_m / ratio_counted (and O_m likewise), where ratio is a
//    model's `tokenizer.ratio` against Claude Haiku 4.5's tokenizer (1.0 when the page publishes none). With tools,
//    the provider's own tool-use system prompt (`tool_prompt_tokens`, already on the model's count) is added to
//    I_m, ahead of the cached share (`cacheablePrefix`).
// 2. **Reasoning.** A reasoning model spends T_m reasoning tokens a request at the effort the `reasoning_effort`
//    answer asks for (its own default for `default`; the nearest level the API accepts otherwise), as its page
//    documents or assumes them. They are billed as output (the page's `billed_as`) and count toward the output
//    limit and the window.
// 3. **Does it fit?** I_m + O_m + T_m must fit the context window, and O_m + T_m the `max_output`; a model that
//    cannot hold the request is "does not fit": still priced, listed last, never recommended. One that fits but
//    fills more than `engine.context_headroom` (80 %) of its window is priced and shown, never recommended.
// 3. **Price band.** With a `long_context` tier, the prompt tokens of the classes it `counts` are compared with
//    its threshold; above it, `whole_request` bills every token at the higher rates (else only the input beyond
//    the threshold). A prompt pushed over the threshold by the tokenizer alone is priced above it.
// 4. **Caching.** The prefix P = I_m × c can be cached only if the model has a cache and P reaches its
//    `cache_min_tokens`; otherwise it is billed as input (`below_minimum`, `not_offered`). One shared prefix is
//    kept warm by the traffic itself: every use refreshes the cache's lifetime T, so the prefix is written again
//    only after a gap longer than T. With R requests a month arriving at random (a Poisson stream of
//    λ = R / 43,800 a minute), a gap exceeds T with probability e^(−λT), so writes W = max(1, R × e^(−λT)), capped
//    at R; every other request reads. The cheaper of the standard cache (5 minutes; 30 on OpenAI's GPT-5.6 and later,
//    `cache_ttl_minutes`) and the 1-hour cache, or none, is taken and named (`cache_ttl`): dense traffic keeps even
//    the 5-minute cache warm, sparse traffic needs the hour. In batch, a model
//    that sells the hour is priced with it only: a batch can run longer than five minutes, and Anthropic's batch guide
//    advises the hour for shared context (guides/prompt-caching-economics). Caching is never assumed when it would
//    cost more than plain input (`not_worth_it`).
// 5. **Batch.** With latency `batch` and a `batch_discount`, the discount comes off each token class in
//    `batch_applies_to`.
// 6. input_usd = fresh input (+ the prefix when not cached), cache_usd = writes + reads, output_usd = R × O_m ×
//    output; monthly_usd is their sum.
//
// Self-hosted models: the GPUs the month's tokens need on average, R × (I_m + O_m) ÷ tokens_per_second ÷ 3600 ÷ 730.
// Batch work queues to that average: gpu_hours = max(min_gpus × 730, the hours it needs). Work a person waits for is
// served at its busiest minute, so the fleet is sized for it in whole GPUs, always on: gpu_hours = 730 × max(min_gpus,
// ⌈average GPUs × peak_to_average⌉) (content/guides/when-self-hosting-pays.md). gpu_usd = gpu_hours × gpu_hour_usd;
// ops_usd = ops_hours_per_month × developer_hourly_usd; monthly_usd = gpu_usd + ops_usd.
//
// Dollar amounts are rounded to 1/100 of a cent for display; comparisons use unrounded values.

/// The rates and quantities a cost line was computed from, and why.
public struct CostRates: Sendable, Encodable, Equatable {
    public var band: PriceBand?
    public var long_context_threshold: Double?
    /// The prompt tokens compared with that threshold (the classes the tier `counts`), on this model's count.
    public var long_context_counted: Double?
    // API models: USD per million tokens, of the band used.
    public var input_per_mtok: Double?
    public var output_per_mtok: Double?
    public var cache_read_per_mtok: Double?
    /// The write rate of the cache lifetime used.
    public var cache_write_per_mtok: Double?
    /// Only when caching is used.
    public var cache_ttl: CacheTTL?
    public var caching: CachingMode?
    public var cache_min_tokens: Double?
    public var cache_writes_per_month: Double?
    /// The batch discount when it was applied, and the classes it applied to.
    public var batch_discount: Double?
    public var batch_applies_to: [TokenClass]?
    // Self-hosted models.
    public var gpu_hour_usd: Double?
    public var tokens_per_second: Double?
    public var min_gpus: Double?
    public var gpu_hours: Double?
    public var ops_hours_per_month: Double?
    public var developer_hourly_usd: Double?
    // Both.
    /// Tokens this model counts per token of the `tokens_counted_with` tokenizer.
    public var token_ratio: Double
    /// False when this model's tokenizer ratio is not published and 1.0 is assumed.
    public var token_ratio_published: Bool
    public var input_tokens_per_request: Double
    public var output_tokens_per_request: Double
    /// Monthly totals on this model's count.
    public var input_tokens: Double
    public var output_tokens: Double
    /// The reasoning effort the request runs at (nil: the model does not reason, or its page does not say).
    public var reasoning_effort: Effort?
    /// The model's default effort where the `default` answer runs lower because its thinking would not leave time
    /// to answer (realtime, or a tight budget), or because cost comes first (`engine.least_effort_when`); nil otherwise.
    public var reasoning_effort_lowered_from: Effort?
    /// Reasoning tokens per request at that effort (0 when none), billed as output.
    public var reasoning_tokens_per_request: Double
    /// Whether that figure is our stated assumption rather than a documented one.
    public var reasoning_tokens_assumed: Bool
    /// The provider's tool-use system prompt, in this model's tokens, included in `input_tokens_per_request`
    /// (nil: no tools, or no count we know of).
    public var tool_prompt_tokens_per_request: Double? = nil
    /// The share of the context window one request fills (prompt + output + reasoning).
    public var window_use: Double
    /// Plain-language reasons for the numbers above (tokenizer, band, cache, batch, fit).
    public var notes: [String]
}

/// A model's lifecycle dates (days since 1970-01-01).
public struct LifecycleDays: Sendable {
    public let released: Int
    public let legacy: Int?
    public let deprecated: Int?
    public let retires: Int?
    public let replacement: String?
}

/// New prices the model's page announces after the as-of date, and the same month at them.
public struct NextPrices: Sendable, Encodable, Equatable {
    public let since: String
    public let monthly_usd: Double
}

/// A model's lifecycle on the assessment's `as_of` date. JSON: `state`, `since`, `retires`, `replacement`.
public struct ModelStatus: Sendable, Encodable, Equatable {
    public let state: LifecycleState
    /// The day the state began (the release day for `active`).
    public let since: String
    public let retires: String?
    public let replacement: String?
    /// Where the replacement is itself no longer active on the day, the model to move to now: the replacement
    /// followed until an active one (Gemini 2.0 Flash → Gemini 3.1 Flash-Lite, deprecated → Gemini 3.5 Flash-Lite);
    /// nil when the replacement is current. Not in the JSON, whose `replacement` is the page's.
    public var successor: String? = nil

    enum CodingKeys: String, CodingKey { case state, since, retires, replacement }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encode(since, forKey: .since)
        try c.encode(retires, forKey: .retires)
        try c.encode(replacement, forKey: .replacement)
    }
}

/// A model's documented latency against the workload's budget.
public struct LatencyCheck: Sendable, Encodable, Equatable {
    public let verdict: LatencyVerdict
    public let percentile: String?
    public let ms: Double?
    public let budget_ms: Double
}

/// One model's monthly cost for a workload.
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
    public let hosting: Hosting
    /// `/models/<slug>`.
    public let url: String
    /// False when the request does not fit the model's context window or output limit.
    public let fits: Bool
    /// False when the request fills more of the window than `engine.context_headroom` allows (or does not fit).
    public let within_headroom: Bool
    public let status: ModelStatus
    /// Only when the workload states a latency budget.
    public let latency: LatencyCheck?
    /// The oldest date the model's price figures were checked.
    public let prices_checked: String?
    public let rates: CostRates
    /// The workload's peak against the model's rate limits (nil for self-hosted models).
    public let capacity: Capacity?
    /// New prices announced after the as-of date and the month at them; nil when the page announces none.
    public let next_prices: NextPrices?
    /// true when the workload forces tool calls and the model returns an error on every one (its page's
    /// `forced_tool_use: rejected`): priced for comparison, never usable, and not drawn among the models that fit.
    /// nil otherwise.
    public var rejects_forced_tool_calls: Bool? = nil

    /// The note a cost line carries for `next_prices`.
    static func nextPricesNote(_ next: NextPrices) -> String {
        "New prices from \(next.since): \(Format.money(next.monthly_usd)) a month on these numbers."
    }
}

/// The month and cache lifetimes the cost model assumes.
public enum CostAssumptions {
    public static let hoursPerMonth = 730.0
    public static let minutesPerMonth = hoursPerMonth * 60
    public static let daysPerMonth = hoursPerMonth / 24

    /// Cache writes a month for a prefix shared by `requests` random arrivals, with a lifetime of `minutes`
    /// refreshed on every use: the expected number of gaps longer than the lifetime, at least one.
    public static func cacheWrites(requests: Double, lifetimeMinutes minutes: Double) -> Double {
        guard requests > 0 else { return 0 }
        let expected = requests * exp(-requests / minutesPerMonth * minutes)
        return Swift.min(requests, Swift.max(1, expected))
    }
}

/// How a tiered plan's escalated requests are priced on the escalation model (`Knowledge.escalatedPricing`).
struct EscalatedPricing {
    /// Its month with every request priced as complex, for the whole month's traffic.
    let monthly: Double
    /// The effort that month is priced at, where it is not the one its cost line shows.
    let effort: Effort?
    /// Where the escalated requests run lighter than the model's default (`Knowledge.reasoning`): the level, the
    /// default, and whether for room (77,500-token answers leave Sonnet 5.5 room at medium, not at its default high)
    /// or for time, and whether, lowered for time, it is the least and still leaves no time (Sonnet 5.5 cannot stop
    /// thinking: low still takes 3.1 s before a 2 s budget's answer).
    var lowered: (effort: Effort, from: Effort, forRoom: Bool, late: Bool)? = nil
    /// Whether that effort is the model's thinking turned on (its default is off: `Knowledge.thinkingOnAnswer`).
    var thinkingOn = false

    /// "its default high effort", or "high effort, with its thinking on" for a model whose thinking is off by default.
    func effortWords(_ effort: Effort) -> String {
        thinkingOn ? "\(effort.rawValue) effort, with its thinking on" : "its default \(effort.rawValue) effort"
    }

    /// The setting a lowered effort is lighter than: "its default", or "its setting with thinking on".
    var ownSetting: String { Knowledge.ownSetting(thinkingOn: thinkingOn) }
}

extension Knowledge {
    /// Unrounded monthly cost of model `m`.
    /// The decision prices every model many times per assessment: here `costParts` is inlined with nothing to
    /// explain, so the compiler drops the notes and the rates no one reads and only the sum is computed.
    func monthlyCost(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        pricedParts(model: m, v, explain: false).total
    }

    /// Unrounded monthly cost of model `m` on the same answers judged on another day (at the prices in force then).
    func monthlyCost(model m: Int, _ v: UnsafeBufferPointer<Double>, on day: Int) -> Double {
        v.with(.asOf, Double(day)) { monthlyCost(model: m, $0) }
    }

    struct CostParts {
        var input = 0.0, output = 0.0, cache = 0.0, gpu = 0.0, ops = 0.0
        var fits = true
        var withinHeadroom = true
        var rates: CostRates
        var total: Double { input + output + cache + gpu + ops }
    }

    /// Tokens model `m` counts per token of the tokenizer the answers were counted with.
    func tokenScale(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        tokenRatios[m] / tokenRatios[Int(v[AnswerID.tokensCountedWith.rawValue])]
    }

    /// The reasoning tokens per request model `m` spends for these answers (0 for a model that does not reason).
    func reasoningTokens(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        let answer = effortAnswer(model: m, v)
        let tokens = reasoningTokenTable[m * Self.effortAnswers + answer]
        // The table holds each answer's level; only a `default` that leaves no time to answer, or no room, runs lower.
        guard Self.isDefault(answer), tokens > 0,
              !leavesTimeToAnswer(model: m, reasoning: tokens, v) || !leavesRoom(model: m, reasoning: tokens, v) else { return tokens }
        return reasoning(model: m, v).tokens
    }

    /// Whether model `m`'s average request, with `tokens` of reasoning, fits with the headroom `engine.context_headroom`
    /// asks for (`withinHeadroom`, on a reasoning figure of the caller's rather than the answer's).
    func leavesRoom(model m: Int, reasoning tokens: Double, _ v: UnsafeBufferPointer<Double>) -> Bool {
        withinHeadroom(requestFill(model: m, reasoning: tokens, v))
    }

    /// Whether `reasoning(model:_:)` runs model `m` below its default for room: it is lowered, the default would be in
    /// time, and not because cost comes first. The cost line's note, a plan's escalations and an import's groups ask.
    func loweredForRoom(model m: Int, from own: Effort?, _ v: UnsafeBufferPointer<Double>) -> Bool {
        guard let own, let r = compiledModels[m].reasoning, Self.isDefault(effortAnswer(model: m, v)) else { return false }
        return leavesTimeToAnswer(model: m, reasoning: r.tokens[own.rank], v)
    }

    /// The slot past the choices: `default` on a model whose thinking is off by default, where the work keeps its
    /// thinking (`thinkingKept`), which runs at the level a request that turns it on gets (`CompiledReasoning.thinkingOn`).
    static let thinkingOnAnswer = AnswerID.reasoningEffort.choices.count
    /// The answers' slots per model in `reasoningTokenTable`: each `reasoning_effort` choice, and `thinkingOnAnswer`.
    static let effortAnswers = thinkingOnAnswer + 1

    /// What the level model `m` runs at by default on these answers is called where a lighter one stands in for it:
    /// "its default", or, where its default is off and the work keeps its thinking, "its setting with thinking on".
    func ownSetting(model m: Int, _ v: UnsafeBufferPointer<Double>) -> String {
        Self.ownSetting(thinkingOn: effortAnswer(model: m, v) == Self.thinkingOnAnswer)
    }

    static func ownSetting(thinkingOn: Bool) -> String { thinkingOn ? "its setting with thinking on" : "its default" }
    /// Whether an `effortAnswer` is the model's default: its own level, or its thinking turned on for the work.
    static func isDefault(_ answer: Int) -> Bool { answer == defaultEffortAnswer || answer == thinkingOnAnswer }
    /// The `reasoning_effort` answer's index for `none`, and the `tool_choice` answer's for `forced` and `auto`.
    static let noEffortAnswer = AnswerID.reasoningEffort.choices.firstIndex(of: "none")!
    static let forcedToolAnswer = Double(AnswerID.toolChoice.choices.firstIndex(of: "forced")!)
    static let autoToolAnswer = Double(AnswerID.toolChoice.choices.firstIndex(of: "auto")!)

    /// The `reasoning_effort` answer a request on model `m` runs at: the team's, except that a forced tool call on a
    /// model that takes one only without thinking runs with thinking off (content/criteria/tool-choice.md), and that
    /// `default` runs at the least thinking where `engine.least_effort_when` holds (`leastEffortByDefault(_:)`), and with
    /// the thinking on, on a model whose thinking is off by default, where `engine.thinking_kept_when` holds
    /// (`thinkingOnAnswer`): Sonnet 4.6 priced without thinking for complex reasoning beat Sonnet 5.5 priced at high.
    func effortAnswer(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Int {
        let answer = Int(v[AnswerID.reasoningEffort.rawValue])
        if thinkingOffForTools(model: m, v) { return Self.noEffortAnswer }
        guard answer == Self.defaultEffortAnswer else { return answer }
        if leastEffortByDefault(v) { return Self.noEffortAnswer }
        return compiledModels[m].reasoning?.thinkingOn != nil && thinkingKept(v) ? Self.thinkingOnAnswer : answer
    }

    /// Whether the work keeps its thinking (`engine.thinking_kept_when`): a model whose thinking is off by default is
    /// priced with it on (content/criteria/reasoning-effort.md).
    func thinkingKept(_ v: UnsafeBufferPointer<Double>) -> Bool {
        thinkingKeptWhen?.holds(v, override: -1, value: 0) ?? false
    }

    /// Whether model `m` runs at its own setting on work that keeps its thinking, so that the room rule lowers it only
    /// to a level that still thinks (`reasoning`) and a fit with thinking off is no way in (`overHeadroom`).
    func keepsThinkingForRoom(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        Self.isDefault(effortAnswer(model: m, v)) && thinkingKept(v)
    }

    /// Which way the `default` effort answer runs on these answers (least thinking, thinking kept, both models' own):
    /// an answer that changes it re-prices every model that reasons (the what-would-change search compares it).
    func effortRegime(_ v: UnsafeBufferPointer<Double>) -> Int {
        (leastEffortByDefault(v) ? 1 : 0) | (thinkingKept(v) ? 2 : 0)
    }

    /// Whether the `default` effort answer runs every model at its least thinking on these answers: a team that puts
    /// cost first runs the cheapest setting, and 1,200 reasoning tokens before a two-token label cost a billion
    /// classifications $300,000 a month on GPT-6 Luna instead of $13,000 (content/criteria/reasoning-effort.md).
    func leastEffortByDefault(_ v: UnsafeBufferPointer<Double>) -> Bool {
        leastEffortByDefault?.holds(v, override: -1, value: 0) ?? false
    }

    /// The escalation model's month in a tiered plan, for the whole month's traffic as `Engine.tieredMonthly`
    /// counts it. The requests it answers are the complex ones, so they are priced as a workload that is all complex:
    /// where cost first runs the rest at the least thinking (`leastEffortByDefault`), the escalated requests keep the
    /// model's default effort (Sonnet 5.5 at low for the escalated 20 % of 4M chats understated the plan by about
    /// $29,000 a month); an effort the team set is priced as set. `priced` is its month on these answers, if known.
    /// Its cache sees only the escalated requests, so where it caches the prefix it is priced on their volume
    /// (`onEscalatedTraffic`) and scaled back to the whole month's.
    func escalatedMonthly(model e: Int, _ v: UnsafeBufferPointer<Double>, priced: Double? = nil,
                          usage: UsageProfile? = nil) -> Double {
        onEscalatedRequests(model: e, v) { escalated, lowered in
            onEscalatedTraffic(model: e, escalated, share: v[AnswerID.complexShare.rawValue], usage: usage)
                ?? (lowered ? monthlyCost(model: e, escalated, usage: usage) : priced ?? monthlyCost(model: e, v, usage: usage))
        }
    }

    /// Model `e`'s month priced on the escalated share of the requests alone, divided by the share (so that
    /// `Engine.tieredMonthly`'s share of it is that month); nil where that is the whole month's bill scaled (no prefix
    /// it caches: every other part of a bill is per request) or there is no share to price. A cache kept warm by a
    /// tenth of the traffic is written far more often: 1,000 escalated RAG requests a month rewrite Sonnet 5.5's
    /// 70,200-token prefix about 250 times, not the once that 10,000 requests would.
    func onEscalatedTraffic(model e: Int, _ v: UnsafeBufferPointer<Double>, share: Double, usage: UsageProfile?) -> Double? {
        let requests = v[AnswerID.monthlyRequests.rawValue]
        guard share > 0, share < 1, requests > 0, cachesPrefix(model: e, v) else { return nil }
        return v.with(.monthlyRequests, requests * share) { monthlyCost(model: e, $0, usage: usage) } / share
    }

    /// Runs `body` on the answers a tiered plan's escalated requests on model `e` are priced and held on: every
    /// request complex (`repriced` true) where cost first runs the rest at the least thinking (`leastEffortByDefault`),
    /// so they keep the escalation model's default effort, or where `e`'s thinking is off by default and complex
    /// requests keep it (`thinkingKept`), so they run with it on; else the answers as given. The escalated month,
    /// the escalation model's rate limits and its headroom all read them here.
    func onEscalatedRequests<T>(model e: Int, _ v: UnsafeBufferPointer<Double>,
                                _ body: (_ escalated: UnsafeBufferPointer<Double>, _ repriced: Bool) -> T) -> T {
        if leastEffortByDefault(v) { return v.with(.complexShare, 1) { body($0, true) } }
        guard compiledModels[e].reasoning?.thinkingOn != nil, !thinkingKept(v) else { return body(v, false) }
        return v.with(.complexShare, 1) { complex in thinkingKept(complex) ? body(complex, true) : body(v, false) }
    }

    /// `escalatedMonthly` with the effort it is priced at when that is not the one the escalation model's cost line
    /// shows (its default, where cost first lowered the rest to the least thinking; nil otherwise). Worked out once
    /// per assessment (`Engine.assess`) for everything that prices or words the escalated share.
    func escalatedPricing(model e: Int, _ v: UnsafeBufferPointer<Double>, priced: Double,
                          usage: UsageProfile? = nil) -> EscalatedPricing {
        onEscalatedRequests(model: e, v) { complex, repriced in
            let traffic = onEscalatedTraffic(model: e, complex, share: v[AnswerID.complexShare.rawValue], usage: usage)
            // Lighter than its default for room or time is said even where the escalated requests run as its cost line
            // does: a plan's hardest requests on Sonnet 5.5 at medium, as 77,000-token summaries leave it no room at
            // high, read as if at its default.
            let thinking = reasoning(model: e, complex)
            let lowered = thinking.effort.flatMap { effort in thinking.loweredFrom.map { own in
                let forRoom = loweredForRoom(model: e, from: own, complex)
                // As the cost line says it: the answer alone over the budget, or the least thinking still too long.
                let late = !forRoom && (answerOutlastsBudget(model: e, complex) != nil
                                        || !leavesTimeToAnswer(model: e, reasoning: thinking.tokens, complex))
                return (effort: effort, from: own, forRoom: forRoom, late: late)
            } }
            // Not repriced, the escalated requests run as the cost line: its month, at its effort.
            return EscalatedPricing(monthly: traffic ?? (repriced ? monthlyCost(model: e, complex, usage: usage) : priced),
                                    effort: !repriced || thinking.effort == reasoning(model: e, v).effort ? nil : thinking.effort,
                                    lowered: lowered, thinkingOn: effortAnswer(model: e, complex) == Self.thinkingOnAnswer)
        }
    }

    /// What the workload's forced tool calls do on a model (content/criteria/tool-choice.md): whether they switch
    /// its thinking off, and whether it returns an error on them.
    func thinkingOffForTools(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        Self.forcesToolCalls(v) && compiledModels[m].forcedCallsStopThinking
    }

    func refusesTools(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        Self.forcesToolCalls(v) && compiledModels[m].forcedToolUse == .rejected
    }

    /// The system prompt model `m`'s provider adds to a request with tools, in its tokens (0 without tools, or where
    /// we know of none; the nearest counted model's where the page gives no count: content/criteria/tool-choice.md).
    /// Billed as input like the prompt.
    func toolPromptTokens(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        guard let t = pricedToolPrompts[m] else { return 0 }
        let choice = v[AnswerID.toolChoice.rawValue]
        return choice == Self.forcedToolAnswer ? t.forced : choice == Self.autoToolAnswer ? t.auto : 0
    }

    /// Why an estimated tool-use system prompt is that model's: a row the page borrows from the provider's table, or
    /// the nearest counted model's (Sonnet 5, which we do not list, is no "nearest model we have a count for").
    /// `toolPromptBasis(model:)` by slug (nil: no such model).
    public func toolPromptBasis(of slug: String) -> String? { modelIndex[slug].map { toolPromptBasis(model: $0) } }

    func toolPromptBasis(model m: Int) -> String {
        compiledModels[m].toolPromptEstimate != nil
            ? "a row of the provider's table on the same tokenizer, which its page borrows"
            : "the nearest model we have a count for, on this model's tokenizer"
    }

    /// The tool-use system prompt a model's figures are priced with where its page gives no count: the estimate
    /// (auto, forced) and the model it comes from; nil where the page has its own count or none is added.
    public func toolPromptEstimate(of slug: String) -> (auto: Double, forced: Double, reference: String)? {
        guard let m = modelIndex[slug], let reference = toolPromptEstimatedFrom[m], let t = pricedToolPrompts[m] else { return nil }
        return (t.auto, t.forced, reference)
    }

    /// For model `m`, whose page gives no count for its provider's tool-use system prompt, the nearest model that has
    /// one: the newest of its family, else the provider's newest.
    static func toolPromptReference(for m: Int, in compiledModels: [CompiledModel]) -> Int? {
        let model = compiledModels[m]
        let counted = compiledModels.indices.filter { compiledModels[$0].provider == model.provider && compiledModels[$0].toolPrompt != nil }
        let newest = { (a: Int, b: Int) in compiledModels[a].releasedDay < compiledModels[b].releasedDay }
        return counted.filter { compiledModels[$0].family == model.family }.max(by: newest) ?? counted.max(by: newest)
    }

    /// "about 300 reasoning tokens come first, about 3.1 s at 97 tokens a second, the median speed of the ranking we
    /// cite": where a cost line says its least thinking is still too long (the calculator has no warnings to point to).
    static func thinkingTime(tokens: Double, speed: Double?) -> String {
        let first = "about \(Format.figure(tokens)) reasoning tokens come first"
        guard let speed else { return first }
        return first + ", about \(Engine.seconds(tokens / speed)) at \(Format.count(speed)) tokens a second, the median speed of the ranking we cite"
    }

    /// The tokens a request can cache: the stated share of its prompt, with the tool-use system prompt ahead of it
    /// (tools come first in the request, so caching the system prompt caches them too); nothing without a share.
    static func cacheablePrefix(prompt: Double, toolPrompt: Double, share: Double) -> Double {
        share > 0 ? prompt * share + toolPrompt : 0
    }

    /// The tokens one of model `m`'s requests can cache, on its own count (`cacheablePrefix`).
    func cacheablePrefix(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        Self.cacheablePrefix(prompt: v[AnswerID.avgInputTokens.rawValue] * tokenScale(model: m, v),
                             toolPrompt: toolPromptTokens(model: m, v), share: v[AnswerID.cachedInputShare.rawValue])
    }

    /// How the requests choose their tool, in the API's words: `auto`, or `any or a named tool` when forced.
    static func toolChoiceWords(_ v: UnsafeBufferPointer<Double>) -> String {
        forcesToolCalls(v) ? "any or a named tool" : "auto"
    }

    /// Whether the requests carry tools at all (`tool_choice` auto or forced).
    static func carriesTools(_ v: UnsafeBufferPointer<Double>) -> Bool {
        v[AnswerID.toolChoice.rawValue] == forcedToolAnswer || v[AnswerID.toolChoice.rawValue] == autoToolAnswer
    }

    /// Whether the requests force a tool call (`tool_choice` `any` or a named tool).
    static func forcesToolCalls(_ v: UnsafeBufferPointer<Double>) -> Bool {
        v[AnswerID.toolChoice.rawValue] == forcedToolAnswer
    }
    /// The `reasoning_effort` answer's index for `default`.
    static let defaultEffortAnswer = AnswerID.reasoningEffort.choices.firstIndex(of: "default")!

    /// The reasoning effort and tokens per request model `m` spends for these answers. `default` is the model's own
    /// level, except where it leaves no time to answer (`leavesTimeToAnswer`, ThinkingTime.swift: its thinking and
    /// the answer at a typical speed outlast the budget, or any thinking for realtime answers without one): then the
    /// highest level below it that does, or its least. That is the setting a team that must answer in time would run
    /// (a 0.25 s completion with Haiku 5.5's 1,200 medium-effort reasoning tokens first is no completion at all), so
    /// it is the one priced and compared; `loweredFrom` names the default it stands in for. So too where the default's
    /// thinking leaves the request no room (`leavesRoom`) and a lighter level that is also in time does: 78,000-token
    /// summaries fill 80.2 % of Haiku 5.5's output limit at medium and 79.5 % at low, and a 'strong' Haiku scored in
    /// its own band lost the work to a legacy 'good' model for 200 tokens of thinking a team would turn down. Work that
    /// keeps its thinking makes room only at a level that still thinks (`thinkingKept`). A level the team chose is kept
    /// as chosen, and the warnings and levers say what it costs in time or room.
    func reasoning(model m: Int, _ v: UnsafeBufferPointer<Double>)
        -> (effort: Effort?, tokens: Double, assumed: Bool, loweredFrom: Effort?) {
        guard let r = compiledModels[m].reasoning else { return (nil, 0, false, nil) }
        let answer = effortAnswer(model: m, v)
        let level = r.byAnswer[answer]
        // The least thinking standing in for `default` (cost first) names the default it replaces.
        if answer == Self.noEffortAnswer, Int(v[AnswerID.reasoningEffort.rawValue]) == Self.defaultEffortAnswer,
           !thinkingOffForTools(model: m, v) {
            let own = r.byAnswer[Self.defaultEffortAnswer].effort
            return (level.effort, level.tokens, level.assumed, own == level.effort ? nil : own)
        }
        guard Self.isDefault(answer) else { return (level.effort, level.tokens, level.assumed, nil) }
        let ownInTime = leavesTimeToAnswer(model: m, reasoning: level.tokens, v)
        if ownInTime && leavesRoom(model: m, reasoning: level.tokens, v) { return (level.effort, level.tokens, level.assumed, nil) }
        // The highest lighter level that leaves time and room; else, where the default is in time, the default (no
        // level makes room: the headroom rule says so); else the highest in time, or the least. One pass, no arrays
        // (this runs per cost line).
        // Work that keeps its thinking (`thinkingKept`) makes room only at a level that still thinks: strict 780,000-token
        // analyses ran Sonnet 4.6 with thinking off to stay under its headroom and beat Gemini 4 Neon, which thinks,
        // by $13.50. Time may still turn it off: an answer due now has no time to think.
        let keepsThinking = thinkingKept(v)
        var roomy: Effort? = nil, inTime: Effort? = nil, least: Effort? = nil
        for l in r.levels where l < level.effort {
            if least.map({ l < $0 }) ?? true { least = l }
            guard leavesTimeToAnswer(model: m, reasoning: r.tokens[l.rank], v) else { continue }
            if inTime.map({ l > $0 }) ?? true { inTime = l }
            if roomy.map({ l > $0 }) ?? true, l != .none || !keepsThinking, leavesRoom(model: m, reasoning: r.tokens[l.rank], v) {
                roomy = l
            }
        }
        if roomy == nil && ownInTime { return (level.effort, level.tokens, level.assumed, nil) }
        guard let chosen = roomy ?? inTime ?? least else { return (level.effort, level.tokens, level.assumed, nil) }
        return (chosen, r.tokens[chosen.rank], r.assumed[chosen.rank], level.effort)
    }

    /// Tokens of one request on model `m`'s own count: prompt (the provider's tool-use system prompt included),
    /// visible output, reasoning.
    func requestTokens(model m: Int, _ v: UnsafeBufferPointer<Double>) -> (input: Double, output: Double, reasoning: Double) {
        let scale = tokenScale(model: m, v)
        return (v[AnswerID.avgInputTokens.rawValue] * scale + toolPromptTokens(model: m, v),
                v[AnswerID.avgOutputTokens.rawValue] * scale, reasoningTokens(model: m, v))
    }

    /// Why a prefix of `prefix` tokens cannot be cached at all on `prices` (nothing stable, caching not offered, under
    /// the minimum cacheable length); nil when it can. The cost line and `cachesPrefix` read this one rule.
    static func cacheBar(prefix: Double, prices: PriceSet) -> CachingMode? {
        // Under one token there is nothing to cache (8-token prompts with 3.7 % cacheable: "a prefix of 0 tokens").
        if prefix < 1 { return .noCacheableShare }
        if prices.rates.cacheRead == nil { return .not_offered }
        if prefix < prices.cacheMinTokens { return .below_minimum }
        return nil
    }

    /// Whether model `m` could cache the stated prefix on the day (`cacheBar`): a 270-token prefix does not reach
    /// Haiku 5.5's 512, nor a 3,000-token one Haiku 4.5's 4,096. Whether caching then pays is the cost line's.
    func cachesPrefix(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        let prefix = Self.cacheablePrefix(prompt: v[AnswerID.avgInputTokens.rawValue] * tokenScale(model: m, v),
                                          toolPrompt: countedToolPrompt(model: m, toolPromptTokens(model: m, v)),
                                          share: v[AnswerID.cachedInputShare.rawValue])
        guard let prices = compiledModels[m].prices(on: Int(v[AnswerID.asOf.rawValue])) else { return false }
        return Self.cacheBar(prefix: prefix, prices: prices) == nil
    }

    /// Of model `m`'s tool-use system prompt of `tokens`, the part its page counts: all of it, or none where it is an
    /// estimate (`toolPromptEstimatedFrom`). An estimate is priced as input and, where the prefix caches, with it; but
    /// it is never what takes a prefix over the cache minimum (the prefix held to it is `cacheablePrefix` of this):
    /// 313 estimated tokens lifted Sonnet 4.6's 750-token prefix past its 1,024 and cut its month by $1,931.
    func countedToolPrompt(model m: Int, _ tokens: Double) -> Double {
        toolPromptEstimatedFrom[m] == nil ? tokens : 0
    }

    /// Whether model `m`'s cost line caches the stated prefix: it can (`cachesPrefix`), and at this request rate the
    /// writes cost less than the reads save. What the caching rules and warnings promise ("a tenth of the input
    /// price") holds only then: 200 chats a month with 60 % of a 30,000-token prompt cacheable won Haiku 5.5 ten
    /// points for a discount its own cost line said would cost more than it saves.
    func cachesOnItsLine(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        cachesPrefix(model: m, v) && pricedParts(model: m, v, explain: false).rates.caching == .used
    }

    /// The answers `cachesOnItsLine` reads, as a rule's `reads` bits: the prefix's, and the request rate and the
    /// batch API that decide whether caching pays.
    static let prefixCheckReads: UInt32 = [AnswerID.avgInputTokens, .cachedInputShare, .tokensCountedWith, .asOf, .toolChoice,
                                           .monthlyRequests, .latency]
        .reduce(0) { $0 | $1.bit }
    /// The answers the day's Haiku's count of the prompt reads (`requestTokens`), as a rule's `reads` bits.
    static let haikuCountReads: UInt32 = [AnswerID.avgInputTokens, .tokensCountedWith, .asOf, .toolChoice].reduce(0) { $0 | $1.bit }

    /// The Haiku the rules speak of on the answers' day: the first listed that is served then (released, not
    /// retired), else the first listed.
    func dayHaiku(_ v: UnsafeBufferPointer<Double>) -> Int {
        let day = Int(v[AnswerID.asOf.rawValue])
        return haikuIndices.first { compiledModels[$0].isServed(on: day) } ?? haikuIndices[0]
    }

    /// Whether model `m` can hold the average request at all.
    func fits(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        requestFill(model: m, v).holds
    }

    /// Whether the request leaves the headroom `engine.context_headroom` asks for in model `m`'s window and in its
    /// output and input limits.
    func withinHeadroom(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        withinHeadroom(requestFill(model: m, v))
    }

    /// The tokens model `m` writes for one answer, reasoning included, on its own count.
    func writtenTokens(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        v[AnswerID.avgOutputTokens.rawValue] * tokenScale(model: m, v) + reasoningTokens(model: m, v)
    }

    /// Whether model `m`'s request fits at all, and the share of its tightest limit it takes; with `reasoning`, for
    /// that many reasoning tokens instead of the answers' (`leavesRoom`).
    func requestFill(model m: Int, reasoning: Double? = nil, _ v: UnsafeBufferPointer<Double>) -> (holds: Bool, share: Double) {
        let scale = tokenScale(model: m, v)
        let input = v[AnswerID.avgInputTokens.rawValue] * scale + toolPromptTokens(model: m, v)
        let output = reasoning.map { v[AnswerID.avgOutputTokens.rawValue] * scale + $0 } ?? writtenTokens(model: m, v)
        let model = compiledModels[m]
        let batch = Self.isBatch(v)
        return (model.holds(input: input, output: output, batch: batch), model.fill(input: input, output: output, batch: batch).share)
    }

    /// The headroom rule on a request's fill: it fits, and takes at most `engine.context_headroom` of every limit.
    func withinHeadroom(_ fill: (holds: Bool, share: Double)) -> Bool {
        fill.holds && fill.share <= contextHeadroom
    }

    /// Why model `m`'s request is over the headroom, in words: the limit it comes closest to and the share it takes.
    /// `keepsThinking`: the work keeps its thinking (`thinkingKept`), so a fit with thinking off is no way in.
    func overHeadroom(model m: Int, input: Double, written: Double, reasoning: Double, batch: Bool,
                      keepsThinking: Bool = false) -> String {
        let model = compiledModels[m]
        let fill = model.fill(input: input, output: written, batch: batch)
        let headroom = "over the \(Format.figure(contextHeadroom * 100))% headroom"
        let limit = model.limitText(fill.limit, batch: batch)
        // A share just over the headroom is given to a tenth ("80.2%"), not rounded onto it ("80% ... over the 80%").
        let rounded = Format.figure(fill.share * 100)
        let share = rounded == Format.figure(contextHeadroom * 100) ? Format.figure(fill.share * 100, digits: 1) : rounded
        // The highest level below the one priced that fits, not the least (medium fitted where "thinking off" was said);
        // looked for only where it is said.
        let fits = reasoning > 0 && (keepsThinking || fill.limit == .output) ? model.reasoning.flatMap { r in
            r.levels.sorted(by: >).first { level in
                r.tokens[level.rank] < reasoning
                    && model.fill(input: input, output: written - reasoning + r.tokens[level.rank], batch: batch).share <= contextHeadroom
            }
        } : nil
        // Only thinking off would fit, and the work keeps its thinking (`reasoning` does not lower it to off for room).
        let onlyOff = keepsThinking && fits == Effort.none
            ? ", reasoning included (about \(Format.figure(reasoning)) of them; it would fit with its thinking off, but this work keeps its thinking)"
            : nil
        switch fill.limit {
        case .window:
            return "one request fills \(share)% of its \(limit)\(onlyOff ?? ""), \(headroom)"
        case .output:
            // The thinking is part of it, and where the least thinking the model accepts leaves room, that level is a
            // way in besides a shorter answer (78,000-token extractions fit Haiku 5.5 at low effort; only "a shorter
            // prompt or answer" was said).
            var thinking = reasoning > 0 ? ", reasoning included" : ""
            if let onlyOff {
                thinking = onlyOff
            } else if let fits, let r = model.reasoning {
                let at = fits == .none ? "with its thinking off"
                    : "at \(fits.rawValue) effort, about \(Format.figure(r.tokens[fits.rank])),"
                thinking = ", reasoning included (about \(Format.figure(reasoning)) of them; \(at) it would fit)"
            }
            return "one answer is \(Format.figure(written)) output tokens\(thinking), "
                + "\(share)% of its \(limit), \(headroom) (longer answers would be cut off)"
        case .input:
            return "one prompt is \(Format.figure(input)) tokens, \(share)% of its \(limit), \(headroom)"
        }
    }

    /// The share of a token class's price a request pays: 1 − the batch discount where the workload runs in batch
    /// and the discount covers the class, else 1. The cost line and the usage pricing's cache writes read this one rule.
    static func batchKept(_ tokenClass: TokenClass, _ set: PriceSet, _ v: UnsafeBufferPointer<Double>) -> Double {
        guard isBatch(v), let discount = set.batchDiscount,
              set.batchClasses.contains(tokenClass) else { return 1 }
        return 1 - discount
    }

    func costParts(model m: Int, _ v: UnsafeBufferPointer<Double>, explain: Bool) -> CostParts {
        pricedParts(model: m, v, explain: explain)
    }

    /// Model `m`'s month at its standard rates whatever the prompt's length: what the long-context band adds is the
    /// cost line's total less this (the `long_context_cliff` trap), for the same prompts, not for shorter ones.
    func standardBandMonthly(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        pricedParts(model: m, v, explain: false, standardBand: true).total
    }

    @inline(__always)
    private func pricedParts(model m: Int, _ v: UnsafeBufferPointer<Double>, explain: Bool,
                             standardBand: Bool = false) -> CostParts {
        let model = compiledModels[m]
        let requests = v[AnswerID.monthlyRequests.rawValue]
        let scale = tokenScale(model: m, v)
        let toolPrompt = toolPromptTokens(model: m, v)
        let statedIn = v[AnswerID.avgInputTokens.rawValue] * scale
        let inTokens = statedIn + toolPrompt
        let visibleOut = v[AnswerID.avgOutputTokens.rawValue] * scale
        let thinking = reasoning(model: m, v)
        let reasoningAsOutput = model.reasoning?.billedAs != .input
        // Reasoning billed as output is priced with the output; billed as input, with the fresh input.
        let outTokens = visibleOut + (reasoningAsOutput ? thinking.tokens : 0)
        let extraInput = reasoningAsOutput ? 0 : thinking.tokens
        let share = v[AnswerID.cachedInputShare.rawValue]
        let windowUse = (inTokens + visibleOut + thinking.tokens) / model.contextWindow
        var parts = CostParts(rates: CostRates(
            token_ratio: scale, token_ratio_published: model.ratioPublished
                && compiledModels[Int(v[AnswerID.tokensCountedWith.rawValue])].ratioPublished,
            input_tokens_per_request: inTokens, output_tokens_per_request: visibleOut,
            input_tokens: requests * inTokens, output_tokens: requests * outTokens,
            reasoning_effort: thinking.effort, reasoning_effort_lowered_from: thinking.loweredFrom,
            reasoning_tokens_per_request: thinking.tokens,
            reasoning_tokens_assumed: thinking.assumed, tool_prompt_tokens_per_request: toolPrompt > 0 ? toolPrompt : nil,
            window_use: windowUse, notes: []))
        // Once a request is found not to fit, only why is said: "caching would cost more than it saves" and a batch
        // discount beside "does not fit" explained a price nobody can pay.
        var unfit = false
        func note(_ text: @autoclosure () -> String) { if explain && !unfit { parts.rates.notes.append(text()) } }

        // The notes' own checks (the effort asked for, the answer against the budget, tool prompts) run only when
        // explaining: the decision prices every model many times per assessment and reads the total alone.
        if explain {
            if scale != 1 {
                let countedWith = Int(v[AnswerID.tokensCountedWith.rawValue])
                let counted = models[countedWith].title
                // A ratio against a tokenizer that publishes none rests on taking it to count as the reference does
                // ("Counts 1.3x the tokens GPT-6 Luna counts" read as a published fact).
                let assumed = compiledModels[countedWith].ratioPublished ? ""
                    : " (taken to count what \(models[Int(defaults[AnswerID.tokensCountedWith.rawValue])].title) counts: its page publishes no ratio)"
                note("Counts \(Format.figure(scale, digits: 2))x the tokens \(counted) counts for the same text\(assumed): "
                     + "\(Format.figure(statedIn)) in and \(Format.figure(visibleOut)) out per request.")
            }
            if toolPrompt > 0, let reference = toolPromptEstimatedFrom[m] {
                note("\(model.provider) adds its own tool-use system prompt to every request that carries tools; we have "
                     + "read no count for this model, so it is priced at \(reference)'s, \(toolPromptBasis(model: m)): "
                     + "\(Format.figure(toolPrompt)) tokens with tool_choice \(Self.toolChoiceWords(v)), billed as input: "
                     + "\(Format.figure(inTokens)) input tokens a request in all.")
            } else if toolPrompt > 0 {
                note("\(model.provider) adds its own tool-use system prompt to every request "
                     + "that carries tools: \(Format.figure(toolPrompt)) tokens with tool_choice \(Self.toolChoiceWords(v)) on this "
                     + "model, billed as input: \(Format.figure(inTokens)) input tokens a request in all.")
            } else if model.toolPromptUnpublished, Self.carriesTools(v) {
                note("\(model.provider) adds its own tool-use system prompt to requests "
                     + "with tools, and we have read no count for this model or another of its provider's: not priced, so the figure is low by that many input tokens a request.")
            }
            if let effort = thinking.effort {
                note(thinking.tokens == 0 ? "Reasoning off (effort \(effort.rawValue))."
                     : "Reasoning at \(effort.rawValue) effort: \(thinking.assumed ? "about " : "")\(Format.figure(thinking.tokens)) "
                       + "tokens a request, billed as \(reasoningAsOutput ? "output" : "input")"
                       + (thinking.assumed ? " (our assumption; see the model page)." : "."))
                // The default is off, and the work keeps its thinking: on, at the level a request that turns it on gets.
                let own = ownSetting(model: m, v)
                if effortAnswer(model: m, v) == Self.thinkingOnAnswer, thinking.loweredFrom == nil {
                    note("Its thinking is off unless a request turns it on, and this work keeps its thinking, so it is "
                         + "priced with thinking on, at \(effort.rawValue) effort, the level a request that turns it on runs "
                         + "at, as a team would run it for this work (see the reasoning-effort criterion).")
                }
                // "its default, high effort", or, where the default is off, the level thinking runs at once on.
                let defaultWords = { (level: Effort) in "\(own), \(level.rawValue) effort" }
                if let own = thinking.loweredFrom, let r = model.reasoning,
                   Int(v[AnswerID.reasoningEffort.rawValue]) == Self.defaultEffortAnswer, leastEffortByDefault(v) {
                    note("Cost comes first, so it is priced at its least thinking, as a team that puts cost first would run it; "
                         + "its default, \(own.rawValue) effort, writes about "
                         + "\(Format.figure(r.tokens[own.rank])) reasoning tokens a request. Check the quality at that setting on your own samples.")
                } else if let own = thinking.loweredFrom, let r = model.reasoning, let answer = answerOutlastsBudget(model: m, v) {
                    // The answer alone outlasts the budget at the typical speed: no thinking setting is the reason, and
                    // blaming the 1,200 reasoning tokens (12 s) of 60,000-token answers (804 s) in 600 s misled.
                    let took = "I" + answer.words.dropFirst() + ", over \(Self.need(v)) whatever it thinks first; "
                    let priced: String = effort == .none ? "priced at effort none, thinking off" : "priced at its least, \(effort.rawValue) effort"
                    let defaultSaid = " (\(defaultWords(own)), writes about \(Format.figure(r.tokens[own.rank])) "
                        + "reasoning tokens first). Shorter answers, or a faster host, are what would meet the budget."
                    note(took + priced + defaultSaid)
                } else if let own = thinking.loweredFrom, let r = model.reasoning, loweredForRoom(model: m, from: own, v) {
                    // In time at its default: lowered for room (`reasoning`), which the answer's own length decides.
                    let over = overHeadroom(model: m, input: inTokens, written: visibleOut + r.tokens[own.rank],
                                            reasoning: r.tokens[own.rank], batch: Self.isBatch(v))
                    let priced = effort == .none ? "effort none, thinking off" : "\(effort.rawValue) effort"
                    note("At \(defaultWords(own)), \(over); priced at \(priced), the most thinking that leaves "
                         + "room, as a team would run it. Check the quality at that setting on your own samples.")
                } else if let own = thinking.loweredFrom, let r = model.reasoning {
                    // The least level may still weigh on the latency (Sonnet 5.5 cannot stop thinking): not said to fit.
                    let stillSlow = !leavesTimeToAnswer(model: m, reasoning: thinking.tokens, v)
                    note("I" + defaultWords(own).dropFirst() + ", writes about \(Format.figure(r.tokens[own.rank])) reasoning tokens "
                         + "before the first word of an answer, too long for \(Self.need(v)); priced at "
                         + (effort == .none ? "effort none, thinking off, as a team would run it."
                            : stillSlow ? "its least, \(effort.rawValue) effort, which is still too long: "
                                + Self.thinkingTime(tokens: thinking.tokens, speed: typicalOutput) + "."
                            : "\(effort.rawValue) effort, as a team would run it.")
                         + " Check the quality at that setting on your own samples.")
                }
                // A level the team asked for that the model does not have is priced at the one its API maps it to:
                // "medium" on DeepSeek V4 Flash (none or high) was priced at high without a word.
                let asked = AnswerID.reasoningEffort.choices[Int(v[AnswerID.reasoningEffort.rawValue])]
                if thinking.loweredFrom == nil, let wanted = Effort(rawValue: asked), wanted != effort,
                   let r = model.reasoning, !r.levels.contains(wanted), !thinkingOffForTools(model: m, v) {
                    note("It has no \(wanted.rawValue) effort (its levels: \(r.levels.sorted().map(\.rawValue).joined(separator: ", "))): "
                         + (r.runsAs[wanted] == effort ? "its provider runs a requested \(wanted.rawValue) at \(effort.rawValue), and it is priced so."
                            : "priced at \(effort.rawValue), the nearest level it accepts."))
                }
                if thinkingOffForTools(model: m, v), let r = model.reasoning,
                   r.byAnswer[Int(v[AnswerID.reasoningEffort.rawValue])].effort != .none {
                    note("Thinking off: it takes a forced tool call only without thinking, so it is priced without it. "
                         + "Check the quality at that setting on your own samples.")
                }
            } else if !model.reasoningKnown && !model.selfHosted {
                note("Its page does not say whether it reasons: no reasoning tokens counted.")
            }
            if refusesTools(model: m, v) {
                note("Returns an error on a forced tool call, which this workload makes (tool choice: forced): it "
                     + "cannot take the work as asked, and its figure is for comparison only.")
            }
        }
        let batchAPI = Self.isBatch(v)
        parts.fits = model.holds(input: inTokens, output: visibleOut + thinking.tokens, batch: batchAPI)
        parts.withinHeadroom = parts.fits
            && model.fill(input: inTokens, output: visibleOut + thinking.tokens, batch: batchAPI).share <= contextHeadroom
        if parts.fits, batchAPI, let (limit, batchLimit) = model.batchOutputLimitNeeded(written: visibleOut + thinking.tokens,
                                                                                      headroom: contextHeadroom) {
            // Held (with room) only by the batch API's higher limit, which needs the provider's beta header (its page
            // names it, and where it is accepted): 118,200-token answers fill 92 % of Haiku 5.5's 128,000, so without
            // the header they are cut off, though under the limit on average.
            let written = visibleOut + thinking.tokens
            let over = written > limit ? "are over its \(Format.figure(limit))-token output limit"
                : "fill \(Format.percent(written / limit)) of its \(Format.figure(limit))-token output limit, more than the "
                    + "\(Format.percent(contextHeadroom)) we leave for longer answers"
            note("Answers of \(Format.figure(written)) tokens\(thinking.tokens > 0 ? ", reasoning included," : "") "
                 + "\(over): only its batch API takes them with room, up to \(Format.figure(batchLimit)) tokens with the beta "
                 + "header its page names, on the platforms that accept it. Without the header they are cut off.")
        }
        if parts.fits, let segment = model.outputSegment, visibleOut + thinking.tokens > segment {
            // An answer in several parts: the client must follow them (Gemini 4 Hydrogen's 820,000-token answers come
            // in 13 segments of 65,536, and nothing said so).
            let written = visibleOut + thinking.tokens
            note("Answers of \(Format.figure(written)) tokens\(thinking.tokens > 0 ? ", reasoning included," : "") come in "
                 + "\(Format.count((written / segment).rounded(.up))) segments: one response stops at \(Format.figure(segment)) tokens "
                 + "and the answer goes on through a continuation its page describes, which the client must follow.")
        }
        if !parts.fits {
            // Only the limits the request breaks: "28,000 tokens against a 128,000-token window" read as a fit.
            // Words only when explained: the decision prices every model many times per assessment.
            if explain {
                let written = visibleOut + thinking.tokens
                var broken: [String] = []
                if inTokens + written > model.contextWindow {
                    broken.append("\(Format.figure(inTokens + written)) tokens per request against a \(Format.figure(model.contextWindow))-token window")
                }
                if let limit = model.outputLimit(batch: batchAPI), written > limit {
                    broken.append("\(Format.figure(written)) output tokens a request\(thinking.tokens > 0 ? ", reasoning included," : "") against \(Format.figure(limit)) at most")
                }
                if let limit = model.maxInput, inTokens > limit {
                    broken.append("a \(Format.figure(inTokens))-token prompt against \(Format.figure(limit)) at most")
                }
                note("Does not fit: " + broken.joined(separator: "; ") + ".")
                unfit = true
            }
        } else if !parts.withinHeadroom, explain {
            let why = overHeadroom(model: m, input: inTokens, written: visibleOut + thinking.tokens, reasoning: thinking.tokens,
                                   batch: batchAPI, keepsThinking: keepsThinkingForRoom(model: m, v))
            note(why.prefix(1).uppercased() + why.dropFirst() + ": not recommended.")
        }

        if let s = model.selfHosting {
            let tokens = requests * (inTokens + outTokens)
            let needed = tokens / s.tokensPerSecond / 3600
            let hours: Double
            // Work that can wait a day fills the GPUs evenly; answers due within a budget follow the peak.
            if Knowledge.isBatch(v) {
                hours = Swift.max(s.minGPUs * CostAssumptions.hoursPerMonth, needed)
            } else {
                // A GPU fleet sized for the average drops the peak's requests: 20M classifications at 10x peak were
                // priced on 1.5 GPUs' hours where the busiest minute needs 16. The small tolerance keeps an exact
                // fit (2.0000000001 GPUs) at 2.
                let atPeak = (needed / CostAssumptions.hoursPerMonth * v[AnswerID.peakToAverage.rawValue] - 1e-9).rounded(.up)
                hours = Swift.max(s.minGPUs, atPeak) * CostAssumptions.hoursPerMonth
                if atPeak > s.minGPUs {
                    note("Sized for the busiest minute: \(Format.figure(atPeak)) GPUs always on at \(Format.figure(s.tokensPerSecond)) "
                         + "tokens a second each, where the month's average needs \(Format.figure(needed / CostAssumptions.hoursPerMonth, digits: 2)).")
                }
            }
            let developer = v[AnswerID.developerHourlyUSD.rawValue]
            parts.gpu = hours * s.gpuHourUSD
            parts.ops = s.opsHours * developer
            parts.rates.gpu_hour_usd = s.gpuHourUSD
            parts.rates.tokens_per_second = s.tokensPerSecond
            parts.rates.min_gpus = s.minGPUs
            parts.rates.gpu_hours = hours
            parts.rates.ops_hours_per_month = s.opsHours
            parts.rates.developer_hourly_usd = developer
            return parts
        }
        guard let priceSet = model.prices(on: Int(v[AnswerID.asOf.rawValue])) else { return parts }
        let base = priceSet.rates

        // Caching possible at all? nil while it is still a candidate, settled below once its cost is known.
        let prefix = Self.cacheablePrefix(prompt: statedIn, toolPrompt: toolPrompt, share: share)
        let heldToMinimum = Self.cacheablePrefix(prompt: statedIn, toolPrompt: countedToolPrompt(model: m, toolPrompt), share: share)
        var cacheStatus = Self.cacheBar(prefix: heldToMinimum, prices: priceSet)
        if cacheStatus == .below_minimum {
            note("The cacheable prefix of \(Format.figure(heldToMinimum)) tokens"
                 + (heldToMinimum < prefix ? " (not counting the tool-use system prompt we estimate)" : "")
                 + " is below the \(Format.figure(priceSet.cacheMinTokens))-token minimum: it is billed as input.")
        }

        // Peak-hour pricing: traffic spread evenly over the week pays the blend of its hours; batch work can wait
        // for off-peak hours and pays the off-peak rates the page lists (not answers due within a budget: 600 s
        // answers were priced off-peak).
        var blend = 1.0
        if let peak = priceSet.peak, peak.multiplier > 1 {
            if Self.isBatch(v) {
                note("Batch work scheduled outside the provider's peak hours pays the off-peak rates; in them it pays "
                     + "\(Format.figure(peak.multiplier, digits: 2))x.")
            } else {
                blend = 1 + (peak.multiplier - 1) * peak.share
                note("Priced for traffic spread evenly over the week: \(Format.figure(peak.share * 168)) of its 168 hours are "
                     + "the provider's peak, at \(Format.figure(peak.multiplier, digits: 2))x the off-peak rate, so "
                     + "\(Format.figure(blend, digits: 2))x on average; traffic in those hours pays the full "
                     + "\(Format.figure(peak.multiplier, digits: 2))x.")
            }
        }

        // Price band.
        var r = base.scaled(by: blend)
        var overflow = 0.0
        parts.rates.band = .standard
        if let long = priceSet.longContext {
            let cachedClassesCount = cacheStatus == nil
                ? (long.counts.contains(.cache_read) || long.counts.contains(.cache_write))
                : long.counts.contains(.input)
            let counted = (long.counts.contains(.input) ? inTokens - prefix : 0) + (cachedClassesCount ? prefix : 0)
            parts.rates.long_context_threshold = long.threshold
            parts.rates.long_context_counted = counted
            if counted > long.threshold, !standardBand {
                parts.rates.band = .long_context
                if long.wholeRequest {
                    r = long.rates.scaled(by: blend)
                    note("A prompt of \(Format.figure(counted)) tokens is above the \(Format.figure(long.threshold))-token "
                         + "threshold: the whole request is billed at the long-context rates.")
                } else {
                    overflow = counted - long.threshold
                    note("\(Format.figure(overflow)) prompt tokens above the \(Format.figure(long.threshold))-token threshold "
                         + "are billed at the long-context input rate.")
                }
            }
        }

        parts.output = requests * outTokens * r.output / 1e6
        parts.rates.input_per_mtok = r.input
        parts.rates.output_per_mtok = r.output
        parts.rates.cache_read_per_mtok = r.cacheRead
        parts.rates.cache_min_tokens = priceSet.cacheMinTokens > 0 ? priceSet.cacheMinTokens : nil
        let fresh = inTokens - prefix + extraInput
        parts.input = requests * fresh * r.input / 1e6
        if overflow > 0, let long = priceSet.longContext {
            parts.input += requests * overflow * (long.rates.input * blend - r.input) / 1e6
        }

        // The batch discount, per token class, when the workload runs in batch.
        let batch = Self.isBatch(v) ? priceSet.batchDiscount : nil
        func keep(_ tokenClass: TokenClass) -> Double { Self.batchKept(tokenClass, priceSet, v) }
        parts.input *= keep(.input)
        parts.output *= keep(.output)

        var prefixAsInput = requests * prefix * r.input / 1e6 * keep(.input)
        if cacheStatus == nil, let read = r.cacheRead {
            // The cheapest way to hold the prefix, after any batch discount: 5-minute cache, 1-hour cache, or none.
            func cost(writes: Double, write: Double) -> Double {
                (writes * write * keep(.cache_write) + (requests - writes) * read * keep(.cache_read)) * prefix / 1e6
            }
            let standard = priceSet.cacheTTL
            let writesStandard = CostAssumptions.cacheWrites(requests: requests, lifetimeMinutes: standard.minutes)
            var best = (cost: prefixAsInput, ttl: CacheTTL?.none, writes: 0.0, write: 0.0)
            // A batch can run for longer than five minutes, so a 5-minute entry may lapse between its requests;
            // where the hour is sold, the provider's batch guide advises it, and only it is priced.
            let batchNeedsHour = batch != nil && r.cacheWrite1h != nil
            let costStandard = cost(writes: writesStandard, write: r.cacheWrite)
            if costStandard < best.cost && !batchNeedsHour { best = (costStandard, standard, writesStandard, r.cacheWrite) }
            if let write1h = r.cacheWrite1h {
                let w1 = CostAssumptions.cacheWrites(requests: requests, lifetimeMinutes: CacheTTL.oneHour.minutes)
                let cost1 = cost(writes: w1, write: write1h)
                if cost1 < best.cost { best = (cost1, .oneHour, w1, write1h) }
            }
            if let ttl = best.ttl {
                cacheStatus = .used
                parts.cache = best.cost
                prefixAsInput = 0
                parts.rates.cache_ttl = ttl
                parts.rates.cache_write_per_mtok = best.write
                parts.rates.cache_writes_per_month = best.writes
                // The requests that find the entry: sparse ones mostly find it lapsed (60 a month write it about 60
                // times, where "every other request reads it" said the opposite). Inside the note, which is written
                // only when the line is explained: the decisions price every model many times.
                let reads = Swift.max(0, requests - best.writes)
                note("Prefix of \(Format.figure(prefix)) tokens cached with the \(ttl.spoken) "
                     + "cache: about \(Format.counted(Format.figure(best.writes), "write", "writes")) a month at your request rate; "
                     + (reads < 1 ? "almost every request comes after it has lapsed and writes it again"
                        : "the other \(Format.counted(Format.figure(reads), "request reads", "requests read")) it") + "."
                     + (batchNeedsHour ? " Batches can run longer than five minutes, so the hour is priced, as the batch guide advises." : ""))
            } else {
                cacheStatus = .not_worth_it
                // A provider that caches by default bills its writes unless the request turns that off.
                // Through a batch discount that covers input but not cache reads, a read can cost what input does:
                // then it is the price, not the volume, that leaves caching nothing to save (gpt-oss on Groq in batch).
                let noSaving = batch != nil && read * keep(.cache_read) >= r.input * keep(.input)
                note((noSaving ? "In batch, \(Format.rate(r.input * keep(.input))) a million input tokens is no more than a cache read "
                      + "(\(Format.rate(read * keep(.cache_read)))), so caching saves nothing: the prefix is billed as input."
                      : "Caching would cost more than it saves at this volume: the prefix is billed as input.")
                     + (priceSet.cachesByDefault && r.cacheWrite > r.input
                        ? " \(model.provider) caches long prefixes by default and bills each write above the input price: "
                            + "turn its automatic caching off, or the bill is higher than this line." : ""))
            }
        }
        parts.input += prefixAsInput
        // A band without a cache-read rate leaves the candidate unsettled: no cache is offered at that band.
        parts.rates.caching = cacheStatus ?? .not_offered

        if let batch {
            parts.rates.batch_discount = batch
            parts.rates.batch_applies_to = priceSet.batchClassList
            note("Batch API: \(Format.figure(batch * 100))% off "
                 + (parts.rates.batch_applies_to!.count == 4 ? "every token class." :
                    parts.rates.batch_applies_to!.map(\.rawValue).joined(separator: ", ") + "."))
        }
        return parts
    }

    static let batchLatency = Double(AnswerID.latency.choices.firstIndex(of: "batch")!)

    /// Whether the work goes through the batch API (latency `batch`): its discount and its output limit apply. Not
    /// with a time for each answer (`latency_budget_s`): a batch API answers within a day, so offline work with a
    /// budget runs on the standard API at its rates (2 s extractions were priced at the batch discount, then judged
    /// against the 2 s).
    static func isBatch(_ v: UnsafeBufferPointer<Double>) -> Bool {
        v[AnswerID.latency.rawValue] == batchLatency && v[AnswerID.latencyBudgetSeconds.rawValue] <= 0
    }
    /// `isBatch` of a set of answers, for the usage import's notes on what the verdict prices.
    public static func isBatch(_ answers: Answers) -> Bool { answers.values.withUnsafeBufferPointer { isBatch($0) } }
    static let realtimeLatency = Double(AnswerID.latency.choices.firstIndex(of: "realtime")!)
    static let interactiveLatency = Double(AnswerID.latency.choices.firstIndex(of: "interactive")!)
    static let firstTimeRight = Double(AnswerID.accuracy.choices.firstIndex(of: "first_time_right")!)

    /// The model's lifecycle on the as-of day of the answers.
    func status(model m: Int, _ v: UnsafeBufferPointer<Double>) -> ModelStatus {
        status(model: m, on: Int(v[AnswerID.asOf.rawValue]))
    }

    func status(model m: Int, on day: Int) -> ModelStatus {
        let model = compiledModels[m]
        let (state, since) = model.lifecycle(on: day)
        let target = migrationTarget(model: m, on: day)
        let replacement = self.replacement(of: m, on: day)
        return ModelStatus(state: state, since: CivilDate.text(since), retires: model.retiresDay.map(CivilDate.text),
                           replacement: replacement.map { models[$0].slug },
                           successor: target != replacement ? target.map { models[$0].slug } : nil)
    }

    /// The replacement model `m`'s page names, once it is released: a past day's verdict does not name a successor
    /// that did not exist yet (Claude Sonnet 4.5, legacy on 2026-06-01, was not then "succeeded by" Sonnet 5.5).
    func replacement(of m: Int, on day: Int) -> Int? {
        compiledModels[m].replacement.flatMap { compiledModels[$0].lifecycle(on: day).state == .unreleased ? nil : $0 }
    }

    /// The model to move to from model `m` on a day: its replacement, followed while that one is itself no longer
    /// active (Claude 3.5 Haiku → Claude Haiku 4.5, legacy → Claude Haiku 5.5); nil when the page names none.
    func migrationTarget(model m: Int, on day: Int) -> Int? {
        var seen: Set<Int> = [m]
        var current = replacement(of: m, on: day)
        while let next = current, compiledModels[next].lifecycle(on: day).state != .active,
              let further = replacement(of: next, on: day), !seen.contains(further) {
            seen.insert(next)
            current = further
        }
        return current
    }

    /// `migrationTarget(model:on:)` by slug.
    public func migrationTarget(of slug: String, on day: Int) -> String? {
        modelIndex[slug].flatMap { migrationTarget(model: $0, on: day) }.map { models[$0].slug }
    }

    /// The model's documented latency against the budget, or nil when the workload states none.
    func latencyCheck(model m: Int, _ v: UnsafeBufferPointer<Double>) -> LatencyCheck? {
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        guard budget > 0 else { return nil }
        guard let figure = compiledModels[m].latencyForBudget else {
            return LatencyCheck(verdict: .unknown, percentile: nil, ms: nil, budget_ms: budget * 1000)
        }
        let ms = figure.ms_high ?? figure.ms
        return LatencyCheck(verdict: ms <= budget * 1000 ? .meets : .misses, percentile: figure.percentile.rawValue,
                            ms: ms, budget_ms: budget * 1000)
    }

    /// The cost line's latency: where the model's least thinking and answer outlast the budget at the fastest output
    /// reported for it (`outlastsBudget`), that floor, as `misses` with percentile `floor`, whatever a page documents;
    /// else the documented figure (`latencyCheck`). A 1,200-token classification due in 2 s showed Haiku 4.5 as
    /// "meets" from a short completion's p95, with a floor of 3.15 s.
    func lineLatency(model m: Int, _ v: UnsafeBufferPointer<Double>) -> LatencyCheck? {
        guard let check = latencyCheck(model: m, v) else { return nil }
        guard outlastsBudget(model: m, v) else { return check }
        return LatencyCheck(verdict: .misses, percentile: "floor", ms: (leastSeconds(model: m, v) * 1000).rounded(.up),
                            budget_ms: check.budget_ms)
    }

    /// The cost line of model `m`, rounded for display.
    func costLine(model m: Int, _ v: UnsafeBufferPointer<Double>) -> CostLine { pricedLine(model: m, v).line }

    /// The cost line and its unrounded total (what decisions compare; the line carries it rounded).
    func pricedLine(model m: Int, _ v: UnsafeBufferPointer<Double>) -> (line: CostLine, total: Double) {
        var p = costParts(model: m, v, explain: true)
        func r(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
        // New prices the page announces after the as-of day: the same month at them, priced once here for the line,
        // its note and the recommended model's `price_change` warning.
        var next: NextPrices? = nil
        if let change = compiledModels[m].priceChangeDay(after: Int(v[AnswerID.asOf.rawValue])), p.total > 0 {
            let month = monthlyCost(model: m, v, on: change)
            let announced = NextPrices(since: CivilDate.text(change), monthly_usd: r(month))
            p.rates.notes.append(CostLine.nextPricesNote(announced))
            next = announced
        }
        // A peak its published tiers cannot carry, said on the line as a window outgrown is: the cheapest line of a
        // billion requests a month (Cohere Command R7B, 500 requests a minute at most) otherwise reads as a choice.
        let capacity = capacity(model: m, v, parts: p)
        if let why = capacity?.beyondTiersReason { p.rates.notes.append(why.prefix(1).uppercased() + why.dropFirst() + ".") }
        let entry = models[m]
        return (CostLine(model: entry.slug, title: entry.title, monthly_usd: r(p.total),
                        input_usd: r(p.input), output_usd: r(p.output), cache_usd: r(p.cache),
                        gpu_usd: r(p.gpu), ops_usd: r(p.ops), hosting: entry.spec.hosting,
                        url: "/models/\(entry.slug)", fits: p.fits, within_headroom: p.withinHeadroom,
                        status: status(model: m, v),
                        latency: lineLatency(model: m, v),
                        prices_checked: compiledModels[m].pricesCheckedDay.map(CivilDate.text), rates: p.rates,
                        capacity: capacity, next_prices: next,
                        rejects_forced_tool_calls: refusesTools(model: m, v) ? true : nil), p.total)
    }
}

extension Knowledge {
    /// Today's day number, as the `as_of` default sees it.
    public var today: Int { clock() }

    /// A model's lifecycle on a day (nil for an unknown slug).
    public func status(of slug: String, on day: Int) -> ModelStatus? {
        modelIndex[slug].map { status(model: $0, on: day) }
    }

    /// Whether the model answers requests on `day`: released and not retired (false for an unknown slug).
    public func isServed(_ slug: String, on day: Int) -> Bool {
        modelIndex[slug].map { compiledModels[$0].isServed(on: day) } ?? false
    }

    /// A model's lifecycle dates as day numbers, checked when the content was loaded (CompiledModel).
    public func lifecycleDays(of slug: String) -> LifecycleDays? {
        modelIndex[slug].map { m in
            let model = compiledModels[m]
            return LifecycleDays(released: model.releasedDay, legacy: model.legacyDay, deprecated: model.deprecatedDay,
                                 retires: model.retiresDay, replacement: model.replacement.map { models[$0].slug })
        }
    }

    /// The largest context window of a model served on `day`, and the model's title: no request longer than this can
    /// be sent anywhere (nil when no model is served that day).
    public func largestWindow(on day: Int) -> (title: String, tokens: Double)? {
        compiledModels.indices.filter { compiledModels[$0].isServed(on: day) }
            .max { compiledModels[$0].contextWindow < compiledModels[$1].contextWindow }
            .map { (models[$0].title, compiledModels[$0].contextWindow) }
    }

    /// The oldest date on which the model's price figures were checked.
    public func pricesChecked(of slug: String) -> String? {
        modelIndex[slug].flatMap { compiledModels[$0].pricesCheckedDay }.map(CivilDate.text)
    }
}
