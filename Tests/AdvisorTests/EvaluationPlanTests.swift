import Testing
@testable import Advisor

/// The evaluation plan's statistics: the two-proportion sample size and the normal quantiles it rests on, checked
/// against values computed independently (Python's statistics.NormalDist, 2026-12-03).
struct EvaluationPlanTests {
    @Test(arguments: [(0.975, 1.959963984540054), (0.8, 0.8416212335729143), (0.5, 0.0), (0.01, -2.3263478740408408),
                      (0.999, 3.090232306167813)])
    func normalQuantiles(p: Double, z: Double) {
        #expect(abs(SampleSize.normalQuantile(p) - z) < 1e-9, "z(\(p)) = \(SampleSize.normalQuantile(p))")
    }

    /// n = (z(1-α/2)·√(2p̄(1-p̄)) + z(1-β)·√(p1(1-p1)+p2(1-p2)))² / (p2-p1)², p2 = 2·p1, α = 0.05, power 0.8.
    @Test(arguments: [(0.01, 2319, "2318.2"), (0.05, 435, "434.4"), (0.10, 199, "199.0")])
    func sampleSizesPerTolerance(tolerance: Double, perModel: Int, unrounded: String) {
        let size = SampleSize(tolerance: tolerance, alpha: 0.05, power: 0.8)
        #expect(size.perModel == perModel)
        #expect(size.p2 == 2 * tolerance)
        // The arithmetic is written out, and its last step gives the same n.
        #expect(size.lines.count == 4)
        #expect(size.lines[3].hasSuffix("= \(unrounded) → \(perModel) samples per model"), "\(size.lines[3])")
        #expect(size.lines[1].contains("z(1 - alpha/2) = 1.9600") && size.lines[1].contains("z(power) = 0.8416"))
    }

    @Test func moreSureOrStricterNeedsMoreSamples() {
        let base = SampleSize(tolerance: 0.05, alpha: 0.05, power: 0.8).perModel
        #expect(SampleSize(tolerance: 0.05, alpha: 0.01, power: 0.8).perModel > base)
        #expect(SampleSize(tolerance: 0.05, alpha: 0.05, power: 0.9).perModel > base)
        #expect(SampleSize(tolerance: 0.02, alpha: 0.05, power: 0.8).perModel > base)
    }

    /// The content's settings: each accuracy answer's tolerance, and the primary's rating with its basis.
    @Test func theContentSetsTheTolerance() throws {
        let knowledge = Fixture.real
        for (accuracy, perModel) in [("first_time_right", 2319), ("reviewed", 435), ("tolerant", 199)] {
            let answers = try knowledge.answers(from: ["accuracy": .text(accuracy)])
            #expect(knowledge.sampleSize(for: answers)?.perModel == perModel, "\(accuracy)")
        }
        let assessment = Engine(knowledge: knowledge).assess(try knowledge.answers(from: ["task_type": .text("classification")]))
        let fit = try #require(assessment.primaryFit)
        #expect(fit.model == assessment.primaryModel && fit.task == "classification")
        #expect(fit.basis == .judgement && fit.rests_on_judgement, "the content's ratings are its own judgement")
        #expect(fit.sentence.contains("rests on our judgement, low confidence"))
    }
}
