import Foundation

// Thinking is written before the first word of an answer (/criteria/reasoning-effort, "Thinking and response
// time"), and the answer after it, so a latency budget for the whole answer holds only if both fit in it. No vendor
// publishes how fast thinking runs; the floor divides the tokens by an output speed no model priced here is reported
// to beat (`engine.fastest_output_tokens_per_second`, or the provider's where its own hardware is faster). A floor
// over the budget is a budget the model cannot meet at that effort, however fast it runs on the day; a floor under
// it is a lower bound and shows nothing (/criteria/latency-budget, "Thinking and the budget"). A 5,000-token
// summary takes 12.5 s at 400 tokens a second with its thinking off: no thinking setting meets a 5 s budget then.

/// The least time a model's reasoning takes before an answer starts, at one effort level.
struct ThinkingFloor {
    let effort: Effort
    let tokens: Double
    let seconds: Double
    let speed: Double

    /// The warnings' `{effort}`, `{tokens}`, `{seconds}` and `{speed}`.
    var values: [String: String] {
        ["effort": effort.rawValue, "tokens": Format.count(tokens), "seconds": Engine.seconds(seconds),
         "speed": Format.count(speed)]
    }

    /// This floor said as a model's least level: "low, its least (about 300 reasoning tokens, 0.75 s at that speed)".
    var asLeast: String {
        "\(effort.rawValue), its least (about \(Format.count(tokens)) reasoning tokens, \(Engine.seconds(seconds)) at that speed)"
    }
}

/// The least time a model takes to answer after any thinking: the wait for a first token no hosted model is reported to
/// beat (`engine.least_first_token_seconds`; none for a self-hosted model), then its output tokens (on its own count)
/// at the same speed. The wait is counted here, once per request, so that a floor with thinking counts it once too.
struct AnswerFloor {
    let tokens: Double
    /// The first-token wait and the writing together.
    let seconds: Double
    let speed: Double
    /// The first-token wait counted in `seconds`.
    let start: Double
}

/// An answer timed at the typical output speed (`Knowledge.answerOutlastsBudget`).
struct TypicalAnswer {
    let tokens: Double
    let speed: Double

    /// "its answers of 520 tokens alone take about 5.37 s at 97 tokens a second, the median speed of the ranking we cite"
    var words: String {
        "its answers of \(Format.figure(tokens)) tokens alone take about \(Engine.seconds(tokens / speed)) at "
            + "\(Format.count(speed)) tokens a second, the median speed of the ranking we cite"
    }
}

extension Knowledge {
    /// Model `m`'s floor at the team's effort answer; nil when it writes no reasoning there or no speed is set.
    func thinkingFloor(model m: Int, _ v: UnsafeBufferPointer<Double>) -> ThinkingFloor? {
        guard let effort = reasoning(model: m, v).effort else { return nil }
        return thinkingFloor(model: m, at: effort)
    }

    /// Model `m`'s floor at `effort` (one of its levels); nil when that level writes no reasoning.
    func thinkingFloor(model m: Int, at effort: Effort) -> ThinkingFloor? {
        guard let speed = fastestOutput[m], let r = compiledModels[m].reasoning else { return nil }
        let tokens = r.tokens[effort.rank]
        guard tokens > 0 else { return nil }
        return ThinkingFloor(effort: effort, tokens: tokens, seconds: tokens / speed, speed: speed)
    }

    /// Model `m`'s floor for the answer itself, its first-token wait included; nil when no speed is set, or the answer
    /// has no tokens and no wait comes before it.
    func answerFloor(model m: Int, _ v: UnsafeBufferPointer<Double>) -> AnswerFloor? {
        guard let speed = fastestOutput[m] else { return nil }
        let tokens = v[AnswerID.avgOutputTokens.rawValue] * tokenScale(model: m, v)
        // The wait is a hosted API's (network, queue, prompt): a model the team runs itself has no such floor reported.
        let start = compiledModels[m].selfHosted ? 0 : leastFirstToken
        // An empty answer still waits for the response: without it, a 0.1 s budget was met and times read "-0 s".
        guard tokens > 0 || start > 0 else { return nil }
        return AnswerFloor(tokens: tokens, seconds: start + tokens / speed, speed: speed, start: start)
    }

    /// The level of model `m` that thinks least (`none` where it can stop) and its floor there (nil when that
    /// level writes nothing); nil for a model that does not reason.
    func leastThinking(model m: Int) -> (effort: Effort, floor: ThinkingFloor?)? {
        guard let lowest = compiledModels[m].reasoning?.levels.min() else { return nil }
        return (lowest, thinkingFloor(model: m, at: lowest))
    }

    /// Whether model `m` cannot answer in time at any setting: it outlasts a stated budget (`outlastsBudget`), or,
    /// with none stated, thinks before every realtime answer (`thinksBeforeEveryRealtimeAnswer`). What rules a model out
    /// of being recommended while another as fit is in time (`Engine.decide`).
    /// Thinking makes a realtime answer late only where the answer itself is one a person could wait for: written at
    /// the fastest output reported within `engine.interactive_wait_seconds`. 100,000-token answers take minutes on any
    /// model, and ruling out Gemini 4 Hydrogen for its 0.75 s of thinking doubled such a bill on legacy Sonnet 4.6.
    func cannotAnswerInTime(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        if outlastsBudget(model: m, v) { return true }
        guard thinksBeforeEveryRealtimeAnswer(model: m, v) else { return false }
        guard let wait = interactiveWait, let answer = answerFloor(model: m, v) else { return true }
        return answer.seconds <= wait
    }

