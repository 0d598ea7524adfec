import Advisor
import Content

/// The verdict as a decision record in MADR 4.0's form (Markdown Architectural Decision Records,
/// https://adr.github.io/madr/): front matter (status, date, decision-makers, ...), then "Context and Problem
/// Statement", "Decision Drivers", "Considered Options", "Decision Outcome" with "Consequences" and "Confirmation",
/// "Pros and Cons of the Options" and "More Information". `/assess/result.madr.md`; `/assess/result.md` stays the
/// verdict as a section of a design document.
///
/// What a tech lead files needs to survive the site: every link is to the public URL or a vendor's page, never to
/// the server that wrote it; the record carries the content version and the day it was judged on, and a review date.
struct DecisionRecord {
    let assessment: Assessment
    let answers: Answers
    let engine: Engine
    let library: ContentLibrary
    let links: ShareLinks
    /// The imported request distribution the verdict was priced on, when there is one (`usage=` in the link).
    var usage: UsageProfile? = nil

    private var knowledge: Knowledge { engine.knowledge }
    private var base: String { links.exportBase }

    func markdown() -> String {
        let options = DecisionOptions(assessment, knowledge: knowledge)
        let primary = options.first(.primary)
        let title = primary.map { $0.entry.title } ?? assessment.primaryModel
        var md = frontMatter()
        md += "# \(ResultView.verdictLabel(assessment)): \(Exports.cell(title)) for \(taskName)\n\n"
        md += context()
        md += drivers()
        md += "## Considered Options\n\n"
        for option in options.options { md += "* \(options.title(option))\n" }
        md += "\n" + outcome(options)
        md += prosAndCons(options)
        md += moreInformation(options)
        return md
    }

    // MARK: - Sections

    /// `date` is the day the record is written (the server's today); `as-of` the day the verdict was judged on,
    /// which a share link may pin to another (a record judged on 2030-01-01 was dated then, after its review-by).
    private func frontMatter() -> String {
        "---\nstatus: proposed\ndate: \(CivilDate.text(knowledge.today))\ndecision-makers: \nconsulted: \ninformed: \n"
            + "review-by: \(reviewDate().day)\ncontent-version: \(links.contentVersion)\nas-of: \(assessment.asOf)\n---\n\n"
    }

    private var taskName: String { AnswerID.taskName(answers[.taskType].text) }

    private func context() -> String {
        let form = QuestionnaireForm(knowledge: knowledge)
        var md = "## Context and Problem Statement\n\n"
        md += "Which model should serve this workload (\(taskName)) in production, and can we defend the choice? "
            + "Workload: \(ResultView.workloadSummary(answers)). Judged on \(assessment.asOf) with haiku-advisor content "
            + "version `\(links.contentVersion)`"
            + (assessment.figuresChecked.map { "; the named models' prices were last checked \($0)" } ?? "") + ".\n\n"
        // A share worked out from the system prompt is not an answer anyone gave: said as worked out, and from what.
        let given = answers.all.filter { !answers.isAssumed($0.id) && !answers.isDerived($0.id) }
        let derived = answers.all.filter { answers.isDerived($0.id) }
        md += "Answers given:\n\n"
        md += given.isEmpty ? "* none: every answer below is a default\n"
            : given.map { "* \(knowledge.question($0.id).text) **\(form.label($0.value, for: knowledge.question($0.id)))**\n" }.joined()
        md += derived.map { answer in
            let value: String
            if case .number(let share) = answer.value, knowledge.question(answer.id).max == 1 { value = Format.percent(share) }
            else { value = form.label(answer.value, for: knowledge.question(answer.id)) }
            return "* \(knowledge.question(answer.id).text) **\(value)**, worked out from the system prompt's length\n"
        }.joined()
        md += "\nAnswers assumed (the questionnaire's defaults; \(Format.number(assessment.scoreRestingOnAssumptions)) "
            + "points of the score rest on them):\n\n"
        md += assessment.assumptions.isEmpty ? "* none\n"
            : assessment.assumptions.map { "* \(knowledge.question($0.answer).text) \(form.label($0.value, for: knowledge.question($0.answer)))\n" }.joined()
        if let usage { md += "\n" + Self.usageSummary(usage) }
        return md + "\n"
    }

