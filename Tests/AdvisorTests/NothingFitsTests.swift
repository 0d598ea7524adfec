import Testing
@testable import Advisor

/// A request no model can hold (Engine.decide's `nothing_fits`): the verdict says so first, names the roomiest model
/// (the one whose tightest limit the request fills least) only so the figures have one, and offers the one lever
/// that helps, the cut that makes it fit.
struct NothingFitsTests {
    static func answers(_ input: Double, _ output: Double) -> [String: AnswerValue] {
        ["task_type": "rag", "monthly_requests": 1_000, "avg_input_tokens": .number(input),
         "avg_output_tokens": .number(output), "as_of": "2026-12-03"]
    }

    @Test func aPromptLongerThanEveryWindowIsSaidFirstAndCutToFit() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(Self.answers(1_200_000, 1_000)))
        #expect(a.primaryModelBasis == .nothing_fits)
        #expect(a.costs.allSatisfy { !$0.fits }, "the case holds only while no window takes 1.2M tokens")
        // The roomiest among the models served that day: GPT-6 Luna's window is the largest (1,050,000), but its
        // prompt cap (922,000) is tighter than the 1,048,576-token windows of the Gemini models, so one of them.
        let primary = try #require(a.costs.first { $0.model == a.primaryModel })
        let served = a.costs.filter { $0.status.state == .active || $0.status.state == .legacy }
        func fill(_ line: CostLine) -> Double {
            let model = k.compiledModels[k.modelIndex[line.model]!]
            let written = line.rates.output_tokens_per_request + line.rates.reasoning_tokens_per_request
            return model.fill(input: line.rates.input_tokens_per_request, output: written, batch: false).share
        }
        // The roomiest, or one within `engine.roomy_within` of it that fits the task better (or as well and is
        // active where the roomiest is legacy).
        let least = try #require(served.map(fill).min())
        #expect(fill(primary) <= least + k.roomyWithin)
        let task = AnswerID.taskType.choices.firstIndex(of: "rag")!
        func fit(_ line: CostLine) -> Fit { k.compiledModels[k.modelIndex[line.model]!].fit[task] }
        #expect(served.filter { fill($0) <= least + k.roomyWithin }.allSatisfy { fit($0) >= fit(primary) })
        #expect(primary.model.hasPrefix("gemini-") && fill(primary) < fill(served.first { $0.model == "gpt-6-luna" }!))
        // Said first, and it is the biggest risk whatever its failure mode's severity.
        let first = try #require(a.warnings.first)
        #expect(first.text.hasPrefix("No model we list can take one of these requests on 2026-12-03"), "\(first.text)")
        #expect(a.decision.top_risk == first)
        // The cut: 80 % of the window, less the answer and the reasoning, in the answers' count, to the hundred.
        let window = k.compiledModels[k.modelIndex[primary.model]!].contextWindow
        let room = 0.8 * window - primary.rates.output_tokens_per_request - primary.rates.reasoning_tokens_per_request
        let target = (room / primary.rates.token_ratio / 100).rounded(.down) * 100
        #expect(first.text.contains("Cut each prompt to \(Format.count(target)) tokens"), "\(first.text)")
        #expect(a.levers.map(\.kind) == [.trim_to_fit])
        let lever = try #require(a.levers.first)
        #expect(lever.changes == [LeverChange(answer: .avgInputTokens, to: .number(target))])
        // Applied, the cut fits that model with the headroom, and the verdict is an ordinary one again.
        let cut = Engine(knowledge: k).assess(k.answers(Self.answers(target, 1_000)))
        #expect(cut.primaryModelBasis != .nothing_fits)
        let line = try #require(cut.costs.first { $0.model == primary.model })
        #expect(line.fits && line.within_headroom)
        #expect(abs(lever.monthly_after - line.monthly_usd) < 0.01)
    }

    /// Where the workload requires a fit (work that must be right first time, nobody reviewing: strong), the model the
    /// prompt is cut for is the roomiest of those that fit that well, not a weak one roomier by a hundredth of a
    /// percent: 900K-token legal analyses were told to cut for Gemini 3.5 Flash-Lite, which fits complex reasoning
    /// weakly. Without that requirement too: a model about as roomy (`engine.roomy_within`) that fits the task better
    /// is named, and the warning says of which models it is the roomiest.
    @Test func thePromptIsCutForAModelThatFitsAsTheWorkloadRequires() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        let task = AnswerID.taskType.choices.firstIndex(of: "complex_reasoning")!
        func assess(_ strict: Bool) -> Assessment {
            var given: [String: AnswerValue] = ["task_type": "complex_reasoning", "monthly_requests": 500,
                                                "avg_input_tokens": 900_000, "avg_output_tokens": 3_000, "as_of": "2026-12-04"]
            if strict { given["accuracy"] = "first_time_right"; given["review_capacity"] = "none" }
            return engine.assess(k.answers(given))
        }
        let loose = assess(false), strict = assess(true)
        #expect(loose.primaryModelBasis == .nothing_fits && strict.primaryModelBasis == .nothing_fits)
        #expect(k.compiledModels[k.modelIndex[loose.primaryModel]!].fit[task] == .strong, "\(loose.primaryModel)")
        // Gemini 4 Carbon, roomier by its lighter default thinking, costs more than Neon: the cheaper of the two is named.
        let cheapest = " (any that fills at most 5 % of its window more than the roomiest counts as roomy; of those, the cheapest)"
        #expect(loose.primaryModel == "gemini-4-neon")
        #expect(loose.warnings.first?.text.contains("The roomiest of the models that fit complex reasoning 'strong' or better"
                                                    + "\(cheapest) is \(k.models[k.modelIndex[loose.primaryModel]!].title)") == true,
                "\(String(describing: loose.warnings.first?.text))")
        // The roomiest of all fits it weakly and is within five points: without the band it would be named. (Gemini 3.5
        // Flash-Lite, whose thinking is off by default, is that roomy only with its thinking off, as it was priced
        // before complex reasoning kept its thinking: `thinking_kept_when` off gives that case back.)
        var file = try Fixture.file()
        file.settings.roomy_within = 0
        file.settings.thinking_kept_when = nil
        let plain = try Fixture.knowledge(file)
        let roomiest = Engine(knowledge: plain).assess(plain.answers(["task_type": "complex_reasoning", "monthly_requests": 500,
            "avg_input_tokens": 900_000, "avg_output_tokens": 3_000, "as_of": "2026-12-04"]))
        #expect(plain.compiledModels[plain.modelIndex[roomiest.primaryModel]!].fit[task] == .weak, "\(roomiest.primaryModel)")
        let named = k.modelIndex[strict.primaryModel]!
        #expect(k.compiledModels[named].fit[task] == .strong, "\(strict.primaryModel)")
        #expect(strict.warnings.first?.text.contains("The roomiest of the models that fit complex reasoning 'strong' or better"
                                                     + "\(cheapest) is \(k.models[named].title)") == true)
        #expect(strict.noModelCanTakeIt?.contains("is the roomiest of the models that fit complex reasoning 'strong' or better\(cheapest)") == true)
        // Without Carbon no roomier strong fit was passed over for its price, only weaker ones: the set is the one the
        // workload requires.
        var noCarbon = try Fixture.file()
        noCarbon.models.removeAll { $0.slug == "gemini-4-carbon" }
        let fewer = try Fixture.knowledge(noCarbon)
        let required = Engine(knowledge: fewer).assess(fewer.answers(["task_type": "complex_reasoning", "monthly_requests": 500,
            "avg_input_tokens": 900_000, "avg_output_tokens": 3_000, "as_of": "2026-12-04", "accuracy": "first_time_right",
            "review_capacity": "none"]))
        #expect(required.primaryModel == strict.primaryModel)
        #expect(required.warnings.first?.text.contains("The roomiest of the models that fit complex reasoning as this workload "
                                                       + "requires is \(k.models[named].title)") == true)
        #expect(required.noModelCanTakeIt?.contains("is the roomiest of the models that fit complex reasoning as this workload requires") == true)
        // Its prompt cap, not its window, is the limit the headroom is held to, and the warning says so.
        if let cap = k.compiledModels[named].maxInput {
            #expect(strict.warnings.first?.text.contains(", and its prompt \(Format.percent(900_000 / cap)) of its "
                                                         + "\(Format.count(cap))-token input limit.") == true,
                    "\(String(describing: strict.warnings.first?.text))")
        }
        // The cut is for that model: applied, it takes the workload with room to spare.
        let lever = try #require(strict.levers.first { $0.kind == .trim_to_fit })
        guard case .number(let target) = lever.changes.first?.to else { Issue.record("\(lever.changes)"); return }
        let given: [String: AnswerValue] = ["task_type": "complex_reasoning", "monthly_requests": 500, "avg_input_tokens": .number(target),
                                            "avg_output_tokens": 3_000, "accuracy": "first_time_right", "review_capacity": "none",
                                            "as_of": "2026-12-04"]
        let cut = engine.assess(k.answers(given))
        #expect(cut.costs.first { $0.model == strict.primaryModel }?.within_headroom == true)
        #expect(cut.primaryModelBasis != .nothing_fits)
    }

    /// Of models about as roomy that fit the task equally well, an active one is named before a legacy one, and the
    /// warning says the named one is the roomiest of the active ones: 1.1M-token summaries fit no window; Gemini 3.8
    /// Flash (legacy) and Gemini 4 Hydrogen (active) both fit summarization strongly, the legacy one a little roomier.
    @Test func anActiveModelAboutAsRoomyComesBeforeALegacyOne() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(["task_type": "summarization", "monthly_requests": 500,
            "avg_input_tokens": 1_100_000, "avg_output_tokens": 4_000, "as_of": "2026-12-05"]))
        #expect(a.primaryModelBasis == .nothing_fits)
        #expect(a.primaryModel == "gemini-4-hydrogen", "\(a.primaryModel)")
        let legacy = try a.line("gemini-3-8-flash"), named = try a.line("gemini-4-hydrogen")
        #expect(legacy.status.state == .legacy && named.status.state == .active)
        #expect(legacy.rates.reasoning_tokens_per_request < named.rates.reasoning_tokens_per_request, "the legacy one is roomier")
        // Gemini 4 Carbon, active and as strong, is a little roomier (it thinks less by default) but costs more.
        #expect(a.warnings.first?.text.contains("The roomiest of the active models that fit summarization 'strong' or better "
                                                + "(any that fills at most 5 % of its window more than the roomiest counts as "
                                                + "roomy; of those, the cheapest) is Gemini 4 Hydrogen") == true,
                "\(String(describing: a.warnings.first?.text))")
        #expect(try a.line("gemini-4-carbon").monthly_usd > named.monthly_usd)
        // The setting is a share of a window, checked like the others.
        var file = try Fixture.file()
        file.settings.roomy_within = 1
        #expect { _ = try Fixture.knowledge(file) } throws: { "\($0)".contains("engine.roomy_within: must be a share of a window") }
    }

    /// A request the largest window holds, but above the headroom: the provider would accept it, so the warning
    /// and the heading do not say it would be refused; they say why no model is recommended and offer the cut.
    @Test func aRequestOverTheHeadroomButInsideTheWindowIsNotCalledRefused() throws {
        let k = Fixture.real
        let day = CivilDate.day("2026-12-03")!
        let largest = try #require(k.models.indices.filter { k.compiledModels[$0].isServed(on: day) }
            .max { k.compiledModels[$0].contextWindow < k.compiledModels[$1].contextWindow })
        let model = k.compiledModels[largest]
        // A prompt halfway between the headroom and what the model takes (its window less the answer, or its input
        // limit) on its own count, in the answers' count (Haiku 4.5's), with a short answer.
        let ratio = try #require(Engine(knowledge: k).assess(k.answers(Self.answers(1_000, 1_000))).costs
            .first { $0.model == k.models[largest].slug }).rates.token_ratio
        let most = min(model.contextWindow - 2_000 * ratio, model.maxInput ?? .infinity)
        let input = ((0.8 * model.contextWindow + most) / 2 / ratio / 1_000).rounded(.down) * 1_000
        let a = Engine(knowledge: k).assess(k.answers(Self.answers(input, 1_000)))
        #expect(a.primaryModelBasis == .nothing_fits)
        let primary = try #require(a.costs.first { $0.model == a.primaryModel })
        #expect(primary.fits && !primary.within_headroom, "the case needs a request inside the window, over the headroom")
        #expect(a.fitsOnlyWithoutMargin)
        let first = try #require(a.warnings.first)
        #expect(first.text.hasPrefix("No model we list takes one of these requests with room to spare on 2026-12-03"), "\(first.text)")
        #expect(first.text.contains("would accept it as it stands") && !first.text.contains("would be refused."), "\(first.text)")
        #expect(!first.text.contains("{"))
        #expect(a.noModelCanTakeIt?.hasPrefix("No model takes this request with room to spare") == true)
        #expect(a.levers.map(\.kind) == [.trim_to_fit])
        // Past the window, the first text stands.
        let over = Engine(knowledge: k).assess(k.answers(Self.answers(1_200_000, 1_000)))
        #expect(!over.fitsOnlyWithoutMargin && over.noModelCanTakeIt?.hasPrefix("No model can take this request") == true)
    }

    @Test func anAnswerLongerThanEveryOutputLimitHasNoCutToOffer() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(Self.answers(1_000, 2_000_000)))
        #expect(a.primaryModelBasis == .nothing_fits)
        let first = try #require(a.warnings.first)
        #expect(first.text.contains("Ask for shorter answers"), "\(first.text)")
        #expect(!first.text.contains("{"))
        #expect(a.levers.isEmpty, "trimming the prompt cannot help: \(a.levers.map(\.kind))")
    }

    /// The request fits, but no model served that day meets the fit asked for: on 2026-04-07 no model rated
    /// 'strong' for code completion was released yet. The closest is named with what it misses, not the largest
    /// window.
    @Test func aRequirementNoModelMeetsNamesTheClosestAndWhatItMisses() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers([
            "task_type": "code_completion", "monthly_requests": 10_000, "avg_input_tokens": 2_000,
            "avg_output_tokens": 200, "required_fit": "strong", "as_of": "2026-04-07"]))
        #expect(a.primaryModelBasis == .nothing_usable)
        let day = CivilDate.day("2026-04-07")!
        let task = AnswerID.taskType.choices.firstIndex(of: "code_completion")!
        #expect(!k.compiledModels.contains { $0.fit[task] == .strong && $0.isServed(on: day) }, "the case needs no strong model that day")
        let primary = try #require(a.costs.first { $0.model == a.primaryModel })
        #expect(primary.within_headroom && [.active, .legacy].contains(primary.status.state))
        #expect(k.compiledModels[k.modelIndex[a.primaryModel]!].fit[task] == .good, "the best fit served that day")
        let first = try #require(a.warnings.first)
        #expect(first.text.hasPrefix("No model we list meets every requirement of this workload on 2026-04-07"), "\(first.text)")
        #expect(first.text.contains("only 'good' and the workload requires 'strong'"), "\(first.text)")
        #expect(a.decision.top_risk == first)
    }

    /// On 2026-04-07 no model we list fits code completion 'strong'; the first that does and can take the workload
    /// came later, and the warning names it and its release day instead of leaving "relax that requirement" as the
    /// only way on. Every model it could name was released after the day asked, and the engine uses it on that day.
    @Test func aRequirementMetOnlyByALaterModelNamesItAndItsDay() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        var given: [String: AnswerValue] = ["task_type": "code_completion", "monthly_requests": 10_000, "avg_input_tokens": 2_000,
                                            "avg_output_tokens": 200, "required_fit": "strong", "as_of": "2026-04-07"]
        let a = engine.assess(k.answers(given))
        let first = try #require(a.warnings.first)
        let task = AnswerID.taskType.choices.firstIndex(of: "code_completion")!
        let asked = CivilDate.day("2026-04-07")!
        // The earliest release after that day of a model rated strong for code completion that is not self-hosted.
        let released = try #require(k.compiledModels.filter { $0.fit[task] == .strong && $0.releasedDay > asked && !$0.selfHosted }
            .map(\.releasedDay).min())
        let text = "The first model we list that meets them is "
        let named = try #require(first.text.range(of: text).map { first.text[$0.upperBound...] }, "\(first.text)")
        #expect(named.contains(", released on \(CivilDate.text(released)). Our list holds the models our sources cover"), "\(first.text)")
        let model = try #require(k.models.first { named.hasPrefix($0.title + ", released on") })
        given["as_of"] = .text(CivilDate.text(released))
        let then = engine.assess(k.answers(given))
        #expect(then.primaryModelBasis != .nothing_usable && then.costs.contains { $0.model == model.slug },
                "on \(CivilDate.text(released)): \(then.primaryModel)")
        #expect(then.primaryModel == model.slug || then.alternatives.contains(model.slug), "\(model.slug) on its release day")
    }

    @Test func aRequestThatFitsSaysNothingOfIt() {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(Self.answers(50_000, 1_000)))
        #expect(a.primaryModelBasis != .nothing_fits)
        #expect(!a.warnings.contains { $0.text.contains("No model we list") })
        #expect(!a.levers.contains { $0.kind == .trim_to_fit })
    }

    /// A provider's cap on the prompt (`max_input`) is a limit of its own: on GPT-5 nano 272,000 of a 400,000-token
    /// window. A 300,000-token prompt with a short answer fits the window but not the cap (judged on 2026-05-01,
    /// before the model was deprecated).
    @Test func aPromptOverTheInputCapDoesNotFitWhateverTheWindow() throws {
        let k = Fixture.real
        let nano = try #require(k.compiledModels[k.modelIndex["gpt-5-nano"]!].maxInput)
        #expect(nano == 272_000)
        let answers: [String: AnswerValue] = ["task_type": "summarization", "monthly_requests": 1_000,
                                              "avg_input_tokens": 300_000, "avg_output_tokens": 500, "as_of": "2026-05-01"]
        let a = Engine(knowledge: k).assess(k.answers(answers))
        let line = try #require(a.costs.first { $0.model == "gpt-5-nano" })
        #expect(300_000 + 500 + line.rates.reasoning_tokens_per_request < 400_000, "the window alone would hold it")
        #expect(!line.fits && !line.within_headroom)
        #expect(line.rates.notes.contains { $0 == "Does not fit: a 300,000-token prompt against 272,000 at most." }, "\(line.rates.notes)")
        let why = k.answers(answers).values.withUnsafeBufferPointer { Engine(knowledge: k).whyNotUsable(k.modelIndex["gpt-5-nano"]!, $0) }
        #expect(why.contains("272,000-token input limit"), "\(why)")
        // Under the cap it fits as before.
        var under = answers
        under["avg_input_tokens"] = 200_000
        #expect(Engine(knowledge: k).assess(k.answers(under)).costs.first { $0.model == "gpt-5-nano" }?.fits == true)
    }

    /// 950,000-token prompts: GPT-6 Luna's 1,050,000-token window would hold the request (991,200 tokens on its
    /// count), but its prompt cap is 922,000, so it refuses it. A Gemini window of 1,048,576 takes it as it stands (94 %
    /// of it): that one is the roomiest, and the warning says it would be accepted; Luna's line names the cap.
    @Test func nothingFitsNamesTheRoomiestModelNotTheLargestWindow() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(["task_type": "extraction", "monthly_requests": 7,
                                                        "avg_input_tokens": 950_000, "avg_output_tokens": 40_000]))
        #expect(a.primaryModelBasis == .nothing_fits && a.primaryModel.hasPrefix("gemini-") && a.fitsOnlyWithoutMargin,
                "\(a.primaryModel)")
        let first = try #require(a.warnings.first)
        #expect(first.text.contains("would accept it as it stands"), "\(first.text)")
        let limit = try #require(k.compiledModels[k.modelIndex["gpt-6-luna"]!].maxInput)
        let luna = try #require(a.costs.first { $0.model == "gpt-6-luna" })
        #expect(!luna.fits && luna.rates.notes.contains { $0.contains("against \(Format.figure(limit)) at most") }, "\(luna.rates.notes)")
    }

    /// An average answer near a model's output limit: the longer half of the answers would be cut off, so the model
    /// is not recommended. 500,000 extractions of 3,700 output tokens, cost first, thinking off: Command R7B (output
    /// limit 4,000) is the cheapest that holds them, at 92.5 % of its limit, over the 80 % headroom.
    @Test func anAnswerNearTheOutputLimitIsNotRecommended() throws {
        let k = Fixture.real
        var given: [String: AnswerValue] = ["task_type": "extraction", "monthly_requests": 500_000, "avg_input_tokens": 2_000,
                                            "avg_output_tokens": 3_700, "cost_priority": "primary", "reasoning_effort": "none",
                                            "as_of": "2026-12-04"]
        let a = Engine(knowledge: k).assess(k.answers(given))
        let r7b = try #require(a.costs.first { $0.model == "cohere-command-r7b" })
        #expect(r7b.fits && !r7b.within_headroom)
        #expect(r7b.rates.notes.contains { $0 == "One answer is 3,700 output tokens, 93% of its 4,000-token output limit, over the 80% headroom (longer answers would be cut off): not recommended." },
                "\(r7b.rates.notes)")
        #expect(a.primaryModel != "cohere-command-r7b" && a.primaryModel != "cohere-command-r")
        let why = k.answers(given).values.withUnsafeBufferPointer { Engine(knowledge: k).whyNotUsable(k.modelIndex["cohere-command-r7b"]!, $0) }
        #expect(why.contains("4,000-token output limit") && why.contains("cut off"), "\(why)")
        // At 3,200 (80 % of the limit) it is the primary again.
        given["avg_output_tokens"] = 3_200
        #expect(Engine(knowledge: k).assess(k.answers(given)).primaryModel == "cohere-command-r7b")
        // The prompt cap has its headroom too: GPT-6 Luna takes at most 80 % of 922,000 in a recommended prompt.
        let luna = k.compiledModels[k.modelIndex["gpt-6-luna"]!]
        #expect(luna.fill(input: 800_000, output: 1_000, batch: false).limit == .input)
    }
}
