import Advisor
import Yams

/// Figures whose source was last checked too long ago, or on a day still to come (`haiku-advisor check --stale DAYS`).
///
/// A figure is any front-matter mapping with a `source` key (prices, dates, latency, task fit, rate limits); its
/// date is the `checked` date of that source in the page's `sources`. Each stale figure is reported once, at its
/// line, as `path:line: model.prices.input: source `pricing` last checked 2026-05-01, 211 days before 2026-11-28`.
public enum StaleFigures {
    /// The hint of a figure whose source is dated after today: how the summary tells those from old ones.
    static let afterTodayHint = "give the day the source was read"

    /// Whether `error`, one of `find`'s, is a source dated after today rather than one checked too long ago.
    public static func isDatedAfterToday(_ error: ContentError) -> Bool {
        error.hint == afterTodayHint || error.hint == FutureDates.hint
    }

    public static func find(in library: ContentLibrary, olderThan days: Int, today: Int) -> [ContentError] {
        var found: [ContentError] = []
        for page in library.pages + Array(library.sectionIntros.values) {
            let checked = Dictionary((page.frontMatter.sources ?? []).map { ($0.id, $0.checked) }, uniquingKeysWith: { a, _ in a })
            page.fieldLines.visitSources { field, sourceID, line in
                guard let date = checked[sourceID], let day = CivilDate.day(date) else { return }
                // A check dated after today is a slip (next year typed for this one) that no age would ever flag.
                if day > today {
                    found.append(ContentError(path: page.path, line: line,
                                              message: "\(field): source `\(sourceID)` checked \(date), after today (\(CivilDate.text(today)))",
                                              hint: afterTodayHint))
                    return
                }
                guard today - day > days else { return }
                found.append(ContentError(path: page.path, line: line,
                                          message: "\(field): source `\(sourceID)` last checked \(date), "
                                              + "\(today - day) days before \(CivilDate.text(today))",
                                          hint: "read the source again and update the figure and `checked`"))
            }
        }
        return ContentErrors(found).errors
    }
}

extension FieldLines {
    /// Calls `visit(fieldPath, sourceID, line)` for every mapping in the front matter that names a `source`.
    func visitSources(_ visit: (String, String, Int) -> Void) {
        func walk(_ node: Node, _ path: String) {
            if let mapping = node.mapping {
                if let source = mapping["source"]?.string, path != "" {
                    visit(path, source, (node.mark?.line ?? 0) + 1)
                }
                for (key, child) in mapping {
                    guard let name = key.string, name != "sources" || path != "" else { continue }
                    walk(child, path.isEmpty ? name : "\(path).\(name)")
                }
            } else if let sequence = node.sequence {
                for (i, child) in sequence.enumerated() { walk(child, "\(path)[\(i)]") }
            }
        }
        walk(root, "")
    }
}
