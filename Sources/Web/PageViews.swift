import Foundation
import Advisor
import Content

/// Builds the template contexts of content pages: the rendered body, its outline, and the typed front matter
/// laid out as facts with their sources (plain cmark has no tables, so figures are rendered here).
struct PageViews {
    let library: ContentLibrary
    let knowledge: Knowledge

    func context(for page: Page) -> [String: Any] {
        let sources = page.frontMatter.sources ?? []
        let sourceByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var facts = FactTable(sources: sourceByID)
        var lists: [[String: Any]] = []
        var link: [String: Any]?

        var lifecycle: [String: Any] = [:]
        if let model = page.frontMatter.model {
            let today = knowledge.today
            let badge = LifecycleText.badge(knowledge.status(of: page.slug, on: today), library: library)
            lifecycle = ["label": badge.label, "class": badge.cssClass, "text": badge.text]
            lifecycle["as_of"] = CivilDate.text(today)
            lifecycle["checked"] = knowledge.pricesChecked(of: page.slug) ?? ""
            describe(model, into: &facts, lists: &lists)
        }
        if let failure = page.frontMatter.failure_mode {
            facts.add("Severity", failure.severity.rawValue.capitalized)
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
            "has_tags": !page.tags.isEmpty,
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
            "lifecycle": lifecycle.isEmpty ? NSNull() : lifecycle as Any,
            "slug": page.slug,
        ]
    }

