/// The questionnaire (`assess.mustache`): every question as a field, and the error of a rejected answer.
struct QuestionnairePage: ViewModel, QuestionFields {
    let fields: [FormField]
    let formError: String
}