    /// The imported usage in a few lines: what was observed, and the spread the averages hide.
    static func usageSummary(_ usage: UsageProfile) -> String {
        func percentile(_ q: Double, _ value: (UsageSample) -> Double) -> Double {
            let sorted = usage.samples.sorted { value($0) < value($1) }
            var seen = 0.0
            for sample in sorted {
                seen += sample.requests
                if seen >= q * usage.requests { return value(sample) }
            }
            return sorted.last.map(value) ?? 0
        }
        func spread(_ value: (UsageSample) -> Double) -> String {
            "p50 \(Format.count(percentile(0.5, value))), p90 \(Format.count(percentile(0.9, value))), "
                + "p99 \(Format.count(percentile(0.99, value))), max \(Format.count(usage.samples.map(value).max() ?? 0))"
        }
        return "Usage imported (priced request by request, not at the averages):\n\n"
            + "* \(Format.count(usage.requests)) requests observed, in \(usage.samples.count) group\(usage.samples.count == 1 ? "" : "s") of sizes\n"
            + "* prompt tokens: mean \(Format.count(usage.meanPrompt)); \(spread { $0.prompt })\n"
            + "* output tokens: mean \(Format.count(usage.meanOutput)); \(spread { $0.output })\n"
            + "* cached share of the prompt: \(Format.percent(usage.cachedShare))\n"
    }

    private func drivers() -> String {
        var md = "## Decision Drivers\n\n"
        for reason in assessment.reasons {
            let effect = reason.effect == 0 ? "" : " (\(Format.signed(reason.effect)) points)"
            md += "* \(siteLink(reason.title, reason.url))\(effect): \(reason.text)\n"
        }
        return md + "\n"
    }

    /// The blank answers the deciding rule read: ", on an answer left blank: “How much does price drive the
    /// choice?”, assumed “Balanced against quality and speed”".
    private var decidedOnAssumed: String {
        guard assessment.decidedBy != nil, !assessment.decidedOnAssumed.isEmpty else { return "" }
        let form = QuestionnaireForm(knowledge: knowledge)
        let count = assessment.decidedOnAssumed.count
        return ", on \(count == 1 ? "an answer" : "answers") left blank: " + assessment.decidedOnAssumed.map { id in
            let question = knowledge.question(id)
            return "“\(question.text)”, assumed \(ResultView.assumedValue(answers[id], question, form: form))"
        }.joined(separator: "; ")
    }

    private func outcome(_ options: DecisionOptions) -> String {
        let primary = options.first(.primary)
        var md = "## Decision Outcome\n\n"
        md += "Chosen option: \"\(primary.map(options.title) ?? assessment.primaryModel)\", because "
        md += because(title: primary.map { $0.entry.title } ?? assessment.primaryModel)
        md += "\n\nVerdict: **\(ResultView.verdictLabel(assessment))**, Haiku fit score "
            + "\(Format.number(assessment.score.rounded())) / 100 (tiered routing from \(Format.number(assessment.tieredRoutingAt)), "
            + "Haiku from \(Format.number(assessment.chooseHaikuAt)))"
            + (assessment.decidedBy.map { ", decided by \(siteLink($0, "/criteria/\($0)")) whatever the score" } ?? "")
            + decidedOnAssumed + ".\n\n"
        md += "### Consequences\n\n"
        if let primary {
            // A plan is what is signed: its month with the escalations, not the Haiku's share ($225 of a $1,305 plan).
            if let plan = assessment.decision.combined {
                let escalation = knowledge.model(plan.escalation_model)?.title ?? plan.escalation_model
                md += "* Good, because with \(escalation) answering the complex \(Format.percent(plan.complex_share)) again the plan "
                    + "costs \(Format.usd(plan.monthly_usd)) a month at this volume (\(primary.entry.title) alone "
                    + "\(Format.usd(primary.cost.monthly_usd)))\(cheaperThan(primary, options, paid: plan.monthly_usd)).\n"
            } else {
                md += "* Good, because it costs \(Format.usd(primary.cost.monthly_usd)) a month at this volume\(cheaperThan(primary, options)).\n"
            }
        }
        if let runner = assessment.decision.runner_up {
            md += "* Neutral, because the runner-up, \(knowledge.model(runner.model)?.title ?? runner.model) at "
                + "\(Format.usd(runner.monthly_usd)) a month, lost: \(runner.reason).\n"
        }
        for passed in assessment.decision.passed_over {
            md += "* Neutral, because \(knowledge.model(passed.model)?.title ?? passed.model), at \(Format.usd(passed.monthly_usd)) a month, "
                + "is cheaper but was passed over: \(passed.reason).\n"
        }
        if let fit = assessment.primaryFit {
            md += fit.rests_on_judgement
                ? "* Bad, because its fit for the task is our judgement (\(fit.confidence.rawValue) confidence), not a measurement: confirm it below before relying on it.\n"
                : "* Neutral, because \(lowerFirst(fit.sentence))\n"
        }
        for warning in assessment.warnings {
            md += "* Bad, because \(siteLink(warning.title, warning.url)) (\(warning.severity.rawValue)): \(warning.text)\n"
        }
        // The chosen model's cost traps: what its monthly figure does not show at a glance.
        for trap in assessment.decision.traps where trap.model == assessment.primaryModel {
            md += "* Bad, because of a \(siteLink("cost trap", trap.url)): \(trap.text)\n"
        }
        md += levers()
        md += "\n### Confirmation\n\n" + confirmation(options)
        return md + "\n"
    }

