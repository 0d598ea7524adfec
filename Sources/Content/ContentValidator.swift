import Advisor
import Foundation
import Yams

/// A page's YAML tree, kept after decoding so that checks can point at the line of a field (composed again on
/// first use for a page read back from the index).
struct ParsedNode {
    let lines: FieldLines
    let isIntro: Bool
    /// Read back from the index (its file unchanged since), not parsed in this run.
    var isStored = false

    var node: Node { lines.root }

    func line(_ path: [PathKey]) -> Int { NodePath.line(of: path, in: node) }
}

/// A coding-path element written by hand: `"model"`, `"prices"`, `0`.
struct PathKey: CodingKey, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = "\(intValue)"; self.intValue = intValue }
    init(stringLiteral value: String) { self.init(stringValue: value) }
    init(integerLiteral value: Int) { self.init(intValue: value) }
}

/// The rules README.md (Content format) states beyond what decoding checks: required blocks per section, every
/// figure's source, dates, positive prices, enumerations, and every internal link.
struct ContentValidator {
    let library: ContentLibrary
    /// The site's addresses that content may link to besides its pages (the web layer's route table); nil leaves
    /// such links unchecked, for tools that load content without the site.
    let routes: Set<String>?
    /// Pages whose file is there but failed to parse (`section/slug`): their own error is the one to fix, so a link
    /// to one is not reported as broken (a model page with one bad number made 25 links to it "broken").
    var unparsed: Set<String> = []
    private(set) var errors: [ContentError] = []

    /// The model pages' names and titles, built once: each page looks its own up.
    let modelNames: ModelNameIndex

    init(library: ContentLibrary, routes: Set<String>?, unparsed: Set<String> = []) {
        self.library = library
        self.routes = routes
        self.unparsed = unparsed
        modelNames = ModelNameIndex(library)
    }

    /// - Parameter linksOnly: check only the page's links (a page unchanged since it passed every check: what
    ///   it links to may have changed).
    mutating func validate(_ page: Page, node: ParsedNode, links: [BodyLink], linksOnly: Bool = false) {
        var check = PageCheck(page: page, node: node, library: library, routes: routes, unparsed: unparsed, modelNames: modelNames)
        if linksOnly {
            // What another page can break: its links, and the names two model pages may not share (said on the later
            // file of a pair, which an edit to the earlier one leaves unchanged: an alias that was another model's id
            // went live under --watch, and a usage file's Sonnet 4.6 requests were priced as Claude 3 Haiku).
            check.crossPage(links: links)
        } else {
            check.run(links: links)
        }
        errors += check.errors
    }
}

/// Every model page's names (those `scan` and the usage import match ids on, in any case) and its title as a reader
/// sees it, each with the pages that carry it in slug order: a clash is said on the later page of a pair.
struct ModelNameIndex {
    private(set) var names: [String: [String]] = [:]
    private(set) var titles: [String: [String]] = [:]

    init(_ library: ContentLibrary) {
        for page in library.pages where page.section == .models {
            for name in Self.names(page, page.frontMatterWithoutKeeping) { names[name, default: []].append(page.slug) }
            titles[Self.title(page.title), default: []].append(page.slug)
        }
        for key in names.keys { names[key]!.sort() }
        for key in titles.keys { titles[key]!.sort() }
    }

    static func names(_ page: Page, _ fm: FrontMatter) -> Set<String> {
        Set(ModelNames.names(slug: page.slug, apiID: fm.model?.api_id, aliases: fm.aliases ?? []).map { $0.lowercased() })
    }

