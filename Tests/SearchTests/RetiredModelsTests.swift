import Advisor
import Foundation
import Testing
@testable import Content
@testable import Search

/// A model retired on the search's day ranks below current pages unless the query names it or its version
/// (`Catalog.pages(retiredOn:unlessVersionIn:)`, `Search.retiredPenalty`): "claude pricing" opened retired Claude
/// Sonnet 4.5's prices first, "flash pricing" Gemini 2.0 Flash's, shut down in June.
struct RetiredModelsTests {
    static let index = QuerySetTests.index
    static let today = CivilDate.day("2026-12-06")!
    static let beforeSonnet45Retired = CivilDate.day("2026-11-28")!

    static func urls(_ text: String, on day: Int, limit: Int = 5) throws -> [String] {
        try index.search(SearchQuery(text: text, limit: limit, day: day)).hits.map(\.pageURL)
    }

    @Test func aRetiredModelRanksBelowCurrentOnesOnGenericWords() throws {
        // Sonnet 4.5 retired on 2026-11-30: deprecated two days before, it ranked after the current models and with the
        // other superseded ones; retired, below them all.
        let before = try Self.urls("claude pricing", on: Self.beforeSonnet45Retired, limit: 10)
        let after = try Self.urls("claude pricing", on: Self.today, limit: 10)
        let rankBefore = try #require(before.firstIndex(of: "/models/claude-sonnet-4-5"), "\(before)")
        #expect((after.firstIndex(of: "/models/claude-sonnet-4-5") ?? 99) > rankBefore, "\(after)")
        // The current Claude models lead, Haiku 5.5 among them; superseded ones follow (legacy Sonnet 4.6 and
        // deprecated Opus 4.5 were above Haiku 5.5, retired Sonnet 4.5 first of all).
        let current: Set = ["/models/claude-opus-5-5", "/models/claude-fable-5-2", "/models/claude-haiku-5-5", "/models/claude-sonnet-5-5"]
        #expect(Set(after.prefix(4)) == current, "\(after)")
        #expect(!after.prefix(6).contains("/models/claude-3-haiku") && !after.prefix(6).contains("/models/claude-sonnet-4-5"), "\(after)")
        let flash = try Self.urls("flash pricing", on: Self.today)
        #expect(flash.first != nil && flash.first != "/models/gemini-flash", "\(flash)")
    }

    @Test func aRetiredModelTheQueryNamesStillComesFirst() throws {
        // By its title, and by its version among other words (no title or alias of it is in "sonnet 4.5 pricing").
        #expect(try Self.urls("claude 3 haiku", on: Self.today).first == "/models/claude-3-haiku")
        #expect(try Self.urls("sonnet 4.5 pricing", on: Self.today).first == "/models/claude-sonnet-4-5")
        #expect(try Self.urls("3.5 haiku price", on: Self.today).first == "/models/claude-3-5-haiku")
        #expect(try Self.urls("gemini 2.0 flash", on: Self.today).first == "/models/gemini-flash")
        // A version alone does not name a model: "haiku 4.5 pricing" is not about retired Sonnet 4.5.
        #expect(try !Self.urls("haiku 4.5 pricing", on: Self.today, limit: 3).contains("/models/claude-sonnet-4-5"))
        // A version that is not all digits ("4o"): GPT-4o mini, retired on 2027-01-14, is still what "gpt-4o pricing" asks for.
        #expect(try Self.urls("gpt-4o pricing", on: CivilDate.day("2027-02-01")!).first == "/models/gpt-4o-mini")
    }

    @Test func theCatalogKnowsEachModelsLifecycle() throws {
        let catalog = Self.index.catalog
        func slugs(_ day: String, version: [String] = [], retired: Bool = true) -> Set<String> {
            let pages = catalog.pages(outdatedOn: CivilDate.day(day)!, unlessVersionIn: version).filter { $0.retired == retired }
            return Set(pages.compactMap { page in catalog.page(page.page).map(\.slug) })
        }
        let retired = slugs("2026-12-06")
        #expect(retired.isSuperset(of: ["claude-sonnet-4-5", "claude-3-haiku", "claude-3-5-haiku", "gemini-flash"]))
        #expect(!retired.contains("claude-haiku-5-5") && !retired.contains("gpt-5-nano"))
        // Superseded but served: legacy Haiku 4.5 and Sonnet 4.6, deprecated GPT-5 nano; never a current model.
        let superseded = slugs("2026-12-06", retired: false)
        #expect(superseded.isSuperset(of: ["claude-haiku-4-5", "claude-sonnet-4-6", "gpt-5-nano"]), "\(superseded)")
        #expect(!superseded.contains("claude-haiku-5-5") && !superseded.contains("gpt-6-luna"))
        // GPT-5 nano and mini retire on 2026-12-10 (OpenAI's notice email; its page says 2026-12-11); a version in the query keeps a page off the list.
        #expect(slugs("2026-12-10").isSuperset(of: ["gpt-5-nano", "gpt-5-mini"]))
        let named = slugs("2026-12-10", version: ["gpt", "5", "nano"])
        #expect(!named.contains("gpt-5-nano") && named.contains("gpt-5-mini") && named.contains("claude-3-haiku"), "\(named)")
        // A version alone names nothing: "5" is no more GPT-5 nano's than any other model's.
        #expect(slugs("2026-12-10", version: ["5"]).isSuperset(of: ["gpt-5-nano", "gpt-5-mini"]))
    }
}
