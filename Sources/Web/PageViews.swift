import Advisor
import Content

/// Builds the template contexts of content pages: the rendered body, its outline, and the typed front matter
/// laid out as facts with their sources (plain cmark has no tables, so figures are rendered here).
struct PageViews {
    let library: ContentLibrary

    func context(for page: Page) -> [String: Any] {
        let sources = page.frontMatter.sources ?? []
        let sourceByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var facts = FactTable(sources: sourceByID)
        var lists: [[String: Any]] = []
        var link: [String: Any]?

        if let model = page.frontMatter.model {
            describe(model, into: &facts, lists: &lists)
        }
        if let failure = page.frontMatter.failure_mode {
            facts.add("Severity", failure.severity.capitalized)
            facts.add("How often", failure.frequency)
            facts.add("Impact", failure.impact)
            lists.append(list("How to detect it", failure.detect.map { ["text": "\($0.metric): act when \($0.threshold)"] }))
            lists.append(list("Mitigation, step by step", failure.mitigation.map { ["text": $0] }))
            lists.append(list("Models it is documented for", failure.models.map { slug in
                ["text": library.page(.models, slug)?.title ?? slug, "url": "/models/\(slug)"]
            }))
        }
        if let resource = page.frontMatter.resource {
            facts.add("Kind", resource.kind.replacingOccurrences(of: "_", with: " ").capitalized)
            facts.add("Publisher", resource.publisher)
            if let url = resource.url { link = ["url": url, "label": url] }
        }
        if let criterion = page.frontMatter.criterion {
            if let question = criterion.question {
                facts.add("Question", question.text)
                facts.add("Answer id", question.id)
                if let options = question.options {
                    facts.add("Choices", options.map(\.label).joined(separator: " · "))
                } else if let min = question.min, let max = question.max {
                    facts.add("Range", "\(Format.number(min)) to \(Format.number(max))\(question.unit.map { " \($0)" } ?? "")")
                }
                facts.add("Default", ConditionText.value(question.default))
            }
            lists.append(list("How the engine applies it", criterion.rules.map { rule in
                var text = "When \(ConditionText.describe(rule.when)): \(Format.signed(rule.effect)) points. \(rule.text)"
                if let decide = rule.decide { text += " Decides the verdict on its own: \(decide.replacingOccurrences(of: "_", with: " "))." }
                return ["text": text]
            }))
        }

        return [
            "page_title": page.title,
            "summary": page.summary,
            "section_title": page.section.title,
            "section_url": "/\(page.section.rawValue)/",
            "html": page.html,
            "toc": page.headings.filter { $0.level <= 3 }.map { ["text": $0.text, "anchor": $0.anchor, "sub": $0.level == 3] },
            "has_toc": page.headings.count >= 3,
            "tags": page.tags,
            "updated": page.frontMatter.updated,
            "facts": facts.rows,
            "has_facts": !facts.rows.isEmpty,
            "lists": lists.filter { !(($0["items"] as? [Any])?.isEmpty ?? true) },
            "link": link as Any,
            "sources": sources.map { source in
                ["title": source.title, "url": source.url, "checked": source.checked, "note": source.note ?? ""]
            },
            "has_sources": !sources.isEmpty,
            "is_model": page.section == .models,
            "slug": page.slug,
        ]
    }

