import Foundation

// What would change the verdict: for every workload answer, the nearest value within its plausible range
// (LeverRules.swift) that gives a different verdict, found by re-running the decision: ordered choices try their
// neighbours, booleans the other value; numbers both sides of every threshold the rules and policies compare the
// answer with, plus the ends of the range, then bisect towards the current value for the nearest boundary.
// Monthly requests, the developer rate and the complex share move the cost comparisons along straight lines, so
// their boundaries are solved, not searched: where another model's bill crosses the primary's and where tiered
// routing starts or stops paying for itself (`solvedBoundaries`).

extension Engine {
    /// Under an imported distribution (`Engine.usage`) its prices replace the average request's, and a changed cost
    /// answer re-prices it (UsagePricing.swift).
    /// - Parameters:
    ///   - decision: the decision on the answers as given; `monthly`: every model's cost for them (the
    ///     assessment's one cost vector).
    ///   - imported: under an import, its distribution priced on the answers as given (which models hold it).
    func whatWouldChange(_ answers: Answers, current decision: Decision, monthly baseCosts: [Double],
                         imported: UsagePrices? = nil) -> [Change] {
        let values = answers.values
        let current = decision.verdict
        let primaryInTime = values.withUnsafeBufferPointer { !knowledge.cannotAnswerInTime(model: decision.primary, $0) }
        // Whether any model the decision could use answers within the budget: where one does, the budget rules out
        // the late models as fit as it (Engine.decide), and a change that leaves none in time lifts that.
        func someInTime(_ v: UnsafeBufferPointer<Double>, usable: [Bool]) -> Bool {
            knowledge.models.indices.contains { m in
                usable[m] && !knowledge.cannotAnswerInTime(model: m, v) && knowledge.latencyCheck(model: m, v)?.verdict != .misses
            }
        }
        let inTimeNow = primaryInTime || values.withUnsafeBufferPointer { someInTime($0, usable: decision.usable) }
        var changes: [Change] = []
        let baseLean = values.withUnsafeBufferPointer { knowledge.effortRegime($0) }
        func decideChanged(_ v: UnsafeBufferPointer<Double>, _ known: [Double]?, _ usable: [Bool]?) -> Decision {
            if let known { return decide(v, costs: known, imported: imported, usable: usable) }
            // Re-priced: through the distribution, which re-checks which models hold it, or on the average request.
            return usage == nil ? decide(v, usable: usable) : decideAsPriced(v)
        }
        // The routing plan is not a what-if of the workload: the route_complex lever offers it, priced.
        for id in AnswerID.allCases where id.kind != .model && id.kind != .date && id != .routing {
            let i = id.rawValue
            let now = values[i]
            let costsMove = Self.fixedCostInputs.contains(id), usabilityMoves = Self.fixedUsabilityInputs.contains(id)
            var best: (value: Double, distance: Double, score: Double, verdict: Verdict, primary: Int)? = nil
            typealias Flip = (score: Double, verdict: Verdict, primary: Int)
            // A change that gives another verdict, but not by recommending a model that cannot answer within the
            // budget in place of one that can: where no model can, none is ruled out for it (Engine.decide), so a
            // tighter budget or longer answers would otherwise "bring Haiku back" (4 s extractions of 1,700 tokens).
            func flipped(_ v: UnsafeBufferPointer<Double>) -> Flip? {
                // Any other answer moves the bills, and so which models are usable, only where it turns
                // `least_effort_when` or `thinking_kept_when` (cost priority, accuracy, the task, the complex share
                // re-price reasoning models).
                let repriced = knowledge.effortRegime(v) != baseLean
                let d = decideChanged(v, costsMove || repriced ? nil : baseCosts,
                                      usabilityMoves || repriced ? nil : decision.usable)
                guard d.verdict != current else { return nil }
                // Nor by leaving no model in time, so that the budget stops ruling out the late ones: 3,600-token
                // answers "brought the Haiku plan" to 4 s analyses because gpt-oss-20b, the one model in time at
                // 3,000, no longer was, and Haiku 5.5 needs about 11.9 s.
                if knowledge.cannotAnswerInTime(model: d.primary, v),
                   primaryInTime || (inTimeNow && !someInTime(v, usable: d.usable)) { return nil }
                return (d.score, d.verdict, d.primary)
            }
            func consider(_ candidate: Double, distance: Double) {
                guard candidate != now else { return }
                if let best, best.distance <= distance { return }
                if let result = trial(values, i, candidate, flipped) { best = (candidate, distance, result.score, result.verdict, result.primary) }
            }
            switch id.kind {
            case .choice:
                for index in id.choices.indices where knowledge.plausibleChoice(id, from: now, to: Double(index)) {
                    // Ties (one step up, one step down) go to the lower index: add a small bias.
                    consider(Double(index), distance: abs(Double(index) - now) + Double(index) * 1e-6)
                }
            case .boolean:
                consider(now == 0 ? 1 : 0, distance: 1)
            case .integer, .number:
                guard var range = knowledge.plausibleRange(id, around: now) else { break }
                // The input contains the system prompt: a shorter one is no workload this team could move to.
                let system = values[AnswerID.systemPromptTokens.rawValue]
                if id == .avgInputTokens && system > range.lowerBound {
                    guard system <= range.upperBound else { break }
                    range = system...range.upperBound
                }
                let integral = id.kind == .integer
                let bounds = integral ? [range.lowerBound.rounded(.up), range.upperBound.rounded(.down)]
                    : [range.lowerBound, range.upperBound]
                var candidates = candidatesOnTheTeamsCount(values, id).filter(range.contains) + bounds.filter(range.contains)
                let solved = Self.linearAnswers.contains(id)
                if solved {
                    // The lines are the average request's, so an imported distribution's costs are not their points.
                    candidates += solvedBoundaries(values, id, in: range, decision: usage == nil ? decision : nil,
                                                   here: usage == nil ? baseCosts : nil)
                    if id == .monthlyRequests { candidates += cachePaysFrom(values, in: range) }
                }
                // Nearest first, so that once a flip is found the farther candidates cost nothing; each value once
                // (a threshold's side is often a range end or another root's side, and a value that did not flip
                // would be decided again).
                candidates = Array(Set(candidates))
                candidates.sort { (abs($0 - now), $0) < (abs($1 - now), $1) }
                // No requests at all is no workload: every cost is zero and the comparison says nothing.
                for candidate in candidates where !(id == .monthlyRequests && candidate == 0) {
                    consider(candidate, distance: abs(candidate - now) + (candidate < now ? 1e-9 : 0))
                }
                // The linear answers' boundaries were solved, not searched; a rounder value if it still flips.
                if solved {
                    if let found = best, integral {
                        let nice = Self.roundish(found.value, towards: now, integral: true)
                        if nice != found.value, range.contains(nice), abs(nice - now) <= abs(found.value - now) * 1.05 {
                            if let d = trial(values, i, nice, flipped) { best = (nice, abs(nice - now), d.score, d.verdict, d.primary) }
                        }
                    }
                    break
                }
                // A bill that changes course between here and the flip found (a cache minimum reached, a window
                // outgrown) can flip the verdict nearer: try those points too, nearest first, before bisecting.
                if best != nil {
                    let kinks = sides(of: costKinks(values, id, usable: decision.usable), id, in: range)
                    for kink in Set(kinks).sorted(by: { (abs($0 - now), $0) < (abs($1 - now), $1) }) {
                        consider(kink, distance: abs(kink - now) + (kink < now ? 1e-9 : 0))
                    }
                }
                // Policies compare costs, which move continuously with the numbers: the flip may lie between two
                // rule thresholds. Bisect from the current value to the flip found, for the nearest boundary.
                if let found = best {
                    var lo = now, hi = found.value
                    var result: Flip = (found.score, found.verdict, found.primary)
                    func verdictAt(_ x: Double) -> Flip? { trial(values, i, x, flipped) }
                    // Half a percent is as near as a person reads a volume or a rate; then a rounder value if it
                    // still flips.
                    for _ in 0..<24 {
                        let gap = abs(hi - lo)
                        if gap <= Swift.max(integral ? 1 : 1e-4, abs(hi) * 0.005) { break }
                        var mid = (lo + hi) / 2
                        if integral { mid = mid.rounded(hi > lo ? .down : .up) }
                        if mid == lo || mid == hi { break }
                        if let r = verdictAt(mid) { hi = mid; result = r } else { lo = mid }
                    }
                    let nice = Self.roundish(hi, towards: lo, integral: integral)
                    if nice != hi, abs(nice - now) <= abs(found.value - now) {
                        if let r = verdictAt(nice) { hi = nice; result = r }
                    }
                    best = (hi, abs(hi - now), result.score, result.verdict, result.primary)
                }
            case .model, .date:
                break
            }
            // A shorter prompt that flips the verdict only by landing just under the new primary's long-context
            // line is the near-line trap, whose longer requests cross it: 76,923 tokens, 99,999.9 on Haiku 5.5's
            // count, was offered where its own lever said 57,600. The roomy length the lever aims at is offered
            // instead where it gives the same verdict, and where it keeps the system prompt it includes (57,600
            // beside a 75,000-token system prompt was an answer set the engine refuses; the lever cuts both).
            if id == .avgInputTokens, let found = best, found.value < now,
               let roomy = roomierPrompt(values, at: found.value, primary: found.primary),
               roomy < found.value, roomy >= (knowledge.plausibleRange(id, around: now)?.lowerBound ?? 0),
               roomy >= values[AnswerID.systemPromptTokens.rawValue],
               let result = trial(values, i, roomy, flipped), result.verdict == found.verdict {
                best = (roomy, abs(roomy - now), result.score, result.verdict, result.primary)
            }
            if let best {
                changes.append(Change(answer: id, to: knowledge.decode(best.value, for: id), verdict: best.verdict,
                                      score: best.score))
            }
        }
        return changes
    }

