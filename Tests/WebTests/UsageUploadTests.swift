import Foundation
import Testing

/// The usage import end to end: the real server, a multipart upload, hostile uploads, and the command line.
@Suite(.serialized) struct UsageUploadTests {
    static let fixtures = repositoryRoot + "/Tests/UsageTests/Fixtures/"

    static func multipart(_ parts: [(name: String, filename: String?, body: [UInt8])], boundary: String = "haikuBoundary42") -> [UInt8] {
        var body: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            body += Array((head + "\r\n\r\n").utf8) + part.body + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    static func upload(_ port: UInt16, _ body: [UInt8], type: String = "multipart/form-data; boundary=haikuBoundary42") throws -> HTTPConnection.Reply {
        let client = try HTTPConnection(port: port)
        return try client.request("POST", "/assess", headers: ["Content-Type": type], body: body)
    }

    /// The JSON API answers a body of another declared type that is not JSON either (a CSV posted raw, urlencoded
    /// answers) with 415 and what to send (they were told "the body is not valid JSON"); JSON is read under any type.
    @Test func theAPIRefusesABodyOfAnotherTypeWithWhatToSend() throws {
        let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02"], in: repositoryRoot)
        for type in ["text/csv", "application/x-www-form-urlencoded"] {
            let reply = try HTTPConnection(port: server.port).request("POST", "/api/assess", headers: ["Content-Type": type],
                                                                      body: Array("task_type=chat".utf8))
            #expect(reply.status == 415 && reply.text.contains("\"unsupported_media_type\"")
                    && reply.text.contains("takes the answers as JSON, or a usage file as multipart/form-data"), "\(type): \(reply.text)")
        }
        // JSON under another type is read as before: `curl -d @answers.json` sends it as a form, a browser's fetch as
        // text/plain.
        for headers in [["Content-Type": "application/json; charset=utf-8"], [:], ["Content-Type": ""],
                        ["Content-Type": "application/x-www-form-urlencoded"], ["Content-Type": "text/plain;charset=UTF-8"]] {
            let reply = try HTTPConnection(port: server.port).request("POST", "/api/assess", headers: headers,
                                                                      body: Array("{\"task_type\": \"chat\"}".utf8))
            #expect(reply.status == 200, "\(headers): \(reply.text.prefix(200))")
        }
    }

    @Test func twoUsageFilesInOneUploadAreRefused() throws {
        let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02"], in: repositoryRoot)
        let csv = [UInt8](FileManager.default.contents(atPath: Self.fixtures + "usage.csv")!)
        let reply = try HTTPConnection(port: server.port).request(
            "POST", "/api/assess", headers: ["Content-Type": "multipart/form-data; boundary=haikuBoundary42"],
            body: Self.multipart([("usage", "a.csv", csv), ("usage", "b.csv", csv)]))
        #expect(reply.status == 400 && reply.text.contains("Send one usage file"), "\(reply.text)")
        let long = String(repeating: "b", count: 71)
        let refused = try HTTPConnection(port: server.port).request(
            "POST", "/api/assess", headers: ["Content-Type": "multipart/form-data; boundary=\(long)"],
            body: Self.multipart([("usage", "a.csv", csv)], boundary: long))
        #expect(refused.status == 415 && refused.text.contains("a boundary of 1 to 70 characters"), "\(refused.text)")
    }

