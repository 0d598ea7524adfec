import Foundation

// Answers: validated values for every question, and where they came from.
//
// ## Rules for input
// - Unknown ids are refused (`unknown_answer`); an id given twice is refused (`duplicate_answer`).
// - A missing answer takes the questionnaire default and is listed under `assumptions`. In a query string an
//   empty value (`task_type=`) counts as missing, which is what an HTML form sends for an untouched field; in
//   JSON `null` counts as missing.
// - Choices: exactly one of README.md's values, case-sensitive (`invalid_choice`).
// - Booleans: JSON `true`/`false` only. Query strings: `true`/`false`, plus `on` (what a checked checkbox sends),
//   `off`, `1`, `0` (`invalid_boolean`).
// - Numbers: query strings take plain decimal notation (`1000`, `0.25`, `1e6`; no `nan`, `inf`, hex, spaces or
//   leading `+`), digits grouped by commas (`3,000,000`) and a `k`/`M`/`B`/`T` suffix (`20k`, `1.5M`), what people
//   type into a form (`invalid_number`); JSON takes JSON numbers only, a string like `"1000"` is `wrong_type`.
//   Values must be finite and within the question's `min`...`max` (`out_of_range`, which is also what 1e309
//   gets); integer answers must be whole (`not_an_integer`).
// - A JSON body must be an object (`not_an_object`), syntactically valid (`invalid_json`).
//
// ## Derived answers
// People know their system prompt's length, not the share of an average prompt it makes: `system_prompt_tokens`
// above 0 sets `cached_input_share` to system prompt ÷ input tokens (at most 1). The share is then *derived*:
// neither given nor assumed, left out of query strings and forms (the system prompt carries it), and recomputed
// whenever the input tokens change. Giving both is refused (`conflicting_answers`): they could disagree.

/// Why answers were refused; `field` names the answer when there is one.
/// The web layer answers `400 {"error": {"code", "message", "field"}}`.
public struct AnswerError: Error, Sendable, Equatable, CustomStringConvertible, Encodable {
    public let code: String
    public let message: String
    public let field: String?

    public init(code: String, message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }
}

/// A complete, validated set of answers: every id has a value.
public struct Answers: Sendable, Equatable, Hashable {
    /// Indexed by `AnswerID.rawValue`; see Advisor.swift for the encoding.
    var values: [Double]
    /// Bit i set when answer i was left to its default.
    var assumedMask: UInt32
    /// Bit i set when answer i was worked out from others (see "Derived answers").
    var derivedMask: UInt32 = 0
    /// The model slugs, to read `model` answers back (shared with the Knowledge, not copied).
    let modelSlugs: [String]

    init(values: [Double], assumedMask: UInt32, modelSlugs: [String]) {
        self.values = values
        self.assumedMask = assumedMask
        self.modelSlugs = modelSlugs
    }

    /// The day lifecycles and prices are judged on (the `as_of` answer, today when left out).
    public var day: Int { Int(values[AnswerID.asOf.rawValue]) }