    /// The values of answer `id` on either side of the rules' thresholds, on the count the team answered in: a
    /// token count's thresholds are the reference tokenizer's (`CompiledCondition.counted`), so a count made with
    /// Haiku 5.5 crosses the 10,000-token line at about 13,000.
    private func candidatesOnTheTeamsCount(_ values: [Double], _ id: AnswerID) -> [Double] {
        let reference = knowledge.numericCandidates[id.rawValue]
        let ratio = knowledge.tokenRatios[Int(values[AnswerID.tokensCountedWith.rawValue])]
        guard CompiledCondition.tokenCounts.contains(id), ratio != 1 else { return reference }
        return reference.flatMap { t in [(t * ratio).rounded(.down), (t * ratio).rounded(.up), (t * ratio).rounded(.up) + 1] }
    }

    /// Where the average prompt `prompt` leaves `m`, the primary decided on it, within `levers.near_line_share` of its
    /// whole-request long-context line (the near-line trap): the prompt that leaves the lever's room under the line
    /// (Knowledge.trimTarget at that share); nil otherwise.
    private func roomierPrompt(_ values: [Double], at prompt: Double, primary m: Int) -> Double? {
        guard let share = knowledge.leverRules?.nearLineShare else { return nil }
        let i = AnswerID.avgInputTokens.rawValue
        return trial(values, i, prompt) { v -> Double? in
            guard knowledge.compiledModels[m].prices(on: Int(v[AnswerID.asOf.rawValue]))?.longContext?.wholeRequest == true
            else { return nil }
            let line = knowledge.costLine(model: m, v)
            guard line.rates.band != .long_context, let threshold = line.rates.long_context_threshold,
                  let counted = line.rates.long_context_counted, counted >= share * threshold, counted <= threshold else { return nil }
            // The trim lever's arithmetic: the provider's tool-use prompt does not shrink with the prompt, the rest does.
            let roomy = Knowledge.promptCounting(share * threshold, input: prompt, counted: counted,
                                                 fixed: line.rates.tool_prompt_tokens_per_request ?? 0)
            return roomy.flatMap { $0 > 0 ? $0 : nil }
        }
    }

