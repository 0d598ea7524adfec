import Foundation

// # Advisor: the decision engine
//
// Pure Swift, no C, no I/O. The content layer reads pages and hands the engine their typed blocks; the engine
// answers "should this workload run on Claude Haiku, and if not, on what". Every number it uses comes from
// content: questions and rules from `content/criteria/*.md`, thresholds from `criteria/_index.md` (`engine:`),
// prices from `content/models/*.md`, warnings from `content/failure-modes/*.md`.
//
// ## Using it
//
// ```swift
// let knowledge = try Knowledge(settings: settings, criteria: criteria, models: models, failureModes: modes)
//                                                   // throws KnowledgeError(slug, section, field, message)
// let engine = Engine(knowledge: knowledge)
// let answers = try knowledge.answers(fromQuery: [("task_type", "classification")])  // or fromJSON: bytes
//                                                   // throws AnswerError(code, message, field)
// let assessment = engine.assess(answers)           // Encodable: README.md's assessment JSON (+ extra keys)
// let lines = engine.costs(answers)                 // [CostLine] for the calculator page
// knowledge.questionnaire                           // [Question], ordered; `QuestionnaireDocument` for the API
// answers.queryString                               // canonical `a=b&c=d` for shareable result links
// ```
//
// ## Files
// - `Spec.swift`: the front-matter types (Codable, with public memberwise inits) as README.md (Content format) describes them.
// - `Advisor.swift` (this file): answer ids, the inputs (`*Entry`), `Knowledge` and its cross-checks, questions.
// - `Conditions.swift`: conditions compiled to index/bitmask tests over a flat `[Double]` of answers.
// - `Answers.swift`: `Answers`, `AnswerError`, validation of query strings, JSON bodies and values.
// - `JSONReader.swift`: a small strict JSON reader (so errors can name the field, and 1e309 is caught).
// - `Engine.swift`: scoring, verdict, models, warnings, what would change, assumptions; `Assessment`.
// - `Costs.swift`: monthly cost of a workload on every model; `CostLine`.
//
// ## Answer representation
// Answers are a flat array of `Double`s indexed by `AnswerID.rawValue`: a choice is the index of its value in
// README.md's list (`AnswerID.choices`), a boolean is 0 or 1, a number is itself. Conditions are compiled to
// tests on those indices, so scoring never touches a dictionary or a string.

extension AnswerID {
    /// A task type as a sentence names it: `code_completion` is "code completion", `rag` is "RAG".
    public static func taskName(_ choice: String) -> String {
        // "Its strong fit for other tasks", not "for other".
        choice == "rag" ? "RAG" : choice == "other" ? "other tasks" : choice.replacingOccurrences(of: "_", with: " ")
    }
}

/// An answer id encodes as its name (`task_type`).
extension AnswerID: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}

/// The answers the questionnaire asks (README.md, "Answers"), in its order (which is also the canonical
/// query-string order). Each answer is declared once, in `declaration`: its name, kind, values and the bounds the
/// interface puts on it. The questionnaire's texts and defaults are content (criteria pages); validation, the API
/// schema test and the README's table all follow from this one declaration.
public enum AnswerID: Int, CaseIterable, Sendable, Comparable, Hashable {
    case taskType, monthlyRequests, avgInputTokens, avgOutputTokens, cachedInputShare, latency, accuracy
    case reviewCapacity, costPriority, developerHourlyUSD, complexShare, fallbackReady, canSelfHost
    case tokensCountedWith, peakToAverage, asOf, latencyBudgetSeconds, reasoningEffort, requiredFit
    case systemPromptTokens, routing, toolChoice

    /// What the interface says of one answer.
    public struct Declaration: Sendable {
        /// The id as the interface spells it (`task_type`).
        public let name: String
        public let kind: AnswerKind
        /// For `choice` answers, the allowed values in the interface's order (ordinal answers run from one end to
        /// the other: `realtime, interactive, batch`).
        public let choices: [String]
        /// Bounds the interface itself puts on a number (shares are 0..1, peaks at least the average); content
        /// sets the rest.
        public let min: Double
        public let max: Double?

        static func choice(_ name: String, _ choices: [String]) -> Declaration {
            Declaration(name: name, kind: .choice, choices: choices, min: 0, max: nil)
        }
        static func of(_ name: String, _ kind: AnswerKind, min: Double = 0, max: Double? = nil) -> Declaration {
            Declaration(name: name, kind: kind, choices: [], min: min, max: max)
        }
    }

    /// The one declaration of each answer.
    public var declaration: Declaration {
        switch self {
        case .taskType: .choice("task_type", ["classification", "extraction", "summarization", "moderation", "chat",
                                              "code_completion", "autonomous_coding", "complex_reasoning", "rag", "other"])
        case .monthlyRequests: .of("monthly_requests", .integer)
        case .avgInputTokens: .of("avg_input_tokens", .integer)
        case .avgOutputTokens: .of("avg_output_tokens", .integer)
        case .cachedInputShare: .of("cached_input_share", .number, max: 1)
        case .latency: .choice("latency", ["realtime", "interactive", "batch"])
        case .accuracy: .choice("accuracy", ["first_time_right", "reviewed", "tolerant"])
        case .reviewCapacity: .choice("review_capacity", ["none", "sampled", "systematic"])
        case .costPriority: .choice("cost_priority", ["primary", "balanced", "secondary"])
        case .developerHourlyUSD: .of("developer_hourly_usd", .number)
        case .complexShare: .of("complex_share", .number, max: 1)
        case .fallbackReady: .of("fallback_ready", .boolean)
        case .canSelfHost: .of("can_self_host", .boolean)
        case .tokensCountedWith: .of("tokens_counted_with", .model)
        case .peakToAverage: .of("peak_to_average", .number, min: 1)
        case .asOf: .of("as_of", .date)
        case .latencyBudgetSeconds: .of("latency_budget_s", .number)
        // `default` is each model's own default level (Reasoning.default_effort).
        case .reasoningEffort: .choice("reasoning_effort", ["none", "low", "medium", "high", "default"])
        // The least task fit the primary model may have (`strong` trades cost for a margin of quality).
        case .requiredFit: .choice("required_fit", ["any", "good", "strong"])
        // The prefix every request starts with, in tokens: when above 0, the cacheable share is derived from it
        // (Answers.swift, "Derived answers").
        case .systemPromptTokens: .of("system_prompt_tokens", .integer)
        // The team's routing plan: `auto` leaves the verdict to the engine; `tiered` says the team puts the
        // Haiku in front of every request and hands the complex share on (Engine.swift, "The routing plan").
        case .routing: .choice("routing", ["auto", "tiered"])
        // Whether requests carry tools, and whether the code forces a call (`tool_choice` `any` or a named tool):
        // some models refuse a forced call, others take it only without thinking (ForcedToolUse, Spec.swift).
        case .toolChoice: .choice("tool_choice", ["none", "auto", "forced"])
        }
    }

    /// The id as the interface spells it (`task_type`).
    public var name: String { Self.names[rawValue] }

    /// The kind of value the answer takes.
    public var kind: AnswerKind { Self.kinds[rawValue] }

    /// For `choice` answers, the allowed values in the interface's order; empty for other kinds (`model` answers
    /// take the model slugs).
    public var choices: [String] { Self.choiceLists[rawValue] }

    /// The id for a name, or nil.
    public init?(name: String) {
        guard let id = Self.byName[name] else { return nil }
        self = id
    }

    public static func < (lhs: AnswerID, rhs: AnswerID) -> Bool { lhs.rawValue < rhs.rawValue }

    static let count = allCases.count

    /// The bit of this answer in an answer mask.
    var bit: UInt32 { 1 << UInt32(rawValue) }

    // Read in hot loops: computed once from the declarations.
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
    private static let choiceLists = allCases.map(\.declaration.choices)
    private static let names = allCases.map(\.declaration.name)
    private static let kinds = allCases.map(\.declaration.kind)

    var interfaceMin: Double { declaration.min }
    var interfaceMax: Double? { declaration.max }
}

/// The kind of a question and its answer. `model` takes a model slug (stored as the model's index); `date` a
/// `YYYY-MM-DD` day (stored as days since 1970-01-01), whose default `today` means the day it is asked.
public enum AnswerKind: String, Sendable, Codable {
    case choice, integer, number, boolean, model, date
}

/// The three verdicts.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case chooseHaiku = "choose_haiku"
    case tieredRouting = "tiered_routing"
    case chooseAlternative = "choose_alternative"
}

// MARK: - Inputs

/// A criteria/ page as the engine sees it.
public struct CriterionEntry: Sendable {
    public let slug: String
    public let title: String
    public let spec: CriterionSpec
    public init(slug: String, title: String, spec: CriterionSpec) {
        self.slug = slug
        self.title = title
        self.spec = spec
    }
}

