// Cost traps: the rules of the price model (Costs.swift) that change a model's monthly figure in ways a reader
// would not expect, stated once per model with their amount, where the decision is.
//
// Every amount is read from the model's cost line (its rates, tokens and band), except the two that need the
// figure without the trap: the long-context cliff (the line priced at the standard rates) and the tokenizer ratio
// (the line priced on the answers' own count). Two cost lines per model at most; the decision is not re-run.

/// One trap on one model. JSON: `kind`, `model`, `amount_usd` (null when not priced), `text`, `url`.
public struct Trap: Sendable, Encodable, Equatable {
    public let kind: TrapKind
    public let model: String
    /// What the trap adds to the model's monthly figure; nil when it makes the figure uncertain rather than higher.
    public let amount_usd: Double?
    public let text: String
    /// The page that explains it.
    public let url: String

    enum CodingKeys: String, CodingKey { case kind, model, amount_usd, text, url }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(model, forKey: .model)
        try c.encode(amount_usd, forKey: .amount_usd)
        try c.encode(text, forKey: .text)
        try c.encode(url, forKey: .url)
    }
}

extension Engine {
    /// The thinking trap's `{wait}`: where model `m`'s priced thinking outlasts the interactive wait before the first
    /// word, the work may think less (the lower_effort lever's condition) and a lower level fits the wait, that level's
    /// month beside the time: the verdict box priced 3M classifications on Haiku 5.5 at $2,073, $1,800 of it 1,200
    /// medium-effort tokens (about 12 s) before each 20-token label, with the $723 at low effort said only in a warning
    /// below. "" otherwise.
    private func outlastedWait(model m: Int, line: CostLine, _ v: [Double], priced effort: Effort,
                               monthly: ([(AnswerID, Double)]) -> Double) -> String {
        let k = knowledge
        guard let (typical, wait) = v.withUnsafeBufferPointer({ k.interactiveWaitTiming(model: m, $0) }),
              line.rates.reasoning_tokens_per_request / typical > wait,
              v.withUnsafeBufferPointer({ k.leverRules?.offers(.lower_effort, $0) }) == true,
              let fitting = v.withUnsafeBufferPointer({ k.levelFittingInteractiveWait(model: m, below: effort, $0) })
        else { return "" }
        let seconds = Self.seconds(line.rates.reasoning_tokens_per_request / typical)
        let level = fitting == .none ? "With thinking off" : "At \(fitting.rawValue) effort"
        // The model's whole month both ways, named as its own: beside the thinking's amount "$723 a month" read as the
        // thinking's, and beside a tiered plan's total as the plan's.
        let (after, before) = Format.money(monthly([(.reasoningEffort, fitting.answer)]), line.monthly_usd)
        // (Without requests the trap, $0, is not said at all.)
        return ". That is about \(seconds) before the first word, over an interactive answer's \(Self.seconds(wait)). "
            + "\(level), which fits the wait, \(line.title)'s month is \(after) instead of \(before)"
    }

