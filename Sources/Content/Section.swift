/// The five kinds of page, in the order the site lists them.
public enum Section: String, CaseIterable, Sendable, Codable {
    case models
    case failureModes = "failure-modes"
    case guides
    case resources
    case criteria

    public var title: String {
        switch self {
        case .models: "Models"
        case .failureModes: "Failure modes"
        case .guides: "Guides"
        case .resources: "Resources"
        case .criteria: "Decision criteria"
        }
    }

    /// The typed front-matter block a page of this section must carry, if any.
    var requiredBlock: String? {
        switch self {
        case .models: "model"
        case .failureModes: "failure_mode"
        case .resources: "resource"
        case .criteria: "criterion"
        case .guides: nil
        }
    }

    /// Guides may omit sources; every other section's facts must be attributed.
    var requiresSources: Bool { self != .guides }
}
