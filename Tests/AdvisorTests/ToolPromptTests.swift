import Testing
@testable import Advisor

/// The system prompt a provider adds to every request that carries tools (`tool_prompt_tokens`,
/// content/criteria/tool-choice.md): billed as input where the model's page gives its count, ahead of any cached
/// share; where the provider publishes no count for the model, at the row the page borrows (`estimate`), else at the
/// nearest counted model's on the model's own tokenizer. On the real content.
struct ToolPromptTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    /// Short classifications, counted with Haiku 4.5's tokenizer (the default), so Haiku 4.5 reads them as given.
    static let labels: [String: AnswerValue] = [
        "task_type": "classification", "monthly_requests": 20_000_000, "avg_input_tokens": 300, "avg_output_tokens": 20,
        "reasoning_effort": "none"]

    @Test func haiku45BillsAnthropicsPromptOnEveryRequestWithTools() throws {
        let none = try engine.assess(k.answers(Self.labels)).line("claude-haiku-4-5")
        let auto = try engine.assess(k.answers(with(Self.labels, ["tool_choice": "auto"]))).line("claude-haiku-4-5")
        let forced = try engine.assess(k.answers(with(Self.labels, ["tool_choice": "forced"]))).line("claude-haiku-4-5")
        #expect(none.rates.tool_prompt_tokens_per_request == nil)
        #expect(none.rates.input_tokens_per_request == 300)
        // The page's row (Anthropic's table of August-September 2026): 496 tokens with auto, 588 with a forced call.
        #expect(auto.rates.tool_prompt_tokens_per_request == 496)
        #expect(auto.rates.input_tokens_per_request == 796)
        #expect(forced.rates.tool_prompt_tokens_per_request == 588)
        #expect(forced.rates.input_tokens_per_request == 888)
        // Billed as input at the line's own rate: 20M × 588 tokens at $1 a million is $11,760 a month more.
        let rate = try #require(forced.rates.input_per_mtok)
        #expect(abs((forced.monthly_usd - none.monthly_usd) - 20_000_000 * 588 * rate / 1e6) < 0.01)
        #expect(abs((auto.monthly_usd - none.monthly_usd) - 20_000_000 * 496 * rate / 1e6) < 0.01)
        #expect(forced.rates.notes.contains { $0.contains("588 tokens with tool_choice any or a named tool on this model, billed as input") })
        // The trap states the same amount, and the page that explains it.
        let answers = k.answers(with(Self.labels, ["tool_choice": "forced"]))
        let trap = try #require(engine.traps(model: k.index("claude-haiku-4-5"), line: forced, answers: answers)
            .first { $0.kind == .tool_prompt })
        #expect(trap.amount_usd == Format.rounded(20_000_000 * 588 * rate / 1e6))
        #expect(trap.url == "/criteria/tool-choice")
        #expect(trap.text.hasPrefix("Anthropic puts its own tool-use system prompt in front of every request that carries tools: "
            + "588 tokens a request with tool_choice any or a named tool on Claude Haiku 4.5"))
    }

    /// An estimate is priced, but is never what takes a prefix over the cache minimum, nor a request over a price line
    /// unsaid: 313 estimated tokens lifted Sonnet 4.6's 750-token prefix past its 1,024 and cut its month by $1,931;
    /// 99,600 tokens and an estimated 450 crossed Haiku 5.5's 100,000 and the trap gave 100,050 "on its count".
    /// Fable 5.2's estimate (Opus 5's 286 tokens) would take a 390-token prefix past its 512.
    @Test func anEstimateDoesNotCrossACacheMinimumAndIsNamedWhereItCrossesAPriceLine() throws {
        let answers = k.answers(["task_type": "complex_reasoning", "monthly_requests": 1_000_000, "avg_input_tokens": 600,
                                 "avg_output_tokens": 200, "tool_choice": "auto", "cached_input_share": 0.5, "as_of": "2026-12-06"])
        let fable = try engine.assess(answers).line("claude-fable-5-2")
        #expect(fable.rates.tool_prompt_tokens_per_request == 286)
        #expect(fable.rates.caching == .below_minimum)
        #expect(fable.rates.notes.contains { $0.hasPrefix("The cacheable prefix of 390 tokens (not counting the tool-use system prompt we estimate)") })
        let minimum = try #require(engine.traps(model: k.index("claude-fable-5-2"), line: fable, answers: answers)
            .first { $0.kind == .cache_minimum })
        #expect(minimum.text.contains("your 390-token prefix"), "\(minimum.text)")
        // A Haiku 5.5 whose page borrowed Sonnet 5's row (354) instead of its own count: the line it crosses is said.
        let file = try Fixture.file()
        let models = file.models.map { entry -> ModelEntry in
            var spec = entry.spec
            if entry.slug == "claude-haiku-5-5" {
                spec.tool_prompt_tokens = ToolPrompt(estimate: ToolPromptEstimate(auto: 354, forced: 474, from: "Claude Sonnet 5"),
                                                     source: "tool-prompt-tokens")
            }
            return ModelEntry(slug: entry.slug, title: entry.title, spec: spec, sources: entry.sources ?? [])
        }
        let borrowed = try Fixture.knowledge(file, models: models)
        let near = Engine(knowledge: borrowed).assess(borrowed.answers(["task_type": "rag", "monthly_requests": 20_000, "avg_input_tokens": 99_700,
                                            "avg_output_tokens": 500, "tool_choice": "auto", "tokens_counted_with": "claude-haiku-5-5",
                                            "as_of": "2026-12-06"]))
        let cliff = try #require(near.decision.traps.first { $0.kind == .long_context_cliff && $0.model == "claude-haiku-5-5" })
        #expect(cliff.text.contains("this prompt is 100,054 tokens on its count (354 of them the tool-use system prompt we estimate, "
                                    + "without which it would be under the line)"), "\(cliff.text)")
    }

    /// Where the provider publishes no count, the figure takes the row the page borrows and says whose it is: leaving
    /// it out let Claude Sonnet 4.6 win "$10 cheaper" than GPT-6.2 Sol by less than the $19 its line left out. Fable
    /// 5.2 has no row in Anthropic's table; its page takes Opus 5's (286 and 406, on the same tokenizer).
    @Test func aModelWithoutACountIsPricedAtTheRowItsPageBorrowsAndSaysSo() throws {
        let none = try engine.assess(k.answers(Self.labels)).line("claude-fable-5-2")
        let answers = k.answers(with(Self.labels, ["tool_choice": "auto"]))
        let auto = try engine.assess(answers).line("claude-fable-5-2")
        #expect(auto.rates.tool_prompt_tokens_per_request == 286)
        let rate = try #require(auto.rates.input_per_mtok)
        #expect(abs((auto.monthly_usd - none.monthly_usd) - 20_000_000 * 286 * rate / 1e6) < 0.01)
        #expect(auto.rates.notes.contains { $0.contains("we have read no count for this model, so it is priced at Claude Opus 5's, "
                                                          + "a row of the provider's table on the same tokenizer, which its page borrows: 286 tokens with tool_choice auto") },
                "\(auto.rates.notes)")
        #expect(!none.rates.notes.contains { $0.contains("tool-use system prompt") })
        let trap = try #require(engine.traps(model: k.index("claude-fable-5-2"), line: auto, answers: answers)
            .first { $0.kind == .tool_prompt_unpublished })
        #expect(trap.amount_usd == Format.rounded(20_000_000 * 286 * rate / 1e6))
        #expect(trap.text.contains("We have read no count for Claude Fable 5.2, so its figure takes that of Claude Opus 5, a row of "
                                   + "the provider's table on the same tokenizer, which its page borrows: 286 tokens a request with "
                                   + "tool_choice auto, billed as input"), "\(trap.text)")
        // The model page says what the figures use.
        let estimate = try #require(k.toolPromptEstimate(of: "claude-fable-5-2"))
        #expect(estimate.auto == 286 && estimate.forced == 406 && estimate.reference == "Claude Opus 5")
        #expect(k.toolPromptEstimate(of: "claude-haiku-5-5") == nil, "Haiku 5.5's own count is on its page")
        // Another provider's model: nothing added, nothing said.
        let luna = try engine.assess(answers).line("gpt-6-luna")
        #expect(luna.rates.tool_prompt_tokens_per_request == nil)
        #expect(!luna.rates.notes.contains { $0.contains("tool-use system prompt") })
    }

    /// A page that says the provider adds a prompt but borrows no row takes the nearest counted model of its provider
    /// (the newest of its family, else the provider's newest) on its own tokenizer: Fable 5.2 without its borrowed row
    /// takes Haiku 5.5's, the newest Claude model with a count, on the same tokenizer.
    @Test func withoutABorrowedRowTheNearestCountedModelsCountIsScaled() throws {
        let file = try Fixture.file()
        let models = file.models.map { entry -> ModelEntry in
            var spec = entry.spec
            if entry.slug == "claude-fable-5-2" { spec.tool_prompt_tokens?.estimate = nil }
            return ModelEntry(slug: entry.slug, title: entry.title, spec: spec, sources: entry.sources ?? [])
        }
        let knowledge = try Fixture.knowledge(file, models: models)
        let estimate = try #require(knowledge.toolPromptEstimate(of: "claude-fable-5-2"))
        #expect(estimate.auto == 286 && estimate.forced == 406 && estimate.reference == "Claude Haiku 5.5", "\(estimate)")
        #expect(knowledge.toolPromptBasis(of: "claude-fable-5-2") == "the nearest model we have a count for, on this model's tokenizer")
    }

    @Test func thePromptRidesInTheCachedPrefix() throws {
        // Half of a 7,600-token prompt is a 3,800-token prefix, under Haiku 4.5's 4,096-token cache minimum; the
        // 496-token tool prompt ahead of it makes 4,296, which is cached.
        let long = with(Self.labels, ["avg_input_tokens": 7_600, "cached_input_share": 0.5, "monthly_requests": 1_000_000])
        let bare = try engine.assess(k.answers(long)).line("claude-haiku-4-5")
        let tools = try engine.assess(k.answers(with(long, ["tool_choice": "auto"]))).line("claude-haiku-4-5")
        #expect(bare.rates.caching == .below_minimum)
        #expect(tools.rates.caching == .used)
        #expect(tools.rates.notes.contains { $0.hasPrefix("Prefix of 4,296 tokens cached") })
        // Anthropic does not count cache reads against the input limit: the uncached rest is the 3,800 tokens after
        // the prefix, half of what the uncached 7,600-token prompt puts on it.
        let cachedNeed = try #require(tools.capacity?.peak_itpm), plainNeed = try #require(bare.capacity?.peak_itpm)
        #expect(abs(cachedNeed / plainNeed - 0.5) < 0.001, "\(cachedNeed) against \(plainNeed)")
        // No share, no cache: the tool prompt alone is not taken as a prefix.
        let uncached = try engine.assess(k.answers(with(Self.labels, ["tool_choice": "auto"]))).line("claude-haiku-4-5")
        #expect(uncached.rates.caching == .noCacheableShare)
    }

    @Test func theWindowAndTheTrimsCountIt() throws {
        // Haiku 4.5's 200,000-token window with 80 % headroom: the longest prompt that fits with tools is 496 tokens
        // shorter than without (rounded down to a hundred).
        let v = k.answers(with(Self.labels, ["avg_input_tokens": 150_000, "avg_output_tokens": 1_000])).values
        let w = k.answers(with(Self.labels, ["avg_input_tokens": 150_000, "avg_output_tokens": 1_000, "tool_choice": "auto"])).values
        let haiku = k.index("claude-haiku-4-5")
        let bare = try #require(v.withUnsafeBufferPointer { k.fitTarget(model: haiku, $0) })
        let tools = try #require(w.withUnsafeBufferPointer { k.fitTarget(model: haiku, $0) })
        #expect(bare == 159_000)
        #expect(tools == 158_500)
        // A long-context trim keeps the fixed part out of the proportion.
        #expect(Knowledge.trimTarget(input: 90_000, counted: 117_346, threshold: 100_000, fixed: 346) == 76_600)
        #expect(Knowledge.trimTarget(input: 90_000, counted: 117_000, threshold: 100_000, fixed: 0) == 76_900)
    }

    @Test func aPageGivesBothCountsOrNeither() throws {
        let file = try Fixture.file()
        let models = file.models.map { entry -> ModelEntry in
            var spec = entry.spec
            if entry.slug == "claude-haiku-4-5" { spec.tool_prompt_tokens = ToolPrompt(auto: 346, source: "tool-prompt-tokens") }
            return ModelEntry(slug: entry.slug, title: entry.title, spec: spec, sources: entry.sources ?? [])
        }
        #expect {
            _ = try Fixture.knowledge(file, models: models)
        } throws: { error in
            guard let e = error as? KnowledgeError else { return false }
            return e.slug == "claude-haiku-4-5" && e.field == "model.tool_prompt_tokens" && e.message.contains("give both counts")
        }
    }

    /// A borrowed row stands in for counts the provider does not publish: a page that gives both is refused.
    @Test func aPageGivesItsCountsOrABorrowedRowNotBoth() throws {
        let file = try Fixture.file()
        let models = file.models.map { entry -> ModelEntry in
            var spec = entry.spec
            if entry.slug == "claude-haiku-4-5" {
                spec.tool_prompt_tokens?.estimate = ToolPromptEstimate(auto: 354, forced: 474, from: "Claude Sonnet 5")
            }
            return ModelEntry(slug: entry.slug, title: entry.title, spec: spec, sources: entry.sources ?? [])
        }
        #expect {
            _ = try Fixture.knowledge(file, models: models)
        } throws: { error in
            guard let e = error as? KnowledgeError else { return false }
            return e.slug == "claude-haiku-4-5" && e.field == "model.tool_prompt_tokens.estimate" && e.message.contains("not both")
        }
    }
}