    /// Runs `body` on the answers with answer `i` set to `x`, the derived ones worked out again (a new prompt
    /// length changes the share a system prompt makes of it), as the link that applies the change will.
    private func trial<T>(_ values: [Double], _ i: Int, _ x: Double, _ body: (UnsafeBufferPointer<Double>) -> T) -> T {
        var w = values
        w[i] = x
        if i == AnswerID.cachedInputShare.rawValue { w[AnswerID.systemPromptTokens.rawValue] = 0 }
        Answers.derive(&w)
        return w.withUnsafeBufferPointer(body)
    }

    /// Answers that move the decision's cost comparisons along straight lines, so that their boundaries can be
    /// solved: volume scales every bill, the developer rate the self-hosted bills and the router's cost, the
    /// complex share routing's saving.
    static let linearAnswers: Set<AnswerID> = [.monthlyRequests, .developerHourlyUSD, .complexShare]

    /// The values of a linear answer inside `range` where the decision's cost comparisons tip. Each model's bill is
    /// a line in the answer (read from two cost lines), so the cost-first primary changes where another usable
    /// model's line crosses the primary's; tiered routing starts or stops paying where a year's saving,
    /// 12 × (escalation − Haiku − complex × escalated), meets the router's cost, (build + 12 × upkeep) × hourly rate.
    /// Each root is returned as the values just on both sides of it (whole numbers, or hundredths of a share).
    private func solvedBoundaries(_ values: [Double], _ id: AnswerID, in range: ClosedRange<Double>,
                                  decision known: Decision?, here knownCosts: [Double]?) -> [Double] {
        let k = knowledge
        let i = id.rawValue
        let now = values[i]
        let step = now > 0 ? now : 1
        var moved = values
        moved[i] = now + step
        let here = knownCosts ?? values.withUnsafeBufferPointer { v in k.models.indices.map { self.monthly($0, v) } }
        let d = known ?? values.withUnsafeBufferPointer { decide($0) }
        let there = moved.withUnsafeBufferPointer { v in k.models.indices.map { self.monthly($0, v) } }
        let rate = zip(here, there).map { ($1 - $0) / step }
        let fixed = zip(here, rate).map { $0 - $1 * now }
        var roots: [Double] = []
        let a = d.primary
        // The share moves no bill except where it turns `least_effort_when` or `thinking_kept_when`, whose sides are
        // numeric candidates already: no crossing to solve (a step across that line is no rate).
        for b in k.models.indices where id != .complexShare && b != a && d.usable[b] && rate[a] != rate[b] {
            roots.append((fixed[b] - fixed[a]) / (rate[a] - rate[b]))
        }
        let complex = values[AnswerID.complexShare.rawValue]
        let hourly = values[AnswerID.developerHourlyUSD.rawValue]
        // Only a Haiku and an escalation model that can be usable at all: served that day, fit for the task, held by
        // their windows. None of that reads volume, the developer rate or the complex share, so a model left out here
        // is the decision's Haiku or escalation model at no value of the answer (a retired Haiku's roots were tried).
        let (haikus, escalations) = values.withUnsafeBufferPointer { v in
            (k.haikuIndices.filter { usable($0, v) }, k.escalationIndices.filter { usable($0, v) })
        }
        // The escalation model's month with every request priced as complex (Knowledge.escalatedMonthly), the part
        // of it the plan pays, is a line of its own where cost first prices the rest at the least thinking.
        func escalated(_ v: [Double], _ bills: [Double], _ e: Int) -> Double {
            v.withUnsafeBufferPointer { k.escalatedMonthly(model: e, $0, priced: bills[e], usage: self.usage) }
        }
        func lean(_ share: Double) -> Int {
            values.withUnsafeBufferPointer { v in v.with(.complexShare, share) { k.effortRegime($0) } }
        }
        // For the share: the Haikus' and escalation models' bills on each side of `least_effort_when` and
        // `thinking_kept_when` (lowered below, each model's default, or its thinking on, above).
        let shareSides: [(share: Double, bills: [Double])] = id != .complexShare || lean(0) == lean(1) ? [(complex, here)]
            : [0.0, 1.0].map { side in
                (side, values.withUnsafeBufferPointer { v in v.with(.complexShare, side) { lv in
                    k.models.indices.map { haikus.contains($0) || escalations.contains($0) ? self.monthly($0, lv) : 0 }
                } })
            }
        let escalatedLines = escalations.map { e in
            let xHere = escalated(values, here, e)
            // Priced with every request complex, it does not move with the share.
            return (e, xHere, id == .complexShare ? 0 : (escalated(moved, there, e) - xHere) / step)
        }
        for policy in k.policies where policy.kind == .routing_payback {
            let hours = policy.routerHoursFirstYear
            for h in haikus {
                for (e, xHere, xRate) in escalatedLines {
                    // The month's saving, escalation − (Haiku + complex × escalated), as a line in the answer.
                    let savingFixed = fixed[e] - complex * (xHere - xRate * now) - fixed[h]
                    let savingRate = rate[e] - complex * xRate - rate[h]
                    switch id {
                    case .complexShare:
                        // Bills do not move with the share on either side of the effort line:
                        // 12 × (E − H − s × escalated) = router's cost, kept where its own side's bills hold.
                        for side in shareSides where xHere != 0 {
                            let root = (side.bills[e] - side.bills[h] - hours * hourly / 12) / xHere
                            if shareSides.count == 1 || lean(root) == lean(side.share) { roots.append(root) }
                        }
                    case .developerHourlyUSD:
                        let denominator = hours - 12 * savingRate
                        if denominator != 0 { roots.append(12 * savingFixed / denominator) }
                    default:
                        if savingRate != 0 { roots.append((hours * hourly / 12 - savingFixed) / savingRate) }
                    }
                }
            }
        }
        // The escalation model's rate limits are held to the complex share's peak (Engine.decide): where a model that
        // cannot carry the whole workload stops carrying the escalated part, the escalation model changes.
        if id == .complexShare {
            values.withUnsafeBufferPointer { v in
                for e in k.escalationIndices where !d.usable[e] && usable(e, v) && k.exceedsEveryTier(model: e, v, share: 1) {
                    var lo = 0.0, hi = 1.0  // carried at lo, not at hi: the load grows with the share
                    for _ in 0..<30 { let mid = (lo + hi) / 2; if k.exceedsEveryTier(model: e, v, share: mid) { hi = mid } else { lo = mid } }
                    roots.append(hi)
                }
            }
        }
        // The routing plan is honoured only with something complex to route (PlanObstacle.nothingComplex): from
        // no complex share, the least one is where it starts to count.
        var points = sides(of: roots, id, in: range)
        if id == .complexShare, values[AnswerID.routing.rawValue] == Self.tieredPlan, now == 0, range.contains(0.01) {
            points.append(0.01)
        }
        return points
    }