    /// A title as the cost tables show it: case, runs of spaces (no-break ones too) and invisible characters aside
    /// ("Claude Haiku  5.5" and "Claude Haiku 5.5\u{200B}" read as "Claude Haiku 5.5").
    static func title(_ text: String) -> String {
        let visible = text.unicodeScalars.filter { !["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"].contains($0) }
        return String(String.UnicodeScalarView(visible)).lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The checks on one page; collects every problem rather than stopping at the first.
private struct PageCheck {
    let page: Page
    let node: ParsedNode
    let library: ContentLibrary
    let routes: Set<String>?
    let unparsed: Set<String>
    let modelNames: ModelNameIndex
    var errors: [ContentError] = []

    /// Read once, and not kept on a stored page (`frontMatterWithoutKeeping`).
    private let fm: FrontMatter
    private var sourceIDs: Set<String> { Set((fm.sources ?? []).map(\.id)) }

    init(page: Page, node: ParsedNode, library: ContentLibrary, routes: Set<String>?, unparsed: Set<String>,
         modelNames: ModelNameIndex) {
        self.page = page
        self.node = node
        self.library = library
        self.routes = routes
        self.unparsed = unparsed
        self.modelNames = modelNames
        fm = page.frontMatterWithoutKeeping
    }

    mutating func run(links: [BodyLink]) {
        common()
        blocks()
        if let model = fm.model { modelBlock(model) }
        if let failure = fm.failure_mode { failureModeBlock(failure) }
        if let resource = fm.resource { resourceBlock(resource) }
        if let criterion = fm.criterion { criterionBlock(criterion) }
        crossPage(links: links)
    }

    /// The checks whose outcome depends on other pages: every link (body, sources, the engine's), and a model's names.
    mutating func crossPage(links: [BodyLink]) {
        for (index, source) in (fm.sources ?? []).enumerated() {
            url(source.url, at: ["sources", PathKey(intValue: index), "url"], field: "sources[\(index)].url")
        }
        if fm.engine != nil { engineLinks() }
        if let model = fm.model { uniqueNames(model) }
        for link in links { bodyLink(link) }
    }

    private mutating func fail(_ path: [PathKey], _ message: String, hint: String? = nil) {
        errors.append(ContentError(path: page.path, line: node.line(path), message: message, hint: hint))
    }

    // MARK: - Common fields

    private mutating func common() {
        if fm.title.trimmingCharacters(in: .whitespaces).isEmpty { fail(["title"], "`title` is empty") }
        if fm.summary.trimmingCharacters(in: .whitespaces).isEmpty { fail(["summary"], "`summary` is empty") }
        // The page shows them escaped while llms.txt and the .md copy publish them as written: HTML in either would
        // be text on one and markup on the other, as raw HTML in a body is (refused there too).
        for (field, text) in [("title", fm.title), ("summary", fm.summary)] {
            if let tag = text.range(of: "<(/?[A-Za-z][^>]*|!--[^>]*)>", options: .regularExpression) {
                fail([PathKey(stringValue: field)], "`\(field)` holds raw HTML (`\(text[tag].prefix(40))`), which the site "
                     + "shows as text and llms.txt publishes as markup", hint: "write it in words, or in Markdown in the body")
            }
        }
        date(fm.updated, at: ["updated"], field: "updated")
        let needsSources = page.section.requiresSources && !node.isIntro
        if needsSources && (fm.sources ?? []).isEmpty {
            fail(["title"], "a \(page.section.rawValue) page needs `sources`",
                 hint: "list where its facts come from: {id, title, url, checked}")
        }
        var seen: Set<String> = []
        for (index, source) in (fm.sources ?? []).enumerated() {
            let at: [PathKey] = ["sources", PathKey(intValue: index)]
            if !seen.insert(source.id).inserted { fail(at + ["id"], "source id `\(source.id)` is used twice") }
            date(source.checked, at: at + ["checked"], field: "sources[\(index)].checked")
        }
    }

    /// Each section carries its own block and no other's; only criteria/_index.md carries `engine`.
    private mutating func blocks() {
        let present: [(String, Bool)] = [("model", fm.model != nil), ("failure_mode", fm.failure_mode != nil),
                                         ("resource", fm.resource != nil), ("criterion", fm.criterion != nil)]
        let required = node.isIntro ? nil : page.section.requiredBlock
        for (name, isPresent) in present {
            if isPresent && name != required {
                fail([PathKey(stringValue: name)], "`\(name)` does not belong on a \(page.section.rawValue) page")
            } else if !isPresent && name == required {
                fail(["title"], "a \(page.section.rawValue) page needs a `\(name):` block",
                     hint: "see README.md (Content format)")
            }
        }
        if fm.engine != nil && !(node.isIntro && page.section == .criteria) {
            fail(["engine"], "`engine` belongs in criteria/_index.md only")
        }
        if page.section == .criteria && node.isIntro && fm.engine == nil {
            fail(["title"], "criteria/_index.md needs the `engine:` block", hint: "base_score, thresholds, models")
        }
    }

    // MARK: - Section blocks

    /// Source references only: the values themselves are checked in one place, by the engine's loader
    /// (Advisor/CompiledModel.swift), and closed sets by decoding.
    private mutating func modelBlock(_ model: ModelSpec) {
        // Every sourced figure, from the one walk of the model tree (Advisor/ModelFigures.swift).
        for figure in model.figures {
            let at: [PathKey] = ["model"] + figure.path.map { key in
                switch key {
                case .key(let name): PathKey(stringValue: name)
                case .index(let i): PathKey(intValue: i)
                }
            }
            sourceID(figure.source, at: at + ["source"])
            if let asOf = figure.asOf { date(asOf, at: at + ["as_of"], field: "as_of") }
        }
        for (task, fit) in model.task_fit.sorted(by: { $0.key < $1.key }) {
            taskFit(fit, at: ["model", "task_fit", PathKey(stringValue: task)], benchmarks: model.benchmarks ?? [:])
        }
    }

    private mutating func uniqueNames(_ model: ModelSpec) {
        // One model, one page: a copied page passed, and the model came twice in every cost table, while a lookup by
        // its API id (`scan`, `/compare`) took one of the two. Said on the later file of the pair.
        // By every name `scan` and the usage import match ids on (api_id, its undated form, id-like aliases), in any case.
        // Looked up in the index built once (a loop over every other model page made a one-page rebuild of 3,031
        // models take 20 s).
        let (index, slug) = (modelNames, page.slug)
        let clash = ModelNameIndex.names(page, fm).sorted().compactMap { name in
            index.names[name]?.first.flatMap { $0 < slug ? (name, $0) : nil }
        }.first
        if let (shared, other) = clash {
            fail(["model", "api_id"], "the model id `\(shared)` is also a name of models/\(other).md",
                 hint: "one model has one page, and `scan` and usage imports match ids by api_id and aliases: merge the two, or give this one its own model's id")
        }
        if let other = modelNames.titles[ModelNameIndex.title(page.title)]?.first, other < page.slug {
            fail(["title"], "title `\(page.title)` is also the title of models/\(other).md",
                 hint: "each model page needs its own title, which the cost tables and the compare picker show")
        }
    }

    private mutating func failureModeBlock(_ failure: FailureModeSpec) {
        let at: [PathKey] = ["failure_mode"]
        if failure.detect.isEmpty { fail(at + ["detect"], "`detect` needs at least one metric to watch") }
        if failure.mitigation.isEmpty { fail(at + ["mitigation"], "`mitigation` needs at least one step") }
        // `models` names model pages: the engine checks them (Knowledge.init).
    }

    private mutating func resourceBlock(_ resource: ResourceSpec) {
        let at: [PathKey] = ["resource"]
        if !ResourceSpec.kinds.contains(resource.kind) {
            fail(at + ["kind"], "unknown resource kind `\(resource.kind)`",
                 hint: ResourceSpec.kinds.sorted().joined(separator: ", "))
        }
        if let address = resource.url {
            if !Self.isWebAddress(address) {
                fail(at + ["url"], "`resource.url` must be a public http(s) address with a host, such as https://example.com/page")
            }
        } else if resource.kind != "source_document" {
            fail(at + ["kind"], "a resource needs `url` (only a source_document may go without)")
        }
    }

    private mutating func criterionBlock(_ criterion: CriterionSpec) {
        let at: [PathKey] = ["criterion"]
        for (index, rule) in criterion.rules.enumerated() {
            let r = at + ["rules", PathKey(intValue: index)]
            // Effects, `decide` and `prefer` are the engine's to check (Advisor.swift, Knowledge.init).
            if let source = rule.source { sourceID(source, at: r + ["source"]) }
        }
    }

    /// A rating's basis must be checkable: a benchmark named on the page, a vendor statement on a public page; and
    /// a judgement is never sure (README.md, Content format: `task_fit`).
    /// (Its source id is checked with every other figure's.)
    private mutating func taskFit(_ fit: TaskFit, at path: [PathKey], benchmarks: [String: BenchmarkFigure]) {
        switch fit.basis {
        case .benchmark:
            if let name = fit.benchmark {
                if benchmarks[name] == nil {
                    fail(path + ["benchmark"], "benchmark `\(name)` is not in this model's `benchmarks`",
                         hint: "add its figure under `benchmarks`, or name one of: \(benchmarks.keys.sorted().joined(separator: ", "))")
                }
            } else {
                fail(path + ["basis"], "`basis: benchmark` needs `benchmark`: the benchmark's key in `benchmarks`")
            }
        case .vendor_statement, .field_reports, .judgement:
            if fit.benchmark != nil {
                fail(path + ["benchmark"], "`benchmark` is only for `basis: benchmark`, not `\(fit.basis.rawValue)`")
            }
        }
        let source = (fm.sources ?? []).first { $0.id == fit.source }
        if fit.basis == .vendor_statement, let source, !source.url.hasPrefix("https://") {
            fail(path + ["source"], "a vendor statement cites the vendor's public page, not `\(source.url)`",
                 hint: "point `source` at a source whose url is the vendor's https:// page")
        }
        if fit.basis == .judgement, fit.confidence == .high {
            fail(path + ["confidence"], "a judgement cannot have `confidence: high`",
                 hint: "name the benchmark, statement or reports it rests on in `basis`, or lower the confidence")
        }
    }

    // MARK: - Pieces

    private mutating func sourceID(_ id: String, at path: [PathKey]) {
        if !sourceIDs.contains(id) {
            fail(path, "source `\(id)` is not in this page's `sources`",
                 hint: "add {id: \(id), title, url, checked} to `sources`, or fix the id")
        }
    }

    private mutating func date(_ text: String, at path: [PathKey], field: String) {
        if !Dates.isValid(text) {
            fail(path, "`\(field)` must be a real date as YYYY-MM-DD from \(CivilDate.plausibleYears.lowerBound) to "
                 + "\(CivilDate.plausibleYears.upperBound), not `\(text)`")
        }
    }

    /// The engine's own links (criteria/_index.md: levers, warnings, the thinking note), which every verdict that
    /// shows them carries: `/criteria/latency-needs` passed `check` and went live as a 404 on the batch lever.
    private mutating func engineLinks() {
        var found: [(path: [PathKey], url: String)] = []
        func walk(_ node: Node, _ path: [PathKey]) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    if name == "url", let address = value.string { found.append((path + ["url"], address)) }
                    else { walk(value, path + [PathKey(stringValue: name)]) }
                }
            case .sequence(let sequence):
                for (i, value) in sequence.enumerated() { walk(value, path + [PathKey(intValue: i)]) }
            default: break
            }
        }
        if let engine = node.node["engine"] { walk(engine, ["engine"]) }
        for (path, address) in found where address.hasPrefix("/") {
            url(address, at: path, field: path.map(\.stringValue).joined(separator: "."))
        }
    }

    private mutating func url(_ address: String, at path: [PathKey], field: String) {
        if address.hasPrefix("/") {
            if !resolves(address) {
                // A page that is there but lacks the heading says so: "which is no page here" sent people looking
                // for a missing page.
                let page = String(address.split(separator: "#", maxSplits: 1).first ?? "")
                let fragment = address.split(separator: "#", maxSplits: 1).dropFirst().first
                if let fragment, page != address, resolves(page) {
                    fail(path, "`\(field)` links to `\(address)`, but `\(page)` has no heading `#\(fragment)`")
                } else {
                    fail(path, "`\(field)` links to `\(address)`, which is no page here")
                }
            }
        } else if !Self.isWebAddress(address) {
            fail(path, "`\(field)` must be an http(s) address with a host, or an internal path like /resources/slug")
        }
    }

    /// An http(s) address a browser opens: the scheme, a host, and no spaces (`https://` alone and `https://a b` passed).
    static func isWebAddress(_ address: String) -> Bool {
        // Schemes are case-insensitive (RFC 3986, 3.1): `HTTPS://` was refused.
        let lowered = address.prefix(8).lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
              !address.unicodeScalars.contains(where: { $0.properties.isWhitespace }),
              let host = URLComponents(string: address)?.host else { return false }
        return !host.isEmpty
    }

    mutating func bodyLink(_ link: BodyLink) {
        let address = link.url
        if address.hasPrefix("#") {
            if !page.headings.contains(where: { "#\($0.anchor)" == address }) {
                errors.append(ContentError(path: page.path, line: link.line,
                                           message: "link to `\(address)`: no such heading on this page"))
            }
        } else if address.hasPrefix("/") {
            if !resolves(address) {
                errors.append(ContentError(path: page.path, line: link.line,
                                           message: "broken internal link `\(address)`",
                                           hint: "link to /section/slug of an existing page", isLink: true))
            }
        } else if !["https://", "http://", "mailto:"].contains(where: { address.prefix(8).lowercased().hasPrefix($0) }) {
            errors.append(ContentError(path: page.path, line: link.line,
                                       message: "link `\(address)` is neither internal (/section/slug) nor http(s)"))
        }
    }

    /// Whether an internal path (with an optional `#fragment`) names a page, a section, or a site route.
    private func resolves(_ address: String) -> Bool {
        let parts = address.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard let first = segments.first, let section = Section(rawValue: String(first)) else {
            // Not a content address: one of the site's routes, when the caller says which they are.
            return fragment == nil && (routes?.contains(path) ?? true)
        }
        if segments.count == 2 && segments.last == "" { return fragment == nil }  // /section/
        guard segments.count == 2 else { return false }
        // A page that failed to parse is not there to check a heading against; its own error says why.
        if unparsed.contains("\(section.rawValue)/\(segments.last!)") { return true }
        guard let target = library.page(section, String(segments.last!)) else { return false }
        guard let fragment else { return true }
        return target.headings.contains { $0.anchor == fragment }
    }
}

/// Dates are kept as `YYYY-MM-DD` strings: YAML would otherwise turn `2024-13-45` into a real date silently.
enum Dates {
    static func isValid(_ text: String) -> Bool { CivilDate.plausibleDay(text) != nil }
}
