import Testing
import Advisor
import Usage

/// Each reader on the fixtures (one workload written in four formats; make-fixtures.py) and on broken files.
@Suite struct UsageReaderTests {
    /// The fixture workload: 1,230 requests in two hours, 8.1 % of them with a 150,000-token prompt.
    static let requestFiles = ["usage.csv", "otlp-spans.json", "openai-usage-1m.json"]

    @Test(arguments: requestFiles)
    func readsTheWorkloadWithItsRequestCountDistributionAndPeak(_ name: String) throws {
        let imported = try UsageFixture.load(name)
        let s = imported.summary
        #expect(s.observed_requests == 1_230)
        // 1,230 requests in 120 minutes, scaled to 43,800 minutes.
        #expect(abs(s.monthly_requests! - 1_230.0 * 43_800 / 120) < 200, "\(s.monthly_requests!)")
        #expect(s.prompt_tokens.p50 == 20_000 && s.prompt_tokens.p90 == 20_000)
        #expect(s.prompt_tokens.p99 == 150_000 && s.prompt_tokens.max == 150_000)
        #expect(s.output_tokens.max == 500 && s.output_tokens.mean == 500)
        // The burst of 40 in one minute against 10.25 a minute on average.
        #expect(abs(s.peak_to_average! - 40 / 10.25) < 0.05, "\(s.peak_to_average!)")
        #expect(imported.profile!.requests == 1_230)
        #expect(abs(imported.profile!.meanPrompt - 30_569) < 1)
    }

    /// A given answer wins over the file's (`UsageImport.filling`), and the summary says which and by how much: a
    /// what-if link over an import showed the file's monthly requests above a verdict priced at another number.
    @Test func answersGivenOverTheFilesAreSaidBesideItsFigures() throws {
        let file = UsageFixture.file("usage.csv")
        let plain = try UsageImport.load(file, given: UsageFixture.answers([:]), catalog: UsageFixture.catalog,
                                         knowledge: UsageFixture.knowledge)
        // The fixture's Haiku 5.5 outputs hold its thinking, and the note says what came out of them; nothing of the
        // answers given.
        #expect(plain.summary.answers_note?.hasPrefix("The file counts Claude Haiku 5.5's thinking") == true)
        let monthly = try #require(plain.summary.monthly_requests)
        // The file's own number given back is no difference.
        let same = try UsageImport.load(file, given: UsageFixture.answers(["monthly_requests": .number(monthly)]),
                                        catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(same.summary.answers_note == plain.summary.answers_note)
        let answers: [String: AnswerValue] = ["monthly_requests": .number(400_000), "cached_input_share": .number(0.5)]
        let given = try UsageImport.load(file, given: UsageFixture.answers(answers), catalog: UsageFixture.catalog,
                                         knowledge: UsageFixture.knowledge)
        let note = try #require(given.summary.answers_note)
        let fileShare = Format.percent((given.summary.cached_input_share * 100).rounded() / 100)
        let expected = "Priced with the answers you gave instead of the file's: monthly requests 400,000 (the file's: "
            + Format.count(monthly) + "); cached input share 50 % (the file's: " + fileShare + "). The file's own figures are shown here."
        #expect(note.hasPrefix(expected + " The file counts"), "\(note)")
        #expect(given.summary.monthly_requests == monthly, "the summary keeps the file's figure")
        #expect(UsageText.render(given.summary, comparison: nil).contains("  note: " + note))
    }

    @Test(arguments: ["usage.csv", "otlp-spans.json"])
    func namesTheModelsInUseWithTheirLifecycle(_ name: String) throws {
        let imported = try UsageFixture.load(name)
        let models = imported.summary.models
        #expect(models.map(\.model) == ["claude-haiku-5-5", "claude-sonnet-4-5"])
        #expect(models[1].id == "claude-sonnet-4-5-20250929" && models[1].status?.state == .retired)
        #expect(models[1].migrate_to == "claude-sonnet-5-5")
        #expect(imported.currentModel == "claude-haiku-5-5")
        #expect(imported.answers.contains { $0.id == .tokensCountedWith && $0.value == .text("claude-haiku-5-5") })
        // The text summary says when a retired model went, not "retired, retires".
        let text = UsageText.render(imported.summary, comparison: nil)
        #expect(text.contains("claude-sonnet-4-5-20250929: 4.9%, retired on 2026-11-30; move to claude-sonnet-5-5"), "\(text)")
    }

    /// A file of a few seconds is scaled to a month with a note that the volume is a guess (three requests 10 s apart
    /// made 262,800 a month, which set the spend tier and the peak unsaid); not where the monthly requests are given.
    @Test func aShortFilesMonthlyVolumeIsSaidToBeAGuess() throws {
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<3).map { "\(1_793_577_600 + $0 * 10),claude-haiku-4-5,1000,100,0,0" }
        let bytes = Array(rows.joined(separator: "\n").utf8)
        let short = try UsageImport.load(bytes, given: UsageFixture.answers([:]), catalog: UsageFixture.catalog,
                                         knowledge: UsageFixture.knowledge)
        #expect(short.summary.monthly_requests == 262_800)
        #expect(short.summary.requests_note == "The file covers only 30 seconds (3 requests), so the 262,800 requests a month "
                + "scaled from it are a guess: give the monthly requests if you know them.", "\(short.summary.requests_note ?? "")")
        let given = try UsageImport.load(bytes, given: UsageFixture.answers(["monthly_requests": .number(50_000)]),
                                         catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(given.summary.requests_note == nil)
        // One office day (8 hours) is scaled as if it ran every hour of every day, and is said to be.
        let day = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<97).map { "\(1_793_577_600 + $0 * 300),claude-haiku-4-5,1000,100,0,0" }
        let office = try UsageImport.load(Array(day.joined(separator: "\n").utf8), given: UsageFixture.answers([:]),
                                          catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(office.summary.requests_note?.contains("less than a week") == true
                && office.summary.requests_note?.contains("quiet nights or weekends") == true, "\(office.summary.requests_note ?? "")")
    }

    @Test func otlpSpansWithoutTokenUsageAreNotRequests() throws {
        // The fixture has a parent HTTP span for every tenth request; only the 1,230 model calls count.
        #expect(try UsageFixture.load("otlp-spans.json").summary.format == .otlp)
        #expect(try UsageFixture.load("otlp-spans.json").profile?.requests == 1_230)
    }

