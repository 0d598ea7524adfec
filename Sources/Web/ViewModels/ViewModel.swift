/// Every page's view model is a struct (or an immutable final class where a template opens many sections on it:
/// `FormField`, `CostRow`) whose properties are its template's keys: the template compiler
/// (Plugins/CompileTemplates) turns `{{help_url}}` into `helpURL`, so a key the struct lacks is a build error.
/// Where a template's key differs from the stored field (`{{class}}` for `cssClass`, `{{has_notes}}` for a
/// non-empty list), a computed property beside the struct answers it.

/// What the layout shows around a page: the title, the rendered page, the navigation, and whether the page has its
/// own search box (the header's is left out).
struct LayoutView: ViewModel {
    let title: String
    let content: [UInt8]
    let nav: [NavigationLink]
    let searchPage: Bool

    /// The header's search box starts empty (the search page has its own, with the query).
    var query: String { "" }
}

/// One link of the site navigation.
struct NavigationLink: ViewModel {
    let url: String
    let label: String
    let active: Bool
}

/// A model's lifecycle as a badge; all texts empty when the lifecycle is unknown (`{{#badge.label}}` stays closed).
struct Badge: ViewModel {
    let label: String
    let cssClass: String
    let text: String

    static let none = Badge(label: "", cssClass: "", text: "")

    var `class`: String { cssClass }
}

/// A page whose template includes `_cost_chart`: the chart's keys, from its `CostChartView` (nil: no chart).
protocol ChartedPage {
    var costChart: CostChartView? { get }
}

extension ChartedPage {
    var hasChart: Bool { costChart.map { !$0.svg.isEmpty } ?? false }
    var chartSVG: String { costChart?.svg ?? "" }
    var chartLegend: [LegendItem] { costChart?.legend ?? [] }
    var chartCollapsed: String { costChart?.collapsed ?? "" }
    var chartAxisNote: String { costChart?.axisNote ?? "" }
}
