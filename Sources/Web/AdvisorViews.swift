import Advisor
import Content

/// The decision engine's pages and API (their addresses are in Routes.swift). Every one goes through the same
/// `Engine`.
public struct AdvisorViews: Sendable {
    public let engine: Engine
    let library: ContentLibrary
    let templates: Templates
    /// The public base of links and the content version share links carry.
    let links: ShareLinks
    /// The places for work priced on usage data, a site's own: uploads (UsageViews) and links that carry `usage=`
    /// (Router.respond).
    let importGate = ImportGate(limit: ImportGate.importLimit)

    var knowledge: Knowledge { engine.knowledge }
    var form: QuestionnaireForm { QuestionnaireForm(knowledge: knowledge) }

    /// What does not depend on the query: built once with the rest of the site.
    func prebuiltResponses() -> [String: Response] {
        [
            "/assess": assessPage(values: [:], error: nil, status: 200),
            "/api/questionnaire": JSON.response(knowledge.questionnaireDocument),
            "/api/models": JSON.response(library.pages(in: .models).compactMap { ModelDocument($0, knowledge: knowledge) }),
        ]
    }

    /// The questionnaire filled in from a query (a verdict's "change the answers" link; the bare `/assess` is
    /// prebuilt), with a link's distribution kept. An answer it cannot read is said at its field with a 400, as the
    /// verdict page says it: `?task_type=bogus&monthly_requests=abc` showed "Not sure" and "abc" with no word.
    func assess(_ request: Request) -> Response {
        let usage: UsageProfile?
        do { usage = try readLink(request.query).usage } catch { return refusedLink(error, request) }
        return assessPage(values: QuestionnaireForm.values(of: request.query), error: nil, status: 200,
                          carriedUsage: usage?.encoded ?? "")
    }

    /// A link's answers as the verdict page and the questionnaire read them: its content version, its imported
    /// distribution (`usage=`), and the answers (the file field's name is none). Throws HTTPError or AnswerError.
    func readLink(_ query: [(String, String)]) throws -> (answers: Answers, version: String?, usage: UsageProfile?) {
        let split = try ShareLinks.split(query.filter { $0.0 != Self.uploadFileField })
        let (pairs, profile) = try Self.usageParameter(split.answers)
        return (try linkedAnswers(pairs, profile: profile), split.version, profile)
    }

    /// The questionnaire refusing a link (`readLink`'s error): every answer it cannot read marked at its field, the
    /// answers kept, and the distribution too unless it is what was refused.
    func refusedLink(_ error: any Error, _ request: Request) -> Response {
        let values = QuestionnaireForm.values(of: request.query)
        switch error {
        case let error as HTTPError:
            return assessPage(values: values, error: AnswerError(code: error.code, message: error.message, field: error.field),
                              status: 400, carriedUsage: carriedUsage(request))
        case let error as AnswerError:
            return assessPage(values: values, error: error, status: 400, others: knowledge.fieldErrors(fromQuery: request.query),
                              carriedUsage: error.field == "usage" ? "" : carriedUsage(request))
        default:
            preconditionFailure("only HTTPError and AnswerError are thrown here")
        }
    }

    // MARK: - API

