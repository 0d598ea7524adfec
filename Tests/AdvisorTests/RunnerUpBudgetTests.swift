import Testing
@testable import Advisor

/// A runner-up that misses the latency budget says so only where the primary misses it too ("and like …").
struct RunnerUpBudgetTests {
    let engine = Engine(knowledge: Fixture.real)

    @Test func aRunnerUpLateLikeThePrimarySaysSo() throws {
        // 5,000-token summaries due in 10 s: Haiku 5.5 and GPT-6.1 Terra both need more than 12 s at the fastest.
        let a = engine.assess(Fixture.real.answers(["task_type": "summarization", "monthly_requests": 10_000,
                                                    "avg_input_tokens": 20_000, "avg_output_tokens": 5_000,
                                                    "latency": "realtime", "latency_budget_s": 10, "as_of": "2026-12-06"]))
        let runner = try #require(a.decision.runner_up)
        #expect(runner.reason.hasSuffix("and like Claude Haiku 5.5 it cannot answer within your 10 s budget"), "\(runner.reason)")
    }

    @Test func aPrimaryInTimeIsNotSaidToBeLate() throws {
        // Sonnet 4.6 answers 50 tokens of RAG within 0.9 s with its thinking off; the runner-up, Gemini 4 Hydrogen,
        // does not, and its own line says why: it was once said to be "like Claude Sonnet 4.6".
        let a = engine.assess(Fixture.real.answers(["task_type": "rag", "monthly_requests": 500_000, "avg_input_tokens": 200,
                                                    "avg_output_tokens": 50, "latency": "interactive", "latency_budget_s": 0.9,
                                                    "accuracy": "reviewed", "required_fit": "strong", "as_of": "2026-12-06"]))
        let runner = try #require(a.decision.runner_up)
        #expect(!runner.reason.contains("and like"), "\(runner.reason)")
        #expect(runner.reason.contains("against a 0.9 s budget"), "\(runner.reason)")
    }
}

/// A runner-up that ties to the cent today but not at the prices announced for the coming weeks says so.
struct RunnerUpTieTests {
    let engine = Engine(knowledge: Fixture.real)

    @Test func aTieThatAnAnnouncedPriceEndsIsSaidToLastOnlyToday() throws {
        let a = engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": 1_000_000, "required_fit": "strong",
                                                    "as_of": "2026-12-06"]))
        let runner = try #require(a.decision.runner_up)
        #expect(runner.model == "gemini-3-8-flash")
        // "the same to the cent" read as a standing tie; Gemini 3.8 Flash's prices double on 2027-01-01.
        #expect(runner.reason.hasPrefix("it costs the same to the cent today ($6,000 more from 2027-01-01, when Gemini 3.8 "
                                        + "Flash's prices change)"), "\(runner.reason)")
    }

    /// Past the 60-day price outlook the announced price is still said: "either will do" 61 days before it doubled.
    @Test func aTieBeforeAnAnnouncedPricePastTheOutlookSaysItToo() throws {
        let a = engine.assess(Fixture.real.answers(["task_type": "chat", "monthly_requests": 1_000_000, "required_fit": "strong",
                                                    "as_of": "2026-11-01"]))
        let runner = try #require(a.decision.runner_up)
        #expect(runner.reason.hasPrefix("it costs the same to the cent today (Gemini 3.8 Flash's prices change on 2027-01-01: "
                                        + "$12,000 a month on your numbers)") && !runner.reason.contains("either will do"), "\(runner.reason)")
    }
}
