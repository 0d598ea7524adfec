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

    var pageTitle: String { title }
    var hasTags: Bool { !tags.isEmpty }
    var hasFacts: Bool { !facts.isEmpty }
    var hasSources: Bool { !sources.isEmpty }
}

/// A heading of the page's outline; level-3 headings are indented.
struct TocEntry: ViewModel {
    let text: String
    let anchor: String
    let sub: Bool
}

/// A row of the key facts: a label, a value, and where the value comes from.
struct FactRow: ViewModel {
    let label: String
    let value: String
    let source: SourceLink?
    let asOf: String?
    let derived: String?
    let note: String?
    /// Whether the table has a source column: none where no row has a source (a failure mode's facts are the
    /// page's own, and an always-empty column squeezed their text into a third of the table).
    var sourced = true
}

/// The source behind a fact, and when it was last checked.
struct SourceLink: ViewModel {
    let title: String
    let url: String
    let checked: String
}

/// A source in the page's list of sources, with its note.
struct SourceNote: ViewModel {
    let link: SourceLink
    let note: String
    /// The id its item carries, which the prose's citations link to (SourceCitations).
    let anchor: String

    var title: String { link.title }
    var url: String { link.url }
    var checked: String { link.checked }
}

/// A headed list of facts, such as the mitigation steps of a failure mode.
struct FactList: ViewModel {
    let heading: String
    let items: [FactListItem]
}

/// An item of a fact list: a text, a link when `url` is given.
struct FactListItem: ViewModel {
    let text: String
    var url: String = ""
}

/// A resource's own address, as the page's main action.
struct ExternalLink: ViewModel {
    let url: String

    var label: String { url }
}

/// A model's lifecycle today, above its page: the badge, its sentence, and the dates behind it.
struct LifecycleNote: ViewModel {
    let badge: Badge
    /// For a model that stops or has stopped answering, when (`LifecycleText.end`), and the model to move to now.
    var end: String? = nil
    var moveTo: ModelLink? = nil
    let asOf: String
    /// Empty when the prices carry no check date.
    let checked: String

    var label: String { badge.label }
    var `class`: String { badge.cssClass }
    var text: String { badge.text }
}
