import Advisor

/// OpenTelemetry spans in OTLP/JSON (an `ExportTraceServiceRequest`: `{"resourceSpans": [{"scopeSpans": [{"spans":
/// [...]}]}]}`), one model request per span, read through the GenAI semantic conventions:
/// `gen_ai.request.model` (else `gen_ai.response.model`), `gen_ai.usage.input_tokens` (all prompt tokens, cached
/// ones included), `gen_ai.usage.output_tokens`, `gen_ai.usage.cache_read.input_tokens`,
/// `gen_ai.usage.cache_creation.input_tokens`, and reasoning tokens where present. Spans without token usage (an
/// HTTP span, a parent) are not model calls and are skipped, and so is a span whose descendants carry usage (an
/// agent's `invoke_agent` span sums its model calls). Field names are accepted in both spellings protobuf's
/// JSON mapping allows (`scopeSpans` and `scope_spans`); 64-bit integers as strings or numbers.
/// Reference: docs/usage-import.md.
enum OTLPSpanReader {
    static let inputTokens = "gen_ai.usage.input_tokens"
    static let outputTokens = "gen_ai.usage.output_tokens"
    static let cacheRead = "gen_ai.usage.cache_read.input_tokens"
    static let cacheCreation = "gen_ai.usage.cache_creation.input_tokens"
    /// Not yet settled in the conventions: both spellings seen in instrumentations.
    static let reasoning = ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"]

    /// - Parameter documents: one request, or one per line of a JSON Lines file (as the collector's file exporter
    ///   writes them).
    static func read(_ documents: [JSONNode]) throws(UsageError) -> UsageReading {
        // Every span's place in its trace, and the usage of those that carry some.
        var found: [(id: String?, record: UsageRecord)] = []
        var parents: [String: String] = [:]
        var seen = Set<String>()
        for document in documents {
            for resource in try field(document, "resourceSpans", "resource_spans").array() {
                for scope in try field(resource, "scopeSpans", "scope_spans").array() {
                    for span in try field(scope, "spans", "spans").array() {
                        let trace = text(span, "traceId", "trace_id") ?? ""
                        // An empty spanId is no id (some exporters write one): such spans are read, not refused as one span.
                        let id = text(span, "spanId", "span_id").flatMap { $0.isEmpty ? nil : trace + "/" + $0 }
                        // One span is one request: an export saved twice was counted twice (2,460 requests for
                        // 1,230), where a bucket report saved twice is refused.
                        if let id, !seen.insert(id).inserted {
                            throw UsageError(span.path, "span `\(id.split(separator: "/").last.map { $0.prefix(40) } ?? "")` of trace "
                                             + "`\(trace.prefix(40))` is in the file twice: each span is one request, so the same "
                                             + "spans saved twice would count every request twice; send each span once")
                        }
                        if let id, let parent = text(span, "parentSpanId", "parent_span_id"), !parent.isEmpty {
                            parents[id] = trace + "/" + parent
                        }
                        if let record = try request(span) { found.append((id, record)) }
                    }
                }
            }
        }
        // A span above others that carry usage sums them (an agent's `invoke_agent`, a framework's run span): counted
        // too, each model call was two requests of twice the tokens. Only the spans with no such descendant count.
        var aggregates = Set<String>()
        for (id, _) in found {
            guard let start = id else { continue }
            var at = parents[start]
            while let ancestor = at {
                // A chain that comes back to its span made every span on it an aggregate of the others, and the file
                // was "no span carries usage" though every one did.
                guard ancestor != start else {
                    throw UsageError("the file", "span `\(start.split(separator: "/").last.map { $0.prefix(40) } ?? "")` is its own "
                                     + "ancestor: its parentSpanId links loop back to it, which no trace can")
                }
                guard aggregates.insert(ancestor).inserted else { break }
                at = parents[ancestor]
            }
        }
        let records = found.filter { $0.id.map { !aggregates.contains($0) } ?? true }.map(\.record)
        guard !records.isEmpty else {
            throw UsageError("the file", "no span carries `\(inputTokens)` and `\(outputTokens)`: nothing to import "
                             + "(is the GenAI instrumentation recording token usage?)")
        }
        return UsageReading(format: .otlp, records: records, buckets: [])
    }

