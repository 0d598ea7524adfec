import Testing
import CCMark
@testable import Content

/// Pipe tables (PipeTables.swift): what GitHub renders as a table renders as one here, cell Markdown included, and
/// its text is searchable; what is not a table stays a paragraph.
struct PipeTableTests {
    static let table = """
        Intro.

        | tier | RPM | note |
        |---|--:|:-:|
        | Start | 1,000 | see [limits](/failure-modes/rate-limits) |
        | Custom | negotiated | `a\\|b` and **bold** |
        | - | | <script>x</script> |

        After.
        """

    @Test func aPipeTableRendersAsATableWithItsAlignments() {
        let rendered = MarkdownRenderer.render(Self.table, firstLine: 10)
        let html = rendered.html
        #expect(html.contains("<div class=\"table-scroll\">\n<table class=\"prose-table\">\n<thead>\n<tr><th scope=\"col\">tier</th>"
            + "<th scope=\"col\" class=\"align-right\">RPM</th><th scope=\"col\" class=\"align-center\">note</th></tr>\n</thead>"), "\(html)")
        #expect(html.contains("<tr><td>Start</td><td class=\"align-right\">1,000</td><td class=\"align-center\">see "
            + "<a href=\"/failure-modes/rate-limits\">limits</a></td></tr>"), "\(html)")
        // An escaped pipe is a literal one, and cell Markdown is rendered.
        #expect(html.contains("<td class=\"align-center\"><code>a|b</code> and <strong>bold</strong></td>"), "\(html)")
        // A lone dash is text, not an empty list; a missing cell is empty; raw HTML is not passed through.
        #expect(html.contains("<tr><td>-</td><td class=\"align-right\"></td>"), "\(html)")
        #expect(!html.contains("<script>") && !html.contains("<ul>"))
        #expect(!html.contains("|---|") && !html.contains("—|"))
        #expect(html.contains("<p>Intro.</p>") && html.contains("<p>After.</p>"))
        // The cells are searchable, and the link is checked at its file line (body line 5, file line 14).
        #expect(rendered.sections.first?.prose.contains("Start 1,000 see limits") == true, "\(rendered.sections)")
        #expect(rendered.sections.first?.prose.contains("Custom negotiated a|b and bold") == true)
        #expect(rendered.links == [BodyLink(url: "/failure-modes/rate-limits", line: 14)])
    }

    @Test(arguments: [
        "a | b\nc | d",                      // no delimiter row
        "| a | b |\n|---|\n| c | d |",       // the delimiter row has fewer cells
        "| a | b |\n|-x-|---|",              // not dashes
        "- | a | b |\n  |---|---|",          // inside a list item: only top-level tables
    ])
    func whatIsNotATableStaysAsItWas(_ markdown: String) {
        #expect(!MarkdownRenderer.render(markdown).html.contains("<table"), "\(markdown)")
    }

    @Test func anEmptyHeaderCellIsAPlainCell() {
        let html = MarkdownRenderer.render("| | up to 100,000 |\n|---|--:|\n| Input | $0.10 |").html
        #expect(html.contains("<tr><td></td><th scope=\"col\" class=\"align-right\">up to 100,000</th></tr>"), "\(html)")
    }

    /// Lines are cut from the body's bytes: text in several bytes per character before a table, two tables, and a
    /// last row with no line feed after it keep each row and each link on its own line.
    @Test func rowsAreFoundByLineAfterMultibyteTextAndAtTheEnd() {
        let markdown = "Prix — été: «ok» | not a table\n\n| a | b |\n|---|---|\n| é | [x](/guides/x) |\n\ntext\n\n"
            + "| c | d |\n|---|---|\n| — | [y](/guides/y) |"
        let rendered = MarkdownRenderer.render(markdown, firstLine: 3)
        #expect(rendered.html.components(separatedBy: "<table").count == 3, "\(rendered.html)")
        #expect(rendered.html.contains("<tr><td>é</td><td><a href=\"/guides/x\">x</a></td></tr>"), "\(rendered.html)")
        #expect(rendered.html.contains("<tr><td>—</td><td><a href=\"/guides/y\">y</a></td></tr>"), "\(rendered.html)")
        #expect(rendered.html.contains("<p>Prix"))
        #expect(rendered.links == [BodyLink(url: "/guides/x", line: 7), BodyLink(url: "/guides/y", line: 13)], "\(rendered.links)")
    }

    @Test func cellsSplitOnUnescapedPipes() {
        #expect(PipeTables.cells("| a | b \\| c | d |") == ["a", "b | c", "d"])
        #expect(PipeTables.cells("a|b") == ["a", "b"])
        #expect(PipeTables.cells("| a |\r") == ["a"])
    }

    /// A cell of words and figures is its own HTML without a trip through cmark (a 95,000-row table took 1.7 s); what
    /// cmark would change (smart punctuation, emphasis, entities, a paragraph's trimmed ends) still goes through it.
    @Test func plainCellsRenderAsCmarkWould() {
        let options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
        for plain in ["$0.10", "1,000", "Tier 2 (on request)", "about 3.5x", "128K / 64K", "1. first", "- dash", "5 %: €2"] {
            #expect(PipeTables.Inline.isPlain(Array(plain.utf8)), "\(plain)")
            #expect(PipeTables.Inline.render(plain, options: options).html == plain)
        }
        for (cell, html) in [("a...b", "a…b"), ("a--b", "a–b"), ("it's", "it’s"), ("**b**", "<strong>b</strong>"), ("a & b", "a &amp; b")] {
            #expect(!PipeTables.Inline.isPlain(Array(cell.utf8)), "\(cell)")
            #expect(PipeTables.Inline.render(cell, options: options).html == html, "\(cell)")
        }
        #expect(!PipeTables.Inline.isPlain(Array(" padded".utf8)) && !PipeTables.Inline.isPlain([]))
    }
}
