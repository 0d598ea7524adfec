import Advisor

/// The verdict page (`result.mustache`): verdict, score, reasons, warnings, costs, what would change, assumptions,
/// and the form to adjust the answers.
struct ResultPage: ViewModel, ChartedPage, QuestionFields {
    let verdict: String
    let verdictLabel: String
    let verdictClass: String
    let score: String
    let scorePercent: Int
    let chooseHaikuAt: String
    let tieredRoutingAt: String
    let baseScore: String
    let decidedBy: DecidedLine?
    /// "Recommended", or "Roomiest" when no model holds the request (the model is named so the figures have one).
    let primaryLabel: String
    let primary: ModelLink
    /// The month as priced with the cacheable share left blank (nothing cached), beside what caching would make it.
    let blankCache: BlankCacheNote?
    /// The recommended model's monthly cost (the decision on one screen, with the next five).
    let monthly: String
    let combined: CombinedLine?
    let runnerUp: RunnerUpLine?
    /// The day's Haiku against the verdict, where it is neither recommended nor the runner-up (DecisionSummary.haiku).
    let haiku: RunnerUpLine?
    /// Cheaper models that fit as well and could not be used, with why (DecisionSummary.passed_over).
    let passedOver: [PassedOverLine]
    let topLever: LeverLine?
    let topRisk: WarningLine?
    /// The stated latency budget the recommended model misses as priced, in one sentence under the heading
    /// (DecisionSummary.requirement_missed).
    let requirementMissed: String?
    /// Cost traps in the recommended model's and the runner-up's figures, each said once.
    let traps: [TrapLine]
    /// `/compare` with the shortlist and this workload.
    let compareURL: String
    /// The verdict prices an imported distribution: compare and the calculator price the average request.
    let imported: Bool
    let alternatives: [AlternativeLine]
    /// Why none is offered, when none is (Assessment.alternativesNote); empty otherwise.
    let alternativesNote: String
    /// What holds for all of those offered, when something does (none answers within the budget); empty otherwise.
    let alternativesCaveat: String
    let asOf: String
    let figuresChecked: String
    let capacity: CapacityLine?
    let reasons: [ReasonLine]
    let warnings: [WarningLine]
    let levers: [LeverLine]
    let changes: [ChangeLine]
    /// The answers left blank whose change alone would give another verdict, said under the heading: a tiered plan
    /// $4,190 dearer rested on a complex share of 5 % nobody gave, and said so only far down the page.
    let assumedFlips: [AssumedFlipLine]
    /// How many more blank answers would alone change the verdict than the two named (0: none).
    let moreAssumedFlips: Int
    /// The score scale as SVG markup, rendered raw.
    let scoreSVG: String
    /// A rule or policy set a verdict other than the score's region gives (the scale outlines the verdict given).
    let scoreOverruled: Bool
    let assumptions: [AssumptionLine]
    let resting: String
    let shareURL: String
    let apiURL: String
    let calculatorURL: String
    var exportMarkdown: String
    var exportCSV: String
    /// The decision record (MADR) and the evaluation plan's two files; the plan's are "" when the content has no
    /// evaluation settings.
    var exportMadr: String
    var exportEval: String
    var exportSamples: String
    /// Where the primary's task-fit rating comes from, in one sentence; and whether it is only our judgement.
    let fitBasis: String
    let fitJudgement: Bool
    let workload: String
    let costs: [CostRow]
    let sharedNotes: [SharedNote]
    let chart: CostChartView
    var fields: [FormField] = []
    /// Set when a share link was made with other content (ShareLinks.notice).
    var contentNotice = ""
    /// Set when the verdict was judged on a past day and a model it names is retired today (PastDayNotice).
    var pastDay: PastDayNotice? = nil
    /// Set when the verdict is priced on imported usage (UsageViews.swift).
    var usage: UsageSection? = nil
    /// Set on an upload's page where a warning rests on the file's other models, which the link does not carry.
    var linkOmits = ""

    var hasAlternatives: Bool { !alternatives.isEmpty }
    var hasWarnings: Bool { !warnings.isEmpty }
    var hasChanges: Bool { !changes.isEmpty }
    var hasAssumedFlips: Bool { !assumedFlips.isEmpty }
    var hasMoreAssumedFlips: Bool { moreAssumedFlips > 0 }
    /// "it" or "them", for the closing "Answer … to confirm".
    var assumedFlipsPronoun: String { assumedFlips.count == 1 ? "it" : "them" }
    var hasLevers: Bool { !levers.isEmpty }
    var hasWhatIfs: Bool { hasLevers || hasChanges }
    var hasTraps: Bool { !traps.isEmpty }
    var hasPassedOver: Bool { !passedOver.isEmpty }
    var hasSharedNotes: Bool { !sharedNotes.isEmpty }
    var hasAssumptions: Bool { !assumptions.isEmpty }
    var exportMD: String { exportMarkdown }
    var costChart: CostChartView? { chart }
}

/// A link to a content page by its title.
struct PageLink: ViewModel {
    let title: String
    let url: String
}

/// A model named on the verdict, with its lifecycle badge.
struct ModelLink: ViewModel {
    let slug: String
    let title: String
    let url: String
    let badge: Badge
}

