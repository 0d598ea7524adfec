import Advisor
import MCP

/// JSON Schemas for the tools' inputs, built from the questionnaire's questions (the `/api/questionnaire` data that
/// the criteria pages declare): the kinds, options, bounds, units and defaults are the content's, so a question
/// added or changed there changes the tools with it.
enum ToolSchema {
    /// An object schema of the given questions, none required (a missing answer takes its default).
    static func answers(_ questions: [Question], extra: [String: Value] = [:]) -> Value {
        var properties: [String: Value] = [:]
        for question in questions { properties[question.id.name] = property(question) }
        for (name, schema) in extra { properties[name] = schema }
        return .object(["type": "object", "properties": .object(properties), "additionalProperties": false])
    }

    /// One question as a JSON Schema property.
    static func property(_ question: Question) -> Value {
        var schema: [String: Value] = [:]
        var description = question.text
        switch question.kind {
        case .choice:
            let options = question.options ?? []
            schema["type"] = "string"
            schema["enum"] = .array(options.map { .string($0.value) })
            description += " (" + options.map { "\($0.value): \($0.label)" }.joined(separator: "; ") + ")"
        case .model:
            schema["type"] = "string"
            schema["enum"] = .array((question.options ?? []).map { .string($0.value) })
            description += " (a model slug)"
        case .integer, .number:
            schema["type"] = question.kind == .integer ? "integer" : "number"
            if let min = question.min { schema["minimum"] = number(min) }
            if let max = question.max { schema["maximum"] = number(max) }
        case .boolean:
            schema["type"] = "boolean"
        case .date:
            schema["type"] = "string"
            schema["pattern"] = "^([0-9]{4}-[0-9]{2}-[0-9]{2}|today)$"
            description += " (YYYY-MM-DD or today)"
        }
        if let unit = question.unit { description += " Unit: \(unit)." }
        description += " Default: \(question.defaultValue.text). Explained at \(question.helpURL)."
        schema["description"] = .string(description)
        schema["default"] = value(question.defaultValue)
        return .object(schema)
    }

    static func value(_ answer: AnswerValue) -> Value {
        switch answer {
        case .text(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .number(let n): number(n)
        }
    }

    /// Whole numbers as JSON integers, as the API writes them.
    static func number(_ n: Double) -> Value {
        n.rounded() == n && abs(n) < 9e15 ? .int(Int(n)) : .double(n)
    }
}
