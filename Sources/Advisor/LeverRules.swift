// The plausible range of a what-if, compiled from `engine.levers` (criteria/_index.md).
//
// A lever or a change of verdict is offered only when every answer it moves stays within a range a team could
// really move it: amounts by a `factor` either way (a third to three times the monthly requests), shares by a
// `spread`, ordered choices by `choice_steps`. Outside it a "flip" is arithmetic, not advice.

/// `engine.levers`, checked: ranges by answer, and the words of every lever and trap.
struct LeverRules: Sendable {
    /// Indexed by `AnswerID.rawValue`; nil: the answer is not moved.
    let ranges: [AnswerRange?]
    let choiceSteps: Int
    /// The least a saving lever must save a month (`levers.min_saving_usd`, 0 when not set).
    let minSaving: Double
    /// The least share of the month a lever that trades quality must save (`levers.min_quality_trade_share`, 0).
    let minQualityTradeShare: Double
    /// `levers.near_line_share`; nil: an average near a long-context line is not a trap.
    let nearLineShare: Double?
    let levers: [LeverKind: LinkedText]
    /// Each lever's `when`, compiled.
    let conditions: [LeverKind: CompiledCondition]
    /// `lower_effort.to_least_when`, compiled: where a lower effort goes to the least level.
    let lowerToLeast: CompiledCondition?
    let traps: [TrapKind: LinkedText]

    init(_ spec: LeverSettings, questions: [Question], tokenRatios: [Double], problem: (String, String) -> KnowledgeError) throws(KnowledgeError) {
        var ranges: [AnswerRange?] = Array(repeating: nil, count: AnswerID.count)
        for name in spec.ranges.keys.sorted() {
            let range = spec.ranges[name]!
            let field = "levers.ranges.\(name)"
            guard let id = AnswerID(name: name), id.kind == .integer || id.kind == .number else {
                throw problem(field, "'\(name)' is not a numeric answer")
            }
            switch (range.factor, range.spread) {
            case (let factor?, nil):
                guard factor.isFinite, factor > 1 else { throw problem(field + ".factor", "must be a number above 1") }
            case (nil, let spread?):
                guard id.interfaceMax == 1 else { throw problem(field + ".spread", "a spread is for shares (0..1); use a factor") }
                guard spread.isFinite, spread > 0, spread <= 1 else { throw problem(field + ".spread", "must be in (0, 1]") }
            default:
                throw problem(field, "needs exactly one of factor (amounts) or spread (shares)")
            }
            ranges[id.rawValue] = range
        }
        guard spec.choice_steps >= 1 else { throw problem("levers.choice_steps", "must be at least 1") }
        if let floor = spec.min_saving_usd, !(floor.isFinite && floor >= 0) {
            throw problem("levers.min_saving_usd", "must be a number of dollars, 0 or more")
        }
        if let share = spec.min_quality_trade_share, !(share.isFinite && share >= 0 && share < 1) {
            throw problem("levers.min_quality_trade_share", "must be a share of the month, 0 or more and below 1 (0.05 is 5 %)")
        }
        var conditions: [LeverKind: CompiledCondition] = [:]
        var lowerToLeast: CompiledCondition?
        // A lever's condition; its thresholds are not the verdict's: what would change does not search them.
        func compile(_ condition: Condition, field: String) throws(KnowledgeError) -> CompiledCondition {
            var ignored: [[Double]] = Array(repeating: [], count: AnswerID.count)
            do throws(ConditionError) {
                return try CompiledCondition(condition, questions: questions, tokenRatios: tokenRatios, thresholds: &ignored)
            } catch {
                throw problem(field + error.path, error.message)
            }
        }
        for kind in LeverKind.allCases {
            guard let words = spec.levers[kind] else { throw problem("levers.levers", "needs the '\(kind.rawValue)' lever") }
            try Self.check(words, allowed: kind.placeholders, field: "levers.levers.\(kind.rawValue)", problem: problem)
            for task in words.tasks ?? [] where !AnswerID.taskType.choices.contains(task) {
                throw problem("levers.levers.\(kind.rawValue).tasks", "'\(task)' is not a task type ("
                    + AnswerID.taskType.choices.joined(separator: ", ") + ")")
            }
            if words.tasks?.isEmpty == true {
                throw problem("levers.levers.\(kind.rawValue).tasks", "lists no task type: leave it out to offer the lever for every one")
            }
            if let when = words.when { conditions[kind] = try compile(when, field: "levers.levers.\(kind.rawValue).when") }
            if let back = words.back_text {
                guard kind == .trim_below_cliff else {
                    throw problem("levers.levers.\(kind.rawValue).back_text", "only the trim_below_cliff lever has a way back")
                }
                if let unknown = Template.placeholders(in: back).first(where: { !kind.placeholders.contains($0) }) {
                    throw problem("levers.levers.trim_below_cliff.back_text", "unknown placeholder {\(unknown)}; it knows "
                        + kind.placeholders.map { "{\($0)}" }.joined(separator: ", "))
                }
            }
            if let least = words.to_least_when {
                guard kind == .lower_effort else {
                    throw problem("levers.levers.\(kind.rawValue).to_least_when", "only the lower_effort lever goes to a least level")
                }
                lowerToLeast = try compile(least, field: "levers.levers.lower_effort.to_least_when")
            }
        }
        for kind in TrapKind.allCases {
            guard let words = spec.traps[kind] else { throw problem("levers.traps", "needs the '\(kind.rawValue)' trap") }
            try Self.check(words, allowed: kind.placeholders, field: "levers.traps.\(kind.rawValue)", problem: problem)
            if words.tasks != nil || words.when != nil || words.to_least_when != nil || words.back_text != nil {
                throw problem("levers.traps.\(kind.rawValue)", "only levers take task types and conditions (tasks, when, to_least_when)")
            }
        }
        self.ranges = ranges
        choiceSteps = spec.choice_steps
        minSaving = spec.min_saving_usd ?? 0
        minQualityTradeShare = spec.min_quality_trade_share ?? 0
        if let share = spec.near_line_share, !(share.isFinite && share > 0 && share < 1) {
            throw problem("levers.near_line_share", "must be a share above 0 and below 1 (0.75 is three quarters)")
        }
        nearLineShare = spec.near_line_share
        levers = spec.levers
        self.conditions = conditions
        self.lowerToLeast = lowerToLeast
        traps = spec.traps
    }

