import Advisor
import Content

/// The decision engine's pages and API: `/assess`, `/assess/result`, `/calculator`, `/compare`, `/api/assess`,
/// `/api/models`, `/api/questionnaire`. Every one goes through the same `Engine`.
public struct AdvisorViews: Sendable {
    public let engine: Engine
    let library: ContentLibrary
    let templates: Templates

    static let routes: Set<String> = ["/assess", "/assess/result", "/calculator", "/compare", "/api/assess",
                                      "/api/models", "/api/questionnaire", "/api/openapi.json"]

    /// Prebuilt for the bare path only: a query string prefills the questionnaire.
    static let queryDependent: Set<String> = ["/assess"]

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

    func respond(to request: Request) throws(HTTPError) -> Response? {
        switch request.path {
        case "/assess": return assessPage(values: QuestionnaireForm.values(of: request.query), error: nil, status: 200)
        case "/assess/result": return result(request)
        case "/calculator": return calculator(request)
        case "/compare": return compare(request)
        case "/api/assess": return try apiAssess(request)
        default: return nil
        }
    }

    // MARK: - API

    private func apiAssess(_ request: Request) throws(HTTPError) -> Response {
        let answers: Answers
        do {
            if request.method == "POST" {
                answers = try knowledge.answers(fromJSON: request.body)
            } else {
                answers = try knowledge.answers(fromQuery: request.query)
            }
        } catch {
            throw HTTPError(400, code: error.code, error.message, field: error.field)
        }
        return JSON.response(engine.assess(answers))
    }

    // MARK: - Pages

    func assessPage(values: [String: String], error: AnswerError?, status: Int) -> Response {
        let context: [String: Any] = [
            "fields": form.fields(values: values, error: error),
            "form_error": error.map(Self.summary) ?? "",
        ]
        return .html(templates.page("assess", title: "Should this workload run on Haiku?", context: context,
                                    activeSection: "assess"), status: status)
    }

    /// One line above the form; the full message also stands beside the field.
    static func summary(_ error: AnswerError) -> String {
        guard let field = error.field else { return error.message }
        return "Please check “\(field.replacingOccurrences(of: "_", with: " "))”: \(error.message)"
    }

    private func result(_ request: Request) -> Response {
        let answers: Answers
        do {
            answers = try knowledge.answers(fromQuery: request.query)
        } catch {
            return assessPage(values: QuestionnaireForm.values(of: request.query), error: error, status: 400)
        }
        let assessment = engine.assess(answers)
        let context = ResultView(knowledge: knowledge, library: library).context(assessment, answers: answers)
            .merging(["fields": form.fields(values: QuestionnaireForm.values(of: answers), error: nil)]) { a, _ in a }
        return .html(templates.page("result", title: "Verdict: \(ResultView.verdictLabel(assessment.verdict))",
                                    context: context, activeSection: "assess"))
    }

    /// The questions that price a workload; the rest keep their defaults.
    static let costQuestions: Set<AnswerID> = [.monthlyRequests, .avgInputTokens, .avgOutputTokens, .cachedInputShare,
                                               .latency, .developerHourlyUSD, .tokensCountedWith, .asOf]

    private func calculator(_ request: Request) -> Response {
        var error: AnswerError?
        var answers = knowledge.defaultAnswers
        do {
            answers = try knowledge.answers(fromQuery: request.query)
        } catch let failure {
            error = failure
        }
        let values = error == nil ? QuestionnaireForm.values(of: answers) : QuestionnaireForm.values(of: request.query)
        var context: [String: Any] = [
            "fields": form.fields(values: values, error: error, only: Self.costQuestions),
            "form_error": error.map(Self.summary) ?? "",
        ]
        if error == nil {
            let costs = engine.costs(answers)
            context.merge(CostTable(library: library).context(costs, answers: answers)) { a, _ in a }
            context["workload"] = ResultView.workloadSummary(answers)
        }
        return .html(templates.page("calculator", title: "Cost calculator", context: context, activeSection: "calculator"),
                     status: error == nil ? 200 : 400)
    }

    private func compare(_ request: Request) -> Response {
        let models = library.pages(in: .models)
        let defaults = knowledge.settings.compare_models
        let haiku = knowledge.settings.haiku_models[0], escalation = knowledge.settings.escalation_models[0]
        var chosen: [String] = []
        var error = ""
        let requested = request.query.filter { $0.0 == "models" || $0.0 == "model" }
            .flatMap { $0.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        for slug in requested where !chosen.contains(slug) {
            if models.contains(where: { $0.slug == slug }) {
                chosen.append(slug)
            } else {
                error = "There is no model `\(slug)`. Choose from the list below."
            }
        }
        if chosen.count > 8 { error = "Compare at most eight models at once."; chosen = Array(chosen.prefix(8)) }
        if requested.isEmpty { chosen = defaults.filter { slug in models.contains { $0.slug == slug } } }
        if chosen.count == 1 {
            // One model alone compares with nothing: set it beside the default Haiku.
            chosen.append(chosen[0] == haiku ? escalation : haiku)
        }
        var context = CompareView(library: library, engine: engine).context(chosen)
        context["form_error"] = error
        let today = knowledge.today
        context["choices"] = models.map { page -> [String: Any] in
            ["slug": page.slug, "title": page.title, "checked": chosen.contains(page.slug),
             "badge": LifecycleText.badge(knowledge.status(of: page.slug, on: today), library: library)]
        }
        return .html(templates.page("compare", title: "Compare models", context: context, activeSection: "compare"),
                     status: error.isEmpty ? 200 : 400)
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

    init?(_ page: Page, knowledge: Knowledge) {
        guard let model = page.frontMatter.model else { return nil }
        slug = page.slug
        title = page.title
        url = page.url
        summary = page.summary
        self.model = model
        status = knowledge.status(of: page.slug, on: knowledge.today)
        pricesChecked = knowledge.pricesChecked(of: page.slug)
        sources = page.frontMatter.sources ?? []
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, url, summary, provider, family, api_id, released, lifecycle, status, hosting, prices
        case self_hosting, tokenizer, context_window, max_output, rate_limits, latency, benchmarks, access, task_fit
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
        try c.encodeIfPresent(model.prices, forKey: .prices)
        try c.encodeIfPresent(model.self_hosting, forKey: .self_hosting)
        try c.encode(model.tokenizer, forKey: .tokenizer)
        try c.encode(model.context_window, forKey: .context_window)
        try c.encode(model.max_output, forKey: .max_output)
        try c.encode(model.rate_limits, forKey: .rate_limits)
        try c.encode(model.latency ?? [], forKey: .latency)
        try c.encode(model.benchmarks ?? [:], forKey: .benchmarks)
        try c.encode(model.access, forKey: .access)
        try c.encode(model.task_fit, forKey: .task_fit)
        try c.encode(pricesChecked, forKey: .prices_checked)
        try c.encode(sources, forKey: .sources)
    }
}
