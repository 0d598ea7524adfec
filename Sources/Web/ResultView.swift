import Foundation
import Advisor
import Content

/// Builds the verdict page's view model (ViewModels/ResultPage.swift): verdict, score, reasons, warnings, costs, what would change, assumptions.
struct ResultView {
    let engine: Engine
    let library: ContentLibrary
    var knowledge: Knowledge { engine.knowledge }

    /// The verdict's heading: a workload no model can take says so, whatever the score's verdict.
    static func verdictLabel(_ assessment: Assessment) -> String { labels(assessment).heading }

    /// The heading and the label of the named model ("★ Recommended"), from one reading of the basis.
    static func labels(_ assessment: Assessment) -> (heading: String, primary: String) {
        let roomiest = assessment.roomiest?.mark(primaryFit: assessment.primaryFit?.fit) ?? "Roomiest"
        return switch assessment.primaryModelBasis {
        case .nothing_fits where assessment.fitsOnlyWithoutMargin: ("No model takes this request with room to spare", roomiest)
        case .nothing_fits: ("No model can take this request", roomiest)
        case .nothing_usable: ("No model meets every requirement", "Closest")
        default: (verdictLabel(assessment.verdict), "Recommended")
        }
    }

    static func verdictLabel(_ verdict: Verdict) -> String {
        switch verdict {
        case .chooseHaiku: "Run it on Haiku"
        case .tieredRouting: "Haiku in front, escalate the hard requests"
        case .chooseAlternative: "Use another model"
        }
    }

