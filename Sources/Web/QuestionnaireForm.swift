import Advisor
import Foundation

/// The questionnaire as an HTML form: every question with its help link, the current answers filled in, and an
/// error beside the field at fault. Answers left to their defaults stay blank so that they remain assumptions.
struct QuestionnaireForm {
    let knowledge: Knowledge

    /// - Parameters:
    ///   - values: what to show in each field: the raw text the person sent, so a bad value is kept for fixing.
    ///   - only: restrict to these questions (the calculator asks only what prices a workload).
    func fields(values: [String: String], error: AnswerError?, only: Set<AnswerID>? = nil) -> [FormField] {
        fields(values: values, errors: error.map { [$0] } ?? [], only: only)
    }

    /// The fields with every error given marked on its own field (the first per field).
    func fields(values: [String: String], errors: [AnswerError], only: Set<AnswerID>? = nil) -> [FormField] {
        knowledge.questionnaire.filter { only?.contains($0.id) ?? true }.map { question in
            let id = question.id.name
            let current = values[id] ?? ""
            let isNumber = question.kind == .integer || question.kind == .number
            func options(_ pairs: [(value: String, label: String)]) -> [FieldOption] {
                pairs.map { FieldOption(value: $0.value, label: $0.label, selected: $0.value == current) }
            }
            let kind: FormField.Kind
            var choices: [FieldOption] = []
            switch question.kind {
            case .choice:
                kind = .choice
                choices = options((question.options ?? []).map { ($0.value, $0.label) })
            case .boolean:
                kind = .boolean
                choices = options([("true", "Yes"), ("false", "No")])
            case .model:
                kind = .model
                choices = options((question.options ?? []).map { ($0.value, $0.label) })
            case .date:
                kind = .date
            case .integer, .number:
                kind = .number
            }
            return FormField(
                id: id, text: question.text, helpURL: question.helpURL,
                essential: knowledge.essentialQuestions.isEmpty || knowledge.essentialQuestions.contains(question.id),
                defaultLabel: question.defaultLabel ?? label(question.defaultValue, for: question), value: current, kind: kind,
                unit: question.unit ?? "",
                error: errors.first { $0.field == id }.map(message) ?? "",
                options: choices,
                min: isNumber ? question.min.map(Format.number) ?? "" : kind == .date ? knowledge.earliestJudgedDay ?? "" : "",
                max: isNumber ? question.max.map(Format.number) ?? "" : "",
                step: isNumber ? (question.kind == .integer ? "1" : "any") : "")
        }
    }

    /// The values a form shows for validated answers: given ones written out, assumed ones left blank.
    static func values(of answers: Answers) -> [String: String] {
        var values: [String: String] = [:]
        for (id, value) in answers.all where !answers.isAssumed(id) && !answers.isDerived(id) {
            values[id.name] = value.text
        }
        return values
    }

    /// The raw pairs a person sent, for redisplay after an error.
    static func values(of pairs: [(String, String)]) -> [String: String] {
        // Trimmed as the answers are read: " rag" was accepted, then shown as "Not sure" on a refused form's select.
        Dictionary(pairs.map { ($0.0, $0.1.trimmingCharacters(in: .whitespacesAndNewlines)) }, uniquingKeysWith: { first, _ in first })
    }

    /// What is wrong with a refused answer, as a clause after the answer ("is not one of the question's answers"),
    /// for a page that names the question itself and has no field for it.
    func fault(of error: AnswerError) -> String {
        switch error.code {
        case "invalid_choice": "is not one of the question's answers"
        case "invalid_number", "not_an_integer", "thousands_with_points": "is not the number the question asks for"
        case "out_of_range": "is outside the question's range"
        case "invalid_boolean": "is not yes or no"
        case "invalid_date": "is not a date"
        default: "cannot be read"
        }
    }