/// A models/ page as the engine sees it: its `model:` block and its `sources` (for the dates figures were checked).
/// A class: the engine reads entries in its hot loops, where copying the spec retained every field of it.
public final class ModelEntry: Sendable {
    public let slug: String
    public let title: String
    public let spec: ModelSpec
    public let sources: [Source]
    public init(slug: String, title: String, spec: ModelSpec, sources: [Source] = []) {
        self.slug = slug
        self.title = title
        self.spec = spec
        self.sources = sources
    }
}

/// A failure-modes/ page as the engine sees it.
public struct FailureModeEntry: Sendable {
    public let slug: String
    public let title: String
    public let spec: FailureModeSpec
    public init(slug: String, title: String, spec: FailureModeSpec) {
        self.slug = slug
        self.title = title
        self.spec = spec
    }
}

/// Content the engine cannot use, located well enough to find the line: the page (`section`/`slug`, e.g.
/// `criteria`/`volume`; settings are `criteria`/`_index`) and the `field` path inside its front matter
/// (`criterion.rules[2].when.answer`, `engine.haiku_model`). The path's first component is the block key.
public struct KnowledgeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let slug: String
    public let section: String
    public let field: String
    public let message: String

    public init(slug: String, section: String, field: String = "", message: String) {
        self.slug = slug
        self.section = section
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(section)/\(slug)\(field.isEmpty ? "" : " \(field)"): \(message)"
    }
}

// MARK: - Questions

/// One questionnaire question, as `/api/questionnaire` lists it.
/// JSON: `{"id", "text", "kind", "options" | "min"/"max", "unit"?, "default", "help_url"}`.
public struct Question: Sendable, Encodable {
    public let id: AnswerID
    public let text: String
    public let kind: AnswerKind
    /// For `choice`: the options in the page's order; `boolean` questions list none.
    public let options: [QuestionOption]?
    public let min: Double?
    public let max: Double?
    public let unit: String?
    public let defaultValue: AnswerValue
    public let order: Int
    /// The page's words for the default, where it gives them (`default_label`); the form says the value otherwise.
    public var defaultLabel: String? = nil
    /// The criteria page that declares and explains the question.
    public let criterion: String
    /// `/criteria/<slug>`.
    public let helpURL: String

    /// The keys `/api/questionnaire` lists (`order` and `criterion` are for the pages only).
    enum CodingKeys: String, CodingKey {
        case id, text, kind, options, min, max, unit, defaultValue = "default", helpURL = "help_url"
    }
}

/// `GET /api/questionnaire`: `{"questions": [...]}`.
public struct QuestionnaireDocument: Sendable, Encodable {
    public let questions: [Question]
    public init(questions: [Question]) { self.questions = questions }
}

// MARK: - Knowledge

/// Everything the engine knows, cross-checked and compiled once. Build it whenever content changes.
/// A class so that the engine's hot paths share it instead of copying a few dozen arrays per call; immutable once
/// built except `clock`, which is set before it is shared (tests pin it), hence `@unchecked Sendable`.
/// This is the one place where the content's values are checked (decoding already refused words outside the
/// closed sets): `haiku-advisor check` reports the first problem here at its file and line.
public final class Knowledge: @unchecked Sendable {
    public let settings: EngineSettings
    public let criteria: [CriterionEntry]
    public let models: [ModelEntry]
    public let failureModes: [FailureModeEntry]
    /// The questions, by `order` then id.
    public let questionnaire: [Question]
    /// Today's day number (days since 1970-01-01): the default of the `as_of` answer. Tests pin it.
    nonisolated(unsafe) public var clock: @Sendable () -> Int = { CivilDate.today() }

    // Compiled forms.
    let questionsByID: [Question]          // indexed by AnswerID.rawValue
    let defaults: [Double]                 // indexed by AnswerID.rawValue; as_of is filled from `clock`
    let rules: [CompiledRule]
    let policies: [CompiledPolicy]
    let compiledModels: [CompiledModel]
    /// Each model's tool-use system prompt per request (auto, forced) as priced: its page's count, else, where the
    /// page says the provider adds one but gives no count, the nearest counted model's (`toolPromptReference`), so
    /// that no figure leaves it out (Sonnet 4.6 won "$10 cheaper" by the ~$19 its line left out); nil: none.
    let pricedToolPrompts: [(auto: Double, forced: Double)?]
    /// The model whose count an unpublished tool prompt is priced at, by name (nil: the model's own count, or none).
    let toolPromptEstimatedFrom: [String?]
    /// Each model's token ratio, and its reasoning tokens per request for each `reasoning_effort` answer
    /// (`[model * answers + answer]`): flat numbers the hot cost and fit checks read without touching the model
    /// objects, whose reference counts every thread would otherwise update.
    let tokenRatios: [Double]
    /// The largest token ratio a model page publishes: how far an assumed ratio (1.0) may fall short
    /// (`Knowledge.assumedCountFloor`).
    let largestPublishedRatio: Double
    let reasoningTokenTable: [Double]
    let exposures: [CompiledExposure]
    let haikuIndices: [Int]
    let escalationIndices: [Int]
    /// Each computed warning's failure mode, text and severity (nil: the failure mode's).
    let warningTexts: [ComputedWarning: (failureMode: Int, text: String, severity: Severity?, title: String?)]
    /// Levers' plausible ranges and words (LeverRules.swift); nil when the content declares none.
    let leverRules: LeverRules?
    /// The questions asked first (`engine.essential_questions`), in that order; empty: all are asked alike.
    public let essentialQuestions: [AnswerID]
    /// The largest share of a window one recommended request may fill.
    let contextHeadroom: Double
    /// `engine.roomy_within`.
    let roomyWithin: Double
    /// Days before its retirement from which a deprecated model is no longer offered (`engine.deprecated_offer_days`).
    let deprecatedOfferDays: Int
    /// Below this share of an import's traffic, another model's retirement is a medium warning in its place
    /// (`engine.minor_traffic_share`).
    let minorTrafficShare: Double
    /// `engine.legacy_premium`.
    let legacyPremium: Double
    /// `engine.legacy_premium_usd`: the dollars a month a successor may cost more whatever the share.
    let legacyPremiumUSD: Double
    /// `engine.price_outlook_days`.
    let priceOutlookDays: Int
    /// `engine.likely_miss_ratio`.
    let likelyMissRatio: Double
    /// The lowest limits of any entry tier a page publishes (RateLimitFloor.swift), over every model page, a retired
    /// model's included: a peak under it is one every provider we could read carries from its first tier. A model's
    /// retirement is no evidence that its provider's entry tier grew: when GPT-5 nano retired on 2026-12-10, OpenAI's
    /// only Tier 1 we could read (200,000 tokens a minute) left the floor, and 1.37M tokens a minute on GPT-6 Luna,
    /// whose limits we could not read, went from "unknown, high" to "unlikely to bind, low" overnight.
    let entryTierFloor: RateLimitFloor?
    /// `engine.entry_tier_room`: the share of the entry tier's limits under which a peak is said not to bind.
    let entryTierRoom: Double?
    /// `engine.needed_tier_room`: the share of the needed tier's limits past which the warning says it is close.
    let neededTierRoom: Double?
    /// `engine.quality_margin_max_ratio` and `quality_margin_min_usd`; nil: a strong fit is named whatever it costs.
    let qualityMarginLimit: PriceGap?
    /// `engine.slow_request`: nil, a cap on requests in flight never counts as carrying a peak.
    let slowRequest: SlowRequest?
    /// Per model: the output speed its reasoning is timed at for a latency budget (its provider's
    /// `fastest_output_tokens_per_second`, else the engine's); nil, no floor is computed.
    let fastestOutput: [Double?]
    /// `engine.least_first_token_seconds`: the wait before any model's first token, the start of every floor (0 without it).
    let leastFirstToken: Double
    /// `engine.long_prompt_tokens`: prompts from this length on (a model's own count) are read for longer than the
    /// first-token figures' short prompts say (`latency_long_prompt`); nil never says so.
    let longPromptTokens: Double?
    /// `engine.typical_output_tokens_per_second`: the speed at which thinking is judged to weigh on a latency budget.
    let typicalOutput: Double?
    /// `engine.thinking_budget_share`: the share of a budget the thinking must take, at the typical speed, to weigh on it.
    let thinkingBudgetShare: Double?
    /// `engine.interactive_wait_seconds`: the wait before the first word an interactive answer is taken to allow.
    let interactiveWait: Double?
    /// Model slugs by index, and the reverse.
    public let modelSlugs: [String]
    let modelIndex: [String: Int]
    /// The model the `tokens_counted_with` default names (the reference tokenizer).
    /// For each answer, values worth trying when searching for a change of verdict (numbers only).
    let numericCandidates: [[Double]]
    /// `engine.least_effort_when`: where the `default` effort answer runs each model at its least thinking.
    let leastEffortByDefault: CompiledCondition?
    /// `engine.thinking_kept_when`: where the `default` effort answer runs a model whose thinking is off by default
    /// with it on (`reasoning.thinking_on_effort`).
    let thinkingKeptWhen: CompiledCondition?

