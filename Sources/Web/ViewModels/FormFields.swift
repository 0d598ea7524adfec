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

    func child(named name: String) -> Any? {
        switch name {
        case "id": present(id)
        case "text": present(text)
        case "help_url": present(helpURL)
        case "default_label": present(defaultLabel)
        case "value": present(value)
        case "is_choice": kind == .choice
        case "is_boolean": kind == .boolean
        case "is_number": kind == .number
        case "is_model": kind == .model
        case "is_date": kind == .date
        case "unit": present(unit)
        case "error": present(error)
        case "options": kind == .number || kind == .date ? nil : options
        case "min": present(min)
        case "max": present(max)
        case "step": present(step)
        default: nil
        }
    }
}

/// One answer of a select.
struct FieldOption: ViewModel {
    let value: String
    let label: String
    let selected: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "value": present(value)
        case "label": present(label)
        case "selected": selected
        default: nil
        }
    }
}
