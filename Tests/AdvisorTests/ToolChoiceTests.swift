import Testing
@testable import Advisor

/// The `tool_choice` answer (content/criteria/tool-choice.md): a forced tool call rules out the models whose pages say
/// they return an error on one, and prices the models that take one only without thinking with their thinking off.
/// On the real content.
struct ToolChoiceTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    /// Deep-reasoning requests that Claude Sonnet 5.5 takes when nothing is forced (the reasoning depth rule names it).
    static let analyses: [String: AnswerValue] = [
        "task_type": "complex_reasoning", "monthly_requests": 200_000, "avg_input_tokens": 6_000, "avg_output_tokens": 800]
    /// Short classifications that Claude Haiku 5.5 takes, with thinking asked for.
    static let labels: [String: AnswerValue] = [
        "task_type": "classification", "monthly_requests": 5_000_000, "avg_input_tokens": 400, "avg_output_tokens": 10,
        "reasoning_effort": "medium"]

    @Test func aPlanThatEscalatesToALegacyModelSaysWhy() throws {
        // A routed classifier whose code forces a tool call: Sonnet 5.5 and Opus 5.5 refuse the call, so the plan
        // escalates to Sonnet 4.6, legacy. The warning says so once, with each current model's reason (the successor's
        // refusal is among them, not said again as a caveat on the succession).
        let a = engine.assess(k.answers([
            "task_type": "classification", "monthly_requests": 3_000_000, "avg_input_tokens": 1_500, "avg_output_tokens": 20,
            "complex_share": 0.1, "accuracy": "first_time_right", "fallback_ready": true, "routing": "tiered",
            "tool_choice": "forced", "as_of": "2026-12-05"]))
        #expect(try #require(a.decision.combined).escalation_model == "claude-sonnet-4-6")
        let legacy = try #require(a.warnings.first { $0.model == "claude-sonnet-4-6" && $0.failure_mode == "model-retirement" })
        #expect(legacy.text.hasPrefix("The complex requests go to Claude Sonnet 4.6 (legacy since 2026-06-30: Claude Sonnet 5.5 "
            + "succeeds it), since the escalation models listed ahead of it cannot take them: Claude Sonnet 5.5: it returns an "
            + "error on a forced tool call (tool_choice any or a named tool); Claude Opus 5.5: it returns an error"), "\(legacy.text)")
        #expect(!legacy.text.contains("though it returns an error"))
    }

    @Test func aForcedCallRulesOutTheModelsThatRefuseIt() {
        let free = engine.assess(k.answers(Self.analyses))
        #expect(free.primaryModel == "claude-sonnet-5-5")
        for choice: AnswerValue in ["none", "auto"] {
            #expect(engine.assess(k.answers(with(Self.analyses, ["tool_choice": choice]))).primaryModel == "claude-sonnet-5-5")
        }
        let forced = engine.assess(k.answers(with(Self.analyses, ["tool_choice": "forced"])))
        let refusing = ["claude-sonnet-5-5", "claude-opus-5-5", "claude-fable-5-2"]
        #expect(!refusing.contains(forced.primaryModel))
        #expect(forced.alternatives.allSatisfy { !refusing.contains($0) }, "\(forced.alternatives)")
        // The stand-in takes the rule's place and the warning says why the named model cannot.
        #expect(forced.primaryModel == "claude-sonnet-4-6")
        #expect(forced.warnings.contains { $0.text.contains("Claude Sonnet 5.5, the usual home for this work, cannot take it: "
            + "it returns an error on a forced tool call (tool_choice any or a named tool)") })
        let values = k.answers(with(Self.analyses, ["tool_choice": "forced"])).values
        values.withUnsafeBufferPointer { v in
            for slug in refusing {
                #expect(!engine.usable(k.index(slug), v), "\(slug)")
                #expect(engine.whyNotUsable(k.index(slug), v).contains("forced tool call"), "\(slug)")
            }
            // A model whose page puts no limit on forced calls is untouched.
            #expect(engine.usable(k.index("gpt-6-2-sol"), v))
        }
    }

    /// A runner-up dearer only by thinking the primary does not do says so: Gemini 4 Neon "costs $881 more for the
    /// same fit" than Claude Sonnet 4.6, which forced tool calls keep from thinking, and all of it was Neon's
    /// high-effort thinking (its trap's amount, $900).
    @Test func aRunnerUpDearerByThinkingThePrimaryDoesNotDoSaysSo() throws {
        let a = engine.assess(k.answers(["task_type": "autonomous_coding", "monthly_requests": 20_000, "avg_input_tokens": 30_000,
                                         "avg_output_tokens": 2_000, "complex_share": 0.6, "routing": "tiered",
                                         "reasoning_effort": "high", "tool_choice": "forced", "as_of": "2026-12-06"]))
        #expect(a.primaryModel == "claude-sonnet-4-6")
        let runnerUp = try #require(a.decision.runner_up)
        #expect(runnerUp.model == "gemini-4-neon")
        #expect(runnerUp.reason.contains("more a month for the same fit; Gemini 4 Neon's thinking alone is $900 of its month, where "
                                          + "Claude Sonnet 4.6 answers without thinking here"), "\(runnerUp.reason)")
        let trap = try #require(a.decision.traps.first { $0.kind == .thinking_tokens && $0.model == "gemini-4-neon" })
        #expect((trap.amount_usd ?? 0) >= runnerUp.difference_usd)
        // Both priced with thinking: no such clause.
        let thinking = engine.assess(k.answers(["task_type": "autonomous_coding", "monthly_requests": 20_000, "avg_input_tokens": 30_000,
                                                "avg_output_tokens": 2_000, "reasoning_effort": "high", "as_of": "2026-12-06"]))
        #expect(!(thinking.decision.runner_up?.reason.contains("answers without thinking") ?? false))
    }

    @Test func aForcedCallSwitchesThinkingOffWhereTheModelNeedsIt() throws {
        let thinking = engine.assess(k.answers(Self.labels))
        let forced = engine.assess(k.answers(with(Self.labels, ["tool_choice": "forced"])))
        let off = engine.assess(k.answers(with(Self.labels, ["reasoning_effort": "none"])))
        let haiku = try forced.line("claude-haiku-5-5")
        #expect(try thinking.line("claude-haiku-5-5").rates.reasoning_effort == .medium)
        #expect(haiku.rates.reasoning_effort == Effort.none)
        #expect(haiku.rates.reasoning_tokens_per_request == 0)
        // Thinking off as with effort none; the forced call adds only the tool-use system prompt (an estimate on Haiku
        // 5.5: Haiku 4.5's count, on its tokenizer), billed as input.
        let tool = try #require(haiku.rates.tool_prompt_tokens_per_request)
        let rate = try #require(haiku.rates.input_per_mtok)
        #expect(abs(haiku.monthly_usd - (try off.line("claude-haiku-5-5")).monthly_usd - 5_000_000 * tool * rate / 1e6) < 0.01)
        #expect(haiku.monthly_usd < (try thinking.line("claude-haiku-5-5")).monthly_usd)
        #expect(haiku.rates.notes.contains { $0.hasPrefix("Thinking off: it takes a forced tool call only without thinking") })
        // A model with no such limit keeps the effort the team chose.
        #expect(try forced.line("gpt-6-luna").rates.reasoning_effort == .medium)
        // No effort lever on a model whose thinking the forced call fixes: it would move nothing.
        #expect(forced.primaryModel == "claude-haiku-5-5")
        #expect(!forced.levers.contains { [.lower_effort, .raise_effort, .thinking_off, .least_thinking].contains($0.kind) })
        #expect(thinking.levers.contains { $0.kind == .lower_effort }, "the same workload without tools is offered less thinking")
    }

    @Test func aStandInThatCanTakeTheForcedCallOnlyWithoutThinkingSaysSo() throws {
        // Must-be-right deep reasoning with forced tool calls: Sonnet 5.5 refuses the call, Sonnet 4.6 stands in at
        // $455 with its thinking off, "the same fit" as models that reason, and nothing said it would not think.
        let given = with(Self.analyses, ["monthly_requests": 20_000, "avg_output_tokens": 200, "tool_choice": "forced",
                                         "accuracy": "first_time_right", "as_of": "2026-12-06"])
        let a = engine.assess(k.answers(given))
        #expect(a.primaryModel == "claude-sonnet-4-6")
        let stand = try #require(a.warnings.first { $0.model == "claude-sonnet-5-5" && $0.text.contains("stands in for it") })
        #expect(stand.text.contains("It answers without thinking here, as forced tool calls need, where Claude Sonnet 5.5 would "
                                    + "think first"), "\(stand.text)")
        // Where the calls are not forced, Sonnet 5.5 takes the work and no stand-in is named.
        let free = engine.assess(k.answers(with(given, ["tool_choice": "auto"])))
        #expect(!free.warnings.contains { $0.text.contains("It answers without thinking here") })
    }

    /// A runner-up that answers unthinking because the calls are forced says so beside a primary that thinks: "$279
    /// more for the same fit" read as a like-for-like price for complex reasoning.
    @Test func aRunnerUpKeptFromThinkingByForcedCallsSaysSo() throws {
        let a = engine.assess(k.answers(["task_type": "complex_reasoning", "monthly_requests": 20_000, "avg_input_tokens": 15_000,
                                         "avg_output_tokens": 2_000, "tool_choice": "forced", "cost_priority": "secondary",
                                         "as_of": "2026-12-07"]))
        let runnerUp = try #require(a.decision.runner_up)
        #expect(runnerUp.model == "claude-sonnet-4-6")
        #expect(runnerUp.reason.contains("it answers without thinking here, as forced tool calls need, where \(try #require(k.models.first { $0.slug == a.primaryModel }).title) thinks first"),
                "\(runnerUp.reason)")
    }

    /// Where a batch discount leaves input no dearer than a cache read, the line says the price, not the volume, is
    /// why nothing is cached ("Caching would cost more than it saves at this volume" at 3M requests).
    @Test func inBatchACacheReadNoCheaperThanInputIsSaidAsSuch() throws {
        let a = engine.assess(k.answers(["task_type": "rag", "monthly_requests": 3_000_000, "avg_input_tokens": 12_000,
                                         "avg_output_tokens": 400, "system_prompt_tokens": 6_000, "latency": "batch",
                                         "cost_priority": "primary", "as_of": "2026-12-07"]))
        let line = try a.line("gpt-oss-120b")
        #expect(line.rates.notes.contains { $0.hasPrefix("In batch, $0.075 a million input tokens is no more than a cache read ($0.075)") },
                "\(line.rates.notes)")
        #expect(!line.rates.notes.contains { $0.contains("at this volume") })
    }

    @Test func thinkingOffNeedsALevelWithoutThinking() throws {
        // Sonnet 5.5 cannot switch its thinking off: a page saying it takes forced calls only without it is refused.
        let file = try Fixture.file()
        let models = file.models.map { entry -> ModelEntry in
            var spec = entry.spec
            if entry.slug == "claude-sonnet-5-5" { spec.forced_tool_use = Figure(value: .thinking_off, source: "overview") }
            return ModelEntry(slug: entry.slug, title: entry.title, spec: spec, sources: entry.sources ?? [])
        }
        #expect {
            _ = try Fixture.knowledge(file, models: models)
        } throws: { error in
            guard let e = error as? KnowledgeError else { return false }
            return e.slug == "claude-sonnet-5-5" && e.field == "model.forced_tool_use.value"
                && e.message.contains("needs `none` among the reasoning levels")
        }
    }

    @Test func aLegacyModelsSuccessorThatRefusesTheCallIsSaidSo() throws {
        // 30M cost-first chats that must be right the first time: Haiku 5.5 fits only 'good'. That margin is many
        // times the bill, which the real content does not name (quality_margin_max_ratio); without that limit, and
        // with the Gemini and GPT-6.2 models that fit chat strongly rated 'good' (they are cheaper with reasoning at
        // its cheapest setting, which the margin is ranked on), the cheapest strong fit is legacy Sonnet 4.6, whose
        // successor would refuse every one of these requests: the words are checked.
        let chats: [String: AnswerValue] = ["task_type": "chat", "monthly_requests": 30_000_000, "avg_input_tokens": 800,
                                            "avg_output_tokens": 150, "cost_priority": "primary", "tool_choice": "forced",
                                            "accuracy": "first_time_right"]
        #expect(engine.assess(k.answers(chats)).qualityMargin == nil)
        var file = try Fixture.file()
        file.settings.quality_margin_max_ratio = nil
        file.settings.quality_margin_min_usd = nil
        for i in file.models.indices where ["gemini-3-8-flash", "gemini-4-hydrogen", "gpt-6-2-sol", "gpt-6-2-astra"].contains(file.models[i].slug) {
            file.models[i].spec.task_fit["chat"]?.fit = .good
        }
        let unlimited = try Fixture.knowledge(file)
        let engine = Engine(knowledge: unlimited)
        let a = engine.assess(unlimited.answers(chats))
        #expect(a.qualityMargin?.model == "claude-sonnet-4-6")
        #expect(a.warnings.contains { $0.text.contains("Claude Sonnet 4.6 (legacy since 2026-06-30: Claude Sonnet 5.5 succeeds it, "
            + "though it returns an error on this workload's forced tool calls)") })
        // Where the calls are not forced, Sonnet 5.5 takes them, and at its 286-token tool prompt (Sonnet 4.6 adds 497)
        // it is the cheapest strong fit itself: no legacy model is named.
        let free = engine.assess(unlimited.answers(with(chats, ["tool_choice": "auto"])))
        #expect(free.qualityMargin?.model == "claude-sonnet-5-5", "\(String(describing: free.qualityMargin?.model))")
        #expect(!free.warnings.contains { $0.text.contains("returns an error on this workload's forced tool calls") })
    }

    @Test func theOnlyWhatIfIsToStopForcing() {
        let (none, auto, forced) = (0.0, 1.0, 2.0)
        #expect(AnswerID.toolChoice.choices == ["none", "auto", "forced"])
        #expect(k.plausibleChoice(.toolChoice, from: forced, to: auto))
        for (from, to) in [(forced, none), (none, auto), (auto, none), (none, forced), (auto, forced)] {
            #expect(!k.plausibleChoice(.toolChoice, from: from, to: to), "\(from) → \(to)")
        }
        // `none` and `auto` decide alike, so no workload without a forced call is told to change its tool choice.
        for answers in [Self.analyses, Self.labels, with(Self.analyses, ["tool_choice": "auto"])] {
            #expect(!engine.assess(k.answers(answers)).whatWouldChange.contains { $0.answer == .toolChoice })
        }
    }

    @Test func theAnswerIsRead() throws {
        #expect(try k.answers(fromQuery: [("tool_choice", "forced")])[.toolChoice] == "forced")
        #expect(k.answers([:])[.toolChoice] == "none", "the questionnaire default")
        #expect(throws: AnswerError(code: "invalid_choice", message: "'tool_choice' must be one of none, auto, forced",
                                    field: "tool_choice")) {
            _ = try k.answers(fromQuery: [("tool_choice", "required")])
        }
    }

    @Test func requestsThatCarryToolsAreWarnedOfToolUseErrorsWhateverTheTask() {
        // Classifications are not a task type that usually calls tools: the answer that they do raises the warning.
        func warned(_ choice: AnswerValue) -> Bool {
            engine.assess(k.answers(with(Self.labels, ["tool_choice": choice]))).warnings.contains { $0.failure_mode == "tool-use-errors" }
        }
        #expect(!warned("none"))
        #expect(warned("auto"))
        #expect(warned("forced"))
    }

    @Test func aTaskThatUsuallyCallsToolsIsWarnedUntilTheTeamSaysItHasNone() {
        // RAG usually gives the model tools: the warning says so while the tools question is left to its default,
        // and goes when the team answers "No tools" (it is the same default value, answered).
        let rag: [String: AnswerValue] = ["task_type": "rag", "monthly_requests": 300_000, "avg_input_tokens": 6000]
        func toolWarning(_ answers: [String: AnswerValue]) -> String? {
            engine.assess(k.answers(answers)).warnings.first { $0.failure_mode == "tool-use-errors" }?.text
        }
        #expect(toolWarning(rag)?.contains("if yours do") == true, "assumed: the guess from the task, said as one")
        #expect(toolWarning(with(rag, ["tool_choice": "none"])) == nil, "answered: the team's own answer wins")
        let stated = toolWarning(with(rag, ["tool_choice": "auto"]))
        #expect(stated != nil && stated?.contains("if yours do") == false, "tools said: the plain warning")
    }
}
