import Foundation
import Search
import Synchronization
import Testing
@testable import Web
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, against the real executable: nothing a file, a second process or a signal does makes the server hang
/// or answer wrongly. Each test starts its own `serve --port 0` in a temporary directory.
@Suite(.serialized) struct RobustnessTests {
    /// `{"results":[{"url":...}],"total":...}` of `/api/search` as (first url, total).
    func topResult(_ port: UInt16, _ query: String) throws -> (url: String, total: Int)? {
        let reply = try HTTPConnection(port: port).request("GET", "/api/search?q=\(query)&limit=1")
        guard reply.status == 200, let body = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any],
              let url = (body["results"] as? [[String: Any]])?.first?["url"] as? String, let total = body["total"] as? Int
        else { return nil }
        return (url, total)
    }

    /// Files the process holds open that were deleted (`/proc/PID/fd` links ending in " (deleted)").
    func deletedOpenFiles(_ pid: Int32) -> [String] {
        let directory = "/proc/\(pid)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap { entry in
            let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\(entry)")
            return target.flatMap { $0.hasSuffix(" (deleted)") ? $0 : nil }
        }
    }

    // MARK: - The four failures

    @Test func sigtermRefusesNewConnectionsAndLetsRequestsInFlightFinishUntilTheDeadline() throws {
        let server = try ServerProcess(["--db", ":memory:", "--shutdown-deadline", "2"], in: repositoryRoot)
        // Two slow clients: each has sent its request line and a header, not the blank line that ends the request.
        let finishing = try HTTPConnection(port: server.port), stalled = try HTTPConnection(port: server.port)
        for client in [finishing, stalled] { try client.send(Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)) }
        Thread.sleep(forTimeInterval: 0.3)
        let signalled = Date()
        server.signal(SIGTERM)
        #expect(server.eventually(seconds: 3) { server.log.contains("waiting up to 2 s for 2 request(s) in flight") }, "\(server.log)")
        // New connections are refused at once, not left hanging.
        #expect(throws: HTTPConnection.Failure.connect) { try HTTPConnection(port: server.port) }
        // The one that finishes its request within the deadline gets its whole answer.
        try finishing.send(Array("\r\n".utf8))
        let reply = try finishing.readReply()
        #expect(reply.status == 200 && reply.text == "ok\n")
        // The other is cut short at the deadline, and the process exits, saying so.
        #expect(server.waitForExit(seconds: 6))
        #expect(Date().timeIntervalSince(signalled) < 5)
        #expect(server.process.terminationStatus == 0)
        #expect(server.log.contains("stopped: 1 request(s) cut short at the 2 s deadline"), "\(server.log)")
    }

    @Test func indexUnderALiveServeIsSwitchedToWholeAndNeverMixedWithTheOldIds() throws {
        let site = try SiteCopy()
        let db = site.root + "/site.db"
        let server = try ServerProcess(["--db", db], in: site.root)
        let before = try #require(try topResult(server.port, "accuracy"))
        #expect(before.url == "/criteria/accuracy-requirement")
        // Other content: one more guide, sorted before every other, so every later page and section id shifts by one.
        let other = try SiteCopy(["content"])
        try other.write("content/guides/aardvark.md", "---\ntitle: Aardvark\nsummary: First.\nupdated: \"2026-11-21\"\norder: 0\n---\nNothing.\n")
        let index = try runCommand(["haiku-advisor", "index", "--content", other.root + "/content", "--db", db])
        #expect(index.status == 0, "\(index.errors)")
        // 200 searches from 8 clients at once, right after the rename: each one sees one generation, whole.
        let answers = Mutex<[String]>([])
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<25 {
                let answer = (try? topResult(port, "accuracy")).flatMap { $0 }.map { "\($0.url) \($0.total)" } ?? "failed"
                answers.withLock { $0.append(answer) }
            }
        }
        let wrong = answers.withLock { $0 }.filter { $0 != "\(before.url) \(before.total)" }
        #expect(wrong.isEmpty, "\(wrong.count) of 200 searches answered wrongly: \(Set(wrong))")
        // Built from another folder, the new file is not served: its search would link to a page this server does not
        // have (`/guides/aardvark` answered 404). Its own content unchanged, the server keeps the index it opened, and
        // says so once: it does not write its own over the file (two servers on one `--db` did, each second, for good).
        let kept = "belongs to other content: still serving the one opened before"
        #expect(server.eventually { server.log.contains(kept) }, "\(server.log)")
        #expect(server.log.contains("a new index was written to \(db) (generation "), "\(server.log)")
        #expect(try topResult(server.port, "aardvark")?.url != "/guides/aardvark")
        #expect(try topResult(server.port, "accuracy")?.url == before.url)
        Thread.sleep(forTimeInterval: 2.5)
        #expect(server.log.components(separatedBy: kept).count == 2, "said once: \(server.log)")
        #expect(!server.log.contains("site rebuilt"), "\(server.log)")
        // The same page added to the content it serves, and indexed: switched to, whole (its aardvark page is found,
        // and opens), and the replaced files are closed: no space held.
        try site.write("content/guides/aardvark.md", "---\ntitle: Aardvark\nsummary: First.\nupdated: \"2026-11-21\"\norder: 0\n---\nNothing.\n")
        let own = try runCommand(["haiku-advisor", "index", "--content", site.root + "/content", "--db", db])
        #expect(own.status == 0, "\(own.errors)")
        #expect(server.eventually { (try? topResult(server.port, "aardvark"))?.url == "/guides/aardvark" }, "\(server.log)")
        #expect(try HTTPConnection(port: server.port).request("GET", "/guides/aardvark").status == 200)
        #expect(server.eventually(seconds: 5) { deletedOpenFiles(server.process.processIdentifier).isEmpty },
                "\(deletedOpenFiles(server.process.processIdentifier))")
    }

    @Test func aSixDeepAliasBombIsRefusedAtItsAnchorInsteadOfExpanding() throws {
        let content = try SiteCopy([])
        var lines = ["---", "title: Bomb", "summary: Six levels of aliases.", "updated: \"2026-11-21\"", "criterion:",
                     "  rules:", "    - effect: 1", "      text: boom", "      when:", "        all:",
                     "          - &c0 {answer: task_type, equals: chat}"]
        for level in 1...6 {
            lines.append("          - &c\(level) {all: [\(Array(repeating: "*c\(level - 1)", count: 10).joined(separator: ", "))]}")
        }
        try content.write("content/criteria/bomb.md", (lines + ["---", "Body."]).joined(separator: "\n"))
        let started = Date()
        let check = try runCommand(["haiku-advisor", "check", "--content", content.root + "/content"], seconds: 30)
        #expect(!check.timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(check.status == 1)
        #expect(check.output.contains("\(content.root)/content/criteria/bomb.md:11: YAML anchor `&c0`"), "\(check.output)")
    }

    // MARK: - The smaller ones

    @Test func aDatabaseCorruptedWhileServingAnswers503ThenIsRebuiltFromTheContent() throws {
        let directory = try SiteCopy([])
        let db = directory.root + "/site.db"
        let server = try ServerProcess(["--db", db, "--today", "2026-11-28"], in: repositoryRoot)
        #expect(try topResult(server.port, "accuracy") != nil)
        // Overwrite the file in place (same inode, as a bad disk or a stray `dd` would).
        let size = try #require(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int)
        let handle = try #require(FileHandle(forWritingAtPath: db))
        handle.write(Data((0..<size).map { _ in UInt8.random(in: 0...255) }))
        try handle.close()
        let health = try server.get("/healthz")
        #expect(health.status == 503, "\(health.text)")
        #expect(health.text.contains(db))
        #expect(health.headers["retry-after"] == "5")
        let search = try server.get("/api/search?q=accuracy")
        #expect(search.status == 503 || server.log.contains("search index rebuilt"))
        #expect(search.status != 500)
        #expect(try server.eventually { try server.get("/healthz").status == 200 })
        #expect(try topResult(server.port, "accuracy")?.url == "/criteria/accuracy-requirement")
        #expect(server.log.contains("the search index is damaged"), "\(server.log)")
        #expect(server.log.contains("rebuilding it from the content"))
    }

    @Test func aReadOnlyDatabaseDirectoryWithACurrentIndexIsServedReadOnly() throws {
        let site = try SiteCopy()
        let directory = site.root + "/db"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let db = directory + "/site.db"
        #expect(try runCommand(["haiku-advisor", "index", "--content", site.root + "/content", "--db", db]).status == 0)
        chmod(directory, 0o555)
        defer { chmod(directory, 0o755) }
        // root writes anywhere: the server runs as nobody, for whom the directory is read-only.
        let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        do {
            let server = try ServerProcess(["--db", db], in: site.root, prefix: prefix)
            #expect(try server.get("/healthz").status == 200)
            #expect(try topResult(server.port, "accuracy")?.url == "/criteria/accuracy-requirement")
            // A current index is opened as it is: nothing is written, so nothing fails.
            #expect(!server.log.contains("cannot write"), "\(server.log)")
        }
        // Once the content changes, that index is not current: refused, naming the file and what failed.
        try site.write("content/guides/new-page.md", "---\ntitle: New\nsummary: New.\nupdated: \"2026-11-21\"\n---\nNew.\n")
        #expect {
            try ServerProcess(["--db", db], in: site.root, prefix: prefix)
        } throws: { error in
            guard case ServerProcess.ServerFailure.didNotStart(let log) = error else { return false }
            return log.contains("cannot write \(db): ") && !log.contains("SQLite error 14")
        }
    }

    @Test func diskFullNamesTheFileAndLeavesNothingBehind() throws {
        let site = try SiteCopy([])
        let db = site.root + "/site.db"
        // RLIMIT_FSIZE stands in for a full disk: 201 KiB is not a whole number of pages, so a write is cut short,
        // which SQLite reports as SQLITE_FULL.
        let limited = ["/bin/bash", "-c", "trap '' XFSZ; ulimit -f 201; exec \"$0\" \"$@\""]
        let index = try runCommand(limited + [CommandLineTests.binary, "index", "--db", db])
        #expect(index.status == 1)
        #expect(index.errors.contains("cannot write \(db): disk full"), "\(index.errors)")
        #expect(!index.errors.contains("INSERT") && !index.errors.contains("CREATE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root).isEmpty)
    }

    @Test func underWatchAnIndexThatCannotBeWrittenIsRetriedNotCalledAContentError() throws {
        let site = try SiteCopy()
        let directory = site.root + "/db"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The server runs as nobody when the tests run as root, so that a directory mode can stop its writes.
        let asRoot = getuid() == 0
        if asRoot { chown(directory, 65534, 65534) }
        let prefix = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let server = try ServerProcess(["--db", directory + "/site.db", "--watch"], in: site.root, prefix: prefix)
        chmod(directory, 0o555)
        defer { chmod(directory, 0o755) }
        try site.write("content/guides/later.md", "---\ntitle: Later\nsummary: Later.\nupdated: \"2026-11-21\"\n---\nLater.\n")
        #expect(server.eventually(seconds: 20) { server.log.contains("the index cannot be written") }, "\(server.log)")
        #expect(!server.log.contains("content has errors"))
        #expect(try server.get("/guides/later").status == 404)
        // Writable again (space freed): the next retry succeeds without another edit.
        chmod(directory, 0o755)
        #expect(try server.eventually(seconds: 20) { try server.get("/guides/later").status == 200 }, "\(server.log)")
    }

    @Test func sighupRereadsTheContentAndAbortedClientsAreCountedNotLogged() throws {
        let site = try SiteCopy()
        let server = try ServerProcess(["--db", ":memory:"], in: site.root)
        let page = site.root + "/content/guides/monitoring.md"
        let original = try String(contentsOfFile: page, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "\n---\n", with: "\n---\nRe-read on SIGHUP.\n\n", options: [], range: original.range(of: "\n---\n"))
        try edited.write(toFile: page, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        #expect(try server.eventually { try server.get("/guides/monitoring").text.contains("Re-read on SIGHUP.") }, "\(server.log)")
        #expect(server.process.isRunning)
        // Printed just after the new site is swapped in.
        #expect(server.eventually { server.log.contains("SIGHUP: site rebuilt") }, "\(server.log)")
        // Twenty clients that send half a request and reset the connection.
        for _ in 0..<20 {
            let client = try HTTPConnection(port: server.port)
            try client.send(Array("GET /search?q=rate HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8))
            Thread.sleep(forTimeInterval: 0.05)
            client.abort()
        }
        Thread.sleep(forTimeInterval: 0.5)
        server.signal(SIGTERM)
        #expect(server.waitForExit(seconds: 15))
        let log = server.log
        #expect(log.contains("client connection(s) ended before their answer was sent"), "\(log)")
        #expect(!log.contains("remote peer") && !log.contains("Failed to"))
    }

    /// Every reload asked for gets an outcome: a second SIGHUP with the same broken page printed "re-reading" and
    /// nothing after, so an operator could not tell a finished reload from a hung one.
    @Test func aRepeatedSighupOnTheSameErrorsSaysSo() throws {
        let site = try SiteCopy()
        let server = try ServerProcess(["--db", ":memory:"], in: site.root)
        try site.write("content/guides/broken.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        server.signal(SIGHUP)
        #expect(server.eventually { server.log.contains("SIGHUP but the content has errors; still serving the last good version") }, "\(server.log)")
        server.signal(SIGHUP)
        #expect(server.eventually { server.log.contains("SIGHUP but the content has the same errors as before; still serving the last good version") },
                "\(server.log)")
        #expect(try server.get("/healthz").status == 200)
    }

    @Test func aMissingPublicOrTemplatesDirectoryIsAnErrorAtStart() throws {
        for (flag, value) in [("--public", "/nonexistent-public"), ("--templates", "/nonexistent-templates")] {
            let run = try runCommand(["haiku-advisor", "serve", "--port", "0", "--db", ":memory:", flag, value], seconds: 30)
            #expect(run.status == 1)
            #expect(run.errors.contains("\(value): directory not found (pass \(flag) DIR"), "\(run.errors)")
            #expect(!run.output.contains("listening"))
        }
    }

    @Test func checkRefusesAPageOverTheSizeLimitWithItsSizeAndTheLimit() throws {
        let content = try SiteCopy([])
        try content.write("content/guides/big.md", "---\ntitle: Big\nsummary: Big.\nupdated: \"2026-11-21\"\n---\n"
                                                   + String(repeating: "word ", count: 30_000))
        let check = try runCommand(["haiku-advisor", "check", "--content", content.root + "/content", "--max-page-kib", "64"])
        #expect(check.status == 1)
        #expect(check.output.contains("big.md:1: the page is 146.5 KiB"), "\(check.output)")
        #expect(check.output.contains("over the limit of 64.0 KiB"))
    }
}

/// A search over its time budget is a 503 with Retry-After, on the page and in the API; never a 500.
struct SearchBudgetWebTests {
    @Test func overBudgetIs503WithRetryAfter() throws {
        let index = try SearchIndex.build(realSite.library, at: ":memory:", settings: SearchSettings(queryBudgetMs: 0))
        let router = Router(site: try realSite.replacing(index: index))
        let api = router.respond(to: Request(path: "/api/search", query: [("q", "rate limits")]))
        #expect(api.status == 503)
        #expect(api.header("Retry-After") == "1")
        #expect(api.text.contains("\"code\":\"search_over_budget\""))
        let page = router.respond(to: Request(path: "/search", query: [("q", "rate limits")]))
        #expect(page.status == 503)
        #expect(page.header("Retry-After") == "1")
        #expect(page.text.contains("longer than its budget"))
    }

    @Test func searchLeavesOneWorkerForPages() {
        let limits = ServerLimits()
        #expect(limits.threads >= 4)
        #expect(limits.searchConnections == limits.threads - 1)
    }
}
