// Model ids as the plain-text answers name them (the CLI's `assess` and the MCP tool's text): with the model's state
// where it is not active, as the page's lifecycle badges show it.

extension ModelStatus {
    /// The state in a few words for a list of model ids in plain text (the CLI's and the MCP tool's alternatives):
    /// "legacy", "deprecated, retires 2027-01-22"; nil for an active model.
    public var shortNote: String? {
        switch state {
        case .active: nil
        case .deprecated: "deprecated" + (retires.map { ", retires \($0)" } ?? "")
        default: state.rawValue
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
