import Advisor
import Content

/// Models side by side: prices, latency, context, benchmarks, access, fit per task type, and the cost of the
/// default workload on each.
struct CompareView {
    let library: ContentLibrary
    let engine: Engine

    /// - Parameters:
    ///   - workload: the answers to price (the verdict's link passes its own); nil: the defaults.
    ///   - usage: an imported verdict's distribution, which prices the costs and the verdict request by request.
    func page(_ slugs: [String], choices: [ModelChoice], formError: String, workload: Answers? = nil,
              usage: UsageProfile? = nil) -> ComparePage {
        let pages = slugs.compactMap { library.page(.models, $0) }
        let specs = pages.compactMap(\.frontMatter.model)
        var answers = workload ?? engine.knowledge.defaultAnswers
        // A workload of its own: some answer given besides the day (a link with only `as_of` prices the defaults on
        // that day, and was called "the workload of your verdict", linking back to a verdict nobody ran).
        // An imported distribution is a workload of its own too, whatever the link answered.
        let given = workload.map { w in usage != nil || AnswerID.allCases.contains { $0 != .asOf && !w.isAssumed($0) } } ?? false
        let imported = workload.flatMap { w in
            usage.map { engine.assess(w, usage: $0, currentModel: AdvisorViews.currentModel(of: w), alsoInUse: []).assessment }
        }
        let lines = imported?.costs ?? engine.costs(answers)
        // The workload said is the one priced: the sizes a link left blank are the distribution's own.
        if let priced = imported?.pricedAnswers { answers = priced }
        let lineOf = Dictionary(lines.map { ($0.model, $0) }, uniquingKeysWith: { a, _ in a })
        let chosenLines = lines.filter { slugs.contains($0.model) }
        // Reached from a verdict, the mark is the verdict's, as on the verdict page (★ there is the one mark for the
        // recommended model, and here it starred GPT-6 Luna as the cheapest beside a verdict for Haiku 5.5); the
        // verdict's month is said with it, a tiered plan's escalations included. Otherwise the cheapest to build on.
        let verdict = imported.map { VerdictMark($0, answers: answers, library: library, carry: "usage=" + usage!.encoded) }
            ?? (given ? VerdictMark(engine.assess(answers), answers: answers, library: library) : nil)
        let recommended = verdict.map(\.model).flatMap { slugs.contains($0) ? $0 : nil }
        let cheapest = CostChart.cheapestMark(chosenLines, answers: answers, knowledge: engine.knowledge)
        let chart = recommended.map { CostChart(lines: chosenLines, marked: $0, markLabel: verdict?.label ?? "") }
            ?? CostChart(lines: chosenLines, marked: cheapest?.model, markLabel: cheapest?.label ?? CostChart.cheapestLabel,
                         markNarrow: cheapest?.narrow)
        func row(_ label: String, _ value: (Page, ModelSpec) -> String) -> CompareRow {
            CompareRow(label: label, cells: zip(pages, specs).map { CompareCell(value: value($0, $1)) })
        }
        // The prices in force on the day the costs below are priced for (a page may announce a change).
        let pricedOn = { if case .text(let day) = answers[.asOf] { day } else { CivilDate.text(engine.knowledge.today) } }()
        let day = CivilDate.day(pricedOn) ?? engine.knowledge.today
        func prices(_ spec: ModelSpec) -> ModelPrices? { spec.prices?.inForce(on: pricedOn) }
        func price(_ pick: @escaping (ModelPrices) -> NumberFigure?) -> (Page, ModelSpec) -> String {
            { _, spec in prices(spec).flatMap(pick).map { Format.rate($0.value) } ?? "—" }
        }
        var rows: [CompareRow] = [
            row("Provider") { _, spec in spec.provider },
            row("Released") { _, spec in spec.released.value },
            // On the day the workload is priced for (its as_of), as the chart's bars are: a table of 2027-01-15 said
            // "retires 2026-12-10" of a model its chart had left out as retired.
            row(day == engine.knowledge.today ? "Lifecycle today" : "Lifecycle on \(CivilDate.text(day))") { page, _ in
                engine.knowledge.status(of: page.slug, on: day)
                    .map { LifecycleText.sentence($0, library: library) } ?? "—"
            },
            row("Long-context tier") { _, spec in
                prices(spec)?.long_context.map { "above \(Format.count($0.threshold.value)) tokens: \(Format.rate($0.input.value)) / \(Format.rate($0.output.value))" } ?? "none"
            },
            row("Shortest cacheable prefix") { _, spec in prices(spec)?.cache_min_tokens.map { "\(Format.count($0.value)) tokens" } ?? "—" },
            row("Tokens per Haiku 4.5 token") { _, spec in spec.tokenizer.map { Format.number($0.ratio.value) } ?? "not published" },
            row("Input, per M tokens", price { $0.input }),
            row("Output, per M tokens", price { $0.output }),
            row("Cached input read", price { $0.cache_read }),
            row("Cache write", price { $0.cache_write }),
            row("Batch discount") { _, spec in prices(spec)?.batch_discount.map { Format.percent($0.value) } ?? "—" },
            // The date every price beside it was last read at its source, as the model page and the cost table say it.
            row("Prices checked") { page, _ in engine.knowledge.pricesChecked(of: page.slug) ?? "—" },
            row("Self-hosting") { _, spec in
                spec.self_hosting.map { "\(Format.usd($0.gpu_hour_usd.value))/GPU h, \(Format.count($0.tokens_per_second.value)) tokens/s" } ?? "—"
            },
            row("Context window") { _, spec in "\(Format.count(spec.context_window.value)) tokens" },
            row("Longest prompt") { _, spec in spec.max_input.map { "\(Format.count($0.value)) tokens" } ?? "the window less the answer" },
            row("Longest output") { _, spec in spec.max_output.map { "\(Format.count($0.value)) tokens" } ?? "—" },
            row("Longest output on the batch API") { _, spec in
                (spec.batch_max_output ?? spec.max_output).map { "\(Format.count($0.value)) tokens" } ?? "—"
            },
            row("Latency") { _, spec in
                (spec.latency ?? []).map { l in
                    "\(l.percentile.rawValue): \(Format.count(l.ms))\(l.ms_high.map { "–\(Format.count($0))" } ?? "") ms"
                }.joined(separator: "; ").nonEmpty ?? "—"
            },
        ]
        // Every benchmark a chosen model's page gives, one row each under the name its publisher uses, so that a
        // SWE-Bench Pro score is never read as a SWE-bench Verified one; keys sorted by name for a stable order.
        let benchmarkNames = Dictionary(specs.flatMap { ($0.benchmarks ?? [:]).map { ($0.key, $0.value.name) } },
                                        uniquingKeysWith: { first, _ in first })
        rows += benchmarkNames.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { key, name in
            row(name) { _, spec in spec.benchmarks?[key].map(\.text) ?? "—" }
        }
        rows += [
            row("Access") { _, spec in spec.access.map(AccessChannelText.label).joined(separator: ", ") },
            // The thinking each bill holds: Haiku 5.5 at $86 beside models with three times its rates at $80 was
            // its default 1,200 reasoning tokens a request, and the page never said so.
            row(given ? "Reasoning priced, a request" : "Reasoning priced, a request (default workload)") { page, _ in
                guard let rates = lineOf[page.slug]?.rates else { return "—" }
                guard let effort = rates.reasoning_effort else { return "none" }
                return rates.reasoning_tokens_per_request == 0 ? "off (\(effort.rawValue))"
                    : "\(effort.rawValue) effort: \(rates.reasoning_tokens_assumed ? "about " : "")"
                        + "\(Format.count(rates.reasoning_tokens_per_request)) tokens"
            },
            // The provider's tool-use system prompt each bill holds, and whose count it is where the page gives none.
            row("Tool-use system prompt, a request") { page, _ in
                guard let tokens = lineOf[page.slug]?.rates.tool_prompt_tokens_per_request else { return "—" }
                let estimate = engine.knowledge.toolPromptEstimate(of: page.slug)
                return "\(Format.count(tokens)) tokens" + (estimate.map { " (estimated from \($0.reference)'s count)" } ?? "")
            },
            row(given ? "This workload, a month" : "Default workload, a month") { page, _ in
                // A model retired on the day is priced for reference, and said to be.
                let state = engine.knowledge.status(of: page.slug, on: day)?.state
                return lineOf[page.slug].map { Self.monthCell($0, retired: state == .retired) } ?? "—"
            },
        ]
        let tasks = engine.knowledge.question(.taskType).options ?? []
        for task in AnswerID.taskType.choices {
            // Named as the questionnaire names the task ("Fit: rag" stood beside "Fit: code completion").
            let name = tasks.first { $0.value == task }?.label ?? task.replacingOccurrences(of: "_", with: " ")
            // With its basis, as the model page gives it: a bare "strong" read as measured where most are our judgement.
            rows.append(row("Fit: \(name)") { _, spec in
                spec.task_fit[task].map { "\($0.fit.rawValue) (\($0.basis.phrase); \($0.confidence.rawValue) confidence)" } ?? "—"
            })
        }
        // A row no chosen model has a figure for says nothing (latency, SWE-bench for most small models).
        rows.removeAll { row in !row.cells.isEmpty && row.cells.allSatisfy { $0.value == "—" } }
        return ComparePage(
            choices: choices, formError: formError,
            models: pages.map { page in
                ModelLink(slug: page.slug, title: page.title, url: page.url,
                          badge: LifecycleText.badge(engine.knowledge.status(of: page.slug, on: day), library: library))
            },
            rows: rows, workload: ResultView.workloadSummary(answers)
                + (imported == nil ? "" : ", priced request by request from your usage file as the verdict was"),
            given: given,
            // The distribution rides along, so that comparing other models keeps it.
            hiddenAnswers: (workload.map { w in
                QuestionnaireForm.values(of: w).sorted { $0.key < $1.key }.map { HiddenAnswer(name: $0.key, value: $0.value) }
            } ?? []) + (imported == nil ? [] : usage.map { [HiddenAnswer(name: "usage", value: $0.encoded)] } ?? []),
            verdictURL: verdict?.url ?? workload.map { "/assess/result?" + $0.queryString } ?? "",
            verdictSentence: verdict?.sentence ?? "",
            chart: chart.view(title: "Monthly cost of \(given ? "this workload" : "the default workload") on the chosen models",
                              id: "cost-chart"),
            effortNote: Self.effortNote(chosenLines))
    }
}