    /// `{"questions": [...]}` for `GET /api/questionnaire`.
    public var questionnaireDocument: QuestionnaireDocument { QuestionnaireDocument(questions: questionnaire) }

    /// The question for an answer.
    public func question(_ id: AnswerID) -> Question { questionsByID[id.rawValue] }

    /// `value` within question `id`'s bounds: a figure read from usage (an import, a link's distribution) is priced
    /// and checked at the most or least the questionnaire takes, never dropped to the default.
    public func bounded(_ id: AnswerID, _ value: Double) -> Double {
        let question = question(id)
        return Swift.min(question.max ?? value, Swift.max(question.min ?? value, value))
    }

    /// The model page for a slug, if there is one.
    public func model(_ slug: String) -> ModelEntry? { modelIndex[slug].map { models[$0] } }

    /// Rules in the order their `prefer` lists are read: the most negative effect first, then content order.
    func byEffect(_ rules: [Int]) -> [Int] {
        rules.sorted { (self.rules[$0].effect, $0) < (self.rules[$1].effect, $1) }
    }

    /// The firing rule that names model `m` in its `prefer` list, read in that order.
    func namingRule(of m: Int, firing: [Int]) -> Int? {
        byEffect(firing).first { rules[$0].prefer.contains(m) }
    }

    /// The fit on another task type a model must match to stand in for `named`, the model rule `r` names: as fit as
    /// it on the task type it was named for (`preferred_for`); none when the rule names it for the workload's own.
    func namedForFloor(rule r: Int, named: Int) -> [(task: Int, fit: Fit)] {
        rules[r].preferredFor.map { [(task: $0, fit: compiledModels[named].fit[$0])] } ?? []
    }

