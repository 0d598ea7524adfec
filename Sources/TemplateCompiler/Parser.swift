/// A template as a tree of tokens. The parser follows swift-mustache 2.1.1's rules for whitespace (a section,
/// inverted section, comment or partial tag alone on its line takes the line with it; a standalone partial's
/// indentation is applied to the partial's lines), so the compiled templates write the bytes the interpreted ones
/// wrote.
struct Token {
    enum Kind {
        case text(String)
        /// `{{x}}` (escaped) or `{{{x}}}` / `{{&x}}` (raw).
        case variable(String, escaped: Bool)
        /// `{{#x}}...{{/x}}`, or `{{^x}}...{{/x}}` when inverted.
        case section(String, [Token], inverted: Bool)
        /// `{{> name}}`; the indentation is set when the tag stands alone on its line.
        case partial(String, indentation: String?)
    }

    let kind: Kind
    /// Where the tag starts, for `#sourceLocation` and messages.
    let file: String
    let line: Int
}

/// A template that does not parse, or uses what the compiler does not support, as `path:line: message`.
struct CompileError: Error, CustomStringConvertible {
    let file: String
    let line: Int
    let message: String

    var description: String { "\(file):\(line): error: \(message)" }
}

/// Mustache's syntax, read character by character as swift-mustache reads it.
struct TemplateParser {
    private let text: [Character]
    private let file: String
    private var position = 0
    /// Offsets where each line starts, for line numbers.
    private let lineStarts: [Int]

    init(_ source: String, file: String) {
        text = Array(source)
        self.file = file
        var starts = [0]
        for (offset, character) in text.enumerated() where character.isNewline { starts.append(offset + 1) }
        lineStarts = starts
    }

    static func parse(_ source: String, file: String) throws(CompileError) -> [Token] {
        var parser = TemplateParser(source, file: file)
        return try parser.parse(section: nil, newLine: true)
    }

    private struct State {
        var newLine: Bool
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*/")

    private var atEnd: Bool { position >= text.count }
    private var current: Character? { atEnd ? nil : text[position] }

    private func line(at offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    private func error(_ message: String, at offset: Int? = nil) -> CompileError {
        CompileError(file: file, line: line(at: offset ?? position), message: message)
    }

    @discardableResult
    private mutating func read(while set: Set<Character>) -> String {
        var out = ""
        while let c = current, set.contains(c) { out.append(c); position += 1 }
        return out
    }

    private mutating func skipWhitespace() {
        while let c = current, c.isWhitespace { position += 1 }
    }

    private mutating func read(_ string: String) -> Bool {
        let characters = Array(string)
        guard position + characters.count <= text.count,
              Array(text[position..<position + characters.count]) == characters else { return false }
        position += characters.count
        return true
    }

    /// Text up to the next `{{` (consumed) or newline (not consumed).
    private mutating func readUntilTagOrNewline() -> String {
        var out = ""
        while let c = current {
            if c.isNewline { break }
            if c == "{" {
                if read("{{") { break }
                out.append(c)
                position += 1
                continue
            }
            out.append(c)
            position += 1
        }
        return out
    }

    /// The rest of the line is blank: consume it and its newline.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = position
        while probe < text.count, text[probe] == " " || text[probe] == "\t" { probe += 1 }
        if probe < text.count, text[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }

    private mutating func standalone(_ state: State) -> Bool { state.newLine && lineFinished() }

    private mutating func parseName() throws(CompileError) -> String {
        skipWhitespace()
        let start = position
        let name = read(while: Self.nameCharacters)
        skipWhitespace()
        if current == "(" { throw error("transforms (`name(argument)`) are not supported", at: start) }
        guard read("}}") else { throw error("unfinished tag: expected `}}` after `\(name)`", at: start) }
        guard !name.isEmpty else { throw error("a tag without a name", at: start) }
        return name
    }

    private mutating func parse(section: String?, newLine: Bool) throws(CompileError) -> [Token] {
        var tokens: [Token] = []
        var state = State(newLine: newLine)
        var whiteSpaceBefore = ""
        var tokenLine = line(at: position)
        func add(_ kind: Token.Kind, line: Int) { tokens.append(Token(kind: kind, file: file, line: line)) }
        while !atEnd {
            if state.newLine { whiteSpaceBefore = read(while: [" ", "\t"]) }
            tokenLine = line(at: position)
            let text = readUntilTagOrNewline()
            if let c = current, c.isNewline {
                add(.text(whiteSpaceBefore + text + String(c)), line: tokenLine)
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                add(.text(whiteSpaceBefore + text), line: tokenLine)
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = position - 2
            let tagLine = line(at: tagStart)
            var setNewLine = false
            switch current! {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName()
                if standalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    add(.text(whiteSpaceBefore), line: tagLine)
                    whiteSpaceBefore = ""
                }
                let body = try parse(section: name, newLine: setNewLine ? state.newLine : false)
                add(.section(name, body, inverted: inverted), line: tagLine)
            case "/":
                position += 1
                let name = try parseName()
                guard name == section else {
                    throw error(section.map { "`{{/\(name)}}` closes `{{#\($0)}}`" } ?? "`{{/\(name)}}` closes no section",
                                at: tagStart)
                }
                if !standalone(state), !whiteSpaceBefore.isEmpty {
                    add(.text(whiteSpaceBefore), line: tagLine)
                }
                return tokens
            case "!":
                position += 1
                while !atEnd, !read("}}") { position += 1 }
                setNewLine = standalone(state)
            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    add(.text(whiteSpaceBefore), line: tagLine)
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName()
                if triple, !read("}") { throw error("unfinished tag: expected `}}}` after `\(name)`", at: tagStart) }
                add(.variable(name, escaped: false), line: tagLine)
            case ">":
                position += 1
                skipWhitespace()
                if current == "*" { throw error("dynamic partials are not supported", at: tagStart) }
                let name = read(while: Self.partialNameCharacters)
                skipWhitespace()
                guard read("}}"), !name.isEmpty else { throw error("unfinished partial tag", at: tagStart) }
                if !whiteSpaceBefore.isEmpty { add(.text(whiteSpaceBefore), line: tagLine) }
                if standalone(state) {
                    setNewLine = true
                    add(.partial(name, indentation: whiteSpaceBefore), line: tagLine)
                } else {
                    add(.partial(name, indentation: nil), line: tagLine)
                }
                whiteSpaceBefore = ""
            case "<", "$", "=", "%":
                throw error("`{{\(current!)` (inheritance, blocks, delimiters, configuration) is not supported", at: tagStart)
            default:
                if !whiteSpaceBefore.isEmpty {
                    add(.text(whiteSpaceBefore), line: tagLine)
                    whiteSpaceBefore = ""
                }
                let name = try parseName()
                add(.variable(name, escaped: true), line: tagLine)
            }
            state.newLine = setNewLine
        }
        if let section { throw error("`{{#\(section)}}` is never closed") }
        return tokens
    }
}
