/// The home page (`home.mustache`): one card per section with its first pages.
struct HomePage: ViewModel {
    let sections: [SectionCard]
    let pageCount: Int

    func child(named name: String) -> Any? {
        switch name {
        case "sections": sections
        case "page_count": pageCount
        default: nil
        }
    }
}

/// A section as the home page shows it: its name, size, summary and first pages.
struct SectionCard: ViewModel {
    let title: String
    let url: String
    let count: Int
    let summary: String
    let pages: [PageLink]

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "count": count
        case "summary": present(summary)
        case "pages": pages
        default: nil
        }
    }
}

