// The decision on one screen: what is recommended and what it costs, the runner-up and why it lost, the combined
// cost of a tiered verdict, the biggest risk, the top lever and the cost traps in the figures compared.
//
// `recommended` is the one place that says which model the verdict recommends: the result page's chart and table
// and the exports mark that model, and no other.

/// The runner-up: the cheapest other model that fits the task at least as well as the primary (so a cheaper
/// equal is never hidden), else the first alternative. JSON: `model`, `monthly_usd`, `difference_usd` (runner-up
/// minus primary; for a tiered verdict, minus the plan with its escalations, `DecisionSummary.combined`), `reason`,
/// `url`.
public struct RunnerUp: Sendable, Encodable, Equatable {
    public let model: String
    public let monthly_usd: Double
    public let difference_usd: Double
    /// Why it is not the primary, in one clause.
    public let reason: String
    /// The page that explains the reason.
    public let url: String
}

/// A model cheaper than the recommended one that fits the task at least as well and that the verdict could not
/// use, with why (its rate limits, a retirement date, the latency budget, self-hosting). JSON: `model`,
/// `monthly_usd`, `reason`, `url` (the model's page).
public struct PassedOver: Sendable, Encodable, Equatable {
    public let model: String
    public let monthly_usd: Double
    /// Why it cannot be the primary, in one clause.
    public let reason: String
    public let url: String
}

/// A tiered verdict's bill: every request on the Haiku, the complex share again on the escalation model.
public struct CombinedCost: Sendable, Encodable, Equatable {
    public let escalation_model: String
    public let complex_share: Double
    public let monthly_usd: Double
    /// The effort the escalated requests are priced at when it is not the one the escalation model's cost line shows:
    /// its default (or the most thinking below it that leaves time and room), where cost first prices the rest at the
    /// least thinking (`Knowledge.escalatedMonthly`).
    public let escalated_effort: Effort?
}

/// JSON `decision`: `recommended`, `monthly_usd`, `combined`, `runner_up`, `haiku`, `passed_over`, `top_risk`,
/// `top_lever`, `traps`, `requirement_missed`.
public struct DecisionSummary: Sendable, Encodable, Equatable {
    /// The model the verdict recommends (the primary model).
    public let recommended: String
    public let monthly_usd: Double
    public let combined: CombinedCost?
    public let runner_up: RunnerUp?
    /// The day's Haiku against the verdict, where it is neither recommended nor the runner-up: what it would cost and
    /// why it lost, as the runner-up's line says it (a cost-first verdict for Command R7B never named Haiku 5.5's
    /// $136.50 on the first screen of a tool about Haiku). Nil otherwise.
    public let haiku: RunnerUp?
    /// Cheaper models of at least the recommended one's fit that could not be used, cheapest first, then cheaper
    /// models that fit the task less well (at most `passedOverShown` in all): without them a cost table topped by a
    /// cheaper model is a question left open.
    public let passed_over: [PassedOver]
    /// The most severe warning (the first of the most severe).
    public let top_risk: Warning?
    public let top_lever: Lever?
    /// Traps in the figures of the recommended model and the runner-up, each said once.
    public let traps: [Trap]
    /// Where the recommended model, as priced, does not meet the latency budget the team stated (`top_risk` is that
    /// warning): the sentence the verdict's heading carries, so that a green "Run it on Haiku" does not read as a
    /// workload met. Nil otherwise.
    public let requirement_missed: String?

    enum CodingKeys: String, CodingKey {
        case recommended, monthly_usd, combined, runner_up, haiku, passed_over, top_risk, top_lever, traps, requirement_missed
    }

    /// Below a dollar, the decimals that the recommended month, the runner-up's, the Haiku's and their differences
    /// are written with, one for all so that they add up ("$0.01 a month" beside "$0.0034, $0.0036 less" was $0.007,
    /// and a Haiku line at "$0.01" sat beside a "$0.0024" recommendation); nil above a dollar or for a plan.
    public var tinyDigits: Int? {
        guard combined == nil else { return nil }
        return [runner_up, haiku].compactMap { r in
            r.flatMap { Swift.max($0.monthly_usd, monthly_usd) < 1 ? Format.changeDigits(before: monthly_usd, after: $0.monthly_usd) : nil }
        }.max()
    }

    /// The gap between a line set against the verdict and the recommended month, as the box says it: below a dollar
    /// (`tinyDigits`) the difference of the two amounts as written, so that the three add up; else the line's own.
    public func shownGap(_ line: RunnerUp) -> Double {
        tinyDigits == nil ? abs(line.difference_usd) : abs(line.monthly_usd - monthly_usd)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(recommended, forKey: .recommended)
        try c.encode(monthly_usd, forKey: .monthly_usd)
        try c.encode(combined, forKey: .combined)
        try c.encode(runner_up, forKey: .runner_up)
        try c.encode(haiku, forKey: .haiku)
        try c.encode(passed_over, forKey: .passed_over)
        try c.encode(top_risk, forKey: .top_risk)
        try c.encode(top_lever, forKey: .top_lever)
        try c.encode(traps, forKey: .traps)
        try c.encode(requirement_missed, forKey: .requirement_missed)
    }
}

