import Advisor
import Content

/// One address or family of addresses the site answers.
struct Route: Sendable {
    enum Pattern: Sendable, Equatable {
        /// Exactly this path.
        case exact(String)
        /// Any path under this prefix (`/public/`).
        case prefix(String)
        /// `/{section}/{slug}` of a content page.
        case contentPage
        /// `/api/pages/{section}/{slug}`.
        case contentPageAPI
        /// `/{section}/{slug}.md`: a page's Markdown twin.
        case contentPageMarkdown
        /// `/{section}/{slug}/`: a content page's address with a slash after it, moved to the page.
        case contentPageSlash
        /// `/search/`, `/assess/`: a page route's exact address with a slash after it, moved to the address.
        case pageSlash
    }

    /// How errors are answered: JSON under /api, the error page elsewhere.
    enum Format: Sendable { case page, api, file }

    let pattern: Pattern
    /// Methods besides HEAD, which goes wherever GET does.
    let methods: [String]
    let format: Format
    /// Shown in the header navigation, in table order: `(key, label)`; the key marks the active item.
    var navigation: (key: String, label: String)? = nil
    /// May content link to it (`haiku-advisor check` accepts `[..](/path)`)?
    var linkable = false
    /// The response, or nil for "nothing here" (404). Throws for bad input (4xx).
    let handle: @Sendable (Site, Request) throws(HTTPError) -> Response?

    /// `GET, HEAD, POST`: HEAD right after GET.
    var allowed: [String] { methods.flatMap { $0 == "GET" ? ["GET", "HEAD"] : [$0] } }
}

/// Every route of the site, in one place. The router's 404 and 405 (with `Allow`), HEAD, the header navigation and
/// the set of addresses content may link to are all derived from this table.
enum Routes {
    static let get = ["GET"]

    static let table: [Route] = {
        var routes: [Route] = [
            Route(pattern: .exact("/"), methods: get, format: .page, linkable: true) { site, _ in site.homeToday() },
            // POST: a usage file to import (UsageViews.swift).
            Route(pattern: .exact("/assess"), methods: ["GET", "POST"], format: .page,
                  navigation: ("assess", "Should I use Haiku?"), linkable: true) { site, request in
                if request.method == "POST" { return site.advisor.upload(request) }
                return request.query.isEmpty ? site.prebuilt["/assess"] : site.advisor.assess(request)
            },
            Route(pattern: .exact("/assess/result"), methods: get, format: .page, linkable: true) { site, request in
                site.advisor.result(request)
            },
        ]
        // In navigation order: the questionnaire, models, the tools, then the other sections.
        routes += sectionRoutes(.models)
        routes += [
            Route(pattern: .exact("/compare"), methods: get, format: .page, navigation: ("compare", "Compare"),
                  linkable: true) { site, request in site.advisor.compare(request) },
            Route(pattern: .exact("/calculator"), methods: get, format: .page, navigation: ("calculator", "Cost calculator"),
                  linkable: true) { site, request in site.advisor.calculator(request) },
            Route(pattern: .exact("/timeline"), methods: get, format: .page, navigation: ("timeline", "Timeline"),
                  linkable: true) { site, _ in site.advisor.timeline() },
        ]
        for section in [Section.failureModes, .guides, .criteria, .resources] { routes += sectionRoutes(section) }
        routes.append(Route(pattern: .exact("/search"), methods: get, format: .page, linkable: true) { site, request in
            SearchViews(site: site).html(request)
        })
        // The verdict's exports: Markdown, the cost table, the decision record (MADR) and the evaluation plan (an
        // Inspect AI task and its samples template); the calculator's two.
        for export in ["/assess/result.md", "/assess/result.csv", "/assess/result.madr.md", "/assess/result.eval.py",
                       "/assess/result.samples.jsonl", "/calculator.md", "/calculator.csv"] {
            routes.append(Route(pattern: .exact(export), methods: get, format: .page) { site, request in
                site.advisor.export(request)
            })
        }
        routes += [
            Route(pattern: .exact("/healthz"), methods: get, format: .page) { site, _ in Health.response(site) },
            Route(pattern: .exact("/api/search"), methods: get, format: .api, linkable: true) { site, request throws(HTTPError) in
                try SearchViews(site: site).json(request)
            },
            Route(pattern: .exact("/api/assess"), methods: ["GET", "POST"], format: .api) { site, request throws(HTTPError) in
                try site.advisor.apiAssess(request)
            },
        ]
        for path in ["/api/pages", "/api/models", "/api/questionnaire", "/api/openapi.json"] {
            routes.append(Route(pattern: .exact(path), methods: get, format: .api, linkable: true) { site, _ in site.prebuilt[path] })
        }
        // Pages for machines (MachinePages): prebuilt, with ETags.
        for path in ["/llms.txt", "/llms-full.txt"] {
            routes.append(Route(pattern: .exact(path), methods: get, format: .file, linkable: true) { site, request in
                site.machinePages.respond(to: request)
            })
        }
        routes += [
            Route(pattern: .contentPageMarkdown, methods: get, format: .file) { site, request in
                // In capitals, as the page's own address moves (`/models/Claude-Haiku-5-5.md`).
                site.machinePages.respond(to: request) ?? lowerCased(request.path, site: site, keeping: request.query)
            },
            Route(pattern: .contentPageAPI, methods: get, format: .api) { site, request in site.contentPage(request.path) },
            // A slug typed in capitals (`/models/Claude-Haiku-5-5`) moves to the page, as `/compare` takes any case.
            Route(pattern: .contentPage, methods: get, format: .page) { site, request in
                site.contentPage(request.path) ?? lowerCased(request.path, site: site, keeping: request.query)
            },
            // A slash after a page's address (`/models/claude-haiku-5-5/`) was a 404, while `/models` moved to `/models/`.
            Route(pattern: .contentPageSlash, methods: get, format: .page) { site, request in
                let page = String(request.path.dropLast())
                guard site.contentPage(page) != nil else { return lowerCased(page, site: site, keeping: request.query) }
                return moved(to: page, keeping: request.query)
            },
            // And after the site's own pages' (`/search/` was a 404).
            // A form posted there moves with its method and body kept (308), to the address that says whether it
            // takes a POST (`POST /assess/` was told "405, GET and HEAD only").
            Route(pattern: .pageSlash, methods: ["GET", "POST"], format: .page) { _, request in
                moved(to: String(request.path.dropLast()), keeping: request.query, status: request.method == "POST" ? 308 : 301)
            },
            Route(pattern: .prefix("/public/"), methods: get, format: .file) { site, request in
                site.staticFiles.respond(to: request)
            },
        ]
        return routes
    }()

