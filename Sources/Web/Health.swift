/// `/healthz`: whether this server can answer, checked now rather than assumed. The search index must answer a
/// small query on one of its connections (`PRAGMA quick_check` ran when it was opened); a damaged index answers
/// 503, naming the problem, until the server has rebuilt it from the content.
enum Health {
    static let ok = Response.text("ok\n").prebuilt()

    static func response(_ site: Site) -> Response {
        guard let problem = site.index.healthProblem() else { return ok }
        var response = Response.text("unavailable: \(problem)\n")
        response.status = 503
        response.headers.append(("Retry-After", "5"))
        return response
    }
}