    /// Whether model `m` thinks before every realtime answer, with no budget stated: realtime leaves no time to think
    /// (`leavesTimeToAnswer`), and its least setting still thinks (Sonnet 5.5 cannot turn its thinking off).
    func thinksBeforeEveryRealtimeAnswer(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        guard v[AnswerID.latencyBudgetSeconds.rawValue] <= 0, let r = compiledModels[m].reasoning,
              let least = leastThinking(model: m) else { return false }
        return !leavesTimeToAnswer(model: m, reasoning: r.tokens[least.effort.rank], v)
    }

    /// Whether model `m`'s thinking weighs on the answers' latency: always for realtime answers without a budget;
    /// with a budget, when its reasoning alone at `engine.typical_output_tokens_per_second` takes at least
    /// `engine.thinking_budget_share` of it (any budget without those settings). 1,200 tokens are about 12 s at 97 a
    /// second: a 5 s chat's budget, not a 600 s report's (where the answer, not the thinking, takes the time).
    func thinkingWeighsOnLatency(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        guard budget > 0 else { return v[AnswerID.latency.rawValue] == Knowledge.realtimeLatency }
        guard let typical = typicalOutput, let share = thinkingBudgetShare else { return true }
        return requestTokens(model: m, v).reasoning / typical >= share * budget
    }

    /// Whether `tokens` of reasoning on model `m`, and the answer written after them, leave time to answer: with a
    /// budget, when both at `engine.typical_output_tokens_per_second` fit in it (a 45 s budget holds Sonnet 5.5's
    /// 1,200 medium-effort tokens and a 1,500-token answer, 28 s, not its 3,000 at high, 46 s); for realtime
    /// answers without one, only no thinking at all; otherwise always. What the `default` effort runs at
    /// (`Knowledge.reasoning`).
    /// Model `m`'s answer alone (its visible output, on its own count) at the typical output speed, where that outlasts
    /// a stated budget whatever it thinks first; nil otherwise. The cost line and the latency warning both say it.
    func answerOutlastsBudget(model m: Int, _ v: UnsafeBufferPointer<Double>) -> TypicalAnswer? {
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        guard budget > 0, let speed = typicalOutput else { return nil }
        let tokens = v[AnswerID.avgOutputTokens.rawValue] * tokenScale(model: m, v)
        return tokens / speed > budget ? TypicalAnswer(tokens: tokens, speed: speed) : nil
    }

