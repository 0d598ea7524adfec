import Foundation
import Advisor
import Content

/// Builds the verdict page's view model (ViewModels/ResultPage.swift): verdict, score, reasons, warnings, costs, what would change, assumptions.
struct ResultView {
    let engine: Engine
    let library: ContentLibrary
    var knowledge: Knowledge { engine.knowledge }

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
        let scale = ScoreScale(score: assessment.score, base: assessment.baseScore, tieredAt: assessment.tieredRoutingAt,
                               haikuAt: assessment.chooseHaikuAt, verdict: assessment.verdict,
                               changes: changes.compactMap { line in line.score.map { (line.number, $0) } })
        let chart = CostChart(lines: assessment.costs, marked: assessment.primaryModel, markLabel: "recommended")
        return ResultPage(
            verdict: assessment.verdict.rawValue,
            verdictLabel: Self.verdictLabel(assessment.verdict),
            verdictClass: assessment.verdict.rawValue.replacingOccurrences(of: "_", with: "-"),
            score: Format.number(assessment.score.rounded()),
            scorePercent: Int(assessment.score.rounded()),
            chooseHaikuAt: Format.number(assessment.chooseHaikuAt),
            tieredRoutingAt: Format.number(assessment.tieredRoutingAt),
            baseScore: Format.number(assessment.baseScore),
            decidedBy: assessment.decidedBy.map { slug in
                PageLink(title: library.page(.criteria, slug)?.title ?? slug, url: "/criteria/\(slug)")
            },
            primary: modelLink(assessment.primaryModel, assessment),
            alternatives: assessment.alternatives.map { modelLink($0, assessment) },
            asOf: assessment.asOf,
            figuresChecked: assessment.figuresChecked ?? "",
            capacity: assessment.capacity.map { c in
                CapacityLine(model: library.page(.models, c.model)?.title ?? c.model,
                             rpm: Format.number(c.peak_rpm), itpm: Format.count(c.peak_itpm), otpm: Format.count(c.peak_otpm),
                             tier: CapacityText.tier(c),
                             requires: c.requires ?? "")
            },
            reasons: assessment.reasons.map { reason in
                ReasonLine(title: reason.title, url: reason.url, text: reason.text,
                           effect: Format.signed(reason.effect),
                           effectClass: reason.effect > 0 ? "plus" : (reason.effect < 0 ? "minus" : "zero"),
                           decides: reason.decide.map { Self.verdictLabel(Verdict(rawValue: $0) ?? .chooseAlternative) } ?? "")
            },
            warnings: assessment.warnings.map {
                WarningLine(title: $0.title, url: $0.url, text: $0.text, severity: $0.severity.rawValue)
            },
            changes: changes,
            scoreSVG: scale.svg(id: "score-scale"),
            assumptions: assessment.assumptions.map { assumption in
                let question = knowledge.question(assumption.answer)
                return AssumptionLine(question: question.text, value: form.label(assumption.value, for: question),
                                      helpURL: question.helpURL)
            },
            resting: Format.number(assessment.scoreRestingOnAssumptions),
            shareURL: base + "/assess/result?" + [links.shareQuery(answers, knowledge: knowledge), carry]
                .filter { !$0.isEmpty }.joined(separator: "&"),
            apiURL: "/api/assess" + query,
            calculatorURL: "/calculator" + query,
            exportMarkdown: "/assess/result.md" + query,
            exportCSV: "/assess/result.csv" + query,
            exportMadr: "/assess/result.madr.md" + query,
            exportEval: knowledge.settings.evaluation == nil ? "" : "/assess/result.eval.py" + query,
            exportSamples: knowledge.settings.evaluation == nil ? "" : "/assess/result.samples.jsonl" + query,
            fitBasis: assessment.primaryFit?.sentence ?? "",
            fitJudgement: assessment.primaryFit?.rests_on_judgement ?? false,
            workload: Self.workloadSummary(answers),
            costs: CostTable(library: library).rows(assessment.costs, answers: answers),
            chart: chart.view(title: "Monthly cost on every usable model that fits, cheapest first", id: "cost-chart"))
    }

    /// "What would change the verdict", numeric answers first (a volume or a share is easier to act on than a
    /// different task), each a link to the verdict with that one answer changed, with the score it would give.
    func changeLines(_ assessment: Assessment, answers: Answers, form: QuestionnaireForm, carry: String = "") -> [ChangeLine] {
        let numeric = assessment.whatWouldChange.filter { $0.answer.kind == .integer || $0.answer.kind == .number }
        let others = assessment.whatWouldChange.filter { $0.answer.kind != .integer && $0.answer.kind != .number }
        return (numeric + others).enumerated().map { index, change in
            let question = knowledge.question(change.answer)
            let changed = try? knowledge.replacing(change.answer, with: change.to, in: answers)
            let score = changed.map { engine.verdict($0).score }
            return ChangeLine(number: index + 1, question: question.text, helpURL: question.helpURL,
                              from: form.label(answers[change.answer], for: question),
                              to: form.label(change.to, for: question),
                              verdict: Self.verdictLabel(change.verdict),
                              url: changed.map { "/assess/result?" + [$0.queryString, carry].filter { !$0.isEmpty }.joined(separator: "&") },
                              score: score, scoreText: score.map { Format.number($0.rounded()) })
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
        return "\(Format.count(requests)) requests a month × \(Format.count(number(.avgInputTokens))) input tokens"
            + " (\(Format.percent(share)) cacheable) and \(Format.count(number(.avgOutputTokens))) output tokens"
    }
}

