// Every sourced figure of a model page, found by one walk of the model tree. The validator checks each one's source
// and date, and the engine reads the price figures' sources for freshness, from this list alone: a new field is
// added here once, and both see it (issue 13, "one declaration per fact").

/// One step of a path into a model's front matter.
public enum FigureKey: Sendable, Equatable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let name): name
        case .index(let i): "[\(i)]"
        }
    }
}

/// A value in a model's front matter that cites a source: where it is, which source, and its own date if it has one.
public struct SourcedFigure: Sendable, Equatable {
    /// From the `model:` block down, e.g. `prices`, `long_context`, `cache_read`.
    public let path: [FigureKey]
    public let source: String
    public let asOf: String?

    /// Part of what the model's price is computed from (the current `prices` or `self_hosting`, not older prices).
    public var isPrice: Bool {
        guard case .key(let head) = path.first else { return false }
        return (head == "prices" || head == "self_hosting") && !path.contains(.key("previous"))
    }
}

extension ModelSpec {
    /// Every figure of the model, in the order of the schema.
    public var figures: [SourcedFigure] {
        var found: [SourcedFigure] = []
        func add<V>(_ figure: Figure<V>?, _ path: [FigureKey]) {
            if let figure { found.append(SourcedFigure(path: path, source: figure.source, asOf: figure.as_of)) }
        }
        func source(_ id: String, _ path: [FigureKey], asOf: String? = nil) {
            found.append(SourcedFigure(path: path, source: id, asOf: asOf))
        }
        func prices(_ p: ModelPrices, _ at: [FigureKey]) {
            let named: [(String, NumberFigure?)] = [
                ("input", p.input), ("output", p.output), ("cache_read", p.cache_read), ("cache_write", p.cache_write),
                ("cache_write_1h", p.cache_write_1h), ("cache_ttl_minutes", p.cache_ttl_minutes),
                ("cache_min_tokens", p.cache_min_tokens), ("batch_discount", p.batch_discount)]
            for (name, figure) in named { add(figure, at + [.key(name)]) }
            if let long = p.long_context {
                let l = at + [.key("long_context")]
                let named: [(String, NumberFigure?)] = [
                    ("threshold", long.threshold), ("input", long.input), ("output", long.output),
                    ("cache_read", long.cache_read), ("cache_write", long.cache_write),
                    ("cache_write_1h", long.cache_write_1h)]
                for (name, figure) in named { add(figure, l + [.key(name)]) }
            }
            for (i, older) in (p.previous ?? []).enumerated() { prices(older, at + [.key("previous"), .index(i)]) }
        }
        func limits(_ r: RateLimits, _ at: [FigureKey]) {
            source(r.source, at)
            for (i, older) in (r.previous ?? []).enumerated() { limits(older, at + [.key("previous"), .index(i)]) }
        }

        add(released, [.key("released")])
        add(lifecycle.legacy, [.key("lifecycle"), .key("legacy")])
        add(lifecycle.deprecated, [.key("lifecycle"), .key("deprecated")])
        add(lifecycle.retires, [.key("lifecycle"), .key("retires")])
        add(lifecycle.retires_not_before, [.key("lifecycle"), .key("retires_not_before")])
        add(context_window, [.key("context_window")])
        add(max_input, [.key("max_input")])
        add(max_output, [.key("max_output")])
        add(batch_max_output, [.key("batch_max_output")])
        add(output_segment, [.key("output_segment")])
        add(fastest_output_tokens_per_second, [.key("fastest_output_tokens_per_second")])
        add(tokenizer?.ratio, [.key("tokenizer"), .key("ratio")])
        if let p = self.prices { prices(p, [.key("prices")]) }
        if let s = self_hosting {
            let named = [("gpu_hour_usd", s.gpu_hour_usd), ("tokens_per_second", s.tokens_per_second),
                         ("min_gpus", s.min_gpus), ("ops_hours_per_month", s.ops_hours_per_month)]
            for (name, figure) in named { add(figure, [.key("self_hosting"), .key(name)]) }
        }
        if let r = rate_limits { limits(r, [.key("rate_limits")]) }
        if let r = reasoning {
            source(r.source, [.key("reasoning")])
            for (level, figure) in (r.tokens ?? [:]).sorted(by: { $0.key < $1.key }) {
                add(figure, [.key("reasoning"), .key("tokens"), .key(level)])
            }
        }
        add(forced_tool_use, [.key("forced_tool_use")])
        if let t = tool_prompt_tokens { source(t.source, [.key("tool_prompt_tokens")]) }
        for (i, latency) in (latency ?? []).enumerated() {
            source(latency.source, [.key("latency"), .index(i)], asOf: latency.as_of)
        }
        for (name, score) in (benchmarks ?? [:]).sorted(by: { $0.key < $1.key }) { add(score.figure, [.key("benchmarks"), .key(name)]) }
        for (task, fit) in task_fit.sorted(by: { $0.key < $1.key }) { source(fit.source, [.key("task_fit"), .key(task)]) }
        return found
    }
}
