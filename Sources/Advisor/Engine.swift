// The decision engine: score, verdict, models, warnings, costs, what would change, assumptions.
//
// ## Scoring
// score = clamp(base_score + Σ effect of every rule whose `when` holds, 0, 100).
// Verdict: a firing rule with `decide` sets it on its own (`choose_alternative` beats `tiered_routing`);
// otherwise score >= choose_haiku_at → choose_haiku, >= tiered_routing_at → tiered_routing, else
// choose_alternative.
//
// ## Models
// A model is *suitable* for a workload when its `task_fit` for the task type is not `poor` and, if it is
// self-hosted, the team can self-host (`can_self_host`).
// - choose_haiku and tiered_routing: primary_model = settings.haiku_model.
// - choose_alternative: the first suitable, non-Haiku model named in `prefer` by the firing rules, taken in order
//   of effect (most negative first, then page order); when no firing rule prefers one, the cheapest suitable
//   non-Haiku model, models that fit the task `strong`/`good` before `weak` ones, then by monthly cost.
//
// Alternatives (at most three, never the primary, never a Haiku-family model, only suitable ones), in order:
// 1. with tiered_routing, settings.escalation_model (it takes the requests Haiku should not);
// 2. models the firing rules `prefer`, most negative rule first: the content's own advice for this workload;
// 3. the other suitable models, `strong`/`good` fit before `weak`, then cheapest first.
//
// ## What would change
// For every answer, the nearest other value that gives a different verdict, found by re-running the scoring:
// choices try every other value, nearest in INTERFACE.md's order first (the ordinal answers run from one end
// to the other); booleans try the other value; numbers try both sides of every threshold the rules compare the
// answer with, plus the bounds (between thresholds no rule can change its mind), nearest to the current value
// first. Only answers with a flip are listed.
//
// ## Assumptions
// Every answer left to its default, with its value; `score_resting_on_assumptions` is Σ |effect| of the firing
// rules whose condition reads at least one assumed answer.

/// One firing rule, explained. JSON: `criterion`, `effect`, `text`, `url` (+ `title`, `decide`, `source`).
public struct Reason: Sendable, Encodable, Equatable {
    public let criterion: String
    public let effect: Double
    public let text: String
    /// `/criteria/<slug>`.
    public let url: String
    /// The criterion page's title.
    public let title: String
    /// `choose_alternative` / `tiered_routing` when this rule is a hard limit that set the verdict.
    public let decide: String?
    /// The source id on the criterion page that the rule rests on.
    public let source: String?

    enum CodingKeys: String, CodingKey { case criterion, effect, text, url, title, decide, source }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(criterion, forKey: .criterion)
        try c.encode(AnswerValue.number(effect), forKey: .effect)
        try c.encode(text, forKey: .text)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(decide, forKey: .decide)
        try c.encodeIfPresent(source, forKey: .source)
    }
}

/// A failure mode the workload is exposed to. JSON: `failure_mode`, `text`, `url` (+ `title`, `severity`).
public struct Warning: Sendable, Encodable, Equatable {
    public let failure_mode: String
    public let text: String
    /// `/failure-modes/<slug>`.
    public let url: String
    public let title: String
    public let severity: String
}

/// One answer change that flips the verdict. JSON: `answer`, `to`, `verdict` (+ `score`).
public struct Change: Sendable, Encodable, Equatable {
    public let answer: AnswerID
    public let to: AnswerValue
    public let verdict: Verdict
    /// The score with the change applied.
    public let score: Double

    enum CodingKeys: String, CodingKey { case answer, to, verdict, score }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(answer.name, forKey: .answer)
        try c.encode(to, forKey: .to)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(AnswerValue.number(score), forKey: .score)
    }
}

/// An answer left to its default. JSON: `answer`, `value`.
public struct Assumption: Sendable, Encodable, Equatable {
    public let answer: AnswerID
    public let value: AnswerValue

    enum CodingKeys: String, CodingKey { case answer, value }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(answer.name, forKey: .answer)
        try c.encode(value, forKey: .value)
    }
}

/// The engine's answer for one workload. Encodes INTERFACE.md's keys (`verdict`, `score`, `primary_model`,
/// `alternatives`, `reasons`, `warnings`, `costs`, `what_would_change`, `assumptions`) plus, for the HTML page:
/// `score_resting_on_assumptions`, `decided_by` (criterion slug of the hard limit, or null),
/// `primary_model_basis` (`haiku_model`, `prefer`, `cheapest_suitable`), `base_score`, `choose_haiku_at`,
/// `tiered_routing_at`.
public struct Assessment: Sendable, Encodable, Equatable {
    public let verdict: Verdict
    /// 0...100: Haiku's fit for this workload.
    public let score: Double
    public let primaryModel: String
    public let alternatives: [String]
    /// Hard limits first, then by |effect|, largest first.
    public let reasons: [Reason]
    public let warnings: [Warning]
    /// Every model, cheapest first.
    public let costs: [CostLine]
    public let whatWouldChange: [Change]
    public let assumptions: [Assumption]
    /// Σ |effect| of the firing rules that read an assumed answer.
    public let scoreRestingOnAssumptions: Double
    /// The criterion whose hard limit set the verdict, if one did.
    public let decidedBy: String?
    /// Why the primary model: `haiku_model`, `prefer` (a firing rule named it) or `cheapest_suitable`.
    public let primaryModelBasis: String
    public let baseScore: Double
    public let chooseHaikuAt: Double
    public let tieredRoutingAt: Double

