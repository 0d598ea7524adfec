import Advisor
import ArgumentParser
import Content
import Foundation
import Search
import Web

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search the content, as the web does.")

    @Argument(help: "What to look for.") var query: String
    @Option(help: "Only this section: models, failure-modes, guides, resources, criteria.") var section: String?
    @Option(parsing: .unconditional, help: "At most this many results (1-100).") var limit = 10
    @Flag(help: "Print the results as JSON.") var json = false
    @OptionGroup var contentOptions: ContentOptions
    @Option(help: "An index built by `index`; without it the content is indexed in memory.") var db: String?
    @Option(help: "Rank retired and superseded models as on this day (YYYY-MM-DD) instead of today, as `serve --today` does.")
    var today: String?

    func validate() throws {
        if db?.isEmpty == true { throw ValidationError("--db is empty: give an index built by `index`, or leave it out") }
        if let today, CivilDate.plausibleDay(today) == nil {
            throw ValidationError("--today takes a date YYYY-MM-DD from \(CivilDate.plausibleYears.lowerBound) to \(CivilDate.plausibleYears.upperBound)")
        }
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
                index = try SearchIndex.build(try ContentLibrary.load(directory: contentOptions.content, limits: contentOptions.limits), at: ":memory:")
            }
        } catch let error as SQLiteError where error.isOtherSchema {
            // An index another version wrote: `serve` rebuilds it; here, say how (the schema numbers alone said nothing).
            printError("\(error)\nhint: run `haiku-advisor index --db \(db ?? "") --content \(contentOptions.content)` to rebuild it, or leave out --db")
            throw ExitCode.failure
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        let results = try index.search(SearchQuery(text: query, section: section.flatMap(Section.init(rawValue:)), limit: limit,
                                                   day: today.flatMap(CivilDate.day)))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            print(String(decoding: try encoder.encode(SearchDocument(query: query, results: results)), as: UTF8.self))
            return
        }
        if let suggestion = results.suggestion {
            print(results.showingSuggestion ? "Showing results for \"\(suggestion)\"" : "Did you mean \"\(suggestion)\"?")
        }
        print("\(results.total) result(s) for \"\(query)\"")
        for hit in results.hits {
            let snippet = hit.snippet.rendered(open: "[", close: "]") { $0 }
            print("\n\(hit.title)\(hit.sectionTitle.map { " > \($0)" } ?? "")  \(hit.url)\n  \(snippet)")
        }
    }
}