    /// `application/json`, or another `+json` type, with any parameters (`; charset=utf-8`).
    static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media == "application/json" || media.hasPrefix("application/") && media.hasSuffix("+json")
    }

    func apiAssess(_ request: Request) throws(HTTPError) -> Response {
        let answers: Answers
        // A share link's query works here too: its content version is not an answer.
        let pairs = try ShareLinks.split(request.query).answers
        // Answers in both places would leave one set unread; say so rather than ignore the query's. An upload's too:
        // `?task_type=bogus` beside a usage file was priced as `other` without a word.
        let upload = request.method == "POST" && Multipart.isFormData(request.headers["content-type"])
        if request.method == "POST", let (name, _) = pairs.first {
            let move = upload ? "A POST with a usage file reads its answers from the form fields beside the file only: send "
                + "`\(name.prefix(64))` as a form field, not in the query string."
                : "A POST reads its answers from the JSON body only: move `\(name.prefix(64))` from the query string into the body, "
                + "or send the answers in the query with GET."
            throw HTTPError(400, code: "invalid", move, field: String(name.prefix(64)))
        }
        // A usage file travels as multipart/form-data (the web form's upload); anything else posted is the answers' JSON.
        if upload { return try apiUpload(request) }
        do {
            if request.method == "POST" {
                answers = try knowledge.answers(fromJSON: request.body)
            } else {
                let (answerPairs, profile) = try Self.usageParameter(pairs)
                answers = try linkedAnswers(answerPairs, profile: profile)
                if let profile {
                    // A link from an imported verdict: the same document, plus `usage.comparison`.
                    let (assessment, comparison) = engine.assess(answers, usage: profile, currentModel: Self.currentModel(of: answers),
                                                                 alsoInUse: [])  // a link carries the busiest model alone
                    return .json(assessment.jsonBytes(usage: comparison))
                }
            }
        } catch {
            // A body of another declared type that is not JSON either (a CSV posted raw, urlencoded answers) was told
            // "the body is not valid JSON": 415 and what to send. JSON under another type (`curl -d @answers.json`
            // sends it as a form, a browser's fetch as text/plain) is read as before.
            if error.code == "invalid_json", request.method == "POST", let type = request.headers["content-type"],
               !type.trimmingCharacters(in: .whitespaces).isEmpty, !Self.isJSON(type) {
                throw HTTPError(415, code: "unsupported_media_type",
                                "POST /api/assess takes the answers as JSON, or a usage file as multipart/form-data in the "
                                + "field `usage`; this body of type `\(type.prefix(80))` is neither.")
            }
            throw HTTPError(400, code: error.code, error.message, field: error.field)
        }
        // Written by a streaming writer (AssessmentJSON.swift), byte-identical to `JSON.encode`'s document.
        return .json(engine.assess(answers).jsonBytes())
    }

    // MARK: - Pages

    /// - Parameter others: more answers that cannot be read (`Knowledge.fieldErrors`), marked on their fields too.
    /// - Parameter fromUpload: the refused request was the upload's: an answer's error is marked on its field, and the
    ///   file must be chosen again.
    /// An imported link's distribution, readable, for a refused link's form to keep: the corrected answer is then
    /// priced on it (it came back as a verdict on the average request, unsaid); "" without one.
    func carriedUsage(_ request: Request) -> String {
        (try? Self.usageParameter(request.query.filter { $0.0 != Self.uploadFileField }))?.profile?.encoded ?? ""
    }

    /// - Parameter carriedUsage: an imported link's distribution (`usage=`), kept by the form.
    func assessPage(values: [String: String], error: AnswerError?, status: Int, usage: UsageSection? = nil,
                    others: [AnswerError] = [], fromUpload: Bool = false, carriedUsage: String = "") -> Response {
        let errors = (error.map { [$0] } ?? []) + others.filter { $0.field != error?.field }
        var summary = errorSummary(error, marked: errors)
        // An upload's message names its JSON paths and columns in Markdown backticks, shown as they are on a page.
        // The file field is marked where the file is what was refused; any refused upload needs its file chosen
        // again (a page load empties the field), and the summary links to it (an answer's error was marked on the
        // file field too).
        let upload = error?.field == "usage"
        if upload || fromUpload { summary = summary.replacingOccurrences(of: "`", with: "") }
        var view = QuestionnairePage(fields: form.fields(values: values, errors: errors),
                                     formError: summary, usage: usage, uploadError: upload)
        view.chooseFileAgain = upload || fromUpload
        view.carriedUsage = carriedUsage
        // "Error: " first, as the page's heading cannot say it: the title is what a screen reader and a tab list read.
        return .html(templates.page(title: (summary.isEmpty ? "" : "Error: ") + "Should this workload run on Haiku?", view: view,
                                    activeSection: "assess"), status: status)
    }

    /// A form's error summary: the first error's message, and how many more answers are marked on their fields.
    func errorSummary(_ first: AnswerError?, marked errors: [AnswerError]) -> String {
        var summary = first.map { form.message(for: $0) } ?? ""
        let fields = Set(errors.compactMap(\.field)).count
        if fields > 1 {
            if !summary.hasSuffix(".") { summary += "." }
            summary += " \(fields - 1) more \(fields == 2 ? "answer needs" : "answers need") fixing: each is marked below."
        }
        return summary
    }

    /// `http://host:port` from the request's Host header, for absolute links; "" when it is missing or odd.
    static func origin(_ request: Request) -> String {
        guard let host = request.headers["host"], !host.isEmpty, host.count <= 255,
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }) else { return "" }
        return "http://" + host
    }

    func result(_ request: Request) -> Response {
        let answers: Answers
        let linkVersion: String?
        let usage: UsageProfile?
        do {
            // The questionnaire's file field goes with its form's GET as a file name, which is no answer. A file chosen
            // and sent that way (Enter in a field, or "Get the verdict") would be dropped unsaid: the questionnaire
            // comes back with the answers, asking for the import button.
            if request.query.contains(where: { $0.0 == Self.uploadFileField && !$0.1.isEmpty }) {
                let pairs = request.query.filter { $0.0 != Self.uploadFileField }
                return assessPage(values: QuestionnaireForm.values(of: pairs), error: AnswerError(
                    code: "usage_not_sent", message: "A usage file was chosen, but “Get the verdict” does not send files: "
                        + "choose it again and press “Import and assess”, or clear it for a verdict on the answers alone.",
                    field: "usage"), status: 400, carriedUsage: carriedUsage(request))
            }
            (answers, linkVersion, usage) = try readLink(request.query)
        } catch {
            return refusedLink(error, request)
        }
        if let usage {
            return usageResult(answers, profile: usage, currentModel: Self.currentModel(of: answers), alsoInUse: [], summary: nil,
                               base: links.pageBase(request))
        }
        let assessment = engine.assess(answers)
        var view = ResultView(engine: engine, library: library).page(assessment, answers: answers, links: links,
                                                                     base: links.pageBase(request))
        view.contentNotice = links.notice(linkVersion: linkVersion, asOf: assessment.asOf) ?? ""
        // The exports keep the link's content version, so that they say what the page says of it.
        if let linkVersion {
            func pinned(_ url: String) -> String { url.isEmpty ? url : url + (url.contains("?") ? "&" : "?") + "\(ShareLinks.versionParameter)=\(linkVersion)" }
            view.exportMarkdown = pinned(view.exportMarkdown)
            view.exportCSV = pinned(view.exportCSV)
            view.exportMadr = pinned(view.exportMadr)
            view.exportEval = pinned(view.exportEval)
            view.exportSamples = pinned(view.exportSamples)
        }
        view.pastDay = PastDayNotice(assessment, answers: answers, knowledge: knowledge)
        view.fields = form.fields(values: QuestionnaireForm.values(of: answers), error: nil)
        return .html(templates.page(title: "Verdict: \(ResultView.verdictLabel(assessment))",
                                    view: view, activeSection: "assess"))
    }

    /// The questions that price a workload; the rest keep their defaults, or what a link gave them (carried as
    /// hidden fields, so that "Price it" keeps a verdict's effort or budget).
    /// Public for the MCP server's `price` tool, which takes the same questions.
    public static let costQuestions: Set<AnswerID> = [.monthlyRequests, .avgInputTokens, .avgOutputTokens,
                                                      .cachedInputShare, .systemPromptTokens, .latency,
                                                      .reasoningEffort, .toolChoice, .developerHourlyUSD,
                                                      .tokensCountedWith, .asOf]

    /// The pair a verdict's link to the calculator carries, so that the calculator marks the verdict's model.
    static let fromVerdict = "from=verdict"

    func calculator(_ request: Request) -> Response {
        var error: AnswerError?
        var answers = knowledge.defaultAnswers
        // Reached by the verdict's link: its model is the one marked. Only then: a workload changed here has no
        // verdict anyone saw ("Your verdict recommends" named one), and the form does not carry the pair on.
        let query = request.query.filter { $0.0 != "from" }
        let fromVerdict = request.query.contains { $0.0 == "from" && $0.1 == "verdict" }
        do {
            answers = try knowledge.answers(fromQuery: query)
        } catch let failure {
            error = failure
        }
        let values = error == nil ? QuestionnaireForm.values(of: answers) : QuestionnaireForm.values(of: query)
        var priced: CalculatorPage.PricedWorkload?
        if error == nil {
            let costs = engine.costs(answers)
            // Reached from a verdict, the mark is the verdict's, as on /compare; otherwise the cheapest to build on.
            let verdict = fromVerdict ? VerdictMark(engine.assess(answers), answers: answers, library: library) : nil
            let mark = verdict.map { (model: $0.model, label: $0.label, narrow: $0.label) }
                ?? CostChart.cheapestMark(costs, answers: answers, knowledge: knowledge)
            let share = answers.queryString
            let query = share.isEmpty ? "" : "?" + share
            // The files mark what this page marks, so a link from a verdict keeps its `from`.
            let exportQuery = fromVerdict ? (query.isEmpty ? "?" : query + "&") + Self.fromVerdict : query
            let table = CostTable(library: library)
            let shared = table.sharedNotes(costs)
            priced = .init(workload: ResultView.workloadSummary(answers),
                           costs: table.rows(costs, answers: answers, marked: mark?.model, markLabel: mark?.label ?? "",
                                             shared: shared),
                           sharedNotes: shared,
                           chart: CostChart(lines: costs, marked: mark?.model, markLabel: mark?.label ?? "", markNarrow: mark?.narrow)
                               .view(title: "Monthly cost on every usable model that fits, cheapest first", id: "cost-chart"),
                           exportMarkdown: "/calculator.md" + exportQuery, exportCSV: "/calculator.csv" + exportQuery,
                           // A verdict of every default links with nothing but `from`: its workload is shown first too,
                           // with the sentence (below the form, the defaults' table named no verdict).
                           asked: !query.isEmpty || fromVerdict, verdictSentence: verdict?.sentence ?? "",
                           verdictURL: verdict?.url ?? "", questionnaireURL: "/assess" + query)
        }
        // Every answer of the link that cannot be read: those the form asks are marked on their fields, as the
        // questionnaire marks them (the calculator flagged only the first); those it does not ask have no field here.
        let failures = error.map { first in [first] + knowledge.fieldErrors(fromQuery: query).filter { $0.field != first.field } } ?? []
        func asked(_ failure: AnswerError) -> Bool {
            failure.field.flatMap(AnswerID.init(name:)).map(Self.costQuestions.contains) ?? true
        }
        let leftOut = failures.filter { !asked($0) }
        // Answers the form does not ask that a link gave (a verdict's task, cost priority, latency budget, peak):
        // kept, since some move the prices (the budget and cost priority set the effort a default answer runs at).
        // Not one that cannot be read: the form has no field to correct it in, and "Price it" repeated the error.
        let hidden = values.filter { name, _ in
            !leftOut.contains { $0.field == name } && (AnswerID(name: name).map { !Self.costQuestions.contains($0) } ?? false)
        }
            .sorted { $0.key < $1.key }.map { HiddenAnswer(name: $0.key, value: $0.value) }
        let errors = failures.filter(asked)
        var summary = errorSummary(errors.first, marked: errors)
        // Each one the calculator does not ask is said with the link's value and why, and that "Price it" prices the
        // rest without it ("choose one of the listed answers" pointed at no list).
        for failure in leftOut {
            guard let name = failure.field, let id = AnswerID(name: name) else { continue }
            let given = query.last { $0.0 == name }.map { "“\($0.1.count > 40 ? $0.1.prefix(40) + "…" : $0.1)”" } ?? "its value"
            summary += (summary.isEmpty ? "" : " ") + "The link's answer to “\(knowledge.question(id).text)”, \(given), \(form.fault(of: failure)), "
                + "and this page does not ask it: “Price it” prices the workload without it."
        }
        let view = CalculatorPage(fields: form.fields(values: values, errors: errors, only: Self.costQuestions),
                                  hiddenAnswers: hidden, formError: summary, priced: priced)
        return .html(templates.page(title: (error == nil ? "" : "Error: ") + "Cost calculator", view: view, activeSection: "calculator"),
                     status: error == nil ? 200 : 400)
    }

    /// A model as people name it: its slug in any case, or its API id, a dated snapshot of it included
    /// (`claude-haiku-4-5-20251001`, `gpt-5-mini-2025-08-07`, `GPT-6-LUNA`); "There is no model" answered all three.
    /// The names are those `scan` and the usage import match (ModelNames: slug, api_id and its undated form, id-like
    /// aliases), and a dated snapshot of the api_id.
    static func modelSlug(_ name: String, among models: [Page]) -> String? {
        let lower = name.lowercased()
        if let page = models.first(where: { $0.slug == lower }) { return page.slug }
        return models.first { page in
            let names = ModelNames.names(slug: page.slug, apiID: page.frontMatter.model?.api_id,
                                         aliases: page.frontMatter.aliases ?? []).map { $0.lowercased() }
            if names.contains(lower) { return true }
            guard let id = page.frontMatter.model?.api_id?.lowercased(), !id.isEmpty else { return false }
            return lower.hasPrefix(id + "-") && lower.dropFirst(id.count + 1).allSatisfy { $0.isNumber || $0 == "-" }
        }?.slug
    }

    func compare(_ request: Request) -> Response {
        let models = library.pages(in: .models)
        let defaults = knowledge.settings.compare_models
        let haiku = knowledge.settings.haiku_models[0], escalation = knowledge.settings.escalation_models[0]
        var chosen: [String] = []
        // Every problem with the link is said, each in its own sentence (an answer's error hid an unknown model's).
        var errors: [String] = []
        let requested = request.query.filter { $0.0 == "models" || $0.0 == "model" }
            .flatMap { $0.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        var unknown: [String] = []
        for name in requested {
            if let slug = Self.modelSlug(name, among: models) {
                if !chosen.contains(slug) { chosen.append(slug) }
            } else if !unknown.contains(name) {
                unknown.append(name)
            }
        }
        // Every unknown one named, up to three (the last of two was named alone).
        if !unknown.isEmpty {
            let named = unknown.prefix(3).map { "“\($0.prefix(80))”" } + (unknown.count > 3 ? ["\(unknown.count - 3) more"] : [])
            errors.append((unknown.count == 1 ? "There is no model \(named[0])" : "There are no models \(Format.series(named))")
                + ". Choose from the list below.")
        }
        if chosen.count > 8 { errors.append("Compare at most eight models at once."); chosen = Array(chosen.prefix(8)) }
        let today = knowledge.today
        // Preselected: the default models that are current today (neither legacy, deprecated nor retired).
        if requested.isEmpty {
            chosen = defaults.filter { slug in
                models.contains { $0.slug == slug } && knowledge.status(of: slug, on: today)?.state == .active
            }
        }
        var pairNote = ""
        if chosen.count == 1 {
            // One model alone compares with nothing: set it beside the default Haiku, and said so.
            let added = chosen[0] == haiku ? escalation : haiku
            chosen.append(added)
            pairNote = "One model compares with nothing, so \(library.page(.models, added)?.title ?? added) is set beside it."
        }
        let choices = models.map { page in
            ModelChoice(slug: page.slug, title: page.title, checked: chosen.contains(page.slug),
                        badge: LifecycleText.badge(knowledge.status(of: page.slug, on: today), library: library))
        }
        // The workload's answers, when the verdict links here: the costs are this workload's, not the defaults'; an
        // imported verdict's link carries its distribution (`usage=`), priced request by request as the verdict was
        // (without it, "your verdict recommends" quoted the average request's $879 beside a verdict of $2,911).
        var answerPairs = request.query.filter { $0.0 != "models" && $0.0 != "model" }
        var workload: Answers? = nil
        var usage: UsageProfile? = nil
        // Answers this page cannot read are not dropped: the questionnaire, which can show and correct them, gets them
        // back through a link (the picker has no field for them, and comparing again lost the whole workload).
        var correctionURL = ""
        if !answerPairs.isEmpty {
            let given = answerPairs
            do {
                (answerPairs, usage) = try Self.usageParameter(answerPairs)
                workload = try linkedAnswers(answerPairs, profile: usage)
            } catch let failure {
                errors.append(form.message(for: failure))
                usage = nil
                // Every pair, the distribution's too: the questionnaire marks a bad one and carries a good one.
                correctionURL = "/assess?" + Answers.percentEncoded(given)
            }
        }
        let error = errors.joined(separator: " ")
        var view = CompareView(library: library, engine: engine).page(chosen, choices: choices, formError: error,
                                                                      workload: workload, usage: usage)
        view.pairNote = pairNote
        view.correctionURL = correctionURL
        return .html(templates.page(title: "Compare models", view: view, activeSection: "compare"),
                     status: error.isEmpty ? 200 : 400)
    }

    /// Rendered per request: "today" moves while the server runs.
    func timeline() -> Response {
        let view = TimelineView(library: library, knowledge: knowledge).page(today: knowledge.today)
        return .html(templates.page(title: "Model lifecycles", view: view, activeSection: "timeline"))
    }

    /// `/models/?sort=input&order=desc`: the models index sorted by a column of its table.
    func modelsIndex(_ request: Request) -> Response {
        let index = ModelsIndex(library: library, knowledge: knowledge)
        let sort = request.parameter("sort") ?? ""
        let order = request.parameter("order") ?? ""
        // A sort or order the table does not have is a 400 that says so above the table, not a table alone.
        var notice = ""
        if !sort.isEmpty, ModelsIndex.Column(rawValue: sort) == nil {
            notice += "There is no column “\(sort.prefix(40))” to sort by ("
                + ModelsIndex.Column.allCases.map(\.rawValue).joined(separator: ", ") + "). "
        }
        if !["", "asc", "desc"].contains(order) { notice += "The order “\(order.prefix(40))” is neither asc nor desc. " }
        // Given twice, the first won without a word; every other page refuses a repeated parameter.
        for name in ["sort", "order"] where request.query.filter({ $0.0 == name }).count > 1 {
            notice += "“\(name)” is given more than once; keep one. "
        }
        let view = index.page(sort: ModelsIndex.Column(rawValue: sort) ?? .provider, descending: order == "desc", notice: notice)
        return .html(templates.page(title: Section.models.title, view: view, activeSection: "models"),
                     status: notice.isEmpty ? 200 : 400)
    }

    /// The verdict or the cost table as Markdown, CSV, a decision record or an evaluation plan, from the same query
    /// string as the page (a share link's `content` version included).
    func export(_ request: Request) -> Response {
        let answers: Answers
        let assessment: () -> Assessment
        let usage: UsageProfile?
        let linkVersion: String?
        // The calculator's exports mark what its page marked: the verdict's model when the page was opened from one.
        let calculator = request.path.hasPrefix("/calculator")
        let fromVerdict = calculator && request.query.contains { $0.0 == "from" && $0.1 == "verdict" }
        do {
            // The calculator's page takes no `content` version (its links never carry one), and its files refuse it as
            // the page does: the Markdown spoke of "the answer for the pinned day" on a table with neither.
            let split = calculator ? (answers: request.query.filter { $0.0 != "from" }, version: nil)
                : try ShareLinks.split(request.query)
            linkVersion = split.version
            let (pairs, profile) = try Self.usageParameter(split.answers)
            // The calculator prices averages, as its page does (which refuses `usage`): its exports did read a usage
            // profile and then ignore it, answering figures that were not the link's.
            if profile != nil, calculator {
                return .text("The calculator prices the averages you give; a usage file's distribution is priced on the "
                             + "verdict (/assess/result.csv and .md with the same usage parameter).\n", status: 400)
            }
            answers = try linkedAnswers(pairs, profile: profile)
            let current = Self.currentModel(of: answers)
            assessment = { profile.map { engine.assess(answers, usage: $0, currentModel: current, alsoInUse: []).assessment } ?? engine.assess(answers) }
            usage = profile
        } catch let error as HTTPError {
            return .text(error.message + "\n", status: error.status)
        } catch let error as AnswerError {
            return .text(form.message(for: error) + "\n", status: 400)
        } catch {
            preconditionFailure("only HTTPError and AnswerError are thrown here")
        }
        if calculator { return calculatorExport(request.path, answers: answers, fromVerdict: fromVerdict) }
        let base = links.exportBase
        // What the export says of the workload is what was priced: a `usage=` link without averages was described at
        // the questionnaire's 1,000-token default while its figures were the profile's 150,000 (the page said so).
        let assessed = assessment()
        let described = assessed.pricedAnswers ?? answers
        // A link made with other content says so in the document, as the page does.
        let notice = links.notice(linkVersion: linkVersion, asOf: assessed.asOf).map { "> \($0)\n\n" } ?? ""
        switch request.path {
        case "/assess/result.md":
            // The reproduce link keeps the distribution the file was priced on (it opened a verdict on averages).
            let text = Exports.verdictMarkdown(assessed, answers: described, engine: engine, library: library,
                                               origin: base, shareQuery: links.shareQuery(answers, knowledge: knowledge)
                                                   + (usage.map { "&usage=" + $0.encoded } ?? ""))
            return Exports.markdown(notice + text, filename: "haiku-verdict.md")
        case "/assess/result.madr.md":
            let record = DecisionRecord(assessment: assessed, answers: described, engine: engine,
                                        library: library, links: links, usage: usage)
            // After the record's front matter, which must open the file to parse as one.
            var text = record.markdown()
            if !notice.isEmpty, text.hasPrefix("---\n"), let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) {
                text.insert(contentsOf: "\n" + notice, at: close.upperBound)
            } else {
                text = notice + text
            }
            return Exports.markdown(text, filename: "decision-record.md")
        case "/assess/result.eval.py":
            guard let plan = EvaluationExport(assessment: assessed, answers: described, engine: engine,
                                              library: library, links: links) else { return noPlan() }
            return Exports.download(plan.python(), type: "text/x-python; charset=utf-8", filename: "haiku_eval.py")
        case "/assess/result.samples.jsonl":
            guard let plan = EvaluationExport(assessment: assessed, answers: described, engine: engine,
                                              library: library, links: links) else { return noPlan() }
            return Exports.download(plan.samplesTemplate(), type: "application/jsonl; charset=utf-8", filename: "samples.jsonl")
        default:  // /assess/result.csv
            return Exports.csv(verdictCostsCSV(assessed, answers: answers), filename: "haiku-verdict-costs.csv")
        }
    }

    /// `/calculator.md` and `/calculator.csv`: the cost table, marked as the calculator's page marks it. The verdict is
    /// worked out only for a page opened from one; otherwise the costs alone.
    private func calculatorExport(_ path: String, answers: Answers, fromVerdict: Bool) -> Response {
        let assessment = fromVerdict ? engine.assess(answers) : nil
        if path == "/calculator.md" {
            let costs = assessment?.costs ?? engine.costs(answers)
            // The page's ★ and, from a verdict, its sentence: the file says which row the page pointed at.
            let verdict = assessment.map { VerdictMark($0, answers: answers, library: library) }
            let mark = verdict.map { (model: $0.model, label: $0.label) }
                ?? CostChart.cheapestMark(costs, answers: answers, knowledge: knowledge).map { (model: $0.model, label: $0.label) }
            let text = "# Monthly cost: \(ResultView.workloadSummary(answers))\n\n"
                + (verdict.map { "\($0.sentence)\n\n" } ?? "")
                + Exports.costsMarkdown(costs, answers: answers, marked: mark?.model, label: mark?.label ?? "")
            return Exports.markdown(text, filename: "haiku-costs.md")
        }
        if let assessment { return Exports.csv(verdictCostsCSV(assessment, answers: answers), filename: "haiku-costs.csv") }
        let costs = engine.costs(answers)
        let cheapest = CostChart.cheapestMark(costs, answers: answers, knowledge: knowledge)
        return Exports.csv(Exports.costsCSV(costs, answers: answers, recommended: nil,
                                            roles: cheapest.map { [$0.model: "cheapest"] } ?? [:]),
                           filename: "haiku-costs.csv")
    }

    /// A verdict's cost table as CSV, each row's role in it named (recommended, escalation, runner-up).
    private func verdictCostsCSV(_ assessment: Assessment, answers: Answers) -> String {
        var roles: [String: String] = [:]
        if let runner = assessment.decision.runner_up?.model { roles[runner] = "runner-up" }
        if let escalation = assessment.decision.combined?.escalation_model { roles[escalation] = "escalation" }
        if let recommended = assessment.recommendedModel {
            roles[recommended] = "recommended"
        } else {
            // No model can take the workload: the one named for the figures, as the page names it.
            roles[assessment.primaryModel] = assessment.primaryModelBasis == .nothing_fits ? "roomiest" : "closest"
        }
        return Exports.costsCSV(assessment.costs, answers: answers, recommended: assessment.recommendedModel,
                                roles: roles, planMonthly: assessment.decision.combined?.monthly_usd,
                                escalated: assessment.decision.combined.flatMap { c in
                                    c.escalated_effort.map { (c.escalation_model, $0) } })
    }

    /// Content without `engine.evaluation` offers no plan: say why instead of guessing the statistics.
    private func noPlan() -> Response {
        .text("This content gives no evaluation settings (criteria/_index.md, engine.evaluation), so there is no plan to export.\n", status: 404)
    }
}

