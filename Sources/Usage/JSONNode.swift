import Advisor

/// A JSON value with the path that leads to it, so that every refusal names the place in the file
/// (`$.data[3].results[0].output_tokens`).
struct JSONNode {
    let value: JSONValue
    let path: String

    /// Parses a whole document.
    /// - Throws: `UsageError` with the line and column of the syntax error.
    static func parse(_ bytes: [UInt8]) throws(UsageError) -> JSONNode {
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try JSONReader.parse(bytes)
        } catch {
            var line = 1, column = 1
            for byte in bytes.prefix(error.offset) {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            throw UsageError("line \(line), column \(column)", "not valid JSON: \(error.message)")
        }
        // A field named twice is refused, as the API's JSON body refuses it: the first was read and the second dropped
        // without a word (`"data": [], "data": [...]` reported a file with no tokens).
        if let twice = duplicateKey(in: value) { throw UsageError(twice, "given more than once: a usage file names each field once") }
        return JSONNode(value: value, path: "$")
    }

    /// The path of the first member whose key its object already has; nil when none. Walked with a stack, not
    /// recursion: the reader bounds the depth, and a deep file should not need a deep call stack either.
    static func duplicateKey(in root: JSONValue) -> String? {
        var stack: [(JSONValue, String)] = [(root, "$")]
        while let (value, path) = stack.popLast() {
            switch value {
            case .object(let members):
                var seen = Set<String>()
                for (key, member) in members {
                    guard seen.insert(key).inserted else { return path + "." + key }
                    stack.append((member, path + "." + key))
                }
            case .array(let items):
                for (i, item) in items.enumerated() { stack.append((item, "\(path)[\(i)]")) }
            default:
                continue
            }
        }
        return nil
    }

    func fail(_ expected: String) -> UsageError {
        UsageError(path, "expected \(expected), found \(value.typeName)")
    }

    var members: [(String, JSONValue)]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The member `key`, or nil when it is missing (or this is not an object).
    func member(_ key: String) -> JSONNode? {
        guard let members, let found = members.first(where: { $0.0 == key }) else { return nil }
        return JSONNode(value: found.1, path: path + "." + key)
    }

    func required(_ key: String) throws(UsageError) -> JSONNode {
        guard members != nil else { throw fail("an object") }
        guard let found = member(key) else { throw UsageError(path, "expected a member `\(key)`") }
        return found
    }

    func array() throws(UsageError) -> [JSONNode] {
        guard case .array(let items) = value else { throw fail("an array") }
        return items.enumerated().map { JSONNode(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    func string() throws(UsageError) -> String {
        guard case .string(let text) = value else { throw fail("a string") }
        return text
    }

    /// A token count or other non-negative number. OTLP/JSON writes 64-bit integers as strings (`"1200"`), which
    /// `allowString` accepts.
    /// - Parameter max: the largest value believed (token counts stay far below 1e15; times in nanoseconds do not).
    func count(allowString: Bool = false, max: Double = 1e15) throws(UsageError) -> Double {
        let text: String
        switch value {
        case .number(let digits): text = digits
        case .string(let digits) where allowString: text = digits
        default: throw fail("a number")
        }
        guard let number = Double(text), number.isFinite, number >= 0, number <= max else {
            // Too large is said as such: 10^18 requests were "not a non-negative number".
            if let number = Double(text), number > max {
                throw UsageError(path, "expected a number up to \(Format.count(max)), found `\(text.prefix(40))`")
            }
            throw UsageError(path, "expected a non-negative number, found `\(text.prefix(40))`")
        }
        return number
    }

    /// A count that may be missing or null (0 then).
    func optionalCount(_ key: String, allowString: Bool = false) throws(UsageError) -> Double {
        guard let node = member(key), node.value != .null else { return 0 }
        return try node.count(allowString: allowString)
    }
}
