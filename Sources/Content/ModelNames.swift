/// The names code may use for a model: its `api_id`, that id without a trailing `-YYYYMMDD` snapshot date (the undated
/// alias, `claude-haiku-4-5`), its page slug (the site's name, which is the provider's alias for Claude models), and any
/// front-matter alias that could be an id (an alias with a space, `haiku 4.5`, is a search phrase, not an id). `scan`
/// and the usage import match ids by these (Scan/ModelCatalog.swift); `check` holds each to one page.
public enum ModelNames {
    public static func names(slug: String, apiID: String?, aliases: [String]) -> [String] {
        var names: [String] = []
        func add(_ name: String) { if !name.isEmpty, !names.contains(name) { names.append(name) } }
        if let apiID {
            add(apiID)
            let bytes = Array(apiID.utf8)
            if bytes.count > 9, bytes[bytes.count - 9] == UInt8(ascii: "-"),
               bytes.suffix(8).allSatisfy({ (48...57).contains($0) }) {
                add(String(decoding: bytes.dropLast(9), as: UTF8.self))
            }
        }
        add(slug)
        for alias in aliases where !alias.contains(where: \.isWhitespace) && alias.contains("-") { add(alias) }
        return names
    }
}