    /// The priced levers, as the verdict gives them, then the answers that would change the decision.
    private func levers() -> String {
        let form = QuestionnaireForm(knowledge: knowledge)
        var md = ""
        if !assessment.levers.isEmpty {
            md += "\nLevers, priced (each one change of answer, re-decided):\n\n"
            for lever in assessment.levers { md += "* \(lever.text)\n" }
        }
        let changes = ResultView(engine: engine, library: library).changeLines(assessment, answers: answers, form: form)
        guard !changes.isEmpty else { return md }
        md += "\nWhat would change the decision:\n\n"
        for change in changes {
            md += "* \(change.question) \(change.from) → **\(change.to)** gives “\(change.verdict)”\n"
        }
        return md
    }

    private func confirmation(_ options: DecisionOptions) -> String {
        guard let size = knowledge.sampleSize(for: answers) else {
            return "Run your own samples through the options before committing; this content gives no sample-size settings.\n"
        }
        let names = options.options.map { $0.entry.title }.joined(separator: ", ")
        var md = "Run the evaluation plan (`/assess/result.eval.py` with the same answers, an Inspect AI task) on at least "
            + "**\(Format.count(Double(size.perModel))) of your own samples**, through \(names). "
        md += "The decision is confirmed when the recommended model's error rate is at most "
            + "\(Format.percent(size.tolerance)) (what \"\(QuestionnaireForm(knowledge: knowledge).label(answers[.accuracy], for: knowledge.question(.accuracy)))\" tolerates) "
            + "and no more than \(Format.percent(size.tolerance)) above the escalation model's. The arithmetic:\n\n"
        for line in size.lines { md += "    \(line)\n" }
        return md
    }

    private func prosAndCons(_ options: DecisionOptions) -> String {
        var md = "## Pros and Cons of the Options\n\n"
        let task = answers[.taskType].text
        for option in options.options {
            let line = option.cost
            md += "### \(options.title(option))\n\n"
            md += "\(siteLink(option.entry.title, "/models/\(option.slug)")), \(option.entry.spec.provider)"
                + (option.entry.spec.api_id.map { ", API id `\($0)`" } ?? "") + ".\n\n"
            md += "* Cost: " + (line.fits ? "\(Format.usd(line.monthly_usd)) a month" : "does not fit this request")
                + (line.hosting == .api
                    ? " (input \(Format.usd(line.input_usd)), output \(Format.usd(line.output_usd)), cache \(Format.usd(line.cache_usd)))"
                    : " (GPU \(Format.usd(line.gpu_usd)), operations \(Format.usd(line.ops_usd)); no per-token bill)") + "\n"
            if let rating = FitRating(option.entry, task: task) {
                md += "* Fit for \(taskName): \(rating.fit.rawValue); basis: \(rating.basis.phrase)"
                    + (rating.benchmark.map { " (\($0))" } ?? "") + ", \(rating.confidence.rawValue) confidence"
                    + (rating.source_url.map { "; source: \(sourceLink(title: rating.source_title ?? $0, url: $0))" } ?? "") + "\n"
            }
            md += "* Lifecycle on \(assessment.asOf): \(LifecycleText.label(line.status.state)) since \(line.status.since)"
                + (line.status.retires.map { ", retires \($0)" } ?? "")
                + (line.status.replacement.map { ", replacement \(knowledge.model($0)?.title ?? $0)" } ?? "") + "\n"
            if let capacity = line.capacity {
                let inFlight = CapacityText.inFlight(capacity)
                // Through a batch API there is no peak minute: a day's work waits in the queue.
                let when = capacity.via_batch_api == true ? "through the batch API" : "at peak"
                md += "* Capacity: \(CapacityText.tier(capacity)) \(when)" + (capacity.requires.map { " (\($0))" } ?? "")
                    + (inFlight.isEmpty ? "" : "; \(inFlight)") + "\n"
            }
            for warning in assessment.warnings where warning.model == option.slug {
                md += "* Risk: \(warning.text)\n"
            }
            if !line.within_headroom { md += "* Risk: one request fills more of its context window than the headroom allows.\n" }
            md += "\n"
        }
        return md
    }

