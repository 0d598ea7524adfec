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
        return Parameters(text: text, section: section, limit: limit, offset: offset)
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
                                                     limit: parameters.limit, offset: parameters.offset))
        } catch {
            // The MATCH expression is built so that no input can fail it: an error here is ours, not the user's.
            throw HTTPError(500, code: "search_failed", "the search index failed: \(error.message)")
        }
    }

    func json(_ request: Request) throws(HTTPError) -> Response {
        let parameters = try Self.parameters(request)
        let results = try run(parameters)
        return JSON.response(APIResults(query: parameters.text, total: results.total, results: results.hits))
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
            "sections": Section.allCases.map { ["value": $0.rawValue, "label": $0.title, "selected": $0 == section] },
            "error": error ?? "",
            "has_query": !query.trimmingCharacters(in: .whitespaces).isEmpty,
        ]
        if let (found, parameters) = results {
            context["total"] = found.total
            context["results"] = found.hits.map { hit -> [String: Any] in
                ["title": hit.title, "url": hit.url, "snippet": hit.snippet,
                 "section": Section(rawValue: hit.section)?.title ?? hit.section]
            }
            context["none"] = found.total == 0
            context["plural"] = found.total != 1
            let base = "/search?q=\(Answers.percentEncode(query))" + (section.map { "&section=\($0.rawValue)" } ?? "")
            if parameters.offset > 0 {
                context["previous"] = base + "&offset=\(max(0, parameters.offset - parameters.limit))"
            }
            if parameters.offset + parameters.limit < found.total {
                context["next"] = base + "&offset=\(parameters.offset + parameters.limit)"
            }
            context["first"] = found.total == 0 ? 0 : parameters.offset + 1
            context["last"] = parameters.offset + found.hits.count
        }
        let title = query.isEmpty ? "Search" : "Search: \(query)"
        return site.templates.page("search", title: title, context: context)
    }

    struct APIResults: Encodable {
        let query: String
        let total: Int
        let results: [SearchHit]
    }
}
