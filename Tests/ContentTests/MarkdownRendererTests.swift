import Testing
@testable import Content

struct MarkdownRendererTests {
    @Test func headingsGetUniqueAnchorsAndAnOutline() {
        let rendered = MarkdownRenderer.render("## Rate limits\n\ntext\n\n### Rate limits\n\n## What's next?\n")
        #expect(rendered.headings.map(\.anchor) == ["rate-limits", "rate-limits-2", "what-s-next"])
        #expect(rendered.headings.map(\.level) == [2, 3, 2])
        #expect(rendered.html.contains(##"<h2>Rate limits <a class="anchor" href="#rate-limits" id="rate-limits" aria-label="Link to this section">#</a></h2>"##))
        #expect(!rendered.html.contains("aria-hidden"))
    }

    @Test func rawHTMLIsOmittedAndScriptLinksEmptied() {
        let rendered = MarkdownRenderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=x>hi</b>")
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("onclick"))
        #expect(!rendered.html.contains("javascript:"))
        #expect(rendered.html.contains("raw HTML omitted"))
    }

    @Test func headingTextIsEscapedInTheOutlineSource() {
        let rendered = MarkdownRenderer.render("## <img src=x onerror=alert(1)> & \"quotes\"\n")
        #expect(rendered.headings.first?.anchor.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } == true)
        #expect(!rendered.html.contains("onerror=alert(1)>"))
    }

    @Test func sectionTextDropsMarkupAndKeepsCodeApart() {
        let rendered = MarkdownRenderer.render("Some **bold** and `code`.\n\n```\nlet x = 1\n```\n")
        #expect(rendered.sections == [TextSection(anchor: "", heading: "", prose: "Some bold and code.", code: "let x = 1")])
    }

    @Test func sectionsAreCutAtHeadingsWithTheirAnchors() {
        let rendered = MarkdownRenderer.render("Intro &amp; more.\n\n## First *one*\n\nText with `code` and \"quotes\".\n\n```\nlet x = 1 < 2\n```\n\n#### Deeper\n\nStill first.\n\n### Second\n\n- Last\n- item.")
        let sections = rendered.sections
        #expect(sections.map(\.anchor) == ["", "first-one", "second"])
        #expect(sections[0].prose == "Intro & more.")
        #expect(sections[1].heading == "First one")
        #expect(sections[1].prose.contains("Text with code and"))
        #expect(sections[1].prose.contains("Deeper Still first."))
        #expect(sections[1].code == "let x = 1 < 2")
        #expect(sections[2].prose == "Last item.")
    }

    @Test func linksKeepTheirFileLine() {
        let rendered = MarkdownRenderer.render("first\n\nsee [a](/models/x) and\n[b](https://example.com)", firstLine: 10)
        #expect(rendered.links == [BodyLink(url: "/models/x", line: 12), BodyLink(url: "https://example.com", line: 13)])
    }

    @Test func invalidUTF8DoesNotReachTheOutput() {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xFE] + Array(" done".utf8)
        let rendered = MarkdownRenderer.render(String(decoding: bytes, as: UTF8.self))
        #expect(rendered.html.contains("ok"))
        #expect(String(validating: Array(rendered.html.utf8), as: UTF8.self) != nil)
    }

    @Test func slugify() {
        #expect(MarkdownRenderer.slugify("Prompt caching: 90% off?") == "prompt-caching-90-off")
        // Accented Latin letters keep their base letter: "Café" was `caf`, "Ünïcödé Straße" `n-c-d-stra-e`.
        #expect(MarkdownRenderer.slugify("Café") == "cafe")
        #expect(MarkdownRenderer.slugify("Ünïcödé Straße") == "unicode-strasse")
        // Lower-cased in full before the ASCII letters are kept: the Kelvin sign becomes a "k".
        #expect(MarkdownRenderer.slugify("\u{212A}ELVIN  scale, 2-3 °C") == "kelvin-scale-2-3-c")
        #expect(MarkdownRenderer.slugify("--GPT-4o mini--") == "gpt-4o-mini")
    }
}