    private func moreInformation(_ options: DecisionOptions) -> String {
        // The distribution the record was priced on goes with its reproduce link (it opened a verdict on averages).
        let carried = usage.map { "&usage=" + $0.encoded } ?? ""
        var md = "## More Information\n\n"
        let review = reviewDate()
        md += "**Review by \(review.day)**: \(review.why)\n\n"
        md += "Reproduce: " + (base.isEmpty
            ? "`/assess/result?\(links.shareQuery(answers, knowledge: knowledge))\(carried)` on a haiku-advisor server "
                + "(this file was written without `--public-url`, so site links are paths)"
            : "<\(base)/assess/result?\(links.shareQuery(answers, knowledge: knowledge))\(carried)>") + ".\n\n"
        md += "Content version `\(links.contentVersion)` (a hash of the content/ directory), judged as of \(assessment.asOf).\n\n"
        md += "### Sources\n\n"
        for option in options.options {
            let sources = library.page(.models, option.slug)?.frontMatter.sources ?? []
            guard !sources.isEmpty else { continue }
            md += "\(Exports.cell(option.entry.title)):\n\n"
            for source in sources {
                md += "* \(sourceLink(title: source.title, url: source.url)), checked \(source.checked)\n"
            }
            md += "\n"
        }
        return md
    }

    // MARK: - Pieces

    /// The earliest retirement among the options, or `stale_after_days` after the oldest price check, whichever
    /// comes first.
    func reviewDate() -> (day: String, why: String) {
        let options = DecisionOptions(assessment, knowledge: knowledge)
        var best: (day: Int, why: String)?
        for option in options.options {
            if let text = option.cost.status.retires, let day = CivilDate.day(text), best.map({ day < $0.day }) ?? true {
                best = (day, "\(options.title(option)) retires on \(text).")
            }
        }
        if let checked = assessment.figuresChecked, let day = CivilDate.day(checked) {
            let due = day + Int(knowledge.settings.stale_after_days)
            if best.map({ due < $0.day }) ?? true {
                best = (due, "\(Format.number(knowledge.settings.stale_after_days)) days after the options' prices were last checked (\(checked)); prices and lifecycles move that fast.")
            }
        }
        guard let best else { return (CivilDate.text(knowledge.today), "no retirement or price date is known: review now.") }
        // Never before the record's own date: a day already past (a verdict judged on an earlier day) is today.
        if best.day < knowledge.today {
            return (CivilDate.text(knowledge.today), best.why + " That day has passed: review now.")
        }
        return (CivilDate.text(best.day), best.why)
    }

