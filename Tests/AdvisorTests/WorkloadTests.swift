import Testing
@testable import Advisor

/// Workloads drawn from the three source documents, each with the verdict the sources support, run against the
/// real criteria, models and failure modes (Fixtures/knowledge.json).
struct Workload: CustomTestStringConvertible, Sendable {
    let name: String
    let answers: [String: AnswerValue]
    let verdict: Verdict
    /// nil: any model is acceptable.
    let primary: [String]?
    let why: String
    /// How the primary model must have been chosen, when that is the point.
    var basis: PrimaryBasis? = nil
    var alsoExpect: [String] = []

    var testDescription: String { name }
}

let workloads: [Workload] = [
    Workload(
        name: "1.5M tickets/month classified, with spot-check review",
        answers: ["task_type": "classification", "monthly_requests": 1_500_000, "avg_input_tokens": 500,
                  "avg_output_tokens": 20, "cached_input_share": 0.3, "latency": "interactive",
                  "accuracy": "reviewed", "review_capacity": "sampled", "cost_priority": "balanced",
                  "complex_share": 0.02, "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Blog (Haiku 4.5): 1M+ classification calls a month is the clearest win; a migration from Sonnet pays for itself in days."),
    Workload(
        name: "autonomous coding agent",
        answers: ["task_type": "autonomous_coding", "monthly_requests": 20_000, "avg_input_tokens": 30_000,
                  "avg_output_tokens": 2_000, "latency": "interactive", "review_capacity": "systematic",
                  "cost_priority": "secondary", "fallback_ready": true],
        verdict: .chooseAlternative, primary: ["claude-sonnet-5-5", "claude-opus-5-5"],
        why: "Blog: developers using Haiku as the primary coding agent went back to Sonnet or Opus within a week; reference: 40.6 % SWE-bench."),
    Workload(
        name: "first-time-right legal analysis, nobody reviews",
        answers: ["task_type": "complex_reasoning", "monthly_requests": 5_000, "avg_input_tokens": 8_000,
                  "avg_output_tokens": 1_500, "accuracy": "first_time_right", "review_capacity": "none",
                  "complex_share": 0.8, "fallback_ready": true],
        verdict: .chooseAlternative, primary: ["claude-sonnet-5-5", "claude-opus-5-5"],
        why: "Blog: Haiku fails quietly with confident wrong answers, unsuitable where the answer must be right first time; hard limit."),
    Workload(
        name: "overnight batch summarization, cost first",
        answers: ["task_type": "summarization", "monthly_requests": 300_000, "avg_input_tokens": 2_000,
                  "avg_output_tokens": 200, "latency": "batch", "cost_priority": "primary", "accuracy": "tolerant",
                  "fallback_ready": true],
        verdict: .chooseAlternative, primary: nil,
        why: "Reference (3.5 Haiku): cost first and batch acceptable means the cheapest adequate model; since Haiku 5.5 that is settled on the computed bill.",
        basis: .cheapest_fit),
    Workload(
        name: "real-time content moderation, 5M/month",
        answers: ["task_type": "moderation", "monthly_requests": 5_000_000, "avg_input_tokens": 300,
                  "avg_output_tokens": 10, "latency": "realtime", "accuracy": "reviewed",
                  "review_capacity": "sampled", "cost_priority": "balanced", "complex_share": 0.01,
                  "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Reference: real-time moderation is an observed use; blog: moderation pipelines are where Haiku shines.",
        alsoExpect: ["latency-spikes", "rate-limits-at-traffic-spikes"]),
    Workload(
        name: "IDE code completion, developers at $250/h",
        answers: ["task_type": "code_completion", "monthly_requests": 200_000, "avg_input_tokens": 2_000,
                  "avg_output_tokens": 100, "latency": "realtime", "accuracy": "tolerant",
                  "review_capacity": "systematic", "cost_priority": "secondary", "developer_hourly_usd": 250,
                  "complex_share": 0.05, "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Reference: justified above $200/h developer time, and VS Code completion is an observed use; blog: fine for completion.",
        alsoExpect: ["claude-code-trigger-words"]),
    Workload(
        name: "support chat, 15 % complex requests",
        answers: ["task_type": "chat", "monthly_requests": 300_000, "avg_input_tokens": 1_500,
                  "avg_output_tokens": 250, "latency": "interactive", "accuracy": "reviewed",
                  "review_capacity": "sampled", "cost_priority": "balanced", "complex_share": 0.15,
                  "fallback_ready": true],
        verdict: .tieredRouting, primary: ["claude-haiku-5-5"],
        why: "Blog: Haiku as front door handles 80-90 %, Sonnet takes escalations; spend down 50-70 %."),
    Workload(
        name: "RAG answers, 40 % complex",
        answers: ["task_type": "rag", "monthly_requests": 100_000, "avg_input_tokens": 8_000,
                  "avg_output_tokens": 400, "latency": "interactive", "complex_share": 0.4, "fallback_ready": true],
        verdict: .chooseAlternative, primary: ["claude-sonnet-5-5"],
        why: "Blog: Sonnet does the final synthesis in RAG; with 40 % hard requests escalation is the norm, so Sonnet leads."),
    Workload(
        name: "three-tier RAG front door, 15 % escalations",
        answers: ["task_type": "rag", "monthly_requests": 400_000, "avg_input_tokens": 3_000,
                  "avg_output_tokens": 150, "cached_input_share": 0.4, "latency": "interactive",
                  "complex_share": 0.15, "fallback_ready": true],
        verdict: .tieredRouting, primary: ["claude-haiku-5-5"],
        why: "Blog: Haiku rewrites queries and routes, Sonnet synthesises the hard cases."),
    Workload(
        name: "invoice extraction, 2M/month, cost first",
        answers: ["task_type": "extraction", "monthly_requests": 2_000_000, "avg_input_tokens": 1_200,
                  "avg_output_tokens": 150, "latency": "interactive", "cost_priority": "primary",
                  "fallback_ready": true],
        verdict: .chooseAlternative, primary: nil,
        why: "Reference: high-volume, low-margin work belongs on the cheapest adequate model; the computed bill decides which.",
        basis: .cheapest_fit),
    Workload(
        name: "same extraction with cost balanced",
        answers: ["task_type": "extraction", "monthly_requests": 2_000_000, "avg_input_tokens": 1_200,
                  "avg_output_tokens": 150, "latency": "interactive", "cost_priority": "balanced",
                  "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Blog (Haiku 4.5): clean extraction at scale is Haiku's default when cost is weighed against quality."),
    Workload(
        name: "500K classification calls/day, team self-hosts, cost first",
        answers: ["task_type": "classification", "monthly_requests": 15_000_000, "avg_input_tokens": 300,
                  "avg_output_tokens": 5, "latency": "interactive", "cost_priority": "primary", "can_self_host": true,
                  "complex_share": 0.0, "fallback_ready": true],
        verdict: .chooseAlternative, primary: nil,
        why: "Blog: one team moved 500K simple calls a day to a fine-tuned Llama 3.1 8B; with GPU and operations time counted, hosted models at $0.10 / $0.50 are cheaper.",
        basis: .cheapest_fit),
    Workload(
        name: "500K classification calls/day, team self-hosts, cost balanced",
        answers: ["task_type": "classification", "monthly_requests": 15_000_000, "avg_input_tokens": 300,
                  "avg_output_tokens": 5, "latency": "interactive", "cost_priority": "balanced", "can_self_host": true,
                  "complex_share": 0.0, "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Blog: most teams concluded Haiku was cheaper than own inference once engineering time was counted."),
    Workload(
        name: "bootstrapped startup chat bot, cost first, nobody reviews",
        answers: ["task_type": "chat", "monthly_requests": 200_000, "avg_input_tokens": 800,
                  "avg_output_tokens": 200, "latency": "interactive", "cost_priority": "primary",
                  "review_capacity": "none", "fallback_ready": false],
        verdict: .chooseAlternative, primary: nil,
        why: "Reference: bootstrapped startups should pick the cheapest adequate model; blog: small teams without review should be cautious.",
        basis: .cheapest_fit,
        alsoExpect: ["service-outages", "silent-quality-degradation"]),
    Workload(
        name: "real-time writing suggestions",
        answers: ["task_type": "chat", "monthly_requests": 500_000, "avg_input_tokens": 600,
                  "avg_output_tokens": 60, "latency": "realtime", "accuracy": "tolerant", "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Blog: a writing assistant used Haiku for real-time suggestions without Sonnet's noticeable lag."),
    Workload(
        name: "multi-step maths with systematic review",
        answers: ["task_type": "complex_reasoning", "monthly_requests": 50_000, "avg_input_tokens": 2_000,
                  "avg_output_tokens": 1_000, "accuracy": "reviewed", "review_capacity": "systematic",
                  "complex_share": 0.7, "fallback_ready": true],
        verdict: .chooseAlternative, primary: ["claude-sonnet-5-5", "claude-opus-5-5"],
        why: "Blog: multi-step maths is the obvious ceiling; reference: hallucinations on 60 % of complex tasks."),
    Workload(
        name: "100K-token document summaries with caching",
        answers: ["task_type": "summarization", "monthly_requests": 6_000, "avg_input_tokens": 100_000,
                  "avg_output_tokens": 500, "cached_input_share": 0.6, "latency": "interactive",
                  "complex_share": 0.0, "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Blog: 200 long documents a day cost more than expected; prompt caching and chunking fixed it.",
        alsoExpect: ["long-context-cost", "prompt-caching-unconfigured"]),
    Workload(
        name: "2M/month batch classification, cost balanced",
        answers: ["task_type": "classification", "monthly_requests": 2_000_000, "avg_input_tokens": 400,
                  "avg_output_tokens": 10, "latency": "batch", "cost_priority": "balanced", "complex_share": 0.0,
                  "fallback_ready": true],
        verdict: .chooseHaiku, primary: ["claude-haiku-5-5"],
        why: "Sources disagree: reference (3.5 Haiku, 2024) says avoid batch; blog (4.5) says volume classification wins. Cost balanced: blog wins, with the batch discount."),
]

struct WorkloadTests {
    @Test("source-backed workloads get the verdict the sources support", arguments: workloads)
    func verdict(_ workload: Workload) {
        let knowledge = Fixture.real
        let assessment = Engine(knowledge: knowledge).assess(knowledge.answers(workload.answers))
        #expect(assessment.verdict == workload.verdict, "\(workload.why) score \(assessment.score), reasons: \(assessment.reasons.map { "\($0.criterion) \($0.effect)" })")
        if let primary = workload.primary {
            #expect(primary.contains(assessment.primaryModel), "\(workload.why)")
        }
        if workload.verdict == .tieredRouting {
            #expect(assessment.alternatives.first == knowledge.settings.escalation_models.first)
        }
        if let basis = workload.basis {
            #expect(assessment.primaryModelBasis == basis)
        }
        if assessment.primaryModelBasis == .cheapest_fit {
            // Nothing usable with a good or strong fit is cheaper than the primary model: usable includes rate limits
            // that carry the peak (a model whose every listed tier falls short is not the primary).
            let task = knowledge.answers(workload.answers).values[AnswerID.taskType.rawValue]
            let primaryCost = assessment.costs.first { $0.model == assessment.primaryModel }!.monthly_usd
            for line in assessment.costs where line.fits && [.active, .legacy].contains(line.status.state)
                && line.capacity?.status != .beyond_tiers {
                let model = knowledge.compiledModels[knowledge.modelSlugs.firstIndex(of: line.model)!]
                guard model.fit[Int(task)] <= .good, !model.selfHosted || workload.answers["can_self_host"] == true else { continue }
                #expect(primaryCost <= line.monthly_usd, "\(line.model) at \(line.monthly_usd) is cheaper than \(assessment.primaryModel)")
            }
            #expect(assessment.primaryModel != "llama-3-1-8b-self-hosted" || workload.answers["can_self_host"] == true)
        }
        let warned = Set(assessment.warnings.map(\.failure_mode))
        for slug in workload.alsoExpect {
            #expect(warned.contains(slug), "expected a warning for \(slug)")
        }
    }

    @Test func hardLimitsNameTheirCriterion() {
        let knowledge = Fixture.real
        let engine = Engine(knowledge: knowledge)
        let coding = engine.assess(knowledge.answers(["task_type": "autonomous_coding", "cost_priority": "secondary"]))
        #expect(coding.decidedBy == "autonomous-coding")
        #expect(coding.reasons.first?.criterion == "autonomous-coding")
        #expect(coding.reasons.first?.decide == "choose_alternative")
        let unreviewed = engine.assess(knowledge.answers(["accuracy": "first_time_right", "review_capacity": "none"]))
        #expect(unreviewed.decidedBy == "review-capacity")
        let batch = engine.assess(knowledge.answers(["cost_priority": "primary", "latency": "batch"]))
        #expect(batch.decidedBy == "cost-priority")
        #expect(batch.primaryModelBasis == .cheapest_fit)
    }

    @Test func defaultsAreAllAssumed() {
        let knowledge = Fixture.real
        let assessment = Engine(knowledge: knowledge).assess(knowledge.defaultAnswers)
        #expect(assessment.assumptions.count == AnswerID.allCases.count)
        #expect(assessment.scoreRestingOnAssumptions == assessment.reasons.reduce(0) { $0 + abs($1.effect) })
        let given = Engine(knowledge: knowledge).assess(knowledge.answers(["fallback_ready": true]))
        #expect(given.assumptions.count == AnswerID.allCases.count - 1)
        #expect(!given.assumptions.contains { $0.answer == .fallbackReady })
    }
}
