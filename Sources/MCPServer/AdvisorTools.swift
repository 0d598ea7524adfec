import Advisor
import Content
import Foundation
import MCP
import Scan
import Search
import Usage
import Web

/// The MCP tools: what each one takes (its JSON Schema) and what it answers. Every answer is a text for the model
/// to read plus the same document the web API returns as `structuredContent`. A bad argument is a tool error
/// (`isError: true`) whose text names the argument, so the model can correct itself.
struct AdvisorTools: Sendable {
    let library: ContentLibrary
    let knowledge: Knowledge
    let engine: Engine
    let index: SearchIndex
    let catalog: ModelCatalog
    /// The web app's address, for links out (`haiku-advisor serve` on its default port unless told otherwise).
    let site: String

    /// A tool's mistake about its input, reported to the model.
    struct ArgumentError: Error {
        let message: String
    }

    // MARK: - Declarations

    var tools: [Tool] {
        let asOf = knowledge.question(.asOf)
        let readOnly = Tool.Annotations(readOnlyHint: true, openWorldHint: false)
        return [
            Tool(name: "assess",
                 description: "Should this workload run on Claude Haiku, and if not, on what? Takes the questionnaire's "
                    + "answers (all optional: a missing one takes its default and is reported as assumed) and returns "
                    + "the verdict, the fit score, the reasons, warnings, the monthly cost on every model, what answer "
                    + "would change the verdict, and a link to the result page. With usage_file, the workload is "
                    + "read from a usage export and every request priced on its own; the answers given still win.",
                 inputSchema: ToolSchema.answers(knowledge.questionnaire, extra: [
                    "usage_file": .object(["type": "string", "minLength": 1,
                                           "description": .string("A usage export on this machine, relative to the server's "
                                            + "working folder: Anthropic's usage report or OpenAI's usage API (JSON), "
                                            + "OTLP/JSON GenAI spans, or a CSV (at most \(UsageFile.maxBytes / 1024 / 1024) MiB). "
                                            + "It fills the answers left out, as `haiku-advisor assess --usage` does.")]),
                 ]), annotations: readOnly),
            Tool(name: "price",
                 description: "The monthly cost of a workload on every model, cheapest first, with the rates and "
                    + "rules used (tokenizer, long-context band, caching, batch). Takes the questions that price a workload.",
                 inputSchema: ToolSchema.answers(priceQuestions), annotations: readOnly),
            Tool(name: "search",
                 description: "Full-text search over the knowledge base (models, failure modes, guides, resources, "
                    + "criteria): pages with their best sections and snippets.",
                 inputSchema: .object([
                    "type": "object", "required": ["query"], "additionalProperties": false,
                    "properties": .object([
                        "query": .object(["type": "string", "minLength": 1, "description": "What to look for."]),
                        "section": .object(["type": "string", "enum": .array(Section.allCases.map { .string($0.rawValue) }),
                                            "description": "Only this section."]),
                        "limit": .object(["type": "integer", "minimum": 1, "maximum": 50, "default": 10,
                                          "description": "At most this many pages."]),
                    ]),
                 ]), annotations: readOnly),
            Tool(name: "get_page",
                 description: "One page of the knowledge base as Markdown: title, summary, the figures of its front "
                    + "matter as a table, the body, and its sources with URLs.",
                 inputSchema: .object([
                    "type": "object", "required": ["page"], "additionalProperties": false,
                    "properties": .object([
                        "page": .object(["type": "string", "pattern": "^/?[a-z-]+/[a-z0-9-]+(\\.md)?$",
                                         "description": "The page's address, as search and list_models give it: /models/claude-haiku-5-5."]),
                    ]),
                 ]), annotations: readOnly),
            Tool(name: "list_models",
                 description: "Every model with its provider, API id, list prices and lifecycle (active, legacy, "
                    + "deprecated, retired) on a day, with retirement dates and replacements.",
                 inputSchema: ToolSchema.answers([asOf]), annotations: readOnly),
            Tool(name: "scan",
                 description: "Find model ids in files and folders on this machine (as haiku-advisor scan does: "
                    + ".gitignore honoured, binaries and files over 1 MiB skipped) and report each model's lifecycle "
                    + "on a day: retired, deprecated, legacy or active, with the replacement and the migration guide.",
                 inputSchema: ToolSchema.answers([asOf], extra: [
                    "paths": .object(["type": "array", "items": .object(["type": "string", "minLength": 1]), "minItems": 1,
                                      "description": "Files or folders, relative to the server's working folder."]),
                    "fail_on": .object(["type": "string", "enum": .array(ScanPolicy.failOnChoices.map { .string($0.rawValue) }),
                                        "default": "retired", "description": "The least serious state counted as failing."]),
                    "within": .object(["type": "integer", "minimum": 0,
                                       "description": "Also count as failing a model that retires within this many days."]),
                 ]), annotations: readOnly),
        ]
    }

