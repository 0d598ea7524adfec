import Foundation
import Advisor
import Content
import Scan
import Usage

/// The real content, its engine and the scan's catalog, loaded once for every usage test.
enum UsageFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardizedFileURL.path
    static let library: ContentLibrary = {
        do { return try ContentLibrary.load(directory: root + "/content") } catch { fatalError("content does not load: \(error)") }
    }()
    static let knowledge: Knowledge = {
        do { return try library.knowledge() } catch { fatalError("knowledge does not compile: \(error)") }
    }()
    static let catalog = ModelCatalog(library: library, knowledge: knowledge)
    static let engine = Engine(knowledge: knowledge)
    /// The day lifecycles are judged on: after Claude Sonnet 4.5 retired (2026-11-30).
    static let day = CivilDate.day("2026-12-02")!

    static func file(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: root + "/Tests/UsageTests/Fixtures/" + name)!)
    }

    static func load(_ name: String, monthlyRequests: Double? = nil) throws -> UsageImport {
        try UsageImport.load(file(name), catalog: catalog, monthlyRequests: monthlyRequests, on: day)
    }

    static func answers(_ given: [String: AnswerValue]) throws -> Answers {
        try knowledge.answers(from: given.merging(["as_of": .text("2026-12-02")]) { a, _ in a })
    }
}
