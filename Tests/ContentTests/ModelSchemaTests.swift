import Testing
@testable import Content

/// The model schema: closed sets are refused by decoding at their line, and every value rule is checked once, by
/// the engine's loader, and still reported as `path:line`.
struct ModelSchemaTests {
    static func model(_ block: String) -> String {
        """
        ---
        title: Test model
        summary: A model.
        updated: "2026-11-28"
        sources:
          - {id: p, title: Pricing, url: "https://example.com", checked: "2026-11-28"}
        model:
          provider: Test
          family: haiku
        \(block)
          access: [anthropic_api]
          task_fit:
            classification: {fit: strong, source: p}
            extraction: {fit: strong, source: p}
            summarization: {fit: strong, source: p}
            moderation: {fit: strong, source: p}
            chat: {fit: good, source: p}
            code_completion: {fit: good, source: p}
            autonomous_coding: {fit: poor, source: p}
            complex_reasoning: {fit: weak, source: p}
            rag: {fit: good, source: p}
            other: {fit: good, source: p}
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

    func errors(_ block: String) -> String {
        do {
            let content = try TemporaryContent(["models/test-model.md": Self.model(block)])
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
}