    /// Cross-checks and compiles the content.
    ///
    /// Checked: the criteria declare exactly the interface's questions (each once, with its kind, its exact
    /// value set, bounds, a default inside them); every condition names a known answer and compares it with
    /// values of its kind; `decide` is `choose_alternative` or `tiered_routing`; every model slug (`prefer`,
    /// settings, lifecycle replacements, failure-mode `models`) exists; thresholds lie in 0...100 with
    /// `tiered_routing_at <= choose_haiku_at`; every model's figures (CompiledModel); policies and computed
    /// warning texts (known placeholders, known failure modes).
    /// - Throws: the first problem found, as a `KnowledgeError`.
    public init(settings: EngineSettings, criteria: [CriterionEntry], models: [ModelEntry],
                failureModes: [FailureModeEntry]) throws(KnowledgeError) {
        self.settings = settings
        self.criteria = criteria
        self.models = models
        self.failureModes = failureModes

        // Models first: everything else refers to them.
        var modelIndex: [String: Int] = [:]
        for (i, entry) in models.enumerated() {
            if modelIndex[entry.slug] != nil {
                throw KnowledgeError(slug: entry.slug, section: "models", message: "model '\(entry.slug)' appears twice")
            }
            modelIndex[entry.slug] = i
        }
        self.modelIndex = modelIndex
        modelSlugs = models.map(\.slug)
        var compiledModels: [CompiledModel] = []
        for entry in models {
            compiledModels.append(try CompiledModel(entry, modelIndex: modelIndex))
        }
        // A chain of replacements that comes back on itself (Haiku 4.5 → 5.5 → 4.5) leaves no model to move to:
        // `scan` said "replacement: Claude Haiku 5.5, itself legacy" and sent nobody anywhere.
        for (start, entry) in models.enumerated() {
            var seen: [Int] = [start]
            var next = compiledModels[start].replacement
            while let m = next, !seen.contains(m) {
                seen.append(m)
                next = compiledModels[m].replacement
            }
            if let m = next, m == start {
                let chain = (seen + [start]).map { models[$0].slug }.joined(separator: " → ")
                throw KnowledgeError(slug: entry.slug, section: "models", field: "model.lifecycle.replacement",
                                     message: "the replacements come back to this model (\(chain)): name a model that succeeds them")
            }
        }
        self.compiledModels = compiledModels
        // An unpublished count is the page's own estimate (a listed row of the provider's table for a model we do not
        // list, on the same tokenizer), else the nearest counted model's on this model's tokenizer (Haiku 4.5's 496
        // tokens are about 645 on Haiku 5.5's count).
        let references = compiledModels.indices.map { m in
            compiledModels[m].toolPrompt == nil && compiledModels[m].toolPromptUnpublished
                && compiledModels[m].toolPromptEstimate == nil ? Self.toolPromptReference(for: m, in: compiledModels) : nil
        }
        toolPromptEstimatedFrom = compiledModels.indices.map { m in
            compiledModels[m].toolPromptEstimate?.from ?? references[m].map { models[$0].title }
        }
        pricedToolPrompts = compiledModels.indices.map { m in
            if let own = compiledModels[m].toolPrompt { return own }
            if let e = compiledModels[m].toolPromptEstimate { return (e.auto, e.forced) }
            guard let r = references[m], let counted = compiledModels[r].toolPrompt else { return nil }
            let scale = compiledModels[m].tokenRatio / compiledModels[r].tokenRatio
            return ((counted.auto * scale).rounded(), (counted.forced * scale).rounded())
        }
        let ratios = compiledModels.map(\.tokenRatio)
        tokenRatios = ratios
        largestPublishedRatio = compiledModels.filter(\.ratioPublished).map(\.tokenRatio).max() ?? 1
        reasoningTokenTable = compiledModels.flatMap { model in
            (0..<Knowledge.effortAnswers).map { model.reasoning?.byAnswer[$0].tokens ?? 0 }
        }

        // Settings.
        func settingsError(_ field: String, _ message: String) -> KnowledgeError {
            KnowledgeError(slug: "_index", section: "criteria", field: "engine.\(field)", message: message)
        }
        for (name, value) in [("base_score", settings.base_score), ("choose_haiku_at", settings.choose_haiku_at),
                              ("tiered_routing_at", settings.tiered_routing_at)] {
            guard value.isFinite, value >= 0, value <= 100 else { throw settingsError(name, "must be between 0 and 100") }
        }
        guard settings.tiered_routing_at <= settings.choose_haiku_at else {
            throw settingsError("tiered_routing_at", "must not exceed choose_haiku_at (\(settings.choose_haiku_at))")
        }
        guard settings.stale_after_days.isFinite, settings.stale_after_days > 0 else {
            throw settingsError("stale_after_days", "must be a positive number of days")
        }
        contextHeadroom = settings.context_headroom ?? 0.8
        roomyWithin = settings.roomy_within ?? 0
        guard roomyWithin.isFinite, roomyWithin >= 0, roomyWithin < 1 else {
            throw settingsError("roomy_within", "must be a share of a window, 0 or more and below 1 (0.05 is 5 points)")
        }
        let offerDays = settings.deprecated_offer_days ?? 60
        guard offerDays.isFinite, offerDays >= 0, offerDays == offerDays.rounded() else {
            throw settingsError("deprecated_offer_days", "must be a whole number of days, 0 or more (60)")
        }
        deprecatedOfferDays = Int(offerDays)
        minorTrafficShare = settings.minor_traffic_share ?? 0.01
        guard minorTrafficShare.isFinite, minorTrafficShare >= 0, minorTrafficShare <= 1 else {
            throw settingsError("minor_traffic_share", "must be a share from 0 to 1 (0.01 is 1 %)")
        }
        legacyPremium = settings.legacy_premium ?? 0.25
        guard legacyPremium.isFinite, legacyPremium >= 0 else {
            throw settingsError("legacy_premium", "must be a share, 0 or more (0.25 is 25 %)")
        }
        legacyPremiumUSD = settings.legacy_premium_usd ?? settings.levers?.min_saving_usd ?? 0
        guard legacyPremiumUSD.isFinite, legacyPremiumUSD >= 0 else {
            throw settingsError("legacy_premium_usd", "must be dollars a month, 0 or more")
        }
        likelyMissRatio = settings.likely_miss_ratio ?? 1.5
        guard likelyMissRatio.isFinite, likelyMissRatio >= 1 else {
            throw settingsError("likely_miss_ratio", "must be 1 or more (1.5: answers that take half as long again as the budget)")
        }
        let outlook = settings.price_outlook_days ?? 60
        guard outlook.isFinite, outlook >= 0, outlook == outlook.rounded() else {
            throw settingsError("price_outlook_days", "must be a whole number of days, 0 or more (60)")
        }
        priceOutlookDays = Int(outlook)
        slowRequest = settings.slow_request
        entryTierFloor = RateLimitFloor(entryTiersOf: compiledModels)
        if let room = settings.entry_tier_room, !(room.isFinite && room > 0 && room <= 1) {
            throw settingsError("entry_tier_room", "must be a share above 0 and at most 1 (0.5 is half)")
        }
        entryTierRoom = settings.entry_tier_room
        if let room = settings.needed_tier_room, !(room.isFinite && room > 0 && room <= 1) {
            throw settingsError("needed_tier_room", "must be a share above 0 and at most 1 (0.8 is four fifths)")
        }
        neededTierRoom = settings.needed_tier_room
        switch (settings.quality_margin_max_ratio, settings.quality_margin_min_usd) {
        case (nil, nil): qualityMarginLimit = nil
        case (let ratio?, let usd?):
            guard ratio.isFinite, ratio > 1 else {
                throw settingsError("quality_margin_max_ratio", "must be a ratio above 1 (5 is five times the month)")
            }
            guard usd.isFinite, usd >= 0 else { throw settingsError("quality_margin_min_usd", "must be dollars, 0 or more") }
            qualityMarginLimit = PriceGap(ratio: ratio, usd: usd)
        default:
            throw settingsError(settings.quality_margin_max_ratio == nil ? "quality_margin_max_ratio" : "quality_margin_min_usd",
                                "quality_margin_max_ratio and quality_margin_min_usd go together")
        }
        if let slow = slowRequest {
            guard slow.queue_seconds.isFinite, slow.queue_seconds >= 0 else {
                throw settingsError("slow_request.queue_seconds", "must be a number of seconds, 0 or more (600)")
            }
            for (name, rate) in [("input_tokens_per_second", slow.input_tokens_per_second),
                                 ("output_tokens_per_second", slow.output_tokens_per_second)] {
                guard rate.isFinite, rate > 0 else { throw settingsError("slow_request.\(name)", "must be above 0") }
            }
        }
        guard contextHeadroom.isFinite, contextHeadroom > 0, contextHeadroom <= 1 else {
            throw settingsError("context_headroom", "must be a share of the window above 0 and at most 1 (0.8 is 80 %)")
        }
        if let evaluation = settings.evaluation {
            // Outside these bounds the sample-size formula has no meaning (EvaluationPlan.swift).
            guard evaluation.alpha > 0, evaluation.alpha < 1 else { throw settingsError("evaluation.alpha", "must lie between 0 and 1 (0.05)") }
            guard evaluation.power > 0, evaluation.power < 1 else { throw settingsError("evaluation.power", "must lie between 0 and 1 (0.8)") }
            for choice in AnswerID.accuracy.choices {
                guard let share = evaluation.tolerated_error[choice] else {
                    throw settingsError("evaluation.tolerated_error", "needs a share for the accuracy answer '\(choice)'")
                }
                guard share > 0, share < 0.5 else {
                    throw settingsError("evaluation.tolerated_error.\(choice)", "must lie above 0 and below 0.5 (0.05 is 5 %)")
                }
            }
            for key in evaluation.tolerated_error.keys.sorted() where !AnswerID.accuracy.choices.contains(key) {
                throw settingsError("evaluation.tolerated_error.\(key)", "'\(key)' is not an accuracy answer (\(AnswerID.accuracy.choices.joined(separator: ", ")))")
            }
        }
        // A provider's spend limits are the organisation's, and the engine reads them from the first page that lists
        // them (`spendCapLadder`): every page that lists them must agree, or an edit to one Gemini page showed on
        // that page while the cost rows of all six used another's.
        var ladders: [String: (slug: String, caps: [String])] = [:]
        for (m, entry) in models.enumerated() {
            guard let scheme = compiledModels[m].rateSchemes.first else { continue }
            let caps = scheme.tiers.compactMap { tier -> String? in
                guard tier.monthly_spend_cap_usd != nil || tier.spend_per_10_minutes_usd != nil else { return nil }
                return "\(tier.tier): \(tier.monthly_spend_cap_usd.map { Format.figure($0) } ?? "none") a month, "
                    + "\(tier.spend_per_10_minutes_usd.map { Format.figure($0) } ?? "none") per 10 minutes"
            }
            guard !caps.isEmpty else { continue }
            let provider = compiledModels[m].provider
            if let first = ladders[provider] {
                guard first.caps == caps else {
                    throw KnowledgeError(slug: entry.slug, section: "models", field: "model.rate_limits.tiers",
                                         message: "its spend limits (\(caps.joined(separator: "; "))) differ from models/\(first.slug).md's "
                                            + "(\(first.caps.joined(separator: "; "))): a provider's spend limits are the organisation's, "
                                            + "so every page that lists them gives the same")
                }
            } else {
                ladders[provider] = (entry.slug, caps)
            }
        }
        let providers = settings.providers ?? [:]
        for (m, entry) in models.enumerated() where !compiledModels[m].selfHosted && providers[entry.spec.provider] == nil {
            throw KnowledgeError(slug: entry.slug, section: "models", field: "model.provider",
                                 message: "provider '\(entry.spec.provider)' is not in criteria/_index.md engine.providers "
                                     + "(its status page and error documentation)")
        }
        for (field, speed) in [("fastest_output_tokens_per_second", settings.fastest_output_tokens_per_second)]
            + providers.sorted(by: { $0.key < $1.key }).map({ ("providers.\($0.key).fastest_output_tokens_per_second", $0.value.fastest_output_tokens_per_second) }) {
            if let speed, !(speed.isFinite && speed > 0) { throw settingsError(field, "must be tokens a second, above 0") }
        }
        if let typical = settings.typical_output_tokens_per_second {
            guard typical.isFinite, typical > 0 else { throw settingsError("typical_output_tokens_per_second", "must be tokens a second, above 0") }
            if let fastest = settings.fastest_output_tokens_per_second, typical > fastest {
                throw settingsError("typical_output_tokens_per_second", "must not be above fastest_output_tokens_per_second (\(Format.number(fastest)))")
            }
        }
        typicalOutput = settings.typical_output_tokens_per_second
        if let start = settings.least_first_token_seconds, !(start.isFinite && start >= 0 && start < 60) {
            throw settingsError("least_first_token_seconds", "must be seconds, at least 0 and under 60")
        }
        leastFirstToken = settings.least_first_token_seconds ?? 0
        if let long = settings.long_prompt_tokens, !(long.isFinite && long >= 1) {
            throw settingsError("long_prompt_tokens", "must be a number of tokens, at least 1")
        }
        longPromptTokens = settings.long_prompt_tokens
        if let share = settings.thinking_budget_share, !(share.isFinite && share > 0 && share <= 1) {
            throw settingsError("thinking_budget_share", "must be a share above 0 and at most 1 (0.25 is a quarter)")
        }
        thinkingBudgetShare = settings.thinking_budget_share
        if let wait = settings.interactive_wait_seconds {
            guard wait.isFinite, wait > 0, wait <= 600 else {
                throw settingsError("interactive_wait_seconds", "must be seconds, above 0 and at most 600")
            }
            guard settings.typical_output_tokens_per_second != nil else {
                throw settingsError("interactive_wait_seconds", "needs typical_output_tokens_per_second, the speed the wait is timed at")
            }
        }
        interactiveWait = settings.interactive_wait_seconds
        // The model's own figure (its host's speed for it), else its provider's, else the engine's.
        fastestOutput = zip(models, compiledModels).map { entry, model in
            model.fastestOutput ?? providers[entry.spec.provider]?.fastest_output_tokens_per_second
                ?? settings.fastest_output_tokens_per_second
        }
        func modelList(_ field: String, _ slugs: [String]) throws(KnowledgeError) -> [Int] {
            guard !slugs.isEmpty else { throw settingsError(field, "needs at least one model slug") }
            var result: [Int] = []
            for (n, slug) in slugs.enumerated() {
                guard let m = modelIndex[slug] else {
                    throw settingsError("\(field)[\(n)]", "unknown model '\(slug)'\(Self.known(modelIndex))")
                }
                result.append(m)
            }
            return result
        }
        haikuIndices = try modelList("haiku_models", settings.haiku_models)
        for (n, m) in haikuIndices.enumerated() where !compiledModels[m].isHaikuFamily || compiledModels[m].selfHosted {
            throw settingsError("haiku_models[\(n)]", "'\(models[m].slug)' must be an API model of the haiku family")
        }
        escalationIndices = try modelList("escalation_models", settings.escalation_models)
        _ = try modelList("compare_models", settings.compare_models)

        var failureModeIndex: [String: Int] = [:]
        for (f, entry) in failureModes.enumerated() {
            guard failureModeIndex[entry.slug] == nil else {
                throw KnowledgeError(slug: entry.slug, section: "failure-modes", message: "failure mode '\(entry.slug)' appears twice")
            }
            failureModeIndex[entry.slug] = f
        }
        var warningTexts: [ComputedWarning: (failureMode: Int, text: String, severity: Severity?, title: String?)] = [:]
        for kind in ComputedWarning.allCases {
            guard let entry = settings.warnings[kind] else {
                throw settingsError("warnings", "needs the text of the '\(kind.rawValue)' warning"
                    + " (placeholders: \(kind.placeholders.map { "{\($0)}" }.joined(separator: ", ")))")
            }
            guard let f = failureModeIndex[entry.failure_mode] else {
                throw settingsError("warnings.\(kind.rawValue).failure_mode", "no failure mode '\(entry.failure_mode)'")
            }
            if let unknown = Template.placeholders(in: entry.text).first(where: { !kind.placeholders.contains($0) }) {
                throw settingsError("warnings.\(kind.rawValue).text", "unknown placeholder {\(unknown)}; this warning knows "
                    + kind.placeholders.map { "{\($0)}" }.joined(separator: ", "))
            }
            if let title = entry.title,
               let unknown = Template.placeholders(in: title).first(where: { !kind.placeholders.contains($0) }) {
                throw settingsError("warnings.\(kind.rawValue).title", "unknown placeholder {\(unknown)}; this warning knows "
                    + kind.placeholders.map { "{\($0)}" }.joined(separator: ", "))
            }
            warningTexts[kind] = (f, entry.text, entry.severity, entry.title)
        }
        self.warningTexts = warningTexts
        var essential: [AnswerID] = []
        for (i, name) in (settings.essential_questions ?? []).enumerated() {
            guard let id = AnswerID(name: name), !essential.contains(id) else {
                throw settingsError("essential_questions[\(i)]", "'\(name)' is not an answer id, or appears twice")
            }
            essential.append(id)
        }
        essentialQuestions = essential

        // Questions.
        var byID: [Question?] = Array(repeating: nil, count: AnswerID.count)
        var seenSlugs = Set<String>()
        for entry in criteria {
            guard seenSlugs.insert(entry.slug).inserted else {
                throw KnowledgeError(slug: entry.slug, section: "criteria", message: "criterion '\(entry.slug)' appears twice")
            }
            guard let spec = entry.spec.question else { continue }
            let question = try Self.compileQuestion(spec, entry: entry, models: models)
            if let other = byID[question.id.rawValue] {
                throw KnowledgeError(slug: entry.slug, section: "criteria", field: "criterion.question.id",
                                     message: "question '\(spec.id)' is already declared on criteria/\(other.criterion)")
            }
            byID[question.id.rawValue] = question
        }
        let missing = AnswerID.allCases.filter { byID[$0.rawValue] == nil }.map(\.name)
        guard missing.isEmpty else {
            throw KnowledgeError(slug: "_index", section: "criteria", field: "criterion.question",
                                 message: "no criterion page declares the question(s) \(missing.joined(separator: ", ")); "
                                     + "each answer needs one")
        }
        let questions = byID.map { $0! }
        questionsByID = questions
        questionnaire = questions.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        defaults = questions.map { Self.encode($0.defaultValue, for: $0.id, models: models.map(\.slug)) ?? 0 }
        // After the questions: a lever's `when` is a condition on the answers.
        if let levers = settings.levers {
            leverRules = try LeverRules(levers, questions: questions, tokenRatios: ratios, problem: settingsError)
        } else {
            leverRules = nil
        }

        // Rules and policies.
        var rules: [CompiledRule] = []
        var policies: [CompiledPolicy] = []
        var thresholds: [[Double]] = Array(repeating: [], count: AnswerID.count)
        // The effort settings' conditions. Their thresholds are the verdict's: a complex share crossing one re-prices
        // reasoning models.
        func effortCondition(_ when: Condition?, _ name: String) throws(KnowledgeError) -> CompiledCondition? {
            guard let when else { return nil }
            do throws(ConditionError) {
                return try CompiledCondition(when, questions: questions, tokenRatios: ratios, thresholds: &thresholds)
            } catch {
                throw settingsError(name + error.path, error.message)
            }
        }
        leastEffortByDefault = try effortCondition(settings.least_effort_when, "least_effort_when")
        thinkingKeptWhen = try effortCondition(settings.thinking_kept_when, "thinking_kept_when")
        for (c, entry) in criteria.enumerated() {
            for (r, rule) in entry.spec.rules.enumerated() {
                let field = "criterion.rules[\(r)]"
                func ruleError(_ sub: String, _ message: String) -> KnowledgeError {
                    KnowledgeError(slug: entry.slug, section: "criteria", field: field + sub, message: message)
                }
                let condition: CompiledCondition
                do throws(ConditionError) {
                    // A rule on the Haiku's own count (`haiku_count`) is given that count; every other reads the reference one.
                    condition = try CompiledCondition(rule.when, questions: questions,
                                                      tokenRatios: rule.haiku_count == true ? nil : ratios, thresholds: &thresholds)
                } catch {
                    throw ruleError(".when" + error.path, error.message)
                }
                guard rule.effect.isFinite, abs(rule.effect) <= 100 else {
                    throw ruleError(".effect", "must be a number between -100 and 100")
                }
                var decide: Verdict?
                if let d = rule.decide {
                    guard let v = Verdict(rawValue: d), v != .chooseHaiku else {
                        throw ruleError(".decide", "must be choose_alternative or tiered_routing, not '\(d)'")
                    }
                    decide = v
                }
                var prefer: [Int] = []
                for (p, slug) in (rule.prefer ?? []).enumerated() {
                    guard let m = modelIndex[slug] else {
                        throw ruleError(".prefer[\(p)]", "unknown model '\(slug)'\(Self.known(modelIndex))")
                    }
                    prefer.append(m)
                }
                guard !rule.text.isEmpty else { throw ruleError(".text", "must not be empty") }
                if rule.band_held_text != nil, rule.preferred_cheaper != true {
                    throw ruleError(".band_held_text", "is said only of a rule for a cheaper model (preferred_cheaper: true)")
                }
                if rule.preferred_cheaper != nil, prefer.isEmpty {
                    throw ruleError(".preferred_cheaper", "needs 'prefer': the models compared with the Haiku")
                }
                if rule.haiku_count == true, condition.reads & AnswerID.avgInputTokens.bit == 0 {
                    throw ruleError(".haiku_count", "reads avg_input_tokens on the Haiku's count; this condition does not read avg_input_tokens")
                }
                var preferredFor: Int? = nil
                if let name = rule.preferred_for {
                    guard !prefer.isEmpty else { throw ruleError(".preferred_for", "needs 'prefer': the models named for that task type") }
                    guard let t = AnswerID.taskType.choices.firstIndex(of: name) else {
                        throw ruleError(".preferred_for", "'\(name)' is not a task type (\(AnswerID.taskType.choices.joined(separator: ", ")))")
                    }
                    preferredFor = t
                }
                rules.append(CompiledRule(criterion: c, index: r, condition: condition, effect: rule.effect,
                                          decide: decide, prefer: prefer, reads: condition.reads,
                                          haikuCachesPrefix: rule.haiku_caches_prefix, haikuCount: rule.haiku_count == true,
                                          preferredCheaper: rule.preferred_cheaper == true, preferredFor: preferredFor))
            }
            for (p, policy) in (entry.spec.policies ?? []).enumerated() {
                policies.append(try CompiledPolicy(policy, criterion: c, index: p, entry: entry, questions: questions,
                                                   tokenRatios: ratios,
                                                   thresholds: &thresholds))
            }
        }
        // The routing answer is explained in words only a routing_plan policy carries: exactly one, please.
        let plans = policies.filter { $0.kind == .routing_plan }
        if plans.count != 1 {
            let asking = questions[AnswerID.routing.rawValue].criterion
            let where_ = plans.count > 1 ? criteria[plans[1].criterion].slug : asking
            throw KnowledgeError(slug: where_, section: "criteria", field: "criterion.policies",
                                 message: plans.isEmpty
                                     ? "needs a routing_plan policy: the words for the 'routing' answer (text, ignored_text)"
                                     : "a second routing_plan policy; keep one")
        }
        self.rules = rules
        self.policies = policies
        numericCandidates = AnswerID.allCases.map { id in
            Self.candidates(for: questions[id.rawValue], thresholds: thresholds[id.rawValue])
        }

        // Failure modes.
        var exposures: [CompiledExposure] = []
        for (f, entry) in failureModes.enumerated() {
            for (m, slug) in entry.spec.models.enumerated() where modelIndex[slug] == nil {
                throw KnowledgeError(slug: entry.slug, section: "failure-modes", field: "failure_mode.models[\(m)]",
                                     message: "unknown model '\(slug)'\(Self.known(modelIndex))")
            }
            for (e, exposure) in (entry.spec.exposure ?? []).enumerated() {
                for (p, name) in (exposure.providers ?? []).enumerated() where (settings.providers ?? [:])[name] == nil {
                    throw KnowledgeError(slug: entry.slug, section: "failure-modes",
                                         field: "failure_mode.exposure[\(e)].providers[\(p)]",
                                         message: "unknown provider '\(name)' (engine.providers lists "
                                             + (settings.providers ?? [:]).keys.sorted().joined(separator: ", ") + ")")
                }
                if let unknown = Template.placeholders(in: exposure.text).first(where: { !Self.providerKeys.contains($0) }) {
                    throw KnowledgeError(slug: entry.slug, section: "failure-modes", field: "failure_mode.exposure[\(e)].text",
                                         message: "unknown placeholder {\(unknown)}; exposure texts know "
                                             + Self.providerKeys.map { "{\($0)}" }.joined(separator: ", "))
                }
                var unlessAnswered: AnswerID?
                if let name = exposure.unless_answered {
                    guard let id = AnswerID(name: name) else {
                        throw KnowledgeError(slug: entry.slug, section: "failure-modes", field: "failure_mode.exposure[\(e)].unless_answered",
                                             message: "unknown answer '\(name)' (known: " + AnswerID.allCases.map(\.name).joined(separator: ", ") + ")")
                    }
                    unlessAnswered = id
                }
                var ignored: [[Double]] = Array(repeating: [], count: AnswerID.count)
                do throws(ConditionError) {
                    let condition = try CompiledCondition(exposure.when, questions: questions, tokenRatios: ratios, thresholds: &ignored)
                    exposures.append(CompiledExposure(failureMode: f, condition: condition, text: exposure.text,
                                                      providers: exposure.providers, hosting: exposure.hosting,
                                                      cachesPrefix: exposure.caches_prefix, severity: exposure.severity,
                                                      unlessAnswered: unlessAnswered))
                } catch {
                    throw KnowledgeError(slug: entry.slug, section: "failure-modes",
                                         field: "failure_mode.exposure[\(e)].when" + error.path, message: error.message)
                }
            }
        }
        self.exposures = exposures
    }

