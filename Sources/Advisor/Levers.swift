// Levers: the realistic what-ifs of a verdict, each priced on the primary model.
//
// A lever is something a team can do this week: trim prompts under a long-context price line, cache the system
// prompt, move to the batch API, lower or raise the reasoning effort, route the complex share. Each one moves at
// most the answers it names, within their plausible range (LeverRules.swift), and is priced by one cost line of the
// primary model with the answers changed, never by re-running the cost table; its verdict by one decision.
// Ranked: levers that save money first, the largest saving first; then levers that buy a margin of quality,
// the cheapest first.

/// One answer a lever changes.
public struct LeverChange: Sendable, Encodable, Equatable {
    public let answer: AnswerID
    public let to: AnswerValue
}

/// A priced what-if. JSON: `kind`, `text`, `url`, `model`, `changes`, `monthly_before`, `monthly_after`,
/// `verdict`, `score`.
public struct Lever: Sendable, Encodable, Equatable {
    public let kind: LeverKind
    public let text: String
    /// The page that explains the lever.
    public let url: String
    /// The model it is priced on (the primary).
    public let model: String
    /// The answers it changes (routing: `routing = tiered`).
    public let changes: [LeverChange]
    public let monthly_before: Double
    public let monthly_after: Double
    /// The verdict and score with the changes applied.
    public let verdict: Verdict
    public let score: Double

    /// What the verdict pays after the change minus what it pays now, where that is not `difference`: a tiered
    /// plan's escalations, or a lever priced on a model the verdict does not recommend. Levers are ranked by it.
    var paidDifference: Double? = nil

    enum CodingKeys: String, CodingKey { case kind, text, url, model, changes, monthly_before, monthly_after, verdict, score }

    /// Negative: a saving.
    public var difference: Double { monthly_after - monthly_before }
    /// What the ranking goes by: the change in what the verdict pays (negative: the team pays less).
    public var rankedDifference: Double { paidDifference ?? difference }
    /// Whether the text already says what the verdict then pays and recommends (a sentence of its own): the page's
    /// "The verdict becomes …" would say it twice.
    public var saysTheVerdictsMove: Bool { paidDifference != nil }
}

extension Knowledge {
    /// The prompt length, in the answers' own tokens (`tokens_counted_with`), that keeps a request under a
    /// long-context threshold: the tier counts `counted` tokens of a prompt given as `input`, of which `fixed` do
    /// not shrink with it (the provider's tool-use system prompt), and the rest is proportional to the prompt, so
    /// `input × (threshold × aim − fixed) / (counted − fixed)`, rounded down to a hundred to stay under it; `aim`
    /// below 1 leaves room under the line for the requests longer than the average. nil when the prompt is not over
    /// the line.
    public static func trimTarget(input: Double, counted: Double, threshold: Double, fixed: Double = 0,
                                  aim: Double = 1) -> Double? {
        guard counted > threshold else { return nil }
        return promptCounting(threshold * aim, input: input, counted: counted, fixed: fixed)
    }

    /// The prompt, in the answers' own tokens and rounded down to a hundred, that counts `target` tokens where `input`
    /// counts `counted`, of which `fixed` do not shrink with it: the arithmetic of `trimTarget`, over the line or
    /// under it ("what would change" aims an average just under a line at the same room). nil where no prompt does.
    static func promptCounting(_ target: Double, input: Double, counted: Double, fixed: Double) -> Double? {
        guard input > 0, target > fixed, counted > fixed else { return nil }
        return (input * (target - fixed) / (counted - fixed) / 100).rounded(.down) * 100
    }

