import Foundation
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

extension Verdict {
    /// The verdict as a CSS class word (`choose-haiku`), made once: Foundation's `replacingOccurrences` cost some
    /// 20,000 instructions a call on every verdict page.
    var cssClass: String { Self.cssClasses[self]! }
    private static let cssClasses = Dictionary(uniqueKeysWithValues: allCases.map {
        ($0, $0.rawValue.split(separator: "_").joined(separator: "-"))
    })
}

/// A horizontal bar per model, cheapest first, stacked by what the month's money pays for.
struct CostChart {
    /// What the mark of `cheapest` says: not the cheapest line of the table, which may be a model that stops answering
    /// next week (GPT-5 nano at half GPT-6 Luna's price, marked "1×" beside Luna's "★ cheapest").
    static let cheapestLabel = "cheapest to build on"
    /// The same on a phone: not "cheapest" alone, which marked Haiku 5.5 at $86 under GPT-4o mini's $27 (deprecated,
    /// and so not one to build on).
    static let cheapestNarrow = "cheapest usable"
    /// The line a cost chart marks "cheapest": the first (lines come cheapest first) whose model takes the workload
    /// with the headroom a recommendation needs and that the engine would name on `day`: not one that stops
    /// answering within `deprecated_offer_days` (GPT-5 nano a week before its shutdown), nor one whose published
    /// rate limits cannot carry the peak while another's can, as the engine holds it (Cohere Command R7B's 500
    /// requests a minute under a billion requests a month), nor a self-hosted one for a team that cannot self-host.
    static func cheapest(_ lines: [CostLine], answers: Answers, knowledge: Knowledge) -> CostLine? {
        cheapest(among: offered(lines, answers: answers, knowledge: knowledge))
    }

    private static func cheapest(among offered: [CostLine]) -> CostLine? {
        offered.first { $0.capacity?.status != .beyond_tiers } ?? offered.first
    }

    /// The cheapest line to build on and its mark's words, which name the lines it ties with to the cent: Gemini 3.5
    /// Flash-Lite and GPT-6 Luna both cost $80.00, and the star named one of them.
    /// `narrow` is the label as a phone's chart shows it, where SVG text cannot wrap: the tie said without the names.
    static func cheapestMark(_ lines: [CostLine], answers: Answers, knowledge: Knowledge) -> (model: String, label: String, narrow: String)? {
        let offered = offered(lines, answers: answers, knowledge: knowledge)
        guard let line = cheapest(among: offered) else { return nil }
        let cents = (line.monthly_usd * 100).rounded()
        let ties = offered.filter {
            $0.model != line.model && ($0.monthly_usd * 100).rounded() == cents && $0.capacity?.status != .beyond_tiers
        }
        return (line.model, ties.isEmpty ? cheapestLabel : "\(cheapestLabel) (tied with \(Format.series(ties.map(\.title))))",
                ties.isEmpty ? cheapestNarrow : cheapestNarrow + " (tied)")
    }

    /// The lines the engine would name on the day: within the headroom, self-hosted only for a team that can, and not
    /// retired or about to be.
    private static func offered(_ lines: [CostLine], answers: Answers, knowledge: Knowledge) -> [CostLine] {
        let day = answers.day
        let selfHosting = answers[.canSelfHost] == .bool(true)
        return lines.filter {
            $0.within_headroom && (selfHosting || $0.hosting != .self_hosted)
                && knowledge.offers($0.status.state, retiring: $0.status.retires.flatMap(CivilDate.day), on: day)
        }
    }

    /// A bar's label says when its model is no longer current, as the table's badge does: a price beside a model
    /// that stops answering next week is not a price to build on.
    static func lifecycleNote(_ status: ModelStatus) -> String {
        status.shortNote.map { " (\($0))" } ?? ""
    }

