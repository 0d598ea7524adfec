/// An error message as a page shows it: escaped, with the names it quotes in backticks (`q`, `content`) set as code
/// rather than shown with their backticks ("`q` is not valid UTF-8 text." read as Markdown no one rendered).
enum MessageHTML {
    static func render(_ message: String) -> String {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        // An odd count of backticks leaves the last one as it is.
        guard parts.count > 2 else { return HTMLText.escape(message) }
        var html = ""
        for (index, part) in parts.enumerated() {
            let text = HTMLText.escape(String(part))
            if index % 2 == 1, index < parts.count - 1 || parts.count % 2 == 1 {
                html += "<code>\(text)</code>"
            } else {
                html += (index % 2 == 1 ? "`" : "") + text
            }
        }
        return html
    }
}
