/// One question of the questionnaire as a form field (`_question_fields.mustache`).
struct FormField: ViewModel {
    enum Kind { case choice, boolean, number, model, date }

    let id: String
    let text: String
    let helpURL: String
    let defaultLabel: String
    let value: String
    let kind: Kind
    let unit: String
    let error: String
    let options: [FieldOption]
    /// Only for numbers: the bounds and the step, as the hint and the input show them.
    let min: String
    let max: String
    let step: String

    var isChoice: Bool { kind == .choice }
    var isBoolean: Bool { kind == .boolean }
    var isNumber: Bool { kind == .number }
    var isModel: Bool { kind == .model }
    var isDate: Bool { kind == .date }
}

/// One answer of a select.
struct FieldOption: ViewModel {
    let value: String
    let label: String
    let selected: Bool
}
