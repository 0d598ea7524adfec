import Testing
@testable import Web

/// What the verdict page says about answers left blank and the biggest risk, and what compare shows of benchmarks.
struct VerdictBoxTests {
    let chat = [("task_type", "chat"), ("monthly_requests", "2000000"), ("avg_input_tokens", "1500"), ("avg_output_tokens", "250")]

    @Test func aMonthPricedWithNothingCachedSaysWhatCachingWouldMakeIt() {
        // Realtime chats due in 2 s: the cache lever's 40 % takes a tenth off, and the note says it beside the month.
        let page = get("/assess/result", [("task_type", "chat"), ("latency", "realtime"), ("latency_budget_s", "2")]).text
        #expect(page.contains("Priced with none of the prompt cached, as the cacheable share was left blank: if 40 % of each prompt"))
        #expect(page.contains("cached_input_share=0.4&amp;latency=realtime"))
        // Where the lever's share takes less than a tenth off (2M chats: $1,775 against $1,915), the lever alone says it.
        let chats = get("/assess/result", chat).text
        #expect(!chats.contains("class=\"blank-cache\"") && chats.contains("If 40 % of each prompt is a stable prefix"))
        // Answered, even as none, it is no assumption to point out.
        #expect(!get("/assess/result", chat + [("cached_input_share", "0")]).text.contains("class=\"blank-cache\""))
        // Where a cache lever on the recommended model prices a share of its own, the note takes that share: "80 % …
        // $16.64" beside the lever's "40 % … $21.32" left a reader to pick one.
        let realtime = get("/assess/result", [("task_type", "chat"), ("latency", "realtime"), ("latency_budget_s", "2")]).text
        #expect(realtime.contains("as the cacheable share was left blank: if 40 % of each prompt") && !realtime.contains("if 80 %"),
                "\(realtime)")
    }

    /// A policy or a hard rule that sets the verdict whatever the score says so under the heading: "Use another model"
    /// sat beside a 94/100 Haiku score with the reason below the chart.
    @Test func whatDecidedTheVerdictIsSaidUnderItsHeading() {
        let page = get("/assess/result", [("task_type", "classification"), ("monthly_requests", "3M"), ("avg_input_tokens", "2000"),
                                          ("avg_output_tokens", "150"), ("cost_priority", "primary"), ("cached_input_share", "80%")]).text
        let top = part(page, from: "<h1 id=\"verdict-heading\">", to: "<dl class=\"decision\">")
        #expect(top.contains("Decided by <a href=\"/criteria/cost-priority\">Cost priority</a>, whatever the score."), "\(top)")
        #expect(page.components(separatedBy: "Decided by ").count == 2)
    }

    /// A balanced budget nobody chose decided the verdict: the line said "Decided by Cost priority" as if it had been
    /// answered. The decision record names the blank answer the policy read; the page says it once, in the line under
    /// the heading that names the blank answers whose change flips the verdict.
    @Test func aVerdictDecidedOnABlankAnswerSaysSo() {
        let rag = [("task_type", "rag"), ("monthly_requests", "3000000"), ("avg_input_tokens", "2000"), ("avg_output_tokens", "300"),
                   ("latency", "realtime"), ("latency_budget_s", "1"), ("complex_share", "0.4"), ("accuracy", "tolerant"),
                   ("review_capacity", "systematic")]
        let top = part(get("/assess/result", rag).text, from: "<h1 id=\"verdict-heading\">", to: "<dl class=\"decision\">")
        #expect(top.contains("Cost priority</a>, whatever the score.</p>"), "\(top)")
        #expect(top.contains("This verdict rests on what you left blank: <a href=\"/criteria/cost-priority\">Cost priority</a> was "
                             + "assumed “Balanced against quality and speed”"), "\(top)")
        #expect(top.components(separatedBy: "“Balanced against quality and speed”").count == 2)
        let record = get("/assess/result.madr.md", rag).text
        #expect(record.contains("whatever the score, on an answer left blank: “How much does price drive the choice?”, assumed "
                                + "“Balanced against quality and speed”."), "\(record)")
        // Answered, the same budget decides with nothing to confirm.
        let answered = get("/assess/result.madr.md", rag + [("cost_priority", "balanced")]).text
        #expect(answered.contains("whatever the score.\n") && !answered.contains("left blank: “How much"), "\(answered)")
    }

    @Test func theBiggestRiskIsGivenOnceInFull() {
        let page = get("/assess/result", chat).text
        let risk = "Without pacing, retries that tell the three kinds of 429 apart"
        #expect(page.components(separatedBy: risk).count - 1 == 1)
        #expect(page.contains("the biggest risk, given in full <a href=\"#verdict-heading\">in the verdict above</a>."))
    }

    @Test func blankChoicesAreQuotedInTheAssumedFlips() {
        let page = get("/assess/result", chat).text
        #expect(page.contains("was assumed “Interactive: a person waits a few seconds”"))
    }

    @Test func compareShowsEveryBenchmarkUnderItsOwnName() {
        let page = get("/compare", [("models", "claude-haiku-5-5,claude-haiku-4-5")]).text
        #expect(page.contains("<th scope=\"row\">SWE-Bench Pro</th>"))
        #expect(page.contains("<th scope=\"row\">SWE-bench Verified</th>"))
    }
}
