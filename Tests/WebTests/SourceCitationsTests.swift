import Testing
@testable import Web

/// Citations by source id in a page's prose become numbered links to its Sources list (SourceCitations.swift).
struct SourceCitationsTests {
    let sources = [(id: "launch", title: "Launch post \"A\" & notes"), (id: "haiku55-overview", title: "Haiku 5.5 overview")]

    @Test func linksEveryCitedIDToItsNumberedSource() {
        let html = SourceCitations.link("<p>Cheaper (haiku55-overview), faster (launch, haiku55-overview) and (launch and haiku55-overview).</p>",
                                        sources: sources)
        #expect(html == "<p>Cheaper [<a class=\"cite\" href=\"#source-haiku55-overview\" title=\"Haiku 5.5 overview\">2</a>], faster "
            + "[<a class=\"cite\" href=\"#source-launch\" title=\"Launch post &quot;A&quot; &amp; notes\">1</a>, "
            + "<a class=\"cite\" href=\"#source-haiku55-overview\" title=\"Haiku 5.5 overview\">2</a>] and "
            + "[<a class=\"cite\" href=\"#source-launch\" title=\"Launch post &quot;A&quot; &amp; notes\">1</a>, "
            + "<a class=\"cite\" href=\"#source-haiku55-overview\" title=\"Haiku 5.5 overview\">2</a>].</p>")
    }

    @Test func leavesOtherParenthesesCodeAndLinksAlone() {
        let html = "<p>At the default (default), in 2024 (2024), partly (launch, default), <code>f(launch)</code>, "
            + "<a href=\"/x\">see (launch)</a>, <pre>(launch)</pre> (Launch) ( launch</p>"
        #expect(SourceCitations.link(html, sources: sources) == html)
        #expect(SourceCitations.link("<p>(launch)</p>", sources: []) == "<p>(launch)</p>")
    }

    @Test func pagesShowNoBareSourceIDsAndAnchorTheirSources() {
        let page = get("/failure-modes/model-retirement").text
        #expect(!page.contains("(flarecanary)"))
        #expect(page.contains("href=\"#source-flarecanary\""))
        #expect(page.contains("<li id=\"source-flarecanary\">"))
    }
}