    /// Parent links that loop (a span its own parent, or two spans each other's) are refused as such: every span on
    /// the loop was taken for an aggregate, and the file was "no span carries usage" though each did.
    @Test func otlpParentLinksThatLoopAreSaidToLoop() throws {
        func file(_ spans: [(id: String, parent: String)]) -> [UInt8] {
            let usage = #""attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "claude-haiku-5-5"}}, "#
                + #"{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "100"}}, "#
                + #"{"key": "gen_ai.usage.output_tokens", "value": {"intValue": "10"}}]"#
            let listed = spans.map { #"{"traceId": "t", "spanId": "\#($0.id)", "parentSpanId": "\#($0.parent)", "startTimeUnixNano": "1793577600001000000", "endTimeUnixNano": "1793577600900000000", \#(usage)}"# }
            return Array(#"{"resourceSpans": [{"scopeSpans": [{"spans": [\#(listed.joined(separator: ", "))]}]}]}"#.utf8)
        }
        for spans in [[(id: "b", parent: "b")], [(id: "b", parent: "c"), (id: "c", parent: "b")]] {
            #expect(throws: UsageError("the file", "span `b` is its own ancestor: its parentSpanId links loop back to it, which no trace can")) {
                try UsageFile.read(file(spans))
            }
        }
        // A chain that ends is read: the parent that sums its child is not a request of its own.
        #expect(try UsageFile.read(file([(id: "b", parent: "c"), (id: "c", parent: "")])).records.count == 1)
        // The same span twice (an export saved twice) was two requests; it is refused, naming the span and its place.
        #expect(throws: UsageError("$.resourceSpans[0].scopeSpans[0].spans[1]", "span `b` of trace `t` is in the file twice: each span "
                                   + "is one request, so the same spans saved twice would count every request twice; send each span once")) {
            try UsageFile.read(file([(id: "b", parent: ""), (id: "b", parent: "")]))
        }
        // Spans whose spanId is empty carry no id to repeat: two requests.
        #expect(try UsageFile.read(file([(id: "", parent: ""), (id: "", parent: "")])).records.count == 2)
    }

    /// A part larger than the whole it belongs to is refused, naming the attribute: cache reads and writes are inside
    /// `input_tokens` and reasoning inside `output_tokens` by the GenAI conventions. Read as it came, 1,000 input
    /// tokens with 3,000 cache reads were priced as 3,000 all cached, and reasoning over output as no output at all.
    @Test func otlpPartsLargerThanTheirTotalsAreRefused() throws {
        func file(_ extra: [(String, Int)], input: Int = 1_000, output: Int = 100) -> [UInt8] {
            let attributes = [("gen_ai.usage.input_tokens", input), ("gen_ai.usage.output_tokens", output)] + extra
            let listed = attributes.map { #"{"key": "\#($0.0)", "value": {"intValue": "\#($0.1)"}}"# }.joined(separator: ", ")
            let span = #"{"traceId": "t", "spanId": "a", "startTimeUnixNano": "1793577600001000000", "#
                + #""attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "claude-haiku-5-5"}}, \#(listed)]}"#
            return Array(#"{"resourceSpans": [{"scopeSpans": [{"spans": [\#(span)]}]}]}"#.utf8)
        }
        func refusal(_ extra: [(String, Int)]) -> String {
            do { _ = try UsageFile.read(file(extra)); return "read" } catch { return error.description }
        }
        #expect(refusal([("gen_ai.usage.cache_read.input_tokens", 3_000)]).contains(
            "`gen_ai.usage.input_tokens` is 1,000, less than the cache reads and writes (3,000) it includes"))
        #expect(refusal([("gen_ai.usage.cache_read.input_tokens", 800), ("gen_ai.usage.cache_creation.input_tokens", 800)])
            .contains("less than the cache reads and writes (1,600)"))
        for name in ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"] {
            #expect(refusal([(name, 300)]).contains("`\(name)` is 300, more than `gen_ai.usage.output_tokens` (100)"))
        }
        // Parts within their totals are read as parts.
        let read = try UsageFile.read(file([("gen_ai.usage.cache_read.input_tokens", 600), ("gen_ai.usage.cache_creation.input_tokens", 400),
                                            ("gen_ai.usage.reasoning.output_tokens", 100)]))
        let tokens = try #require(read.records.first?.tokens)
        #expect(tokens.uncachedInput == 0 && tokens.cacheRead == 600 && tokens.cacheWrite == 400 && tokens.output == 100 && tokens.reasoning == 100)
    }

    /// A count past what is believed is refused as too large, whatever its size: a span time of 2 × 10^20 ns (over
    /// Int.max) stopped the server while its message was written.
    @Test func aHugeCountIsRefusedAsTooLarge() {
        let usage = #""attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "claude-haiku-5-5"}}, "#
            + #"{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "100"}}, "#
            + #"{"key": "gen_ai.usage.output_tokens", "value": {"intValue": "10"}}]"#
        for start in ["200000000000000000000", "1e300"] {
            let span = #"{"traceId": "t", "spanId": "a", "startTimeUnixNano": "\#(start)", "endTimeUnixNano": "1793577600900000000", \#(usage)}"#
            let bytes = Array(#"{"resourceSpans": [{"scopeSpans": [{"spans": [\#(span)]}]}]}"#.utf8)
            do {
                _ = try UsageFile.read(bytes)
                Issue.record("a span time of \(start) was read")
            } catch {
                #expect(error.description.contains("expected a number up to"), "\(error)")
            }
        }
    }

    /// More requests than the tokens could fill are refused, as too few are: every request rounded to nothing and the
    /// verdict was priced on empty requests, most models at $0.
    @Test func requestsTheTokensCannotFillAreRefused() throws {
        func bucket(_ day: String) -> String {
            #"{"starting_at":"2026-\#(day)T00:00:00Z","ending_at":"2026-\#(day.prefix(3))\#(String(format: "%02d", Int(day.suffix(2))! + 1))T00:00:00Z","results":[{"uncached_input_tokens":1000,"#
                + #""cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"cache_read_input_tokens":0,"output_tokens":200,"model":"claude-haiku-4-5-20251001"}]}"#
        }
        let report = Array(#"{"data":[\#(bucket("01-01")),\#(bucket("12-01"))],"has_more":false,"next_page":null}"#.utf8)
        do {
            _ = try UsageImport.load(report, given: UsageFixture.answers(["monthly_requests": .number(100_000)]),
                                     catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
            Issue.record("100,000 requests a month over 2,400 tokens were priced")
        } catch {
            #expect("\(error)".contains("and its 2,400 tokens are under one a request"), "\(error)")
        }
        // A plausible number is read as before.
        let read = try UsageImport.load(report, given: UsageFixture.answers(["monthly_requests": .number(100)]),
                                        catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(read.profile != nil)
    }

    /// A field named twice is refused with its path, as the API's JSON body refuses it: the first was read and the
    /// second dropped without a word. So is a span's attribute (the last value had won).
    @Test func aFieldNamedTwiceIsRefused() {
        let attributes = #""attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "claude-haiku-5-5"}}, "#
            + #"{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "100"}}, "#
            + #"{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "999999"}}, "#
            + #"{"key": "gen_ai.usage.output_tokens", "value": {"intValue": "10"}}]"#
        let span = #"{"traceId": "t", "spanId": "a", "startTimeUnixNano": "1793577600000000000", "endTimeUnixNano": "1793577600900000000", \#(attributes)}"#
        do {
            _ = try UsageFile.read(Array(#"{"resourceSpans": [{"scopeSpans": [{"spans": [\#(span)]}]}]}"#.utf8))
            Issue.record("an attribute named twice was read")
        } catch {
            #expect("\(error)".contains("attribute `gen_ai.usage.input_tokens` is given more than once"), "\(error)")
        }
        do {
            _ = try UsageFile.read(Array(#"{"object":"page","data":[],"data":[{"object":"bucket"}]}"#.utf8))
            Issue.record("a doubled field was read")
        } catch {
            #expect("\(error)".contains("$.data: given more than once"), "\(error)")
        }
    }

    @Test func openAICachedTokensAreInsideInputTokens() throws {
        let s = try UsageFixture.load("openai-usage-1m.json").summary
        // 15,000 of every prompt is cached: 1,229 reads of the prefix (the first request wrote it, which OpenAI
        // does not report), over 1,230 prompts averaging 30,569 tokens.
        #expect(abs(s.cached_input_share - 1_229.0 * 15_000 / (1_230 * 30_569)) < 0.001, "\(s.cached_input_share)")
        #expect(s.models.first?.model == "gpt-5-mini")
    }

    @Test func anthropicReportCountsNoRequestsAndAsksForThem() throws {
        let imported = try UsageFixture.load("anthropic-usage-1m.json")
        #expect(imported.profile == nil && imported.summary.monthly_requests == nil)
        #expect(imported.summary.requests_note?.contains("counts tokens, not requests") == true)
        #expect(imported.summary.peak_basis == "1-minute buckets of tokens")
    }

    @Test func aFileWhoseRequestCountsAreAllZeroSaysSoAndTakesTheNumberGiven() throws {
        // An OpenAI export with num_model_requests 0 beside its tokens was read as counting no requests: priced on
        // none, and the reason asked for them with was empty (" Enter the monthly requests…").
        let file = Array("""
            {"object":"page","data":[{"object":"bucket","start_time":1700000000,"end_time":1700086400,"results":[
              {"object":"organization.usage.completions.result","input_tokens":1000000,"output_tokens":10000,
               "num_model_requests":0,"model":"gpt-4o-mini"}]}]}
            """.utf8)
        let asked = try UsageImport.load(file, catalog: UsageFixture.catalog, monthlyRequests: nil, on: UsageFixture.day)
        #expect(asked.profile == nil)
        #expect(asked.summary.requests_note == "The file's request counts are all 0, though it logs tokens: give the monthly requests to price it.")
        let given = try UsageImport.load(file, catalog: UsageFixture.catalog, monthlyRequests: 50_000, on: UsageFixture.day)
        #expect(given.summary.monthly_requests == 50_000 && given.profile != nil)
        #expect(given.summary.requests_note?.hasPrefix("The file's request counts are all 0, though it logs tokens: the 50,000 monthly requests given") == true)
    }

    @Test func dayLongBucketsGiveOnlyALowerBoundOfThePeak() throws {
        // Seven day-long buckets of the same count read as a peak of 1: the busiest minute inside a day is unseen, so
        // the verdict keeps the question's default (3, still assumed) unless the file shows more or the person says.
        let buckets = (0..<7).map { day in
            """
            {"object":"bucket","start_time":\(1_700_000_000 + day * 86_400),"end_time":\(1_700_086_400 + day * 86_400),"results":[
              {"object":"organization.usage.completions.result","input_tokens":250000000,"output_tokens":2500000,
               "num_model_requests":500000,"model":"gpt-4o-mini"}]}
            """
        }
        let file = Array("{\"object\":\"page\",\"data\":[\(buckets.joined(separator: ","))]}".utf8)
        let imported = try UsageImport.load(file, catalog: UsageFixture.catalog, monthlyRequests: nil, on: UsageFixture.day)
        #expect(imported.summary.peak_to_average == 1 && imported.peakIsLowerBound)
        #expect(imported.summary.peak_basis.hasPrefix("1-day buckets of requests: the busiest minute is at least this"))
        let k = UsageFixture.knowledge
        let filled = try imported.filling(try k.answers(fromQuery: [("task_type", "classification")]), knowledge: k)
        #expect(filled.isAssumed(.peakToAverage) && filled[.peakToAverage] == .number(3))
        let told = try imported.filling(try k.answers(fromQuery: [("peak_to_average", "1.5")]), knowledge: k)
        #expect(!told.isAssumed(.peakToAverage) && told[.peakToAverage] == .number(1.5))
    }

    @Test func anthropicReportWithTheMonthlyRequestsGivenRecoversTheDistribution() throws {
        let imported = try UsageFixture.load("anthropic-usage-1m.json", monthlyRequests: 448_950)
        let s = imported.summary
        #expect(s.monthly_requests == 448_950)
        // Output per request is steady in the fixture, so spreading requests by output tokens is exact.
        #expect(s.prompt_tokens.p99 == 150_000 && s.prompt_tokens.p50 == 20_000)
        #expect(abs(imported.profile!.meanPrompt - 30_569) < 1)
        // Cache writes (ephemeral_5m) count as cached prompt: every request's 15,000-token prefix.
        #expect(abs(s.cached_input_share - 15_000.0 / 30_569) < 0.001)
    }

    @Test func aMonthlyNumberTooSmallForTheReportsTokensIsAskedForAgain() throws {
        // 1,000 a month over the fixture's span would average millions of tokens a request: more than any window.
        let window = try #require(UsageFixture.knowledge.largestWindow(on: UsageFixture.day))
        let few = try UsageImport.load(UsageFixture.file("anthropic-usage-1m.json"), given: UsageFixture.answers(
            ["monthly_requests": .number(1_000)]), catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(few.profile == nil && few.summary.monthly_requests == nil)
        let note = try #require(few.summary.requests_note)
        #expect(note.contains("1,000 monthly requests are too few"), "\(note)")
        #expect(note.contains("more than the largest context window (\(Format.figure(window.tokens)) tokens, \(window.title))"), "\(note)")
        // The least number named is enough: with it the same report is priced.
        let least = try #require(note.firstMatch(of: /at least ([0-9,]+) monthly/).map { Double($0.1.replacing(",", with: ""))! })
        let enough = try UsageImport.load(UsageFixture.file("anthropic-usage-1m.json"), given: UsageFixture.answers(
            ["monthly_requests": .number(least)]), catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(enough.profile != nil && enough.summary.monthly_requests == least)
        #expect(enough.profile!.meanPrompt + enough.profile!.meanOutput <= window.tokens)
        let fewer = try UsageImport.load(UsageFixture.file("anthropic-usage-1m.json"), given: UsageFixture.answers(
            ["monthly_requests": .number(least - 1)]), catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(fewer.profile == nil)
    }

    // MARK: - Broken files: the place and what was expected

    static let broken: [(name: String, text: String, location: String, words: String)] = [
        ("anthropic string count", """
         {"data": [{"starting_at": "2026-11-02T00:00:00Z", "ending_at": "2026-11-02T00:01:00Z", "results": [
           {"model": "claude-haiku-5-5", "uncached_input_tokens": "12", "output_tokens": 5}]}]}
         """, "$.data[0].results[0].uncached_input_tokens", "expected a number, found a string"),
        ("anthropic bad time", """
         {"data": [{"starting_at": "yesterday", "ending_at": "2026-11-02T00:01:00Z", "results": []}]}
         """, "$.data[0].starting_at", "RFC 3339"),
        ("anthropic impossible offset", """
         {"data": [{"starting_at": "2026-11-02T00:00:00+99:99", "ending_at": "2026-11-02T00:01:00Z", "results": []}]}
         """, "$.data[0].starting_at", "RFC 3339"),
        ("csv count too large", "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n1793577600,claude-haiku-4-5,4611686018427387904,5,0,0\n",
         "line 2", "`input_tokens` is too large for a token count"),
        ("openai no request count", """
         {"object": "page", "data": [{"object": "bucket", "start_time": 1793577600, "end_time": 1793577660,
           "results": [{"input_tokens": 10, "output_tokens": 2, "model": "gpt-5-mini"}]}]}
         """, "$.data[0].results[0]", "expected a member `num_model_requests`"),
        ("openai cached over input", """
         {"object": "page", "data": [{"object": "bucket", "start_time": 1793577600, "end_time": 1793577660,
           "results": [{"input_tokens": 10, "input_cached_tokens": 20, "output_tokens": 2, "num_model_requests": 1}]}]}
         """, "$.data[0].results[0].input_cached_tokens", "already includes the cached tokens"),
        ("otlp bad count", """
         {"resourceSpans": [{"scopeSpans": [{"spans": [{"startTimeUnixNano": "1793577600000000000", "attributes": [
           {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "ten"}},
           {"key": "gen_ai.usage.output_tokens", "value": {"intValue": "5"}}]}]}]}]}
         """, "$.resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue", "expected a non-negative number"),
        ("otlp no usage", """
         {"resourceSpans": [{"scopeSpans": [{"spans": [{"startTimeUnixNano": "1", "attributes": []}]}]}]}
         """, "the file", "no span carries `gen_ai.usage.input_tokens`"),
        ("json syntax", "{\"data\": [\n  {\"starting_at\": }\n]}", "line 2, column 19", "not valid JSON"),
        ("csv bad number", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         2026-11-02T00:00:00Z,claude-haiku-5-5,100,20,0,0
         2026-11-02T00:00:05Z,claude-haiku-5-5,1.5k,20,0,0
         """, "line 3", "`input_tokens` must be a whole number of tokens, found `1.5k`"),
        ("csv no header", "2026-11-02T00:00:00Z,claude-haiku-5-5,100,20,0,0\n", "line 1", "`timestamp` is missing"),
        // 150,000 tokens as a European spreadsheet writes them were read as 150.
        ("csv thousands with points", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         2026-11-02T00:00:00Z,claude-haiku-5-5,150.000,20,0,0
         """, "line 2", "`input_tokens` is `150.000`: a point starts a fraction here, so write the token count without points (150000)"),
        ("csv hex count", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         2026-11-02T00:00:00Z,claude-haiku-5-5,0x10,20,0,0
         """, "line 2", "`input_tokens` must be a whole number of tokens, found `0x10`"),
        ("csv bad time", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         noon,claude-haiku-5-5,100,20,0,0
         """, "line 2", "`timestamp` must be an RFC 3339 time"),
        // Outside 2000 to 2099 in its unit: a digit or a unit gone wrong, read as 1973, 1978 or the year 0 before.
        ("csv time of 1973", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         99999999999999999,claude-haiku-5-5,100,20,0,0
         """, "line 2", "between the years 2000 and 2099, found `99999999999999999`"),
        ("csv year 10000 in seconds", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         253402300800,claude-haiku-5-5,100,20,0,0
         """, "line 2", "between the years 2000 and 2099"),
        ("openai milliseconds", """
         {"object":"page","data":[{"object":"bucket","start_time":1700000000000,"end_time":1700086400000,"results":[
          {"object":"organization.usage.completions.result","input_tokens":1000,"output_tokens":10,
           "num_model_requests":5,"model":"gpt-4o-mini"}]}]}
         """, "$.data[0].start_time", "expected Unix seconds from 2000 to 2099, found `1,700,000,000,000`"),
        ("csv year 0", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         0000-01-01T00:00:00Z,claude-haiku-5-5,100,20,0,0
         """, "line 2", "between the years 2000 and 2099"),
        ("csv short row", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         2026-11-02T00:00:00Z,claude-haiku-5-5,100
         """, "line 2", "expected 6 fields, as the header names, found 3"),
        // An unquoted "1,500" shifted every column after it (1 input token, 500 output, 200 cache reads) unsaid.
        ("csv wide row", """
         timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         2026-11-02T00:00:00Z,claude-haiku-5-5,1,500,200,0,0
         """, "line 2", "expected 6 fields, as the header names, found 7 (a number written with a comma, such as 1,500, must be quoted"),
        ("csv column twice", """
         timestamp,model,input_tokens,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
         2026-11-02T00:00:00Z,claude-haiku-5-5,100,5000,20,0,0
         """, "line 1", "the column `input_tokens` is named twice"),
        // A report saved twice, or overlapping pages, doubled every figure.
        ("openai bucket twice", """
         [{"object":"page","data":[{"object":"bucket","start_time":1764547200,"end_time":1764633600,"results":[
          {"object":"organization.usage.completions.result","input_tokens":1000,"output_tokens":10,"num_model_requests":5,
           "model":"gpt-4o-mini"}]}]},
          {"object":"page","data":[{"object":"bucket","start_time":1764547200,"end_time":1764633600,"results":[
          {"object":"organization.usage.completions.result","input_tokens":1000,"output_tokens":10,"num_model_requests":5,
           "model":"gpt-4o-mini"}]}]}]
         """, "$[1].data[0]", "its period (2025-12-01T00:00:00Z to 2025-12-02T00:00:00Z) repeats that of $[0].data[0]"),
        ("anthropic buckets overlapping", """
         {"data":[{"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-02T00:00:00Z","results":[
           {"model":"claude-haiku-4-5","uncached_input_tokens":100,"output_tokens":10}]},
          {"starting_at":"2026-11-01T12:00:00Z","ending_at":"2026-11-01T13:00:00Z","results":[
           {"model":"claude-haiku-4-5","uncached_input_tokens":100,"output_tokens":10}]}]}
         """, "$.data[1]", "overlaps that of $.data[0]"),
        ("unknown json", "{\"hello\": 1}", "$", "not a usage report"),
        ("empty", "  \n", "the file", "empty"),
    ]

    @Test(arguments: broken.indices)
    func brokenFileIsRefusedWithItsPlaceAndWhatWasExpected(_ i: Int) {
        let case_ = Self.broken[i]
        do {
            _ = try UsageImport.load(Array(case_.text.utf8), catalog: UsageFixture.catalog, on: UsageFixture.day)
            Issue.record("\(case_.name): accepted")
        } catch {
            #expect(error.location == case_.location, "\(case_.name): \(error)")
            #expect(error.message.contains(case_.words), "\(case_.name): \(error)")
        }
    }

    /// A CSV as Python's csv module writes it, with CRLF line ends: "\r\n" is one Character in Swift, and the file
    /// was read as one line and refused for a missing column it has.
    @Test func aWindowsCSVIsRead() throws {
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<60).map { "2026-11-02T00:\($0 < 10 ? "0" : "")\($0):00Z,claude-haiku-4-5,900,20,0,0" }
        let crlf = try UsageImport.load(Array((rows.joined(separator: "\r\n") + "\r\n").utf8), catalog: UsageFixture.catalog,
                                        on: UsageFixture.day)
        let lf = try UsageImport.load(Array((rows.joined(separator: "\n") + "\n").utf8), catalog: UsageFixture.catalog,
                                      on: UsageFixture.day)
        #expect(crlf.summary.observed_requests == 60 && crlf.summary.monthly_requests == lf.summary.monthly_requests)
        // Lines ending in CR alone (an old Mac export) were one line, refused for `cache_write_tokens` "missing".
        let cr = try UsageImport.load(Array((rows.joined(separator: "\r") + "\r").utf8), catalog: UsageFixture.catalog,
                                      on: UsageFixture.day)
        #expect(cr.summary.observed_requests == 60 && cr.summary.monthly_requests == lf.summary.monthly_requests)
        // Both in one file: two rows run together are refused for the line ending, not for a comma in a number.
        let mixed = Array((rows[0] + "\n" + rows[1] + "\r" + rows[2] + "\n").utf8)
        #expect {
            _ = try UsageImport.load(mixed, catalog: UsageFixture.catalog, on: UsageFixture.day)
        } throws: { error in
            let text = "\(error)"
            return text.contains("line 2: expected 6 fields") && text.contains("the file mixes line endings") && !text.contains("1,500")
        }
    }

    /// A spreadsheet's CSV: trailing commas on every line (and empty names ending the header) are no columns, and a
    /// quoted count grouped by commas ("1,500") is the number; the refusal's hint told to quote it, then refused it.
    @Test func trailingCommasAndQuotedGroupedCountsAreRead() throws {
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,,"]
            + (0..<60).map { "2026-11-02T00:\($0 < 10 ? "0" : "")\($0):00Z,claude-haiku-4-5,\"1,500\",20,0,0," }
        let file = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), catalog: UsageFixture.catalog, on: UsageFixture.day)
        #expect(file.summary.observed_requests == 60)
        #expect(file.summary.prompt_tokens.mean == 1_500, "\(file.summary.prompt_tokens)")
        // A field past the header's with something in it is still a shifted row; so is a shifted row ending in a comma
        // under a header that does not (it was read as 1 input token, 500 output and 20 cache reads).
        let shifted = rows[0] + "\n2026-11-02T00:00:00Z,claude-haiku-4-5,1,500,20,0,0,x"
        #expect(throws: UsageError.self) { try UsageImport.load(Array(shifted.utf8), catalog: UsageFixture.catalog, on: UsageFixture.day) }
        let plainHeader = "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"
        let blankAfter = plainHeader + "\n2026-11-02T00:00:00Z,claude-haiku-4-5,1,500,20,0,"
        #expect(throws: UsageError.self) { try UsageImport.load(Array(blankAfter.utf8), catalog: UsageFixture.catalog, on: UsageFixture.day) }
    }

    /// Unix times in milliseconds (microseconds, nanoseconds) are told from seconds by their size: a day of one request a
    /// minute in milliseconds, read as seconds, was 44 requests a month.
    @Test func unixMillisecondsAreReadAsSuch() throws {
        func load(_ scale: Double) throws -> UsageImport {
            let start = 1_793_577_600.0  // 2026-11-02T00:00:00Z
            let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
                + (0..<1_440).map { "\(Int64((start + Double($0) * 60) * scale)),claude-haiku-4-5,900,20,0,0" }
            return try UsageImport.load(Array(rows.joined(separator: "\n").utf8), catalog: UsageFixture.catalog, on: UsageFixture.day)
        }
        let seconds = try load(1), millis = try load(1_000), micros = try load(1_000_000), nanos = try load(1e9)
        #expect(abs((seconds.summary.monthly_requests ?? 0) - 43_800) < 1, "\(String(describing: seconds.summary.monthly_requests))")
        #expect(millis.summary.monthly_requests == seconds.summary.monthly_requests)
        #expect(micros.summary.monthly_requests == seconds.summary.monthly_requests)
        // Nanoseconds (pandas' int64 times) were read as microseconds: the year 58806, and 219 requests a month.
        #expect(abs((nanos.summary.monthly_requests ?? 0) - 43_800) < 1, "\(String(describing: nanos.summary.monthly_requests))")
        #expect(millis.summary.period_days == seconds.summary.period_days)
    }

    /// Reasoning a span counts inside its output comes out of the answer's tokens: each model is priced with its own
    /// reasoning at the effort answer, and pricing the logged thinking as answer too billed it twice.
    /// Ten Haiku 5.5 spans a minute apart, 1,000 tokens of prompt each, with their output and the reasoning in it.
    static func thinkingSpans(output: Int, reasoning: Int) -> [UInt8] {
        let spans = (0..<10).map { i in
            """
            {"startTimeUnixNano": "\(1_793_577_600 + i * 60)000000000", "attributes": [
              {"key": "gen_ai.request.model", "value": {"stringValue": "claude-haiku-5-5"}},
              {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "1000"}},
              {"key": "gen_ai.usage.output_tokens", "value": {"intValue": "\(output)"}},
              {"key": "gen_ai.usage.reasoning.output_tokens", "value": {"intValue": "\(reasoning)"}}]}
            """
        }
        return Array(("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [" + spans.joined(separator: ",") + "]}]}]}").utf8)
    }

    @Test func loggedReasoningIsNotPricedAsAnswer() throws {
        let imported = try UsageImport.load(Self.thinkingSpans(output: 600, reasoning: 500), catalog: UsageFixture.catalog,
                                            on: UsageFixture.day)
        let profile = try #require(imported.profile)
        #expect(profile.meanOutput == 100, "\(profile.meanOutput)")
        #expect(imported.summary.reasoning_share.map { abs($0 - 500.0 / 600) < 1e-9 } == true)
    }

    /// The model in use is the busiest model, its ids taken together: Haiku 4.5 under three ids (72 % of the
    /// requests) lost to one Bedrock id of Claude 3 Haiku (28 %).
    @Test func theCurrentModelIsTheBusiestModelNotTheBusiestId() throws {
        let ids = ["claude-haiku-4-5", "claude-haiku-4-5-20251001", "anthropic.claude-haiku-4-5-20251001-v1:0",
                   "anthropic.claude-3-haiku-20240307-v1:0"]
        let counts = [24, 24, 24, 28]
        var rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
        var minute = 0
        for (id, n) in zip(ids, counts) {
            for _ in 0..<n {
                rows.append("\(1_793_577_600 + minute * 60),\(id),900,20,0,0")
                minute += 1
            }
        }
        let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), catalog: UsageFixture.catalog,
                                            on: UsageFixture.day)
        #expect(imported.summary.models.first?.model == "claude-3-haiku")
        #expect(imported.currentModel == "claude-haiku-4-5", "\(String(describing: imported.currentModel))")
    }

    /// Ids as gateways and clouds write them name their models: Vertex's resource paths, the Gemini API's
    /// `models/`, Google's version numbers, a router's provider prefix, another case. An id that only contains a
    /// model's name does not.
    @Test func idsWithPathsVersionsAndOtherCaseNameTheirModels() throws {
        let ids = ["publishers/google/models/gemini-2.0-flash-001", "models/gemini-3.8-flash",
                   "projects/p/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001",
                   "Claude-Haiku-4-5", "meta-llama/llama-3.1-8b-instruct", "anthropic/claude-haiku-5-5",
                   "acme/claude-haiku-4-5x", "claude-haiku-4-5/tuned"]
        var rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
        for (i, id) in ids.enumerated() {
            for k in 0...i { rows.append("\(1_793_577_600 + (i * 10 + k) * 60),\(id),900,20,0,0") }
        }
        let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), catalog: UsageFixture.catalog,
                                            on: UsageFixture.day)
        let named = Dictionary(uniqueKeysWithValues: imported.summary.models.map { ($0.id, $0.model) })
        #expect(named["publishers/google/models/gemini-2.0-flash-001"] == "gemini-flash")
        #expect(named["models/gemini-3.8-flash"] == "gemini-3-8-flash")
        #expect(named["projects/p/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001"] == "claude-haiku-4-5")
        #expect(named["Claude-Haiku-4-5"] == "claude-haiku-4-5")
        #expect(named["meta-llama/llama-3.1-8b-instruct"] == "llama-3-1-8b-self-hosted")
        #expect(named["anthropic/claude-haiku-5-5"] == "claude-haiku-5-5")
        #expect(named["acme/claude-haiku-4-5x"] == .some(nil))
        #expect(named["claude-haiku-4-5/tuned"] == .some(nil))
    }

    /// Traffic the reports mark as batch (OpenAI's `batch: true`, Anthropic's `service_tier: "batch"`) is batch work:
    /// a week of OpenAI batch requests was priced at the standard rates, twice its bill, and told to move to batch.
    /// Partly batch traffic is said to be priced at one latency.
    @Test func batchTrafficIsPricedAsBatch() throws {
        func openAI(batch: [Bool], model: String = "gpt-4o-mini-2024-07-18") -> [UInt8] {
            let buckets = (0..<7).map { day in
                let start = 1_793_577_600 + day * 86_400
                let results = batch.map { flag in
                    """
                    {"object": "organization.usage.completions.result", "input_tokens": 15000000, "output_tokens": 2000000,
                     "input_cached_tokens": 0, "num_model_requests": 5000, "model": "\(model)", "batch": \(flag)}
                    """
                }
                return """
                    {"object": "bucket", "start_time": \(start), "end_time": \(start + 86_400), "results": [\(results.joined(separator: ","))]}
                    """
            }
            return Array("{\"object\": \"page\", \"data\": [\(buckets.joined(separator: ","))], \"has_more\": false}".utf8)
        }
        let given = try UsageFixture.answers(["task_type": .text("extraction")])
        let all = try UsageImport.load(openAI(batch: [true]), given: given, catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(all.summary.batch_share == 1)
        #expect(all.answers.contains { $0.id == .latency && $0.value == .text("batch") })
        // GPT-4o mini at batch rates: 152,083 requests × (3,000 × $0.075 + 400 × $0.30) / 1e6 = $52.47.
        let filled = try all.filling(given, knowledge: UsageFixture.knowledge)
        let (_, comparison) = UsageFixture.engine.assess(filled, usage: try #require(all.profile), currentModel: all.currentModel, alsoInUse: all.modelShares)
        #expect(comparison.current_model == "gpt-4o-mini")
        #expect(abs((comparison.current_monthly_usd ?? 0) - 52.47) < 0.05, "\(String(describing: comparison.current_monthly_usd))")
        #expect(comparison.difference_usd != nil && comparison.current_note == nil)
        // A current model whose batch price is not recorded (GPT-5 mini's page) is priced at its standard rates, which
        // batch traffic did not pay: the comparison says so and claims no saving.
        let mini = try UsageImport.load(openAI(batch: [true], model: "gpt-5-mini"), given: given, catalog: UsageFixture.catalog,
                                        knowledge: UsageFixture.knowledge)
        let (_, unpriced) = UsageFixture.engine.assess(try mini.filling(given, knowledge: UsageFixture.knowledge),
                                                       usage: try #require(mini.profile), currentModel: mini.currentModel, alsoInUse: mini.modelShares)
        #expect(unpriced.current_model == "gpt-5-mini" && unpriced.current_monthly_usd != nil && unpriced.difference_usd == nil)
        #expect(unpriced.current_note?.hasPrefix("GPT-5 mini's batch price is not recorded here, and the traffic went through the batch API") == true)
        // Any share of the file's traffic counts (half of it through batch was priced as interactive work, with a saving
        // claimed); a file with none through batch keeps its difference, whatever the latency answer.
        for (flags, share) in [([true, false], 0.5), ([false], 0.0)] {
            let file = try UsageImport.load(openAI(batch: flags, model: "gpt-5-mini"), given: given, catalog: UsageFixture.catalog,
                                            knowledge: UsageFixture.knowledge)
            let answers = try UsageFixture.knowledge.replacing(.latency, with: .text("batch"),
                                                              in: try file.filling(given, knowledge: UsageFixture.knowledge))
            let (_, c) = UsageFixture.engine.assess(answers, usage: try #require(file.profile), currentModel: file.currentModel, alsoInUse: file.modelShares)
            #expect(file.summary.batch_share == share)
            // A share link carries the share, and the comparison it opens says the same.
            let linked = try UsageProfile(encoded: try #require(file.profile).encoded)
            let (_, fromLink) = UsageFixture.engine.assess(answers, usage: linked, currentModel: file.currentModel, alsoInUse: [])
            #expect((fromLink.difference_usd == nil) == (c.difference_usd == nil) && fromLink.current_note == c.current_note,
                    "\(fromLink.current_note ?? "-") | \(c.current_note ?? "-") | \(linked.batchShare ?? -1)")
            if share > 0 {
                #expect(c.difference_usd == nil && c.current_note?.contains("and 50 % of the traffic went through the batch API") == true,
                        "\(c.current_note ?? "-")")
            } else {
                #expect(c.difference_usd != nil && c.current_note == nil, "\(c.current_note ?? "-")")
            }
        }

        let half = try UsageImport.load(openAI(batch: [true, false]), given: given, catalog: UsageFixture.catalog,
                                        knowledge: UsageFixture.knowledge)
        #expect(half.summary.batch_share == 0.5 && !half.answers.contains { $0.id == .latency })
        #expect(half.summary.answers_note?.contains("50 % of the file's traffic went through the batch API; the verdict prices "
                                                    + "all of it as interactive work") == true, "\(half.summary.answers_note ?? "")")
        // A report that does not say has no share.
        #expect(try UsageFixture.load("openai-usage-1m.json").summary.batch_share == nil)

        // All of it through batch and priced so: nothing to say. Held to a budget, or answered interactive, it is priced
        // at the standard rates, twice what it paid: said (a 30 s budget gave a month double the file's, silently).
        #expect(all.summary.answers_note?.contains("batch API") != true, "\(all.summary.answers_note ?? "")")
        for (extra, priced) in [(["latency_budget_s": AnswerValue.number(30)],
                                 "on the standard API, as your latency budget of 30 s holds each request to a time"),
                                (["latency": .text("interactive")], "as interactive work (the latency answer)")] {
            let held = try UsageFixture.answers(["task_type": .text("extraction")].merging(extra) { $1 })
            let file = try UsageImport.load(openAI(batch: [true]), given: held, catalog: UsageFixture.catalog,
                                            knowledge: UsageFixture.knowledge)
            #expect(file.summary.answers_note?.contains("All of the file's traffic went through the batch API; the verdict "
                + "prices it \(priced), without the batch discount it got, so the current model's month here is more than "
                + "the file paid.") == true, "\(file.summary.answers_note ?? "")")
        }
        let halfHeld = try UsageImport.load(openAI(batch: [true, false]), given: try UsageFixture.answers(
            ["task_type": .text("extraction"), "latency": .text("batch"), "latency_budget_s": .number(30)]),
            catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(halfHeld.summary.answers_note?.contains("50 % of the file's traffic went through the batch API; the verdict "
            + "prices all of it on the standard API, as your latency budget of 30 s holds each request to a time, so "
            + "its batch part at the standard rates") == true, "\(halfHeld.summary.answers_note ?? "")")
    }

    /// Reports that count a model's thinking inside its output (Anthropic's, OpenAI's, a CSV) have it taken out before
    /// each model's own is added: a week of Haiku 5.5 at 500 output tokens a request was "now $319" for a $137 bill.
    @Test func thinkingInsideTheLoggedOutputIsNotBilledTwice() throws {
        func csv(output: Int) -> [UInt8] {
            let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
                + (0..<600).map { "\(1_793_577_600 + $0 * 12),claude-haiku-5-5,2000,\(output),0,0" }
            return Array(rows.joined(separator: "\n").utf8)
        }
        func load(output: Int, _ answers: [String: AnswerValue] = [:]) throws -> (UsageImport, UsageComparison) {
            let given = try UsageFixture.answers(answers.merging(["task_type": .text("extraction")]) { a, _ in a })
            let imported = try UsageImport.load(csv(output: output), given: given, catalog: UsageFixture.catalog,
                                                knowledge: UsageFixture.knowledge)
            let filled = try imported.filling(given, knowledge: UsageFixture.knowledge)
            return (imported, UsageFixture.engine.assess(filled, usage: try #require(imported.profile),
                                                         currentModel: imported.currentModel, alsoInUse: imported.modelShares).comparison)
        }
        // 600 requests in 2 h: 219,000 a month. Outputs of 1,500 hold medium's 1,200: answers of 300, and the bill is
        // the logged one, 219,000 × (2,000 × $0.10 + 1,500 × $0.50) / 1e6 = $208.05.
        let (roomy, roomyNow) = try load(output: 1_500)
        #expect(abs((roomy.profile?.meanOutput ?? 0) - 300) < 1e-6)
        #expect(abs((roomyNow.current_monthly_usd ?? 0) - 208.05) < 0.01, "\(String(describing: roomyNow.current_monthly_usd))")
        #expect(!roomy.answers.contains { $0.id == .reasoningEffort })
        // Outputs of 500 cannot hold medium's 1,200: taken to be low (300), filled in, and the bill is still the logged
        // one, 219,000 × (2,000 × $0.10 + 500 × $0.50) / 1e6 = $98.55.
        let (short, shortNow) = try load(output: 500)
        #expect(short.answers.contains { $0.id == .reasoningEffort && $0.value == .text("low") })
        #expect(abs((shortNow.current_monthly_usd ?? 0) - 98.55) < 0.01, "\(String(describing: shortNow.current_monthly_usd))")
        #expect(short.summary.answers_note?.contains("at low effort (its medium effort's 1,200 would not leave an answer") == true)
        // A level the team gave is kept; outputs that cannot hold it are said to overstate the bill.
        let (given, _) = try load(output: 500, ["reasoning_effort": .text("high")])
        #expect(given.profile?.meanOutput == 500)
        #expect(given.summary.answers_note?.contains("at the high effort you gave, so nothing was taken out") == true)
        // Thinking off: nothing to take out.
        let (off, _) = try load(output: 500, ["reasoning_effort": .text("none")])
        #expect(off.profile?.meanOutput == 500 && off.summary.answers_note == nil)
    }

    /// Only the outputs of models that think hold thinking: beside GPT-5 mini's 1,500-token outputs (1,200 of them
    /// thinking at medium), GPT-4o mini's 2,000-token answers were cut to 606, and every model priced on answers of
    /// 522 tokens where they averaged 1,054.
    @Test func thinkingComesOutOnlyOfTheModelsThatThink() throws {
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<330).map { "\(1_793_577_600 + $0 * 20),gpt-5-mini,3000,1500,0,0" }
            + (0..<270).map { "\(1_793_577_610 + $0 * 24),gpt-4o-mini,3000,2000,0,0" }
        let given = try UsageFixture.answers(["task_type": .text("summarization"), "as_of": .text("2026-12-01")])
        let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given,
                                            catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
        #expect(imported.currentModel == "gpt-5-mini")
        let profile = try #require(imported.profile)
        // GPT-5 mini's are answers of 300 after its 1,200 tokens of thinking; GPT-4o mini's stay 2,000:
        // (330 × 300 + 270 × 2,000) / 600 = 1,065 on average.
        #expect(abs(profile.meanOutput - 1_065) < 1e-6, "\(profile.meanOutput)")
        #expect(profile.samples.contains { $0.output == 2_000 } && profile.samples.allSatisfy { $0.model == nil })
        #expect(imported.summary.answers_note?.contains("came out of the logged outputs of the models that think (not of "
                                                        + "GPT-4o mini's, which hold none)") == true,
                "\(imported.summary.answers_note ?? "")")
    }

    /// A file of thousands of distinct ids lists the busiest and counts the rest: 929,000 ids made a 49 MB answer.
    @Test func manyModelIdsAreCountedNotListed() throws {
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<100).map { "\(1_793_577_600 + $0),claude-haiku-4-5,900,20,0,0" }
            + (0..<2_000).map { "\(1_793_577_700 + $0),custom-model-\($0),900,20,0,0" }
        let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), catalog: UsageFixture.catalog,
                                            on: UsageFixture.day)
        #expect(imported.summary.models.count == 25 && imported.summary.models.first?.model == "claude-haiku-4-5")
        let rest = try #require(imported.summary.models_left_off)
        #expect(rest.ids == 1_976 && abs(rest.share - 1_976.0 / 2_100) < 1e-9)
        #expect(imported.currentModel == "claude-haiku-4-5")
        #expect(UsageText.render(imported.summary, comparison: nil).contains("    and 1,976 more ids: 94.1%"))
    }

    /// Cache writes are priced as writes: a file whose every request wrote 5,000 tokens and read none was priced as
    /// if they were read back ($438 for a $1,697 bill), and an Anthropic report's 1-hour writes at the read rate too.
    @Test func cacheWritesArePricedAsWritesAndAMissingCacheIsSaid() throws {
        func now(_ bytes: [UInt8], _ answers: [String: AnswerValue]) throws -> (UsageImport, Double) {
            let given = try UsageFixture.answers(answers.merging(["task_type": .text("extraction"), "reasoning_effort": .text("none")]) { a, _ in a })
            let imported = try UsageImport.load(bytes, given: given, catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
            let (_, comparison) = UsageFixture.engine.assess(try imported.filling(given, knowledge: UsageFixture.knowledge),
                                                             usage: try #require(imported.profile), currentModel: imported.currentModel, alsoInUse: imported.modelShares)
            return (imported, try #require(comparison.current_monthly_usd))
        }
        // 600 Haiku 4.5 requests in 2 h (219,000 a month), each 500 uncached + 5,000 written + 200 out:
        // 219,000 × (500 × $1 + 5,000 × $1.25 + 200 × $5) / 1e6 = $1,697.25.
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<600).map { "\(1_793_577_600 + $0 * 12),claude-haiku-4-5,500,200,0,5000" }
        let (missing, missingNow) = try now(Array(rows.joined(separator: "\n").utf8), [:])
        #expect(abs(missingNow - 1_697.25) < 0.01, "\(missingNow)")
        #expect(missing.summary.cached_input_share == 0 && abs(missing.summary.cache_write_share - 5_000.0 / 5_500) < 1e-9)
        #expect(missing.summary.answers_note?.contains("The file wrote more of its prompts to the cache (90.9 %) than it read back (0 %)") == true,
                "\(missing.summary.answers_note ?? "")")
        // As much written as read back is said so, not as "more (45.5 %) than (45.5 %)".
        let even = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<600).map { "\(1_793_577_600 + $0 * 12),claude-haiku-4-5,1000,200,5000,5000" }
        let (balanced, _) = try now(Array(even.joined(separator: "\n").utf8), [:])
        #expect(balanced.summary.answers_note?.contains("The file wrote as much of its prompts to the cache (45.5 %) as it read back:") == true,
                "\(balanced.summary.answers_note ?? "")")
        // Anthropic's report, a day: 10,000 requests' worth given, each 500 uncached, 4,000 written to the 1-hour cache,
        // 1,000 read, 200 out: 10,000 × 30.4167 requests a month... priced at 304,167 given:
        // 304,167 × (500 × $1 + 4,000 × $2 + 1,000 × $0.10 + 200 × $5) / 1e6 = $2,920.00.
        let report = """
            {"data": [{"starting_at": "2026-11-02T00:00:00Z", "ending_at": "2026-11-03T00:00:00Z", "results": [{
              "model": "claude-haiku-4-5-20251001", "uncached_input_tokens": 5000000, "cache_read_input_tokens": 10000000,
              "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 40000000},
              "output_tokens": 2000000, "service_tier": "standard"}]}], "has_more": false, "next_page": null}
            """
        let (oneHour, oneHourNow) = try now(Array(report.utf8), ["monthly_requests": .number(304_167)])
        #expect(abs(oneHourNow - 2_920) < 0.02, "\(oneHourNow)")
        // The 1-hour writes travel in the link as a sixth number, and come back.
        let profile = try #require(oneHour.profile)
        #expect(profile.encoded.hasSuffix("-500-1000-4000-200-4000_b0"), "\(profile.encoded): the file says none went through batch")
        #expect(try UsageProfile(encoded: profile.encoded).encoded == profile.encoded)
        #expect(oneHour.summary.batch_share == 0)
        // Whole numbers in digits only, as the message says: hexadecimal and exponents were read as numbers.
        #expect(throws: AnswerError.self) { _ = try UsageProfile(encoded: "1-0x3e80-0-0-100") }
        #expect(throws: AnswerError.self) { _ = try UsageProfile(encoded: "1-1.6e4-0-0-100") }
        // Up to the importer's own bound, 10^15, so that a profile it writes into its links reads back; past it the
        // message says the number is too large, not that it is no whole number.
        let large = "1-5000000000000-0-0-200_1-1000-0-0-200"
        #expect(try UsageProfile(encoded: large).encoded == large)
        do {
            _ = try UsageProfile(encoded: "1-2000000000000000-0-0-200")
            Issue.record("a number over 10^15 was read")
        } catch {
            #expect(error.message.contains("has a number over 10^15"), "\(error.message)")
        }
    }

    /// An agent's span that sums its model calls is not a request of its own: 200 runs of three chat calls each were
    /// counted as 800 requests averaging half again the tokens.
    @Test func spansAboveModelCallsAreNotCountedAgain() throws {
        func span(_ trace: Int, _ id: String, parent: String?, model: String?, input: Int, output: Int, minute: Int) -> String {
            """
            {"traceId": "t\(trace)", "spanId": "\(id)"\(parent.map { ", \"parentSpanId\": \"\($0)\"" } ?? ""),
             "startTimeUnixNano": "\(1_793_577_600 + minute * 60)000000000", "attributes": [
              \(model.map { "{\"key\": \"gen_ai.request.model\", \"value\": {\"stringValue\": \"\($0)\"}}," } ?? "")
              {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "\(input)"}},
              {"key": "gen_ai.usage.output_tokens", "value": {"intValue": "\(output)"}}]}
            """
        }
        var spans: [String] = []
        for run in 0..<20 {
            // The run span sums its three calls; a step span in between carries no usage.
            spans.append(span(run, "run", parent: nil, model: nil, input: 6_000, output: 450, minute: run))
            spans.append("{\"traceId\": \"t\(run)\", \"spanId\": \"step\", \"parentSpanId\": \"run\", \"startTimeUnixNano\": \"1793577600000000000\"}")
            for call in 0..<3 {
                spans.append(span(run, "c\(call)", parent: "step", model: "claude-haiku-4-5", input: 2_000, output: 150, minute: run))
            }
        }
        // A lone call with no parent still counts.
        spans.append(span(99, "lone", parent: nil, model: "claude-haiku-4-5", input: 2_000, output: 150, minute: 30))
        let text = "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [" + spans.joined(separator: ",") + "]}]}]}"
        let imported = try UsageImport.load(Array(text.utf8), catalog: UsageFixture.catalog, on: UsageFixture.day)
        #expect(imported.summary.observed_requests == 61)
        #expect(imported.profile?.meanPrompt == 2_000 && imported.profile?.meanOutput == 150)
        #expect(imported.summary.models.map(\.id) == ["claude-haiku-4-5"])
    }

    /// The second review's cases: the batch discount reaches the writes' premium too; reads a report averages under
    /// the model's cache minimum were read by the model that logged them; thinking comes out of outputs in proportion;
    /// logged thinking sets the level; OpenRouter's dotted ids.
    @Test func reportsArePricedAsTheirBillsWere() throws {
        func report(model: String, tier: String, uncached: Int, read: Int, write1h: Int, output: Int) -> [UInt8] {
            let days = (0..<3).map { day in
                """
                {"starting_at": "2026-11-0\(2 + day)T00:00:00Z", "ending_at": "2026-11-0\(3 + day)T00:00:00Z", "results": [{
                  "model": "\(model)", "service_tier": "\(tier)", "uncached_input_tokens": \(uncached), "cache_read_input_tokens": \(read),
                  "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": \(write1h)}, "output_tokens": \(output)}]}
                """
            }
            return Array("{\"data\": [\(days.joined(separator: ","))], \"has_more\": false}".utf8)
        }
        func now(_ bytes: [UInt8], _ answers: [String: AnswerValue] = [:]) throws -> (UsageImport, Double) {
            let given = try UsageFixture.answers(answers.merging(["task_type": .text("extraction"), "monthly_requests": .number(304_167)]) { a, _ in a })
            let imported = try UsageImport.load(bytes, given: given, catalog: UsageFixture.catalog, knowledge: UsageFixture.knowledge)
            let (_, comparison) = UsageFixture.engine.assess(try imported.filling(given, knowledge: UsageFixture.knowledge),
                                                             usage: try #require(imported.profile), currentModel: imported.currentModel, alsoInUse: imported.modelShares)
            return (imported, try #require(comparison.current_monthly_usd))
        }
        // Haiku 5.5 in batch, each request 1,000 uncached, 5,000 written to the 1-hour cache, 400 out, thinking off:
        // 304,167 × (1,000 × $0.05 + 5,000 × $0.10 + 400 × $0.25) / 1e6 = $197.71 (the premium at standard rates: $342).
        let (_, batch) = try now(report(model: "claude-haiku-5-5", tier: "batch", uncached: 10_000_000, read: 0, write1h: 50_000_000,
                                        output: 4_000_000), ["reasoning_effort": .text("none")])
        #expect(abs(batch - 197.71) < 0.02, "\(batch)")
        // Haiku 4.5 reading 3,000 tokens a request on average against its 4,096 minimum: the reads were read.
        // 304,167 × (1,000 × $1 + 3,000 × $0.10 + 200 × $5) / 1e6 = $699.58 (billed as input: $1,520.83).
        let (_, under) = try now(report(model: "claude-haiku-4-5-20251001", tier: "standard", uncached: 10_000_000, read: 30_000_000,
                                        write1h: 0, output: 2_000_000))
        #expect(abs(under - 699.58) < 0.02, "\(under)")

        // With tools: the logged prompts hold the tool-use system prompt, taken out of the cache reads and put back by
        // the line (an estimate of 450 on Haiku 5.5; Haiku 4.5's own 346); the month is still the file's bill. Haiku
        // 5.5, thinking off, 300 uncached, 1,150 read, 200 out: 304,167 × (300 × $0.10 + 1,150 × $0.01 + 200 × $0.50)
        // / 1e6 = $43.04 (it came to $40.49: the logged share cached the prompt without the tool prompt, which went back
        // on top of it).
        let (_, tools) = try now(report(model: "claude-haiku-5-5", tier: "standard", uncached: 3_000_000, read: 11_500_000,
                                        write1h: 0, output: 2_000_000), ["reasoning_effort": .text("none"), "tool_choice": .text("auto")])
        #expect(abs(tools - 43.04) < 0.5, "\(tools)")

        // Half the outputs 100 tokens, half 3,000, on Haiku 5.5 at medium (1,200): taken in proportion, the bill is the
        // file's, 219,000 × (2,000 × $0.10 + 1,550 × $0.50) / 1e6 = $213.53 (taken whole and floored: $273.75).
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<600).map { "\(1_793_577_600 + $0 * 12),claude-haiku-5-5,2000,\($0 % 2 == 0 ? 100 : 3_000),0,0" }
        let given = try UsageFixture.answers(["task_type": .text("extraction")])
        let bimodal = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                           knowledge: UsageFixture.knowledge)
        let (_, bill) = UsageFixture.engine.assess(try bimodal.filling(given, knowledge: UsageFixture.knowledge),
                                                   usage: try #require(bimodal.profile), currentModel: bimodal.currentModel, alsoInUse: bimodal.modelShares)
        #expect(abs((bill.current_monthly_usd ?? 0) - 213.53) < 0.01, "\(String(describing: bill.current_monthly_usd))")

        // OpenRouter's dotted ids name their models.
        let dotted = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens",
                      "1793577600,anthropic/claude-haiku-4.5,900,20,0,0", "1793577660,claude-sonnet-5.5,900,20,0,0"]
        let ids = try UsageImport.load(Array(dotted.joined(separator: "\n").utf8), catalog: UsageFixture.catalog, on: UsageFixture.day)
        #expect(Set(ids.summary.models.compactMap(\.model)) == ["claude-haiku-4-5", "claude-sonnet-5-5"])
    }

    /// Spans that log their thinking set the level the model in use is priced at: the nearest of its levels, said.
    @Test func loggedThinkingSetsTheNearestLevel() throws {
        let imported = try UsageImport.load(Self.thinkingSpans(output: 450, reasoning: 350), given: UsageFixture.answers([:]),
                                            catalog: UsageFixture.catalog,
                                            knowledge: UsageFixture.knowledge)
        #expect(imported.answers.contains { $0.id == .reasoningEffort && $0.value == .text("low") })
        #expect(imported.summary.answers_note?.contains("The file logs about 350 reasoning tokens a request on Claude Haiku 5.5: "
                                                        + "the verdict prices it at low effort (about 300), the nearest of its levels") == true,
                "\(imported.summary.answers_note ?? "")")
    }

    /// A figure of the file outside what the questionnaire takes is priced at the limit, and the summary says so:
    /// 3,000 requests in one minute of a day are a peak far above the 1,000 the questionnaire takes.
    @Test func aFigureOutsideTheQuestionnairesRangeIsSaidToBeCapped() throws {
        let start = 1_793_577_600
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<3_000).map { "\(start + $0 / 100),claude-haiku-4-5,900,20,0,0" }
            + ["\(start + 86_399),claude-haiku-4-5,900,20,0,0"]
        let given = try UsageFixture.answers(["task_type": .text("classification")])
        let imported = try UsageImport.load(Array(rows.joined(separator: "\n").utf8), given: given, catalog: UsageFixture.catalog,
                                            knowledge: UsageFixture.knowledge)
        #expect((imported.summary.peak_to_average ?? 0) > 1_000)
        let note = try #require(imported.summary.answers_note)
        #expect(note.hasPrefix("Outside the questionnaire's range, the file's peak to average ") && note.contains("priced at 1,000"),
                "\(note)")
    }

    /// A report row with prompts and no output still had requests: its prompts stay in the distribution, counted at
    /// the file's output per prompt token (a 20M-token row with no output was left out of the pricing).
    @Test func aRowWithoutOutputKeepsItsRequests() throws {
        func bucket(_ hour: Int, input: Int, output: Int) -> String {
            """
            {"starting_at": "2026-11-02T0\(hour):00:00Z", "ending_at": "2026-11-02T0\(hour + 1):00:00Z", "results": [
              {"model": "claude-haiku-4-5", "uncached_input_tokens": \(input), "cache_read_input_tokens": 0,
               "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0}, "output_tokens": \(output)}]}
            """
        }
        let text = "{\"data\": [" + [bucket(0, input: 1_000_000, output: 100_000), bucket(1, input: 1_000_000, output: 0)]
            .joined(separator: ",") + "], \"has_more\": false, \"next_page\": null}"
        let imported = try UsageImport.load(Array(text.utf8), catalog: UsageFixture.catalog, monthlyRequests: 87_600,
                                            on: UsageFixture.day)
        let profile = try #require(imported.profile)
        #expect(profile.samples.count == 2, "\(profile.samples)")
        // Both hours' prompts are in it: the two rows get the same requests, 1,000,000 prompt tokens each.
        #expect(profile.samples.allSatisfy { abs($0.requests - profile.samples[0].requests) < 1e-6 })
    }

    /// Text in another encoding is not called binary: a Latin-1 CSV (a spreadsheet's export) is refused at its first
    /// byte that is not UTF-8, with what to do.
    @Test func aLatin1FileIsToldToBeSavedAsUTF8() {
        var bytes = Array("timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n2026-11-02T00:00:00Z,caf".utf8)
        bytes.append(0xE9)  // é in Latin-1
        bytes += Array(",100,20,0,0\n".utf8)
        #expect(throws: UsageError("byte 105", "not UTF-8 text: save the export as UTF-8 (JSON or CSV) and upload it again")) {
            try UsageFile.read(bytes)
        }
    }

    /// UTF-16 (a spreadsheet's "Unicode text" export) was called "a binary file", with nothing to do about it: it is
    /// text, re-saved as UTF-8, with or without its byte-order mark, in either byte order.
    @Test func aUTF16FileIsToldToBeSavedAsUTF8() {
        let csv = "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n2026-11-02T00:00:00Z,m,100,20,0,0\n"
        let little = csv.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = csv.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let umlaut = "zeitstempel,modell-ä,input_tokens\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for bytes in [[0xFF, 0xFE] + little, [0xFE, 0xFF] + big, little, big, umlaut] {
            #expect(throws: UsageError("the file", "UTF-16 text, not UTF-8: save the export as UTF-8 (in Excel, \"CSV UTF-8\") and upload it again")) {
                try UsageFile.read(bytes)
            }
        }
        // JSON in UTF-16 comes from a shell, not a spreadsheet: no word of Excel.
        let json: [UInt8] = [0xFF, 0xFE] + #"{"data": []}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: UsageError("the file", "UTF-16 text, not UTF-8: save the export as UTF-8 and upload it again")) {
            try UsageFile.read(json)
        }
    }

    /// A quoted field that holds a line break (RFC 4180 allows it) was "not closed" on a line where it closes on the
    /// next: said as what it is.
    @Test func aQuotedFieldSpanningLinesIsSaidToBe() {
        let text = "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n2026-11-02T00:00:00Z,\"m\nx\",1,1,0,0\n"
        #expect(throws: UsageError("line 2", "a quoted field is not closed on its line; a field that spans lines is not read here: "
                                   + "remove the line breaks inside quotes")) {
            try UsageFile.read(Array(text.utf8))
        }
    }

    /// A model id is a name: a 5 MB `model` cell came back whole in the page and the JSON.
    @Test func aHugeModelIDIsCutInTheSummary() throws {
        let id = String(repeating: "x", count: 5_000)
        let text = "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n"
            + "2026-11-02T00:00:00Z,\(id),100,10,0,0\n2026-11-02T01:00:00Z,\(id),100,10,0,0\n"
        let imported = try UsageImport.load(Array(text.utf8), catalog: UsageFixture.catalog, monthlyRequests: nil, on: UsageFixture.day)
        let shown = try #require(imported.summary.models.first?.id)
        #expect(shown.count == 201 && shown.hasSuffix("…"), "\(shown.count)")
    }

    @Test func binaryFileIsRefused() {
        #expect(throws: UsageError("the file", "a binary file, not a usage report: expected JSON (Anthropic or OpenAI usage API, OTLP spans) or CSV text")) {
            try UsageFile.read([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2])
        }
    }

    /// JSON that is not an object is said to be JSON, not read as a CSV with no header.
    @Test func aJSONValueThatIsNoReportIsSaidToBeJSON() {
        for text in ["null", "1e999999", "  42\n", "\"usage\""] {
            #expect(throws: UsageError("the file", "JSON, but not a usage report: expected an object with `data` (Anthropic or "
                                       + "OpenAI usage API) or `resourceSpans` (OTLP/JSON spans)")) {
                try UsageFile.read(Array(text.utf8))
            }
        }
    }

    @Test func aFileWithAnErrorAfterGoodRowsYieldsNothing() {
        // A long valid file broken on its last line: the whole file is refused, nothing half-imported.
        var text = "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n"
        for n in 0..<500 { text += "2026-11-02T00:\(n / 60 < 10 ? "0" : "")\(n / 60):\(n % 60 < 10 ? "0" : "")\(n % 60)Z,claude-haiku-5-5,100,20,0,0\n" }
        text += "2026-11-02T01:00:00Z,claude-haiku-5-5,100,-20,0,0\n"
        #expect(throws: UsageError.self) {
            try UsageImport.load(Array(text.utf8), catalog: UsageFixture.catalog, on: UsageFixture.day)
        }
    }
}