    /// - Parameters:
    ///   - links: the content version and public URL the share link is built with.
    ///   - base: the public URL, else `http://host:port` of the request, so that the share link is absolute ("" when
    ///     unknown).
    ///   - carry: query text every link keeps beside the answers (`usage=...` for an imported distribution).
    func page(_ assessment: Assessment, answers: Answers, links: ShareLinks, base: String = "", carry: String = "") -> ResultPage {
        let form = QuestionnaireForm(knowledge: knowledge)
        let share = [answers.queryString, carry].filter { !$0.isEmpty }.joined(separator: "&")
        let query = share.isEmpty ? "" : "?" + share
        let changes = changeLines(assessment, answers: answers, form: form, carry: carry)
        let blankChanges = changes.filter { answers.isAssumed($0.answer) }
        let scale = ScoreScale(score: assessment.score, base: assessment.baseScore, tieredAt: assessment.tieredRoutingAt,
                               haikuAt: assessment.chooseHaikuAt, verdict: assessment.verdict,
                               changes: changes.compactMap { line in line.score.map { (line.number, $0, line.lands) } })
        let decision = assessment.decision
        let recommended = decision.recommended
        let table = CostTable(library: library)
        let shared = table.sharedNotes(assessment.costs)
        // The named model's mark says what it is: recommended, or only the roomiest or the closest.
        let mark = Self.labels(assessment).primary.lowercased()
        let chart = CostChart(lines: assessment.costs, marked: recommended, markLabel: mark,
                              shortlist: Set(shortlist(assessment)), roles: shortlistRoles(assessment))
        let levers = assessment.levers.enumerated().map { leverLine($1, number: $0 + 1, answers: answers, assessment, carry: carry) }
        let digits = decision.tinyDigits
        return ResultPage(
            verdict: assessment.verdict.rawValue,
            verdictLabel: Self.verdictLabel(assessment),
            verdictClass: assessment.verdict.cssClass,
            score: Format.number(assessment.score.rounded()),
            scorePercent: Int(assessment.score.rounded()),
            chooseHaikuAt: Format.number(assessment.chooseHaikuAt),
            tieredRoutingAt: Format.number(assessment.tieredRoutingAt),
            baseScore: Format.number(assessment.baseScore),
            decidedBy: assessment.decidedBy.map { slug in
                DecidedLine(title: library.page(.criteria, slug)?.title ?? slug, url: "/criteria/\(slug)",
                            // One the line under it names already (a blank answer whose change flips the verdict),
                            // it leaves to that line: the page said "Balanced" was assumed twice in a row.
                            assumed: assessment.decidedOnAssumed.filter { id in !blankChanges.prefix(2).contains { $0.answer == id } }
                                .enumerated().map { index, id in
                                let question = knowledge.question(id)
                                return AssumedAnswerLine(separator: index == 0 ? "" : ", ",
                                                         name: question.criterion == slug ? nil
                                                             : library.page(.criteria, question.criterion)?.title ?? question.text,
                                                         helpURL: question.helpURL,
                                                         value: Self.assumedValue(answers[id], question, form: form))
                            })
            },
            primaryLabel: Self.labels(assessment).primary,
            primary: modelLink(assessment.primaryModel, assessment),
            blankCache: carry.isEmpty ? blankCacheNote(assessment, answers: answers) : nil,
            monthly: digits.map { Format.money(decision.monthly_usd, digits: $0) } ?? Format.money(decision.monthly_usd),
            combined: decision.combined.map { c in
                let escalation = assessment.costs.first { $0.model == c.escalation_model }
                return CombinedLine(monthly: Format.money(c.monthly_usd),
                                    escalation: modelLink(c.escalation_model, assessment),
                                    share: Format.percent(c.complex_share),
                                    escalationMonthly: Format.money(escalation?.monthly_usd ?? 0),
                                    frontTitle: library.page(.models, assessment.primaryModel)?.title ?? assessment.primaryModel,
                                    frontMonthly: Format.money(decision.monthly_usd),
                                    escalatedMonthly: Format.money(c.monthly_usd - decision.monthly_usd),
                                    escalatedEffort: c.escalated_effort?.rawValue)
            },
            runnerUp: decision.runner_up.map { lostLine($0, assessment, digits: digits) },
            haiku: decision.haiku.map { lostLine($0, assessment, digits: digits) },
            passedOver: decision.passed_over.map { p in
                PassedOverLine(model: modelLink(p.model, assessment), monthly: Format.money(p.monthly_usd), reason: p.reason)
            },
            topLever: levers.first,
            topRisk: decision.top_risk.map { w in
                WarningLine(title: w.title, url: w.url, text: w.text, severity: w.severity.rawValue)
            },
            requirementMissed: decision.requirement_missed,
            traps: decision.traps.map { t in TrapLine(text: t.text, url: t.url, kind: t.kind.rawValue) },
            compareURL: compareURL(assessment, answers: answers, carry: carry),
            imported: !carry.isEmpty,
            alternatives: assessment.alternatives.enumerated().map { i, slug in
                AlternativeLine(separator: i == 0 ? "" : ", ", model: modelLink(slug, assessment),
                                fitNote: assessment.weakerFit(slug, knowledge: knowledge) ?? "")
            },
            alternativesNote: assessment.alternatives.isEmpty ? assessment.alternativesNote ?? "" : "",
            alternativesCaveat: assessment.alternatives.isEmpty ? "" : assessment.alternativesNote ?? "",
            asOf: assessment.asOf,
            figuresChecked: assessment.figuresChecked ?? "",
            capacity: assessment.capacity.map { c in
                CapacityLine(load: c.load(model: library.page(.models, c.model)?.title ?? c.model, verb: "gets"),
                             tier: CapacityText.tier(c),
                             requires: Format.withoutFullStop(c.requires ?? ""), inFlight: CapacityText.inFlight(c))
            },
            reasons: assessment.reasons.map { reason in
                ReasonLine(title: reason.title, url: reason.url, text: reason.text,
                           effect: Format.signed(reason.effect),
                           effectClass: reason.effect > 0 ? "plus" : (reason.effect < 0 ? "minus" : "zero"),
                           decides: reason.decide.map { Self.verdictLabel(Verdict(rawValue: $0) ?? .chooseAlternative) } ?? "")
            },
            // The biggest risk, then the most severe first, the engine's order within a severity: two medium risks came
            // before a high one.
            warnings: Self.bySeverity(assessment.warnings, first: decision.top_risk).map {
                WarningLine(title: $0.title, url: $0.url, text: $0.text, severity: $0.severity.rawValue,
                            shownAbove: $0 == decision.top_risk)
            },
            levers: levers,
            changes: changes,
            // At most two, numeric ones first as the list orders them: a line under the heading, not the list again.
            assumedFlips: assumedFlips(blankChanges.prefix(2), assessment, answers: answers),
            moreAssumedFlips: Swift.max(0, blankChanges.count - 2),
            scoreSVG: scale.svg(id: "score-scale"),
            scoreOverruled: scale.overruled,
            assumptions: assessment.assumptions.map { assumption in
                let question = knowledge.question(assumption.answer)
                return AssumptionLine(question: question.text, value: form.label(assumption.value, for: question),
                                      helpURL: question.helpURL)
            },
            resting: Format.number(assessment.scoreRestingOnAssumptions),
            shareURL: base + "/assess/result?" + [links.shareQuery(answers, knowledge: knowledge), carry]
                .filter { !$0.isEmpty }.joined(separator: "&"),
            apiURL: "/api/assess" + query,
            // The calculator prices the average request and refuses `usage=` (an imported verdict's link was a 400).
            // `from=verdict`: the calculator marks this verdict's model and links back (a verdict of numbers alone
            // gave it no answer to tell it came from one).
            // Not from an imported verdict: the calculator prices the average request, whose verdict is another.
            calculatorURL: carry.isEmpty
                ? "/calculator?" + (answers.queryString.isEmpty ? "" : answers.queryString + "&") + AdvisorViews.fromVerdict
                : "/calculator" + (answers.queryString.isEmpty ? "" : "?" + answers.queryString),
            exportMarkdown: "/assess/result.md" + query,
            exportCSV: "/assess/result.csv" + query,
            exportMadr: "/assess/result.madr.md" + query,
            exportEval: knowledge.settings.evaluation == nil ? "" : "/assess/result.eval.py" + query,
            exportSamples: knowledge.settings.evaluation == nil ? "" : "/assess/result.samples.jsonl" + query,
            fitBasis: assessment.primaryFit?.sentence ?? "",
            fitJudgement: assessment.primaryFit?.rests_on_judgement ?? false,
            workload: Self.workloadSummary(answers),
            costs: table.rows(assessment.costs, answers: answers, marked: recommended, markLabel: mark,
                              shared: shared),
            sharedNotes: shared,
            chart: chart.view(title: "Monthly cost of the shortlist: the recommended model, the runner-up, the current Haiku, "
                                  + "the escalation model and anything cheaper", id: "cost-chart"))
    }

