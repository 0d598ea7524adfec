import Testing
@testable import Advisor

/// What a team's `reasoning_effort` answer runs as on a model that lacks that level (README, "Content format",
/// `reasoning.runs_as`): the provider's own mapping where its page documents one, else the nearest level, the lower
/// at a tie. On the real content.
struct EffortMappingTests {
    let k = Fixture.real
    var engine: Engine { Engine(knowledge: k) }

    static let extraction: [String: AnswerValue] = [
        "task_type": "extraction", "monthly_requests": 1_000_000, "avg_input_tokens": 2_000, "avg_output_tokens": 200,
        "as_of": "2026-12-07"]

    func line(_ model: String, effort: String) throws -> CostLine {
        try engine.assess(k.answers(with(Self.extraction, ["reasoning_effort": .text(effort)]))).line(model)
    }

    /// DeepSeek's thinking-mode guide: effort low, high or max, and a requested medium runs at high. Pricing medium as
    /// the nearest lower level (low, 300 tokens) put a tenth of the thinking DeepSeek bills on the line.
    @Test func deepSeekRunsAMediumAtHighAndALowAtLow() throws {
        let medium = try line("deepseek-v4-1-flash", effort: "medium")
        let high = try line("deepseek-v4-1-flash", effort: "high")
        let low = try line("deepseek-v4-1-flash", effort: "low")
        let off = try line("deepseek-v4-1-flash", effort: "none")
        #expect(medium.rates.reasoning_effort == .high && medium.monthly_usd == high.monthly_usd)
        #expect(low.rates.reasoning_effort == .low && low.rates.reasoning_tokens_per_request == 300)
        #expect(off.monthly_usd < low.monthly_usd && low.monthly_usd < high.monthly_usd)
    }

    /// Without a documented mapping, the nearest level, the lower at a tie: Gemini 3.8 Flash cannot switch its
    /// thinking off and runs a `none` at low.
    @Test func aLevelAModelLacksRunsAtTheNearest() throws {
        let off = try line("gemini-3-8-flash", effort: "none")
        #expect(off.rates.reasoning_effort == .low)
    }

    /// A mapping names a level the model has, for a level it has not.
    @Test func aMappingToALevelTheModelLacksIsRefused() throws {
        let file = try Fixture.file()
        func refused(_ runsAs: [String: Effort], field: String) -> Bool {
            let models = file.models.map { entry -> ModelEntry in
                var spec = entry.spec
                if entry.slug == "deepseek-v4-1-flash" { spec.reasoning?.runs_as = runsAs }
                return ModelEntry(slug: entry.slug, title: entry.title, spec: spec, sources: entry.sources ?? [])
            }
            do { _ = try Fixture.knowledge(file, models: models); return false } catch let e as KnowledgeError {
                return e.slug == "deepseek-v4-1-flash" && e.field == field
            } catch { return false }
        }
        #expect(refused(["medium": .medium], field: "model.reasoning.runs_as.medium"))
        #expect(refused(["high": .low], field: "model.reasoning.runs_as.high"))
        #expect(refused(["max": .high], field: "model.reasoning.runs_as.max"))
        #expect(!refused(["medium": .low], field: "model.reasoning.runs_as.medium"))
    }
}
