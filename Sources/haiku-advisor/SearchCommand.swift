import ArgumentParser
import Content
import Foundation
import Search

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search the content, as the web does.")

    @Argument(help: "What to look for.") var query: String
    @Option(help: "Only this section: models, failure-modes, guides, resources, criteria.") var section: String?
    @Option(help: "At most this many results (1-100).") var limit = 10
    @Flag(help: "Print the results as JSON.") var json = false
    @OptionGroup var contentOptions: ContentOptions
    @Option(help: "An index built by `index`; without it the content is indexed in memory.") var db: String?

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be from 1 to 100") }
        if let section, Section(rawValue: section) == nil {
            throw ValidationError("unknown section `\(section)`; use one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let index: SearchIndex
        do {
            if let db {
                index = try SearchIndex.open(at: db)
            } else {
                index = try SearchIndex.build(try ContentLibrary.load(directory: contentOptions.content), at: ":memory:")
            }
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        let results = try index.search(SearchQuery(text: query, section: section.flatMap(Section.init(rawValue:)), limit: limit))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            struct Output: Encodable { let query: String; let total: Int; let results: [SearchHit] }
            print(String(decoding: try encoder.encode(Output(query: query, total: results.total, results: results.hits)), as: UTF8.self))
            return
        }
        print("\(results.total) result(s) for \"\(query)\"")
        for hit in results.hits {
            let snippet = hit.snippet.replacingOccurrences(of: "<mark>", with: "[").replacingOccurrences(of: "</mark>", with: "]")
            print("\n\(hit.title)  \(hit.url)\n  \(HTMLEntities.decode(snippet))")
        }
    }
}

/// The snippet is HTML (escaped text plus marks): turn the entities back into characters for a terminal.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
