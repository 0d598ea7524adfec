import CCMark
import Foundation

/// One entry of a page's table of contents.
public struct Heading: Sendable, Equatable, Codable {
    public let level: Int
    public let text: String
    public let anchor: String

    public init(level: Int, text: String, anchor: String) {
        self.level = level
        self.text = text
        self.anchor = anchor
    }
}

/// A link found in a page body, with the file line it stands on (for `check`).
public struct BodyLink: Sendable, Equatable {
    public let url: String
    public let line: Int

    public init(url: String, line: Int) {
        self.url = url
        self.line = line
    }
}

/// One heading section of a page as plain text, for the search index: the text before the first h1-h3 is the
/// section with no anchor; deeper headings stay in their section's prose. Prose and code are apart so that a
/// snippet can prefer prose.
public struct TextSection: Sendable, Equatable {
    public var anchor: String
    public var heading: String
    public var prose: String
    public var code: String

    public init(anchor: String, heading: String, prose: String, code: String) {
        self.anchor = anchor
        self.heading = heading
        self.prose = prose
        self.code = code
    }
}

/// What cmark made of a Markdown body, copied into Swift values: no C pointer escapes this file.
public struct RenderedMarkdown: Sendable, Equatable {
    public let html: String
    public let headings: [Heading]
    /// The page cut at every h1, h2 and h3 while cmark walks it (the HTML is never parsed again).
    public let sections: [TextSection]
    public let links: [BodyLink]
    /// The first raw HTML in the body: cmark's safe mode drops it from the page, while the page's `.md` twin and
    /// `llms-full.txt` would publish it (`check` refuses it).
    public var rawHTML: RawHTML? = nil
    /// The first table row with more cells than its header (`check` refuses it: the page drops them).
    public var extraCells: ExtraCells? = nil
}

/// Raw HTML found in a body or a table cell: its file line and its first 40 characters, as `check` quotes it.
public struct RawHTML: Sendable, Equatable {
    public let line: Int
    public let text: String

    init(line: Int, literal: String) {
        self.line = line
        let text = literal.trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

/// Renders CommonMark with cmark's safe default (raw HTML omitted, `javascript:` links emptied), anchors on every
/// heading, and the sections of plain text the search index needs.
public enum MarkdownRenderer {
    /// - Parameters:
    ///   - markdown: the body.
    ///   - firstLine: the file line the body starts on, so link lines point into the file.
    public static func render(_ markdown: String, firstLine: Int = 1) -> RenderedMarkdown {
        // VALIDATE_UTF8: without it an invalid byte reaches the output. SMART: typographic quotes and dashes.
        let options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
        let bytes = Array(markdown.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, options) else {
            return RenderedMarkdown(html: "", headings: [], sections: [], links: [])
        }
        defer { cmark_node_free(root) }
        let tables = PipeTables.replace(in: root, source: bytes,
                                        options: options, firstLine: firstLine)

        var headingNodes: [OpaquePointer] = []
        var links: [BodyLink] = []
        var rawHTML: RawHTML?
        var extraCells: ExtraCells?
        // Sections as bytes while they are collected; `cut[i]` is the section heading node i opened (h1-h3 only).
        var sections = [SectionBytes()]
        var cut: [Int?] = []
        var inSectionHeading = false
        walk(root) { node, event in
            let type = cmark_node_get_type(node)
            let last = sections.count - 1
            guard event == CMARK_EVENT_ENTER else {
                if type == CMARK_NODE_HEADING && inSectionHeading {
                    inSectionHeading = false
                } else if isBlock(type) {
                    sections[last].prose.append(0x20)
                }
                return
            }
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
                if cmark_node_get_heading_level(node) <= 3 {
                    cut.append(sections.count)
                    sections.append(SectionBytes())
                    inSectionHeading = true
                } else {
                    cut.append(nil)
                    sections[last].prose.append(0x20)
                }
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if rawHTML == nil {
                    rawHTML = RawHTML(line: Int(cmark_node_get_start_line(node)) + firstLine - 1,
                                      literal: string(cmark_node_get_literal(node)))
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = string(cmark_node_get_url(node))
                links.append(BodyLink(url: url, line: Int(cmark_node_get_start_line(node)) + firstLine - 1))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if inSectionHeading {
                    append(cmark_node_get_literal(node), to: &sections[last].heading)
                } else {
                    append(cmark_node_get_literal(node), to: &sections[last].prose)
                }
            case CMARK_NODE_CUSTOM_BLOCK where tables[node] != nil:
                let table = tables[node]!
                sections[last].prose.append(0x20)
                sections[last].prose += table.text
                links += table.links
                if rawHTML == nil { rawHTML = table.rawHTML }
                if extraCells == nil { extraCells = table.extraCells }
            case CMARK_NODE_CODE_BLOCK:
                sections[last].prose.append(0x20)
                append(cmark_node_get_literal(node), to: &sections[last].code)
                sections[last].code.append(0x0A)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if inSectionHeading { sections[last].heading.append(0x20) } else { sections[last].prose.append(0x20) }
            default:
                if isBlock(type) { sections[last].prose.append(0x20) }
            }
        }

        // Anchors are added after the walk: cmark's iterator must not see the tree change under it.
        var used: [String: Int] = [:]
        var headings: [Heading] = []
        for node in headingNodes {
            let title = inlineText(node)
            var anchor = slugify(title)
            if anchor.isEmpty { anchor = "section" }
            if let count = used[anchor] {
                used[anchor] = count + 1
                anchor += "-\(count + 1)"
            } else {
                used[anchor] = 1
            }
            headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: title, anchor: anchor))
            if let section = cut[headings.count - 1] { sections[section].anchor = anchor }
            // A custom inline is emitted verbatim even in safe mode: the anchor is built from [a-z0-9-] only.
            // The link follows the title (so the heading reads as its title first) and is a real, named link: an
            // `aria-hidden` link would still take keyboard focus (axe `aria-hidden-focus`).
            if let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
                cmark_node_set_on_enter(link, " <a class=\"anchor\" href=\"#\(anchor)\" id=\"\(anchor)\" aria-label=\"Link to this section\">#</a>")
                cmark_node_append_child(node, link)
            }
        }