    /// A section's index (the models index re-sorts by its query string) and its address without the slash.
    private static func sectionRoutes(_ section: Section) -> [Route] {
        let index = "/\(section.rawValue)/"
        return [
            Route(pattern: .exact(index), methods: get, format: .page,
                  navigation: (section.rawValue, section.title), linkable: true) { site, request in
                section != .models ? site.prebuilt[index]
                    : request.query.isEmpty ? site.modelsIndexToday() : site.advisor.modelsIndex(request)
            },
            // `/models` without its slash: where a person would expect the section.
            // The query goes along (`/models?sort=input` kept its sort only with the slash).
            Route(pattern: .exact("/\(section.rawValue)"), methods: get, format: .page) { _, request in
                moved(to: index, keeping: request.query)
            },
        ]
    }

    /// A permanent move to `path` with the request's query kept (a page's address with a slash after it dropped
    /// `?h=`), its body plain text that says where.
    private static func moved(to path: String, keeping query: [(String, String)], status: Int = 301) -> Response {
        let encoded = Answers.percentEncoded(query)
        let target = encoded.isEmpty ? path : path + "?" + encoded
        return Response(status: status, headers: Response.securityHeaders + [("Content-Type", "text/plain; charset=utf-8"),
                                                                          ("Location", target)],
                        body: Array("Moved to \(target)\n".utf8))
    }

    /// A content page's address (or its `.md` twin's) in another case, moved to the lower-case one where that page
    /// exists; nil (404) otherwise.
    private static func lowerCased(_ path: String, site: Site, keeping query: [(String, String)]) -> Response? {
        let lower = path.lowercased()
        guard lower != path, site.contentPage(lower.hasSuffix(".md") ? String(lower.dropLast(3)) : lower) != nil else { return nil }
        return moved(to: lower, keeping: query)
    }

    /// Exact paths, for a lookup by dictionary; patterns are tried in table order after them.
    private static let exact: [String: Route] = {
        var byPath: [String: Route] = [:]
        for route in table { if case .exact(let path) = route.pattern { byPath[path] = route } }
        return byPath
    }()
    private static let patterns = table.filter { if case .exact = $0.pattern { return false } else { return true } }

    /// The route a path belongs to, or nil (404).
    static func match(_ path: String) -> Route? {
        if let route = exact[path] { return route }
        for route in patterns {
            switch route.pattern {
            case .prefix(let prefix) where path.hasPrefix(prefix): return route
            case .contentPageAPI where path.hasPrefix("/api/pages/"): return route
            case .contentPageMarkdown where path.hasSuffix(".md") && isSectionAndSlug(path): return route
            case .contentPage where !path.hasPrefix("/api/") && isSectionAndSlug(path): return route
            case .contentPageSlash where path.hasSuffix("/") && !path.hasPrefix("/api/") && isSectionAndSlug(String(path.dropLast())):
                return route
            case .pageSlash where path.count > 1 && path.hasSuffix("/") && !path.hasPrefix("/api/"):
                guard let target = exact[String(path.dropLast())], target.format == .page else { continue }
                return route
            default: continue
            }
        }
        return nil
    }

    /// The header navigation, in table order.
    static let navigation: [(key: String, url: String, label: String)] = table.compactMap { route in
        guard let item = route.navigation, case .exact(let path) = route.pattern else { return nil }
        return (item.key, path, item.label)
    }

    /// The site routes content may link to (besides its own pages).
    static let linkable: Set<String> = Set(table.compactMap { route in
        guard route.linkable, case .exact(let path) = route.pattern else { return nil }
        return path
    })

    private static func isSectionAndSlug(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].isEmpty && Section(rawValue: String(parts[1])) != nil && !parts[2].isEmpty
    }
}

extension Site {
    /// The site's addresses content may link to besides its own pages (for `ContentLibrary.load(routes:)`).
    public static var linkableRoutes: Set<String> { Routes.linkable }
}
