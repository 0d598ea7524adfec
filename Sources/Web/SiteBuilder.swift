import Advisor
import Content
import Search

/// Where the site's inputs live.
public struct SitePaths: Sendable {
    public var content: String
    public var templates: String
    public var publicFiles: String
    public var database: String
    /// The day lifecycles and freshness are judged on when an assessment gives no `as_of` (days since 1970-01-01);
    /// nil: the real day. Pinned for reproducible runs (`serve --today`, the browser tests).
    public var today: Int?

    public init(content: String = "content", templates: String = "templates", publicFiles: String = "public",
                database: String = "haiku-advisor.db", today: Int? = nil) {
        self.content = content
        self.templates = templates
        self.publicFiles = publicFiles
        self.database = database
        self.today = today
    }
}

/// Why a site could not be built: every message already reads `path:line: message`.
public struct SiteBuildError: Error, CustomStringConvertible {
    public let messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

public enum SiteBuilder {
    /// Loads and checks the content, builds the index and the engine, loads the templates, renders every page.
    /// Nothing is replaced unless all of it succeeds.
    public static func build(_ paths: SitePaths) throws(SiteBuildError) -> Site {
        do {
            let library = try ContentLibrary.load(directory: paths.content, routes: Site.linkableRoutes)
            let knowledge = try library.knowledge()
            if let today = paths.today { knowledge.clock = { today } }
            let engine = Engine(knowledge: knowledge)
            let templates = try Templates(directory: paths.templates)
            let index = try SearchIndex.build(library, at: paths.database)
            return try Site(library: library, index: index, engine: engine, templates: templates,
                            publicDirectory: paths.publicFiles)
        } catch let errors as ContentErrors {
            throw SiteBuildError(messages: errors.errors.map(\.description))
        } catch {
            throw SiteBuildError(messages: ["\(error)"])
        }
    }
}
