import Foundation
import Testing
@testable import Content

struct ContentLibraryTests {
    @Test func loadsAndOrdersPages() throws {
        let content = try TemporaryContent([
            "guides/b.md": guide(title: "Beta", extra: "order: 1\n"),
            "guides/a.md": guide(title: "Alpha", extra: "order: 2\n"),
            "guides/_index.md": guide(title: "Guides", body: "Intro."),
        ])
        let library = try ContentLibrary.load(directory: content.root)
        #expect(library.pages.map(\.slug) == ["b", "a"])
        #expect(library.sectionIntros[.guides]?.html.contains("Intro.") == true)
        #expect(library.page(.guides, "a")?.url == "/guides/a")
    }

    /// Schemes are case-insensitive (RFC 3986, 3.1): `HTTPS://` in a body link was refused as "neither internal nor
    /// http(s)"; `ftp://` still is.
    @Test func aLinkSchemeIsReadWhateverItsCase() throws {
        let fine = try TemporaryContent(["guides/a.md": guide(body: "[A](HTTPS://ok.example/) and [B](Http://ok.example/x).")])
        #expect(try ContentLibrary.load(directory: fine.root).pages.count == 1)
        let ftp = try TemporaryContent(["guides/a.md": guide(body: "[A](ftp://ok.example/).")])
        #expect(throws: ContentErrors.self) { try ContentLibrary.load(directory: ftp.root) }
    }

