import Content

/// Pages for machines, served like static files (bytes and libmicrohttpd response made once, a content-hash ETag,
/// 304 for a current copy):
/// - `/{section}/{slug}.md`: every content page as Markdown (`PageMarkdown`), made on first request and kept in a
///   bounded cache (the Markdown is read from the index file: memory does not grow with the content);
/// - `/llms.txt`: the site's map in the llms.txt convention (llmstxt.org): an H1, a blockquote summary, a
///   paragraph, then H2 lists of `[title](url): summary` links to the `.md` twins; resources under `Optional`;
/// - `/llms-full.txt`: the same header, then every page in full, each under an H2.
/// Each is made on first request and kept in a bounded cache (`/llms-full.txt` is as large as the content).
struct MachinePages: Sendable {
    private let library: ContentLibrary
    private let made = BoundedCache<StaticFiles.File>(capacity: 256)

    static let markdownType = "text/markdown; charset=utf-8"
    static let textType = "text/plain; charset=utf-8"
    /// Short, like public/: a rebuilt site (serve --watch) changes the bytes, and the ETag revalidates cheaply.
    static let cacheControl = "public, max-age=300"

    init(library: ContentLibrary) {
        self.library = library
    }

    /// The answer for a path, or nil (404).
    func respond(to request: Request) -> Response? {
        let path = request.path
        let file = made.value(for: path) { () -> StaticFiles.File? in
            if path == "/llms.txt" {
                return StaticFiles.File(bytes: Array(LLMsText.index(library).utf8), contentType: Self.textType,
                                        cacheControl: Self.cacheControl)
            }
            if path == "/llms-full.txt" {
                return StaticFiles.File(bytes: Array(LLMsText.full(library.pages.map(PageMarkdown.render)).utf8),
                                        contentType: Self.textType, cacheControl: Self.cacheControl)
            }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard path.hasSuffix(".md"), parts.count == 3, parts[0].isEmpty, let section = Section(rawValue: String(parts[1])),
                  let page = library.page(section, String(parts[2].dropLast(3))) else { return nil }
            return StaticFiles.File(bytes: Array(PageMarkdown.render(page).utf8), contentType: Self.markdownType,
                                    cacheControl: Self.cacheControl)
        }
        return file?.respond(to: request)
    }
}

/// The text of `/llms.txt` and `/llms-full.txt`.
enum LLMsText {
    static let title = "# haiku-advisor"
    static let summary = "> Should this workload run on Claude Haiku, and if not, on what? A knowledge base of models "
        + "(prices, lifecycles, limits), production failure modes, guides and decision criteria, and an engine that "
        + "turns a workload's answers into a verdict, a cost on every model and what would change the verdict."

    static var introduction: String {
        "Every page below is Markdown: the `.md` twin of its HTML page, with the figures of its front matter as a "
            + "table and its sources' URLs written out. The verdict is an API: `GET /api/assess` takes the answers "
            + "`/api/questionnaire` lists (for example `/api/assess?task_type=classification&monthly_requests=3000000`); "
            + "`/api/openapi.json` describes every route. [/llms-full.txt](/llms-full.txt) holds every page in one file."
    }

    static func index(_ library: ContentLibrary) -> String {
        var out = "\(title)\n\n\(summary)\n\n\(introduction)\n"
        let optional: Set<Section> = [.resources]
        for section in Section.allCases where !optional.contains(section) {
            out += links(section, library: library, heading: section.title)
        }
        for section in Section.allCases where optional.contains(section) {
            out += links(section, library: library, heading: "Optional")
        }
        return out
    }

    private static func links(_ section: Section, library: ContentLibrary, heading: String) -> String {
        let pages = library.pages(in: section)
        guard !pages.isEmpty else { return "" }
        return "\n## \(heading)\n\n" + pages.map { page in
            "- [\(page.title)](\(page.url).md): \(PageMarkdown.oneLine(page.summary))\n"
        }.joined()
    }

    /// The header, then every page's twin with its headings one level down.
    static func full(_ twins: [String]) -> String {
        var out = "\(title)\n\n\(summary)\n"
        for twin in twins { out += "\n" + PageMarkdown.demoted(twin, by: 1) }
        return out
    }
}