extension Engine {
    /// - Parameter late: per model, whether it misses the latency budget at every setting (`missesBudgetAtEverySetting`).
    /// - Parameter escalated: how the escalation model prices the escalated share (`Knowledge.escalatedPricing`).
    /// - Parameter runner: the runner-up (`runnerUp`), worked out before the warnings, which name its prices' age.
    /// - Parameter plan: the tiered verdict's month with its escalations (`planMonthly`), nil for any other.
    func summary(_ d: Decision, answers: Answers, runner: (model: Int, summary: RunnerUp)?, costs: [CostLine],
                 monthly: [Double], plan: Double?, escalated: EscalatedPricing?,
                 warnings: [Warning], levers: [Lever], missedRequirement: String? = nil, likelyMissed: String? = nil,
                 escalationMissed: (failureMode: String, model: String)? = nil,
                 usagePrices: UsagePrices? = nil, alternatives: [Int] = []) -> DecisionSummary {
        let k = knowledge
        let primary = d.primary
        let line: (Int) -> CostLine? = { m in costs.first { $0.model == k.models[m].slug } }
        var combined: CombinedCost? = nil
        if let plan, let escalation = d.escalation {
            combined = CombinedCost(escalation_model: k.models[escalation].slug,
                                    complex_share: answers.values[AnswerID.complexShare.rawValue],
                                    monthly_usd: Format.rounded(plan), escalated_effort: escalated?.effort)
        }
        var traps: [Trap] = []
        // The primary's and the runner-up's traps; and the Haiku's when it lost on its own price line, since its
        // trap (a price cliff, most often) is the reason and its trim the way back.
        var priced = [primary] + (runner.map { [$0.model] } ?? [])
        if let h = haikuLostOnItsLine(d), !priced.contains(h) { priced.append(h) }
        for m in priced {
            let cliff = usagePrices.map { (share: $0.facts[m].long_context_share, amount: $0.longContextExtra[m]) }
            if let l = line(m) { traps += self.traps(model: m, line: l, answers: answers, usageCliff: cliff) }
        }
        let severities: [Severity] = [.high, .medium, .low]
        // When no model can take the workload, that is the risk, whatever its failure mode's severity; so is a
        // workload with no requests, whose every figure is $0 (the first warning says so).
        // Next, a requirement the team stated that the primary is documented to miss (a latency budget): the
        // warning about it (`missedRequirement`, its failure mode), whatever the severity of that failure mode.
        func primaryWarning(_ slug: String?) -> Warning? {
            slug.flatMap { slug in warnings.first { $0.failure_mode == slug && $0.model == k.models[primary].slug } }
        }
        let stated = primaryWarning(missedRequirement)
        // Then one it is likely to miss (`likelyMissed`: its answers outlast the budget by half again at the median
        // speed of output): a stated requirement that probably fails comes before the risks that may (an outage, a
        // spend cap). It is no documented miss, so `requirement_missed` stays for those.
        // So is the stated budget that a tiered plan's escalated requests miss, waiting for both models.
        let likely = primaryWarning(likelyMissed)
            ?? escalationMissed.flatMap { e in warnings.first { $0.failure_mode == e.failureMode && $0.model == e.model } }
        // Then by severity; within one, a risk the team's own answers raise for the recommended model (strict
        // accuracy, no review; its capacity) before one that holds only on a default we assumed (no fallback), and
        // that before a note about another model (a Haiku ruled out is a reason, not this workload's risk).
        let slug = k.models[primary].slug
        func rank(_ w: Warning) -> Int { w.stated ? 0 : w.model == nil || w.model == slug ? 1 : 2 }
        let noneTakesIt = d.basis == .nothing_fits || d.basis == .nothing_usable
        let risk = noneTakesIt || !Self.hasVolume(answers.values) ? warnings.first
            : stated ?? likely ?? severities.lazy.compactMap { s in
                warnings.filter { $0.severity == s }.min { rank($0) < rank($1) } }.first
        // The Haiku the verdict was about, where the first screen would not otherwise name it.
        let dayHaiku = answers.values.withUnsafeBufferPointer { k.dayHaiku($0) }
        let haikuLine = Self.hasVolume(answers.values) && !noneTakesIt && !k.compiledModels[primary].isHaikuFamily
            && runner?.model != dayHaiku && line(dayHaiku) != nil
            ? lostLine(dayHaiku, d, answers: answers, monthly: monthly, costs: costs, plan: plan) : nil
        return DecisionSummary(recommended: k.models[primary].slug, monthly_usd: Format.rounded(monthly[primary]),
                               combined: combined, runner_up: runner?.summary, haiku: haikuLine,
                               passed_over: passedOver(d, answers: answers, monthly: monthly, fits: { line($0)?.fits ?? false },
                                                       offered: Set(alternatives + [runner?.model, d.haiku].compactMap { $0 }),
                                                       plan: plan),
                               top_risk: risk, top_lever: levers.first,
                               traps: traps,
                               requirement_missed: stated != nil && risk == stated ? Self.missedBudget(k.models[primary].title, answers) : nil)
    }

    /// How many passed-over models the decision names.
    static let passedOverShown = 3

    /// `requirement_missed`'s sentence: the stated requirements a recommended model can miss are the latency budget's.
    static func missedBudget(_ model: String, _ answers: Answers) -> String {
        let budget = AnswerValue.number(answers.values[AnswerID.latencyBudgetSeconds.rawValue]).text
        return "As priced, \(model) does not answer within your \(budget) s latency budget; its latency warning says why, and what would."
    }