    /// The traps in model `m`'s figure, in the order of TrapKind.
    /// - Parameter usageCliff: under an import, the share of its requests above the model's long-context line and
    ///   what that line's rates add to them (`UsagePrices.longContextExtra`).
    func traps(model m: Int, line: CostLine, answers: Answers, usageCliff: (share: Double, amount: Double)? = nil) -> [Trap] {
        let k = knowledge
        guard let rules = k.leverRules, line.hosting == .api, line.fits else { return [] }
        let v = answers.values
        let r = line.rates
        let requests = v[AnswerID.monthlyRequests.rawValue]
        let counted = Int(v[AnswerID.tokensCountedWith.rawValue])
        var found: [Trap] = []
        func add(_ kind: TrapKind, _ amount: Double?, _ values: [String: String]) {
            // A trap worth less than a cent a month is not worth a sentence ("$0.00 of its monthly figure").
            if let amount, amount < 0.005 { return }
            let words = rules.traps[kind]!
            var filled = values
            filled["model"] = line.title
            filled["counted_with"] = k.models[counted].title
            if let amount { filled["amount"] = Format.money(amount) }
            found.append(Trap(kind: kind, model: line.model, amount_usd: amount.map(Format.rounded),
                              text: Template.fill(words.text, filled), url: words.url))
        }
        func cost(with changes: [(AnswerID, Double)]) -> Double {
            var w = v
            for (id, x) in changes { w[id.rawValue] = x }
            Answers.derive(&w)
            return w.withUnsafeBufferPointer { self.monthly(m, $0) }
        }
        func keep(_ tokenClass: TokenClass) -> Double { r.kept(tokenClass) }

        // The month at the standard rates where a long-context band applies: the cliff's amount, and the tokenizer
        // trap's base (below).
        var standardMonth: Double? = nil
        if let target = v.withUnsafeBufferPointer({ k.trimTarget(line, $0) }) {
            // What the band adds to these prompts, not what trimming them saves (that is the trim lever's figure):
            // 195,000-token prompts were said to cost $41,171 more than "below the line", against prompts half as
            // long; at the standard rates the same prompts cost $35,580 less.
            let standard = v.withUnsafeBufferPointer { k.standardBandMonthly(model: m, $0) }
            standardMonth = standard
            // Where the estimated tool-use prompt is what takes the request over, said: 99,600 tokens and an estimated
            // 450 crossed Haiku 5.5's 100,000, and the trap gave 100,050 "on its count" as if counted.
            let tool = r.tool_prompt_tokens_per_request ?? 0
            let counted = r.long_context_counted ?? 0, estimated = tool - k.countedToolPrompt(model: m, tool)
            let crossedByEstimate = estimated > 0 && counted - estimated <= (r.long_context_threshold ?? 0)
            add(.long_context_cliff, line.monthly_usd - standard, [
                "prompt": Format.count(counted), "threshold": Format.count(r.long_context_threshold ?? 0), "tokens": Format.count(target),
                "estimated": crossedByEstimate
                    ? " (\(Format.count(estimated)) of them the tool-use system prompt we estimate, without which it would be under the line)" : ""])
        }
        // An import priced request by request: the average may be far under the line while one request in ten pays
        // its rates (10 % of 150,000-token prompts were $20,734 of a $27,261 month on Haiku 5.5, and nothing said so).
        if standardMonth == nil, let cliff = usageCliff, cliff.share > 0, let threshold = r.long_context_threshold {
            add(.long_context_share, cliff.amount, [
                "share": Self.importShare(cliff.share), "threshold": Format.count(threshold),
                "monthly": Format.money(line.monthly_usd)])
        }
        // Under a whole-request line but near it: an average says nothing of the requests longer than it, which cross
        // the line and pay its rates on every token. Priced as a month of prompts just over the line.
        // Under an import, whose requests are priced one group at a time, the share trap says what crossing costs; where
        // none crosses, its longest request near the line is the trap (`long_context_near_line_import`): a provider's
        // report gives bucket averages, which hide the requests longer than each, and a log is no ceiling either.
        // 300,000 summaries a month averaging 96,319 tokens on Haiku 5.5's count, read from an Admin report, were
        // priced all at the standard rates, where the same average typed in warned of $12,597 more. Read on the
        // distribution the cost table prices, not the what-if search's coarser copy, whose groups average the longest
        // requests away, and priced as its requests each longer by the share that takes the longest just over.
        if r.band != .long_context, usageCliff.map({ $0.share == 0 }) ?? true, let share = rules.nearLineShare,
           let threshold = r.long_context_threshold, let prompt = r.long_context_counted,
           k.compiledModels[m].prices(on: Int(v[AnswerID.asOf.rawValue]))?.longContext?.wholeRequest == true {
            // The tool-use system prompt does not grow with the prompt the answers give; the answers scale every
            // request of a file (UsagePricing).
            let tool = r.tool_prompt_tokens_per_request ?? 0
            let avg = v[AnswerID.avgInputTokens.rawValue]
            let profile = usageCliff == nil ? nil : usagePriced
            let near: Double? = if let profile {
                // Where the size answer is the file's own mean (rounded as the import fills it), the longest as logged.
                profile.samples.lazy.map(\.prompt).max().flatMap { longest in
                    profile.meanPrompt > 0 ? tool + (prompt - tool) * longest / (abs(avg - profile.meanPrompt) < 1 ? avg : profile.meanPrompt) : nil
                }
            } else if usageCliff == nil { prompt } else { nil }
            if let near, near >= share * threshold, near <= threshold, near > tool {
                let growth = (threshold + 1 - tool) / (near - tool)
                let over = (avg * growth).rounded(.up)
                var values = ["prompt": Format.count(near), "threshold": Format.count(threshold),
                              "share": Format.percent((near / threshold * 100).rounded(.down) / 100)]
                if let profile {
                    var w = v
                    w[AnswerID.avgInputTokens.rawValue] = over
                    Answers.derive(&w)
                    values["growth"] = Format.percent(growth - 1)
                    add(.long_context_near_line_import, w.withUnsafeBufferPointer { k.usageMonthly(model: m, profile, $0) } - line.monthly_usd, values)
                } else {
                    add(.long_context_near_line, cost(with: [(.avgInputTokens, over)]) - line.monthly_usd, values)
                }
            }
        }
        if m != counted {
            if !r.token_ratio_published {
                // An unpublished ratio is taken as 1, the reference tokenizer's: name the page that lacks it.
                let lacking = k.compiledModels[m].ratioPublished ? k.models[counted].title : line.title
                // When the counting model lacks one too, both are taken as 1: this model is assumed to count what
                // the team's own tokenizer counted, and that is what the trap must say.
                let bothLack = !k.compiledModels[m].ratioPublished && !k.compiledModels[counted].ratioPublished
                let reference = k.models[bothLack ? counted : Int(k.defaults[AnswerID.tokensCountedWith.rawValue])].title
                add(.tokenizer_unpublished, nil, ["unpublished": lacking, "reference": reference])
            } else if r.token_ratio > 1.005 {
                // Where its count is what takes the prompt over a long-context line, the rates that adds are the cliff
                // trap's amount already: counted here too, the two added up to more than the whole bill ($28,013 and
                // $26,550 of $33,188). This one is then the extra tokens at the rates below the line.
                // Over the line, the extra tokens are counted at the standard rates both ways: what the long-context
                // rates add to every token, these included, is the cliff trap's amount (at 110,000 tokens the two
                // overlapped by $690 of a $3,887.50 month).
                let cliff = found.contains { $0.kind == .long_context_cliff }
                let shareCliff = found.contains { $0.kind == .long_context_share }
                let own: Double
                if shareCliff, let cliff = usageCliff, let profile = usage {
                    // The same under an import: each side less what the long-context rates add to its requests over
                    // the line, at this model's count and at the team's.
                    let theirs = v.withUnsafeBufferPointer { p in
                        p.with(.tokensCountedWith, Double(m)) { k.usageMonthlyBelowTheLine(model: m, profile, $0) }
                    }
                    own = line.monthly_usd - cliff.amount - theirs
                } else if cliff, let standardMonth {
                    own = standardMonth - v.withUnsafeBufferPointer { p in
                        p.with(.tokensCountedWith, Double(m)) { k.standardBandMonthly(model: m, $0) }
                    }
                } else {
                    own = line.monthly_usd - cost(with: [(.tokensCountedWith, Double(m))])
                }
                let tool = r.tool_prompt_tokens_per_request ?? 0
                let scale = v.withUnsafeBufferPointer { k.tokenScale(model: m, $0) }
                let crossing = cliff && scale > 0 && r.long_context_threshold.map { threshold in
                    ((r.long_context_counted ?? 0) - tool) / scale + tool <= threshold } == true
                let line = Format.count(r.long_context_threshold ?? 0)
                if own > 0 {
                    add(.tokenizer_ratio, own, ["ratio": Format.figure(r.token_ratio, digits: 2),
                                                "crossing": shareCliff ? ", at the rates below its \(line)-token line (the "
                                                    + "long-context rates of the requests over it are the trap above)"
                                                    : !cliff ? ""
                                                    : crossing ? ", at the rates below its \(line)-token line (its count is what takes "
                                                        + "the prompt over it: the long-context rates that adds are the trap above)"
                                                    : ", at the rates below its \(line)-token line (the long-context rates on every token "
                                                        + "are the trap above)"])
                }
            }
        }
        if r.reasoning_tokens_per_request > 0, let effort = r.reasoning_effort {
            let amount = k.thinkingMonthly(model: m, line: line, requests: requests)
            // Lowered for room (Knowledge.reasoning), the verdict rests on less thinking than the model's default: said
            // here, where the primary's thinking is read, and not only in its cost line's notes (strict, unreviewed
            // 612,000-token RAG on Sonnet 5.5 at low effort said "low" and nothing of why).
            let lowered = r.reasoning_effort_lowered_from.flatMap { own in
                v.withUnsafeBufferPointer({ k.loweredForRoom(model: m, from: own, $0) }) ? ". That is lighter than "
                    + v.withUnsafeBufferPointer { k.ownSetting(model: m, $0) }
                    + ", \(own.rawValue), whose thinking "
                    + "would take the request past the room we leave in its limits: check the quality at \(effort.rawValue) effort on your own samples"
                    : nil
            } ?? ""
            add(.thinking_tokens, amount, ["effort": effort.rawValue, "tokens": Format.count(r.reasoning_tokens_per_request),
                                           "wait": outlastedWait(model: m, line: line, v, priced: effort, monthly: cost),
                                           "lowered": lowered])
        }
        let tool = r.tool_prompt_tokens_per_request ?? 0
        let prefix = Knowledge.cacheablePrefix(prompt: r.input_tokens_per_request - tool, toolPrompt: tool,
                                               share: v[AnswerID.cachedInputShare.rawValue])
        // An estimated tool-use prompt is no part of the prefix the cache minimum is held to (Knowledge.countedToolPrompt).
        let heldToMinimum = Knowledge.cacheablePrefix(prompt: r.input_tokens_per_request - tool, toolPrompt: k.countedToolPrompt(model: m, tool),
                                                      share: v[AnswerID.cachedInputShare.rawValue])
        if r.caching == .below_minimum, let input = r.input_per_mtok, let read = r.cache_read_per_mtok {
            // Each side at its own batch rate: Gemini's batch discount leaves cache reads at full price.
            add(.cache_minimum, requests * heldToMinimum * (input * keep(.input) - read * keep(.cache_read)) / 1e6, [
                "prefix": Format.count(heldToMinimum), "minimum": Format.count(r.cache_min_tokens ?? 0)])
        }
        // In batch the hour is the guide's advice, not a price of sparse traffic (Costs.swift, step 4).
        if r.cache_ttl == .oneHour, r.batch_discount == nil, let writes = r.cache_writes_per_month,
           let write = r.cache_write_per_mtok {
            let count = Format.count(writes)
            add(.cache_1h, writes * prefix * write / 1e6 * keep(.cache_write),
                ["writes": count, "prefix_writes": Format.counted(count, "prefix write", "prefix writes")])
        }
        if let discount = r.batch_discount, let capacity = line.capacity,
           let gap = v.withUnsafeBufferPointer({ k.queueGap(model: m, $0, capacity: capacity) }) {
            add(.batch_limit, line.monthly_usd * discount / (1 - discount), ["gap": gap])
        }
        let model = k.compiledModels[m]
        if tool > 0, let input = r.input_per_mtok {
            // Priced as the line prices it: in the cached prefix where the cache is used, else as fresh input.
            let amount: Double
            if r.caching == .used, let writes = r.cache_writes_per_month, let write = r.cache_write_per_mtok,
               let read = r.cache_read_per_mtok {
                amount = (writes * write * keep(.cache_write) + (requests - writes) * read * keep(.cache_read)) * tool / 1e6
            } else {
                amount = requests * tool * input / 1e6 * keep(.input)
            }
            let choice = v.withUnsafeBufferPointer(Knowledge.toolChoiceWords)
            if let reference = k.toolPromptEstimatedFrom[m] {
                add(.tool_prompt_unpublished, amount, ["provider": model.provider, "reference": reference,
                                                       "basis": k.toolPromptBasis(model: m),
                                                       "reference_tokens": Format.count(tool), "choice": choice])
            } else {
                add(.tool_prompt, amount, ["provider": model.provider, "tokens": Format.count(tool), "choice": choice])
            }
        }
        return found
    }
}

extension CostRates {
    /// The part of a class's price left after a batch discount.
    func kept(_ tokenClass: TokenClass) -> Double {
        guard let discount = batch_discount, batch_applies_to?.contains(tokenClass) ?? false else { return 1 }
        return 1 - discount
    }
}

extension Knowledge {
    /// What a month of model `m`'s reasoning tokens costs on its line: the thinking trap's amount.
    func thinkingMonthly(model m: Int, line: CostLine, requests: Double) -> Double {
        let r = line.rates
        let asInput = compiledModels[m].reasoning?.billedAs == .input
        let rate = (asInput ? r.input_per_mtok : r.output_per_mtok) ?? 0
        return requests * r.reasoning_tokens_per_request * rate / 1e6 * r.kept(asInput ? .input : .output)
    }
}