    /// Model `m`'s thinking at the effort it runs at and its answer after it, at the typical output speed
    /// (`engine.typical_output_tokens_per_second`, the speed thinking levels are chosen at); nil without that setting.
    func typicalSeconds(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double? {
        typicalOutput.map { typical in
            let tokens = requestTokens(model: m, v)
            return (tokens.reasoning + tokens.output) / typical
        }
    }

    func leavesTimeToAnswer(model m: Int, reasoning tokens: Double, _ v: UnsafeBufferPointer<Double>) -> Bool {
        guard tokens > 0 else { return true }
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        guard budget > 0 else { return v[AnswerID.latency.rawValue] != Knowledge.realtimeLatency }
        guard let typical = typicalOutput else { return false }
        let answer = v[AnswerID.avgOutputTokens.rawValue] * tokenScale(model: m, v)
        return (tokens + answer) / typical <= budget
    }

    /// Whether model `m`'s thinking at `effort` fits the wait an interactive answer allows before its first word
    /// (`engine.interactive_wait_seconds` at the typical speed); nil where the answers are not interactive without a
    /// budget, the settings are missing, or the model is timed on faster hardware than the engine's.
    func fitsInteractiveWait(model m: Int, at effort: Effort, _ v: UnsafeBufferPointer<Double>) -> Bool? {
        interactiveWaitTiming(model: m, v).map { (thinkingFloor(model: m, at: effort)?.tokens ?? 0) / $0.typical <= $0.wait }
    }

    /// The highest level of model `m` below `effort` whose thinking fits the interactive wait (`fitsInteractiveWait`);
    /// nil where none does or the answers are not held to the wait. What the interactive warning, the thinking trap
    /// and the lower-effort lever name.
    func levelFittingInteractiveWait(model m: Int, below effort: Effort, _ v: UnsafeBufferPointer<Double>) -> Effort? {
        compiledModels[m].reasoning?.levels.sorted().last { $0 < effort && fitsInteractiveWait(model: m, at: $0, v) == true }
    }

    /// The typical speed and the interactive wait model `m`'s thinking is held to: interactive answers without a
    /// budget, both settings given, and the model not timed on faster hardware than the engine's (Groq's), whose speed
    /// the median of general APIs does not describe; nil otherwise.
    /// Whether model `m` is timed at the engine's speeds, not on faster hardware of its own (Groq's): the median
    /// speed describes only those.
    func timedAtEngineSpeed(model m: Int) -> Bool {
        fastestOutput[m] == settings.fastest_output_tokens_per_second
    }

    func interactiveWaitTiming(model m: Int, _ v: UnsafeBufferPointer<Double>) -> (typical: Double, wait: Double)? {
        guard v[AnswerID.latency.rawValue] == Knowledge.interactiveLatency, v[AnswerID.latencyBudgetSeconds.rawValue] <= 0,
              let wait = interactiveWait, let typical = typicalOutput, timedAtEngineSpeed(model: m) else { return nil }
        return (typical, wait)
    }

    /// What the answers need in time, in words: "a 0.25 s budget", or "realtime answers".
    static func need(_ v: UnsafeBufferPointer<Double>) -> String {
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        return budget > 0 ? aBudget(AnswerValue.number(budget).text) : "realtime answers"
    }

    /// "a 5 s budget", and as said aloud "an 8 s budget", "an 11 s", "an 18 s" (budgets stop at 600 s), of a budget
    /// written as `number`.
    static func aBudget(_ number: String) -> String {
        let whole = number.prefix { $0 != "." }
        return "\(number.hasPrefix("8") || whole == "11" || whole == "18" ? "an" : "a") \(number) s budget"
    }

    /// Whether model `m` cannot answer within the stated budget at any setting: even its least thinking and the
    /// answer after it outlast it (the floors), or the latency its page documents misses it. Such a model is not
    /// offered beside the primary, named the runner-up, nor the quality margin's strong fit, while another can be.
    func missesBudgetAtEverySetting(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        if outlastsBudget(model: m, v) { return true }
        return latencyCheck(model: m, v)?.verdict == .misses
    }

    /// Whether model `m`'s least thinking and the answer after it outlast the stated budget even at the floor speed:
    /// the one miss that rules a model out of being recommended while another as fit is in time (`Engine.decide`).
    func outlastsBudget(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        return budget > 0 && leastSeconds(model: m, v) > budget
    }

    /// Where model `m` is in time at the floor (`outlastsBudget`) only on a count of the answer that rests on an assumed
    /// tokenizer ratio (its page publishes none) and would not be at the largest ratio a model page publishes
    /// (`largestPublishedRatio` times the assumed count): the answer's tokens and the floor there; nil otherwise.
    /// 300-token answers due in 0.91 s took DeepSeek V4 Flash 0.90 s at an assumed 300 tokens and 1.13 s at the 1.3
    /// times Haiku 5.5 publishes, and nothing said so.
    func assumedCountFloor(model m: Int, _ v: UnsafeBufferPointer<Double>) -> (tokens: Double, seconds: Double)? {
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        let counted = Int(v[AnswerID.tokensCountedWith.rawValue])
        guard budget > 0, !compiledModels[m].ratioPublished, compiledModels[counted].ratioPublished,
              !outlastsBudget(model: m, v), let answer = answerFloor(model: m, v) else { return nil }
        let ratio = largestPublishedRatio / tokenRatios[counted], scale = tokenScale(model: m, v)
        guard ratio > scale else { return nil }
        let stated = v[AnswerID.avgOutputTokens.rawValue]
        let seconds = leastSeconds(model: m, v) + stated * (ratio - scale) / answer.speed
        return seconds > budget ? (stated * ratio, seconds) : nil
    }

    /// The least time model `m` can take to answer at any setting: its least thinking and the answer after it, at
    /// the floor speed (0 where no speed is set).
    func leastSeconds(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        (leastThinking(model: m)?.floor?.seconds ?? 0) + (answerFloor(model: m, v)?.seconds ?? 0)
    }

    /// The least time model `m` takes to answer at the team's effort: its thinking there and the answer after it, at
    /// the floor speed (0 where no speed is set).
    func answeringSeconds(model m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        (thinkingFloor(model: m, v)?.seconds ?? 0) + (answerFloor(model: m, v)?.seconds ?? 0)
    }

    /// Model `m`'s thinking floor at the team's effort when it and the answer after it outlast the budget they
    /// stated, with its least thinking and the answer's floor; nil without a budget, reasoning or speed, or when
    /// they fit.
    func thinkingOverBudget(model m: Int, _ v: UnsafeBufferPointer<Double>)
        -> (budget: Double, floor: ThinkingFloor, least: (effort: Effort, floor: ThinkingFloor?), answer: AnswerFloor?)? {
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        guard budget > 0, let floor = thinkingFloor(model: m, v) else { return nil }
        let answer = answerFloor(model: m, v)
        guard floor.seconds + (answer?.seconds ?? 0) > budget, let least = leastThinking(model: m) else { return nil }
        return (budget, floor, least, answer)
    }
}

extension Engine {
    /// The warning a latency budget gets when the primary cannot answer in it, handed to `warn` with its values:
    /// `answer_over_budget` when the answer alone outlasts it at the fastest output reported, whatever the thinking;
    /// `thinking_over_budget` when the reasoning at the team's effort and the answer do, but the least thinking the
    /// model accepts (thinking off, or its lowest level) would not; `thinking_floor_over_budget` when even that
    /// would not, with a model that can answer in time. True when one was given.
    func thinkingWarning(primary: Int, _ d: Decision, _ v: UnsafeBufferPointer<Double>, task: Int, monthly: [Double],
                         warn: (ComputedWarning, [String: String]) -> Void) -> Bool {
        let k = knowledge
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        guard budget > 0 else { return false }
        if let answer = k.answerFloor(model: primary, v), answer.seconds > budget {
            warn(.answer_over_budget, [
                "tokens": Format.count(answer.tokens), "seconds": Self.seconds(answer.seconds), "speed": Format.count(answer.speed),
                "start": Self.seconds(answer.start),
                "budget": AnswerValue.number(budget).text,
                "option": answeringInTime(budget, instead: primary, d, v, task: task, monthly: monthly, answerTooLong: true)])
            return true
        }
        guard let (budget, floor, least, answer) = k.thinkingOverBudget(model: primary, v) else { return false }
        // Only "no setting can" is certain: the fix offered is the least thinking the model accepts, never a level
        // that the floor alone would let through.
        if let lowest = least.floor, lowest.seconds + (answer?.seconds ?? 0) > budget {
            var values = Self.timed(lowest, answer, budget)
            values["lowest"] = lowest.effort.rawValue
            values["option"] = answeringInTime(budget, instead: primary, d, v, task: task, monthly: monthly, answerTooLong: false)
            warn(.thinking_floor_over_budget, values)
            return true
        }
        var values = Self.timed(floor, answer, budget)
        values["fix"] = least.floor.map { "lower its effort to \($0.asLeast)" } ?? "switch its thinking off (effort none)"
        warn(.thinking_over_budget, values)
        return true
    }

