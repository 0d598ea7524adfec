import Advisor

/// An import for a terminal: what the file held and what it costs now against the recommendation.
public enum UsageText {
    public static func render(_ s: UsageSummary, comparison: UsageComparison?) -> String {
        func n(_ x: Double) -> String { Format.figure(x) }
        var lines = ["Usage: \(s.format_title), \(s.period_start) to \(s.period_end) (\(Format.figure(s.period_days, digits: 1)) days)"]
        if let observed = s.observed_requests { lines.append("  requests in the file: \(n(observed))") }
        if let monthly = s.monthly_requests { lines.append("  monthly requests: \(n(monthly))") }
        if let note = s.requests_note { lines.append("  note: \(note)") }
        if let note = s.answers_note { lines.append("  note: \(note)") }
        let per = s.distribution_of == "buckets" ? "per request, bucket averages" : "per request"
        for (name, d) in [("prompt tokens", s.prompt_tokens), ("output tokens", s.output_tokens)] {
            lines.append("  \(name) (\(per)): mean \(n(d.mean)), p50 \(n(d.p50)), p90 \(n(d.p90)), p99 \(n(d.p99)), max \(n(d.max))")
        }
        lines.append("  cached share of the prompt (read from the cache): \(Format.figure(s.cached_input_share * 100, digits: 1))%")
        if s.cache_write_share > 0 {
            lines.append("  written to the cache: \(Format.figure(s.cache_write_share * 100, digits: 1))% of the prompt")
        }
        if let reasoning = s.reasoning_share { lines.append("  reasoning share of the output: \(Format.figure(reasoning * 100, digits: 1))%") }
        if let batch = s.batch_share { lines.append("  through the batch API: \(Format.figure(batch * 100, digits: 1))%") }
        lines.append("  peak to average: " + (s.peak_to_average.map { Format.figure($0, digits: 1) } ?? "unknown") + " (\(s.peak_basis))")
        lines.append("  models in use:")
        for m in s.models {
            var line = "    \(m.id): \(Format.figure(m.share * 100, digits: 1))%"
            if let status = m.status {
                line += status.state == .retired ? ", retired on \(status.since)"
                    : ", \(status.state.rawValue)" + (status.retires.map { ", retires \($0)" } ?? "")
            } else {
                line += ", not a model this site knows"
            }
            if let target = m.migrate_to { line += "; move to \(target)" }
            if let guide = m.guide_url { line += " (\(guide))" }
            lines.append(line)
        }
        if let rest = s.models_left_off {
            lines.append("    and \(Format.count(Double(rest.ids))) more ids: \(Format.figure(rest.share * 100, digits: 1))%")
        }
        if let c = comparison {
            if let current = c.current_model, let now = c.current_monthly_usd, let note = c.current_note {
                lines.append("  now: \(current) costs \(Format.cents(now)) a month for this traffic at standard rates; the "
                             + "recommendation costs \(Format.cents(c.recommended_monthly_usd)). \(note)")
            } else if let current = c.current_model, let now = c.current_monthly_usd, let difference = c.difference_usd {
                lines.append("  now: \(current) costs \(Format.cents(now)) a month for this traffic; the recommendation "
                             + "costs \(Format.cents(c.recommended_monthly_usd)) ("
                             + (abs(difference) < 0.005 ? "the same)" : "\(difference < 0 ? "saves" : "adds") \(Format.cents(abs(difference))) a month)"))
            }
            lines.append("  priced request by request in \(c.groups) group\(c.groups == 1 ? "" : "s") of requests")
        }
        return lines.joined(separator: "\n")
    }
}
