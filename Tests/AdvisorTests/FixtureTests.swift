import Foundation
import Testing
@testable import Advisor

/// Fixtures/knowledge.json is generated from content/ by Fixtures/make-knowledge.py. Without a YAML reader these
/// tests cannot re-derive it, but they catch the usual staleness: pages added or removed, and rule or question
/// wording edited since the last run of the script.
struct FixtureTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../content").standardizedFileURL

    func slugs(_ section: String) throws -> Set<String> {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.content.appendingPathComponent(section).path)
        return Set(names.filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") }.map { String($0.dropLast(3)) })
    }

    @Test func fixtureListsTheSamePagesAsContent() throws {
        let file = try Fixture.file()
        #expect(Set(file.criteria.map(\.slug)) == (try slugs("criteria")), "run Fixtures/make-knowledge.py")
        #expect(Set(file.models.map(\.slug)) == (try slugs("models")), "run Fixtures/make-knowledge.py")
        #expect(Set(file.failureModes.map(\.slug)) == (try slugs("failure-modes")), "run Fixtures/make-knowledge.py")
    }

    @Test func fixtureWordingMatchesTheCriteriaPages() throws {
        for entry in try Fixture.file().criteria {
            let page = try String(contentsOf: Self.content.appendingPathComponent("criteria/\(entry.slug).md"), encoding: .utf8)
            for rule in entry.spec.rules {
                #expect(page.contains(rule.text), "criteria/\(entry.slug): rule text changed; run Fixtures/make-knowledge.py")
                #expect(page.contains("effect: \(effectText(rule.effect))"), "criteria/\(entry.slug): effect \(rule.effect) not on the page")
            }
            if let q = entry.spec.question {
                #expect(page.contains(q.text), "criteria/\(entry.slug): question changed; run Fixtures/make-knowledge.py")
            }
        }
    }

    private func effectText(_ x: Double) -> String {
        x.rounded() == x ? String(Int(x)) : String(x)
    }
}