    /// The questions that price a workload (the calculator's).
    var priceQuestions: [Question] {
        knowledge.questionnaire.filter { AdvisorViews.costQuestions.contains($0.id) }
    }

    // MARK: - Calls

    func call(_ name: String, _ arguments: [String: Value]) throws -> CallTool.Result {
        do {
            switch name {
            case "assess": return try assess(arguments)
            case "price": return try price(arguments)
            case "search": return try search(arguments)
            case "get_page": return try getPage(arguments)
            case "list_models": return try listModels(arguments)
            case "scan": return try scan(arguments)
            default: throw MCPError.invalidParams("unknown tool '\(name)'; the tools are assess, price, search, get_page, list_models, scan")
            }
        } catch let error as ArgumentError {
            return CallTool.Result(content: [.text(text: error.message, annotations: nil, _meta: nil)], isError: true)
        }
    }

    private func assess(_ arguments: [String: Value]) throws -> CallTool.Result {
        if let path = arguments["usage_file"] { return try assessUsage(path, arguments) }
        let answers = try self.answers(arguments)
        let assessment = engine.assess(answers)
        return try result(assessmentLines(assessment, answers: answers, carry: ""), assessment)
    }

    /// `assess` with `usage_file`: the import fills the answers left out and the distribution is priced request by
    /// request; the text starts with what was imported, and the document is `assess --usage --json`'s.
    private func assessUsage(_ path: Value, _ arguments: [String: Value]) throws -> CallTool.Result {
        guard let path = path.stringValue, !path.isEmpty else { throw ArgumentError(message: "usage_file: a path to a usage export") }
        var rest = arguments
        rest["usage_file"] = nil
        let given = try answers(rest, usageFile: true)
        let imported: UsageImport
        do {
            imported = try UsageImport.load(UsageFile.contents(atPath: path), given: given, catalog: catalog, knowledge: knowledge)
        } catch {
            throw ArgumentError(message: "usage_file: \(path) (in \(FileManager.default.currentDirectoryPath)): \(error.description)")
        }
        guard let profile = imported.profile else {
            throw ArgumentError(message: "usage_file: \(path): \(imported.summary.requests_note ?? "no requests to price")"
                                + " (give monthly_requests as well)")
        }
        let answers: Answers
        do {
            answers = try imported.filling(given, knowledge: knowledge)
        } catch {
            throw ArgumentError(message: error.description)
        }
        let (assessment, comparison) = engine.assess(answers, usage: profile, currentModel: imported.currentModel,
                                                     alsoInUse: imported.modelShares)
        let lines = [UsageText.render(imported.summary, comparison: comparison), ""]
            + assessmentLines(assessment, answers: answers, carry: "usage=" + profile.encoded)
        return try result(lines, UsageAssessmentDocument(assessment: assessment, summary: imported.summary, comparison: comparison))
    }

    /// The assessment as text for the model; `carry` is a query parameter the result link keeps (the distribution).
    private func assessmentLines(_ assessment: Assessment, answers: Answers, carry: String) -> [String] {
        var lines = ["Verdict: \(assessment.verdict.rawValue) (Haiku fit \(Int(assessment.score.rounded()))/100, "
                     + "as of \(assessment.asOf))",
                     "Primary model: \(assessment.named(assessment.primaryModel))"
                        + assessment.alternativesClause(knowledge: knowledge)]
        if let sentence = assessment.noModelCanTakeIt { lines.append(sentence) }
        // A cheaper model in the cost lines below that the verdict could not use says why (decision.passed_over).
        lines += assessment.decision.passed_over.map {
            "Cheaper, passed over: \($0.model) at \(Format.money($0.monthly_usd)) a month: \($0.reason) [\($0.url)]"
        }
        lines.append("Reasons:")
        lines += assessment.reasons.map { "- \(Format.signed($0.effect)) \($0.text) [\($0.url)]" }
        if !assessment.warnings.isEmpty {
            lines.append("Warnings:")
            lines += assessment.warnings.map { "- \($0.title): \($0.text) [\($0.url)]" }
        }
        lines.append("Monthly cost (usable models, cheapest first; all of them in structuredContent.costs):")
        lines += costLines(assessment.costs.prefix(8).filter { $0.fits && $0.status.state != .retired && $0.status.state != .unreleased }[...])
        if !assessment.whatWouldChange.isEmpty {
            lines.append("What would change the verdict:")
            lines += assessment.whatWouldChange.map { "- \($0.answer.name) = \($0.to.text) gives \($0.verdict.rawValue)" }
        }
        if !assessment.assumptions.isEmpty {
            lines.append("Assumed (defaults): " + assessment.assumptions.map { "\($0.answer.name)=\($0.value.text)" }.joined(separator: ", "))
        }
        let link = query(answers)
        lines.append("Result page: \(site)/assess/result" + link + (carry.isEmpty ? "" : (link.isEmpty ? "?" : "&") + carry))
        return lines
    }

