import Foundation

/// The search page (`search.mustache`): the query and its problem if any, then the results when the search ran.
struct SearchPage: ViewModel {
    let query: String
    /// The section the search is limited to (its raw value), empty for every section.
    let section: String
    let error: String
    /// Nil when the query was refused or the search failed.
    let results: SearchResultsView?

    func child(named name: String) -> Any? {
        switch name {
        case "query": present(query)
        case "section": present(section)
        case "error": present(error)
        case "has_query": !query.trimmingCharacters(in: .whitespaces).isEmpty
        case "search_page": true  // the layout leaves out the header's box: one search box on this page
        default: results?.child(named: name)
        }
    }
}

/// What a search found, as the page shows it: the hits with every word, then those with some, the facets, the
/// correction, and the pager.
struct SearchResultsView {
    let hits: [SearchHitView]
    let partialHits: [SearchHitView]
    let total: Int
    /// "12.3 ms".
    let took: String
    let showing: ShownCorrection?
    let suggestion: SuggestedCorrection?
    let facets: [FacetLink]
    let previous: String?
    let next: String?
    /// Positions of the first and last hit shown, counted from 1 (0 and 0 when nothing matched).
    let first: Int
    let last: Int

    /// The names `search.mustache` reads when the search ran.
    func child(named name: String) -> Any? {
        switch name {
        case "results": hits
        case "some_results": partialHits
        case "has_some": !partialHits.isEmpty
        case "total": total
        case "none": total == 0
        case "plural": total != 1
        case "took_ms": present(took)
        case "showing": showing
        case "suggestion": suggestion
        case "has_facets": !facets.isEmpty
        case "facets": facets
        case "previous": previous.flatMap(present)
        case "next": next.flatMap(present)
        case "first": first
        case "last": last
        default: nil
        }
    }
}

/// A page found: its title, where it is, the snippet (HTML with `<mark>`), and its other matching sections.
struct SearchHitView: ViewModel {
    let title: String
    let url: String
    /// The heading of the matching part of the page, if the match is not in its introduction.
    let sectionTitle: String
    let snippetHTML: String
    /// The site section's title (Guides, Models...).
    let section: String
    let more: [MoreSectionView]

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "section_title": present(sectionTitle)
        case "snippet": present(snippetHTML)
        case "section": present(section)
        case "has_more": !more.isEmpty
        case "more": more
        default: nil
        }
    }
}

/// Another matching part of a page found.
struct MoreSectionView: ViewModel {
    let title: String
    let url: String
    let snippetHTML: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "snippet": present(snippetHTML)
        default: nil
        }
    }
}

/// The results shown are a correction's: what was searched, and a link to the words as typed.
struct ShownCorrection: ViewModel {
    let text: String
    let instead: String
    let insteadURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "text": present(text)
        case "instead": present(instead)
        case "instead_url": present(insteadURL)
        default: nil
        }
    }
}

/// "Did you mean": a correction and the link that searches it.
struct SuggestedCorrection: ViewModel {
    let text: String
    let url: String

    func child(named name: String) -> Any? {
        switch name {
        case "text": present(text)
        case "url": present(url)
        default: nil
        }
    }
}

/// A section to narrow the search to, with its count of hits.
struct FacetLink: ViewModel {
    let label: String
    let count: Int
    let url: String
    let current: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": present(label)
        case "count": count
        case "url": present(url)
        case "current": current
        default: nil
        }
    }
}
