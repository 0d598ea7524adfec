/// The primary model's task-fit rating as an assessment reports it: the rating, what it rests on and how sure the
/// content is, so that a verdict built on our judgement says so (README.md, "Where each rating comes from").
public struct FitRating: Sendable, Encodable, Equatable {
    public let model: String
    public let task: String
    public let fit: Fit
    public let basis: FitBasis
    public let confidence: Confidence
    /// With `basis: benchmark`: the benchmark's key in the model's `benchmarks`.
    public let benchmark: String?
    /// The rating's source as the page cites it: a public URL, or one of this site's pages (`/criteria/...`).
    public let source_title: String?
    public let source_url: String?
    /// True when nothing outside this site backs the rating: the thing to test on your own samples first.
    public let rests_on_judgement: Bool

    /// The rating of `entry` for `task`, or nil when its page has none (the engine refuses such content).
    public init?(_ entry: ModelEntry, task: String) {
        guard let rating = entry.spec.task_fit[task] else { return nil }
        let source = entry.sources.first { $0.id == rating.source }
        model = entry.slug
        self.task = task
        fit = rating.fit
        basis = rating.basis
        confidence = rating.confidence
        benchmark = rating.benchmark
        source_title = source?.title
        source_url = source?.url
        rests_on_judgement = rating.basis == .judgement
    }

    /// One sentence: "Its `strong` fit for classification is our judgement (low confidence)."
    public var sentence: String {
        let what = benchmark.map { "\(basis.phrase) (\($0))" } ?? basis.phrase
        return "Its \(fit.rawValue) fit for \(AnswerID.taskName(task)) rests on \(what), "
            + "\(confidence.rawValue) confidence."
    }
}
