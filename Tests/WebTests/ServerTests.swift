import Foundation
import Testing
import Advisor
@testable import Web

/// The real libmicrohttpd server on a free port, spoken to over TCP.
@Suite(.serialized) struct ServerTests {
    static let server = Server(site: realSite)
    static let port: UInt16 = {
        do { return try server.start(host: "127.0.0.1", port: 0) } catch { fatalError("\(error)") }
    }()

    func connect() throws -> HTTPConnection { try HTTPConnection(port: Self.port) }

    @Test func servesAPageWithCorrectLength() throws {
        let reply = try connect().request("GET", "/")
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
        #expect(Int(reply.headers["content-length"] ?? "") == reply.body.count)
        #expect(reply.headers["x-content-type-options"] == "nosniff")
        #expect(reply.text.contains("</html>"))
    }

    @Test func keepsTheConnectionAliveBetweenRequests() throws {
        let connection = try connect()
        for path in ["/", "/models/", "/api/search?q=rate", "/public/style.css", "/nope"] {
            let reply = try connection.request("GET", path)
            #expect(reply.status == (path == "/nope" ? 404 : 200), "\(path)")
            #expect(reply.headers["connection"]?.lowercased() != "close", "\(path)")
        }
        #expect(!connection.isClosedByServer())
    }

    @Test func searchOverHTTPDecodesTheQuery() throws {
        let reply = try connect().request("GET", "/api/search?q=rate+limits&limit=2")
        #expect(reply.status == 200)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any])
        #expect(body["query"] as? String == "rate limits")
    }

    @Test func staticFileAndConditionalRequest() throws {
        let connection = try connect()
        let first = try connection.request("GET", "/public/style.css")
        #expect(first.status == 200)
        #expect(first.headers["content-type"] == "text/css; charset=utf-8")
        let etag = try #require(first.headers["etag"])
        let second = try connection.request("GET", "/public/style.css", headers: ["If-None-Match": etag])
        #expect(second.status == 304)
        // A 304 keeps the 200's caching (it dropped Cache-Control); the next answer on the connection reads clean.
        #expect(second.headers["cache-control"] == first.headers["cache-control"])
        #expect(second.headers["transfer-encoding"] == nil)
        #expect(try connection.request("GET", "/healthz").status == 200)
        // Weak comparison: a tag a proxy weakened still matches; another tag does not.
        #expect(try connection.request("GET", "/public/style.css", headers: ["If-None-Match": "W/" + etag]).status == 304)
        #expect(try connection.request("GET", "/public/style.css", headers: ["If-None-Match": "W/\"0\", \"1\""]).status == 200)
        #expect(try connection.request("GET", "/public/%2e%2e/Package.swift").status == 404)
    }

    /// A proxy sends the target in absolute form (RFC 9112 §3.2.2); a server must accept it as the path it names.
    @Test func absoluteFormTargetsAreTheirPath() throws {
        let connection = try connect()
        let models = try connection.request("GET", "http://127.0.0.1:\(Self.port)/models/")
        #expect(models.status == 200)
        #expect(models.text.contains("Claude Haiku"))
        #expect(try connection.request("GET", "HTTPS://example.com/api/search?q=429").status == 200)
        #expect(try connection.request("GET", "http://example.com").status == 200)
        #expect(try connection.request("GET", "http://example.com/no/such/page").status == 404)
    }

    @Test func notFoundAndMethodNotAllowed() throws {
        let connection = try connect()
        #expect(try connection.request("GET", "/no/such/page").status == 404)
        let post = try connection.request("POST", "/models/", body: Array("x".utf8))
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
    }

    @Test func headHasTheHeadersButNoBody() throws {
        let connection = try connect()
        let get = try connection.request("GET", "/guides/")
        let head = try connection.request("HEAD", "/guides/")
        #expect(head.status == 200)
        #expect(head.headers["content-length"] == get.headers["content-length"])
        #expect(head.body.isEmpty)
    }

