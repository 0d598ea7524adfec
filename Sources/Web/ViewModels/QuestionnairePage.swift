/// The questionnaire (`assess.mustache`): every question as a field, and the error of a rejected answer.
struct QuestionnairePage: ViewModel, QuestionFields {
    let fields: [FormField]
    let formError: String
    /// What an upload found, when it still needs an answer (a file that counts no requests).
    var usage: UsageSection? = nil
    /// The file was refused: the summary links to the file field, which is marked and repeats why beside it (the
    /// file field sits below the questions, 1,300 px from the summary on a desktop). The file and its button belong to
    /// the questionnaire's form (`form="questionnaire"`), so the answers typed above go with the file: a form of its
    /// own sent the file alone, and the verdict fell back to defaults for everything typed. A file that counts no
    /// requests asks for them on the questionnaire's own field, then.
    var uploadError = false
    /// A refused upload, of any kind: the summary links to the file field, to choose the file again.
    var chooseFileAgain = false
    /// An imported link's distribution (`usage=`) the refused link carried: the form keeps it ("" without).
    var carriedUsage = ""
}
