import Advisor

// The decision summary and the levers of `/api/assess` written by `JSONWriter` (AssessmentJSON.swift says the
// rules). `DecisionSummary` and `Trap` write their absent members as `null`; the rest are synthesized encoders.

extension JSONWriter {
    mutating func write(_ line: RunnerUp) {
        object { json in
            json.field("difference_usd", line.difference_usd)
            json.field("model", line.model)
            json.field("monthly_usd", line.monthly_usd)
            json.field("reason", line.reason)
            json.field("url", line.url)
        }
    }

    mutating func write(_ d: DecisionSummary) {
        object { json in
            json.key("combined")
            if let combined = d.combined {
                json.object { json in
                    json.field("complex_share", combined.complex_share)
                    json.fieldIfPresent("escalated_effort", combined.escalated_effort)
                    json.field("escalation_model", combined.escalation_model)
                    json.field("monthly_usd", combined.monthly_usd)
                }
            } else {
                json.null()
            }
            json.key("haiku")
            if let haiku = d.haiku { json.write(haiku) } else { json.null() }
            json.field("monthly_usd", d.monthly_usd)
            json.key("passed_over")
            json.array(d.passed_over) { json, passed in
                json.object { json in
                    json.field("model", passed.model)
                    json.field("monthly_usd", passed.monthly_usd)
                    json.field("reason", passed.reason)
                    json.field("url", passed.url)
                }
            }
            json.field("recommended", d.recommended)
            json.key("requirement_missed")
            json.string(d.requirement_missed)
            json.key("runner_up")
            if let runner = d.runner_up { json.write(runner) } else { json.null() }
            json.key("top_lever")
            if let lever = d.top_lever { json.write(lever) } else { json.null() }
            json.key("top_risk")
            if let risk = d.top_risk { json.write(risk) } else { json.null() }
            json.key("traps")
            json.array(d.traps) { json, trap in
                json.object { json in
                    json.key("amount_usd")
                    if let amount = trap.amount_usd { json.number(amount) } else { json.null() }
                    json.field("kind", trap.kind)
                    json.field("model", trap.model)
                    json.field("text", trap.text)
                    json.field("url", trap.url)
                }
            }
        }
    }

    mutating func write(_ lever: Lever) {
        object { json in
            json.key("changes")
            json.array(lever.changes) { json, change in
                json.object { json in
                    json.field("answer", change.answer.name)
                    json.key("to")
                    json.write(change.to)
                }
            }
            json.field("kind", lever.kind)
            json.field("model", lever.model)
            json.field("monthly_after", lever.monthly_after)
            json.field("monthly_before", lever.monthly_before)
            json.field("score", lever.score)
            json.field("text", lever.text)
            json.field("url", lever.url)
            json.field("verdict", lever.verdict)
        }
    }
}
