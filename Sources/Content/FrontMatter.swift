import Advisor

/// The `resource:` block of a resources/ page.
public struct ResourceSpec: Codable, Sendable, Equatable {
    public var url: String?
    public var kind: String
    public var publisher: String

    public static let kinds: Set<String> = [
        "status", "docs", "console", "sdk", "pricing", "platform", "comparison", "leaderboard", "tool", "guide",
        "support", "community", "source_document",
    ]
}

/// Everything a page's YAML front matter may say (README.md (Content format)). Section blocks are optional here;
/// `ContentValidator` requires the one each section needs.
public struct FrontMatter: Codable, Sendable, Equatable {
    public var title: String
    public var summary: String
    public var tags: [String]?
    /// Other names people search for (`429`, `too many requests`): indexed with the weight of the title.
    public var aliases: [String]?
    public var updated: String
    public var order: Int?
    public var sources: [Source]?
    // The section blocks are boxed (Boxed.swift): each page has at most one, and inline they cost every page their size.
    @Boxed public var model: ModelSpec? = nil
    @Boxed public var failure_mode: FailureModeSpec? = nil
    public var resource: ResourceSpec?
    @Boxed public var criterion: CriterionSpec? = nil
    @Boxed public var engine: EngineSettings? = nil

    /// Every top-level field, as written in a page (the stray-`---` check in FrontMatterParser reads them).
    static let fieldNames: Set<String> = ["title", "summary", "tags", "aliases", "updated", "order", "sources", "model",
                                          "failure_mode", "resource", "criterion", "engine"]

    init(title: String, summary: String, updated: String, order: Int? = nil) {
        self.title = title
        self.summary = summary
        self.updated = updated
        self.order = order
    }
}
