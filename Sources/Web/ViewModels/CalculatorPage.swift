/// The cost calculator (`calculator.mustache`): the form, and once the answers are valid, the priced workload.
struct CalculatorPage: ViewModel, ChartedPage, QuestionFields {
    let fields: [FormField]
    /// Answers the form does not ask that the query gave, carried by the form as hidden fields.
    let hiddenAnswers: [HiddenAnswer]
    let formError: String
    /// Nil when the answers do not validate: the page shows the form and the error only.
    let priced: PricedWorkload?

    struct PricedWorkload {
        let workload: String
        let costs: [CostRow]
        let sharedNotes: [SharedNote]
        let chart: CostChartView
        let exportMarkdown: String
        let exportCSV: String
        /// False for the bare `/calculator`, which prices the defaults below the form rather than above it.
        let asked: Bool
        /// Reached from a verdict: the sentence naming its model (VerdictMark), and the way back; "" otherwise.
        let verdictSentence: String
        let verdictURL: String
        /// The questionnaire with these answers filled in, for a verdict on this workload.
        let questionnaireURL: String
    }

    /// The answers were asked (not the bare page's defaults): the results come before the form.
    var asked: Bool { priced?.asked ?? false }
    var workload: String { priced?.workload ?? "" }
    var costs: [CostRow] { priced?.costs ?? [] }
    var sharedNotes: [SharedNote] { priced?.sharedNotes ?? [] }
    var hasSharedNotes: Bool { !sharedNotes.isEmpty }
    var verdictSentence: String { priced?.verdictSentence ?? "" }
    var verdictURL: String { priced?.verdictURL ?? "" }
    var questionnaireURL: String { priced?.questionnaireURL ?? "" }
    var exportMD: String { priced?.exportMarkdown ?? "" }
    var exportCSV: String { priced?.exportCSV ?? "" }
    var costChart: CostChartView? { priced?.chart }
    /// No verdict here: the priced workload's heading states every answer it used.
    var blankAnswers: String { "answers left blank are assumed, and the workload priced says so" }
}
