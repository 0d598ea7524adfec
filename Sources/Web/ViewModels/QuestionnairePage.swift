/// The questionnaire (`assess.mustache`): every question as a field, and the error of a rejected answer.
struct QuestionnairePage: ViewModel, QuestionFields {
    let fields: [FormField]
    let formError: String
    /// What an upload found, when it still needs an answer (a file that counts no requests).
    var usage: UsageSection? = nil
}