    /// The values just on both sides of each root inside `range` (whole numbers, or hundredths of a share).
    /// The request rate inside `range` from which the day's Haiku's cost line caches the prefix (its writes cost
    /// less than the reads save), where the caching rules read that: it turns them on or off, and is no point on the
    /// straight lines `solvedBoundaries` solves. Found by bisection on the request count, since whether caching pays
    /// only grows with it; [] where it is the same across the range.
    private func cachePaysFrom(_ values: [Double], in range: ClosedRange<Double>) -> [Double] {
        let k = knowledge
        guard k.rules.contains(where: { $0.haikuCachesPrefix != nil }) else { return [] }
        let i = AnswerID.monthlyRequests.rawValue
        var moved = values
        func pays(_ requests: Double) -> Bool {
            moved[i] = requests
            return moved.withUnsafeBufferPointer { k.cachesOnItsLine(model: k.dayHaiku($0), $0) }
        }
        var lo = Swift.max(1, range.lowerBound), hi = range.upperBound
        guard lo < hi, !pays(lo), pays(hi) else { return [] }
        // To a request a month, on the ratio: the break-even lies anywhere from a few to millions.
        while hi - lo > 1 {
            let mid = (lo * hi).squareRoot().rounded()
            if mid <= lo || mid >= hi { break }
            if pays(mid) { hi = mid } else { lo = mid }
        }
        // The last count where it does not pay and the first where it does.
        return [lo, hi]
    }

