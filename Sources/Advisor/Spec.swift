// The typed front-matter blocks that the decision engine reads, exactly as README.md (Content format) describes them.
// They are plain Codable values: the Content module decodes them from YAML, the engine only reads them.

/// Where a page's facts come from.
public struct Source: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var url: String
    public var checked: String
    public var note: String?

    public init(id: String, title: String, url: String, checked: String, note: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.checked = checked
        self.note = note
    }
}

/// A number or date with its provenance: which source, and the arithmetic when it is derived.
public struct Figure<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var value: Value
    public var source: String
    public var as_of: String?
    public var derived: String?
    public var note: String?

    public init(value: Value, source: String, as_of: String? = nil, derived: String? = nil, note: String? = nil) {
        self.value = value
        self.source = source
        self.as_of = as_of
        self.derived = derived
        self.note = note
    }
}

public typealias NumberFigure = Figure<Double>
public typealias TextFigure = Figure<String>

// MARK: - Conditions

/// A test over the answers: one comparison, or `all` / `any` of nested conditions.
public struct Condition: Codable, Sendable, Equatable {
    public var answer: String?
    public var `is`: AnswerValue?
    public var `in`: [AnswerValue]?
    public var not_in: [AnswerValue]?
    public var at_least: Double?
    public var above: Double?
    public var at_most: Double?
    public var below: Double?
    public var all: [Condition]?
    public var any: [Condition]?

    public init(answer: String? = nil, is: AnswerValue? = nil, in: [AnswerValue]? = nil, not_in: [AnswerValue]? = nil,
                at_least: Double? = nil, above: Double? = nil, at_most: Double? = nil, below: Double? = nil,
                all: [Condition]? = nil, any: [Condition]? = nil) {
        self.answer = answer
        self.is = `is`
        self.in = `in`
        self.not_in = not_in
        self.at_least = at_least
        self.above = above
        self.at_most = at_most
        self.below = below
        self.all = all
        self.any = any
    }
}

/// One answer's value: a string choice, a number or a boolean.
public enum AnswerValue: Codable, Sendable, Equatable, Hashable {
    case text(String)
    case number(Double)
    case bool(Bool)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number):
            // Whole numbers encode as JSON integers (`1000`, not `1000.0`), so integer answers read as integers.
            if number.rounded() == number, abs(number) < 9.0e15 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .bool(let flag): try container.encode(flag)
        }
    }
}

extension AnswerValue {
    /// The value as a query string, a form field or a terminal writes it: `chat`, `true`, `1000`, `0.25`.
    public var text: String {
        switch self {
        case .text(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number == number.rounded() && abs(number) < 9e15 ? String(Int64(number)) : String(number)
        }
    }
}

// MARK: - Models

public struct ModelPrices: Codable, Sendable, Equatable {
    public var input: NumberFigure
    public var output: NumberFigure
    public var cache_read: NumberFigure?
    public var cache_write: NumberFigure?
    public var batch_discount: NumberFigure?

    public init(input: NumberFigure, output: NumberFigure, cache_read: NumberFigure? = nil,
                cache_write: NumberFigure? = nil, batch_discount: NumberFigure? = nil) {
        self.input = input
        self.output = output
        self.cache_read = cache_read
        self.cache_write = cache_write
        self.batch_discount = batch_discount
    }
}

public struct SelfHosting: Codable, Sendable, Equatable {
    public var gpu_hour_usd: NumberFigure
    public var tokens_per_second: NumberFigure
    public var min_gpus: NumberFigure
    public var ops_hours_per_month: NumberFigure

    public init(gpu_hour_usd: NumberFigure, tokens_per_second: NumberFigure, min_gpus: NumberFigure,
                ops_hours_per_month: NumberFigure) {
        self.gpu_hour_usd = gpu_hour_usd
        self.tokens_per_second = tokens_per_second
        self.min_gpus = min_gpus
        self.ops_hours_per_month = ops_hours_per_month
    }
}

public struct LatencyFigure: Codable, Sendable, Equatable {
    public var percentile: String
    public var ms: Double
    public var ms_high: Double?
    public var conditions: String
    public var source: String
    public var as_of: String?

    public init(percentile: String, ms: Double, ms_high: Double? = nil, conditions: String, source: String,
                as_of: String? = nil) {
        self.percentile = percentile
        self.ms = ms
        self.ms_high = ms_high
        self.conditions = conditions
        self.source = source
        self.as_of = as_of
    }
}

public struct TaskFit: Codable, Sendable, Equatable {
    public var fit: String
    public var source: String