    /// The longest prompt, as the answers count it (rounded down to the hundred), with which model `m`'s request
    /// fits its window with the headroom `engine.context_headroom` asks for; nil when the answer and reasoning
    /// alone leave no room or fill more of the output limit than the headroom allows.
    func fitTarget(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double? {
        let model = compiledModels[m]
        let t = requestTokens(model: m, v)
        let output = t.output + t.reasoning
        guard model.outputLimit(batch: Self.isBatch(v)).map({ output <= contextHeadroom * $0 }) ?? true else { return nil }
        let tool = toolPromptTokens(model: m, v)
        let room = Swift.min(contextHeadroom * model.contextWindow - output, model.maxInput.map { contextHeadroom * $0 } ?? .infinity)
            - tool
        let target = (room / tokenScale(model: m, v) / 100).rounded(.down) * 100
        return target > 0 ? target : nil
    }

    /// The trim that takes model `m`'s request under its long-context line, from its cost line; nil when the
    /// request is not over it. Aimed at `levers.near_line_share` of the line, not at the line: an average just under
    /// it is the near-line trap, whose longer requests cross it (trimming 77,000-token summaries to 76,900 left
    /// them 99.97 % of the way, and the trap then warned of the very trim the lever offered).
    /// - Parameter roomy: false aims at the line itself (the lever's fallback where the roomier trim is further than
    ///   a team could plausibly cut).
    func trimTarget(_ line: CostLine, _ v: UnsafeBufferPointer<Double>, roomy: Bool = true) -> Double? {
        guard line.rates.band == .long_context, let threshold = line.rates.long_context_threshold,
              let counted = line.rates.long_context_counted else { return nil }
        return Self.trimTarget(input: v[AnswerID.avgInputTokens.rawValue], counted: counted, threshold: threshold,
                               fixed: line.rates.tool_prompt_tokens_per_request ?? 0,
                               aim: roomy ? leverRules?.nearLineShare ?? 1 : 1)
    }

    /// The trim the lever offers on `line`: to the roomy target where it is within the plausible range, else to just
    /// under the line where that is (150,000-token prompts are not cut to 57,600, but to 76,900), with whether it
    /// leaves room for the longer requests; nil when neither is in range.
    func leverTrim(_ line: CostLine, _ v: UnsafeBufferPointer<Double>) -> (target: Double, roomy: Bool)? {
        let prompt = v[AnswerID.avgInputTokens.rawValue]
        func plausible(_ target: Double) -> Bool { plausibleRange(.avgInputTokens, around: prompt)?.contains(target) ?? false }
        if let target = trimTarget(line, v), plausible(target) { return (target, true) }
        if let target = trimTarget(line, v, roomy: false), plausible(target) { return (target, false) }
        return nil
    }
}

extension Engine {
    /// The day's Haiku, when it lost the verdict on its own price line rather than on fit: the cost ceiling turned
    /// it down, or a rule read on its own count of the prompt (its long-context line, `Rule.haiku_count`) took points
    /// that sent the work elsewhere. Its traps are then the decision's, since its cliff is the reason, and its trim
    /// the way back.
    func haikuLostOnItsLine(_ d: Decision) -> Int? {
        guard let h = d.haiku, h != d.primary else { return nil }
        if d.basis == .cost_ceiling { return h }
        // Not where a hard limit set the verdict (no review of strict work, autonomous coding): no trim brings the
        // Haiku back there, and a 600,000-token prompt was told of a 57,600-token target.
        guard d.hardRule == nil else { return nil }
        return d.firing.contains { knowledge.rules[$0].haikuCount && knowledge.rules[$0].effect < 0 } ? h : nil
    }

    /// The trim lever's `{room}`: said only where the trim leaves the longer requests under the line too.
    /// Short of the room, the cut reaches only just under the line: the requests longer than the average still cross
    /// it, which the figure (priced on the average) does not count, and the near-line trap then says (a trim to
    /// 99,970 tokens on the Haiku's count promised $745 a month where the longer half still pays five times the rate).
    static func trimRoom(_ roomy: Bool) -> String {
        roomy ? ", with room for the requests longer than the average"
            : " on average only (the requests longer than the average still cross it and pay its long-context rates, "
                + "so this is the most the cut saves)"
    }

