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
        let exact = ["1", "true"].contains(request.parameter("exact") ?? "")
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
                                                     correct: !parameters.exact))
        } catch {
            // The MATCH expressions are built so that no input can fail them: an error here is ours, not the user's.
            throw HTTPError(500, code: "search_failed", "the search index failed: \(error.message)")
        }
    }

    func json(_ request: Request) throws(HTTPError) -> Response {
        let parameters = try Self.parameters(request)
        return JSON.response(SearchDocument(query: parameters.text, results: try run(parameters)))
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
            return .html(page(query: parameters.text, section: parameters.section, results: nil, error: error.message),
                         status: error.status)
        }
    }

    private func page(query: String, section: Section?, results: (SearchResults, Parameters)?, error: String?) -> String {
        var context: [String: Any] = [
            "query": query,
            "section": section?.rawValue ?? "",
            "error": error ?? "",
            "has_query": !query.trimmingCharacters(in: .whitespaces).isEmpty,
            "search_page": true,  // the layout leaves out the header's box: one search box on this page
        ]
        if let (found, parameters) = results {
            context.merge(Self.resultsContext(found, query: query, section: section, parameters: parameters)) { _, new in new }
        }
        let title = query.isEmpty ? "Search" : "Search: \(query)"
        return site.templates.page("search", title: title, context: context)
    }

    static func link(_ query: String, section: Section?, offset: Int = 0, exact: Bool = false) -> String {
        "/search?q=\(Answers.percentEncode(query))" + (section.map { "&section=\($0.rawValue)" } ?? "")
            + (exact ? "&exact=1" : "") + (offset > 0 ? "&offset=\(offset)" : "")
    }

    private static func resultsContext(_ found: SearchResults, query: String, section: Section?, parameters: Parameters) -> [String: Any] {
        var context: [String: Any] = [:]
        let shownQuery = found.showingSuggestion ? found.suggestion ?? query : query
        // The page a result opens marks these words (public/search.js reads `h`).
        let highlight = found.terms.isEmpty ? "" : "?h=" + Answers.percentEncode(found.terms.joined(separator: " "))
        func withHighlight(_ url: String) -> String {
            guard let hash = url.firstIndex(of: "#") else { return url + highlight }
            return url[..<hash] + highlight + url[hash...]
        }
        func hitContext(_ hit: SearchHit) -> [String: Any] {
            [
                "title": hit.title, "url": withHighlight(hit.url), "section_title": hit.sectionTitle ?? "",
                "snippet": SnippetHTML.render(hit.snippet), "section": Section(rawValue: hit.section)?.title ?? hit.section,
                "has_more": !hit.more.isEmpty,
                "more": hit.more.map { more -> [String: Any] in
                    ["title": more.title ?? hit.title, "url": withHighlight(more.url), "snippet": SnippetHTML.render(more.snippet)]
                },
            ]
        }
        context["results"] = found.hits.filter(\.hasEveryWord).map(hitContext)
        context["some_results"] = found.hits.filter { !$0.hasEveryWord }.map(hitContext)
        context["has_some"] = found.hits.contains { !$0.hasEveryWord }
        context["total"] = found.total
        context["none"] = found.total == 0
        context["plural"] = found.total != 1
        context["took_ms"] = "\((found.tookMs * 10).rounded() / 10) ms"
        if let suggestion = found.suggestion {
            if found.showingSuggestion {
                context["showing"] = ["text": suggestion, "instead": query,
                                      "instead_url": link(query, section: section, exact: true)]
            } else {
                context["suggestion"] = ["text": suggestion, "url": link(suggestion, section: section)]
            }
        }
        let all = found.facets.reduce(0) { $0 + $1.count }
        context["has_facets"] = all > 0
        if all > 0 {
            context["facets"] = [["label": "All sections", "count": all, "url": link(shownQuery, section: nil, exact: parameters.exact),
                                  "current": section == nil]]
                + found.facets.map { facet -> [String: Any] in
                    ["label": facet.section.title, "count": facet.count,
                     "url": link(shownQuery, section: facet.section, exact: parameters.exact), "current": facet.section == section]
                }
        }
        if parameters.offset > 0 {
            context["previous"] = link(query, section: section, offset: max(0, parameters.offset - parameters.limit), exact: parameters.exact)
        }
        if parameters.offset + parameters.limit < found.total {
            context["next"] = link(query, section: section, offset: parameters.offset + parameters.limit, exact: parameters.exact)
        }
        context["first"] = found.total == 0 ? 0 : parameters.offset + 1
        context["last"] = parameters.offset + found.hits.count
        return context
    }
}

/// A snippet as HTML: the text escaped, the matches in `<mark>`.
enum SnippetHTML {
    static func render(_ snippet: Snippet) -> String {
        snippet.rendered(open: "<mark>", close: "</mark>", escape: HTMLText.escape)
    }
}

/// The `/api/search` document (and `haiku-advisor search --json`).
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
}