    private static func check(_ words: LinkedText, allowed: [String], field: String,
                              problem: (String, String) -> KnowledgeError) throws(KnowledgeError) {
        guard words.url.hasPrefix("/"), !words.url.hasPrefix("//") else {
            throw problem(field + ".url", "must be a path on this site, such as /guides/long-context-price-cliff")
        }
        guard !words.text.isEmpty else { throw problem(field + ".text", "must not be empty") }
        if let unknown = Template.placeholders(in: words.text).first(where: { !allowed.contains($0) }) {
            throw problem(field + ".text", "unknown placeholder {\(unknown)}; it knows " + allowed.map { "{\($0)}" }.joined(separator: ", "))
        }
    }

    /// The values answer `id` may take in a what-if, given its current value and its question's bounds; nil when
    /// the answer is not moved at all.
    func range(_ id: AnswerID, around value: Double, min lower: Double, max upper: Double) -> ClosedRange<Double>? {
        guard let range = ranges[id.rawValue] else { return nil }
        var low: Double, high: Double
        if let factor = range.factor {
            low = value / factor
            high = value * factor
        } else {
            let spread = range.spread ?? 0
            low = value - spread
            high = value + spread
        }
        if range.up_only == true { low = value }
        // To nine decimals, as the answers are written: 0.3 − 0.2 was offered as 0.09999999999999998.
        func clean(_ x: Double) -> Double { (x * 1e9).rounded() / 1e9 }
        low = Swift.max(lower, clean(low))
        high = Swift.min(upper, clean(high))
        return low <= high ? low...high : nil
    }

    /// Whether an ordered choice may move from index `from` to `to`.
    func allows(choice from: Double, to: Double) -> Bool { abs(to - from) <= Double(choiceSteps) }

    /// Whether lever `kind` is offered for these answers: its `tasks` hold the task type (or it lists none) and its
    /// `when` holds (or it has none), with answer `zeroing` read as 0 where given.
    func offers(_ kind: LeverKind, _ v: UnsafeBufferPointer<Double>, zeroing: AnswerID? = nil) -> Bool {
        let task = AnswerID.taskType.choices[Int(v[AnswerID.taskType.rawValue])]
        return (levers[kind]?.tasks.map { $0.contains(task) } ?? true)
            && (conditions[kind]?.holds(v, override: zeroing?.rawValue ?? -1, value: 0) ?? true)
    }
}

extension Knowledge {
    /// The plausible values of a numeric answer around `value` (LeverRules); without lever rules, the whole
    /// question's range (what the engine offered before ranges were content).
    func plausibleRange(_ id: AnswerID, around value: Double) -> ClosedRange<Double>? {
        let q = question(id)
        let lower = q.min ?? 0, upper = q.max ?? 0
        guard let rules = leverRules else { return lower...upper }
        return rules.range(id, around: value, min: lower, max: upper)
    }

    /// Whether a choice answer may move from `from` to `to` in a what-if: an ordered one by at most `choice_steps`;
    /// a category (the task type) not at all, since no team changes what its workload is to get another verdict.
    func plausibleChoice(_ id: AnswerID, from: Double, to: Double) -> Bool {
        // A forced tool call's one what-if is to stop forcing it: `none` and `auto` price and decide alike, and no
        // team starts forcing calls to get another verdict (content/criteria/tool-choice.md).
        if id == .toolChoice { return from == Self.forcedToolAnswer && to == Self.autoToolAnswer }
        guard let rules = leverRules else { return true }
        guard Self.orderedChoices.contains(id) else { return false }
        return rules.allows(choice: from, to: to)
    }

    /// Choices whose values run from one end to the other (README.md, "Answers"); the others (task type) are
    /// categories, where "one step" means nothing. (`tool_choice` has its one move in `plausibleChoice`.)
    static let orderedChoices: Set<AnswerID> = [.latency, .accuracy, .reviewCapacity, .costPriority, .reasoningEffort,
                                                .requiredFit]
}
