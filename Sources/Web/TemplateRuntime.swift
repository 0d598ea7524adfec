/// What the compiled templates (generated from templates/ by Plugins/CompileTemplates) are written against: the
/// buffer they write into, and the overloads that give a section its meaning from a property's type.
/// Self-contained but for `HTMLText`, so the template compiler's tests can type-check generated code against it.

/// A view model a template reads: a plain struct whose properties are the template's keys.
protocol ViewModel {}

/// A view model rendered by a page template: the generated `render(into:)` writes the template's bytes.
protocol CompiledTemplate: ViewModel {
    /// The template's file name without `.mustache`.
    static var templateName: String { get }
    func render(into out: inout HTMLBuffer)
}

/// The bytes of a page being rendered.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    /// Template text, copied as it is.
    @inline(__always)
    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    // MARK: - `{{x}}`: escaped

    @inline(__always)
    mutating func escape(_ text: String) { HTMLText.escape(text, into: &bytes) }

    @inline(__always)
    mutating func escape(_ text: String?) { if let text { HTMLText.escape(text, into: &bytes) } }

    mutating func escape(_ number: Int) { raw(number) }

    mutating func escape(_ number: Int?) { if let number { raw(number) } }

    // MARK: - `{{{x}}}`: raw (cmark's HTML, SVG drawn by the server, snippets already escaped)

    @inline(__always)
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String?) { if let text { raw(text) } }

    mutating func raw(_ rendered: [UInt8]) { bytes.append(contentsOf: rendered) }

    mutating func raw(_ number: Int) {
        var text = String(number)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Inside a partial included with an indentation (`  {{> _fields}}` alone on its line): a tag's output that
    /// starts a line gets the indentation before it, as swift-mustache indents partials (per tag, not per line).
    mutating func indent(from start: Int, atLineStart: inout Bool, with indentation: StaticString) {
        guard bytes.count > start else { return }
        if atLineStart {
            indentation.withUTF8Buffer { bytes.insert(contentsOf: $0, at: start) }
        }
        atLineStart = bytes.last == 0x0A
    }
}

/// Zero or one value to iterate over: what a section over a Bool, a String or an optional opens, without an array.
struct ZeroOrOne<Element>: Sequence, IteratorProtocol {
    var value: Element?

    @inline(__always)
    mutating func next() -> Element? {
        defer { value = nil }
        return value
    }
}

/// The meaning of `{{#x}}` and `{{^x}}`, chosen by the type of `x`. A type not listed here (a number, say) does not
/// compile as a section.
enum Scope {
    // `{{#x}}`: the scopes the section's body is rendered with.

    /// A Bool opens the section when true; the scope stays the enclosing one.
    @inline(__always)
    static func open<Scope>(_ condition: Bool, _ scope: Scope) -> ZeroOrOne<Scope> { ZeroOrOne(value: condition ? scope : nil) }

    @inline(__always)
    static func open<Scope>(_ condition: Bool?, _ scope: Scope) -> ZeroOrOne<Scope> { ZeroOrOne(value: condition == true ? scope : nil) }

    /// A String opens the section when not empty; the scope stays the enclosing one.
    @inline(__always)
    static func open<Scope>(_ text: String, _ scope: Scope) -> ZeroOrOne<Scope> { ZeroOrOne(value: text.isEmpty ? nil : scope) }

    @inline(__always)
    static func open<Scope>(_ text: String?, _ scope: Scope) -> ZeroOrOne<Scope> {
        ZeroOrOne(value: text?.isEmpty == false ? scope : nil)
    }

    /// An array repeats the section with each element in scope.
    @inline(__always)
    static func open<Scope, Element>(_ items: [Element], _ scope: Scope) -> [Element] { items }

    /// An optional view model opens the section with its value in scope.
    @inline(__always)
    static func open<Scope, Model: ViewModel>(_ model: Model?, _ scope: Scope) -> ZeroOrOne<Model> { ZeroOrOne(value: model) }

    @inline(__always)
    static func open<Scope, Model: ViewModel>(_ model: Model, _ scope: Scope) -> ZeroOrOne<Model> { ZeroOrOne(value: model) }

    // `{{^x}}`: whether the inverted section is rendered.

    @inline(__always) static func isEmpty(_ condition: Bool) -> Bool { !condition }
    @inline(__always) static func isEmpty(_ condition: Bool?) -> Bool { condition != true }
    @inline(__always) static func isEmpty(_ text: String) -> Bool { text.isEmpty }
    @inline(__always) static func isEmpty(_ text: String?) -> Bool { text?.isEmpty ?? true }
    @inline(__always) static func isEmpty<Element>(_ items: [Element]) -> Bool { items.isEmpty }
    @inline(__always) static func isEmpty<Model: ViewModel>(_ model: Model?) -> Bool { model == nil }

    /// `a.b` reads `b` whether `a` is optional or not: this lifts `a` to an optional for `?.b`.
    @inline(__always) static func optional<Value>(_ value: Value) -> Value? { value }
    @inline(__always) static func optional<Value>(_ value: Value?) -> Value? { value }
}
