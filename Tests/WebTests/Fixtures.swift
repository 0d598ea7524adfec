import Foundation
import Advisor
import Web

/// The repository root, found from this file's place in it.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The real site (content, templates, public files), built once for all tests with an in-memory index.
let realSite: Site = {
    let paths = SitePaths(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates",
                          publicFiles: repositoryRoot + "/public", database: ":memory:",
                          // Lifecycles judged on the day the content was last checked, so that tests about
                          // "retires in two days" keep meaning the same thing later.
                          today: CivilDate.day("2026-11-28"))
    do {
        return try SiteBuilder.build(paths)
    } catch {
        fatalError("the real content does not build:\n\(error)")
    }
}()

let router = Router(site: realSite)

func get(_ path: String, _ query: [(String, String)] = [], headers: [String: String] = [:]) -> Response {
    router.respond(to: Request(method: "GET", path: path, query: query, headers: headers))
}

/// Query pairs from a query string, decoded the way libmicrohttpd decodes them (`+` is a space).
func pairs(_ query: String) -> [(String, String)] {
    query.split(separator: "&").map { part in
        let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        func decode(_ text: Substring) -> String {
            text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
        }
        return (decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : "")
    }
}

/// Every `href="/..."` in an HTML page.
func internalLinks(_ html: String) -> [String] {
    var links: [String] = []
    var rest = Substring(html)
    while let start = rest.range(of: "href=\"/") {
        let tail = rest[start.upperBound...]
        guard let end = tail.firstIndex(of: "\"") else { break }
        links.append("/" + tail[..<end])
        rest = tail[end...]
    }
    return links
}

func json(_ response: Response) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(response.body))
}

/// The text of `page` from the first `from` up to the next `to` after it ("" when either is missing).
func part(_ page: String, from: String, to: String) -> String {
    guard let a = page.range(of: from), let b = page.range(of: to, range: a.upperBound..<page.endIndex) else { return "" }
    return String(page[a.lowerBound..<b.lowerBound])
}
