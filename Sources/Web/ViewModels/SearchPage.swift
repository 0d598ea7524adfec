import Foundation

/// The search page (`search.mustache`): the query and its problem if any, then the results when the search ran.
struct SearchPage: ViewModel {
    let query: String
    /// The section the search is limited to (its raw value), empty for every section.
    let section: String
    let error: String
    var errorHTML: String { MessageHTML.render(error) }
    /// Nil when the query was refused or the search failed.
    let results: SearchResultsView?

    /// The results part shows only when the search ran: a refused query (over 1,000 bytes) showed "Pages – of for …".
    var hasQuery: Bool { results != nil && !query.trimmingCharacters(in: .whitespaces).isEmpty }
    // What the search found; nil, false or empty when it did not run.
    var hits: [SearchHitView] { results?.hits ?? [] }
    var someResults: [SearchHitView] { results?.partialHits ?? [] }
    var hasSome: Bool { results.map { !$0.partialHits.isEmpty } ?? false }
    var total: Int? { results?.total }
    var none: Bool { results?.total == 0 }
    /// Matches exist but the offset is past them ("Pages 99–98 of 98" was shown).
    var pastTheEnd: Bool { results.map { $0.total > 0 && $0.first > $0.total } ?? false }
    /// Some results on this page: the range line shows.
    var someShown: Bool { results.map { $0.total > 0 && $0.first <= $0.total } ?? false }
    var tookMs: String? { results?.took }
    var showing: ShownCorrection? { results?.showing }
    /// The query the results are for: the correction shown, where one is ("Pages 1–10 of 43 for “ratelimt”" stood
    /// under "Showing results for ratelimit").
    var shownQuery: String { results?.showing?.text ?? query }
    var suggestion: SuggestedCorrection? { results?.suggestion }
    /// Where the query looks like it excludes a word (`haiku -sonnet`, `haiku NOT sonnet`), that nothing is excluded:
    /// the results were those of "haiku sonnet", Sonnet 5.5 first, under a heading that echoed the minus.
    var operatorNote: String? {
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        let minus = words.first { $0.count > 1 && $0.hasPrefix("-") && $0.dropFirst().first?.isLetter == true }.map { $0.dropFirst().trimmingCharacters(in: .punctuationCharacters) }
        let not = words.indices.first { $0 > 0 && $0 + 1 < words.count && words[$0] == "NOT" }.map { words[$0 + 1].trimmingCharacters(in: .punctuationCharacters) }
        guard let excluded = minus ?? not else { return nil }
        return "Search finds pages with your words and excludes none: “\(DirectionControls.stripped(excluded))” was searched for, not left out."
    }
    var hasFacets: Bool { results.map { !$0.facets.isEmpty } ?? false }
    var facets: [FacetLink] { results?.facets ?? [] }
    var previous: String? { results?.previous ?? nil }
    var next: String? { results?.next ?? nil }
    var first: Int? { results?.first }
    var last: Int? { results?.last }
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
}

/// A page found: its title, where it is, the snippet (HTML with `<mark>`), and its other matching sections.
struct SearchHitView: ViewModel {
    let title: String
    let url: String
    /// A model page's lifecycle today; empty for other pages.
    let badge: Badge
    /// The heading of the matching part of the page, if the match is not in its introduction.
    let sectionTitle: String
    let snippetHTML: String
    /// The site section's title (Guides, Models...).
    let section: String
    let more: [MoreSectionView]

    var snippet: String { snippetHTML }
    var hasMore: Bool { !more.isEmpty }
}

/// Another matching part of a page found.
struct MoreSectionView: ViewModel {
    let title: String
    let url: String
    let snippetHTML: String

    var snippet: String { snippetHTML }
}

/// The results shown are a correction's: what was searched, and a link to the words as typed.
struct ShownCorrection: ViewModel {
    let text: String
    let instead: String
    let insteadURL: String
}

/// "Did you mean": a correction and the link that searches it.
struct SuggestedCorrection: ViewModel {
    let text: String
    let url: String
}

/// A section to narrow the search to, with its count of hits.
struct FacetLink: ViewModel {
    let label: String
    let count: Int
    let url: String
    let current: Bool
}
