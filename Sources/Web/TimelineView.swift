import Advisor
import Content
import Search

/// `/timeline`: every model's release, legacy, deprecation and retirement dates on one time axis, today marked,
/// with the upcoming retirements (and their replacements) listed first and a table of every date as the text
/// alternative to the drawing.
struct TimelineView {
    let library: ContentLibrary
    let knowledge: Knowledge

    struct Entry {
        let slug: String
        let title: String
        let provider: String
        let released: Int
        let legacy: Int?
        let deprecated: Int?
        let retires: Int?
        let replacement: String?
    }

    /// Every model, oldest release first, with the dates the engine checked when the content was loaded.
    var entries: [Entry] {
        library.pages(in: .models).compactMap { page -> Entry? in
            guard let model = page.frontMatter.model, let days = knowledge.lifecycleDays(of: page.slug) else { return nil }
            return Entry(slug: page.slug, title: page.title, provider: model.provider, released: days.released,
                         legacy: days.legacy, deprecated: days.deprecated, retires: days.retires,
                         replacement: days.replacement)
        }.sorted { ($0.released, $0.title) < ($1.released, $1.title) }
    }

    func page(today: Int) -> TimelinePage {
        let entries = entries
        let badge = { (slug: String) in LifecycleText.badge(knowledge.status(of: slug, on: today), library: library) }
        let title = { (slug: String) in library.page(.models, slug)?.title ?? slug }
        let upcoming = entries.filter { ($0.retires ?? Int.min) >= today }.sorted { $0.retires! < $1.retires! }
        let recent = entries.filter { ($0.retires ?? Int.max) < today }.sorted { $0.retires! > $1.retires! }
        func link(_ slug: String) -> ModelLink { ModelLink(slug: slug, title: title(slug), url: "/models/\(slug)", badge: badge(slug)) }
        let status = { (e: Entry) in knowledge.status(of: e.slug, on: today) }
        func line(_ e: Entry) -> RetirementLine {
            return RetirementLine(
                title: e.title, url: "/models/\(e.slug)", badge: badge(e.slug),
                retires: e.retires.map(CivilDate.text) ?? "",
                when: LifecycleText.relative(e.retires ?? today, today: today),
                replacement: e.replacement.map(link), successor: status(e)?.successor.map(link))
        }
        return TimelinePage(
            today: CivilDate.text(today), upcoming: upcoming.map(line), recent: recent.map(line),
            svg: svg(entries, today: today),
            rows: entries.map { e in
                TimelineRow(title: e.title, url: "/models/\(e.slug)", provider: e.provider, badge: badge(e.slug),
                            released: CivilDate.text(e.released),
                            legacy: e.legacy.map(CivilDate.text) ?? "—",
                            deprecated: e.deprecated.map(CivilDate.text) ?? "—",
                            retires: e.retires.map(CivilDate.text) ?? "—",
                            replacement: status(e).flatMap { LifecycleText.replacement($0, library: library) } ?? "—")
            })
    }

    static let rowHeight = 40

    /// One row per model: a bar from release to retirement, coloured by state, year lines, and today's line.
    func svg(_ entries: [Entry], today: Int) -> String {
        guard let first = entries.map(\.released).min() else { return "" }
        let last = max(entries.compactMap(\.retires).max() ?? today, today + 180)
        // Years by arithmetic, not by slicing the date's text (year 9999's axis ran to "1000" and trapped).
        let startYear = CivilDate.year(of: first), endYear = CivilDate.year(of: last) + 1
        let start = CivilDate.firstDay(ofYear: startYear), end = CivilDate.firstDay(ofYear: endYear)
        func x(_ day: Int) -> String { Markup.percent(Double(day - start) / Double(end - start)) }
        func width(_ days: Int) -> String { Markup.percent(Double(days) / Double(end - start)) }
        // Year labels on the first line, "today" on the second, so that they never overlap.
        let top = 40
        let height = top + entries.count * Self.rowHeight + 4
        let upcoming = entries.filter { ($0.retires ?? Int.min) >= today }.count
        let description = "\(entries.count) models from \(startYear) to \(endYear), today (\(CivilDate.text(today))) marked; "
            + "\(upcoming) retirement\(upcoming == 1 ? "" : "s") ahead. The table below gives every date."
        var svg = "<svg class=\"chart timeline-chart\" role=\"img\" width=\"100%\" height=\"\(height)\""
            + " aria-labelledby=\"timeline-title timeline-desc\">"
            + "<title id=\"timeline-title\">Model lifecycles on one time axis</title>"
            + "<desc id=\"timeline-desc\">\(HTMLText.escape(description))</desc>"
        for year in startYear...endYear {
            let day = CivilDate.firstDay(ofYear: year)
            svg += "<line class=\"year-line\" x1=\"\(x(day))\" x2=\"\(x(day))\" y1=\"\(top - 6)\" y2=\"\(height)\"></line>"
            if year < endYear {
                svg += "<text class=\"year-label\" x=\"\(x(day))\" dx=\"4\" y=\"14\">\(year)</text>"
            }
        }
        for (index, e) in entries.enumerated() {
            let y = top + index * Self.rowHeight
            let stops = [e.legacy, e.deprecated, e.retires].compactMap { $0 }
            svg += "<g class=\"life-row\" data-model=\"\(HTMLText.escape(e.slug))\">"
            svg += "<text class=\"bar-label\" x=\"0\" dx=\"2\" y=\"\(y + 13)\">\(HTMLText.escape(e.title))</text>"
            var segments: [(String, Int, Int)] = []
            let activeEnd = stops.min() ?? end
            segments.append(("active", e.released, activeEnd))
            if let legacy = e.legacy { segments.append(("legacy", legacy, [e.deprecated, e.retires].compactMap { $0 }.min() ?? end)) }
            if let deprecated = e.deprecated { segments.append(("deprecated", deprecated, e.retires ?? end)) }
            for (state, from, to) in segments where to > from {
                svg += "<rect class=\"life-seg seg-\(state)\" x=\"\(x(from))\" y=\"\(y + 19)\""
                    + " width=\"\(width(to - from))\" height=\"12\"></rect>"
            }
            if let retires = e.retires {
                svg += "<line class=\"retire-mark\" x1=\"\(x(retires))\" x2=\"\(x(retires))\" y1=\"\(y + 16)\" y2=\"\(y + 34)\"></line>"
            }
            svg += "</g>"
        }
        svg += "<line class=\"today-line\" x1=\"\(x(today))\" x2=\"\(x(today))\" y1=\"\(top - 6)\" y2=\"\(height)\"></line>"
        svg += "<text class=\"today-label\" x=\"\(x(today))\" dx=\"-4\" y=\"30\" text-anchor=\"end\">today</text>"
        return svg + "</svg>"
    }
}
