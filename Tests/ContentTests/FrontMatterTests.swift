import Foundation
import Testing
@testable import Content
import Advisor

struct FrontMatterTests {
    let parser = FrontMatterParser(path: "content/guides/x.md")

    /// A key given twice is one line at the second use, not the YAML library's message over the whole mapping.
    @Test func aKeyGivenTwiceIsNamedAtItsSecondLine() {
        let text = guide(extra: "order: 3\norder: 4\n")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).lastIndex { $0.hasPrefix("order:") }! + 1
        #expect { _ = try parser.parse(text) } throws: { error in
            let e = error as! ContentError
            return e.line == line && e.message == "`order` is given twice in one mapping" && !e.description.contains("\n")
        }
    }

    /// A page's own error comes before the broken links that follow from it.
    @Test func brokenLinksAreListedAfterThePagesOwnErrors() {
        let errors = ContentErrors([
            ContentError(path: "a.md", line: 3, message: "broken internal link `/x/y`", isLink: true),
            ContentError(path: "x/y.md", line: 1, message: "front matter is not closed"),
        ])
        #expect(errors.errors.map(\.path) == ["x/y.md", "a.md"])
    }

    @Test func quotedNullIsText() throws {
        #expect(try parser.parse(guide(title: "\"null\"")).frontMatter.title == "null")
    }

    @Test func parsesCommonFieldsAndBody() throws {
        let parsed = try parser.parse(guide(title: "Pacing", body: "# Heading\n\nBody text.", extra: "tags: [a, b]\norder: 3\n"))
        #expect(parsed.frontMatter.title == "Pacing")
        #expect(parsed.frontMatter.tags == ["a", "b"])
        #expect(parsed.frontMatter.order == 3)
        #expect(parsed.body.contains("Body text."))
        #expect(parsed.bodyFirstLine == 8)
    }

    /// The parser resolves no implicit tags (FrontMatterParser.compose): each value is built from its text for the
    /// type its field declares, so booleans, numbers and nulls still decode, and text that looks like another
    /// type stays the text it is.
    @Test func valuesDecodeByTheirFieldsTypeWithoutTagResolution() throws {
        let parsed = try parser.parse(guide(title: "2026", extra: "tags: [yes, 1.5, \"true\"]\norder: ~\n"))
        #expect(parsed.frontMatter.title == "2026")
        #expect(parsed.frontMatter.tags == ["yes", "1.5", "true"])
        #expect(parsed.frontMatter.order == nil)
        #expect(try parser.parse(guide(extra: "order: 16\n")).frontMatter.order == 16)
        // Booleans and numbers on the real pages: GPT-6.1 Terra's caching by default, Haiku 5.5's negotiated tier.
        func model(_ slug: String) throws -> ModelSpec {
            let text = try String(contentsOfFile: "\(repositoryRootForContent)/content/models/\(slug).md", encoding: .utf8)
            return try #require(try FrontMatterParser(path: "content/models/\(slug).md").parse(text).frontMatter.model)
        }
        let terra = try model("gpt-6-1-terra")
        #expect(terra.prices?.cache_by_default == true)
        #expect(terra.prices?.cache_ttl_minutes?.value == 30)
        #expect(try model("claude-haiku-5-5").rate_limits?.tiers?.contains { $0.negotiated == true } == true)
    }

    /// Prose that opens with a word and a colon is prose: only a page's own fields mark a stray `---`.
    @Test func aBodyOpeningWithAColonIsNotAStrayFence() throws {
        #expect(try parser.parse(guide(body: "Note: the body opens like this.\n")).body.hasPrefix("Note:"))
        #expect(try parser.parse(guide(body: "summary:, a word in a sentence\n")).body.hasPrefix("summary:,"))
        #expect(try parser.parse(guide(body: "\n# sources: where they come from\n")).body.contains("# sources:"))
        // A code block of four spaces, and a list item that opens with a capital, are Markdown.
        #expect(try parser.parse(guide(body: "    sources: x\n")).body.contains("    sources: x"))
        #expect(try parser.parse(guide(body: "- Cost: what a month comes to\n")).body.hasPrefix("- Cost:"))
    }

    @Test func acceptsWindowsLineEndings() throws {
        let text = guide().replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try parser.parse(text).frontMatter.title == "A guide")
    }

    @Test(arguments: [
        ("no front matter here", 1, "missing front matter"),
        ("---\ntitle: x\n", 1, "front matter is not closed"),
        ("---\ntitle: x\nsummary: y\n---\n", 2, "missing required field `updated`"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\norder: many\n---\n", 5, "`order` should be a whole number"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\nsumary: typo\n---\n", 5, "unknown field `sumary`"),
        // At the line that opened what was never closed, not the line after it.
        ("---\ntitle: x\nsummary: [unclosed\nupdated: \"2026-01-01\"\n---\n", 3, "YAML syntax"),
        ("---\ntitle: \"Claude\nsummary: y\nupdated: \"2026-01-01\"\n---\n", 2, "YAML syntax"),
        ("---\n- a\n- b\n---\n", 2, "front matter must be a YAML mapping"),
        // The kind of value wanted and the kind given, in words (Yams names the node kind it expected: this said
        // "should be a mapping of fields (Scalar)" for a title written as a list).
        ("---\ntitle: [a, b]\nsummary: y\nupdated: \"2026-01-01\"\n---\n", 2,
         "`title` should be one value (text, a number, a date or true/false), not a list"),
        ("---\ntitle: {a: 1}\nsummary: y\nupdated: \"2026-01-01\"\n---\n", 2, "`title` should be one value (text, a number, a date or true/false), not a mapping of fields"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\ntags: \"cost\"\n---\n", 5, "`tags` should be a list, not `cost`"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\nsources: 5\n---\n", 5, "`sources` should be a list, not `5`"),
        // Read without tag resolution, a YAML null was the text "null": a page titled "null" passed check.
        ("---\ntitle: null\nsummary: y\nupdated: \"2026-01-01\"\n---\n", 2, "`title` is `null`, YAML for no value, where text is wanted"),
        ("---\ntitle: x\nsummary: ~\nupdated: \"2026-01-01\"\n---\n", 3, "`summary` is `~`, YAML for no value"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\ntags: [a, NULL]\n---\n", 5, "`tags[1]` is `NULL`, YAML for no value"),
        // YAML 1.1 numbers that are not decimal: a price typed 0:10 for 0.10 was read as 10 (base 60).
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\norder: 1:30\n---\n", 5, "`order` is `1:30`, which YAML reads as 90, not as the decimal it looks like"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\norder: 0x10\n---\n", 5, "`order` is `0x10`, which YAML reads as 16"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\norder: 1_000\n---\n", 5, "`order` is `1_000`, which YAML reads as 1000"),
        // Past a leading underscore or point, and octal: `_0x10` was 16, `.5:30` 60 and `010` 8.
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\norder: _0x10\n---\n", 5, "`order` is `_0x10`, which YAML reads as 16"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\norder: 010\n---\n", 5, "`order` is `010`, which YAML reads as 8"),
        // A stray `---` closed the front matter early: the guide's sources were its body's first paragraph, and check
        // said ok. Blamed on the field after it, naming the fence's line.
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\n---\n\nsources:\n  - id: a\n---\n", 7,
         "`sources:` after the `---` on line 5 that closed the front matter"),
        ("---\ntitle: x\nsummary: y\n---\nupdated: \"2026-01-01\"\n---\n", 5, "`updated:` after the `---` on line 4"),
        // Between two sources, or inside a section block: the next line is an indented field or a list item's.
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\nsources:\n  - id: a\n    title: t\n    url: https://a.example\n    checked: \"2026-01-01\"\n---\n  - id: b\n---\n", 11,
         "`id:` after the `---` on line 10"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\n---\n  provider: OpenAI\n---\n", 6, "`provider:` after the `---` on line 5"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\nsources:\n  - ids: a\n    title: t\n    url: https://a.example\n    checked: \"2026-01-01\"\n---\n", 6,
         "unknown field `sources[0].ids`, and the required `sources[0].id` is missing"),
        // A misspelt required field at its own line, not "missing required field" at the top of its block.
        ("---\ntitel: x\nsummary: y\nupdated: \"2026-01-01\"\n---\n", 2, "unknown field `titel`, and the required `title` is missing"),
        ("---\ntitle: x\nsummary: y\nupdated: \"2026-01-01\"\nsources:\n  - id: a\n    title: t\n    ulr: https://x.example\n---\n", 8,
         "unknown field `sources[0].ulr`, and the required `sources[0].url` is missing"),
        ("---\ntitle: x\nsummary: y\n<<: {updated: \"2026-01-01\"}\n---\n", 4, "unknown field `<<`, and the required `updated` is missing"),
    ])
    func reportsErrorsAtTheirLine(text: String, line: Int, message: String) {
        #expect {
            try parser.parse(text)
        } throws: { error in
            guard let error = error as? ContentError else { return false }
            return error.line == line && error.message.contains(message) && error.path == "content/guides/x.md"
        }
    }

    /// Text that looks like a base-60 number stays text where the field is text ("09:30" in a summary).
    @Test func timesInTextAreNotNumbers() throws {
        let parsed = try parser.parse("---\ntitle: 09:30\nsummary: 1:30\nupdated: \"2026-01-01\"\n---\n")
        #expect(parsed.frontMatter.title == "09:30")
        for odd in ["0:10", "-0X1f", "_0x10", "+_0x10", ".5:30", "_1_000", "010", "-007"] {
            #expect(FrontMatterParser.mayReadOtherThanDecimal(odd), "\(odd)")
        }
        for plain in ["0.10", "1e-3", ".5", "+.5", "1E+3", "0", "10", "0.0", "gpt-6:luna", "true"] {
            #expect(!FrontMatterParser.mayReadOtherThanDecimal(plain), "\(plain)")
        }
    }

    @Test func nestedUnknownKeyPointsAtItsLine() {
        let text = """
        ---
        title: x
        summary: y
        updated: "2026-01-01"
        sources:
          - id: a
            title: A
            url: https://example.com
            checked: "2026-01-01"
            chekced: "2026-01-01"
        ---
        """
        #expect {
            try parser.parse(text)
        } throws: { error in
            (error as? ContentError).map { $0.line == 10 && $0.message.contains("sources[0].chekced") } ?? false
        }
    }

    @Test func errorDescriptionIsPathLineMessage() {
        let error = ContentError(path: "content/models/x.md", line: 7, message: "bad", hint: "fix it")
        #expect(error.description == "content/models/x.md:7: bad (hint: fix it)")
    }

    @Test(arguments: [("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false), ("2024-1-01", false),
                      ("2024-04-31", false), ("2026-11-21", true), ("yesterday", false)])
    func validatesDates(text: String, valid: Bool) {
        #expect(Dates.isValid(text) == valid)
    }
}