    /// Why the chosen option: the hard limits and policies that settled it; else the reasons that pushed the score
    /// the verdict's way (a +12 for the Haiku is no reason to use another model), then what picked the model.
    private func because(title: String) -> String {
        // A hard limit, or the policy that decided whatever the score (not a policy's advice beside the verdict).
        // Where no model meets the workload, that is the reason, whatever the score.
        switch assessment.primaryModelBasis {
        case .nothing_fits:
            return "no model we list takes one of these requests with room to spare, and \(title) is the roomiest of "
                + "\(assessment.roomiestAmong ?? Engine.everyModelListed)."
        case .nothing_usable:
            return "no model meets every requirement, and \(title) comes closest (under an imported file, one that takes every request first; then the best fit for the task, one that misses nothing else, a current model before a legacy one, the cheapest)."
        default: break
        }
        // The cost ceiling's reason for passing over the model a rule named (a hard limit's or the score's) is why
        // this model: it is the first policy reason, after the hard limit's (Engine.assess orders them so).
        let chooser = assessment.primaryModelBasis == .preferred_over_ceiling ? assessment.reasons.first { $0.effect == 0 } : nil
        let decisive = assessment.reasons.filter { $0.decide != nil || ($0.effect == 0 && $0.criterion == assessment.decidedBy) }
        if let first = decisive.first {
            return ([lowerFirst(first.text)] + decisive.dropFirst().map(\.text) + [chooser?.text].compactMap { $0 })
                .joined(separator: " ")
        }
        let score = "Haiku's fit score, \(Format.number(assessment.score.rounded())),"
        let against = assessment.reasons.filter { $0.effect < 0 }.sorted { $0.effect < $1.effect }
        let toward = assessment.reasons.filter { $0.effect > 0 }.sorted { $0.effect > $1.effect }
        var words: [String]
        switch assessment.verdict {
        case .chooseAlternative:
            words = ["\(score) is under \(Format.number(assessment.tieredRoutingAt)):"] + against.prefix(2).map(\.text)
        case .chooseHaiku where assessment.score < assessment.chooseHaikuAt:
            // Held on the Haiku below its band: a price rule's points alone took the score there, and its reason says why.
            let held = against.first { $0.criterion == assessment.bandHeldBy }
            words = ["\(score) is under \(Format.number(assessment.chooseHaikuAt)), but"] + [held.map { lowerFirst($0.text) }
                ?? "the verdict stays the Haiku's."] + toward.prefix(1).map(\.text)
        case .chooseHaiku:
            words = ["\(score) reaches \(Format.number(assessment.chooseHaikuAt)):"] + toward.prefix(2).map(\.text)
        case .tieredRouting:
            words = ["\(score) lies between \(Format.number(assessment.tieredRoutingAt)) and "
                     + "\(Format.number(assessment.chooseHaikuAt)):"] + (toward.prefix(1) + against.prefix(1)).map(\.text)
        }
        switch assessment.primaryModelBasis {
        case .cheapest_suitable: words.append("\(title) is the cheapest model that takes the workload with the fit its task needs.")
        case .cheapest_fit: words.append("With cost first, \(title) is the cheapest model with a good fit for the task.")
        case .only_usable: words.append("\(title) is the only model that can carry the workload.")
        case .prefer: words.append("The rules that fired prefer \(title).")
        case .preferred_over_ceiling: if let chooser { words.append(chooser.text) }
        default: break
        }
        return words.count == 1 ? "it is the best fit the content knows for this workload." : words.joined(separator: " ")
    }

    /// - Parameter paid: what the verdict pays, where it is more than the primary's month (a plan).
    private func cheaperThan(_ primary: DecisionOptions.Option, _ options: DecisionOptions, paid: Double? = nil) -> String {
        let month = paid ?? primary.cost.monthly_usd
        let dearer = options.options.filter { $0.slug != primary.slug && $0.cost.fits && $0.cost.monthly_usd > month }
        guard let most = dearer.max(by: { $0.cost.monthly_usd < $1.cost.monthly_usd }) else { return "" }
        // At the effort its cost line is priced at, said where that is lowered from its default (cost first, or a
        // latency budget): the plan keeps the escalation model's default for its share, and "less than Claude Sonnet
        // 5.5" read as the same setting.
        let setting = most.cost.rates.reasoning_effort_lowered_from == nil ? ""
            : most.cost.rates.reasoning_effort.map { " at its \($0.rawValue) effort, as its cost line prices it" } ?? ""
        return ", \(Format.usd(most.cost.monthly_usd - month)) a month less than \(most.entry.title)\(setting)"
    }

    /// A page of this site: a link against the public URL, or its title and path (a relative link in a file
    /// leads nowhere).
    private func siteLink(_ title: String, _ path: String) -> String {
        base.isEmpty ? "\(Exports.cell(title)) (`\(path)`)" : "[\(Exports.cell(title))](\(base)\(path))"
    }

    /// A vendor's page as is; one of this site's pages against the public URL, or as a path.
    private func sourceLink(title: String, url: String) -> String {
        let address = url.hasPrefix("/") ? base + url : url
        return address.hasPrefix("http") ? "[\(Exports.cell(title))](\(address))" : "\(Exports.cell(title)) (`\(address)` on this site)"
    }

    private func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
