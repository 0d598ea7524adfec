/// The verdict page (`result.mustache`): verdict, score, reasons, warnings, costs, what would change, assumptions,
/// and the form to adjust the answers.
struct ResultPage: ViewModel {
    let verdict: String
    let verdictLabel: String
    let verdictClass: String
    let score: String
    let scorePercent: Int
    let chooseHaikuAt: String
    let tieredRoutingAt: String
    let baseScore: String
    let decidedBy: PageLink?
    let primary: ModelLink
    let alternatives: [ModelLink]
    let asOf: String
    let figuresChecked: String
    let capacity: CapacityLine?
    let reasons: [ReasonLine]
    let warnings: [WarningLine]
    let changes: [ChangeLine]
    /// The score scale as SVG markup, rendered raw.
    let scoreSVG: String
    let assumptions: [AssumptionLine]
    let resting: String
    let shareURL: String
    let apiURL: String
    let calculatorURL: String
    let exportMarkdown: String
    let exportCSV: String
    let workload: String
    let costs: [CostRow]
    let chart: CostChartView
    var fields: [FormField] = []

    func child(named name: String) -> Any? {
        switch name {
        case "verdict": present(verdict)
        case "verdict_label": present(verdictLabel)
        case "verdict_class": present(verdictClass)
        case "score": present(score)
        case "score_percent": scorePercent
        case "choose_haiku_at": present(chooseHaikuAt)
        case "tiered_routing_at": present(tieredRoutingAt)
        case "base_score": present(baseScore)
        case "decided_by": decidedBy
        case "primary": primary
        case "alternatives": alternatives
        case "has_alternatives": !alternatives.isEmpty
        case "as_of": present(asOf)
        case "figures_checked": present(figuresChecked)
        case "capacity": capacity
        case "reasons": reasons
        case "warnings": warnings
        case "has_warnings": !warnings.isEmpty
        case "changes": changes
        case "has_changes": !changes.isEmpty
        case "score_svg": present(scoreSVG)
        case "assumptions": assumptions
        case "has_assumptions": !assumptions.isEmpty
        case "resting": present(resting)
        case "share_url": present(shareURL)
        case "api_url": present(apiURL)
        case "calculator_url": present(calculatorURL)
        case "export_md": present(exportMarkdown)
        case "export_csv": present(exportCSV)
        case "workload": present(workload)
        case "costs": costs
        case "fields": fields
        default: chart.child(named: name)
        }
    }
}

/// A link to a content page by its title.
struct PageLink: ViewModel {
    let title: String
    let url: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        default: nil
        }
    }
}

/// A model named on the verdict, with its lifecycle badge.
struct ModelLink: ViewModel {
    let slug: String
    let title: String
    let url: String
    let badge: Badge

    func child(named name: String) -> Any? {
        switch name {
        case "slug": present(slug)
        case "title": present(title)
        case "url": present(url)
        case "badge": badge
        default: nil
        }
    }
}

/// The rate-limit tier the primary model needs at peak.
struct CapacityLine: ViewModel {
    let model: String
    let rpm: String
    let itpm: String
    let otpm: String
    let tier: String
    let requires: String

    func child(named name: String) -> Any? {
        switch name {
        case "model": present(model)
        case "rpm": present(rpm)
        case "itpm": present(itpm)
        case "otpm": present(otpm)
        case "tier": present(tier)
        case "requires": present(requires)
        default: nil
        }
    }
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

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "text": present(text)
        case "effect": present(effect)
        case "effect_class": present(effectClass)
        case "decides": present(decides)
        default: nil
        }
    }
}

/// A failure mode that applies to the workload.
struct WarningLine: ViewModel {
    let title: String
    let url: String
    let text: String
    let severity: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "text": present(text)
        case "severity": present(severity)
        default: nil
        }
    }
}

/// One answer changed to the nearest value that flips the verdict, numbered as on the score scale.
struct ChangeLine: ViewModel {
    let number: Int
    let question: String
    let helpURL: String
    let from: String
    let to: String
    let verdict: String
    /// The verdict page with this answer changed, and the score it gives; nil when the change cannot be applied.
    let url: String?
    let score: Double?
    let scoreText: String?

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "question": present(question)
        case "help_url": present(helpURL)
        case "from": present(from)
        case "to": present(to)
        case "verdict": present(verdict)
        case "url": url.flatMap(present)
        case "score": score
        case "score_text": scoreText.flatMap(present)
        default: nil
        }
    }
}

/// An answer left blank, and the default it took.
struct AssumptionLine: ViewModel {
    let question: String
    let value: String
    let helpURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "question": present(question)
        case "value": present(value)
        case "help_url": present(helpURL)
        default: nil
        }
    }
}