    /// A bar's label says when the model's published rate limits cannot carry the peak, as its table row does: the
    /// first bar of a billion requests a month is otherwise read as the one to pick.
    /// `narrow`: the same on a phone's chart, where SVG text cannot wrap and the words ran off the screen's edge.
    static func capacityNote(_ line: CostLine) -> (wide: String, narrow: String) {
        line.capacity?.status == .beyond_tiers ? (" (rate limits cannot carry your peak)", " (limits short of peak)") : ("", "")
    }

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
        /// The title on a phone (`capacityNote`'s narrow words).
        let narrowTitle: String
        let parts: [(Part, Double)]
        /// What the month costs: the sum of the paid parts.
        let total: Double
    }

    let bars: [Bar]
    /// The model marked on the chart (the verdict's primary model, or the cheapest), and the word for it.
    let marked: String?
    let markLabel: String
    /// The mark's word on a phone (the tie without the names).
    let markNarrow: String
    /// Models left out (do not fit, retired, not released), for the description.
    let leftOut: [String]

    /// Drawable models left out of a shortlist: how many, and the range of their monthly costs.
    let collapsed: (count: Int, low: Double, high: Double)?

    /// The usable lines that fit, cheapest first; a batch discount is drawn as the part of the bar not paid.
    /// - Parameter shortlist: when given, only these models get a bar; the others that could be drawn are
    ///   summed up as "N more, from $X to $Y" (the table lists them).
    /// - Parameter roles: what a drawn model is to the verdict besides the marked one ("runner-up", "escalation
    ///   model"), said after its name: a shortlist drew Sonnet 5.5 at $19,520 beside a Haiku verdict with no word of why.
    init(lines: [CostLine], marked: String?, markLabel: String, markNarrow: String? = nil, shortlist: Set<String>? = nil,
         roles: [String: String] = [:]) {
        var bars: [Bar] = []
        var leftOut: [String] = []
        for line in lines {
            guard line.fits, line.rejects_forced_tool_calls != true, line.status.state != .retired,
                  line.status.state != .unreleased else {
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
            let named = line.title + (roles[line.model].map { " · \($0)" } ?? "") + Self.lifecycleNote(line.status)
            let capacity = Self.capacityNote(line)
            bars.append(Bar(model: line.model, title: named + capacity.wide, narrowTitle: named + capacity.narrow,
                            parts: parts.filter { $0.1 > 0 },
                            total: line.monthly_usd))
        }
        let drawn = shortlist.map { list in bars.filter { list.contains($0.model) } } ?? bars
        let rest = bars.filter { bar in !drawn.contains { $0.model == bar.model } }.map(\.total)
        collapsed = rest.isEmpty ? nil : (rest.count, rest.min()!, rest.max()!)
        self.bars = drawn.sorted { $0.total < $1.total }
        logarithmic = Self.logarithmic(self.bars)
        self.marked = marked
        self.markLabel = markLabel
        self.markNarrow = markNarrow ?? markLabel
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
    /// Costs further apart than this are drawn on a logarithmic axis: on a linear one the dearest model (Opus at
    /// $24,000) leaves the plausible ones as slivers of a few pixels.
    static let logarithmicAbove = 10.0

    /// Whether the bars are drawn on a logarithmic axis (decided once: every bar part reads it).
    let logarithmic: Bool

    private static func logarithmic(_ bars: [Bar]) -> Bool {
        let totals = bars.map(\.total).filter { $0 > 0 }
        guard let low = totals.min(), let high = totals.max() else { return false }
        return high / low > logarithmicAbove
    }

    /// Where an amount ends on the axis, as a share of the width: the longest bar spans 72 %, the value label goes
    /// after it. On the logarithmic axis the axis starts at a third of the cheapest bar, so that it still shows.
    private func axis() -> (Double) -> Double {
        let longest = bars.map { $0.parts.reduce(0) { $0 + $1.1 } }.max() ?? 0
        guard logarithmic, let cheapest = bars.map(\.total).filter({ $0 > 0 }).min() else {
            let scale = longest > 0 ? 0.72 / longest : 0
            return { $0 * scale }
        }
        let origin = log10(cheapest / 3), span = log10(longest) - origin
        return { amount in amount <= 0 ? 0 : Swift.max(0, (log10(amount) - origin) / span * 0.72) }
    }

    func svg(title: String, id: String) -> String {
        guard !bars.isEmpty else { return "" }
        let position = axis()
        let ticks = logarithmic ? powersOfTen() : []
        let height = bars.count * Self.rowHeight + 8 + (ticks.isEmpty ? 0 : 22)
        var description = (logarithmic ? "Monthly cost on a logarithmic axis (each step of the scale is ten times the last), cheapest first: "
            : "Monthly cost, cheapest first: ")
        description += bars.map { bar in
            "\(bar.title) \(Format.usd(bar.total))" + (bar.model == marked ? " (\(markLabel))" : "")
        }.joined(separator: "; ") + "."
        if let collapsed { description += " " + collapsedText(collapsed) }
        if !leftOut.isEmpty { description += " Not drawn (does not fit, returns an error on a forced tool call, retired or not released): \(leftOut.joined(separator: ", "))." }

        var svg = "<svg class=\"chart cost-chart\" role=\"img\" width=\"100%\" height=\"\(height)\""
            + " aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
        // The grid first, so that the bars and their labels are drawn over it.
        let gridBottom = bars.count * Self.rowHeight + 8
        for amount in ticks {
            let x = Markup.percent(position(amount))
            svg += "<line class=\"tick\" x1=\"\(x)\" x2=\"\(x)\" y1=\"0\" y2=\"\(gridBottom)\"></line>"
        }
        for (index, bar) in bars.enumerated() {
            let top = index * Self.rowHeight
            let isMarked = bar.model == marked
            let name = bar.title + (isMarked ? " · \(markLabel)" : "")
            svg += "<g class=\"bar\(isMarked ? " marked" : "")\" data-model=\"\(HTMLText.escape(bar.model))\">"
            let label = (isMarked ? "★ " : "") + name
            let narrow = (isMarked ? "★ " : "") + bar.narrowTitle + (isMarked ? " · \(markNarrow)" : "")
            svg += "<text class=\"bar-label\" x=\"0\" y=\"\(top + 15)\">" + (narrow == label ? HTMLText.escape(label)
                : "<tspan class=\"label-wide\">\(HTMLText.escape(label))</tspan><tspan class=\"label-narrow\">\(HTMLText.escape(narrow))</tspan>")
                + "</text>"
            // Parts keep their share of the bar on either axis; on the logarithmic one the bar's length is the
            // paid total's, and a batch saving extends it to where the undiscounted total would end.
            let paidEnd = position(bar.total)
            var start = 0.0
            var sum = 0.0
            for (part, value) in bar.parts {
                let width: Double
                if logarithmic {
                    width = part == .saving ? position(bar.total + value) - paidEnd : (bar.total > 0 ? value / bar.total * paidEnd : 0)
                } else {
                    width = position(sum + value) - position(sum)
                }
                sum += value
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
        for amount in ticks {
            svg += "<text class=\"tick-label\" x=\"\(Markup.percent(position(amount)))\" y=\"\(gridBottom + 16)\" "
                + "text-anchor=\"middle\">\(Self.tickLabel(amount))</text>"
        }
        return svg + "</svg>"
    }

    /// A tick's amount without cents: the ticks are powers of ten, whole dollars from $1 up.
    static func tickLabel(_ amount: Double) -> String {
        let text = Format.usd(amount)
        return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
    }

    /// The powers of ten inside the logarithmic axis, for its ticks.
    private func powersOfTen() -> [Double] {
        let totals = bars.map(\.total).filter { $0 > 0 }
        guard let low = totals.min(), let high = bars.map({ $0.parts.reduce(0) { $0 + $1.1 } }).max() else { return [] }
        let first = Int(log10(low / 3).rounded(.up)), last = Int(log10(high).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { pow(10, Double($0)) }
    }

    private func collapsedText(_ c: (count: Int, low: Double, high: Double)) -> String {
        c.count == 1 ? "One more model, at \(Format.usd(c.low)), is in the table below."
            : "\(c.count) more models, from \(Format.usd(c.low)) to \(Format.usd(c.high)) a month, are in the table below."
    }

    /// The chart for `_cost_chart.mustache`: the SVG, its legend, the models the shortlist leaves out and a word
    /// on the axis.
    func view(title: String, id: String) -> CostChartView {
        CostChartView(svg: svg(title: title, id: id), legend: legend, collapsed: collapsed.map(collapsedText) ?? "",
                      axisNote: logarithmic && !bars.isEmpty
                          ? "Logarithmic axis: each tick is ten times the one before, so models far apart in price stay readable; the segments keep each part's share of its bar."
                          : "")
    }
}

/// The fit score on a 0–100 scale with the two thresholds, the start value, the score's region coloured, and
/// where each "what would change" would move the score. Where a hard limit or a policy gives another verdict than
/// the score's region, the description says so (a score of 89 was said to lie "in the “Use another model” region").
struct ScoreScale {
    let score: Double
    let base: Double
    let tieredAt: Double
    let haikuAt: Double
    let verdict: Verdict
    /// Numbered points for the changes: the score each change would give, and the verdict it gives.
    let changes: [(number: Int, score: Double, lands: Verdict)]

    /// The verdicts' regions of the scale, lowest first.
    var regions: [(verdict: Verdict, from: Double, to: Double, label: String)] {
        [(.chooseAlternative, 0, tieredAt, "Use another model"),
         (.tieredRouting, tieredAt, haikuAt, "Tiered routing"),
         (.chooseHaiku, haikuAt, 100, "Haiku")]
    }

    /// Where a change's point is drawn: at its score when the score gives its verdict; otherwise (a hard limit or a
    /// policy decides, whatever the score) inside the region of the verdict it gives, at the edge nearest its score,
    /// so that the point never sits in a verdict it does not give.
    func position(score: Double, lands: Verdict) -> (x: Double, overridden: Bool) {
        let region = regions.first { $0.verdict == lands }!
        let inside = score >= region.from && (score < region.to || (region.to == 100 && score <= 100))
        if inside { return (score, false) }
        let margin = Swift.min(3, (region.to - region.from) / 2)
        return (Swift.min(region.to - margin, Swift.max(region.from + margin, score)), true)
    }

    private func x(_ value: Double) -> String { Markup.percent(value / 100) }

    /// Whether a rule or policy set a verdict other than the one the score's region gives.
    var overruled: Bool { scoreRegion.verdict != verdict }

    /// The region the score lies in, whatever the verdict.
    var scoreRegion: (verdict: Verdict, from: Double, to: Double, label: String) {
        regions.last { score >= $0.from } ?? regions[0]
    }

    func svg(id: String) -> String {
        let region = scoreRegion
        var description = "Score \(Format.number(score.rounded())) out of 100, in the “\(region.label)” region"
            + (region.verdict == verdict ? ". "
                : "; the verdict, “\(regions.first { $0.verdict == verdict }!.label)”, is set whatever the score. ")
            + "Tiered routing from \(Format.number(tieredAt)), Haiku from \(Format.number(haikuAt)); every workload "
            + "starts at \(Format.number(base))."
        if !changes.isEmpty {
            description += " " + changes.map { change in
                let label = regions.first { $0.verdict == change.lands }!.label
                return position(score: change.score, lands: change.lands).overridden
                    ? "Change \(change.number) gives “\(label)” whatever the score (\(Format.number(change.score.rounded())))"
                    : "Change \(change.number) gives \(Format.number(change.score.rounded())), “\(label)”"
            }.joined(separator: "; ") + "."
        }
        // Points closer than a circle's width go on the next row down, so that every number stays readable; the
        // labels below the scale move down with the rows.
        var rowsEnd: [Double] = []
        var points: [(change: (number: Int, score: Double, lands: Verdict), at: Double, overridden: Bool, row: Int)] = []
        for change in changes.sorted(by: { ($0.score, $0.number) < ($1.score, $1.number) }) {
            let (at, overridden) = position(score: change.score, lands: change.lands)
            let row = rowsEnd.firstIndex { at - $0 >= 3.2 } ?? rowsEnd.count
            if row == rowsEnd.count { rowsEnd.append(at) } else { rowsEnd[row] = at }
            points.append((change, at, overridden, row))
        }
        let drop = 17 * Swift.max(0, rowsEnd.count - 1)
        var svg = "<svg class=\"chart score-scale\" role=\"img\" width=\"100%\" height=\"\(92 + drop)\""
            + " aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">Haiku fit score and the thresholds of the verdict</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
        // Where a rule or policy sets the verdict whatever the score, the score's region is muted and the verdict's
        // is outlined and named: a bar filled green to 99 under "Use another model" read as "Haiku, 99/100".
        for (kind, from, to, label) in regions.map({ ($0.verdict, $0.from, $0.to, $0.label) }) {
            let slug = kind.cssClass
            let current = kind == region.verdict
            let given = overruled && kind == verdict
            let marks = (current ? " current" : "") + (current && overruled ? " overruled" : "") + (given ? " given" : "")
            svg += "<rect class=\"region region-\(slug)\(marks)\" x=\"\(x(from))\" y=\"30\""
                + " width=\"\(x(to - from))\" height=\"14\"></rect>"
            // Every region is named, the score's in full colour: a dashed change point at 37 sat in an unnamed band.
            // Phones, where the middle band is too narrow for its words, name the score's alone (style.css), and
            // the verdict's where a rule set it.
            svg += "<text class=\"region-label\(current || given ? "" : " other")\" x=\"\(x((from + to) / 2))\" y=\"\(60 + drop)\" "
                + "text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        }
        // The lower threshold's label ends at its line and the higher one's starts at its own, so that on a phone
        // (the two lines 60 px apart) they no longer run together as "40 tiered60 Haiku".
        for (value, label, anchor) in [(tieredAt, "\(Format.number(tieredAt)) tiered", "end"), (haikuAt, "\(Format.number(haikuAt)) Haiku", "start")] {
            svg += "<line class=\"threshold\" x1=\"\(x(value))\" x2=\"\(x(value))\" y1=\"26\" y2=\"48\"></line>"
            svg += "<text class=\"tick-label\" x=\"\(x(value))\" y=\"\(78 + drop)\" text-anchor=\"\(anchor)\" dx=\"\(anchor == "end" ? -3 : 3)\">\(label)</text>"
        }
        svg += "<line class=\"start\" x1=\"\(x(base))\" x2=\"\(x(base))\" y1=\"24\" y2=\"50\"></line>"
        for (change, at, overridden, row) in points {
            let cy = 37 + 17 * row
            svg += "<circle class=\"change-point\(overridden ? " overridden" : "")\" cx=\"\(x(at))\" cy=\"\(cy)\" r=\"7\"></circle>"
            svg += "<text class=\"change-number\" x=\"\(x(at))\" y=\"\(cy + 4)\" text-anchor=\"middle\">\(change.number)</text>"
        }
        // A nested <svg> places the pointer at a percentage, which a transform cannot.
        svg += "<svg class=\"score-pointer\" x=\"\(x(score))\" y=\"0\" overflow=\"visible\">"
            + "<path d=\"M0 28 L-7 17 L7 17 Z\"></path>"
            + "<text class=\"score-value\" x=\"0\" y=\"12\" text-anchor=\"middle\">\(Format.number(score.rounded()))</text></svg>"
        return svg + "</svg>"
    }
}