    /// A direction override in a file name is not echoed: it reversed the sentence after it.
    @Test func aDirectionOverrideInAFileNameIsNotEchoed() throws {
        let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02"], in: repositoryRoot)
        let refused = try Self.upload(server.port, Self.multipart([("usage_file", "a\u{202E}vsc.csv", Array("not a usage file".utf8))]))
        #expect(refused.status == 400 && refused.text.contains("could not be imported") && !refused.text.contains("\u{202E}"),
                "\(refused.text.prefix(300))")
    }

    /// An answer field that is not UTF-8 is that answer's error, marked on its own field, not the file's.
    @Test func anAnswerFieldThatIsNotUTF8IsBlamedOnItself() throws {
        let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02"], in: repositoryRoot)
        let csv = [UInt8](FileManager.default.contents(atPath: Self.fixtures + "usage.csv")!)
        let body = Self.multipart([("usage", "usage.csv", csv), ("monthly_requests", nil, [0x31, 0xFF, 0x30])])
        let api = try HTTPConnection(port: server.port).request(
            "POST", "/api/assess", headers: ["Content-Type": "multipart/form-data; boundary=haikuBoundary42"], body: body)
        #expect(api.status == 400)
        let error = try #require(try JSONSerialization.jsonObject(with: Data(api.body)) as? [String: [String: String]])
        #expect(error["error"]?["field"] == "monthly_requests", "\(api.text)")
        #expect(error["error"]?["message"] == "The field `monthly_requests` is not UTF-8 text.")
        let page = try Self.upload(server.port, body)
        #expect(page.status == 400)
        #expect(page.text.contains("not UTF-8 text"))
    }

    @Test func uploadThroughMultipartAnswersTheVerdictPricedOnTheDistribution() throws {
        let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02"], in: repositoryRoot)
        let csv = [UInt8](FileManager.default.contents(atPath: Self.fixtures + "usage.csv")!)
        let reply = try Self.upload(server.port, Self.multipart([("usage", "usage.csv", csv),
                                                                  ("task_type", nil, Array("classification".utf8))]))
        #expect(reply.status == 200)
        let page = reply.text
        #expect(page.contains("Your imported usage"))
        #expect(page.contains("On Claude Haiku 5.5, this traffic costs"))
        #expect(page.contains("claude-sonnet-4-5-20250929") && page.contains("Retired"))
        // The form is pre-filled from the import and keeps the distribution for the next verdict.
        #expect(page.contains("value=\"448959\""))
        let hidden = try #require(page.range(of: "name=\"usage\" value=\"")).upperBound
        let profile = String(page[hidden...].prefix { $0 != "\"" })
        // Outputs of 500 tokens on Haiku 5.5 cannot hold its medium effort's 1,200 reasoning tokens: it is taken to run
        // at low, whose 300 come out of them (UnloggedReasoning.swift), and the form says low. The 60 requests of Sonnet
        // 4.5, which thinks only when asked, keep their 500.
        #expect(profile == "1-135000-0-15000-200_99-135000-15000-0-200_1070-5000-15000-0-200_60-5000-15000-0-500")
        #expect(page.contains("<option value=\"low\" selected>"))
        // The link carries it: a changed answer is still priced on the distribution.
        let link = try HTTPConnection(port: server.port).request(
            "GET", "/api/assess?monthly_requests=448959&tokens_counted_with=claude-haiku-5-5&reasoning_effort=low&usage=\(profile)")
        #expect(link.status == 200)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(link.body)) as? [String: Any])
        let comparison = try #require((document["usage"] as? [String: Any])?["comparison"] as? [String: Any])
        #expect(comparison["current_model"] as? String == "claude-haiku-5-5")
        // The file's own sizes: the rounded means the answers carry no longer stretch them by a hair.
        // 100 of 1,230 requests over the 100,000-token line at $0.50 / $0.05 cached / $2.50 out: 135,000 + 15,000 cached
        // + 500 out is $0.0695; the rest 5,000 + 15,000 cached + 500 out at $0.10 / $0.01 / $0.50, $0.0009; × 448,959:
        // $2,908.02. The one request that wrote its 15,000 tokens to the cache pays the long-context write rate over the
        // read, 15,000 × ($0.625 − $0.05) / 1e6 × 448,959 / 1,230: $3.15. The 60 of Sonnet 4.5 keep their 500 output
        // tokens where the others have 200 left of them: 300 × $0.50 / 1e6 × 448,959 × 60 / 1,230, $3.29 more.
        #expect(abs((comparison["current_monthly_usd"] as? Double ?? 0) - 2_914.45) < 0.01, "\(comparison["current_monthly_usd"] ?? "")")
        // The decision record keeps it too: its context says what was imported. 1 + 99 + 1,130 = 1,230 requests;
        // 100 prompts of 150,000 tokens (the max) and 1,130 of 20,000; outputs of 500.
        let record = try HTTPConnection(port: server.port).request(
            "GET", "/assess/result.madr.md?task_type=classification&usage=\(profile)")
        #expect(record.status == 200)
        // Its reproduce link, and the Markdown verdict's, keep the distribution (they opened a verdict on averages).
        #expect(record.text.contains("usage=\(profile)`"), "\(record.text.suffix(800))")
        let markdown = try HTTPConnection(port: server.port).request("GET", "/assess/result.md?task_type=classification&usage=\(profile)")
        #expect(markdown.text.contains("usage=\(profile)`"))
        #expect(record.text.contains("Usage imported (priced request by request"), "\(record.text.prefix(2000))")
        #expect(record.text.contains("1,230 requests observed"))
        #expect(record.text.contains("max 150,000"))
        // Every link of the imported verdict keeps the distribution where it is priced on it: a lever applied is
        // assessed again on the same requests (without it, the link priced averages and gave another verdict). Compare
        // carries it too and prices it; the calculator prices the average request and says so, and its link no longer
        // carries `usage=`, which it refuses.
        let applies = page.components(separatedBy: "\">Apply it").dropLast().map { String($0.suffix(600)) }
        #expect(!applies.isEmpty)
        #expect(applies.allSatisfy { $0.contains("usage=\(profile)") }, "\(applies)")
        let compare = try #require(page.range(of: "<a href=\"/compare?")).lowerBound
        #expect(page[compare...].prefix { $0 != ">" }.contains("usage=\(profile)"))
        #expect(!page.contains("Compare these models for this workload</a> (at the average request)"))
        #expect(page.contains("Open this workload in the cost calculator</a>, priced at the average request"))
        let calculator = try #require(page.range(of: "<a href=\"/calculator?")).lowerBound
        #expect(!page[calculator...].prefix(600).prefix { $0 != ">" }.contains("usage="))
        // The calculator prices averages: its exports refuse the distribution rather than read it and drop it.
        for export in ["/calculator.csv", "/calculator.md"] {
            let refused = try HTTPConnection(port: server.port).request("GET", "\(export)?monthly_requests=5&usage=\(profile)")
            #expect(refused.status == 400 && refused.text.contains("a usage file's distribution is priced on the verdict"), "\(export)")
        }
        // An answer given with the file wins, and the section says so beside the file's own figure.
        let given = try Self.upload(server.port, Self.multipart([("usage", "usage.csv", csv),
                                                                  ("task_type", nil, Array("classification".utf8)),
                                                                  ("monthly_requests", nil, Array("900000".utf8))]))
        #expect(given.status == 200)
        #expect(given.text.contains("Priced with the answers you gave instead of the file&#39;s: monthly requests 900,000 "
                                    + "(the file&#39;s: 448,959)"))
        // The recommendation is the model it runs on: the same bill, not "$0.00 a month less".
        #expect(given.text.contains(", the same.</strong>") && !given.text.contains("$0.00 a month"))
        #expect(!page.contains("Priced with the answers you gave"))
    }

    @Test func hostileUploadsGetA4xxWithAUsefulMessage() throws {
        let server = try ServerProcess(["--db", ":memory:"], in: repositoryRoot)
        let port = server.port
        let cases: [(String, HTTPConnection.Reply, Int, String)] = [
            ("wrong type", try Self.upload(port, Array("a,b\n".utf8), type: "text/csv"), 415, "multipart/form-data"),
            ("broken multipart", try Self.upload(port, Array("--haikuBoundary42\r\nno end".utf8)), 400, "not well-formed multipart"),
            ("no file", try Self.upload(port, Self.multipart([("task_type", nil, Array("chat".utf8))])), 400, "Choose a usage file"),
            // A chosen file with nothing in it is named as empty (it was told to choose a file).
            ("empty file", try Self.upload(port, Self.multipart([("usage", "usage-nov.csv", [])])), 400,
             "The file usage-nov.csv is empty (0 bytes): export the usage report again"),
            // A path sent as it is names its file; a direction control in the name goes, and the sentence reads as written.
            ("empty file by path", try Self.upload(port, Self.multipart([("usage_file", "C:\\Users\\me\\a\u{202E}vsc.json", [])])), 400,
             "The file avsc.json is empty (0 bytes)"),
            ("empty usage field", try Self.upload(port, Self.multipart([("usage", nil, [])])), 400,
             "The field usage is empty: it holds no usage report"),
            ("binary", try Self.upload(port, Self.multipart([("usage", "x.bin", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1])])), 400, "a binary file"),
            ("bad csv", try Self.upload(port, Self.multipart([("usage", "u.csv", Array("timestamp,model\n".utf8))])), 400,
             "line 1: expected a header naming the columns"),
            ("bad answer", try Self.upload(port, Self.multipart([("usage", "u.csv", Array("x".utf8)), ("latency", nil, Array("soon".utf8))])),
             400, "choose one of the listed answers"),
        ]
        for (name, reply, status, words) in cases {
            #expect(reply.status == status, "\(name): \(reply.status)")
            #expect(reply.text.contains(words), "\(name): \(reply.text.prefix(300))")
        }
        // A refused file: the summary links to the file field, which is marked and says why beside it, without
        // Markdown's backticks.
        let refused = cases[7].1.text
        #expect(refused.contains("<a href=\"#usage-file\">Choose the usage file again</a>"))
        #expect(refused.contains("aria-invalid=\"true\" aria-describedby=\"upload-error\"></p>"))
        #expect(refused.contains("<p class=\"field-error\" id=\"upload-error\">") && !refused.contains("`"))
        // A model id the site does not know is isolated, and a right-to-left override in it is dropped, so it reverses
        // nothing after it.
        let csv = "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n"
            + "2026-11-02T00:00:00Z,my-\u{202E}model,1000,100,0,0\n2026-11-02T00:01:00Z,my-\u{202E}model,1000,100,0,0\n"
        let unknown = try Self.upload(port, Self.multipart([("usage", "u.csv", Array(csv.utf8)), ("task_type", nil, Array("chat".utf8))]))
        #expect(unknown.status == 200, "\(unknown.text.prefix(400))")
        #expect(unknown.text.contains("<bdi>my-model</bdi> <span class=\"meta\">(not a model this site knows)"),
                "\(unknown.text.prefix(400))")
        // Over the limit: refused while receiving, 413, and the server goes on serving.
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 33 * 1024 * 1024)
        let tooLarge = try Self.upload(port, Self.multipart([("usage", "big.csv", big)]))
        #expect(tooLarge.status == 413 && tooLarge.text.contains("32 MiB"))
        #expect(try HTTPConnection(port: port).request("GET", "/healthz").status == 200)
        // Other routes keep the 64 KiB limit.
        let api = try HTTPConnection(port: port).request("POST", "/api/assess", headers: [:],
                                                         body: [UInt8](repeating: 32, count: 70_000))
        #expect(api.status == 413)
    }

    static func apiUpload(_ port: UInt16, _ body: [UInt8], type: String = "multipart/form-data; boundary=haikuBoundary42") throws -> HTTPConnection.Reply {
        try HTTPConnection(port: port).request("POST", "/api/assess", headers: ["Content-Type": type], body: body)
    }

    static func jsonObject(_ bytes: [UInt8]) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    @Test func theAPITakesAUsageFileAndAnswersAsTheCommandLineDoes() throws {
        let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02"], in: repositoryRoot)
        // 68.5 KB: over the 64 KiB a JSON body may have, which a usage upload is not held to.
        let csv = [UInt8](FileManager.default.contents(atPath: Self.fixtures + "usage.csv")!)
        #expect(csv.count > 64 * 1024)
        let reply = try Self.apiUpload(server.port, Self.multipart([("usage", "usage.csv", csv),
                                                                     ("task_type", nil, Array("classification".utf8)),
                                                                     ("as_of", nil, Array("2026-12-02".utf8))]))
        #expect(reply.status == 200, "\(reply.text.prefix(300))")
        #expect(reply.headers["content-type"] == "application/json")
        let answers = NSTemporaryDirectory() + "usage-api-answers-\(UUID().uuidString).json"
        try Data(#"{"task_type": "classification", "as_of": "2026-12-02"}"#.utf8).write(to: URL(fileURLWithPath: answers))
        defer { try? FileManager.default.removeItem(atPath: answers) }
        let run = try runCommand(["haiku-advisor", "assess", "--usage", Self.fixtures + "usage.csv", "--answers", answers, "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let api = try Self.jsonObject(reply.body)
        #expect(api == (try Self.jsonObject(Array(run.output.utf8))), "the API's document is the command line's")
        let usage = try #require(api["usage"] as? [String: Any])
        #expect((usage["summary"] as? [String: Any])?["observed_requests"] as? Double == 1_230)
        #expect((usage["comparison"] as? [String: Any])?["current_model"] as? String == "claude-haiku-5-5")

        // A 1 MB OTLP export is read as well.
        let otlp = [UInt8](FileManager.default.contents(atPath: Self.fixtures + "otlp-spans.json")!)
        let spans = try Self.apiUpload(server.port, Self.multipart([("usage", "otlp-spans.json", otlp)]))
        #expect(spans.status == 200, "\(spans.text.prefix(300))")
        #expect(((try Self.jsonObject(spans.body))["usage"] as? [String: Any])?["summary"] != nil)
    }

    /// The upload reads every model of the file: 30 % of its requests on a retired GPT-5 nano is the first warning on
    /// the page and in the API (it was said nowhere but in the list of models in use).
    @Test func anUploadWarnsOfTrafficOnARetiredModelBesideTheBusiest() throws {
        let server = try ServerProcess(["--db", ":memory:", "--today", "2026-12-02"], in: repositoryRoot)
        let rows = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
            + (0..<500).map { "\(1_793_577_600 + $0 * 600),\($0 % 10 < 3 ? "gpt-5-nano-2025-08-07" : "claude-haiku-5-5"),3000,300,0,0" }
        let csv = Array(rows.joined(separator: "\n").utf8)
        let fields: [(name: String, filename: String?, body: [UInt8])] = [("usage", "mixed.csv", csv),
                                                                          ("task_type", nil, Array("summarization".utf8)),
                                                                          ("as_of", nil, Array("2026-12-11".utf8))]
        let api = try Self.jsonObject(try Self.apiUpload(server.port, Self.multipart(fields)).body)
        let first = try #require((api["warnings"] as? [[String: Any]])?.first)
        #expect(first["model"] as? String == "gpt-5-nano" && (first["text"] as? String)?.contains("those requests fail now") == true,
                "\(first)")
        let page = try Self.upload(server.port, Self.multipart(fields))
        #expect(page.status == 200)
        #expect(page.text.contains("30 % of your traffic runs on GPT-5 nano, which is retired"))
        // The link does not carry the file's other models: the page says the warning is its own.
        #expect(page.text.contains("not its other models: the warning about GPT-5 nano is on this page only"), "\(page.text.count)")
    }

    @Test func hostileAPIUploadsGetAJSONErrorThatNamesTheField() throws {
        let server = try ServerProcess(["--db", ":memory:"], in: repositoryRoot)
        let port = server.port
        let anthropic = [UInt8](FileManager.default.contents(atPath: Self.fixtures + "anthropic-usage-1m.json")!)
        let cases: [(String, HTTPConnection.Reply, Int, String, String?, String)] = [
            ("no boundary", try Self.apiUpload(port, Array("x".utf8), type: "multipart/form-data"), 415, "usage_refused", "usage", "multipart/form-data"),
            ("broken multipart", try Self.apiUpload(port, Array("--haikuBoundary42\r\nno end".utf8)), 400, "usage_refused", "usage",
             "not well-formed multipart"),
            ("no file", try Self.apiUpload(port, Self.multipart([("task_type", nil, Array("chat".utf8))])), 400, "usage_refused", "usage",
             "Choose a usage file"),
            ("bad csv", try Self.apiUpload(port, Self.multipart([("usage", "u.csv", Array("timestamp,model\n".utf8))])), 400,
             "usage_refused", "usage", "line 1: expected a header naming the columns"),
            ("bad answer", try Self.apiUpload(port, Self.multipart([("usage", "u.csv", Array("x".utf8)), ("latency", nil, Array("soon".utf8))])),
             400, "invalid_choice", "latency", "must be one of"),
            ("no requests counted", try Self.apiUpload(port, Self.multipart([("usage", "report.json", anthropic)])), 400,
             "usage_needs_requests", "monthly_requests", "Enter the monthly requests"),
            ("too few requests given", try Self.apiUpload(port, Self.multipart([("usage", "report.json", anthropic),
                                                                                ("monthly_requests", nil, Array("1000".utf8))])),
             400, "usage_needs_requests", "monthly_requests", "1,000 monthly requests are too few"),
            // Answers in the query beside a file were priced as if unanswered (`task_type=bogus` as `other`).
            ("answers in the query", try HTTPConnection(port: port).request(
                "POST", "/api/assess?task_type=bogus", headers: ["Content-Type": "multipart/form-data; boundary=haikuBoundary42"],
                body: Self.multipart([("usage", "report.json", anthropic), ("monthly_requests", nil, Array("448950".utf8))])),
             400, "invalid", "task_type", "A POST with a usage file reads its answers from the form fields beside the file only: send `task_type` as a form field"),
        ]
        for (name, reply, status, code, field, words) in cases {
            #expect(reply.status == status, "\(name): \(reply.status)")
            #expect(reply.headers["content-type"] == "application/json", "\(name)")
            let error = try #require((try Self.jsonObject(reply.body))["error"] as? [String: Any], "\(name)")
            #expect(error["code"] as? String == code, "\(name): \(error)")
            #expect(error["field"] as? String == field, "\(name): \(error)")
            #expect((error["message"] as? String ?? "").contains(words), "\(name): \(error)")
        }
        // With the monthly number the same report is priced.
        let priced = try Self.apiUpload(port, Self.multipart([("usage", "report.json", anthropic),
                                                               ("monthly_requests", nil, Array("448950".utf8))]))
        #expect(priced.status == 200, "\(priced.text.prefix(300))")
        // Over 32 MiB: 413 in JSON, and the server goes on serving.
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 33 * 1024 * 1024)
        let tooLarge = try Self.apiUpload(port, Self.multipart([("usage", "big.csv", big)]))
        #expect(tooLarge.status == 413 && tooLarge.text.contains("32 MiB") && tooLarge.text.contains("\"too_large\""))
        // A JSON body keeps the interface's 64 KiB.
        let json = try Self.apiUpload(port, [UInt8](repeating: 32, count: 70_000), type: "application/json")
        #expect(json.status == 413 && json.text.contains("64 KiB"))
        #expect(try HTTPConnection(port: port).request("GET", "/healthz").status == 200)
    }

    /// A file that counts no requests asks for them on the questionnaire's own field, marked, keeping what was typed:
    /// the file field and its button belong to the questionnaire's form, so what is filled there goes with the file.
    @Test func aFileWithoutRequestsAsksForThemOnTheQuestionnairesField() throws {
        let server = try ServerProcess(["--db", ":memory:"], in: repositoryRoot)
        let report = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "anthropic-usage-1m.json")))
        for typed in ["", "lots"] {
            let page = try Self.upload(server.port, Self.multipart([("usage_file", "report.json", report),
                                                                    ("monthly_requests", nil, Array(typed.utf8))])).text
            #expect(page.contains("<a href=\"#f-monthly_requests\">"), "\(typed)")
            #expect(page.contains("id=\"e-monthly_requests\""), "\(typed): the questionnaire's field is marked")
            #expect(page.contains("value=\"\(typed)\""), "\(typed)")
            // The file is to be chosen again, and the form holds what was typed, not the file's figures (filled in, a
            // verdict without the file rested on half of them), nor sizes of "mean 0" a request.
            #expect(page.contains("<a href=\"#usage-file\">Choose the usage file again</a>"), "\(typed)")
            #expect(!page.contains("value=\"0.49\"") && !page.contains("mean 0 ·"), "\(typed)")
        }
    }

    /// The questionnaire's answers go with the file: the form's upload button posts every field beside `usage_file`,
    /// and what was answered is not assumed (a form of its own sent the file alone, and the verdict fell back to the
    /// defaults for the task, the latency and the accuracy typed above it). The form's own GET carries the empty file
    /// field, which is no answer.
    @Test func theAnswersTypedAboveGoWithTheFile() throws {
        let server = try ServerProcess(["--db", ":memory:"], in: repositoryRoot)
        let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "usage.csv")))
        let form = try HTTPConnection(port: server.port).request("GET", "/assess").text
        #expect(form.contains("<input id=\"usage-file\" type=\"file\" name=\"usage_file\" form=\"questionnaire\""))
        #expect(form.contains("<form id=\"questionnaire\"") && !form.contains("<form class=\"upload-form\""))
        let page = try Self.upload(server.port, Self.multipart([
            ("task_type", nil, Array("classification".utf8)), ("latency", nil, Array("batch".utf8)),
            ("accuracy", nil, Array("tolerant".utf8)), ("cost_priority", nil, []), ("usage_file", "usage.csv", csv)])).text
        #expect(page.contains("Verdict") && !page.contains("class=\"error-summary\""), "\(page.prefix(600))")
        let assumed = page.range(of: "<h2 id=\"assumptions-heading\">").map { start in
            String(page[start.lowerBound...]).components(separatedBy: "</section>")[0]
        } ?? ""
        #expect(assumed.contains("</a>: "), "some answer is still assumed: \(assumed.prefix(300))")
        for question in ["What does the workload mostly do?", "How quickly must each answer arrive?", "How much does a wrong answer cost?"] {
            #expect(!assumed.contains(question), "\(question) was answered")
        }
        let get = try HTTPConnection(port: server.port).request("GET", "/assess/result?task_type=chat&usage_file=")
        #expect(get.status == 200)
        // A file chosen but sent with "Get the verdict" (or Enter in a field) is no file: the questionnaire comes back
        // with the answers and asks for the import button, where the verdict came without the file, unsaid.
        let dropped = try HTTPConnection(port: server.port).request("GET", "/assess/result?task_type=chat&usage_file=usage.csv")
        #expect(dropped.status == 400 && dropped.text.contains("“Get the verdict” does not send files"))
        #expect(dropped.text.contains("<a href=\"#usage-file\">Choose the usage file again</a>"))
        #expect(dropped.text.contains("<option value=\"chat\" selected"), "the answer is kept")
        // An API client may send the file itself as a plain `usage` field (no file name): it is the file.
        let plain = try Self.upload(server.port, Self.multipart([("usage", nil, csv)]))
        #expect(plain.status == 200, "\(plain.text.prefix(300))")
        // A form that carries an imported link's distribution (a plain `usage` field) takes a file all the same (it
        // was counted as a second file), and a refusal keeps the distribution for the form.
        let carried = "1-135000-0-15000-500_99-135000-15000-0-500_1130-5000-15000-0-500"
        let withFile = try Self.upload(server.port, Self.multipart([("usage", nil, Array(carried.utf8)), ("usage_file", "usage.csv", csv)]))
        #expect(withFile.status == 200, "\(withFile.text.prefix(400))")
        let noFile = try Self.upload(server.port, Self.multipart([("task_type", nil, Array("chat".utf8)), ("usage", nil, Array(carried.utf8))]))
        #expect(noFile.status == 400 && noFile.text.contains("<input type=\"hidden\" name=\"usage\" value=\"\(carried)\">"))
        let notSent = try HTTPConnection(port: server.port).request("GET", "/assess/result?task_type=chat&usage=\(carried)&usage_file=a.csv")
        #expect(notSent.status == 400 && notSent.text.contains("name=\"usage\" value=\"\(carried)\""))
        // An answer refused beside a file is marked on its own field: the file field is only to be chosen again.
        let badAnswer = try Self.upload(server.port, Self.multipart([("monthly_requests", nil, Array("lots".utf8)),
                                                                     ("usage_file", "usage.csv", csv)])).text
        #expect(badAnswer.contains("Choose the usage file again") && !badAnswer.contains("aria-describedby=\"upload-error\""))
        #expect(badAnswer.contains("id=\"e-monthly_requests\""))
        // Every answer refused beside a file is marked at once, as the questionnaire's GET marks them: one at a time,
        // each fix cost a round trip and the file chosen again.
        let twoBad = try Self.upload(server.port, Self.multipart([("task_type", nil, Array("bogus".utf8)),
                                                                  ("monthly_requests", nil, Array("abc".utf8)),
                                                                  ("usage_file", "usage.csv", csv)])).text
        #expect(twoBad.contains("id=\"e-task_type\"") && twoBad.contains("id=\"e-monthly_requests\""))
        #expect(twoBad.contains("1 more answer needs fixing: each is marked below."))
        // A field too long keeps the answers beside it.
        let longKept = try Self.upload(server.port, Self.multipart([
            ("task_type", nil, Array("classification".utf8)), ("latency", nil, Array(repeating: UInt8(ascii: "x"), count: 5_000)),
            ("accuracy", nil, Array("tolerant".utf8)), ("usage_file", "usage.csv", csv)])).text
        #expect(longKept.contains("<option value=\"classification\" selected") && longKept.contains("<option value=\"tolerant\" selected"))
        // An answer field longer than any answer is refused at once (a 24 MB one was parsed for 6.5 s and echoed whole).
        let long = try Self.upload(server.port, Self.multipart([("monthly_requests", nil, Array(repeating: UInt8(ascii: "9"), count: 10_000)),
                                                                ("usage_file", "usage.csv", csv)]))
        #expect(long.status == 400 && long.text.contains("longer than any answer") && !long.text.contains(String(repeating: "9", count: 5_000)))
        // Every refused upload keeps what was typed beside it: no file, and a file that cannot be read.
        for (parts, words) in [([("task_type", nil as String?, Array("classification".utf8))], "Choose a usage file"),
                               ([("task_type", nil, Array("classification".utf8)), ("usage_file", "bad.csv", Array("not,a\nusage,file\n".utf8))],
                                "could not be imported")] {
            let refused = try Self.upload(server.port, Self.multipart(parts)).text
            #expect(refused.contains(words) && refused.contains("<option value=\"classification\" selected"), "\(words)")
        }
    }

    /// 300 Haiku 5.5 chats in ten bursts, each one write of a 36,000-token prefix and 29 reads: the log shows a cache
    /// that works, so the caching rules hold, though at 337 requests a month spread evenly the average's cache
    /// would lapse (that verdict moved the team to Sonnet 5.5 at twenty times the price).
    @Test func aLogThatShowsCacheReadsKeepsTheCachingCredit() throws {
        var csv = "timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n"
        for burst in 0..<10 {
            for request in 0..<30 {
                let second = burst * 233_280 + request * 5
                let day = 1 + second / 86_400, rest = second % 86_400
                let time = String(format: "2026-11-%02dT%02d:%02d:%02dZ", day, rest / 3600, rest / 60 % 60, rest % 60)
                csv += "\(time),claude-haiku-5-5,3000,200,\(request == 0 ? 0 : 36_000),\(request == 0 ? 36_000 : 0)\n"
            }
        }
        let file = NSTemporaryDirectory() + "burst-\(UUID().uuidString).csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let answers = NSTemporaryDirectory() + "burst-answers-\(UUID().uuidString).json"
        try Data(#"{"task_type": "chat", "as_of": "2026-12-06"}"#.utf8).write(to: URL(fileURLWithPath: answers))
        defer { try? FileManager.default.removeItem(atPath: answers) }
        let run = try runCommand(["haiku-advisor", "assess", "--usage", file, "--answers", answers, "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(document["primary_model"] as? String == "claude-haiku-5-5", "\(document["primary_model"] ?? "-")")
        let reasons = (document["reasons"] as? [[String: Any]] ?? []).compactMap { $0["criterion"] as? String }
        #expect(reasons.contains("cacheable-prompt-share"), "\(reasons)")
    }

    @Test func commandLineAssessesAUsageFile() throws {
        let answers = NSTemporaryDirectory() + "usage-answers-\(UUID().uuidString).json"
        try Data(#"{"as_of": "2026-12-02", "monthly_requests": 448950}"#.utf8).write(to: URL(fileURLWithPath: answers))
        defer { try? FileManager.default.removeItem(atPath: answers) }
        let run = try runCommand(["haiku-advisor", "assess", "--usage", Self.fixtures + "anthropic-usage-1m.json",
                                  "--answers", answers, "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let summary = try #require((document["usage"] as? [String: Any])?["summary"] as? [String: Any])
        #expect(summary["format"] as? String == "anthropic_usage_report")
        #expect(summary["monthly_requests"] as? Double == 448_950)
        #expect(document["verdict"] != nil && document["costs"] != nil)

        let text = try runCommand(["haiku-advisor", "assess", "--usage", Self.fixtures + "usage.csv"])
        #expect(text.status == 0)
        #expect(text.output.contains("prompt tokens (per request): mean 30,569, p50 20,000, p90 20,000, p99 150,000, max 150,000"))

        let missing = try runCommand(["haiku-advisor", "assess", "--usage", Self.fixtures + "anthropic-usage-1m.json"])
        #expect(missing.status == 2 && missing.errors.contains("counts tokens, not requests"))
        let broken = try runCommand(["haiku-advisor", "assess", "--usage", Self.fixtures + "make-fixtures.py"])
        #expect(broken.status == 2 && broken.errors.contains("line 1: expected a header naming the columns"), "\(broken.errors)")
    }
}
