import Foundation
import Testing
@testable import Content
@testable import Search

/// Issue 17: no page and no query can hold a search for long.
struct BoundedSearchTests {
    /// A guide of about `bytes` bytes in which every sentence holds "gateway".
    static func hugePage(bytes: Int) -> String {
        let sentence = "Tokens flow through the gateway while the queue drains slowly. "
        return page("Gateway operations", body: String(repeating: sentence, count: bytes / sentence.utf8.count))
    }

    @Test func aTwoMegabytePageIsSearchedInUnderTwoSeconds() throws {
        // On the old index one search over a 2 MB page took 13-18 s (snippet() read the whole page).
        let index = try makeIndex(["guides/huge.md": Self.hugePage(bytes: 2_000_000),
                                   "guides/small.md": page("Small", body: "A gateway of another kind.")])
        let started = Date()
        let results = try index.search(SearchQuery(text: "gateway queue"))
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 2, "took \(seconds) s")
        #expect(results.hits.first?.slug == "huge")
        // The snippet is a few words around a match, not the page; the section is shown once, not per chunk.
        let snippet = try #require(results.hits.first?.snippet)
        #expect(snippet.parts.map(\.text).joined().utf8.count < 1_000)
        #expect(results.hits.first?.more.isEmpty == true)
    }

    @Test func longSectionsAreIndexedInChunksThatKeepTheirAnchor() {
        let long = TextSection(anchor: "a", heading: "H", prose: String(repeating: "word ", count: 10_000), code: "")
        let chunks = SectionChunker.chunks([long])
        #expect(chunks.count == 7)
        #expect(chunks.allSatisfy { $0.prose.utf8.count <= SectionChunker.maxBytes && $0.anchor == "a" && $0.heading == "H" })
        #expect(chunks.map { $0.prose.split(separator: " ").count }.reduce(0, +) == 10_000)
        // Multi-byte text with no space is cut between characters.
        let pieces = SectionChunker.pieces(String(repeating: "é", count: 10), maxBytes: 5)
        #expect(pieces.joined() == String(repeating: "é", count: 10))
        #expect(pieces.allSatisfy { $0.utf8.count <= 5 })
    }

    @Test func aSearchOverItsBudgetFailsClearly() throws {
        let library = try makeLibrary(["guides/huge.md": Self.hugePage(bytes: 200_000)])
        let index = try SearchIndex.build(library, at: ":memory:", settings: SearchSettings(queryBudgetMs: 0))
        #expect {
            try index.search(SearchQuery(text: "gateway"))
        } throws: { error in
            guard case SearchError.overBudget(milliseconds: 0) = error else { return false }
            return true
        }
    }

    @Test func aFullPoolRefusesAfterItsWaitAndLendsAgainOnRelease() {
        let pool = ConnectionPool([1, 2])
        let first = pool.acquire(waitingMilliseconds: 0), second = pool.acquire(waitingMilliseconds: 0)
        #expect(first != nil && second != nil)
        let started = Date()
        #expect(pool.acquire(waitingMilliseconds: 50) == nil)
        #expect(Date().timeIntervalSince(started) >= 0.04)
        pool.release(1)
        #expect(pool.acquire(waitingMilliseconds: 0) == 1)
    }

    @Test func errorsNameThePathAndTheOperation() {
        let full = SQLiteError(code: 13, message: "database or disk is full", sql: "INSERT ...", path: "/srv/site.db", operation: "write")
        #expect(full.description == "cannot write /srv/site.db: disk full [database or disk is full] (SQLite 13)")
        let efbig = SQLiteError(code: 778, message: "disk I/O error", path: "/srv/site.db", operation: "write", systemErrno: EFBIG)
        #expect(efbig.description == "cannot write /srv/site.db: disk full [disk I/O error] [File too large] (SQLite 778)")
        #expect(full.isWriteFailure && !full.isCorruption)
        #expect(!full.description.contains("INSERT"))
        #expect(throws: SQLiteError.self) { try SearchIndex.open(at: "/nonexistent-dir/site.db") }
        do {
            _ = try SearchIndex.open(at: "/nonexistent-dir/site.db")
        } catch {
            #expect(error.description.hasPrefix("cannot open /nonexistent-dir/site.db: "))
        }
    }

    @Test func anIndexKeepsTheModeOfTheFileItReplaces() throws {
        let path = NSTemporaryDirectory() + "haiku-mode-\(UUID().uuidString).db"
        defer { unlink(path) }
        let library = try makeLibrary(["guides/a.md": page("A", body: "Text.")])
        _ = try SearchIndex.build(library, at: path)
        chmod(path, 0o444)
        _ = try SearchIndex.build(library, at: path)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o444)
    }

    @Test func eachIndexFileCarriesItsGenerationAndContent() throws {
        let path = NSTemporaryDirectory() + "haiku-gen-\(UUID().uuidString).db"
        defer { unlink(path) }
        let library = try makeLibrary(["guides/a.md": page("A", body: "Text.")])
        let first = try SearchIndex.build(library, at: path)
        let second = try SearchIndex.build(library, at: path)
        #expect(first.generation != second.generation)
        #expect(SearchIndex.generation(at: path) == second.generation)
        #expect(second.contentFingerprint == library.fingerprint && !library.fingerprint.isEmpty)
        // The first keeps reading its own (now unlinked) file, ids and all.
        #expect(try first.search(SearchQuery(text: "text")).hits.first?.slug == "a")
        #expect(first.healthProblem() == nil)
    }
}

/// A library from files written to a temporary directory.
func makeLibrary(_ pages: [String: String]) throws -> ContentLibrary {
    let root = NSTemporaryDirectory() + "haiku-search-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: root) }
    for (path, text) in pages {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return try ContentLibrary.load(directory: root)
}
