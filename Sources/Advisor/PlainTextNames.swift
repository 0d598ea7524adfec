// A model named in a list with its state where a team should know it, in one wording: the chart's bar labels, and
// the CLI's `assess` and the MCP tool's text, as the page's lifecycle badges show it.

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
}
