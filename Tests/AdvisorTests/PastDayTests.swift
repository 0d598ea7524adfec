import Foundation
import Testing
@testable import Advisor

/// Verdicts on a past day (a share link pins `as_of`) weigh the models served that day: the older Haikus and
/// Sonnets follow the current ones in `haiku_models`, `escalation_models` and the rules' `prefer` lists.
struct PastDayTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    func served(_ slug: String, on day: Int) -> Bool {
        k.models.firstIndex { $0.slug == slug }.map { k.compiledModels[$0].isServed(on: day) } ?? false
    }

    /// A deprecated Haiku is never the Haiku; a model released later is no reason for a warning that day.
    @Test(arguments: [("2024-06-01", "claude-3-haiku"), ("2025-06-01", "claude-3-5-haiku"),
                      ("2025-10-01", "claude-3-5-haiku"), ("2026-01-01", "claude-haiku-4-5"),
                      ("2026-09-01", "claude-haiku-4-5"), ("2026-11-28", "claude-haiku-5-5")])
    func eachDayWeighsTheHaikuServedThen(day: String, haiku: String) throws {
        let a = engine.assess(k.answers(["task_type": "chat", "as_of": .text(day)]))
        #expect(a.haikuModel == haiku)
        let judged = try #require(CivilDate.day(day))
        for w in a.warnings where w.failure_mode == "model-retirement" {
            #expect(w.model.map { served($0, on: judged) } ?? true, "\(w.text)")
        }
        #expect(served(a.primaryModel, on: judged))
        #expect(a.alternatives.allSatisfy { served($0, on: judged) })
    }

    /// On 2026-03-01 a tiered plan routes to Sonnet 4.6, the Sonnet of that day (released 2026-02-17); on 2025-06-01 no stronger Claude
    /// model was served, and the plan is set aside with that reason and the day the first came.
    @Test func aPastDaysPlanUsesThatDaysModels() throws {
        let plan: [String: AnswerValue] = ["task_type": "chat", "routing": "tiered", "complex_share": 0.4]
        let march = engine.assess(k.answers(plan.merging(["as_of": "2026-03-01"]) { $1 }))
        #expect(march.verdict == .tieredRouting)
        #expect(march.primaryModel == "claude-haiku-4-5" && march.alternatives.first == "claude-sonnet-4-6")
        let june = engine.assess(k.answers(plan.merging(["as_of": "2025-06-01"]) { $1 }))
        #expect(june.haikuModel == "claude-3-5-haiku")
        let first = try #require(june.reasons.first).text
        #expect(first.contains("no escalation model we list was served on 2025-06-01 (the first, Claude Sonnet 4.5, came on 2025-09-29)"),
                "\(first)")
    }

    /// A score in the routing band on a day no stronger model was served gives the Haiku every request, and says why:
    /// the page said only that the verdict was "set whatever the score".
    @Test func aRoutingScoreWithNothingToRouteToSaysSo() throws {
        let a = engine.assess(k.answers(["avg_input_tokens": 576, "accuracy": "first_time_right", "review_capacity": "systematic",
                                         "cost_priority": "secondary", "peak_to_average": 15, "as_of": "2025-02-10",
                                         "tool_choice": "forced"]))
        #expect(a.verdict == .chooseHaiku && a.score >= a.tieredRoutingAt && a.score < a.chooseHaikuAt, "\(a.score)")
        let warning = try #require(a.warnings.first { $0.text.contains("is in the routing band") })
        #expect(warning.title == "Claude 3.5 Haiku answers the hard requests too: no model to hand them on to")
        #expect(warning.text.hasPrefix("The score, \(Int(a.score.rounded())), is in the routing band, where the complex 5 % of "
            + "requests would go on to a stronger model, but no escalation model we list was served on 2025-02-10 (the first, "
            + "Claude Sonnet 4.5, came on 2025-09-29). So Claude 3.5 Haiku takes every request"), "\(warning.text)")
        // Today the same answers route, and nothing is said.
        let today = engine.assess(k.answers(["avg_input_tokens": 576, "accuracy": "first_time_right", "review_capacity": "systematic",
                                             "cost_priority": "secondary", "as_of": "2026-12-07"]))
        #expect(!today.warnings.contains { $0.text.contains("is in the routing band") })
    }

    /// "No model we list can take" a request that a deprecated model still held was false: the warning names it, and
    /// says why it is not the primary (466,625-token chats on 2025-12-19, held by Gemini 2.0 Flash until its shutdown).
    @Test func nothingFitsNamesADeprecatedModelThatHoldsTheRequest() throws {
        let a = engine.assess(k.answers(["task_type": "chat", "avg_input_tokens": 466_625, "avg_output_tokens": 11,
                                         "as_of": "2025-12-19"]))
        #expect(a.primaryModelBasis == .nothing_fits, "\(a.primaryModelBasis)")
        let first = try #require(a.warnings.first).text
        #expect(first.hasPrefix("No model we list can take one of these requests on 2025-12-19, other than a deprecated one: "
                                + "Gemini 2.0 Flash (it stops answering on 2026-06-01) holds them, but a deprecated model is never "
                                + "the primary."), "\(first)")
    }

    /// When a rule prefers a stronger model, a past day's verdict names that day's Sonnet: on 2026-03-01 Sonnet 4.6,
    /// released 2026-02-17, not Sonnet 4.5, legacy from that day and named at the same price ("either will do").
    /// A legacy model in a rule's list is named only until its successor is served: today Sonnet 4.6 is not named in
    /// place of a Sonnet 5.5 that refuses forced tool calls; on 2026-09-22, with Opus 5.5 served (it refuses them too)
    /// and Sonnet 5.5 not yet, it is, where skipping it handed mostly hard chats to Gemini 3.8 Flash.
    @Test func aPreferredSonnetIsThatDaysSonnet() {
        let a = engine.assess(k.answers(["task_type": "chat", "complex_share": 0.6, "as_of": "2026-03-01"]))
        #expect(a.verdict == .chooseAlternative)
        #expect(a.primaryModel == "claude-sonnet-4-6" && a.primaryModelBasis == .prefer)
        let today = engine.assess(k.answers(["task_type": "chat", "complex_share": 0.6, "tool_choice": "forced", "as_of": "2026-12-07"]))
        #expect(today.primaryModelBasis != .prefer, "\(today.primaryModel) \(today.primaryModelBasis)")
        let september = engine.assess(k.answers(["task_type": "chat", "complex_share": 0.6, "tool_choice": "forced", "as_of": "2026-09-22"]))
        #expect(september.primaryModel == "claude-sonnet-4-6" && september.primaryModelBasis == .prefer,
                "\(september.primaryModel) \(september.primaryModelBasis)")
    }

    /// Today a Haiku that cannot take the work is explained by the Haikus served today, each with its reason; the
    /// retired ones are not reasons.
    @Test func aHaikuRuledOutTodayNamesTodaysHaikus() throws {
        let a = engine.assess(k.answers(["task_type": "rag", "avg_input_tokens": 700_000, "routing": "tiered",
                                         "as_of": "2026-12-03"]))
        let first = try #require(a.reasons.first).text
        #expect(first.contains("no Haiku model can take this workload (Claude Haiku 5.5: ")
                && first.contains("; Claude Haiku 4.5: "), "\(first)")
        #expect(!first.contains("Claude 3"), "\(first)")
    }

    /// Before the first Haiku there is nothing to weigh: the day is refused, not answered with unreleased models.
    @Test func aDayBeforeTheFirstHaikuIsRefused() {
        #expect(throws: AnswerError.self) { _ = try k.answers(fromQuery: [("as_of", "2024-03-12")]) }
        #expect((try? k.answers(fromQuery: [("as_of", "2024-03-13")])) != nil)
        do {
            _ = try k.answers(fromQuery: [("as_of", "2023-01-01")])
        } catch {
            #expect(error.message.contains("2024-03-13") && error.message.contains("Claude 3 Haiku"), "\(error.message)")
        }
    }

    /// A deprecated model is offered as an alternative only while its retirement is more than
    /// `engine.deprecated_offer_days` (60) away; nearer, a team should be moving off it.
    @Test func aDeprecatedModelNearItsRetirementIsNotOffered() throws {
        #expect(k.deprecatedOfferDays == 60)
        // Strong-fit autonomous coding today: Opus 4.5 retires 2027-01-22, 50 days on. It was offered before.
        let coding: [String: AnswerValue] = [
            "task_type": "autonomous_coding", "monthly_requests": 29_915_180, "avg_input_tokens": 74_935,
            "avg_output_tokens": 67, "required_fit": "strong", "accuracy": "tolerant", "review_capacity": "none"]
        var today = coding
        today["as_of"] = "2026-12-03"
        let a = engine.assess(k.answers(today))
        #expect(!a.alternatives.contains("claude-opus-4-5"), "\(a.alternatives)")
        #expect(!a.warnings.contains { $0.model == "claude-opus-4-5" && $0.failure_mode == "model-retirement" })
        // The setting is what keeps it out: at 0 days it is offered again, with its warning.
        var file = try Fixture.file()
        file.settings.deprecated_offer_days = 0
        // Strong fits that are not deprecated fill the list before a deprecated one (Opus 5.5, Gemini 4 Neon and Carbon,
        // GPT-6.2 Astra, Fable 5.2, legacy Sonnet 4.6): without Neon, Carbon, Fable 5.2 and Sonnet 4.6, Opus 4.5 is the
        // next.
        file.models.removeAll { ["gemini-4-neon", "gemini-4-carbon", "claude-fable-5-2", "claude-sonnet-4-6"].contains($0.slug) }
        file.settings.escalation_models.removeAll { $0 == "claude-sonnet-4-6" }
        let anyDay = try Fixture.knowledge(file)
        let b = Engine(knowledge: anyDay).assess(anyDay.answers(today))
        #expect(b.alternatives.contains("claude-opus-4-5"), "\(b.alternatives)")
        #expect(b.warnings.contains { $0.model == "claude-opus-4-5" && $0.text.contains("2027-01-22") })
        // A setting that is not a whole number of days, 0 or more, is refused by name.
        for bad in [-1.0, 1.5, .infinity] {
            file.settings.deprecated_offer_days = bad
            #expect(throws: KnowledgeError.self) { _ = try Fixture.knowledge(file) }
            do { _ = try Fixture.knowledge(file) } catch { #expect("\(error)".contains("deprecated_offer_days"), "\(error)") }
        }
        // Every alternative on many days and workloads: never deprecated within the window.
        var rng = SeededRNG(seed: 60)
        for _ in 0..<300 {
            let answers = RandomAnswers.make(k, &rng)
            let day = Int(answers.values[AnswerID.asOf.rawValue])
            for slug in engine.assess(answers).alternatives {
                let model = k.compiledModels[k.modelIndex[slug]!]
                guard model.lifecycle(on: day).state == .deprecated else { continue }
                #expect((model.retiresDay ?? day) - day > 60, "\(slug) offered \((model.retiresDay ?? day) - day) days before it retires")
            }
        }
        // A deprecated model far from its retirement may still be offered: Gemini 3.1 Flash-Lite (retires 2027-05-07)
        // for a strong-fit classification on 2026-10-01, 218 days before; not on 2027-03-15, 53 days before. (Whether it
        // makes the three offered depends on the current models that fit as well, which changed with the content.)
        let flashLite = k.modelIndex["gemini-3-1-flash-lite"]!
        for (day, offered) in [("2026-10-01", true), ("2027-03-15", false)] {
            let answers = k.answers([
                "task_type": "classification", "monthly_requests": 1_245, "avg_input_tokens": 23_924, "avg_output_tokens": 366,
                "cost_priority": "secondary", "required_fit": "strong", "as_of": .text(day)])
            #expect(answers.values.withUnsafeBufferPointer { engine.offerable(flashLite, $0) } == offered, "\(day)")
        }
    }
}
