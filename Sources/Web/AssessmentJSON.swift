import Advisor

// `/api/assess` written by `JSONWriter` (the assessment's `Encodable` conformance stays the reference, and serves
// the CLI, MCP and exports). Every object's keys come in `JSONEncoder`'s sorted order (by UTF-8 bytes: `a_b`
// before `ab`); optionals the synthesized encoders leave out are left out, and those the hand-written
// `encode(to:)`s write as `null` are written as `null`. AssessmentJSONTests holds the bytes to `JSON.encode`'s.
// The cost table's parts are in CostLineJSON.swift, the decision's and levers' in DecisionJSON.swift.

extension Assessment {
    /// The document as `JSON.encode(self)` writes it, byte for byte; with `usage`, as `UsageLinkDocument` does.
    func jsonBytes(usage: UsageComparison? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 * 1024)
        writer.write(self, usage: usage)
        return writer.bytes
    }
}

extension JSONWriter {
    mutating func write(_ a: Assessment, usage: UsageComparison?) {
        object { json in
            json.key("alternatives")
            json.array(a.alternatives) { $0.string($1) }
            json.key("alternatives_note")
            json.string(a.alternativesNote)
            json.field("as_of", a.asOf)
            json.key("assumptions")
            json.array(a.assumptions) { json, assumption in
                json.object { json in
                    json.field("answer", assumption.answer.name)
                    json.key("value")
                    json.write(assumption.value)
                }
            }
            json.field("base_score", a.baseScore)
            json.key("capacity")
            if let capacity = a.capacity { json.write(capacity) } else { json.null() }
            json.field("choose_haiku_at", a.chooseHaikuAt)
            json.key("costs")
            json.array(a.costs) { $0.write($1) }
            json.key("decided_by")
            json.string(a.decidedBy)
            json.key("decision")
            json.write(a.decision)
            json.key("effort_option")
            if let option = a.effortOption { json.write(option) } else { json.null() }
            json.key("figures_checked")
            json.string(a.figuresChecked)
            json.key("haiku_model")
            json.string(a.haikuModel)
            json.key("levers")
            json.array(a.levers) { $0.write($1) }
            json.key("primary_fit")
            if let fit = a.primaryFit { json.write(fit) } else { json.null() }
            json.field("primary_model", a.primaryModel)
            json.field("primary_model_basis", a.primaryModelBasis)
            json.key("quality_margin")
            if let margin = a.qualityMargin { json.write(margin) } else { json.null() }
            json.key("reasons")
            json.array(a.reasons) { $0.write($1) }
            json.field("score", a.score)
            json.field("score_resting_on_assumptions", a.scoreRestingOnAssumptions)
            json.field("tiered_routing_at", a.tieredRoutingAt)
            if let usage {
                json.key("usage")
                json.object { json in
                    json.key("comparison")
                    json.write(usage)
                }
            }
            json.field("verdict", a.verdict)
            json.key("warnings")
            json.array(a.warnings) { $0.write($1) }
            json.key("what_would_change")
            json.array(a.whatWouldChange) { json, change in
                json.object { json in
                    json.field("answer", change.answer.name)
                    json.field("score", change.score)
                    json.key("to")
                    json.write(change.to)
                    json.field("verdict", change.verdict)
                }
            }
        }
    }

    /// As `AnswerValue.encode(to:)`: whole numbers as integers.
    mutating func write(_ value: AnswerValue) {
        switch value {
        case .text(let text): string(text)
        case .bool(let flag): bool(flag)
        case .number(let number):
            if number.rounded() == number, abs(number) < 9.0e15 { self.number(Int(number)) } else { self.number(number) }
        }
    }

    mutating func write(_ reason: Reason) {
        object { json in
            json.field("criterion", reason.criterion)
            json.fieldIfPresent("decide", reason.decide)
            json.field("effect", reason.effect)
            json.fieldIfPresent("source", reason.source)
            json.field("text", reason.text)
            json.field("title", reason.title)
            json.field("url", reason.url)
        }
    }

    mutating func write(_ warning: Warning) {
        object { json in
            json.field("failure_mode", warning.failure_mode)
            json.fieldIfPresent("model", warning.model)
            json.field("severity", warning.severity)
            json.field("text", warning.text)
            json.field("title", warning.title)
            json.field("url", warning.url)
        }
    }

    mutating func write(_ margin: QualityMargin) {
        object { json in
            json.field("difference_usd", margin.difference_usd)
            json.field("model", margin.model)
            json.field("monthly_usd", margin.monthly_usd)
        }
    }

    mutating func write(_ option: EffortOption) {
        object { json in
            json.field("effort", option.effort)
            json.field("escalation_model", option.escalation_model)
            json.field("escalation_monthly_usd", option.escalation_monthly_usd)
            json.field("haiku_model", option.haiku_model)
            json.field("haiku_monthly_usd", option.haiku_monthly_usd)
        }
    }

    mutating func write(_ rating: FitRating) {
        object { json in
            json.field("basis", rating.basis)
            json.fieldIfPresent("benchmark", rating.benchmark)
            json.field("confidence", rating.confidence)
            json.field("fit", rating.fit)
            json.field("model", rating.model)
            json.field("rests_on_judgement", rating.rests_on_judgement)
            json.fieldIfPresent("source_title", rating.source_title)
            json.fieldIfPresent("source_url", rating.source_url)
            json.field("task", rating.task)
        }
    }

    mutating func write(_ comparison: UsageComparison) {
        object { json in
            json.fieldIfPresent("current_model", comparison.current_model)
            json.fieldIfPresent("current_monthly_usd", comparison.current_monthly_usd)
            json.fieldIfPresent("current_note", comparison.current_note)
            json.fieldIfPresent("difference_usd", comparison.difference_usd)
            json.key("groups")
            json.number(comparison.groups)
            json.key("models")
            json.array(comparison.models) { json, facts in
                json.object { json in
                    json.field("below_cache_minimum_share", facts.below_cache_minimum_share)
                    json.field("long_context_share", facts.long_context_share)
                    json.field("model", facts.model)
                    json.field("over_headroom_share", facts.over_headroom_share)
                    json.field("over_window_share", facts.over_window_share)
                }
            }
            json.field("recommended_monthly_usd", comparison.recommended_monthly_usd)
        }
    }
}

/// The engine's closed sets, written as their raw values (`JSONScalar`, JSONWriter.swift).

extension Verdict: JSONScalar {}
extension PrimaryBasis: JSONScalar {}
extension Severity: JSONScalar {}
extension Effort: JSONScalar {}
extension Fit: JSONScalar {}
extension FitBasis: JSONScalar {}
extension Confidence: JSONScalar {}
extension Hosting: JSONScalar {}
extension LatencyVerdict: JSONScalar {}
extension LifecycleState: JSONScalar {}
extension PriceBand: JSONScalar {}
extension CacheTTL: JSONScalar {}
extension CachingMode: JSONScalar {}
extension CapacityStatus: JSONScalar {}
extension RateLimitKind: JSONScalar {}
extension LeverKind: JSONScalar {}
extension TrapKind: JSONScalar {}
