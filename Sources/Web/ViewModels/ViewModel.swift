import Mustache

/// Every page's view model is a struct that answers Mustache by name (`MustacheParent`): a `switch`, cheaper than
/// a dictionary look-up with a dynamic cast, and checked by the compiler.
///
/// Rules the templates rely on, kept by every view model:
/// - an unknown name answers nil, so Mustache looks it up in the enclosing context;
/// - an empty text answers nil (see `present`), and so does an absent optional: Mustache opens `{{#x}}` for any
///   string, even an empty one, and an absent note or error must not open its section.
typealias ViewModel = MustacheParent

/// A text for a template: nil when empty, so that `{{#x}}` stays closed and `{{x}}` renders nothing.
@inline(__always)
func present(_ text: String) -> Any? { text.isEmpty ? nil : text }

/// What the layout shows around a page: the title, the rendered page, the navigation; any other name (such as
/// `search_page`) is the page's own.
struct LayoutView: ViewModel {
    let title: String
    let content: String
    let nav: [NavigationLink]
    let page: any ViewModel

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "content": present(content)
        case "nav": nav
        default: page.child(named: name)
        }
    }
}

/// One link of the site navigation.
struct NavigationLink: ViewModel {
    let url: String
    let label: String
    let active: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "url": present(url)
        case "label": present(label)
        case "active": active
        default: nil
        }
    }
}

/// A model's lifecycle as a badge; all texts empty when the lifecycle is unknown (`{{#badge.label}}` stays closed).
struct Badge: ViewModel {
    let label: String
    let cssClass: String
    let text: String

    static let none = Badge(label: "", cssClass: "", text: "")

    func child(named name: String) -> Any? {
        switch name {
        case "label": present(label)
        case "class": present(cssClass)
        case "text": present(text)
        default: nil
        }
    }
}
