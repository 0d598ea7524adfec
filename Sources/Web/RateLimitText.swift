import Advisor

/// A model's rate limits and reasoning in words, for its page (README.md, "Content format").
enum RateLimitText {
    static func heading(_ limits: RateLimits) -> String {
        switch limits.kind ?? .tiers {
        case .tiers: "Rate limits by tier" + (limits.since.map { " (since \($0))" } ?? "")
        case .dynamic: "Rate limits: dynamic, no fixed limit"
        case .unpublished: (limits.tiers ?? []).isEmpty ? "Rate limits: not published"
            : "Rate limits: not published for this model; the organisation's spend caps by tier"
        case .not_read: "Rate limits: published by the provider, not read by us"
        }
    }

    /// One line per tier (every limit the provider publishes), then the scheme's note and the older schemes.
    static func lines(_ limits: RateLimits) -> [String] {
        var lines = (limits.tiers ?? []).map(tierLine)
        if let note = limits.note { lines.append(note) }
        if (limits.kind ?? .tiers) == .tiers {
            lines.append((limits.cache_reads_count ?? true) ? "Cached reads count against the input-token limit."
                         : "Cached reads do not count against the input-token limit.")
        }
        for older in limits.previous ?? [] {
            lines.append("Before \(limits.since ?? "then"): " + (older.tiers ?? []).map(tierLine).joined(separator: " ")
                         + (older.note.map { " " + $0 } ?? ""))
        }
        return lines
    }

    static func tierLine(_ tier: RateTier) -> String {
        let perMinute: [(Double?, String)] = [(tier.rpm, "requests"), (tier.itpm, "input tokens"),
                                              (tier.otpm, "output tokens"), (tier.tpm, "tokens")]
        var limits: [String] = []
        let minute = perMinute.compactMap { value, unit in value.map { "\(Format.count($0)) \(unit)" } }
        if !minute.isEmpty { limits.append(minute.joined(separator: ", ") + " a minute") }
        if let rpd = tier.rpd { limits.append("\(Format.count(rpd)) requests a day") }
        if let month = tier.requests_per_month { limits.append("\(Format.count(month)) requests a month") }
        if let queue = tier.batch_queue_tokens { limits.append("\(Format.count(queue)) tokens in the batch queue") }
        if let queue = tier.batch_queue_requests { limits.append("\(Format.count(queue)) requests in the batch queue") }
        if let inFlight = tier.max_concurrent { limits.append("at most \(Format.count(inFlight)) requests in flight") }
        if let cap = tier.monthly_spend_cap_usd { limits.append("spend up to \(Format.usd(cap)) a month") }
        if let limit = tier.spend_per_10_minutes_usd { limits.append("spend up to \(Format.usd(limit)) in any 10 minutes") }
        if tier.negotiated == true {
            limits.insert("limits not published", at: 0)
            // Anthropic's Custom tier has none; Google's above Tier 3 is not given: "published" holds for both.
            if tier.monthly_spend_cap_usd == nil { limits.append("no published monthly spend cap") }
        }
        let evaluation = tier.evaluation_only == true ? " For evaluation, not production traffic: the advisor never plans a workload on it." : ""
        return Knowledge.tierName(tier.tier) + ": " + limits.joined(separator: "; ") + ". " + tier.requires + evaluation
    }
}

enum ReasoningText {
    static func lines(_ reasoning: Reasoning) -> [String] {
        guard reasoning.reasons else { return ["Does not reason: no reasoning tokens."] + (reasoning.note.map { [$0] } ?? []) }
        var lines = ["Reasons by default at \(reasoning.default_effort?.rawValue ?? "its default") effort; levels: "
                     + (reasoning.levels ?? []).map(\.rawValue).joined(separator: ", ")
                     + ". Reasoning tokens are billed as \((reasoning.billed_as ?? .output).rawValue)."]
        for level in Effort.allCases where level != .none {
            if let figure = reasoning.tokens?[level.rawValue] {
                lines.append("\(level.rawValue): \(Format.count(figure.value)) reasoning tokens a request"
                             + (figure.source == "assumption" ? " (our assumption)" : "") + (figure.note.map { ": " + $0 } ?? ""))
            }
        }
        if let note = reasoning.note { lines.append(note) }
        return lines
    }
}

enum CapacityText {
    /// The tier a peak needs, or what stands in its place.
    static func tier(_ c: Capacity) -> String {
        switch c.status {
        case .carried: c.tier.map(Knowledge.tierName) ?? ""
        case .beyond_tiers: "beyond every tier its page lists" + (c.top_tier.map { " (highest: \(Knowledge.tierName($0)))" } ?? "")
        case .dynamic: "no fixed limit (the provider serves what capacity allows)"
        case .unknown:
            if c.max_request_seconds != nil {
                "unknown"
            } else if c.scheme_kind != .tiers, let tier = c.tier {
                // Its provider's spend caps, the organisation's (Knowledge.spendCapLadder), call for a tier.
                "at least \(Knowledge.tierName(tier)) for the month's spend; its per-minute limits for this model unknown to us"
            } else if c.scheme_kind == .not_read {
                "unknown: the provider publishes limits we have not read"
            } else if let tier = c.tier {
                "unknown: the \(Knowledge.tierName(tier)) tier's \(c.via_batch_api == true ? "batch queue" : "per-minute") limits are not given"
            } else {
                "unknown: no published limits for that day"
            }
        }
    }

    /// A cap on requests in flight, read in time: how long requests may average at the peak against how long a slow
    /// one of the workload's takes (engine.slow_request); empty without such a cap.
    static func inFlight(_ c: Capacity) -> String {
        guard let allowed = c.max_request_seconds else { return "" }
        let cap = "its cap on requests in flight allows requests averaging up to \(Format.duration(allowed)) at the peak"
        guard let slow = c.slow_request_seconds else { return cap }
        return cap + (allowed >= slow ? ", more" : ", less") + " than the \(Format.duration(slow)) a slow one of yours takes"
    }
}
