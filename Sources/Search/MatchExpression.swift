/// Turns whatever a person typed into an FTS5 MATCH expression that cannot fail: every token double-quoted
/// (inner quotes doubled), joined by spaces (AND), the last one a prefix when it is long enough.
/// Raw user text would raise errors on `"`, `AND`, `NEAR(`, `-`, `col:`, `*` and more (docs: sqlite.org/fts5.html).
public enum MatchExpression {
    /// More tokens than this add nothing a person meant and cost time.
    public static let maxTokens = 12

    /// - Returns: nil when nothing searchable is left (run no query then).
    public static func build(from text: String) -> String? {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        let words = tokens.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.prefix(maxTokens)
        guard !words.isEmpty else { return nil }
        var quoted = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        // `"C++"*` would match every word starting with c: only a real word stem becomes a prefix.
        if let last = words.last, last.filter({ $0.isLetter || $0.isNumber }).count >= 2 {
            quoted[quoted.count - 1] += "*"
        }
        return quoted.joined(separator: " ")
    }
}