    static let providerKeys = ["provider", "status_page", "error_docs"]

    /// The values of `{provider}`, `{status_page}` and `{error_docs}` for a provider.
    func providerPlaceholders(_ provider: String) -> [String: String] {
        let info = settings.providers?[provider]
        return ["provider": provider, "status_page": info?.status_page ?? "its status page",
                "error_docs": info?.error_docs ?? "its error documentation"]
    }

    static func known(_ index: [String: Int]) -> String {
        index.isEmpty ? " (no model pages were loaded)" : " (known: \(index.keys.sorted().joined(separator: ", ")))"
    }

    /// Checks one `criterion.question` against the interface.
    private static func compileQuestion(_ spec: QuestionSpec, entry: CriterionEntry,
                                        models: [ModelEntry]) throws(KnowledgeError) -> Question {
        func problem(_ field: String, _ message: String) -> KnowledgeError {
            KnowledgeError(slug: entry.slug, section: "criteria", field: "criterion.question" + field, message: message)
        }
        guard let id = AnswerID(name: spec.id) else {
            throw problem(".id", "'\(spec.id)' is not one of the answers ("
                + AnswerID.allCases.map(\.name).joined(separator: ", ") + ")")
        }
        guard let kind = AnswerKind(rawValue: spec.kind), kind == id.kind else {
            throw problem(".kind", "'\(spec.id)' is a \(id.kind.rawValue) question, not '\(spec.kind)'")
        }
        guard !spec.text.isEmpty else { throw problem(".text", "must not be empty") }
        var options: [QuestionOption]? = nil
        var min: Double? = nil
        var max: Double? = nil
        switch kind {
        case .choice:
            guard let list = spec.options, !list.isEmpty else { throw problem(".options", "a choice question needs options") }
            let values = list.map(\.value)
            guard Set(values).count == values.count else { throw problem(".options", "an option value appears twice") }
            guard Set(values) == Set(id.choices) else {
                throw problem(".options", "the values must be exactly \(id.choices.joined(separator: ", "))")
            }
            options = list
            if spec.min != nil || spec.max != nil { throw problem(".min", "a choice question has no min/max") }
        case .boolean, .model, .date:
            if spec.options != nil {
                throw problem(".options", kind == .model ? "a model question lists the model pages itself"
                    : "a \(kind.rawValue) question has no options")
            }
            if spec.min != nil || spec.max != nil { throw problem(".min", "a \(kind.rawValue) question has no min/max") }
            if kind == .model { options = models.map { QuestionOption(value: $0.slug, label: $0.title) } }
        case .integer, .number:
            if spec.options != nil { throw problem(".options", "a numeric question has no options") }
            guard spec.min == id.interfaceMin else {
                throw problem(".min", "must be \(AnswerValue.number(id.interfaceMin).text) ('\(spec.id)' >= \(AnswerValue.number(id.interfaceMin).text))")
            }
            guard let top = spec.max, top.isFinite, top > id.interfaceMin, top <= 1e15 else {
                throw problem(".max", "a numeric question needs a finite max above its min, at most 1e15")
            }
            if let limit = id.interfaceMax, top != limit {
                throw problem(".max", "must be \(limit) ('\(spec.id)' is 0..1)")
            }
            if kind == .integer, top.rounded() != top { throw problem(".max", "must be a whole number") }
            min = id.interfaceMin
            max = top
        }
        let question = Question(id: id, text: spec.text, kind: kind, options: options, min: min, max: max,
                                unit: spec.unit, defaultValue: spec.default, order: spec.order,
                                criterion: entry.slug, helpURL: "/criteria/\(entry.slug)")
        if kind == .date, spec.default == .text("today") { return question }
        guard let value = encode(spec.default, for: id, models: models.map(\.slug)), inBounds(value, question) else {
            let hint = kind == .date ? " (a date YYYY-MM-DD, or today)" : kind == .model ? " (a model slug)" : ""
            throw problem(".default", "'\(spec.default.text)' is not a valid \(kind.rawValue) answer for '\(spec.id)'\(hint)")
        }
        var compiled = Question(id: id, text: spec.text, kind: kind, options: options, min: min, max: max, unit: spec.unit,
                                defaultValue: decode(value, for: id, models: models.map(\.slug)), order: spec.order,
                                criterion: entry.slug, helpURL: question.helpURL)
        if let words = spec.default_label, words.trimmingCharacters(in: .whitespaces).isEmpty {
            throw problem(".default_label", "is empty: give the words the form says for the default, or leave it out")
        }
        compiled.defaultLabel = spec.default_label
        return compiled
    }

