import Testing
@testable import Content

/// The model schema: closed sets are refused by decoding at their line, and every value rule is checked once, by
/// the engine's loader, and still reported as `path:line`.
struct ModelSchemaTests {
    static func model(_ block: String, classification: String = "{fit: strong, source: p, basis: judgement, confidence: low}",
                      sources: String = "") -> String {
        """
        ---
        title: Test model
        summary: A model.
        updated: "2026-11-28"
        sources:
          - {id: p, title: Pricing, url: "https://example.com", checked: "2026-11-28"}\(sources)
        model:
          provider: Test
          family: haiku
        \(block)
          access: [anthropic_api]
          task_fit:
            classification: \(classification)
            extraction: {fit: strong, source: p, basis: judgement, confidence: low}
            summarization: {fit: strong, source: p, basis: judgement, confidence: low}
            moderation: {fit: strong, source: p, basis: judgement, confidence: low}
            chat: {fit: good, source: p, basis: judgement, confidence: low}
            code_completion: {fit: good, source: p, basis: judgement, confidence: low}
            autonomous_coding: {fit: poor, source: p, basis: judgement, confidence: low}
            complex_reasoning: {fit: weak, source: p, basis: judgement, confidence: low}
            rag: {fit: good, source: p, basis: judgement, confidence: low}
            other: {fit: good, source: p, basis: judgement, confidence: low}
        ---
        Body.
        """
    }

    static let good = """
      released: {value: "2026-10-07", source: p}
      lifecycle:
        legacy: {value: "2026-12-01", source: p}
      hosting: api
      prices:
        input: {value: 0.10, source: p}
        output: {value: 0.50, source: p}
        cache_read: {value: 0.01, source: p}
        cache_min_tokens: {value: 512, source: p}
        long_context:
          threshold: {value: 100000, source: p}
          counts: [input, cache_read, cache_write]
          whole_request: true
          input: {value: 0.50, source: p}
          output: {value: 2.50, source: p}
          cache_read: {value: 0.05, source: p}
      tokenizer:
        ratio: {value: 1.3, source: p}
      context_window: {value: 1000000, source: p}
    """

