import Advisor
import Scan

extension UsageImport {
    /// The answers given, with every answer the person left blank filled from the import (a given answer always
    /// wins: the import pre-fills, it does not overrule). A derived value beyond a question's bounds is clamped.
    /// - Throws: `conflicting_answers` when a given system prompt is longer than the average input the file gives
    ///   (answers read with `usageFile: true` leave that check to here).
    public func filling(_ given: Answers, knowledge: Knowledge) throws(AnswerError) -> Answers {
        let answers = filled(given, knowledge: knowledge)
        try Knowledge.checkSystemPrompt(answers, inputFrom: !given.isAssumed(.avgInputTokens) ? nil
                                        : answers.isAssumed(.avgInputTokens) ? "the default" : "the file's average")
        return answers
    }

    /// `filling` without the check across answers, for the import's own reading of them.
    func filled(_ given: Answers, knowledge: Knowledge) -> Answers {
        var answers = given
        for (id, value) in self.answers where given.isAssumed(id) {
            var value = value
            if case .number(let number) = value {
                let question = knowledge.question(id)
                // A lower bound under the question's default leaves the default, still assumed: day-long buckets show
                // a peak of 1 whatever the busiest minute was, and 15.2M classifications a month in them put Command
                // R7B (500 requests a minute) under a peak of 347 that the default 3 makes 1,041.
                if id == .peakToAverage, peakIsLowerBound, case .number(let assumed) = question.defaultValue, assumed > number {
                    continue
                }
                value = .number(knowledge.bounded(id, number))
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
        var imported = try load(bytes, catalog: catalog, monthlyRequests: givenMonthlyRequests(given), on: day,
                                largestWindow: knowledge.largestWindow(on: day))
        let reasoning = imported.takeOutUnloggedReasoning(given, knowledge: knowledge)
        // The rows' models served only that: requests of one size on two models are one group again, in the link too.
        imported.profile = imported.profile?.withoutModels()
        let notes = [imported.answersNote(given), imported.cappedNote(given, knowledge: knowledge),
                     imported.batchPricingNote(given, knowledge: knowledge), reasoning, imported.cacheChurnNote()].compactMap { $0 }
        imported.summary.answers_note = notes.isEmpty ? nil : notes.joined(separator: " ")
        return imported
    }

    /// The file's figures that lie outside what the questionnaire takes, priced at its limit (`filling`): said, not
    /// silently capped (3,000 requests in one minute are a peak 17,709 times the average, priced at 1,000). Nil when
    /// none is.
    func cappedNote(_ given: Answers, knowledge: Knowledge) -> String? {
        let parts: [String] = answers.compactMap { id, value in
            guard given.isAssumed(id), case .number(let n) = value else { return nil }
            let q = knowledge.question(id)
            guard let limit = n > (q.max ?? .infinity) ? q.max : n < (q.min ?? -.infinity) ? q.min : nil else { return nil }
            let name = id.name.replacingOccurrences(of: "_", with: " ")
            return "\(name) \(Format.count(n)), priced at \(Format.count(limit)), the \(n > limit ? "most" : "least") the questionnaire takes"
        }
        return parts.isEmpty ? nil : "Outside the questionnaire's range, the file's " + parts.joined(separator: "; ") + "."
    }

    /// A cache written more than it is read back is missing: the prefix changes between requests or expires before the
    /// next one, and each write costs more than plain input. Said, since the priced writes are the file's, not a
    /// lever's (a file of writes that were never read showed a 91 % cached share and a caching bonus). Nil otherwise.
    func cacheChurnNote() -> String? {
        let written = summary.cache_write_share, read = summary.cached_input_share
        guard written > 0, written >= read else { return nil }
        // "Wrote more (1.9 %) than it read back (1.9 %)" read as a contradiction: as much is said as much.
        let compared = Format.percent(written) == Format.percent(read)
            ? "as much of its prompts to the cache (\(Format.percent(written))) as it read back"
            : "more of its prompts to the cache (\(Format.percent(written))) than it read back (\(Format.percent(read)))"
        return "The file wrote \(compared): the cached prefix changes between requests or expires before the next one reads "
            + "it, and each write costs more than plain input. The writes are priced as logged; make the prefix the same "
            + "for every request, or send them closer together, before you count on the cache."
    }

    /// Traffic through the batch API priced otherwise than the file paid: the verdict prices all of it at one latency,
    /// the answer's, and through the batch API only where no budget holds it to a time (`Knowledge.isBatch`). Said,
    /// with the share that pays other rates: a file all through batch, answered with a 30 s budget, was priced at the
    /// standard rates, twice what it paid, with nothing to say so. Nil when the file does not say, none of it went
    /// through batch, or all of it did and is priced so.
    func batchPricingNote(_ given: Answers, knowledge: Knowledge) -> String? {
        guard let share = summary.batch_share, share > 0 else { return nil }
        let answers = filled(given, knowledge: knowledge)
        var latency = "interactive", budget = 0.0
        if case .text(let t) = answers[.latency] { latency = t }
        if case .number(let n) = answers[.latencyBudgetSeconds] { budget = n }
        let throughBatch = Knowledge.isBatch(answers)
        let priced = latency == "batch" && !throughBatch
            ? "on the standard API, as your latency budget of \(AnswerValue.number(budget).text) s holds each request to a time"
            : "as \(latency) work (the latency answer)"
        if share >= Self.allBatch {
            guard !throughBatch else { return nil }
            return "\(share >= 1 ? "All" : Format.percent(share)) of the file's traffic went through the batch API; the verdict "
                + "prices it \(priced), without the batch discount it got, so the current model's month here is more than the "
                + "file paid. Leave the latency budget at 0 and answer batch to price it as it ran."
        }
        let rest = throughBatch
            ? "its other \(Format.percent(1 - share)) at the batch discount it does not get"
            : "its batch part at the standard rates, without the discount it gets"
        return "\(Format.percent(share)) of the file's traffic went through the batch API; the verdict prices all of it "
            + (throughBatch ? "as batch work (the latency answer)" : priced) + ", so \(rest)."
    }

    /// What the verdict prices differently from the file, said beside the file's figures: a link that applies a
    /// what-if to an imported assessment (monthly requests 400,000) showed "monthly requests 7,306" from the file
    /// above a verdict priced at 400,000. Nil when every answer the file derives was left to it.
    func answersNote(_ given: Answers) -> String? {
        let differing = answers.filter { !given.isAssumed($0.id) && given[$0.id] != $0.value }
        guard !differing.isEmpty else { return nil }
        func text(_ id: AnswerID, _ value: AnswerValue) -> String {
            switch value {
            case .number(let n) where id == .cachedInputShare: Format.percent(n)
            case .number(let n) where id == .peakToAverage: Format.figure(n, digits: 1)
            case .number(let n): Format.count(n)
            case .text(let t): t
            case .bool(let b): b ? "yes" : "no"
            }
        }
        let parts = differing.map { "\($0.id.name.replacingOccurrences(of: "_", with: " ")) \(text($0.id, given[$0.id])) "
            + "(the file's: \(text($0.id, $0.value)))" }
        return "Priced with the answers you gave instead of the file's: " + parts.joined(separator: "; ")
            + ". The file's own figures are shown here."
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