    /// An answer value as the engine stores it (choice or model index, 0/1, number, day number), or nil when the
    /// kind does not match.
    static func encode(_ value: AnswerValue, for id: AnswerID, models: [String]) -> Double? {
        switch (id.kind, value) {
        case (.choice, .text(let text)):
            return id.choices.firstIndex(of: text).map(Double.init)
        case (.model, .text(let slug)):
            return models.firstIndex(of: slug).map(Double.init)
        case (.date, .text(let text)):
            return CivilDate.day(text).map(Double.init)
        case (.boolean, .bool(let flag)):
            return flag ? 1 : 0
        case (.integer, .number(let number)):
            return number.isFinite && number.rounded() == number ? number + 0 : nil
        case (.number, .number(let number)):
            return number.isFinite ? number + 0 : nil
        default:
            return nil
        }
    }

    /// The stored value back as an `AnswerValue`.
    static func decode(_ value: Double, for id: AnswerID, models: [String]) -> AnswerValue {
        switch id.kind {
        case .choice: return .text(id.choices[Int(value)])
        case .model: return .text(models[Int(value)])
        case .date: return .text(CivilDate.text(Int(value)))
        case .boolean: return .bool(value != 0)
        case .integer, .number: return .number(value)
        }
    }

    func decode(_ value: Double, for id: AnswerID) -> AnswerValue { Self.decode(value, for: id, models: modelSlugs) }

    static func inBounds(_ value: Double, _ question: Question) -> Bool {
        if let min = question.min, value < min { return false }
        if let max = question.max, value > max { return false }
        return true
    }

    /// Values of a numeric answer on both sides of every threshold the rules compare it with, plus the bounds.
    /// Between two thresholds no rule changes its mind, so these are the only places the verdict can change.
    private static func candidates(for question: Question, thresholds: [Double]) -> [Double] {
        guard let min = question.min, let max = question.max else { return [] }
        var values: Set<Double> = [min, max]
        let integral = question.kind == .integer
        let step = max <= 1 ? 0.01 : 1
        for t in thresholds {
            let near: [Double] = integral
                ? [t.rounded(.down) - 1, t.rounded(.down), t.rounded(.up), t.rounded(.up) + 1]
                : [t - step, t, t + step].map { ($0 * 1e9).rounded() / 1e9 }
            for v in near where v >= min && v <= max { values.insert(v + 0) }
        }
        return values.sorted()
    }
}

// MARK: - Compiled pieces

/// A class, like `CompiledPolicy`: every decision walks the rules, and copying one retained its condition and list.
final class CompiledRule: Sendable {
    let criterion: Int
    let index: Int
    let condition: CompiledCondition
    let effect: Double
    let decide: Verdict?
    let prefer: [Int]
    /// Bit i set when the condition (or the prefix check) reads AnswerID(rawValue: i).
    let reads: UInt32
    /// Only when the day's Haiku would (true) or would not (false) cache the stated prefix; nil: either.
    let haikuCachesPrefix: Bool?
    /// The condition reads `avg_input_tokens` as the day's Haiku counts the prompt (`Rule.haiku_count`).
    let haikuCount: Bool
    /// Only when a model in `prefer` costs less a month than the day's Haiku.
    let preferredCheaper: Bool
    /// The task type (index) the models in `prefer` are named for besides the workload's (`preferred_for`).
    let preferredFor: Int?