    private func sides(of roots: [Double], _ id: AnswerID, in range: ClosedRange<Double>) -> [Double] {
        let unit: Double = id.kind == .integer ? 1 : id.interfaceMax == 1 ? 0.01 : 1
        let beyond: Double = id.kind == .integer ? 1 : 0
        var sides: [Double] = []
        for root in roots where root.isFinite && range.contains(root) {
            let below: Double = (root / unit).rounded(.down) * unit
            let above: Double = (root / unit).rounded(.up) * unit + beyond
            for x in [below, above] {
                let clean: Double = (x * 1e9).rounded() / 1e9
                if range.contains(clean) { sides.append(clean) }
            }
        }
        return sides
    }

    /// Where a model's bill or fit changes course as the prompt, the output or the cached share moves: the cache
    /// minimum, a long-context threshold, the output limit, the window and its headroom. Between two such values
    /// every bill is a line, so a verdict the costs decide flips at most where lines cross; without them the
    /// search, which tries the rules' thresholds and bisects, can step over a short stretch where it flips (a
    /// Haiku that starts caching at 41 % of a 10,000-token prompt).
    /// Only models that can sway the verdict count: a bill matters only for a model usable now, a window or an
    /// output limit only for a model served that day.
    private func costKinks(_ values: [Double], _ id: AnswerID, usable: [Bool]) -> [Double] {
        guard id == .cachedInputShare || id == .avgInputTokens || id == .avgOutputTokens else { return [] }
        let k = knowledge
        let day = Int(values[AnswerID.asOf.rawValue])
        let share = values[AnswerID.cachedInputShare.rawValue]
        var kinks: [Double] = []
        values.withUnsafeBufferPointer { v in
            for m in k.models.indices where k.compiledModels[m].isServed(on: day) {
                let model = k.compiledModels[m]
                let t = k.requestTokens(model: m, v)
                let scale = k.tokenScale(model: m, v)  // a ratio of positive ratios
                // The tool-use system prompt is a fixed part of every prompt, ahead of the cached share
                // (Knowledge.cacheablePrefix): each line below is where the stated part meets a limit less it.
                let tool = k.toolPromptTokens(model: m, v)
                let stated = t.input - tool
                switch id {
                case .cachedInputShare:
                    guard usable[m], stated > 0, let prices = model.prices(on: day) else { continue }
                    // An estimated tool-use prompt does not count toward the minimum (Knowledge.countedToolPrompt).
                    if prices.cacheMinTokens > 0 { kinks.append((prices.cacheMinTokens - k.countedToolPrompt(model: m, tool)) / stated) }
                    if let long = prices.longContext {
                        kinks.append((long.threshold - tool) / stated)
                        kinks.append(1 - long.threshold / stated)
                    }
                case .avgInputTokens:
                    let room = model.contextWindow - t.output - t.reasoning - tool
                    kinks += [room / scale, (k.contextHeadroom * model.contextWindow - t.output - t.reasoning - tool) / scale]
                    if let limit = model.maxInput { kinks += [(limit - tool) / scale, (k.contextHeadroom * limit - tool) / scale] }
                    guard usable[m], let prices = model.prices(on: day) else { continue }
                    if prices.cacheMinTokens > 0, share > 0 {
                        kinks.append((prices.cacheMinTokens - k.countedToolPrompt(model: m, tool)) / (share * scale))
                    }
                    if let long = prices.longContext {
                        kinks.append((long.threshold - tool) / scale)
                        if share < 1 { kinks.append(long.threshold / ((1 - share) * scale)) }
                        if share > 0 { kinks.append((long.threshold - tool) / (share * scale)) }
                    }
                default:
                    kinks.append((model.contextWindow - t.input - t.reasoning) / scale)
                    kinks.append((k.contextHeadroom * model.contextWindow - t.input - t.reasoning) / scale)
                    if let limit = model.outputLimit(batch: Knowledge.isBatch(v)) {
                        kinks += [(limit - t.reasoning) / scale, (k.contextHeadroom * limit - t.reasoning) / scale]
                    }
                }
            }
        }
        return kinks
    }
}
