/// One question of the questionnaire as a form field (`_question_fields.mustache`). A class, not a struct: the
/// compiled template opens a section on a field (`{{#is_choice}}`) with the field as its scope, and a copy of a
/// struct of eleven strings retained and released each of them, about 5 % of a verdict page.
final class FormField: ViewModel {
    enum Kind { case choice, boolean, number, model, date }

    let id: String
    let text: String
    let helpURL: String
    /// Asked first; the others wait under "refine".
    let essential: Bool
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

    init(id: String, text: String, helpURL: String, essential: Bool, defaultLabel: String, value: String, kind: Kind,
         unit: String, error: String, options: [FieldOption], min: String, max: String, step: String) {
        self.id = id
        self.text = text
        self.helpURL = helpURL
        self.essential = essential
        self.defaultLabel = defaultLabel
        self.value = value
        self.kind = kind
        self.unit = unit
        self.error = error
        self.options = options
        self.min = min
        self.max = max
        self.step = step
    }

    var isChoice: Bool { kind == .choice }
    var isBoolean: Bool { kind == .boolean }
    var isNumber: Bool { kind == .number }
    var isModel: Bool { kind == .model }
    var isDate: Bool { kind == .date }
    /// A share (0 to 1), which also takes a percentage.
    var isShare: Bool { kind == .number && max == "1" }
    /// The default in the empty input, without the unit the input is followed by: "100,000 requests per month" did
    /// not fit the box and was cut off mid-word.
    var placeholder: String {
        guard !unit.isEmpty, defaultLabel.hasSuffix(" " + unit) else { return defaultLabel }
        return String(defaultLabel.dropLast(unit.count + 1))
    }
}

/// One answer of a select.
struct FieldOption: ViewModel {
    let value: String
    let label: String
    let selected: Bool
}

/// A page whose form includes `_question_fields`: the essential questions first, the rest under "refine", open
/// when one of them is answered (or wrong).
protocol QuestionFields {
    var fields: [FormField] { get }
    /// What becomes of a blank answer, in the "refine" summary: the page's own result says what it assumed.
    var blankAnswers: String { get }
}

extension QuestionFields {
    var essentialFields: [FormField] { fields.filter(\.essential) }
    var refineFields: [FormField] { fields.filter { !$0.essential } }
    var hasRefineFields: Bool { !refineFields.isEmpty }
    var refineOpen: Bool { refineFields.contains { !$0.value.isEmpty || !$0.error.isEmpty } }
    var refineCount: Int { refineFields.count }
    var blankAnswers: String { "answers left blank are assumed, and the verdict says so" }
    /// The questions whose answers were refused, in the form's order (essential first), each linked from the error
    /// summary: on a phone the first marked field sat 1,000 px below a summary that named only one of them.
    var fieldsInError: [FormField] { (essentialFields + refineFields).filter { !$0.error.isEmpty } }
    var hasFieldsInError: Bool { fields.contains { !$0.error.isEmpty } }
}
