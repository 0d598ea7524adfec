/// The questionnaire (`assess.mustache`): every question as a field, and the error of a rejected answer.
struct QuestionnairePage: ViewModel, QuestionFields {
    let fields: [FormField]
    let formError: String
    /// What an upload found, when it still needs an answer (a file that counts no requests).
    var usage: UsageSection? = nil
    /// The file was refused: the summary links to the file field, which is marked and repeats why beside it (the
    /// upload form sits below the questions, 1,300 px from the summary on a desktop).
    var uploadError = false
    /// The file counts no requests and the monthly requests sent with it cannot be read: marked on the upload form's
    /// own field, which keeps what was typed.
    var uploadRequestsError = false
    var uploadRequests = ""
    var uploadRefused: Bool { uploadError || uploadRequestsError }
}
