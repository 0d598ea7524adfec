import Advisor
import Web
import ArgumentParser
import Content
import Foundation
import Scan
import Usage

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assess a workload, as the web does.",
        discussion: "The answers are a JSON object (see GET /api/questionnaire); missing answers take their defaults.")

    @Option(help: "A JSON file of answers, or - for standard input. Without it every answer takes its default.")
    var answers: String?
    @Option(help: ArgumentHelp("A usage file to assess the real traffic: Anthropic's or OpenAI's usage API JSON, OTLP/JSON GenAI spans, or a CSV.",
                               valueName: "FILE"))
    var usage: String?
    @Flag(help: "Print the assessment as JSON (the same document as GET /api/assess).") var json = false
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let knowledge: Knowledge
        let library: ContentLibrary
        do {
            library = try ContentLibrary.load(directory: contentOptions.content)
            knowledge = try library.knowledge()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let given: Answers
        do {
            given = try knowledge.answers(fromJSON: try readAnswers(), source: answers.map { $0 == "-" ? "standard input" : $0 } ?? "the answers",
                                          usageFile: usage != nil)
        } catch let error as AnswerError {
            printError("error: \(error.field.map { "\($0): " } ?? "")\(error.message)")
            throw ExitCode(2)
        }
        if let usage {
            try assessUsage(usage, given: given, knowledge: knowledge, library: library)
            return
        }
        let assessment = Engine(knowledge: knowledge).assess(given)
        if json {
            print(String(decoding: try JSON.encoder(pretty: true).encode(assessment), as: UTF8.self))
        } else {
            print(TerminalText.safe(AssessmentText.render(assessment, knowledge: knowledge)))
        }
    }

    /// `--usage FILE`: the import fills the answers left blank, and the distribution is priced request by request.
    private func assessUsage(_ path: String, given: Answers, knowledge: Knowledge, library: ContentLibrary) throws {
        let imported: UsageImport
        do {
            imported = try UsageImport.load(UsageFile.contents(atPath: path), given: given,
                                            catalog: ModelCatalog(library: library, knowledge: knowledge), knowledge: knowledge)
        } catch {
            printError("error: \(path): \(error.description)")
            throw ExitCode(2)
        }
        guard let profile = imported.profile else {
            printError("error: \(path): \(imported.summary.requests_note ?? "no requests to price")"
                       + " (answer monthly_requests with --answers)")
            throw ExitCode(2)
        }
        let answers: Answers
        do {
            answers = try imported.filling(given, knowledge: knowledge)
        } catch {
            printError("error: \(error.field.map { "\($0): " } ?? "")\(error.message)")
            throw ExitCode(2)
        }
        let (assessment, comparison) = Engine(knowledge: knowledge).assess(answers, usage: profile,
                                                                           currentModel: imported.currentModel,
                                                                           alsoInUse: imported.modelShares)
        if json {
            let document = UsageAssessmentDocument(assessment: assessment, summary: imported.summary, comparison: comparison)
            print(String(decoding: try JSON.encoder(pretty: true).encode(document), as: UTF8.self))
        } else {
            print(TerminalText.safe(UsageText.render(imported.summary, comparison: comparison)) + "\n")
            print(TerminalText.safe(AssessmentText.render(assessment, knowledge: knowledge)))
        }
    }

    private func readAnswers() throws -> [UInt8] {
        guard let answers else { return Array("{}".utf8) }
        let limit = 64 * 1024
        // At most one byte past the limit, from a pipe as from a file: `< /dev/zero` was read to the end first and
        // grew to 23.7 GB before the kernel ended it.
        var isDirectory: ObjCBool = false
        let handle = answers == "-" ? FileHandle.standardInput
            : FileManager.default.fileExists(atPath: answers, isDirectory: &isDirectory) && !isDirectory.boolValue
                ? FileHandle(forReadingAtPath: answers) : nil
        let data: Data? = handle.map { handle in
            var read = Data()
            while read.count <= limit, let chunk = try? handle.read(upToCount: limit + 1 - read.count), !chunk.isEmpty {
                read.append(chunk)
            }
            return read
        }
        guard let data else {
            // Why, as the shell would say it: "cannot read X" left a missing file and a directory alike.
            let why = !FileManager.default.fileExists(atPath: answers, isDirectory: &isDirectory) ? "no such file"
                : isDirectory.boolValue ? "a directory, not a file" : "not readable"
            printError("error: cannot read \(answers): \(why)")
            throw ExitCode(2)
        }
        guard data.count <= limit else {
            printError("error: \(answers == "-" ? "standard input" : answers) is larger than 64 KiB")
            throw ExitCode(2)
        }
        return [UInt8](data)
    }
}

/// The assessment for a terminal: verdict, reasons, warnings, costs, what would change, assumptions.
enum AssessmentText {
    /// A month in the text report: dollars and cents, and the digits that matter below a cent (`Format.cents`), so a
    /// bill of a few requests does not read "$0.00 (+0.00)".
    static func usd(_ value: Double) -> String {
        value != 0 && abs(value) < 0.005 ? Format.cents(value) : "$" + String(format: "%.2f", value)
    }

