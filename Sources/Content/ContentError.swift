/// A problem in one content file, pointing at the line to fix.
public struct ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String
    public let hint: String?
    /// A link to another page that does not resolve: it may follow from that page's own error, which is listed first.
    public let isLink: Bool

    public init(path: String, line: Int, message: String, hint: String? = nil, isLink: Bool = false) {
        self.path = path
        self.line = max(1, line)
        self.message = message
        self.hint = hint
        self.isLink = isLink
    }

    /// `path:line: message (hint)`, the shape compilers use so editors can jump to it.
    public var description: String {
        if let hint { return "\(path):\(line): \(message) (hint: \(hint))" }
        return "\(path):\(line): \(message)"
    }
}

/// Every problem found in one pass over the content, in file and line order, the broken links last: a page whose
/// front matter does not close was listed after the 22 links to it that it broke.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [ContentError]

    public init(_ errors: [ContentError]) {
        self.errors = errors.sorted { ($0.isLink ? 1 : 0, $0.path, $0.line) < ($1.isLink ? 1 : 0, $1.path, $1.line) }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
