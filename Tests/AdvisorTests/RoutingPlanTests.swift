import Testing
@testable import Advisor

/// The routing plan (answer `routing`, policy `routing_plan` on criteria/routing-plan; Engine.swift, "The
/// routing plan"): a team that routes gets the tiered verdict it planned, the policies it overrules are still
/// said with their figures, and a plan with nothing to route is set aside in one sentence. On the real content.
struct RoutingPlanTests {
    /// A Haiku the score keeps alone is not held to the complex-reasoning floor, so neither is the cost ceiling's
    /// stand-in beyond the Haiku's own fit: 15 % complex classifications of 95K-token prompts kept Haiku 5.5 at $30,891
    /// a month over GPT-6 Luna at $4,752.50, as strong at classification and no weaker at complex reasoning.
    @Test func theCeilingsStandInFitsTheHardShareAsWellAsTheHaikuAlone() {
        let engine = Engine(knowledge: Fixture.real)
        let classes = engine.assess(Fixture.real.answers(["task_type": "classification", "monthly_requests": 500_000,
                                                         "avg_input_tokens": 95_000, "avg_output_tokens": 10, "complex_share": 0.15,
                                                         "reasoning_effort": "none", "accuracy": "tolerant", "latency": "realtime",
                                                         "as_of": "2026-12-07"]))
        #expect(classes.primaryModel == "gpt-6-luna" && classes.primaryModelBasis == .cost_ceiling && classes.decision.monthly_usd == 4_752.5,
                "\(classes.primaryModel) \(classes.primaryModelBasis) \(classes.decision.monthly_usd)")
        // The passed-over lines do not blame a floor the primary misses too.
        #expect(!classes.decision.passed_over.contains { $0.reason.contains("of any model that takes every request alone") }, "\(classes.decision.passed_over)")
        // A Haiku that routing payback keeps alone (Sonnet 5.5 too slow for realtime) stands in for the plan the score
        // asked for: a model in its place meets the floor (review 2 of session 68).
        let chats = engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": 50_000, "avg_input_tokens": 90_000,
                                                       "avg_output_tokens": 300, "latency": "realtime", "complex_share": 0.15,
                                                       "developer_hourly_usd": 1_000, "as_of": "2026-12-07"]))
        #expect(chats.primaryModel != "gpt-6-luna", "\(chats.primaryModel) \(chats.decision.monthly_usd)")
        // In front of an escalation model the stand-in answers the escalated share alone, and must fit it as the
        // escalation model does: a tiered plan keeps its floor.
        let k = Fixture.real
        let weak = k.modelIndex["gpt-6-luna"]!, cr = AnswerID.taskType.choices.firstIndex(of: "complex_reasoning")!
        #expect(k.compiledModels[weak].fit[cr] > .good)
    }

    /// Where routing does not pay, everything on the escalation model is held to the cost ceiling's ratio against the
    /// Haiku alone: 9,000 batch summaries (5 % complex, as assumed) cost $573.75 a month on Sonnet 5.5 and $24.64 on
    /// Haiku 5.5, as strong a fit: 23 times, so the Haiku takes them all. So do 3,000 ($191.25 against $8.21): the
    /// ceiling's $500 floor, which keeps a budget from leaving the Haiku for a small saving, kept them on Sonnet 5.5
    /// while 8,500 went to the Haiku. With cost secondary no ceiling applies, and the quality is bought.
    @Test func everythingOnTheEscalationModelIsHeldToTheCeiling() throws {
        let engine = Engine(knowledge: Fixture.real)
        func summaries(_ n: Double, cost: String = "balanced") -> Assessment {
            engine.assess(Fixture.real.answers(["task_type": "summarization", "monthly_requests": .number(n),
                                                "avg_input_tokens": 30_000, "avg_output_tokens": 1_500, "latency": "batch",
                                                "cost_priority": .text(cost), "as_of": "2026-12-07"]))
        }
        let over = summaries(9_000)
        #expect(over.verdict == .chooseHaiku && over.primaryModel == "claude-haiku-5-5", "\(over.verdict) \(over.primaryModel)")
        let reason = try #require(over.reasons.first { $0.criterion == "routing-payback" }).text
        #expect(reason.contains("sending everything to Claude Sonnet 5.5 would cost $573.75 a month, 23.3 times the $24.64 of "
                                + "Claude Haiku 5.5, which fits this task as well: a balanced budget pays at most 5 times"), "\(reason)")
        #expect(!reason.contains("Send everything to"))
        for n in [3_000.0, 8_000] { #expect(summaries(n).primaryModel == "claude-haiku-5-5", "\(n)") }
        let secondary = summaries(3_000, cost: "secondary")
        #expect(secondary.primaryModel == "claude-sonnet-5-5" && secondary.primaryModelBasis == .routing_does_not_pay)
        // Alone, the Haiku answers the hard share too: a tenth complex or more asks a fit for complex reasoning it lacks.
        let hard = engine.assess(Fixture.real.answers(["task_type": "summarization", "monthly_requests": 9_000,
                                                       "avg_input_tokens": 30_000, "avg_output_tokens": 1_500,
                                                       "latency": "batch", "complex_share": 0.15, "as_of": "2026-12-07"]))
        #expect(hard.primaryModel != "claude-haiku-5-5", "\(hard.primaryModel)")
    }

    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    /// Issue 15's classifier with a tenth of its requests hard: Haiku alone (choose_haiku, score 62).
    static let classifier: [String: AnswerValue] = [
        "task_type": "classification", "monthly_requests": 3_000_000, "avg_input_tokens": 1_500,
        "avg_output_tokens": 20, "complex_share": 0.1, "accuracy": "first_time_right", "latency": "interactive",
        "review_capacity": "sampled", "fallback_ready": true]

    func monthly(_ a: Assessment, _ model: String) -> Double { a.costs.first { $0.model == model }!.monthly_usd }

    @Test func tieredIsHonouredWithTheCombinedBill() throws {
        let auto = engine.assess(k.answers(Self.classifier))
        #expect(auto.verdict == .chooseHaiku)
        let a = engine.assess(k.answers(with(Self.classifier, ["routing": "tiered"])))
        #expect(a.verdict == .tieredRouting)
        #expect(a.primaryModel == "claude-haiku-5-5")
        #expect(a.alternatives.first == "claude-sonnet-5-5")
        #expect(a.decidedBy == "routing-plan")
        #expect(a.primaryModelBasis == .routing_plan)
        #expect(a.score == auto.score, "the plan sets the verdict, not the score")
        // (1 − 0.1) × Haiku + 0.1 × Sonnet, as the decision shows for every tiered verdict.
        let combined = try #require(a.decision.combined)
        #expect(combined.escalation_model == "claude-sonnet-5-5")
        let haiku = monthly(a, "claude-haiku-5-5"), sonnet = monthly(a, "claude-sonnet-5-5")
        #expect(abs(combined.monthly_usd - (haiku + 0.1 * sonnet)) < 0.01)  // Haiku answers all, Sonnet the 10 % again
        // The plan's reason comes first and quotes the same figures.
        let first = try #require(a.reasons.first)
        #expect(first.criterion == "routing-plan" && first.text.hasPrefix("You route: Claude Haiku 5.5 answers every request "
            + "(\(Format.cents(haiku)) a month) and Claude Sonnet 5.5 answers the complex 10 % again (\(Format.cents(0.1 * sonnet)) a month)"),
            "\(first.text)")
        #expect(first.text.contains(Format.cents(combined.monthly_usd)) && first.text.contains(Format.cents(sonnet)))
        #expect(first.text.hasSuffix("left to itself, the advisor would run everything on Claude Haiku 5.5."), "\(first.text)")
        // The runner-up is weighed against the plan with its escalations. With a tenth of the requests complex, a model
        // that would take them all fits complex reasoning 'good' (complex-request-share): Claude Sonnet 4.6, dearer.
        #expect(a.decision.runner_up?.reason.contains("than the plan with its escalations") == true, "\(String(describing: a.decision.runner_up))")
        // Costs are the same table: the plan changes the verdict, not a price.
        #expect(a.costs == auto.costs)
    }

    /// A score in the routing band with no complex request has nothing to route: the Haiku takes every request. It
    /// offered "Claude Sonnet 5.5 answering the complex 0 %" and a runner-up that "lost for a margin" no request got.
    @Test func nothingComplexIsNothingToRoute() throws {
        let answers: [String: AnswerValue] = ["task_type": "rag", "monthly_requests": 50_000, "avg_input_tokens": 78_000,
                                              "avg_output_tokens": 500, "cached_input_share": 0.9, "as_of": "2026-12-06"]
        var none = answers
        none["complex_share"] = 0
        let a = engine.assess(k.answers(none))
        #expect(a.score >= k.settings.tiered_routing_at && a.score < k.settings.choose_haiku_at, "\(a.score)")
        #expect(a.verdict == .chooseHaiku && a.decision.combined == nil && a.primaryModel == "claude-haiku-5-5")
        #expect(!(a.decision.runner_up?.reason.contains("complex 0 %") ?? false), "\(String(describing: a.decision.runner_up))")
        // A few complex requests, and the same workload is routed again.
        var some = answers
        some["complex_share"] = 0.04
        #expect(engine.assess(k.answers(some)).verdict == .tieredRouting)
    }

    @Test func autoChangesNothing() {
        var rng = SeededRNG(seed: 1515)
        for _ in 0..<150 {
            let answers = RandomAnswers.make(k, &rng)
            guard answers[.routing] == "auto" else { continue }
            let given = try! k.replacing(.routing, with: "auto", in: answers)
            let a = engine.assess(answers), b = engine.assess(given)
            #expect(a.verdict == b.verdict && a.primaryModel == b.primaryModel && a.alternatives == b.alternatives)
            #expect(a.reasons == b.reasons && a.warnings == b.warnings && a.levers == b.levers)
            #expect(a.whatWouldChange == b.whatWouldChange && a.decision == b.decision)
            #expect(!a.reasons.contains { $0.text.hasPrefix("You route") || $0.text.hasPrefix("You plan to route") })
        }
    }

    @Test func tieredEverywhereIsHonouredOrSaysWhyNot() {
        var rng = SeededRNG(seed: 1516)
        var honoured = 0, ignored = 0
        for _ in 0..<200 {
            let answers = try! k.replacing(.routing, with: "tiered", in: RandomAnswers.make(k, &rng))
            let a = engine.assess(answers)
            if a.decidedBy == "routing-plan" && a.verdict == .tieredRouting {
                honoured += 1
                #expect(k.model(a.primaryModel)!.spec.family == "haiku")
                let combined = a.decision.combined
                #expect(combined != nil && a.alternatives.first == combined?.escalation_model)
                #expect(a.reasons.first?.text.hasPrefix("You route") == true)
                #expect(!a.levers.contains { $0.kind == .route_complex }, "not offered when routing is already tiered")
            } else {
                ignored += 1
                let first = a.reasons.first { $0.text.hasPrefix("You plan to route, but ") }
                #expect(first != nil, "a plan set aside says why")
                // One sentence.
                #expect(first.map { !$0.text.dropLast().contains(". ") && $0.text.hasSuffix(".") } ?? false, "\(first?.text ?? "")")
            }
        }
        #expect(honoured > 20 && ignored > 5, "honoured \(honoured), ignored \(ignored)")
    }

    @Test(arguments: [
        // No request is complex: nothing to route.
        (["complex_share": 0.0], "nothing to route"),
        // A hard limit: autonomous coding rules Haiku out.
        (["task_type": "autonomous_coding", "complex_share": 0.3], "hard limit"),
        // On 2025-06-01 Claude 3.5 Haiku serves, but no listed escalation model was released yet (Sonnet 4.5
        // came on 2025-09-29).
        (["as_of": "2025-06-01", "cost_priority": "secondary"], "no escalation model"),
        // An 820,000-token prompt is past every Haiku's headroom (80 % of Haiku 5.5's million-token window).
        (["avg_input_tokens": 820_000, "task_type": "rag"], "no Haiku"),
    ] as [([String: AnswerValue], String)])
    func aPlanWithNothingToRouteIsSetAside(more: [String: AnswerValue], why: String) throws {
        let base = with(Self.classifier, more)
        let auto = engine.assess(k.answers(base))
        let a = engine.assess(k.answers(with(base, ["routing": "tiered"])))
        #expect(a.verdict == auto.verdict && a.primaryModel == auto.primaryModel && a.alternatives == auto.alternatives)
        #expect(a.decidedBy == auto.decidedBy && a.primaryModelBasis == auto.primaryModelBasis)
        let first = try #require(a.reasons.first)
        #expect(first.text.hasPrefix("You plan to route, but ") && first.text.contains(why), "\(first.text)")
        #expect(first.url == "/criteria/routing-plan")
        #expect(Array(a.reasons.dropFirst()) == auto.reasons, "otherwise the advisor's own reasons, unchanged")
    }

    /// A plan set aside only because nothing is complex comes back at the least complex share: what would change
    /// names 1 %, not the side of some other threshold further up (it said 3 %, from a retired Haiku's root).
    @Test func thePlanComesBackAtTheLeastComplexShare() throws {
        let given: [String: AnswerValue] = ["task_type": "complex_reasoning", "monthly_requests": 3_000,
                                            "complex_share": 0.0, "developer_hourly_usd": 250, "cost_priority": "secondary",
                                            "routing": "tiered", "avg_input_tokens": 150_000, "can_self_host": true,
                                            "as_of": "2026-12-03"]
        let a = engine.assess(k.answers(given))
        #expect(a.verdict != .tieredRouting)
        let change = try #require(a.whatWouldChange.first { $0.answer == .complexShare }, "\(a.whatWouldChange)")
        #expect(change.to == .number(0.01) && change.verdict == .tieredRouting, "\(change)")
        let there = engine.assess(k.answers(with(given, ["complex_share": 0.01])))
        #expect(there.verdict == .tieredRouting)
    }

    /// 3,000 chats a month: routing saves about $150 a year against a router costing $8,800. The plan stands, and
    /// the finding is said with both figures.
    @Test func routingThatDoesNotPayIsSaidWithItsFigures() throws {
        let chats: [String: AnswerValue] = ["task_type": "chat", "monthly_requests": 3_000, "complex_share": 0.15,
                                            "cost_priority": "secondary", "fallback_ready": true, "review_capacity": "sampled"]
        let auto = engine.assess(k.answers(chats))
        #expect(auto.verdict == .chooseAlternative && auto.primaryModelBasis == .routing_does_not_pay)
        let a = engine.assess(k.answers(with(chats, ["routing": "tiered"])))
        #expect(a.verdict == .tieredRouting && a.primaryModel == "claude-haiku-5-5")
        #expect(a.alternatives.first == "claude-sonnet-5-5")
        let finding = try #require(a.reasons.first { $0.text.hasPrefix("Routing does not pay back") })
        #expect(a.reasons.firstIndex(of: finding) == 1, "said right after the plan")
        let haiku = monthly(a, "claude-haiku-5-5"), sonnet = monthly(a, "claude-sonnet-5-5")
        let saving = 12 * (0.85 * sonnet - haiku)  // Haiku answers all, Sonnet the 15 % again
        #expect(finding.text.contains("saves about \(Format.cents(saving)) a year"), "\(finding.text)")
        #expect(finding.text.contains("the $8,800.00 a year the router costs"), "\(finding.text)")
        #expect(finding.text.contains("Claude Haiku 5.5") && finding.text.contains("Claude Sonnet 5.5"))
        #expect(a.reasons[0].text.hasSuffix("the advisor would send everything to Claude Sonnet 5.5."), "\(a.reasons[0].text)")
        // The auto verdict's reason is the same finding in its own words.
        #expect(auto.reasons.first?.text.contains(Format.cents(saving)) == true)
    }

    /// The 90K-token RAG case, every answer reviewed (so that the score leaves the verdict to the ceiling): the cost
    /// ceiling names another model on auto; a routing plan keeps Haiku 5.5 in front and says what the ceiling found.
    @Test func aCostCeilingOverruledIsSaid() throws {
        let reviewed = with(LeverTests.rag, ["review_capacity": "systematic"])
        let auto = engine.assess(k.answers(reviewed))
        #expect(auto.primaryModelBasis == .cost_ceiling)
        let a = engine.assess(k.answers(with(reviewed, ["routing": "tiered"])))
        #expect(a.verdict == .tieredRouting && a.primaryModel == "claude-haiku-5-5")
        let finding = try #require(a.reasons.first { $0.criterion == "cost-priority" && $0.text.contains("times the") })
        #expect(finding.text.contains(auto.primaryModel.isEmpty ? "" : k.model(auto.primaryModel)!.title))
        #expect(finding.text.contains("The verdict keeps your plan"))
        // The Haiku's long-context cliff is still a trap of the decision (it is the primary).
        #expect(a.decision.traps.contains { $0.kind == .long_context_cliff && $0.model == "claude-haiku-5-5" })
    }

    /// Cost first, 1.5M short classifications: cheapest_fit names a non-Haiku on auto; the plan keeps the Haiku.
    @Test func aCheaperFitOverruledIsSaid() throws {
        let cheap: [String: AnswerValue] = ["task_type": "classification", "monthly_requests": 1_500_000,
                                            "avg_input_tokens": 300, "avg_output_tokens": 5, "cost_priority": "primary",
                                            "fallback_ready": true, "complex_share": 0.08]
        // (Under a tenth complex: from there cost first offers no model poor at complex reasoning alone, while the
        // plan's finding compares front doors, which hand that share on.)
        let auto = engine.assess(k.answers(cheap))
        #expect(auto.primaryModelBasis == .cheapest_fit && auto.verdict == .chooseAlternative)
        let a = engine.assess(k.answers(with(cheap, ["routing": "tiered"])))
        #expect(a.verdict == .tieredRouting && k.model(a.primaryModel)!.spec.family == "haiku")
        let finding = try #require(a.reasons.first { $0.text.hasPrefix("Cost comes first, and the cheapest model") })
        #expect(finding.text.contains(k.model(auto.primaryModel)!.title) && finding.text.contains(Format.cents(monthly(a, auto.primaryModel))))
        #expect(finding.text.contains(Format.cents(monthly(a, a.primaryModel))))
    }

    @Test func theRoutingAnswerIsValidatedAndWrittenBack() throws {
        let given = try k.answers(fromQuery: [("routing", "tiered")])
        #expect(given[.routing] == "tiered" && !given.isAssumed(.routing))
        #expect(given.queryString == "routing=tiered")
        #expect(k.defaultAnswers[.routing] == "auto")
        #expect(try k.answers(fromJSON: Array(#"{"routing": "tiered"}"#.utf8))[.routing] == "tiered")
        #expect(throws: AnswerError(code: "invalid_choice", message: "'routing' must be one of auto, tiered", field: "routing")) {
            _ = try k.answers(fromQuery: [("routing", "yes")])
        }
        // Under "Refine", right after the complex share.
        #expect(!k.essentialQuestions.contains(.routing))
        let order = k.questionnaire.map(\.id)
        #expect(order.firstIndex(of: .routing) == order.firstIndex(of: .complexShare)! + 1)
        #expect(k.question(.routing).helpURL == "/criteria/routing-plan")
    }

    @Test func contentWithoutThePlansWordsIsRefused() throws {
        var file = try Fixture.file()
        let plan = file.criteria.firstIndex { $0.slug == "routing-plan" }!
        file.criteria[plan].spec.policies!.removeAll { $0.kind == .routing_plan }
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("routing_plan") }
        // A policy the plan can overrule must say what it found in the plan's case.
        file = try Fixture.file()
        let c = file.criteria.firstIndex { $0.slug == "routing-payback" }!
        file.criteria[c].spec.policies![0].routed_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".routed_text") }
        // Routing payback must also have words for a plan that loses money outright.
        file = try Fixture.file()
        file.criteria[c].spec.policies![0].loss_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".loss_text") }
        // And for an escalation model too slow for the budget.
        file = try Fixture.file()
        file.criteria[c].spec.policies![0].slow_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".slow_text") }
        file.criteria[c].spec.policies![0].slow_text = "{haiku} takes it all, {saving_per_year} saved"
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("saving_per_year") }
        // And for routing that would pay onto an escalation model that is always late.
        file = try Fixture.file()
        file.criteria[c].spec.policies![0].slow_paying_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".slow_paying_text") }
        // And for everything on the escalation model held to the cost ceiling: needed, with no saving to name.
        file = try Fixture.file()
        file.criteria[c].spec.policies![0].ceiling_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".ceiling_text") }
        file.criteria[c].spec.policies![0].ceiling_text = "{haiku} takes it all, {saving_per_year} saved"
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("saving_per_year") }
        // And for cost first keeping its Haiku where routing does not pay: needed, and with no saving to name.
        file = try Fixture.file()
        file.criteria[c].spec.policies![0].cost_first_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".cost_first_text") }
        file.criteria[c].spec.policies![0].cost_first_text = "{haiku} keeps it all, {saving_per_year} saved"
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("saving_per_year") }
        // The cost ceiling must say why a cheaper equal did not clear it, in its own figures.
        file = try Fixture.file()
        let priority = file.criteria.firstIndex { $0.slug == "cost-priority" }!
        let ceiling = file.criteria[priority].spec.policies!.firstIndex { $0.kind == .cost_ceiling }!
        file.criteria[priority].spec.policies![ceiling].held_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".held_text") }
        file.criteria[priority].spec.policies![ceiling].held_text = "over {max_ratio} times and {threshold} tokens"
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("{threshold}") }
        // And words for a model a rule names, which speak of that model, not the Haiku.
        file = try Fixture.file()
        file.criteria[priority].spec.policies![ceiling].preferred_text = nil
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".preferred_text") }
        file = try Fixture.file()
        file.criteria[priority].spec.policies![ceiling].preferred_held_text = "{preferred} stands against {haiku}"
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).message.contains("unknown placeholder {haiku}") }
        file = try Fixture.file()
        file.criteria[c].spec.policies![0].preferred_text = "{preferred}"
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".preferred_text") }
        // And no other kind has one.
        file = try Fixture.file()
        file.criteria[c].spec.policies![0].held_text = "{max_ratio}"
        #expect { _ = try Fixture.knowledge(file) } throws: { ($0 as! KnowledgeError).field.hasSuffix(".held_text") }
    }

    /// Routing that does not pay sends everything to the escalation model, unless that model cannot answer within
    /// the team's budget at any setting and the Haiku can: 50 requests a month with a 0.5 s budget were sent to
    /// Claude Sonnet 5.5, which thinks for at least 0.75 s before every answer, while Haiku 5.5 can switch its
    /// thinking off. The Haiku now takes everything, and the reason says the hard requests go unescalated.
    @Test func routingThatDoesNotPayKeepsTheHaikuWhenTheEscalationModelIsTooSlow() throws {
        // 60-token answers: 78 on Haiku 5.5's count, 0.2 s at 400 tokens a second, while Sonnet 5.5 thinks 0.75 s first.
        // 15 % of them complex, which puts the score in the tiered band.
        let given: [String: AnswerValue] = ["monthly_requests": 50, "cached_input_share": 0.9, "latency": "interactive",
                                            "avg_output_tokens": 60, "latency_budget_s": 0.5, "peak_to_average": 20,
                                            "reasoning_effort": "high", "complex_share": 0.15, "as_of": "2026-12-04"]
        let a = engine.assess(k.answers(given))
        #expect(a.verdict == .chooseHaiku && a.primaryModel == "claude-haiku-5-5" && a.decidedBy == "routing-payback",
                "\(a.verdict) \(a.primaryModel) \(a.decidedBy ?? "-")")
        let reason = try #require(a.reasons.first)
        #expect(reason.text.contains("Claude Sonnet 5.5 cannot answer within your 0.5 s budget at any setting"), "\(reason.text)")
        #expect(reason.text.contains("So Claude Haiku 5.5, which can answer sooner, takes every request") && !reason.text.contains("$-"))
        // Without a budget, or with one Sonnet 5.5 can meet, everything goes to it as before.
        for budget in [0.0, 5.0] {
            var other = given
            other["latency_budget_s"] = .number(budget)
            let b = engine.assess(k.answers(other))
            #expect(b.primaryModel == "claude-sonnet-5-5" && b.primaryModelBasis == .routing_does_not_pay, "\(budget): \(b.primaryModel)")
        }
    }

    /// Realtime answers with no budget stated leave no time to think, so the same holds for them: 50,000 realtime
    /// chats a month (30 % hard) went all to Sonnet 5.5 at $735, whose least thinking the page itself called too slow
    /// for realtime, over Haiku 5.5 at $29 with its thinking off; said interactive, the same chats kept a Haiku plan.
    @Test func routingThatDoesNotPayKeepsTheHaikuForRealtimeAnswersTheEscalationModelThinksThrough() throws {
        let given: [String: AnswerValue] = ["task_type": "chat", "monthly_requests": 50_000, "avg_input_tokens": 3_000,
                                            "avg_output_tokens": 300, "complex_share": 0.3, "latency": "realtime",
                                            "as_of": "2026-12-07"]
        let a = engine.assess(k.answers(given))
        #expect(a.verdict == .chooseHaiku && a.primaryModel == "claude-haiku-5-5" && a.decidedBy == "routing-payback",
                "\(a.verdict) \(a.primaryModel) \(a.decidedBy ?? "-")")
        #expect(a.decision.monthly_usd == monthly(a, "claude-haiku-5-5") && a.decision.monthly_usd < 50)
        let reason = try #require(a.reasons.first)
        #expect(reason.text.contains("Claude Sonnet 5.5 cannot answer in time for realtime use (it thinks before every answer) at any setting"),
                "\(reason.text)")
        #expect(reason.text.contains("the hard ones go unescalated"))
        // A stated budget Sonnet 5.5 can meet is the team's word on the wait: everything goes to it as before.
        var budgeted = given
        budgeted["latency_budget_s"] = 10
        let b = engine.assess(k.answers(budgeted))
        #expect(b.primaryModel == "claude-sonnet-5-5" && b.primaryModelBasis == .routing_does_not_pay, "\(b.primaryModel)")
    }

    /// Routing that pays is not planned onto an escalation model that cannot answer within the budget at any setting
    /// while the Haiku can: 300,000 RAG answers a month from 50,000-token prompts, due in 1 s, were a tiered plan
    /// escalating to Claude Sonnet 5.5, whose least thinking and answer take at least 0.15 + (300 + 130) / 400 = 1.23 s,
    /// and $2,015 a month went on answers late by design. An escalation model further down the list that answers in
    /// time takes them: Claude Sonnet 4.6 with its thinking off, 0.15 + 100 / 400 = 0.4 s, said to be legacy and why
    /// the ones ahead of it cannot. Where none can, Haiku 5.5 (0.48 s with its thinking off) takes everything, and the
    /// reason says the hard requests go unescalated.
    @Test func routingThatPaysIsNotPlannedOntoEscalationsThatAreAlwaysLate() throws {
        let given: [String: AnswerValue] = ["task_type": "rag", "monthly_requests": 300_000, "avg_input_tokens": 50_000,
                                            "avg_output_tokens": 100, "latency": "realtime", "latency_budget_s": 1,
                                            "as_of": "2026-12-06"]
        let a = engine.assess(k.answers(given))
        #expect(a.verdict == .tieredRouting && a.decision.combined?.escalation_model == "claude-sonnet-4-6",
                "\(a.verdict) \(a.decision.combined?.escalation_model ?? "-")")
        let legacy = try #require(a.warnings.first { $0.model == "claude-sonnet-4-6" && $0.failure_mode == "model-retirement" })
        #expect(legacy.text.contains("Claude Sonnet 5.5: even at low, its least (about 300 reasoning tokens, 0.75 s at that speed)"),
                "\(legacy.text)")
        // Without Sonnet 4.6 among the escalation models, no plan: the Haiku answers everything in time.
        var file = try Fixture.file()
        file.settings.escalation_models.removeAll { $0 == "claude-sonnet-4-6" }
        let without = try Fixture.knowledge(file)
        let b = Engine(knowledge: without).assess(without.answers(given))
        #expect(b.verdict == .chooseHaiku && b.primaryModel == "claude-haiku-5-5" && b.decidedBy == "routing-payback",
                "\(b.verdict) \(b.primaryModel) \(b.decidedBy ?? "-")")
        let reason = try #require(b.reasons.first { $0.criterion == "routing-payback" }).text
        #expect(reason.hasPrefix("Routing would pay for its router at this volume") && reason.contains("Claude Sonnet 5.5 cannot "
                + "answer within your 1 s budget at any setting") && reason.contains("the hard ones go unescalated"), "\(reason)")
        // Not one that answers in time alone but not after the Haiku's answer (0.48 s, then 0.4 s, over 0.6 s), nor one
        // that fits the task less well than the model it would replace: Sonnet 4.6 fits code completion 'good', as the
        // Haiku does, and a plan onto it bought no margin.
        var tighter = given
        tighter["latency_budget_s"] = 0.6
        #expect(engine.assess(k.answers(tighter)).verdict == .chooseHaiku)
        let completion = engine.assess(k.answers(["task_type": "code_completion", "monthly_requests": 3_000_000,
                                                  "avg_input_tokens": 8_000, "avg_output_tokens": 60, "latency": "realtime",
                                                  "latency_budget_s": 0.6, "accuracy": "first_time_right", "as_of": "2026-12-06"]))
        #expect(completion.verdict == .chooseHaiku && completion.decision.combined == nil, "\(completion.verdict)")
        // The team's own plan is kept, with the escalation model that answers in time.
        var planned = given
        planned["routing"] = "tiered"
        let d = engine.assess(k.answers(planned))
        #expect(d.verdict == .tieredRouting && d.decision.combined?.escalation_model == "claude-sonnet-4-6",
                "\(d.verdict) \(d.decision.combined?.escalation_model ?? "-")")
        // With a budget Sonnet 5.5 can meet, the plan escalates to it.
        var roomy = given
        roomy["latency_budget_s"] = 5
        let c = engine.assess(k.answers(roomy))
        #expect(c.verdict == .tieredRouting && c.decision.combined?.escalation_model == "claude-sonnet-5-5")
    }

    /// Every request complex: Haiku answers all of them and Sonnet answers all again, so the plan costs the Haiku's
    /// whole bill more than Sonnet alone, 12 × $86 = $1,032 a year, before the router. The finding says it loses
    /// that much; it used to say the plan "saves about $0.00".
    @Test func aPlanThatLosesMoneySaysHowMuch() throws {
        let a = engine.assess(k.answers(["task_type": "chat", "complex_share": 1.0, "routing": "tiered"]))
        #expect(a.verdict == .tieredRouting)
        let haiku = monthly(a, "claude-haiku-5-5")
        let finding = try #require(a.reasons.first { $0.criterion == "routing-payback" }).text
        #expect(finding.hasPrefix("Routing loses money: Claude Haiku 5.5 answers every request"), "\(finding)")
        #expect(finding.contains("costs about \(Format.cents(12 * haiku)) a year more than sending everything to Claude Sonnet 5.5"),
                "\(finding)")
        #expect(!finding.contains("$0.00"))
    }
}
