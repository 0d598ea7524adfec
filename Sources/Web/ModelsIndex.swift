import Advisor
import Content

/// The models index: a table of every model (provider, lifecycle, prices, context, cache minimum) above the
/// section's prose, sortable by any column through plain links (`/models/?sort=input&order=desc`).
struct ModelsIndex {
    let library: ContentLibrary
    let knowledge: Knowledge

    enum Column: String, CaseIterable {
        case order, name, provider, lifecycle, input, output, context, cache_min

        var heading: String {
            switch self {
            case .order: "Default order"
            case .name: "Model"
            case .provider: "Provider"
            case .lifecycle: "Lifecycle today"
            case .input: "Input, per M tokens"
            case .output: "Output, per M tokens"
            case .context: "Context window"
            case .cache_min: "Shortest cacheable prefix"
            }
        }

        var numeric: Bool { [.input, .output, .context, .cache_min].contains(self) }
    }

    struct Row {
        let page: Page
        let model: ModelSpec
        let status: ModelStatus?
        let position: Int
        /// The prices in force today (nil: self-hosted).
        let prices: ModelPrices?

        func key(_ column: Column) -> (Double, String) {
            switch column {
            case .order: (Double(position), "")
            case .name: (0, page.title)
            case .provider: (0, model.provider + " " + page.title)
            case .lifecycle: (Double(status.map { LifecycleState.allCases.firstIndex(of: $0.state) ?? 0 } ?? 0), page.title)
            // A missing price (self-hosted) or cache sorts last.
            case .input: (prices?.input.value ?? .infinity, page.title)
            case .output: (prices?.output.value ?? .infinity, page.title)
            case .context: (model.context_window.value, page.title)
            case .cache_min: (prices?.cache_min_tokens?.value ?? .infinity, page.title)
            }
        }
    }

    /// The `section` template's view of `/models/`, the table sorted by `sort`.
    /// - Parameter notice: what was wrong with the address's sort, said before the order it fell back to.
    func page(sort: Column, descending: Bool, notice: String = "") -> SectionPage {
        let today = knowledge.today
        let rows = library.pages(in: .models).enumerated().compactMap { index, page in
            page.frontMatter.model.map { Row(page: page, model: $0, status: knowledge.status(of: page.slug, on: today), position: index,
                                             prices: $0.prices?.inForce(on: CivilDate.text(today))) }
        }
        // A row with no value (a self-hosted model's price) is last in either direction: reversed whole, "input price,
        // highest first" opened with the model that has none.
        let sorted = rows.sorted { a, b in
            let (x, y) = (a.key(sort), b.key(sort))
            if x.0.isInfinite != y.0.isInfinite { return y.0.isInfinite }
            return descending ? (x.0, x.1) > (y.0, y.1) : (x.0, x.1) < (y.0, y.1)
        }
        let table = ModelsTable(
            columns: Column.allCases.filter { $0 != .order }.map { column in
                let current = column == sort
                let nextDescending = current && !descending
                return ColumnHeading(label: column.heading,
                                     url: "/models/?sort=\(column.rawValue)" + (nextDescending ? "&order=desc" : ""),
                                     sort: current ? (descending ? "descending" : "ascending") : "",
                                     numeric: column.numeric)
            },
            rows: sorted.map { row in
                let prices = row.prices
                return ModelsTableRow(title: row.page.title, url: row.page.url, provider: row.model.provider,
                                      badge: LifecycleText.badge(row.status, library: library),
                                      input: prices.map { Format.rate($0.input.value) } ?? "self-hosted",
                                      output: prices.map { Format.rate($0.output.value) } ?? "self-hosted",
                                      context: Format.count(row.model.context_window.value),
                                      cacheMin: prices?.cache_min_tokens.map { Format.count($0.value) } ?? "—")
            },
            sortedBy: notice + (sort == .order ? "" : "Sorted by \(sort.heading.prefix(1).lowercased() + sort.heading.dropFirst())\(descending ? ", highest first" : "")."))
        return Site.sectionPage(.models, library: library, knowledge: knowledge, modelsTable: table)
    }
}