    private func price(_ arguments: [String: Value]) throws -> CallTool.Result {
        let allowed = Set(priceQuestions.map(\.id.name))
        if let other = arguments.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw ArgumentError(message: "\(other): price takes only \(allowed.sorted().joined(separator: ", ")); use assess for the other answers")
        }
        let answers = try self.answers(arguments)
        let costs = engine.costs(answers)
        let lines = ["Monthly cost on every model: the usable ones cheapest first, then retired or unreleased ones, "
                     + "then those that cannot hold the request:"] + costLines(costs[...])
            + ["Calculator: \(site)/calculator" + query(answers)]
        return try result(lines, ["costs": costs])
    }

    private func search(_ arguments: [String: Value]) throws -> CallTool.Result {
        try expectOnly(["query", "section", "limit"], in: arguments)
        guard let text = arguments["query"]?.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ArgumentError(message: "query: a non-empty string is required")
        }
        var section: Section?
        if let value = arguments["section"] {
            guard let name = value.stringValue, let parsed = Section(rawValue: name) else {
                throw ArgumentError(message: "section: one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            section = parsed
        }
        let limit = try integer(arguments["limit"], "limit", in: 1...50) ?? 10
        let results = try index.search(SearchQuery(text: text, section: section, limit: limit, day: knowledge.today))
        var lines = ["\(results.total) page(s) for \"\(text)\"" + (results.suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")]
        for hit in results.hits {
            lines.append("- \(hit.title)\(hit.sectionTitle.map { " > \($0)" } ?? "") \(hit.url): "
                         + hit.snippet.rendered(open: "", close: "") { $0 })
        }
        return try result(lines, SearchDocument(query: text, results: results))
    }

    private func getPage(_ arguments: [String: Value]) throws -> CallTool.Result {
        try expectOnly(["page"], in: arguments)
        guard let address = arguments["page"]?.stringValue else {
            throw ArgumentError(message: "page: the page's address is required, e.g. /models/claude-haiku-5-5")
        }
        guard let page = page(at: address) else {
            throw ArgumentError(message: "page: no page at '\(address)'; addresses look like /models/claude-haiku-5-5 (search or list_models give them)")
        }
        return CallTool.Result(content: [.text(text: PageMarkdown.render(page), annotations: nil, _meta: nil)])
    }

    private func listModels(_ arguments: [String: Value]) throws -> CallTool.Result {
        try expectOnly(["as_of"], in: arguments)
        let day = try self.day(arguments)
        var models: [ModelRow] = []
        for page in library.pages(in: .models) {
            guard let spec = page.frontMatter.model, let status = knowledge.status(of: page.slug, on: day) else { continue }
            let prices = spec.prices?.inForce(on: CivilDate.text(day))
            models.append(ModelRow(slug: page.slug, title: page.title, url: page.url, provider: spec.provider,
                                   api_id: spec.api_id, status: status, input_per_mtok: prices?.input.value,
                                   output_per_mtok: prices?.output.value))
        }
        let lines = ["Models on \(CivilDate.text(day)):"] + models.map { model in
            "- \(model.title) (\(model.provider)\(model.api_id.map { ", \($0)" } ?? "")): \(lifecycle(model.status))"
                + (model.input_per_mtok.map { "; \(Format.usd($0)) in" } ?? "")
                + (model.output_per_mtok.map { " / \(Format.usd($0)) out per million tokens" } ?? "")
                + " [\(model.url)]"
        }
        return try result(lines, ModelList(as_of: CivilDate.text(day), models: models))
    }

    private func scan(_ arguments: [String: Value]) throws -> CallTool.Result {
        try expectOnly(["paths", "as_of", "fail_on", "within"], in: arguments)
        guard let list = arguments["paths"]?.arrayValue, !list.isEmpty else {
            throw ArgumentError(message: "paths: a list of files or folders is required, e.g. [\".\"]")
        }
        let paths = try list.map { value -> String in
            guard let path = value.stringValue, !path.isEmpty else { throw ArgumentError(message: "paths: every item must be a path") }
            return path
        }
        var failOn = LifecycleState.retired
        if let value = arguments["fail_on"] {
            guard let name = value.stringValue, let state = LifecycleState(rawValue: name),
                  ScanPolicy.failOnChoices.contains(state) else {
                throw ArgumentError(message: "fail_on: one of retired, deprecated, legacy")
            }
            failOn = state
        }
        let within = try integer(arguments["within"], "within", in: 0...100_000)
        let day = try day(arguments)
        let report: ScanReport
        do {
            report = try catalog.scan(paths, on: day, policy: ScanPolicy(failOn: failOn, withinDays: within))
        } catch {
            throw ArgumentError(message: "paths: \(error.description)")
        }
        return try result([ScanText.render(report)], report)
    }

    // MARK: - Arguments

    /// The tool's arguments as questionnaire answers, through the engine's own validation.
    private func answers(_ arguments: [String: Value], usageFile: Bool = false) throws -> Answers {
        let bytes = [UInt8](try JSONEncoder().encode(Value.object(arguments)))
        do {
            return try knowledge.answers(fromJSON: bytes, usageFile: usageFile)
        } catch {
            throw ArgumentError(message: error.description)
        }
    }

    private func day(_ arguments: [String: Value]) throws -> Int {
        guard let value = arguments["as_of"] else { return knowledge.today }
        guard let text = value.stringValue else { throw ArgumentError(message: "as_of: a date YYYY-MM-DD or today") }
        if text == "today" { return knowledge.today }
        guard let day = CivilDate.day(text) else { throw ArgumentError(message: "as_of: '\(text)' is not a date YYYY-MM-DD") }
        return day
    }

    private func integer(_ value: Value?, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value else { return nil }
        guard let n = value.intValue ?? value.doubleValue.flatMap({ $0.rounded() == $0 ? Int(exactly: $0) : nil }),
              range.contains(n) else {
            throw ArgumentError(message: "\(name): a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    private func expectOnly(_ names: Set<String>, in arguments: [String: Value]) throws {
        if let other = arguments.keys.sorted().first(where: { !names.contains($0) }) {
            throw ArgumentError(message: "\(other): not an argument of this tool (it takes \(names.sorted().joined(separator: ", ")))")
        }
    }

    // MARK: - Results

    func page(at address: String) -> Page? {
        var path = address.hasPrefix("/") ? String(address.dropFirst()) : address
        if path.hasSuffix(".md") { path.removeLast(3) }
        let parts = path.split(separator: "/")
        guard parts.count == 2, let section = Section(rawValue: String(parts[0])) else { return nil }
        return library.page(section, String(parts[1]))
    }

    /// `retired since 2026-11-30, replacement claude-sonnet-5-5`.
    private func lifecycle(_ status: ModelStatus) -> String {
        var text = status.state.rawValue + (status.state == .unreleased ? " until " : " since ") + status.since
        if status.state != .retired, let retires = status.retires { text += ", retires \(retires)" }
        if let replacement = status.replacement { text += ", replacement \(replacement)" }
        return text
    }

    private func costLines(_ costs: ArraySlice<CostLine>) -> [String] {
        costs.map { line in
            "- \(line.title): \(Format.usd(line.monthly_usd)) a month" + (line.fits ? "" : " (does not fit)")
                + (line.status.state == .active ? ""
                    : " [\(line.status.state.rawValue)" + (line.status.retires.map { ", retires \($0)" } ?? "") + "]")
        }
    }

    private func query(_ answers: Answers) -> String {
        let query = answers.queryString
        return query.isEmpty ? "" : "?" + query
    }

    /// Text for the model and the JSON document as structured content.
    private func result<T: Encodable>(_ lines: [String], _ document: T) throws -> CallTool.Result {
        let data = try JSON.encoder().encode(document)
        let structured: Value? = try JSONDecoder().decode(Value.self, from: data)
        return CallTool.Result(content: [.text(text: lines.joined(separator: "\n"), annotations: nil, _meta: nil)],
                               structuredContent: structured)
    }

    struct ModelRow: Encodable {
        let slug: String
        let title: String
        let url: String
        let provider: String
        let api_id: String?
        let status: ModelStatus
        let input_per_mtok: Double?
        let output_per_mtok: Double?
    }

    /// `list_models`' document.
    struct ModelList: Encodable {
        let as_of: String
        let models: [ModelRow]
    }
}
