import Advisor
import Content
import Foundation
import Search

/// One consistent generation of the site: content, search index, engine, and every response that can be built
/// ahead of time. Immutable; `--watch` swaps in a new one when the content changes and checks out.
public final class Site: Sendable {
    public let library: ContentLibrary
    public let index: SearchIndex
    public let advisor: AdvisorViews
    let templates: Templates
    let staticFiles: StaticFiles
    /// The `.md` twins of the pages, `/llms.txt` and `/llms-full.txt`, built here once.
    let machinePages: MachinePages
    /// Responses built once at start-up, by exact path: the home page, section indexes, JSON documents.
    let prebuilt: [String: Response]
    /// Content pages and their JSON (`/section/slug`, `/api/pages/section/slug`), rendered on first use.
    let pages = BoundedCache<Response>(capacity: 512)
    private let views: PageViews
    /// Kept to build the same site on another index (`replacing(index:)`).
    private let publicDirectory: String
    private let publicURL: String?

    /// - Parameter publicURL: the base of share links and exports (`serve --public-url`); nil: the request's origin
    ///   on pages, paths in exports.
    public init(library: ContentLibrary, index: SearchIndex, engine: Engine, templates: Templates, publicDirectory: String,
                publicURL: String? = nil) throws(TemplateError) {
        self.library = library
        self.index = index
        self.publicDirectory = publicDirectory
        self.publicURL = publicURL
        self.templates = templates
        staticFiles = try StaticFiles(directory: publicDirectory)
        machinePages = MachinePages(library: library)
        advisor = AdvisorViews(engine: engine, library: library, templates: templates,
                               links: ShareLinks(publicURL: publicURL, fingerprint: library.fingerprint))

        var responses: [String: Response] = [:]
        let views = PageViews(library: library, knowledge: engine.knowledge)
        self.views = views
        // The models index is rendered per day (`modelsIndexToday`): its badges are each model's state on the day.
        for section in Section.allCases where section != .models {
            let view = Self.sectionPage(section, library: library, knowledge: engine.knowledge)
            responses["/\(section.rawValue)/"] = .html(templates.page(title: section.title, view: view,
                                                                      activeSection: section.rawValue))
        }
        responses["/api/pages"] = .json(PageDocument.listBytes(library.pages))
        responses.merge(advisor.prebuiltResponses()) { _, new in new }
        // The OpenAPI document is a file in public/, also served where API clients look for it.
        if let document = staticFiles.respond(to: Request(path: "/public/openapi.json")) {
            responses["/api/openapi.json"] = .json(document.body)
        }
        prebuilt = responses.mapValues { $0.prebuilt() }
    }

    /// The same site searching another index (one `index` wrote). Pages read their bodies from the new file
    /// where it keeps them unchanged, so the old file is closed once the last request using it ends.
    public func replacing(index: SearchIndex) throws(TemplateError) -> Site {
        var library = library
        if let store = try? PageStore.open(at: index.path), store.generation == index.generation, let stored = try? store.bodies() {
            library = library.readingBodies(from: stored)
        }
        return try Site(library: library, index: index, engine: advisor.engine, templates: templates, publicDirectory: publicDirectory,
                        publicURL: publicURL)
    }

    /// A content page or its JSON, rendered on first use and cached; nil when no page lives at `path`.
    func contentPage(_ path: String) -> Response? {
        let api = path.hasPrefix("/api/pages/")
        let url = api ? String(path.dropFirst("/api/pages".count)) : path
        let parts = url.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, let section = Section(rawValue: String(parts[1])),
              let page = library.page(section, String(parts[2])) else { return nil }
        // A model page says its lifecycle on the day it is asked ("it stops answering in 5 days"): cached per day, or a
        // server left running said "in 5 days" after the model had gone.
        let key = section == .models && !api ? "\(path)@\(advisor.engine.knowledge.today)" : path
        return pages.value(for: key) {
            (api ? JSON.response(PageDocument(page: page, withBody: true))
                 : .html(templates.page(title: page.title, view: views.page(page),
                                        activeSection: page.section.rawValue))).prebuilt()
        }
    }

    /// The home page, rendered per day: its models card lists the models served that day (Claude 3.5 Haiku and
    /// Claude 3 Haiku, retired, came before Sonnet 5.5 by their order).
    func homeToday() -> Response? {
        let knowledge = advisor.engine.knowledge
        return pages.value(for: "/@\(knowledge.today)") {
            .html(templates.page(title: "Should this workload run on Claude Haiku?",
                                 view: Self.homePage(library, knowledge: knowledge))).prebuilt()
        }
    }

