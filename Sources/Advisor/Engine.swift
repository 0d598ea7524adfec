import Foundation

// The decision engine: score, verdict, models, warnings, costs, what would change, assumptions.
//
// ## Scoring
// score = clamp(base_score + Σ effect of every rule whose `when` holds, 0, 100).
// Verdict: a firing rule with `decide` sets it on its own (`choose_alternative` beats `tiered_routing`);
// otherwise score >= choose_haiku_at → choose_haiku, >= tiered_routing_at → tiered_routing, else
// choose_alternative.
//
// ## Which models may be named (on the `as_of` day)
// *Usable* (may be the primary): lifecycle `active` or `legacy`, the request fits its context window and output
// limit (on its own token count), its task fit is not `poor`, and self-hosted only when the team can self-host.
// *Offerable* (may be an alternative): usable, or `deprecated` but otherwise usable, with a warning that names
// the retirement date and the replacement. Retired and unreleased models are never named.
// "The Haiku" is the first usable model of `haiku_models`; the escalation model the first usable of
// `escalation_models`. No usable Haiku means choose_alternative, with the `haiku_ruled_out` warning.
//
// ## The routing plan (answer `routing`; policy `routing_plan`, criteria/routing-plan)
// `auto` (the default) changes nothing. `tiered` says the team puts the Haiku in front of every request and hands the
// complex share on to the escalation model. It is honoured when a Haiku is usable, an escalation model other than it is usable,
// complex_share > 0 and no hard limit sets choose_alternative: the verdict is tiered_routing whatever the score,
// the Haiku is the primary (basis `routing_plan`; a Haiku that cheapest_fit picked stays), the escalation model
// leads the alternatives, and the plan's policy is `decided_by`, its reason first with the combined bill
// (Haiku + complex_share × escalation model: the Haiku answers every request, the escalated ones are answered again;
// as `decision.combined`) and what the verdict
// would be without the plan (the same decision with `auto`). The policies below
// still run: when cheapest_fit would name a non-Haiku model, routing_payback would send everything to the
// escalation model, or cost_ceiling would name a cheaper equal, the verdict keeps the plan and the policy's finding
// is said with its figures (its `routed_text`), right after the plan's reason. When a condition fails, the plan is
// set aside: the verdict is the engine's own, and the plan's `ignored_text` says why in one sentence, first among
// the reasons (the first of: no Haiku, a hard limit, nothing complex, no escalation model, an escalation model that
// is the Haiku). It is not a what-if (the route_complex lever offers it).
//
// ## Policies (content: `criterion.policies`; README.md, "How the verdict is made")
// - `cheapest_fit` (when its condition holds): the primary is the cheapest usable model whose fit is at least
//   `min_fit` (self-hosted ones priced with operations, so they win only when cheapest in total); without a hard
//   limit the verdict follows it: a Haiku-family model means choose_haiku (tiered_routing stays tiered), any other
//   choose_alternative. Under a hard choose_alternative, Haikus are left out.
// - `routing_payback`: a tiered_routing verdict stands only if a year's saving against sending everything to the
//   escalation model, 12 × ((1 − complex_share) × escalation cost − Haiku cost), reaches the router's cost, (build_hours + 12 × upkeep_hours_per_month) ×
//   developer_hourly_usd; otherwise the escalation model takes everything (choose_alternative), unless it cannot answer
//   within the team's latency budget at any setting and the Haiku can: then the Haiku does (`slow_text`).
// - `alternatives_min_fit` (when its condition holds): every alternative fits the task at least `min_fit`.
// - `cost_ceiling` (when its condition holds, with no hard limit and no other policy deciding): a choose_haiku or
//   tiered_routing verdict whose Haiku costs more than `max_ratio` × the cheapest usable non-Haiku model that fits
//   the task at least as well (and as the required and offered fits), and at least `min_saving_usd` a month more,
//   both priced with reasoning at its cheapest setting, becomes choose_alternative. Of the models that clear the ceiling,
//   the primary is the cheapest at the team's effort answer (the price the cost table shows). A long-context cliff or thinking tokens can make the
//   Haiku the dear choice; a balanced buyer does not pay several times over for the same fit.
//
// ## Models
// - choose_haiku and tiered_routing: the Haiku (unless cheapest_fit chose another Haiku).
// - choose_alternative: the policy's model, else the first usable non-Haiku model named in `prefer` by the
//   firing rules (most negative rule first), else the cheapest usable non-Haiku model, `strong`/`good` fits before
//   `weak`. A named model is held to `cost_ceiling` as a Haiku is, against models that fit the task at least as
//   well and meet every floor (`preferred_over_ceiling`); it then leads the alternatives.
// Alternatives (at most three, never the primary, never a Haiku-family model, offerable only, at least the
// policies' minimum fit): with tiered_routing the escalation model first; then models the firing rules `prefer`;
// then the rest, better fit first, current before deprecated, cheapest first.
//
// ## Warnings
// Failure modes whose `exposure` condition holds, then computed ones (texts in `engine.warnings`): deprecated
// alternatives, the current Haiku ruled out, the rate-limit tier the primary's peak traffic needs, a latency
// budget the primary misses or cannot be shown to meet, prices older than `stale_after_days` on the as-of day.
//
// ## What would change
// For every workload answer, the nearest other value that gives a different verdict, found by re-running the
// decision: choices try every other value, nearest in the interface's order first; booleans the other value;
// numbers both sides of every threshold the rules and policies compare the answer with, plus the bounds.
//
// ## Assumptions
// Every answer left to its default, with its value; `score_resting_on_assumptions` is Σ |effect| of the firing
// rules whose condition reads at least one assumed answer.

/// One firing rule, explained. JSON: `criterion`, `effect`, `text`, `url` (+ `title`, `decide`, `source`).
public struct Reason: Sendable, Encodable, Equatable {
    public let criterion: String
    public let effect: Double
    public internal(set) var text: String
    /// `/criteria/<slug>`.
    public let url: String
    /// The criterion page's title.
    public let title: String
    /// `choose_alternative` / `tiered_routing` when this rule is a hard limit that set the verdict.
    public let decide: String?
    /// The source id on the criterion page that the rule rests on.
    public let source: String?

}

/// A failure mode the workload is exposed to. JSON: `failure_mode`, `text`, `url` (+ `title`, `severity`).
public struct Warning: Sendable, Encodable, Equatable {
    public let failure_mode: String
    /// A second finding about the same model and failure mode is appended to it (Engine.assess).
    public internal(set) var text: String
    /// `/failure-modes/<slug>`.
    public let url: String
    /// The failure mode's; one about a model other than the recommended one that shares it with another warning
    /// names that model.
    public internal(set) var title: String
    /// The failure mode's severity, or the computed warning's own (criteria/_index.md `engine.warnings`); a warning
    /// that joins several findings takes the highest.
    public internal(set) var severity: Severity
    /// The model a computed warning is about (lifecycle, rate limits, latency, freshness), else nil.
    public let model: String?
    /// Whether the team's own answers raise it for the recommended model: false for an exposure that holds only on
    /// answers left to their defaults (no fallback assumed), and for a computed warning about another model (a
    /// Haiku ruled out, an alternative's old prices). It ranks the top risk; not in the JSON.
    var stated = true

    enum CodingKeys: String, CodingKey { case failure_mode, text, url, title, severity, model }
}

/// One answer change that flips the verdict. JSON: `answer`, `to`, `verdict` (+ `score`).
public struct Change: Sendable, Encodable, Equatable {
    public let answer: AnswerID
    public let to: AnswerValue
    public let verdict: Verdict
    /// The score with the change applied.
    public let score: Double

}

/// An answer left to its default. JSON: `answer`, `value`.
public struct Assumption: Sendable, Encodable, Equatable {
    public let answer: AnswerID
    public let value: AnswerValue

}

/// When the cost-first primary fits the task only `good`: the cheapest model that fits it `strong`, and what the
/// margin of quality costs a month.
public struct QualityMargin: Sendable, Encodable, Equatable {
    public let model: String
    public let monthly_usd: Double
    public let difference_usd: Double
}

/// The Haiku at a higher reasoning effort, priced beside the escalation model it would otherwise hand work to.
public struct EffortOption: Sendable, Encodable, Equatable {
    public let haiku_model: String
    public let effort: Effort
    public let haiku_monthly_usd: Double
    public let escalation_model: String
    public let escalation_monthly_usd: Double
}

/// The engine's answer for one workload. Encodes the interface's keys (`verdict`, `score`, `primary_model`,
/// `alternatives`, `reasons`, `warnings`, `costs`, `what_would_change`, `assumptions`) plus, for the HTML page:
/// `score_resting_on_assumptions`, `decided_by` (criterion slug of the hard limit or policy, or null),
/// `primary_model_basis` (`haiku_model`, `prefer`, `cheapest_suitable`, `cheapest_fit`, `routing_does_not_pay`,
/// `cost_ceiling`, `routing_plan`, `only_usable`, `nothing_fits`),
/// `base_score`, `choose_haiku_at`, `tiered_routing_at`, `as_of`, `haiku_model`, `figures_checked`, `capacity`.
public struct Assessment: Sendable, Encodable, Equatable {
    public let verdict: Verdict
    /// 0...100: Haiku's fit for this workload.
    public let score: Double
    public let primaryModel: String
    public let alternatives: [String]
    /// Why no alternative is offered, when none is and the workload has a verdict (JSON `alternatives_note`, null
    /// otherwise): no other model can take it, or none that can fits the task as well as every alternative must.
    /// With alternatives offered, what holds for all of them: none answers within the stated budget.
    public let alternativesNote: String?
    /// Decisive reasons first (hard limits, policies), then by |effect|, largest first.
    public let reasons: [Reason]
    public let warnings: [Warning]
    /// Every model: those that fit first, cheapest first.
    public let costs: [CostLine]
    public let whatWouldChange: [Change]
    public let assumptions: [Assumption]
    /// Σ |effect| of the firing rules that read an assumed answer.
    public let scoreRestingOnAssumptions: Double
    /// The criterion whose hard limit or policy set the verdict, if one did.
    public let decidedBy: String?
    /// The criterion of a price rule whose points alone took the score below the Haiku's band, where the verdict
    /// stayed the Haiku's (`band_held_text`); nil otherwise. Not in the JSON: the rule's reason says it.
    public internal(set) var bandHeldBy: String? = nil
    /// The answers left blank that the deciding hard limit or policy read ("Decided by Cost priority" on a balanced
    /// budget nobody chose), in answer order; empty when none was. Not in the JSON: `assumptions` lists them.
    public internal(set) var decidedOnAssumed: [AnswerID] = []
    public let primaryModelBasis: PrimaryBasis
    public let baseScore: Double
    public let chooseHaikuAt: Double
    public let tieredRoutingAt: Double
    /// The day lifecycle and freshness were judged on.
    public let asOf: String
    /// The current Haiku for this workload (nil when none can take it).
    public let haikuModel: String?
    /// The oldest date on which the prices of the named models were checked.
    public let figuresChecked: String?
    public let capacity: Capacity?
    /// Only when the cost-first primary fits the task `good` and a `strong` model is usable.
    public let qualityMargin: QualityMargin?
    /// Only when the effort_before_escalation policy applies.
    public let effortOption: EffortOption?
    /// The primary's task-fit rating and its basis (nil only for content without one, which the engine refuses).
    public let primaryFit: FitRating?
    /// Realistic what-ifs, priced and ranked (Levers.swift).
    public let levers: [Lever]
    /// The decision on one screen (DecisionSummary.swift); `decision.recommended` is the recommended model.
    public let decision: DecisionSummary
    /// Under `nothing_fits`, the models the named one is the roomiest of (`Decision.roomiest`); not in the JSON,
    /// whose first warning says it.
    public var roomiest: RoomiestSet? = nil
    /// Under an imported distribution, the answers it was priced on: the sizes left blank are the distribution's own
    /// means (a page that said the defaults' "1,000 input tokens" beside prices of the file's 30,569 described another
    /// workload); nil for the average request, priced on the answers as given. Not in the JSON.
    public var pricedAnswers: Answers? = nil
    /// `roomiest`'s phrase: "the models we list", "the models that fit ... 'strong' or better".
    public var roomiestAmong: String? { roomiest?.phrase }

    // Written by hand for one reason: `decided_by`, `haiku_model`, `figures_checked`, `capacity`, `quality_margin`,
    // `effort_option`, `primary_fit` and `alternatives_note` are always
    // present, as `null` when empty, so that a client can rely on every key (AssessmentJSONTests). Everything else
    // is what the synthesized encoder would write.
    enum CodingKeys: String, CodingKey {
        case verdict, score, alternatives, reasons, warnings, costs, assumptions, capacity
        case primaryModel = "primary_model", whatWouldChange = "what_would_change"
        case scoreRestingOnAssumptions = "score_resting_on_assumptions", decidedBy = "decided_by"
        case primaryModelBasis = "primary_model_basis", baseScore = "base_score", chooseHaikuAt = "choose_haiku_at"
        case tieredRoutingAt = "tiered_routing_at", asOf = "as_of", haikuModel = "haiku_model"
        case figuresChecked = "figures_checked", qualityMargin = "quality_margin", effortOption = "effort_option"
        case primaryFit = "primary_fit", alternativesNote = "alternatives_note"
        case levers, decision
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(score, forKey: .score)
        try c.encode(primaryModel, forKey: .primaryModel)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(alternativesNote, forKey: .alternativesNote)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(costs, forKey: .costs)
        try c.encode(whatWouldChange, forKey: .whatWouldChange)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(scoreRestingOnAssumptions, forKey: .scoreRestingOnAssumptions)
        try c.encode(decidedBy, forKey: .decidedBy)
        try c.encode(primaryModelBasis, forKey: .primaryModelBasis)
        try c.encode(baseScore, forKey: .baseScore)
        try c.encode(chooseHaikuAt, forKey: .chooseHaikuAt)
        try c.encode(tieredRoutingAt, forKey: .tieredRoutingAt)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(haikuModel, forKey: .haikuModel)
        try c.encode(figuresChecked, forKey: .figuresChecked)
        try c.encode(capacity, forKey: .capacity)
        try c.encode(qualityMargin, forKey: .qualityMargin)
        try c.encode(effortOption, forKey: .effortOption)
        try c.encode(primaryFit, forKey: .primaryFit)
        try c.encode(levers, forKey: .levers)
        try c.encode(decision, forKey: .decision)
    }
}

/// What the decision settled, before it is explained.
struct Decision {
    var score: Double
    var verdict: Verdict
    var primary: Int
    var basis: PrimaryBasis
    /// Rules that fired, by index into `Knowledge.rules`.
    var firing: [Int]
    /// The rule whose hard limit set the verdict.
    var hardRule: Int?
    /// Policies that decided something, with the numbers their texts need (formatted only when explained).
    var policyReasons: [PolicyOutcome]
    /// The policy that set the verdict, if one did.
    var decidingPolicy: Int?
    var alternativesMinFit: Fit
    /// The fit that comes first where another model is chosen on fit and price (fit_first); nil: none.
    var fitFirst: Fit?
    /// Fits every model offered must have on another task type (alternatives_min_fit with a `task`).
    var taskFloors: [(task: Int, fit: Fit)] = []
    /// A hard limit set choose_alternative ("use a stronger model"): no Haiku may be picked for cost or named as
    /// the runner-up.
    var haikusRuledOut: Bool
    var haiku: Int?
    var escalation: Int?
    var preferred: [Int]
    /// The model a rule preferred that the primary stands in for, because it cannot answer within the budget.
    var preferredTooSlow: Int? = nil
    /// The model a rule preferred that the primary stands in for, because it cannot take the workload for another
    /// reason than the budget (a window outgrown, a rate limit, a required fit) on a day it is served.
    var preferredOutgrown: Int? = nil
    /// `nothing_fits`: the models the primary is the roomiest of; nil for any other basis.
    var roomiest: RoomiestSet? = nil
    /// Whether each model may be the primary (lifecycle, fit, headroom, capacity).
    var usable: [Bool]
    /// Monthly cost per model, when the decision needed them.
    var monthly: [Double]?
    /// The rule for a cheaper model whose points alone took the score into the routing band, where the verdict stayed
    /// the Haiku's (self-hosting at volume): its reason says so (`band_held_text`).
    var cheaperRule: Int? = nil
    /// The score was in the routing band with requests to hand on, but no escalation model could take them: the Haiku
    /// takes every one (`no_escalation` says why).
    var noEscalation = false
}

/// What a policy found: the model it names and the amounts its text quotes.
struct PolicyOutcome {
    let policy: Int
    var model: Int? = nil
    var monthly = 0.0
    var saving = 0.0
    var cost = 0.0
    /// cost_ceiling: the Haiku it compared; under the routing plan, the Haiku the plan keeps in front.
    var haiku: Int? = nil
    /// The Haiku's monthly cost when it is not `cost` (cost_ceiling's `cost` is the Haiku's).
    var haikuMonthly: Double? = nil
    /// The team's routing plan kept the verdict this policy would have changed: its finding is said
    /// (`routed_text`), not applied.
    var overruled = false
    /// cheapest_fit: the floor it applied, when the required fit or an alternatives floor raised the policy's own
    /// (its `{min_fit}`: "the cheapest one whose fit is strong or better" when the team requires strong).
    var minFit: Fit? = nil
    /// routing_payback: routing does not pay and the escalation model cannot answer within the budget at any setting
    /// while the Haiku can, so the Haiku takes everything (`slow_text`).
    var slowEscalation = false
    /// routing_payback: routing would pay, but the escalation model cannot answer within the budget at any setting
    /// while the Haiku can, so the Haiku takes everything (`slow_paying_text`).
    var slowPaying = false
    /// routing_payback: cost first named the Haiku, the cheapest model that fits, so the Haiku keeps every request;
    /// `monthly` is the plan's month, which buys quality and saves nothing against the Haiku alone (`cost_first_text`).
    var costFirst = false
    /// routing_payback: routing does not pay, and everything on the escalation model (`monthly`) is over the cost
    /// ceiling against the Haiku, which fits the task as well, so the Haiku takes everything (`ceiling_text`).
    var overCeiling = false
    /// routing_payback: the cost ceiling's ratio the escalation model alone was held to against the Haiku alone, where
    /// a balanced budget asked it (`{max_ratio}`; nil otherwise).
    var ceilingRatio: Double? = nil
    /// routing_plan: why the plan was set aside (nil: it was honoured).
    var obstacle: PlanObstacle? = nil
    /// routing_plan: the complex share routed.
    var share = 0.0
    /// cost_ceiling: the model a rule named that the ceiling passed over (`preferred_text`), when it is not the Haiku.
    var preferred: Int? = nil
    /// The criterion whose rule named `preferred`.
    var preferredBy: Int? = nil
}

/// Why the team's routing plan (`routing = tiered`) cannot be honoured, first found first.
enum PlanObstacle {
    /// No Haiku is usable on the day.
    case noHaiku
    /// A hard limit sets choose_alternative (the rule's index).
    case hardLimit(Int)
    /// complex_share is 0.
    case nothingComplex
    /// No escalation model is usable on the day.
    case noEscalation
    /// The first usable escalation model is the Haiku itself.
    case escalationIsHaiku
}

/// Runs assessments against one `Knowledge`. Cheap to copy; safe to share between threads.
public struct Engine: Sendable {
    public let knowledge: Knowledge
    /// A tiered month: the Haiku answers every request and the escalation model answers the complex share again,
    /// so an escalated request pays for both (the tiered-routing guide's arithmetic).
    static func tieredMonthly(haiku: Double, escalation: Double, share: Double) -> Double { haiku + share * escalation }

    /// A year's saving of routing against sending everything to the escalation model: 12 × (escalation − tiered).
    /// `escalation` is its month for everything, `escalated` its month with every request priced as complex
    /// (`Knowledge.escalatedMonthly`): the tiered bill's share of it is the complex one.
    static func routingSavingPerYear(haiku: Double, escalation: Double, escalated: Double, share: Double) -> Double {
        12 * (escalation - tieredMonthly(haiku: haiku, escalation: escalated, share: share))
    }

    /// The `reasoning_effort` answer's value for `none` (each model maps it to its lowest level): answers with it
    /// price reasoning at its cheapest setting on every model, the cost ceiling's comparison.
    static let noEffort = Double(Knowledge.noEffortAnswer)
    /// The `cost_priority` answer `primary`.
    static let costFirstAnswer = Double(AnswerID.costPriority.choices.firstIndex(of: "primary")!)

    /// The cost ceiling that applies to these answers (its condition holds), with its index; nil when none does.
    func costCeiling(_ v: UnsafeBufferPointer<Double>) -> (Int, CompiledPolicy)? {
        knowledge.policies.enumerated().first { $0.element.kind == .cost_ceiling
            && ($0.element.condition?.holds(v, override: -1, value: 0) ?? true) }.map { ($0.offset, $0.element) }
    }
    /// Whether the workload has requests to price: with none, every bill is $0, so cost policies, levers and the
    /// runner-up say nothing, and the `no_volume` warning says why.
    static func hasVolume<Values: RandomAccessCollection<Double>>(_ v: Values) -> Bool where Values.Index == Int {
        v[AnswerID.monthlyRequests.rawValue] > 0
    }

    /// The `routing` answer's value for `tiered`: the team routes.
    static let tieredPlan = Double(AnswerID.routing.choices.firstIndex(of: "tiered")!)

    /// The imported distribution this assessment is priced on (nil: the average request), set by `assess(usage:)`:
    /// every figure the engine works out beside the cost table (a lever's price, a trap's amount, the cost
    /// ceiling's comparison, the effort branch) is priced through it as the table is. Priced on the average request
    /// instead, a batch lever on traffic with a tenth of its prompts over a long-context line "saved" $16,206 of an
    /// $18,308 month.
    var usage: UsageProfile? = nil
    /// The model an imported file's traffic runs on (its busiest), set with `usage`: a retired or soon retired one is
    /// the first thing the warnings say (its month was set against the recommendation as if staying were an option).
    var currentModel: Int? = nil
    /// The other models the file's traffic runs on, with their shares of it: 30 % of a file's requests on a GPT-5
    /// nano retired the day before raised no warning, since only the busiest model was read.
    var alsoInUse: [(model: Int, share: Double)] = []
    /// Per model, what the imported distribution means for it on the answers as given (set with `usage`): why a model
    /// cannot take the file's requests where their average fits it ("it cannot take this workload" said nothing).
    var usageFacts: [UsageModelFacts]? = nil
    /// The distribution as the cost table prices it (set with `usage`, which is its coarser copy for the what-if
    /// search): what a trap that reads the file's longest request measures and prices.
    var usagePriced: UsageProfile? = nil

