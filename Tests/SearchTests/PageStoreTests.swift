import Foundation
import Testing
@testable import Content
@testable import Search

/// The index outlives the process: pages read back from it equal the parsed ones, an unchanged content is not
/// parsed again, and a changed page is written into the file alone, with the same search results as a full build.
struct PageStoreTests {
    static let root = repositoryRoot

    @Test func theRealPagesReadBackAsTheyWereParsed() throws {
        let path = NSTemporaryDirectory() + "haiku-store-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parsed = try ContentLibrary.load(directory: Self.root + "/content")
        _ = try SearchIndex.build(parsed, at: path)
        let stored = try #require(try PageStore.open(at: path)?.pages())
        let again = try ContentLibrary.load(directory: Self.root + "/content", stored: stored)
        #expect(again.fingerprint == parsed.fingerprint)
        #expect(again.pages.allSatisfy { $0.body.sections == nil })  // nothing parsed again
        for (a, b) in zip(parsed.pages, again.pages) {
            #expect(a.key == b.key && a.frontMatter == b.frontMatter && a.headings == b.headings && a.links == b.links)
            #expect(a.html == b.html && a.markdown == b.markdown && a.yaml == b.yaml)
        }
        #expect(again.sectionIntros.mapValues(\.html) == parsed.sectionIntros.mapValues(\.html))
        _ = try again.knowledge()  // the engine's cross-checks hold on pages read back
    }

