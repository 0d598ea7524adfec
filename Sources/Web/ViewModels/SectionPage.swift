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

    func child(named name: String) -> Any? {
        switch name {
        case "section_title": present(title)
        case "intro_html": present(introHTML)
        case "summary": present(summary)
        case "section": present(section)
        case "pages": pages
        case "is_models": modelsTable != nil
        default: modelsTable?.child(named: name)
        }
    }
}

/// A page in a section's list: its title and summary, and for some sections a badge or a line of key figures.
struct PageListItem: ViewModel {
    let title: String
    let url: String
    let summary: String
    /// Model pages only: their lifecycle today.
    let badge: Badge?
    let meta: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "summary": present(summary)
        case "badge": badge
        case "meta": present(meta)
        default: nil
        }
    }
}

/// The table of every model above `/models/`: sortable column headings, one row per model.
struct ModelsTable {
    let columns: [ColumnHeading]
    let rows: [ModelsTableRow]
    /// Empty in the default order.
    let sortedBy: String

    /// The names `section.mustache` reads inside `{{#is_models}}`.
    func child(named name: String) -> Any? {
        switch name {
        case "columns": columns
        case "table_rows": rows
        case "sorted_by": present(sortedBy)
        default: nil
        }
    }
}

/// A column heading of the models table: a link that sorts by the column, and the current direction if any.
struct ColumnHeading: ViewModel {
    let label: String
    let url: String
    /// "ascending", "descending", or empty when the table is not sorted by this column.
    let sort: String
    let numeric: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": present(label)
        case "url": present(url)
        case "sort": present(sort)
        case "numeric": numeric
        default: nil
        }
    }
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

    func child(named name: String) -> Any? {
        switch name {
        case "title": present(title)
        case "url": present(url)
        case "provider": present(provider)
        case "badge": badge
        case "input": present(input)
        case "output": present(output)
        case "context": present(context)
        case "cache_min": present(cacheMin)
        default: nil
        }
    }
}
