import Advisor
import Content

/// The verdict and the cost table as files to download: Markdown to paste into a design document, CSV for a
/// spreadsheet. Plain GET URLs beside the pages (`/assess/result.md`, `/assess/result.csv`, `/calculator.md`,
/// `/calculator.csv`) that take the same query string, so an export reproduces from the answers like the page does.
enum Exports {
    static func markdown(_ text: String, filename: String) -> Response {
        download(text, type: "text/markdown; charset=utf-8", filename: filename)
    }

    static func csv(_ text: String, filename: String) -> Response {
        download(text, type: "text/csv; charset=utf-8", filename: filename)
    }

    static func download(_ text: String, type: String, filename: String) -> Response {
        Response(status: 200, headers: Response.securityHeaders + [
            ("Content-Type", type), ("Content-Disposition", "attachment; filename=\"\(filename)\""),
        ], body: Array(text.utf8))
    }

    // MARK: - CSV

    /// One row per model, in the table's order. Monthly amounts in US dollars rounded to cents (no `$`, no
    /// separators); the per-request cost and the rates keep their precision, since a cent would round them to 0.
    /// `recommended` is `yes` on the verdict's primary model (the page's and the chart's mark), `no` elsewhere; the
    /// calculator leaves it empty unless it was opened from a verdict. A self-hosted model has no per-token input, output or
    /// cache bill: those cells are empty, and its cost is in `gpu_usd` and `ops_usd`.
    /// After the first columns, which stay where they were: the reasoning each request writes (billed as output, or
    /// as input where its page says so) and the effort it runs at, the price band, each row's `role` in the verdict
    /// (`recommended`, `escalation`, `runner-up`; where no model can take the workload, `roomiest` or `closest` for
    /// the one the page names; in the calculator, `cheapest` on the row its page marks; empty elsewhere), the tiered plan's month on
    /// the recommended row (`plan_monthly_usd`), and the cost line's notes, so that every row can be reworked.
    /// `escalated`: a plan's escalation model and the effort its escalated requests are priced at, where that is not
    /// the one its row shows (cost first lowers the row; the plan keeps the model's default for the complex share).
    static func costsCSV(_ lines: [CostLine], answers: Answers, recommended: String?,
                         roles: [String: String] = [:], planMonthly: Double? = nil,
                         escalated: (model: String, effort: Effort)? = nil) -> String {
        var requests = 0.0
        if case .number(let value) = answers[.monthlyRequests] { requests = value }
        var rows = [["model", "title", "recommended", "lifecycle", "fits", "monthly_usd", "input_usd", "output_usd",
                     "cache_usd", "gpu_usd", "ops_usd", "per_request_usd", "input_tokens_per_request",
                     "output_tokens_per_request", "input_per_mtok", "output_per_mtok", "prices_checked",
                     "reasoning_tokens_per_request", "reasoning_effort", "band", "role", "plan_monthly_usd", "notes"]]
        for line in lines {
            let api = line.hosting == .api
            rows.append([
                line.model, line.title, recommended.map { $0 == line.model ? "yes" : "no" } ?? "",
                line.status.state.rawValue, line.fits ? "yes" : "no",
                cents(line.monthly_usd), api ? cents(line.input_usd) : "", api ? cents(line.output_usd) : "",
                api ? cents(line.cache_usd) : "",
                cents(line.gpu_usd), cents(line.ops_usd), requests > 0 ? plain(line.monthly_usd / requests) : "",
                plain(line.rates.input_tokens_per_request), plain(line.rates.output_tokens_per_request),
                line.rates.input_per_mtok.map(plain) ?? "", line.rates.output_per_mtok.map(plain) ?? "",
                line.prices_checked ?? "",
                plain(line.rates.reasoning_tokens_per_request), line.rates.reasoning_effort?.rawValue ?? "",
                line.rates.band?.rawValue ?? "", roles[line.model] ?? "",
                line.model == recommended ? planMonthly.map(cents) ?? "" : "",
                (line.rates.notes + (escalated.flatMap { $0.model == line.model ? $0.effort : nil }.map {
                    ["In the plan its escalated requests are priced at its \($0.rawValue) effort, "
                     + "not this row's: plan_monthly_usd counts them so."] } ?? [])).joined(separator: " "),
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; a leading `=`, `+`, `-` or `@` is
    /// prefixed with `'` so that a spreadsheet does not run it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+@".contains(first) || (first == "-" && Double(value) == nil) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func plain(_ value: Double) -> String { Format.trimmed(value, digits: 8) }
    /// Two decimals always (`12.50`), so a column of money reads and sums as money.
    static func cents(_ value: Double) -> String { Format.trimmed(value, digits: 2, minimum: 2) }

    // MARK: - Markdown

    /// The cost table as a Markdown table, with lifecycle and the rates used. A self-hosted model's input, output
    /// and cache cells are "—" (it is billed by the GPU hour), and its GPU and operations time has its own column.
    /// `marked` is the model the page's chart marks with ★ (the verdict's primary, or the calculator's cheapest to
    /// build on), and `label` what the mark says beside it.
    static func costsMarkdown(_ lines: [CostLine], answers: Answers, marked: String? = nil,
                              label: String = "recommended") -> String {
        var requests = 0.0
        if case .number(let value) = answers[.monthlyRequests] { requests = value }
        var text = "| Model | Lifecycle | Per month | Input | Output | Cache | GPU + ops | Per request |\n|---|---|--:|--:|--:|--:|--:|--:|\n"
        for line in lines {
            // Priced for comparison only where the API refuses the workload's forced tool calls, as the page says.
            let monthly = !line.fits ? "does not fit"
                : Format.usd(line.monthly_usd) + (line.rejects_forced_tool_calls == true ? " (errors on a forced tool call)" : "")
            let perRequest = line.fits && requests > 0 ? Format.usd(line.monthly_usd / requests) : "—"
            let api = line.hosting == .api
            let title = line.model == marked ? "★ " + cell(line.title) + " (\(cell(label)))" : cell(line.title)
            let cells = [title, LifecycleText.label(line.status.state), monthly,
                         api ? Format.usd(line.input_usd) : "—", api ? Format.usd(line.output_usd) : "—",
                         api ? Format.usd(line.cache_usd) : "—", api ? "—" : Format.usd(line.gpu_usd + line.ops_usd),
                         perRequest]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// The verdict as a section of a design document: verdict and score, models, reasons, warnings, costs, what
    /// would change it, assumptions, and the link that reproduces it; the runner-up, the cost traps and the priced
    /// levers of the decision card.
    /// - Parameters:
    ///   - origin: the public URL, or "" for site paths (an export never links to the server that wrote it).
    ///   - shareQuery: the share link's query (as_of pinned, content version).
    static func verdictMarkdown(_ a: Assessment, answers: Answers, engine: Engine, library: ContentLibrary,
                                origin: String, shareQuery: String) -> String {
        let knowledge = engine.knowledge
        let form = QuestionnaireForm(knowledge: knowledge)
        let title = { (slug: String) in library.page(.models, slug)?.title ?? slug }
        var md = "# Verdict: \(ResultView.verdictLabel(a))\n\n"
        md += "- Haiku fit score: **\(Format.number(a.score.rounded())) / 100** (tiered routing from "
            + "\(Format.number(a.tieredRoutingAt)), Haiku from \(Format.number(a.chooseHaikuAt)); start \(Format.number(a.baseScore)))\n"
if let missed = a.decision.requirement_missed { md += "- **\(cell(missed))**\n" }
                md += "- Primary model: **\(cell(title(a.primaryModel)))**"
            + (a.costs.first { $0.model == a.primaryModel }.map { " (\(LifecycleText.label($0.status.state)))" } ?? "")
            + ", \(Format.money(a.decision.monthly_usd)) a month\n"
        // A plan's escalation model and its month in all: who signs it from this page signs both.
        if let plan = a.decision.combined {
            let state = a.costs.first { $0.model == plan.escalation_model }.map(\.status.state)
            md += "- Escalation: **\(cell(title(plan.escalation_model)))**"
                + (state.map { " (\(LifecycleText.label($0)))" } ?? "") + " answers the complex \(Format.percent(plan.complex_share)) "
                + "again" + (plan.escalated_effort.map { " at its \($0.rawValue) effort" } ?? "")
                + "; \(Format.money(plan.monthly_usd)) a month in all\n"
        }
        if let runner = a.decision.runner_up {
            md += "- Runner-up: \(cell(title(runner.model))) at \(Format.money(runner.monthly_usd)) a month; \(runner.reason)\n"
        }
        if let haiku = a.decision.haiku {
            md += "- \(cell(title(haiku.model))): \(Format.money(haiku.monthly_usd)) a month; \(haiku.reason)\n"
        }
        for passed in a.decision.passed_over {
            md += "- Cheaper, but passed over: \(cell(title(passed.model))) at \(Format.money(passed.monthly_usd)) a month; \(passed.reason)\n"
        }
        if !a.alternatives.isEmpty {
            let named = a.alternatives.map { slug in
                // Its lifecycle where it is not active, as the page's badge says it.
                let state = a.costs.first { $0.model == slug }.map(\.status.state).flatMap { $0 == .active ? nil : LifecycleText.label($0) }
                let notes = [state, a.weakerFit(slug, knowledge: knowledge)].compactMap { $0 }
                return cell(title(slug)) + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
            }
            md += "- Alternatives: \(named.joined(separator: ", "))" + (a.alternativesNote.map { "; \($0)" } ?? "") + "\n"
        } else if let note = a.alternativesNote {
            md += "- Alternatives: none; \(note)\n"
        }
        md += "- Workload: \(ResultView.workloadSummary(answers))\n"
        md += "- Models and lifecycles as of \(a.asOf)" + (a.figuresChecked.map { "; prices last checked \($0)" } ?? "") + "\n"
        if let since = PastDayNotice(a, answers: answers, knowledge: knowledge) {
            md += "- **\(since.text)** Today's verdict: `\(since.todayURL)`\n"
        }
        md += origin.isEmpty ? "- Reproduce: `/assess/result?\(shareQuery)` on a haiku-advisor server\n\n"
                             : "- Reproduce: <\(origin)/assess/result?\(shareQuery)>\n\n"
        md += "## Why\n\n"
        for reason in a.reasons {
            md += "- **\(Format.signed(reason.effect))** [\(cell(reason.title))](\(origin)\(reason.url)): \(reason.text)\n"
        }
        if !a.warnings.isEmpty {
            md += "\n## What will bite you\n\n"
            for warning in a.warnings {
                md += "- [\(cell(warning.title))](\(origin)\(warning.url)) (\(warning.severity.rawValue)): \(warning.text)\n"
            }
        }
        // The decision card's traps and levers: a shared verdict without them would hide what moves the bill.
        if !a.decision.traps.isEmpty {
            md += "\n## Cost traps\n\n"
            for trap in a.decision.traps { md += "- \(trap.text) ([why](\(origin)\(trap.url)))\n" }
        }
        if !a.levers.isEmpty {
            md += "\n## Levers, priced\n\n"
            for lever in a.levers {
                md += "- \(lever.text) Verdict with it: “\(ResultView.verdictLabel(lever.verdict))” ([how](\(origin)\(lever.url)))\n"
            }
        }
        md += "\n## Monthly cost on every model\n\n" + costsMarkdown(a.costs, answers: answers, marked: a.recommendedModel)
        // How the recommended model's figure (and a plan's escalation model's) is worked out, as the page's cost table
        // says it: a batch-only output limit, thinking a forced tool call switches off, decide whether the setup works.
        for slug in [a.primaryModel] + (a.decision.combined.map { [$0.escalation_model] } ?? []) {
            if let line = a.costs.first(where: { $0.model == slug }), !line.rates.notes.isEmpty {
                md += "\nHow \(cell(line.title))'s figure is worked out:\n\n" + line.rates.notes.map { "- \(cell($0))\n" }.joined()
            }
        }
        let changes = ResultView(engine: engine, library: library).changeLines(a, answers: answers, form: form)
        if !changes.isEmpty {
            md += "\n## What would change the verdict\n\n"
            for change in changes {
                // A blank answer that alone would change the verdict, as the page says under its heading.
                let blank = answers.isAssumed(change.answer) ? " (left blank, assumed)" : ""
                md += "- \(change.question)\(blank): \(change.from) → **\(change.to)** gives “\(change.verdict)”\n"
            }
        }
        if !a.assumptions.isEmpty {
            md += "\n## What was assumed\n\n"
            for assumption in a.assumptions {
                let question = knowledge.question(assumption.answer)
                md += "- \(question.text): \(form.label(assumption.value, for: question))\n"
            }
        }
        return md
    }

    /// Text safe inside a Markdown table cell or link text.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "[", with: "\\[")
            .replacingOccurrences(of: "]", with: "\\]")
    }
}