    /// Interactive answers with no budget stated (`latency` interactive: "a person waits a few seconds"): the primary's
    /// reasoning at the team's effort is written before the first word, and at the typical output speed it takes
    /// longer than `engine.interactive_wait_seconds`. Handed to `warn` as `thinking_interactive`, with the fix: the
    /// highest lower level that fits the wait, priced, for work a lower effort is offered to (the lower_effort lever's
    /// `when`); for work that keeps its thinking, how to bear the wait. Haiku 5.5 at its default medium effort writes
    /// an assumed 1,200 reasoning tokens before each chat answer, about 12 s at 97 tokens a second, and the verdict
    /// said nothing of it. Not for a model timed faster than the engine's fastest (Groq's own hardware): the typical
    /// speed is the median of general APIs, not its.
    func interactiveThinkingWarning(primary m: Int, answers: Answers, _ v: UnsafeBufferPointer<Double>,
                                    warn: ([String: String]) -> Void) {
        let k = knowledge
        guard let (floor, typical, wait) = interactiveWaitOutlasted(model: m, v),
              let levels = k.compiledModels[m].reasoning?.levels.sorted() else { return }
        func timed(_ tokens: Double) -> String { Self.seconds(tokens / typical) }
        var values = Self.waited(floor, typical: typical, wait: wait)
        let fitting = k.levelFittingInteractiveWait(model: m, below: floor.effort, v)
        let lowerOffered = !k.keepsThinking(v)
        var fix: String
        if let fitting, lowerOffered {
            let before = monthly(m, v)
            let after = v.with(.reasoningEffort, fitting.answer) { monthly(m, $0) }
            let tokens = k.thinkingFloor(model: m, at: fitting)?.tokens ?? 0
            let level = fitting == .none
                ? "with its thinking switched off (effort none) it starts the answer at once"
                : "at \(fitting.rawValue) effort it writes about \(Format.count(tokens)) first, about \(timed(tokens))"
            // With no volume there is no month to compare ("$0.00 a month instead of $0.00").
            let price = before > 0 ? ", for \(Format.money(after)) a month instead of \(Format.money(before))" : ""
            fix = "\(level)\(price). Lower it, or give a "
                + "latency budget, which prices every model at the most thinking it leaves time for, and check the "
                + "quality at the lower level on your own samples"
        } else {
            // Work that keeps its thinking, or a model whose every level outlasts the wait: the wait is to be borne.
            let opening: String
            if fitting == nil, let least = levels.first.flatMap({ k.thinkingFloor(model: m, at: $0) }) {
                opening = "even at \(least.effort.rawValue) effort, its least, it writes about \(Format.count(least.tokens)) first, "
                    + "about \(timed(least.tokens)), so "
            } else {
                opening = "this work keeps its thinking (\(Knowledge.whyThinkingIsKept(v))), so "
            }
            fix = opening + "show the person that the answer is on its way (a progress state, or the thinking summary as "
                + "it streams), or run it as a job that reports back"
        }
        // Only for work a team can queue (the batch lever's tasks): a chat or a coding agent has a person waiting.
        if answers.isAssumed(.latency), k.leverRules?.offers(.batch, v) ?? false {
            fix += ". Interactive is the assumed answer: if nobody waits for these answers, say batch"
        }
        values["fix"] = fix
        warn(values)
    }

