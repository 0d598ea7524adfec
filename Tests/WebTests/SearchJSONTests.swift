import Foundation
import Testing
import Content
@testable import Search
@testable import Web

/// `/api/search` is written by a streaming writer (`SearchDocument.bytes`); these tests hold it byte-identical to
/// `JSONEncoder`'s output (`JSON.encode`, the `JSONStyle` every other document uses).
struct SearchJSONTests {
    static let queries: [String] = {
        let path = repositoryRoot + "/Tests/SearchTests/Fixtures/queries.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        let fixtures = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { String($0.split(separator: "\t")[0]) }
        // Queries whose documents hold what escaping must get right: quotes, backslashes, control characters,
        // markup, slashes, non-ASCII; a suggestion and a fallback; nothing found.
        return fixtures + ["\"quoted\" \\back\\slash", "tab\there\u{1}\u{1F}", "<script>alert(1)</script>", "café naïve 🙂",
                           "a/b c:d", "halucination", "haiku xyzzyq", "zzzzqqq", "", "rate limits"]
    }()

    @Test(arguments: queries)
    func theWriterMatchesJSONEncoder(query: String) throws {
        for (section, limit, offset) in [(nil, 10, 0), (Section.guides, 3, 1)] as [(Section?, Int, Int)] {
            let results = try realSite.index.search(SearchQuery(text: query, section: section, limit: limit, offset: offset))
            let document = SearchDocument(query: query, results: results)
            let written = String(decoding: document.bytes, as: UTF8.self)
            let encoded = String(decoding: JSON.encode(document), as: UTF8.self)
            #expect(written == encoded)
        }
    }

    @Test func thePageListMatchesJSONEncoder() {
        let pages = realSite.library.pages
        #expect(pages.count > 50)
        #expect(PageDocument.listBytes(pages) == JSON.encode(pages.map { PageDocument(page: $0, withBody: false) }))
    }

    @Test func stringsAndNumbersAsJSONEncoderWritesThem() throws {
        struct Probe: Encodable { let s: String; let d: Double; let i: Int }
        let strings = ["", "plain", "\"\\/", (0..<0x20).map { String(UnicodeScalar($0)!) }.joined(), "\u{7F}\u{2028}é🙂"]
        let numbers: [Double] = [0, 1, -1, 0.5, 1000, 1234.567, 0.001, 0.0001, 1e-7, 1e16, 123456789012.25, -0.25, 86.125]
        for string in strings {
            for number in numbers {
                var writer = JSONWriter()
                writer.object { json in
                    json.key("d"); json.number(number)
                    json.key("i"); json.number(-42)
                    json.key("s"); json.string(string)
                }
                #expect(writer.bytes == JSON.encode(Probe(s: string, d: number, i: -42)), "\(string.debugDescription) \(number)")
            }
        }
    }
}