    /// The share of a prompt taken as a stable prefix to show what caching would do where the share was left blank:
    /// the questionnaire's own example of a share ("a percentage such as 80%").
    static let exampleCachedShare = 0.8

    /// Where the cacheable share was left blank, every model is priced with nothing cached; the question sits under
    /// "Refine", so a team that answered the first five questions got 2M chats priced at $1,915 a month with no word
    /// that a cached prefix lowers it ($1,634 at 80 % cached on Haiku 5.5). Said beside the month when caching `exampleCachedShare` of the prompt would take
    /// a tenth or more off the recommended model's bill (a model that caches nothing, or a prompt under its
    /// minimum, gets no note).
    func blankCacheNote(_ assessment: Assessment, answers: Answers) -> BlankCacheNote? {
        // A cache lever on the recommended model prices a share of its own (40 % where the range allows no more):
        // the note takes it, since two figures for one question side by side ("80 % … $16.64", "40 % … $21.32") left
        // a reader to pick one.
        let leverShare = assessment.levers.first { $0.kind == .cache_prefix && $0.model == assessment.primaryModel }?
            .changes.first { $0.answer == .cachedInputShare }.flatMap { change -> Double? in
                if case .number(let share) = change.to { share } else { nil } }
        let share = leverShare ?? Self.exampleCachedShare
        guard answers.isAssumed(.cachedInputShare), assessment.decision.combined == nil,
              let changed = try? knowledge.replacing(.cachedInputShare, with: .number(share), in: answers),
              let cached = engine.monthlyCost(of: assessment.primaryModel, changed)
        else { return nil }
        let now = assessment.decision.monthly_usd
        guard now > 0, cached <= now * 0.9 else { return nil }
        return BlankCacheNote(model: library.page(.models, assessment.primaryModel)?.title ?? assessment.primaryModel,
                              share: Format.percent(share), monthly: Format.money(cached),
                              url: "/assess/result?" + changed.queryString)
    }

    /// The title of a site page named by its path (`/criteria/cost-priority`), or the path.
    func pageTitle(_ url: String) -> String {
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count == 2, let section = Section(rawValue: parts[0]) else {
            return parts.count == 1 ? (Section(rawValue: parts[0])?.title ?? url) : url
        }
        return library.page(section, parts[1])?.title ?? url
    }