    private func describe(_ model: ModelSpec, into facts: inout FactTable, lists: inout [[String: Any]]) {
        facts.add("Provider", model.provider)
        facts.add("Released", model.released.value, figure: model.released)
        if let prices = model.prices {
            facts.add("Input", "\(Format.usd(prices.input.value)) per million tokens", figure: prices.input)
            facts.add("Output", "\(Format.usd(prices.output.value)) per million tokens", figure: prices.output)
            if let read = prices.cache_read { facts.add("Cached input (read)", "\(Format.usd(read.value)) per million tokens", figure: read) }
            if let write = prices.cache_write { facts.add("Cache write", "\(Format.usd(write.value)) per million tokens", figure: write) }
            if let batch = prices.batch_discount { facts.add("Batch discount", "\(Format.percent(batch.value)) off", figure: batch) }
        }
        if let hosting = model.self_hosting {
            facts.add("GPU hour", Format.usd(hosting.gpu_hour_usd.value), figure: hosting.gpu_hour_usd)
            facts.add("Throughput per GPU", "\(Format.count(hosting.tokens_per_second.value)) tokens/s", figure: hosting.tokens_per_second)
            facts.add("Always-on GPUs", Format.number(hosting.min_gpus.value), figure: hosting.min_gpus)
            facts.add("Operations time", "\(Format.number(hosting.ops_hours_per_month.value)) hours a month", figure: hosting.ops_hours_per_month)
        }
        facts.add("Context window", "\(Format.count(model.context_window.value)) tokens", figure: model.context_window)
        for latency in model.latency ?? [] {
            let range = latency.ms_high.map { "\(Format.count(latency.ms))–\(Format.count($0)) ms" } ?? "\(Format.count(latency.ms)) ms"
            facts.add("Latency (\(latency.percentile))", "\(range), \(latency.conditions)", sourceID: latency.source, asOf: latency.as_of)
        }
        for (name, score) in (model.benchmarks ?? [:]).sorted(by: { $0.key < $1.key }) {
            facts.add(name.replacingOccurrences(of: "_", with: " ").capitalized.replacingOccurrences(of: "Swe", with: "SWE"),
                      "\(Format.number(score.value)) %", figure: score)
        }
        facts.add("Access", model.access.map(AccessChannel.label).joined(separator: ", "))
        lists.append(list("Fit by task type", model.task_fit.sorted { $0.key < $1.key }.map { task, fit in
            ["text": "\(task.replacingOccurrences(of: "_", with: " ")): \(fit.fit)"]
        }))
    }

    private func list(_ heading: String, _ items: [[String: Any]]) -> [String: Any] {
        ["heading": heading, "items": items]
    }
}

/// Rows of label, value and the source behind the value.
struct FactTable {
    let sources: [String: Source]
    private(set) var rows: [[String: Any]] = []

    init(sources: [String: Source]) {
        self.sources = sources
    }

    mutating func add(_ label: String, _ value: String) {
        rows.append(["label": label, "value": value])
    }

    mutating func add<V>(_ label: String, _ value: String, figure: Figure<V>) {
        add(label, value, sourceID: figure.source, asOf: figure.as_of, derived: figure.derived, note: figure.note)
    }

    mutating func add(_ label: String, _ value: String, sourceID: String, asOf: String?, derived: String? = nil, note: String? = nil) {
        var row: [String: Any] = ["label": label, "value": value]
        if let source = sources[sourceID] {
            row["source"] = ["title": source.title, "url": source.url, "checked": source.checked]
        }
        if let asOf { row["as_of"] = asOf }
        if let derived { row["derived"] = derived }
        if let note { row["note"] = note }
        rows.append(row)
    }
}

enum AccessChannel {
    static func label(_ channel: String) -> String {
        switch channel {
        case "anthropic_api": "Anthropic API"
        case "bedrock": "Amazon Bedrock"
        case "vertex": "Google Vertex AI"
        case "web_app": "Claude.ai web app"
        case "openai_api": "OpenAI API"
        case "google_ai": "Google AI Studio / Gemini API"
        case "mistral_api": "Mistral API"
        case "cohere_api": "Cohere API"
        case "self_hosted": "Self-hosted"
        default: channel
        }
    }
}

/// Conditions in words, for the criteria pages.
enum ConditionText {
    static func describe(_ condition: Condition) -> String {
        if let all = condition.all { return all.map(describe).joined(separator: " and ") }
        if let any = condition.any { return "(" + any.map(describe).joined(separator: " or ") + ")" }
        let answer = condition.answer ?? "?"
        var parts: [String] = []
        if let expected = condition.is { parts.append("\(answer) is \(value(expected))") }
        if let values = condition.in { parts.append("\(answer) is one of \(values.map(value).joined(separator: ", "))") }
        if let values = condition.not_in { parts.append("\(answer) is not \(values.map(value).joined(separator: " or "))") }
        if let bound = condition.at_least { parts.append("\(answer) ≥ \(Format.number(bound))") }
        if let bound = condition.above { parts.append("\(answer) > \(Format.number(bound))") }
        if let bound = condition.at_most { parts.append("\(answer) ≤ \(Format.number(bound))") }
        if let bound = condition.below { parts.append("\(answer) < \(Format.number(bound))") }
        return parts.joined(separator: " and ")
    }

    static func value(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): Format.number(number)
        case .bool(let flag): flag ? "yes" : "no"
        }
    }
}

extension Format {
    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + number(value) }
}