    /// Cheaper models the verdict could not use though they fit the task at least as well as the primary (the
    /// runner-up's test of "as well"; under cost first, as well as its floor asks), each with why. A billion batch
    /// classifications, cost first: GPT-6 Luna at $15,500 a month under a cost table topped by Cohere Command R7B at
    /// $11,550, with no word that R7B's published limits (500 requests a minute) cannot carry the peak of 68,493.
    /// Left out: models the table already shows as unavailable (retired, not released, a request that does not
    /// fit), Haikus a hard limit ruled out (the reasons say so), and a model whose reason the engine cannot put in
    /// words.
    /// - Parameter fits: whether model `m`'s cost line holds the requests (every one of an imported distribution's;
    ///   the table greys the others, so they are not passed over: a 128K window under 390K-token prompts was named
    ///   "deprecated" from the average request's fit).
    /// - Parameter offered: the alternatives and the runner-up, which are not passed over though they fit less well.
    /// - Parameter plan: a tiered verdict's month with its escalations: a model below another task type's floor is
    ///   passed over where it costs less than the plan, not only less than the Haiku's share (GPT-6 Luna at $240
    ///   beside a $507 plan was in no line).
    private func passedOver(_ d: Decision, answers: Answers, monthly: [Double], fits: (Int) -> Bool,
                            offered: Set<Int> = [], plan: Double? = nil) -> [PassedOver] {
        guard Self.hasVolume(answers.values), d.basis != .nothing_fits, d.basis != .nothing_usable else { return [] }
        let k = knowledge
        let primary = d.primary
        let task = Int(answers.values[AnswerID.taskType.rawValue])
        // Cost first takes the cheapest model of its floor's fit, so a cheaper one of that fit was passed over even
        // when the pick happens to fit better (a 'good' R7B under a 'strong' GPT-6 Luna).
        let costFirstFloor = d.basis == .cheapest_fit
            ? d.policyReasons.first { k.policies[$0.policy].kind == .cheapest_fit && !$0.overruled }?.minFit : nil
        let asGood = costFirstFloor ?? Swift.min(k.compiledModels[primary].fit[task], d.alternativesMinFit)
        return answers.values.withUnsafeBufferPointer { v in
            let cheaper = k.models.indices.filter { m in
                m != primary && !d.usable[m] && monthly[m] < monthly[primary] - 0.005
                    && k.compiledModels[m].fit[task] <= asGood && k.meets(d.taskFloors, model: m)
                    && !(d.haikusRuledOut && k.compiledModels[m].isHaikuFamily) && fits(m)
            }.sorted { (monthly[$0], $0) < (monthly[$1], $1) }
            var named: [PassedOver] = []
            for m in cheaper where named.count < Self.passedOverShown {
                let state = k.compiledModels[m].lifecycle(on: Int(v[AnswerID.asOf.rawValue])).state
                let (cause, why) = unusable(m, v)
                guard state != .retired, state != .unreleased, cause != .unexplained else { continue }
                named.append(PassedOver(model: k.models[m].slug, monthly_usd: Format.rounded(monthly[m]), reason: why,
                                        url: "/models/\(k.models[m].slug)"))
            }
            // Cheaper usable models that fit as well, ranked behind because they are legacy and their successor costs
            // little more (`cheapSuccessor`, engine.legacy_premium): DeepSeek V4 Flash at $781 under GPT-6 Luna's $921
            // for cached RAG, with V4.1 Flash at $966, was in no line while the table showed it cheapest.
            let day = Int(v[AnswerID.asOf.rawValue])
            for m in k.models.indices where named.count < Self.passedOverShown && m != primary && d.usable[m]
                && !offered.contains(m) && monthly[m] < monthly[primary] - 0.005 && k.compiledModels[m].fit[task] <= asGood
                && fits(m) {
                guard let successor = cheapSuccessor(of: m, v, monthly: monthly, among: { d.usable[$0] }),
                      let since = k.compiledModels[m].legacyDay else { continue }
                let extra = monthly[successor] - monthly[m]
                let howMuch = extra <= 0 ? "costs no more"
                    : extra <= monthly[m] * k.legacyPremium ? "costs only \(Format.percent(extra / monthly[m])) more"
                    : "costs only \(Format.cents(extra)) a month more"
                named.append(PassedOver(model: k.models[m].slug, monthly_usd: Format.rounded(monthly[m]),
                                        reason: "it is legacy since \(CivilDate.text(since)), and its successor, \(k.models[successor].title), "
                                            + "\(howMuch) (\(Format.cents(monthly[successor])) a month): a current model comes first where "
                                            + "building on a superseded one saves that little",
                                        url: "/models/\(k.models[m].slug)"))
            }
            // Cheaper models that fit the task as well but miss another task type's floor the workload sets
            // (one request in ten or more complex: complex reasoning 'good'): Mistral Small and GPT-6 Luna, cheaper
            // than a routed chat plan's Haiku, left the list with no word once the floor held.
            let asWell = costFirstFloor ?? k.compiledModels[primary].fit[task]
            let listed = Set(named.map(\.model))
            let belowFloor = k.models.indices.filter { m in
                m != primary && monthly[m] < (plan ?? monthly[primary]) - 0.005 && k.compiledModels[m].fit[task] <= asWell
                    && !k.meets(d.taskFloors, model: m) && !listed.contains(k.models[m].slug) && !offered.contains(m)
                    && k.compiledModels[m].isServed(on: Int(v[AnswerID.asOf.rawValue])) && fits(m)
                    && !k.compiledModels[m].isHaikuFamily
            }.sorted { (monthly[$0], $0) < (monthly[$1], $1) }
            // Each kind up to the list's length; the cheapest of them all are shown (the cheapest model on the table,
            // 'weak' at the task, was crowded out by dearer ones below the floor).
            for m in belowFloor.prefix(Self.passedOverShown) {
                guard let missed = floorMissed(m, d) else { continue }
                let (cause, why) = d.usable[m] ? (UnusableCause.unexplained, "") : unusable(m, v)
                named.append(PassedOver(model: k.models[m].slug, monthly_usd: Format.rounded(monthly[m]),
                                        reason: missed.text + (cause == .unexplained ? "" : cause == .fit ? limitsToo(m, v) : "; and \(why)"),
                                        url: "/models/\(k.models[m].slug)"))
            }
            // Then cheaper models that fit the task less well, with their fit beside the primary's: Command R7B, GPT-5
            // nano and gpt-oss-20b topped a chat verdict's cost table above Haiku 5.5 with no word of why ('weak' at
            // chat on their pages). Served on the day, holding the request; the fit is the whole reason.
            // Weaker than the primary, or under cost first than the floor it asks (a cheaper model of the floor's fit
            // is one of those above, or would be the pick).
            let primaryFit = k.compiledModels[primary].fit[task]
            let weakerThan = costFirstFloor ?? primaryFit
            let already = Set(named.map(\.model))
            let weaker = k.models.indices.filter { m in
                m != primary && monthly[m] < monthly[primary] - 0.005 && k.compiledModels[m].fit[task] > weakerThan
                    && !already.contains(k.models[m].slug) && !offered.contains(m)
                    && k.compiledModels[m].isServed(on: day) && fits(m)
                    && !(d.haikusRuledOut && k.compiledModels[m].isHaikuFamily)
            }.sorted { (monthly[$0], $0) < (monthly[$1], $1) }
            let taskName = AnswerID.taskName(AnswerID.taskType.choices[task])
            for m in weaker.prefix(Self.passedOverShown) {
                // And what else rules it out, where something does (GPT-5 nano retires in five days).
                // Its fit is said once: "; and it fits this task poorly" repeated it, keeping only a floor the workload
                // sets ("the workload requires 'strong'").
                let (cause, why) = d.usable[m] ? (UnusableCause.unexplained, "") : unusable(m, v)
                let more = cause == .unexplained ? ""
                    : cause == .fit ? (why.range(of: "the workload requires").map { "; " + why[$0.lowerBound...] } ?? "")
                        + limitsToo(m, v)
                    : "; and \(why)"
                named.append(PassedOver(model: k.models[m].slug, monthly_usd: Format.rounded(monthly[m]),
                                        reason: "it fits \(taskName) only '\(k.compiledModels[m].fit[task].rawValue)', "
                                            + "\(k.models[primary].title) '\(primaryFit.rawValue)'" + more,
                                        url: "/models/\(k.models[m].slug)"))
            }
            // One list, cheapest first, each with its reason.
            return Array(named.sorted { ($0.monthly_usd, $0.model) < ($1.monthly_usd, $1.model) }.prefix(Self.passedOverShown))
        }
    }

