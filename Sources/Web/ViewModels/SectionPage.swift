/// A section index (`section.mustache`): the section's intro and its pages; for `/models/`, also the sortable
/// table of every model.
struct SectionPage: ViewModel {
    let title: String
    let introHTML: String
    let summary: String
    let section: String
    let pages: [PageListItem]
    /// Only the models section has one.
    let modelsTable: ModelsTable?

    var sectionTitle: String { title }
    var isModels: Bool { modelsTable != nil }
    var columns: [ColumnHeading] { modelsTable?.columns ?? [] }
    var tableRows: [ModelsTableRow] { modelsTable?.rows ?? [] }
    var sortedBy: String { modelsTable?.sortedBy ?? "" }
}

/// A page in a section's list: its title and summary, and for some sections a badge or a line of key figures.
struct PageListItem: ViewModel {
    let title: String
    let url: String
    let summary: String
    /// Model pages only: their lifecycle today.
    let badge: Badge?
    let meta: String
}

/// The table of every model above `/models/`: sortable column headings, one row per model.
struct ModelsTable {
    let columns: [ColumnHeading]
    let rows: [ModelsTableRow]
    /// Empty in the default order.
    let sortedBy: String
}

/// A column heading of the models table: a link that sorts by the column, and the current direction if any.
struct ColumnHeading: ViewModel {
    let label: String
    let url: String
    /// "ascending", "descending", or empty when the table is not sorted by this column.
    let sort: String
    let numeric: Bool
}

/// One model's row of the models table, every figure already formatted.
struct ModelsTableRow: ViewModel {
    let title: String
    let url: String
    let provider: String
    let badge: Badge
    let input: String
    let output: String
    let context: String
    let cacheMin: String
}
