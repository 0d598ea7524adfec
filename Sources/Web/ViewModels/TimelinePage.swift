/// The timeline (`timeline.mustache`): retirements ahead and behind, the lifecycles drawn on one axis, and the
/// table of every date.
struct TimelinePage: ViewModel {
    let today: String
    let upcoming: [RetirementLine]
    let recent: [RetirementLine]
    let svg: String
    let rows: [TimelineRow]

    func child(named name: String) -> Any? {
        switch name {
        case "today": present(today)
        case "upcoming": upcoming
        case "has_upcoming": !upcoming.isEmpty
        case "recent": recent
        case "has_recent": !recent.isEmpty
        case "timeline_svg": present(svg)
        case "rows": rows
        default: nil
        }
    }
}

/// A retirement, ahead or past: the model, the date, how far it is from today, and the replacement if named.
struct RetirementLine: ViewModel {
    let title: String
    let url: String
    let badge: Badge
    let retires: String
    /// "in 12 days", "today", "40 days ago".
    let when: String
    let replacement: ModelLink?

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "badge": badge
        case "retires": present(retires)
        case "when": present(when)
        case "replacement": replacement
        default: nil
        }
    }
}

/// A model's row of the table of dates; a missing date reads "—".
struct TimelineRow: ViewModel {
    let title: String
    let url: String
    let provider: String
    let badge: Badge
    let released: String
    let legacy: String
    let deprecated: String
    let retires: String
    /// The replacement's title.
    let replacement: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "provider": present(provider)
        case "badge": badge
        case "released": present(released)
        case "legacy": present(legacy)
        case "deprecated": present(deprecated)
        case "retires": present(retires)
        case "replacement": present(replacement)
        default: nil
        }
    }
}
