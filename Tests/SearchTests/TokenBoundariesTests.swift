import CSQLite
import Foundation
import Testing
@testable import Search

/// The excerpt function's token boundaries (TokenBoundaries.swift) are unicode61's: the same byte ranges SQLite's
/// own tokenizer reports, on ASCII, accented, decomposed, symbol and non-Latin text; a text the table cannot read is
/// left to FTS5.
struct TokenBoundariesTests {
    /// SQLite's FTS5 API, which lives as long as its connection: both are kept for the process.
    nonisolated(unsafe) static let connection = try! Connection(path: ":memory:")
    nonisolated(unsafe) static let api: UnsafeMutablePointer<fts5_api> = try! RankFunction.fts5API(connection)
    static let boundaries = TokenBoundaries.shared(api: api)!

    static func ranges(_ text: String, limit: Int = .max) -> [[Int32]]? {
        var starts: [Int32] = [], ends: [Int32] = []
        let bytes = Array(text.utf8)
        let ok = bytes.withUnsafeBufferPointer { boundaries.tokens($0.baseAddress!, length: bytes.count, limit: limit, starts: &starts, ends: &ends) }
        return ok ? zip(starts, ends).map { [$0, $1] } : nil
    }

    static let texts = [
        "Plain ASCII: rate-limits, 429s and a_b's (x/y) 1.5e3 #tag @user ~50%.",
        "Café naïve déjà — “smart” quotes… and ×3 ≈ 5 € ¼ ² ½ ™ © § ° µs",
        "cafe\u{301} decomposed, n\u{303}o, \u{301}alone, a\u{308}\u{308}b",
        "क्षमा हिन्दी 中文分词 日本語のテキスト Ελληνικά русский עברית العربية ไทย",
        "\u{E000}private use\u{E001} zero\u{200B}width non\u{00A0}breaking soft\u{00AD}hyphen",
        "",
    ]

    @Test(arguments: texts)
    func boundariesAreUnicode61s(_ text: String) throws {
        let expected = try #require(TokenBoundaries.unicode61Ranges(api: Self.api, [Array(text.utf8)]))[0].map { [$0.start, $0.end] }
        #expect(Self.ranges(text) == expected, "\(text)")
    }

    /// Every BMP scalar the content could hold, each between letters and alone: the table gives unicode61's cuts.
    @Test func everyScalarOfTheBasicPlaneCutsAsUnicode61Does() throws {
        var bytes: [UInt8] = []
        for value in stride(from: 0x20, through: 0xFFFD, by: 1) where !(0xD800...0xDFFF).contains(value) {
            let scalar = Array(String(Unicode.Scalar(UInt32(value))!).utf8)
            bytes += [0x61] + scalar + [0x62, 0x20] + scalar + [0x20]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let expected = try #require(TokenBoundaries.unicode61Ranges(api: Self.api, [bytes]))[0].map { [$0.start, $0.end] }
        let found = try #require(Self.ranges(text))
        #expect(found.count == expected.count)
        #expect(found == expected)
    }

    @Test func aLimitStopsTheScanAndTextBeyondTheTableIsLeftToFTS5() {
        #expect(Self.ranges("one two three four", limit: 2) == [[0, 3], [4, 7]])
        #expect(Self.ranges("emoji 😀 beyond the plane") == nil)
    }
}
