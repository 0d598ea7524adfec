import Advisor

/// The questionnaire as an HTML form: every question with its help link, the current answers filled in, and an
/// error beside the field at fault. Answers left to their defaults stay blank so that they remain assumptions.
struct QuestionnaireForm {
    let knowledge: Knowledge

    /// - Parameters:
    ///   - values: what to show in each field: the raw text the person sent, so a bad value is kept for fixing.
    ///   - only: restrict to these questions (the calculator asks only what prices a workload).
    func fields(values: [String: String], error: AnswerError?, only: Set<AnswerID>? = nil) -> [[String: Any]] {
        knowledge.questionnaire.filter { only?.contains($0.id) ?? true }.map { question in
            let id = question.id.name
            let current = values[id] ?? ""
            var field: [String: Any] = [
                "id": id,
                "text": question.text,
                "help_url": question.helpURL,
                "default_label": label(question.defaultValue, for: question),
                "value": current,
                "is_choice": question.kind == .choice,
                "is_boolean": question.kind == .boolean,
                "is_number": question.kind == .integer || question.kind == .number,
                "is_model": question.kind == .model,
                "is_date": question.kind == .date,
                "unit": question.unit ?? "",
            ]
            if let error, error.field == id { field["error"] = message(for: error) }
            switch question.kind {
            case .choice:
                field["options"] = (question.options ?? []).map { ["value": $0.value, "label": $0.label, "selected": $0.value == current] }
            case .boolean:
                field["options"] = [("true", "Yes"), ("false", "No")].map { ["value": $0.0, "label": $0.1, "selected": $0.0 == current] }
            case .model:
                field["options"] = (question.options ?? []).map { ["value": $0.value, "label": $0.label, "selected": $0.value == current] }
            case .date:
                break
            case .integer, .number:
                field["min"] = question.min.map(Format.number) ?? ""
                field["max"] = question.max.map(Format.number) ?? ""
                field["step"] = question.kind == .integer ? "1" : "any"
            }
            return field
        }
    }

    /// The values a form shows for validated answers: given ones written out, assumed ones left blank.
    static func values(of answers: Answers) -> [String: String] {
        var values: [String: String] = [:]
        for (id, value) in answers.all where !answers.isAssumed(id) {
            values[id.name] = value.text
        }
        return values
    }

    /// The raw pairs a person sent, for redisplay after an error.
    static func values(of pairs: [(String, String)]) -> [String: String] {
        Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// An answer error worded for a person: it names the question as the form asks it, not the field id, and
    /// says what to type.
    func message(for error: AnswerError) -> String {
        guard let name = error.field, let id = AnswerID(name: name) else { return error.message }
        let question = knowledge.question(id)
        let asked = "“\(question.text)”"
        let unit = question.unit.map { " \($0)" } ?? ""
        switch error.code {
        case "invalid_number":
            return id.kind == .integer
                ? "\(asked) needs a whole number, such as 3,000,000, 3M or 20k."
                : "\(asked) needs a number, such as 0.25 or 1,500."
        case "out_of_range":
            return "\(asked) must be between \(Format.number(question.min ?? 0)) and \(Format.number(question.max ?? 0))\(unit)."
        case "not_an_integer":
            return "\(asked) needs a whole number (no decimals)."
        case "invalid_choice":
            return "\(asked): choose one of the listed answers."
        case "invalid_boolean":
            return "\(asked): answer yes or no."
        case "invalid_date":
            return "\(asked) needs a date written as YYYY-MM-DD, such as 2026-12-01."
        case "duplicate_answer":
            return "\(asked) is answered more than once in this link; keep one answer."
        default:
            return error.message.replacingOccurrences(of: "'\(name)'", with: asked)
        }
    }

    func label(_ value: AnswerValue, for question: Question) -> String {
        switch value {
        case .text(let text): question.options?.first { $0.value == text }?.label ?? text
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let number): Format.number(number) + (question.unit.map { " \($0)" } ?? "")
        }
    }
}
