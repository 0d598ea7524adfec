import Foundation
import Testing
@testable import Advisor

/// `lifecycle.retires_not_before`: the earliest day a maker may retire a legacy model it has not yet deprecated
/// (Anthropic's status table: Claude Sonnet 4.6 not sooner than 2027-02-17). It moves no verdict; the legacy warning
/// says it while that day is ahead, so a team building on the model knows how long it is safe, and that it has passed.
struct RetirementFloorTests {
    let k = Fixture.real

    /// Realtime complex reasoning: Sonnet 5.5 must think before every answer, so legacy Sonnet 4.6 is recommended and
    /// its warning says how long Anthropic keeps it at least.
    func retirementWarning(asOf: String) throws -> (primary: String, text: String) {
        let a = Engine(knowledge: k).assess(k.answers([
            "as_of": .text(asOf), "task_type": "complex_reasoning", "monthly_requests": 50_000, "avg_input_tokens": 2_000,
            "avg_output_tokens": 300, "latency": "realtime", "accuracy": "reviewed"]))
        let warning = try #require(a.warnings.first { $0.failure_mode == "model-retirement" && $0.model == a.primaryModel })
        return (a.primaryModel, warning.text)
    }

    @Test func theLegacyWarningSaysTheEarliestRetirementWhileItIsAhead() throws {
        let before = try retirementWarning(asOf: "2026-12-07")
        #expect(before.primary == "claude-sonnet-4-6")
        #expect(before.text.hasPrefix("Claude Sonnet 4.6 has been legacy since 2026-06-30, and Anthropic gives no retirement "
                                      + "before 2027-02-17 on its own platforms; its successor, Claude Sonnet 5.5, is not offered"),
                "\(before.text)")
        // From that day a retirement may be announced at any time (with the notice the maker gives), and the warning
        // says so: the sentence vanished, as if the model were as safe as before.
        for day in ["2027-02-17", "2027-02-20"] {
            let on = try retirementWarning(asOf: day)
            #expect(on.primary == "claude-sonnet-4-6")
            #expect(on.text.hasPrefix("Claude Sonnet 4.6 has been legacy since 2026-06-30, and the earliest retirement Anthropic "
                                      + "gave for it, 2027-02-17, is no longer ahead: its deprecation can come at any time, with "
                                      + "the notice its maker gives; its successor"), "\(on.text)")
        }
    }

    /// The floor is for a legacy model whose end is not announced: with a retirement date, or on a model that is not
    /// legacy, it is refused with the field it is about.
    @Test func aFloorNeedsALegacyModelWithNoRetirementDate() throws {
        let file = try Fixture.file()
        func refusal(_ edit: (inout Lifecycle) -> Void) -> KnowledgeError? {
            var models = file.models.map { ModelEntry(slug: $0.slug, title: $0.title, spec: $0.spec, sources: $0.sources ?? []) }
            let i = models.firstIndex { $0.slug == "claude-sonnet-4-6" }!
            var spec = models[i].spec
            edit(&spec.lifecycle)
            models[i] = ModelEntry(slug: models[i].slug, title: models[i].title, spec: spec, sources: models[i].sources)
            do { _ = try Fixture.knowledge(file, models: models); return nil } catch { return error }
        }
        #expect(refusal { _ in } == nil)
        let retiring = refusal { $0.retires = TestModels.day("2027-03-01") }
        #expect(retiring?.field == "model.lifecycle.retires_not_before"
                && retiring?.message == "a model with a retirement date needs no earliest retirement date", "\(String(describing: retiring))")
        let active = refusal { $0.legacy = nil }
        #expect(active?.message.hasPrefix("only a legacy model has an earliest retirement date") == true, "\(String(describing: active))")
        let early = refusal { $0.retires_not_before = TestModels.day("2025-01-01") }
        #expect(early?.message == "must not come before the release date", "\(String(describing: early))")
    }
}