    /// The models the chart draws: the recommended one, the runner-up, the current Haiku, the escalation model,
    /// and every model cheaper than the recommended one.
    func shortlist(_ assessment: Assessment) -> [String] {
        let decision = assessment.decision
        let escalation = shortlistEscalation(assessment)
        let primaryCost = decision.monthly_usd
        let cheaper = assessment.costs.filter { $0.fits && $0.rejects_forced_tool_calls != true && $0.monthly_usd < primaryCost }.map(\.model)
        return [decision.recommended, decision.runner_up?.model, assessment.haikuModel, escalation].compactMap { $0 } + cheaper
    }

    /// The escalation model the shortlist draws: the plan's, else the first the content names that can take the
    /// request (what routing the complex share would cost).
    func shortlistEscalation(_ assessment: Assessment) -> String? {
        assessment.decision.combined?.escalation_model
            ?? knowledge.settings.escalation_models.first { slug in
                assessment.costs.contains { $0.model == slug && $0.fits && $0.rejects_forced_tool_calls != true } }
    }

    /// What each shortlisted model other than the recommended one is to the verdict, for its bar's label.
    func shortlistRoles(_ assessment: Assessment) -> [String: String] {
        let decision = assessment.decision
        var roles: [String: String] = [:]
        // "escalation model" only where the verdict is a plan; otherwise it is what routing would escalate to (a chart
        // of a plain Haiku verdict read as Haiku plus Sonnet).
        if let escalation = shortlistEscalation(assessment) {
            // Its bar is every request on it, not the routed share (the route lever prices that): said in the label.
            roles[escalation] = decision.combined != nil ? "escalation model, all requests" : "escalation if you route, all requests"
        }
        if let haiku = assessment.haikuModel { roles[haiku] = "current Haiku" }
        if let runner = decision.runner_up?.model { roles[runner] = "runner-up" }
        roles[decision.recommended] = nil
        return roles
    }

    /// A model set against the verdict (the runner-up, or the Haiku), its month and why it lost; `digits`: below a
    /// dollar, the decimals every amount of the box is written with (`DecisionSummary.tinyDigits`).
    func lostLine(_ r: RunnerUp, _ assessment: Assessment, digits: Int?) -> RunnerUpLine {
        let gap = assessment.decision.shownGap(r)
        let change = digits.map { Format.money(gap, digits: $0) } ?? Format.money(gap, beside: r.monthly_usd)
        return RunnerUpLine(model: modelLink(r.model, assessment),
                            monthly: digits.map { Format.money(r.monthly_usd, digits: $0) } ?? Format.money(r.monthly_usd),
                            difference: r.difference_usd < 0 ? "\(change) a month less"
                                : r.difference_usd > 0 ? "\(change) a month more" : "the same a month",
                            reason: r.reason, reasonURL: r.url, reasonTitle: pageTitle(r.url))
    }

    /// The warnings with `first` (the biggest risk) leading, then most severe first, each severity in the order given.
    static func bySeverity(_ warnings: [Warning], first: Warning? = nil) -> [Warning] {
        let rest = Severity.allCases.reversed().flatMap { s in warnings.filter { $0.severity == s && $0 != first } }
        return (first.map { top in warnings.contains(top) ? [top] : [] } ?? []) + rest
    }

    /// `/compare` with the shortlist's models and this workload's answers (and its imported distribution: `carry`).
    func compareURL(_ assessment: Assessment, answers: Answers, carry: String = "") -> String {
        let decision = assessment.decision
        var models: [String] = []
        for slug in [decision.recommended, decision.runner_up?.model, assessment.haikuModel,
                     decision.combined?.escalation_model].compactMap({ $0 }) where !models.contains(slug) {
            models.append(slug)
        }
        let query = answers.queryString
        return "/compare?models=" + models.joined(separator: ",") + (query.isEmpty ? "" : "&" + query)
            + (carry.isEmpty ? "" : "&" + carry)
    }