/// A model as `/api/models` lists it: its typed front matter, its lifecycle today, its sources and its page.
struct ModelDocument: Encodable {
    let slug: String
    let title: String
    let url: String
    let summary: String
    let model: ModelSpec
    let status: ModelStatus?
    let pricesChecked: String?
    let sources: [Source]
    /// The day `status` and `prices` are read on.
    let today: Int

    init?(_ page: Page, knowledge: Knowledge) {
        guard let model = page.frontMatter.model else { return nil }
        slug = page.slug
        title = page.title
        url = page.url
        summary = page.summary
        self.model = model
        status = knowledge.status(of: page.slug, on: knowledge.today)
        today = knowledge.today
        pricesChecked = knowledge.pricesChecked(of: page.slug)
        sources = page.frontMatter.sources ?? []
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, url, summary, provider, family, api_id, released, lifecycle, status, hosting, prices, prices_next
        case self_hosting, tokenizer, context_window, max_input, max_output, batch_max_output, output_segment, fastest_output_tokens_per_second, rate_limits
        case latency, benchmarks, access, task_fit
        case prices_checked, sources
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(slug, forKey: .slug)
        try c.encode(title, forKey: .title)
        try c.encode(url, forKey: .url)
        try c.encode(summary, forKey: .summary)
        try c.encode(model.provider, forKey: .provider)
        try c.encode(model.family, forKey: .family)
        try c.encode(model.api_id, forKey: .api_id)
        try c.encode(model.released, forKey: .released)
        try c.encode(model.lifecycle, forKey: .lifecycle)
        try c.encode(status, forKey: .status)
        try c.encode(model.hosting, forKey: .hosting)
        // The prices in force today, as `status` is today's; a change the page announces is `prices_next`.
        let day = CivilDate.text(today)
        try c.encodeIfPresent(model.prices?.inForce(on: day), forKey: .prices)
        try c.encodeIfPresent(model.prices?.next(after: day).map { next in
            var announced = next
            announced.previous = nil
            return announced
        }, forKey: .prices_next)
        try c.encodeIfPresent(model.self_hosting, forKey: .self_hosting)
        try c.encode(model.tokenizer, forKey: .tokenizer)
        try c.encode(model.context_window, forKey: .context_window)
        try c.encode(model.max_input, forKey: .max_input)
        try c.encode(model.max_output, forKey: .max_output)
        try c.encodeIfPresent(model.batch_max_output, forKey: .batch_max_output)
        try c.encodeIfPresent(model.output_segment, forKey: .output_segment)
        try c.encodeIfPresent(model.fastest_output_tokens_per_second, forKey: .fastest_output_tokens_per_second)
        try c.encode(model.rate_limits, forKey: .rate_limits)
        try c.encode(model.latency ?? [], forKey: .latency)
        try c.encode(model.benchmarks ?? [:], forKey: .benchmarks)
        try c.encode(model.access, forKey: .access)
        try c.encode(model.task_fit, forKey: .task_fit)
        try c.encode(pricesChecked, forKey: .prices_checked)
        try c.encode(sources, forKey: .sources)
    }
}
