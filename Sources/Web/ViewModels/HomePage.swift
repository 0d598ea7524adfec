/// The home page (`home.mustache`): one card per section with its first pages.
struct HomePage: ViewModel {
    let sections: [SectionCard]
    let pageCount: Int
    /// How many questions the questionnaire asks (content/criteria), every one optional.
    let questionCount: Int
}

/// A section as the home page shows it: its name, size, summary and first pages.
struct SectionCard: ViewModel {
    let title: String
    let url: String
    let count: Int
    let summary: String
    let pages: [PageLink]
}

