import Advisor
import Content
import Search

/// `/search` (HTML) and `/api/search` (JSON): one query validation, one search, two renderings.
struct SearchViews {
    let site: Site

    struct Parameters {
        let text: String
        let section: Section?
        let limit: Int
        let offset: Int
        /// `exact=1`: search the words as typed, without showing a correction's results instead.
        let exact: Bool
    }

    /// Validates the query string; every problem names its parameter.
    static func parameters(_ request: Request) throws(HTTPError) -> Parameters {
        // One value each, as an assessment's answers are: `q=a&q=b` searched for `a` without a word.
        for name in ["q", "section", "limit", "offset", "exact"] where request.query.lazy.filter({ $0.0 == name }).count > 1 {
            throw .badRequest("`\(name)` is given more than once: give it once", field: name)
        }
        let text = request.parameter("q") ?? ""
        guard text.utf8.count <= 1_000 else {
            throw .badRequest("the search text is longer than 1,000 bytes", field: "q")
        }
        var section: Section?
        if let name = request.parameter("section"), !name.isEmpty {
            guard let known = Section(rawValue: name) else {
                throw .badRequest("unknown section `\(name)`; use one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))",
                                  field: "section")
            }
            section = known
        }
        let limit = try integer(request, "limit", default: 10, range: 1...100)
        let offset = try integer(request, "offset", default: 0, range: 0...10_000)
        // The values the OpenAPI document lists; any other was read as "off" without a word (`exact=yes`).
        let exactText = request.parameter("exact") ?? ""
        guard ["", "0", "1", "true", "false"].contains(exactText) else {
            throw .badRequest("`exact` must be 1 or true (search the words as typed), or 0 or false", field: "exact")
        }
        let exact = exactText == "1" || exactText == "true"
        return Parameters(text: text, section: section, limit: limit, offset: offset, exact: exact)
    }

