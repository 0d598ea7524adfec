import Foundation
import Testing
@testable import Advisor

/// The expert review set (Fixtures/review-set.json): workloads nobody wrote the engine for, each with the primaries
/// an engineer would accept, the picks they would refuse and one line of why, reasoned from the content. When
/// someone disagrees with a verdict, they add a case here (README.md, "The expert review set").
struct ReviewSetTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let answers: [String: AnswerValue]
        var verdicts: [String]? = nil
        var acceptable: [String]? = nil
        var forbidden: [String]? = nil
        var min_fit: String? = nil
        /// Models an engineer would refuse to see offered beside the primary.
        var forbidden_alternatives: [String]? = nil
        /// Failure modes that must not be the biggest risk.
        var forbidden_top_risks: [String]? = nil
        /// Failure modes that must not be warned of at all (advice the verdict's own cost line contradicts).
        var forbidden_warnings: [String]? = nil
        let why: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/review-set.json")
        do { return try JSONDecoder().decode([Case].self, from: Data(contentsOf: url)) } catch { fatalError("review set: \(error)") }
    }()

    @Test func theSetSpansWhatItClaims() {
        let set = Self.cases
        #expect(set.count >= 30)
        let tasks = Set(set.compactMap { if case .text(let t) = $0.answers["task_type"] { t } else { nil } })
        #expect(tasks == Set(AnswerID.taskType.choices))
        let volumes = set.compactMap { if case .number(let n) = $0.answers["monthly_requests"] { n } else { nil } }
        #expect(volumes.min()! <= 1_000 && volumes.max()! >= 1_000_000_000)
        let prompts = set.compactMap { if case .number(let n) = $0.answers["avg_input_tokens"] { n } else { nil } }
        #expect(prompts.min()! <= 200 && prompts.max()! >= 500_000)
        for (id, values) in [("latency", ["realtime", "batch"]), ("cost_priority", ["primary", "secondary"]),
                             ("accuracy", ["first_time_right", "tolerant"])] {
            for value in values { #expect(set.contains { $0.answers[id] == .text(value) }, "\(id)=\(value)") }
        }
        #expect(set.contains { $0.answers["can_self_host"] == .bool(true) } && set.contains { $0.answers["can_self_host"] == .bool(false) })
    }

    @Test("an expert signs the verdict", arguments: cases)
    func anExpertSigns(_ c: Case) throws {
        let k = Fixture.real
        let answers = try k.answers(from: c.answers)
        let a = Engine(knowledge: k).assess(answers)
        if let verdicts = c.verdicts { #expect(verdicts.contains(a.verdict.rawValue), "\(a.verdict.rawValue): \(c.why)") }
        if let acceptable = c.acceptable { #expect(acceptable.contains(a.primaryModel), "\(a.primaryModel): \(c.why)") }
        #expect(!(c.forbidden ?? []).contains(a.primaryModel), "\(a.primaryModel): \(c.why)")
        #expect(Set(c.forbidden_alternatives ?? []).isDisjoint(with: a.alternatives), "\(a.alternatives): \(c.why)")
        #expect(!(c.forbidden_top_risks ?? []).contains(a.decision.top_risk?.failure_mode ?? ""),
                "\(a.decision.top_risk?.failure_mode ?? "none"): \(c.why)")
        for warned in a.warnings.map(\.failure_mode) where (c.forbidden_warnings ?? []).contains(warned) {
            Issue.record("warned of \(warned): \(c.why)")
        }
        // What every verdict must hold, whatever the case: the primary is current on the day, holds the request
        // with headroom, and is not ruled out by its rate limits while another model is not.
        let primary = try #require(a.costs.first { $0.model == a.primaryModel })
        #expect([.active, .legacy].contains(primary.status.state), "\(a.primaryModel) is \(primary.status.state)")
        let anyHolds = a.costs.contains { $0.within_headroom && [.active, .legacy].contains($0.status.state) }
        if anyHolds { #expect(primary.within_headroom, "\(a.primaryModel) fills \(primary.rates.window_use) of its window") }
        let anyCarries = a.costs.contains { $0.within_headroom && [.active, .legacy].contains($0.status.state)
            && $0.capacity?.status != .beyond_tiers }
        if anyCarries { #expect(primary.capacity?.status != .beyond_tiers, "\(a.primaryModel) cannot carry the peak") }
        for alternative in a.alternatives {
            let line = try #require(a.costs.first { $0.model == alternative })
            #expect(line.status.state != .retired && line.status.state != .unreleased, "\(alternative)")
        }
        // Nothing named would refuse the workload's requests (a forced tool call: content/criteria/tool-choice.md).
        answers.values.withUnsafeBufferPointer { v in
            for slug in [a.primaryModel] + a.alternatives + (a.decision.combined.map { [$0.escalation_model] } ?? []) {
                #expect(!k.refusesTools(model: k.models.firstIndex { $0.slug == slug }!, v),
                        "\(slug) returns an error on a forced tool call")
            }
        }
        // The tokenizer and long-context traps, both parts of a model's month, never count the same dollars: together
        // they stay within it. (Others are what a change would cost, as the batch limit's whole month on the other API.)
        for model in Set(a.decision.traps.map(\.model)) {
            let sum = a.decision.traps.filter { $0.model == model && [.tokenizer_ratio, .long_context_cliff].contains($0.kind) }
                .compactMap(\.amount_usd).reduce(0, +)
            if let month = a.costs.first(where: { $0.model == model })?.monthly_usd {
                #expect(sum <= month + 0.01, "traps on \(model): \(sum) of \(month)")
            }
        }
        // A latency budget is a requirement: what would change never offers a tighter one.
        if case .number(let budget) = answers[.latencyBudgetSeconds], budget > 0 {
            for change in a.whatWouldChange where change.answer == .latencyBudgetSeconds {
                if case .number(let to) = change.to { #expect(to > budget, "a tighter budget offered: \(to) s") }
            }
        }
        // A plan's runner-up is set against what the plan costs in all.
        if let plan = a.decision.combined, let runner = a.decision.runner_up {
            #expect(abs(runner.difference_usd - (runner.monthly_usd - plan.monthly_usd)) < 0.02, "\(runner.reason)")
        }
        // One warning per failure mode and model: a computed warning absorbs the general one, never repeats it.
        let warned = a.warnings.map { "\($0.failure_mode) \($0.model ?? "")" }
        #expect(Set(warned).count == warned.count, "repeated warnings: \(warned)")
        // And no two read alike: a warning about another model under a failure mode already warned of names it.
        let titles = a.warnings.map(\.title)
        #expect(Set(titles).count == titles.count, "two warnings with one title: \(titles)")
        // A warning speaks of the provider it names: no other provider's status page beside a primary's warning.
        if k.compiledModels[k.modelSlugs.firstIndex(of: a.primaryModel)!].provider != "Anthropic" {
            #expect(!a.warnings.contains { $0.text.contains("status.anthropic.com") }, "\(a.primaryModel): Anthropic's status page")
        }
        // ... and of no other provider's status page; a model the team runs has no provider to name at all.
        let primaryModel = k.compiledModels[k.modelSlugs.firstIndex(of: a.primaryModel)!]
        for (name, info) in k.settings.providers ?? [:] where name != primaryModel.provider || primaryModel.selfHosted {
            #expect(!a.warnings.contains { $0.text.contains(info.status_page) }, "\(a.primaryModel): \(name)'s status page")
        }
        if primaryModel.selfHosted {
            #expect(!a.warnings.contains { $0.text.contains(primaryModel.provider) || $0.text.contains("its status page") },
                    "\(a.primaryModel) is self-hosted: \(a.warnings.map(\.text))")
        }
        // A hard limit that sets choose_alternative keeps every Haiku out of the runner-up too.
        if a.reasons.contains(where: { $0.decide == Verdict.chooseAlternative.rawValue }), let runnerUp = a.decision.runner_up {
            #expect(!k.compiledModels[k.modelSlugs.firstIndex(of: runnerUp.model)!].isHaikuFamily, "runner-up \(runnerUp.model)")
        }
        // A lever offered for its saving saves at least the floor; a documented miss of the team's latency budget is
        // the biggest risk.
        let floor = k.leverRules?.minSaving ?? 0
        for lever in a.levers where [.trim_below_cliff, .cache_prefix, .batch, .lower_effort].contains(lever.kind) {
            #expect(-lever.difference >= floor, "\(lever.text)")
        }
        // More thinking is never offered where that level's thinking would weigh on the latency, and a lever never
        // writes its two monthly amounts alike.
        for lever in a.levers {
            if lever.kind == .raise_effort, let level = lever.changes.first?.to {
                var raised = answers.values
                raised[AnswerID.reasoningEffort.rawValue] = Knowledge.encode(level, for: .reasoningEffort, models: k.modelSlugs)!
                let primaryIndex = k.modelSlugs.firstIndex(of: a.primaryModel)!
                #expect(!raised.withUnsafeBufferPointer { k.thinkingWeighsOnLatency(model: primaryIndex, $0) }, "\(lever.text)")
            }
            let amounts = lever.text.matches(of: /(\$[\d,.]+) a month instead of (\$[\d,.]+)/).first
            #expect(amounts.map { $0.output.1 != $0.output.2 || lever.monthly_before == lever.monthly_after } ?? true, "\(lever.text)")
        }
        // Left at the default effort, no model is priced at a level that leaves no time to answer while a lighter one
        // would: every cost line runs at the setting a team in a hurry would run.
        if Int(answers.values[AnswerID.reasoningEffort.rawValue]) == Knowledge.defaultEffortAnswer {
            try answers.values.withUnsafeBufferPointer { v in
                for line in a.costs {
                    let m = try #require(k.modelSlugs.firstIndex(of: line.model))
                    guard let r = k.compiledModels[m].reasoning, let effort = line.rates.reasoning_effort,
                          !k.leavesTimeToAnswer(model: m, reasoning: line.rates.reasoning_tokens_per_request, v)
                    else { continue }
                    let lighter = r.levels.contains { $0 < effort && k.leavesTimeToAnswer(model: m, reasoning: r.tokens[$0.rank], v) }
                    #expect(!lighter, "\(line.model) priced at \(effort) where a lighter level leaves time to answer")
                }
            }
        }
        if let missed = a.warnings.first(where: {
            $0.failure_mode == "latency-spikes" && ($0.text.contains("over your") || $0.text.contains("within your"))
        }),
           a.primaryModelBasis != .nothing_fits, a.primaryModelBasis != .nothing_usable {
            #expect(a.decision.top_risk == missed, "biggest risk: \(a.decision.top_risk?.failure_mode ?? "none")")
        }
        // The biggest risk is this workload's on the recommended model: never a note about another model (a Haiku
        // ruled out, an alternative's prices) when a warning about the recommended one has the same severity. A tiered
        // plan's escalation model is recommended too: the budget its escalated requests miss is this workload's.
        if let top = a.decision.top_risk, a.primaryModelBasis != .nothing_fits, a.primaryModelBasis != .nothing_usable,
           let other = top.model, other != a.primaryModel, other != a.decision.combined?.escalation_model {
            #expect(!a.warnings.contains { $0.severity == top.severity && ($0.model == nil || $0.model == a.primaryModel) },
                    "biggest risk about \(other), not \(a.primaryModel)")
        }
        // Mostly complex work: nothing offered for cost is weak at complex reasoning, unless no model that day is
        // better there than the Haiku the score weighed (then nothing is worse than it).
        if a.primaryModelBasis == .cheapest_fit, (answers.values[AnswerID.complexShare.rawValue]) >= 0.5 {
            let reasoning = AnswerID.taskType.choices.firstIndex(of: "complex_reasoning")!
            let fit = { (slug: String) in k.compiledModels[k.modelSlugs.firstIndex(of: slug)!].fit[reasoning] }
            let bound = Swift.max(Fit.good, a.haikuModel.map(fit) ?? .good)
            for slug in [a.primaryModel] + a.alternatives {
                #expect(fit(slug) <= bound, "\(slug) for mostly complex work")
            }
        }
        // A quality margin is a dearer, stronger model: never a cheaper one, never a negative amount.
        if let margin = a.qualityMargin { #expect(margin.difference_usd > 0, "\(margin)") }
        #expect(!a.warnings.contains { $0.text.contains("$-") }, "a negative amount in words")
        // A Haiku ruled out by its window, fit or limits does not link the retirement page.
        for w in a.warnings where w.text.contains("cannot take this workload") && w.failure_mode == "model-retirement" {
            #expect(["retired", "released", "deprecated"].contains { w.text.contains($0) }, "\(w.text)")
        }
        // A tiered plan's escalation model holds the escalated requests with headroom at the effort they run at
        // (its default where cost first lowers the rest), and a legacy one is said to be legacy.
        if a.verdict == .tieredRouting, let combined = a.decision.combined {
            let e = k.modelSlugs.firstIndex(of: combined.escalation_model)!
            answers.values.withUnsafeBufferPointer { v in
                #expect(k.onEscalatedRequests(model: e, v) { escalated, _ in k.withinHeadroom(model: e, escalated) },
                        "\(combined.escalation_model) over its headroom")
                if k.compiledModels[e].lifecycle(on: Int(v[AnswerID.asOf.rawValue])).state == .legacy {
                    #expect(a.warnings.contains { $0.model == combined.escalation_model && $0.failure_mode == "model-retirement" },
                            "\(combined.escalation_model) is legacy, unsaid")
                }
            }
        }
        if let fit = c.min_fit, let task = c.answers["task_type"], case .text(let t) = task {
            let m = k.modelSlugs.firstIndex(of: a.primaryModel)!
            #expect(k.compiledModels[m].fit[AnswerID.taskType.choices.firstIndex(of: t)!].rawValue == fit)
        }
    }
}
