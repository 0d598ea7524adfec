import Foundation
import Testing
@testable import Advisor

/// The Knowledge init cross-checks content; the questionnaire and the assessment encode as README.md says.
struct KnowledgeTests {
    func expectError(_ field: String, slug: String, _ mutate: (inout FixtureFile) -> Void) throws {
        var file = try Fixture.file()
        mutate(&file)
        #expect {
            _ = try Fixture.knowledge(file)
        } throws: { error in
            guard let e = error as? KnowledgeError else { return false }
            return e.slug == slug && e.field.hasPrefix(field)
        }
    }

    func criterion(_ file: inout FixtureFile, _ slug: String, _ change: (inout CriterionSpec) -> Void) {
        let i = file.criteria.firstIndex { $0.slug == slug }!
        var spec = file.criteria[i].spec
        change(&spec)
        file.criteria[i] = FixtureEntry(slug: slug, title: file.criteria[i].title, spec: spec)
    }

    @Test func theRealContentLoads() throws {
        let k = try Fixture.knowledge(try Fixture.file())
        #expect(k.questionnaire.count == AnswerID.allCases.count)
        #expect(Set(k.questionnaire.map(\.id)) == Set(AnswerID.allCases))
        #expect(k.questionnaire.allSatisfy { $0.helpURL == "/criteria/\($0.criterion)" })
        #expect(zip(k.questionnaire, k.questionnaire.dropFirst()).allSatisfy { $0.order <= $1.order })
    }

    @Test func unknownAnswerInACondition() throws {
        try expectError("criterion.rules[0].when.answer", slug: "volume") { file in
            criterion(&file, "volume") { $0.rules[0].when = Condition(answer: "budget", is: .number(1)) }
        }
    }

    @Test func aRuleOnTheHaikusCountMustReadThePrompt() throws {
        try expectError("criterion.rules[0].haiku_count", slug: "volume") { file in
            criterion(&file, "volume") { $0.rules[0].haiku_count = true }
        }
    }

    @Test func unknownValueInACondition() throws {
        try expectError("criterion.rules[0].when.in[1]", slug: "task-type-fit") { file in
            criterion(&file, "task-type-fit") { $0.rules[0].when = Condition(answer: "task_type", in: ["chat", "poetry"]) }
        }
        try expectError("criterion.rules[0].when.at_least", slug: "task-type-fit") { file in
            criterion(&file, "task-type-fit") { $0.rules[0].when = Condition(answer: "task_type", at_least: 3) }
        }
        try expectError("criterion.rules[0].when.is", slug: "fallback-readiness") { file in
            criterion(&file, "fallback-readiness") { $0.rules[0].when = Condition(answer: "fallback_ready", is: "no") }
        }
        try expectError("criterion.rules[0].when.all[1]", slug: "volume") { file in
            criterion(&file, "volume") {
                $0.rules[0].when = Condition(all: [Condition(answer: "latency", is: "batch"),
                                                   Condition(answer: "latency", is: "batch", in: ["realtime"])])
            }
        }
    }

    @Test func unknownModels() throws {
        try expectError("criterion.rules[0].prefer[0]", slug: "reasoning-depth") { file in
            criterion(&file, "reasoning-depth") { $0.rules[0].prefer = ["gpt-5-ultra"] }
        }
        try expectError("engine.haiku_models[0]", slug: "_index") { file in file.settings.haiku_models = ["claude-haiku-9"] }
        try expectError("engine.escalation_models[5]", slug: "_index") { file in file.settings.escalation_models.append("nope") }
        try expectError("engine.haiku_models[0]", slug: "_index") { file in file.settings.haiku_models = ["claude-sonnet-5-5"] }
    }

    @Test func badDecideAndThresholds() throws {
        try expectError("criterion.rules[0].decide", slug: "autonomous-coding") { file in
            criterion(&file, "autonomous-coding") { $0.rules[0].decide = "choose_haiku" }
        }
        try expectError("engine.tiered_routing_at", slug: "_index") { file in file.settings.tiered_routing_at = 90 }
        try expectError("engine.base_score", slug: "_index") { file in file.settings.base_score = 150 }
    }

    @Test func questionsMustMatchTheInterface() throws {
        // Missing.
        try expectError("criterion.question", slug: "_index") { file in
            criterion(&file, "volume") { $0.question = nil }
        }
        // Duplicated.
        try expectError("criterion.question.id", slug: "volume") { file in
            let latency = file.criteria.first { $0.slug == "latency-need" }!.spec.question
            criterion(&file, "volume") { $0.question = latency }
        }
        // Unknown id, wrong kind, wrong option set, missing max, default out of bounds or options.
        try expectError("criterion.question.id", slug: "volume") { file in
            criterion(&file, "volume") { $0.question!.id = "requests" }
        }
        try expectError("criterion.question.kind", slug: "volume") { file in
            criterion(&file, "volume") { $0.question!.kind = "number" }
        }
        try expectError("criterion.question.options", slug: "latency-need") { file in
            criterion(&file, "latency-need") { $0.question!.options!.removeLast() }
        }
        try expectError("criterion.question.max", slug: "volume") { file in
            criterion(&file, "volume") { $0.question!.max = nil }
        }
        try expectError("criterion.question.max", slug: "cacheable-prompt-share") { file in
            criterion(&file, "cacheable-prompt-share") { $0.question!.max = 2 }
        }
        try expectError("criterion.question.min", slug: "long-context") { file in
            criterion(&file, "long-context") { $0.question!.min = 1 }
        }
        try expectError("criterion.question.default", slug: "volume") { file in
            criterion(&file, "volume") { $0.question!.default = .number(2e12) }
        }
        try expectError("criterion.question.default", slug: "volume") { file in
            criterion(&file, "volume") { $0.question!.default = .number(10.5) }
        }
        try expectError("criterion.question.default", slug: "latency-need") { file in
            criterion(&file, "latency-need") { $0.question!.default = "soon" }
        }
        try expectError("criterion.question.default", slug: "fallback-readiness") { file in
            criterion(&file, "fallback-readiness") { $0.question!.default = "false" }
        }
    }

    /// A `negotiated` tier (limits arranged with the provider, as Anthropic's Custom tier) is the highest one and
    /// publishes no rate; any other tier needs at least one limit.
    @Test(arguments: [
        ([RateTier(tier: "start", rpm: 50, requires: "a"), RateTier(tier: "custom", requires: "b", negotiated: true)], nil),
        ([RateTier(tier: "start", rpm: 50, requires: "a"),
          RateTier(tier: "custom", monthly_spend_cap_usd: 900, requires: "b", negotiated: true)], nil),
        ([RateTier(tier: "custom", requires: "b", negotiated: true), RateTier(tier: "start", rpm: 50, requires: "a")],
         "only the highest tier is negotiated: list it last"),
        ([RateTier(tier: "start", rpm: 50, requires: "a"), RateTier(tier: "custom", rpm: 9_000, requires: "b", negotiated: true)],
         "a negotiated tier publishes no per-minute, daily, queue, concurrency or 10-minute spend limit"),
        ([RateTier(tier: "start", rpm: 50, requires: "a"), RateTier(tier: "custom", spend_per_10_minutes_usd: 500, requires: "b", negotiated: true)],
         "a negotiated tier publishes no per-minute, daily, queue, concurrency or 10-minute spend limit"),
        ([RateTier(tier: "tier_3", monthly_spend_cap_usd: 20_000, spend_per_10_minutes_usd: 50_000, requires: "a")],
         "is more than the same tier's monthly cap"),
        ([RateTier(tier: "start", rpm: 50, requires: "a"), RateTier(tier: "custom", requires: "b")],
         "or negotiated: true for limits arranged with the provider"),
        // A batch queue alone is a limit, and like every limit a positive number.
        ([RateTier(tier: "start", batch_queue_requests: 200_000, requires: "a")], nil),
        ([RateTier(tier: "start", rpm: 50, batch_queue_requests: -1, requires: "a")], "must be a positive number"),
        // A ladder lists each tier once, its spend caps rising.
        ([RateTier(tier: "start", rpm: 50, requires: "a"), RateTier(tier: "start", rpm: 90, requires: "b")], "is listed twice"),
        ([RateTier(tier: "start", monthly_spend_cap_usd: 500, requires: "a"), RateTier(tier: "build", monthly_spend_cap_usd: 400, requires: "b")],
         "is lower than the tier below's"),
        // A spend limit per 10 minutes (Google's) is a limit too, and positive.
        ([RateTier(tier: "tier_1", spend_per_10_minutes_usd: 10, requires: "a")], nil),
        ([RateTier(tier: "tier_1", monthly_spend_cap_usd: 250, spend_per_10_minutes_usd: 0, requires: "a")], "must be a positive number"),
        // Past any published limit: 1e20 passed, and the first warning that wrote it stopped the server.
        ([RateTier(tier: "start", rpm: 1e20, requires: "a")], "must be a positive number below 1,000,000,000,000,000"),
        // An evaluation key (Cohere's trial) is listed, but a scheme needs a tier for production traffic.
        ([RateTier(tier: "trial", rpm: 20, requires: "a", evaluation_only: true), RateTier(tier: "production", rpm: 500, requires: "b")], nil),
        ([RateTier(tier: "trial", rpm: 20, requires: "a", evaluation_only: true)], "every tier is evaluation_only"),
    ] as [([RateTier], String?)])
    func aNegotiatedTierIsTheHighestAndPublishesNoRate(tiers: [RateTier], message: String?) throws {
        var file = try Fixture.file()
        let i = file.models.firstIndex { $0.slug == "gpt-4o-mini" }!
        var spec = file.models[i].spec
        spec.rate_limits = RateLimits(source: "test", tiers: tiers)
        file.models[i] = FixtureEntry(slug: "gpt-4o-mini", title: "x", spec: spec)
        do {
            _ = try Fixture.knowledge(file)
            #expect(message == nil)
        } catch {
            #expect(error.field.hasPrefix("model.rate_limits.tiers["), "\(error.field)")
            #expect(message.map { error.message.contains($0) } == true, "\(error.message)")
        }
    }

    /// A tokenizer counts within a factor of ten of Haiku 4.5's: 1e-300 passed `check`, and the counts divided by it
    /// overflowed the figures a warning writes.
    @Test func aTokenizerRatioIsWithinATenfold() throws {
        for (ratio, ok) in [(1e-300, false), (0.05, false), (0.1, false), (0.2, true), (1.3, true), (10, false)] {
            var file = try Fixture.file()
            let i = file.models.firstIndex { $0.slug == "gpt-4o-mini" }!
            var spec = file.models[i].spec
            spec.tokenizer = Tokenizer(ratio: NumberFigure(value: ratio, source: "test"))
            file.models[i] = FixtureEntry(slug: "gpt-4o-mini", title: "x", spec: spec)
            do {
                _ = try Fixture.knowledge(file)
                #expect(ok, "\(ratio) passed")
            } catch {
                #expect(!ok && error.message.contains("must be a number between 0.1 and 10"), "\(ratio): \(error.message)")
            }
        }
    }

    @Test func modelsAreChecked() throws {
        try expectError("model.task_fit", slug: "gpt-4o-mini") { file in
            let i = file.models.firstIndex { $0.slug == "gpt-4o-mini" }!
            var spec = file.models[i].spec
            spec.task_fit["rag"] = nil
            file.models[i] = FixtureEntry(slug: "gpt-4o-mini", title: "x", spec: spec)
        }
        try expectError("model.prices.batch_discount", slug: "gpt-4o-mini") { file in
            let i = file.models.firstIndex { $0.slug == "gpt-4o-mini" }!
            var spec = file.models[i].spec
            spec.prices!.batch_discount = NumberFigure(value: 1.5, source: "x")
            file.models[i] = FixtureEntry(slug: "gpt-4o-mini", title: "x", spec: spec)
        }
        // The standard cache lives 5 or 30 minutes, the lifetimes a cost line can name.
        try expectError("model.prices.cache_ttl_minutes", slug: "gpt-6-luna") { file in
            let i = file.models.firstIndex { $0.slug == "gpt-6-luna" }!
            var spec = file.models[i].spec
            spec.prices!.cache_ttl_minutes = NumberFigure(value: 10, source: "x")
            file.models[i] = FixtureEntry(slug: "gpt-6-luna", title: "x", spec: spec)
        }
        // More effort never thinks less, and a window is whole tokens.
        try expectError("model.reasoning.tokens.medium.value", slug: "gpt-6-luna") { file in
            let i = file.models.firstIndex { $0.slug == "gpt-6-luna" }!
            var spec = file.models[i].spec
            spec.reasoning!.tokens!["low"] = NumberFigure(value: 30_000, source: "x")
            file.models[i] = FixtureEntry(slug: "gpt-6-luna", title: "x", spec: spec)
        }
        try expectError("model.context_window.value", slug: "gpt-6-luna") { file in
            let i = file.models.firstIndex { $0.slug == "gpt-6-luna" }!
            var spec = file.models[i].spec
            spec.context_window = NumberFigure(value: 400_000.5, source: "x")
            file.models[i] = FixtureEntry(slug: "gpt-6-luna", title: "x", spec: spec)
        }
        try expectError("failure_mode.exposure[0].when", slug: "rate-limits") { file in
            let i = file.failureModes.firstIndex { $0.slug == "rate-limits" }!
            var spec = file.failureModes[i].spec
            spec.exposure = [Exposure(when: Condition(answer: "speed", is: "fast"), text: "x")]
            file.failureModes[i] = FixtureEntry(slug: "rate-limits", title: "x", spec: spec)
        }
        try expectError("failure_mode.exposure[0].unless_answered", slug: "rate-limits") { file in
            let i = file.failureModes.firstIndex { $0.slug == "rate-limits" }!
            var spec = file.failureModes[i].spec
            spec.exposure = [Exposure(when: Condition(answer: "latency", is: "realtime"), text: "x", unless_answered: "tools")]
            file.failureModes[i] = FixtureEntry(slug: "rate-limits", title: "x", spec: spec)
        }
    }

    @Test func questionnaireJSON() throws {
        let data = try JSONStyle.encoder().encode(Fixture.real.questionnaireDocument)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let questions = object["questions"] as! [[String: Any]]
        #expect(questions.count == AnswerID.allCases.count)
        for q in questions {
            #expect(q["id"] is String && q["text"] is String && q["kind"] is String && q["help_url"] is String)
            #expect(q["default"] != nil)
            switch q["kind"] as! String {
            case "choice": #expect(q["options"] is [[String: Any]] && q["min"] == nil)
            case "boolean", "date": #expect(q["options"] == nil && q["max"] == nil)
            case "model": #expect((q["options"] as? [[String: Any]])?.count == Fixture.real.models.count)
            default: #expect(q["min"] != nil && q["max"] != nil && q["options"] == nil)
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"default\":100000"))  // integers stay integers
    }

    @Test func assessmentJSONHasTheInterfaceKeys() throws {
        let k = Fixture.real
        let a = Engine(knowledge: k).assess(k.answers(["task_type": "chat", "complex_share": 0.15]))
        let object = try JSONSerialization.jsonObject(with: try JSONStyle.encoder().encode(a)) as! [String: Any]
        for key in ["verdict", "score", "primary_model", "alternatives", "reasons", "warnings", "costs",
                    "what_would_change", "assumptions", "as_of"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        // Why Assessment writes its own encode(to:): these keys are present as null when empty.
        let plain = Engine(knowledge: k).assess(k.answers(["task_type": "classification", "fallback_ready": true]))
        let text = String(decoding: try JSONStyle.encoder().encode(plain), as: UTF8.self)
        #expect(text.contains("\"decided_by\":null"))
        // And ModelStatus's: `retires` and `replacement` are always there.
        #expect(text.contains("\"replacement\":null"))
        // Whole numbers carry no ".0" (Foundation's encoder), so no hand-written number encoding is needed.
        #expect(text.contains("\"base_score\":53,"))
        let reason = (object["reasons"] as! [[String: Any]]).first!
        #expect(Set(["criterion", "effect", "text", "url"]).isSubset(of: reason.keys))
        let cost = (object["costs"] as! [[String: Any]]).first!
        #expect(Set(["model", "monthly_usd", "input_usd", "output_usd"]).isSubset(of: cost.keys))
        let change = (object["what_would_change"] as! [[String: Any]]).first!
        #expect(Set(["answer", "to", "verdict"]).isSubset(of: change.keys))
        let assumption = (object["assumptions"] as! [[String: Any]]).first!
        #expect(Set(["answer", "value"]).isSubset(of: assumption.keys))
        #expect(["choose_haiku", "tiered_routing", "choose_alternative"].contains(object["verdict"] as! String))
    }

    /// A replacement that has itself been superseded on the day leads on to the model to move to now; the JSON keeps
    /// the page's own replacement and says nothing more.
    @Test func aSupersededReplacementLeadsOnToTheCurrentModel() throws {
        let k = Fixture.real
        let day = try #require(CivilDate.day("2026-12-04"))
        let flash = try #require(k.status(of: "gemini-flash", on: day))
        #expect(flash.replacement == "gemini-3-1-flash-lite" && flash.successor == "gemini-3-5-flash-lite")
        #expect(k.status(of: "claude-3-5-haiku", on: day)?.successor == "claude-haiku-5-5")
        #expect(k.status(of: "gpt-4o-mini", on: day)?.successor == nil)
        // Before Haiku 5.5 was released, Haiku 4.5 was the model to move to.
        #expect(k.status(of: "claude-3-5-haiku", on: CivilDate.day("2026-06-01")!)?.successor == nil)
        let json = String(decoding: try JSONEncoder().encode(flash), as: UTF8.self)
        #expect(!json.contains("successor") && json.contains("\"replacement\":\"gemini-3-1-flash-lite\""))
    }
}