/// The cost table shared by the result page and the calculator: every model, those that fit first, cheapest first,
/// with its lifecycle, the rates and token counts used, and why.
struct CostTable {
    let library: ContentLibrary

    func rows(_ costs: [CostLine], answers: Answers) -> [CostRow] {
        let cheapest = costs.filter(\.fits).map(\.monthly_usd).min() ?? 0
        let api = Hosting.api
        return costs.map { line in
            CostRow(
                title: line.title, url: line.url, model: line.model,
                monthly: line.fits ? Format.usd(line.monthly_usd) : "does not fit",
                fits: line.fits,
                input: line.hosting == api ? Format.usd(line.input_usd) : "—",
                output: line.hosting == api ? Format.usd(line.output_usd) : "—",
                cache: line.hosting == api ? Format.usd(line.cache_usd) : "—",
                perRequest: line.fits ? perRequest(line, answers: answers) : "—",
                rates: rates(line),
                notes: line.rates.notes,
                tokens: "\(Format.count(line.rates.input_tokens_per_request)) in / \(Format.count(line.rates.output_tokens_per_request)) out",
                cheapest: line.fits && line.monthly_usd == cheapest,
                multiple: line.fits && cheapest > 0 ? "\(Format.trimmed(line.monthly_usd / cheapest, digits: 1))×" : "",
                badge: LifecycleText.badge(line.status, library: library),
                unavailable: line.status.state == .retired || line.status.state == .unreleased,
                latency: line.latency.map(latencyText) ?? "",
                checked: line.prices_checked ?? "")
        }
    }

    private func latencyText(_ check: LatencyCheck) -> String {
        switch check.verdict {
        case .meets: return "meets the \(Format.number(check.budget_ms / 1000)) s budget (\(check.percentile ?? "") \(Format.count(check.ms ?? 0)) ms)"
        case .misses: return "misses the \(Format.number(check.budget_ms / 1000)) s budget (\(check.percentile ?? "") \(Format.count(check.ms ?? 0)) ms)"
        case .unknown: return "no published latency to judge the \(Format.number(check.budget_ms / 1000)) s budget"
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
                parts.append("\(Format.count(tps)) tokens/s per GPU, \(Format.number(gpus)) always on")
            }
            if let ops = r.ops_hours_per_month, let rate = r.developer_hourly_usd {
                parts.append("\(Format.number(ops)) ops h × \(Format.usd(rate))/h")
            }
            return parts.joined(separator: "; ")
        }
        var parts: [String] = []
        if let input = r.input_per_mtok { parts.append("in \(Format.usd(input))") }
        if let output = r.output_per_mtok { parts.append("out \(Format.usd(output))") }
        if let read = r.cache_read_per_mtok, r.caching == .used { parts.append("cache read \(Format.usd(read))") }
        if let write = r.cache_write_per_mtok, let ttl = r.cache_ttl { parts.append("\(ttl.rawValue) write \(Format.usd(write))") }
        var text = parts.joined(separator: ", ") + " per M tokens"
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