    /// The models index as of today, cached per day: its badges are each model's state on the day.
    func modelsIndexToday() -> Response? {
        let knowledge = advisor.engine.knowledge
        return pages.value(for: "/models/@\(knowledge.today)") {
            .html(templates.page(title: Section.models.title,
                                 view: ModelsIndex(library: library, knowledge: knowledge).page(sort: .order, descending: false),
                                 activeSection: Section.models.rawValue)).prebuilt()
        }
    }

    /// A section's index: its intro and every page in it (the models section adds its table: `ModelsIndex`).
    static func sectionPage(_ section: Section, library: ContentLibrary, knowledge: Knowledge?, modelsTable: ModelsTable? = nil) -> SectionPage {
        let intro = library.sectionIntros[section]
        return SectionPage(title: section.title, introHTML: intro?.html ?? "", summary: intro?.summary ?? "",
                           section: section.rawValue,
                           pages: library.pages(in: section).map { listItem($0, library: library, knowledge: knowledge) },
                           modelsTable: modelsTable)
    }

    static func listItem(_ page: Page, library: ContentLibrary, knowledge: Knowledge?) -> PageListItem {
        var badge: Badge?
        var meta = ""
        // Each section's pages carry its block and no other's (ContentValidator): a guide's front matter is not
        // decoded to list it.
        switch page.section {
        case .models:
            if let model = page.frontMatter.model, let knowledge {
                badge = LifecycleText.badge(knowledge.status(of: page.slug, on: knowledge.today), library: library)
                if let listed = model.prices {
                    // Today's prices, as the table above and every verdict use: the first set a page lists may be
                    // an announced one (Gemini 3.8 Flash's $1.50 / $7.50 from 2027-01-01 beside today's $0.75).
                    let day = CivilDate.text(knowledge.today)
                    let prices = listed.inForce(on: day)
                    meta = "\(Format.rate(prices.input.value)) in / \(Format.rate(prices.output.value)) out per M tokens"
                    if let next = listed.next(after: day), let since = next.since {
                        meta += "; \(Format.rate(next.input.value)) / \(Format.rate(next.output.value)) from \(since)"
                    }
                } else if let hosting = model.self_hosting {
                    meta = "self-hosted: \(Format.usd(hosting.gpu_hour_usd.value)) per GPU hour"
                }
            }
        case .failureModes:
            if let failure = page.frontMatter.failure_mode { meta = "Severity: \(failure.severity)" }
        case .resources:
            if let resource = page.frontMatter.resource { meta = resource.kind.replacingOccurrences(of: "_", with: " ") }
        case .guides, .criteria:
            break
        }
        return PageListItem(title: page.title, url: page.url, summary: page.summary, badge: badge, meta: meta)
    }

    static func homePage(_ library: ContentLibrary, knowledge: Knowledge) -> HomePage {
        HomePage(sections: Section.allCases.map { section in
            let pages = library.pages(in: section)
            // The models a team could call today lead its card; the section's index lists them all.
            let shown = section == .models ? pages.filter { knowledge.isServed($0.slug, on: knowledge.today) } : pages
            return SectionCard(title: section.title, url: "/\(section.rawValue)/", count: pages.count,
                               summary: library.sectionIntros[section]?.summary ?? "",
                               pages: shown.prefix(6).map { PageLink(title: $0.title, url: $0.url) })
        }, pageCount: library.pages.count, questionCount: knowledge.questionnaire.count)
    }
}

/// A page as `/api/pages` and `/api/pages/{section}/{slug}` describe it.
struct PageDocument: Encodable {
    let page: Page
    let withBody: Bool

    enum CodingKeys: String, CodingKey { case section, slug, title, url, summary, meta, html }

    /// `/api/pages`: every page without its body, as `JSONEncoder` writes `[PageDocument]` (a test holds the
    /// bytes the same), by the streaming writer: encoding 10,000 pages was a tenth of a start.
    static func listBytes(_ pages: [Page]) -> [UInt8] {
        var json = JSONWriter(capacity: pages.count * 160)
        json.array(pages) { json, page in
            json.object { json in
                json.field("section", page.section.rawValue)
                json.field("slug", page.slug)
                json.field("summary", page.summary)
                json.field("title", page.title)
                json.field("url", page.url)
            }
        }
        return json.bytes
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page.section.rawValue, forKey: .section)
        try container.encode(page.slug, forKey: .slug)
        try container.encode(page.title, forKey: .title)
        try container.encode(page.url, forKey: .url)
        try container.encode(page.summary, forKey: .summary)
        if withBody {
            try container.encode(page.frontMatter, forKey: .meta)
            try container.encode(page.html, forKey: .html)
        }
    }
}