    private func describe(_ model: ModelSpec, into facts: inout FactTable, lists: inout [[String: Any]]) {
        facts.add("Provider", model.provider)
        if let id = model.api_id { facts.add("API id", id) }
        facts.add("Released", model.released.value, figure: model.released)
        let life = model.lifecycle
        if let legacy = life.legacy { facts.add("Legacy since", legacy.value, figure: legacy) }
        if let deprecated = life.deprecated { facts.add("Deprecation announced", deprecated.value, figure: deprecated) }
        if let retires = life.retires { facts.add("Retires", retires.value, figure: retires) }
        if let slug = life.replacement {
            facts.add("Replacement", library.page(.models, slug)?.title ?? slug)
        }
        if let note = life.note { facts.add("Lifecycle note", note) }
        func perM(_ value: Double) -> String { "\(Format.usd(value)) per million tokens" }
        if let prices = model.prices {
            facts.add("Input", perM(prices.input.value), figure: prices.input)
            facts.add("Output", perM(prices.output.value), figure: prices.output)
            if let read = prices.cache_read { facts.add("Cached input (read)", perM(read.value), figure: read) }
            if let write = prices.cache_write { facts.add("Cache write (5 minutes)", perM(write.value), figure: write) }
            if let write = prices.cache_write_1h { facts.add("Cache write (1 hour)", perM(write.value), figure: write) }
            if let minimum = prices.cache_min_tokens {
                facts.add("Shortest cacheable prefix", "\(Format.count(minimum.value)) tokens", figure: minimum)
            }
            if let batch = prices.batch_discount {
                let classes = (prices.batch_applies_to ?? TokenClass.allCases).map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
                facts.add("Batch discount", "\(Format.percent(batch.value)) off \(classes.count == 4 ? "every token class" : classes.joined(separator: ", "))",
                          figure: batch)
            }
            if let long = prices.long_context {
                let counted = long.counts.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: " + ")
                facts.add("Long-context threshold", "prompts above \(Format.count(long.threshold.value)) tokens (\(counted))"
                          + (long.whole_request ? "; the whole request at the higher rates" : "; only the tokens above it"),
                          figure: long.threshold)
                facts.add("Long-context input", perM(long.input.value), figure: long.input)
                facts.add("Long-context output", perM(long.output.value), figure: long.output)
                if let read = long.cache_read { facts.add("Long-context cache read", perM(read.value), figure: read) }
                if let write = long.cache_write { facts.add("Long-context cache write (5 minutes)", perM(write.value), figure: write) }
                if let write = long.cache_write_1h { facts.add("Long-context cache write (1 hour)", perM(write.value), figure: write) }
            }
        }
        if let hosting = model.self_hosting {
            facts.add("GPU hour", Format.usd(hosting.gpu_hour_usd.value), figure: hosting.gpu_hour_usd)
            facts.add("Throughput per GPU", "\(Format.count(hosting.tokens_per_second.value)) tokens/s", figure: hosting.tokens_per_second)
            facts.add("Always-on GPUs", Format.number(hosting.min_gpus.value), figure: hosting.min_gpus)
            facts.add("Operations time", "\(Format.number(hosting.ops_hours_per_month.value)) hours a month", figure: hosting.ops_hours_per_month)
        }
        if let ratio = model.tokenizer?.ratio {
            facts.add("Tokens per Haiku 4.5 token", "\(Format.number(ratio.value)) (the same text counts \(Format.number(ratio.value))x the tokens it does on Claude Haiku 4.5)",
                      figure: ratio)
        } else {
            facts.add("Tokens per Haiku 4.5 token", "not published; the calculator assumes 1.0")
        }
        facts.add("Context window", "\(Format.count(model.context_window.value)) tokens", figure: model.context_window)
        if let out = model.max_output { facts.add("Longest output", "\(Format.count(out.value)) tokens", figure: out) }
        for latency in model.latency ?? [] {
            let range = latency.ms_high.map { "\(Format.count(latency.ms))–\(Format.count($0)) ms" } ?? "\(Format.count(latency.ms)) ms"
            facts.add("Latency (\(latency.percentile.rawValue))", "\(range), \(latency.conditions)", sourceID: latency.source, asOf: latency.as_of)
        }
        if (model.latency ?? []).isEmpty { facts.add("Latency", "no source publishes a figure") }
        for (name, score) in (model.benchmarks ?? [:]).sorted(by: { $0.key < $1.key }) {
            facts.add(name.replacingOccurrences(of: "_", with: " ").capitalized.replacingOccurrences(of: "Swe", with: "SWE"),
                      "\(Format.number(score.value)) %", figure: score)
        }
        facts.add("Access", model.access.map(AccessChannelText.label).joined(separator: ", "))
        if let limits = model.rate_limits {
            var items: [[String: Any]] = limits.tiers.map { tier in
                let cap = tier.monthly_spend_cap_usd.map { "; spend up to \(Format.usd($0)) a month" } ?? "; no monthly cap"
                let numbers = "\(Format.count(tier.rpm)) / \(Format.count(tier.itpm)) / \(Format.count(tier.otpm))"
                let text: String = Engine.tierName(tier.tier) + ": " + numbers + cap + ". " + tier.requires
                return ["text": text]
            }
            items.append(["text": limits.cache_reads_count ? "Cached reads count against the input-token limit."
                    : "Cached reads do not count against the input-token limit."])
            lists.append(list("Rate limits by tier (requests / input tokens / output tokens a minute)", items))
        }
        lists.append(list("Fit by task type", model.task_fit.sorted { $0.key < $1.key }.map { task, fit in
            ["text": "\(task.replacingOccurrences(of: "_", with: " ")): \(fit.fit.rawValue)"]
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

enum AccessChannelText {
    static func label(_ channel: AccessChannel) -> String {
        switch channel {
        case .anthropic_api: "Anthropic API"
        case .bedrock: "Amazon Bedrock"
        case .vertex: "Google Vertex AI"
        case .web_app: "Claude.ai web app"
        case .openai_api: "OpenAI API"
        case .google_ai: "Google AI Studio / Gemini API"
        case .mistral_api: "Mistral API"
        case .cohere_api: "Cohere API"
        case .deepseek_api: "DeepSeek API"
        case .hosted_open_weights: "Hosted open weights (third-party inference providers)"
        case .self_hosted: "Self-hosted"
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

/// The models index: a table of every model (provider, lifecycle, prices, context, cache minimum) above the
/// section's prose, sortable by any column through plain links (`/models/?sort=input&order=desc`).
struct ModelsIndex {
    let library: ContentLibrary
    let knowledge: Knowledge

    enum Column: String, CaseIterable {
        case order, name, provider, lifecycle, input, output, context, cache_min

        var heading: String {
            switch self {
            case .order: "Default order"
            case .name: "Model"
            case .provider: "Provider"
            case .lifecycle: "Lifecycle today"
            case .input: "Input, per M tokens"
            case .output: "Output, per M tokens"
            case .context: "Context window"
            case .cache_min: "Shortest cacheable prefix"
            }
        }

        var numeric: Bool { [.input, .output, .context, .cache_min].contains(self) }
    }

    struct Row {
        let page: Page
        let model: ModelSpec
        let status: ModelStatus?
        let position: Int

        func key(_ column: Column) -> (Double, String) {
            switch column {
            case .order: (Double(position), "")
            case .name: (0, page.title)
            case .provider: (0, model.provider + " " + page.title)
            case .lifecycle: (Double(status.map { LifecycleState.allCases.firstIndex(of: $0.state) ?? 0 } ?? 0), page.title)
            // A missing price (self-hosted) or cache sorts last.
            case .input: (model.prices?.input.value ?? .infinity, page.title)
            case .output: (model.prices?.output.value ?? .infinity, page.title)
            case .context: (model.context_window.value, page.title)
            case .cache_min: (model.prices?.cache_min_tokens?.value ?? .infinity, page.title)
            }
        }
    }

    /// The `section` template's context for `/models/`, sorted by `sort`.
    func sectionContext(sort: Column, descending: Bool) -> [String: Any] {
        let intro = library.sectionIntros[.models]
        let today = knowledge.today
        let rows = library.pages(in: .models).enumerated().compactMap { index, page in
            page.frontMatter.model.map { Row(page: page, model: $0, status: knowledge.status(of: page.slug, on: today), position: index) }
        }
        let sorted = rows.sorted { a, b in
            let (x, y) = (a.key(sort), b.key(sort))
            return descending ? (x.0, x.1) > (y.0, y.1) : (x.0, x.1) < (y.0, y.1)
        }
        return [
            "section_title": Section.models.title,
            "intro_html": intro?.html ?? "",
            "summary": intro?.summary ?? "",
            "section": Section.models.rawValue,
            "pages": library.pages(in: .models).map { Site.listItem($0, library: library, knowledge: knowledge) },
            "is_models": true,
            "columns": Column.allCases.filter { $0 != .order }.map { column -> [String: Any] in
                let current = column == sort
                let nextDescending = current && !descending
                return [
                    "label": column.heading,
                    "url": "/models/?sort=\(column.rawValue)" + (nextDescending ? "&order=desc" : ""),
                    "sort": current ? (descending ? "descending" : "ascending") : "",
                    "numeric": column.numeric,
                ]
            },
            "table_rows": sorted.map { row -> [String: Any] in
                let prices = row.model.prices
                return [
                    "title": row.page.title, "url": row.page.url, "provider": row.model.provider,
                    "badge": LifecycleText.badge(row.status, library: library),
                    "input": prices.map { Format.usd($0.input.value) } ?? "self-hosted",
                    "output": prices.map { Format.usd($0.output.value) } ?? "self-hosted",
                    "context": Format.count(row.model.context_window.value),
                    "cache_min": prices?.cache_min_tokens.map { Format.count($0.value) } ?? "—",
                ]
            },
            "sorted_by": sort == .order ? "" : "Sorted by \(sort.heading.lowercased())\(descending ? ", highest first" : "").",
        ]
    }
}
