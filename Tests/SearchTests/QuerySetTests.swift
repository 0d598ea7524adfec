import Advisor
import Foundation
import Testing
@testable import Content
@testable import Search

/// The checked-in quality set (Fixtures/queries.tsv): queries as people type them, each with the page, and where
/// one section is the answer that section, it must find in the top three.
struct QuerySetTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let query: String
        let page: String
        let anchor: String?
        let kind: String
        var testDescription: String { "\(kind): \(query)" }
    }

    static let root = repositoryRoot

    static let cases: [Case] = {
        let path = root + "/Tests/SearchTests/Fixtures/queries.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(columns.count == 3, "queries.tsv: three tab-separated columns expected in `\(line)`")
            let target = columns[1].split(separator: "#", maxSplits: 1).map(String.init)
            return Case(query: columns[0], page: target[0], anchor: target.count > 1 ? target[1] : nil, kind: columns[2])
        }
    }()

    static let index: SearchIndex = {
        do {
            return try SearchIndex.build(try ContentLibrary.load(directory: root + "/content"), at: ":memory:")
        } catch {
            fatalError("the real content does not index: \(error)")
        }
    }()

    /// The rank (1-based) of the first result that is the page, with the section among its shown sections.
    static func rank(of target: Case, in hits: [SearchHit]) -> Int? {
        hits.firstIndex { hit in
            hit.pageURL == target.page
                && (target.anchor.map { anchor in ([hit.url] + hit.more.map(\.url)).contains { $0.hasSuffix("#" + anchor) } } ?? true)
        }.map { $0 + 1 }
    }

    @Test func theSetIsLargeAndVaried() {
        #expect(Self.cases.count >= 60)
        #expect(Set(Self.cases.map(\.kind)) == ["typo", "run-together", "question", "error code", "model", "topic", "model and topic"])
        #expect(Set(Self.cases.map(\.query)).count == Self.cases.count, "each query once")
    }

    @Test(arguments: cases)
    func findsItsPageInTheTopThree(_ target: Case) throws {
        // On a fixed day: a model retired later ranks lower from its retirement on (RetiredModelsTests).
        let results = try Self.index.search(SearchQuery(text: target.query, limit: 5, day: CivilDate.day("2026-12-06")))
        let rank = Self.rank(of: target, in: results.hits)
        #expect(rank != nil && rank! <= 3,
                "\(target.query) -> \(target.page)\(target.anchor.map { "#" + $0 } ?? ""): rank \(rank.map(String.init) ?? "none"); got \(results.hits.prefix(3).map(\.url))")
    }
}