    init(criterion: Int, index: Int, condition: CompiledCondition, effect: Double, decide: Verdict?, prefer: [Int],
         reads: UInt32, haikuCachesPrefix: Bool? = nil, haikuCount: Bool = false, preferredCheaper: Bool = false,
         preferredFor: Int? = nil) {
        self.preferredFor = preferredFor
        self.criterion = criterion
        self.index = index
        self.condition = condition
        self.effect = effect
        self.decide = decide
        self.prefer = prefer
        // The prefix check reads the prompt, its cached share, the tokenizer, the day and the tools; the Haiku's count
        // the same but the share.
        var reads = haikuCachesPrefix == nil ? reads : reads | Knowledge.prefixCheckReads
        if haikuCount { reads |= Knowledge.haikuCountReads }
        // Its bills are compared with reasoning at its cheapest setting, so `least_effort_when` changes nothing there.
        // And the fit the team requires, which the cheaper model must meet.
        if preferredCheaper { reads |= Engine.fixedCostInputs.reduce(0) { $0 | $1.bit } | AnswerID.requiredFit.bit }
        self.reads = reads
        self.haikuCachesPrefix = haikuCachesPrefix
        self.haikuCount = haikuCount
        self.preferredCheaper = preferredCheaper
    }
}

struct CompiledExposure: Sendable {
    let failureMode: Int
    let condition: CompiledCondition
    let text: String
    /// nil: whatever the primary model's provider.
    let providers: [String]?
    /// nil: whether the primary model is an API's or self-hosted.
    let hosting: Hosting?
    /// nil: whether or not the primary model would cache the stated prefix.
    let cachesPrefix: Bool?
    /// nil: the failure mode's.
    let severity: Severity?
    /// Holds only while the team has left this answer to its default (nil: whatever it said).
    let unlessAnswered: AnswerID?
}

/// How far apart two monthly bills must be before the dearer is priced out: more than `ratio` times the cheaper and
/// at least `usd` more (the cost ceiling's `max_ratio` and `min_saving_usd`; `quality_margin_max_ratio` and
/// `quality_margin_min_usd`), so that neither a few dollars nor a small multiple decides.
struct PriceGap: Sendable {
    let ratio: Double
    let usd: Double

    func separates(dear: Double, cheap: Double) -> Bool { dear > ratio * cheap && dear - cheap >= usd }
}

/// A checked policy (see Engine.swift, "Policies").
/// A class: every decision walks the policies, and a struct of texts and conditions was copied per step.
final class CompiledPolicy: Sendable {
    let kind: PolicyKind
    let criterion: Int
    let index: Int
    /// nil: always.
    let condition: CompiledCondition?
    let minFit: Fit
    /// alternatives_min_fit: the task type (`task_type` choice index) `minFit` applies to; nil: the workload's own.
    let task: Int?
    let buildHours: Double
    let upkeepHoursPerMonth: Double
    /// routing_payback: the router's hours in its first year, building it and keeping it twelve months.
    var routerHoursFirstYear: Double { buildHours + 12 * upkeepHoursPerMonth }
    /// effort_before_escalation: the level the Haiku is priced at.
    let effort: Effort
    /// cost_ceiling: the largest ratio of the Haiku's cost to an equal-fit model's, and the smallest saving that counts.
    let maxRatio: Double
    let minSaving: Double
    let text: String
    /// What the policy found, in the words said when the routing plan overrules it ("" for kinds it cannot).
    let routedText: String
    /// routing_plan: the sentence when the plan's conditions fail ("" for other kinds).
    let ignoredText: String
    /// routing_payback: the words when routing loses money before the router's cost ("" for other kinds).
    let lossText: String
    let routedLossText: String
    /// routing_payback: the words when the escalation model cannot answer within the budget and the Haiku takes
    /// everything ("" for other kinds).
    let slowText: String
    /// routing_payback: the words when routing would pay but the escalation model cannot answer within the budget,
    /// so the Haiku takes everything ("" for other kinds).
    let slowPayingText: String
    /// routing_payback: the words when routing does not pay and cost first keeps the Haiku, the cheapest model that
    /// fits, on every request ("" for other kinds).
    let costFirstText: String
    /// routing_payback: everything on the escalation model is over the cost ceiling against the Haiku alone (`ceiling_text`).
    let ceilingText: String
    /// cost_ceiling: the words when the Haiku's prompt is over its long-context price threshold ("" for other kinds).
    let thresholdText: String
    /// cost_ceiling: the runner-up's reason when a cheaper equal did not clear the ceiling ("" for other kinds).
    let heldText: String
    /// cost_ceiling: the reason and the runner-up's reason when the model compared is one a rule names, not the
    /// Haiku ("" for other kinds).
    let preferredText: String
    let preferredHeldText: String

    /// cost_ceiling: whether a Haiku costing `haiku` a month gives way to a model that fits as well and costs `other`
    /// (both priced with reasoning at its cheapest setting): more than `maxRatio` times as much and at least
    /// `minSaving` more.
    func ceilingPasses(haiku: Double, other: Double) -> Bool {
        PriceGap(ratio: maxRatio, usd: minSaving).separates(dear: haiku, cheap: other)
    }

    /// The placeholders each kind's text may use.
    static func placeholders(_ kind: PolicyKind) -> [String] {
        switch kind {
        case .cheapest_fit: ["model", "monthly", "min_fit", "outlook_days"]
        case .routing_payback: ["saving_per_year", "routing_cost_per_year", "build_hours", "upkeep_hours_per_month", "model"]
        case .alternatives_min_fit, .fit_first: ["min_fit"]
        case .effort_before_escalation: ["haiku", "effort", "haiku_monthly", "escalation", "escalation_monthly", "escalation_effort",
                                         "escalation_cost", "outcome"]
        case .cost_ceiling: ["haiku", "haiku_monthly", "model", "monthly", "ratio", "saving"]
        case .routing_plan: ["haiku", "escalation", "share", "haiku_monthly", "escalation_monthly", "escalated_part",
                             "escalated_effort", "escalation_alone_effort", "escalation_state", "combined", "advisor"]
        }
    }

    /// The kinds whose finding the routing plan can overrule, and so need a `routed_text`; the placeholders it may
    /// use (the kind's own, plus the Haiku the plan keeps and its monthly cost).
    static func routedPlaceholders(_ kind: PolicyKind) -> [String]? {
        switch kind {
        case .cheapest_fit, .routing_payback, .cost_ceiling: placeholders(kind) + ["haiku", "haiku_monthly"]
        case .alternatives_min_fit, .fit_first, .effort_before_escalation, .routing_plan: nil
        }
    }

