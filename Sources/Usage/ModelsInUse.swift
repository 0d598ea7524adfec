import Advisor
import Scan

/// Matches the model ids of a usage file to the content's model pages with the lifecycle scan's catalog and
/// matcher (the same names, snapshots, Bedrock and Vertex forms `haiku-advisor scan` recognises).
struct ModelsInUse {
    let catalog: ModelCatalog
    let matcher: IDMatcher

    init(catalog: ModelCatalog) {
        self.catalog = catalog
        matcher = IDMatcher(names: catalog.models.flatMap(\.names))
    }

    /// The model page an id names, when the whole id is one model id.
    func model(for id: String) -> ModelCatalog.Model? {
        var bytes = Array(id.utf8)
        let matches = bytes.withUnsafeMutableBufferPointer { matcher.matches(in: UnsafeBufferPointer($0)) }
        guard let match = matches.first, match.start == 0, match.end == bytes.count else { return nil }
        return catalog.model(named: match.name)
    }

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
            return ModelInUse(id: id, model: known?.slug, title: known?.title, share: total > 0 ? weight / total : 0,
                              status: status, migrate_to: target, guide_url: guide)
        }
    }
}
