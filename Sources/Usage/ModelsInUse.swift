import Advisor
import Scan

/// Matches the model ids of a usage file to the content's model pages with the lifecycle scan's catalog and
/// matcher (the same names, snapshots, Bedrock and Vertex forms `haiku-advisor scan` recognises).
struct ModelsInUse {
    let catalog: ModelCatalog
    let matcher: IDMatcher
    /// The same names lower-cased, for ids a tool wrote in another case (`Claude-Haiku-4-5`,
    /// `meta-llama/llama-3.1-8b-instruct`), and the catalog name each stands for.
    let lowerMatcher: IDMatcher
    let lowerNames: [String: String]

    init(catalog: ModelCatalog) {
        self.catalog = catalog
        let names = catalog.models.flatMap(\.names)
        matcher = IDMatcher(names: names)
        lowerNames = Dictionary(names.map { ($0.lowercased(), $0) }) { first, _ in first }
        lowerMatcher = IDMatcher(names: Array(lowerNames.keys))
    }

    /// The model page an id names: the whole id is one model id, or ends with one after a path (Vertex's
    /// `publishers/google/models/gemini-2.0-flash-001`, the Gemini API's `models/...`, a router's `anthropic/...`);
    /// in any case.
    func model(for id: String) -> ModelCatalog.Model? {
        if let name = Self.wholeName(id, matcher) { return catalog.model(named: name) }
        if let found = Self.wholeName(id.lowercased(), lowerMatcher).flatMap({ lowerNames[$0] }).flatMap(catalog.model(named:)) {
            return found
        }
        // OpenRouter writes Anthropic's versions with a dot (`anthropic/claude-haiku-4.5`) where the API has a hyphen.
        let hyphened = Self.hyphenatingVersionDots(id.lowercased())
        guard hyphened != id.lowercased() else { return nil }
        return Self.wholeName(hyphened, lowerMatcher).flatMap { lowerNames[$0] }.flatMap(catalog.model(named:))
    }

    /// `claude-haiku-4.5` as `claude-haiku-4-5`: a dot between two digits becomes a hyphen.
    static func hyphenatingVersionDots(_ id: String) -> String {
        var bytes = Array(id.utf8)
        for i in bytes.indices.dropFirst().dropLast() where bytes[i] == UInt8(ascii: ".")
            && (48...57).contains(bytes[i - 1]) && (48...57).contains(bytes[i + 1]) {
            bytes[i] = UInt8(ascii: "-")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The catalog name of the id that ends `id` and starts it or follows its last path separator.
    private static func wholeName(_ id: String, _ matcher: IDMatcher) -> String? {
        let bytes = Array(id.utf8)
        let matches = bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }
        guard let match = matches.last, match.end == bytes.count,
              match.start == 0 || bytes[match.start - 1] == UInt8(ascii: "/") else { return nil }
        return match.name
    }

    /// The longest model id shown whole; longer ones are cut there (with "…").
    static let longestID = 200

    /// Every model id with its share (by `weight`), largest first, and its lifecycle on `day`.
    func list(_ weights: [String: Double], on day: Int) -> [ModelInUse] {
        let total = weights.values.reduce(0, +)
        return weights.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { id, weight in
            let known = model(for: id)
            let status = known.flatMap { catalog.status(of: $0.slug, on: day) }
            var target: String? = nil, guide: String? = nil
            if let known, let status, status.state != .active {
                target = catalog.migrationTarget(of: known.slug, on: day)
                guide = catalog.migrationGuide(for: known.slug, on: day)?.url
            }
            // An id is a name, not a document: a 5 MB `model` cell came back whole in the page and the JSON.
            let shown = id.count > Self.longestID ? String(id.prefix(Self.longestID)) + "…" : id
            return ModelInUse(id: shown, model: known?.slug, title: known?.title, share: total > 0 ? weight / total : 0,
                              status: status, migrate_to: target, guide_url: guide)
        }
    }
}
