import Yams

/// One rendered content page: its front matter, its HTML (rendered once, at load), its outline and its sections
/// as plain text (for the index).
public struct Page: Sendable {
    public let section: Section
    public let slug: String
    /// The file it came from, relative to the content directory's parent (as errors print it).
    public let path: String
    public let frontMatter: FrontMatter
    public let html: String
    public let headings: [Heading]
    public let sections: [TextSection]
    /// The Markdown body as written (after the front matter), for the page's `.md` twin.
    public let markdown: String
    /// The front matter's YAML tree, to point later checks (the engine's) at a line.
    let fieldLines: FieldLines

    public var title: String { frontMatter.title }
    public var summary: String { frontMatter.summary }
    public var tags: [String] { frontMatter.tags ?? [] }
    public var url: String { "/\(section.rawValue)/\(slug)" }
}

/// Finds the file line of a front-matter field from a path such as `criterion.rules[2].when.answer`.
final class FieldLines: @unchecked Sendable {
    // Immutable after init; Yams' Node is a value tree that is only read.
    private let node: Node
    var root: Node { node }

    init(node: Node) {
        self.node = node
    }

    func line(of field: String) -> Int {
        var keys: [PathKey] = []
        for part in field.split(separator: ".") {
            var name = Substring(part)
            var indexes: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indexes.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { keys.append(PathKey(stringValue: String(name))) }
            keys += indexes.map { PathKey(intValue: $0) }
        }
        return NodePath.line(of: keys, in: node)
    }
}
