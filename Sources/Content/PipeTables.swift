import CCMark
import Foundation

// Pipe tables (GitHub-flavoured Markdown) on top of libcmark, which knows only CommonMark: a top-level paragraph
// whose source lines are a header row, a delimiter row (`|---|--:|`) and body rows is replaced, before the page
// is walked and rendered, by a custom block holding the table's HTML. Each cell is inline Markdown, rendered by
// cmark itself (same options: safe, smart punctuation), so links, code and emphasis work and nothing raw gets
// through. The content's model pages, guides and failure modes carry their tier and price tables this way.

/// One table found in a page body: its HTML, its text (for search) and the links its cells hold.
struct PipeTable {
    let html: String
    let text: [UInt8]
    let links: [BodyLink]
    /// The first raw HTML in a cell, with its line: dropped from the page as the body's is (`check` refuses it).
    var rawHTML: RawHTML? = nil
    /// The first row with more cells than the header: the extra ones are not shown (`check` refuses it).
    var extraCells: ExtraCells? = nil
}

/// A table row with more cells than its header, whose extra cells the page drops, as GitHub does: its file line and
/// its count against the header's.
public struct ExtraCells: Sendable, Equatable {
    public let line: Int
    public let cells: Int
    public let header: Int
}

enum PipeTables {
    /// Replaces every top-level paragraph of `root` that is a pipe table; returns the custom blocks put in their
    /// place with what each holds. `source` is the body cmark parsed, as UTF-8 (its line numbers index its lines
    /// from 1). Lines are cut from the bytes, and only for paragraphs of two lines or more whose first line has a
    /// pipe: splitting every page into `Character` lines took a sixth of indexing.
    static func replace(in root: OpaquePointer, source: [UInt8], options: Int32, firstLine: Int)
        -> [OpaquePointer: PipeTable] {
        var found: [(node: OpaquePointer, rows: [Substring], line: Int)] = []
        var lineStarts: [Int]? = nil
        var child = cmark_node_first_child(root)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { continue }
            let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
            guard start >= 1, end - start >= 1 else { continue }
            let starts = lineStarts ?? Self.lineStarts(source)
            lineStarts = starts
            guard end <= starts.count else { continue }
            func line(_ number: Int) -> ArraySlice<UInt8> {
                let from = starts[number - 1]
                let to = number < starts.count ? starts[number] - 1 : source.count
                return source[from..<max(from, to)]
            }
            guard line(start).contains(UInt8(ascii: "|")) else { continue }
            let rows = (start...end).map { Substring(String(decoding: line($0), as: UTF8.self)) }
            if isTable(rows) { found.append((node, rows, start)) }
        }
        var tables: [OpaquePointer: PipeTable] = [:]
        for (node, rows, line) in found {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let table = render(rows, options: options, line: line + firstLine - 1)
            cmark_node_set_on_enter(block, table.html)
            cmark_node_replace(node, block)
            cmark_node_free(node)
            tables[block] = table
        }
        return tables
    }

    /// Where each line of `source` starts (the first at 0), lines ending at a line feed.
    static func lineStarts(_ source: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in source.enumerated() where byte == 0x0A { starts.append(index + 1) }
        return starts
    }

    /// A header row with a pipe, then a delimiter row with as many cells, each `-` runs with optional colons.
    static func isTable(_ rows: [Substring]) -> Bool {
        guard rows.count >= 2, rows[0].contains("|") else { return false }
        let delimiter = cells(rows[1])
        return delimiter.count == cells(rows[0]).count && delimiter.allSatisfy { cell in
            let bare = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            let dashes = bare.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
        }
    }

    /// A row's cells: split on pipes that are not escaped (`\|`), without the optional outer pipes.
    static func cells(_ row: Substring) -> [String] {
        var text = row.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if character == "|" && !escaped {
                cells.append(current)
                current = ""
            } else if character == "|" {
                current.removeLast()  // the backslash: `\|` is a literal pipe
                current.append(character)
            } else {
                current.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        cells.append(current)
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    enum Alignment: String { case left, center, right }

    static func alignment(_ delimiter: String) -> Alignment? {
        switch (delimiter.hasPrefix(":"), delimiter.hasSuffix(":")) {
        case (true, true): .center
        case (false, true): .right
        case (true, false): .left
        case (false, false): nil
        }
    }

    /// The table's HTML: a header row of `th scope="col"`, body rows of `td`, extra cells dropped and missing ones
    /// left empty (as GitHub does), aligned cells classed `align-right` or `align-center`.
    static func render(_ rows: [Substring], options: Int32, line: Int) -> PipeTable {
        let header = cells(rows[0])
        let alignments = cells(rows[1]).map(alignment)
        var text: [UInt8] = []
        var links: [BodyLink] = []
        var rawHTML: RawHTML?
        var extraCells: ExtraCells?
        func cell(_ markdown: String, tag: String, column: Int, row: Int) -> String {
            let inline = Inline.render(markdown, options: options)
            text += inline.text + [0x20]
            links += inline.urls.map { BodyLink(url: $0, line: line + row) }
            if rawHTML == nil, let raw = inline.rawHTML { rawHTML = RawHTML(line: line + row, literal: raw) }
            // An empty header cell is a plain cell: a column header with no text names nothing.
            let tag = tag == "th" && inline.html.isEmpty ? "td" : tag
            let scope = tag == "th" ? " scope=\"col\"" : ""
            let align = alignments[column].map { $0 == .left ? "" : " class=\"align-\($0.rawValue)\"" } ?? ""
            return "<\(tag)\(scope)\(align)>\(inline.html)</\(tag)>"
        }
        var html = "<div class=\"table-scroll\">\n<table class=\"prose-table\">\n<thead>\n<tr>"
        for (column, value) in header.enumerated() { html += cell(value, tag: "th", column: column, row: 0) }
        html += "</tr>\n</thead>\n"
        if rows.count > 2 {
            html += "<tbody>\n"
            for (offset, row) in rows.dropFirst(2).enumerated() {
                let values = cells(row)
                if extraCells == nil, values.count > header.count {
                    extraCells = ExtraCells(line: line + offset + 2, cells: values.count, header: header.count)
                }
                html += "<tr>"
                for column in header.indices {
                    html += cell(column < values.count ? values[column] : "", tag: "td", column: column, row: offset + 2)
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        html += "</table>\n</div>\n"
        return PipeTable(html: html, text: text, links: links, rawHTML: rawHTML, extraCells: extraCells)
    }

    /// One cell's inline Markdown through cmark: its HTML without the paragraph around it, its text and its links.
    enum Inline {
        static func render(_ markdown: String, options: Int32) -> (html: String, text: [UInt8], urls: [String], rawHTML: String?) {
            let bytes = Array(markdown.utf8)
            // Most cells are words and figures ("$0.10", "Tier 2", "1,000"): their HTML is their text. cmark parsed
            // each one on its own, and a 95,000-row table took 1.7 s to render.
            if isPlain(bytes) { return (markdown, bytes, [], nil) }
            guard !bytes.isEmpty, let root = cmark_parse_document(bytes, bytes.count, options) else { return ("", [], [], nil) }
            defer { cmark_node_free(root) }
            // A cell is inline text: one that cmark reads as a block (`-` as a list, `#` as a heading) is shown as
            // written.
            let first = cmark_node_first_child(root)
            guard let first, cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH, cmark_node_next(first) == nil else {
                return (escaped(markdown), Array(markdown.utf8), [], nil)
            }
            var text: [UInt8] = []
            var urls: [String] = []
            var rawHTML: String?
            if let iterator = cmark_iter_new(root) {
                defer { cmark_iter_free(iterator) }
                while true {
                    let event = cmark_iter_next(iterator)
                    if event == CMARK_EVENT_DONE { break }
                    guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                    switch cmark_node_get_type(node) {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                        if let literal = cmark_node_get_literal(node) { text += Array(String(cString: literal).utf8) }
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                        text.append(0x20)
                    case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                        if let url = cmark_node_get_url(node) { urls.append(String(cString: url)) }
                    case CMARK_NODE_HTML_INLINE where rawHTML == nil:
                        rawHTML = cmark_node_get_literal(node).map { String(cString: $0) }
                    default:
                        break
                    }
                }
            }
            guard let rendered = cmark_render_html(root, options) else { return ("", text, urls, rawHTML) }
            defer { free(rendered) }
            var html = String(cString: rendered)
            // A cell is one paragraph: keep what is inside it.
            if html.hasPrefix("<p>") && html.hasSuffix("</p>\n") {
                html = String(html.dropFirst(3).dropLast(5))
            }
            return (html, text, urls, rawHTML)
        }

        /// Text cmark renders as itself: no byte that starts inline Markdown, an entity, raw HTML or smart
        /// punctuation (`*_`[]!<>&\\'"`, a tab, `..`, `--`), and no space at either end (cmark trims a paragraph).
        /// A cell cmark reads as a block (`- a`, `1. a`) is shown as written, which is this text too.
        static func isPlain(_ bytes: [UInt8]) -> Bool {
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20, 0x24, 0x25, 0x28, 0x29, 0x2B, 0x2C, 0x2F, 0x3A, 0x3B,
                     0x3D, 0x3F, 0x40, 0x5E, 0x7B, 0x7D, 0x7E, 0x80...0xFF:
                    break
                case 0x2E, 0x2D:  // . and -: alone, not doubled (`...` and `--` are smart punctuation)
                    if previous == byte { return false }
                default:
                    return false
                }
                previous = byte
            }
            return true
        }

        static func escaped(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                default: out.append(character)
                }
            }
            return out
        }
    }
}
