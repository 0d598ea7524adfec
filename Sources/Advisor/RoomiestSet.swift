/// Under `nothing_fits`, the models the named one is the roomiest of (Engine.decide): the first warning, the
/// verdict's sentence, the decision record and the page's mark all say it from this one value.
public enum RoomiestSet: Sendable, Equatable {
    /// Every model we list: none roomier was passed over.
    case listed
    /// Those that fit task `task` (a `task_type` choice index) as the workload requires: a roomier one fits it less
    /// well.
    case required(task: Int)
    /// Those that fit the task `fit` or better, active ones only where `activeOnly`: a roomier one about as roomy
    /// (`engine.roomy_within`) was passed over for the better fit, or for being active where it is legacy, or, where
    /// `cheapestWithin` (that setting) is given, for costing more.
    case fitting(task: Int, fit: Fit, activeOnly: Bool, cheapestWithin: Double? = nil)

    /// "the models we list", "the models that fit complex reasoning as this workload requires", "the active models
    /// that fit summarization 'strong' or better".
    public var phrase: String {
        switch self {
        case .listed: Engine.everyModelListed
        case .required(let task): "the models that fit \(Self.taskName(task)) as this workload requires"
        case .fitting(let task, let fit, let activeOnly, let within):
            "the \(activeOnly ? "active " : "")models that fit \(Self.taskName(task)) '\(fit.rawValue)' or better"
                + (within.map { " (any that fills at most \(Format.percent($0)) of its window more than the roomiest counts as roomy; of those, the cheapest)" } ?? "")
        }
    }

    /// The page's mark for the named model: "Roomiest", or of a set narrowed by fit, "Roomiest strong fit" (the named
    /// model's own fit, `primaryFit`), "Roomiest active strong fit", "Roomiest strong fit, cheapest".
    public func mark(primaryFit: Fit?) -> String {
        switch self {
        case .listed: "Roomiest"
        case .required: primaryFit.map { "Roomiest \($0.rawValue) fit" } ?? "Roomiest"
        case .fitting(_, let fit, let activeOnly, let within):
            "Roomiest \(activeOnly ? "active " : "")\(fit.rawValue) fit\(within == nil ? "" : ", cheapest")"
        }
    }

    private static func taskName(_ task: Int) -> String { AnswerID.taskName(AnswerID.taskType.choices[task]) }
}
