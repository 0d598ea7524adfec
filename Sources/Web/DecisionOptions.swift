import Advisor

/// The models a decision is weighed between, each once with every role it plays: the primary, the current Haiku,
/// the runner-up and the escalation model. The decision record lists them as its options and the evaluation plan
/// runs them.
///
/// The runner-up is the decision's own (`DecisionSummary.runner_up`), so that the page, the record and the plan
/// name the same model.
struct DecisionOptions {
    enum Role: String {
        case primary = "recommended"
        case currentHaiku = "current Haiku"
        case runnerUp = "runner-up"
        case escalation = "escalation model"
    }

    struct Option {
        let slug: String
        var roles: [Role]
        let entry: ModelEntry
        /// The model's cost line in this assessment.
        let cost: CostLine
    }

    let options: [Option]
    /// No model takes the workload: the primary is named only so that the figures have a model.
    let primaryOnlyNamed: Bool
    /// What the primary's role is called when it is only named.
    static let onlyNamed = "named for its figures, not recommended"
    /// The primary's role as the record says it.
    var primaryRole: String { primaryOnlyNamed ? Self.onlyNamed : Role.primary.rawValue }

    init(_ a: Assessment, knowledge: Knowledge) {
        primaryOnlyNamed = a.recommendedModel == nil
        func usable(_ slug: String) -> Bool {
            guard let line = a.costs.first(where: { $0.model == slug }) else { return false }
            return line.fits && [.active, .legacy].contains(line.status.state)
        }
        var picks: [(String, Role)] = [(a.primaryModel, .primary)]
        if let haiku = a.haikuModel { picks.append((haiku, .currentHaiku)) }
        let escalation = knowledge.settings.escalation_models.first(where: usable)
        // The runner-up the verdict names (the page and the Markdown export say the same); with no volume to price
        // there is none, and the first alternative stands in.
        if let runnerUp = a.decision.runner_up?.model
            ?? a.alternatives.first(where: { $0 != a.primaryModel && $0 != escalation })
            ?? a.alternatives.first(where: { $0 != a.primaryModel }) {
            picks.append((runnerUp, .runnerUp))
        }
        if let escalation { picks.append((escalation, .escalation)) }
        var options: [Option] = []
        for (slug, role) in picks {
            if let i = options.firstIndex(where: { $0.slug == slug }) {
                options[i].roles.append(role)
            } else if let entry = knowledge.model(slug), let cost = a.costs.first(where: { $0.model == slug }) {
                options.append(Option(slug: slug, roles: [role], entry: entry, cost: cost))
            }
        }
        self.options = options
    }

    func first(_ role: Role) -> Option? { options.first { $0.roles.contains(role) } }

    /// An option as a record names it: its title and roles ("GPT-6 Luna (recommended, runner-up)"); where no model takes
    /// the workload, the primary's role says it is only named.
    func title(_ option: Option) -> String {
        let roles = option.roles.map { $0 == .primary ? primaryRole : $0.rawValue }
        return "\(option.entry.title) (\(roles.joined(separator: ", ")))"
    }
}
