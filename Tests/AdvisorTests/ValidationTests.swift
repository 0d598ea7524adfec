import Foundation
import Testing
@testable import Advisor

/// Every answer is validated by type, range and enumeration; errors name the field.
struct ValidationTests {
    let k = Fixture.real

    struct QueryCase: CustomTestStringConvertible, Sendable {
        let pairs: [String]
        let code: String
        let field: String?
        var testDescription: String { pairs.joined(separator: "&") }
    }

    static let badQueries: [QueryCase] = [
        QueryCase(pairs: ["task_type=poetry"], code: "invalid_choice", field: "task_type"),
        QueryCase(pairs: ["task_type=Classification"], code: "invalid_choice", field: "task_type"),
        QueryCase(pairs: ["latency=instant"], code: "invalid_choice", field: "latency"),
        QueryCase(pairs: ["accuracy=perfect"], code: "invalid_choice", field: "accuracy"),
        QueryCase(pairs: ["review_capacity=some"], code: "invalid_choice", field: "review_capacity"),
        QueryCase(pairs: ["cost_priority=1"], code: "invalid_choice", field: "cost_priority"),
        QueryCase(pairs: ["monthly_requests=nan"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=NaN"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=inf"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=-inf"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=Infinity"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=0x10"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=1 0"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=+10"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=10kk"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=k"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=1,00"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=1000,000"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=,000"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=1e3k"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=1.000,5"], code: "invalid_number", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=2.5"], code: "not_an_integer", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=1e309"], code: "out_of_range", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=1e13"], code: "out_of_range", field: "monthly_requests"),
        QueryCase(pairs: ["monthly_requests=-1"], code: "out_of_range", field: "monthly_requests"),
        // Content dates stop at 2099: no page speaks of a later day.
        QueryCase(pairs: ["as_of=9999-12-31"], code: "out_of_range", field: "as_of"),
        QueryCase(pairs: ["monthly_requests=1.5"], code: "not_an_integer", field: "monthly_requests"),
        // Too small for a Double, it read as 0 and was priced as no requests.
        QueryCase(pairs: ["monthly_requests=1e-400"], code: "not_an_integer", field: "monthly_requests"),
        QueryCase(pairs: ["latency_budget_s=1e-400"], code: "out_of_range", field: "latency_budget_s"),
        QueryCase(pairs: ["avg_input_tokens=0.000000000000000000000000000000000000000000000000000001e-300"], code: "not_an_integer",
                  field: "avg_input_tokens"),
        QueryCase(pairs: ["avg_input_tokens=10000001"], code: "out_of_range", field: "avg_input_tokens"),
        QueryCase(pairs: ["avg_input_tokens=2.5"], code: "not_an_integer", field: "avg_input_tokens"),
        QueryCase(pairs: ["avg_output_tokens=-5"], code: "out_of_range", field: "avg_output_tokens"),
        QueryCase(pairs: ["avg_output_tokens=abc"], code: "invalid_number", field: "avg_output_tokens"),
        QueryCase(pairs: ["cached_input_share=1.01"], code: "out_of_range", field: "cached_input_share"),
        QueryCase(pairs: ["cached_input_share=-0.1"], code: "out_of_range", field: "cached_input_share"),
        QueryCase(pairs: ["cached_input_share=nan"], code: "invalid_number", field: "cached_input_share"),
        QueryCase(pairs: ["complex_share=2"], code: "out_of_range", field: "complex_share"),
        QueryCase(pairs: ["complex_share=."], code: "invalid_number", field: "complex_share"),
        QueryCase(pairs: ["developer_hourly_usd=100001"], code: "out_of_range", field: "developer_hourly_usd"),
        QueryCase(pairs: ["developer_hourly_usd=-20"], code: "out_of_range", field: "developer_hourly_usd"),
        QueryCase(pairs: ["developer_hourly_usd=1e"], code: "invalid_number", field: "developer_hourly_usd"),
        QueryCase(pairs: ["fallback_ready=maybe"], code: "invalid_boolean", field: "fallback_ready"),
        QueryCase(pairs: ["can_self_host=y"], code: "invalid_boolean", field: "can_self_host"),
        QueryCase(pairs: ["budget=10"], code: "unknown_answer", field: "budget"),
        QueryCase(pairs: ["task_type=chat", "task_type=rag"], code: "duplicate_answer", field: "task_type"),
        // The input counts the system prompt: a longer system prompt is refused, against a given or a default input.
        QueryCase(pairs: ["avg_input_tokens=1200", "system_prompt_tokens=50000"], code: "conflicting_answers",
                  field: "system_prompt_tokens"),
        QueryCase(pairs: ["system_prompt_tokens=2000"], code: "conflicting_answers", field: "system_prompt_tokens"),
    ]

