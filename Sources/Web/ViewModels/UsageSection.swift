/// What an import found, on the verdict page and the questionnaire (`{{#usage}}` in result.mustache and
/// assess.mustache).
struct UsageSection: ViewModel {
    /// `Anthropic Admin API messages usage report, 2026-11-02T00:00:00Z to ...`.
    let source: String
    let facts: [UsageFact]
    let models: [ModelUsageLine]
    /// "and 928,975 more ids, 97.3 % of the requests": those past the listed ones; empty when all are listed.
    let modelsLeftOff: String
    /// What the traffic costs now against the recommendation; empty without a current model.
    let comparison: String
    /// Why the request count is missing or assumed.
    let note: String
    /// Groups of requests priced, as text ("1 group of requests", "3 groups of requests").
    let groups: String
    /// The distribution as a link carries it; empty when there is none yet.
    let profile: String

    var hasModels: Bool { !models.isEmpty }
}

/// One figure of the import.
struct UsageFact: ViewModel {
    let label: String
    let value: String
}

/// A model the imported traffic used, with its lifecycle badge and where to move.
struct ModelUsageLine: ViewModel {
    let id: String
    let title: String
    let url: String
    let share: String
    let badge: Badge
    let migrate: String
    let guideURL: String
}
