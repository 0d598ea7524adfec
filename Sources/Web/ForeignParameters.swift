/// Query parameters a link picks up on its way to a person that are no part of what was asked for: the tracking
/// tags platforms and newsletters append (Facebook's `fbclid`, Google's `gclid`, `utm_*` campaign tags) and empty
/// pairs (`&&`). The router drops them before any route reads the query, so a shared verdict opens as it was shared:
/// `?task_type=chat&fbclid=…` was refused with "'fbclid' is not a question".
enum ForeignParameters {
    /// Click and campaign ids, by name; `utm_` names are matched by their prefix.
    static let trackingNames: Set<String> = [
        "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "li_fat_id",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src"]

    /// In any case: `UTM_SOURCE` is the same tag (no answer's name has capitals).
    static func isTracking(_ name: String) -> Bool {
        let name = name.lowercased()
        return name.hasPrefix("utm_") || trackingNames.contains(name)
    }

    /// The pairs a route reads: all but tracking tags and pairs with neither a name nor a value.
    static func kept(_ pairs: [(String, String)]) -> [(String, String)] {
        pairs.filter { !($0.0.isEmpty && $0.1.isEmpty) && !isTracking($0.0) }
    }
}
