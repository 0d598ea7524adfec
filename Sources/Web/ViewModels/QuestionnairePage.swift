/// The questionnaire (`assess.mustache`): every question as a field, and the error of a rejected answer.
struct QuestionnairePage: ViewModel {
    let fields: [FormField]
    let formError: String

    func child(named name: String) -> Any? {
        switch name {
        case "fields": fields
        case "form_error": present(formError)
        default: nil
        }
    }
}
