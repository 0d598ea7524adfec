import Advisor
import Scan

extension UsageImport {
    /// The answers given, with every answer the person left blank filled from the import (a given answer always
    /// wins: the import pre-fills, it does not overrule). A derived value beyond a question's bounds is clamped.
    public func filling(_ given: Answers, knowledge: Knowledge) -> Answers {
        var answers = given
        for (id, value) in self.answers where given.isAssumed(id) {
            var value = value
            if case .number(let number) = value {
                let question = knowledge.question(id)
                value = .number(Swift.min(question.max ?? number, Swift.max(question.min ?? number, number)))
            }
            if let filled = try? knowledge.replacing(id, with: value, in: answers) { answers = filled }
        }
        return answers
    }

    /// The monthly requests a person gave, for a file that counts none.
    public static func givenMonthlyRequests(_ answers: Answers) -> Double? {
        guard !answers.isAssumed(.monthlyRequests), case .number(let n) = answers[.monthlyRequests] else { return nil }
        return n
    }

    /// Reads a usage file beside the answers a person gave: their monthly requests stand in for a file that counts
    /// none, and their as-of day judges the models in it. One reading for the CLI, the web upload, the JSON API and
    /// the MCP tool.
    public static func load(_ bytes: [UInt8], given: Answers, catalog: ModelCatalog, knowledge: Knowledge)
        throws(UsageError) -> UsageImport {
        let day = day(of: given, knowledge: knowledge)
        return try load(bytes, catalog: catalog, monthlyRequests: givenMonthlyRequests(given), on: day,
                        largestWindow: knowledge.largestWindow(on: day))
    }

    /// The day the answers judge lifecycles on.
    public static func day(of answers: Answers, knowledge: Knowledge) -> Int {
        if case .text(let text) = answers[.asOf], let day = CivilDate.day(text) { return day }
        return knowledge.today
    }
}

/// The assessment of imported usage as JSON: the assessment's own keys (the interface's document, unchanged) and
/// `usage`: what was imported and what the workload costs now against the recommendation.
public struct UsageAssessmentDocument: Encodable {
    public let assessment: Assessment
    public let summary: UsageSummary
    public let comparison: UsageComparison

    public init(assessment: Assessment, summary: UsageSummary, comparison: UsageComparison) {
        self.assessment = assessment
        self.summary = summary
        self.comparison = comparison
    }

    private enum Key: String, CodingKey { case usage }
    private enum UsageKey: String, CodingKey { case summary, comparison }

    public func encode(to encoder: Encoder) throws {
        try assessment.encode(to: encoder)
        var outer = encoder.container(keyedBy: Key.self)
        var usage = outer.nestedContainer(keyedBy: UsageKey.self, forKey: .usage)
        try usage.encode(summary, forKey: .summary)
        try usage.encode(comparison, forKey: .comparison)
    }
}