    enum CodingKeys: String, CodingKey {
        case verdict, score, primary_model, alternatives, reasons, warnings, costs, what_would_change, assumptions
        case score_resting_on_assumptions, decided_by, primary_model_basis, base_score, choose_haiku_at
        case tiered_routing_at
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(AnswerValue.number(score), forKey: .score)
        try c.encode(primaryModel, forKey: .primary_model)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(costs, forKey: .costs)
        try c.encode(whatWouldChange, forKey: .what_would_change)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(AnswerValue.number(scoreRestingOnAssumptions), forKey: .score_resting_on_assumptions)
        if let decidedBy { try c.encode(decidedBy, forKey: .decided_by) } else { try c.encodeNil(forKey: .decided_by) }
        try c.encode(primaryModelBasis, forKey: .primary_model_basis)
        try c.encode(AnswerValue.number(baseScore), forKey: .base_score)
        try c.encode(AnswerValue.number(chooseHaikuAt), forKey: .choose_haiku_at)
        try c.encode(AnswerValue.number(tieredRoutingAt), forKey: .tiered_routing_at)
    }
}

/// Runs assessments against one `Knowledge`. Cheap to copy; safe to share between threads.
public struct Engine: Sendable {
    public let knowledge: Knowledge

    public init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    /// The full assessment of a workload.
    public func assess(_ answers: Answers) -> Assessment {
        answers.values.withUnsafeBufferPointer { v in assess(answers, v) }
    }

    /// The monthly cost of the workload on every model, cheapest first (then by slug).
    public func costs(_ answers: Answers) -> [CostLine] {
        answers.values.withUnsafeBufferPointer { v in
            knowledge.models.indices.map { knowledge.costLine(model: $0, v) }
                .sorted { ($0.monthly_usd, $0.model) < ($1.monthly_usd, $1.model) }
        }
    }

    /// Just the score and verdict (what the what-would-change search runs).
    public func verdict(_ answers: Answers) -> (score: Double, verdict: Verdict) {
        answers.values.withUnsafeBufferPointer { v in evaluate(v, override: -1, value: 0) }
    }

    // MARK: - Scoring

    @inline(__always)
    func evaluate(_ v: UnsafeBufferPointer<Double>, override: Int, value: Double) -> (score: Double, verdict: Verdict) {
        let k = knowledge
        var sum = k.settings.base_score
        var hard: Verdict? = nil
        for rule in k.rules where rule.condition.holds(v, override: override, value: value) {
            sum += rule.effect
            if let d = rule.decide, hard != .chooseAlternative { hard = d }
        }
        let score = Swift.min(100, Swift.max(0, sum))
        if let hard { return (score, hard) }
        if score >= k.settings.choose_haiku_at { return (score, .chooseHaiku) }
        if score >= k.settings.tiered_routing_at { return (score, .tieredRouting) }
        return (score, .chooseAlternative)
    }