    func pairs(_ list: [String]) -> [(String, String)] {
        list.map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    @Test("bad query values are refused with a code and the field", arguments: badQueries)
    func badQuery(_ c: QueryCase) {
        #expect {
            _ = try k.answers(fromQuery: pairs(c.pairs))
        } throws: { error in
            guard let e = error as? AnswerError else { return false }
            return e.code == c.code && e.field == c.field && !e.message.isEmpty
        }
    }

    /// A share written as a percentage is told its range as one too: "150%" was told "between 0 and 1".
    @Test func aPercentageOutOfRangeIsToldInPercent() {
        #expect(throws: AnswerError(code: "out_of_range", message: "'cached_input_share' must be between 0 and 1 (0 % to 100 %)",
                                    field: "cached_input_share")) {
            _ = try k.answers(fromQuery: [("cached_input_share", "100.5%")])
        }
        #expect(throws: AnswerError(code: "out_of_range", message: "'cached_input_share' must be between 0 and 1",
                                    field: "cached_input_share")) {
            _ = try k.answers(fromQuery: [("cached_input_share", "1.5")])
        }
    }

    /// A budget may carry its unit, as the form shows it beside the box; a minute (`5m`, read as five million) is not
    /// taken for seconds.
    @Test func aLatencyBudgetTakesItsUnit() throws {
        for (written, seconds) in [("0.5s", 0.5), ("2 s", 2.0), ("300ms", 0.3), ("1.5", 1.5)] {
            #expect(try k.answers(fromQuery: [("latency_budget_s", written)])[.latencyBudgetSeconds] == .number(seconds), "\(written)")
        }
        #expect(throws: AnswerError.self) { _ = try k.answers(fromQuery: [("latency_budget_s", "5m")]) }
        #expect(throws: AnswerError.self) { _ = try k.answers(fromQuery: [("monthly_requests", "5s")]) }
    }

    /// The form's error asks for yes or no, so yes and no are answers, in any case, beside true/false, on/off, 1/0.
    @Test func yesAndNoAnswerAYesOrNoQuestion() throws {
        for (text, value) in [("yes", AnswerValue.bool(true)), ("No", .bool(false)), ("TRUE", .bool(true)), ("Off", .bool(false))] {
            #expect(try k.answers(fromQuery: [("fallback_ready", text)])[.fallbackReady] == value, "\(text)")
        }
    }

    @Test func goodQueryValues() throws {
        let a = try k.answers(fromQuery: pairs([
            "task_type=rag", "monthly_requests=1e6", "avg_input_tokens=0", "avg_output_tokens=10000000",
            "cached_input_share=.5", "latency=batch", "accuracy=tolerant", "review_capacity=systematic",
            "cost_priority=secondary", "developer_hourly_usd=99.5", "complex_share=1", "fallback_ready=on",
            "can_self_host=0", "tokens_counted_with=claude-haiku-5-5", "peak_to_average=2.5", "as_of=2027-01-14",
            "latency_budget_s=1.5", "reasoning_effort=low", "required_fit=strong", "routing=tiered", "tool_choice=forced",
        ]))
        #expect(a[.taskType] == "rag")
        #expect(a[.routing] == "tiered")
        #expect(a[.toolChoice] == "forced")
        #expect(a[.reasoningEffort] == "low")
        #expect(a[.requiredFit] == "strong")
        #expect(a[.monthlyRequests] == 1_000_000)
        #expect(a[.avgOutputTokens] == 10_000_000)
        #expect(a[.cachedInputShare] == 0.5)
        #expect(a[.developerHourlyUSD] == 99.5)
        #expect(a[.fallbackReady] == true)
        #expect(a[.canSelfHost] == false)
        #expect(a[.tokensCountedWith] == "claude-haiku-5-5")
        #expect(a[.asOf] == "2027-01-14")
        #expect(a[.peakToAverage] == 2.5)
        // Every answer given but the system prompt's length, the other way to give the cacheable share.
        #expect(a.assumed == [.systemPromptTokens])
    }

    /// Ten thousand as much of Europe writes it, `10.000`, read as 10 requests a month. A whole-number answer typed
    /// with points between groups of three is refused with the number it probably means; a share or a price is not,
    /// nor a JSON number (10.000 is 10 there), nor a whole number written with a fraction of zeros.
    @Test func pointGroupedThousandsAreRefusedForWholeNumbers() throws {
        for (text, meant) in [("10.000", "10,000"), ("2.000", "2,000"), ("1.500", "1,500"), ("1.000.000", "1,000,000")] {
            #expect {
                try k.answers(fromQuery: [("monthly_requests", text)])
            } throws: { error in
                let e = error as? AnswerError
                return e?.code == "thousands_with_points" && e?.message.contains("write \(meant) (or \(meant.filter { $0 != "," }))") == true
            }
        }
        #expect(try k.answers(fromQuery: [("developer_hourly_usd", "12.500")])[.developerHourlyUSD] == .number(12.5))
        #expect(try k.answers(fromQuery: [("monthly_requests", "10.0")])[.monthlyRequests] == .number(10))
        #expect(try k.answers(fromQuery: [("monthly_requests", "0.000")])[.monthlyRequests] == .number(0))
        #expect(try k.answers(fromJSON: Array(#"{"monthly_requests": 10.000}"#.utf8))[.monthlyRequests] == .number(10))
    }

    @Test("numbers as people type them into a form", arguments: [
        ("3,000,000", 3_000_000.0), ("3M", 3_000_000), ("3m", 3_000_000), ("20k", 20_000), ("20K", 20_000),
        ("1.1M", 1_100_000), ("1,500k", 1_500_000), ("2B", 2_000_000_000), ("1,234.5", 1_234.5), ("0.5k", 500),
        // Pasted with spaces around it, or grouped by spaces (plain, no-break, narrow no-break).
        ("1000 ", 1_000), ("\t 3 000 000 ", 3_000_000), ("1\u{00A0}500", 1_500), ("1\u{202F}000k", 1_000_000),
        ("20 k", 20_000), ("1.5 M", 1_500_000), ("1000\n", 1_000),
        // The volume question's maximum, as its help writes it (1,000,000,000,000) and with a suffix.
        ("1T", 1_000_000_000_000), ("0.5t", 500_000_000_000),
    ])
    func humanNumbersInQueries(text: String, value: Double) throws {
        let field = value.rounded() == value ? "monthly_requests" : "developer_hourly_usd"
        let id: AnswerID = field == "monthly_requests" ? .monthlyRequests : .developerHourlyUSD
        #expect(try k.answers(fromQuery: [(field, text)])[id] == .number(value))
    }

    @Test func anAnswerOfSpacesAloneIsBlank() throws {
        let a = try k.answers(fromQuery: [("task_type", " "), ("monthly_requests", "  \t")])
        #expect(a.isAssumed(.taskType) && a.isAssumed(.monthlyRequests))
    }

    @Test func spacesAroundAChoiceADateOrAFlagAreNoPartOfIt() throws {
        let a = try k.answers(fromQuery: [("task_type", "rag "), ("as_of", " 2026-12-06"), ("fallback_ready", "true\n")])
        #expect(a[.taskType] == "rag" && a[.asOf] == "2026-12-06" && a[.fallbackReady] == true)
    }

    @Test func spacesGroupThousandsOnlyInThrees() {
        for text in ["1 00", "1,000 000", "10 00 000", "1 000.5 5"] {
            #expect(throws: AnswerError.self, "\(text)") { _ = try k.answers(fromQuery: [("monthly_requests", text)]) }
        }
    }

    @Test func jsonStaysStrictAboutNumbers() {
        for body in [#"{"monthly_requests": "3M"}"#, #"{"monthly_requests": "3,000,000"}"#] {
            #expect(throws: AnswerError.self) { _ = try k.answers(fromJSON: Array(body.utf8)) }
        }
    }

    @Test func emptyQueryValuesTakeTheDefault() throws {
        let a = try k.answers(fromQuery: [("task_type", ""), ("monthly_requests", ""), ("latency", "realtime")])
        #expect(a[.taskType] == k.question(.taskType).defaultValue)
        #expect(a.isAssumed(.taskType) && a.isAssumed(.monthlyRequests) && !a.isAssumed(.latency))
        #expect(a.assumed.count == AnswerID.allCases.count - 1)
        for word in ["true", "on", "1"] { #expect(try k.answers(fromQuery: [("fallback_ready", word)])[.fallbackReady] == true) }
        for word in ["false", "off", "0"] { #expect(try k.answers(fromQuery: [("can_self_host", word)])[.canSelfHost] == false) }
    }

    struct BodyCase: CustomTestStringConvertible, Sendable {
        let body: String
        let code: String
        let field: String?
        var testDescription: String { body }
    }

    static let badBodies: [BodyCase] = [
        BodyCase(body: "", code: "invalid_json", field: nil),
        BodyCase(body: "{", code: "invalid_json", field: nil),
        BodyCase(body: "{\"task_type\": \"chat\",}", code: "invalid_json", field: nil),
        BodyCase(body: "{\"task_type\": 'chat'}", code: "invalid_json", field: nil),
        BodyCase(body: "{\"monthly_requests\": NaN}", code: "invalid_json", field: nil),
        BodyCase(body: "{\"monthly_requests\": Infinity}", code: "invalid_json", field: nil),
        BodyCase(body: "{\"monthly_requests\": 01}", code: "invalid_json", field: nil),
        BodyCase(body: "{} {}", code: "invalid_json", field: nil),
        BodyCase(body: String(repeating: "[", count: 100) + String(repeating: "]", count: 100), code: "invalid_json", field: nil),
        BodyCase(body: "[]", code: "not_an_object", field: nil),
        BodyCase(body: "[{\"task_type\": \"chat\"}]", code: "not_an_object", field: nil),
        BodyCase(body: "\"task_type\"", code: "not_an_object", field: nil),
        BodyCase(body: "42", code: "not_an_object", field: nil),
        BodyCase(body: "null", code: "not_an_object", field: nil),
        BodyCase(body: "{\"task_type\": 3}", code: "wrong_type", field: "task_type"),
        BodyCase(body: "{\"task_type\": [\"chat\"]}", code: "wrong_type", field: "task_type"),
        BodyCase(body: "{\"task_type\": \"poetry\"}", code: "invalid_choice", field: "task_type"),
        BodyCase(body: "{\"monthly_requests\": \"1000\"}", code: "wrong_type", field: "monthly_requests"),
        BodyCase(body: "{\"monthly_requests\": true}", code: "wrong_type", field: "monthly_requests"),
        BodyCase(body: "{\"monthly_requests\": 1e309}", code: "out_of_range", field: "monthly_requests"),
        BodyCase(body: "{\"monthly_requests\": -1e309}", code: "out_of_range", field: "monthly_requests"),
        BodyCase(body: "{\"monthly_requests\": 1000000000001}", code: "out_of_range", field: "monthly_requests"),
        BodyCase(body: "{\"monthly_requests\": 10.5}", code: "not_an_integer", field: "monthly_requests"),
        BodyCase(body: "{\"avg_input_tokens\": {\"value\": 5}}", code: "wrong_type", field: "avg_input_tokens"),
        BodyCase(body: "{\"cached_input_share\": 1.5}", code: "out_of_range", field: "cached_input_share"),
        BodyCase(body: "{\"complex_share\": \"0.2\"}", code: "wrong_type", field: "complex_share"),
        BodyCase(body: "{\"developer_hourly_usd\": 1e6}", code: "out_of_range", field: "developer_hourly_usd"),
        BodyCase(body: "{\"fallback_ready\": \"true\"}", code: "wrong_type", field: "fallback_ready"),
        BodyCase(body: "{\"fallback_ready\": 1}", code: "wrong_type", field: "fallback_ready"),
        BodyCase(body: "{\"can_self_host\": \"on\"}", code: "wrong_type", field: "can_self_host"),
        BodyCase(body: "{\"latency\": \"fast\"}", code: "invalid_choice", field: "latency"),
        BodyCase(body: "{\"accuracy\": false}", code: "wrong_type", field: "accuracy"),
        BodyCase(body: "{\"review_capacity\": \"lots\"}", code: "invalid_choice", field: "review_capacity"),
        BodyCase(body: "{\"cost_priority\": \"PRIMARY\"}", code: "invalid_choice", field: "cost_priority"),
        BodyCase(body: "{\"surprise\": 1}", code: "unknown_answer", field: "surprise"),
        BodyCase(body: "{\"monthly_requests\": 1e-400}", code: "not_an_integer", field: "monthly_requests"),
        BodyCase(body: "{\"monthly_requests\": 0.\(String(repeating: "0", count: 400))1}", code: "not_an_integer", field: "monthly_requests"),
        BodyCase(body: "{\"latency\": \"batch\", \"latency\": \"realtime\"}", code: "duplicate_answer", field: "latency"),
    ]

    @Test("bad JSON bodies are refused with a code and, where there is one, the field", arguments: badBodies)
    func badBody(_ c: BodyCase) {
        #expect {
            _ = try k.answers(fromJSON: Array(c.body.utf8))
        } throws: { error in
            guard let e = error as? AnswerError else { return false }
            return e.code == c.code && e.field == c.field && !e.message.isEmpty
        }
    }

    @Test func goodBodies() throws {
        let a = try k.answers(fromJSON: Array("""
            {"task_type": "moderation", "monthly_requests": 5e6, "cached_input_share": 0, "fallback_ready": true,
             "latency": null, "developer_hourly_usd": 250.75, "avg_input_tokens": -0, "can_self_host": false}
            """.utf8))
        #expect(a[.taskType] == "moderation")
        #expect(a[.monthlyRequests] == 5_000_000)
        #expect(a[.avgInputTokens] == 0)
        #expect(a[.developerHourlyUSD] == 250.75)
        #expect(a.isAssumed(.latency))
        #expect(!a.isAssumed(.canSelfHost))
        #expect(try k.answers(fromJSON: Array("  {}\n".utf8)) == k.defaultAnswers)
        // Escapes in keys are decoded before lookup.
        #expect(try k.answers(fromJSON: Array(#"{"task\u005ftype": "chat"}"#.utf8))[.taskType] == "chat")
    }

    @Test func typedValuesAreCheckedToo() {
        #expect(throws: AnswerError.self) { try k.answers(from: ["monthly_requests": .number(.nan)]) }
        #expect(throws: AnswerError.self) { try k.answers(from: ["monthly_requests": .number(.infinity)]) }
        #expect(throws: AnswerError.self) { try k.answers(from: ["latency": .bool(true)]) }
        #expect(throws: AnswerError.self) { try k.replacing(.complexShare, with: .number(-1), in: k.defaultAnswers) }
    }

    @Test func errorsEncodeForTheAPI() throws {
        let error = AnswerError(code: "out_of_range", message: "too big", field: "monthly_requests")
        let json = String(decoding: try JSONEncoder().encode(error), as: UTF8.self)
        #expect(json.contains("\"code\":\"out_of_range\"") && json.contains("\"field\":\"monthly_requests\""))
    }

    @Test func canonicalQueryString() throws {
        let a = k.answers(["can_self_host": true, "task_type": "code_completion", "monthly_requests": 1_000_000,
                           "cached_input_share": 0.25])
        // The interface order (README.md, Answers), assumed answers left out, integers without ".0".
        #expect(a.queryString == "task_type=code_completion&monthly_requests=1000000&cached_input_share=0.25&can_self_host=true")
        #expect(k.defaultAnswers.queryString == "")
        #expect(a.queryString(includingAssumed: true).split(separator: "&").count == AnswerID.allCases.count)
        #expect(Answers.percentEncode("a b+c&d=é") == "a%20b%2Bc%26d%3D%C3%A9")
    }

    @Test func modelDateAndPeakAnswers() throws {
        #expect(throws: AnswerError.self) { try k.answers(fromQuery: [("tokens_counted_with", "gpt-9")]) }
        #expect(throws: AnswerError.self) { try k.answers(fromQuery: [("as_of", "2026-02-30")]) }
        #expect(throws: AnswerError.self) { try k.answers(fromQuery: [("as_of", "next week")]) }
        #expect(throws: AnswerError.self) { try k.answers(fromQuery: [("peak_to_average", "0.5")]) }
        #expect(throws: AnswerError.self) { try k.answers(fromJSON: Array(#"{"as_of": 20261128}"#.utf8)) }
        // The default date is the knowledge's today; "today" is accepted and means the same.
        #expect(k.defaultAnswers[.asOf] == .text(CivilDate.text(Fixture.today)))
        #expect(try k.answers(fromQuery: [("as_of", "today")])[.asOf] == .text(CivilDate.text(Fixture.today)))
        let json = try k.answers(fromJSON: Array(#"{"as_of": "2026-12-01", "tokens_counted_with": "gpt-6-luna"}"#.utf8))
        #expect(json[.asOf] == "2026-12-01" && json[.tokensCountedWith] == "gpt-6-luna")
    }
}