extension CompareView {
    /// What a month's figure must be read with: a request the model cannot take (priced for reference; $2,334 stood for
    /// gpt-oss-120b beside 150,000-token prompts its 131,072-token window cannot hold, said only in the chart's
    /// caption), or every token at the long-context rates.
    static func monthCell(_ line: CostLine, retired: Bool) -> String {
        let month = Format.usd(line.monthly_usd) + (retired ? " (retired by then)" : "")
        if !line.fits {
            // What cannot run leads, its price after as the comparison it is.
            let reason = line.rates.notes.first { $0.hasPrefix("Does not fit: ") }
                .map { String($0.dropFirst("Does not fit: ".count).dropLast($0.hasSuffix(".") ? 1 : 0)) }
            return "Does not fit\(reason.map { ": " + $0 } ?? ""); \(month) if it did"
        }
        if line.rejects_forced_tool_calls == true {
            // Sonnet 5.5 stood at a plain $3,601 beside forced tool calls it returns an error on.
            return "Returns an error on a forced tool call; \(month) for comparison"
        }
        return month + (line.rates.band == .long_context ? " (every token at its long-context rates)" : "")
    }

    /// The efforts the chosen models' thinking is priced at, where they differ: Opus 5.5 ($3,440 at medium) came
    /// below Sonnet 5.5 ($3,520 at high) at twice the price a token, with the reason only in a row far down.
    static func effortNote(_ lines: [CostLine]) -> String {
        let thinking = lines.filter { $0.fits && $0.rates.reasoning_tokens_per_request > 0 }
        let efforts = thinking.compactMap(\.rates.reasoning_effort)
        guard Set(efforts).count > 1 else { return "" }
        let named = thinking.compactMap { l in l.rates.reasoning_effort.map { "\(l.title) at \($0.rawValue)" } }
        return "Each model's thinking is priced at the effort it runs at here, and they differ: \(Format.series(named)). "
            + "A model can cost less than one with lower prices because it thinks less; the reasoning row below gives the tokens."
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
