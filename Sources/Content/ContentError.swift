/// A problem in one content file, pointing at the line to fix.
public struct ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String
    public let hint: String?

    public init(path: String, line: Int, message: String, hint: String? = nil) {
        self.path = path
        self.line = max(1, line)
        self.message = message
        self.hint = hint
    }

    /// `path:line: message (hint)`, the shape compilers use so editors can jump to it.
    public var description: String {
        if let hint { return "\(path):\(line): \(message) (hint: \(hint))" }
        return "\(path):\(line): \(message)"
    }
}

/// Every problem found in one pass over the content, in file and line order.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [ContentError]

    public init(_ errors: [ContentError]) {
        self.errors = errors.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