    func errors(_ block: String, classification: String? = nil, sources: String = "") -> String {
        do {
            let text = classification.map { Self.model(block, classification: $0, sources: sources) } ?? Self.model(block, sources: sources)
            let content = try TemporaryContent(["models/test-model.md": text])
            try withExtendedLifetime(content) { _ = try ContentLibrary.load(directory: content.root) }
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func theFullSchemaLoads() throws {
        let content = try TemporaryContent(["models/test-model.md": Self.model(Self.good)])
        let library = try ContentLibrary.load(directory: content.root)
        let spec = try #require(library.page(.models, "test-model")?.frontMatter.model)
        #expect(spec.prices?.long_context?.threshold.value == 100_000)
        #expect(spec.tokenizer?.ratio.value == 1.3)
        #expect(spec.lifecycle.legacy?.value == "2026-12-01")
    }

    @Test func closedSetsAreRefusedAtTheirLine() {
        let text = errors(Self.good.replacingOccurrences(of: "hosting: api", with: "hosting: cloud"))
        #expect(text.contains("models/test-model.md:13:"), "\(text)")  // the `hosting:` line
        #expect(text.contains("must be one of api, self_hosted, not 'cloud'"), "\(text)")
        let counts = errors(Self.good.replacingOccurrences(of: "counts: [input, cache_read, cache_write]", with: "counts: [input, prompt]"))
        #expect(counts.contains("must be one of input, output, cache_read, cache_write, not 'prompt'"), "\(counts)")
        let fit = errors(Self.good).isEmpty ? "" : "the good block must load"
        #expect(fit.isEmpty)
    }

    /// Every sourced figure is found by the one walk of the model tree (Advisor/ModelFigures.swift), older prices,
    /// older rate-limit schemes and reasoning tokens included: a source missing from `sources` is an error at its line.
    @Test(arguments: [
        ("prices previous", """
          prices:
            since: "2026-10-01"
            input: {value: 0.10, source: p}
            output: {value: 0.50, source: p}
            previous:
              - {since: "2026-01-01", input: {value: 0.2, source: old-pricing}, output: {value: 1, source: p}}
        """, 19),
        ("rate limits previous", """
          prices:
            input: {value: 0.10, source: p}
            output: {value: 0.50, source: p}
          rate_limits:
            source: p
            since: "2026-06-01"
            tiers: [{tier: start, rpm: 50, requires: "Any account."}]
            previous:
              - {source: old-limits, tiers: [{tier: start, rpm: 5, requires: "Any account."}]}
        """, 22),
        ("reasoning tokens", """
          prices:
            input: {value: 0.10, source: p}
            output: {value: 0.50, source: p}
          reasoning:
            source: p
            reasons: true
            default_effort: low
            levels: [low]
            tokens:
              low: {value: 300, source: guess}
        """, 23),
    ])
    func everyFigureCitesAListedSource(_ name: String, _ block: String, _ line: Int) {
        let base = "  released: {value: \"2026-10-07\", source: p}\n  lifecycle: {}\n  hosting: api\n"
            + "  context_window: {value: 1000000, source: p}\n"
        let text = errors(base + block)
        #expect(text.contains("is not in this page's `sources`"), "\(name): \(text)")
        #expect(text.contains("models/test-model.md:\(line): source"), "\(name): \(text)")  // the figure's own line
    }

    // MARK: - Where each rating comes from

    /// Every rating names its basis and confidence; each rule of README.md's `task_fit` row fails `check` at its line.
    @Test(arguments: [
        ("{fit: strong, source: p}", "basis"),
        ("{fit: strong, source: p, basis: judgement}", "confidence"),
        ("{fit: strong, source: p, basis: hunch, confidence: low}", "must be one of benchmark, vendor_statement, field_reports, judgement, not 'hunch'"),
        ("{fit: strong, source: p, basis: judgement, confidence: certain}", "must be one of high, medium, low, not 'certain'"),
        ("{fit: strong, source: p, basis: judgement, confidence: high}", "a judgement cannot have `confidence: high`"),
        ("{fit: strong, source: p, basis: benchmark, confidence: medium}", "`basis: benchmark` needs `benchmark`"),
        ("{fit: strong, source: p, basis: benchmark, confidence: medium, benchmark: mmlu}", "benchmark `mmlu` is not in this model's `benchmarks`"),
        ("{fit: strong, source: p, basis: field_reports, confidence: medium, benchmark: swe_bench_verified}", "`benchmark` is only for `basis: benchmark`"),
        ("{fit: strong, source: ours, basis: vendor_statement, confidence: medium}", "a vendor statement cites the vendor's public page, not `/criteria/task-type-fit`"),
    ])
    func ratingBasisIsChecked(rating: String, message: String) {
        let ours = "\n  - {id: ours, title: Our judgement, url: /criteria/task-type-fit, checked: \"2026-11-28\"}"
        let text = errors(Self.good + "\n  benchmarks:\n    swe_bench_verified: {value: 70, source: p, name: SWE-bench Verified}",
                          classification: rating, sources: ours)
        #expect(text.contains(message), "\(rating): \(text)")
        #expect(text.contains("models/test-model.md:"), "\(text)")
    }

    @Test func aRatingOnANamedBenchmarkOrAVendorPageLoads() throws {
        let block = Self.good + "\n  benchmarks:\n    swe_bench_verified: {value: 70, source: p, name: SWE-bench Verified}"
        #expect(errors(block, classification: "{fit: strong, source: p, basis: benchmark, confidence: high, benchmark: swe_bench_verified}") == "")
        #expect(errors(block, classification: "{fit: strong, source: p, basis: vendor_statement, confidence: medium}") == "")
        #expect(errors(block, classification: "{fit: strong, source: p, basis: field_reports, confidence: medium}") == "")
    }
}
