// Conditions compiled to tests over the flat answer array (see Advisor.swift, "Answer representation").

struct ConditionError: Error {
    /// Path below the condition (`.all[1].answer`), empty for the condition itself.
    let path: String
    let message: String
}

/// A condition with answer ids turned into indices and choice/boolean sets into bitmasks.
enum CompiledCondition: Sendable {
    /// The value's bit (choice index, or 0/1 for booleans) is in the mask; `negate` for `not_in`.
    case mask(Int, UInt64, negate: Bool)
    /// Number equal to one of the values; `negate` for `not_in`.
    case oneOf(Int, [Double], negate: Bool)
    case atLeast(Int, Double)
    case above(Int, Double)
    case atMost(Int, Double)
    case below(Int, Double)
    case all([CompiledCondition])
    case any([CompiledCondition])
    /// A token count compared on the reference tokenizer's count (Haiku 4.5's, criteria/tokenizer.md), as the
    /// criteria's thresholds were written: the answer divided by `ratios[tokens_counted_with]`. Without it the same
    /// 45,000-token summaries kept Haiku at 62 points and, counted with Haiku 5.5 (58,500), fell to routing at 50.
    case counted(Int, Bound, Double, ratios: [Double])

    enum Bound: Sendable { case atLeast, above, atMost, below }

    /// The answers that are token counts, compared on the reference count when the caller gives the ratios.
    static let tokenCounts: Set<AnswerID> = [.avgInputTokens, .avgOutputTokens, .systemPromptTokens]

    /// Compiles and checks a condition; records numeric thresholds per answer in `thresholds`. With `tokenRatios`
    /// (each model's `Knowledge.tokenRatios`), tests of token counts read the reference count (`counted`); without,
    /// the count as answered (a rule on the Haiku's own count, `Rule.haiku_count`, is given that count).
    init(_ condition: Condition, questions: [Question], tokenRatios: [Double]?,
         thresholds: inout [[Double]]) throws(ConditionError) {
        let comparisons = [condition.is != nil, condition.in != nil, condition.not_in != nil,
                           condition.at_least != nil, condition.above != nil, condition.at_most != nil,
                           condition.below != nil].filter { $0 }.count
        let groups = [condition.all != nil, condition.any != nil].filter { $0 }.count

        if groups > 0 {
            guard groups == 1, comparisons == 0, condition.answer == nil else {
                throw ConditionError(path: "", message: "a condition is either {answer, <one test>} or {all: [...]} or {any: [...]}, not a mix")
            }
            let key = condition.all != nil ? "all" : "any"
            let list = condition.all ?? condition.any ?? []
            guard !list.isEmpty else { throw ConditionError(path: ".\(key)", message: "'\(key)' needs at least one condition") }
            var compiled: [CompiledCondition] = []
            for (i, sub) in list.enumerated() {
                do throws(ConditionError) {
                    compiled.append(try CompiledCondition(sub, questions: questions, tokenRatios: tokenRatios, thresholds: &thresholds))
                } catch {
                    throw ConditionError(path: ".\(key)[\(i)]" + error.path, message: error.message)
                }
            }
            self = condition.all != nil ? .all(compiled) : .any(compiled)
            return
        }

        guard let name = condition.answer else {
            throw ConditionError(path: "", message: "a condition needs 'answer' (or 'all' / 'any')")
        }
        guard let id = AnswerID(name: name) else {
            throw ConditionError(path: ".answer", message: "unknown answer '\(name)' (known: "
                + AnswerID.allCases.map(\.name).joined(separator: ", ") + ")")
        }
        guard comparisons == 1 else {
            throw ConditionError(path: "", message: "a condition on '\(name)' needs exactly one of is, in, not_in, at_least, above, at_most, below")
        }
        let i = id.rawValue
        let question = questions[i]
        guard id.kind != .model && id.kind != .date else {
            throw ConditionError(path: ".answer", message: "'\(name)' is a \(id.kind.rawValue) answer; conditions cannot test it")
        }

        func values(_ list: [AnswerValue], key: String) throws(ConditionError) -> [Double] {
            guard !list.isEmpty else { throw ConditionError(path: ".\(key)", message: "needs at least one value") }
            var result: [Double] = []
            for (n, value) in list.enumerated() {
                guard let v = Knowledge.encode(value, for: id, models: []), Knowledge.inBounds(v, question) else {
                    let allowed = id.kind == .choice ? " (values: \(id.choices.joined(separator: ", ")))" : ""
                    let path = key == "is" ? ".is" : ".\(key)[\(n)]"
                    throw ConditionError(path: path, message: "'\(value)' is not a \(id.kind.rawValue) value of '\(name)'\(allowed)")
                }
                result.append(v)
            }
            return result
        }

        func set(_ list: [AnswerValue], key: String, negate: Bool) throws(ConditionError) -> CompiledCondition {
            let numbers = try values(list, key: key)
            switch id.kind {
            case .choice, .boolean:
                return .mask(i, numbers.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }, negate: negate)
            case .integer, .number, .model, .date:
                return .oneOf(i, numbers, negate: negate)
            }
        }