    /// A lever as the page shows it: its sentence, what it does to the verdict, and the link that applies it.
    func leverLine(_ lever: Lever, number: Int, answers: Answers, _ assessment: Assessment, carry: String = "") -> LeverLine {
        var changed: Answers? = answers
        for change in lever.changes {
            changed = changed.flatMap { try? knowledge.replacing(change.answer, with: change.to, in: $0) }
        }
        // The verdict's kind, named: after "The verdict then recommends Gemini 3.5 Flash-Lite", a bare "The verdict
        // stays." read as a contradiction.
        // Where no model can take the workload the headline says so, not the verdict's name: "stays" would contradict it.
        let outcome = assessment.noModelCanTakeIt != nil ? "Assessed again, the verdict is “\(Self.verdictLabel(lever.verdict))”."
            : lever.verdict == assessment.verdict ? "The verdict stays “\(Self.verdictLabel(lever.verdict))”."
            // "The verdict then becomes a plan that sends …" was followed by "The verdict becomes “Haiku in front …”".
            : lever.saysTheVerdictsMove ? "Verdict then: “\(Self.verdictLabel(lever.verdict))”."
            : "The verdict becomes “\(Self.verdictLabel(lever.verdict))”."
        return LeverLine(number: number, text: lever.text, guideURL: lever.url,
                         // With the imported distribution it was priced on: without it the link priced averages.
                         applyURL: lever.changes.isEmpty ? nil
                            : changed.map { "/assess/result?" + [$0.queryString, carry].filter { !$0.isEmpty }.joined(separator: "&") },
                         // What the team pays, not the priced model's month: the way back to the Haiku lowers its
                         // bill and raises the verdict's ($1,035 to $5,318 a month).
                         outcome: outcome, saves: lever.rankedDifference < 0)
    }

    /// "What would change the verdict", numeric answers first (a volume or a share is easier to act on than a
    /// different task), each a link to the verdict with that one answer changed, with the score it would give.
    func changeLines(_ assessment: Assessment, answers: Answers, form: QuestionnaireForm, carry: String = "") -> [ChangeLine] {
        let numeric = assessment.whatWouldChange.filter { $0.answer.kind == .integer || $0.answer.kind == .number }
        let others = assessment.whatWouldChange.filter { $0.answer.kind != .integer && $0.answer.kind != .number }
        return (numeric + others).enumerated().map { index, change in
            let question = knowledge.question(change.answer)
            let changed = try? knowledge.replacing(change.answer, with: change.to, in: answers)
            return ChangeLine(number: index + 1, answer: change.answer, question: question.text, helpURL: question.helpURL,
                              from: form.label(answers[change.answer], for: question, given: true),
                              to: form.label(change.to, for: question),
                              verdict: Self.verdictLabel(change.verdict),
                              url: changed.map { "/assess/result?" + [$0.queryString, carry].filter { !$0.isEmpty }.joined(separator: "&") },
                              score: change.score, scoreText: Format.number(change.score.rounded()), lands: change.verdict)
        }
    }

    /// An assumed answer as a sentence says it: a share as a percentage, a number bare, an option's label in quotes.
    static func assumedValue(_ value: AnswerValue, _ question: Question, form: QuestionnaireForm) -> String {
        if question.kind == .number, question.max == 1, case .number(let share) = value { return Format.percent(share) }
        let label = form.label(value, for: question)
        return question.kind == .number || question.kind == .integer ? label : "“\(label)”"
    }

    /// `changes` of answers left blank, each named by the criteria page that asks it, a share as a percentage
    /// ("assumed 5 %, and at 4 % it would be Run it on Haiku").
    func assumedFlips(_ changes: ArraySlice<ChangeLine>, _ assessment: Assessment, answers: Answers) -> [AssumedFlipLine] {
        changes.enumerated().map { index, line in
            let question = knowledge.question(line.answer)
            let change = assessment.whatWouldChange.first { $0.answer == line.answer }
            // An option's label in quotes: run into the sentence bare, "assumed Interactive: a person waits a few
            // seconds, and at Batch: results can arrive …" read as one clause.
            func value(_ v: AnswerValue?, _ label: String) -> String {
                if question.kind == .number, question.max == 1, case .number(let share)? = v { return Format.percent(share) }
                return question.kind == .number || question.kind == .integer ? label : "“\(label)”"
            }
            return AssumedFlipLine(separator: index == 0 ? "" : "; ",
                                   name: library.page(.criteria, question.criterion)?.title ?? question.text,
                                   helpURL: line.helpURL, from: value(answers[line.answer], line.from),
                                   to: value(change?.to, line.to), verdict: line.verdict, url: line.url)
        }
    }

    private func modelLink(_ slug: String, _ assessment: Assessment) -> ModelLink {
        let status = assessment.costs.first { $0.model == slug }?.status
        return ModelLink(slug: slug, title: library.page(.models, slug)?.title ?? slug, url: "/models/\(slug)",
                         badge: LifecycleText.badge(status, library: library))
    }