    init(_ spec: PolicySpec, criterion: Int, index: Int, entry: CriterionEntry, questions: [Question],
         tokenRatios: [Double], thresholds: inout [[Double]]) throws(KnowledgeError) {
        func problem(_ field: String, _ message: String) -> KnowledgeError {
            KnowledgeError(slug: entry.slug, section: "criteria", field: "criterion.policies[\(index)]" + field, message: message)
        }
        kind = spec.kind
        self.criterion = criterion
        self.index = index
        if let when = spec.when {
            do throws(ConditionError) {
                condition = try CompiledCondition(when, questions: questions, tokenRatios: tokenRatios, thresholds: &thresholds)
            } catch {
                throw problem(".when" + error.path, error.message)
            }
        } else {
            condition = nil
        }
        effort = spec.effort ?? .high
        if let name = spec.task {
            guard spec.kind == .alternatives_min_fit else {
                throw problem(".task", "only an alternatives_min_fit policy names a task type")
            }
            guard let i = AnswerID.taskType.choices.firstIndex(of: name) else {
                throw problem(".task", "'\(name)' is not a task type (\(AnswerID.taskType.choices.joined(separator: ", ")))")
            }
            task = i
        } else {
            task = nil
        }
        maxRatio = spec.max_ratio ?? 0
        minSaving = spec.min_saving_usd ?? 0
        switch kind {
        case .cheapest_fit, .alternatives_min_fit, .fit_first:
            guard let fit = spec.min_fit else { throw problem(".min_fit", "\(kind.rawValue) needs min_fit") }
            minFit = fit
            buildHours = 0
            upkeepHoursPerMonth = 0
        case .cost_ceiling:
            guard let ratio = spec.max_ratio, ratio.isFinite, ratio > 1 else {  // read below as maxRatio
                throw problem(".max_ratio", "cost_ceiling needs max_ratio > 1 (how many times the cheaper model's cost the Haiku may cost)")
            }
            guard let saving = spec.min_saving_usd, saving.isFinite, saving >= 0 else {
                throw problem(".min_saving_usd", "cost_ceiling needs min_saving_usd >= 0")
            }
            minFit = .poor
            buildHours = 0
            upkeepHoursPerMonth = 0
        case .effort_before_escalation:
            guard spec.effort != nil, spec.effort != Effort.none else {
                throw problem(".effort", "effort_before_escalation needs the effort to price the Haiku at (low, medium, high)")
            }
            minFit = .poor
            buildHours = 0
            upkeepHoursPerMonth = 0
        case .routing_payback:
            guard let build = spec.build_hours, build.isFinite, build >= 0 else {
                throw problem(".build_hours", "routing_payback needs build_hours >= 0")
            }
            guard let upkeep = spec.upkeep_hours_per_month, upkeep.isFinite, upkeep >= 0 else {
                throw problem(".upkeep_hours_per_month", "routing_payback needs upkeep_hours_per_month >= 0")
            }
            minFit = .poor
            buildHours = build
            upkeepHoursPerMonth = upkeep
        case .routing_plan:
            minFit = .poor
            buildHours = 0
            upkeepHoursPerMonth = 0
        }
        func checked(_ text: String?, _ field: String, _ allowed: [String]) throws(KnowledgeError) -> String {
            guard let text, !text.isEmpty else { throw problem(field, "must not be empty") }
            if let unknown = Template.placeholders(in: text).first(where: { !allowed.contains($0) }) {
                throw problem(field, "unknown placeholder {\(unknown)}; \(spec.kind.rawValue) knows "
                    + allowed.map { "{\($0)}" }.joined(separator: ", "))
            }
            return text
        }
        text = try checked(spec.text, ".text", Self.placeholders(spec.kind))
        if let allowed = Self.routedPlaceholders(spec.kind) {
            guard spec.routed_text != nil else {
                throw problem(".routed_text", "\(spec.kind.rawValue) needs routed_text: what it found, said when the team routes anyway")
            }
            routedText = try checked(spec.routed_text, ".routed_text", allowed)
        } else if spec.routed_text != nil {
            throw problem(".routed_text", "only cheapest_fit, routing_payback and cost_ceiling can be overruled by the routing plan")
        } else {
            routedText = ""
        }
        if spec.kind == .routing_payback {
            // The saving is below zero here: a loss text says {loss_per_year}, never {saving_per_year}.
            let loss = Self.placeholders(spec.kind).filter { $0 != "saving_per_year" } + ["loss_per_year"]
            guard spec.loss_text != nil, spec.routed_loss_text != nil else {
                throw problem(spec.loss_text == nil ? ".loss_text" : ".routed_loss_text",
                              "routing_payback needs loss_text and routed_loss_text: the words when routing saves nothing at all")
            }
            lossText = try checked(spec.loss_text, ".loss_text", loss)
            routedLossText = try checked(spec.routed_loss_text, ".routed_loss_text", loss + ["haiku", "haiku_monthly"])
            guard spec.slow_text != nil else {
                throw problem(".slow_text", "routing_payback needs slow_text: the words when the escalation model cannot "
                              + "answer within the latency budget and the Haiku takes everything")
            }
            // The saving may be below zero here too: no {saving_per_year}.
            slowText = try checked(spec.slow_text, ".slow_text", loss.filter { $0 != "loss_per_year" } + ["haiku", "haiku_monthly", "budget", "within"])
            guard spec.slow_paying_text != nil else {
                throw problem(".slow_paying_text", "routing_payback needs slow_paying_text: the words when routing would pay "
                              + "but the escalation model cannot answer within the latency budget and the Haiku takes everything")
            }
            slowPayingText = try checked(spec.slow_paying_text, ".slow_paying_text",
                                         Self.placeholders(spec.kind) + ["haiku", "haiku_monthly", "budget"])
            guard spec.cost_first_text != nil else {
                throw problem(".cost_first_text", "routing_payback needs cost_first_text: the words when routing does not pay "
                              + "and cost first keeps the Haiku, the cheapest model that fits, on every request")
            }
            // The saving may be below zero here too: no {saving_per_year}.
            costFirstText = try checked(spec.cost_first_text, ".cost_first_text",
                                        loss.filter { $0 != "loss_per_year" } + ["haiku", "haiku_monthly", "monthly"])
            guard spec.ceiling_text != nil else {
                throw problem(".ceiling_text", "routing_payback needs ceiling_text: the words when routing does not pay and "
                              + "everything on the escalation model is over the cost ceiling against the Haiku, which takes every request")
            }
            ceilingText = try checked(spec.ceiling_text, ".ceiling_text",
                                      loss.filter { $0 != "loss_per_year" } + ["haiku", "haiku_monthly", "monthly", "ratio", "max_ratio"])
        } else if spec.loss_text != nil || spec.routed_loss_text != nil || spec.slow_text != nil || spec.slow_paying_text != nil
                    || spec.cost_first_text != nil || spec.ceiling_text != nil {
            throw problem(spec.loss_text != nil ? ".loss_text" : spec.routed_loss_text != nil ? ".routed_loss_text"
                          : spec.slow_text != nil ? ".slow_text" : spec.slow_paying_text != nil ? ".slow_paying_text"
                          : spec.cost_first_text != nil ? ".cost_first_text" : ".ceiling_text",
                          "only a routing_payback policy has loss, slow, cost-first and ceiling texts")
        } else {
            lossText = ""
            routedLossText = ""
            slowText = ""
            slowPayingText = ""
            costFirstText = ""
            ceilingText = ""
        }
        if spec.kind == .cost_ceiling {
            guard spec.threshold_text != nil else {
                throw problem(".threshold_text", "cost_ceiling needs threshold_text: the words when the Haiku's prompt is "
                              + "over its long-context price threshold, with {threshold}")
            }
            thresholdText = try checked(spec.threshold_text, ".threshold_text", Self.placeholders(spec.kind) + ["threshold", "prompts"])
            guard spec.held_text != nil else {
                throw problem(".held_text", "cost_ceiling needs held_text: why a cheaper model that fits as well did not "
                              + "clear the ceiling, with {max_ratio} and {min_saving}")
            }
            heldText = try checked(spec.held_text, ".held_text", Self.placeholders(spec.kind) + ["max_ratio", "min_saving"])
            guard spec.preferred_text != nil, spec.preferred_held_text != nil else {
                throw problem(spec.preferred_text == nil ? ".preferred_text" : ".preferred_held_text",
                              "cost_ceiling needs preferred_text and preferred_held_text: the words when the model compared "
                              + "is one a rule names (prefer), with {preferred}, {preferred_monthly} and {criterion}")
            }
            let preferred = Self.placeholders(spec.kind).filter { !$0.hasPrefix("haiku") } + ["preferred", "preferred_monthly", "criterion"]
            preferredText = try checked(spec.preferred_text, ".preferred_text", preferred)
            preferredHeldText = try checked(spec.preferred_held_text, ".preferred_held_text", preferred + ["max_ratio", "min_saving"])
        } else if spec.kind == .fit_first {
            // The words when a rule names a model that fits the task less well than this policy puts first.
            guard spec.preferred_text != nil else {
                throw problem(".preferred_text", "fit_first needs preferred_text: the words when a rule names a model that fits "
                              + "the task less well than {min_fit}, with {preferred}, {preferred_fit}, {model} and {criterion}")
            }
            if let field = [(spec.threshold_text, ".threshold_text"), (spec.held_text, ".held_text"),
                            (spec.preferred_held_text, ".preferred_held_text")].first(where: { $0.0 != nil })?.1 {
                throw problem(field, "only a cost_ceiling policy has threshold_text, held_text and preferred_held_text")
            }
            thresholdText = ""
            heldText = ""
            preferredText = try checked(spec.preferred_text, ".preferred_text", Self.placeholders(spec.kind)
                                        + ["preferred", "preferred_monthly", "preferred_fit", "criterion", "model", "monthly"])
            preferredHeldText = ""
        } else if let field = [(spec.threshold_text, ".threshold_text"), (spec.held_text, ".held_text"),
                               (spec.preferred_text, ".preferred_text"), (spec.preferred_held_text, ".preferred_held_text")]
                    .first(where: { $0.0 != nil })?.1 {
            throw problem(field, "only a cost_ceiling or fit_first policy has preferred_text, and only a cost_ceiling one "
                          + "threshold_text, held_text and preferred_held_text")
        } else {
            thresholdText = ""
            heldText = ""
            preferredText = ""
            preferredHeldText = ""
        }
        if spec.kind == .routing_plan {
            guard spec.ignored_text != nil else { throw problem(".ignored_text", "routing_plan needs ignored_text (with {why})") }
            ignoredText = try checked(spec.ignored_text, ".ignored_text", ["why"])
        } else if spec.ignored_text != nil {
            throw problem(".ignored_text", "only a routing_plan policy has ignored_text")
        } else {
            ignoredText = ""
        }
    }
}

/// `{name}` placeholders in content texts.
enum Template {
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Replaces each `{name}` that `values` knows, in one pass over the text's bytes (a search-and-replace per name
    /// through Foundation cost an eighth of an assessment); unknown `{…}` stay as they are, and a value is never
    /// read for placeholders again.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var source = text
        return source.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "{"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
                   let value = values[String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close]), as: UTF8.self)] {
                    out.append(contentsOf: value.utf8)
                    i = close + 1
                } else {
                    out.append(byte)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
