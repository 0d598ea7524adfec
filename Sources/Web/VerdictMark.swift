import Advisor
import Content

/// What a page priced on a verdict's answers marks: the verdict's model, with the verdict's word for it, and a
/// sentence that says so. `/compare` and `/calculator` reached from a verdict share it, so that the ★ there is the
/// verdict's: the calculator starred Cohere Command R7B, "cheapest to build on", beside a verdict for Claude Haiku
/// 5.5 that had ruled R7B out as a weak fit for chat.
struct VerdictMark {
    /// The recommended model's slug.
    let model: String
    /// "recommended", or the verdict's word when no model meets every requirement ("closest", "roomiest").
    let label: String
    /// "Your verdict recommends Claude Haiku 5.5: $702 a month." (a tiered plan's month included).
    let sentence: String
    /// The verdict page of these answers.
    let url: String

    /// - Parameter carry: query text the verdict's link keeps beside the answers (an imported distribution's `usage=`).
    init(_ assessment: Assessment, answers: Answers, library: ContentLibrary, carry: String = "") {
        let d = assessment.decision
        let title = { (slug: String) in library.page(.models, slug)?.title ?? slug }
        let plan = d.combined.map { "; with the complex \(Format.percent($0.complex_share)) sent on to \(title($0.escalation_model)), "
            + "\(Format.money($0.monthly_usd)) a month in all" } ?? ""
        model = d.recommended
        label = ResultView.labels(assessment).primary.lowercased()
        // A label that is not a bare noun ("roomiest strong fit, cheapest") follows the name: "names as the roomiest
        // strong fit, cheapest Gemini 4 Neon" read as one garbled phrase; "names Gemini 4 Neon (the roomiest ...)".
        sentence = "Your verdict " + (label == "recommended" ? "recommends \(title(d.recommended))"
                                        : "names \(title(d.recommended)) (the \(label))")
            + ": \(Format.money(d.monthly_usd)) a month\(plan)."
        url = "/assess/result?" + answers.queryString + (carry.isEmpty ? "" : "&" + carry)
    }
}
