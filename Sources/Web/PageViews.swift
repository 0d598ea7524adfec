import Foundation
import Advisor
import Content

/// Builds the view models of content pages: the rendered body, its outline, and the typed front matter
/// laid out as facts with their sources (plain cmark has no tables, so figures are rendered here).
struct PageViews {
    let library: ContentLibrary
    let knowledge: Knowledge

    func page(_ page: Page) -> ContentPage {
        let sources = page.frontMatter.sources ?? []
        let sourceByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var facts = FactTable(sources: sourceByID)
        var lists: [FactList] = []
        var link: ExternalLink?
        var lifecycle: LifecycleNote?
        if let model = page.frontMatter.model {
            let today = knowledge.today
            let status = knowledge.status(of: page.slug, on: today)
            let badge = LifecycleText.badge(status, library: library)
            // The model to move to now: the replacement, or where that has been superseded too, its successor.
            let moveTo = status.flatMap { $0.state == .active ? nil : $0.successor ?? $0.replacement }.map { slug in
                ModelLink(slug: slug, title: library.page(.models, slug)?.title ?? slug, url: "/models/\(slug)",
                          badge: LifecycleText.badge(knowledge.status(of: slug, on: today), library: library))
            }
            lifecycle = LifecycleNote(badge: badge, end: status.flatMap { LifecycleText.end($0, today: today) }, moveTo: moveTo,
                                      asOf: CivilDate.text(today), checked: knowledge.pricesChecked(of: page.slug) ?? "")
            describe(model, slug: page.slug, into: &facts, lists: &lists)
        }
        if let failure = page.frontMatter.failure_mode {
            facts.add("Severity", failure.severity.rawValue.capitalized)
            facts.add("How often", failure.frequency)
            facts.add("Impact", failure.impact)
            lists.append(list("How to detect it", failure.detect.map { FactListItem(text: "\($0.metric): act when \($0.threshold)") }))
            lists.append(list("Mitigation, step by step", failure.mitigation.map { FactListItem(text: $0) }))
            lists.append(list("Models it is documented for", failure.models.map { slug in
                FactListItem(text: library.page(.models, slug)?.title ?? slug, url: "/models/\(slug)")
            }))
        }
        if let resource = page.frontMatter.resource {
            facts.add("Kind", resource.kind.replacingOccurrences(of: "_", with: " ").capitalized)
            facts.add("Publisher", resource.publisher)
            if let url = resource.url { link = ExternalLink(url: url) }
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
                let cache = rule.haiku_caches_prefix.map {
                    $0 ? ", and the day's Haiku caches that prefix (it reaches the Haiku's minimum cacheable length)"
                        : ", and the day's Haiku cannot cache that prefix (it is under the Haiku's minimum cacheable length)"
                } ?? ""
                let cheaper = rule.preferred_cheaper == true
                    ? ", and a model it prefers holds the request with room to spare and costs less a month than the day's Haiku on your numbers" : ""
                let counted = rule.haiku_count == true
                    ? " (the prompt as the day's Haiku counts it, with its tokenizer and any tool-use prompt)" : ""
                var text = "When \(ConditionText.describe(rule.when))\(counted)\(cache)\(cheaper): \(Format.signed(rule.effect)) points. \(rule.text)"
                if let decide = rule.decide { text += " Decides the verdict on its own: \(decide.replacingOccurrences(of: "_", with: " "))." }
                return FactListItem(text: text)
            }))
        }

        return ContentPage(
            title: page.title, summary: page.summary, sectionTitle: page.section.title,
            sectionURL: "/\(page.section.rawValue)/",
            html: SourceCitations.link(page.html, sources: sources.map { ($0.id, $0.title) }),
            toc: page.headings.filter { $0.level <= 3 }.map { TocEntry(text: $0.text, anchor: $0.anchor, sub: $0.level == 3) },
            hasTOC: page.headings.count >= 3, tags: page.tags, updated: page.frontMatter.updated,
            facts: facts.rows, lists: lists.filter { !$0.items.isEmpty }, link: link,
            sources: sources.map { source in
                SourceNote(link: SourceLink(title: source.title, url: source.url, checked: source.checked), note: source.note ?? "",
                           anchor: SourceCitations.anchor(source.id))
            },
            isModel: page.section == .models, lifecycle: lifecycle, slug: page.slug)
    }

    private func describe(_ model: ModelSpec, slug: String, into facts: inout FactTable, lists: inout [FactList]) {
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
        func perM(_ value: Double) -> String { "\(Format.rate(value)) per million tokens" }
        let today = CivilDate.text(knowledge.today)
        if let prices = model.prices?.inForce(on: today) {
            facts.add("Input", perM(prices.input.value), figure: prices.input)
            facts.add("Output", perM(prices.output.value), figure: prices.output)
            if let read = prices.cache_read { facts.add("Cached input (read)", perM(read.value), figure: read) }
            // The standard cache's lifetime names its write price (5 minutes unless the page says otherwise).
            let cacheMinutes = Int(prices.cache_ttl_minutes?.value ?? CacheTTL.fiveMinutes.minutes)
            if let write = prices.cache_write { facts.add("Cache write (\(cacheMinutes) minutes)", perM(write.value), figure: write) }
            if let ttl = prices.cache_ttl_minutes {
                facts.add("Cache lifetime", "at least \(Int(ttl.value)) minutes after the last use", figure: ttl)
            }
            if prices.cache_by_default == true {
                facts.add("Caching by default", "on: every miss of a long prefix is a write, unless a request turns caching off")
            }
            if let write = prices.cache_write_1h { facts.add("Cache write (1 hour)", perM(write.value), figure: write) }
            if let minimum = prices.cache_min_tokens {
                facts.add("Shortest cacheable prefix", "\(Format.count(minimum.value)) tokens", figure: minimum)
            }
            if let batch = prices.batch_discount {
                let classes = (prices.batch_applies_to ?? TokenClass.allCases).map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
                facts.add("Batch discount", "\(Format.percent(batch.value)) off \(classes.count == 4 ? "every token class" : classes.joined(separator: ", "))",
                          figure: batch)
            }
            if let peak = prices.peak {
                facts.add("Peak hours", "\(Format.number(peak.multiplier.value))x every rate above for \(Format.number(peak.hours_per_week.value)) "
                          + "hours a week; the advisor prices real-time and interactive work at the week's blend, batch work off-peak",
                          figure: peak.multiplier)
            }
            if let long = prices.long_context {
                let counted = long.counts.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: " + ")
                facts.add("Long-context threshold", "prompts above \(Format.count(long.threshold.value)) tokens (\(counted))"
                          + (long.whole_request ? "; the whole request at the higher rates" : "; only the tokens above it"),
                          figure: long.threshold)
                facts.add("Long-context input", perM(long.input.value), figure: long.input)
                facts.add("Long-context output", perM(long.output.value), figure: long.output)
                if let read = long.cache_read { facts.add("Long-context cache read", perM(read.value), figure: read) }
                if let write = long.cache_write {
                    facts.add("Long-context cache write (\(cacheMinutes) minutes)", perM(write.value), figure: write)
                }
                if let write = long.cache_write_1h { facts.add("Long-context cache write (1 hour)", perM(write.value), figure: write) }
            }
        }
        // A price change the page announces: the verdicts taken before it warn of it (`price_change`).
        if let next = model.prices?.next(after: today), let since = next.since {
            facts.add("Prices from \(since)", "\(Format.rate(next.input.value)) input, \(Format.rate(next.output.value)) output"
                      + (next.cache_read.map { ", \(Format.rate($0.value)) cached input" } ?? "") + " per million tokens",
                      figure: next.input)
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
        if let input = model.max_input { facts.add("Longest prompt", "\(Format.count(input.value)) tokens", figure: input) }
        if let out = model.max_output { facts.add("Longest output", "\(Format.count(out.value)) tokens", figure: out) }
        if let out = model.batch_max_output { facts.add("Longest output on the batch API", "\(Format.count(out.value)) tokens", figure: out) }
        if let out = model.output_segment { facts.add("Output per response segment", "\(Format.count(out.value)) tokens", figure: out) }
        if let speed = model.fastest_output_tokens_per_second {
            facts.add("Fastest output reported", "\(Format.count(speed.value)) tokens a second", figure: speed)
        }
        for latency in model.latency ?? [] {
            let range = latency.ms_high.map { "\(Format.count(latency.ms))–\(Format.count($0)) ms" } ?? "\(Format.count(latency.ms)) ms"
            facts.add("Latency (\(latency.percentile.rawValue))", "\(range), \(latency.conditions)", sourceID: latency.source, asOf: latency.as_of)
        }
        if (model.latency ?? []).isEmpty { facts.add("Latency", "no source publishes a figure") }
        for (_, score) in (model.benchmarks ?? [:]).sorted(by: { $0.key < $1.key }) {
            facts.add(score.name, score.text, figure: score.figure)
        }
        facts.add("Access", model.access.map(AccessChannelText.label).joined(separator: ", "))
        if let forced = model.forced_tool_use {
            facts.add("Forced tool call", Self.forcedToolText(forced.value), figure: forced)
        } else {
            facts.add("Forced tool call", "no limit stated in the sources this page cites")
        }
        if let tool = model.tool_prompt_tokens {
            // The provider's own prompt on requests with tools (content/criteria/tool-choice.md).
            let value: String
            if let auto = tool.auto, let forced = tool.forced {
                value = "\(Format.count(auto)) tokens a request with tool_choice auto, \(Format.count(forced)) with any or a named tool; billed as input"
            } else if let estimate = knowledge.toolPromptEstimate(of: slug) {
                let basis = knowledge.toolPromptBasis(of: slug) ?? ""
                value = "added by \(model.provider) on requests with tools; we have read no count for this model, so it is priced at "
                    + "\(estimate.reference)'s, \(basis): \(Format.count(estimate.auto)) tokens a request with "
                    + "tool_choice auto, \(Format.count(estimate.forced)) with any or a named tool; billed as input"
            } else {
                value = "added by \(model.provider) on requests with tools; we have read no count for this model or another of its provider's, so the calculator leaves it out"
            }
            facts.add("Tool-use system prompt", value, sourceID: tool.source, asOf: nil, note: tool.note)
        }
        if let limits = model.rate_limits {
            lists.append(list(RateLimitText.heading(limits), RateLimitText.lines(limits).map { FactListItem(text: $0) }))
        }
        if let reasoning = model.reasoning {
            lists.append(list("Reasoning", ReasoningText.lines(reasoning).map { FactListItem(text: $0) }))
        }
        lists.append(list("Fit by task type", model.task_fit.sorted { $0.key < $1.key }.map { task, fit in
            // The basis beside every rating: most are our judgement, and the page must not read as a measurement.
            FactListItem(text: "\(task.replacingOccurrences(of: "_", with: " ")): \(fit.fit.rawValue) ("
                + (fit.benchmark.map { "\(fit.basis.phrase), \($0)" } ?? fit.basis.phrase) + "; \(fit.confidence.rawValue) confidence)")
        }))
    }

    /// What `tool_choice` `any` or a named tool does on the model (content/criteria/tool-choice.md).
    static func forcedToolText(_ value: ForcedToolUse) -> String {
        switch value {
        case .accepted: "taken at any thinking setting"
        case .thinking_off: "taken only with thinking off; the calculator prices forced calls without thinking"
        case .rejected: "returns an error; not recommended for workloads that force a tool call"
        }
    }

    private func list(_ heading: String, _ items: [FactListItem]) -> FactList {
        FactList(heading: heading, items: items)
    }
}

/// Rows of label, value and the source behind the value.
struct FactTable {
    let sources: [String: Source]
    private var added: [FactRow] = []

    /// The rows, each told whether the table has a source column.
    var rows: [FactRow] {
        let sourced = added.contains { $0.source != nil }
        return added.map { var row = $0; row.sourced = sourced; return row }
    }

    init(sources: [String: Source]) {
        self.sources = sources
    }

    mutating func add(_ label: String, _ value: String) {
        added.append(FactRow(label: label, value: value, source: nil, asOf: nil, derived: nil, note: nil))
    }

    mutating func add<V>(_ label: String, _ value: String, figure: Figure<V>) {
        add(label, value, sourceID: figure.source, asOf: figure.as_of, derived: figure.derived, note: figure.note)
    }

    mutating func add(_ label: String, _ value: String, sourceID: String, asOf: String?, derived: String? = nil, note: String? = nil) {
        let source = sources[sourceID].map { SourceLink(title: $0.title, url: $0.url, checked: $0.checked) }
        added.append(FactRow(label: label, value: value, source: source, asOf: asOf, derived: derived, note: note))
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