    @Test func oversizedBodyIs413() throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 70 * 1024)
        let reply = try connect().request("POST", "/api/assess", headers: ["Content-Type": "application/json"], body: body)
        #expect(reply.status == 413)
        #expect(reply.headers["content-type"] == "application/json")
    }

    /// A client that asks leave to send (`Expect: 100-continue`) a body over the limit is refused before it sends
    /// any: it is not told to go on and upload it all for nothing. (Without the header the body is read and dropped,
    /// `oversizedBodyIs413`.)
    @Test func aBodyOverTheLimitIsRefusedBeforeItIsSentWhenTheClientAsksFirst() throws {
        for (path, length, type, limit) in [("/api/assess", "10000000000", "application/json", "64 KiB"),
                                            ("/assess", "41943040", "text/html; charset=utf-8", "32 MiB")] {
            let connection = try connect()
            try connection.send(Array(("POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                       + "Expect: 100-continue\r\nContent-Length: \(length)\r\n\r\n").utf8))
            let reply = try connection.readReply()
            #expect(reply.status == 413, "\(path) \(length)")
            #expect(reply.headers["content-type"] == type)
            #expect(reply.text.contains(limit), "\(reply.text.prefix(200))")
            #expect(reply.headers["connection"]?.lowercased() == "close")
            // The upload form's refusal comes back on the questionnaire, with the form to send a smaller file (the
            // generic error page had none).
            if path == "/assess" { #expect(reply.text.contains("<input id=\"usage-file\" type=\"file\"")) }
        }
        // Within the limit, the client is told to go on, and its body is read and answered.
        let connection = try connect()
        let body = #"{"task_type":"chat"}"#
        try connection.send(Array(("POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   + "Expect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n").utf8))
        let goOn = try connection.readReply()
        #expect(goOn.status == 100)
        try connection.send(Array(body.utf8))
        #expect(try connection.readReply().status == 200)
    }

    @Test func aRequestLineWithThousandsOfParametersGets414AtOnce() throws {
        let query = (0..<2_000).map { "a\($0)=\($0)" }.joined(separator: "&")
        for (path, type) in [("/api/assess?" + query, "application/json"), ("/assess/result?" + query, "text/html; charset=utf-8"),
                             ("/search?q=" + String(repeating: "a", count: 9_000), "text/html; charset=utf-8")] {
            let started = Date()
            let reply = try connect().request("GET", path)
            #expect(reply.status == 414, "\(path.prefix(20))")
            #expect(reply.headers["content-type"] == type)
            #expect(reply.headers["connection"]?.lowercased() == "close")
            #expect(Date().timeIntervalSince(started) < 2, "answered at once, not after the connection timeout")
        }
        // The server goes on serving, and an ordinary long result link is fine.
        #expect(try connect().request("GET", "/assess/result?task_type=chat&monthly_requests=3000&complex_share=0.15").status == 200)
    }

    /// The connection's memory (`memoryPerConnection`) holds the request line and headers. A long result link with
    /// 20 KB of cookies (localhost's cookie jar is shared by every local app) is answered, as nginx's default
    /// buffers would; the pool is not larger, because libmicrohttpd zeroes all of it after every request.
    @Test func aLongLinkWithLargeCookiesIsAnswered() throws {
        let link = "/assess/result?task_type=chat&monthly_requests=3000&" + (0..<60).map { "p\($0)=" + String(repeating: "x", count: 60) }.joined(separator: "&")
        let cookies = (0..<5).map { "c\($0)=" + String(repeating: "z", count: 4_000) }.joined(separator: "; ")
        let reply = try connect().request("GET", link, headers: ["Cookie": cookies])
        #expect(reply.status == 400, "the unknown answers are refused by the page, not the headers by the server")
        #expect(reply.text.contains("is not a question"), "\(reply.text.prefix(300))")
        let page = try connect().request("GET", "/assess/result?task_type=chat&monthly_requests=3000", headers: ["Cookie": cookies])
        #expect(page.status == 200)
    }

    @Test func invalidUTF8InTheQueryIs400() throws {
        let reply = try connect().request("GET", "/api/search?q=%FF%FE")
        #expect(reply.status == 400)
        let page = try connect().request("GET", "/search?q=%C3%28")
        #expect(page.status == 400)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
    }

    @Test func nulAndHostileBytesNeverCauseA5xx() throws {
        let connection = try connect()
        for target in ["/search?q=%00", "/api/search?q=%22%00NEAR(", "/assess/result?task_type=%00", "/compare?models=%3Cscript%3E",
                       "/calculator?monthly_requests=1e400", "/api/assess?latency=%27%22%3E"] {
            let reply = try connection.request("GET", target)
            #expect(reply.status < 500, "\(target)")
            #expect(!reply.text.contains("<script>"), "\(target)")
        }
    }

    /// A small usage upload to the API and to the page: both told to come back (503, Retry-After), as JSON and as the
    /// questionnaire with the message.
    func expectUploadsToldToComeBack() throws {
        let body = UsageUploadTests.multipart([("usage", "usage.csv", Array("timestamp,model,input_tokens,output_tokens\n1,claude-haiku-4-5,1,1\n".utf8))])
        let headers = ["Content-Type": "multipart/form-data; boundary=haikuBoundary42"]
        let api = try connect().request("POST", "/api/assess", headers: headers, body: body)
        #expect(api.status == 503 && api.headers["retry-after"] == "5")
        #expect(api.text.contains("\"code\":\"usage_busy\""), "\(api.text)")
        let page = try connect().request("POST", "/assess", headers: headers, body: body)
        #expect(page.status == 503 && page.headers["retry-after"] == "5")
        #expect(page.text.contains("Too many usage files are being imported right now"))
    }

    /// Two imports at once at most: a third upload is told to come back (503, Retry-After) at once, as JSON or as the
    /// questionnaire with the message, and pages are answered meanwhile.
    @Test func uploadsPastTheImportLimitAreToldToComeBack() throws {
        let gate = realSite.advisor.importGate
        #expect(gate.enter() && gate.enter())
        defer { gate.leave(); gate.leave() }
        try expectUploadsToldToComeBack()
        #expect(try connect().request("GET", "/healthz").status == 200)
        #expect(!gate.enter())
    }

    /// A link that carries a usage profile is priced group by group on every model, up to twenty times a plain
    /// verdict: it takes an import's place, so with both places held it is told to come back (503, Retry-After) in the
    /// route's format, while the same answers without the profile, and `/healthz`, are answered. A hundred such links
    /// at once kept `/healthz` waiting 13 s. A site of its own, so that the places held here are no other test's.
    @Test func linksPricedOnUsagePastTheImportLimitAreToldToComeBack() throws {
        let site = try SiteBuilder.build(SitePaths(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates",
                                                   publicFiles: repositoryRoot + "/public", database: ":memory:",
                                                   today: CivilDate.day("2026-11-28")))
        let router = Router(site: site)
        func get(_ target: String) -> Response {
            router.respond(to: Request(method: "GET", path: String(target.prefix { $0 != "?" }),
                                       query: pairs(String(target.drop { $0 != "?" }.dropFirst()))))
        }
        let usage = "usage=" + (0..<64).map { "\($0 + 1)-\($0 * 997 + 1)-\($0 * 13)-0-\($0 * 7 + 1)" }.joined(separator: "_")
        let gate = site.advisor.importGate
        #expect(gate.enter() && gate.enter())
        let api = get("/api/assess?task_type=chat&" + usage)
        #expect(api.status == 503 && api.headers.contains { $0 == ("Retry-After", "5") })
        let body = String(decoding: api.body, as: UTF8.self)
        #expect(body.contains("\"code\":\"usage_busy\"") && body.contains("priced on usage data"), "\(body)")
        #expect(get("/assess/result?task_type=chat&" + usage).status == 503)
        #expect(get("/assess/result?task_type=chat").status == 200 && get("/healthz").status == 200)
        // A route that prices nothing is not held to it, whatever its query says.
        #expect(get("/healthz?" + usage).status == 200 && get("/models/?" + usage).status != 503)
        gate.leave(); gate.leave()
        // The refused requests took nothing: with the places free the link is answered, and gives its place back.
        #expect(get("/api/assess?task_type=chat&" + usage).status == 200)
        #expect(gate.enter() && gate.enter() && !gate.enter())
        gate.leave(); gate.leave()
    }

    /// Uploads held in memory while they arrive are capped too: with every place taken, another upload's body is
    /// read and dropped and it is told to come back, before any import starts; an ordinary JSON body is not held to
    /// it. (120 slow uploads of 31 MiB each took the server to 4.2 GB.)
    @Test func uploadsPastTheReceivingLimitAreDroppedAndToldToComeBack() throws {
        let gate = ImportGate.receiving
        var taken = 0
        while gate.enter() { taken += 1 }
        defer { for _ in 0..<taken { gate.leave() } }
        #expect(taken == gate.limit)
        try expectUploadsToldToComeBack()
        let json = try connect().request("POST", "/api/assess", headers: ["Content-Type": "application/json"],
                                         body: Array("{\"task_type\":\"chat\"}".utf8))
        #expect(json.status == 200)
    }

    /// A path that is not UTF-8 is refused in the route's own format: JSON under /api/ (README.md, "Limits and failure
    /// behaviour"), a page elsewhere.
    @Test func anUndecodablePathIsRefusedInTheRoutesFormat() throws {
        for (prefix, json) in [("/api/search", true), ("/models", false)] {
            let connection = try connect()
            try connection.send(Array("GET \(prefix)/".utf8) + [0xFF, 0xFE] + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            let reply = try connection.readReply()
            #expect(reply.status == 400, "\(prefix)")
            #expect(reply.headers["content-type"] == (json ? "application/json" : "text/html; charset=utf-8"), "\(prefix)")
        }
    }

    @Test func theImportGateLetsInItsLimitAndNoMore() {
        let gate = ImportGate(limit: 2)
        #expect(gate.enter() && gate.enter() && !gate.enter())
        gate.leave()
        #expect(gate.enter() && !gate.enter())
    }

    /// Framing two readers could take differently is refused at once, before any body is read: two Content-Length
    /// headers were accepted (the first won), and a Transfer-Encoding other than chunked got no answer for 15 s.
    @Test func ambiguousFramingIsRefusedAtOnce() throws {
        for head in ["Content-Length: 2\r\nContent-Length: 30", "Transfer-Encoding: identity", "Transfer-Encoding: gzip, chunked"] {
            let connection = try connect()
            try connection.send(Array("POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\(head)\r\n\r\n{}".utf8))
            let started = ContinuousClock.now
            let reply = try connection.readReply()
            #expect(reply.status == 400 && ContinuousClock.now - started < .seconds(5), "\(head)")
            #expect(reply.text.contains("Content-Length") || reply.text.contains("Transfer-Encoding"), "\(reply.text)")
        }
        // The shapes of request smuggling (RFC 9112 §5.1, §6.1, §6.3): both framings together, either twice, a
        // Transfer-Encoding from an HTTP/1.0 client, white space before a header's colon. Each was framed by one
        // of its readings and the bytes after it answered as a second request on the same connection.
        let smuggled = [
            ("HTTP/1.1", "Content-Length: 5\r\nTransfer-Encoding: chunked", "0\r\n\r\n", "both a Content-Length and a Transfer-Encoding"),
            ("HTTP/1.1", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked", "0\r\n\r\n", "more than one Transfer-Encoding"),
            ("HTTP/1.1", "Transfer-Encoding : chunked\r\nContent-Length: 2", "{}", "white space between its name and the colon"),
            ("HTTP/1.0", "Transfer-Encoding: chunked", "2\r\n{}\r\n0\r\n\r\n", "HTTP/1.0 request cannot send a Transfer-Encoding"),
            ("HTTP/1.1", "Host: y\r\nContent-Length: 2", "{}", "more than one Host header"),
        ]
        // Whatever the path: one that is not UTF-8 (`%FF`) skipped the checks and was answered as a bad address, with
        // the smuggled request after it.
        for (version, head, body, message) in smuggled {
            for target in ["/api/assess", "/x%FF"] {
                let connection = try connect()
                try connection.send(Array(("POST \(target) \(version)\r\nHost: x\r\nContent-Type: application/json\r\n\(head)\r\n\r\n\(body)"
                                           + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").utf8))
                let reply = try connection.readReply()
                #expect(reply.status == 400 && reply.text.contains(message), "\(target) \(head): \(reply.status) \(reply.text)")
                let next = try? connection.readReply()
                #expect(next == nil, "\(target) \(head): the bytes after it were answered as a request: \(next?.status ?? 0)")
            }
        }
        // An HTTP/1.1 request names its host (RFC 9112 §3.2); HTTP/1.0 need not.
        let hostless = try connect()
        try hostless.send(Array("GET /healthz HTTP/1.1\r\n\r\n".utf8))
        let refused = try hostless.readReply()
        #expect(refused.status == 400 && refused.text.contains("must send a Host header"), "\(refused.text)")
        let old = try connect()
        try old.send(Array("GET /healthz HTTP/1.0\r\n\r\n".utf8))
        #expect(try old.readReply().status == 200)
        // MHD answers HTTP/1.2 as HTTP/1.1: it names its host too.
        let later = try connect()
        try later.send(Array("GET /healthz HTTP/1.2\r\n\r\n".utf8))
        #expect(try later.readReply().status == 400)
        // Chunked still works.
        let chunked = try connect()
        try chunked.send(Array(("POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "14\r\n{\"task_type\":\"chat\"}\r\n0\r\n\r\n").utf8))
        #expect(try chunked.readReply().status == 200)
    }

    /// %00 in a path ended the C string the handler read: /healthz%00xyz was answered as /healthz, and a file or a
    /// page in another format was served under a name with more after the NUL. It now matches nothing; in a query
    /// value it is text, refused by the field's check, and never a NUL byte in a page.
    @Test func aNulInThePathMatchesNothing() throws {
        let connection = try connect()
        for target in ["/healthz%00xyz", "/public/style.css%00.html", "/models/claude-haiku-4-5%00.md",
                       "/assess/result%00.csv?task_type=chat", "/api/pages/models/claude-haiku-4-5%00x"] {
            #expect(try connection.request("GET", target).status == 404, "\(target)")
        }
        let compare = try connection.request("GET", "/compare?models=claude-haiku-4-5%00")
        #expect(compare.status < 500 && !compare.body.contains(0), "\(compare.status)")
        #expect(try connection.request("GET", "/api/assess?task_type=chat%00").status == 400)
        #expect(try connection.request("GET", "/healthz").status == 200)
    }

    /// A model that does not exist is named in quotes a reader sees as quotes: the Markdown backticks it had showed
    /// literally on the page ("There is no model `nonsense`").
    @Test func compareNamesAnUnknownModelInQuotes() throws {
        let page = try connect().request("GET", "/compare?models=claude-haiku-4-5,nonsense").text
        #expect(page.contains("There is no model “nonsense”. Choose from the list below."))
        #expect(!page.contains("`nonsense`"))
        // The Haiku set beside one model is said, not added unsaid.
        let one = try connect().request("GET", "/compare?models=gpt-6-luna").text
        #expect(one.contains("One model compares with nothing, so Claude Haiku 5.5 is set beside it."))
    }

    /// An unknown model and an answer the page cannot read are both said (the answer's error hid the model's), and
    /// the answers are not lost: a link takes them, as given, to the questionnaire, which can correct them.
    @Test func compareSaysEveryErrorAndKeepsTheAnswers() throws {
        let reply = try connect().request("GET", "/compare?models=claude-haiku-5-5,nosuch&monthly_requests=abc&task_type=rag")
        #expect(reply.status == 400)
        let page = reply.text
        #expect(page.contains("There is no model “nosuch”. Choose from the list below. “How many requests a month"))
        #expect(page.contains("The costs below are the default workload's. <a href=\"/assess?monthly_requests=abc&amp;task_type=rag\">"))
        let questionnaire = try connect().request("GET", "/assess?monthly_requests=abc&task_type=rag").text
        #expect(questionnaire.contains("value=\"abc\"") && questionnaire.contains("<option value=\"rag\" selected>"))
        // The link carries the imported distribution too, and a bad distribution alone is sent back as given.
        let imported = try connect().request("GET", "/compare?models=claude-haiku-5-5&monthly_requests=abc&usage=100-2000-0-0-300").text
        #expect(imported.contains("<a href=\"/assess?monthly_requests=abc&amp;usage=100-2000-0-0-300\">"))
        // Answers it reads give no such link.
        let fine = try connect().request("GET", "/compare?models=claude-haiku-5-5&monthly_requests=5000").text
        #expect(!fine.contains("Correct your answers in the questionnaire"))
    }
}