/// The rate-limit tier the primary model needs at peak.
struct CapacityLine: ViewModel {
    /// What the workload puts on the model (Capacity.load): its busiest minute, or a day's work in a batch queue.
    let load: String
    let tier: String
    let requires: String
    /// A cap on requests in flight, read in time (CapacityText.inFlight); empty without one.
    let inFlight: String
}

/// A rule that moved the score or decided the verdict.
struct ReasonLine: ViewModel {
    let title: String
    let url: String
    let text: String
    let effect: String
    /// `plus`, `minus` or `zero`.
    let effectClass: String
    /// The verdict a hard limit imposes, in words; empty for a scoring rule.
    let decides: String
}

/// A failure mode that applies to the workload.
/// "Priced with nothing cached": the cacheable share was left blank, and the recommended model caches.
struct BlankCacheNote: ViewModel {
    let model: String
    let share: String
    let monthly: String
    let url: String
}

struct WarningLine: ViewModel {
    let title: String
    let url: String
    let text: String
    let severity: String
    /// The biggest risk, given in full in the verdict box: the list names it and points there, not the text again.
    var shownAbove = false
    /// `text` escaped, its web addresses as links (a status page, an error-code reference).
    var textHTML: String { LinkedText.html(text) }
}

/// One answer changed to the nearest value that flips the verdict, numbered as on the score scale.
struct ChangeLine: ViewModel {
    let number: Int
    /// Which answer changes (not shown: it picks out the answers left blank).
    let answer: AnswerID
    let question: String
    let helpURL: String
    let from: String
    let to: String
    let verdict: String
    /// The verdict page with this answer changed, and the score it gives; nil when the change cannot be applied.
    let url: String?
    let score: Double?
    let scoreText: String?
    /// The verdict the change gives: the score scale draws it in that verdict's region even when a rule or a
    /// policy, not the score, decides it.
    let lands: Verdict
}

/// The hard limit or policy that set the verdict whatever the score, and the blank answers it read.
struct DecidedLine: ViewModel {
    let title: String
    let url: String
    /// Answers left blank that the deciding rule read, each with its assumed value ("Cost priority" assumed
    /// “Balanced”): the verdict is decided by something nobody answered, so the page asks for it.
    let assumed: [AssumedAnswerLine]
    var hasAssumed: Bool { !assumed.isEmpty }
    var assumedPronoun: String { assumed.count == 1 ? "it" : "them" }
    var assumedNoun: String { assumed.count == 1 ? "an answer" : "answers" }
}

/// An answer left blank, named by the criteria page that asks it, with the value assumed.
struct AssumedAnswerLine: ViewModel {
    let separator: String
    /// nil for the deciding criterion's own question, which the sentence has just named.
    let name: String?
    let helpURL: String
    let value: String
}

/// A blank answer whose nearest change flips the verdict (a `ChangeLine` of an assumed answer).
struct AssumedFlipLine: ViewModel {
    /// "; " before every one but the first.
    let separator: String
    /// The criteria page that asks it ("Complex request share"): the question itself is too long for a sentence.
    let name: String
    let helpURL: String
    let from: String
    let to: String
    let verdict: String
    let url: String?
}

/// A tiered verdict's combined bill.
struct CombinedLine: ViewModel {
    let monthly: String
    let escalation: ModelLink
    let share: String
    let escalationMonthly: String
    /// The front model's title and month, and what the escalated share adds: the cost section says the plan's sum,
    /// which no single bar or row shows (a tiered RAG verdict starred Haiku's $820 for a $2,090 plan).
    let frontTitle: String
    let frontMonthly: String
    let escalatedMonthly: String
    /// The default effort the escalated requests are priced at, where cost first lowered the escalation model's row.
    let escalatedEffort: String?
}

/// An alternative, and how it fits the task when that is less well than the recommended model (empty otherwise).
struct AlternativeLine: ViewModel {
    /// ", " before every alternative but the first.
    let separator: String
    let model: ModelLink
    /// "fits this task only ‘good’".
    let fitNote: String
}

/// The runner-up, what it costs against the recommended model, and the one reason it lost.
struct RunnerUpLine: ViewModel {
    let model: ModelLink
    let monthly: String
    /// "$465 a month less" / "... more".
    let difference: String
    let reason: String
    let reasonURL: String
    /// The title of the page the reason links to.
    let reasonTitle: String
}

/// A cheaper model the verdict could not use, what it costs, and why.
struct PassedOverLine: ViewModel {
    let model: ModelLink
    let monthly: String
    let reason: String
}

/// A priced what-if, ranked; applied with one click when answers express it.
struct LeverLine: ViewModel {
    let number: Int
    let text: String
    let guideURL: String
    /// The verdict page with the lever's answers changed; nil when no answer expresses it (routing).
    let applyURL: String?
    /// What it does to the verdict, in words.
    let outcome: String
    let saves: Bool
}

/// A cost trap in one of the figures the decision compares.
struct TrapLine: ViewModel {
    let text: String
    let url: String
    let kind: String
    /// The kind in words, for the guide link's accessible name ("long context cliff").
    var name: String { kind.replacingOccurrences(of: "_", with: " ") }
}

/// An answer left blank, and the default it took.
struct AssumptionLine: ViewModel {
    let question: String
    let value: String
    let helpURL: String
}