    /// The levers of a decision, ranked (see the top of this file).
    /// - Parameters:
    ///   - line: the primary model's cost line (its rates say which levers apply).
    ///   - monthly: every model's monthly cost, for routing.
    ///   - haikuLine: the current Haiku's cost line, for the trim that brings it back where it lost on its own price
    ///     line (`haikuLostOnItsLine`).
    /// - Parameter escalated: the escalation model's month priced as complex work (`Knowledge.escalatedPricing`).
    /// - Parameter plan: the tiered verdict's month with its escalations (`planMonthly`), nil for any other.
    func levers(_ d: Decision, answers: Answers, line: CostLine, haikuLine: CostLine? = nil, monthly: [Double],
                plan planNow: Double? = nil, escalated: Double?) -> [Lever] {
        let k = knowledge
        guard let rules = k.leverRules else { return [] }
        let primary = d.primary
        let before = monthly[primary]
        var found: [Lever] = []
        let v = answers.values

        func value(_ id: AnswerID) -> Double { v[id.rawValue] }
        /// Whether a lever offered for its saving saves enough to be worth doing (`levers.min_saving_usd`).
        func saves(_ monthly: Double) -> Bool { monthly < before && before - monthly >= rules.minSaving }
        /// What `read` makes of the answers with the reasoning effort at `level` (a lever's thinking, weighed first).
        func atEffort<T>(_ level: Effort, _ read: (UnsafeBufferPointer<Double>) -> T) -> T {
            v.withUnsafeBufferPointer { $0.with(.reasoningEffort, level.answer, read) }
        }
        func inRange(_ id: AnswerID, _ to: Double) -> Bool { k.plausibleRange(id, around: value(id))?.contains(to) ?? false }
        /// The primary's (or `model`'s) monthly cost, the verdict and the score with `changes` applied; where that
        /// verdict is a tiered plan, its month with the escalations, the escalation model and the effort it runs at.
        func apply(_ changes: [(AnswerID, Double)], on model: Int? = nil) -> Priced {
            var w = v
            for (id, x) in changes { w[id.rawValue] = x }
            // As the link that applies it will: a share given outright replaces a system prompt's.
            if changes.contains(where: { $0.0 == .cachedInputShare }) { w[AnswerID.systemPromptTokens.rawValue] = 0 }
            Answers.derive(&w)
            return w.withUnsafeBufferPointer { p in
                let decision = decideAsPriced(p)
                func month(_ m: Int) -> Double { decision.monthly?[m] ?? self.monthly(m, p) }
                var plan: PlanAfter? = nil
                if decision.verdict == .tieredRouting, let e = decision.escalation, e != decision.primary {
                    let escalatedAfter = k.escalatedPricing(model: e, p, priced: month(e), usage: usage)
                    plan = PlanAfter(monthly: Engine.tieredMonthly(haiku: month(decision.primary), escalation: escalatedAfter.monthly,
                                                                   share: p[AnswerID.complexShare.rawValue]),
                                     escalation: e, effort: escalatedAfter.effort ?? k.reasoning(model: e, p).effort)
                }
                return Priced(monthly: month(model ?? primary), verdict: decision.verdict, score: decision.score,
                              plan: plan, paid: plan?.monthly ?? month(decision.primary), payer: decision.primary)
            }
        }
        /// A prompt cut to `target` tokens, and how the cut divides between the system prompt and each request's own
        /// text: the larger part takes it while it can, and otherwise every part loses the same share. So a 90,000-token
        /// system prompt before 5,000 tokens of document gives up 18,100 and the document stays (cut as one number,
        /// the prompt became all system prompt, priced as wholly cached), and a 1,500-token instruction prompt before
        /// 108,500 tokens of document stays while the document is cut (a cut in proportion took a third of the
        /// instructions).
        func trimmed(to target: Double) -> (system: Double, cut: TrimCut) {
            let system = value(.systemPromptTokens), own = value(.avgInputTokens) - system
            if system >= own, target > own { return (target - own, .system) }
            if own > system, target > system { return (system, .own) }
            return ((system * target / value(.avgInputTokens)).rounded(.down), .both)
        }
        func trim(to target: Double) -> [(AnswerID, Double)] {
            let system = value(.systemPromptTokens)
            guard system > 0, case let (kept, cut) = trimmed(to: target), cut != .own else { return [(.avgInputTokens, target)] }
            return [(.avgInputTokens, target), (.systemPromptTokens, kept)]
        }
        /// How `trim(to:)` divides the cut, for the lever's text: empty without a system prompt.
        func split(of target: Double) -> String {
            let system = value(.systemPromptTokens), own = value(.avgInputTokens) - system
            guard system > 0 else { return "" }
            let (kept, cut) = trimmed(to: target)
            switch cut {
            case .system:
                // A prompt that is all system prompt has no text of its own to keep ("each request's own 0 stay").
                return "; the cut comes out of the system prompt, \(Format.count(system)) to \(Format.count(kept))"
                    + (own > 0 ? ", and each request's own \(Format.count(own)) stay" : "")
            case .own:
                return "; the cut comes out of each request's own text, \(Format.count(own)) to \(Format.count(target - system)), "
                    + "and the system prompt's \(Format.count(system)) stay"
            case .both:
                return "; every part loses the same share: the system prompt \(Format.count(system)) to "
                    + "\(Format.count(kept)), each request's own text \(Format.count(own)) to \(Format.count(target - kept))"
            }
        }
        // What the verdict pays now: a tiered plan's month with its escalations, else the primary's.
        let share = value(.complexShare)
        let paidNow = planNow ?? before
        /// ", which fits {task} only 'good'" where `model` fits the workload's task less well than `than` does: a lever
        /// that moves the verdict to a weaker model says so.
        func fitBelow(_ model: Int, _ than: Int) -> String {
            let task = Int(value(.taskType))
            let fit = k.compiledModels[model].fit[task], reference = k.compiledModels[than].fit[task]
            guard fit > reference else { return "" }
            return ", which fits \(AnswerID.taskType.choices[task].replacingOccurrences(of: "_", with: " ")) only '\(fit.rawValue)'"
                + " where \(k.models[than].title) fits it '\(reference.rawValue)'"
        }
        /// What a lever priced on one model does to what the verdict pays, in a sentence; nil where that is the
        /// lever's own figure. A lever on a tiered plan moves the escalations too (the effort answer is every model's:
        /// Haiku 5.5 to low took Sonnet 5.5's escalated 2 % from high to low as well, the plan from $2,727.60 to
        /// $747.60, while the lever said $900 less); a lever can turn the verdict into a plan, or out of one; and a
        /// lever priced on a model the verdict passed over is set against the one it recommends.
        func paidEffect(_ changes: [(AnswerID, Double)], pricedOn: Int, _ priced: Priced) -> String? {
            let ownChange = priced.monthly - monthly[pricedOn]
            // A plan before and after always says its month in all, even where the escalations' part stays.
            guard (planNow != nil && priced.plan != nil) || abs((priced.paid - paidNow) - ownChange) >= 0.005 else { return nil }
            if let planNow, let after = priced.plan, let e = d.escalation {
                let effortMoved = changes.contains { $0.0 == .reasoningEffort } && after.escalation == e
                // "Too" only where the escalation model runs at the lever's level (Sonnet 5.5 cannot switch thinking off).
                let asked = changes.first { $0.0 == .reasoningEffort }.map { AnswerID.reasoningEffort.choices[Int($0.1)] }
                // Already at that level (a 20 s budget held Sonnet 5.5 at low): "at low too" read as a second change.
                let before = v.withUnsafeBufferPointer { p in
                    k.escalatedPricing(model: e, p, priced: monthly[e], usage: usage).effort ?? k.reasoning(model: e, p).effort
                }
                let unchanged = effortMoved && after.effort == before
                let level = after.effort.map { " at \($0.rawValue)" + (unchanged ? " already" : $0.rawValue == asked ? " too" : ", its least") } ?? ""
                let opening = !effortMoved ? "With its escalations to \(k.models[after.escalation].title), "
                    : unchanged ? "\(k.models[e].title) answers the complex \(Format.percent(share))\(level), so only "
                        + "\(k.models[d.primary].title)'s part moves: "
                    : "The answer sets every model's effort: \(k.models[e].title) answers the complex \(Format.percent(share))\(level), and "
                return opening + "the plan costs \(Format.money(after.monthly)) a month instead of \(Format.money(planNow))"
                    + (effortMoved && !unchanged ? "; check the hard answers' quality as well." : ".")
            }
            if let planNow {
                // Out of the plan and onto another model: named, with its fit where it is weaker than the Haiku's
                // ("sends no request on to Sonnet 5.5: $240 in all" read as the Haiku alone at $240, beside its $2,124).
                let onto = priced.payer == primary ? ""
                    : " and recommends \(k.models[priced.payer].title)" + fitBelow(priced.payer, primary)
                return "The verdict then sends no request on to \(k.models[d.escalation!].title)\(onto): \(Format.money(priced.paid)) "
                    + "a month in all, against \(Format.money(planNow)) for the plan with its escalations today."
            }
            if let after = priced.plan {
                return "The verdict then becomes a plan that sends the complex \(Format.percent(share)) on to "
                    + "\(k.models[after.escalation].title): \(Format.money(after.monthly)) a month in all, against \(Format.money(paidNow)) today."
            }
            let payer = k.models[priced.payer].title
            if pricedOn == primary {
                return "The verdict then recommends \(payer)\(fitBelow(priced.payer, primary)): \(Format.money(priced.paid)) a month."
            }
            return "Against \(k.models[primary].title)'s \(Format.money(paidNow)) a month today, the verdict then pays "
                + "\(Format.money(priced.paid))\(priced.payer == pricedOn ? "" : " on \(payer)")."
        }
        func add(_ kind: LeverKind, _ changes: [(AnswerID, Double)], _ values: [String: String],
                 priced: Priced, on model: Int? = nil) {
            guard v.withUnsafeBufferPointer({ rules.offers(kind, $0) }) else { return }
            let words = rules.levers[kind]!
            let pricedOn = model ?? primary
            let before = monthly[pricedOn]
            var filled = values
            filled["model"] = k.models[pricedOn].title
            let shown = Format.moneyChange(before: before, after: priced.monthly)
            filled["before"] = shown.before
            filled["after"] = shown.after
            filled["saving"] = before >= priced.monthly ? shown.change : Format.money(before - priced.monthly)
            filled["extra"] = priced.monthly >= before ? shown.change : Format.money(priced.monthly - before)
            // On the Haiku the verdict passed over, its way back says what the Haiku then costs, not a saving.
            var text = Template.fill(pricedOn != primary ? words.back_text ?? words.text : words.text, filled)
            // The routing levers price the plan already.
            let effect = kind == .route_complex || kind == .route_simple ? nil : paidEffect(changes, pricedOn: pricedOn, priced)
            // A saving on its model that raises what the verdict pays is no saving (batch turned 8M strict
            // classifications into a $21,960 plan with escalations, offered as "$2,790 less" against $5,580).
            // The Haiku's way back under the cost ceiling stays, ranked by what the verdict then pays: it is the price of
            // the Haiku's verdict, and its sentence says it (a trim to bring Haiku 5.5 back under its line makes a $3,519
            // plan of a $687 month).
            if effect != nil, pricedOn == primary, priced.monthly < before, priced.paid > paidNow + 0.005 { return }
            // More thinking is offered for a margin of quality: one whose verdict moves to a model that fits the task
            // less well buys none (strict moderations on Sonnet 4.6, 'strong', went to Sonnet 5.5, 'good', at low).
            if kind == .raise_effort, priced.plan == nil, !fitBelow(priced.payer, pricedOn).isEmpty { return }
            if let effect { text += " " + effect }
            var lever = Lever(kind: kind, text: text, url: words.url,
                               model: k.models[pricedOn].slug,
                               changes: changes.map { LeverChange(answer: $0.0, to: k.decode($0.1, for: $0.0)) },
                               monthly_before: Format.rounded(before), monthly_after: Format.rounded(priced.monthly),
                               verdict: priced.verdict, score: priced.score)
            if effect != nil { lever.paidDifference = priced.paid - paidNow }
            found.append(lever)
        }

        // When no model holds the request, the one lever that matters is the cut that makes it fit.
        if d.basis == .nothing_fits {
            let target = v.withUnsafeBufferPointer { k.fitTarget(model: primary, $0) }
            guard let target else { return [] }
            add(.trim_to_fit, trim(to: target), [
                "tokens": Format.count(target), "split": split(of: target),
                "counted_with": k.models[Int(value(.tokensCountedWith))].title,
                "window": Format.count(k.compiledModels[primary].contextWindow)], priced: apply(trim(to: target)))
            return found
        }
        // Trim prompts under the long-context line.
        v.withUnsafeBufferPointer { p in
            if let (target, roomy) = k.leverTrim(line, p) {
                let priced = apply(trim(to: target))
                if saves(priced.monthly) {
                    add(.trim_below_cliff, trim(to: target), [
                        "tokens": Format.count(target), "split": split(of: target),
                        "threshold": Format.count(line.rates.long_context_threshold ?? 0), "room": Self.trimRoom(roomy),
                        "counted_with": k.models[Int(value(.tokensCountedWith))].title], priced: priced)
                }
            }
        }
        // Where the Haiku lost on its own price line, its trim is the way back, priced on the Haiku: under the cost
        // ceiling always (the ceiling is a price comparison), after the long-context rule's points only where the
        // trim brings it back as the recommended model.
        if let h = haikuLostOnItsLine(d), let haikuLine {
            v.withUnsafeBufferPointer { p in
                if let (target, roomy) = k.leverTrim(haikuLine, p) {
                    let priced = apply(trim(to: target), on: h)
                    if d.basis == .cost_ceiling || priced.payer == h {
                        add(.trim_below_cliff, trim(to: target), [
                            "tokens": Format.count(target), "split": split(of: target),
                            "threshold": Format.count(haikuLine.rates.long_context_threshold ?? 0), "room": Self.trimRoom(roomy),
                            "counted_with": k.models[Int(value(.tokensCountedWith))].title],
                            priced: priced, on: h)
                    }
                }
            }
        }
        // Cache the stable prefix, when the model caches and nothing is cached yet, unless the team said that nothing
        // of its prompts is stable (a share of 0 given, no system prompt): that is its answer, not a lever.
        let noneStable = !answers.isAssumed(.cachedInputShare) && !answers.isDerived(.cachedInputShare)
            && value(.cachedInputShare) == 0
        if line.hosting == .api, !noneStable, line.rates.cache_read_per_mtok != nil,
           line.rates.caching == .noCacheableShare || line.rates.caching == .not_worth_it,
           let range = k.plausibleRange(.cachedInputShare, around: value(.cachedInputShare)),
           range.upperBound > value(.cachedInputShare) {
            let share = (range.upperBound * 100).rounded(.down) / 100
            let priced = apply([(.cachedInputShare, share)])
            if saves(priced.monthly) {
                add(.cache_prefix, [(.cachedInputShare, share)], ["share": Format.percent(share)], priced: priced)
            }
        }
        // Batch, one step from interactive work, when the latency was assumed: a team that says a person waits a
        // few seconds for each answer is not told to wait a day for it (what would change still names batch where it
        // flips the verdict).
        let batch = Knowledge.batchLatency
        // The task check before the pricing: `add` would drop the lever after a decision spent on it.
        if value(.latency) != batch, answers.isAssumed(.latency), v.withUnsafeBufferPointer({ rules.offers(.batch, $0) }),
           k.plausibleChoice(.latency, from: value(.latency), to: batch) {
            let priced = apply([(.latency, batch)])
            if saves(priced.monthly), let discount = k.compiledModels[primary].prices(on: Int(value(.asOf)))?.batchDiscount {
                add(.batch, [(.latency, batch)], ["discount": Format.percent(discount)], priced: priced)
            }
        }
        // One reasoning level down (a saving) or up (a margin), among the levels the model's API accepts. Where
        // the thinking weighs on the latency (realtime answers, or a budget of which it takes a share at a typical
        // speed: ThinkingTime.swift), thinking off instead of one level down, or the lowest level where the model
        // cannot stop thinking, and never more: the reasoning tokens are written before the first word of the answer
        // (/criteria/reasoning-effort).
        // Not where forced tool calls keep thinking off (content/criteria/tool-choice.md): no effort answer moves it.
        let thinkingFixed = v.withUnsafeBufferPointer { k.thinkingOffForTools(model: primary, $0) }
        if !thinkingFixed, let reasoning = k.compiledModels[primary].reasoning, let effort = line.rates.reasoning_effort {
            let levels = reasoning.levels.sorted()
            let budget = value(.latencyBudgetSeconds)
            // Less thinking for the latency's sake only where the thinking weighs on it; otherwise the effort
            // levers below, which weigh the money.
            // Not, for work that keeps its thinking (no lower effort is offered to it), where the level it runs at
            // already leaves time to answer: Sonnet 5.5 priced at medium for strict RAG answers due in 20 s was then
            // told to go to low "for a 20 s budget".
            let keepsThinking = v.withUnsafeBufferPointer { k.keepsThinking($0) }
            let forLatency = line.rates.reasoning_tokens_per_request > 0
                && v.withUnsafeBufferPointer { k.thinkingWeighsOnLatency(model: primary, $0) }
                && !(keepsThinking && value(.latencyBudgetSeconds) > 0 && v.withUnsafeBufferPointer {
                    k.leavesTimeToAnswer(model: primary, reasoning: line.rates.reasoning_tokens_per_request, $0) })
            // One level down, or the least the API accepts for a team the content sends there (to_least_when).
            var lower = v.withUnsafeBufferPointer { rules.lowerToLeast?.holds($0, override: -1, value: 0) ?? false }
                ? levels.first { $0 < effort } : levels.last { $0 < effort }
            // An interactive answer whose thinking outlasts the wait goes down to the level that fits it, as its warning
            // says (ThinkingTime.swift): high to medium left Haiku 5.5's chats at 12 s before the first word.
            if let step = lower, v.withUnsafeBufferPointer({ k.fitsInteractiveWait(model: primary, at: step, $0) }) == false {
                lower = v.withUnsafeBufferPointer { k.levelFittingInteractiveWait(model: primary, below: effort, $0) } ?? step
            }
            // More thinking would only take longer where the thinking already weighs on the latency, or where the
            // level up would weigh on it: Mistral Small without thinking, answering moderations within 0.6 s, was
            // told to raise its effort to high, 3,000 reasoning tokens before each answer.
            // Nor, for an interactive answer, past the wait before its first word (30.9 s at high for a chat). Nor past
            // the headroom the verdict holds the model to: 780,000-token analyses on Sonnet 4.6, thinking off at 80.0 % of
            // its window, were told to raise it to low, 80.03 %, where the verdict itself moves to another model.
            let higher = forLatency ? nil : levels.first { $0 > effort }.flatMap { up in
                atEffort(up) { k.thinkingWeighsOnLatency(model: primary, $0) || !k.withinHeadroom(model: primary, $0) }
                    || v.withUnsafeBufferPointer({ k.fitsInteractiveWait(model: primary, at: up, $0) }) == false ? nil : up
            }
            let need = v.withUnsafeBufferPointer(Knowledge.need)
            // The answer is written after the thinking at the same floor speed (ThinkingTime.swift): a lever towards
            // a budget it cannot reach says so.
            let answerSeconds = v.withUnsafeBufferPointer { k.answerFloor(model: primary, $0)?.seconds ?? 0 }
            if forLatency, effort != .none, levels.contains(.none) {
                let priced = apply([(.reasoningEffort, Effort.none.answer)])
                add(.thinking_off, [(.reasoningEffort, Effort.none.answer)], [
                    "effort": effort.rawValue, "tokens": Format.count(line.rates.reasoning_tokens_per_request),
                    "need": budget > 0 && answerSeconds > budget ? "\(need), which even that cannot meet" : need], priced: priced)
                lower = nil
            } else if forLatency, let lowest = levels.first, lowest < effort, lowest != .none {
                // A model that cannot stop thinking: its lowest level, not one step down (high → low, not medium),
                // with the tokens it still writes first. Where even those outlast the budget at the fastest output
                // reported (ThinkingTime.swift), the lever goes towards the budget, not to it.
                let remaining = atEffort(lowest) { k.reasoningTokens(model: primary, $0) }
                let short = budget > 0 && (k.thinkingFloor(model: primary, at: lowest)?.seconds ?? 0) + answerSeconds > budget
                add(.least_thinking, [(.reasoningEffort, lowest.answer)], [
                    "effort": effort.rawValue, "lowest": lowest.rawValue,
                    "need": short ? "\(need), which even that level cannot meet" : need,
                    "tokens": Format.count(line.rates.reasoning_tokens_per_request), "tokens_after": Format.count(remaining)],
                    priced: apply([(.reasoningEffort, lowest.answer)]))
                lower = nil
            }
            // Which workloads are offered less effort, and which more, is the levers' `when` (criteria/_index.md).
            if let lower {
                // A step down in quality, so only for a saving that matters to the bill, not 1 % of it.
                let priced = apply([(.reasoningEffort, lower.answer)])
                if saves(priced.monthly), before - priced.monthly >= rules.minQualityTradeShare * before {
                    // "to none" alone reads as a typo; say what it does.
                    add(.lower_effort, [(.reasoningEffort, lower.answer)],
                        ["effort": lower == .none ? "none (thinking off)" : lower.rawValue], priced: priced)
                }
            }
            // A tiered plan buys the hard requests' margin from its escalation model: for the Haiku that answers
            // first, the lever's condition is read as if no request were complex, so work that must be right the first
            // time keeps the offer and a 40 % complex share does not buy its margin twice.
            if let higher, d.verdict != .tieredRouting
                || v.withUnsafeBufferPointer({ rules.offers(.raise_effort, $0, zeroing: .complexShare) }) {
                add(.raise_effort, [(.reasoningEffort, higher.answer)], ["effort": higher.rawValue],
                    priced: apply([(.reasoningEffort, higher.answer)]))
            }
        }
        let tiered = Engine.tieredPlan
        // The routing plan with the Haiku `h` in front of the escalation model `e`: the Haiku answers every request and
        // `e` the complex share again, priced at the combined bill a tiered verdict shows (DecisionSummary), with the
        // router's build and upkeep as the routing_payback policy that applies counts them (hours at the team's rate).
        // Nil unless a year's saving against `e` on every request pays for the router's first year, that policy's own
        // test: one request a month saves $0.01 a year against an $8,800 router, and sending everything to `e` is
        // then the simpler way to the same answers.
        func routed(haiku h: Int, escalation e: Int) -> (monthly: Double, verdict: Verdict, score: Double, router: String)? {
            let share = value(.complexShare)
            let payback = v.withUnsafeBufferPointer { p in
                k.policies.first { $0.kind == .routing_payback && ($0.condition?.holds(p, override: -1, value: 0) ?? true) }
            }
            let firstYear = (payback?.routerHoursFirstYear ?? 0) * value(.developerHourlyUSD)
            guard Engine.routingSavingPerYear(haiku: monthly[h], escalation: monthly[e], escalated: escalated ?? monthly[e],
                                              share: share) > firstYear else { return nil }
            let words = "about \(Format.number(payback?.buildHours ?? 0)) hours to build and "
                + "\(Format.number(payback?.upkeepHoursPerMonth ?? 0)) hours a month to keep"
                // "your developer rate" was said of the assumed one too.
                + (firstYear > 0 ? ", \(Format.money(firstYear)) in its first year at "
                    + (answers.isAssumed(.developerHourlyUSD)
                        ? "an assumed \(Format.money(value(.developerHourlyUSD))) an hour (give your developer rate to use yours)"
                        : "your developer rate") : "")
            let plan = apply([(.routing, tiered)])
            return (Engine.tieredMonthly(haiku: monthly[h], escalation: escalated ?? monthly[e], share: share),
                    plan.verdict, plan.score, words)
        }
        // Route the complex share, when everything runs on the Haiku and an escalation model can take the hard part.
        // Not where the escalated requests cannot be answered within the stated budget at any setting: they are
        // answered again by it, after the Haiku, so they wait for both (a 0.35 s voice turn cannot wait for Sonnet
        // 5.5's thinking; 20-token classifications due in 1 s take 0.215 s on Haiku 5.5 and 0.965 s more on Sonnet 5.5
        // at its least, and the plan the lever offered was warned of as 1.18 s).
        let budget = value(.latencyBudgetSeconds)
        if d.verdict == .chooseHaiku, let escalation = d.escalation, escalation != primary, value(.complexShare) > 0,
           value(.routing) != tiered, v.withUnsafeBufferPointer({ rules.offers(.route_complex, $0) }),
           !v.withUnsafeBufferPointer({ k.missesBudgetAtEverySetting(model: escalation, $0) }),
           budget <= 0 || v.withUnsafeBufferPointer({ k.leastSeconds(model: primary, $0) + k.leastSeconds(model: escalation, $0) }) <= budget,
           let plan = routed(haiku: primary, escalation: escalation) {
            // A legacy escalation model is named as one (Sonnet 4.6 where Sonnet 5.5 refuses forced tool calls).
            let state = v.withUnsafeBufferPointer { legacyNote(escalation, $0) }
            add(.route_complex, [(.routing, tiered)], ["escalation": k.models[escalation].title, "escalation_state": state,
                                                       "share": Format.percent(value(.complexShare)), "router": plan.router],
                priced: Priced(monthly: plan.monthly, verdict: plan.verdict, score: plan.score, plan: nil, paid: plan.monthly,
                               payer: primary))
        }
        // The other way round: the score gave everything to the escalation model because much of the work is hard,
        // while the Haiku fits the task and a router could send it the simple rest (5M RAG answers a month, 30 %
        // complex: Claude Sonnet 5.5 at $254,000 against $84,000 routed, and nothing said so). Offered where the
        // plan would be honoured (no hard limit rules the Haiku out: the routed verdict is tiered).
        let task = Int(value(.taskType))
        if d.verdict == .chooseAlternative, let h = d.haiku, primary == d.escalation, h != primary, !d.haikusRuledOut,
           value(.complexShare) > 0, value(.routing) != tiered, k.compiledModels[h].fit[task] <= .good,
           v.withUnsafeBufferPointer({ rules.offers(.route_simple, $0) }),
           let plan = routed(haiku: h, escalation: primary), saves(plan.monthly), plan.verdict == .tieredRouting {
            // A legacy Haiku (Haiku 5.5 out of the latency budget) is named as one.
            let haiku = k.models[h].title + v.withUnsafeBufferPointer { legacyNote(h, $0) }
            let share = value(.complexShare)
            add(.route_simple, [(.routing, tiered)], ["haiku": haiku, "share": Format.percent(share),
                                                      "simple": Format.percent(1 - share), "router": plan.router],
                priced: Priced(monthly: plan.monthly, verdict: plan.verdict, score: plan.score, plan: nil, paid: plan.monthly,
                               payer: primary))
        }

        // Savings (negative) first, the largest first; then margins, the cheapest first; by what the verdict pays.
        return found.sorted { $0.rankedDifference < $1.rankedDifference }
    }
}

/// A lever's changes priced (`Engine.levers`): the month of the model it is priced on, the verdict and score they
/// give, that verdict's tiered plan if it is one, and what the verdict then pays (the plan, or its primary's month).
struct Priced {
    let monthly: Double
    let verdict: Verdict
    let score: Double
    let plan: PlanAfter?
    let paid: Double
    /// The model the verdict then recommends (a plan's Haiku).
    let payer: Int
}

/// A tiered plan after a lever: its month with the escalations, the escalation model and the effort it runs at.
struct PlanAfter {
    let monthly: Double
    let escalation: Int
    let effort: Effort?
}

/// Which part of a prompt a trim lever cuts (`Engine.levers`).
enum TrimCut { case system, own, both }
