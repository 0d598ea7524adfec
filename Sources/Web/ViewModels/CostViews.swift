/// One model's line of the cost table (`_cost_table.mustache`), every figure already formatted.
struct CostRow: ViewModel {
    let title: String
    let url: String
    let model: String
    let monthly: String
    let fits: Bool
    let input: String
    let output: String
    let cache: String
    let perRequest: String
    let rates: String
    let notes: [String]
    let tokens: String
    let cheapest: Bool
    let multiple: String
    let badge: Badge
    let unavailable: Bool
    let latency: String
    let checked: String

    var hasNotes: Bool { !notes.isEmpty }
}

/// The cost chart of `_cost_chart.mustache`: the SVG (raw markup) and its legend.
struct CostChartView {
    let svg: String
    let legend: [LegendItem]
}

/// One entry of a chart legend: the swatch's class and its words.
struct LegendItem: ViewModel {
    let cssClass: String
    let label: String

    var `class`: String { cssClass }
}