    /// Where a model's fit is the first reason it is passed over, the rate limits that also cannot carry the peak: the
    /// cost table's row said so while the reason named the fit alone, as if the fit answer were all that kept it out.
    private func limitsToo(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> String {
        knowledge.capacity(model: m, v)?.beyondTiersReason.map { "; and \($0)" } ?? ""
    }

    /// A tiered verdict's month: the Haiku's, and its escalation model's on the complex share. Nil for any other.
    func planMonthly(_ d: Decision, answers: Answers, monthly: [Double], escalated: EscalatedPricing?) -> Double? {
        guard d.verdict == .tieredRouting, let escalation = d.escalation, escalation != d.primary else { return nil }
        return Self.tieredMonthly(haiku: monthly[d.primary], escalation: escalated?.monthly ?? monthly[escalation],
                                  share: answers.values[AnswerID.complexShare.rawValue])
    }

    /// The runner-up and why it lost (see RunnerUp).
    /// - Parameter plan: a tiered verdict's month with its escalations (`planMonthly`), which the runner-up is set
    ///   against: Gemini 4 Hydrogen was said to cost $20,108 more than the Haiku's share of a $15,008 plan.
    func runnerUp(_ d: Decision, answers: Answers, alternatives: [Int], late: [Bool],
                  monthly: [Double], costs: [CostLine], plan: Double? = nil) -> (model: Int, summary: RunnerUp)? {
        // With no requests every bill is $0: no model is cheaper or dearer, so there is no runner-up to name.
        guard Self.hasVolume(answers.values) else { return nil }
        let k = knowledge
        let primary = d.primary
        let task = Int(answers.values[AnswerID.taskType.rawValue])
        let primaryFit = k.compiledModels[primary].fit[task]
        let sameFamily = k.compiledModels[primary].isHaikuFamily
        // Under a hard choose_alternative, naming a Haiku as the runner-up would contradict the verdict. The fit every
        // alternative must have (answers right first time, nobody reviewing: strong) holds for the runner-up too, and
        // so does the latency budget: a model that misses it at every setting is not the runner-up of one that need
        // not (a 600-token chat due in 1 s was offered Gemini 3.8 Flash, whose least thinking and answer take 2.25 s).
        let equals = k.models.indices.filter { m in
            m != primary && d.usable[m] && k.compiledModels[m].fit[task] <= Swift.min(primaryFit, d.alternativesMinFit)
                && !((sameFamily || d.haikusRuledOut) && k.compiledModels[m].isHaikuFamily)
                && k.meets(d.taskFloors, model: m) && !(late[m] && !late[primary])
        }
        // The cheapest of them; where fit comes first (fit_first), the cheapest of those that fit as the policy asks;
        // a legacy one after its successor among them when that costs little more, as the alternatives are ordered
        // (`cheapSuccessor`): DeepSeek V4 Flash, at $339 a month, was named the runner-up of GPT-6 Luna for 7,441
        // batch extractions of 325K-token prompts while the alternatives led with DeepSeek V4.1 Flash, its successor,
        // at $363.
        let superseded = Set(answers.values.withUnsafeBufferPointer { v in
            equals.filter { cheapSuccessor(of: $0, v, monthly: monthly, among: equals.contains) != nil }
        })
        // Cheapest at the dearer of today's prices and those announced for the coming weeks, as the alternatives are
        // ordered: legacy Gemini 3.8 Flash, $712.50 until its price doubles in 26 days, was named ahead of the $950
        // GPT-6.1 Terra the alternatives led with.
        let outlook = answers.values.withUnsafeBufferPointer { v in equals.map { outlookMonthly($0, v, monthly: monthly).monthly } }
        func key(_ i: Int) -> (Int, Int, Double, Int) {
            let m = equals[i]
            return (Self.fitFirstRank(k.compiledModels[m].fit[task], d.fitFirst), superseded.contains(m) ? 1 : 0, outlook[i], m)
        }
        guard let m = equals.indices.min(by: { key($0) < key($1) }).map({ equals[$0] }) ?? alternatives.first else { return nil }
        let line = lostLine(m, d, answers: answers, monthly: monthly, costs: costs, plan: plan)
        // Where the primary misses the budget and the runner-up does too, the line says so: GPT-6.1 Terra, needing at
        // least 12.65 s for 5,000-token summaries due in 10 s, read as a working fallback that only costs more.
        guard late[m], late[primary] else { return (m, line) }
        let budget = AnswerValue.number(answers.values[AnswerID.latencyBudgetSeconds.rawValue]).text
        return (m, RunnerUp(model: line.model, monthly_usd: line.monthly_usd, difference_usd: line.difference_usd,
                            reason: line.reason + "; and like \(k.models[primary].title) it cannot answer within your \(budget) s budget",
                            url: line.url))
    }

    /// Where the runner-up's month holds thinking the primary's does not (it answers without thinking here: a forced
    /// tool call turns it off, or it does not reason), what that thinking costs: Gemini 4 Neon "costs $900 more for
    /// the same fit" than Claude Sonnet 4.6, and the $900 was Neon's high-effort thinking. "" otherwise.
    /// - Parameter costs: the assessment's cost lines, the runner-up's among them (its thinking as its month prices it).
    func thinkingGap(_ m: Int, _ primary: Int, _ answers: Answers, _ monthly: [Double], costs: [CostLine]) -> String {
        let k = knowledge
        return answers.values.withUnsafeBufferPointer { v -> String in
            // The other way round, where a forced tool call is what keeps the runner-up from thinking: "costs $279
            // more for the same fit" read as a like-for-like price for complex reasoning Sonnet 4.6 would do unthinking.
            if k.requestTokens(model: primary, v).reasoning > 0, k.requestTokens(model: m, v).reasoning == 0,
               k.compiledModels[m].forcedCallsStopThinking, Knowledge.forcesToolCalls(v) {
                return "; it answers without thinking here, as forced tool calls need, where \(k.models[primary].title) thinks first"
            }
            guard k.requestTokens(model: primary, v).reasoning == 0, k.requestTokens(model: m, v).reasoning > 0,
                  let line = costs.first(where: { $0.model == k.models[m].slug }) else { return "" }
            let thinking = k.thinkingMonthly(model: m, line: line, requests: v[AnswerID.monthlyRequests.rawValue])
            guard Self.cents(thinking) > 0 else { return "" }
            // Its thinking's amount, not "all of the gap": a model that cannot stop thinking would not be cheaper without it.
            return "; \(k.models[m].title)'s thinking alone is \(Format.money(thinking, beside: monthly[m])) of its month, where "
                + "\(k.models[primary].title) answers without thinking here"
        }
    }

    /// The first floor on another task type that model `m` misses (`Decision.taskFloors`), in words, with the page of
    /// the policy that sets it; nil when it meets them all. One sentence for the passed-over list and the lost lines.
    func floorMissed(_ m: Int, _ d: Decision) -> (text: String, url: String)? {
        let k = knowledge
        // A floor the primary misses too is not why `m` lost (a cost ceiling's stand-in for a Haiku kept alone).
        let primary = k.compiledModels[d.primary]
        let alone = d.verdict != .tieredRouting
        guard let floor = d.taskFloors.first(where: { k.compiledModels[m].fit[$0.task] > $0.fit && (!alone || primary.fit[$0.task] <= $0.fit) })
        else { return nil }
        let floorTask = AnswerID.taskName(AnswerID.taskType.choices[floor.task])
        let url = d.policyReasons.lazy.map { k.policies[$0.policy] }
            .first { $0.kind == .alternatives_min_fit && $0.task == floor.task }
            .map { "/criteria/\(k.criteria[$0.criterion].slug)" } ?? "/criteria/"
        return ("it fits \(floorTask) only '\(k.compiledModels[m].fit[floor.task].rawValue)', where this workload asks "
                + "'\(floor.fit.rawValue)' of any model that takes every request alone", url)
    }

    /// Model `m` against the verdict's primary: its month, the difference, and why it lost, as the runner-up's line
    /// says it (and the Haiku's, where it is neither the primary nor the runner-up).
    func lostLine(_ m: Int, _ d: Decision, answers: Answers, monthly: [Double], costs: [CostLine], plan: Double? = nil) -> RunnerUp {
        let k = knowledge
        let primary = d.primary
        let task = Int(answers.values[AnswerID.taskType.rawValue])
        let day = answers.day
        let primaryFit = k.compiledModels[primary].fit[task]
        let difference = monthly[m] - (plan ?? monthly[primary])
        // What the runner-up is set against, where it is more than the primary's own month.
        let against = plan == nil ? "" : " than the plan with its escalations"
        let fit = k.compiledModels[m].fit[task]
        let taskName = AnswerID.taskName(AnswerID.taskType.choices[task])
        let reason: String, url: String
        // Whether the reason already says the runner-up is legacy (its two legacy branches).
        var legacySaid = false
        let basisCriterion = d.decidingPolicy.map { k.criteria[k.policies[$0].criterion].slug }
            ?? d.hardRule.map { k.criteria[k.rules[$0].criterion].slug }
        if d.haikusRuledOut, k.compiledModels[m].isHaikuFamily, let r = d.hardRule {
            // A Haiku the verdict's hard rule set aside lost to that rule, not to a price (the Haiku's own line, under
            // "use a stronger model", said "it costs $150 more a month for the same fit").
            let criterion = k.criteria[k.rules[r].criterion]
            reason = "the \(criterion.title.lowercased()) rule sets it aside for this work, whatever its price"
            url = "/criteria/\(criterion.slug)"
        } else if !d.usable[m] {
            reason = "it cannot be the primary: \(answers.values.withUnsafeBufferPointer { whyNotUsable(m, $0) })"
            url = "/models/\(k.models[m].slug)"
        } else if fit > primaryFit {
            reason = "it fits \(taskName) only '\(fit.rawValue)', \(k.models[primary].title) '\(primaryFit.rawValue)'"
            url = "/criteria/task-type-fit"
        } else if Self.cents(monthly[m]) == Self.cents(plan ?? monthly[primary]) {
            // The same cent, as cost first bins them: 0.24 and 0.65 of a cent are not "the same".
            // A tie to the cent: the primary won by a fraction of a cent, by the order of the models, or as the named
            // successor of a legacy runner-up (Gemini 3.8 Flash and Gemini 4 Hydrogen once its promotion has ended).
            // A legacy runner-up is not "either will do": the current model is the one to build on.
            let successor = k.compiledModels[m].lifecycle(on: day).state == .legacy ? k.replacement(of: m, on: day) : nil
            // A better fit at the same price is said as one (the cost-first tie goes to the better fit, so this is a
            // runner-up that won on another ground).
            let fitSaid = fit < primaryFit
                ? ", though it fits \(taskName) '\(fit.rawValue)', better than \(k.models[primary].title)'s '\(primaryFit.rawValue)'"
                : " for the same fit"
            // Today's tie may not outlast an announced price (Gemini 3.8 Flash's doubles on 2027-01-01): said, and
            // past the price outlook too (61 days before it, "either will do" was said).
            var later = laterGap(m, primary, difference, answers, monthly, plan: plan)
            if later.isEmpty, let (x, next) = answers.values.withUnsafeBufferPointer({ v in
                [m, primary].compactMap { x in nextPrice(x, v).map { (x, $0) } }.min { $0.1.day < $1.1.day } }) {
                later = " (\(k.models[x].title)'s prices change on \(CivilDate.text(next.day)): \(Format.money(next.monthly)) a month on your numbers)"
            }
            // Under a cent both ($0.0006 and $0.0001 for one request a month): "the same to the cent" beside figures
            // six times apart read as wrong.
            let underACent = Swift.max(monthly[m], monthly[primary]) < 0.005
            let same = (underACent ? "both cost less than a cent a month" : "it costs the same to the cent") + (later.isEmpty ? "" : " today" + later)
            reason = successor.map { "\(same)\(fitSaid), and it is legacy: \(k.models[$0].title) succeeds it" }
                ?? (fit < primaryFit || !later.isEmpty ? "\(same)\(fitSaid)" : "\(same) for the same fit, so either will do")
            legacySaid = successor != nil
            url = "/models/\(k.models[m].slug)"
        } else if difference >= 0 && fit < primaryFit {
            reason = "it costs \(Format.money(difference, beside: monthly[m])) more a month\(against)\(laterGap(m, primary, difference, answers, monthly, plan: plan)), "
                + "though it fits \(taskName) '\(fit.rawValue)', better than \(k.models[primary].title)'s '\(primaryFit.rawValue)'"
            url = "/criteria/task-type-fit"
        } else if difference >= 0 {
            // Dearer at the team's effort answer, which may price the two at different thinking: where the runner-up
            // costs less with reasoning at its cheapest setting on both, said ("GPT-6 Luna costs $1,059 more" at medium
            // effort against Haiku 5.5 without thinking for forced tool calls: $470 against $611 thinking off on both).
            // Said where the score's Haiku was kept under a cost ceiling: in the ceiling's own words where it held
            // (they exist only where the runner-up is cheaper that way); where the runner-up would clear the ceiling,
            // why it still did not move (it costs more at the effort priced). Not where its prices change within the
            // outlook (cheaper with thinking off only until then), nor under a plan or another basis.
            let ceiling = plan == nil && d.basis == .haiku_model ? answers.values.withUnsafeBufferPointer { costCeiling($0) }?.1 : nil
            let leaner = ceiling.flatMap { policy -> String? in
                guard answers.values.withUnsafeBufferPointer({ outlookMonthly(m, $0, monthly: monthly).day }) == nil else { return nil }
                if let held = ceilingHeld(primary, against: m, answers: answers, monthly: monthly) {
                    return ", though it costs less with thinking at its least: " + held
                }
                let (lean, primaryLean) = answers.values.withUnsafeBufferPointer { v in
                    v.with(.reasoningEffort, Self.noEffort) { lv in (self.monthly(m, lv), self.monthly(primary, lv)) } }
                guard Self.cents(lean) < Self.cents(primaryLean), policy.ceilingPasses(haiku: primaryLean, other: lean) else { return nil }
                return ", though with reasoning at its cheapest setting on both it costs \(Format.money(lean)) a month against "
                    + "\(k.models[primary].title)'s \(Format.money(primaryLean)), a gap the cost ceiling acts on; but a balanced budget does "
                    + "not switch to a model that costs more at the effort the cost table prices, so that saving needs its thinking turned down"
            } ?? ""
            reason = "it costs \(Format.money(difference, beside: monthly[m])) more a month\(against)\(laterGap(m, primary, difference, answers, monthly, plan: plan)) "
                + "for the same fit" + (leaner.isEmpty ? thinkingGap(m, primary, answers, monthly, costs: costs) : leaner)
            url = "/models/\(k.models[m].slug)"
        } else if d.basis == .cheapest_suitable,
                  AnswerID.costPriority.choices[Int(answers.values[AnswerID.costPriority.rawValue])] != "primary",
                  let successor = answers.values.withUnsafeBufferPointer({ cheapSuccessor(of: m, $0, monthly: monthly,
                                                                                         among: { d.usable[$0] }) }) {
            // Cheaper, but superseded (Engine.otherModels puts a legacy model after a successor that costs little more).
            legacySaid = true
            let outlook = answers.values.withUnsafeBufferPointer { outlookMonthly(m, $0, monthly: monthly) }
            if let day = outlook.day {
                // Cheaper only until its announced prices begin (a promotion ending): that saving is not one to build on.
                reason = "it is legacy: \(k.models[successor].title) succeeds it, and its own prices change on \(CivilDate.text(day)), "
                    + "to \(Format.money(outlook.monthly)) a month on your numbers, so its saving of \(Format.money(-difference, beside: monthly[m])) a month lasts "
                    + "only until then"
            } else {
                reason = "it is legacy: \(k.models[successor].title) succeeds it, and with cost not your first priority a saving of "
                    + "\(Format.money(-difference, beside: monthly[m])) a month does not pay for building on the older model"
            }
            url = "/models/\(k.models[m].slug)"
        } else if d.basis == .cheapest_fit || d.basis == .cheapest_suitable,
                  case let (outlook, primaryOutlook) = answers.values.withUnsafeBufferPointer({
                      (outlookMonthly(m, $0, monthly: monthly), outlookMonthly(primary, $0, monthly: monthly).monthly) }),
                  let change = outlook.day, outlook.monthly >= primaryOutlook {
            // Cheaper today, but not at the prices announced for the coming weeks, which cost first and the order of
            // the other models (Engine.otherModels) go by.
            reason = "its prices change on \(CivilDate.text(change)), to \(Format.money(outlook.monthly)) a month on your numbers, "
                + "no less than \(k.models[primary].title)'s \(Format.money(primaryOutlook)), so its saving of "
                + "\(Format.money(-difference, beside: monthly[m])) a month lasts only until then"
            url = "/models/\(k.models[m].slug)"
        } else if d.basis == .routing_plan, let plan = d.decidingPolicy {
            reason = "you put \(k.models[primary].title) in front of every request yourself (routing: tiered), handing the complex share on, so your plan, not the price, chose it"
            url = "/criteria/\(k.criteria[k.policies[plan].criterion].slug)"
        } else if d.basis == .haiku_model, plan != nil, let e = d.escalation, difference < 0 {
            // The score chose the plan for its hard requests, which the runner-up alone answers no better than the Haiku:
            // what the verdict pays is the plan, not the Haiku's month the cost ceiling weighs ("1.3 times GPT-6 Luna's
            // $402.50" beside a $4,112.75 plan).
            let share = Format.percent(answers.values[AnswerID.complexShare.rawValue])
            reason = "the score sends the complex \(share) of requests on to \(k.models[e].title) for a margin on them, which "
                + "\(k.models[m].title) alone, fitting \(taskName) '\(fit.rawValue)', does not give; for that margin the plan "
                + "costs \(Format.money(-difference, beside: monthly[m])) a month more"
            url = "/criteria/complex-request-share"
        } else if d.basis == .haiku_model {
            if let held = ceilingHeld(primary, against: m, answers: answers, monthly: monthly) {
                reason = held
            } else {
                let priority = AnswerID.costPriority.choices[Int(answers.values[AnswerID.costPriority.rawValue])]
                // Not "the score's" where a policy set it (the Haiku taking every request, its escalation too slow).
                let verdict = "so the \(d.decidingPolicy == nil ? "score's " : "")verdict for the Haiku stands"
                // Cost first that found no model to pick (every one short of a floor the workload sets) is not a
                // priority that is not first: "cost is not your first priority (cost priority: primary)" was said.
                reason = priority == "primary"
                    ? "cost comes first, but no model that cost first may pick here (one that fits \(taskName) "
                        + "'\((k.policies.first { $0.kind == .cheapest_fit }?.minFit ?? .good).rawValue)' or better "
                        + "and meets every floor this workload sets) can take the work, \(verdict)"
                    : "cost is not your first priority (cost priority: \(priority)), \(verdict)"
            }
            url = "/criteria/cost-priority"
        } else if d.basis == .prefer, let rule = k.namingRule(of: primary, firing: d.firing),
                  // A runner-up the ceiling would weigh: as fit as the named model on the task type it was named for.
                  k.meets(k.namedForFloor(rule: rule, named: primary), model: m),
                  let held = ceilingHeld(primary, against: m, answers: answers, monthly: monthly, namedBy: k.rules[rule].criterion) {
            // Cheaper for the same fit, but not by enough for a balanced budget to pass over the model a rule names.
            reason = held
            url = "/criteria/cost-priority"
        } else if d.basis == .preferred_over_ceiling, let named = d.preferred.first, let rule = k.namingRule(of: named, firing: d.firing),
                  let held = ceilingHeld(named, against: m, answers: answers, monthly: monthly, namedBy: k.rules[rule].criterion, clearedBy: primary) {
            // Cheaper at the team's effort, but not by the ceiling's margin over the named model where it counts.
            reason = held
            url = "/criteria/cost-priority"
        } else if d.basis == .cost_ceiling, let haiku = d.haiku,
                  let policy = answers.values.withUnsafeBufferPointer({ costCeiling($0) })?.1,
                  case let (lean, haikuLean, primaryLean) = answers.values.withUnsafeBufferPointer({ v in
                      v.with(.reasoningEffort, Self.noEffort) { lv in (self.monthly(m, lv), self.monthly(haiku, lv), self.monthly(primary, lv)) } }),
                  lean > 0, !policy.ceilingPasses(haiku: haikuLean, other: lean), policy.ceilingPasses(haiku: haikuLean, other: primaryLean) {
            // Cheaper at the effort the table prices, but not one the ceiling passes the Haiku over for: "Cost priority
            // decided the primary, whatever the price" stood beside Gemini 3.5 Flash-Lite, $430 cheaper than GPT-6 Luna
            // at medium effort, and 3.3 times under Haiku 4.5 thinking off where Luna is 10 times.
            let name = k.models[haiku].title
            reason = "it costs less at the effort the cost table prices, but a balanced budget passes over \(name) only for a model "
                + "more than \(Format.number(policy.maxRatio)) times cheaper and at least \(Format.money(policy.minSaving)) a month less "
                + "with reasoning at its cheapest setting on both: there \(name)'s \(Format.money(haikuLean)) is "
                + "\(Format.ratio(haikuLean / lean)) times its \(Format.money(lean)) and \(Format.money(haikuLean - lean)) a month more, "
                + "while \(k.models[primary].title)'s \(Format.money(primaryLean)) clears that"
            url = "/criteria/cost-priority"
        } else if d.basis == .cheapest_suitable || difference < 0, let missed = floorMissed(m, d) {
            // Set aside by a floor on another task type (a tenth of the requests complex: complex reasoning 'good'), not
            // by a rule naming the pick: "the rules that fired prefer gpt-oss-120b" stood beside a cheaper Haiku, and
            // under cost first "Cost priority decided the primary, whatever the price" beside a Haiku $105 cheaper.
            reason = missed.text
            url = missed.url
        } else if d.basis == .routing_does_not_pay, k.compiledModels[m].isHaikuFamily, difference < 0,
                  let ratio = d.policyReasons.first(where: { $0.ceilingRatio != nil })?.ceilingRatio,
                  monthly[primary] <= ratio * monthly[m] {
            // The price was weighed, against the ratio a balanced budget pays: not "whatever the price".
            reason = "a router does not pay at this volume, and \(k.models[primary].title) alone costs "
                + "\(Format.ratio(monthly[primary] / Swift.max(monthly[m], 0.0001))) times its month, within the "
                + "\(Format.number(ratio)) times a balanced budget pays to answer the complex share better"
            url = "/criteria/routing-payback"
        } else if let basisCriterion {
            let title = k.criteria.first { $0.slug == basisCriterion }?.title ?? basisCriterion
            // A runner-up as fit and cheaper is the trade the team is making: said, with the amount (Sonnet 5.5 at
            // $4,685 over GPT-6 Luna at $153, both 'strong' on extraction, read as if price ordered them).
            let priority = AnswerID.costPriority.choices[Int(answers.values[AnswerID.costPriority.rawValue])]
            let trade = fit == primaryFit && difference <= -0.005 && priority == "secondary"
                ? ", though it fits \(taskName) as well ('\(fit.rawValue)') for \(Format.money(-difference, beside: monthly[m])) a month less: "
                    + "with price secondary (cost priority: secondary), no saving overrules the model the rule names"
                : ""
            reason = "\(title) decided the primary, whatever the price\(trade)"
            url = "/criteria/\(basisCriterion)"
        } else if let rule = k.namingRule(of: primary, firing: d.firing) {
            // The rule that named the primary (most negative first, as the engine reads `prefer`), with its page.
            let criterion = k.criteria[k.rules[rule].criterion]
            reason = "the \(criterion.title.lowercased()) rule that fired prefers \(k.models[primary].title) for this workload"
            url = "/criteria/\(criterion.slug)"
        } else {
            reason = "the rules that fired for this workload prefer \(k.models[primary].title)"
            url = "/criteria/"
        }
        // A legacy runner-up says so whatever it lost on, as the alternatives do: DeepSeek V4 Flash lost to a routing
        // plan without a word of DeepSeek having moved on from it.
        var stated = legacySaid ? reason : answers.values.withUnsafeBufferPointer { legacyState(m, $0) }.map { reason + "; and it is " + $0 } ?? reason
        // A cheaper runner-up whose saving ends with an announced price says when, whatever it lost on (a promotion
        // that doubles Gemini 3.8 Flash's $21,000 in 26 days was left unsaid beside a rule's preference).
        if difference < -0.005, !stated.contains("prices change") {
            let later = laterGap(m, primary, difference, answers, monthly, plan: plan)
            if !later.isEmpty { stated += "; it costs " + later.dropFirst(2).dropLast() }
        }
        return RunnerUp(model: k.models[m].slug, monthly_usd: Format.rounded(monthly[m]),
                        difference_usd: Format.rounded(difference), reason: stated, url: url)
    }
}

extension Engine {
    /// " ($13,800 from 2027-01-01, when Gemini 3.8 Flash's prices change)": where either model's prices announced for
    /// the next `price_outlook_days` change the runner-up's gap over the primary, the gap then; "" otherwise. A saving
    /// of $25,050 a month was stated as lasting while the primary's promotion ended 51 days later.
    /// - Parameter plan: a tiered verdict's month (`planMonthly`); its escalations are taken at today's prices.
    func laterGap(_ m: Int, _ primary: Int, _ difference: Double, _ answers: Answers, _ monthly: [Double],
                  plan: Double? = nil) -> String {
        let (theirs, ours) = answers.values.withUnsafeBufferPointer {
            (outlookMonthly(m, $0, monthly: monthly), outlookMonthly(primary, $0, monthly: monthly))
        }
        guard let day = [theirs.day, ours.day].compactMap({ $0 }).max() else { return "" }
        let gap = theirs.monthly - ours.monthly - ((plan ?? monthly[primary]) - monthly[primary])
        guard abs(gap - difference) >= 0.005 else { return "" }
        let whose = theirs.day != nil && ours.day != nil ? "both models'"
            : "\(knowledge.models[ours.day != nil ? primary : m].title)'s"
        let then = abs(gap) < 0.005 ? "the same" : gap > 0 ? "\(Format.money(gap)) more" : "\(Format.money(-gap)) less"
        return " (\(then) from \(CivilDate.text(day)), when \(whose) prices change)"
    }
}

extension Engine {
    /// Why a cheaper model that fits as well did not take a Haiku verdict while a cost ceiling applied: the policy's
    /// `held_text`, with the comparison the ceiling makes (reasoning at its cheapest setting on both). A runner-up
    /// $617 a month cheaper at a sixth of the price, told only "cost is not your first priority", left the team to
    /// guess at the $500 floor the saving missed once thinking was off. nil where no ceiling applies, where on that
    /// comparison the runner-up is not cheaper, or where it would clear the ceiling (it was not one of the ceiling's
    /// candidates): the plain reason is then the true one.
    /// - Parameter dear: the model the ceiling would pass over: the Haiku, or a model a rule names.
    /// - Parameter monthly: every model's cost at the team's effort answer (the cost table's).
    /// - Parameter namedBy: the criterion whose rule named `dear` when it is not a Haiku (`preferred_held_text`).
    /// - Parameter clearedBy: the primary that cleared the ceiling over the named model when `m` did not (a runner-up
    ///   cheaper at the team's effort answer, dearer with thinking at its least).
    /// An amount in whole dollars as the figures beside it are, unless that would round it onto `threshold` it is
    /// weighed against ("$500 a month more" beside "at least $500"): then to the cent.
    static func beside(_ amount: Double, threshold: Double) -> String {
        let whole = Format.money(amount)
        return amount < threshold && whole == Format.money(threshold) ? Format.cents(amount) : whole
    }

