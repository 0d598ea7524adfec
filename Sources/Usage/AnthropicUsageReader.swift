/// Anthropic's Admin API messages usage report (`GET /v1/organizations/usage_report/messages`), as the API returns
/// it: `{"data": [{"starting_at", "ending_at", "results": [{"model", "uncached_input_tokens",
/// "cache_read_input_tokens", "cache_creation": {"ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens"},
/// "output_tokens", ...}]}], "has_more", "next_page"}`, or an array of such pages (a paginated report saved page by
/// page). The report counts tokens, not requests. Reference: docs/usage-import.md.
enum AnthropicUsageReader {
    static func read(_ document: JSONNode) throws(UsageError) -> UsageReading {
        var records: [UsageRecord] = []
        var buckets = BucketPeriods()
        for page in try pages(document) {
            for bucket in try page.required("data").array() {
                let start = try time(bucket.required("starting_at"))
                let end = try time(bucket.required("ending_at"))
                guard end > start else { throw UsageError(bucket.path + ".ending_at", "expected a time after `starting_at`") }
                buckets.add(start: start, end: end, path: bucket.path)
                for result in try bucket.required("results").array() {
                    var tokens = UsageTokens()
                    tokens.uncachedInput = try result.required("uncached_input_tokens").count()
                    tokens.cacheRead = try result.optionalCount("cache_read_input_tokens")
                    if let creation = result.member("cache_creation"), creation.value != .null {
                        guard creation.members != nil else { throw creation.fail("an object") }
                        tokens.cacheWrite1h = try creation.optionalCount("ephemeral_1h_input_tokens")
                        tokens.cacheWrite = try creation.optionalCount("ephemeral_5m_input_tokens") + tokens.cacheWrite1h
                    }
                    tokens.output = try result.required("output_tokens").count()
                    let model = try result.member("model").flatMap { node throws(UsageError) in
                        node.value == .null ? nil : try node.string()
                    }
                    // The report's service tier: `batch` for the Message Batches API, `standard` or `priority` otherwise.
                    let tier = try result.member("service_tier").flatMap { node throws(UsageError) in
                        node.value == .null ? nil : try node.string()
                    }
                    records.append(UsageRecord(start: start, end: end, model: model, requests: nil, tokens: tokens,
                                               batch: tier.map { $0 == "batch" }))
                }
            }
        }
        return UsageReading(format: .anthropic, records: records, buckets: try buckets.checked())
    }

    /// A page, or an array of pages.
    static func pages(_ document: JSONNode) throws(UsageError) -> [JSONNode] {
        if case .array = document.value { return try document.array() }
        return [document]
    }

    static func time(_ node: JSONNode) throws(UsageError) -> Double {
        let text = try node.string()
        guard let seconds = Timestamp.parse(text) else {
            throw UsageError(node.path, "expected an RFC 3339 time from 2000 to 2099 such as 2026-11-01T00:00:00Z, found `\(text.prefix(40))`")
        }
        return seconds
    }
}
