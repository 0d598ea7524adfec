import Foundation
import Testing
@testable import Content

/// Issue 17: every content file is bounded (size, YAML anchors, depth, nodes) and every bad file is named for
/// what it is, at its line.
struct ContentBoundsTests {
    func errors(_ files: [String: String], limits: ContentLimits = ContentLimits()) throws -> [ContentError] {
        let content = try TemporaryContent(files)
        do {
            _ = try ContentLibrary.load(directory: content.root, limits: limits)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func anchorsAndAliasesAreRefusedAtTheAnchorsLine() throws {
        let found = try errors(["guides/a.md": guide(extra: "tags: &t [a, b]\naliases: *t\n")])
        #expect(found.count == 1)
        #expect(found.first?.line == 5)
        #expect(found.first?.message.contains("YAML anchor `&t`") == true)
        #expect(found.first?.hint?.contains("write the value out") == true)
    }

    /// A tag changed a value's meaning and was dropped without a word: `!!binary aGVsbG8=` published "aGVsbG8=".
    @Test func tagsAreRefusedAtTheirLine() throws {
        let binary = try errors(["guides/a.md": guide(title: "!!binary aGVsbG8=")])
        #expect(binary.count == 1)
        #expect(binary.first?.line == 2)
        #expect(binary.first?.message.contains("YAML tag `!!binary`") == true, "\(binary)")
        #expect(binary.first?.hint?.contains("quote the value") == true)
        let local = try errors(["guides/a.md": guide(extra: "tags: !custom [a, b]\n")])
        #expect(local.first?.message.contains("YAML tag `!custom`") == true && local.first?.line == 5, "\(local)")
        let item = try errors(["guides/a.md": guide(extra: "tags:\n  - !!int 5\n")])
        #expect(item.first?.message.contains("YAML tag `!!int`") == true && item.first?.line == 6, "\(item)")
        // An exclamation mark inside a value is text, not a tag.
        #expect(try errors(["guides/a.md": guide(title: "Stop! It's \"!!binary\"")]).isEmpty)
        #expect(try errors(["guides/a.md": guide(title: "'!!binary quoted'")]).isEmpty)
        // A complex key is resolved `!!seq` or `!!map`: no tag the author wrote.
        let complex = try errors(["guides/a.md": guide(extra: "? [a]\n: b\n")])
        #expect(!complex.contains { $0.message.contains("YAML tag") }, "\(complex)")
        // `!!str` says what every value here is anyway, text (and Yams gives it to every quoted value).
        #expect(try errors(["guides/a.md": guide(title: "!!str 2026")]).isEmpty)
    }

    /// Raw HTML passed `check`, vanished from the page (cmark's safe mode: "Text alert(3) and and raw") and was
    /// published as written in the page's Markdown copies. In code it is text, and stays.
    @Test func rawHTMLInABodyIsRefusedAtItsLine() throws {
        let inline = try errors(["guides/a.md": guide(body: "Intro.\n\nText <b>bold</b> here.")])
        #expect(inline.count == 1 && inline.first?.line == 8, "\(inline)")
        #expect(inline.first?.message.contains("raw HTML `<b>` is not shown on the page") == true, "\(inline)")
        let block = try errors(["guides/a.md": guide(body: "<div onclick=\"x()\">block</div>")])
        #expect(block.first?.message.contains("raw HTML `<div onclick=\"x()\">block</div>`") == true && block.first?.line == 6, "\(block)")
        #expect(try errors(["guides/a.md": guide(body: "Use `<b>` in code, or:\n\n    <script>x</script>\n")]).isEmpty)
        // In a table's cell too (tables are cut out before the body is walked).
        let cell = try errors(["guides/a.md": guide(body: "| A | B |\n|---|---|\n| x | <kbd>y</kbd> |\n")])
        #expect(cell.first?.message.contains("raw HTML `<kbd>`") == true && cell.first?.line == 8, "\(cell)")
    }

    @Test func deepNestingIsRefusedBeforeAndAfterParsing() throws {
        // Flow brackets: caught in the text, before the recursive parser sees them.
        let brackets = try errors(["guides/a.md": guide(extra: "tags: " + String(repeating: "[", count: 5_000) + "\n")])
        #expect(brackets.first?.message.contains("nests deeper than 16 levels") == true)
        #expect(brackets.first?.line == 5)
        // Block nesting within the text limit but deeper than the tree limit.
        var nested = "tags:\n"
        for level in 1...20 { nested += String(repeating: " ", count: level * 2) + "k\(level):\n" }
        nested += String(repeating: " ", count: 42) + "end: 1\n"
        let block = try errors(["guides/a.md": guide(extra: nested)])
        #expect(block.first?.message.contains("nests deeper than 16 levels") == true)
        // "[see the guide]" in plain text is no nesting.
        #expect(try errors(["guides/a.md": guide(title: "Use [the guide] {twice}")]).isEmpty)
    }

    @Test func oversizedFrontMatterAndPagesAreRefusedWithSizeAndLimit() throws {
        let long = try errors(["guides/a.md": guide(extra: "tags: [\(Array(repeating: "\"word\"", count: 12_000).joined(separator: ", "))]\n")])
        #expect(long.first?.message.contains("over the limit of 65536") == true)
        let limits = ContentLimits(maxPageBytes: 64 * 1024)
        let big = try errors(["guides/a.md": guide(body: String(repeating: "word ", count: 20_000))], limits: limits)
        #expect(big.first?.message == "the page is 97.7 KiB (100071 bytes), over the limit of 64.0 KiB (65536 bytes)")
        #expect(big.first?.hint?.contains("--max-page-kib") == true)
    }

    @Test func tooManyValuesAreRefused() throws {
        let limits = ContentLimits(maxFrontMatterNodes: 100)
        let many = try errors(["guides/a.md": guide(extra: "tags: [\((0..<200).map { "t\($0)" }.joined(separator: ", "))]\n")],
                              limits: limits)
        #expect(many.first?.message.contains("more than 100 values") == true)
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() throws {
        let content = try TemporaryContent([:])
        try FileManager.default.createDirectory(atPath: content.root + "/guides", withIntermediateDirectories: true)
        var bytes = Array(guide(body: "one\ntwo\nthree\nfour").utf8)
        // Line 9 is "four": break its third byte.
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        let start = lines.prefix(8).reduce(0) { $0 + $1.count + 1 }
        bytes[start + 2] = 0xFF
        FileManager.default.createFile(atPath: content.root + "/guides/a.md", contents: Data(bytes))
        do {
            _ = try ContentLibrary.load(directory: content.root)
            Issue.record("loaded a file that is not UTF-8")
        } catch {
            #expect(error.errors.first?.line == 9)
            #expect(error.errors.first?.message.contains("byte 0xFF at column 3") == true)
        }
    }

    /// A control character fails the page at its line and column: a NUL cut the page short once read back from the
    /// index, and U+0001, DEL or U+0085 reached the HTML raw. Tabs, form feeds and CR LF line ends are text.
    @Test func aControlCharacterFailsThePageWhereItIs() throws {
        /// The first error loading a one-guide content directory gives, or nil when it loads.
        func refusal(_ page: String) throws -> ContentError? {
            let content = try TemporaryContent(["guides/a.md": page])
            do {
                _ = try ContentLibrary.load(directory: content.root)
                return nil
            } catch {
                return error.errors.first
            }
        }
        for (control, code) in [("\u{0}", "0000"), ("\u{1}", "0001"), ("\u{7F}", "007F"), ("\u{85}", "0085")] {
            let error = try refusal(guide(body: "one\r\ntwo\tand\u{0C}\nab\(control)c"))
            #expect(error?.message == "a control character (U+\(code)) at column 3" && error?.line == 8, "\(String(describing: error))")
        }
        #expect(try refusal(guide(body: "one\r\ntwo\tand\u{0C}\n© ±")) == nil)
        // The column is in characters, as an editor shows it.
        #expect(try refusal(guide(body: "日本語\u{1}"))?.message == "a control character (U+0001) at column 4")
        // Written by a YAML escape, the character is in a value, not in the file's bytes: refused there too.
        let escaped = try refusal(guide(title: "\"Moni\\0toring\""))
        #expect(escaped?.message == "a control character (U+0000) in a value" && escaped?.line == 2, "\(String(describing: escaped))")
    }

    @Test func aFIFOAndALinkLoopAreNamedForWhatTheyAre() throws {
        let content = try TemporaryContent(["guides/a.md": guide()])
        // A FIFO is refused without being opened: reading one would block until a writer comes.
        #expect(mkfifo(content.root + "/guides/pipe.md", 0o644) == 0)
        #expect(symlink(content.root + "/guides/loop.md", content.root + "/guides/loop.md") == 0)
        // Should a reader open the FIFO anyway, a writer that opens and closes it after 5 s ends the read, so
        // this test fails instead of hanging.
        let fifo = content.root + "/guides/pipe.md"
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 5)
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        do {
            _ = try ContentLibrary.load(directory: content.root)
            Issue.record("loaded a FIFO")
        } catch {
            let messages = Dictionary(uniqueKeysWithValues: error.errors.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.message) })
            #expect(messages["pipe.md"] == "is a FIFO (named pipe), not a file")
            #expect(messages["loop.md"]?.contains("symbolic link loop") == true)
        }
    }

    @Test func theRealContentIsWithinTheLimits() throws {
        let library = try ContentLibrary.load(directory: repositoryRootForContent + "/content")
        #expect(library.pages.count > 50)
        #expect(!library.fingerprint.isEmpty)
    }
}
