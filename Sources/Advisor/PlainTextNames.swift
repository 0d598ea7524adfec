// A model named in a list with its state where a team should know it, in one wording: the chart's bar labels, and
// the CLI's `assess` and the MCP tool's text, as the page's lifecycle badges show it; an alternative that fits the
// task less well than the recommendation says so there too, as the page and the Markdown export do.

extension ModelStatus {
    /// "legacy", "deprecated, retires 2027-01-22"; nil for an active model, and for a retired or unreleased one,
    /// which lists that offer models never hold (the cost table says those in its own words).
    public var shortNote: String? {
        switch state {
        case .legacy: "legacy"
        case .deprecated: "deprecated" + (retires.map { ", retires \($0)" } ?? "")
        case .active, .retired, .unreleased: nil
        }
    }
}

extension Assessment {
    /// Model `slug` as a plain-text list names it: with its state on the as-of day where it is not active, so that a
    /// legacy or deprecated alternative is never offered unsaid.
    public func named(_ slug: String) -> String {
        costs.first { $0.model == slug }?.status.shortNote.map { "\(slug) (\($0))" } ?? slug
    }

    /// How `slug` fits the task when that is less well than the primary ("fits this task only ‘good’"), or nil: an
    /// alternative weaker than the recommendation is offered only when too few fit as well, and says so.
    public func weakerFit(_ slug: String, knowledge: Knowledge) -> String? {
        guard let primary = primaryFit,
              let fit = knowledge.model(slug)?.spec.task_fit[primary.task]?.fit, fit > primary.fit else { return nil }
        return "fits this task only ‘\(fit.rawValue)’"
    }

    /// An alternative as a plain-text list names it: its state where it is not active, and a weaker fit
    /// (`gpt-5-mini (deprecated, retires 2026-12-10; fits this task only ‘good’)`).
    public func namedAlternative(_ slug: String, knowledge: Knowledge) -> String {
        let notes = [costs.first { $0.model == slug }?.status.shortNote, weakerFit(slug, knowledge: knowledge)].compactMap { $0 }
        return notes.isEmpty ? slug : "\(slug) (\(notes.joined(separator: "; ")))"
    }

    /// The alternatives as the text reports append them to the primary: "; alternatives: a, b (note)", or
    /// "; alternatives: none (why)" where none is offered and the note says why; empty otherwise.
    public func alternativesClause(knowledge: Knowledge) -> String {
        let note = alternativesNote.map { " (\($0))" } ?? ""
        guard !alternatives.isEmpty else { return note.isEmpty ? "" : "; alternatives: none" + note }
        return "; alternatives: " + alternatives.map { namedAlternative($0, knowledge: knowledge) }.joined(separator: ", ") + note
    }
}