    public init(fit: String, source: String) {
        self.fit = fit
        self.source = source
    }
}

/// The `model:` block of a models/ page.
public struct ModelSpec: Codable, Sendable, Equatable {
    public var provider: String
    public var family: String
    public var released: TextFigure
    public var hosting: String
    public var prices: ModelPrices?
    public var self_hosting: SelfHosting?
    public var context_window: NumberFigure
    public var latency: [LatencyFigure]?
    public var benchmarks: [String: NumberFigure]?
    public var access: [String]
    public var task_fit: [String: TaskFit]

    public init(provider: String, family: String, released: TextFigure, hosting: String, prices: ModelPrices? = nil,
                self_hosting: SelfHosting? = nil, context_window: NumberFigure, latency: [LatencyFigure]? = nil,
                benchmarks: [String: NumberFigure]? = nil, access: [String], task_fit: [String: TaskFit]) {
        self.provider = provider
        self.family = family
        self.released = released
        self.hosting = hosting
        self.prices = prices
        self.self_hosting = self_hosting
        self.context_window = context_window
        self.latency = latency
        self.benchmarks = benchmarks
        self.access = access
        self.task_fit = task_fit
    }
}

// MARK: - Failure modes

public struct Detection: Codable, Sendable, Equatable {
    public var metric: String
    public var threshold: String

    public init(metric: String, threshold: String) {
        self.metric = metric
        self.threshold = threshold
    }
}

public struct Exposure: Codable, Sendable, Equatable {
    public var when: Condition
    public var text: String

    public init(when: Condition, text: String) {
        self.when = when
        self.text = text
    }
}

/// The `failure_mode:` block of a failure-modes/ page.
public struct FailureModeSpec: Codable, Sendable, Equatable {
    public var frequency: String
    public var impact: String
    public var severity: String
    public var detect: [Detection]
    public var mitigation: [String]
    public var models: [String]
    public var exposure: [Exposure]?

    public init(frequency: String, impact: String, severity: String, detect: [Detection], mitigation: [String],
                models: [String], exposure: [Exposure]? = nil) {
        self.frequency = frequency
        self.impact = impact
        self.severity = severity
        self.detect = detect
        self.mitigation = mitigation
        self.models = models
        self.exposure = exposure
    }
}

// MARK: - Criteria and the questionnaire

public struct QuestionOption: Codable, Sendable, Equatable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// A questionnaire question, declared on the criterion page that explains it.
public struct QuestionSpec: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var kind: String
    public var options: [QuestionOption]?
    public var min: Double?
    public var max: Double?
    public var unit: String?
    public var `default`: AnswerValue
    public var order: Int

    public init(id: String, text: String, kind: String, options: [QuestionOption]? = nil, min: Double? = nil,
                max: Double? = nil, unit: String? = nil, default: AnswerValue, order: Int) {
        self.id = id
        self.text = text
        self.kind = kind
        self.options = options
        self.min = min
        self.max = max
        self.unit = unit
        self.default = `default`
        self.order = order
    }
}

public struct Rule: Codable, Sendable, Equatable {
    public var when: Condition
    public var effect: Double
    public var text: String
    public var decide: String?
    public var prefer: [String]?
    public var source: String?

    public init(when: Condition, effect: Double, text: String, decide: String? = nil, prefer: [String]? = nil,
                source: String? = nil) {
        self.when = when
        self.effect = effect
        self.text = text
        self.decide = decide
        self.prefer = prefer
        self.source = source
    }
}

/// The `criterion:` block of a criteria/ page.
public struct CriterionSpec: Codable, Sendable, Equatable {
    public var question: QuestionSpec?
    public var rules: [Rule]

    public init(question: QuestionSpec? = nil, rules: [Rule]) {
        self.question = question
        self.rules = rules
    }
}

/// The `engine:` block of criteria/_index.md: thresholds and the models the verdicts name.
public struct EngineSettings: Codable, Sendable, Equatable {
    public var base_score: Double
    public var choose_haiku_at: Double
    public var tiered_routing_at: Double
    public var haiku_model: String
    public var escalation_model: String

    public init(base_score: Double, choose_haiku_at: Double, tiered_routing_at: Double, haiku_model: String,
                escalation_model: String) {
        self.base_score = base_score
        self.choose_haiku_at = choose_haiku_at
        self.tiered_routing_at = tiered_routing_at
        self.haiku_model = haiku_model
        self.escalation_model = escalation_model
    }
}