    func ceilingHeld(_ dear: Int, against m: Int, answers: Answers, monthly: [Double], namedBy: Int? = nil,
                     clearedBy: Int? = nil) -> String? {
        let k = knowledge
        guard let (_, policy) = answers.values.withUnsafeBufferPointer({ costCeiling($0) }) else { return nil }
        let (dearCost, cost) = answers.values.withUnsafeBufferPointer {
            $0.with(.reasoningEffort, Self.noEffort) { lv in (self.monthly(dear, lv), self.monthly(m, lv)) }
        }
        guard cost > 0 else { return nil }
        if dearCost - cost < 0.005 {
            // Cheaper only at the team's effort answer: the ceiling's own comparison puts the kept model first, and
            // "cost is not your first priority" hid that its thinking is the whole gap (Haiku 5.5 at $15,731 a month
            // for 50M batch moderations, $15,000 of it thinking, beside Mistral Small's $1,650; $731.25 thinking off).
            // Said where, at the team's effort, the ceiling would have passed over it: a cent's gap is not a reason.
            guard clearedBy == nil, policy.ceilingPasses(haiku: monthly[dear], other: monthly[m]) else { return nil }
            // Work no lower effort is offered to keeps that thinking: "a setting you can turn down" contradicted the
            // latency warning beside it (strict moderations on Haiku 5.5 at medium).
            let kept = answers.values.withUnsafeBufferPointer { v in
                k.keepsThinking(v) ? Knowledge.whyThinkingIsKept(v) : nil
            }
            return "with reasoning at its cheapest setting on both, the comparison a balanced budget makes, \(k.models[dear].title) "
                + "costs \(Format.money(dearCost)) a month, no more than \(k.models[m].title)'s \(Format.money(cost)): only its "
                + "thinking at your effort answer makes it the dearer, "
                + (kept.map { "and this work keeps that thinking (\($0)): the difference is what the thinking costs" }
                   ?? "and that is a setting you can turn down")
        }
        guard !policy.ceilingPasses(haiku: dearCost, other: cost) else { return nil }
        var values = ["model": k.models[m].title, "monthly": Format.money(cost), "saving": Self.beside(dearCost - cost, threshold: policy.minSaving),
                      "ratio": Format.ratio(dearCost / cost),
                      "max_ratio": Format.number(policy.maxRatio), "min_saving": Format.money(policy.minSaving)]
        if let namedBy, let clearedBy {
            return "with reasoning at its cheapest setting on both, \(k.models[dear].title), which the "
                + "\(k.criteria[namedBy].title.lowercased()) rule names, costs \(values["ratio"]!) times its \(values["monthly"]!), "
                + "short of the more than \(values["max_ratio"]!) times (and \(values["min_saving"]!) a month more) a balanced "
                + "budget asks before it passes over the named model; \(k.models[clearedBy].title) clears that ceiling"
        }
        if let namedBy {
            values["preferred"] = k.models[dear].title
            values["preferred_monthly"] = Format.money(dearCost)
            values["criterion"] = k.criteria[namedBy].title.lowercased()
            return Template.fill(policy.preferredHeldText, values)
        }
        values["haiku"] = k.models[dear].title
        values["haiku_monthly"] = Format.money(dearCost)
        return Template.fill(policy.heldText, values)
    }
}

extension Assessment {
    /// When no model can take the workload, the sentence a text answer puts under the verdict (the web says it in
    /// its heading): the model named is there only so that the figures have one. nil otherwise.
    public var noModelCanTakeIt: String? {
        switch primaryModelBasis {
        case .nothing_fits where fitsOnlyWithoutMargin:
            "No model takes this request with room to spare: \(primaryModel) is the roomiest of \(roomiestAmong ?? Engine.everyModelListed), and holds it but with less margin than we require; it is named only so that the figures have a model (see the first warning)."
        case .nothing_fits:
            "No model can take this request: \(primaryModel) is the roomiest of \(roomiestAmong ?? Engine.everyModelListed) and is named only so that the figures have a model (see the first warning)."
        case .nothing_usable:
            "No model meets every requirement: \(primaryModel) is the closest (see the first warning)."
        default: nil
        }
    }

    /// The model the verdict recommends: the primary, unless no model can take the workload (then the primary is only
    /// named so that the figures have one, and exports mark nothing as recommended).
    public var recommendedModel: String? { noModelCanTakeIt == nil ? primaryModel : nil }

    /// No model is recommended because the request fills too much of every window (`nothing_fits`), yet the largest
    /// window holds it as it stands: it would be accepted, with less margin than `engine.context_headroom` keeps.
    public var fitsOnlyWithoutMargin: Bool {
        primaryModelBasis == .nothing_fits && costs.first { $0.model == primaryModel }?.fits == true
    }
}