    static func render(_ a: Assessment, knowledge: Knowledge) -> String {
        var lines = ["Verdict: \(a.verdict.rawValue)  (Haiku fit \(Int(a.score.rounded()))/100)",
                     "Primary model: \(a.named(a.primaryModel))" + a.alternativesClause(knowledge: knowledge)]
        // A hard limit or a policy (the routing plan, cost first) sets the verdict whatever the score, as the page says.
        if let decided = a.decidedBy {
            // A blank answer the deciding rule read is named: the verdict rests on a default nobody chose.
            let blank = a.decidedOnAssumed.compactMap { id in a.assumptions.first { $0.answer == id } }
                .map { "\($0.answer.name) = \($0.value.text)" }
            lines.append("Decided by /criteria/\(decided), whatever the score"
                         + (blank.isEmpty ? "" : ", on \(blank.count == 1 ? "an answer" : "answers") left blank: "
                            + blank.joined(separator: ", ")))
        }
        if let sentence = a.noModelCanTakeIt { lines.append(sentence) }
        let d = a.decision
        if let missed = d.requirement_missed { lines.append(missed) }
        // Where no model takes the workload the model is named, not recommended (the sentence above says why).
        // Below a dollar, every amount of the box in one precision, as the page writes them, so that they add up.
        let digits = d.tinyDigits
        func boxUSD(_ value: Double) -> String { digits.map { Format.money(value, digits: $0) } ?? usd(value) }
        func against(_ r: RunnerUp) -> String {
            "\(boxUSD(r.monthly_usd)) a month (\(r.difference_usd < 0 ? "-" : "+")\(boxUSD(d.shownGap(r)).dropFirst()))"
        }
        lines.append("\(a.noModelCanTakeIt == nil ? "Recommended" : "Named"): \(d.recommended), \(boxUSD(d.monthly_usd)) a month"
            + (d.combined.map { "; with \($0.escalation_model) answering the complex share again, \(usd($0.monthly_usd)) in all"
                + ($0.escalated_effort.map { " (the escalated requests priced at its \($0.rawValue) effort)" } ?? "") } ?? ""))
        if let r = d.runner_up { lines.append("Runner-up: \(r.model), \(against(r)); lost because \(r.reason)  [\(r.url)]") }
        if let h = d.haiku { lines.append("Haiku: \(h.model), \(against(h)); lost because \(h.reason)  [\(h.url)]") }
        for p in d.passed_over {
            lines.append("Cheaper, passed over: \(p.model), \(usd(p.monthly_usd)) a month; \(p.reason)  [\(p.url)]")
        }
        for trap in d.traps { lines.append("Cost trap: \(trap.text)  [\(trap.url)]") }
        lines.append("\nReasons:")
        for reason in a.reasons {
            let effect = reason.effect > 0 ? "+\(Int(reason.effect))" : "\(Int(reason.effect))"
            lines.append("  \(effect.padding(toLength: 5, withPad: " ", startingAt: 0)) \(reason.text)  [\(reason.url)]")
        }
        if !a.warnings.isEmpty {
            lines.append("\nWarnings:")
            for warning in a.warnings { lines.append("  - \(warning.title): \(warning.text)  [\(warning.url)]") }
        }
        lines.append("\nMonthly cost:")
        for cost in a.costs {
            let price = usd(cost.monthly_usd)
            let remarks = costRemarks(cost)
            lines.append("  \(cost.model.padding(toLength: 26, withPad: " ", startingAt: 0)) "
                + (remarks.isEmpty ? price : "\(price.padding(toLength: 12, withPad: " ", startingAt: 0)) \(remarks.joined(separator: "; "))"))
        }
        if !a.levers.isEmpty {
            lines.append("\nLevers:")
            for lever in a.levers { lines.append("  - \(lever.text)  [\(lever.url)]") }
        }
        if !a.whatWouldChange.isEmpty {
            lines.append("\nWhat would change the verdict:")
            for change in a.whatWouldChange {
                lines.append("  \(change.answer.name) -> \(change.to.text) gives \(change.verdict.rawValue)")
            }
        }
        if !a.assumptions.isEmpty {
            lines.append("\nAssumed (left to defaults; \(Int(a.scoreRestingOnAssumptions)) points rest on them):")
            for assumption in a.assumptions { lines.append("  \(assumption.answer.name) = \(assumption.value.text)") }
        }
        return lines.joined(separator: "\n")
    }

    /// What the web's cost table shows beside a price: a lifecycle other than active, a request that does not fit
    /// or leaves too little headroom, forced tool calls it refuses, and a peak its published rate limits cannot carry. A retired model must never
    /// sit in the list unmarked.
    static func costRemarks(_ cost: CostLine) -> [String] {
        var remarks: [String] = []
        let status = cost.status
        let replacement = status.replacement.map { ", replacement \($0)" } ?? ""
        switch status.state {
        case .active: break
        case .legacy: remarks.append("legacy" + (status.retires.map { ", retires \($0)" } ?? ""))
        case .deprecated: remarks.append("deprecated, retires \(status.retires ?? "on a day not announced")\(replacement)")
        case .retired: remarks.append("retired on \(status.since)\(replacement)")
        case .unreleased: remarks.append("not released until \(status.since)")
        }
        if !cost.fits {
            remarks.append("the request does not fit its context window or output limit")
        } else if !cost.within_headroom {
            remarks.append("the request fills more of its context window than the headroom allows")
        }
        // Priced for comparison only, as the page greys it: the API refuses the workload's forced tool calls.
        if cost.rejects_forced_tool_calls == true { remarks.append("errors on a forced tool call") }
        if let why = cost.capacity?.beyondTiersReason { remarks.append(why) }
        return remarks
    }
}
