import Testing
@testable import Advisor

/// Anthropic's Message Batches API takes answers of up to 300,000 tokens on the Claude 5.5 models (a beta header;
/// `batch_max_output` on their pages), against 128,000 on the Messages API. Batch work is held to that limit, and
/// nothing else is: 100,000-token reports (131,200 on Haiku 5.5's count) were refused by Haiku 5.5 in batch too.
struct BatchOutputLimitTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    func reports(output: Double, latency: String) -> Assessment {
        // Cost secondary: Sonnet 5.5 takes them (routing does not pay at 500 a month), and Haiku 5.5 is priced beside it.
        engine.assess(k.answers(["task_type": "summarization", "monthly_requests": 500, "avg_input_tokens": 20_000,
                                 "avg_output_tokens": .number(output), "latency": .text(latency), "cost_priority": "secondary",
                                 "as_of": "2026-12-04"]))
    }

    func haikuLine(_ a: Assessment) throws -> CostLine {
        try #require(a.costs.first { $0.model == "claude-haiku-5-5" })
    }

    @Test func batchWorkIsHeldToTheBatchAPIsOutputLimit() throws {
        let batch = reports(output: 100_000, latency: "batch")
        #expect(try haikuLine(batch).fits && haikuLine(batch).within_headroom)
        #expect(!batch.warnings.contains { $0.model == "claude-haiku-5-5" && $0.text.contains("output limit") })
        // The cost line says what holds them: the batch API, and its beta header.
        #expect(try haikuLine(batch).rates.notes.contains("Answers of 131,200 tokens, reasoning included, are over its "
            + "128,000-token output limit: only its batch API takes them with room, up to 300,000 tokens with the beta header "
            + "its page names, on the platforms that accept it. Without the header they are cut off."))
        // Under the limit but past the room we leave (118,200 of 128,000), the header is what holds them too.
        let roomless = reports(output: 90_000, latency: "batch")
        #expect(try haikuLine(roomless).rates.notes.contains { $0.hasPrefix("Answers of 118,200 tokens, reasoning included, fill "
            + "92.3 % of its 128,000-token output limit, more than the 80 % we leave for longer answers: only its batch API") })
        // The same answers through the Messages API are over its 128,000 tokens.
        let interactive = reports(output: 100_000, latency: "interactive")
        #expect(try !haikuLine(interactive).fits)
        let refused = try #require(interactive.warnings.first { $0.model == "claude-haiku-5-5" })
        #expect(refused.text.contains("131,200 output tokens a request exceed its 128,000-token output limit."), "\(refused.text)")
        // Over 80 % of the batch limit is over the headroom, and said of the batch API's limit.
        let near = reports(output: 200_000, latency: "batch")
        #expect(try haikuLine(near).fits && !haikuLine(near).within_headroom)
        let over = try #require(near.warnings.first { $0.model == "claude-haiku-5-5" }).text
        #expect(over.contains("one answer is 261,200 output tokens, reasoning included, 87% of its 300,000-token output "
                              + "limit on the batch API, over the 80% headroom"), "\(over)")
        let beyond = try #require(reports(output: 250_000, latency: "batch").warnings.first { $0.model == "claude-haiku-5-5" }).text
        #expect(beyond.contains("326,200 output tokens a request exceed its 300,000-token output limit on the batch API"), "\(beyond)")
        // A model without a batch limit of its own keeps its one limit in batch.
        let v = k.answers(["avg_output_tokens": 100_000, "latency": "batch", "as_of": "2026-12-04"]).values
        let haiku45 = k.modelIndex["claude-haiku-4-5"]!
        #expect(k.compiledModels[haiku45].batchMaxOutput == nil)
        #expect(!v.withUnsafeBufferPointer { k.fits(model: haiku45, $0) })
    }

    @Test(arguments: [(100_000.0, "must be above max_output"), (2_000_000, "cannot exceed the context window")])
    func theBatchLimitIsChecked(value: Double, message: String) throws {
        var file = try Fixture.file()
        let i = file.models.firstIndex { $0.slug == "claude-haiku-5-5" }!
        var spec = file.models[i].spec
        spec.batch_max_output = NumberFigure(value: value, source: "overview")
        file.models[i] = FixtureEntry(slug: "claude-haiku-5-5", title: "x", spec: spec)
        #expect { _ = try Fixture.knowledge(file) } throws: { error in
            guard let e = error as? KnowledgeError else { return false }
            return e.field.hasPrefix("model.batch_max_output") && e.message.contains(message)
        }
    }

    /// Answers only the batch API's larger limit holds with room need its beta header and a platform that takes it:
    /// the verdict's warnings say so for the recommended model and a plan's escalation model, not a cost-line note alone.
    @Test func answersThatNeedTheBatchLimitAreWarnedOf() throws {
        let a = engine.assess(k.answers(["task_type": "summarization", "monthly_requests": 2_000, "avg_input_tokens": 20_000,
                                         "avg_output_tokens": 110_000, "latency": "batch", "accuracy": "reviewed",
                                         "as_of": "2026-12-07"]))
        #expect(a.verdict == .tieredRouting && a.primaryModel == "claude-haiku-5-5")
        let haiku = try #require(a.warnings.first { $0.model == "claude-haiku-5-5" && $0.failure_mode == "truncated-answers" })
        #expect(haiku.text.hasPrefix("Answers of 144,200 tokens, on Claude Haiku 5.5's count, have room only under its batch API's "
                                     + "output limit of 300,000 tokens; everywhere else it stops at 128,000."), "\(haiku.text)")
        #expect(haiku.title == "Claude Haiku 5.5's answers fit only its batch output limit")
        // Sonnet 5.5 takes the complex share at its default high: 143,000 + 3,000.
        #expect(a.warnings.contains { $0.model == "claude-sonnet-5-5" && $0.text.hasPrefix("Answers of 146,000 tokens") },
                "\(a.warnings.map(\.text))")
        // Answers the Messages API holds with room need no header.
        let short = reports(output: 60_000, latency: "batch")
        #expect(!short.warnings.contains { $0.text.contains("batch API's output limit") })
    }

    /// A Haiku ruled out by its output limit is a truncation risk, said on the truncated-answers page with what fixes
    /// it: it linked to long-context cost and told the team "a shorter prompt" would help.
    @Test func aHaikuOutgrownByItsAnswersLinksToTruncatedAnswers() throws {
        let a = engine.assess(k.answers(["task_type": "summarization", "monthly_requests": 1_500, "avg_input_tokens": 30_000,
                                         "avg_output_tokens": 97_000, "latency": "interactive", "as_of": "2026-12-07"]))
        let warning = try #require(a.warnings.first { $0.model == "claude-haiku-5-5" && $0.text.contains("cannot take this workload") })
        #expect(warning.failure_mode == "truncated-answers" && warning.url == "/failure-modes/truncated-answers")
        #expect(warning.text.contains("127,300 output tokens") && warning.text.contains("shorter answers"), "\(warning.text)")
        #expect(!warning.text.contains("shorter prompt"))
        // A prompt too long for the window stays with long-context cost.
        let long = engine.assess(k.answers(["task_type": "summarization", "monthly_requests": 1_500, "avg_input_tokens": 700_000,
                                            "avg_output_tokens": 500, "as_of": "2026-12-07"]))
        let window = try #require(long.warnings.first { $0.model == "claude-haiku-5-5" && $0.text.contains("cannot take this workload") })
        #expect(window.failure_mode == "long-context-cost", "\(window.text)")
    }
}
