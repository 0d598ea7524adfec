import Content

/// Maps a request to a response. Pure: no sockets, so tests call it in-process; the server calls it the same way.
public struct Router: Sendable {
    public let site: Site

    public init(site: Site) {
        self.site = site
    }

    public func respond(to request: Request) -> Response {
        var request = request
        request.query = ForeignParameters.kept(request.query)
        let route = Routes.match(request.path)
        let isAPI = route.map { $0.format == .api } ?? (request.path == "/api" || request.path.hasPrefix("/api/"))
        do throws(HTTPError) {
            guard let route else { throw HTTPError.notFound(isAPI ? "No such API route or page." : "There is no page at this address.") }
            guard route.allowed.contains(request.method) else {
                let list = route.allowed.joined(separator: ", ")
                var response = reject(HTTPError(405, code: "method_not_allowed", "\(request.method) is not allowed here; use \(list)."),
                                      api: isAPI)
                response.headers.append(("Allow", list))
                return response
            }
            // A verdict priced on a link's usage profile costs up to twenty times a plain one (each group priced on
            // every model, up to 256 groups): a hundred such links at once held every worker and `/healthz` waited
            // 13 s. They take the imports' places (`AdvisorViews.importGate`), so pages always keep a worker. Links are
            // read (GET, HEAD); an upload holds its place where it is imported (UsageViews).
            let pricesUsage = (request.method == "GET" || request.method == "HEAD")
                && Self.usagePricingPaths.contains { request.path.hasPrefix($0) }
                && request.query.contains { $0.0 == "usage" && $0.1.contains { !$0.isWhitespace } }
            if pricesUsage, !site.advisor.importGate.enter() {
                throw HTTPError(503, code: "usage_busy", ImportGate.linkBusyMessage, field: "usage", retryAfter: ImportGate.retryAfter)
            }
            defer { if pricesUsage { site.advisor.importGate.leave() } }
            if let response = try route.handle(site, request) { return response }
            throw HTTPError.notFound(route.format == .file ? "There is no such file." : "There is no page at this address.")
        } catch {
            return reject(error, api: isAPI)
        }
    }

    /// The routes (and their exports) that price a link's `usage=` profile: on any other, `usage=` is no work, and
    /// `/healthz?usage=x` was told to come back while two uploads ran.
    static let usagePricingPaths = ["/api/assess", "/assess/result", "/compare", "/calculator"]

    /// The error response in the form the route calls for: JSON under /api, the error page elsewhere.
    /// The server uses it too, for requests it refuses before routing (413, undecodable bytes).
    public func reject(_ error: HTTPError, api: Bool) -> Response {
        var response = api ? JSON.error(error) : errorPage(error)
        if let seconds = error.retryAfter { response.headers.append(("Retry-After", String(seconds))) }
        return response
    }

    /// A usage upload refused while it arrived (too slow, too many at once, too large): the questionnaire with the
    /// refusal on its upload field, as the import's own refusals are, so the form is there to send the file again
    /// (the generic error page had none).
    public func rejectUpload(_ error: HTTPError) -> Response {
        site.advisor.uploadRefused(error)
    }

    private func errorPage(_ error: HTTPError) -> Response {
        let titles = [400: "That request could not be answered", 404: "Page not found", 405: "Method not allowed",
                      408: "The upload was too slow", 413: "Request too large", 503: "Try again in a moment"]
        let title = titles[error.status] ?? "Something went wrong"
        let view = ErrorPage(status: error.status, heading: title, message: error.message)
        return .html(site.templates.page(title: title, view: view), status: error.status)
    }
}
