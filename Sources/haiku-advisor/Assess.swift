import Advisor
import Web
import ArgumentParser
import Content
import Foundation

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assess a workload, as the web does.",
        discussion: "The answers are a JSON object (see GET /api/questionnaire); missing answers take their defaults.")

    @Option(help: "A JSON file of answers, or - for standard input. Without it every answer takes its default.")
    var answers: String?
    @Flag(help: "Print the assessment as JSON (the same document as GET /api/assess).") var json = false
    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let knowledge: Knowledge
        do {
            knowledge = try ContentLibrary.load(directory: contentOptions.content).knowledge()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let given: Answers
        do {
            given = try knowledge.answers(fromJSON: try readAnswers())
        } catch let error as AnswerError {
            printError("error: \(error.field.map { "\($0): " } ?? "")\(error.message)")
            throw ExitCode(2)
        }
        let assessment = Engine(knowledge: knowledge).assess(given)
        if json {
            print(String(decoding: try JSON.encoder(pretty: true).encode(assessment), as: UTF8.self))
        } else {
            print(AssessmentText.render(assessment, knowledge: knowledge))
        }
    }

    private func readAnswers() throws -> [UInt8] {
        guard let answers else { return Array("{}".utf8) }
        let data = answers == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: answers)
        guard let data else {
            printError("error: cannot read \(answers)")
            throw ExitCode(2)
        }
        guard data.count <= 64 * 1024 else {
            printError("error: \(answers) is larger than 64 KiB")
            throw ExitCode(2)
        }
        return [UInt8](data)
    }
}

/// The assessment for a terminal: verdict, reasons, warnings, costs, what would change, assumptions.
enum AssessmentText {
    static func render(_ a: Assessment, knowledge: Knowledge) -> String {
        var lines = ["Verdict: \(a.verdict.rawValue)  (Haiku fit \(Int(a.score.rounded()))/100)",
                     "Primary model: \(a.primaryModel)" + (a.alternatives.isEmpty ? "" : "; alternatives: \(a.alternatives.joined(separator: ", "))")]
        if let decided = a.decidedBy { lines.append("Decided by the hard limit in /criteria/\(decided)") }
        let d = a.decision
        lines.append("Recommended: \(d.recommended), $\(String(format: "%.2f", d.monthly_usd)) a month"
            + (d.combined.map { "; with \($0.escalation_model) taking the complex share, $\(String(format: "%.2f", $0.monthly_usd)) in all" } ?? ""))
        if let r = d.runner_up {
            lines.append("Runner-up: \(r.model), $\(String(format: "%.2f", r.monthly_usd)) a month (\(r.difference_usd < 0 ? "" : "+")"
                + "\(String(format: "%.2f", r.difference_usd))); lost because \(r.reason)  [\(r.url)]")
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
            lines.append("  \(cost.model.padding(toLength: 26, withPad: " ", startingAt: 0)) $\(String(format: "%.2f", cost.monthly_usd))")
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
}
