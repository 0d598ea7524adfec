/// A problem in a file the site serves, as `path:line: message`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The pages' templates, compiled into the binary: each page template in templates/ declares its view model
/// (`{{! view: ResultPage }}`), and Plugins/CompileTemplates turns it into that view model's `render(into:)` at
/// build time. Nothing is read or parsed at run time.
public struct Templates: Sendable {
    public init() {}

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
