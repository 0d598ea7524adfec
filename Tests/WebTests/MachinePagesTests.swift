import Foundation
import Testing
@testable import Web

/// The `.md` twins, `/llms.txt` and `/llms-full.txt`: prebuilt, with ETags, in the llms.txt convention.
@Suite struct MachinePagesTests {
    @Test func everyPageAnswersAtMarkdownWithFiguresAndSources() throws {
        for page in realSite.library.pages {
            let response = get(page.url + ".md")
            #expect(response.status == 200, "\(page.url).md")
            #expect(response.header("Content-Type") == "text/markdown; charset=utf-8")
            #expect(response.text.hasPrefix("# \(page.title)\n\n> "), "\(page.url).md")
        }
        let haiku = get("/models/claude-haiku-5-5.md").text
        #expect(haiku.contains("| Field | Value | Source | As of | Note |"))
        // A figure is one row with its source; values as the YAML writes them.
        #expect(haiku.contains("| model.prices.input | 0.10 | overview |"))
        #expect(haiku.contains("| model.prices.cache_read | 0.01 | overview |  | derived: 0.10 x 0.1 = 0.01 |"))
        #expect(haiku.contains("| model.prices.long_context.threshold | 100000 | pricing |"))
        // The body as written, and every source's URL in full.
        #expect(haiku.contains("\n## Sources\n"))
        let page = try #require(realSite.library.page(.models, "claude-haiku-5-5"))
        for source in page.frontMatter.sources ?? [] { #expect(haiku.contains(source.url), "\(source.id)") }
        let firstHeading = try #require(page.markdown.split(separator: "\n").first { $0.hasPrefix("## ") })
        #expect(haiku.contains(firstHeading))
    }

    @Test func markdownTwinsAreServedWithETagsLikeStaticFiles() throws {
        let first = get("/guides/tiered-routing.md")
        let etag = try #require(first.header("ETag"))
        #expect(first.header("Cache-Control") == "public, max-age=300")
        #expect(get("/guides/tiered-routing.md").body == first.body)
        let again = get("/guides/tiered-routing.md", headers: ["If-None-Match": etag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(get("/guides/tiered-routing.md", headers: ["If-None-Match": "\"other\""]).status == 200)
        #expect(get("/guides/no-such-page.md").status == 404)
        #expect(get("/nosection/tiered-routing.md").status == 404)
        let post = router.respond(to: Request(method: "POST", path: "/guides/tiered-routing.md"))
        #expect(post.status == 405)
        #expect(router.respond(to: Request(method: "HEAD", path: "/llms.txt")).status == 200)
    }

    @Test func llmsTxtFollowsTheConvention() throws {
        let response = get("/llms.txt")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(response.header("ETag") != nil)
        let lines = response.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // An H1, a blockquote, a paragraph without headings, then H2 sections of link lists; Optional last.
        #expect(lines[0] == "# haiku-advisor")
        #expect(lines[2].hasPrefix("> "))
        let h2 = lines.filter { $0.hasPrefix("## ") }
        #expect(h2 == ["## Models", "## Failure modes", "## Guides", "## Decision criteria", "## Optional"])
        #expect(!lines.contains { $0.hasPrefix("### ") || ($0.hasPrefix("# ") && $0 != lines[0]) })
        let items = lines.filter { $0.hasPrefix("- ") }
        #expect(items.count == realSite.library.pages.count)
        for item in items {
            let link = try #require(item.range(of: #"^- \[[^\]]+\]\((/[a-z-]+/[a-z0-9-]+\.md)\): \S"#, options: .regularExpression),
                                    "\(item)")
            let url = String(item[link]).components(separatedBy: "](")[1].components(separatedBy: ")")[0]
            #expect(get(url).status == 200, "\(url)")
        }
        #expect(response.text.contains("- [Claude Haiku 5.5](/models/claude-haiku-5-5.md): "))
    }

    @Test func llmsFullHoldsEveryPageUnderAnH2() {
        let full = get("/llms-full.txt")
        #expect(full.status == 200)
        #expect(full.text.hasPrefix("# haiku-advisor\n\n> "))
        for page in realSite.library.pages {
            #expect(full.text.contains("\n## \(page.title)\n\n> "), "\(page.url)")
            #expect(!full.text.contains("\n# \(page.title)\n"), "\(page.url)")
        }
        // Page headings move one level down (code blocks, where `#` is a comment, stay as written).
        #expect(full.text.contains("\n### Figures\n"))
        #expect(full.text.contains("\n# model id -> (provider, platform, retirement date or None, replacement)\n"))
    }
}