    static func workloadSummary(_ answers: Answers) -> String {
        func number(_ id: AnswerID) -> Double {
            if case .number(let value) = answers[id] { return value }
            return 0
        }
        let requests = number(.monthlyRequests)
        let share = number(.cachedInputShare)
        func tokens(_ id: AnswerID, _ kind: String) -> String {
            Format.counted(Format.count(number(id)), "\(kind) token", "\(kind) tokens")
        }
        // The other answers that move every price, where the team gave them: the heading of a priced workload states
        // what it was priced on (the calculator priced high effort under a heading that did not say so).
        var settings: [String] = []
        func stated(_ id: AnswerID) -> String? {
            guard !answers.isAssumed(id), case .text(let value) = answers[id] else { return nil }
            return value
        }
        // Through the batch API only where no answer has a time to meet (Knowledge.isBatch): with a budget, offline
        // work runs on the standard API and was still headed "through the batch API".
        if let latency = stated(.latency), latency == "batch" {
            settings.append(number(.latencyBudgetSeconds) > 0 ? "offline, on the standard API" : "through the batch API")
        }
        if let effort = stated(.reasoningEffort), effort != "default" { settings.append("reasoning effort \(effort)") }
        if let tools = stated(.toolChoice), tools != "none" { settings.append("tool choice \(tools)") }
        if !answers.isAssumed(.latencyBudgetSeconds), number(.latencyBudgetSeconds) > 0 {
            settings.append("answers due within \(AnswerValue.number(number(.latencyBudgetSeconds)).text) s")
        }
        return Format.counted(Format.count(requests), "request", "requests") + " a month × " + tokens(.avgInputTokens, "input")
            // A share given is said as given; one worked out from the system prompt's length as a percentage (it
            // was "87.5483639304 % cacheable").
            + " (\(number(.systemPromptTokens) > 0 ? Format.percent(share) : Format.givenPercent(share)) cacheable) and "
            + tokens(.avgOutputTokens, "output")
            + (settings.isEmpty ? "" : "; " + settings.joined(separator: ", "))
    }
}

/// The cost table shared by the result page and the calculator: every model, those that fit first, cheapest first,
/// with its lifecycle, the rates and token counts used, and why.
struct CostTable {
    let library: ContentLibrary

    /// - Parameters:
    ///   - marked: the model the page marks (the verdict's recommended model, the calculator's cheapest), with
    ///     the same word as its chart.
    ///   - shared: notes said once above the table (`sharedNotes`), left out of the rows.
    func rows(_ costs: [CostLine], answers: Answers, marked: String?, markLabel: String,
              shared: [SharedNote] = []) -> [CostRow] {
        // The multiples are of the cheapest model that can take the work as asked (not one that errors on its forced calls).
        let cheapest = costs.filter { $0.fits && $0.rejects_forced_tool_calls != true }.map(\.monthly_usd).min() ?? 0
        let api = Hosting.api
        let said = Set(shared.map(\.text))
        return costs.map { line in
            CostRow(
                title: line.title, url: line.url, model: line.model,
                monthly: line.fits ? Format.usd(line.monthly_usd) : "does not fit",
                fits: line.fits,
                // A request that does not fit has no bill: its parts and its caching are not shown either.
                input: line.hosting == api && line.fits ? Format.usd(line.input_usd) : "—",
                output: line.hosting == api && line.fits ? Format.usd(line.output_usd) : "—",
                cache: line.hosting == api && line.fits ? Format.usd(line.cache_usd) : "—",
                perRequest: line.fits ? perRequest(line, answers: answers) : "—",
                rates: rates(line),
                notes: line.rates.notes.filter { !said.contains($0) },
                tokens: Self.tokens(line.rates),
                marked: line.model == marked,
                markLabel: markLabel,
                // A model that errors on the workload's forced tool calls is priced for comparison only: said beside
                // its month, and greyed as a retired one is (its row read as an option like the others).
                multiple: line.rejects_forced_tool_calls == true ? "errors on a forced tool call"
                    : line.fits && cheapest > 0 ? "\(Format.trimmed(line.monthly_usd / cheapest, digits: 1))×" : "",
                badge: LifecycleText.badge(line.status, library: library),
                unavailable: line.status.state == .retired || line.status.state == .unreleased || line.rejects_forced_tool_calls == true,
                latency: line.latency.map(latencyText) ?? "",
                checked: line.prices_checked ?? "")
        }
    }