    /// An answer error worded for a person: it names the question as the form asks it, not the field id, and
    /// says what to type.
    func message(for error: AnswerError) -> String {
        guard let name = error.field, let id = AnswerID(name: name) else { return error.message }
        let question = knowledge.question(id)
        let asked = "“\(question.text)”"
        let unit = question.unit.map { " \($0)" } ?? ""
        switch error.code {
        case "invalid_number" where question.unit?.hasPrefix("USD") == true:
            // "$120" for an hourly rate was told "such as 20,000 or 20k".
            return "\(asked) needs a number of dollars without the $ sign, such as \(examples(question))."
        case "invalid_number":
            return "\(asked) needs \(id.kind == .integer ? "a whole number" : "a number"), such as \(examples(question))."
        case "out_of_range" where id.kind == .date:
            return error.message.replacingOccurrences(of: "'\(name)'", with: asked) + "."
        case "out_of_range" where (question.max ?? 2) <= 1 && (question.min ?? 0) == 0:
            // A share is typed as a percentage as often as a fraction: "150%" was told "between 0 and 1 share".
            // "80" was told "must be a share from 0 % to 100 %", which 80 is to the reader: say how to write one.
            return "\(asked) must be a share from 0 % to 100 %, written as a percentage (80%) or a fraction (0.8)."
        case "out_of_range":
            return "\(asked) must be between \(Format.number(question.min ?? 0)) and \(Format.number(question.max ?? 0))\(unit)."
        case "not_an_integer":
            return "\(asked) needs a whole number (no decimals)."
        case "thousands_with_points":
            // The answer's own message names the number meant ("10.000": write 10,000).
            return "\(asked): " + (error.message.components(separatedBy: "': ").dropFirst().joined(separator: "': ")) + "."
        case "invalid_choice":
            return "\(asked): choose one of the listed answers."
        case "invalid_boolean":
            return "\(asked): answer yes or no."
        case "invalid_date":
            return "\(asked) needs a date written as YYYY-MM-DD, such as 2026-12-01."
        case "conflicting_answers" where id == .systemPromptTokens:
            return "The system prompt is longer than an average request's input, which includes it: give an input of "
                + "at least the system prompt's length, or a shorter system prompt."
        case "conflicting_answers":
            return "Give either the system prompt's length or the cacheable share, not both: the share is worked out from the system prompt."
        case "duplicate_answer":
            // From a link or a form's body alike.
            return "\(asked) is answered more than once; keep one answer."
        default:
            return error.message.replacingOccurrences(of: "'\(name)'", with: asked)
        }
    }

    /// Values a person could type for a numeric question, all inside its range: a share as a decimal and a
    /// percentage, an amount as digits and, when the range reaches that far, with a suffix.
    func examples(_ question: Question) -> String {
        let low = question.min ?? 0, high = question.max ?? 0
        if high <= 1 { return "0.8 or 80%" }
        // An amount of money: its default, a plausible one (an hourly rate of 100, not 20,000).
        if question.unit?.hasPrefix("USD") == true, case .number(let given) = question.defaultValue, given >= low, given <= high {
            return Format.number(given)
        }
        if low <= 20_000 && high >= 3_000_000 { return "3,000,000, 3M or 20k" }
        if low <= 20_000 && high >= 20_000 { return "20,000 or 20k" }
        // A small range (seconds, a multiple) takes small numbers: its midpoint was 300 for a latency budget of
        // 0 to 600 seconds, five minutes for an answer people budget in seconds.
        if high <= 1_000 {
            var typical = 2.0
            if case .number(let given) = question.defaultValue, given > low, given <= high { typical = given }
            typical = Swift.min(high, Swift.max(low, typical))
            let decimal = question.kind != .integer && low <= 1.5 && 1.5 <= high && typical != 1.5
            return Format.number(typical) + (decimal ? " or 1.5" : "")
        }
        return Format.number(((low + high) / 2).rounded())
    }

    /// `given`: the value is the team's own answer, shown to the digits it was given (`Format.givenPercent`).
    func label(_ value: AnswerValue, for question: Question, given: Bool = false) -> String {
        switch value {
        case .text(let text): question.options?.first { $0.value == text }?.label ?? text
        case .bool(let flag): flag ? "yes" : "no"
        // A share as people say it: "0.05 share of requests" read as a fraction nobody types.
        case .number(let number) where question.max == 1 && (question.min ?? 0) == 0:
            given ? Format.givenPercent(number) : Format.percent(number)
        case .number(let number): Format.number(number) + (question.unit.map { " \($0)" } ?? "")
        }
    }
}
