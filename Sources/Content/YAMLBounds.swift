import Yams

/// Keeps a front matter's YAML within `ContentLimits`: a size, a nesting depth and a number of nodes, and no
/// anchors, aliases or tags at all. Content never needs them, and six levels of aliases in 1.5 KB expand to billions of
/// nodes in the decoder: refusing them at the anchor, with its line, is simpler than metering the expansion.
struct YAMLBounds {
    let path: String
    let limits: ContentLimits

    /// Before parsing: the size, and a cheap scan of the text that keeps the recursive parser off deep nesting.
    /// `yaml` starts on file line 2.
    func checkText(_ yaml: String) throws(ContentError) {
        let bytes = yaml.utf8.count
        guard bytes <= limits.maxFrontMatterBytes else {
            throw ContentError(path: path, line: 2,
                               message: "the front matter is \(bytes) bytes, over the limit of \(limits.maxFrontMatterBytes)",
                               hint: "move long text into the page body")
        }
        var flowDepth = 0
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "-" || $0 == "?" }.count
            if line.first.map({ $0 != " " && $0 != "#" }) == true { flowDepth = 0 }
            flowDepth = Self.flowDepth(after: line, startingAt: flowDepth)
            // Each nesting level needs at least one more column of indentation or one more bracket.
            if indent > 4 * limits.maxFrontMatterDepth || flowDepth > limits.maxFrontMatterDepth {
                throw tooDeep(line: offset + 2)
            }
        }
    }

    /// After parsing, before decoding: anchors, depth and node count, walking in document order and stopping at
    /// the first problem (so an alias is caught at its anchor, before any expansion is walked).
    func checkTree(_ root: Node) throws(ContentError) {
        var nodes = 0
        var stack: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            nodes += 1
            let line = (node.mark?.line ?? 1) + 1
            if let anchor = node.anchor {
                throw ContentError(path: path, line: line,
                                   message: "YAML anchor `&\(anchor.rawValue)`: anchors and aliases (`*name`) are not allowed in content",
                                   hint: "write the value out in full where it is used")
            }
            // A tag (`!!binary`, `!!int`, `!custom`) changes what a value means, and the decoder dropped it without a
            // word: `title: !!binary aGVsbG8=` published the title "aGVsbG8=".
            if let tag = Self.explicitTag(node) {
                throw ContentError(path: path, line: line,
                                   message: "YAML tag `\(tag)`: tags are not allowed in content",
                                   hint: "remove the tag; quote the value if it must stay text")
            }
            guard depth <= limits.maxFrontMatterDepth else { throw tooDeep(line: line) }
            guard nodes <= limits.maxFrontMatterNodes else {
                throw ContentError(path: path, line: line,
                                   message: "the front matter has more than \(limits.maxFrontMatterNodes) values",
                                   hint: "split the page, or move data into the body")
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    stack.append((value, depth + 1))
                    stack.append((key, depth + 1))
                }
            case .sequence(let sequence):
                for child in sequence.reversed() { stack.append((child, depth + 1)) }
            case .scalar(let scalar):
                // An escape (`"\0"`, `"\u0001"`) writes a control character the file's bytes do not hold: a title
                // cut at a NUL showed as "Moni" in search results.
                if let control = scalar.string.unicodeScalars.first(where: { ContentFile.isControl($0.value) }) {
                    throw ContentError(path: path, line: line,
                                       message: "a control character (U+\(String(format: "%04X", control.value))) in a value",
                                       hint: "remove the escape that writes it: a value holds text")
                }
            default:
                break
            }
        }
    }

    /// The tag written on a node, as the file spells it (`!!binary` for `tag:yaml.org,2002:binary`), or nil. Before
    /// decoding, an untagged node's tag is still the implicit one, whose name is empty. `!!str` is let through (Yams
    /// gives every quoted value that tag, and it means what content means anyway, text), as are `!!seq` and `!!map`.
    static func explicitTag(_ node: Node) -> String? {
        let name: String
        switch node {
        case .scalar(let scalar): name = scalar.tag.description
        case .mapping(let mapping): name = mapping.tag.description
        case .sequence(let sequence): name = sequence.tag.description
        default: return nil
        }
        // The core tags of what a node already is (a complex key `? [a]` is resolved `!!seq`) change nothing.
        let core = "tag:yaml.org,2002:"
        guard !name.isEmpty, ![core + "str", core + "seq", core + "map"].contains(name) else { return nil }
        return name.hasPrefix(core) ? "!!" + name.dropFirst(core.count) : name
    }

    private func tooDeep(line: Int) -> ContentError {
        ContentError(path: path, line: line,
                     message: "the front matter nests deeper than \(limits.maxFrontMatterDepth) levels",
                     hint: "flatten the structure; no content type needs this depth")
    }

    /// The depth of open flow collections (`[`, `{`) after `line`, counting only brackets where a YAML value can
    /// start (after `:`, `-`, `,`, `?`, another bracket or the line start) and none inside quotes or comments, so
    /// "see [the guide]" in plain text does not count.
    static func flowDepth(after line: Substring, startingAt depth: Int) -> Int {
        var depth = depth
        var quote: Character?
        var previous: Character = " "
        var lastSignificant: Character = ":"
        for character in line {
            defer { previous = character }
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
                continue
            }
            switch character {
            case "\"", "'":
                if ":-,?[{".contains(lastSignificant) { quote = character }
            case "#" where previous == " ":
                return depth
            case "[", "{":
                if ":-,?[{".contains(lastSignificant) { depth += 1 }
            case "]", "}":
                if depth > 0 { depth -= 1 }
            default:
                break
            }
            if character != " " { lastSignificant = character }
        }
        return depth
    }
}