        func threshold(_ value: Double, key: String) throws(ConditionError) -> Double {
            guard id.kind == .integer || id.kind == .number else {
                throw ConditionError(path: ".\(key)", message: "'\(key)' compares numbers; '\(name)' is a \(id.kind.rawValue) answer")
            }
            guard value.isFinite else { throw ConditionError(path: ".\(key)", message: "must be a finite number") }
            thresholds[i].append(value)
            return value
        }

        if let v = condition.is { self = try set([v], key: "is", negate: false) }
        else if let list = condition.in { self = try set(list, key: "in", negate: false) }
        else if let list = condition.not_in { self = try set(list, key: "not_in", negate: true) }
        else if let t = condition.at_least { self = .atLeast(i, try threshold(t, key: "at_least")) }
        else if let t = condition.above { self = .above(i, try threshold(t, key: "above")) }
        else if let t = condition.at_most { self = .atMost(i, try threshold(t, key: "at_most")) }
        else { self = .below(i, try threshold(condition.below!, key: "below")) }
        if let tokenRatios, Self.tokenCounts.contains(id) {
            switch self {
            case .atLeast(_, let t): self = .counted(i, .atLeast, t, ratios: tokenRatios)
            case .above(_, let t): self = .counted(i, .above, t, ratios: tokenRatios)
            case .atMost(_, let t): self = .counted(i, .atMost, t, ratios: tokenRatios)
            case .below(_, let t): self = .counted(i, .below, t, ratios: tokenRatios)
            default: break
            }
        }
    }

    /// Evaluates with answer `override` replaced by `value` (pass -1 for none): lets the what-would-change
    /// search try values without copying the array.
    @inline(__always)
    func holds(_ answers: UnsafeBufferPointer<Double>, override: Int, value: Double) -> Bool {
        @inline(__always) func get(_ i: Int) -> Double { i == override ? value : answers[i] }
        switch self {
        case .mask(let i, let mask, let negate):
            return ((mask >> UInt64(Int(get(i)))) & 1 == 1) != negate
        case .oneOf(let i, let list, let negate):
            return list.contains(get(i)) != negate
        case .atLeast(let i, let t): return get(i) >= t
        case .above(let i, let t): return get(i) > t
        case .atMost(let i, let t): return get(i) <= t
        case .below(let i, let t): return get(i) < t
        case .counted(let i, let bound, let t, let ratios):
            let count = get(i) / ratios[Int(get(AnswerID.tokensCountedWith.rawValue))]
            switch bound {
            case .atLeast: return count >= t
            case .above: return count > t
            case .atMost: return count <= t
            case .below: return count < t
            }
        case .all(let list):
            for c in list where !c.holds(answers, override: override, value: value) { return false }
            return true
        case .any(let list):
            for c in list where c.holds(answers, override: override, value: value) { return true }
            return false
        }
    }

    /// Whether the condition holds on the answers the team gave: a test of an answer left to its default (a bit of
    /// `assumed`) counts as failing, so `any` holds when one of its tests holds on a given answer.
    func holdsOnStated(_ answers: UnsafeBufferPointer<Double>, assumed: UInt32) -> Bool {
        switch self {
        case .all(let list): list.allSatisfy { $0.holdsOnStated(answers, assumed: assumed) }
        case .any(let list): list.contains { $0.holdsOnStated(answers, assumed: assumed) }
        default: reads & assumed == 0 && holds(answers, override: -1, value: 0)
        }
    }

    /// Bit i set when the condition reads answer i.
    var reads: UInt32 {
        switch self {
        case .mask(let i, _, _), .oneOf(let i, _, _), .atLeast(let i, _), .above(let i, _), .atMost(let i, _),
             .below(let i, _), .counted(let i, _, _, _):
            // Not tokens_counted_with: a count left at its default tokenizer is still the count the team gave.
            return 1 << UInt32(i)
        case .all(let list), .any(let list):
            return list.reduce(0) { $0 | $1.reads }
        }
    }
}
