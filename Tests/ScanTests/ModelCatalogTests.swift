import Advisor
import Content
import Foundation
import Testing
@testable import Scan

/// The catalog reads the real content: every id comes from a model page, none from Swift.
@Suite struct ModelCatalogTests {
    static let catalog: ModelCatalog = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let library = try! ContentLibrary.load(directory: url.path + "/content")
        return ModelCatalog(library: library, knowledge: try! library.knowledge())
    }()
    let day = CivilDate.day("2026-12-02")!

    @Test func everyModelPageIsScannedForByItsIdsAndSlug() throws {
        let library = try ContentLibrary.load(directory: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/content")
        for page in library.pages(in: .models) {
            let model = try #require(Self.catalog.model(slug: page.slug))
            #expect(model.names.contains(page.slug))
            if let id = page.frontMatter.model?.api_id { #expect(Self.catalog.model(named: id)?.slug == page.slug) }
        }
        // The undated alias of a dated id; aliases with spaces are search phrases, not ids.
        #expect(Self.catalog.model(named: "claude-haiku-4-5")?.slug == "claude-haiku-4-5")
        #expect(Self.catalog.model(named: "haiku 4.5") == nil)
    }

    @Test func namesStripOnlyASnapshotDate() {
        #expect(ModelCatalog.names(slug: "x", apiID: "claude-opus-4-5-20251101", aliases: ["4o mini", "my-alias"])
                == ["claude-opus-4-5-20251101", "claude-opus-4-5", "x", "my-alias"])
        #expect(ModelCatalog.names(slug: "cohere-command-r", apiID: "command-r-08-2024", aliases: [])
                == ["command-r-08-2024", "cohere-command-r"])
    }

    @Test func migrationGuidesComeFromGuideTags() {
        // The migration guide's tags name Haiku 4.5 and the newer, active Haiku 5.5.
        #expect(Self.catalog.migrationGuide(for: "claude-haiku-4-5", on: day)?.url == "/guides/migrating-haiku-4-5-to-5-5")
        // No guide is tagged with Sonnet 4.5.
        #expect(Self.catalog.migrationGuide(for: "claude-sonnet-4-5", on: day) == nil)
    }

    @Test func theMigrationTargetIsTheReplacementWhileItIsActive() {
        #expect(Self.catalog.migrationTarget(of: "claude-sonnet-4-5", on: day) == "claude-sonnet-5-5")
        #expect(Self.catalog.migrationTarget(of: "gpt-4o-mini", on: day) == "gpt-6-luna")
        // Gemini 2.0 Flash's replacement, Gemini 3.1 Flash-Lite, is itself deprecated: on to Gemini 3.5 Flash-Lite.
        #expect(Self.catalog.migrationTarget(of: "gemini-flash", on: day) == "gemini-3-5-flash-lite")
        // Claude 3.5 Haiku's replacement, Haiku 4.5, is legacy and names Haiku 5.5: old code moves straight there.
        #expect(Self.catalog.migrationTarget(of: "claude-3-5-haiku", on: day) == "claude-haiku-5-5")
    }
}
