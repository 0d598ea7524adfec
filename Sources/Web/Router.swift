import Content

/// Maps a request to a response. Pure: no sockets, so tests call it in-process; the server calls it the same way.
public struct Router: Sendable {
    public let site: Site

    public init(site: Site) {
        self.site = site
    }

    /// The methods each family of route answers; HEAD goes wherever GET does.
    static let readOnly = ["GET", "HEAD"]
    static let assessAPI = ["GET", "HEAD", "POST"]

    public func respond(to request: Request) -> Response {
        let isAPI = request.path == "/api" || request.path.hasPrefix("/api/")
        do {
            return try route(request)
        } catch {
            return reject(error, api: isAPI)
        }
    }

    private func route(_ request: Request) throws(HTTPError) -> Response {
        let path = request.path
        let prebuilt = site.prebuilt[path] ?? site.contentPage(path)
        guard let allowed = prebuilt != nil ? Self.readOnly : allowedMethods(for: path) else {
            throw .notFound("There is no page at this address.")
        }
        guard allowed.contains(request.method) else {
            let list = allowed.joined(separator: ", ")
            var response = reject(HTTPError(405, code: "method_not_allowed", "\(request.method) is not allowed here; use \(list)."),
                                  api: path.hasPrefix("/api/"))
            response.headers.append(("Allow", list))
            return response
        }
        // Pages whose query changes them (a prefilled questionnaire) are prebuilt only for the bare path.
        if let prebuilt, request.query.isEmpty || !AdvisorViews.queryDependent.contains(path) {
            return prebuilt
        }
        if path.hasPrefix("/public/") {
            if let response = site.staticFiles.respond(to: request) { return response }
            throw .notFound("There is no such file.")
        }
        switch path {
        case "/search": return SearchViews(site: site).html(request)
        case "/api/search": return try SearchViews(site: site).json(request)
        default: break
        }
        if let response = try site.advisor.respond(to: request) { return response }
        if let section = sectionWithoutSlash(path) {
            return Response(status: 301, headers: Response.securityHeaders + [("Location", "/\(section.rawValue)/")],
                            body: Array("Moved to /\(section.rawValue)/\n".utf8))
        }
        throw .notFound(path.hasPrefix("/api/") ? "No such API route or page." : "There is no page at this address.")
    }

    /// The methods a path that has no prebuilt response answers, or nil when nothing lives there.
    /// Known shapes only: no path is trusted.
    private func allowedMethods(for path: String) -> [String]? {
        if path == "/api/assess" { return Self.assessAPI }
        if path.hasPrefix("/public/") || AdvisorViews.routes.contains(path)
            || ["/search", "/api/search"].contains(path) || sectionWithoutSlash(path) != nil {
            return Self.readOnly
        }
        return nil
    }

    private func sectionWithoutSlash(_ path: String) -> Section? {
        path.hasPrefix("/") ? Section(rawValue: String(path.dropFirst())) : nil
    }

    /// The error response in the form the route calls for: JSON under /api, the error page elsewhere.
    /// The server uses it too, for requests it refuses before routing (413, undecodable bytes).
    public func reject(_ error: HTTPError, api: Bool) -> Response {
        api ? JSON.error(error) : errorPage(error)
    }

    private func errorPage(_ error: HTTPError) -> Response {
        let titles = [400: "That request could not be answered", 404: "Page not found", 405: "Method not allowed",
                      413: "Request too large"]
        let title = titles[error.status] ?? "Something went wrong"
        let context: [String: Any] = ["status": error.status, "heading": title, "message": error.message]
        return .html(site.templates.page("error", title: title, context: context), status: error.status)
    }
}