    private func assess(_ answers: Answers, _ v: UnsafeBufferPointer<Double>) -> Assessment {
        let k = knowledge
        let (score, verdict) = evaluate(v, override: -1, value: 0)

        // Firing rules.
        var firing: [Int] = []
        var resting = 0.0
        var decidedBy: (rule: Int, verdict: Verdict)? = nil
        for (r, rule) in k.rules.enumerated() where rule.condition.holds(v, override: -1, value: 0) {
            firing.append(r)
            if rule.reads & answers.assumedMask != 0 { resting += abs(rule.effect) }
            if let d = rule.decide {
                if decidedBy == nil || (d == .chooseAlternative && decidedBy!.verdict != .chooseAlternative) {
                    decidedBy = (r, d)
                }
            }
        }
        let reasons = firing.sorted { a, b in
            let ra = k.rules[a], rb = k.rules[b]
            let ha = ra.decide == verdict && decidedBy != nil, hb = rb.decide == verdict && decidedBy != nil
            if ha != hb { return ha }
            if abs(ra.effect) != abs(rb.effect) { return abs(ra.effect) > abs(rb.effect) }
            return a < b
        }.map { r -> Reason in
            let rule = k.rules[r]
            let entry = k.criteria[rule.criterion]
            let spec = entry.spec.rules[rule.index]
            return Reason(criterion: entry.slug, effect: rule.effect, text: spec.text, url: "/criteria/\(entry.slug)",
                          title: entry.title, decide: spec.decide, source: spec.source)
        }

        // Warnings: each failure mode once, with the text of its first exposure that holds.
        var warnings: [Warning] = []
        var warned = Set<Int>()
        for exposure in k.exposures where !warned.contains(exposure.failureMode)
            && exposure.condition.holds(v, override: -1, value: 0) {
            warned.insert(exposure.failureMode)
            let entry = k.failureModes[exposure.failureMode]
            warnings.append(Warning(failure_mode: entry.slug, text: exposure.text, url: "/failure-modes/\(entry.slug)",
                                    title: entry.title, severity: entry.spec.severity))
        }

        // Costs and models.
        let monthly = k.models.indices.map { k.monthlyCost(model: $0, v) }
        let task = Int(v[AnswerID.taskType.rawValue])
        let canSelfHost = v[AnswerID.canSelfHost.rawValue] != 0
        func suitable(_ m: Int) -> Bool {
            let model = k.compiledModels[m]
            return model.fit[task] != .poor && (!model.selfHosted || canSelfHost)
        }
        // Firing rules' preferences, most negative rule first.
        let preferred = firing.sorted { (k.rules[$0].effect, $0) < (k.rules[$1].effect, $1) }
            .flatMap { k.rules[$0].prefer }
            .filter { suitable($0) && !k.compiledModels[$0].isHaikuFamily }
        let others = k.models.indices.filter { suitable($0) && !k.compiledModels[$0].isHaikuFamily }.sorted { a, b in
            let fa = k.compiledModels[a].fit[task].rawValue <= 1 ? 0 : 1
            let fb = k.compiledModels[b].fit[task].rawValue <= 1 ? 0 : 1
            return (fa, monthly[a], k.models[a].slug) < (fb, monthly[b], k.models[b].slug)
        }
        let primary: Int
        let basis: String
        switch verdict {
        case .chooseHaiku, .tieredRouting:
            primary = k.haikuIndex
            basis = "haiku_model"
        case .chooseAlternative:
            if let first = preferred.first {
                primary = first
                basis = "prefer"
            } else if let first = others.first {
                primary = first
                basis = "cheapest_suitable"
            } else {
                primary = k.escalationIndex
                basis = "cheapest_suitable"
            }
        }
        var alternatives: [Int] = []
        let lead = verdict == .tieredRouting && suitable(k.escalationIndex) ? [k.escalationIndex] : []
        for m in lead + preferred + others where m != primary && !alternatives.contains(m) {
            alternatives.append(m)
            if alternatives.count == 3 { break }
        }

        let costs = k.models.indices.map { k.costLine(model: $0, v) }
            .sorted { ($0.monthly_usd, $0.model) < ($1.monthly_usd, $1.model) }

        let assumptions = answers.assumed.map { Assumption(answer: $0, value: answers[$0]) }

        return Assessment(
            verdict: verdict, score: score, primaryModel: k.models[primary].slug,
            alternatives: alternatives.map { k.models[$0].slug }, reasons: reasons, warnings: warnings, costs: costs,
            whatWouldChange: whatWouldChange(v, current: verdict), assumptions: assumptions,
            scoreRestingOnAssumptions: resting,
            decidedBy: decidedBy.map { k.criteria[k.rules[$0.rule].criterion].slug },
            primaryModelBasis: basis, baseScore: k.settings.base_score,
            chooseHaikuAt: k.settings.choose_haiku_at, tieredRoutingAt: k.settings.tiered_routing_at)
    }

    // MARK: - What would change

    private func whatWouldChange(_ v: UnsafeBufferPointer<Double>, current: Verdict) -> [Change] {
        var changes: [Change] = []
        for id in AnswerID.allCases {
            let i = id.rawValue
            let now = v[i]
            var best: (value: Double, distance: Double, score: Double, verdict: Verdict)? = nil
            func consider(_ candidate: Double, distance: Double) {
                guard candidate != now else { return }
                if let best, best.distance <= distance { return }
                let result = evaluate(v, override: i, value: candidate)
                if result.verdict != current { best = (candidate, distance, result.score, result.verdict) }
            }
            switch id.kind {
            case .choice:
                for index in id.choices.indices {
                    // Ties (one step up, one step down) go to the lower index: add a small bias.
                    consider(Double(index), distance: abs(Double(index) - now) + Double(index) * 1e-6)
                }
            case .boolean:
                consider(now == 0 ? 1 : 0, distance: 1)
            case .integer, .number:
                for candidate in knowledge.numericCandidates[i] {
                    consider(candidate, distance: abs(candidate - now) + (candidate < now ? 1e-9 : 0))
                }
            }
            if let best {
                changes.append(Change(answer: id, to: Knowledge.decode(best.value, for: id), verdict: best.verdict,
                                      score: best.score))
            }
        }
        return changes
    }
}
