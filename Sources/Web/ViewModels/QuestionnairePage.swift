/// The questionnaire (`assess.mustache`): every question as a field, and the error of a rejected answer.
struct QuestionnairePage: ViewModel, QuestionFields {
    let fields: [FormField]
    let formError: String
    /// What an upload found, when it still needs an answer (a file that counts no requests).
    var usage: UsageSection? = nil
    /// The file was refused: the summary links to the file field, which is marked and repeats why beside it (the
    /// upload form sits below the questions, 1,300 px from the summary on a desktop).
    var uploadError = false
}
