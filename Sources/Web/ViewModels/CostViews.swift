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

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "model": present(model)
        case "monthly": present(monthly)
        case "fits": fits
        case "input": present(input)
        case "output": present(output)
        case "cache": present(cache)
        case "per_request": present(perRequest)
        case "rates": present(rates)
        case "notes": notes
        case "has_notes": !notes.isEmpty
        case "tokens": present(tokens)
        case "cheapest": cheapest
        case "multiple": present(multiple)
        case "badge": badge
        case "unavailable": unavailable
        case "latency": present(latency)
        case "checked": present(checked)
        default: nil
        }
    }
}

/// The cost chart of `_cost_chart.mustache`: the SVG (raw markup) and its legend.
struct CostChartView {
    let svg: String
    let legend: [LegendItem]

    /// The names `_cost_chart.mustache` reads, for the page that embeds the chart.
    func child(named name: String) -> Any? {
        switch name {
        case "chart_svg": present(svg)
        case "chart_legend": legend
        case "has_chart": !svg.isEmpty
        default: nil
        }
    }
}

/// One entry of a chart legend: the swatch's class and its words.
struct LegendItem: ViewModel {
    let cssClass: String
    let label: String

    func child(named name: String) -> Any? {
        switch name {
        case "class": present(cssClass)
        case "label": present(label)
        default: nil
        }
    }
}
