import Foundation
import Testing

/// `haiku-advisor scan` on a small repository this test writes: text, JSON and SARIF, `.gitignore`, skipped
/// files and exit codes. The lifecycles are the real content's, judged on a pinned day.
@Suite(.serialized) struct ScanCommandTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A fixture repository: ids in code and config, ignored files, a binary and a file over the size limit.
    static let repository: String = {
        let repo = NSTemporaryDirectory() + "haiku-scan-\(UUID().uuidString)"
        let files: [String: String] = [
            ".gitignore": "build/\n*.log\n!keep.log\n",
            "src/app.py": "MODEL = \"claude-3-5-haiku-20241022\"\nFAST = 'claude-haiku-5-5'\n",
            "src/é.ts": "const m = \"é\" + \"us.anthropic.claude-haiku-4-5-20251001-v1:0\";\n",
            "config/models.yaml": "primary: gpt-4o-mini-2024-07-18\nvertex: claude-haiku-4-5@20251001\n",
            "config/.gitignore": "secret.yaml\n",
            "config/secret.yaml": "model: claude-3-haiku-20240307\n",
            "build/out.js": "claude-3-haiku-20240307\n",
            "debug.log": "claude-3-haiku-20240307\n",
            "keep.log": "nothing here\n",
        ]
        for (path, text) in files {
            let full = repo + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
        }
        try? FileManager.default.createDirectory(atPath: repo + "/.git", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: repo + "/.git/config", contents: Data("claude-3-haiku-20240307".utf8))
        FileManager.default.createFile(atPath: repo + "/logo.png", contents: Data([0x89, 0x50, 0, 0] + Array("claude-3-haiku-20240307".utf8)))
        FileManager.default.createFile(atPath: repo + "/big.txt",
                                       contents: Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1))
        return repo
    }()

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    func scan(_ arguments: [String], content: Bool = true) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.root + "/.build/debug/haiku-advisor")
        process.arguments = ["scan"] + (content ? ["--content", Self.root + "/content"] : []) + ["--as-of", "2026-12-02"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.repository)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    /// A file named on the command line over the size limit is not passed as scanned: skipped like a large file
    /// in a folder, a big config full of retired ids gave "None fails" and exit 0.
    @Test func aNamedFileTooLargeToScanFailsTheScan() throws {
        let named = try scan(["big.txt"])
        #expect(named.status == 2)
        #expect(named.errors.contains("big.txt: not scanned: it is larger than the 1 MiB a file may be"), "\(named.errors)")
        #expect(!named.output.contains("None fails"))
        // Met while walking a folder, it is counted as skipped, as before.
        #expect(try scan(["."]).output.contains("1 larger than 1 MiB"))
    }

    @Test func textListsEachIdAtPathLineColumnWithItsLifecycle() throws {
        let run = try scan([])
        #expect(run.status == 1, "a retired model fails by default: \(run.output)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("src/app.py:1:10: error: claude-3-5-haiku-20241022 is Claude 3.5 Haiku, retired since 2026-02-19") })
        #expect(lines.contains { $0.hasPrefix("src/app.py:2:9: info: claude-haiku-5-5 is Claude Haiku 5.5, active") })
        // Columns count characters: the é before the id is one.
        #expect(lines.contains { $0.hasPrefix("src/é.ts:1:18: note: us.anthropic.claude-haiku-4-5-20251001-v1:0 is Claude Haiku 4.5, legacy since 2026-10-07") && $0.contains("guide: Migrating from Claude Haiku 4.5 to Haiku 5.5 (/guides/migrating-haiku-4-5-to-5-5)") })
        #expect(lines.contains { $0.hasPrefix("config/models.yaml:1:10: warning: gpt-4o-mini-2024-07-18 is GPT-4o mini, deprecated since") && $0.contains("replacement: GPT-6 Luna (gpt-6-luna)") })
        #expect(lines.contains { $0.hasPrefix("config/models.yaml:2:9: note: claude-haiku-4-5@20251001") })
        // Ignored by .gitignore (nested too), inside .git, binary, too large: never reported.
        for skipped in ["build/", "debug.log", "secret.yaml", ".git/", "logo.png", "big.txt"] {
            #expect(!lines.contains { $0.hasPrefix(skipped) || $0.hasPrefix("config/" + skipped) }, "\(skipped)")
        }
        #expect(lines.last == "5 model ids in 3 files (6 files read; skipped: 1 binary, 1 larger than 1 MiB) on 2026-12-02: 1 retired, 1 deprecated, 2 legacy, 1 active. 1 fails (--fail-on retired).", "\(lines.last ?? "")")
    }

    /// On the day a model retires it is retired, and no "(in 0 days)" follows (the last --as-of given is the day).
    @Test func aModelRetiringThatDayIsRetiredWithoutACountdown() throws {
        let run = try scan(["--as-of", "2027-01-14"])
        let line = try #require(run.output.split(separator: "\n").first { $0.contains("gpt-4o-mini-2024-07-18") })
        #expect(line.contains("retired since 2027-01-14: requests to it fail") && !line.contains("(in 0 days)"), "\(line)")
    }

    @Test func jsonCarriesEveryFindingAndTheCounts() throws {
        let run = try scan(["--format", "json", "--fail-on", "deprecated"])
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 5)
        #expect(document["failing"] as? Int == 2)
        #expect(document["as_of"] as? String == "2026-12-02")
        #expect(document["skipped_binary"] as? [String] == ["logo.png"])
        let mini = try #require(findings.first { $0["id"] as? String == "gpt-4o-mini-2024-07-18" })
        #expect(mini["state"] as? String == "deprecated")
        #expect(mini["level"] as? String == "warning")
        #expect(mini["form"] as? String == "snapshot")
        #expect(mini["failing"] as? Bool == true)
        #expect((mini["replacement"] as? [String: Any])?["api_id"] as? String == "gpt-6-luna")
        #expect(mini["days_to_retirement"] as? Int != nil)
    }

    @Test func sarifHasOneResultPerFindingWithRulesAndRegions() throws {
        let run = try scan(["--format", "sarif", "src"])
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let sarifRun = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let rules = try #require(((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let first = results[0]
        let ruleIndex = try #require(first["ruleIndex"] as? Int)
        #expect(rules[ruleIndex]["id"] as? String == first["ruleId"] as? String)
        #expect(first["level"] as? String == "error")
        let location = try #require(((first["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "src/app.py")
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 10)
        #expect((location["region"] as? [String: Any])?["endColumn"] as? Int == 35)
    }

    @Test func exitCodesFollowFailOnAndWithin() throws {
        // Only the active and legacy ids: nothing fails by default, legacy fails with --fail-on legacy.
        #expect(try scan(["src/é.ts"]).status == 0)
        #expect(try scan(["--fail-on", "legacy", "src/é.ts"]).status == 1)
        // GPT-4o mini retires on 2027-01-14, 43 days after the as-of day: --within 30 passes, --within 60 fails.
        #expect(try scan(["--within", "30", "config/models.yaml"]).status == 0)
        #expect(try scan(["--within", "60", "config/models.yaml"]).status == 1)
        // A file named on the command line is read even when a .gitignore lists it.
        #expect(try scan(["config/secret.yaml"]).status == 1)
    }

    @Test func withoutContentItFindsTheCheckoutItWasBuiltIn() throws {
        // The fixture repository has no content/: the binary's own checkout supplies it.
        let run = try scan(["src/app.py"], content: false)
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.output.contains("claude-3-5-haiku-20241022 is Claude 3.5 Haiku, retired"))
    }

    @Test func badInputExitsTwoNamingWhatWasWrong() throws {
        let missing = try scan(["no-such-folder"])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("no-such-folder: no such file or directory"))
        let format = try scan(["--format", "xml"])
        #expect(format.status == 2)
        #expect(format.errors.contains("--format takes text, json or sarif, not 'xml'"))
        #expect(try scan(["--fail-on", "active"]).errors.contains("--fail-on takes retired, deprecated or legacy"))
        #expect(try scan(["--within=-1"]).status == 2)
        let date = try scan(["--as-of", "2026-13-01"])
        #expect(date.status == 2)
        #expect(date.errors.contains("--as-of takes a date YYYY-MM-DD, not '2026-13-01'"))
    }
}
