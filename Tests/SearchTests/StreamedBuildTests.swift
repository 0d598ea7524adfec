import Foundation
import Testing
@testable import Content
@testable import Search

/// A full build writes each page as it is parsed (`SearchIndex.loadAndBuild`): the file it writes holds the same
/// rows as one written from a loaded library, the library it returns keeps only Markdown for the written pages,
/// and content that fails its checks leaves the old file as it was.
struct StreamedBuildTests {
    static let content = repositoryRoot + "/content"

    private func rows(_ path: String) throws -> [String] {
        let connection = try Connection(path: path, readOnly: true)
        var rows: [String] = []
        for (query, columns) in [
            ("SELECT id, key, intro, title, names, title_words, digest, size, yaml, headings, links, ord FROM pages ORDER BY id", 12),
            ("SELECT id, markdown FROM bodies ORDER BY id", 2),
            ("SELECT id, anchor, title, aliases, heading, summary, tags, body, code FROM sections ORDER BY id", 9),
            ("SELECT term, sections FROM vocabulary ORDER BY term", 2),
            ("SELECT rowid FROM sections_fts WHERE sections_fts MATCH 'rate OR limit OR haiku' ORDER BY rank, rowid", 1)] {
            let statement = try connection.prepare(query)
            while try statement.step() {
                rows.append((0..<columns).map { statement.text(Int32($0)) }.joined(separator: "\u{1F}"))
            }
        }
        // The front matter's JSON, with its keys in order (JSONEncoder writes them in any order).
        let frontMatter = try connection.prepare("SELECT front_matter FROM pages ORDER BY id")
        while try frontMatter.step() {
            let object = try JSONSerialization.jsonObject(with: Data(frontMatter.text(0).utf8))
            rows.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self))
        }
        return rows
    }

    @Test func aStreamedBuildWritesWhatALibraryBuildWrites() throws {
        let directory = NSTemporaryDirectory() + "haiku-streamed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let streamed = directory + "/streamed.db", whole = directory + "/whole.db"
        var handedOver = 0
        let built = try SearchIndex.loadAndBuild(at: streamed) { sink throws(ContentErrors) in
            #expect(sink != nil)
            let counting = sink.map { CountingSink($0) }
            defer { handedOver = counting?.count ?? 0 }
            return try ContentLibrary.load(directory: Self.content, sink: counting)
        }
        #expect(built.note == nil)
        let library = try ContentLibrary.load(directory: Self.content)
        _ = try SearchIndex.build(library, at: whole)
        #expect(handedOver == library.pages.count + library.sectionIntros.count)
        let a = try rows(streamed), b = try rows(whole)
        #expect(a.count == b.count && a.count > 1_000)
        let differing = zip(a, b).filter { $0 != $1 }.map { String($0.0.prefix(120)) }
        #expect(differing.isEmpty, "\(differing.count) rows differ, the first: \(differing.prefix(3))")
        // The written pages keep their Markdown, not their HTML and sections; the server points them at the file.
        #expect(built.library.pages.allSatisfy { $0.body.sections == nil && !$0.body.isStored })
        #expect(zip(built.library.pages, library.pages).allSatisfy { $0.key == $1.key && $0.markdown == $1.markdown })
        #expect(built.library.fingerprint == library.fingerprint)
        let query = SearchQuery(text: "rate limits")
        #expect(try built.index.search(query).hits.map(\.url) == (try SearchIndex.open(at: whole).search(query).hits.map(\.url)))
    }

    @Test func contentThatFailsLeavesTheOldFileAndNoTemporaryOne() throws {
        let directory = NSTemporaryDirectory() + "haiku-streamed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/content/guides", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/index.db"
        try "old file".write(toFile: path, atomically: true, encoding: .utf8)
        try "---\ntitle: [unclosed\n---\nBody.\n".write(toFile: directory + "/content/guides/bad.md", atomically: true, encoding: .utf8)
        #expect(throws: ContentErrors.self) {
            _ = try SearchIndex.loadAndBuild(at: path) { sink throws(ContentErrors) in
                try ContentLibrary.load(directory: directory + "/content", sink: sink)
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["content", "index.db"])
    }
}

/// Counts the pages handed over on their way to the index's sink.
private final class CountingSink: PageSink {
    let next: PageSink
    var count = 0
    init(_ next: PageSink) { self.next = next }
    func take(_ page: Page, position: Int, isIntro: Bool) {
        count += 1
        next.take(page, position: position, isIntro: isIntro)
    }
}
