import Advisor

extension UsageImport {
    /// Anthropic's and OpenAI's usage reports, and a CSV, count a model's thinking inside its output tokens without
    /// saying how much; every cost line adds each model's own thinking at the effort answered, so the logged model's
    /// was billed twice (a week of Haiku 5.5 at 500 output tokens a request was "now $319" for a $137 bill). Where the
    /// file does not log reasoning apart and the model in use thinks, its reasoning comes out of the logged outputs of the
    /// models that think (a row of a model that does not is all answer),
    /// as the tool-use prompt comes out of the prompts (`UsageProfile.removingLeadingPrompt`), and the summary says so.
    /// The level is the effort answered; left to the default, the highest of the model's levels whose thinking leaves
    /// room for an answer in the logged output (outputs of 500 tokens cannot hold medium's 1,200: low's 300, and
    /// `reasoning_effort` is filled with it), or none where the model allows it and no level fits.
    /// - Returns: the note, or nil when nothing applies.
    mutating func takeOutUnloggedReasoning(_ given: Answers, knowledge: Knowledge) -> String? {
        if let share = summary.reasoning_share { return matchLoggedReasoning(share, given, knowledge: knowledge) }
        guard let profile, let current = currentModel else { return nil }
        let filled = filled(given, knowledge: knowledge)
        guard let (assumed, effort) = knowledge.assumedReasoning(model: current, filled) else { return nil }
        let title = knowledge.model(current)?.title ?? current
        // Only the requests of models that think hold thinking: a row of GPT-4o mini beside GPT-5 mini is all answer.
        // A row whose model we do not list is taken to be the model in use.
        var reasons: [String: Bool] = [:]
        for sample in profile.samples {
            guard let model = sample.model, reasons[model] == nil else { continue }
            reasons[model] = model == current || knowledge.assumedReasoning(model: model, filled) != nil
        }
        let thinks = { (sample: UsageSample) in sample.model.flatMap { reasons[$0] } ?? true }
        let plain = reasons.filter { !$0.value }.keys.sorted().map { knowledge.model($0)?.title ?? $0 }
        let logged = profile.meanOutput(of: thinks)
        var level: (effort: String, tokens: Double) = (effort, assumed)
        if logged <= assumed {
            // The team's own level is kept, and the outputs that cannot hold it are said to.
            guard given.isAssumed(.reasoningEffort) else {
                return "The file's outputs average \(Format.count(logged)) tokens a request, fewer than the \(Format.count(assumed)) "
                    + "reasoning tokens \(title) is taken to write at the \(effort) effort you gave, so nothing was taken out "
                    + "of them and each bill is overstated by about that thinking."
            }
            let levels = knowledge.reasoningLevels(model: current, filled)
            guard let fitting = levels.last(where: { $0.tokens < logged }) else { return nil }
            level = fitting
            setAnswer(.reasoningEffort, .text(fitting.effort))
        }
        let answered = profile.removingOutput(level.tokens, from: thinks)
        self.profile = answered
        setAnswer(.avgOutputTokens, .number(answered.meanOutput.rounded()))
        let which = level.effort == effort ? "at \(effort) effort"
            : "at \(level.effort) effort (its \(effort) effort's \(Format.count(assumed)) would not leave an answer in outputs of "
                + "\(Format.count(logged)) tokens, so the verdict prices \(level.effort))"
        let whose: String = plain.isEmpty ? "" : " of the models that think (not of \(Format.series(plain))'s, which hold none)"
        let taken = level.tokens > 0
            ? "the \(Format.count(level.tokens)) reasoning tokens a request it is taken to write \(which) came out of the logged "
                + "outputs" + whose + ", from each in proportion to its length (answers of \(Format.count(answered.meanOutput)) tokens on average)"
            : "none of its effort levels leaves an answer in outputs of \(Format.count(logged)) tokens, so it is taken to run "
                + "with thinking off and the verdict prices that"
        return "The file counts \(title)'s thinking inside its output tokens without saying how much: \(taken), and every "
            + "model is priced with its own thinking on top. Give the reasoning effort you run it at if it is another."
    }

    /// Spans that log their reasoning apart had it taken out of the answers (UsageImport.derive), and each model is
    /// priced with its own at the effort answered; left to the default, the model in use is priced at the level whose
    /// assumed thinking is nearest what it logged (800 tokens a request on Haiku 5.5 were replaced by medium's 1,200
    /// without a word), and `reasoning_effort` is filled with it. Nil where the effort was given or nothing thinks.
    private mutating func matchLoggedReasoning(_ share: Double, _ given: Answers, knowledge: Knowledge) -> String? {
        guard given.isAssumed(.reasoningEffort), share < 1, let profile, let current = currentModel else { return nil }
        let logged = profile.meanOutput / (1 - share) * share
        let levels = knowledge.reasoningLevels(model: current, filled(given, knowledge: knowledge))
        guard let nearest = levels.min(by: { abs($0.tokens - logged) < abs($1.tokens - logged) }) else { return nil }
        setAnswer(.reasoningEffort, .text(nearest.effort))
        let title = knowledge.model(current)?.title ?? current
        return "The file logs about \(Format.count(logged)) reasoning tokens a request on \(title): the verdict prices it at "
            + "\(nearest.effort) effort (about \(Format.count(nearest.tokens))), the nearest of its levels, and every model at that "
            + "level. Give the reasoning effort you run it at if it is another."
    }

    /// Sets an answer the file derives, keeping the interface's order.
    private mutating func setAnswer(_ id: AnswerID, _ value: AnswerValue) {
        answers = (answers.filter { $0.id != id } + [(id, value)]).sorted { $0.id < $1.id }
    }
}
