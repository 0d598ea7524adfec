import Advisor
import Content

/// What the content knows about each model that a scan reports: the names code uses for it, its lifecycle (from
/// the engine), its replacement and the migration guide. Built from the model and guide pages; nothing here is a
/// list of models written in Swift.
public struct ModelCatalog: Sendable {
    public struct Model: Sendable {
        public let slug: String
        public let title: String
        /// The id to send to the provider's API (the page's `api_id`), when the page gives one.
        public let apiID: String?
        /// Every name of the model code may contain (see `names(of:)`).
        public let names: [String]
    }

    public let models: [Model]
    public let knowledge: Knowledge
    /// `name -> index into models`; a name two pages claim goes to the first (in site order).
    let byName: [String: Int]
    /// Migration guides, by `"from slug>to slug"`.
    let guides: [String: Guide]
    /// The failure-mode page that explains deprecated and retired models (`engine.warnings.deprecated_alternative`).
    public let lifecyclePage: Guide?

    public struct Guide: Sendable, Equatable, Encodable {
        public let title: String
        public let url: String
    }

    public init(library: ContentLibrary, knowledge: Knowledge) {
        self.knowledge = knowledge
        var models: [Model] = []
        var byName: [String: Int] = [:]
        for page in library.pages(in: .models) {
            guard let spec = page.frontMatter.model else { continue }
            let names = Self.names(slug: page.slug, apiID: spec.api_id, aliases: page.frontMatter.aliases ?? [])
            for name in names where byName[name] == nil { byName[name] = models.count }
            models.append(Model(slug: page.slug, title: page.title, apiID: spec.api_id, names: names))
        }
        self.models = models
        self.byName = byName
        guides = Self.migrationGuides(library: library, models: models)
        lifecyclePage = knowledge.settings.warnings[.deprecated_alternative].flatMap { warning in
            library.page(.failureModes, warning.failure_mode).map { Guide(title: $0.title, url: $0.url) }
        }
    }

    /// The names code may use for a model (Content/ModelNames.swift).
    static func names(slug: String, apiID: String?, aliases: [String]) -> [String] {
        ModelNames.names(slug: slug, apiID: apiID, aliases: aliases)
    }

    public func model(named name: String) -> Model? { byName[name].map { models[$0] } }
    public func model(slug: String) -> Model? { models.first { $0.slug == slug } }

    /// The model's state on a day (the engine's lifecycle logic).
    public func status(of slug: String, on day: Int) -> ModelStatus? { knowledge.status(of: slug, on: day) }

    /// The replacement to move to on a day (Knowledge.migrationTarget: the page's replacement, followed while that
    /// one is itself no longer active). Nil when the page names none.
    public func migrationTarget(of slug: String, on day: Int) -> String? { knowledge.migrationTarget(of: slug, on: day) }

    /// The guide for moving from one model to another, if the content has one.
    public func guide(from: String, to: String) -> Guide? { guides["\(from)>\(to)"] }

    /// The migration guide for a model on a day: the one towards its migration target; for a model whose page
    /// names no replacement (Claude Haiku 4.5, legacy), one towards a newer model that is active that day.
    public func migrationGuide(for slug: String, on day: Int) -> Guide? {
        if let target = migrationTarget(of: slug, on: day) {
            return guide(from: slug, to: target)
                ?? knowledge.status(of: slug, on: day)?.replacement.flatMap { guide(from: slug, to: $0) }
        }
        guard let released = knowledge.lifecycleDays(of: slug)?.released else { return nil }
        for model in models where model.slug != slug {
            guard let guide = guide(from: slug, to: model.slug),
                  let days = knowledge.lifecycleDays(of: model.slug), days.released > released,
                  knowledge.status(of: model.slug, on: day)?.state == .active else { continue }
            return guide
        }
        return nil
    }

    /// A guide is a migration guide from A to B when it is tagged `migration` and its tags name both models (by
    /// title, alias, slug or id, as `migrating-haiku-4-5-to-5-5` is tagged `haiku 4.5` and `haiku 5.5`).
    private static func migrationGuides(library: ContentLibrary, models: [Model]) -> [String: Guide] {
        var guides: [String: Guide] = [:]
        let words = models.map { model -> Set<String> in
            var set = Set(model.names.map { $0.lowercased() })
            set.insert(model.title.lowercased())
            for alias in library.page(.models, model.slug)?.frontMatter.aliases ?? [] { set.insert(alias.lowercased()) }
            return set
        }
        for page in library.pages(in: .guides) {
            let tags = Set(page.tags.map { $0.lowercased() })
            guard tags.contains("migration") else { continue }
            let named = models.indices.filter { !words[$0].isDisjoint(with: tags) }
            for a in named {
                for b in named where a != b {
                    let key = "\(models[a].slug)>\(models[b].slug)"
                    if guides[key] == nil { guides[key] = Guide(title: page.title, url: page.url) }
                }
            }
        }
        return guides
    }
}
