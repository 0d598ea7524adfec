/// One model's line of the cost table (`_cost_table.mustache`), every figure already formatted.
/// A class, not a struct: the compiled template opens sections with the row as their scope, and each copy of a
/// struct of seventeen strings retained and released every one of them.
final class CostRow: ViewModel {
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
    /// The one marked row (the recommended model on a verdict, the cheapest on the calculator), as the chart marks it.
    let marked: Bool
    let markLabel: String
    let multiple: String
    let badge: Badge
    let unavailable: Bool
    let latency: String
    let checked: String

    init(title: String, url: String, model: String, monthly: String, fits: Bool, input: String, output: String,
         cache: String, perRequest: String, rates: String, notes: [String], tokens: String, marked: Bool,
         markLabel: String, multiple: String, badge: Badge, unavailable: Bool, latency: String, checked: String) {
        self.title = title
        self.url = url
        self.model = model
        self.monthly = monthly
        self.fits = fits
        self.input = input
        self.output = output
        self.cache = cache
        self.perRequest = perRequest
        self.rates = rates
        self.notes = notes
        self.tokens = tokens
        self.marked = marked
        self.markLabel = markLabel
        self.multiple = multiple
        self.badge = badge
        self.unavailable = unavailable
        self.latency = latency
        self.checked = checked
    }

    var hasNotes: Bool { !notes.isEmpty }
}

/// The cost chart of `_cost_chart.mustache`: the SVG (raw markup) and its legend.
struct CostChartView {
    let svg: String
    let legend: [LegendItem]
    /// "N more models, from $X to $Y": those a shortlist leaves out ("" when none).
    var collapsed: String = ""
    /// What the axis is, when it is not the plain linear one ("" otherwise).
    var axisNote: String = ""
}

/// One entry of a chart legend: the swatch's class and its words.
struct LegendItem: ViewModel {
    let cssClass: String
    let label: String

    var `class`: String { cssClass }
}

/// A note of the cost table that applies to several models, said once above it.
struct SharedNote: ViewModel {
    let text: String
    /// The models it applies to, by title (or "every model").
    let models: String
}