    /// Realtime answers without a budget leave no time to think (`leavesTimeToAnswer`), so a `default` effort runs each
    /// model at its least; an effort the team set is priced as set, and where the recommended model thinks at it, the
    /// wait before the first word is said with what its least thinking costs (`thinking_realtime`): keystroke code
    /// completions at high effort waited about 31 s (7.65 s at the fastest output) and only a lever said so.
    func realtimeThinkingWarning(primary m: Int, answers: Answers, _ v: UnsafeBufferPointer<Double>,
                                 warn: ([String: String]) -> Void) {
        let k = knowledge
        guard v[AnswerID.latency.rawValue] == Knowledge.realtimeLatency, v[AnswerID.latencyBudgetSeconds.rawValue] <= 0,
              let typical = k.typicalOutput, k.timedAtEngineSpeed(model: m),
              let floor = k.thinkingFloor(model: m, v), let least = k.leastThinking(model: m) else { return }
        // At its least already, a model that cannot switch its thinking off still keeps the answer waiting (Sonnet 5.5
        // at low, about 3 s, left to the default): said whatever the effort answer.
        let atLeast = least.effort >= floor.effort
        guard atLeast || !answers.isAssumed(.reasoningEffort) else { return }
        var values = floor.values
        values["typical"] = Format.count(typical)
        values["typical_seconds"] = Self.seconds(floor.tokens / typical)
        // The level asked for may not be the model's (a medium runs at high on Haiku 4.5 and on DeepSeek).
        let asked = AnswerID.reasoningEffort.choices[Int(v[AnswerID.reasoningEffort.rawValue])]
        values["set"] = atLeast ? "its least, which it cannot switch off"
            : asked == floor.effort.rawValue ? "the level you set" : "what the '\(asked)' you set runs at on it"
        let budget = "give a latency budget, which rules out a model too slow for it and prices the rest at the most thinking "
            + "it leaves time for"
        if atLeast {
            values["fix"] = budget + ", or let the feature wait a few seconds for its answers"
            warn(values)
            return
        }
        let before = monthly(m, v)
        let after = v.with(.reasoningEffort, least.effort.answer) { monthly(m, $0) }
        let level = least.floor.map { "at \($0.effort.rawValue) effort, its least, it still writes about \(Format.count($0.tokens)) first, "
            + "about \(Self.seconds($0.tokens / typical)) (\(Self.seconds($0.seconds)) at the fastest), which it cannot switch off" }
            ?? "with its thinking switched off (effort none) it starts the answer at once"
        let price = before > 0 ? ", for \(Format.money(after)) a month instead of \(Format.money(before))" : ""
        // A model that cannot stop thinking still keeps a realtime answer waiting at its least: said, with the way out.
        values["fix"] = level + price + (least.floor == nil
            ? ". Lower it and check the quality without thinking on your own samples, or " + budget
            : ". Lower it if a few seconds will do, or " + budget)
        warn(values)
    }

    /// Under tiered routing the complex share goes on to the escalation model after the Haiku has answered: where its
    /// thinking on those requests (at the effort the plan prices them at, `onEscalatedRequests`) outlasts the
    /// interactive wait, `escalation_thinking_interactive`. Those are the hard requests, which keep their thinking,
    /// so no lower level is offered. A chat plan sent 5 % of its turns to Claude Sonnet 5.5 at its default high
    /// effort, 3,000 reasoning tokens (about 31 s at 97 tokens a second), after Haiku 5.5's answer, unsaid.
    func escalatedInteractiveWarning(_ d: Decision, _ v: UnsafeBufferPointer<Double>, warn: (Int, [String: String]) -> Void) {
        let k = knowledge
        guard d.verdict == .tieredRouting, let escalation = d.escalation, escalation != d.primary,
              let (floor, typical, wait) = k.onEscalatedRequests(model: escalation, v, { complex, _ in interactiveWaitOutlasted(model: escalation, complex) })
        else { return }
        var values = Self.waited(floor, typical: typical, wait: wait)
        values["haiku"] = k.models[d.primary].title
        values["share"] = Format.percent(v[AnswerID.complexShare.rawValue])
        warn(escalation, values)
    }

    /// Under tiered routing with realtime answers and no budget, the escalated requests wait for the Haiku's answer and
    /// then the escalation model's thinking, which realtime answers leave no time for: Sonnet 5.5 cannot stop
    /// thinking, and the plan called its low effort "still too long" with no warning beside it
    /// (`escalation_thinking_realtime`). Not for a model timed on faster hardware than the engine's (Groq's).
    func escalatedRealtimeWarning(_ d: Decision, _ v: UnsafeBufferPointer<Double>, warn: (Int, [String: String]) -> Void) {
        let k = knowledge
        guard d.verdict == .tieredRouting, let escalation = d.escalation, escalation != d.primary,
              v[AnswerID.latency.rawValue] == Knowledge.realtimeLatency, v[AnswerID.latencyBudgetSeconds.rawValue] <= 0,
              let typical = k.typicalOutput, k.timedAtEngineSpeed(model: escalation),
              let floor = k.onEscalatedRequests(model: escalation, v, { complex, _ in k.thinkingFloor(model: escalation, complex) })
        else { return }
        var values = floor.values
        values["typical"] = Format.count(typical)
        values["typical_seconds"] = Self.seconds(floor.tokens / typical)
        values["haiku"] = k.models[d.primary].title
        values["share"] = Format.percent(v[AnswerID.complexShare.rawValue])
        warn(escalation, values)
    }

    /// Model `m`'s thinking at the effort it runs at, with the typical speed and the interactive wait, when the
    /// answers are interactive with no budget and that thinking at that speed outlasts the wait; nil otherwise, and
    /// for a model timed faster than the engine's fastest (Groq's own hardware), whose speed the median does not
    /// describe.
    private func interactiveWaitOutlasted(model m: Int, _ v: UnsafeBufferPointer<Double>)
        -> (floor: ThinkingFloor, typical: Double, wait: Double)? {
        let k = knowledge
        guard let (typical, wait) = k.interactiveWaitTiming(model: m, v),
              let floor = k.thinkingFloor(model: m, v), floor.tokens / typical > wait else { return nil }
        return (floor, typical, wait)
    }

