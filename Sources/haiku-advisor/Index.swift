import Web
import ArgumentParser
import Content
import Search

struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the SQLite search index and exit.")

    @OptionGroup var contentOptions: ContentOptions
    @Option(help: "The SQLite index file, or :memory:.") var db = "haiku-advisor.db"

    func run() throws {
        let library: ContentLibrary
        do {
            library = try ContentLibrary.load(directory: contentOptions.content, routes: Site.linkableRoutes)
            _ = try library.knowledge()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        do {
            _ = try SearchIndex.build(library, at: db)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        print("indexed \(library.pages.count) pages into \(db)")
    }
}