    public static func == (a: Answers, b: Answers) -> Bool { a.values == b.values && a.assumedMask == b.assumedMask }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
        hasher.combine(assumedMask)
    }

    /// The value of one answer.
    public subscript(id: AnswerID) -> AnswerValue { Knowledge.decode(values[id.rawValue], for: id, models: modelSlugs) }

    /// Whether the answer was left to its default.
    public func isAssumed(_ id: AnswerID) -> Bool { assumedMask & id.bit != 0 }

    /// Whether the answer was worked out from others (the cacheable share from the system prompt's length).
    public func isDerived(_ id: AnswerID) -> Bool { derivedMask & id.bit != 0 }

    /// Sets the cacheable share from the system prompt's length, when one is given (see "Derived answers").
    static func derive(_ values: inout [Double]) {
        let system = values[AnswerID.systemPromptTokens.rawValue]
        guard system > 0 else { return }
        let input = values[AnswerID.avgInputTokens.rawValue]
        values[AnswerID.cachedInputShare.rawValue] = input > 0 ? Swift.min(1, system / input) : 0
    }

    mutating func deriveShare() {
        guard values[AnswerID.systemPromptTokens.rawValue] > 0 else {
            derivedMask &= ~AnswerID.cachedInputShare.bit
            return
        }
        Self.derive(&values)
        derivedMask |= AnswerID.cachedInputShare.bit
        assumedMask &= ~AnswerID.cachedInputShare.bit
    }

    /// The answers left to defaults, in README.md's order.
    public var assumed: [AnswerID] { AnswerID.allCases.filter(isAssumed) }

    /// Every answer with its value, in README.md's order.
    public var all: [(id: AnswerID, value: AnswerValue)] { AnswerID.allCases.map { ($0, self[$0]) } }

    /// The canonical query string of the answers that were given (defaults left out, so the link reproduces the
    /// same assessment, assumptions included): README.md's order, `id=value` joined by `&`, percent-encoded
    /// (only `A-Z a-z 0-9 - . _ ~` stay as they are). Empty when everything is assumed.
    public var queryString: String { queryString(includingAssumed: false) }

    /// As `queryString`, optionally with the assumed answers written out too.
    public func queryString(includingAssumed: Bool) -> String {
        // Into one byte buffer: a verdict page writes a link per lever and per change, and the strings joined
        // per answer were 4 % of its work (callgrind).
        var out: [UInt8] = []
        out.reserveCapacity(512)
        for id in AnswerID.allCases where !isDerived(id) && (includingAssumed || !isAssumed(id)) {
            if !out.isEmpty { out.append(UInt8(ascii: "&")) }
            out.append(contentsOf: id.name.utf8)
            out.append(UInt8(ascii: "="))
            Self.percentEncode(self[id].text, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes a query-string value: only `A-Z a-z 0-9 - . _ ~` stay as they are (RFC 3986 unreserved),
    /// every other UTF-8 byte becomes `%XX` (upper-case hex, as Foundation's encoder writes it), so `&`, `=`, `+` and
    /// spaces can never break a link. The site's one percent-encoder; by hand, because every verdict page writes
    /// dozens of links and Foundation's encoder went through NSString each time.
    /// Name and value pairs as a query string, each percent-encoded (`percentEncode`), in their order.
    public static func percentEncoded(_ pairs: [(String, String)]) -> String {
        pairs.map { percentEncode($0.0) + "=" + percentEncode($0.1) }.joined(separator: "&")
    }

    public static func percentEncode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        percentEncode(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `percentEncode`, appended to `out`.
    static func percentEncode(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            if unreserved[Int(byte)] {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static let unreserved: [Bool] = (0..<256).map { byte in
        let c = UInt8(byte)
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
    }
    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

// MARK: - Building answers

extension Knowledge {
    /// The defaults of every question, all marked assumed.
    public var defaultAnswers: Answers {
        var values = defaults
        if question(.asOf).defaultValue == .text("today") { values[AnswerID.asOf.rawValue] = Double(clock()) }
        return Answers(values: values, assumedMask: (1 << UInt32(AnswerID.count)) - 1, modelSlugs: modelSlugs)
    }

    /// Answers from form or query-string pairs, already percent-decoded (`+` as space is the caller's business).
    /// - Throws: `AnswerError` naming the field; see the rules at the top of Answers.swift.
    /// - Parameter usageFile: a usage file comes with the answers and fills the blank sizes: the system prompt is held
    ///   to the file's average input after the import (`checkedSystemPrompt`), not to the default.
    public func answers(fromQuery pairs: [(String, String)], usageFile: Bool = false) throws(AnswerError) -> Answers {
        var builder = Builder(knowledge: self)
        for (key, value) in pairs {
            let id = try builder.claim(key)
            // Blank, spaces alone included, is left to its default as an empty answer is.
            if value.allSatisfy(\.isWhitespace) { continue }
            builder.set(id, try parseQueryValue(value, for: id))
        }
        return try builder.finished(usageFile: usageFile)
    }

    /// The input counts the system prompt: 50,000 tokens of system prompt in a 1,200-token input would price a
    /// request at a fortieth of what it sends, so the answers are refused rather than read one way.
    /// - Parameter inputFrom: where the average input came from, when the team did not give it ("the default", "the
    ///   file's average").
    /// - Throws: `conflicting_answers` (field `system_prompt_tokens`) when the system prompt is the longer.
    public static func checkSystemPrompt(_ answers: Answers, inputFrom: String?) throws(AnswerError) {
        let system = answers.values[AnswerID.systemPromptTokens.rawValue]
        let input = answers.values[AnswerID.avgInputTokens.rawValue]
        guard system > input else { return }
        let inputText = Format.count(input) + (inputFrom.map { ", \($0)" } ?? "")
        throw AnswerError(code: "conflicting_answers", message: "'system_prompt_tokens' (\(Format.count(system))) "
            + "is more than 'avg_input_tokens' (\(inputText)), which counts the system prompt too: give an "
            + "average input of at least \(Format.count(system)) tokens, or a shorter system prompt",
                          field: AnswerID.systemPromptTokens.name)
    }

    /// Every answer of a query that cannot be read on its own (a bad number, choice, flag or date), each with its
    /// field: a form marks them all at once, not one per round trip. Rules across answers (duplicates, conflicts)
    /// are `answers(fromQuery:)`'s.
    public func fieldErrors(fromQuery pairs: [(String, String)]) -> [AnswerError] {
        pairs.compactMap { (key, value) -> AnswerError? in
            guard !value.allSatisfy(\.isWhitespace), let id = AnswerID(name: key) else { return nil }
            do throws(AnswerError) { _ = try parseQueryValue(value, for: id); return nil } catch { return error }
        }
    }

    /// Answers from a JSON body (`POST /api/assess`, `haiku-advisor assess --answers FILE`): an object of
    /// answer ids to values.
    /// - Throws: `AnswerError` naming the field; see the rules at the top of Answers.swift.
    /// - Parameter source: what the errors call the document ("the body"; the CLI's "the answers file").
    public func answers(fromJSON data: [UInt8], source: String = "the body", usageFile: Bool = false) throws(AnswerError) -> Answers {
        // A byte-order mark, as Notepad writes one, is not part of the document (RFC 8259 §8.1 lets a reader skip it).
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = data.starts(with: bom) ? Array(data.dropFirst(3)) : data
        let document: JSONValue
        do throws(JSONSyntaxError) {
            document = try JSONReader.parse(text)
        } catch {
            throw AnswerError(code: "invalid_json", message: "\(source) is not valid JSON: \(error.message) at byte \(error.offset)")
        }
        guard case .object(let members) = document else {
            throw AnswerError(code: "not_an_object", message: "\(source) must be a JSON object of answers, not \(document.typeName)")
        }
        var builder = Builder(knowledge: self)
        for (key, value) in members {
            let id = try builder.claim(key)
            if value == .null { continue }
            builder.set(id, try parseJSONValue(value, for: id))
        }
        return try builder.finished(usageFile: usageFile)
    }

    /// Answers from typed values (tools and tests). Missing ids take their defaults.
    /// - Throws: `AnswerError` as for the other forms.
    public func answers(from given: [String: AnswerValue]) throws(AnswerError) -> Answers {
        var builder = Builder(knowledge: self)
        for key in given.keys.sorted() {
            let id = try builder.claim(key)
            builder.set(id, try check(given[key]!, for: id))
        }
        return try builder.finished()
    }

    /// A copy of `answers` with one answer replaced (and no longer assumed).
    /// - Throws: `AnswerError` when the value is not valid for that answer.
    public func replacing(_ id: AnswerID, with value: AnswerValue, in answers: Answers) throws(AnswerError) -> Answers {
        var copy = answers
        copy.values[id.rawValue] = try check(value, for: id)
        copy.assumedMask &= ~id.bit
        if id == .cachedInputShare {
            // A share given outright replaces the system prompt it was derived from.
            copy.values[AnswerID.systemPromptTokens.rawValue] = 0
            copy.assumedMask |= AnswerID.systemPromptTokens.bit
        }
        copy.deriveShare()
        return copy
    }

    private struct Builder {
        let knowledge: Knowledge
        var answers: Answers
        var seen: UInt32 = 0

        init(knowledge: Knowledge) {
            self.knowledge = knowledge
            answers = knowledge.defaultAnswers
        }

        mutating func claim(_ key: String) throws(AnswerError) -> AnswerID {
            guard let id = AnswerID(name: key) else {
                let shown = key.count > 64 ? String(key.prefix(64)) + "..." : key
                throw AnswerError(code: "unknown_answer", message: "'\(shown)' is not a question; the answers are "
                    + AnswerID.allCases.map(\.name).joined(separator: ", "), field: shown)
            }
            let bit = id.bit
            guard seen & bit == 0 else {
                throw AnswerError(code: "duplicate_answer", message: "'\(key)' is given more than once", field: key)
            }
            seen |= bit
            return id
        }

        mutating func set(_ id: AnswerID, _ value: Double) {
            answers.values[id.rawValue] = value
            answers.assumedMask &= ~id.bit
        }

        /// The answers, with the derived ones worked out.
        /// - Throws: `conflicting_answers` when both the system prompt and the cacheable share are given, or when
        ///   the system prompt is longer than the average input that contains it.
        func finished(usageFile: Bool = false) throws(AnswerError) -> Answers {
            var result = answers
            let system = result.values[AnswerID.systemPromptTokens.rawValue]
            if system > 0 && !result.isAssumed(.cachedInputShare) {
                throw AnswerError(code: "conflicting_answers", message: "give either 'system_prompt_tokens' or "
                    + "'cached_input_share', not both: the share is worked out from the system prompt",
                                  field: AnswerID.cachedInputShare.name)
            }
            // A usage file fills a blank input from its own average: held to the default, a 2,000-token system prompt
            // beside a file of 50,000-token prompts was refused.
            if !(usageFile && result.isAssumed(.avgInputTokens)) {
                try Knowledge.checkSystemPrompt(result, inputFrom: result.isAssumed(.avgInputTokens) ? "the default" : nil)
            }
            result.deriveShare()
            return result
        }
    }

    private func parseQueryValue(_ text: String, for id: AnswerID) throws(AnswerError) -> Double {
        // Spaces and line ends around an answer are no part of it: a value pasted from a spreadsheet ("1000 ", a
        // trailing newline, "rag ") was refused.
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch id.kind {
        case .choice:
            return try choice(text, for: id)
        case .boolean:
            // The form's error says "answer yes or no", and a link edited by hand says so too (`fallback_ready=yes`
            // was refused by that message), in any case.
            switch text.lowercased() {
            case "true", "on", "1", "yes": return 1
            case "false", "off", "0", "no": return 0
            default:
                throw AnswerError(code: "invalid_boolean", message: "'\(id.name)' must be true or false", field: id.name)
            }
        case .model:
            return try model(text, for: id)
        case .date:
            return try date(text, for: id)
        case .integer, .number:
            // An answer in seconds (its question's unit, `s`) may carry the unit, as the form shows it beside the box:
            // `0.5s`, `2 s`, `300ms`.
            var text = text, scale = 1.0
            if question(id).unit == "s" {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.hasSuffix("ms") {
                    text = String(trimmed.dropLast(2)).trimmingCharacters(in: .whitespaces)
                    scale = 1_000
                } else if trimmed.hasSuffix("s") {
                    text = String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces)
                }
            }
            // A share may be written as a percentage, as people say it: `80%` is 0.8.
            let percent = text.hasSuffix("%")
            if percent && id.interfaceMax != 1 {
                throw AnswerError(code: "invalid_number", message: "'\(id.name)' is not a share: write it without %",
                                  field: id.name)
            }
            let digits = percent ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
            // Thousands grouped with points (`10.000`, `1.000.000`, as much of Europe writes them) in a whole-number
            // answer: `10.000` read as a decimal point priced 10 requests a month where 10,000 were meant. Typed text
            // only: a JSON number 10.000 is 10.
            if id.kind == .integer, let meant = Self.pointGroupedThousands(digits.trimmingCharacters(in: .whitespaces)) {
                throw AnswerError(code: "thousands_with_points", message: "'\(id.name)' is '\(digits)': a point starts a "
                    + "fraction here, so write \(Format.count(meant)) (or \(String(Int64(meant)))) without points", field: id.name)
            }
            guard let number = Self.queryNumber(digits) else {
                throw AnswerError(code: "invalid_number", message: "'\(id.name)' must be a number written in decimal digits"
                    + " (no NaN or infinity)", field: id.name)
            }
            return try bounded(percent ? number / 100 : number / scale, written: digits, for: id, asPercent: percent)
        }
    }

    private func parseJSONValue(_ value: JSONValue, for id: AnswerID) throws(AnswerError) -> Double {
        switch (id.kind, value) {
        case (.choice, .string(let text)):
            return try choice(text, for: id)
        case (.model, .string(let text)):
            return try model(text, for: id)
        case (.date, .string(let text)):
            return try date(text, for: id)
        case (.boolean, .bool(let flag)):
            return flag ? 1 : 0
        case (.integer, .number(let text)), (.number, .number(let text)):
            guard let number = Double(text) else {
                throw AnswerError(code: "invalid_number", message: "'\(id.name)' is not a usable number", field: id.name)
            }
            return try bounded(number, written: text, for: id)
        default:
            let wanted: String
            switch id.kind {
            case .choice, .model: wanted = "a string"
            case .date: wanted = "a date string YYYY-MM-DD"
            case .boolean: wanted = "true or false"
            case .integer: wanted = "an integer"
            case .number: wanted = "a number"
            }
            throw AnswerError(code: "wrong_type", message: "'\(id.name)' must be \(wanted), not \(value.typeName)", field: id.name)
        }
    }

    private func check(_ value: AnswerValue, for id: AnswerID) throws(AnswerError) -> Double {
        switch (id.kind, value) {
        case (.choice, .text(let text)): return try choice(text, for: id)
        case (.model, .text(let text)): return try model(text, for: id)
        case (.date, .text(let text)): return try date(text, for: id)
        case (.boolean, .bool(let flag)): return flag ? 1 : 0
        case (.integer, .number(let n)), (.number, .number(let n)):
            guard !n.isNaN else {
                throw AnswerError(code: "invalid_number", message: "'\(id.name)' must be a number, not NaN", field: id.name)
            }
            return try bounded(n, written: "", for: id)  // a value given as a number: no text to read
        default:
            throw AnswerError(code: "wrong_type", message: "'\(id.name)' takes a \(id.kind.rawValue) value", field: id.name)
        }
    }

    private func choice(_ text: String, for id: AnswerID) throws(AnswerError) -> Double {
        guard let index = id.choices.firstIndex(of: text) else {
            throw AnswerError(code: "invalid_choice", message: "'\(id.name)' must be one of "
                + id.choices.joined(separator: ", "), field: id.name)
        }
        return Double(index)
    }

    private func model(_ text: String, for id: AnswerID) throws(AnswerError) -> Double {
        guard let index = modelIndex[text] else {
            let shown = text.count > 64 ? String(text.prefix(64)) + "..." : text
            throw AnswerError(code: "invalid_choice", message: "'\(id.name)' must be a model slug, not '\(shown)' (known: "
                + modelSlugs.joined(separator: ", ") + ")", field: id.name)
        }
        return Double(index)
    }

    private func date(_ text: String, for id: AnswerID) throws(AnswerError) -> Double {
        if text == "today" { return Double(clock()) }
        guard let day = CivilDate.day(text) else {
            throw AnswerError(code: "invalid_date", message: "'\(id.name)' must be a date written YYYY-MM-DD (or today)",
                              field: id.name)
        }
        // Before the first Haiku there is no Haiku to weigh, and every model the verdict could name is unreleased.
        if let first = firstHaiku, day < compiledModels[first].releasedDay {
            let released = CivilDate.text(compiledModels[first].releasedDay)
            throw AnswerError(code: "out_of_range", message: "'\(id.name)' must be \(released) or later, the day "
                + "\(models[first].title), the first Haiku we list, was released", field: id.name)
        }
        // Content dates stop at 2099 (CivilDate.plausibleYears): a verdict "as of 9999-12-31" judged every lifecycle
        // against a year no page can speak of.
        if let year = Int(text.prefix(4)), year > CivilDate.plausibleYears.upperBound {
            throw AnswerError(code: "out_of_range", message: "'\(id.name)' must be a date up to \(CivilDate.plausibleYears.upperBound)-12-31",
                              field: id.name)
        }
        return Double(day)
    }

    /// The earliest-released model of `haiku_models`: no verdict is judged before its release.
    private var firstHaiku: Int? {
        haikuIndices.min { compiledModels[$0].releasedDay < compiledModels[$1].releasedDay }
    }

    /// The first day a verdict can be judged on (`YYYY-MM-DD`): the first Haiku's release. The form's date field
    /// starts there.
    public var earliestJudgedDay: String? { firstHaiku.map { CivilDate.text(compiledModels[$0].releasedDay) } }

    /// Range and integrality; infinities fail the range (1e309 parses as +infinity). `written`: the number as typed
    /// (empty for one given as a number), for a fraction too small for a Double, which reads as 0
    /// (`monthly_requests=1e-400` was priced as no requests).
    private func bounded(_ number: Double, written: String, for id: AnswerID, asPercent: Bool = false) throws(AnswerError) -> Double {
        let q = question(id)
        let lower = q.min ?? 0
        let upper = q.max ?? 0
        guard number.isFinite, number >= lower, number <= upper else {
            // A share written as a percentage is told its range as one too ("150%" was told "between 0 and 1").
            let percent = asPercent && lower == 0 && upper == 1 ? " (0 % to 100 %)" : ""
            throw AnswerError(code: "out_of_range", message: "'\(id.name)' must be between \(AnswerValue.number(lower).text)"
                + " and \(AnswerValue.number(upper).text)\(percent)", field: id.name)
        }
        // A fraction too small for a Double reads as 0: `monthly_requests=1e-400` was priced as no requests, and a
        // `latency_budget_s` of it dropped the budget.
        let underflowed = number == 0 && Self.hasNonzeroMantissa(written)
        if id.kind == .integer, underflowed || number.rounded() != number {
            throw AnswerError(code: "not_an_integer", message: "'\(id.name)' must be a whole number", field: id.name)
        }
        if underflowed {
            throw AnswerError(code: "out_of_range", message: "'\(id.name)' is too small to tell from 0: write a larger number",
                              field: id.name)
        }
        // A time under a millisecond, other than 0 (none), is no budget any hosted model meets; 0.00001 s was shown as
        // "1e-05 s" and as "0 s" (that is, none) on one page.
        if q.unit == "s", number > 0, number < 0.001 {
            throw AnswerError(code: "out_of_range", message: "'\(id.name)' under 0.001 s (1 ms) is no budget a hosted model can "
                + "meet: give 0 for none, or 0.001 or more", field: id.name)
        }
        return number + 0 // -0 becomes 0
    }

    /// The spaces written between groups of thousands: a plain space, a no-break space and the narrow and thin ones.
    static let groupSpaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// A number as a person types it into a form: plain decimal notation (`isDecimal`), or digits grouped in
    /// threes by commas or spaces (`3,000,000`, `3 000 000`), optionally followed by `k`, `M`, `B` or `T` (thousand,
    /// million, billion, trillion: `20k`, `1.5M`, `1T`). Query strings only; JSON keeps to JSON numbers.
    static func queryNumber(_ text: String) -> Double? {
        if isDecimal(text) { return Double(text) }
        var body = Substring(text)
        var exponent = ""
        switch body.last {
        case "k", "K": exponent = "e3"
        case "m", "M": exponent = "e6"
        case "b", "B": exponent = "e9"
        // Trillion: the volume question's maximum is 1T, and `1000B` was read where `1T` was refused.
        case "t", "T": exponent = "e12"
        default: break
        }
        // A space may come before the suffix, as before a unit ("20 k", "1.5 M").
        if !exponent.isEmpty { body = body.dropLast(); while body.last == " " { body = body.dropLast() } }
        // A space between groups of three digits (a plain, no-break or thin one: `1 000 000`) separates thousands as a
        // comma does; not both in one number.
        if body.contains(where: { $0.unicodeScalars.allSatisfy { Self.groupSpaces.contains($0) } }) {
            guard !body.contains(",") else { return nil }
            body = Substring(String(body.map { $0.unicodeScalars.allSatisfy { Self.groupSpaces.contains($0) } ? "," : $0 }))
        }
        if body.contains(",") {
            // Every group after the first has exactly three digits, and none is in the fraction.
            let halves = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let whole = halves[0]
            guard halves.count == 1 || !halves[1].contains(",") else { return nil }
            let groups = whole.drop { $0 == "-" }.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            body = Substring(body.filter { $0 != "," })
        }
        // The suffix becomes an exponent so that `1.1M` is exactly 1,100,000.
        guard !body.isEmpty, !body.contains(where: { $0 == "e" || $0 == "E" }), isDecimal(String(body)) else { return nil }
        return Double(body + exponent)
    }

    /// The whole number that `10.000` or `1.000.000` means where points group thousands (a first group of one to
    /// three digits, not starting with 0, then groups of three); nil for any other text (`10.5`, `0.000`, `10.0`).
    public static func pointGroupedThousands(_ text: String) -> Double? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count), groups[0].first != "0",
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Double(groups.joined())
    }

    /// Whether a number's digits before its exponent are not all zero (`1e-400` is not 0, though it reads as 0).
    static func hasNonzeroMantissa(_ text: String) -> Bool {
        text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
            .contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    }

    /// `-?(digits[.digits*] | .digits)([eE][+-]?digits)?`, at most 64 characters.
    static func isDecimal(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard !b.isEmpty, b.count <= 64 else { return false }
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        var mantissa = 0
        while i < b.count, isDigit(b[i]) { i += 1; mantissa += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1; mantissa += 1 }
        }
        guard mantissa > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            var exponent = 0
            while i < b.count, isDigit(b[i]) { i += 1; exponent += 1 }
            guard exponent > 0 else { return false }
        }
        return i == b.count
    }
}

extension UnsafeBufferPointer where Element == Double {
    /// What `read` makes of these answers with one of them changed (another day, another effort, a share of the
    /// requests): the engine's what-ifs, on a copy, never on the team's own answers.
    func with<T>(_ id: AnswerID, _ value: Double, _ read: (UnsafeBufferPointer<Double>) -> T) -> T {
        var changed = Array(self)
        changed[id.rawValue] = value
        return changed.withUnsafeBufferPointer(read)
    }
}