    @Test func reportsEveryErrorInOneRun() throws {
        let content = try TemporaryContent([
            "guides/one.md": guide(body: "A [broken](/guides/missing) link."),
            "guides/two.md": guide(body: "Line one.\n\n[anchor](/guides/one#nowhere)"),
            "guides/Bad_Slug.md": guide(),
            "guides/notes.txt": "x",
            "recipes/x.md": guide(),
            // What editors leave beside a page is no page and no error: one save stopped every rebuild under --watch.
            "guides/one.md~": "backup",
            "guides/#one.md#": "auto-save",
        ])
        #expect {
            try ContentLibrary.load(directory: content.root)
        } throws: { error in
            guard let errors = error as? ContentErrors else { return false }
            let text = errors.description
            return errors.errors.count == 5
                && text.contains("guides/one.md:6: broken internal link `/guides/missing`")
                && text.contains("guides/two.md:8: broken internal link `/guides/one#nowhere`")
                && text.contains("not a valid slug") && text.contains("not a Markdown page")
                && text.contains("unknown section `recipes`")
        }
    }

    /// A section that cannot be listed was read as empty: its pages' links were reported broken, the folder never.
    @Test func aSectionThatCannotBeListedIsNamed() throws {
        let content = try TemporaryContent(["guides/a.md": guide()])
        try FileManager.default.createSymbolicLink(atPath: content.root + "/resources", withDestinationPath: content.root + "/nowhere")
        #expect {
            try ContentLibrary.load(directory: content.root)
        } throws: { error in
            let text = (error as? ContentErrors)?.description ?? ""
            return text.contains("/resources:1: a link to nothing, not a section folder")
        }
    }

    @Test func aNumberNoPageCanStateFailsAtItsLineAndLinksToThePageAreNotBroken() throws {
        // YAML reads `.nan`, `.inf` and `1e309` as numbers: a benchmark score of `.nan` passed `check` and stopped a
        // `serve --watch` when it wrote the page; a price of `.nan` stopped `index`. Each is its page's error, at its
        // line, and the pages that link to it are not "broken" for it.
        let real = try String(contentsOfFile: repositoryRootForContent + "/content/models/claude-haiku-4-5.md", encoding: .utf8)
        for (field, written) in [("value: 73.3", ".nan"), ("value: 73.3", "1e309"), ("value: 1.00", "-.inf")] {
            let lines = real.components(separatedBy: "\n")
            let at = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == field })
            var changed = lines
            changed[at] = lines[at].replacingOccurrences(of: field, with: "value: \(written)")
            let content = try TemporaryContent([
                "models/claude-haiku-4-5.md": changed.joined(separator: "\n"),
                "guides/one.md": guide(body: "See [Haiku 4.5](/models/claude-haiku-4-5) and [its prices](/models/claude-haiku-4-5#prices)."),
            ])
            #expect {
                try ContentLibrary.load(directory: content.root)
            } throws: { error in
                guard let errors = error as? ContentErrors, errors.errors.count == 1, let only = errors.errors.first else {
                    Issue.record("\(error)")
                    return false
                }
                return only.path.hasSuffix("models/claude-haiku-4-5.md") && only.line == at + 1
                    && only.message.contains("is \(written == "1e309" ? "inf" : written == ".nan" ? "nan" : "-inf"), not a number a page can state")
            }
        }
    }

    /// Raw HTML in a title or summary is refused at its line, as in a body: the page escaped it while llms.txt and
    /// the .md copy published it as markup. A "<" that opens no tag is text.
    @Test func rawHTMLInATitleIsRefused() throws {
        let bad = try TemporaryContent(["guides/one.md": guide(title: "\"Pacing <b>now</b>\"")])
        #expect {
            try ContentLibrary.load(directory: bad.root)
        } throws: { error in
            (error as? ContentErrors)?.errors.contains { $0.line == 2 && $0.message.contains("`title` holds raw HTML (`<b>`)") } ?? false
        }
        let fine = try TemporaryContent(["guides/one.md": guide(title: "\"Answers in < 1 s, 2<3\"")])
        #expect(try ContentLibrary.load(directory: fine.root).pages.count == 1)
    }

    /// A table row with more cells than its header loses them on the page, as GitHub's do: `check` says so at the
    /// row's line instead of dropping them without a word. Fewer cells are filled out empty, which loses nothing.
    @Test func aRowWiderThanItsHeaderIsRefused() throws {
        let body = "Intro.\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n| 6 |\n"
        let content = try TemporaryContent(["guides/one.md": guide(body: body)])
        #expect {
            try ContentLibrary.load(directory: content.root)
        } throws: { error in
            (error as? ContentErrors)?.errors.contains {
                $0.line == 10 && $0.message.contains("this table row has 5 cells and its header 3: the page would not show the last 2")
            } ?? false
        }
        let narrow = try TemporaryContent(["guides/one.md": guide(body: "| a | b | c |\n|---|---|---|\n| 6 |\n| x \\| y | z |\n")])
        #expect(try ContentLibrary.load(directory: narrow.root).pages.count == 1)
    }

    /// The engine's own links in criteria/_index.md (levers, warnings) are checked as a body's are: a typo there
    /// passed `check` and every verdict that offered the batch lever linked to a 404.
    @Test func theEnginesLinksAreChecked() throws {
        let real = try String(contentsOfFile: repositoryRootForContent + "/content/criteria/_index.md", encoding: .utf8)
        let lines = real.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasSuffix("url: /criteria/latency-need") })
        var changed = lines
        changed[at] = lines[at].replacingOccurrences(of: "/criteria/latency-need", with: "/criteria/latency-needs")
        let content = try TemporaryContent(["criteria/_index.md": changed.joined(separator: "\n")])
        #expect {
            try ContentLibrary.load(directory: content.root)
        } throws: { error in
            let errors = (error as? ContentErrors)?.errors ?? []
            return errors.contains { $0.path.hasSuffix("criteria/_index.md") && $0.line == at + 1
                && $0.message.contains("links to `/criteria/latency-needs`, which is no page here") }
        }
    }

    @Test func anchorsOnOtherPagesResolve() throws {
        let content = try TemporaryContent([
            "guides/one.md": guide(body: "## Backoff\n\ntext"),
            "guides/two.md": guide(body: "[see](/guides/one#backoff) and [home](/) and [ask](/assess)"),
        ])
        #expect(try ContentLibrary.load(directory: content.root).pages.count == 2)
    }

    static let resource = """
    ---
    title: Status page
    summary: Where outages are announced.
    updated: "2026-11-21"
    sources:
      - {id: ref, title: Reference, url: "https://example.com", checked: "2026-11-21"}
    resource:
      url: https://status.example.com
      kind: status
      publisher: Example
    ---
    Body.
    """

    @Test func typedSectionsNeedTheirBlockAndSources() throws {
        let content = try TemporaryContent([
            "resources/status.md": Self.resource,
            "resources/bare.md": guide(),
            "guides/wrong.md": guide(extra: "resource: {url: \"https://x.example\", kind: docs, publisher: X}\n"),
        ])
        #expect {
            try ContentLibrary.load(directory: content.root)
        } throws: { error in
            let text = (error as? ContentErrors)?.description ?? ""
            return text.contains("resources/bare.md:2: a resources page needs `sources`")
                && text.contains("resources/bare.md:2: a resources page needs a `resource:` block")
                && text.contains("guides/wrong.md:5: `resource` does not belong on a guides page")
                && !text.contains("status.md")
        }
    }

    @Test func checksSourcesDatesAndEnumerations() throws {
        let broken = Self.resource
            .replacingOccurrences(of: "checked: \"2026-11-21\"", with: "checked: \"2026-02-30\"")
            .replacingOccurrences(of: "kind: status", with: "kind: blog")
            .replacingOccurrences(of: "url: \"https://example.com\"", with: "url: /resources/nowhere")
        let content = try TemporaryContent(["resources/status.md": broken])
        #expect {
            try ContentLibrary.load(directory: content.root)
        } throws: { error in
            let text = (error as? ContentErrors)?.description ?? ""
            return text.contains("status.md:6: `sources[0].checked` must be a real date")
                && text.contains("status.md:6: `sources[0].url` links to `/resources/nowhere`")
                && text.contains("status.md:9: unknown resource kind `blog`")
        }
    }

    /// An address needs a host and no spaces: `https://` alone and `https://a b` passed as public addresses.
    @Test func addressesNeedAHost() throws {
        let broken = Self.resource
            .replacingOccurrences(of: "url: https://status.example.com", with: "url: \"https://\"")
            .replacingOccurrences(of: "url: \"https://example.com\"", with: "url: \"https://a b\"")
        let content = try TemporaryContent(["resources/status.md": broken])
        #expect {
            try ContentLibrary.load(directory: content.root)
        } throws: { error in
            let text = (error as? ContentErrors)?.description ?? ""
            return text.contains("status.md:6: `sources[0].url` must be an http(s) address with a host")
                && text.contains("status.md:8: `resource.url` must be a public http(s) address with a host")
        }
    }
}
