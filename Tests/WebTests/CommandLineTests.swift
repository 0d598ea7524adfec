import Foundation
import Testing
import CSQLite
@testable import Web

/// The `haiku-advisor` executable, run as a person or a script would run it.
@Suite(.serialized) struct CommandLineTests {
    /// `HAIKU_ADVISOR_BINARY` runs these tests against another build (say, an older one, to see a test fail).
    static let binary = ProcessInfo.processInfo.environment["HAIKU_ADVISOR_BINARY"] ?? repositoryRoot + "/.build/debug/haiku-advisor"

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    /// A negative number is a value out of range, said as one: ArgumentParser read "-5" as an option and answered
    /// "Missing value for '--limit <limit>'" though a value was given.
    @Test func aNegativeNumberGetsItsRangeMessage() throws {
        for (arguments, message) in [(["search", "haiku", "--limit", "-5"], "--limit must be from 1 to 100"),
                                     (["check", "--stale", "-1"], "--stale takes a number of days >= 0"),
                                     (["serve", "--shutdown-deadline", "-1"], "--shutdown-deadline takes 0 to 3600 seconds"),
                                     (["serve", "--query-budget-ms", "-4"], "--query-budget-ms takes 1 to 60000")] {
            let result = try run(arguments)
            #expect(result.status == 64 && result.errors.contains(message) && !result.errors.contains("Missing value"),
                    "\(arguments): \(result.errors)")
        }
    }

    @Test func checkPassesOnTheRealContent() throws {
        let result = try run(["check"])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func checkStaleListsFiguresNotCheckedForDays() throws {
        // Every figure was checked by early December 2026: none is stale then, all of them half a year later.
        let fresh = try run(["check", "--stale", "90", "--today", "2026-12-07"])
        #expect(fresh.status == 0, "\(fresh.output)")
        // A check dated after the day asked about is reported, whatever its age: a date typed a year ahead never went stale.
        let early = try run(["check", "--stale", "90", "--today", "2026-11-29"])
        #expect(early.status == 1)
        #expect(early.output.contains("model.prices.input: source `") && early.output.contains(", after today (2026-11-29)"),
                "\(early.output)")
        // Counted as what they are, not as "not checked for more than 90 days" (none is).
        #expect(early.errors.contains("figure(s) or page(s) dated after today") && !early.errors.contains("not checked for more than"),
                "\(early.errors)")
        // So is a page updated after it; and without --stale, a check or an update still to come is an error of its own
        // ("prices last checked 2099-12-31" was shown on the site).
        #expect(early.output.contains("`updated` is 2026-12-07, after today (2026-11-29)"), "\(early.output)")
        let ahead = try run(["check", "--today", "2026-11-29"])
        #expect(ahead.status == 1 && ahead.output.contains("`updated` is 2026-12-07, after today (2026-11-29): the page cannot have "
                                                            + "been updated yet") && ahead.output.contains("checked` is 2026-12-0"),
                "\(ahead.output)")
        // A source no figure cites, dated ahead, fails --stale as it fails check (it passed the listing).
        let root = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: "content", toPath: root)
        let page = root + "/guides/monitoring.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "checked: \"2026-11-21\"", with: "checked: \"2026-12-25\"")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let guide = try run(["check", "--content", root, "--stale", "90", "--today", "2026-12-08"])
        #expect(guide.status == 1 && guide.output.contains("`sources[0].checked` is 2026-12-25, after today"), "\(guide.output)")
        // A day of grace for an author east of UTC.
        #expect(try run(["check", "--today", "2026-12-06"]).status == 0)
        let later = try run(["check", "--stale", "90", "--today", "2027-06-01"])
        #expect(later.status == 1)
        #expect(later.output.contains("content/models/claude-haiku-5-5.md:"))
        #expect(later.output.contains("model.prices.input: source `"))
        #expect(later.errors.contains("not checked for more than 90 days"))
        #expect(try run(["check", "--stale", "-1"]).status != 0)
    }

    /// `check` on a copy of the real content with one page edited: the page's path in the copy, and the run.
    func checkWithEdited(_ page: String, _ edit: (String) throws -> String) throws -> (path: String, result: Run) {
        let root = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: "content", toPath: root)
        let path = root + "/" + page
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return (path, try run(["check", "--content", root]))
    }

    /// A copied model page passed, and the model came twice in every cost table while `scan` and `/compare` took one of
    /// the two by its API id; and an error of structure hid the checks it stopped, with no word that they had not run.
    @Test func checkRefusesASecondPageForOneModelAndSaysWhatItDidNotCheck() throws {
        let root = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: "content", toPath: root)
        try FileManager.default.copyItem(atPath: root + "/models/gpt-5-nano.md", toPath: root + "/models/gpt-5-nano-copy.md")
        let twice = try run(["check", "--content", root])
        #expect(twice.status == 1)
        #expect(twice.output.contains("\(root)/models/gpt-5-nano-copy.md:2: title `GPT-5 nano` is also the title of models/gpt-5-nano.md"),
                "\(twice.output)")
        #expect(twice.output.contains("/models/gpt-5-nano-copy.md:") && twice.output.contains("the model id `gpt-5-nano` is also a name of models/gpt-5-nano.md"),
                "\(twice.output)")
        #expect(!twice.output.contains("models/gpt-5-nano.md:"), "the first page of the pair is not blamed")
        // Under its own title, by a name `scan` matches on: another page's dated alias, in capitals.
        let copy = root + "/models/gpt-5-nano-copy.md"
        try (try String(contentsOfFile: copy, encoding: .utf8)).replacingOccurrences(of: "title: GPT-5 nano", with: "title: GPT-5 nano snapshot")
            .replacingOccurrences(of: "api_id: gpt-5-nano\n", with: "api_id: GPT-5-NANO-2025-08-07\n")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        let alias = try run(["check", "--content", root])
        #expect(alias.status == 1 && alias.output.contains("/models/gpt-5-nano-copy.md:47: the model id `gpt-5-nano") && alias.output.contains("is also a name of models/gpt-5-nano.md")
                && !alias.output.contains("title `"), "\(alias.output)")
        try FileManager.default.removeItem(atPath: copy)
        // A page whose YAML does not parse stops the cross-page checks: the run says they wait.
        let broken = root + "/failure-modes/rate-limits.md"
        try (try String(contentsOfFile: broken, encoding: .utf8)).replacingOccurrences(of: "\ntitle:", with: "\ntitle: [unclosed\nfoo: ")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let stopped = try run(["check", "--content", root])
        #expect(stopped.status == 1 && stopped.output.contains("rate-limits.md:2: YAML syntax"), "\(stopped.output)")
        #expect(stopped.errors.contains("run once these are fixed") && stopped.errors.contains("run check again after fixing them"),
                "\(stopped.errors)")
    }

    @Test func engineRulesOnModelValuesReportTheirLine() throws {
        // A copy of the real content where Sonnet 4.5 loses its retirement date: the engine's loader refuses it.
        let (path, result) = try checkWithEdited("models/claude-sonnet-4-5.md") { text in
            let lines = text.components(separatedBy: "\n")
            let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("retires:") })
            var kept = lines
            kept.remove(at: start)
            while start < kept.count, kept[start].hasPrefix("      ") { kept.remove(at: start) }
            return kept.joined(separator: "\n")
        }
        #expect(result.status == 1)
        #expect(result.output.contains("\(path):"), "\(result.output)")
        // With the field it is about: a line inside a block did not say which of its neighbours was meant.
        #expect(result.output.contains("`model.lifecycle.retires`: a deprecated model needs its retirement date"), "\(result.output)")
    }

    @Test func checkReportsEveryBrokenFileAsPathLine() throws {
        let root = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/guides", withIntermediateDirectories: true)
        try "---\ntitle: x\nsummary: y\nupdated: \"2026-11-21\"\n---\n[x](/guides/gone)\n".write(toFile: root + "/guides/a.md", atomically: true, encoding: .utf8)
        try "---\ntitle: x\nsumary: y\n---\n".write(toFile: root + "/guides/b.md", atomically: true, encoding: .utf8)
        let result = try run(["check", "--content", root])
        #expect(result.status == 1)
        #expect(result.output.contains("\(root)/guides/a.md:6: broken internal link `/guides/gone`"))
        #expect(result.output.contains("\(root)/guides/b.md:"))
    }

    /// A model named as its own successor is said to be, not "unknown model 'x' (known: …, x, …)".
    @Test func aModelThatReplacesItselfIsSaidToBe() throws {
        let (_, result) = try checkWithEdited("models/claude-haiku-4-5.md") {
            $0.replacingOccurrences(of: "replacement: claude-haiku-5-5", with: "replacement: claude-haiku-4-5")
        }
        #expect(result.status == 1)
        #expect(result.output.contains("a model cannot be its own replacement") && !result.output.contains("unknown model"),
                "\(result.output)")
    }

    /// Replacements that come back on themselves (Haiku 5.5 made legacy, replaced by Haiku 4.5, which names 5.5)
    /// fail `check` at the field, naming the loop: it passed, and `scan` had no model to send anyone to.
    @Test func aLoopOfReplacementsIsRefused() throws {
        let (_, result) = try checkWithEdited("models/claude-haiku-5-5.md") {
            $0.replacingOccurrences(of: "  lifecycle:\n", with: "  lifecycle:\n    replacement: claude-haiku-4-5\n")
        }
        #expect(result.status == 1)
        #expect(result.output.contains("models/claude-haiku-5-5.md:")
                && result.output.contains("claude-haiku-5-5 → claude-haiku-4-5 → claude-haiku-5-5"), "\(result.output)")
    }

    /// A default's words cannot be empty ("Blank assumes ." on the form).
    @Test func anEmptyDefaultLabelIsRefused() throws {
        let (_, result) = try checkWithEdited("criteria/latency-budget.md") {
            $0.replacingOccurrences(of: "default_label: \"no fixed budget\"", with: "default_label: \" \"")
        }
        #expect(result.status == 1 && result.output.contains("default_label") && result.output.contains("is empty"), "\(result.output)")
    }

    /// A date no page can mean (a retirement in 9999) fails `check` at its line: `/timeline` drew every year up to it
    /// and trapped, taking the server down. `--today` keeps to the same years.
    @Test func checkRefusesDatesOutsideTheYearsContentMayName() throws {
        let root = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/guides", withIntermediateDirectories: true)
        try "---\ntitle: x\nsummary: y\nupdated: \"9999-11-21\"\n---\nText.\n".write(toFile: root + "/guides/a.md", atomically: true, encoding: .utf8)
        let result = try run(["check", "--content", root])
        #expect(result.status == 1)
        #expect(result.output.contains("\(root)/guides/a.md:4: `updated` must be a real date as YYYY-MM-DD from 2000 to 2099, not `9999-11-21`"),
                "\(result.output)")
        let today = try run(["check", "--today", "9999-10-01"])
        #expect(today.status != 0 && today.errors.contains("--today takes a date YYYY-MM-DD from 2000 to 2099"), "\(today.errors)")
    }

    /// `--db` through a symbolic link writes the file it names: the index replaced the link and left its target.
    @Test func aDatabaseBehindALinkIsWrittenWhereItPoints() throws {
        let root = NSTemporaryDirectory() + "haiku-link-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileManager.default.createFile(atPath: root + "/real.db", contents: Data()))
        #expect(symlink("real.db", root + "/link.db") == 0)
        let result = try run(["index", "--db", root + "/link.db"])
        #expect(result.status == 0, "\(result.errors)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/link.db")) == "real.db")
        let size = try FileManager.default.attributesOfItem(atPath: root + "/real.db")[.size] as? Int ?? 0
        #expect(size > 1_000_000 && !result.output.contains("the file is 0.0 MiB"), "\(size) \(result.output)")
        // A relative link inside a linked folder is read as the kernel reads it: `..` after the folder's link.
        try FileManager.default.createDirectory(atPath: root + "/far/deep", withIntermediateDirectories: true)
        #expect(symlink("far/deep", root + "/dl") == 0 && symlink("../t.db", root + "/far/deep/link.db") == 0)
        #expect(FileManager.default.createFile(atPath: root + "/far/t.db", contents: Data()))
        #expect(try run(["index", "--db", root + "/dl/link.db"]).status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: root + "/far/t.db")[.size] as? Int ?? 0) > 1_000_000)
        #expect(!FileManager.default.fileExists(atPath: root + "/t.db"))
        // Links that loop name no file: refused, and left as they are.
        #expect(symlink("b.db", root + "/a.db") == 0 && symlink("a.db", root + "/b.db") == 0)
        let loop = try run(["index", "--db", root + "/a.db"])
        #expect(loop.status != 0 && loop.errors.contains("a loop of symbolic links"), "\(loop.errors)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/a.db")) == "b.db")
    }

    /// An empty `--db`, an answers file that is a directory or missing, and a content path that is a file are each
    /// said as what they are ("cannot replace : No such file or directory", "cannot read /tmp").
    /// A system prompt beside a usage file is held to the file's average input, not to the default 1,000 tokens: a
    /// 2,000-token system prompt beside 50,000-token requests was refused.
    @Test func aSystemPromptIsHeldToTheFilesAverageInput() throws {
        let csv = NSTemporaryDirectory() + "system-prompt-\(getpid()).csv"
        let rows = (0..<100).map { "2026-11-\(String(format: "%02d", 1 + $0 % 28))T00:00:\(String(format: "%02d", $0 % 60))Z,claude-haiku-4-5,50000,200,0,0" }
        try ("timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n" + rows.joined(separator: "\n") + "\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let fits = try run(["assess", "--usage", csv, "--answers", "-"], input: #"{"system_prompt_tokens": 2000}"#)
        #expect(fits.status == 0, "\(fits.errors)")
        let longer = try run(["assess", "--usage", csv, "--answers", "-"], input: #"{"system_prompt_tokens": 60000}"#)
        #expect(longer.status == 2 && longer.errors.contains("(50,000, the file's average)"), "\(longer.errors)")
    }

    /// Control characters from a usage file never reach the terminal: a model named with an escape sequence could
    /// clear the screen or set the title, and a carriage return hide what came before it.
    @Test func controlCharactersFromAFileAreNotWrittenToTheTerminal() throws {
        let csv = NSTemporaryDirectory() + "controls-\(getpid()).csv"
        try ("timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n"
             + "2026-11-01T00:00:00Z,claude-haiku-4-5,1000,200,0,0\n"
             + "2026-11-01T00:00:01Z,\"evil\u{1B}[2J\rX\",1000,200,0,0\n").write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let result = try run(["assess", "--usage", csv])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("evil\u{FFFD}[2J\u{FFFD}X"), "\(result.output.prefix(1500))")
        #expect(!result.output.contains("\u{1B}") && !result.output.contains("\r"))
        // Nor in an error, which quotes the file's own cell.
        let bad = NSTemporaryDirectory() + "controls-bad-\(getpid()).csv"
        try ("timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n"
             + "2026-11-01T00:00:00Z,claude-haiku-4-5,\"12\u{1B}]0;PWNED\u{07}\",200,0,0\n").write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let refused = try run(["assess", "--usage", bad])
        #expect(refused.status == 2 && !refused.errors.contains("\u{1B}") && !refused.errors.contains("\u{07}"), "\(refused.errors)")
        #expect(refused.errors.contains("\u{FFFD}]0;PWNED\u{FFFD}"), "\(refused.errors)")
    }

    @Test func emptyAndMisplacedPathsAreSaidAsWhatTheyAre() throws {
        let empty = try run(["index", "--db", ""])
        #expect(empty.status != 0 && empty.errors.contains("--db is empty"), "\(empty.errors)")
        let directory = try run(["assess", "--answers", NSTemporaryDirectory()])
        #expect(directory.status == 2 && directory.errors.contains("a directory, not a file"), "\(directory.errors)")
        // A file without end is read only one byte past the limit: `< /dev/zero` grew to 23.7 GB before the kernel
        // ended it.
        let endless = try run(["assess", "--answers", "/dev/zero"])
        #expect(endless.status == 2 && endless.errors.contains("/dev/zero is larger than 64 KiB"), "\(endless.errors)")
        let missing = try run(["assess", "--answers", "/nonexistent-answers.json"])
        #expect(missing.status == 2 && missing.errors.contains("/nonexistent-answers.json: no such file"), "\(missing.errors)")
        let file = try run(["check", "--content", "Package.swift"])
        #expect(file.status != 0 && file.output.contains("Package.swift:1: a file, not the content directory"), "\(file.output)")
    }

    /// A page limit of 0 KiB refused every page as "over the limit of 1.0 KiB": the option itself is refused.
    @Test func aPageLimitOfNothingIsRefused() throws {
        let result = try run(["check", "--max-page-kib", "0"])
        #expect(result.status != 0 && result.errors.contains("--max-page-kib takes a size in KiB from 1 up"), "\(result.errors)")
    }

    /// `--db` naming a file that holds something other than one of our indexes is refused before anything is written:
    /// notes, a content page and another application's database were replaced with exit 0. An empty file, an index
    /// of ours and a missing file are written as before.
    @Test func indexAndServeRefuseToOverwriteAFileThatIsNotAnIndex() throws {
        let root = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "my notes\n".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
        var other: OpaquePointer?
        #expect(sqlite3_open(root + "/other.db", &other) == SQLITE_OK)
        #expect(sqlite3_exec(other, "CREATE TABLE customers(name); INSERT INTO customers VALUES ('Ada')", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(other)
        try FileManager.default.createSymbolicLink(atPath: root + "/link.db", withDestinationPath: root + "/notes.txt")
        for (name, what) in [("notes.txt", "not an SQLite database"), ("link.db", "not an SQLite database"),
                             ("other.db", "an SQLite database of something else, with the tables customers")] {
            let result = try run(["index", "--db", root + "/" + name])
            #expect(result.status != 0)
            #expect(result.errors.contains("not a haiku-advisor index (\(what)), so it is not overwritten"), "\(result.errors)")
            let serve = try run(["serve", "--host", "127.0.0.1", "--port", "0", "--db", root + "/" + name])
            #expect(serve.status != 0 && serve.errors.contains("not a haiku-advisor index (\(what))"), "\(serve.errors)")
        }
        #expect(try String(contentsOfFile: root + "/notes.txt", encoding: .utf8) == "my notes\n")
        var check: OpaquePointer?
        #expect(sqlite3_open(root + "/other.db", &check) == SQLITE_OK)
        #expect(sqlite3_exec(check, "SELECT name FROM customers", nil, nil, nil) == SQLITE_OK, "the other database keeps its table")
        sqlite3_close(check)
        // Another program's `meta` table is not ours (a browser profile's database has one), nor is a database its
        // program holds locked, nor a damaged one with a journal beside it: each was replaced.
        var browser: OpaquePointer?
        #expect(sqlite3_open(root + "/history.db", &browser) == SQLITE_OK)
        #expect(sqlite3_exec(browser, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('version', '70');"
                             + "CREATE TABLE urls(url)", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(browser)
        let history = try run(["index", "--db", root + "/history.db"])
        #expect(history.status != 0 && history.errors.contains("(an SQLite database of something else, with the tables meta, urls)"),
                "\(history.errors)")
        var holder: OpaquePointer?
        #expect(sqlite3_open(root + "/other.db", &holder) == SQLITE_OK)
        #expect(sqlite3_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO customers VALUES ('Bo')", nil, nil, nil) == SQLITE_OK)
        let locked = try run(["index", "--db", root + "/other.db"])
        // (Mid-write, its journal is beside it, which is said first; without one, "in use by another program".)
        #expect(locked.status != 0 && (locked.errors.contains("(an SQLite database in use by another program)")
                                       || locked.errors.contains("(an SQLite database with other.db-journal beside it)")), "\(locked.errors)")
        sqlite3_exec(holder, "ROLLBACK", nil, nil, nil)
        sqlite3_close(holder)
        try Data(Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0xA5, count: 4_080)).write(to: URL(fileURLWithPath: root + "/hot.db"))
        #expect(FileManager.default.createFile(atPath: root + "/hot.db-journal", contents: Data([1, 2, 3])))
        let hot = try run(["index", "--db", root + "/hot.db"])
        #expect(hot.status != 0 && hot.errors.contains("(an SQLite database with hot.db-journal beside it)"), "\(hot.errors)")
        // Damaged with no journal: taken for one of ours, and rebuilt.
        try FileManager.default.removeItem(atPath: root + "/hot.db-journal")
        #expect(try run(["index", "--db", root + "/hot.db"]).status == 0)
        // An empty file, then the index written into it, are written over.
        #expect(FileManager.default.createFile(atPath: root + "/empty.db", contents: Data()))
        #expect(try run(["index", "--db", root + "/empty.db"]).status == 0)
        #expect(try run(["index", "--db", root + "/empty.db"]).status == 0)
    }

    /// `--db` that is not a regular file is refused before anything is written: renaming the index over it made
    /// /dev/null a 3.7 MiB regular file for the whole machine.
    @Test func indexRefusesADatabasePathThatIsNotARegularFile() throws {
        let root = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/dir.db", withIntermediateDirectories: true)
        #expect(mkfifo(root + "/fifo.db", 0o600) == 0)
        for (name, kind) in [("fifo.db", "a FIFO (named pipe)"), ("dir.db", "a directory")] {
            let result = try run(["index", "--db", root + "/" + name])
            #expect(result.status != 0)
            #expect(result.errors.contains("cannot write \(root)/\(name): \(kind), not a database file"), "\(result.errors)")
            let found = try run(["search", "token", "--db", root + "/" + name])
            #expect(found.status != 0 && found.errors.contains("\(kind), not a database file"), "\(found.errors)")
            // `serve` too, before its integrity check opens the file (a FIFO blocked it for ever; a directory was
            // "damaged ... rebuilding it" first). Stopped after 30 s should it block again.
            let serve = Process()
            serve.executableURL = URL(fileURLWithPath: Self.binary)
            serve.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--db", root + "/" + name]
            serve.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
            let errors = Pipe()
            serve.standardError = errors
            serve.standardOutput = FileHandle.nullDevice
            try serve.run()
            let stop = DispatchWorkItem { serve.terminate() }
            DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: stop)
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            serve.waitUntilExit()
            stop.cancel()
            #expect(serve.terminationReason == .exit && serve.terminationStatus != 0, "serve --db \(name) was stopped")
            #expect(said.contains("cannot open \(root)/\(name): \(kind), not a database file") && !said.contains("rebuilding"), "\(said)")
        }
        var info = stat()
        #expect(stat(root + "/fifo.db", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["dir.db", "fifo.db"])
    }

    /// The answers' errors name where they were read ("the body is not valid JSON" said of a file), and a byte-order
    /// mark, as Notepad writes one, is skipped.
    @Test func assessAnswersErrorsNameTheirSourceAndABOMIsSkipped() throws {
        let bad = try run(["assess", "--answers", "-"], input: "[1]")
        #expect(bad.status == 2 && bad.errors.contains("standard input must be a JSON object of answers, not an array"), "\(bad.errors)")
        let marked = try run(["assess", "--answers", "-"], input: "\u{FEFF}" + #"{"task_type":"chat"}"#)
        #expect(marked.status == 0 && marked.output.contains("Verdict:"), "\(marked.errors)")
    }

    /// With no alternative offered, the text says why, as the page and the JSON do.
    @Test func assessTextSaysWhyNoAlternativeIsOffered() throws {
        let answers = #"{"task_type":"moderation","monthly_requests":3000000,"avg_input_tokens":600,"avg_output_tokens":10,"accuracy":"first_time_right","review_capacity":"none","as_of":"2026-12-06"}"#
        let result = try run(["assess", "--answers", "-"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Primary model: claude-sonnet-4-6 (legacy); alternatives: none (no other model outside the Haiku "
                                       + "family, which the review capacity rule sets aside,"), "\(result.output)")
    }

    @Test func searchPrintsResultsAndJSON() throws {
        let text = try run(["search", "rate limits", "--limit", "3"])
        #expect(text.status == 0)
        #expect(text.output.contains("/failure-modes/rate-limits"))
        let json = try run(["search", "prompt caching", "--json", "--section", "guides"])
        let body = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((body?["results"] as? [[String: Any]])?.allSatisfy { ($0["section"] as? String) == "guides" } == true)
        #expect(try run(["search", "x", "--section", "nope"]).status != 0)
        // The day retired models are ranked on, as `serve --today` sets it: Sonnet 4.5, retired on 2026-11-30, is among
        // the first five for "claude pricing" two days before, not after.
        let before = try run(["search", "claude pricing", "--limit", "5", "--today", "2026-11-28"])
        let after = try run(["search", "claude pricing", "--limit", "5", "--today", "2026-12-06"])
        #expect(before.output.contains("/models/claude-sonnet-4-5") && !after.output.contains("/models/claude-sonnet-4-5"),
                "\(before.output)\n\(after.output)")
        #expect(try run(["search", "x", "--today", "2026-13-40"]).status != 0)
    }

    @Test func assessMatchesTheAPI() throws {
        let answers = #"{"task_type":"autonomous_coding","monthly_requests":20000,"avg_input_tokens":8000,"avg_output_tokens":1500}"#
        let result = try run(["assess", "--answers", "-", "--json"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        let cli = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let api = json(router.respond(to: Request(method: "POST", path: "/api/assess", body: Array(answers.utf8)))) as? [String: Any]
        #expect(cli?["verdict"] as? String == api?["verdict"] as? String)
        #expect(cli?["score"] as? Double == api?["score"] as? Double)
        #expect(cli?["primary_model"] as? String == api?["primary_model"] as? String)
        let bad = try run(["assess", "--answers", "-"], input: #"{"monthly_requests": -1}"#)
        #expect(bad.status == 2)
        #expect(bad.errors.contains("monthly_requests"))
    }

    /// A routing plan decides the verdict without being a hard limit, and its bill says how the escalated requests
    /// were priced where cost first lowered the rest (the page says both).
    @Test func assessTextSaysWhatDecidedAndHowThePlanIsPriced() throws {
        let answers = #"{"task_type":"chat","monthly_requests":4000000,"avg_input_tokens":1500,"avg_output_tokens":200,"complex_share":0.2,"cost_priority":"primary","routing":"tiered","as_of":"2026-12-05"}"#
        let result = try run(["assess", "--answers", "-"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Decided by /criteria/routing-plan, whatever the score\n"), "\(result.output)")
        #expect(!result.output.contains("hard limit in /criteria/routing-plan"))
        #expect(result.output.contains("with claude-sonnet-5-5 answering the complex share again, $30500.00 in all "
            + "(the escalated requests priced at its high effort)"), "\(result.output)")
    }

    /// A policy that read a blank answer names it: the verdict rests on a default nobody chose.
    @Test func assessTextNamesTheBlankAnswerThatDecided() throws {
        let answers = #"{"task_type":"rag","monthly_requests":3000000,"avg_input_tokens":2000,"avg_output_tokens":300,"latency":"realtime","latency_budget_s":1,"complex_share":0.4,"accuracy":"tolerant","review_capacity":"systematic","as_of":"2026-12-06"}"#
        let result = try run(["assess", "--answers", "-"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Decided by /criteria/cost-priority, whatever the score, on an answer left blank: "
            + "cost_priority = balanced\n"), "\(result.output)")
    }

    /// Bills under a cent keep the digits that matter: ten cost-first classifications a month are not "$0.00 (+0.00)".
    @Test func assessTextSaysSubCentBillsWithTheirDigits() throws {
        let answers = #"{"task_type":"classification","monthly_requests":10,"avg_input_tokens":300,"avg_output_tokens":5,"accuracy":"tolerant","cost_priority":"primary","as_of":"2026-12-06"}"#
        let result = try run(["assess", "--answers", "-"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Recommended: gpt-6-luna, $0.0003 a month\n"), "\(result.output)")
        #expect(result.output.contains("Runner-up: claude-haiku-5-5, $0.0004 a month (+0.0001);"), "\(result.output)")
        // Three amounts in one precision, so that they add up: 200 requests put Command R7B at $0.0024, GPT-6 Luna at
        // $0.0065 and Haiku 5.5 above a cent, each written at its own precision before ("$0.01 (+0.0041)").
        let more = try run(["assess", "--answers", "-"], input: answers.replacingOccurrences(of: "\"monthly_requests\":10,", with: "\"monthly_requests\":200,"))
        #expect(more.output.contains("Recommended: cohere-command-r7b, $0.0024 a month\n"), "\(more.output.prefix(600))")
        #expect(more.output.contains("Runner-up: gpt-6-luna, $0.0065 a month (+0.0041);"), "\(more.output.prefix(600))")
        #expect(more.output.range(of: #"Haiku: claude-haiku-5-5, \$0\.0084 a month \(\+0\.006\);"#, options: .regularExpression) != nil,
                "\(more.output.prefix(800))")
    }

    /// A legacy or deprecated model in the verdict's list is named with its state, as the page's badges do: 5M RAG
    /// answers with 30 % complex name two legacy alternatives beside Claude Sonnet 5.5.
    @Test func assessTextSaysWhichAlternativesAreLegacy() throws {
        let answers = #"{"task_type":"rag","monthly_requests":5000000,"avg_input_tokens":6000,"avg_output_tokens":400,"complex_share":0.3,"accuracy":"reviewed","as_of":"2026-12-05"}"#
        let result = try run(["assess", "--answers", "-"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Primary model: claude-sonnet-5-5; alternatives: gemini-3-8-flash (legacy), "
                                       + "claude-sonnet-4-6 (legacy), gpt-6-2-sol\n"), "\(result.output)")
    }

    /// A cheaper model the verdict could not use is named with why, and its cost line says its limits cannot carry
    /// the peak, as the web's table does (a billion cost-first batch classifications: Cohere Command R7B).
    @Test func assessTextNamesACheaperModelItCouldNotUse() throws {
        let answers = #"{"task_type":"classification","monthly_requests":1000000000,"avg_input_tokens":300,"avg_output_tokens":2,"latency":"batch","accuracy":"tolerant","cost_priority":"primary","as_of":"2026-12-05"}"#
        let result = try run(["assess", "--answers", "-"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Cheaper, passed over: cohere-command-r7b, $11550.00 a month; its published rate limits cannot carry "
                                       + "the peak (68,493 requests a minute against 500 at its Production tier)  [/models/cohere-command-r7b]"),
                "\(result.output)")
        #expect(result.output.contains("$11550.00    its published rate limits cannot carry the peak (68,493 requests a minute against 500 at its Production tier)"),
                "\(result.output)")
    }

    /// The terminal's cost list names what the web's table shows beside a price: a retired or deprecated model, and
    /// a request that does not fit. 185K-token prompts fit some windows and not others.
    @Test func assessTextMarksEveryModelThatCannotCarryTheWork() throws {
        let answers = #"{"task_type":"summarization","monthly_requests":40000,"avg_input_tokens":185000,"avg_output_tokens":4000,"as_of":"2026-12-03"}"#
        let result = try run(["assess", "--answers", "-"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        let api = json(router.respond(to: Request(method: "POST", path: "/api/assess", body: Array(answers.utf8)))) as? [String: Any]
        let costs = try #require(api?["costs"] as? [[String: Any]])
        let list = result.output.components(separatedBy: "Monthly cost:\n").last?.components(separatedBy: "\n\n").first ?? ""
        var states: Set<String> = [], unfit = 0
        for cost in costs {
            let model = try #require(cost["model"] as? String)
            let status = try #require(cost["status"] as? [String: Any])
            let state = try #require(status["state"] as? String)
            let line = try #require(list.split(separator: "\n").first { $0.split(separator: " ").first.map(String.init) == model },
                                    "\(model) is not in the list")
            states.insert(state)
            switch state {
            case "retired": #expect(line.contains("retired on \(status["since"] as? String ?? "?")"), "\(line)")
            case "deprecated": #expect(line.contains("deprecated, retires \(status["retires"] as? String ?? "?")"), "\(line)")
            case "active": #expect(!line.contains("retire") && !line.contains("legacy"), "\(line)")
            default: break
            }
            if cost["fits"] as? Bool == false {
                unfit += 1
                #expect(line.contains("does not fit"), "\(line)")
            } else {
                #expect(!line.contains("does not fit"), "\(line)")
            }
        }
        // The case says something only when it holds each kind of line.
        #expect(states.isSuperset(of: ["retired", "deprecated", "active"]) && unfit > 0)
        // Prompts no window holds: said under the verdict, not only among the warnings.
        let tooLong = try run(["assess", "--answers", "-"], input: #"{"task_type":"rag","avg_input_tokens":1200000,"as_of":"2026-12-03"}"#)
        #expect(tooLong.output.contains("No model can take this request"), "\(tooLong.output.prefix(400))")
        // The model is named for its figures, not recommended.
        #expect(tooLong.output.contains("\nNamed: ") && !tooLong.output.contains("\nRecommended: "), "\(tooLong.output.prefix(600))")
        #expect(!result.output.contains("No model can take") && result.output.contains("\nRecommended: "))
        // A model that refuses the workload's forced tool calls is marked, as the page greys it.
        let forced = try run(["assess", "--answers", "-"], input: #"{"task_type":"extraction","tool_choice":"forced","as_of":"2026-12-07"}"#)
        let sonnet = forced.output.split(separator: "\n").first { $0.hasPrefix("  claude-sonnet-5-5 ") }
        #expect(sonnet?.hasSuffix("errors on a forced tool call") == true, "\(forced.output.suffix(1500))")
    }

    @Test func indexWritesADatabase() throws {
        let path = NSTemporaryDirectory() + "haiku-cli-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try run(["index", "--db", path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        let found = try run(["search", "token bucket", "--db", path])
        #expect(found.output.contains("result"))
    }

    /// An index file inside the content folder would be walked as a page: refused before anything is written, by
    /// `index` and `serve` alike, naming the two paths (it failed on a temporary file the person never named).
    @Test func anIndexInsideTheContentIsRefused() throws {
        for command in ["index", "serve"] {
            let inside = try run([command, "--content", "content", "--db", "content/models/x.db"])
            #expect(inside.status == 64 && inside.errors.contains("--db content/models/x.db is inside --content content"), "\(inside.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: repositoryRoot + "/content/models/x.db"))
    }

    @Test func serveAnnouncesItsPortAndStopsCleanlyOnSIGTERM() throws {
        try serve(["--today", "2027-06-01"]) { port in
            let reply = try HTTPConnection(port: port).request("GET", "/healthz")
            #expect(reply.status == 200 && reply.text == "ok\n")
            // `--today` pins the day lifecycles are judged on: by then Sonnet 4.5 has retired.
            let models = try HTTPConnection(port: port).request("GET", "/api/models")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(models.body)) as? [[String: Any]])
            let sonnet = list.first { $0["slug"] as? String == "claude-sonnet-4-5" }
            #expect((sonnet?["status"] as? [String: Any])?["state"] as? String == "retired")
        }
        #expect(try run(["serve", "--today", "someday"]).status != 0)
    }

    /// Starts `serve --port 0` with extra arguments, hands the announced port to `body`, then stops it with
    /// SIGTERM and expects a clean exit.
    private func serve(_ extra: [String], _ body: (UInt16) throws -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--port", "0", "--db", ":memory:"] + extra
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        let prefix = "listening on http://127.0.0.1:"
        #expect(line.hasPrefix(prefix))
        let port = try #require(UInt16(line.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)))
        do {
            try body(port)
        } catch {
            process.terminate()
            process.waitUntilExit()
            throw error
        }
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}

/// `serve --watch`: an edit is served within seconds; a broken edit keeps the last good site serving.
@Suite(.serialized) struct WatchTests {
    @Test func editsAreServedAndBrokenEditsKeepTheLastGoodSite() throws {
        let site = try SiteCopy()
        let server = try ServerProcess(["--db", ":memory:", "--watch"], in: site.root)
        let page = site.root + "/content/guides/monitoring.md"
        let original = try String(contentsOfFile: page, encoding: .utf8)

        func fetch() throws -> String { try server.get("/guides/monitoring").text }
        func replacingFirst(_ target: String, with replacement: String) -> String {
            guard let range = original.range(of: target) else { return original }
            return original.replacingCharacters(in: range, with: replacement)
        }
        try replacingFirst("\n---\n", with: "\n---\nA freshly watched sentence.\n\n").write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try server.eventually { try fetch().contains("A freshly watched sentence.") })

        try replacingFirst("title:", with: "titel:").write(toFile: page, atomically: true, encoding: .utf8)
        // Waits for the watcher's verdict on the broken edit rather than for a fixed time (slow machines).
        #expect(server.eventually(seconds: 20) { server.log.contains("still serving the last good version") }, "\(server.log)")
        #expect(server.log.contains("content/guides/monitoring.md:"))
        #expect(try fetch().contains("A freshly watched sentence."))
        #expect(try server.get("/healthz").status == 200)
    }

    /// Content reached through symbolic links (the `--content` folder itself, a section folder, a page) is watched
    /// through them: edits to the targets were never seen, and the old pages kept serving with nothing said.
    @Test func editsThroughSymbolicLinksAreServed() throws {
        let site = try SiteCopy()
        let fm = FileManager.default
        // content -> releases/one/content, its guides -> a folder outside, and one page a link to a file elsewhere.
        try fm.createDirectory(atPath: site.root + "/releases/one", withIntermediateDirectories: true)
        try fm.moveItem(atPath: site.root + "/content", toPath: site.root + "/releases/one/content")
        try fm.createSymbolicLink(atPath: site.root + "/content", withDestinationPath: site.root + "/releases/one/content")
        let released = site.root + "/releases/one/content"
        try fm.moveItem(atPath: released + "/guides", toPath: site.root + "/guides-elsewhere")
        try fm.createSymbolicLink(atPath: released + "/guides", withDestinationPath: site.root + "/guides-elsewhere")
        let outside = site.root + "/outside.md"
        try fm.moveItem(atPath: released + "/failure-modes/service-outages.md", toPath: outside)
        try fm.createSymbolicLink(atPath: released + "/failure-modes/service-outages.md", withDestinationPath: outside)
        let server = try ServerProcess(["--db", ":memory:", "--watch"], in: site.root)

        func prepend(_ sentence: String, to path: String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let end = try #require(text.range(of: "\n---\n"))
            try text.replacingCharacters(in: end, with: "\n---\n\(sentence)\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        try prepend("Edited in the linked folder.", to: site.root + "/guides-elsewhere/monitoring.md")
        #expect(try server.eventually { try server.get("/guides/monitoring").text.contains("Edited in the linked folder.") }, "\(server.log)")
        try prepend("Edited through the linked page.", to: outside)
        #expect(try server.eventually { try server.get("/failure-modes/service-outages").text.contains("Edited through the linked page.") },
                "\(server.log)")
        // A broken edit through a link is reported with its line, and the last good page keeps serving.
        let broken = try String(contentsOfFile: outside, encoding: .utf8).replacingOccurrences(of: "\ntitle:", with: "\ntitel:")
        try broken.write(toFile: outside, atomically: true, encoding: .utf8)
        #expect(server.eventually(seconds: 20) { server.log.contains("still serving the last good version") }, "\(server.log)")
        #expect(try server.get("/failure-modes/service-outages").text.contains("Edited through the linked page."))
    }

    /// An empty folder is an error to the loader; removing it fixes the content, and the fix goes live. The watcher
    /// recorded files only, so neither the folder nor its removal was seen, and the edit made meanwhile never served.
    @Test func addingAndRemovingAFolderIsAChange() throws {
        let site = try SiteCopy()
        let server = try ServerProcess(["--db", ":memory:", "--watch"], in: site.root)
        let drafts = site.root + "/content/guides/drafts"
        try FileManager.default.createDirectory(atPath: drafts, withIntermediateDirectories: false)
        #expect(server.eventually(seconds: 20) { server.log.contains("guides/drafts:1: not a Markdown page") }, "\(server.log)")
        let page = site.root + "/content/guides/monitoring.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        let end = try #require(text.range(of: "\n---\n"))
        try text.replacingCharacters(in: end, with: "\n---\nEdited while a folder was in the way.\n\n")
            .write(toFile: page, atomically: true, encoding: .utf8)
        #expect(server.eventually(seconds: 20) { server.log.contains("still serving the last good version") }, "\(server.log)")
        try FileManager.default.removeItem(atPath: drafts)
        #expect(try server.eventually { try server.get("/guides/monitoring").text.contains("Edited while a folder was in the way.") },
                "\(server.log)")
    }
}
