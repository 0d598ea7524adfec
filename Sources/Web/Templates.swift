import Foundation

/// A problem in a template or another file the site serves, as `path:line: message`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The pages' templates, compiled into the binary: each page template in templates/ declares its view model
/// (`{{! view: ResultPage }}`), and Plugins/CompileTemplates turns it into that view model's `render(into:)` at
/// build time. Nothing is parsed at run time.
public struct Templates: Sendable {
    /// Checks that `directory` holds the templates this binary was built from, so that an edited template is not
    /// silently ignored: a template changed, added or removed since the build is an error that says to rebuild
    /// (with `--watch`, the last good site keeps serving).
    public init(directory: String) throws(TemplateError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw TemplateError(description: "\(directory):1: templates directory not found")
        }
        var found: Set<String> = []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let path = "\(directory)/\(file)"
            found.insert(name)
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw TemplateError(description: "\(path):1: not readable as UTF-8")
            }
            guard let compiled = compiledTemplateSources[name] else {
                throw TemplateError(description: "\(path):1: a template this binary was not built with: run `swift build`")
            }
            guard source == compiled else {
                throw TemplateError(description: "\(path):1: changed since this binary was built: run `swift build`")
            }
        }
        for name in compiledTemplateSources.keys.sorted() where !found.contains(name) {
            throw TemplateError(description: "\(directory)/\(name).mustache:1: missing, but compiled into this binary: run `swift build`")
        }
    }

    /// Renders `view` with its template and wraps it in the layout.
    func page(title: String, view: some CompiledTemplate, activeSection: String? = nil) -> [UInt8] {
        var body = HTMLBuffer()
        view.render(into: &body)
        let layout = LayoutView(title: title, content: body.bytes, nav: Navigation.links(active: activeSection),
                                searchPage: view is SearchPage)
        var page = HTMLBuffer(capacity: body.count + 4096)
        layout.render(into: &page)
        return page.bytes
    }
}

/// The site-wide navigation links.
enum Navigation {
    static func links(active: String?) -> [NavigationLink] {
        Routes.navigation.map { key, url, label in NavigationLink(url: url, label: label, active: key == active) }
    }
}
