import Advisor

/// A verdict judged on a past day (a share link pins `as_of`) names that day's models. Read later, some of them may
/// be retired, or deprecated since: the page says which, with their dates and replacements, and links today's
/// verdict for the same answers, so a retired or leaving model is never shown as recommended without a word on the
/// day the page is read. A day to come (an `as_of` ahead of today) is said too, with what its verdict rests on.
struct PastDayNotice: ViewModel {
    let text: String
    /// `/assess/result` with the same answers and no `as_of`: today's verdict.
    let todayURL: String

    /// nil when the verdict is today's, or a past day's when no model it names has retired or been deprecated since.
    /// A day to come always says what it rests on: the dates and prices announced by today, nothing announced later.
    init?(_ a: Assessment, answers: Answers, knowledge: Knowledge) {
        let today = knowledge.today
        guard let judged = CivilDate.day(a.asOf), judged != today else { return nil }
        let query = answers.queryString.split(separator: "&").filter { !$0.hasPrefix("as_of=") }.joined(separator: "&")
        todayURL = "/assess/result" + (query.isEmpty ? "" : "?" + query)
        if judged > today {
            text = "Judged for \(a.asOf), a day to come: the retirements, releases and price changes announced by "
                + "\(CivilDate.text(today)) are applied, and the prices are those in force that day as announced; "
                + "anything announced later is not, so assess again nearer the day."
            return
        }
        var named: [(slug: String, role: String)] = [(a.primaryModel, "recommended")]
        if let runnerUp = a.decision.runner_up?.model { named.append((runnerUp, "the runner-up")) }
        if let escalation = a.decision.combined?.escalation_model { named.append((escalation, "the escalation model")) }
        named += a.alternatives.map { ($0, "an alternative") }
        var seen: Set<String> = []
        var gone: [String] = [], going: [String] = []
        for (slug, role) in named where seen.insert(slug).inserted {
            guard let status = knowledge.status(of: slug, on: today), let title = knowledge.model(slug)?.title else { continue }
            let replacement = status.replacement.flatMap { knowledge.model($0)?.title }.map { " (replacement: \($0))" } ?? ""
            switch status.state {
            case .retired:
                gone.append("\(title) (\(role) here) retired on \(status.since)" + replacement)
            case .deprecated where knowledge.status(of: slug, on: judged)?.state != .deprecated:
                // Deprecated since that day: still served, but leaving, so not a model to start on.
                going.append("\(title) (\(role) here) was deprecated on \(status.since) and retires on "
                             + "\(status.retires ?? "a day not announced")" + replacement)
            default: continue
            }
        }
        guard !gone.isEmpty || !going.isEmpty else { return nil }
        text = "Judged on \(a.asOf). Since then: " + (gone + going).joined(separator: "; ") + "."
    }
}
