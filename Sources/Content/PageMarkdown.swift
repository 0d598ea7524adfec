import Foundation
import Yams

/// A page as Markdown for machines (the `.md` twin of every page, `llms-full.txt`, the MCP server's `get_page`):
/// the title and summary, the figures of its front matter as a table, the body as written, and the sources with
/// their URLs written out. Values are shown as the page's YAML writes them.
public enum PageMarkdown {
    /// The common fields, shown in the header and the sources list rather than in the figures table.
    static let commonFields: Set<String> = ["title", "summary", "tags", "aliases", "updated", "order", "sources"]

    public static func render(_ page: Page) -> String {
        var out = "# \(page.title)\n\n> \(oneLine(page.summary))\n\n"
        var facts = ["Section: \(page.section.title)", "Updated: \(page.frontMatter.updated)", "Page: \(page.url)"]
        if !page.tags.isEmpty { facts.append("Tags: " + page.tags.joined(separator: ", ")) }
        out += facts.joined(separator: " · ") + "\n\n"

        let rows = figureRows(page.fieldLines.root)
        if !rows.isEmpty {
            out += "## Figures\n\n| Field | Value | Source | As of | Note |\n|---|---|---|---|---|\n"
            for row in rows {
                out += "| " + [row.field, row.value, row.source, row.asOf, row.note].map(cell).joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }

        let body = page.markdown.trimmingCharacters(in: .whitespacesAndNewlines)
        if !body.isEmpty { out += body + "\n\n" }

        if let sources = page.frontMatter.sources, !sources.isEmpty {
            out += "## Sources\n\n"
            for source in sources {
                // The URL written out in full (an autolink for web addresses), never hidden behind link text.
                let url = source.url.hasPrefix("http") ? "<\(source.url)>" : source.url
                out += "- `\(source.id)`: \(oneLine(source.title)), \(url) (checked \(source.checked))"
                    + (source.note.map { ". \(oneLine($0))" } ?? "") + "\n"
            }
            out += "\n"
        }
        return out.trimmingCharacters(in: .newlines) + "\n"
    }

    struct Row: Equatable {
        var field: String
        var value: String
        var source = ""
        var asOf = ""
        var note = ""
    }

    /// Every value of the page's typed block (`model:`, `failure_mode:`, ...), one row per leaf; a figure
    /// (`{value, source, as_of?, derived?, note?}`) is one row with its provenance.
    static func figureRows(_ root: Node) -> [Row] {
        var rows: [Row] = []
        guard let mapping = root.mapping else { return rows }
        for (key, value) in mapping {
            guard let name = key.string, !commonFields.contains(name) else { continue }
            walk(value, path: name, into: &rows)
        }
        return rows
    }

    private static func walk(_ node: Node, path: String, into rows: inout [Row]) {
        switch node {
        case .scalar(let scalar):
            rows.append(Row(field: path, value: scalar.string))
        case .sequence(let sequence):
            if sequence.allSatisfy({ $0.scalar != nil }) {
                rows.append(Row(field: path, value: sequence.compactMap(\.string).joined(separator: ", ")))
            } else {
                for (i, item) in sequence.enumerated() { walk(item, path: "\(path)[\(i)]", into: &rows) }
            }
        case .mapping(let mapping):
            if let value = mapping["value"], let source = mapping["source"]?.string, value.scalar != nil {
                var row = Row(field: path, value: value.string ?? "", source: source,
                              asOf: mapping["as_of"]?.string ?? "", note: mapping["note"]?.string ?? "")
                if let derived = mapping["derived"]?.string {
                    row.note = "derived: \(derived)" + (row.note.isEmpty ? "" : "; " + row.note)
                }
                rows.append(row)
                return
            }
            for (key, value) in mapping {
                walk(value, path: "\(path).\(key.string ?? "?")", into: &rows)
            }
        case .alias:
            break
        }
    }

    /// A table cell: one line, pipes escaped.
    static func cell(_ text: String) -> String {
        oneLine(text).replacingOccurrences(of: "|", with: "\\|")
    }

    public static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Markdown with every ATX heading moved `levels` down (code blocks left alone): a page inside
    /// `llms-full.txt`, where its title is an H2.
    public static func demoted(_ markdown: String, by levels: Int) -> String {
        guard levels > 0 else { return markdown }
        var fence: Substring?
        let extra = String(repeating: "#", count: levels)
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                return String(line)
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                return String(line)
            }
            if line.hasPrefix("#"), line.drop(while: { $0 == "#" }).first.map({ $0 == " " }) ?? true {
                return extra + line
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
