import Advisor
import Search

// Charts drawn on the server as inline SVG: no script, no chart library, and the table beside each chart stays the
// accessible alternative. Sizes are in CSS pixels and bar lengths in percent of the width, with no viewBox, so the
// text keeps its size from 390 px phones to wide screens instead of shrinking with the drawing. Colours come from
// classes in style.css, so the charts follow the colour scheme (and the CSP forbids inline styles anyway).

/// Helpers for drawing SVG; text goes through `HTMLText.escape`, the one HTML escaper.
enum Markup {
    /// A percentage for an SVG length, with two decimals at most.
    static func percent(_ share: Double) -> String {
        Format.trimmed(max(0, min(1, share)) * 100, digits: 2) + "%"
    }
}

/// A horizontal bar per model, cheapest first, stacked by what the month's money pays for.
struct CostChart {
    /// One stacked part of a bar.
    enum Part: String, CaseIterable {
        case input, output, cache, gpu, ops, saving

        var label: String {
            switch self {
            case .input: "Input"
            case .output: "Output"
            case .cache: "Prompt cache"
            case .gpu: "GPU time"
            case .ops: "Operations time"
            case .saving: "Batch saving (not paid)"
            }
        }
    }

    struct Bar {
        let model: String
        let title: String
        let parts: [(Part, Double)]
        /// What the month costs: the sum of the paid parts.
        let total: Double
    }

    let bars: [Bar]
    /// The model marked on the chart (the verdict's primary model, or the cheapest), and the word for it.
    let marked: String?
    let markLabel: String
    /// Models left out (do not fit, retired, not released), for the description.
    let leftOut: [String]

    /// The usable lines that fit, cheapest first; a batch discount is drawn as the part of the bar not paid.
    init(lines: [CostLine], marked: String?, markLabel: String) {
        var bars: [Bar] = []
        var leftOut: [String] = []
        for line in lines {
            guard line.fits, line.status.state != .retired, line.status.state != .unreleased else {
                leftOut.append(line.title)
                continue
            }
            var parts: [(Part, Double)]
            if line.hosting == .self_hosted {
                parts = [(.gpu, line.gpu_usd), (.ops, line.ops_usd)]
            } else {
                parts = [(.input, line.input_usd), (.output, line.output_usd), (.cache, line.cache_usd)]
                if let discount = line.rates.batch_discount, discount > 0, discount < 1 {
                    let classes = Set(line.rates.batch_applies_to ?? TokenClass.allCases)
                    var discounted = 0.0
                    if classes.contains(.input) { discounted += line.input_usd }
                    if classes.contains(.output) { discounted += line.output_usd }
                    if classes.contains(.cache_read) || classes.contains(.cache_write) { discounted += line.cache_usd }
                    parts.append((.saving, discounted * discount / (1 - discount)))
                }
            }
            bars.append(Bar(model: line.model, title: line.title, parts: parts.filter { $0.1 > 0 }, total: line.monthly_usd))
        }
        self.bars = bars.sorted { $0.total < $1.total }
        self.marked = marked
        self.markLabel = markLabel
        self.leftOut = leftOut
    }

    /// The parts that occur on some bar, in legend order.
    var legend: [LegendItem] {
        let used = Set(bars.flatMap { $0.parts.map(\.0) })
        return Part.allCases.filter(used.contains).map { LegendItem(cssClass: "seg-\($0.rawValue)", label: $0.label) }
    }

    static let rowHeight = 46
    static let barHeight = 16