    private static func integer(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws(HTTPError) -> Int {
        guard let text = request.parameter(name), !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw .badRequest("`\(name)` must be a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return number
    }

    func run(_ parameters: Parameters) throws(HTTPError) -> SearchResults {
        do {
            return try site.index.search(SearchQuery(text: parameters.text, section: parameters.section,
                                                     limit: parameters.limit, offset: parameters.offset,
                                                     correct: !parameters.exact, day: site.advisor.knowledge.today))
        } catch {
            // The MATCH expressions are built so that no input can fail them: an error here is ours, not the user's,
            // and passes (the budget resets, a connection frees, a damaged index is rebuilt): 503, try again.
            switch error {
            case .overBudget(let ms):
                throw HTTPError(503, code: "search_over_budget",
                                "The search took longer than its budget of \(ms) ms and was stopped. Try fewer or more precise words.",
                                retryAfter: 1)
            case .busy:
                throw HTTPError(503, code: "search_busy", "Every search slot is busy. Try again in a second.", retryAfter: 1)
            case .unusable:
                throw HTTPError(503, code: "search_unavailable",
                                "The search index cannot be read; it is being rebuilt. Try again in a few seconds.", retryAfter: 5)
            }
        }
    }

    func json(_ request: Request) throws(HTTPError) -> Response {
        let parameters = try Self.parameters(request)
        return .json(SearchDocument(query: parameters.text, results: try run(parameters)).bytes)
    }

    func html(_ request: Request) -> Response {
        let parameters: Parameters
        do {
            parameters = try Self.parameters(request)
        } catch {
            return .html(page(query: request.parameter("q") ?? "", section: nil, results: nil, error: error.message),
                         status: 400)
        }
        do {
            let results = try run(parameters)
            return .html(page(query: parameters.text, section: parameters.section, results: (results, parameters), error: nil))
        } catch {
            var response = Response.html(page(query: parameters.text, section: parameters.section, results: nil, error: error.message),
                                         status: error.status)
            if let seconds = error.retryAfter { response.headers.append(("Retry-After", String(seconds))) }
            return response
        }
    }

    private func page(query: String, section: Section?, results: (SearchResults, Parameters)?, error: String?) -> [UInt8] {
        let view = SearchPage(query: query, section: section?.rawValue ?? "", error: error ?? "",
                              results: results.map { found, parameters in
                                  Self.resultsView(found, query: query, section: section, parameters: parameters,
                                                   badge: modelBadge)
                              })
        // A title holds no markup to isolate the query in: "Search: " and the site's name after it were shown reversed.
        let title = query.isEmpty ? "Search" : "Search: " + DirectionControls.stripped(query)
        return site.templates.page(title: title, view: view)
    }

    static func link(_ query: String, section: Section?, offset: Int = 0, exact: Bool = false) -> String {
        "/search?q=\(Answers.percentEncode(query))" + (section.map { "&section=\($0.rawValue)" } ?? "")
            + (exact ? "&exact=1" : "") + (offset > 0 ? "&offset=\(offset)" : "")
    }

    /// A model page found carries its lifecycle today, as every page that names a model does (a search for a retired
    /// model must not read as a current one).
    private func modelBadge(_ hit: SearchHit) -> Badge {
        guard hit.section == Section.models.rawValue else { return .none }
        let knowledge = site.advisor.knowledge
        return LifecycleText.badge(knowledge.status(of: hit.slug, on: knowledge.today), library: site.library)
    }

    private static func resultsView(_ found: SearchResults, query: String, section: Section?, parameters: Parameters,
                                    badge: (SearchHit) -> Badge) -> SearchResultsView {
        let shownQuery = found.showingSuggestion ? found.suggestion ?? query : query
        // The page a result opens marks these words (public/search.js reads `h`).
        let highlight = found.terms.isEmpty ? "" : "?h=" + Answers.percentEncode(found.terms.joined(separator: " "))
        func withHighlight(_ url: String) -> String {
            guard let hash = url.firstIndex(of: "#") else { return url + highlight }
            return url[..<hash] + highlight + url[hash...]
        }
        func hitView(_ hit: SearchHit) -> SearchHitView {
            SearchHitView(title: hit.title, url: withHighlight(hit.url), badge: badge(hit), sectionTitle: hit.sectionTitle ?? "",
                          snippetHTML: SnippetHTML.render(hit.snippet),
                          section: Section(rawValue: hit.section)?.title ?? hit.section,
                          more: hit.more.map { more in
                              MoreSectionView(title: more.title ?? hit.title, url: withHighlight(more.url),
                                              snippetHTML: SnippetHTML.render(more.snippet))
                          })
        }
        var showing: ShownCorrection?
        var suggestion: SuggestedCorrection?
        if let suggested = found.suggestion {
            if found.showingSuggestion {
                showing = ShownCorrection(text: suggested, instead: query, insteadURL: link(query, section: section, exact: true))
            } else {
                suggestion = SuggestedCorrection(text: suggested, url: link(suggested, section: section))
            }
        }
        let all = found.facets.reduce(0) { $0 + $1.count }
        let facets = all == 0 ? [] : [FacetLink(label: "All sections", count: all,
                                                url: link(shownQuery, section: nil, exact: parameters.exact), current: section == nil)]
            + found.facets.map { facet in
                FacetLink(label: facet.section.title, count: facet.count,
                          url: link(shownQuery, section: facet.section, exact: parameters.exact), current: facet.section == section)
            }
        let (offset, limit) = (parameters.offset, parameters.limit)
        return SearchResultsView(
            hits: found.hits.filter(\.hasEveryWord).map(hitView),
            partialHits: found.hits.filter { !$0.hasEveryWord }.map(hitView),
            total: found.total, took: "\((found.tookMs * 10).rounded() / 10) ms",
            showing: showing, suggestion: suggestion, facets: facets,
            // Past the end, back to the last page of results, not to another page past it.
            previous: offset > 0 ? link(query, section: section, offset: min(max(0, offset - limit), found.total > 0 ? (found.total - 1) / limit * limit : 0),
                                        exact: parameters.exact) : nil,
            next: offset + limit < found.total ? link(query, section: section, offset: offset + limit, exact: parameters.exact) : nil,
            first: found.total == 0 ? 0 : offset + 1, last: offset + found.hits.count)
    }
}

/// A snippet as HTML: the text escaped, the matches in `<mark>`.
enum SnippetHTML {
    static func render(_ snippet: Snippet) -> String {
        snippet.rendered(open: "<mark>", close: "</mark>", escape: HTMLText.escape)
    }
}

/// The `/api/search` document (and `haiku-advisor search --json`). The web writes it with `bytes` (a streaming
/// writer, on every search); `Encodable` serves the CLI's pretty form and the MCP server, and is the reference the
/// writer's bytes are tested against.
public struct SearchDocument: Encodable {
    let query: String
    let results: SearchResults

    public init(query: String, results: SearchResults) {
        self.query = query
        self.results = results
    }

    enum CodingKeys: String, CodingKey { case query, total, matched, suggestion, facets, took_ms, results }

    struct Hit: Encodable {
        let hit: SearchHit
        enum CodingKeys: String, CodingKey { case section, slug, title, section_title, url, snippet, score, more }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(hit.section, forKey: .section)
            try container.encode(hit.slug, forKey: .slug)
            try container.encode(hit.title, forKey: .title)
            try container.encode(hit.sectionTitle, forKey: .section_title)
            try container.encode(hit.url, forKey: .url)
            try container.encode(SnippetHTML.render(hit.snippet), forKey: .snippet)
            try container.encode(hit.score, forKey: .score)
            try container.encode(hit.more.map(More.init), forKey: .more)
        }
    }

    struct More: Encodable {
        let section: SectionHit
        enum CodingKeys: String, CodingKey { case section_title, url, snippet }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(section.title, forKey: .section_title)
            try container.encode(section.url, forKey: .url)
            try container.encode(SnippetHTML.render(section.snippet), forKey: .snippet)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(results.total, forKey: .total)
        try container.encode(results.matched.rawValue, forKey: .matched)
        try container.encode(results.suggestion, forKey: .suggestion)  // null when there is none
        try container.encode(Dictionary(uniqueKeysWithValues: results.facets.map { ($0.section.rawValue, $0.count) }), forKey: .facets)
        try container.encode(results.tookMs, forKey: .took_ms)
        try container.encode(results.hits.map(Hit.init), forKey: .results)
    }

    /// The document as `JSON.encoder()` would write it, byte for byte (keys in sorted order).
    var bytes: [UInt8] {
        var writer = JSONWriter()
        writer.object { json in
            json.key("facets")
            json.object { json in
                for (section, count) in results.facets.sorted(by: { $0.section.rawValue < $1.section.rawValue }) {
                    json.key(section.rawValue)
                    json.number(count)
                }
            }
            json.field("matched", results.matched.rawValue)
            json.field("query", query)
            json.key("results")
            json.array(results.hits) { json, hit in
                json.object { json in
                    json.key("more")
                    json.array(hit.more) { json, more in
                        json.object { json in
                            json.key("section_title")
                            json.string(more.title)  // null for the top of a page
                            json.field("snippet", SnippetHTML.render(more.snippet))
                            json.field("url", more.url)
                        }
                    }
                    json.field("score", hit.score)
                    json.field("section", hit.section)
                    json.key("section_title")
                    json.string(hit.sectionTitle)  // null for the top of a page
                    json.field("slug", hit.slug)
                    json.field("snippet", SnippetHTML.render(hit.snippet))
                    json.field("title", hit.title)
                    json.field("url", hit.url)
                }
            }
            json.key("suggestion")
            json.string(results.suggestion)  // null when there is none
            json.field("took_ms", results.tookMs)
            json.field("total", results.total)
        }
        return writer.bytes
    }
}