    /// Where bodies lie, read without decoding records, agrees with the records; pages parsed in this run, pointed
    /// at the file that way, read the same Markdown and HTML back from it.
    @Test func bodyLocationsAgreeWithTheRecordsAndServeTheSameBodies() throws {
        let path = NSTemporaryDirectory() + "haiku-store-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parsed = try ContentLibrary.load(directory: Self.root + "/content")
        _ = try SearchIndex.build(parsed, at: path)
        let store = try #require(try PageStore.open(at: path))
        let records = try store.pages(), bodies = try store.bodies()
        #expect(Set(records.pages.keys) == Set(bodies.pages.keys))
        for (key, record) in records.pages {
            let body = try #require(bodies.pages[key])
            #expect(body.id == record.id && body.digest == record.digest && body.size == record.size, "\(key)")
        }
        let moved = parsed.readingBodies(from: bodies)
        #expect(moved.pages.allSatisfy { $0.body.isStored })
        for (a, b) in zip(parsed.pages, moved.pages) { #expect(a.markdown == b.markdown && a.html == b.html, "\(a.key)") }
    }

    @Test func aChangedPageIsWrittenAloneAndSearchesAsAFullBuildWould() throws {
        let directory = NSTemporaryDirectory() + "haiku-update-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/content/guides", withIntermediateDirectories: true)
        let pages = ["a": page("Rate limits", body: "## Bucket\n\nA token bucket refills."),
                     "b": page("Pacing", body: "Spread requests across the minute."),
                     "c": page("Latency", body: "Streaming hides latency.")]
        for (slug, text) in pages { try text.write(toFile: "\(directory)/content/guides/\(slug).md", atomically: true, encoding: .utf8) }
        let content = directory + "/content", path = directory + "/index.db"
        _ = try SearchIndex.build(try ContentLibrary.load(directory: content), at: path)

        // One page changes, one goes, one comes.
        try page("Pacing", body: "Spread requests across the minute; a gateway queues them.")
            .write(toFile: content + "/guides/b.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: content + "/guides/c.md")
        try page("Gateways", body: "A gateway in front of the API.").write(toFile: content + "/guides/d.md", atomically: true, encoding: .utf8)
        let stored = try #require(try PageStore.open(at: path)?.pages())
        let library = try ContentLibrary.load(directory: content, stored: stored)
        #expect(library.pages.filter { $0.body.sections != nil }.map(\.slug).sorted() == ["b", "d"])
        let updated = try #require(try SearchIndex.openOrUpdate(library, at: path))
        #expect(updated.contentFingerprint == library.fingerprint)

        let full = try SearchIndex.build(try ContentLibrary.load(directory: content), at: ":memory:")
        for query in ["gateway", "bucket", "latency", "spread minute", "requests"] {
            let a = try updated.search(SearchQuery(text: query)), b = try full.search(SearchQuery(text: query))
            #expect(a.hits.map(\.url) == b.hits.map(\.url) && a.total == b.total, "\(query)")
            #expect(a.hits.map(\.snippet) == b.hits.map(\.snippet), "\(query)")
        }
        // The vocabulary forgot the page that went and learnt the new one.
        #expect(updated.catalog.vocabulary.count("streaming") == 0)
        #expect(updated.catalog.vocabulary.count("gateway") == 2)
        // Current now: opened as it is.
        #expect(try SearchIndex.openOrUpdate(try ContentLibrary.load(directory: content, stored: try PageStore.open(at: path)?.pages()),
                                             at: path)?.generation == updated.generation)
    }

    /// A page unchanged since it was indexed is checked again for what an edit to another page can break: a source
    /// link whose heading was renamed elsewhere, and a model name another page now claims. Both went live under
    /// --watch ("site rebuilt") while `check` and a fresh `index` refused the same content.
    @Test func anEditElsewhereIsCheckedAgainstTheUnchangedPages() throws {
        let directory = NSTemporaryDirectory() + "haiku-cross-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = directory + "/content", path = directory + "/index.db"
        try FileManager.default.copyItem(atPath: Self.root + "/content", toPath: content)
        _ = try SearchIndex.build(try ContentLibrary.load(directory: content), at: path)
        func reload() -> [String] {
            do {
                _ = try ContentLibrary.load(directory: content, stored: try PageStore.open(at: path)?.pages())
                return []
            } catch let error as ContentErrors { return error.errors.map(\.description) } catch { return ["\(error)"] }
        }
        #expect(reload().isEmpty)
        // The checks read a stored page's front matter without keeping it: a start on a current index holds only those
        // a request uses (keeping every one took 10,000 pages from 108 to 149 MiB).
        let stored = try ContentLibrary.load(directory: content, stored: try PageStore.open(at: path)?.pages())
        #expect(stored.pages.filter { $0.section == .guides }.allSatisfy { !$0.keepsFrontMatter })
        // What `reload` says with one file edited, the file put back after.
        func edited(_ file: String, _ from: String, _ to: String) throws -> [String] {
            let path = content + "/" + file, original = try String(contentsOfFile: path, encoding: .utf8)
            try original.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? original.write(toFile: path, atomically: true, encoding: .utf8) }
            return reload()
        }
        // An alias on the earlier page of a pair that is the later page's id: said on the later, unchanged page.
        let names = try edited("models/claude-3-haiku.md", "aliases: [haiku 3]", "aliases: [haiku 3, claude-sonnet-4-6]")
        #expect(names.contains { $0.contains("models/claude-sonnet-4-6.md:") && $0.contains("is also a name of models/claude-3-haiku.md") },
                "\(names)")
        // A title that only looks different (a zero-width space, a double space) is the same title in a cost table.
        let titles = try edited("models/claude-haiku-4-5.md", "title: Claude Haiku 4.5\n", "title: \"Claude  Haiku 5.5\\u200B\"\n")
        #expect(titles.contains { $0.contains("models/claude-haiku-5-5.md:") && $0.contains("is also the title of models/claude-haiku-4-5.md") },
                "\(titles)")
        // A heading renamed under another page's source link.
        let monitoring = content + "/guides/monitoring.md"
        let guide = try String(contentsOfFile: monitoring, encoding: .utf8)
        let heading = try #require(guide.split(separator: "\n").first { $0.hasPrefix("## ") })
        let anchor = try #require(try ContentLibrary.load(directory: content).page(.guides, "monitoring")?.headings.first { "## \($0.text)" == heading }?.anchor)
        let volume = content + "/criteria/volume.md"
        let criterion = try String(contentsOfFile: volume, encoding: .utf8)
        let linked = criterion.replacingOccurrences(of: "    url: /resources/", with: "    url: /guides/monitoring#\(anchor)\n    x-was: /resources/")
        #expect(linked != criterion)
        try linked.replacingOccurrences(of: "\n    x-was: /resources/[^\n]*", with: "", options: .regularExpression)
            .write(toFile: volume, atomically: true, encoding: .utf8)
        #expect(reload().isEmpty, "\(reload())")
        _ = try SearchIndex.openOrUpdate(try ContentLibrary.load(directory: content, stored: try PageStore.open(at: path)?.pages()), at: path)
        try guide.replacingOccurrences(of: String(heading), with: "## Renamed heading").write(toFile: monitoring, atomically: true, encoding: .utf8)
        let links = reload()
        #expect(links.contains { $0.contains("criteria/volume.md:") && $0.contains("has no heading `#\(anchor)`") }, "\(links)")
    }

    @Test func aFileOfAnotherVersionIsRefusedAndRebuilt() throws {
        let path = NSTemporaryDirectory() + "haiku-schema-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let library = try makeLibrary(["guides/a.md": page("Rate limits", body: "bucket")])
        _ = try SearchIndex.build(library, at: path)
        let connection = try Connection(path: path)
        try connection.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
        #expect { try SearchIndex.open(at: path) } throws: { ($0 as? SQLiteError)?.isOtherSchema == true }
        var said: [String] = []
        #expect(try SearchIndex.openOrUpdate(library, at: path) { said.append($0) } == nil)
        #expect(said.first?.contains("written by another version of haiku-advisor (schema 2; this one reads \(IndexWriter.schemaVersion))") == true)
    }

    /// A file whose stamp (size, modification time, inode) is the one recorded, well before the index read it, is
    /// trusted without a read, as git trusts its index: rewritten in place to other bytes of the same size with its
    /// time put back, it is not noticed. Any other change of stamp is: the file is read and hashed again.
    @Test func anUnchangedStampIsTrustedAndAnyOtherChangeIsRead() throws {
        let directory = NSTemporaryDirectory() + "haiku-stamp-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/content/guides", withIntermediateDirectories: true)
        let content = directory + "/content", path = directory + "/index.db", file = content + "/guides/a.md"
        try page("Pacing", body: "Spread requests across the minute.").write(toFile: file, atomically: true, encoding: .utf8)
        try setModified(file, secondsAgo: 60)
        _ = try SearchIndex.build(try ContentLibrary.load(directory: content), at: path)

        // Same size, same time, same inode (written in place): trusted, the stored page is used.
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let stamp = try #require(FileStamp(path: file))
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.write(contentsOf: Data(original.replacingOccurrences(of: "minute", with: "MINUTE").utf8))
        try handle.close()
        try setModified(file, nanoseconds: stamp.modified)
        #expect(FileStamp(path: file) == stamp)
        var library = try ContentLibrary.load(directory: content, stored: try PageStore.open(at: path)?.pages())
        #expect(library.pages[0].body.sections == nil && library.pages[0].markdown.contains("minute"))

        // A new modification time: read, hashed, found changed, parsed again.
        try setModified(file, secondsAgo: 30)
        library = try ContentLibrary.load(directory: content, stored: try PageStore.open(at: path)?.pages())
        #expect(library.pages[0].body.sections != nil && library.pages[0].markdown.contains("MINUTE"))
    }

    @Test func aStampTooCloseToTheReadIsNotTrusted() {
        let read: Int64 = 1_800_000_000_000_000_000
        let fine = FileStamp(size: 10, modified: read - 50_000_000, inode: 7)  // 50 ms before, nanosecond clock
        #expect(!fine.isTrusted(current: fine, readAt: read))
        let older = FileStamp(size: 10, modified: read - 500_000_000, inode: 7)
        #expect(older.isTrusted(current: older, readAt: read))
        // Whole seconds (a file system without nanoseconds): two seconds of margin.
        let coarse = FileStamp(size: 10, modified: read - 1_000_000_000 - read % 1_000_000_000, inode: 7)
        #expect(!coarse.isTrusted(current: coarse, readAt: read))
        for other in [FileStamp(size: 11, modified: older.modified, inode: 7), FileStamp(size: 10, modified: older.modified + 1, inode: 7),
                      FileStamp(size: 10, modified: older.modified, inode: 8)] {
            #expect(!older.isTrusted(current: other, readAt: read))
        }
    }

    @Test func outlinesAndLinksReadBackAsWritten() throws {
        let headings = [Heading(level: 2, text: "Rate limits: 50 RPM", anchor: "rate-limits-50-rpm"),
                        Heading(level: 3, text: "Tabs\tand\nbreaks", anchor: "tabs-and-breaks"),
                        Heading(level: 2, text: "", anchor: "empty")]
        let read = try StoredLists.headings(StoredLists.headings(headings))
        #expect(read.map(\.level) == [2, 3, 2] && read.map(\.anchor) == headings.map(\.anchor))
        #expect(read.map(\.text) == ["Rate limits: 50 RPM", "Tabs and breaks", ""])
        let links = [BodyLink(url: "/guides/a#b", line: 12), BodyLink(url: "https://example.com/?q=1", line: 40)]
        #expect(try StoredLists.links(StoredLists.links(links)) == links)
        #expect(try StoredLists.headings("") == [])
        #expect(throws: StoredLists.Unreadable.self) { try StoredLists.headings("2\tonly-two") }
        #expect(throws: StoredLists.Unreadable.self) { try StoredLists.links("x\t/url") }
    }

    private func setModified(_ file: String, secondsAgo: Int64) throws {
        try setModified(file, nanoseconds: FileStamp.now() - secondsAgo * 1_000_000_000 + 123_456)
    }

    private func setModified(_ file: String, nanoseconds: Int64) throws {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var times = [time, time]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
    }
}