    public init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    /// Model `m`'s month on answers `v`, as the cost table prices it: through the imported distribution when there
    /// is one, else on the average request.
    func monthly(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> Double {
        knowledge.monthlyCost(model: m, v, usage: usage)
    }

    /// The decision on answers `v` priced as the cost table prices them: through the imported distribution, with
    /// which models hold its every request, when there is one (the levers and the what-would-change search).
    func decideAsPriced(_ v: UnsafeBufferPointer<Double>) -> Decision {
        guard let usage else { return decide(v) }
        let prices = knowledge.usagePrices(usage, v)
        return decide(v, costs: prices.monthly, imported: prices)
    }

    /// The full assessment of a workload.
    public func assess(_ answers: Answers) -> Assessment {
        answers.values.withUnsafeBufferPointer { v in assess(answers, v) }
    }

    /// The monthly cost of the workload on every model, in `ordered`'s order.
    public func costs(_ answers: Answers) -> [CostLine] {
        answers.values.withUnsafeBufferPointer { v in
            Self.ordered(knowledge.models.indices.map { knowledge.costLine(model: $0, v) })
        }
    }

    /// One model's monthly cost for the answers, as its cost line totals it, without the line's notes (nil: no such
    /// model).
    public func monthlyCost(of slug: String, _ answers: Answers) -> Double? {
        guard let m = knowledge.modelSlugs.firstIndex(of: slug) else { return nil }
        return answers.values.withUnsafeBufferPointer { knowledge.monthlyCost(model: m, $0) }
    }

    /// Models that can take the workload on the day first (cheapest first), then retired or unreleased ones that
    /// would fit, then those that cannot hold the request.
    static func ordered(_ lines: [CostLine]) -> [CostLine] {
        func group(_ line: CostLine) -> Int {
            guard line.fits else { return 2 }
            return line.status.state == .retired || line.status.state == .unreleased ? 1 : 0
        }
        // Sorted as keys, then gathered: moving whole cost lines through the sort cost more than the comparisons.
        let keys = lines.indices.map { (group: group(lines[$0]), monthly: lines[$0].monthly_usd, index: $0) }
            .sorted { a, b in
                (a.group, a.monthly) != (b.group, b.monthly) ? (a.group, a.monthly) < (b.group, b.monthly)
                    : lines[a.index].model < lines[b.index].model
            }
        return keys.map { lines[$0.index] }
    }

    /// Just the score and verdict (what the what-would-change search runs).
    public func verdict(_ answers: Answers) -> (score: Double, verdict: Verdict) {
        answers.values.withUnsafeBufferPointer { v in
            let d = decide(v)
            return (d.score, d.verdict)
        }
    }

    // MARK: - Deciding

    /// Whether model m may be the primary for this workload on the as-of day.
    func usable(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        let state = knowledge.compiledModels[m].lifecycle(on: Int(v[AnswerID.asOf.rawValue])).state
        return (state == .active || state == .legacy) && suitable(m, v)
    }

    /// Whether model m may be offered as an alternative: deprecated ones with a warning, and only while their
    /// retirement is more than `engine.deprecated_offer_days` away (nearer, a team should be moving off them).
    func offerable(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        let model = knowledge.compiledModels[m]
        let day = Int(v[AnswerID.asOf.rawValue])
        return knowledge.offers(model.lifecycle(on: day).state, retiring: model.retiresDay, on: day) && suitable(m, v)
    }

    /// Fits the task (not `poor`, and at least the `required_fit` answer), the request fits the model with the
    /// headroom the engine settings ask for, and self-hosting only when the team can.
    private func suitable(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> Bool {
        let model = knowledge.compiledModels[m]
        let fit = model.fit[Int(v[AnswerID.taskType.rawValue])]
        return fit != .poor && fit <= Self.requiredFit(v)
            && (!model.selfHosted || v[AnswerID.canSelfHost.rawValue] != 0)
            && !knowledge.refusesTools(model: m, v)
            && knowledge.withinHeadroom(model: m, v)
    }

    /// The least fit the `required_fit` answer accepts (`any`: anything but poor).
    static func requiredFit(_ v: UnsafeBufferPointer<Double>) -> Fit { requiredFits[Int(v[AnswerID.requiredFit.rawValue])] }

    /// The `required_fit` choices as fits, by answer index (read in the decision's hot loop).
    private static let requiredFits: [Fit] = AnswerID.requiredFit.choices.map { Fit(rawValue: $0) ?? .weak }

    /// The answers a model's monthly cost always reads (Costs.swift); those the content's `least_effort_when` reads
    /// move it only where they turn it, which the what-would-change search tests per trial (Flips.swift). The peak
    /// sizes a self-hosted fleet; the latency budget sets the effort a `default` answer runs at (Knowledge.reasoning).
    /// A budget's trials reused the bills of the budget given, and a tiered plan's escalated part, priced afresh,
    /// then disagreed with them: "a 16 s budget gives choose_alternative" where it gave tiered routing.
    static let fixedCostInputs: Set<AnswerID> = [.monthlyRequests, .avgInputTokens, .avgOutputTokens, .cachedInputShare,
                                                 .latency, .developerHourlyUSD, .tokensCountedWith, .reasoningEffort,
                                                 .asOf, .toolChoice, .peakToAverage, .latencyBudgetSeconds]

    /// The answers that which models are usable reads: lifecycle, fit, self-hosting, the request's size against the
    /// window, and the peak against the rate limits (with the month's spend against a tier's cap). Changing any
    /// other answer leaves every model as usable as it was. The developer rate is a cost input but not one of
    /// these: it prices only self-hosted models' operations, and they have no rate limits or spend caps to meet.
    /// Of the fixed cost inputs alone: what usability reads other than through `least_effort_when`. The peak (against
    /// the rate limits) and the latency budget (the floors) are among the cost inputs, so they are here too.
    static let fixedUsabilityInputs: Set<AnswerID> = fixedCostInputs.subtracting([.developerHourlyUSD])
        .union([.taskType, .requiredFit, .canSelfHost, .systemPromptTokens])

    /// - Parameter costs: the monthly cost per model when the caller knows them already (the what-would-change
    ///   search, for answers costs do not read).
    /// - Parameter imported: an imported distribution priced on these answers (UsagePricing): which models hold its
    ///   every request with headroom, and which take every one in their limits at all; nil: averages only.
    /// - Parameter usableKnown: which models are usable, when the caller knows it already (the what-would-change
    ///   search, for answers that `fixedUsabilityInputs` leaves out).
    func decide(_ v: UnsafeBufferPointer<Double>, costs known: [Double]? = nil, imported: UsagePrices? = nil,
                usable usableKnown: [Bool]? = nil) -> Decision {
        let k = knowledge
        let headroom = imported?.withinHeadroom
        let task = Int(v[AnswerID.taskType.rawValue])
        var sum = k.settings.base_score
        var hard: Verdict? = nil
        var hardRule: Int? = nil
        var firing: [Int] = []
        // The day's Haiku, and whether it caches the stated prefix, for the rules that ask (looked up only then, once).
        lazy var dayHaiku = k.dayHaiku(v)
        // Under an import whose log shows cache reads, the team's traffic does cache (bursts keep the entry warm where
        // the average's even arrivals would let it lapse): 300 Haiku requests in ten bursts, each one write and 29
        // reads, lost the caching points to the average's "caching would cost more".
        lazy var haikuCaches = usage.map { $0.logsCache && $0.cachedShare > 0 && k.cachesPrefix(model: dayHaiku, v) }
            ?? k.cachesOnItsLine(model: dayHaiku, v)
        lazy var haikuPrompt = k.requestTokens(model: dayHaiku, v).input
        for (r, rule) in k.rules.enumerated() {
            let holds = rule.haikuCount
                ? rule.condition.holds(v, override: AnswerID.avgInputTokens.rawValue, value: haikuPrompt)
                : rule.condition.holds(v, override: -1, value: 0)
            guard holds else { continue }
            if let wanted = rule.haikuCachesPrefix, haikuCaches != wanted { continue }
            // A rule that stands for a cheaper model (self-hosting at volume) only where one is cheaper on these
            // numbers: 15M classifications without thinking cost $1,072 a month on Haiku 5.5 and $4,920 self-hosted
            // (four GPUs for the default 3x peak).
            // Compared as the cost ceiling compares, with reasoning at its cheapest setting on both: thinking is a
            // setting a team can lower, and the Haiku's medium effort made 50M five-token moderations ($15,731 a
            // month, $731.25 thinking off) look dearer than a self-hosted Llama 3.1 8B ($3,139).
            // And only for a model that holds the request with room to spare: one 24 GB GPU keeps 23,648 to 31,232
            // tokens of cache, and 100,000-token extractions took 25 points off for a Llama that cannot read them.
            // And only for a model that fits the task as well as the team requires (required_fit): strict moderations
            // took 25 points off for a 'good' Llama the team would not run, and paid for a routing plan.
            if rule.preferredCheaper {
                let required = Self.requiredFit(v)
                let cheaper = v.with(.reasoningEffort, Self.noEffort) { lv in
                    let haikuMonthly = self.monthly(dayHaiku, lv)
                    return rule.prefer.contains { k.compiledModels[$0].fit[task] <= required && k.withinHeadroom(model: $0, lv)
                        && self.monthly($0, lv) < haikuMonthly }
                }
                guard cheaper else { continue }
            }
            firing.append(r)
            sum += rule.effect
            if let d = rule.decide, hard != .chooseAlternative {
                if hard == nil || d == .chooseAlternative { hardRule = r }
                hard = d
            }
        }
        let score = Swift.min(100, Swift.max(0, sum))
        let haikusRuledOut = hard == .chooseAlternative
        // No requests a month is no workload to price: the cost policies compare $0 with $0 and decide nothing.
        let hasVolume = Self.hasVolume(v)
        var verdict = hard ?? (score >= k.settings.choose_haiku_at ? .chooseHaiku
            : score >= k.settings.tiered_routing_at ? .tieredRouting : .chooseAlternative)
        // Costs are computed only when a policy or the choice of an alternative needs them: the what-would-change
        // search runs this function many times.
        var monthlyCache: [Double]? = known
        func monthly() -> [Double] {
            if let monthlyCache { return monthlyCache }
            let computed = k.models.indices.map { self.monthly($0, v) }
            monthlyCache = computed
            return computed
        }
        // Lifecycle, fit, headroom, capacity and the latency budget checked once per model: the checks below all
        // read this. A model whose published tiers cannot carry the peak is not usable, unless no usable model can
        // (then the warnings say so for the one named); nor is one whose least thinking and answer outlast the
        // latency budget at the fastest output reported, while another that fits the task as well is not known to
        // miss it (1,950-token extractions due in 4 s rule out Haiku 5.5, whose answer alone takes 4.9 s, while GPT-6
        // Luna's count of them fits). Only that floor rules a model out: a documented latency over the budget is a
        // percentile under someone's conditions, and ruling Haiku 4.5 out on it put Sonnet 4.5, which publishes
        // none, in front of a 0.5 s classification. The budget never trades the task's fit away unsaid either:
        // 5,000-token coding answers in 8 s keep Sonnet 5.5, with its warning, rather than move to the one model
        // fast enough, which fits that work weakly.
        let isUsable = usableKnown ?? {
            let basic = k.models.indices.map { usable($0, v) && (headroom?[$0] ?? true) }
            let carried = k.models.indices.map { m in
                basic[m] && !k.exceedsEveryTier(model: m, v)
            }
            let usableSet = carried.contains(true) ? carried : basic
            // Realtime answers with no budget stated leave no time to think (`leavesTimeToAnswer`): a model that thinks
            // before every answer is late where another as fit need not (realtime complex reasoning went to Sonnet 5.5,
            // which cannot stop thinking, about 3 s at its least, beside Sonnet 4.6 with its thinking off).
            guard v[AnswerID.latencyBudgetSeconds.rawValue] > 0 || v[AnswerID.latency.rawValue] == Knowledge.realtimeLatency
            else { return usableSet }
            let late = k.models.indices.map { usableSet[$0] && k.cannotAnswerInTime(model: $0, v) }
            // In time: not late and no documented latency over the budget (missesBudgetAtEverySetting, read once).
            guard let bestTimely = k.models.indices.filter({ usableSet[$0] && !late[$0] && k.latencyCheck(model: $0, v)?.verdict != .misses })
                .map({ k.compiledModels[$0].fit[task] }).min() else { return usableSet }
            // A fit the team said is enough (required_fit good) is no fit traded away: 2,000-token summaries due in
            // 4.5 s kept Haiku 5.5 (6.65 s at the least) over gpt-oss-20b, a good fit that answers in 2.45 s.
            let enough = Self.requiredFit(v)
            let traded = { (fit: Fit) in bestTimely <= fit || (enough <= .good && bestTimely <= enough) }
            return k.models.indices.map { usableSet[$0] && !(late[$0] && traded(k.compiledModels[$0].fit[task])) }
        }()
        let haiku = k.haikuIndices.first { isUsable[$0] }
        // A rule that stands for a cheaper model (self-hosting at volume) argues price, not difficulty: where its points
        // alone take the score from the Haiku's band into the routing band, the verdict stays the Haiku's, and the
        // cost ceiling weighs the cheaper model beside it as it weighs any other. 500M moderations a team can
        // self-host went from Haiku 5.5 to a $1,090,300 plan with Sonnet 5.5 answering an assumed 5 %; handing the
        // work to the cheaper model instead skipped the quality floors and made a harder workload (5 % complex
        // against 4 %) get the weaker model.
        var cheaperRule: Int? = nil
        if verdict == .tieredRouting, hard == nil {
            let cheaper = firing.filter { k.rules[$0].preferredCheaper }
            let effect = cheaper.reduce(0.0) { $0 + k.rules[$1].effect }
            if effect < 0, Swift.min(100, Swift.max(0, sum - effect)) >= k.settings.choose_haiku_at {
                verdict = .chooseHaiku
                cheaperRule = cheaper.first
            }
        }
        // The escalation model answers only the complex share, so its rate limits are held to that share's peak,
        // not the whole workload's: 8M chats overrun Sonnet's top tier, their 12 % escalated does not.
        // Those requests are complex ones, priced at the model's default effort where cost first lowers the rest
        // (Knowledge.escalatedMonthly): their reasoning tokens count against its output limits.
        // Where cost first lowers the rest, those requests also need the window and output headroom at that effort:
        // 77,500-token answers leave Sonnet 5.5 room at low (300 reasoning tokens) but not at high (3,000).
        let escalationShare = v[AnswerID.complexShare.rawValue]
        // Not lowered, the escalated requests are the answers' own, whose headroom `usable` holds already.
        func canEscalate(_ m: Int) -> Bool {
            k.onEscalatedRequests(model: m, v) { escalated, lowered in
                (!lowered || k.withinHeadroom(model: m, escalated))
                    && (isUsable[m] || (escalationShare > 0 && usable(m, v) && (headroom?[m] ?? true)
                                        && !k.exceedsEveryTier(model: m, escalated, share: escalationShare)))
            }
        }
        var escalation = k.escalationIndices.first(where: canEscalate)
        if haiku == nil { verdict = .chooseAlternative }
        // Nothing to escalate (no model to, or no complex request): the Haiku takes every request. A score in the
        // routing band with a complex share of 0 offered "Sonnet 5.5 answering the complex 0 %" and a runner-up
        // that "lost for a margin" no request gets.
        let noEscalation = verdict == .tieredRouting && escalation == nil && escalationShare > 0
        if verdict == .tieredRouting && (escalation == nil || escalationShare <= 0) { verdict = .chooseHaiku }

        var policyReasons: [PolicyOutcome] = []
        // The routing plan (header, "The routing plan"): honoured when a usable Haiku, a usable escalation model
        // other than it, a complex share and no hard choose_alternative allow it; else said why and set aside.
        var routed = false
        let plan = v[AnswerID.routing.rawValue] == Self.tieredPlan ? k.policies.firstIndex { $0.kind == .routing_plan } : nil
        if let plan {
            let obstacle: PlanObstacle? = if haiku == nil { .noHaiku }
                else if hard == .chooseAlternative, let hardRule { .hardLimit(hardRule) }
                else if v[AnswerID.complexShare.rawValue] <= 0 { .nothingComplex }
                else if escalation == nil { .noEscalation }
                else if escalation == haiku { .escalationIsHaiku }
                else { nil }
            if let obstacle {
                policyReasons.append(PolicyOutcome(policy: plan, obstacle: obstacle))
            } else {
                routed = true
                verdict = .tieredRouting
            }
        }

        // The fit every model offered must have (alternatives_min_fit): the cost-first primary is held to it too,
        // or "nobody reviews" would buy strong alternatives behind a merely good primary. With a `task`, the floor
        // is on another task type's fit (most requests complex: complex reasoning), for the same models.
        var offeredFloor = Fit.poor
        var taskFloors: [(task: Int, fit: Fit)] = []
        var fitFirst: Fit? = nil
        for policy in k.policies where (policy.kind == .alternatives_min_fit || policy.kind == .fit_first)
            && (policy.condition?.holds(v, override: -1, value: 0) ?? true) {
            if policy.kind == .fit_first {
                fitFirst = Swift.min(fitFirst ?? policy.minFit, policy.minFit)
            } else if let other = policy.task { taskFloors.append((other, policy.minFit)) } else { offeredFloor = Swift.min(offeredFloor, policy.minFit) }
        }

        // Passed over only because it cannot answer within the budget while another model that fits as well can.
        func passedOverForTime(_ m: Int) -> Bool {
            !isUsable[m] && usable(m, v) && k.cannotAnswerInTime(model: m, v)
        }
        // A model a rule prefers that cannot answer in time gives way to the models in time that fit the task as
        // well, cheapest first: 80-token coding answers due in 1 s pass Sonnet 5.5 over (its least thinking and the
        // answer take 1.01 s) for a strong fit that is in time, never for the cheapest merely good one.
        var preferred: [Int] = []
        var preferredTooSlow: Int? = nil
        // A preferred model current that day (active or legacy) that cannot take the workload for another reason
        // (700K-token prompts outgrow Sonnet 5.5's window): where no preferred model can, the stand-in is chosen for
        // the fit the rule wanted.
        var outgrown: Int? = nil
        // A rule names a legacy model only until the successor its page names is served: today Sonnet 4.6, legacy
        // beside a served Sonnet 5.5 that cannot take some work (forced tool calls, a peak past its tiers), is not
        // named in its place, and the cost comparison weighs it with every other model; from 2026-09-22 to 09-27,
        // with Opus 5.5 served and Sonnet 5.5 not yet, it still is (skipping it for any served model ahead handed
        // forced tool calls to Gemini 3.8 Flash, 'good' at complex reasoning, where Opus 5.5 refuses them).
        let asOfDay = Int(v[AnswerID.asOf.rawValue])
        let named = k.byEffect(firing).flatMap { k.rules[$0].prefer }.filter { p in
            k.compiledModels[p].lifecycle(on: asOfDay).state != .legacy
                || !(k.replacement(of: p, on: asOfDay).map { k.compiledModels[$0].isServed(on: asOfDay) } ?? false)
        }
        for p in named where !k.compiledModels[p].isHaikuFamily {
            if isUsable[p] {
                if !preferred.contains(p) { preferred.append(p) }
            } else if !passedOverForTime(p) {
                let state = k.compiledModels[p].lifecycle(on: Int(v[AnswerID.asOf.rawValue])).state
                if outgrown == nil, state == .active || state == .legacy { outgrown = p }
            } else {
                if preferredTooSlow == nil { preferredTooSlow = p }
                let costs = monthly()
                let stand = k.models.indices.filter { isUsable[$0] && !k.compiledModels[$0].isHaikuFamily
                    && k.compiledModels[$0].fit[task] <= k.compiledModels[p].fit[task] && !preferred.contains($0) }
                // Held to the floors the workload sets as any primary is (the alternatives' fit, the task floors), and
                // under quality first the fit it puts first before price: unreviewed moderations due in 0.3 s went
                // to Command R7B ('good', as Sonnet 5.5 is) while Sonnet 4.6 ('strong') answers in time.
                let held = stand.filter { k.compiledModels[$0].fit[task] <= offeredFloor && k.meets(taskFloors, model: $0) }
                preferred += (held.isEmpty ? stand : held).sorted {
                    (Self.fitFirstRank(k.compiledModels[$0].fit[task], fitFirst), costs[$0], $0)
                        < (Self.fitFirstRank(k.compiledModels[$1].fit[task], fitFirst), costs[$1], $1)
                }
            }
        }
        var primary: Int? = nil
        var basis = PrimaryBasis.haiku_model
        var decidingPolicy: Int? = nil
        /// The escalation model too slow for the budget, the Haiku takes every request (routing_payback's slow outcomes).
        var haikuTakesAll = false
        /// cheapest_fit: the task floors as the Haiku meets them, where no model met them as set (below).
        var floorsHeldToHaiku: [(task: Int, fit: Fit)]? = nil
        var standsInFor: Int? = nil
        var roomiest: RoomiestSet? = nil
        for (p, policy) in k.policies.enumerated()
        where policy.condition?.holds(v, override: -1, value: 0) ?? true {
            switch policy.kind {
            case .alternatives_min_fit, .fit_first:
                policyReasons.append(PolicyOutcome(policy: p))
            case .cheapest_fit:
                // With no requests every bill is $0: the cheapest is any model, so cost does not choose.
                guard hasVolume else { continue }
                let floor = Swift.min(policy.minFit, Self.requiredFit(v), offeredFloor)
                func meetingFloors(_ floors: [(task: Int, fit: Fit)]) -> [Int] {
                    k.models.indices.filter { m in
                        isUsable[m] && k.compiledModels[m].fit[task] <= floor
                            && !(haikusRuledOut && k.compiledModels[m].isHaikuFamily)
                            // Under the routing plan the escalation model answers the complex share again: that
                            // share's floor is its business.
                            && (routed || k.meets(floors, model: m))
                    }
                }
                var candidates = meetingFloors(taskFloors)
                // No model meets the floors, and the Haiku the score would keep meets them no better: the others are
                // held to what it gives, as the cost ceiling holds them (below). On 2025-06-08 no cheap model fitted
                // complex reasoning 'good', and 78 % complex classifications stayed on Claude 3.5 Haiku ('poor' there)
                // at $13,482, 9.7 times Gemini 2.0 Flash, under "cost comes first".
                if candidates.isEmpty, !routed, !haikusRuledOut, let h = haiku, isUsable[h], !k.meets(taskFloors, model: h) {
                    let asHaiku = k.floors(taskFloors, asMetBy: h)
                    candidates = meetingFloors(asHaiku)
                    // The alternatives offered beside it are held to the same.
                    if !candidates.isEmpty { floorsHeldToHaiku = asHaiku }
                }
                let costs = monthly()
                // Cheapest at the prices the team will pay within `engine.price_outlook_days`: a promotion that ends
                // next month is not a saving to build on (Gemini 3.8 Flash at $17,250 a month until 2027-01-01, then
                // $34,500, the price of Gemini 4 Hydrogen, its successor); at a tie, a current model before a legacy one.
                let day = Int(v[AnswerID.asOf.rawValue])
                // To the cent (`Engine.cents`): a fraction of a cent a month (100 requests, DeepSeek V4 Flash $0.0196
                // against GPT-6 Luna's $0.0196) is no saving to build a legacy model on.
                let cents = Self.cents
                // At a tie to the cent, the better fit for the task: ten classifications a month cost $0.0001 on
                // Command R7B ('good') and $0.0003 on GPT-6 Luna ('strong').
                let key = { (m: Int) -> (Double, Int, Fit, Double, Int) in
                    (cents(self.outlookMonthly(m, v, monthly: costs).monthly),
                     k.compiledModels[m].lifecycle(on: day).state == .legacy ? 1 : 0, k.compiledModels[m].fit[task], costs[m], m)
                }
                // An outlook is never below today's price, so only a model that costs no more today than the
                // cheapest one's outlook can win: their keys alone are worked out (the decision runs many times).
                guard let today = candidates.min(by: { (costs[$0], $0) < (costs[$1], $1) }) else { continue }
                let bound = self.outlookMonthly(today, v, monthly: costs).monthly
                guard let cheapest = candidates.filter({ cents(costs[$0]) <= cents(bound) }).map(key).min(by: <)?.4 else { continue }
                if routed && !k.compiledModels[cheapest].isHaikuFamily {
                    // The plan keeps a Haiku in front: what the policy found is said, not applied.
                    policyReasons.append(PolicyOutcome(policy: p, model: cheapest, monthly: costs[cheapest],
                                                       haiku: haiku, haikuMonthly: costs[haiku!], overruled: true, minFit: floor))
                    continue
                }
                primary = cheapest
                basis = .cheapest_fit
                if hard == nil && !routed {
                    if !k.compiledModels[cheapest].isHaikuFamily {
                        verdict = .chooseAlternative
                    } else if verdict == .chooseAlternative {
                        verdict = .chooseHaiku
                    }
                    decidingPolicy = p
                }
                policyReasons.append(PolicyOutcome(policy: p, model: cheapest, monthly: costs[cheapest], minFit: floor))
            case .routing_payback, .effort_before_escalation, .cost_ceiling, .routing_plan:
                continue  // after the primary is known; effort_before_escalation only explains
            }
        }

        // Quality before price (fit_first) holds for a model a rule names too, or the escalation model that takes
        // everything when routing does not pay: strict unreviewed moderations with cost secondary were sent to Sonnet
        // 5.5, 'good' at moderation, at $95,070 a month, while Sonnet 4.6, 'strong', takes them for $5,850 (the balanced
        // verdict already picked it). The first model that fits the task as well as fit_first asks, and the task types
        // the naming rule asks of the named one, takes its place.
        func outfit(_ named: Int) {
            guard let wanted = fitFirst, k.compiledModels[named].fit[task] > wanted,
                  let f = k.policies.indices.first(where: { k.policies[$0].kind == .fit_first
                      && (k.policies[$0].condition?.holds(v, override: -1, value: 0) ?? true) }),
                  let rule = k.namingRule(of: named, firing: firing) else { return }
            let floors = taskFloors + k.namedForFloor(rule: rule, named: named)
            let floor = Swift.min(wanted, Self.requiredFit(v), offeredFloor)
            let costs = monthly()
            guard let better = otherModels(v, monthly: costs, minFit: floor, excludingHaikus: true, fitFirst: wanted,
                                           usable: isUsable).first(where: { k.meets(floors, model: $0) }) else { return }
            primary = better
            basis = .preferred_outfitted
            policyReasons.removeAll { $0.policy == f }
            policyReasons.append(PolicyOutcome(policy: f, model: better, monthly: costs[better], saving: costs[named] - costs[better],
                                               cost: costs[named], preferred: named, preferredBy: k.rules[rule].criterion))
        }

        if verdict == .tieredRouting, hasVolume, let esc = escalation,
           let (p, policy) = k.policies.enumerated().first(where: { $0.element.kind == .routing_payback
               && ($0.element.condition?.holds(v, override: -1, value: 0) ?? true) }) {
            let h = primary ?? haiku!
            let complex = v[AnswerID.complexShare.rawValue]
            // The escalated requests wait for the Haiku's answer first: a plan whose escalation model is in time alone
            // but not after the Haiku (Sonnet 5.5's 1.29 s after Haiku 5.5's 0.54 s, against 1.5 s) is always late,
            // where a budget of 1.2 s found Sonnet 4.6, in time after the Haiku, and cheaper.
            func escalatedLate(after h: Int, on e: Int) -> Bool {
                let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
                return budget > 0 && k.leastSeconds(model: h, v) + k.leastSeconds(model: e, v) > budget
            }
            // Two bills, not the whole table (this runs for every tiered candidate of the what-would-change search).
            func cost(_ m: Int) -> Double { monthlyCache?[m] ?? self.monthly(m, v) }
            let haikuMonthly = cost(h)
            let escalationMonthly = cost(esc)
            func savingWith(_ e: Int) -> Double {
                Self.routingSavingPerYear(haiku: haikuMonthly, escalation: cost(e),
                                          escalated: k.escalatedMonthly(model: e, v, priced: cost(e), usage: usage), share: complex)
            }
            let saving = savingWith(esc)
            let rate = v[AnswerID.developerHourlyUSD.rawValue]
            let cost = policy.routerHoursFirstYear * rate
            // "Everything to the escalation model" is an option only if it can carry everything, and answer in time:
            // where it cannot meet the budget at any setting and the Haiku can, or comes nearer (a 260-token answer
            // takes 0.65 s on either, and Sonnet 5.5 thinks 0.75 s first), the Haiku takes everything instead.
            // Cost first named the Haiku as the cheapest model that fits: it keeps every request, as a cheapest fit
            // that is no Haiku does. Where routing did not pay, everything went to the escalation model instead: 2,000
            // summaries a month on Sonnet 5.5 at $63.20 while the cost reason named Haiku 5.5 at $2.86.
            let costFirst = !routed && basis == .cheapest_fit && primary == h
            // The Haiku answers every request, the hard ones unescalated: this policy's finding decides the verdict.
            func haikuTakesEverything() {
                verdict = k.compiledModels[h].isHaikuFamily ? .chooseHaiku : .chooseAlternative
                primary = h
                decidingPolicy = p
                haikuTakesAll = true
            }
            if costFirst {
                // Measured against the Haiku alone, which is what cost first offers, a plan never saves: escalating
                // is a purchase of quality. Whether routing "paid" against everything on the escalation model turned
                // one more request a month (39,748 summaries) from Haiku 5.5 alone at $56.84 into a $522.69 plan, dearer
                // than GPT-6.1 Terra alone. The plan's month is said, and the team's own routing answer prices it.
                let plan = haikuMonthly + complex * k.escalatedMonthly(model: esc, v, priced: escalationMonthly, usage: usage)
                var outcome = PolicyOutcome(policy: p, model: esc, monthly: plan, saving: saving, cost: cost, haiku: h,
                                            haikuMonthly: haikuMonthly)
                outcome.costFirst = true
                policyReasons.append(outcome)
                haikuTakesEverything()
            } else if saving < cost, isUsable[esc] || passedOverForTime(esc) {
                // Passed over for the budget (a model as fit answers in time), it is slow by definition.
                // So too for realtime answers with no budget stated, where the escalation model thinks before every
                // answer and the Haiku need not: 50,000 realtime chats went all to Sonnet 5.5 at $735 a month, which
                // the same page called too slow for realtime, over Haiku 5.5 at $29 with its thinking off.
                let slow = !isUsable[esc] || k.missesBudgetAtEverySetting(model: esc, v)
                    && (!k.missesBudgetAtEverySetting(model: h, v) || k.leastSeconds(model: h, v) < k.leastSeconds(model: esc, v))
                    || k.thinksBeforeEveryRealtimeAnswer(model: esc, v) && !k.thinksBeforeEveryRealtimeAnswer(model: h, v)
                // Everything on the escalation model is held to the cost ceiling's ratio against the Haiku alone, the one
                // other way to answer every request without a router, where the Haiku fits the task as well and meets
                // the floors a model alone must (it answers the hard requests too): 3,000 batch summaries went to
                // Sonnet 5.5 at 23 times Haiku 5.5's month. The ratio alone: the ceiling's dollar floor keeps a budget
                // from leaving the Haiku for a small saving, and read the other way it kept 8,000 summaries on Sonnet
                // 5.5 at $510 while 8,500 went to the Haiku at $23.27.
                let ceilingRatio = routed || slow ? nil : costCeiling(v).map(\.1.maxRatio)
                let overCeiling = ceilingRatio.map { ratio in
                    k.compiledModels[h].fit[task] <= k.compiledModels[esc].fit[task] && k.meets(taskFloors, model: h)
                        && PriceGap(ratio: ratio, usd: 0).separates(dear: escalationMonthly, cheap: haikuMonthly)
                } == true
                // Under the routing plan the finding is said (with the Haiku the plan keeps), not applied. Within the
                // ratio, the runner-up line says the price was weighed (`ceilingRatio`).
                var outcome = PolicyOutcome(policy: p, model: esc, saving: saving, cost: cost,
                                            haiku: routed || slow || overCeiling ? h : nil, haikuMonthly: haikuMonthly,
                                            overruled: routed, slowEscalation: slow && !routed)
                outcome.ceilingRatio = ceilingRatio
                if overCeiling { (outcome.monthly, outcome.overCeiling) = (escalationMonthly, true) }
                policyReasons.append(outcome)
                if !routed && (slow || overCeiling) {
                    haikuTakesEverything()
                } else if !routed {
                    verdict = .chooseAlternative
                    primary = esc
                    basis = .routing_does_not_pay
                    decidingPolicy = p
                    outfit(esc)
                }
            } else if saving >= cost, !k.missesBudgetAtEverySetting(model: h, v),
                      k.missesBudgetAtEverySetting(model: esc, v) || escalatedLate(after: h, on: esc) {
                // Routing pays, but every escalated request would miss the budget the team stated: 50,000-token RAG
                // due in 1 s was planned onto Sonnet 5.5, whose least thinking alone takes 1.23 s. An escalation model
                // further down the list that answers in time, and for which routing still pays, takes the escalations
                // (Sonnet 4.6 with its thinking off; its place is said, `legacy_escalation`), under the team's own
                // routing plan too; where none does, the Haiku, in time, takes everything and the hard requests go
                // unescalated (`slow_paying_text`). In time after the Haiku's own answer, which the escalated requests
                // wait for first, and as fit as the model it replaces: code completions escalated to Sonnet 4.6, no
                // better a fit than the Haiku, bought a "margin" for $3,735 a month.
                // Where the escalation model is in time alone and late only after the Haiku, and none after it is in
                // time, the plan stands with its latency warning: the Haiku alone would answer the hard share unescalated
                // (80 % complex moderations, cost secondary), and everything on the escalation model is a choice of
                // quality over price that the plan's own figures do not make.
                let left = v[AnswerID.latencyBudgetSeconds.rawValue] - k.leastSeconds(model: h, v)
                let fit = { (m: Int) in k.compiledModels[m].fit[task] }
                if let later = k.escalationIndices.first(where: { $0 != esc && $0 != h && canEscalate($0) && fit($0) <= fit(esc)
                    && !k.missesBudgetAtEverySetting(model: $0, v) && k.leastSeconds(model: $0, v) <= left
                    && savingWith($0) >= cost }) {
                    escalation = later
                } else if !routed && k.missesBudgetAtEverySetting(model: esc, v) {
                    // The team's own routing plan keeps its escalation model: its latency warning says it is late.
                    policyReasons.append(PolicyOutcome(policy: p, model: esc, saving: saving, cost: cost, haiku: h,
                                                       haikuMonthly: haikuMonthly, slowPaying: true))
                    haikuTakesEverything()
                }
            }
        }

        // The Haiku that takes every request because the escalation model is too slow is a choose_haiku verdict like
        // any other, held to the ceiling: RAG on 50,000-token prompts due in 1 s kept legacy Haiku 4.5 at $15,450 a
        // month on a balanced budget while Command R7B, as fit and in time, cost $576.
        if primary == nil && decidingPolicy == nil || haikuTakesAll, hard == nil, verdict != .chooseAlternative, hasVolume,
           let h = haikuTakesAll ? primary : haiku, let (p, policy) = costCeiling(v) {
            let floor = Swift.min(k.compiledModels[h].fit[task], Self.requiredFit(v), offeredFloor)
            // A tiered verdict sends its complex share on to the escalation model; a model the ceiling puts in the
            // Haiku's place answers those requests alone. Where a firing rule says what that share needs
            // (`preferred_for`: from a fifth of requests complex, criteria/complex-request-share), the model must fit
            // that task as well as the escalation model does, as a stand-in for a model a rule names must
            // (`namedForFloor`): moderation with 40 % hard requests on 80,000-token prompts was handed Command R7B,
            // 'poor' at complex reasoning, with no escalation left. Below that share the escalations are the
            // exception, and a model as fit for the task alone may take them.
            // So does the Haiku that takes every request because the escalation model is too slow: it answers the hard
            // ones itself, and a model in its place must fit them as well as it does (40 % complex RAG went from
            // Haiku 4.5 to Command R7B, 'poor' at complex reasoning).
            let named = verdict == .tieredRouting ? escalation.map { esc in
                firing.flatMap { k.namedForFloor(rule: $0, named: esc) } } ?? []
                : haikuTakesAll ? firing.flatMap { k.namedForFloor(rule: $0, named: h) } : []
            // A Haiku that answers every request itself is not held to the floors a model offered alone meets (the
            // complex-request-share policy says so): where no model that meets them clears the ceiling, one that fits
            // those tasks as well as the Haiku may. 15 % complex classifications of 95K-token prompts kept Haiku 5.5 at
            // $30,891 a month over GPT-6 Luna at $4,752.50, as strong at classification and no weaker at complex
            // reasoning, for a floor both miss; 40 % hard RAG still goes to DeepSeek V4 Flash, 'good' at it.
            func pick(_ floors: [(task: Int, fit: Fit)]) -> (model: Int, monthly: Double, dearMonthly: Double)? {
                ceilingPick(over: h, policy: policy, floor: floor, taskFloors: floors + named, usable: isUsable, v,
                            monthlyCache: monthlyCache)
            }
            let asHaiku = k.floors(taskFloors, asMetBy: h)
            // The score's Haiku only: one that routing payback keeps alone stands in for a plan the score asked for,
            // and a model in its place answers the hard share the plan would have escalated.
            let relaxed = verdict == .chooseHaiku && !haikuTakesAll && zip(asHaiku, taskFloors).contains { $0.fit != $1.fit }
            if let pick = pick(taskFloors) ?? (relaxed ? pick(asHaiku) : nil) {
                // Under the routing plan the finding is said, not applied.
                policyReasons.append(PolicyOutcome(policy: p, model: pick.model, monthly: pick.monthly,
                                                   saving: pick.dearMonthly - pick.monthly, cost: pick.dearMonthly, haiku: h,
                                                   overruled: routed))
                if !routed {
                    verdict = .chooseAlternative
                    primary = pick.model
                    basis = .cost_ceiling
                    decidingPolicy = p
                }
            }
        }
        if routed, let plan, let h = haiku, let esc = escalation {
            // The plan set the verdict; a Haiku cheapest_fit picked stays in front, else the Haiku.
            if primary == nil {
                primary = h
                basis = .routing_plan
            }
            decidingPolicy = plan
            let front = primary!
            func cost(_ m: Int) -> Double { monthlyCache?[m] ?? self.monthly(m, v) }
            policyReasons.append(PolicyOutcome(policy: plan, model: esc, monthly: cost(esc), haiku: front,
                                               haikuMonthly: cost(front), share: v[AnswerID.complexShare.rawValue]))
        }
        if primary == nil {
            switch verdict {
            case .chooseHaiku, .tieredRouting:
                primary = haiku
            case .chooseAlternative:
                if let first = preferred.first {
                    primary = first
                    basis = .prefer
                    // A balanced budget holds a model a rule names to the same ceiling as the Haiku: "use a stronger
                    // model" for 2M unreviewed invoice extractions named Sonnet 5.5 at $75,600 a month while GPT-6
                    // Luna, as strong a fit for extraction, costs $1,800. The named model leads the alternatives.
                    if hasVolume, let (p, policy) = costCeiling(v),
                       let rule = k.namingRule(of: first, firing: firing),
                       let pick = ceilingPick(over: first, policy: policy,
                                              floor: Swift.min(k.compiledModels[first].fit[task], Self.requiredFit(v), offeredFloor),
                                              taskFloors: taskFloors + k.namedForFloor(rule: rule, named: first),
                                              usable: isUsable, v, monthlyCache: monthlyCache) {
                        primary = pick.model
                        basis = .preferred_over_ceiling
                        decidingPolicy = p
                        policyReasons.append(PolicyOutcome(policy: p, model: pick.model, monthly: pick.monthly,
                                                           saving: pick.dearMonthly - pick.monthly, cost: pick.dearMonthly,
                                                           preferred: first, preferredBy: k.rules[rule].criterion))
                    }
                    if basis == .prefer { outfit(first) }
                } else if let first = { (others: [Int]) in
                              // Alone it answers the hard requests too: held to the task floors where any model meets
                              // them (15 % hard RAG requests nobody reviews went wholly to Command R7B, 'poor' at them).
                              others.first { k.meets(taskFloors, model: $0) } ?? others.first
                          }(otherModels(v, monthly: monthly(), minFit: .weak, excludingHaikus: true,
                                        fitFirst: Self.strongest([fitFirst, outgrown.map { k.compiledModels[$0].fit[task] },
                                                                  offeredFloor == .poor ? nil : offeredFloor]),
                                        usable: isUsable)) {
                    // The fit a rule's preferred model or the alternatives' floor asks for comes before price: a
                    // first-time-right extraction nobody reviews, outgrowing Sonnet 5.5, is not handed to a cheaper
                    // 'good' model while a 'strong' one can take it. Where none can, the verdict says so
                    // (`nothing_usable`, below) instead of naming the cheapest weaker model as if it met the floor:
                    // on 2025-06-01, before any model the rule names was out, that was Command R7B.
                    if k.compiledModels[first].fit[task] <= offeredFloor {
                        primary = first
                        basis = .cheapest_suitable
                        standsInFor = outgrown
                    }
                } else if let esc = escalation {
                    primary = esc
                    basis = .cheapest_suitable
                } else if let only = otherModels(v, monthly: monthly(), minFit: .weak, excludingHaikus: false, fitFirst: fitFirst,
                                                 usable: isUsable).first,
                          !(haikusRuledOut && k.compiledModels[only].isHaikuFamily && k.compiledModels[only].fit[task] > offeredFloor) {
                    // Nothing but a Haiku can take the workload: naming it under "choose an alternative" would
                    // contradict itself, so the verdict says what is left (Haiku 4.5, the one model rated 'strong' at
                    // moderation, for strict unreviewed moderations that must fit 'strong'). Not a Haiku that misses
                    // the floor a hard limit sets as well (Claude 3 Haiku, 'good', for strict unreviewed work before
                    // any other model we list was out): nothing_usable below names it as the closest and says why.
                    primary = only
                    basis = .only_usable
                    if k.compiledModels[only].isHaikuFamily { verdict = .chooseHaiku }
                }
            }
        }
        if primary == nil {
            // No model can take the workload. Never a retired or unreleased one is named; which one, and why, the
            // verdict's first warning says (`nothing_fits`, `nothing_usable`).
            let day = Int(v[AnswerID.asOf.rawValue])
            let task = Int(v[AnswerID.taskType.rawValue])
            let served = k.models.indices.filter { m in
                let state = k.compiledModels[m].lifecycle(on: day).state
                return state == .active || state == .legacy
            }
            // Each served model's tightest limit and the share of it one request takes, once: it decides both which
            // models hold the request with headroom and, when none does, which comes closest.
            let fills = served.map { (model: $0, fill: k.requestFill(model: $0, v)) }
            let holding = fills.filter { k.withinHeadroom($0.fill) }.map(\.model)
            if holding.isEmpty {
                // Nothing holds the request with headroom: of the models that fit the task as this workload requires
                // (where any does), the one whose tightest limit it fills least (its window for a long prompt, its
                // output limit for a long answer, a prompt cap below the window), then a current model before a
                // legacy one, the better fit for the task, the larger window. The prompt is cut for that model (the
                // warning's target), and 900K-token legal analyses that must be right were told to cut for Gemini
                // 3.5 Flash-Lite, which fits complex reasoning weakly, at 86.12 % of its window against 86.11 % on
                // GPT-6.2 Sol, which fits it strongly.
                let required = Swift.min(offeredFloor, Self.requiredFit(v))
                func qualified(_ m: Int) -> Bool {
                    let model = k.compiledModels[m]
                    return model.fit[task] <= required && k.meets(taskFloors, model: m) && !(haikusRuledOut && model.isHaikuFamily)
                }
                // Fills within `engine.roomy_within` of the least are as roomy as it (tokenizers differ by more): of
                // those, the best fit for the task is named, an active model before a legacy one, then the cheapest.
                // 900,000-token complex reasoning went to Gemini 3.5 Flash-Lite, a weak fit, at 86.2 % of its window
                // against 90.4 % on Claude Sonnet 4.6, a strong one. Only among models that hold the request, where
                // the roomiest does.
                let pool = fills.contains { qualified($0.model) } ? fills.filter { qualified($0.model) } : fills
                let least = pool.map(\.fill.share).min() ?? 0
                let band = pool.filter { $0.fill.share <= least + k.roomyWithin && (least > 1 || $0.fill.share <= 1) }
                let bestFit = band.map { k.compiledModels[$0.model].fit[task] }.min()
                func legacy(_ m: Int) -> Bool { k.compiledModels[m].lifecycle(on: day).state == .legacy }
                func best(_ m: Int) -> Bool { bestFit.map { k.compiledModels[m].fit[task] <= $0 } ?? true }
                let activeOnly = band.contains { best($0.model) && !legacy($0.model) }
                func named(_ m: Int) -> Bool { qualified(m) && best(m) && !(activeOnly && legacy(m)) }
                // Of the named ones as roomy as the roomiest, the cheapest: the figures should not price Gemini 4
                // Carbon at $488 a month where Hydrogen, 0.15 % less roomy only because it thinks more by default,
                // costs $185 (both need the prompt cut anyway). (The band holds a named model whenever any is named:
                // its best fit sets which are.)
                let inBand = Set(band.map(\.model)), costs = monthly()
                let chosen = fills.map { f -> (Double, Double, Int, Fit, Double, Int) in
                    let model = k.compiledModels[f.model]
                    let rank = !named(f.model) ? .infinity : inBand.contains(f.model) ? costs[f.model] : .greatestFiniteMagnitude
                    return (rank, f.fill.share, legacy(f.model) ? 1 : 0, model.fit[task], -model.contextWindow, f.model)
                }.min { $0 < $1 }
                primary = chosen?.5
                // The set it is the roomiest of: a roomier model was passed over for one about as roomy that fits the
                // task better, is active or costs less, or fits the task less well than the workload requires, or none
                // was.
                let passed = chosen.map { c in pool.filter { $0.fill.share < c.1 && qualified($0.model) } } ?? []
                roomiest = if let bestFit, !passed.isEmpty {
                    .fitting(task: task, fit: bestFit, activeOnly: passed.contains { best($0.model) && legacy($0.model) },
                             cheapestWithin: passed.contains { named($0.model) } ? k.roomyWithin : nil)
                } else if let c = chosen, fills.contains(where: { $0.fill.share < c.1 }) {
                    .required(task: task)
                } else {
                    .listed
                }
                basis = .nothing_fits
            } else {
                // Models hold it but miss a requirement: the closest, best fit first, then one that misses only the
                // alternatives' floor, then a current model before a legacy one, then the cheapest. A Haiku the hard
                // limit rules out is not named under "use another model" while another model holds the request.
                // Under an import, a model that takes every request comes next, before one whose window or output
                // limit some outgrow: Haiku 5.5 was named where 2 % of the prompts exceed its window, over GPT-6 Luna, the
                // file's own model, which takes them all.
                let costs = monthly()
                func rank(_ m: Int) -> (Int, Fit, Int, Int, Double, Int) {
                    let model = k.compiledModels[m]
                    let ruledOut = haikusRuledOut && model.isHaikuFamily ? 2 : 0, outgrown = imported.map { $0.facts[m].over_window_share > 0 } == true ? 1 : 0
                    return (outgrown + ruledOut, model.fit[task], isUsable[m] ? 0 : 1,
                            model.lifecycle(on: day).state == .legacy ? 1 : 0, costs[m], m)
                }
                primary = holding.map(rank).min { $0 < $1 }?.5
                basis = .nothing_usable
            }
        }
        // A Haiku that takes every request alone answers the complex share itself, as the score accepted: a floor on
        // another task type would hold the alternatives to more than the verdict's own model ("GPT-6 Luna, 'weak' at
        // complex reasoning, passed over" beside Haiku 5.5, as weak, taking 15 % hard code completions alone).
        // A floor the Haiku meets itself stays: cost first's "weak" at complex reasoning asks no more of the others
        // than the Haiku gives, and without it Command R7B, "poor" there, came back as runner-up and first alternative.
        let alone = verdict == .chooseHaiku && primary.map { k.compiledModels[$0].isHaikuFamily } == true
        var keptFloors = floorsHeldToHaiku ?? taskFloors
        if alone, let h = primary {
            keptFloors = taskFloors.filter { k.meets([$0], model: h) }
            policyReasons.removeAll { outcome in
                let policy = k.policies[outcome.policy]
                return policy.kind == .alternatives_min_fit && policy.task.map { k.compiledModels[h].fit[$0] > policy.minFit } == true
            }
        }
        return Decision(score: score, verdict: verdict, primary: primary ?? k.haikuIndices[0], basis: basis,
                        firing: firing, hardRule: hardRule, policyReasons: policyReasons,
                        decidingPolicy: decidingPolicy, alternativesMinFit: offeredFloor, fitFirst: fitFirst,
                        taskFloors: keptFloors,
                        haikusRuledOut: haikusRuledOut, haiku: haiku,
                        escalation: escalation, preferred: preferred,
                        preferredTooSlow: basis == .prefer ? preferredTooSlow : nil,
                        preferredOutgrown: standsInFor, roomiest: roomiest, usable: isUsable, monthly: monthlyCache,
                        cheaperRule: cheaperRule, noEscalation: noEscalation && verdict == .chooseHaiku)
    }

    /// The cost ceiling's pick over `dear` (the Haiku, or a model a rule names): of the usable models outside the
    /// Haiku family that fit the task at least `floor` and meet the task floors, those `dear` costs more than the
    /// policy's ratio times and its saving more, both priced with reasoning at its cheapest setting (thinking is a
    /// setting a team can turn down, so only what no setting fixes, a price cliff, a tokenizer, list prices, moves
    /// the verdict); of those that cost no more than `dear` at the team's own effort answer, the cheapest there,
    /// the price the cost table and the runner-up line show. `dearMonthly` is `dear`'s cost in the comparison. nil: none clears the ceiling.
    private func ceilingPick(over dear: Int, policy: CompiledPolicy, floor: Fit, taskFloors: [(task: Int, fit: Fit)],
                             usable: [Bool], _ v: UnsafeBufferPointer<Double>,
                             monthlyCache: [Double]?) -> (model: Int, monthly: Double, dearMonthly: Double)? {
        let k = knowledge
        let task = Int(v[AnswerID.taskType.rawValue])
        // The decision runs many times per assessment (what would change): price `dear` first, and the candidates
        // only when it alone costs enough for the saving to reach the policy's floor, or when a rule names it (a better
        // fit for less passes whatever the saving, below: strict moderations went to Sonnet 5.5 at $3,053 a month,
        // under $500 at its least thinking, beside Sonnet 4.6, a stronger fit, at $61.50).
        let named = !k.compiledModels[dear].isHaikuFamily
        let dearFit = k.compiledModels[dear].fit[task]
        let priced: (dearCost: Double, costs: [(model: Int, monthly: Double)])? = v.with(.reasoningEffort, Self.noEffort) { lv in
            let dearCost = self.monthly(dear, lv)
            guard dearCost >= policy.minSaving || (named && dearFit > .strong) else { return nil }
            let candidates = k.models.indices.filter { $0 != dear && usable[$0] && !k.compiledModels[$0].isHaikuFamily
                && k.compiledModels[$0].fit[task] <= floor && k.meets(taskFloors, model: $0) }
            return (dearCost, candidates.map { (model: $0, monthly: self.monthly($0, lv)) })
        }
        guard let (dearCost, costs) = priced else { return nil }
        // Over a model a rule names, one that fits the task better and costs less passes whatever the ratio: the rule
        // named Sonnet 5.5 ('good' at moderation) for strict moderations that Sonnet 4.6 fits 'strong' at a quarter
        // of its price, even with the least thinking on both. Over the Haiku the ceiling alone decides: the score has
        // weighed its fit, and a stronger fit elsewhere is the quality margin's to say.
        let passing = costs.filter { policy.ceilingPasses(haiku: dearCost, other: $0.monthly)
            || (named && k.compiledModels[$0.model].fit[task] < dearFit && $0.monthly < dearCost) }
        guard !passing.isEmpty else { return nil }
        // At the team's own effort answer (the same prices where it is already the least thinking), a pick costs no
        // more than `dear`: a switch for the price never raises the bill the team will pay. Strict moderations at
        // medium effort went from Sonnet 5.5, which a rule names ($393,150 a month), to legacy Sonnet 4.6, cheaper
        // with thinking off on both ($38,250) but $578,250 at medium, where no lever offers strict work less thinking.
        let leastAlready = v[AnswerID.reasoningEffort.rawValue] == Self.noEffort
        func asAnswered(_ m: Int, lean: Double) -> Double { leastAlready ? lean : monthlyCache?[m] ?? self.monthly(m, v) }
        let dearAnswered = asAnswered(dear, lean: dearCost)
        guard let cheaper = passing.map({ (answered: asAnswered($0.model, lean: $0.monthly), lean: $0) })
            .filter({ $0.answered <= dearAnswered })
            .min(by: { ($0.answered, $0.lean.monthly, $0.lean.model) < ($1.answered, $1.lean.monthly, $1.lean.model) })?.lean
        else { return nil }
        return (cheaper.model, cheaper.monthly, dearCost)
    }

    /// The strongest of the fits given (nil: none given).
    static func strongest(_ fits: [Fit?]) -> Fit? { fits.compactMap { $0 }.min() }

    /// The cheapest usable model that fits the task `strong`, meets the task floors and can answer within the
    /// stated budget (asking for a strong fit should not trade the budget away unsaid); a legacy one after its
    /// successor when that is strong too and costs little more, as the alternatives are ordered (`cheapSuccessor`).
    private func cheapestStrongFit(_ d: Decision, _ v: UnsafeBufferPointer<Double>, task: Int, day: Int, monthly: [Double]) -> Int? {
        let k = knowledge
        let strong = k.models.indices.filter {
            d.usable[$0] && k.compiledModels[$0].fit[task] == .strong && k.meets(d.taskFloors, model: $0)
                && !k.missesBudgetAtEverySetting(model: $0, v) && !k.cannotAnswerInTime(model: $0, v)
        }
        // Cheapest at the outlook prices, as cost first ranks (`outlookMonthly`).
        return strong.map { m in
            (cheapSuccessor(of: m, v, monthly: monthly, among: strong.contains) == nil ? 0 : 1,
             outlookMonthly(m, v, monthly: monthly).monthly, m)
        }.min { $0 < $1 }?.2
    }

    /// " (legacy since …: … succeeds it …)" for a legacy model offered beside the primary, so that a superseded model
    /// is never offered without saying so; "" for a current one.
    func legacyNote(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> String {
        legacyState(m, v).map { " (\($0))" } ?? ""
    }

    /// "legacy since …: … succeeds it …" for a legacy model on the as-of day (the successor's weaker fit said, or
    /// that it refuses the workload's forced tool calls); nil for a current one.
    /// - Parameter saidOf: models whose reasons are given beside it: no caveat is added for a successor among them.
    func legacyState(_ m: Int, _ v: UnsafeBufferPointer<Double>, saidOf: [Int] = []) -> String? {
        let k = knowledge
        let model = k.compiledModels[m]
        let day = Int(v[AnswerID.asOf.rawValue]), task = Int(v[AnswerID.taskType.rawValue])
        guard model.lifecycle(on: day).state == .legacy, let since = model.legacyDay else { return nil }
        guard let successor = k.replacement(of: m, on: day), successor != m else { return "legacy since \(CivilDate.text(since))" }
        let fit = k.compiledModels[successor].fit[task]
        let caveat = saidOf.contains(successor) ? ""
            : k.refusesTools(model: successor, v) ? ", though it returns an error on this workload's forced tool calls"
            : fit == model.fit[task] ? "" : ", though it fits this task only '\(fit.rawValue)'"
        return "legacy since \(CivilDate.text(since)): \(k.models[successor].title) succeeds it\(caveat)"
    }

    /// ", and Anthropic gives no retirement before 2027-02-17 on its own platforms" for a legacy model whose maker
    /// publishes an earliest retirement day still ahead of `day`; once that day has passed, that it has (the sentence
    /// vanished on 2027-02-20, as if the model were as safe as before); else empty. A team weighing a legacy model
    /// should know how long it is safe (Sonnet 4.6, recommended for realtime complex reasoning where Sonnet 5.5 must
    /// think).
    func retirementFloor(_ m: Int, day: Int) -> String {
        guard let floor = knowledge.compiledModels[m].retiresNotBeforeDay else { return "" }
        let provider = knowledge.compiledModels[m].provider
        guard day < floor else {
            return ", and the earliest retirement \(provider) gave for it, \(CivilDate.text(floor)), is no longer ahead: its "
                + "deprecation can come at any time, with the notice its maker gives"
        }
        return ", and \(provider) gives no retirement before \(CivilDate.text(floor)) on its own platforms"
    }

    /// What `RoomiestSet.listed` says: no roomier model was passed over.
    public static let everyModelListed = "the models we list"

    /// The named successor of legacy model `m` when `among` holds for it and it costs at most `engine.legacy_premium`
    /// more, or at most `engine.legacy_premium_usd` a month more: where cost is not the team's first priority, a few
    /// percent, or a few dollars, do not pay for building on a model its maker moved on from (DeepSeek V4 Flash,
    /// which DeepSeek replaced with V4.1 Flash and only hosts sell, was the primary of one random verdict in six,
    /// $199 a month for 2,000 long RAG answers against V4.1 Flash's $260).
    func cheapSuccessor(of m: Int, _ v: UnsafeBufferPointer<Double>, monthly: [Double], among: (Int) -> Bool) -> Int? {
        let day = Int(v[AnswerID.asOf.rawValue])
        let model = knowledge.compiledModels[m]
        guard model.lifecycle(on: day).state == .legacy, let successor = knowledge.replacement(of: m, on: day), successor != m,
              among(successor) else { return nil }
        let own = outlookMonthly(m, v, monthly: monthly).monthly
        let extra = monthly[successor] - own
        // The dollar floor is for a team that did not put cost first (engine.legacy_premium_usd); cost first keeps
        // the cents' floor (levers.min_saving_usd): a $129 cheaper V4 Flash left a cost-first runner-up line.
        let costFirst = v[AnswerID.costPriority.rawValue] == Self.costFirstAnswer
        let dollars = costFirst ? (knowledge.leverRules?.minSaving ?? 0) : knowledge.legacyPremiumUSD
        guard extra <= own * knowledge.legacyPremium || extra <= dollars else { return nil }
        return successor
    }

    /// Legacy model `m` and its successor with the least thinking on both: `m` at the dearer of today's prices and
    /// those announced within `engine.price_outlook_days`, as `cheapSuccessor` weighs it at the effort answered.
    /// `day`: the first day of `m`'s coming prices where those are the dearer (nil: today's).
    func leastThinkingOutlook(_ m: Int, _ successor: Int, _ v: UnsafeBufferPointer<Double>)
        -> (own: Double, theirs: Double, day: Int?) {
        v.with(.reasoningEffort, Self.noEffort) { lv in
            let today = self.monthly(m, lv)
            let next = nextPrice(m, lv, within: knowledge.priceOutlookDays).flatMap { $0.monthly > today ? $0 : nil }
            return (next?.monthly ?? today, self.monthly(successor, lv), next?.day)
        }
    }

    /// A month in whole cents, the bins cost first compares models in (and the runner-up's "the same to the cent").
    static func cents(_ usd: Double) -> Double { (usd * 100).rounded() }

    /// Model `m`'s month at the dearer of today's prices and those its page announces within
    /// `engine.price_outlook_days`, with the day those begin when they are the dearer (nil: today's).
    func outlookMonthly(_ m: Int, _ v: UnsafeBufferPointer<Double>, monthly: [Double]) -> (monthly: Double, day: Int?) {
        guard let next = nextPrice(m, v, within: knowledge.priceOutlookDays), next.monthly > monthly[m] else { return (monthly[m], nil) }
        return next
    }

    /// Model `m`'s month at the next prices its page announces after the as-of day, and that day; nil when none is
    /// announced within `days` (any day when nil).
    func nextPrice(_ m: Int, _ v: UnsafeBufferPointer<Double>, within days: Int? = nil) -> (monthly: Double, day: Int)? {
        let day = Int(v[AnswerID.asOf.rawValue])
        guard let change = knowledge.compiledModels[m].priceChangeDay(after: day), days.map({ change - day <= $0 }) ?? true
        else { return nil }
        return (v.with(.asOf, Double(change)) { self.monthly(m, $0) }, change)
    }

    /// Usable models at least `minFit`, strong/good before weak, current before superseded, then cheapest at the
    /// dearer of today's prices and those announced within `engine.price_outlook_days` (`outlookMonthly`): a 'strong'
    /// chat model at $31,125 a month until 2027-01-01 and $62,250 after it is no cheaper choice than one at $34,500.
    /// Superseded: deprecated last, and before it a legacy model whose successor is among them and costs little
    /// more (`cheapSuccessor`).
    private func otherModels(_ v: UnsafeBufferPointer<Double>, monthly: [Double], minFit: Fit, excludingHaikus: Bool,
                             offerableToo: Bool = false, fitFirst: Fit? = nil, usable known: [Bool]? = nil) -> [Int] {
        let k = knowledge
        let task = Int(v[AnswerID.taskType.rawValue])
        let day = Int(v[AnswerID.asOf.rawValue])
        let models = k.models.indices.filter { m in
            (offerableToo ? offerable(m, v) : known?[m] ?? usable(m, v)) && k.compiledModels[m].fit[task] <= minFit
                && !(excludingHaikus && k.compiledModels[m].isHaikuFamily)
        }
        // Each model's sort key once (the decision runs this many times per assessment), not per comparison.
        // At a tie to the cent a current model comes before a legacy one, as cost first ranks them: unreviewed legal
        // analyses at $2,445 a month on legacy Sonnet 4.6 and on Gemini 4 Neon went to Sonnet 4.6 by list order.
        let keys = models.map { m -> (Int, Int, Double, Int, Double, Int) in
            let state = k.compiledModels[m].lifecycle(on: day).state
            let superseded = state == .deprecated ? 2 : cheapSuccessor(of: m, v, monthly: monthly, among: models.contains) != nil ? 1 : 0
            let fit = k.compiledModels[m].fit[task]
            let outlook = outlookMonthly(m, v, monthly: monthly).monthly
            // The fit `fit_first` puts first, then good or better, as one rank (a tuple compares six at most).
            let fitRank = 2 * Self.fitFirstRank(fit, fitFirst) + (fit <= .good ? 0 : 1)
            return (fitRank, superseded, Self.cents(outlook), state == .legacy ? 1 : 0, outlook, m)
        }
        return keys.sorted { $0 < $1 }.map(\.5)
    }

    /// 0 for a fit the `fit_first` policy puts first (at least `preferred`), 1 for the others; 0 for all without it.
    static func fitFirstRank(_ fit: Fit, _ preferred: Fit?) -> Int {
        preferred.map { fit <= $0 ? 0 : 1 } ?? 0
    }

    /// `x` rounded to two significant digits, on the side away from `towards` (so a flip found at `x` stays
    /// beyond the boundary): 174,645 → 180,000 when coming from below; shares to two decimals.
    static func roundish(_ x: Double, towards other: Double, integral: Bool) -> Double {
        guard x != 0, x.isFinite else { return x }
        let magnitude = pow(10, (log10(abs(x)).rounded(.down)) - 1)
        let step = integral ? Swift.max(1, magnitude) : Swift.max(0.01, magnitude)
        let scaled = x / step
        let steps = x > other ? scaled.rounded(.up) : scaled.rounded(.down)
        // Below 1, divide by the whole number of steps per unit: 14 × 0.1 is 1.4000000000000001, 14 / 10 is 1.4.
        return step < 1 ? steps / (1 / step).rounded() : steps * step
    }

    // MARK: - Explaining

    /// - Parameter usage: an imported distribution already priced (UsagePricing.swift): its costs and fit replace
    ///   the average request's, and `search` prices the what-would-change candidates.
    func assess(_ answers: Answers, _ v: UnsafeBufferPointer<Double>,
                usage: (prices: UsagePrices, lines: [CostLine], search: UsageProfile, priced: UsageProfile)? = nil) -> Assessment {
        if let usage, self.usage == nil {
            var priced = self
            priced.usage = usage.search
            priced.usageFacts = usage.prices.facts
            priced.usagePriced = usage.priced
            return priced.assess(answers, v, usage: usage)
        }
        let k = knowledge
        // One cost vector per assessment: each model's cost line is worked out once, and its unrounded total is what
        // the decision, the what-would-change search and the levers compare.
        let priced = usage == nil ? k.models.indices.map { k.pricedLine(model: $0, v) } : []
        let monthly = usage?.prices.monthly ?? priced.map(\.total)
        let d = decide(v, costs: monthly, imported: usage?.prices)
        // How the escalation model prices the share a tiered plan sends it, once: the plan's reason and bill, the
        // account month, the route lever and the effort branch all read it.
        let escalated = d.escalation.map { k.escalatedPricing(model: $0, v, priced: monthly[$0], usage: self.usage) }
        let verdict = d.verdict
        let primary = d.primary
        let task = Int(v[AnswerID.taskType.rawValue])

        var resting = 0.0
        for r in d.firing where k.rules[r].reads & answers.assumedMask != 0 { resting += abs(k.rules[r].effect) }
        let hardDecided = d.hardRule.map { k.rules[$0].decide == verdict } ?? false
        // The deciding policy first, and the routing plan's sentence (honoured or set aside); then what a policy
        // found that the plan overruled.
        let isPlan = { (o: PolicyOutcome) in k.policies[o.policy].kind == .routing_plan }
        // An honoured plan says what the advisor would have said without it: the same decision with `auto`.
        var own: String? = nil
        if d.policyReasons.contains(where: { isPlan($0) && $0.obstacle == nil }) {
            let a = v.with(.routing, 0) { decide($0, costs: usage?.prices.monthly, imported: usage?.prices) }
            let title = k.models[a.primary].title
            own = switch a.verdict {
            case .chooseHaiku: "run everything on \(title)"
            case .tieredRouting: a.primary == primary ? "recommend the same routing" : "route with \(title) in front"
            case .chooseAlternative: "send everything to \(title)"
            }
        }
        // The rates each model was priced at above (its band and threshold), for the cost ceiling's reason.
        let rates: (Int) -> CostRates? = { m in
            priced.isEmpty ? usage?.lines.first { $0.model == k.models[m].slug }?.rates : priced[m].line.rates
        }
        // The firing rules, the hard limit first, then the weightiest.
        var ruleReasons = d.firing.sorted { a, b in
            let ra = k.rules[a], rb = k.rules[b]
            let ha = hardDecided && a == d.hardRule, hb = hardDecided && b == d.hardRule
            if ha != hb { return ha }
            if abs(ra.effect) != abs(rb.effect) { return abs(ra.effect) > abs(rb.effect) }
            return a < b
        }.map { r in
            var reason = ruleReason(r)
            if r == d.cheaperRule, let held = k.criteria[k.rules[r].criterion].spec.rules[k.rules[r].index].band_held_text {
                reason.text += " " + held
            }
            return reason
        }
        // A hard limit that named a model the cost ceiling passed over comes before the ceiling's reason: "use a
        // stronger model", then why this one.
        // So does one that named a model quality first passed over for a better fit (fit_first's `preferred`).
        var reasons: [Reason] = (d.basis == .preferred_over_ceiling || d.basis == .preferred_outfitted) && hardDecided
            ? [ruleReasons.removeFirst()] : []
        // So does routing's finding that the Haiku takes every request (its escalation model too slow) where the
        // ceiling then hands them to a cheaper model: the step before, not a verdict said after the one that stands.
        let haikuFirst = d.basis == .cost_ceiling ? d.policyReasons.filter { $0.slowEscalation || $0.slowPaying } : []
        reasons += haikuFirst.map { policyReason($0, v, rates: rates) }
        reasons += d.policyReasons.filter { $0.policy == d.decidingPolicy || isPlan($0) || $0.preferred != nil }
            .map { policyReason($0, v, rates: rates, own: own, escalated: escalated) }
        reasons += d.policyReasons.filter { $0.overruled }.map { policyReason($0, v, rates: rates) }
        reasons += ruleReasons
        reasons += d.policyReasons.filter { $0.policy != d.decidingPolicy && !isPlan($0) && !$0.overruled && $0.preferred == nil
            && !(d.basis == .cost_ceiling && ($0.slowEscalation || $0.slowPaying)) }
            .map { policyReason($0, v, rates: rates) }

        // Which models miss the latency budget at every setting, once: the alternatives and the runner-up read it.
        // With no budget stated, realtime answers leave no time to think: a model that thinks before every one is late.
        let late = k.models.indices.map { k.missesBudgetAtEverySetting(model: $0, v) || k.cannotAnswerInTime(model: $0, v) }
        // Alternatives.
        var alternatives: [Int] = []
        let lead = verdict == .tieredRouting ? [d.escalation].compactMap { $0 } : []
        let pool = lead + d.preferred
            + otherModels(v, monthly: monthly, minFit: .weak, excludingHaikus: true, offerableToo: true, fitFirst: d.fitFirst)
        var offered: [Int] = []
        for m in pool where m != primary && !offered.contains(m) && !k.compiledModels[m].isHaikuFamily
            && offerable(m, v) && (usage?.prices.withinHeadroom[m] ?? true) && k.compiledModels[m].fit[task] <= d.alternativesMinFit
            && k.meets(d.taskFloors, model: m) {
            offered.append(m)
        }
        // An alternative that fits the task at least as well as the primary comes before one that fits it less well
        // (the runner-up's rule): a strong pick is not offered cheaper, weaker models first; they follow, and the
        // page says how they fit.
        let primaryFit = k.compiledModels[primary].fit[task]
        let asWell = offered.filter { lead.contains($0) || k.compiledModels[$0].fit[task] <= primaryFit }
        offered = asWell + offered.filter { !asWell.contains($0) }
        // As for the primary: a model whose published tiers cannot carry the peak is offered only when no other
        // can (the escalation model that leads a tiered verdict was already held to its share's peak).
        // Likewise one that cannot answer within the stated budget at any setting (its least thinking outlasts it, or
        // its documented latency misses it): a realtime completion is not offered a model that always thinks first.
        let inTime = offered.filter { lead.contains($0) || !late[$0] }
        let timely = inTime.isEmpty ? offered : inTime
        let carried = Array(timely.lazy.filter { lead.contains($0) || !k.exceedsEveryTier(model: $0, v) }.prefix(3))
        alternatives = carried.isEmpty ? Array(timely.prefix(3)) : carried
        // Nothing offered is said, not left blank: 3M unreviewed first-time-right moderations on Sonnet 5.5 had no
        // alternative, since no other model is rated 'strong' at moderation.
        var alternativesNote: String? = nil
        if alternatives.isEmpty, Self.hasVolume(v), d.basis != .nothing_fits, d.basis != .nothing_usable {
            let taskName = AnswerID.taskName(AnswerID.taskType.choices[task])
            let day = CivilDate.text(Int(v[AnswerID.asOf.rawValue]))
            // The team's own required_fit rules the others out as surely as a policy's floor: said as such, not as
            // "no other model can take this workload" (strict real-time moderation: Sonnet 5.5 takes it, at 'good').
            let required = Self.requiredFit(v)
            let floor = d.alternativesMinFit
            // A Haiku the hard rule set aside may well fit (Haiku 4.5, 'strong' at moderation): "no other model" was false.
            let others = d.haikusRuledOut ? d.hardRule.map {
                " outside the Haiku family, which the \(k.criteria[k.rules[$0].criterion].title.lowercased()) rule sets aside," } ?? "" : ""
            if floor < .poor {
                // A primary a rule names may itself fit less than the floor (Sonnet 5.5 for unreviewed strict
                // moderations, 'good'): "no other model" would read as if it met it.
                let short = primaryFit > floor
                alternativesNote = "no \(short ? "" : "other ")model\(others) that can take this workload fits \(taskName) "
                    + "'\(floor.rawValue)' or better, the fit every alternative must have here"
                    + (short ? "; \(k.models[primary].title) fits it '\(primaryFit.rawValue)'" : "")
            } else if required < .weak {
                alternativesNote = "no other model\(others) that fits \(taskName) '\(required.rawValue)' or better, as this workload "
                    + "requires, can take it on \(day)"
            } else {
                alternativesNote = "no other model can take this workload on \(day)"
            }
        } else if !alternatives.isEmpty, inTime.isEmpty, v[AnswerID.latencyBudgetSeconds.rawValue] > 0 {
            // Offered for their fit and price, not in silence: none answers within the budget at any setting.
            alternativesNote = "none of them answers within your \(AnswerValue.number(v[AnswerID.latencyBudgetSeconds.rawValue]).text) s "
                + "budget, even at its least thinking and the fastest output reported for it: they are listed for their "
                + "fit and price only"
        } else if !alternatives.isEmpty, inTime.isEmpty, v[AnswerID.latency.rawValue] == Knowledge.realtimeLatency {
            alternativesNote = "each of them thinks before every answer, even at its least setting, which realtime answers leave no "
                + "time for: they are listed for their fit and price only"
        }

        let costs = usage?.lines ?? Self.ordered(priced.map(\.line))
        // Warnings: exposures first (those for the primary's provider), then computed ones.
        var warnings: [Warning] = []
        var warned = Set<Int>()
        // An exposure's own severity, by failure mode: it still weighs when a computed finding absorbs the exposure.
        var exposureWeight: [Int: Severity] = [:]
        let provider = k.compiledModels[primary].provider
        let providerValues = k.providerPlaceholders(provider)
        for exposure in k.exposures where !warned.contains(exposure.failureMode)
            && (exposure.providers.map { $0.contains(provider) } ?? true)
            && (exposure.hosting.map { ($0 == .self_hosted) == k.compiledModels[primary].selfHosted } ?? true)
            && exposure.condition.holds(v, override: -1, value: 0)
            && (exposure.cachesPrefix.map { $0 == k.cachesOnItsLine(model: primary, v) } ?? true)
            && (exposure.unlessAnswered.map(answers.isAssumed) ?? true) {
            warned.insert(exposure.failureMode)
            exposureWeight[exposure.failureMode] = exposure.severity
            let entry = k.failureModes[exposure.failureMode]
            warnings.append(Warning(failure_mode: entry.slug, text: Template.fill(exposure.text, providerValues),
                                    url: "/failure-modes/\(entry.slug)", title: entry.title,
                                    severity: exposure.severity ?? entry.spec.severity, model: nil,
                                    // A guess that holds while an answer is left to its default is not the team's own.
                                    stated: exposure.unlessAnswered == nil
                                        && exposure.condition.holdsOnStated(v, assumed: answers.assumedMask)))
        }
        /// Adds (or joins) a computed warning, at its own severity where the content gives one, else its failure
        /// mode's; returns its index in `warnings`.
        /// Per failure mode, the general advice a finding on the primary took on (joined after its text).
        var generalAdvice: [Int: String] = [:]
        @discardableResult
        func computed(_ kind: ComputedWarning, model: Int, _ values: [String: String]) -> Int {
            let (f, template, own, ownTitle) = k.warningTexts[kind]!
            let entry = k.failureModes[f]
            var severity = own ?? entry.spec.severity
            var filled = values
            filled["model"] = k.models[model].title
            filled["provider"] = k.compiledModels[model].provider
            var text = Template.fill(template, filled)
            // One warning per failure mode and model: a second finding about the same model joins the first (no
            // requests and old prices are both cost overruns); the computed figures come before the exposure's
            // general advice.
            if let same = warnings.firstIndex(where: { $0.failure_mode == entry.slug && $0.model == k.models[model].slug }) {
                // Before the general advice the first finding took on, so that the findings read together.
                if let general = generalAdvice[f], warnings[same].text.hasSuffix(" " + general) {
                    warnings[same].text.insert(contentsOf: " " + text, at: warnings[same].text.index(
                        warnings[same].text.endIndex, offsetBy: -(general.count + 1)))
                } else {
                    warnings[same].text += " " + text
                }
                // The warning weighs what its weightiest finding does.
                warnings[same].severity = Swift.max(warnings[same].severity, severity)
                return same
            }
            // The failure mode's general advice (an exposure) is about the workload on the primary: it joins the
            // primary's finding, never a note about a model passed over (a Haiku too slow for a 0.05 s budget).
            if model == primary, let general = warnings.firstIndex(where: { $0.failure_mode == entry.slug && $0.model == nil }) {
                // Joined, an exposure with a weight of its own (a budget under any reported response time) keeps it
                // if it is the weightier; the failure mode's usual one gives way to the finding's (a tiny peak: low).
                if let weight = exposureWeight[f] { severity = Swift.max(severity, weight) }
                let advice = warnings.remove(at: general).text
                generalAdvice[f] = advice
                text += " " + advice
            }
            warnings.append(Warning(failure_mode: entry.slug, text: text,
                                    url: "/failure-modes/\(entry.slug)", title: ownTitle.map { Template.fill($0, filled) } ?? entry.title,
                                    severity: severity, model: k.models[model].slug, stated: model == primary))
            return warnings.count - 1
        }
        let day = Int(v[AnswerID.asOf.rawValue])
        // No model holds the request: that comes before anything else the verdict says.
        var refusal: Int? = nil
        let among = d.roomiest?.phrase
        if d.basis == .nothing_fits {
            let model = k.compiledModels[primary]
            let t = k.requestTokens(model: primary, v)
            let which = among ?? ""
            // A deprecated model that would hold the request is no primary, but "no model we list can take" it was false
            // (466,625-token chats on 2025-12-19, which Gemini 2.0 Flash, deprecated, held until its shutdown).
            let deprecated = k.models.indices.filter { m in
                k.compiledModels[m].lifecycle(on: day).state == .deprecated && suitable(m, v)
            }.map { m in
                "\(k.models[m].title)" + (k.compiledModels[m].retiresDay.map { " (it stops answering on \(CivilDate.text($0)))" } ?? "")
            }
            let deprecatedClause = deprecated.isEmpty ? ""
                : ", other than a deprecated one: \(deprecated.joined(separator: " and ")) \(deprecated.count == 1 ? "holds" : "hold") "
                    + "them, but a deprecated model is never the primary"
            if let target = k.fitTarget(model: primary, v) {
                // Held by the window but over the headroom: accepted as it stands, not refused; the text says which.
                let tokens = t.input + t.output + t.reasoning
                // A cap on the prompt or the answer tighter than the window is the limit the headroom is held to: GPT-6.2
                // Sol takes 904,200 tokens in its 1,050,000-token window (86 %) but prompts of at most 922,000 (98 %).
                let batch = Knowledge.isBatch(v)
                let fill = model.fill(input: t.input, output: t.output + t.reasoning, batch: batch)
                let cap = fill.limit == .window ? ""
                    : ", and its \(fill.limit == .input ? "prompt" : "answer") \(Format.percent(fill.share)) of its "
                        + model.limitText(fill.limit, batch: batch)
                refusal = computed(k.fits(model: primary, v) ? .nothing_fits_margin : .nothing_fits, model: primary, [
                    "cap": cap,
                    "which": which, "window": Format.count(model.contextWindow), "tokens": Format.count(tokens),
                    "share": Format.percent(tokens / model.contextWindow), "why": whyNotUsable(primary, v),
                    "fit_tokens": Format.count(target), "counted_with": k.models[Int(v[AnswerID.tokensCountedWith.rawValue])].title,
                    "headroom": Format.percent(k.contextHeadroom), "as_of": CivilDate.text(day), "deprecated": deprecatedClause])
            } else {
                refusal = computed(.nothing_fits_output, model: primary, [
                    "which": which, "window": Format.count(model.contextWindow), "output": Format.count(t.output + t.reasoning),
                    "max_output": model.outputLimit(batch: Knowledge.isBatch(v)).map(Format.count) ?? Format.count(model.contextWindow),
                    "headroom": Format.percent(k.contextHeadroom), "as_of": CivilDate.text(day), "deprecated": deprecatedClause])
            }
        } else if d.basis == .nothing_usable {
            let ruledOut = d.haikusRuledOut && k.compiledModels[primary].isHaikuFamily
            let why = belowFloor(d, v) ?? (ruledOut ? d.hardRule.map(hardLimitWords) : nil) ?? whyNotUsable(primary, v)
            if let (first, released) = firstUsableRelease(after: day, v) {
                refusal = computed(.nothing_usable_until, model: primary, [
                    "why": why, "as_of": CivilDate.text(day), "first_model": k.models[first].title,
                    "first_day": CivilDate.text(released)])
            } else {
                refusal = computed(.nothing_usable, model: primary, ["why": why, "as_of": CivilDate.text(day)])
            }
        }
        if let refusal { warnings.insert(warnings.remove(at: refusal), at: 0) }
        if !Self.hasVolume(v) {
            let at = computed(.no_volume, model: primary, [:])
            warnings.insert(warnings.remove(at: at), at: 0)
        }
        // The Haiku a team would expect that day: the first served one (on a past day, not today's).
        let firstHaiku = k.dayHaiku(v)
        let primaryModel = k.compiledModels[primary]
        // A legacy primary and its successor: its own warning below names the successor, with its price where it
        // could take the workload, else why not.
        var legacy: (since: Int, successor: Int)? = nil
        if Self.hasVolume(v), primaryModel.lifecycle(on: day).state == .legacy, let since = primaryModel.legacyDay,
           let successor = primaryModel.replacement, successor != primary {
            legacy = (since, successor)
        }
        if d.haiku != firstHaiku, primary != firstHaiku {
            let (cause, why) = unusable(firstHaiku, v)
            // Where nothing meets every requirement, the first warning already says why the closest falls short; a
            // Haiku ruled out for that same reason would only repeat it (and no next Haiku or other model can).
            let sameAsRefusal = refusal != nil && why == whyNotUsable(primary, v)
            // Nor is it said twice where the primary is the legacy Haiku it succeeds (Haiku 4.5 for moderation that
            // must fit 'strong'): the legacy warning below says why the successor is not offered.
            let saidByLegacy = legacy.map { $0.successor == firstHaiku && !d.usable[firstHaiku] } ?? false
            if !sameAsRefusal && !saidByLegacy { computed(cause.haikuWarning, model: firstHaiku, ["why": why]) }
        }
        // A rule preferred another model, and the primary stands in for it because it cannot answer in time.
        if let slow = d.preferredTooSlow {
            computed(.preferred_too_slow, model: slow, ["why": tooSlow(slow, v), "primary": k.models[primary].title])
        }
        // A rule preferred another model that cannot take the workload at all: what stands in for it, and whether it
        // is as strong, so that a weaker fit is never named in its place unsaid.
        if let p = d.preferredOutgrown {
            let fit = k.compiledModels[primary].fit[task], wanted = k.compiledModels[p].fit[task]
            var values = ["why": whyNotUsable(p, v), "fit": fit.rawValue, "preferred_fit": wanted.rawValue,
                          "task": AnswerID.taskName(AnswerID.taskType.choices[task])]
            if fit <= wanted {
                // Better than the preferred model where the fit itself rules that out: "as {model} does" would be false.
                values["primary"] = k.models[primary].title
                // A stand-in that can take forced tool calls only with its thinking off answers without it, where the
                // usual model would think first: must-be-right complex reasoning went to Sonnet 4.6 at $660, priced
                // with no reasoning tokens, "the same fit" as a model that reasons, and nothing said so.
                values["thinking"] = k.thinkingOffForTools(model: primary, v) && k.compiledModels[p].reasoning != nil
                    ? " It answers without thinking here, as forced tool calls need, where \(k.models[p].title) would think first: "
                        + "check your hardest cases without it, or let the model choose its tools (tool_choice auto) so that it can think."
                    : ""
                computed(fit < wanted ? .preferred_unusable_stronger : .preferred_unusable, model: p, values)
            } else {
                // Said of the primary: its being weaker is the risk the team takes on.
                values["preferred"] = k.models[p].title
                computed(.preferred_unusable_weaker, model: primary, values)
            }
        }
        // A hard rule set the Haiku aside and named stronger models; a primary that is none of them and fits the task
        // no better than that Haiku is said as such: "use a stronger model" followed by GPT-6 Luna, the Haiku's price
        // and extraction fit, read as the stronger model (a balanced budget's pick over Sonnet 5.5, or a stand-in).
        if d.haikusRuledOut, let r = d.hardRule, !k.rules[r].prefer.isEmpty, !k.rules[r].prefer.contains(primary),
           !primaryModel.isHaikuFamily, primaryModel.fit[task] >= k.compiledModels[firstHaiku].fit[task],
           let named = d.preferred.first ?? d.preferredOutgrown ?? k.rules[r].prefer.first(where: {
               let state = k.compiledModels[$0].lifecycle(on: day).state
               return state == .active || state == .legacy }) {
            let because: String = switch d.basis {
            case .preferred_over_ceiling: "a balanced budget does not pay what \(k.models[named].title) costs for a fit rated no better"
            case .cheapest_fit: "cost comes first"
            default: d.preferredOutgrown == named ? "\(k.models[named].title) cannot take the workload: \(whyNotUsable(named, v))"
                : "it is the cheapest model that meets the fit this workload requires"
            }
            // The biggest risk the verdict carries: first, after a refusal or a workload with no requests.
            let at = computed(.ruled_out_haiku_peer, model: primary, [
                "haiku": k.models[firstHaiku].title, "criterion": k.criteria[k.rules[r].criterion].title,
                "named": k.models[named].title, "named_monthly": Format.cents(monthly[named]),
                "fit": primaryModel.fit[task].rawValue, "task": AnswerID.taskName(AnswerID.taskType.choices[task]),
                "because": because,
                "compared": primaryModel.fit[task] == k.compiledModels[firstHaiku].fit[task] ? "as \(k.models[firstHaiku].title) does"
                    : "below \(k.models[firstHaiku].title)'s '\(k.compiledModels[firstHaiku].fit[task].rawValue)'",
                "instead": d.usable[named] ? "; or take \(k.models[named].title) at \(Format.cents(monthly[named])) a month"
                    : "; none of the models the rule names takes it as asked (" + whyEach(k.rules[r].prefer.filter {
                        // The ones served that day: a retired or unreleased model is no option to explain.
                        let state = k.compiledModels[$0].lifecycle(on: day).state
                        return state != .retired && state != .unreleased && !d.usable[$0] }, v, whyNotUsable)
                        + "): change what rules \(k.models[named].title) out, and assess again"])
            warnings.insert(warnings.remove(at: at), at: (refusal == nil ? 0 : 1) + (Self.hasVolume(v) ? 0 : 1))
        }
        // The model the imported traffic runs on, retired or retiring within the offer window: GPT-5 nano traffic three
        // days from its end read "the recommendation adds $35.92 a month", and its top risk was an Anthropic outage.
        let recommendedTitle = d.basis == .nothing_fits || d.basis == .nothing_usable ? "a model that can take it (none we list can, as the first warning says)"
            : (d.verdict == .tieredRouting ? d.escalation : nil).map { "\(k.models[primary].title) (with \(k.models[$0].title) for the complex requests)" }
            ?? k.models[primary].title
        // A model the imported traffic runs on that is retired, or retires within the offer window: its warning
        // (`retired` or `retiring`, with `values` and what the two share); nil when neither applies.
        func trafficWarning(_ m: Int, retired: ComputedWarning, retiring: ComputedWarning, _ values: [String: String]) -> Int? {
            let model = k.compiledModels[m], state = model.lifecycle(on: day)
            var values = values
            values["replacement"] = model.replacement.map { "; its maker names \(k.models[$0].title) to succeed it" } ?? ""
            values["recommended"] = recommendedTitle
            if state.state == .retired {
                values["retired"] = CivilDate.text(state.since)
                return computed(retired, model: m, values)
            }
            guard state.state == .deprecated, let retires = model.retiresDay, retires - day <= k.deprecatedOfferDays else { return nil }
            let days = retires - day
            values["retires"] = CivilDate.text(retires)
            values["days"] = (days == 1 ? "1 day" : "\(days) days") + " after \(CivilDate.text(day))"
            return computed(retiring, model: m, values)
        }
        // The team's own traffic raises these, so each ranks as a risk of this workload, not a note about another
        // model: moved to `position` (after a refusal, where no model takes the request, or a month with no requests,
        // which come first) and stated.
        var next = (refusal == nil ? 0 : 1) + (Self.hasVolume(v) ? 0 : 1)
        func raise(_ at: Int) {
            let to = Swift.min(next, warnings.count - 1)
            warnings.insert(warnings.remove(at: at), at: to)
            warnings[to].stated = true
            next += 1
        }
        // The busiest model "runs" the traffic only where the others carry no more than stray requests: half of a
        // file on Claude 3 Haiku was "your traffic runs on Claude 3 Haiku", and its share is said as the others' are.
        let currentShare = alsoInUse.first { $0.model == currentModel }?.share ?? 1
        let carriesAll = currentShare >= 1 - k.minorTrafficShare
        if let current = currentModel, current != primary, carriesAll,
           let at = trafficWarning(current, retired: .current_retired, retiring: .current_retiring, [:]) {
            raise(at)
        }
        // The rest of the file's traffic on a retired or soon retired model: the share that fails, or will, next (the
        // largest share first), on the first screen too.
        for (m, share) in alsoInUse where (m != currentModel || !carriesAll) && m != primary {
            let before = warnings.count
            guard let at = trafficWarning(m, retired: .share_retired, retiring: .share_retiring, ["share": Format.percent(share)])
            else { continue }
            // A stray request or two (a test call) is said, but neither first nor as the biggest risk.
            if share < k.minorTrafficShare {
                // Its own warning only: one it joined keeps its severity.
                if warnings.count > before { warnings[at].severity = .medium }
            } else {
                raise(at)
            }
        }
        // The score asked for routing and nothing could take the hard requests: the Haiku answers them too, and the
        // page said only that "the verdict, 'Haiku', is set whatever the score" (a day before any stronger model we list).
        if d.noEscalation, primary == d.haiku {
            computed(.no_escalation, model: primary, [
                "score": Format.number(d.score.rounded()), "share": Format.percent(v[AnswerID.complexShare.rawValue]),
                "why": why(.noEscalation, v)])
        }
        for m in alternatives {
            let model = k.compiledModels[m]
            if model.lifecycle(on: day).state == .deprecated {
                computed(.deprecated_alternative, model: m, [
                    "retires": model.retiresDay.map(CivilDate.text) ?? "",
                    "replacement": model.replacement.map { k.models[$0].title } ?? ""])
            }
        }
        // An effort the team set that the primary cannot run at: a model with no reasoning mode answers without
        // thinking, while the reasoning models beside it are priced with the thinking that effort spends. Cost first
        // put Command R7B at $77 a month beside Claude Haiku 5.5's $7,770 at high, $270 with thinking off, and nothing
        // said that the 'high' asked for does not happen on the model recommended.
        let effortAnswer = Int(v[AnswerID.reasoningEffort.rawValue])
        if Self.hasVolume(v), effortAnswer != Knowledge.defaultEffortAnswer, effortAnswer != Knowledge.noEffortAnswer,
           primaryModel.reasoningKnown, primaryModel.reasoning == nil, firstHaiku != primary,
           let effort = Effort(rawValue: AnswerID.reasoningEffort.choices[effortAnswer]),
           let thinking = k.compiledModels[firstHaiku].reasoning, thinking.levels.contains(effort), thinking.tokens[effort.rank] > 0 {
            let least = v.with(.reasoningEffort, Self.noEffort) { self.monthly(firstHaiku, $0) }
            if monthly[firstHaiku] - least >= 1 {
                let (answered, lean) = Format.money(monthly[firstHaiku], least)
                computed(.effort_not_applied, model: primary, [
                    "effort": effort.rawValue, "tokens": Format.count(thinking.tokens[effort.rank]),
                    "haiku": k.models[firstHaiku].title, "haiku_monthly": answered, "haiku_least": lean])
            }
        }
        // A legacy primary whose successor could take the workload: the successor and its price, before the team
        // builds on a model its maker has moved on from (DeepSeek V4 Flash, sold only by hosts since V4.1 Flash).
        if let (since, successor) = legacy {
            if d.usable[successor] {
                let (own, successors) = Format.money(monthly[primary], monthly[successor])
                // Left at each model's default effort, a successor that thinks by default is priced at it beside a
                // legacy model that does not: Sonnet 5.5 at $16,160 against Sonnet 4.6's $4,800 for chat, where its least
                // thinking (low) costs $5,360. That figure too, where it is lower.
                // The legacy model at the dearer of its prices within the outlook, as the choice weighed it: Gemini
                // 3.8 Flash's $15,000 at its promotional prices read as half its successor's $30,000, where from
                // 2027-01-01 both cost $30,000.
                let least: String? = Int(v[AnswerID.reasoningEffort.rawValue]) != Knowledge.defaultEffortAnswer ? nil : {
                    let lean = leastThinkingOutlook(primary, successor, v)
                    // A dollar a month or more: below it the thinking is no part of the choice.
                    guard monthly[successor] - lean.theirs >= 1 else { return nil }
                    let (theirs, ours) = Format.money(lean.theirs, lean.own)
                    return "; with the least thinking on both, \(theirs) against \(ours)"
                        + (lean.day.map { " at \(k.models[primary].title)'s prices from \(CivilDate.text($0))" } ?? "")
                }()
                computed(.legacy_primary, model: primary, [
                    "since": CivilDate.text(since), "floor": retirementFloor(primary, day: day),
                    "replacement": k.models[successor].title,
                    "monthly": own, "replacement_monthly": successors, "replacement_least": least ?? ""])
            } else {
                // Recommended because its successor cannot take the work (Haiku 4.5 for moderation that must fit
                // 'strong'): still a model its maker moved on from, and the team should know it before building.
                computed(.legacy_primary_alone, model: primary, [
                    "since": CivilDate.text(since), "floor": retirementFloor(primary, day: day),
                    "replacement": k.models[successor].title,
                    "why": whyNotUsable(successor, v)])
            }
        }
        // A tiered plan that sends its complex requests to a legacy model, because the current ones listed ahead of
        // it cannot take them (Sonnet 4.6, thinking off, where Sonnet 5.5's escalated requests at its default high
        // effort are over the output headroom): the plan names it, so the team is told what it is building on.
        if d.verdict == .tieredRouting, let e = d.escalation {
            let ahead = k.escalationIndices.prefix { $0 != e }.filter { k.compiledModels[$0].isServed(on: day) }
            if let state = legacyState(e, v, saidOf: ahead) {
                computed(.legacy_escalation, model: e, ["state": state, "why": whyEach(ahead, v) { whyNotEscalation($0, $1, after: d.primary) }])
            }
        }
        // The recommended model's cost line: its announced prices, its capacity, and the levers priced from it.
        let primaryLine = costs.first { $0.model == k.models[primary].slug }!
        // New prices the recommended model's page announces after the as-of day (Gemini 3.8 Flash's promotion ends
        // on 2026-12-31): the same month at them, as its cost line priced it, before a team budgets on a rate that
        // ends soon.
        if Self.hasVolume(v), let next = primaryLine.next_prices, Format.money(next.monthly_usd) != Format.money(monthly[primary]) {
            computed(.price_change, model: primary, ["day": next.since, "monthly": Format.money(monthly[primary]),
                                                     "changed_monthly": Format.money(next.monthly_usd)])
        }
        // Answers only the batch API's higher output limit holds with room, which its maker opens with a beta header on
        // some platforms only (Haiku 5.5: 300,000 on the Claude API and Claude Platform on AWS): 144,200-token summaries
        // were recommended with a cost-line note alone, and on Bedrock or Vertex every answer would stop at 128,000.
        // A tiered plan's escalation model too, on the answers its escalated requests are held to.
        if Self.hasVolume(v), Knowledge.isBatch(v) {
            let escalation = d.verdict == .tieredRouting ? d.escalation.flatMap { $0 == primary ? nil : $0 } : nil
            for m in [primary] + (escalation.map { [$0] } ?? []) {
                let written = m == primary ? k.writtenTokens(model: m, v)
                    : k.onEscalatedRequests(model: m, v) { complex, _ in k.writtenTokens(model: m, complex) }
                if let (limit, batchLimit) = k.compiledModels[m].batchOutputLimitNeeded(written: written, headroom: k.contextHeadroom) {
                    computed(.batch_output_only, model: m, ["tokens": Format.figure(written), "limit": Format.figure(limit),
                                                            "batch_limit": Format.figure(batchLimit)])
                }
            }
        }
        // A tiered plan whose escalation model has the primary's provider is billed to one organisation, and the
        // provider's monthly spend cap is the organisation's (Anthropic's rate-limits page): the tier must cover the
        // plan's month, not the Haiku's alone ($317 of Start's $500 under a $3,836 plan).
        let sharedMonth: Double? = {
            guard d.verdict == .tieredRouting, let e = d.escalation, e != primary,
                  k.compiledModels[e].provider == provider, !k.compiledModels[e].selfHosted else { return nil }
            return Self.tieredMonthly(haiku: monthly[primary], escalation: escalated?.monthly ?? monthly[e],
                                      share: v[AnswerID.complexShare.rawValue])
        }()
        // With no requests there is no peak to carry: "about 0 requests a minute" is no risk to rank.
        // Its batch queue is the organisation's too: the escalated requests wait in it beside the Haiku's (Anthropic's
        // rate-limits page), and 263,014 Haiku requests a day with 249,863 escalations are over Scale's 500,000.
        let sharedDaily: Double? = sharedMonth == nil ? nil
            : v[AnswerID.monthlyRequests.rawValue] / CostAssumptions.daysPerMonth * (1 + v[AnswerID.complexShare.rawValue])
        let capacity = !Self.hasVolume(v) ? nil
            : sharedMonth.map { k.capacity(model: primary, v, accountMonth: $0, accountDaily: sharedDaily) } ?? primaryLine.capacity
        // The month the spend cap is held to: the plan's where the escalations share the account.
        let accountMonth = sharedMonth ?? monthly[primary]
        if let capacity {
            let batchLane = capacity.via_batch_api == true
            // What to watch near a limit, in the lane's words: a batch queue has no rate-limit headers to alert on.
            let watch = batchLane ? "the batch queue" : "the rate-limit headers"
            let values = ["rpm": capacity.peakRequests,
                          "itpm": Format.figure(capacity.peak_itpm),
                          "otpm": Format.figure(capacity.peak_otpm),
                          "load": capacity.load(model: k.models[primary].title, verb: "would see")]
            // Where the thinking is what takes the peak past every tier the provider publishes: the highest lower
            // effort at which a published tier carries it, and that month. The warning said only "ask Anthropic" of
            // 20M chats on Haiku 5.5 at medium effort, 2,178,082 output tokens a minute against Scale's 2,000,000,
            // where low effort ($12,100 a month) is carried at Scale.
            func lowerEffortCarries() -> String? {
                guard sharedMonth == nil, let used = primaryLine.rates.reasoning_effort, used > .none else { return nil }
                // Work that keeps its thinking (engine.thinking_kept_when) is not told to switch it off.
                for effort in Effort.allCases.reversed() where effort < used && !(effort == .none && k.thinkingKept(v)) {
                    let found = v.with(.reasoningEffort, effort.answer) { lv -> (Capacity, Double)? in
                        guard let lower = k.capacity(model: primary, lv), lower.status == .carried else { return nil }
                        return (lower, self.monthly(primary, lv))
                    }
                    guard let (lower, month) = found, let tier = lower.tier else { continue }
                    return ". The thinking is what passes them: at \(effort.rawValue) effort \(Knowledge.tierPhrase(tier)) carries the "
                        + "peak, and \(k.models[primary].title) costs \(Format.money(month)) a month; lower it if your samples keep "
                        + "their quality there"
                }
                return nil
            }
            switch capacity.status {
            case .carried:
                let entry = k.compiledModels[primary].rateScheme(on: day)?.tiers.first
                // The entry tier's limits that apply, in words, when the load stays inside `room` of each: the
                // per-minute ones, or through a batch API its queue.
                func wellInside(_ entry: RateTier, room: Double) -> String? {
                    if batchLane {
                        guard let queued = entry.batch_queue_requests, capacity.daily_requests <= room * queued else { return nil }
                        return "\(Format.count(queued)) requests in the batch queue"
                    }
                    guard let limits = RateLimitFloor(tier: entry), limits.holds(capacity, share: room) else { return nil }
                    return limits.text
                }
                // What the workload puts on each of the entry tier's limits, for the two findings below that name them.
                let need = k.peakNeed(model: primary, v, cachedPrefix: capacity.cache_reads_excluded == true)
                // What reaches a tier's tight limits: a spend cap alone is reached by a busier month, never by a day's
                // batches or a peak minute.
                func busier(_ tier: RateTier, room: Double) -> String {
                    need.measured(tier).allSatisfy { $0.need <= room * $0.limit }
                        && tier.spend_per_10_minutes_usd.map { need.tenMinuteSpend(accountMonth) <= room * $0 } ?? true
                        ? "A busier month"
                        : batchLane ? "A busier month or a bigger day of batches" : "A busier month or a sharper peak"
                }
                if let tier = capacity.tier, tier != entry?.tier {
                    let tiers = k.compiledModels[primary].rateScheme(on: day)?.tiers ?? []
                    // A higher tier needed for its spend cap alone: on the tier just below it the month stops, not the
                    // peaks. Held to the entry tier, Scale needed for Build's $1,000 cap read "below it, expect 429
                    // errors at every peak" beside "Build's per-minute limits would carry the peak".
                    let below = Knowledge.tier(below: tier, in: tiers) ?? entry
                    let onlySpend = below.map { below in
                        below.monthly_spend_cap_usd.map { accountMonth > $0 } == true
                            && need.measured(below).allSatisfy { $0.need <= $0.limit }
                    } ?? false
                    // Why that tier, where the one below it stops at its spend cap: "1.4 requests a minute needs
                    // Scale" read as an error while the month's $1,146 was over Build's $1,000 cap.
                    let spendReason: String = {
                        guard let i = tiers.firstIndex(where: { $0.tier == tier }), i > 0 else { return "" }
                        // A spend limit per 10 minutes the peak is over, in a month the cap below still covers.
                        if let limit = tiers[i - 1].spend_per_10_minutes_usd, need.tenMinuteSpend(accountMonth) > limit,
                           tiers[i - 1].monthly_spend_cap_usd.map({ accountMonth <= $0 }) ?? true {
                            return ", because the busiest 10 minutes cost about \(Format.money(need.tenMinuteSpend(accountMonth), beside: accountMonth)), over "
                                + "\(Knowledge.tierName(tiers[i - 1].tier))'s \(Format.money(limit, beside: accountMonth)) spend limit per 10 minutes"
                        }
                        guard let cap = tiers[i - 1].monthly_spend_cap_usd, accountMonth > cap else { return "" }
                        // Only the per-minute limits the tier's page gives: a queue or a monthly count is no minute's
                        // peak, and a tier that gives none says nothing of it.
                        let lower = tiers[i - 1], perMinute = batchLane ? [] : need.measured(lower).filter { $0.unit.hasSuffix("a minute") }
                        let name = Knowledge.tierName(lower.tier)
                        let minutes = perMinute.isEmpty ? ""
                            : perMinute.allSatisfy({ $0.need <= $0.limit }) ? ", though \(name)'s per-minute limits would carry the peak"
                            : ", and the peak is over \(name)'s per-minute limits too"
                        return ", because the month's \(Format.money(accountMonth)) is over \(name)'s \(Format.money(cap)) monthly spend cap"
                            + minutes
                    }()
                    computed(.rate_limit_tier, model: primary, values.merging(
                        // "OpenAI's Tier 3", not "Tier 3 rate-limit tier"; "Anthropic's Scale rate-limit tier".
                        ["tier": Knowledge.tierNoun(tier, "rate-limit tier"),
                         "requires": Format.withoutFullStop(capacity.requires ?? ""),
                         "reason": spendReason,
                         "below": batchLane ? "the batch queue or the spend cap stops new batches"
                             : onlySpend ? "the spend cap stops every request once the month's bill reaches it, until the next month"
                             : "expect 429 errors at every peak"]) { $1 })
                    // The tier needed can itself be close: $990 of Build's $1,000 spend cap was "carried", and a month
                    // 1 % busier stops every request until the next one. Through a batch API too, where the spend cap
                    // and the queue are the limits (`PeakNeed.measured`): $950 of Build's $1,000 in batches was said
                    // nothing, the same month of live requests was warned.
                    if let room = k.neededTierRoom,
                       let needed = k.compiledModels[primary].rateScheme(on: day)?.tiers.first(where: { $0.tier == tier }) {
                        let tight = need.tight(needed, room: room, spend: accountMonth)
                        if !tight.isEmpty {
                            computed(.rate_limit_tier_tight, model: primary, [
                                "tier": Knowledge.tierName(tier), "tight": Format.series(tight), "room": Format.percent(room),
                                "busier": busier(needed, room: room), "watch": watch])
                        }
                    }
                } else if let entry, let room = k.entryTierRoom {
                    if let limits = wellInside(entry, room: room),
                       entry.monthly_spend_cap_usd.map({ accountMonth <= room * $0 }) ?? true {
                        // Ten requests a month are not at risk of a 429 storm: said, and ranked low, with the pacing
                        // advice for later.
                        computed(.rate_limit_entry_small, model: primary, values.merging(
                            ["tier": Knowledge.tierName(entry.tier), "requires": entry.requires,
                             "limits": limits + (entry.monthly_spend_cap_usd.map { ", and \(Format.money($0)) a month" } ?? ""),
                             "room": Format.percent(room)]) { $1 })
                    } else {
                        // Carried, but close to a limit or the spend cap ($402 of Start's $500): a busier month
                        // stops every request until the next one, so the limit that is close is named.
                        let tight = need.tight(entry, room: room, spend: accountMonth)
                        if !tight.isEmpty {
                            // No next tier to ask for, nor a cap to watch, where the entry tier is the only one (Cohere's
                            // production key, its trial key being for evaluation).
                            let tiers = k.compiledModels[primary].rateScheme(on: day)?.tiers ?? []
                            let provider = k.compiledModels[primary].provider
                            let advice = (tiers.count > 1 ? "ask for the next tier before launch" : "ask \(provider) for higher limits before launch")
                                + (entry.monthly_spend_cap_usd != nil ? ", and alert on \(watch) and the month's spend well before the cap"
                                    : ", and alert on \(watch)")
                            computed(.rate_limit_entry_tight, model: primary, values.merging(
                                ["tier": Knowledge.tierName(entry.tier), "requires": entry.requires,
                                 "tight": Format.series(tight), "room": Format.percent(room), "advice": advice,
                                 "busier": busier(entry, room: room)]) { $1 })
                        }
                    }
                }
            case .beyond_tiers:
                computed(.rate_limit_beyond_tiers, model: primary, values.merging(
                    ["gap": capacity.gap ?? "", "top_tier": capacity.top_tier.map(Knowledge.tierName) ?? ""]) { $1 })
            case .unknown:
                if var why = k.unknownCapacityReason(capacity, model: primary, day: day) {
                    if capacity.tier == capacity.top_tier, let lower = lowerEffortCarries() { why += lower }
                    // The tier a spend-cap ladder calls for can itself be close, as a carried tier's is said to be
                    // (`rate_limit_tier_tight`): $19,800 of the $20,000 planned for Google's Tier 3 was said nothing.
                    if let tier = capacity.tier, let room = k.neededTierRoom,
                       let needed = k.organisationTiers(model: primary, on: day)?.first(where: { $0.tier == tier }) {
                        let need = k.peakNeed(model: primary, v, cachedPrefix: capacity.cache_reads_excluded == true)
                        let tight = need.tight(needed, room: room, spend: accountMonth)
                        if !tight.isEmpty {
                            why += ". Even \(Knowledge.tierPhrase(tier)) would be close: \(Format.series(tight)), so a busier month "
                                + "needs more than it gives"
                        }
                    }
                    computed(.rate_limit_unknown, model: primary, values.merging(["why": why]) { $1 })
                } else {
                    // A peak every provider we could read carries from its first tier: said, and ranked low.
                    computed(.rate_limit_unknown_small, model: primary, values.merging(["floor": k.entryTierFloor?.text ?? ""]) { $1 })
                }
            case .dynamic:
                computed(.rate_limit_dynamic, model: primary, values)
            }
        }
        // A plan's escalated share on its own model's limits, priced and held as the decision holds it (its peak, at
        // its default effort where cost first lowers the rest): the decision leaves out an escalation model known to
        // fall short, but one whose limits at the tier the plan needs are unknown was passed as "carried", the same
        // traffic that alone on it is warned of (40 % of 2M RAG requests on Sonnet 5.5 at Scale).
        if d.verdict == .tieredRouting, let e = d.escalation, e != primary, Self.hasVolume(v) {
            let share = v[AnswerID.complexShare.rawValue]
            // The organisation's month where both models bill one account (the plan's), else the escalations' own.
            let escalationAccount = sharedMonth ?? share * (escalated?.monthly ?? monthly[e])
            let escalatedCapacity = k.onEscalatedRequests(model: e, v) { complex, _ in
                complex.with(.monthlyRequests, complex[AnswerID.monthlyRequests.rawValue] * share) {
                    k.capacity(model: e, $0, accountMonth: escalationAccount, accountDaily: sharedDaily)
                }
            }
            if let escalated = escalatedCapacity, escalated.status == .unknown, let why = k.unknownCapacityReason(escalated, model: e, day: day) {
                let title = "\(k.models[e].title), answering the complex \(Format.percent(share)) of requests,"
                computed(.rate_limit_unknown, model: e, [
                    "rpm": escalated.peakRequests, "itpm": Format.figure(escalated.peak_itpm),
                    "otpm": Format.figure(escalated.peak_otpm), "load": escalated.load(model: title, verb: "would see"),
                    "why": why])
            }
        }
        // A latency budget the team stated and the primary's documented latency misses, or the reasoning it writes
        // first outlasts (ThinkingTime.swift): a requirement not met.
        var missedRequirement: String? = nil
        // One the primary is likely to miss (`latency_unknown_over`): the biggest risk after a documented miss.
        var likelyMissed: String? = nil
        let thinkingMissed = thinkingWarning(primary: primary, d, v, task: task, monthly: monthly) { kind, values in
            missedRequirement = k.failureModes[k.warningTexts[kind]!.0].slug
            computed(kind, model: primary, values)
        }
        if let check = k.latencyCheck(model: primary, v), !(thinkingMissed && check.verdict == .unknown) {
            let budget = AnswerValue.number(check.budget_ms / 1000).text
            if check.verdict == .misses {
                missedRequirement = k.failureModes[k.warningTexts[.latency_budget_missed]!.0].slug
                computed(.latency_budget_missed, model: primary, ["percentile": check.percentile ?? "",
                                                                  "ms": Format.figure(check.ms ?? 0), "budget": budget])
            } else if check.verdict == .unknown {
                // What the typical speed says, where it says the answer alone outlasts the budget: "nothing shows it
                // meets your 2.5 s budget" stood beside a cost line that had 520-token answers taking 5.37 s.
                // "Before it thinks" only of a model priced with thinking: Command R7B has none to do.
                let thinks = primaryLine.rates.reasoning_tokens_per_request > 0
                // Not of a model timed on faster hardware of its own (Groq's), which the median speed does not describe.
                let outlasts = k.timedAtEngineSpeed(model: primary) ? k.answerOutlastsBudget(model: primary, v) : nil
                // Where the answer alone is in time, the thinking before it may not be: 1,200 reasoning tokens and a
                // 325-token answer take about 15.8 s at the median speed, twice an 8 s budget, and nothing said so.
                let budgetSeconds = v[AnswerID.latencyBudgetSeconds.rawValue]
                let thought: (reasoning: Double, answer: Double, speed: Double, seconds: Double)? = {
                    let reasoning = primaryLine.rates.reasoning_tokens_per_request
                    guard outlasts == nil, thinks, k.timedAtEngineSpeed(model: primary), let speed = k.typicalOutput,
                          !k.leavesTimeToAnswer(model: primary, reasoning: reasoning, v) else { return nil }
                    let answer = v[AnswerID.avgOutputTokens.rawValue] * k.tokenScale(model: primary, v)
                    return (reasoning, answer, speed, (reasoning + answer) / speed)
                }()
                // A lower level only where there is one: Sonnet 5.5 at low, its least, was told to think less.
                let lower = k.reasoning(model: primary, v).effort.map { effort in
                    k.leastThinking(model: primary).map { $0.effort < effort } ?? false } ?? false
                let typical = outlasts.map { a in
                    " At \(Format.count(a.speed)) tokens a second, the median speed of the ranking we cite, its answers of "
                        + "\(Format.figure(a.tokens)) tokens alone take about \(Engine.seconds(a.tokens / a.speed)), over the budget"
                        + (thinks ? " before it thinks." : ".")
                } ?? thought.map { t in
                    " At \(Format.count(t.speed)) tokens a second, the median speed of the ranking we cite, its "
                        + "\(Format.count(t.reasoning)) reasoning tokens and answers of \(Format.figure(t.answer)) tokens after them take "
                        + "about \(Engine.seconds(t.seconds)), over the budget"
                        + (lower ? "; a lower effort thinks less first." : ", and it thinks no less at any setting.")
                } ?? ""
                // In time at the floor only on an assumed count of its tokens: said, with the cheapest model as fit
                // that is shown in time: its own published count, a documented latency that meets the budget, and its
                // floor at the effort priced inside it (a model with no latency figure is no better known than this one).
                let count = k.assumedCountFloor(model: primary, v).map { worst in
                    let shown = k.models.indices.filter { m in
                        m != primary && d.usable[m] && k.compiledModels[m].ratioPublished
                            && k.compiledModels[m].fit[task] <= k.compiledModels[primary].fit[task]
                            && k.latencyCheck(model: m, v)?.verdict == .meets
                            && k.answeringSeconds(model: m, v) <= v[AnswerID.latencyBudgetSeconds.rawValue]
                    }.min { (monthly[$0], $0) < (monthly[$1], $1) }
                    let speed = k.answerFloor(model: primary, v).map { Format.count($0.speed) } ?? ""
                    return " Even at \(speed) tokens a second, the floor the budget is checked at, it is in time "
                        + "(\(Engine.seconds(k.leastSeconds(model: primary, v)))) only on a count that rests on an assumed tokenizer "
                        + "ratio, as its page publishes none: at \(Format.figure(k.largestPublishedRatio, digits: 2)) times that count, the largest "
                        + "ratio a model page publishes, its answers are about \(Format.figure(worst.tokens)) tokens and take at least "
                        + "\(Engine.seconds(worst.seconds))."
                        + (shown.map { " \(k.models[$0].title)\(legacyState($0, v).map { " (\($0))" } ?? "") is in time on its own "
                            + "published count and documented latency, at \(Format.money(monthly[$0])) a month." } ?? "")
                } ?? ""
                // Over the budget at the median speed: the stated requirement is likely missed, the risk to name first
                // after a documented miss (a 1.5 s chat budget whose 390-token answers take about 4 s ranked below the
                // outage exposure), where they take `engine.likely_miss_ratio` times the budget or more. Not through the
                // batch API, whose turnaround is the budget's problem.
                let seconds = outlasts.map { $0.tokens / $0.speed } ?? thought?.seconds ?? 0
                let likely = seconds >= k.likelyMissRatio * budgetSeconds && !Knowledge.isBatch(v)
                computed(likely ? .latency_unknown_over : .latency_unknown, model: primary,
                         ["budget": budget, "typical": typical, "count": count])
                if likely { likelyMissed = k.failureModes[k.warningTexts[.latency_unknown_over]!.0].slug }
            }
        }
        longPromptWarning(d, line: primaryLine, v) { computed(.latency_long_prompt, model: primary, $0) }
        // No budget, but a person waits a few seconds: reasoning that takes longer before the first word (ThinkingTime.swift).
        interactiveThinkingWarning(primary: primary, answers: answers, v) { computed(.thinking_interactive, model: primary, $0) }
        realtimeThinkingWarning(primary: primary, answers: answers, v) { computed(.thinking_realtime, model: primary, $0) }
        escalatedInteractiveWarning(d, v) { computed(.escalation_thinking_interactive, model: $0, $1) }
        escalatedRealtimeWarning(d, v) { computed(.escalation_thinking_realtime, model: $0, $1) }
        // After the primary's, so the failure mode's general advice joins the primary's warning.
        // Escalated requests over the stated budget are a requirement likely missed, named first as the primary's is.
        var escalationMissed: (failureMode: String, model: String)?
        escalatedShareWarning(d, v) { model, kind, values, likely in
            let at = computed(kind, model: model, values)
            if likely { escalationMissed = (warnings[at].failure_mode, k.models[model].slug) }
        }
        // The quality margin: a cost-first pick that fits only `good`, against the cheapest `strong` one (a legacy
        // one named says so), unless that costs more than `quality_margin_max_ratio` times as much and at least
        // `quality_margin_min_usd` more: a margin no team that puts cost first would buy.
        // Weighed, like cost first itself, at the dearer of today's prices and those announced for the next
        // price_outlook_days (`outlookMonthly`): Gemini 3.8 Flash was named at its promotional $375 a month, $340 over
        // GPT-6 Luna, 51 days before it became $750, 21 times Luna's and past the limit.
        var qualityMargin: QualityMargin? = nil
        // Chosen and weighed with reasoning at its cheapest setting on both, as the cost ceiling weighs a switch:
        // thinking is a setting a team can turn down. At the effort answer, strict extractions set Gemini 3.5
        // Flash-Lite ($1,100 a month) and GPT-6 Luna's default thinking ($1,500) against Command R7B, which has none
        // ($105), and no strong fit was named, though with thinking off Luna costs $300.
        if d.basis == .cheapest_fit, k.compiledModels[primary].fit[task] == .good,
           case let least = v.with(.reasoningEffort, Self.noEffort) { lv in
               (v: Array(lv), monthly: k.models.indices.map { self.monthly($0, lv) }) },
           let strong = least.v.withUnsafeBufferPointer({ cheapestStrongFit(d, $0, task: task, day: day, monthly: least.monthly) }),
           case let (strongLeast, primaryLeast) = least.v.withUnsafeBufferPointer({ lv in
               (outlookMonthly(strong, lv, monthly: least.monthly).monthly, outlookMonthly(primary, lv, monthly: least.monthly).monthly) }),
           !(k.qualityMarginLimit?.separates(dear: strongLeast, cheap: primaryLeast) ?? false),
           case let (strongOutlook, primaryOutlook) = (outlookMonthly(strong, v, monthly: monthly),
                                                      outlookMonthly(primary, v, monthly: monthly)),
           strongOutlook.monthly > primaryOutlook.monthly {
            let difference = strongOutlook.monthly - primaryOutlook.monthly
            qualityMargin = QualityMargin(model: k.models[strong].slug, monthly_usd: Format.rounded(strongOutlook.monthly),
                                          difference_usd: Format.rounded(difference))
            // A price announced for the coming weeks is the one said, with today's beside it.
            func said(_ m: Int, _ outlook: (monthly: Double, day: Int?)) -> String {
                outlook.day.map { "\(Format.cents(outlook.monthly)) from \(CivilDate.text($0)) (\(Format.cents(monthly[m])) until then)" }
                    ?? Format.cents(monthly[m])
            }
            // Ranked with reasoning at its cheapest setting: where that is not the team's effort answer, both figures,
            // and the gap on each. Thinking off, a strong fit can cost less than the pick (strict summaries: Haiku 5.5
            // at $234 against Mistral Small's $252, $474 at its default effort), which is said as such.
            let leastDiffers = abs(strongLeast - strongOutlook.monthly) >= 0.005
            let leastGap = strongLeast - primaryLeast
            let strongSaid = !leastDiffers ? "\(said(strong, strongOutlook)), \(Format.cents(difference)) more a month"
                : leastGap > 0.005 ? "\(Format.cents(strongLeast)) (\(said(strong, strongOutlook)) at your effort answer), "
                    + "\(Format.cents(leastGap)) more a month"
                : "\(Format.cents(strongLeast)), no more than \(k.models[primary].title) costs that way, and "
                    + "\(said(strong, strongOutlook)) at your effort answer, \(Format.cents(difference)) more a month"
            computed(.quality_margin, model: primary, [
                "strong_model": k.models[strong].title, "strong_state": legacyNote(strong, v),
                "strong_monthly": strongSaid, "ranked": leastDiffers ? ", with reasoning at its cheapest setting," : "",
                "difference": Format.cents(difference), "monthly": said(primary, primaryOutlook)])
        }
        // A tiered verdict's month with its escalations, worked out once for every figure set against it.
        let plan = planMonthly(d, answers: answers, monthly: monthly, escalated: escalated)
        let effortOption = self.effortOption(d, answers: answers, v, escalated: escalated, plan: plan, monthly: monthly,
                                             reasons: &reasons)
        // Prices older than stale_after_days: one warning per day they were checked, naming every model whose price
        // a figure of the verdict rests on (the primary first, the alternatives, the runner-up and the quality
        // margin's strong model: "$390 more a month" rests on the runner-up's), not one sentence repeated per model.
        let runner = runnerUp(d, answers: answers, alternatives: alternatives, late: late, monthly: monthly,
                              costs: costs, plan: plan)
        selfHostedThroughputWarning(primary: primary, line: primaryLine, runner: runner?.model, v, monthly: monthly) {
            computed(.self_hosted_throughput, model: primary, $0)
        }
        var named = [primary] + alternatives
        for m in [runner?.model, qualityMargin.flatMap { k.modelIndex[$0.model] }].compactMap({ $0 }) where !named.contains(m) {
            named.append(m)
        }
        var staleByDay: [(checked: Int, models: [Int])] = []
        for m in named {
            guard let checked = k.compiledModels[m].pricesCheckedDay, Double(day - checked) > k.settings.stale_after_days
            else { continue }
            if let i = staleByDay.firstIndex(where: { $0.checked == checked }) { staleByDay[i].models.append(m) }
            else { staleByDay.append((checked, [m])) }
        }
        for group in staleByDay {
            computed(.stale_price, model: group.models[0], [
                "models": Format.series(group.models.map { k.models[$0].title }), "checked": CivilDate.text(group.checked),
                "days": AnswerValue.number(k.settings.stale_after_days).text, "as_of": CivilDate.text(day)])
        }

        // Two warnings under one failure mode (the workload's general risk of hallucinations, and a Haiku ruled out
        // for a fit that links the same page): the one about a model other than the recommended one names it, so
        // that no two warnings read alike.
        let primarySlug = k.models[primary].slug
        for i in warnings.indices where warnings[i].model.map({ $0 != primarySlug }) == true
            && warnings.contains(where: { $0.title == warnings[i].title && $0.model != warnings[i].model }) {
            if let title = warnings[i].model.flatMap(k.model)?.title {
                warnings[i].title += " (\(title))"
            }
        }

        let haikuLine = d.haiku.flatMap { h in costs.first { $0.model == k.models[h].slug } }
        // Levers are priced what-ifs: with no requests there is nothing to price.
        let levers = Self.hasVolume(v)
            ? self.levers(d, answers: answers, line: primaryLine, haikuLine: haikuLine, monthly: monthly, plan: plan,
                          escalated: escalated?.monthly) : []
        let decision = summary(d, answers: answers, runner: runner, costs: costs, monthly: monthly, plan: plan,
                               escalated: escalated, warnings: warnings, levers: levers, missedRequirement: missedRequirement,
                               likelyMissed: likelyMissed, escalationMissed: escalationMissed,
                               usagePrices: usage?.prices, alternatives: alternatives)
        let assumptions = answers.assumed.map { Assumption(answer: $0, value: answers[$0]) }
        // The ceiling over a model a rule named chose the model, not the verdict: the hard limit, or the score, did.
        let verdictPolicy = d.basis == .preferred_over_ceiling ? nil : d.decidingPolicy
        let decidedBy = verdictPolicy.map { k.criteria[k.policies[$0].criterion].slug }
            ?? (hardDecided ? d.hardRule.map { k.criteria[k.rules[$0].criterion].slug } : nil)

        var assessment = Assessment(
            verdict: verdict, score: d.score, primaryModel: k.models[primary].slug,
            alternatives: alternatives.map { k.models[$0].slug }, alternativesNote: alternativesNote,
            reasons: reasons, warnings: warnings, costs: costs,
            whatWouldChange: whatWouldChange(answers, current: d, monthly: monthly, imported: usage?.prices),
            assumptions: assumptions,
            scoreRestingOnAssumptions: resting, decidedBy: decidedBy,
            primaryModelBasis: d.basis, baseScore: k.settings.base_score,
            chooseHaikuAt: k.settings.choose_haiku_at, tieredRoutingAt: k.settings.tiered_routing_at,
            asOf: CivilDate.text(day), haikuModel: d.haiku.map { k.models[$0].slug },
            figuresChecked: named.compactMap { k.compiledModels[$0].pricesCheckedDay }.min().map(CivilDate.text),
            capacity: capacity, qualityMargin: qualityMargin, effortOption: effortOption,
            primaryFit: FitRating(k.models[primary], task: AnswerID.taskType.choices[task]), levers: levers,
            decision: decision, roomiest: d.roomiest)
        assessment.bandHeldBy = d.cheaperRule.map { k.criteria[k.rules[$0].criterion].slug }
        let decidingReads = verdictPolicy.map { k.policies[$0].condition?.reads ?? 0 }
            ?? (hardDecided ? d.hardRule.map { k.rules[$0].reads } ?? 0 : 0)
        assessment.decidedOnAssumed = AnswerID.allCases.filter { decidingReads & answers.assumedMask & $0.bit != 0 }
        return assessment
    }

    /// A firing rule as a reason: its text, effect and page.
    private func ruleReason(_ r: Int) -> Reason {
        let rule = knowledge.rules[r]
        let entry = knowledge.criteria[rule.criterion]
        let spec = entry.spec.rules[rule.index]
        return Reason(criterion: entry.slug, effect: rule.effect, text: spec.text, url: "/criteria/\(entry.slug)",
                      title: entry.title, decide: spec.decide, source: spec.source)
    }

    /// - Parameter own: for an honoured routing plan, what the advisor would say without it (`{advisor}`).
    /// - Parameter rates: the rates a model's cost line was priced at (its price band), as the assessment priced it.
    private func policyReason(_ outcome: PolicyOutcome, _ v: UnsafeBufferPointer<Double>, rates: (Int) -> CostRates?,
                              own: String? = nil, escalated: EscalatedPricing? = nil) -> Reason {
        let policy = knowledge.policies[outcome.policy]
        let entry = knowledge.criteria[policy.criterion]
        var values = ["min_fit": (outcome.minFit ?? policy.minFit).rawValue, "monthly": Format.cents(outcome.monthly),
                      "outlook_days": String(knowledge.priceOutlookDays),
                      "saving_per_year": Format.cents(outcome.saving), "routing_cost_per_year": Format.cents(outcome.cost),
                      "build_hours": AnswerValue.number(policy.buildHours).text,
                      "upkeep_hours_per_month": AnswerValue.number(policy.upkeepHoursPerMonth).text]
        if let m = outcome.model { values["model"] = knowledge.models[m].title }
        // The dearer model compared (the Haiku, or a model a rule named) against `model`.
        if outcome.haiku != nil || outcome.preferred != nil {
            values["saving"] = Format.cents(outcome.saving)
            values["ratio"] = Format.ratio(outcome.cost / Swift.max(outcome.monthly, 0.0001))
        }
        if let h = outcome.haiku {
            values["haiku"] = knowledge.models[h].title
            values["haiku_monthly"] = Format.cents(outcome.haikuMonthly ?? outcome.cost)
        }
        // Routing that loses money before the router is built says so, not "saves $0".
        let loses = policy.kind == .routing_payback && outcome.saving < 0
        var text = outcome.slowEscalation ? policy.slowText
            : outcome.slowPaying ? policy.slowPayingText
            : outcome.costFirst ? policy.costFirstText
            : outcome.overCeiling ? policy.ceilingText
            : loses ? (outcome.overruled ? policy.routedLossText : policy.lossText)
            : (outcome.overruled ? policy.routedText : policy.text)
        if loses { values["loss_per_year"] = Format.cents(-outcome.saving) }
        if outcome.overCeiling { values["ratio"] = Format.ratio(outcome.monthly / Swift.max(outcome.haikuMonthly ?? 0, 0.0001)) }
        if let ratio = outcome.ceilingRatio { values["max_ratio"] = Format.number(ratio) }
        if outcome.slowEscalation || outcome.slowPaying {
            let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
            values["budget"] = AnswerValue.number(budget).text
            values["within"] = budget > 0 ? "within your \(AnswerValue.number(budget).text) s budget"
                : "in time for realtime use (it thinks before every answer)"
        }
        // A ceiling reached because the Haiku's prompt is over its price threshold is the one gap a shorter prompt
        // closes; list prices and token counts are not (Haiku 4.5 at ten times Luna's rates). An imported
        // distribution may put only part of the prompts over it (band mixed): "no price threshold is at play" was
        // false where 5 % of the requests over Haiku 5.5's line were most of its month.
        if policy.kind == .cost_ceiling, !outcome.overruled, let h = outcome.haiku, let rates = rates(h),
           rates.band == .long_context || rates.band == .mixed, let threshold = rates.long_context_threshold {
            text = policy.thresholdText
            values["threshold"] = Format.count(threshold)
            values["prompts"] = rates.band == .mixed ? "Part of the prompts are" : "Each prompt is"
        }
        if let preferred = outcome.preferred {
            // The model compared is one a rule named, not the Haiku.
            text = policy.preferredText
            values["preferred"] = knowledge.models[preferred].title
            values["preferred_fit"] = knowledge.compiledModels[preferred].fit[Int(v[AnswerID.taskType.rawValue])].rawValue
            values["preferred_monthly"] = Format.cents(outcome.cost)
            values["criterion"] = outcome.preferredBy.map { knowledge.criteria[$0].title.lowercased() } ?? ""
        }
        if policy.kind == .routing_plan {
            if let obstacle = outcome.obstacle {
                text = policy.ignoredText
                values["why"] = why(obstacle, v)
            } else if let m = outcome.model, let front = outcome.haiku {
                let haikuMonthly = outcome.haikuMonthly ?? 0
                values["escalation"] = knowledge.models[m].title
                values["escalation_state"] = legacyNote(m, v)
                values["escalation_monthly"] = Format.cents(outcome.monthly)
                values["share"] = Format.percent(outcome.share)
                let escalatedMonthly = escalated?.monthly ?? outcome.monthly
                values["combined"] = Format.cents(Self.tieredMonthly(haiku: haikuMonthly, escalation: escalatedMonthly,
                                                                     share: outcome.share))
                values["escalated_part"] = Format.cents(outcome.share * escalatedMonthly)
                // Said where the escalated requests run at another effort than the model's cost line shows, or lighter
                // than its default (`escalatedEffortClause`).
                values["escalated_effort"] = escalated.map(Self.escalatedEffortClause) ?? ""
                // The model alone is priced as its cost line, at the effort cost first runs it at: said where the
                // escalated part is at another, so that two figures for one model never stand unexplained.
                let aloneEffort = escalated?.effort == nil ? nil : rates(m)?.reasoning_effort
                values["escalation_alone_effort"] = aloneEffort.map {
                    escalated?.thinkingOn == true ? " with its thinking off, its default (\($0.rawValue) effort), as the whole workload runs it"
                        : " at its \($0.rawValue) effort, as cost first runs it"
                } ?? ""
                values["haiku"] = knowledge.models[front].title
                values["advisor"] = own ?? ""
            }
        }
        return Reason(criterion: entry.slug, effect: 0, text: Template.fill(text, values),
                      url: "/criteria/\(entry.slug)", title: entry.title, decide: nil, source: nil)
    }

    /// The effort a plan's escalated requests are priced at, as a clause of the plan's reason: said where it is not
    /// the one the model's cost line shows, or where it is lighter than the model's default (for room or for time),
    /// with why; empty otherwise.
    static func escalatedEffortClause(_ escalated: EscalatedPricing) -> String {
        if let l = escalated.lowered, l.late {
            // The least is not said to leave time where it does not (the cost line beside it says "still too long").
            return ", priced at its \(l.effort.rawValue) effort, its least, which still does not leave these answers time "
                + "(\(escalated.ownSetting), \(l.from.rawValue), thinks longer)"
        }
        if let l = escalated.lowered {
            // Time is judged for its own answer: after the Haiku's, the two together may not be in time, which the
            // latency warnings say (`escalation_over_budget`, at the fastest and at the typical speed).
            let effort = l.effort == .none ? "with its thinking off" : "at its \(l.effort.rawValue) effort"
            return ", priced \(effort), the most thinking that leaves "
                + (l.forRoom ? "these answers room (at \(escalated.ownSetting), \(l.from.rawValue), longer answers would be cut off)"
                   : "time for its own answer (\(escalated.ownSetting), \(l.from.rawValue), would not)")
        }
        return escalated.effort.map { ", priced at \(escalated.effortWords($0)) since these are the requests that need it" } ?? ""
    }

    /// Why the routing plan was set aside, as a clause for `ignored_text`: for a missing model, why the first one
    /// listed cannot take the workload.
    private func why(_ obstacle: PlanObstacle, _ v: UnsafeBufferPointer<Double>) -> String {
        let k = knowledge
        // Each model served that day, with its own reason. A model not yet released or already retired is no
        // reason on that day; when none was served, the sentence says so and when the first one came.
        // `why`: a served model's reason.
        func none(_ kind: String, _ indices: [Int], why: (Int, UnsafeBufferPointer<Double>) -> String) -> String {
            let day = Int(v[AnswerID.asOf.rawValue])
            let served = indices.filter { k.compiledModels[$0].isServed(on: day) }
            guard !served.isEmpty else {
                let next = indices.filter { k.compiledModels[$0].releasedDay > day }
                    .min { k.compiledModels[$0].releasedDay < k.compiledModels[$1].releasedDay }
                return "no \(kind) model we list was served on \(CivilDate.text(day))"
                    + (next.map { " (the first, \(k.models[$0].title), came on \(CivilDate.text(k.compiledModels[$0].releasedDay)))" } ?? "")
            }
            return "no \(kind) model can take this workload ("
                + whyEach(served, v, why) + ")"
        }
        switch obstacle {
        case .noHaiku:
            return none("Haiku", k.haikuIndices, why: whyNotUsable)
        case .hardLimit(let r):
            return hardLimitWords(r) + " whatever the plan"
        case .nothingComplex:
            return "no request needs the escalation model (complex share 0), so there is nothing to route"
        case .noEscalation:
            return none("escalation", k.escalationIndices) { whyNotEscalation($0, $1) }
        case .escalationIsHaiku:
            return "the escalation model is the Haiku itself"
        }
    }

    /// The first model we list, released after `day`, that the same workload could use on its release day, and
    /// that day; nil when none. Where nothing meets the workload on a day before the list's strong models (complex
    /// reasoning that must be right first time, asked on 2025-06-01), "relax a requirement" is not the answer: the
    /// models that meet it came later, and our list holds only the models our sources cover. Runs on the rare
    /// `nothing_usable` verdict only, one decision per later release day.
    private func firstUsableRelease(after day: Int, _ v: UnsafeBufferPointer<Double>) -> (model: Int, day: Int)? {
        let k = knowledge
        let later = Set(k.compiledModels.lazy.map(\.releasedDay).filter { $0 > day }).sorted()
        for released in later {
            let d = v.with(.asOf, Double(released)) { decide($0) }
            guard d.basis != .nothing_usable, d.basis != .nothing_fits else { continue }
            let new = k.models.indices.filter { k.compiledModels[$0].releasedDay == released && d.usable[$0] }
            return ((new.contains(d.primary) ? d.primary : new.first) ?? d.primary, released)
        }
        return nil
    }

    /// A hard limit that rules the Haikus out, in words: "a hard limit on review capacity rules Haiku out".
    func hardLimitWords(_ rule: Int) -> String {
        "a hard limit on \(knowledge.criteria[knowledge.rules[rule].criterion].title.lowercased()) rules Haiku out"
    }

    /// Why a model cannot be the primary, in a few words.
    func whyNotUsable(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> String { unusable(m, v).why }

    /// Why model `m` cannot answer the escalated requests: where cost first lowers the rest to the least thinking,
    /// those run at its default effort (Knowledge.escalatedMonthly), and a window or output limit they outgrow there
    /// is the reason; else why it cannot be used at all.
    /// - Parameter haiku: the model in front, whose answer the escalated requests wait for first.
    func whyNotEscalation(_ m: Int, _ v: UnsafeBufferPointer<Double>, after haiku: Int? = nil) -> String {
        knowledge.onEscalatedRequests(model: m, v) { escalated, lowered in
            // In time alone but not after the Haiku's answer (Engine.decide, routing payback): said with both waits.
            let budget = v[AnswerID.latencyBudgetSeconds.rawValue]
            if let h = haiku, h != m, budget > 0, !knowledge.missesBudgetAtEverySetting(model: m, v),
               knowledge.withinHeadroom(model: m, escalated), usable(m, escalated) {
                let first = knowledge.leastSeconds(model: h, v), own = knowledge.leastSeconds(model: m, v)
                if first + own > budget {
                    return "it takes at least \(Self.seconds(own)) itself, but the escalated requests wait for "
                        + "\(knowledge.models[h].title)'s answer first (at least \(Self.seconds(first))): "
                        + "\(Self.seconds(first + own)) in all, against \(Knowledge.aBudget(AnswerValue.number(budget).text))"
                }
            }
            // Passed over for the stated budget (Engine.decide, routing payback) where it could take them.
            // (Not where it cannot take them anyway: a forced tool call Sonnet 5.5 refuses is said as such.)
            if knowledge.missesBudgetAtEverySetting(model: m, escalated), knowledge.withinHeadroom(model: m, escalated),
               usable(m, escalated) {
                return knowledge.outlastsBudget(model: m, escalated) ? tooSlow(m, escalated)
                    : "its documented latency misses your \(AnswerValue.number(v[AnswerID.latencyBudgetSeconds.rawValue]).text) s budget"
            }
            guard lowered, !knowledge.withinHeadroom(model: m, escalated) else { return whyNotUsable(m, v) }
            let reason = unusable(m, escalated)
            guard reason.cause == .size || reason.cause == .output else { return whyNotUsable(m, v) }
            let effort = knowledge.reasoning(model: m, escalated).effort.map { " (\($0.rawValue))" } ?? ""
            let own = knowledge.ownSetting(model: m, escalated)
            return "at \(own == Knowledge.ownSetting(thinkingOn: false) ? own + " effort" : own)\(effort), which the escalated requests run at, " + reason.why
        }
    }

    /// "Claude Sonnet 5.5: …; Claude Opus 5.5: …": `why` of each of `models`, in one list.
    func whyEach(_ models: [Int], _ v: UnsafeBufferPointer<Double>,
                 _ why: (Int, UnsafeBufferPointer<Double>) -> String) -> String {
        models.map { "\(knowledge.models[$0].title): \(why($0, v))" }.joined(separator: "; ")
    }

    /// What the primary misses when it is below the fit the alternatives' floor asks of every model offered (a
    /// policy's `min_fit`, such as review capacity's 'strong'), in words; nil when it meets it.
    func belowFloor(_ d: Decision, _ v: UnsafeBufferPointer<Double>) -> String? {
        let k = knowledge
        let fit = k.compiledModels[d.primary].fit[Int(v[AnswerID.taskType.rawValue])]
        // The policy that set the floor is among the decision's own outcomes (Engine.decide records every floor that held).
        guard fit > d.alternativesMinFit, let policy = d.policyReasons.lazy.map({ k.policies[$0.policy] })
            .first(where: { $0.kind == .alternatives_min_fit && $0.task == nil && $0.minFit == d.alternativesMinFit })
        else { return nil }
        return (fit == .poor ? "it fits this task poorly" : "it fits this task only '\(fit.rawValue)'")
            + ", short of the '\(d.alternativesMinFit.rawValue)' fit "
            + "\(k.criteria[policy.criterion].title.lowercased()) asks of every model offered here"
    }

    /// Why a model cannot be recommended, in words, and the kind of reason: the ruled-out Haiku's warning links the
    /// failure mode of that kind (a window outgrown is not a retirement).
    func unusable(_ m: Int, _ v: UnsafeBufferPointer<Double>) -> (cause: UnusableCause, why: String) {
        let k = knowledge
        let model = k.compiledModels[m]
        let (state, since) = model.lifecycle(on: Int(v[AnswerID.asOf.rawValue]))
        switch state {
        case .retired: return (.lifecycle, "it was retired on \(CivilDate.text(since))")
        case .unreleased: return (.lifecycle, "it is not released until \(CivilDate.text(since))")
        case .deprecated: return (.lifecycle, "it is deprecated and retires on \(model.retiresDay.map(CivilDate.text) ?? "")")
        case .active, .legacy: break
        }
        if !k.fits(model: m, v) {
            let t = k.requestTokens(model: m, v)
            let batch = Knowledge.isBatch(v)
            if let limit = model.outputLimit(batch: batch), t.output + t.reasoning > limit {
                // Where the prompt alone is past the window's headroom too, both must shrink: said as a size.
                let promptToo = t.input > k.contextHeadroom * model.contextWindow
                return (promptToo ? .size : .output, "\(Format.figure(t.output + t.reasoning)) output tokens a request exceed its \(Format.figure(limit))-token "
                    + model.outputLimitName(batch: batch))
            }
            if let limit = model.maxInput, t.input > limit {
                return (.size, "\(Format.figure(t.input)) prompt tokens a request exceed its \(Format.figure(limit))-token input limit")
            }
            return (.size, "the request does not fit its \(Format.figure(model.contextWindow))-token window")
        }
        if !k.withinHeadroom(model: m, v) {
            let t = k.requestTokens(model: m, v)
            // An answer over its output limit's headroom is a truncation risk, not a prompt-cost one.
            let limit = model.fill(input: t.input, output: t.output + t.reasoning, batch: Knowledge.isBatch(v)).limit
            let promptToo = t.input > k.contextHeadroom * model.contextWindow
            return (limit == .output && !promptToo ? .output : .size,
                    k.overHeadroom(model: m, input: t.input, written: t.output + t.reasoning, reasoning: t.reasoning,
                                   batch: Knowledge.isBatch(v), keepsThinking: k.keepsThinkingForRoom(model: m, v)))
        }
        // The average fits, but an imported file's longer requests do not (UsagePricing).
        if let facts = usageFacts?[m] {
            if facts.over_window_share > 0 {
                let limits = ["\(Format.figure(model.contextWindow))-token window"]
                    + (model.maxInput.map { ["\(Format.figure($0))-token input limit"] } ?? [])
                    + (model.outputLimit(batch: Knowledge.isBatch(v)).map { ["\(Format.figure($0))-token " + model.outputLimitName(batch: Knowledge.isBatch(v))] } ?? [])
                return (.size, "\(Self.importShare(facts.over_window_share)) of the imported requests do not fit its "
                    + Format.series(limits, conjunction: "or"))
            }
            if facts.over_headroom_share > UsagePrices.headroomTolerance {
                return (.size, "\(Self.importShare(facts.over_headroom_share)) of the imported requests fill more than "
                    + "\(Format.percent(k.contextHeadroom)) of its window or output limit, more than the "
                    + "\(Format.percent(UsagePrices.headroomTolerance)) we let a model take that close to its limit")
            }
        }
        let fit = model.fit[Int(v[AnswerID.taskType.rawValue])]
        if fit == .poor { return (.fit, "it fits this task poorly") }
        if fit > Self.requiredFit(v) {
            return (.fit, "it fits this task only '\(fit.rawValue)' and the workload requires '\(Self.requiredFit(v).rawValue)'")
        }
        if model.selfHosted && v[AnswerID.canSelfHost.rawValue] == 0 { return (.other, "the team cannot self-host") }
        if k.refusesTools(model: m, v) {
            return (.other, "it returns an error on a forced tool call (tool_choice any or a named tool)")
        }
        if let why = k.capacity(model: m, v)?.beyondTiersReason { return (.capacity, why) }
        if k.cannotAnswerInTime(model: m, v) { return (.latency, tooSlow(m, v)) }
        return (.unexplained, "it cannot take this workload")
    }

    /// A share of an import's requests, to the hundredth of a percent below 10 % ("1 % … more than the 1 % we let"
    /// was 1.04 %), and never as nothing: 2 requests in 4,002 are "under 0.1 %".
    static func importShare(_ share: Double) -> String {
        share > 0 && share < 0.0005 ? "under 0.1 %" : share < 0.1 ? Format.figure(share * 100, digits: 2) + " %" : Format.percent(share)
    }

    /// The effort_before_escalation policy: when the escalation model takes work from a usable Haiku (tiered
    /// routing, or routing that does not pay), the Haiku priced at the policy's higher effort beside it.
    /// - Parameter plan: the tiered verdict's month with its escalations (`planMonthly`), nil for any other.
    /// - Parameter monthly: every model's month as the cost table gives it.
    private func effortOption(_ d: Decision, answers: Answers, _ v: UnsafeBufferPointer<Double>,
                              escalated: EscalatedPricing?, plan: Double?, monthly: [Double],
                              reasons: inout [Reason]) -> EffortOption? {
        let k = knowledge
        guard let haiku = d.haiku, let escalation = d.escalation, let escalated,
              d.verdict == .tieredRouting || d.basis == .routing_does_not_pay,
              // Forced tool calls keep its thinking off: no higher effort to price (content/criteria/tool-choice.md).
              !k.thinkingOffForTools(model: haiku, v),
              let reasoning = k.compiledModels[haiku].reasoning,
              let p = k.policies.firstIndex(where: { $0.kind == .effort_before_escalation
                  && ($0.condition?.holds(v, override: -1, value: 0) ?? true) && reasoning.levels.contains($0.effort) })
        else { return nil }
        let policy = k.policies[p]
        // A team that runs the Haiku at that level already has the branch: it is the plan's own setting, not another.
        guard AnswerID.reasoningEffort.choices[Int(v[AnswerID.reasoningEffort.rawValue])] != policy.effort.rawValue else { return nil }
        var raised = answers.values
        raised[AnswerID.reasoningEffort.rawValue] = Double(AnswerID.reasoningEffort.choices.firstIndex(of: policy.effort.rawValue)!)
        // Not where that much thinking weighs on the latency the team needs (ThinkingTime.swift), as the levers
        // offer no higher effort there: a 0.35 s voice turn is not told to price Haiku at high effort. Nor past the
        // headroom the verdict holds the Haiku to: 77,000-token summaries at high are 80.5 % of Haiku 5.5's output
        // limit, and were called "the cheaper way to more quality" where setting high moves the verdict off Haiku.
        // Nor, for interactive answers with no budget, past the wait before the first word the levers hold to: about
        // 31 s of thinking before every chat was "the cheaper way to more quality" beside a warning that medium's
        // 12.4 s already outlasts it.
        if raised.withUnsafeBufferPointer({ k.thinkingWeighsOnLatency(model: haiku, $0) || !k.withinHeadroom(model: haiku, $0) })
            || k.fitsInteractiveWait(model: haiku, at: policy.effort, v) == false {
            return nil
        }
        let haikuMonthly = raised.withUnsafeBufferPointer { self.monthly(haiku, $0) }
        // The hard requests the escalation model would take run at its default even where cost first lowers the
        // rest, as the Haiku beside it is priced at the policy's higher effort (Knowledge.escalatedPricing).
        let escalationMonthly = escalated.monthly
        let entry = k.criteria[policy.criterion]
        let effortNote = escalated.lowered.map { " at its \($0.effort.rawValue) effort (lighter than \(escalated.ownSetting), \($0.from.rawValue), "
            + "for \($0.forRoom ? "room" : "time"))" } ?? escalated.effort.map { " at \(escalated.effortWords($0))" } ?? ""
        // What the branch is set against: the plan the verdict pays (the Haiku's month and the escalated share), or,
        // where routing does not pay, the escalation model for everything. Set against the whole workload on
        // Sonnet 5.5 ($64,680), Haiku 5.5 at high effort ($3,234) was "the cheaper way" beside a $2,727.60 plan.
        let share = v[AnswerID.complexShare.rawValue]
        let (compared, escalationCost): (Double, String)
        if let plan {
            compared = plan
            escalationCost = "\(Format.cents(share * escalationMonthly)) a month for the complex \(Format.percent(share)) of requests\(effortNote), "
                + "\(Format.cents(plan)) with \(k.models[haiku].title)'s own"
        } else {
            // The whole workload on the escalation model is its own cost line, as the verdict pays it: the escalated
            // month prices a share's traffic, whose cache goes cold (3,000 summaries a month, 90 % cached, are
            // $145.84 on Sonnet 5.5 and were called "$532.50 for the whole workload").
            compared = monthly[escalation]
            escalationCost = "\(Format.cents(compared)) a month for the whole workload"
        }
        let gap = abs(compared - haikuMonthly)
        let outcome = haikuMonthly < compared
            ? "it is the cheaper way to more quality, \(Format.cents(gap)) a month less"
            : "it needs no routing, but costs \(Format.cents(gap)) a month more than "
                + (plan != nil ? "the plan" : k.models[escalation].title)
        let text = Template.fill(policy.text, [
            "haiku": k.models[haiku].title, "effort": policy.effort.rawValue, "haiku_monthly": Format.cents(haikuMonthly),
            "escalation": k.models[escalation].title, "escalation_monthly": Format.cents(escalationMonthly),
            "escalation_effort": effortNote, "escalation_cost": escalationCost, "outcome": outcome])
        reasons.append(Reason(criterion: entry.slug, effect: 0, text: text, url: "/criteria/\(entry.slug)",
                              title: entry.title, decide: nil, source: nil))
        return EffortOption(haiku_model: k.models[haiku].slug, effort: policy.effort,
                            haiku_monthly_usd: Format.rounded(haikuMonthly), escalation_model: k.models[escalation].slug,
                            escalation_monthly_usd: Format.rounded(escalationMonthly))
    }
}

extension Knowledge {
    /// Whether a model in `state` on `day`, retiring on `retiring`, may be named for new work: active or legacy, or
    /// deprecated with more than `deprecated_offer_days` left (a move that soon is no plan). The engine's offers and
    /// the charts' "cheapest" mark both ask this.
    public func offers(_ state: LifecycleState, retiring: Int?, on day: Int) -> Bool {
        switch state {
        case .active, .legacy: return true
        case .deprecated:
            guard let retiring else { return false }
            return retiring - day > deprecatedOfferDays
        case .retired, .unreleased: return false
        }
    }

    /// Whether model `m` fits each task type at least as `floors` ask (alternatives_min_fit with a `task`).
    func meets(_ floors: [(task: Int, fit: Fit)], model m: Int) -> Bool {
        floors.allSatisfy { compiledModels[m].fit[$0.task] <= $0.fit }
    }

    /// `floors` lowered to what model `h` gives where it falls short of them: a Haiku's stand-in need fit those task
    /// types only as well as the Haiku does (the cost ceiling's pick, and cost first where no model meets them).
    func floors(_ floors: [(task: Int, fit: Fit)], asMetBy h: Int) -> [(task: Int, fit: Fit)] {
        floors.map { (task: $0.task, fit: Swift.max($0.fit, compiledModels[h].fit[$0.task])) }
    }
}

/// The kinds of reason a model cannot be recommended (`Engine.unusable`).
enum UnusableCause {
    /// `size`: the prompt or the window; `output`: the answer, its reasoning included, against the output limit.
    case lifecycle, size, output, fit, capacity, latency, other
    /// None of the checks above names the reason (`unusable`'s last resort).
    case unexplained

    /// The warning that says the expected Haiku is ruled out, whose failure mode explains this kind of reason.
    var haikuWarning: ComputedWarning {
        switch self {
        case .lifecycle, .other, .unexplained: .haiku_ruled_out
        case .size: .haiku_outgrown
        case .output: .haiku_outgrown_output
        case .fit: .haiku_unsuitable
        case .capacity: .haiku_over_capacity
        case .latency: .haiku_too_slow
        }
    }
}

extension Engine {
    /// A self-hosted primary beats the runner-up on its page's throughput per GPU, which batching and the length of
    /// prompts and answers decide: the throughput at which the runner-up costs less, solved from the GPU hours
    /// (Costs.swift: batch work buys the hours the tokens need, live work whole GPUs for the peak). 100M extractions of
    /// 2,000-token answers were Llama's at 2,500 tokens a second, a figure its page gives for short answers, and
    /// gpt-oss-20b's below about 2,020.
    func selfHostedThroughputWarning(primary: Int, line: CostLine, runner: Int?, _ v: UnsafeBufferPointer<Double>,
                                     monthly: [Double], warn: ([String: String]) -> Void) {
        let k = knowledge
        guard k.compiledModels[primary].selfHosted, let runner, !k.compiledModels[runner].selfHosted,
              let tps = line.rates.tokens_per_second, let rate = line.rates.gpu_hour_usd, rate > 0,
              monthly[runner] > monthly[primary] else { return }
        let ops = (line.rates.ops_hours_per_month ?? 0) * (line.rates.developer_hourly_usd ?? 0)
        let affordable = (monthly[runner] - ops) / rate  // GPU hours the runner-up's month buys
        // The tokens the month's GPUs were sized on (Costs.swift: requests × (input + output, reasoning billed as output)).
        let monthTokens = line.rates.input_tokens + line.rates.output_tokens
        let hoursPerMonth = CostAssumptions.hoursPerMonth
        let breakEven: Double
        if v[AnswerID.latency.rawValue] == Knowledge.batchLatency {
            breakEven = monthTokens / 3600 / affordable
        } else {
            // Whole GPUs always on for the peak (Costs.swift sizes them so): the most the runner-up's month pays for,
            // and the throughput at which the peak needs just that many.
            let gpus = (affordable / hoursPerMonth).rounded(.down)
            guard gpus >= 1 else { return }
            breakEven = monthTokens / 3600 / hoursPerMonth * v[AnswerID.peakToAverage.rawValue] / gpus
        }
        guard breakEven > 0, breakEven < tps else { return }
        warn(["tps": Format.count(tps), "output": Format.count(k.requestTokens(model: primary, v).output),
              "break_even": Format.count(breakEven.rounded(.down)), "runner": k.models[runner].title,
              "runner_monthly": Format.money(monthly[runner])])
    }
}

extension Engine {
    /// The long-prompt warning (`latency_long_prompt`) for the primary decided in `d`, priced on `line`.
    func longPromptWarning(_ d: Decision, line: CostLine, _ v: UnsafeBufferPointer<Double>, warn: ([String: String]) -> Void) {
        // Every latency figure starts from first tokens timed on prompts of a few hundred tokens; a prompt of 390,000
        // tokens due in 2 s passed on them, though it is read before any token comes. The part no cache holds, and only
        // where reading it at the slow planning pace (engine.slow_request) could outlast the budget: not a 600 s batch
        // budget, nor work whose first token nobody waits for.
        let k = knowledge, primary = d.primary
        let stated = v[AnswerID.latencyBudgetSeconds.rawValue]
        // With no budget stated, a person still waits for an interactive or realtime answer: at most the interactive
        // wait (`engine.interactive_wait_seconds`). 760,000-token RAG prompts answered interactively were said nothing.
        guard !Knowledge.isBatch(v), let long = k.longPromptTokens,
              !k.compiledModels[primary].selfHosted, let budgetSeconds = stated > 0 ? stated : k.interactiveWait else { return }
        let cached = line.rates.caching == .used
        // A request that finds the entry lapsed writes it, reading the whole prompt: where one in a hundred
        // does (700 requests a month writing a 123,500-token prefix 268 times), the budget is theirs too.
        let requests = v[AnswerID.monthlyRequests.rawValue]
        let lapses = cached ? (line.rates.cache_writes_per_month ?? 0) : 0
        let lapsing = cached && requests > 0 && lapses >= requests / 100
        let prompt = k.requestTokens(model: primary, v).input
        let fresh = cached && !lapsing ? prompt - k.cacheablePrefix(model: primary, v) : prompt
        let slowRead = k.slowRequest.map { fresh / $0.input_tokens_per_second } ?? .infinity
        if fresh >= long, slowRead > budgetSeconds {
            warn([
                "tokens": Format.figure(fresh), "budget": AnswerValue.number(budgetSeconds).text,
                "promise": stated > 0 ? "the \(AnswerValue.number(stated).text) s budget"
                    : "an answer a person waits for (\(AnswerValue.number(budgetSeconds).text) s at most, by our reckoning)",
                "fresh": !cached ? "" : lapsing
                    ? " on the requests that find its cache lapsed (about \(Format.count(lapses)) of \(Format.count(requests)) a month)"
                    : " that its cache does not hold",
                "cache": cached ? "" : " A cached prefix is read faster than a fresh one, where your prompts share one.",
                // Routed, the complex share waits for two readings of it: the Haiku's, then the escalation's.
                "escalation": d.verdict == .tieredRouting && d.escalation != nil && d.escalation != primary
                    ? " Under tiered routing the complex \(Format.percent(v[AnswerID.complexShare.rawValue])) of requests "
                        + "read it twice before their first token, on \(k.models[primary].title) and then on "
                        + "\(k.models[d.escalation!].title)." : ""])
        }
    }
}
