import Advisor

/// OpenAI's usage API for completions (`GET /v1/organization/usage/completions`), as the API returns it:
/// `{"object": "page", "data": [{"object": "bucket", "start_time", "end_time", "results": [{"object":
/// "organization.usage.completions.result", "input_tokens", "output_tokens", "input_cached_tokens",
/// "num_model_requests", "model", ...}]}], "has_more", "next_page"}`, or an array of such pages. `input_tokens`
/// includes the cached tokens. Reference: docs/usage-import.md.
enum OpenAIUsageReader {
    static func read(_ document: JSONNode) throws(UsageError) -> UsageReading {
        var records: [UsageRecord] = []
        var buckets = BucketPeriods()
        for page in try AnthropicUsageReader.pages(document) {
            for bucket in try page.required("data").array() {
                // Unix seconds as OpenAI writes them; another unit, or a time outside 2000 to 2099, is named (a page
                // of milliseconds read as the year 58692 priced 24,000 requests a day at $0.52 a month).
                let start = try Self.time(bucket.required("start_time"))
                let end = try Self.time(bucket.required("end_time"))
                guard end > start else { throw UsageError(bucket.path + ".end_time", "expected a time after `start_time`") }
                buckets.add(start: start, end: end, path: bucket.path)
                for result in try bucket.required("results").array() {
                    let input = try result.required("input_tokens").count()
                    let cached = try result.optionalCount("input_cached_tokens")
                    guard cached <= input else {
                        throw UsageError(result.path + ".input_cached_tokens", "expected at most `input_tokens` (\(Int(input))), "
                                         + "which already includes the cached tokens")
                    }
                    var tokens = UsageTokens()
                    tokens.uncachedInput = input - cached
                    tokens.cacheRead = cached
                    tokens.output = try result.required("output_tokens").count()
                    let requests = try result.required("num_model_requests").count()
                    let model = try result.member("model").flatMap { node throws(UsageError) in
                        node.value == .null ? nil : try node.string()
                    }
                    // Set when the report is grouped by `batch`; null or missing otherwise.
                    var batch: Bool? = nil
                    if let node = result.member("batch"), node.value != .null {
                        guard case .bool(let flag) = node.value else { throw node.fail("true, false or null") }
                        batch = flag
                    }
                    records.append(UsageRecord(start: start, end: end, model: model, requests: requests, tokens: tokens,
                                               batch: batch))
                }
            }
        }
        return UsageReading(format: .openai, records: records, buckets: try buckets.checked())
    }

    static func time(_ node: JSONNode) throws(UsageError) -> Double {
        let value = try node.count()
        guard let seconds = Timestamp.unix(value), seconds == value else {
            throw UsageError(node.path, "expected Unix seconds from 2000 to 2099, found `\(Format.figure(value))`")
        }
        return seconds
    }
}
