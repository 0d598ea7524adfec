import Foundation
import Mustache

/// A problem in a template file, as `path:line: message`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The Mustache templates of `templates/`, loaded and checked once: every template the site renders must exist
/// (swift-mustache renders nothing, silently, for a missing one).
public struct Templates: Sendable {
    /// The templates the responders render; start-up fails if one is missing.
    public static let required = ["layout", "home", "section", "page", "search", "error", "assess", "result",
                                  "calculator", "compare", "timeline"]

    private let library: MustacheLibrary

    public init(directory: String) throws(TemplateError) {
        var library = MustacheLibrary()
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw TemplateError(description: "\(directory):1: templates directory not found")
        }
        var names: Set<String> = []
        for case let relative as String in walker where relative.hasSuffix(".mustache") {
            let name = String(relative.dropLast(".mustache".count))
            let path = "\(directory)/\(relative)"
            guard let text = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) else {
                throw TemplateError(description: "\(path):1: not readable as UTF-8")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(description: "\(path):\(error.context.lineNumber): \(error.error)")
            } catch {
                throw TemplateError(description: "\(path):1: \(error)")
            }
            names.insert(name)
        }
        for name in Self.required where !names.contains(name) {
            throw TemplateError(description: "\(directory)/\(name).mustache:1: missing template `\(name)`")
        }
        self.library = library
    }

    /// Renders `name` and wraps it in the layout. `{{x}}` escapes; only cmark's HTML goes through `{{{x}}}`.
    func page(_ name: String, title: String, view: any ViewModel, activeSection: String? = nil) -> String {
        let content = library.render(view, withTemplate: name) ?? ""
        let layout = LayoutView(title: title, content: content, nav: Navigation.links(active: activeSection), page: view)
        return library.render(layout, withTemplate: "layout") ?? content
    }

    /// A page whose context is still a dictionary, cleaned of blanks first (see `withoutBlanks`).
    func page(_ name: String, title: String, context: [String: Any], activeSection: String? = nil) -> String {
        page(name, title: title, view: Self.withoutBlanks(context), activeSection: activeSection)
    }
}

extension Templates {
    /// Drops empty strings and nils from a context, recursively. Mustache renders `{{#x}}` for any string, even
    /// an empty one, and for a boxed nil: without this an absent error or note would still open its section.
    static func withoutBlanks(_ context: [String: Any]) -> [String: Any] {
        var clean: [String: Any] = [:]
        for (key, value) in context {
            if let kept = keep(value) { clean[key] = kept }
        }
        return clean
    }

    private static func keep(_ value: Any) -> Any? {
        switch value {
        case let text as String:
            return text.isEmpty ? nil : text
        case let dictionary as [String: Any]:
            return withoutBlanks(dictionary)
        case let array as [[String: Any]]:
            return array.map(withoutBlanks)
        case let array as [Any]:
            return array.compactMap(keep)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                return mirror.children.first.flatMap { keep($0.value) }
            }
            return value
        }
    }
}

/// The site-wide navigation links.
enum Navigation {
    static func links(active: String?) -> [NavigationLink] {
        Routes.navigation.map { key, url, label in NavigationLink(url: url, label: label, active: key == active) }
    }
}