    /// An optional string member under either of protobuf's JSON names.
    static func text(_ node: JSONNode, _ camel: String, _ snake: String) -> String? {
        guard let found = node.member(camel) ?? node.member(snake), case .string(let value) = found.value else { return nil }
        return value
    }

    /// A required member under either of protobuf's JSON names.
    static func field(_ node: JSONNode, _ camel: String, _ snake: String) throws(UsageError) -> JSONNode {
        if let found = node.member(camel) ?? node.member(snake) { return found }
        guard node.members != nil else { throw node.fail("an object") }
        throw UsageError(node.path, "expected a member `\(camel)`")
    }

    private static func request(_ span: JSONNode) throws(UsageError) -> UsageRecord? {
        var attributes: [String: JSONNode] = [:]
        if let list = span.member("attributes") {
            for attribute in try list.array() {
                let key = try attribute.required("key").string()
                // Named twice, the last value won without a word (100 input tokens, then 999,999): refused, as a
                // JSON field named twice is.
                guard attributes[key] == nil else {
                    throw UsageError(attribute.path + ".key", "attribute `\(key.prefix(80))` is given more than once in this span")
                }
                attributes[key] = try attribute.required("value")
            }
        }
        guard let input = attributes[inputTokens], let output = attributes[outputTokens] else { return nil }
        var tokens = UsageTokens()
        let prompt = try number(input)
        tokens.cacheRead = try attributes[cacheRead].map { node throws(UsageError) in try number(node) } ?? 0
        tokens.cacheWrite = try attributes[cacheCreation].map { node throws(UsageError) in try number(node) } ?? 0
        // The conventions count cached tokens inside input_tokens, and reasoning inside output_tokens. A part larger
        // than its whole is refused, as the OpenAI reader refuses it: read as it came, 1,000 input tokens with 3,000
        // cache reads were priced as 3,000 all cached, and 300 reasoning tokens of 100 output as no output at all.
        let cached = tokens.cacheRead + tokens.cacheWrite
        guard cached <= prompt else {
            throw UsageError(input.path, "`\(inputTokens)` is \(Format.figure(prompt)), less than the cache reads and writes "
                             + "(\(Format.figure(cached))) it includes by the GenAI conventions; if your instrumentation "
                             + "reports input without the cached tokens (as Anthropic's API does), add them to it")
        }
        tokens.uncachedInput = prompt - cached
        tokens.output = try number(output)
        for name in reasoning {
            guard let node = attributes[name] else { continue }
            tokens.reasoning = try number(node)
            guard tokens.reasoning <= tokens.output else {
                throw UsageError(node.path, "`\(name)` is \(Format.figure(tokens.reasoning)), more than `\(outputTokens)` "
                                 + "(\(Format.figure(tokens.output))), which includes it by the GenAI conventions; if your "
                                 + "instrumentation reports output without the reasoning, add it to `\(outputTokens)`")
            }
            break
        }
        let modelNode = attributes["gen_ai.request.model"] ?? attributes["gen_ai.response.model"]
        let model = try modelNode.map { node throws(UsageError) in try field(node, "stringValue", "string_value").string() }
        let startNode = try field(span, "startTimeUnixNano", "start_time_unix_nano")
        // Nanoseconds, as OpenTelemetry writes them; microseconds read as nanoseconds were 1970, and ten hourly
        // requests became 730,000 a month. The unit is told by size, and a time outside 2000 to 2099 is named.
        let nanoseconds = try startNode.count(allowString: true, max: 1e20)
        guard let start = Timestamp.unix(nanoseconds) else {
            throw UsageError(startNode.path, "expected a time from 2000 to 2099 in nanoseconds since 1970, found `\(Format.figure(nanoseconds))`")
        }
        return UsageRecord(start: start, end: start, model: model, requests: 1, tokens: tokens)
    }

    /// An attribute value holding a count: `{"intValue": "1200"}` (or a double).
    private static func number(_ value: JSONNode) throws(UsageError) -> Double {
        if let node = value.member("intValue") ?? value.member("int_value") { return try node.count(allowString: true) }
        if let node = value.member("doubleValue") ?? value.member("double_value") { return try node.count(allowString: true) }
        throw UsageError(value.path, "expected a token count (`intValue`)")
    }
}
