/// The compare page (`compare.mustache`): the model picker, the cost chart of the default workload, and the
/// chosen models side by side.
struct ComparePage: ViewModel, ChartedPage {
    /// Every model, checked when chosen.
    let choices: [ModelChoice]
    let formError: String
    /// Said when one model was asked for and another set beside it, the default Haiku or, beside that Haiku, the
    /// escalation model ("" otherwise): it was added unsaid.
    var pairNote = ""
    /// Where answers in the link could not be read: the questionnaire with them filled in, to correct them ("" else).
    var correctionURL = ""
    let models: [ModelLink]
    let rows: [CompareRow]
    /// The workload priced, in words.
    let workload: String
    /// Whether the workload's answers were given (the verdict's link) rather than the defaults.
    let given: Bool
    /// The answers, kept through the model picker.
    let hiddenAnswers: [HiddenAnswer]
    /// The verdict of the given workload ("" for the defaults).
    let verdictURL: String
    /// What the given workload's verdict recommends and pays ("" for the defaults): the mark on the chart is its.
    let verdictSentence: String
    let chart: CostChartView
    /// Where the chosen models are priced at different reasoning efforts (each at its own default), which: "" otherwise.
    let effortNote: String

    var costChart: CostChartView? { chart }
}

/// A model in the picker.
struct ModelChoice: ViewModel {
    let slug: String
    let title: String
    let checked: Bool
    let badge: Badge
}

/// A figure across the chosen models, one cell per model.
struct CompareRow: ViewModel {
    let label: String
    let cells: [CompareCell]
}

/// One model's value of a figure, formatted.
struct CompareCell: ViewModel {
    let value: String
}

/// An answer carried through a form as a hidden field.
struct HiddenAnswer: ViewModel {
    let name: String
    let value: String
}