    /// A request's tokens on the model's own count, its thinking included: "800 in / 50 out" beside $625 of output
    /// did not add up for a model that writes 1,200 reasoning tokens first.
    static func tokens(_ r: CostRates) -> String {
        "\(Format.count(r.input_tokens_per_request)) in / \(Format.count(r.output_tokens_per_request)) out"
            + (r.reasoning_tokens_per_request > 0
                ? " + \(Format.count(r.reasoning_tokens_per_request)) reasoning\(r.reasoning_effort.map { " (\($0.rawValue) effort)" } ?? "")" : "")
    }

    /// Notes that several models share word for word (a tokenizer ratio, a batch discount), said once with the
    /// models they apply to instead of on every row.
    func sharedNotes(_ costs: [CostLine]) -> [SharedNote] {
        // One hash of each note's text per line: the notes are sentences, and hashing them was most of this.
        var position: [String: Int] = [:]
        var notes: [(text: String, models: [String])] = []
        for line in costs {
            for note in line.rates.notes {
                if let at = position[note] {
                    notes[at].models.append(line.title)
                } else {
                    position[note] = notes.count
                    notes.append((note, [line.title]))
                }
            }
        }
        return notes.filter { $0.models.count >= 2 }.map { note in
            SharedNote(text: note.text, models: note.models.count == costs.count ? "every model" : note.models.joined(separator: ", "))
        }
    }

    private func latencyText(_ check: LatencyCheck) -> String {
        let budget = Format.trimmed(check.budget_ms / 1000, digits: 6)
        switch check.verdict {
        case .meets: return "meets the \(budget) s budget (\(check.percentile ?? "") \(Format.count(check.ms ?? 0)) ms)"
        case .misses where check.percentile == "floor":
            return "misses the \(budget) s budget at any setting (at least \(Format.count(check.ms ?? 0)) ms)"
        case .misses: return "misses the \(budget) s budget (\(check.percentile ?? "") \(Format.count(check.ms ?? 0)) ms)"
        case .unknown: return "no published latency to judge the \(budget) s budget"
        }
    }

    private func perRequest(_ line: CostLine, answers: Answers) -> String {
        guard case .number(let requests) = answers[.monthlyRequests], requests > 0 else { return "—" }
        return Format.usd(line.monthly_usd / requests)
    }

    /// The rates behind a line, in words, so that anyone can redo the arithmetic.
    private func rates(_ line: CostLine) -> String {
        let r = line.rates
        if line.hosting == .self_hosted {
            var parts: [String] = []
            if let hours = r.gpu_hours, let rate = r.gpu_hour_usd {
                parts.append("\(Format.number(hours.rounded())) GPU h × \(Format.usd(rate))")
            }
            if let tps = r.tokens_per_second, let gpus = r.min_gpus {
                // The page's minimum; a fleet sized for the peak keeps more on, which the GPU hours before say
                // ("1 always on" stood beside 1,460 hours, two GPUs).
                parts.append("\(Format.count(tps)) tokens/s per GPU, at least \(Format.number(gpus)) always on")
            }
            if let ops = r.ops_hours_per_month, let rate = r.developer_hourly_usd {
                parts.append("\(Format.number(ops)) ops h × \(Format.usd(rate))/h")
            }
            return parts.joined(separator: "; ")
        }
        var parts: [String] = []
        if let input = r.input_per_mtok { parts.append("in \(Format.rate(input))") }
        if let output = r.output_per_mtok { parts.append("out \(Format.rate(output))") }
        if let read = r.cache_read_per_mtok, r.caching == .used { parts.append("cache read \(Format.rate(read))") }
        // A write billed at the input rate (OpenAI's automatic cache: its pages price no write) is no fee of its own:
        // "5m write $0.25" read as one, and as a lifetime to choose.
        if let write = r.cache_write_per_mtok, let ttl = r.cache_ttl {
            parts.append(write == r.input_per_mtok ? "cache writes at the input rate" : "\(ttl.rawValue) write \(Format.rate(write))")
        }
        var text = parts.joined(separator: ", ") + " per M tokens"
        guard line.fits else { return text }
        if r.band == .long_context { text += " (long-context rates)" }
        if let batch = r.batch_discount { text += "; batch −\(Format.percent(batch))" }
        switch r.caching {
        case .not_offered: text += "; no prompt cache, cached share billed as input"
        case .not_worth_it: text += "; caching would not pay at this volume"
        case .below_minimum: text += "; prefix below the cache minimum, billed as input"
        default: break
        }
        return text
    }
}
