import Foundation
import Testing
@testable import Advisor

/// Properties over thousands of generated answer sets (seeded, so a failure reproduces).
struct PropertyTests {
    static let sets = 3_000

    @Test func costPriorityTowardPrimaryNeverRaisesTheScore() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        var rng = SeededRNG(seed: 1)
        for _ in 0..<Self.sets {
            let answers = RandomAnswers.make(k, &rng)
            var previous = Double.infinity
            for value in ["secondary", "balanced", "primary"] {
                let score = engine.verdict(try k.replacing(.costPriority, with: .text(value), in: answers)).score
                #expect(score <= previous, "cost_priority=\(value) raised the score for \(answers.queryString)")
                previous = score
            }
        }
    }

    /// Speed no longer counting never helps the Haiku, except through a rule that stands for a cheaper model
    /// (`preferred_cheaper`): the batch discount can make the Haiku the cheaper one, and that rule then stays off.
    @Test func batchLatencyNeverRaisesTheScore() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        let costRules = k.rules.filter(\.preferredCheaper).map { abs($0.effect) }.reduce(0, +)
        #expect(costRules > 0)
        var rng = SeededRNG(seed: 2)
        for _ in 0..<Self.sets {
            let answers = RandomAnswers.make(k, &rng)
            let batchAnswers = try k.replacing(.latency, with: "batch", in: answers)
            let batch = engine.verdict(batchAnswers).score
            let v = batchAnswers.values
            let costRuleAsks = v.withUnsafeBufferPointer { v in
                k.rules.contains { $0.preferredCheaper && $0.condition.holds(v, override: -1, value: 0) }
            }
            for value in ["realtime", "interactive"] {
                let other = engine.verdict(try k.replacing(.latency, with: .text(value), in: answers)).score
                #expect(batch <= other + (costRuleAsks ? costRules : 0), "batch scored above \(value) for \(answers.queryString)")
            }
        }
    }

    @Test func aLargerCacheableShareNeverRaisesACost() throws {
        for k in [Fixture.real, Fixture.handPriced] {
            let engine = Engine(knowledge: k)
            var rng = SeededRNG(seed: 3)
            for _ in 0..<Self.sets {
                let answers = RandomAnswers.make(k, &rng)
                let low = Double.random(in: 0...1, using: &rng)
                let high = Double.random(in: low...1, using: &rng)
                let a = engine.costs(try k.replacing(.cachedInputShare, with: .number(low), in: answers))
                let b = engine.costs(try k.replacing(.cachedInputShare, with: .number(high), in: answers))
                let before = Dictionary(uniqueKeysWithValues: a.map { ($0.model, $0.monthly_usd) })
                for line in b {
                    let was = before[line.model]!
                    #expect(line.monthly_usd <= was + 1e-4 + was * 1e-12,
                            "\(line.model): share \(low) -> \(high) raised \(was) to \(line.monthly_usd) (\(answers.queryString))")
                }
            }
        }
    }

    @Test func everyChangeReallyFlipsTheVerdict() throws {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        var rng = SeededRNG(seed: 4)
        var flips = 0
        for _ in 0..<Self.sets {
            let answers = RandomAnswers.make(k, &rng)
            let assessment = engine.assess(answers)
            for change in assessment.whatWouldChange {
                #expect(change.to != answers[change.answer])
                let changed = try k.replacing(change.answer, with: change.to, in: answers)
                let result = engine.verdict(changed)
                #expect(result.verdict == change.verdict, "\(change.answer) → \(change.to): \(answers.queryString)")
                #expect(result.verdict != assessment.verdict)
                #expect(result.score == change.score)
                flips += 1
            }
        }
        // Flips are searched only within a plausible range of each answer (engine.levers.ranges), so a workload far
        // from every boundary has none; most still have one.
        #expect(flips > Self.sets / 2, "the search should find flips for most workloads")
    }

    @Test func numericChangesAreTheNearestFlip() throws {
        // Brute force on a grid: no grid value strictly closer than the reported one flips the verdict
        // (except within the search's resolution: half a percent of bisection plus one rounding step, at most 2 % of
        // the range).
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        var rng = SeededRNG(seed: 5)
        for _ in 0..<300 {
            let answers = RandomAnswers.make(k, &rng)
            let assessment = engine.assess(answers)
            for change in assessment.whatWouldChange where change.answer.kind == .number {
                guard case .number(let now) = answers[change.answer], case .number(let to) = change.to else { continue }
                let distance = abs(to - now)
                let q = k.question(change.answer)
                for step in stride(from: q.min!, through: q.max!, by: (q.max! - q.min!) / 400) {
                    guard abs(step - now) < distance - k.question(change.answer).max! / 50 else { continue }
                    let v = try k.replacing(change.answer, with: .number(step), in: answers)
                    #expect(engine.verdict(v).verdict == assessment.verdict,
                            "\(change.answer.name)=\(step) flips but the nearest reported was \(to) (now \(now))")
                }
            }
        }
    }

    @Test func assessmentsAreWellFormed() {
        let k = Fixture.real
        let engine = Engine(knowledge: k)
        let criteria = Set(k.criteria.map(\.slug))
        let modes = Set(k.failureModes.map(\.slug))
        let models = Set(k.models.map(\.slug))
        var rng = SeededRNG(seed: 6)
        var verdicts: [Verdict: Int] = [:]
        for _ in 0..<Self.sets {
            let answers = RandomAnswers.make(k, &rng)
            let a = engine.assess(answers)
            verdicts[a.verdict, default: 0] += 1
            #expect((0...100).contains(a.score))
            for reason in a.reasons {
                #expect(criteria.contains(reason.criterion))
                #expect(reason.url == "/criteria/\(reason.criterion)")
            }
            for warning in a.warnings {
                #expect(modes.contains(warning.failure_mode))
                #expect(warning.url == "/failure-modes/\(warning.failure_mode)")
            }
            #expect(models.contains(a.primaryModel))
            #expect(a.alternatives.allSatisfy(models.contains))
            #expect(!a.alternatives.contains(a.primaryModel))
            #expect(Set(a.alternatives).count == a.alternatives.count)
            #expect(a.alternatives.count <= 3)
            #expect(a.costs.count == k.models.count)
            #expect(a.costs.allSatisfy { $0.url == "/models/\($0.model)" && $0.monthly_usd.isFinite && $0.monthly_usd >= 0 })
            if a.verdict != .chooseAlternative { #expect(k.model(a.primaryModel)?.spec.family == "haiku") }
            if a.verdict == .chooseAlternative { #expect(a.primaryModel != a.haikuModel) }
            #expect(a.assumptions.map(\.answer) == answers.assumed)
            // The score is the base plus the reasons' effects, clamped.
            let sum = a.reasons.reduce(k.settings.base_score) { $0 + $1.effect }
            #expect(abs(a.score - min(100, max(0, sum))) < 1e-9)
        }
        // The generator reaches every verdict, so the properties above say something about each.
        // (Tiered routing is the rarest: the cost ceiling turns the tiered verdicts over a price threshold into another model.)
        #expect(Verdict.allCases.allSatisfy { verdicts[$0, default: 0] >= 30 }, "\(verdicts)")
    }

    @Test func queryStringsAndJSONRoundTrip() throws {
        let k = Fixture.real
        var rng = SeededRNG(seed: 7)
        for _ in 0..<Self.sets {
            let answers = RandomAnswers.make(k, &rng, missing: 0.3)
            let pairs = answers.queryString.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts[1].removingPercentEncoding!)
            }
            #expect(try k.answers(fromQuery: pairs) == answers, "\(answers.queryString)")
            var object: [String: Any] = [:]
            for id in AnswerID.allCases where !answers.isAssumed(id) && !answers.isDerived(id) {
                switch answers[id] {
                case .text(let t): object[id.name] = t
                case .bool(let b): object[id.name] = b
                case .number(let n): object[id.name] = n
                }
            }
            let body = try JSONSerialization.data(withJSONObject: object)
            #expect(try k.answers(fromJSON: Array(body)) == answers, "\(String(decoding: body, as: UTF8.self))")
        }
    }
}
