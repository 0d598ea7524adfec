/// A content page (`page.mustache`): the rendered body and its outline, the front matter as facts and lists
/// with their sources, and for a model its lifecycle today.
struct ContentPage: ViewModel {
    let title: String
    let summary: String
    let sectionTitle: String
    let sectionURL: String
    let html: String
    let toc: [TocEntry]
    /// Shorter pages go without an outline.
    let hasTOC: Bool
    let tags: [String]
    let updated: String
    let facts: [FactRow]
    /// Only lists with items: an empty one would show a heading over nothing.
    let lists: [FactList]
    let link: ExternalLink?
    let sources: [SourceNote]
    let isModel: Bool
    let lifecycle: LifecycleNote?
    let slug: String

    func child(named name: String) -> Any? {
        switch name {
        case "page_title": present(title)
        case "summary": present(summary)
        case "section_title": present(sectionTitle)
        case "section_url": present(sectionURL)
        case "html": present(html)
        case "toc": toc
        case "has_toc": hasTOC
        case "tags": tags
        case "has_tags": !tags.isEmpty
        case "updated": present(updated)
        case "facts": facts
        case "has_facts": !facts.isEmpty
        case "lists": lists
        case "link": link
        case "sources": sources
        case "has_sources": !sources.isEmpty
        case "is_model": isModel
        case "lifecycle": lifecycle
        case "slug": present(slug)
        default: nil
        }
    }
}

/// A heading of the page's outline; level-3 headings are indented.
struct TocEntry: ViewModel {
    let text: String
    let anchor: String
    let sub: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "text": present(text)
        case "anchor": present(anchor)
        case "sub": sub
        default: nil
        }
    }
}

/// A row of the key facts: a label, a value, and where the value comes from.
struct FactRow: ViewModel {
    let label: String
    let value: String
    let source: SourceLink?
    let asOf: String?
    let derived: String?
    let note: String?

    func child(named name: String) -> Any? {
        switch name {
        case "label": present(label)
        case "value": present(value)
        case "source": source
        case "as_of": asOf.flatMap(present)
        case "derived": derived.flatMap(present)
        case "note": note.flatMap(present)
        default: nil
        }
    }
}

/// The source behind a fact, and when it was last checked.
struct SourceLink: ViewModel {
    let title: String
    let url: String
    let checked: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "checked": present(checked)
        default: nil
        }
    }
}

/// A source in the page's list of sources, with its note.
struct SourceNote: ViewModel {
    let link: SourceLink
    let note: String

    func child(named name: String) -> Any? {
        name == "note" ? present(note) : link.child(named: name)
    }
}

/// A headed list of facts, such as the mitigation steps of a failure mode.
struct FactList: ViewModel {
    let heading: String
    let items: [FactListItem]

    func child(named name: String) -> Any? {
        switch name {
        case "heading": present(heading)
        case "items": items
        default: nil
        }
    }
}

/// An item of a fact list: a text, a link when `url` is given.
struct FactListItem: ViewModel {
    let text: String
    var url: String = ""

    func child(named name: String) -> Any? {
        switch name {
        case "text": present(text)
        case "url": present(url)
        default: nil
        }
    }
}

/// A resource's own address, as the page's main action.
struct ExternalLink: ViewModel {
    let url: String

    func child(named name: String) -> Any? {
        switch name {
        case "url", "label": present(url)
        default: nil
        }
    }
}

/// A model's lifecycle today, above its page: the badge, its sentence, and the dates behind it.
struct LifecycleNote: ViewModel {
    let badge: Badge
    let asOf: String
    /// Empty when the prices carry no check date.
    let checked: String

    func child(named name: String) -> Any? {
        switch name {
        case "as_of": present(asOf)
        case "checked": present(checked)
        default: badge.child(named: name)
        }
    }
}