        let html: String
        if let rendered = cmark_render_html(root, options) {
            html = String(cString: rendered)
            free(rendered)
        } else {
            html = ""
        }
        return RenderedMarkdown(html: html, headings: headings, sections: sections.map(\.text), links: links, rawHTML: rawHTML,
                                extraCells: extraCells)
    }

    /// Lower-case ASCII letters and digits joined by single hyphens: safe in an `id` and a URL fragment.
    public static func slugify(_ text: String) -> String {
        // On bytes: CharacterSet.alphanumerics, asked per scalar, was 6 % of `index`'s parsing. The ASCII letters
        // and digits are the only ASCII scalars in it, and every byte of a non-ASCII scalar is a separator, as the
        // scalar was. Full lower-casing only where it can matter: in non-ASCII text (the Kelvin sign, U+212A,
        // lower-cases to an ASCII "k").
        // Accented Latin letters keep their base letter ("Ünïcödé Straße" was `n-c-d-stra-e`, now `unicode-strasse`).
        let lowered = text.utf8.allSatisfy { $0 < 0x80 } ? text
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .replacingOccurrences(of: "ß", with: "ss").lowercased()
        var slug: [UInt8] = []
        slug.reserveCapacity(lowered.utf8.count)
        var pendingHyphen = false
        for var byte in lowered.utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(byte)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    // MARK: - cmark helpers

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, cmark_event_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let node = cmark_iter_get_node(iterator) { visit(node, event) }
        }
    }

    private static func inlineText(_ node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, event in
            guard event == CMARK_EVENT_ENTER else { return }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += string(cmark_node_get_literal(child)) }
            if type == CMARK_NODE_SOFTBREAK { text += " " }
        }
        return text
    }

    /// Blocks separate words (HTML would put a tag between them); inlines (emphasis, links, code) do not.
    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
            || type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_THEMATIC_BREAK
    }

    /// A section while cmark walks it, as bytes.
    private struct SectionBytes {
        var anchor = ""
        var heading: [UInt8] = []
        var prose: [UInt8] = []
        var code: [UInt8] = []

        var text: TextSection {
            TextSection(anchor: anchor, heading: Whitespace.squeeze(heading), prose: Whitespace.squeeze(prose),
                        code: Whitespace.trim(code))
        }
    }

    private static func append(_ literal: UnsafePointer<CChar>?, to bytes: inout [UInt8]) {
        guard let literal else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: 1) { pointer in
            bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: strlen(literal)))
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