    /// The chart as an `<svg role="img">` with a title and a description naming every bar's value.
    /// - Parameter id: a prefix for the title and description ids, unique in the page.
    func svg(title: String, id: String) -> String {
        guard !bars.isEmpty else { return "" }
        // The longest bar (paid and saved) spans 72 % of the width; the value label goes after it.
        let longest = bars.map { $0.parts.reduce(0) { $0 + $1.1 } }.max() ?? 0
        let scale = longest > 0 ? 0.72 / longest : 0
        let height = bars.count * Self.rowHeight + 8
        var description = "Monthly cost, cheapest first: "
        description += bars.map { bar in
            "\(bar.title) \(Format.usd(bar.total))" + (bar.model == marked ? " (\(markLabel))" : "")
        }.joined(separator: "; ") + "."
        if !leftOut.isEmpty { description += " Not drawn (does not fit, retired or not released): \(leftOut.joined(separator: ", "))." }

        var svg = "<svg class=\"chart cost-chart\" role=\"img\" width=\"100%\" height=\"\(height)\""
            + " aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
        for (index, bar) in bars.enumerated() {
            let top = index * Self.rowHeight
            let isMarked = bar.model == marked
            let name = bar.title + (isMarked ? " · \(markLabel)" : "")
            svg += "<g class=\"bar\(isMarked ? " marked" : "")\" data-model=\"\(HTMLText.escape(bar.model))\">"
            svg += "<text class=\"bar-label\" x=\"0\" y=\"\(top + 15)\">\(isMarked ? "★ " : "")\(HTMLText.escape(name))</text>"
            var start = 0.0
            for (part, value) in bar.parts {
                let width = value * scale
                svg += "<rect class=\"seg seg-\(part.rawValue)\" x=\"\(Markup.percent(start))\" y=\"\(top + 21)\""
                    + " width=\"\(Markup.percent(width))\" height=\"\(Self.barHeight)\"></rect>"
                start += width
            }
            if isMarked {
                svg += "<rect class=\"mark-outline\" x=\"0\" y=\"\(top + 20)\" width=\"\(Markup.percent(start))\""
                    + " height=\"\(Self.barHeight + 2)\"></rect>"
            }
            svg += "<text class=\"bar-value\" x=\"\(Markup.percent(start))\" dx=\"6\" y=\"\(top + 34)\">\(Format.usd(bar.total))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// The chart for `_cost_chart.mustache`: the SVG and its legend.
    func view(title: String, id: String) -> CostChartView {
        CostChartView(svg: svg(title: title, id: id), legend: legend)
    }
}

/// The fit score on a 0–100 scale with the two thresholds, the start value, the verdict's region coloured, and
/// where each "what would change" would move the score.
struct ScoreScale {
    let score: Double
    let base: Double
    let tieredAt: Double
    let haikuAt: Double
    let verdict: Verdict
    /// Numbered points for the changes: the score each change would give.
    let changes: [(number: Int, score: Double)]

    private func x(_ value: Double) -> String { Markup.percent(value / 100) }

    func svg(id: String) -> String {
        let regions: [(Verdict, Double, Double, String)] = [
            (.chooseAlternative, 0, tieredAt, "Use another model"),
            (.tieredRouting, tieredAt, haikuAt, "Tiered routing"),
            (.chooseHaiku, haikuAt, 100, "Haiku"),
        ]
        let region = regions.first { $0.0 == verdict }!
        var description = "Score \(Format.number(score.rounded())) out of 100, in the “\(region.3)” region. "
            + "Tiered routing from \(Format.number(tieredAt)), Haiku from \(Format.number(haikuAt)); every workload "
            + "starts at \(Format.number(base))."
        if !changes.isEmpty {
            description += " " + changes.map { "Change \($0.number) gives \(Format.number($0.score.rounded()))" }
                .joined(separator: "; ") + "."
        }
        var svg = "<svg class=\"chart score-scale\" role=\"img\" width=\"100%\" height=\"92\""
            + " aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">Haiku fit score and the thresholds of the verdict</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
        for (kind, from, to, label) in regions {
            let slug = kind.rawValue.replacingOccurrences(of: "_", with: "-")
            let current = kind == verdict
            svg += "<rect class=\"region region-\(slug)\(current ? " current" : "")\" x=\"\(x(from))\" y=\"30\""
                + " width=\"\(x(to - from))\" height=\"14\"></rect>"
            if current {
                svg += "<text class=\"region-label\" x=\"\(x((from + to) / 2))\" y=\"60\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
            }
        }
        for (value, label) in [(tieredAt, "\(Format.number(tieredAt)) tiered"), (haikuAt, "\(Format.number(haikuAt)) Haiku")] {
            svg += "<line class=\"threshold\" x1=\"\(x(value))\" x2=\"\(x(value))\" y1=\"26\" y2=\"48\"></line>"
            svg += "<text class=\"tick-label\" x=\"\(x(value))\" y=\"78\" text-anchor=\"middle\">\(label)</text>"
        }
        svg += "<line class=\"start\" x1=\"\(x(base))\" x2=\"\(x(base))\" y1=\"24\" y2=\"50\"></line>"
        for change in changes {
            svg += "<circle class=\"change-point\" cx=\"\(x(change.score))\" cy=\"37\" r=\"7\"></circle>"
            svg += "<text class=\"change-number\" x=\"\(x(change.score))\" y=\"41\" text-anchor=\"middle\">\(change.number)</text>"
        }
        // A nested <svg> places the pointer at a percentage, which a transform cannot.
        svg += "<svg class=\"score-pointer\" x=\"\(x(score))\" y=\"0\" overflow=\"visible\">"
            + "<path d=\"M0 28 L-7 17 L7 17 Z\"></path>"
            + "<text class=\"score-value\" x=\"0\" y=\"12\" text-anchor=\"middle\">\(Format.number(score.rounded()))</text></svg>"
        return svg + "</svg>"
    }
}
