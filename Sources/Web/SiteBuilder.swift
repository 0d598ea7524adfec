import Advisor
import Content
import Search

/// Where the site's inputs live.
public struct SitePaths: Sendable {
    public var content: String
    public var templates: String
    public var publicFiles: String
    public var database: String

    public init(content: String = "content", templates: String = "templates", publicFiles: String = "public",
                database: String = "haiku-advisor.db") {
        self.content = content
        self.templates = templates
        self.publicFiles = publicFiles
        self.database = database
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
            let engine = Engine(knowledge: try library.knowledge())
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
