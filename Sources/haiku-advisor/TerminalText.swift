/// Text for a terminal or a CI log, as the web pages escape theirs: control characters from a file, a usage export or
/// a repository (an escape sequence that clears the screen or sets the title, a carriage return that hides the
/// `error:` before it) become U+FFFD. Line ends and tabs stay; JSON and SARIF escape their own.
enum TerminalText {
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