    /// The interactive warnings' {effort}, {tokens}, {seconds}, {speed} (the floor), {typical}, {typical_seconds} and
    /// {wait}.
    private static func waited(_ floor: ThinkingFloor, typical: Double, wait: Double) -> [String: String] {
        var values = floor.values
        values["typical"] = Format.count(typical)
        values["typical_seconds"] = seconds(floor.tokens / typical)
        values["wait"] = seconds(wait)
        return values
    }

    /// Why model `m` cannot answer within the budget (`outlastsBudget`), for the warnings of a model passed over for
    /// it: its answer alone, or its least thinking and the answer after it, against the budget at the floor speed.
    /// With no budget, why it cannot answer in real time (`thinksBeforeEveryRealtimeAnswer`): its least thinking.
    func tooSlow(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> String {
        let k = knowledge
        if k.thinksBeforeEveryRealtimeAnswer(model: m, v), let least = k.leastThinking(model: m) {
            let tokens = k.compiledModels[m].reasoning?.tokens[least.effort.rank] ?? 0
            let floor = least.floor.map { " (\(Self.seconds($0.seconds)) even at \(Format.count($0.speed)))" } ?? ""
            return "it thinks before every answer, even at \(least.effort.rawValue), its least: "
                + Knowledge.thinkingTime(tokens: tokens, speed: k.typicalOutput) + floor
                + ", and realtime answers leave no time for thinking"
        }
        let budget = AnswerValue.number(v[AnswerID.latencyBudgetSeconds.rawValue]).text
        let answer = k.answerFloor(model: m, v)
        let speed = Format.count(answer?.speed ?? k.fastestOutput[m] ?? 0)
        let answerTokens = Format.count(answer?.tokens ?? 0)
        // The first-token wait, said where it is counted (it is in the answer's floor).
        let start = (answer?.start ?? 0) > 0 ? ", with the \(Self.seconds(answer!.start)) wait before any first token," : ","
        if let least = k.leastThinking(model: m)?.floor {
            let total = least.seconds + (answer?.seconds ?? 0)
            return "even at \(least.asLeast) and about \(answerTokens) tokens of answer after it, it takes at least "
                + "\(Self.seconds(total)) at \(speed) tokens a second, the fastest output reported for it\(start) against \(Knowledge.aBudget(budget))"
        }
        return "its answer alone, about \(answerTokens) tokens on its count, takes at least \(Self.seconds(answer?.seconds ?? 0)) "
            + "at \(speed) tokens a second, the fastest output reported for it\(start) against \(Knowledge.aBudget(budget))"
    }

    /// A thinking floor's values with the answer written after it: {answer_tokens} and {total} (both together), and
    /// {budget}.
    private static func timed(_ floor: ThinkingFloor, _ answer: AnswerFloor?, _ budget: Double) -> [String: String] {
        var values = floor.values
        values["answer_tokens"] = Format.count(answer?.tokens ?? 0)
        values["total"] = seconds(floor.seconds + (answer?.seconds ?? 0))
        values["start"] = seconds(answer?.start ?? 0)
        values["budget"] = AnswerValue.number(budget).text
        return values
    }

    /// Under tiered routing the Haiku answers every request and the escalation model answers the complex share again
    /// (/guides/tiered-routing), so an escalated request waits for both: the Haiku's floor at the team's effort, then
    /// the escalation model's, each with its first-token wait. The warning those requests get when the two together
    /// outlast the budget (`escalation_over_budget`). Held to the escalation model alone, 20-token classifications due
    /// in 1 s were told that Sonnet 5.5 at low effort (0.965 s) would do, with Haiku 5.5's 0.215 s still to come first.
    /// `warn`'s last argument: whether the finding ranks as a stated budget likely missed (the top risk): always at
    /// the fastest speeds, and at the typical one from `engine.likely_miss_ratio` times the budget, as the primary's.
    func escalatedShareWarning(_ d: Decision, _ v: UnsafeBufferPointer<Double>,
                               warn: (Int, ComputedWarning, [String: String], Bool) -> Void) {
        let k = knowledge
        let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
        guard budget > 0, d.verdict == .tieredRouting, let escalation = d.escalation, escalation != d.primary else { return }
        let haiku = d.primary
        let haikuSeconds = k.answeringSeconds(model: haiku, v)
        let escalationSeconds = k.answeringSeconds(model: escalation, v)
        guard haikuSeconds + escalationSeconds > budget else {
            escalatedShareTypicalWarning(haiku: haiku, escalation: escalation, budget: budget, v, warn: warn)
            return
        }
        var values = ["model": k.models[escalation].title, "haiku": k.models[haiku].title,
                      "share": Format.percent(v[AnswerID.complexShare.rawValue]),
                      "haiku_seconds": Self.seconds(haikuSeconds), "seconds": Self.seconds(escalationSeconds),
                      "start": Self.seconds(k.leastFirstToken), "total": Self.seconds(haikuSeconds + escalationSeconds),
                      "budget": AnswerValue.number(budget).text]
        values["thinking"] = k.thinkingFloor(model: escalation, v).map {
            ", whose \($0.effort.rawValue) effort writes about \(Format.count($0.tokens)) reasoning tokens first"
        } ?? ""
        let escalationLeast = k.leastSeconds(model: escalation, v)
        let least = k.leastSeconds(model: haiku, v) + escalationLeast
        if least <= budget {
            // The team's effort is the lever: name the least level of each model that thinks more than that at it.
            let lowered = [haiku, escalation].compactMap { m -> String? in
                guard let level = k.leastThinking(model: m), let now = k.thinkingFloor(model: m, v),
                      now.seconds > level.floor?.seconds ?? 0 else { return nil }
                return "\(level.effort.rawValue) on \(k.models[m].title)"
            }
            values["fix"] = "At the least thinking each accepts (\(Format.series(lowered))) the two take at least "
                + "\(Self.seconds(least)): lower the effort for these requests, and check the quality of the hard answers"
        } else if escalationLeast <= budget {
            values["fix"] = "Even at the least thinking each accepts the two take at least \(Self.seconds(least)): to answer "
                + "the hard requests in time, decide the route before any answer (the tiered-routing guide prices a routing "
                + "step) and send them straight to \(k.models[escalation].title), which alone takes at least "
                + "\(Self.seconds(escalationLeast)) with the step's own time on top, or give them a budget of their own"
        } else {
            values["fix"] = "\(k.models[escalation].title) alone takes at least \(Self.seconds(escalationLeast)) even at its "
                + "least thinking: tell the people waiting, or give the hard requests a budget of their own"
        }
        warn(escalation, .escalation_over_budget, values, true)
    }

    /// `escalatedShareWarning` where the two are in time at the fastest speeds: each model's thinking level is chosen
    /// in time on its own at the typical speed, and together at that speed realtime chats' escalated requests took
    /// 9.4 s against 5 s, and nothing said so (`escalation_over_budget_typical`). Not through the batch API, whose
    /// turnaround is the budget's problem (as `latency_unknown_over` holds it).
    private func escalatedShareTypicalWarning(haiku: Int, escalation: Int, budget: Double, _ v: UnsafeBufferPointer<Double>,
                                              warn: (Int, ComputedWarning, [String: String], Bool) -> Void) {
        let k = knowledge
        guard !Knowledge.isBatch(v), let typical = k.typicalOutput,
              let haikuSeconds = k.typicalSeconds(model: haiku, v),
              let escalationSeconds = k.onEscalatedRequests(model: escalation, v, { complex, _ in k.typicalSeconds(model: escalation, complex) }),
              haikuSeconds + escalationSeconds > budget else { return }
        // What the team can do, as it applies: the Haiku's thinking, where it thinks; the route decided before any
        // answer, where the escalation model alone is in time; else a budget of their own.
        var fixes: [String] = []
        if k.requestTokens(model: haiku, v).reasoning > 0 { fixes.append("lower \(k.models[haiku].title)'s effort, since its thinking comes first") }
        fixes.append(escalationSeconds <= budget
            ? "decide the route before any answer so the hard requests go straight to \(k.models[escalation].title)"
            : "give the hard requests a budget of their own, since \(k.models[escalation].title) alone takes about \(Self.seconds(escalationSeconds))")
        let total = haikuSeconds + escalationSeconds
        // Said as the primary's is: a budget missed at the median speed by half again or more is likely missed, the
        // top risk; under that, over the budget at that speed, a risk among the others.
        let likely = total >= k.likelyMissRatio * budget
        let budgetText = AnswerValue.number(budget).text
        warn(escalation, .escalation_over_budget_typical, [
            "model": k.models[escalation].title, "haiku": k.models[haiku].title,
            "share": Format.percent(v[AnswerID.complexShare.rawValue]),
            "haiku_seconds": Self.seconds(haikuSeconds), "seconds": Self.seconds(escalationSeconds),
            "speed": Format.count(typical), "total": Self.seconds(total), "budget": budgetText,
            "over": likely ? "over your \(budgetText) s budget" : "over the \(budgetText) s budget at that speed",
            "fix": fixes.joined(separator: ", or ")],
             likely)
    }

    /// A model that can answer within `budget` (no reasoning first at the team's effort, or with its thinking
    /// off, and its answer written in time at its fastest output), has no documented latency over it and that the
    /// verdict could offer (usable, a good fit or better, the alternatives' floors met), as a sentence: one that
    /// fits the task as well as `primary` first, then a current one before a legacy one, then the cheapest, priced
    /// as it would run. Without reasoning first the thinking floor is nothing; with it, the floor is a lower bound and
    /// cannot show a model in time. `answerTooLong`: the primary's answer alone outlasts the budget, so what the
    /// named model has is its faster output, not the absence of thinking: a model that cannot stop thinking is named
    /// at its least level when that and the answer fit at its floor speed (gpt-oss on Groq), as the verdict counts
    /// it in time (`Engine.decide`).
    private func answeringInTime(_ budget: Double, instead primary: Int, _ d: Decision, _ v: UnsafeBufferPointer<Double>,
                                 task: Int, monthly: [Double], answerTooLong: Bool) -> String {
        let k = knowledge
        let primaryFit = k.compiledModels[primary].fit[task]
        let day = Int(v[AnswerID.asOf.rawValue])
        let floor = Swift.min(d.alternativesMinFit, .good)
        // A fit below the primary's (a larger Fit) after every model that fits as well; a model its maker moved on
        // from after a current one.
        func key(_ model: Int, _ cost: Double) -> (Int, Int, Double, Int) {
            (k.compiledModels[model].fit[task] > primaryFit ? 1 : 0,
             k.compiledModels[model].lifecycle(on: day).state == .active ? 0 : 1, cost, model)
        }
        // `setting`: the effort the model is named and priced at, when not the team's (none; or, where the answer
        // alone is what outlasts the budget, the least thinking of a model that cannot stop, if it and the answer fit
        // at the floor speed: gpt-oss on Groq).
        var best: (model: Int, setting: Effort?, monthly: Double)? = nil
        for m in k.models.indices where m != primary && d.usable[m] && k.compiledModels[m].fit[task] <= floor
            && k.meets(d.taskFloors, model: m) && k.latencyCheck(model: m, v)?.verdict != .misses
            && (k.answerFloor(model: m, v).map { $0.seconds <= budget } ?? !answerTooLong) {
            // A model whose default is priced with its thinking off (`Knowledge.reasoning`) is named as such.
            let running = k.reasoning(model: m, v)
            var setting: Effort? = running.loweredFrom != nil && running.effort == Effort.none ? Effort.none : nil
            var cost = monthly[m]
            if let effort = running.effort, k.thinkingFloor(model: m, at: effort) != nil {
                let chosen: Effort
                if k.compiledModels[m].reasoning?.levels.contains(.none) == true {
                    chosen = .none
                } else if answerTooLong, let least = k.leastThinking(model: m), !k.outlastsBudget(model: m, v) {
                    chosen = least.effort
                } else {
                    continue
                }
                setting = chosen
                cost = v.with(.reasoningEffort, chosen.answer) { self.monthly(m, $0) }
            }
            if best == nil || key(m, cost) < key(best!.model, best!.monthly) { best = (m, setting, cost) }
        }
        guard let best else {
            let relax = v[AnswerID.requiredFit.rawValue] > 0 ? "the budget or the fit you require" : "the budget"
            // Under the first-token wait no answer, however short, is in time on a hosted model.
            if answerTooLong, budget < k.leastFirstToken {
                return "No hosted model is reported to start an answer within \(AnswerValue.number(budget).text) s (the quickest median first "
                    + "token we have read is \(Self.seconds(k.leastFirstToken))), so shorter answers do not help: relax \(relax), "
                    + "or run a model next to your users"
            }
            return answerTooLong
                ? "No other model that meets this workload's requirements is reported to write that fast: shorten the "
                    + "answers or relax \(relax)"
                : "No other model that meets this workload's requirements answers without thinking first: relax "
                    + "\(relax), or measure on your own prompts before you promise it"
        }
        let title = k.models[best.model].title
        let off = switch best.setting {
        case nil: ""
        case .some(.none): " once its thinking is switched off"
        case .some(let least): " at its least thinking (\(least.rawValue)), which it cannot switch off"
        }
        let how = answerTooLong
            ? "\(title) can write it in time, at up to \(Format.count(k.fastestOutput[best.model] ?? 0)) tokens a second\(off)"
            : "\(title) answers without thinking first\(off)"
        let taskName = AnswerID.taskName(AnswerID.taskType.choices[task])
        let fit = k.compiledModels[best.model].fit[task]
        let fitNote = fit > primaryFit
            ? ", though it fits \(taskName) only '\(fit.rawValue)' against '\(primaryFit.rawValue)'"
            : ", and it fits \(taskName) '\(fit.rawValue)'"
        return "\(how): \(Format.money(best.monthly)) a month on your numbers\(fitNote)"
    }

    /// A time at least this long, as a budget is read: two decimals below ten, so 0.75 is not rounded onto a 0.8
    /// budget, and rounded up, so a 0.215 s floor is not shown as 0.21 beside a 0.21 s budget it misses.
    static func seconds(_ value: Double) -> String {
        let digits = value < 10 ? 2 : 1
        let scale = digits == 2 ? 100.0 : 10.0
        // The small allowance keeps a time already at the precision (0.3 computed as 0.30000000000000004) as it is.
        return Format.trimmed((value * scale - 1e-9).rounded(.up) / scale, digits: digits) + " s"
    }
}

extension Knowledge {
    /// Whether the work keeps its thinking: no lower effort is offered to it (the lower_effort lever's `when`).
    func keepsThinking(_ v: UnsafeBufferPointer<Double>) -> Bool { !(leverRules?.offers(.lower_effort, v) ?? false) }

    /// Why work keeps its thinking where the lower_effort lever is not offered to it, in the order that lever's `when`
    /// reads it (content/criteria/_index.md): "answers must be right the first time".
    static func whyThinkingIsKept(_ v: UnsafeBufferPointer<Double>) -> String {
        let task = AnswerID.taskType.choices[Int(v[AnswerID.taskType.rawValue])].replacingOccurrences(of: "_", with: " ")
        return v[AnswerID.accuracy.rawValue] == firstTimeRight ? "answers must be right the first time"
            : v[AnswerID.complexShare.rawValue] >= 0.5 ? "half the requests or more are complex"
            : "\(task) is work whose answer is the thinking"
    }
}
