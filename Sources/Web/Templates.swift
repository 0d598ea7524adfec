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
}

/// The site-wide navigation links.
enum Navigation {
    static func links(active: String?) -> [NavigationLink] {
        Routes.navigation.map { key, url, label in NavigationLink(url: url, label: label, active: key == active) }
    }
}
