/// The timeline (`timeline.mustache`): retirements ahead and behind, the lifecycles drawn on one axis, and the
/// table of every date.
struct TimelinePage: ViewModel {
    let today: String
    let upcoming: [RetirementLine]
    let recent: [RetirementLine]
    let svg: String
    let rows: [TimelineRow]

    var hasUpcoming: Bool { !upcoming.isEmpty }
    var hasRecent: Bool { !recent.isEmpty }
    var timelineSVG: String { svg }
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
    /// Where the replacement has itself been superseded on the day, the model to move to now.
    let successor: ModelLink?
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
}
