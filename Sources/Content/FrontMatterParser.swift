import Foundation
import Yams

/// Splits a page into YAML front matter and Markdown body, and decodes the front matter with errors that name
/// the file line (Yams counts from the start of the YAML, so the opening `---` is added back).
struct FrontMatterParser {
    struct Parsed {
        let frontMatter: FrontMatter
        /// The YAML tree, kept for line look-ups by later checks.
        let node: Node
        /// The YAML as written, between the two `---` lines.
        let yaml: String
        /// The front matter as the index file keeps it (`PageWriter`), encoded here on the parsing thread.
        let json: String
        let body: String
        /// The file line on which the body starts (1-based).
        let bodyFirstLine: Int
    }

    let path: String
    var limits = ContentLimits()

    /// One decoder for every page: making one reads the process environment (Yams' default encoding), a tenth
    /// of indexing when it was made per page. Decoding from a node reads nothing but its options.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)

    func parse(_ rawText: String) throws(ContentError) -> Parsed {
        // "\r\n" is a single Character in Swift: normalise line endings before splitting.
        // (memchr on the contiguous bytes: a generic `contains` over the UTF-8 view was 7 % of `index`'s parsing.)
        let hasReturn = rawText.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 13, bytes.count) != nil
        } ?? rawText.utf8.contains(13)
        let text = hasReturn ? rawText.replacingOccurrences(of: "\r\n", with: "\n") : rawText
        // Lines are found on UTF-8 bytes and only up to the closing `---`: the body is never split into lines
        // (splitting a whole page by Character took a third of indexing).
        let bytes = Array(text.utf8)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func nextLine() -> Range<Int>? {
            guard start <= bytes.count else { return nil }
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            return start..<end
        }
        func isFence(_ line: Range<Int>) -> Bool {
            let trimmed = bytes[line].drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
            return trimmed.elementsEqual("---".utf8)
        }
        guard let first = nextLine(), isFence(first) else {
            throw ContentError(path: path, line: 1, message: "missing front matter",
                               hint: "start the file with a line `---`, the YAML fields, then another `---`")
        }
        let yamlStart = start
        var closeLine = 1
        var close: Range<Int>?
        while let line = nextLine() {
            if isFence(line) { close = line; break }
            closeLine += 1
        }
        guard let close else {
            throw ContentError(path: path, line: 1, message: "front matter is not closed",
                               hint: "did you forget the second `---` line after the YAML fields?")
        }
        try refuseFieldAfterFence(bytes, from: close.upperBound + 1, fenceLine: closeLine + 1)
        let yaml = String(decoding: bytes[yamlStart..<max(yamlStart, close.lowerBound - 1)], as: UTF8.self)
        let body = close.upperBound < bytes.count ? String(decoding: bytes[(close.upperBound + 1)...], as: UTF8.self) : ""
        let bounds = YAMLBounds(path: path, limits: limits)
        try bounds.checkText(yaml)
        let node = try compose(yaml, bounds: bounds)
        let frontMatter = try decode(node)
        try UnknownKeyCheck(path: path).check(node: node, against: frontMatter)
        let json = try encode(frontMatter, in: node)
        try refuseMisreadScalars(in: node, yaml: yaml, json: json)
        return Parsed(frontMatter: frontMatter, node: node, yaml: yaml, json: json, body: body, bodyFirstLine: closeLine + 2)
    }

    /// A body that opens with a front-matter field (`sources:`) follows a stray `---` that closed the front matter
    /// early: the fields after it were the body's first paragraph, and a guide lost its sources with `check`'s "ok".
    /// Only the first non-blank line is read: at the margin, a field a page has (prose rarely opens with `summary:`);
    /// indented by one to three spaces or as a list item, any lower-case `key:` (a block's field, a source's `- id:`),
    /// which Markdown prose does not open with. Four spaces are a code block, and left alone.
    private func refuseFieldAfterFence(_ bytes: [UInt8], from start: Int, fenceLine: Int) throws(ContentError) {
        var index = start, line = fenceLine + 1
        // Skip blank lines, counting them.
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            guard end < bytes.count, bytes[end] == 0x0A else { break }
            index = end + 1
            line += 1
        }
        var at = index
        while at < bytes.count, at - index < 4, bytes[at] == 0x20 { at += 1 }
        guard at - index < 4 else { return }
        let indented = at > index
        var listed = false
        if at + 1 < bytes.count, bytes[at] == 0x2D, bytes[at + 1] == 0x20 {
            listed = true
            at += 2
        }
        var end = at
        while end < bytes.count, bytes[end] == 0x5F || (bytes[end] >= 0x61 && bytes[end] <= 0x7A) { end += 1 }
        guard end > at, end < bytes.count, bytes[end] == 0x3A,
              end + 1 == bytes.count || [0x20, 0x0A, 0x09].contains(bytes[end + 1]) else { return }
        let key = String(decoding: bytes[at..<end], as: UTF8.self)
        guard indented || listed || FrontMatter.fieldNames.contains(key) else { return }
        throw ContentError(path: path, line: line,
                           message: "`\(key):` after the `---` on line \(fenceLine) that closed the front matter",
                           hint: "a stray `---` inside the front matter ends it early: remove it, so that `\(key)` and the fields after it are read as fields, not as text (a body meant to open so can begin with another word)")
    }

    /// The front matter as JSON, which also refuses a number no page can state: YAML reads `.nan`, `.inf` and
    /// `1e309` as numbers, any field of any section may hold one, and the index's JSON cannot (a benchmark score of
    /// `.nan` passed `check` and stopped a `serve --watch` when it wrote the page).
    private func encode(_ frontMatter: FrontMatter, in node: Node) throws(ContentError) -> String {
        do {
            return String(decoding: try Self.encoder.encode(frontMatter), as: UTF8.self)
        } catch let EncodingError.invalidValue(value, context) {
            throw ContentError(path: path, line: NodePath.line(of: context.codingPath, in: node),
                               message: "`\(NodePath.dotted(context.codingPath))` is \(value), not a number a page can state",
                               hint: "write a finite number (YAML reads .nan, .inf and numbers past 1.8e308 as no number at all)")
        } catch {
            throw ContentError(path: path, line: 2, message: "front matter: \(error)")
        }
    }

    /// Plain scalars the decoder may have read as another thing than they look: a YAML null (`null`, `~`) where a
    /// field wants text, read without tag resolution, decoded as the text "null" (a page titled "null" passed
    /// `check`); and a number written other than as a decimal, which Yams reads as YAML 1.1 does, so a price typed
    /// `0:10` for `0.10` was 10 (base 60), `1:00:00` 3,600, `0x10` 16, `010` 8 (octal) and `_0x10` 16 (`check`
    /// passed, and every verdict flipped while the page's own table still showed "$0.10"). Each is refused where
    /// the field took it that way: an optional field takes a null as no value, and text such as "09:30" stays text.
    /// One walk of the tree, and the front matter's JSON read back only when it found a suspect.
    private func refuseMisreadScalars(in root: Node, yaml: String, json: String) throws(ContentError) {
        let mayHoldNull = yaml.contains("~") || yaml.range(of: "null", options: .caseInsensitive) != nil
        var found: [(path: [PathKey], node: Node, null: Bool)] = []
        func walk(_ node: Node, _ path: [PathKey]) {
            switch node {
            case .scalar(let scalar) where scalar.style == .plain:
                if mayHoldNull && ["null", "Null", "NULL", "~"].contains(scalar.string) {
                    found.append((path, node, true))
                } else if Self.mayReadOtherThanDecimal(scalar.string) {
                    found.append((path, node, false))
                }
            case .mapping(let mapping):
                for (key, value) in mapping { if let name = key.string { walk(value, path + [PathKey(stringValue: name)]) } }
            case .sequence(let sequence):
                for (index, child) in sequence.enumerated() { walk(child, path + [PathKey(intValue: index)]) }
            default:
                break
            }
        }
        walk(root, [])
        guard !found.isEmpty, let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return }
        for (path, node, null) in found {
            var value: Any? = decoded
            for key in path {
                value = key.intValue.map { index in (value as? [Any]).flatMap { index < $0.count ? $0[index] : nil } }
                    ?? (value as? [String: Any])?[key.stringValue]
            }
            let text = node.scalar?.string ?? ""
            let line = (node.mark?.line ?? 1) + 1
            if null {
                guard value is String else { continue }
                throw ContentError(path: self.path, line: line,
                                   message: "`\(NodePath.dotted(path))` is `\(text)`, YAML for no value, where text is wanted",
                                   hint: "write the text (quote it if you mean the word), or leave the field out where it is optional")
            }
            guard !(value is String), let number = value as? NSNumber else { continue }
            if let decimal = Self.decimalValue(text), decimal == number.doubleValue { continue }
            throw ContentError(path: self.path, line: line,
                               message: "`\(NodePath.dotted(path))` is `\(text)`, which YAML reads as \(number), not as the decimal it looks like",
                               hint: "write numbers as plain decimals without leading zeros (`0.10`, `8`); YAML reads `1:30` as base 60, `0x10` as hexadecimal and `010` as octal")
        }
    }

    /// Plain text a number field might read otherwise than as a decimal: anything that is not a plain decimal
    /// (`1:30`, `0x10`, `_1_000`, `.5:30`), and a whole number with a leading zero (`010`, octal to YAML 1.1).
    static func mayReadOtherThanDecimal(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "+-._0123456789".unicodeScalars.contains(first) else { return false }
        guard decimalValue(text) != nil else { return true }
        var digits = Substring(text)
        if let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
        return digits.count > 1 && digits.first == "0" && digits.dropFirst().first.map { $0.isNumber } == true
    }

    /// The value of `[+-]digits[.digits][e[+-]digits]` (or `.digits`), nil for any other text.
    static func decimalValue(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var i = 0, mantissa = 0
        func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if i < bytes.count, bytes[i] == 43 || bytes[i] == 45 { i += 1 }
        while i < bytes.count, digit(bytes[i]) { i += 1; mantissa += 1 }
        if i < bytes.count, bytes[i] == 46 {
            i += 1
            while i < bytes.count, digit(bytes[i]) { i += 1; mantissa += 1 }
        }
        guard mantissa > 0 else { return nil }
        if i < bytes.count, bytes[i] == 101 || bytes[i] == 69 {
            i += 1
            if i < bytes.count, bytes[i] == 43 || bytes[i] == 45 { i += 1 }
            var exponent = 0
            while i < bytes.count, digit(bytes[i]) { i += 1; exponent += 1 }
            guard exponent > 0 else { return nil }
        }
        return i == bytes.count ? Double(text) : nil
    }

    /// Encoding reads no environment; one encoder, used from every parsing thread (JSONEncoder is thread-safe).
    nonisolated(unsafe) private static let encoder = JSONEncoder()

    /// Parses the YAML and checks its bounds before anything walks or decodes it.
    private func compose(_ yaml: String, bounds: YAMLBounds) throws(ContentError) -> Node {
        do {
            // An explicit encoding: the default one reads the process environment on every parse. No implicit tag
            // resolution (`.basic`): the default resolver ran seven ICU regular expressions on every key loaded or
            // looked up, a tenth of `index`'s CPU (perf, 10,000 pages). Nothing reads a resolved tag: the decoder
            // builds numbers, booleans and nulls from the text for the field's type (Yams' Constructor.swift), and
            // anchors, which merge keys need, are refused (YAMLBounds). Pinned by
            // FrontMatterTests.valuesDecodeByTheirFieldsTypeWithoutTagResolution.
            let parser = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let node = try parser.singleRoot(), node.mapping != nil else {
                throw ContentError(path: path, line: 2, message: "front matter must be a YAML mapping of fields",
                                   hint: "write `title: ...`, `summary: ...` and the other fields, one per line")
            }
            // Yams keeps a node's anchor weakly and the parser owns it: check the tree while the parser lives.
            try withExtendedLifetime(parser) { try bounds.checkTree(node) }
            return node
        } catch let error as ContentError {
            throw error
        } catch let error as YamlError {
            // A key given twice: at the line of its second use, in one line (Yams' message quoted the whole mapping).
            if case .duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.sorted().first {
                let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
                let uses = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") }
                throw ContentError(path: path, line: (uses.dropFirst().first ?? context.mark.line) + 2,
                                   message: "`\(key)` is given twice in one mapping", hint: "keep one of them")
            }
            throw ContentError(path: path, line: Self.line(of: error) + 1, message: "YAML syntax: \(Self.reason(error))",
                               hint: "quote values that contain `: ` or start with a special character")
        } catch {
            throw ContentError(path: path, line: 2, message: "YAML syntax: \(error)")
        }
    }

    private func decode(_ node: Node) throws(ContentError) -> FrontMatter {
        do {
            return try Self.decoder.decode(FrontMatter.self, from: node)
        } catch let error as DecodingError {
            throw describe(error, in: node)
        } catch {
            throw ContentError(path: path, line: 2, message: "front matter: \(error)")
        }
    }

    /// Turns a DecodingError into a message at the line of the field it is about.
    private func describe(_ error: DecodingError, in root: Node) -> ContentError {
        switch error {
        case .keyNotFound(let key, let context):
            let at = NodePath.line(of: context.codingPath, in: root)
            let field = NodePath.dotted(context.codingPath + [key])
            // A misspelt required field is named where it is written: "missing model.hosting" at the top of a
            // 90-line block hid the `hostng:` that the unknown-field check, which runs after decoding, never reached.
            if case .mapping(let mapping)? = NodePath.node(at: context.codingPath, in: root),
               let (written, node) = mapping.lazy.compactMap({ k, _ in k.string.map { ($0, k) } })
                   .first(where: { $0.0 == "<<" || Self.isNearMiss($0.0, of: key.stringValue) }) {
                return ContentError(path: path, line: (node.mark?.line ?? at - 1) + 1,
                                    message: "unknown field `\(NodePath.dotted(context.codingPath))\(context.codingPath.isEmpty ? "" : ".")\(written)`, "
                                        + "and the required `\(field)` is missing",
                                    hint: written == "<<" ? "YAML merge keys are not read here: write `\(key.stringValue)` out"
                                        : "did you mean `\(key.stringValue)`?")
            }
            return ContentError(path: path, line: at, message: "missing required field `\(field)`",
                                hint: "see README.md (Content format) for the fields this section needs")
        case .typeMismatch(let type, let context):
            let found = NodePath.node(at: context.codingPath, in: root).map(Self.describe(found:)).map { ", not \($0)" } ?? ""
            return ContentError(path: path, line: NodePath.line(of: context.codingPath, in: root),
                                message: "`\(NodePath.dotted(context.codingPath))` should be \(Self.describe(type))\(found)")
        case .valueNotFound(let type, let context):
            return ContentError(path: path, line: NodePath.line(of: context.codingPath, in: root),
                                message: "`\(NodePath.dotted(context.codingPath))` is empty; expected \(Self.describe(type))")
        case .dataCorrupted(let context):
            return ContentError(path: path, line: NodePath.line(of: context.codingPath, in: root),
                                message: "`\(NodePath.dotted(context.codingPath))`: \(context.debugDescription)")
        @unknown default:
            return ContentError(path: path, line: 2, message: "front matter: \(error)")
        }
    }

    /// A key one or two edits from the wanted one (a letter left out, added, changed or two swapped; one edit for a
    /// key under five letters, where two make `id` of `url`, so `ids` for `id`): a typo.
    static func isNearMiss(_ written: String, of wanted: String) -> Bool {
        let a = Array(written.utf8), b = Array(wanted.utf8)
        let most = b.count < 5 ? 1 : 2
        guard a != b, abs(a.count - b.count) <= most, b.count >= 2 else { return false }
        // Damerau-Levenshtein on two short keys (optimal string alignment).
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count] <= most
    }

    /// What a field should be, in words. Yams names the kind of node it expected where the YAML has another
    /// (`title: [a, b]` expected a Scalar): "a mapping of fields (Scalar)" said the opposite of what was wanted.
    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "text"
        case "Double", "Float": return "a number"
        case "Int": return "a whole number"
        case "Bool": return "true or false"
        case "Scalar": return "one value (text, a number, a date or true/false)"
        case "Sequence": return "a list"
        case "Mapping": return "a mapping of fields"
        default:
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping of fields" }
            return "a mapping of fields (\(name))"
        }
    }

    /// What the YAML holds where a field of another kind was wanted, in words.
    private static func describe(found node: Node) -> String {
        if node.sequence != nil { return "a list" }
        if node.mapping != nil { return "a mapping of fields" }
        return "`\(String(node.scalar?.string.prefix(40) ?? ""))`"
    }

    /// Where the error is: the line that opened what was never closed (a flow list, a quoted text), which Yams gives
    /// as the error's context, else the line it stopped on (`title: [oops` was blamed on the next line).
    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _), .composer(let context, _, let mark, _):
            return context.map { min($0.mark.line, mark.line) } ?? mark.line
        default:
            return 1
        }
    }

    private static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// Line look-ups in a composed YAML tree by coding path.
enum NodePath {
    /// The deepest node `path` reaches in `root`, and whether it reached the end of the path.
    private static func walk(_ path: [CodingKey], in root: Node) -> (node: Node, whole: Bool) {
        var node = root
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let child = node.mapping?[key.stringValue] {
                node = child
            } else {
                return (node, false)
            }
        }
        return (node, true)
    }

    /// The node the whole path reaches; nil when it stops short.
    static func node(at path: [CodingKey], in root: Node) -> Node? {
        let reached = walk(path, in: root)
        return reached.whole ? reached.node : nil
    }

    /// The file line (YAML line + 1 for the opening `---`) of the deepest node the path reaches.
    static func line(of path: [CodingKey], in root: Node) -> Int {
        (walk(path, in: root).node.mark?.line ?? 1) + 1
    }

    static func dotted(_ path: [CodingKey]) -> String {
        path.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            .joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }
}
