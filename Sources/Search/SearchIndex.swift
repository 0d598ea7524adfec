import Content
import CSQLite
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The FTS5 index over every heading section of every page: built once into a fresh file that is renamed into
/// place, then searched through a fixed set of read-only connections opened together and checked to be on the same
/// file (one generation: the ids in `catalog` are those of the file every connection reads, even after another
/// process renames a new index over the path). What is needed to show a result (titles, URLs, anchors) and the
/// vocabulary live in memory. When the last `Site` holding it goes, its connections close and the file's space is
/// freed.
public final class SearchIndex: Sendable {
    public let path: String
    /// A random id written into each index file: two connections with the same one read the same file.
    public let generation: String
    /// The fingerprint of the content the index was built from (`ContentLibrary.fingerprint`).
    public let contentFingerprint: String
    /// The file's identity (device, inode, size, modification time) when it was opened, to notice a replacement.
    public let identity: FileIdentity?
    let settings: SearchSettings
    private let pool: ConnectionPool<Searcher>
    private let inMemory: Bool
    /// The first read failure that means the file is damaged: health reports it and the server rebuilds.
    private let damage = Mutex<SQLiteError?>(nil)
    let catalog: Catalog

    /// Builds the index for `library` at `path` (`:memory:` keeps it in this process).
    /// A file is written under a temporary name, given the old file's permissions, and renamed over the old one,
    /// so no reader ever sees half of it.
    /// - Throws: an error naming `path` and the operation ("cannot write /srv/site.db: disk full (SQLite 13)").
    public static func build(_ library: ContentLibrary, at path: String,
                             settings: SearchSettings = SearchSettings()) throws(SQLiteError) -> SearchIndex {
        if path == ":memory:" {
            let connection = try Connection(path: path)
            try IndexWriter(connection: connection).write(library)
            let meta = try IndexMeta(connection: connection)
            let catalog = try Catalog(connection: connection)
            return SearchIndex(path: path, meta: meta, identity: nil, searchers: [try Searcher(connection: connection, titleWords: catalog.titleWords)],
                               catalog: catalog, settings: settings, inMemory: true)
        }
        try replace(path) { temporary throws(SQLiteError) in
            try IndexWriter(connection: Connection(path: temporary, displayPath: path)).write(library)
        }
        return try open(at: path, settings: settings)
    }

    /// Loads the content and builds its index at `path` in one pass: `load` hands each page to the writer as it
    /// is parsed (`IndexSink`), so the writer works while the next files are parsed on the other cores, and a
    /// page's HTML and sections leave memory once written. When the file cannot be written (read-only directory,
    /// disk full) but the one already there was built from this very content, opens that one instead, unless
    /// `reusingCurrent` is false (`index`, whose job is the write).
    /// - Returns: the library (the written pages keep only their Markdown in memory), the index, and a line for the
    ///   log when the existing file is served instead of a new one.
    /// - Throws: `load`'s `ContentErrors` (nothing is written then), or a `SQLiteError`.
    public static func loadAndBuild(at path: String, settings: SearchSettings = SearchSettings(), reusingCurrent: Bool = true,
                                    load: (PageSink?) throws(ContentErrors) -> ContentLibrary) throws
        -> (library: ContentLibrary, index: SearchIndex, note: String?) {
        if path == ":memory:" {
            let library = try load(nil)
            return (library, try build(library, at: path, settings: settings), nil)
        }
        // Written where a symbolic link points: renamed over the link, the new index replaced the link and left the
        // file it named as it was.
        let path = followingLinks(path)
        // Before any work, and before a temporary file is made beside it (in /dev for /dev/null).
        try requireRegularFile(path, "write")
        let temporary = temporaryPath(for: path)
        var sink: IndexSink?
        var failure: SQLiteError?
        do throws(SQLiteError) {
            sink = try IndexSink(connection: Connection(path: temporary, displayPath: path))
        } catch {
            failure = error
        }
        let library: ContentLibrary
        do {
            library = try load(sink)
        } catch {
            sink = nil
            unlink(temporary)
            throw error
        }
        do throws(SQLiteError) {
            if let failure { throw failure }
            try sink?.finish(library)
            sink = nil  // closes the connection before the rename
            try install(temporary, at: path)
        } catch {
            sink = nil
            unlink(temporary)
            let error = error.operation == "replace" ? error : error.at(path, "write")
            guard reusingCurrent, error.isWriteFailure, let existing = try? open(at: path, settings: settings),
                  !existing.contentFingerprint.isEmpty, existing.contentFingerprint == library.fingerprint else { throw error }
            // (An existing file of another schema or damaged is not served: `open` refused it.)
            return (library, existing, "\(error); the index already there was built from this content: serving it read-only")
        }
        return (library, try open(at: path, settings: settings), nil)
    }

    /// Opens the index at `path` when it is current with `library` (its content fingerprint and this binary's
    /// schema version); when only some pages changed (`library` was loaded from this file's `PageStore`, and the
    /// pages parsed in this run are the new and changed ones), writes just those into a copy of the file and
    /// renames it into place.
    /// - Returns: nil when the index must be built from a library parsed in full (no file, another schema, a
    ///   damaged file: `log` says which).
    /// `check`: the file's `quick_check`, started before the content was read (`IndexCheck`).
    public static func openOrUpdate(_ library: ContentLibrary, at path: String, settings: SearchSettings = SearchSettings(),
                                    check: IndexCheck? = nil, log: (String) -> Void = { _ in }) throws(SQLiteError) -> SearchIndex? {
        guard path != ":memory:", FileManager.default.fileExists(atPath: path) else { return nil }
        // Not rebuilt over: said as what it is ("cannot open /tmp: disk I/O error ... rebuilding it" came first).
        try requireRegularFile(path, "open")
        do {
            let existing = try open(at: path, settings: settings, check: check.map { .startedBefore($0) } ?? .now)
            if existing.contentFingerprint == library.fingerprint { return existing }
        } catch {
            log("\(error): rebuilding it from the content")
            return nil
        }
        guard library.pages.contains(where: { $0.body.sections == nil }) else { return nil }
        try replace(path) { temporary throws(SQLiteError) in
            guard copyfile(from: path, to: temporary) else {
                throw SQLiteError(code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)), path: path, operation: "copy")
            }
            try IndexUpdate(connection: Connection(path: temporary, displayPath: path)).apply(library)
        }
        // The copy was checked when it was opened above, and the rest is this process's own writes.
        return try open(at: path, settings: settings, check: .skip)
    }

    /// Writes a new file under a temporary name with `write`, gives it the old file's permissions and renames it
    /// over `path`, so no reader ever sees half of it.
    private static func replace(_ path: String, _ write: (String) throws(SQLiteError) -> Void) throws(SQLiteError) {
        let path = followingLinks(path)
        try requireRegularFile(path, "write")
        let temporary = temporaryPath(for: path)
        do {
            try write(temporary)
        } catch {
            unlink(temporary)
            throw error.at(path, "write")
        }
        try install(temporary, at: path)
    }

    private static func temporaryPath(for path: String) -> String {
        "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The file `path` names through any symbolic links (a dangling link's destination; at most 32 links).
    public static func followingLinks(_ path: String) -> String {
        // The kernel's answer where the file exists: links in the folders on the way are followed before `..`.
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // A dangling link: its destination, read against its own folder as the kernel resolves it.
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            let folder = URL(fileURLWithPath: current).deletingLastPathComponent().path
            let base = realpath(folder, nil).map { resolved in
                defer { free(resolved) }
                return String(cString: resolved)
            } ?? folder
            current = destination.hasPrefix("/") ? destination : base + "/" + destination
        }
        return current
    }

    /// Refuses a `--db` that exists and is not a regular file: renaming the new index over it replaced `/dev/null`
    /// itself with a 3.7 MiB world-writable file for the whole machine, and a FIFO or device was "indexed into".
    public static func requireRegularFile(_ path: String, _ operation: String) throws(SQLiteError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Links that come back on themselves (or more than the kernel follows) name no file to write.
            if errno == ELOOP {
                throw SQLiteError(code: 0, message: "a loop of symbolic links, not a database file", path: path, operation: operation)
            }
            return
        }
        let kind: String? = switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
        if let kind { throw SQLiteError(code: 0, message: "\(kind), not a database file", path: path, operation: operation) }
    }

    /// Refuses a `--db` that exists, holds something, and is not shown to be a haiku-advisor index: `index --db
    /// notes.txt` replaced the notes, and other applications' SQLite databases (a browser profile's, with a `meta`
    /// table of its own; one held locked by its running program; one with a pending journal) lost their tables. Ours
    /// is known by its `meta` rows (`IndexWriter.writeMeta`). An empty file, one of our indexes of any schema, and
    /// an SQLite file too damaged to read its schema, with no journal beside it, may be written over. For `index` and
    /// `serve` before they write anything.
    public static func requireIndexOrNothing(_ path: String, _ operation: String) throws(SQLiteError) {
        guard path != ":memory:" else { return }
        let path = followingLinks(path)
        try requireRegularFile(path, operation)
        func refuse(_ what: String) -> SQLiteError {
            SQLiteError(code: 0, message: "not a haiku-advisor index (\(what)), so it is not overwritten; delete it, or give --db "
                        + "another file", path: path, operation: operation)
        }
        guard let file = fopen(path, "rb") else {
            if errno == ENOENT { return }
            throw refuse("it cannot be read to tell: \(String(cString: strerror(errno)))")
        }
        var header = [UInt8](repeating: 0, count: 16)
        let read = fread(&header, 1, 16, file)
        fclose(file)
        guard read > 0 else { return }
        guard read == 16, header == Array("SQLite format 3\0".utf8) else { throw refuse("not an SQLite database") }
        let evidence = indexEvidence(path)
        if case .ours = evidence { return }
        // A journal beside it is another program's unfinished write as likely as ours: never renamed over (SQLite
        // would take it for the new file's own and roll foreign pages into it).
        for suffix in ["-journal", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            throw refuse("an SQLite database with \(URL(fileURLWithPath: path + suffix).lastPathComponent) beside it")
        }
        if case .other(let what) = evidence { throw refuse(what) }
    }

    private enum IndexEvidence { case ours, damaged, other(String) }

    /// What an SQLite file at `path` shows of itself, read-only: our `meta` rows (`IndexMeta`), a schema too damaged
    /// to read, or another program's database (its tables named), in use or not.
    private static func indexEvidence(_ path: String) -> IndexEvidence {
        func failure(_ error: SQLiteError) -> IndexEvidence {
            switch error.code & 0xFF {
            case SQLITE_CORRUPT, SQLITE_NOTADB: .damaged
            case SQLITE_BUSY, SQLITE_LOCKED: .other("an SQLite database in use by another program")
            default: .other("an SQLite database that cannot be read: \(error.message)")
            }
        }
        let names: [String]
        let connection: Connection
        do {
            connection = try Connection(path: path, readOnly: true)
            let tables = try connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            var found: [String] = []
            while try tables.step() { found.append(tables.text(0)) }
            names = found
        } catch {
            return failure(error)
        }
        if names.isEmpty { return .ours }  // nothing in it to lose
        // Another program's `meta` (a browser profile has one) holds none of our keys, or not as key and value.
        if let meta = try? IndexMeta(connection: connection), !(meta.schema + meta.content + meta.generation).isEmpty {
            return .ours
        }
        return .other("an SQLite database of something else, with the tables \(names.prefix(5).joined(separator: ", "))"
                      + (names.count > 5 ? ", …" : ""))
    }

    /// Gives a written file the old file's permissions and renames it over `path`.
    /// Its callers (`replace`, `loadAndBuild`) refuse a `path` that is not a regular file before writing anything.
    private static func install(_ temporary: String, at path: String) throws(SQLiteError) {
        // `index` over a file someone made read-only (0444) keeps it read-only.
        var old = stat()
        if stat(path, &old) == 0 { chmod(temporary, old.st_mode & 0o7777) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SQLiteError(code: 0, message: reason, path: path, operation: "replace")
        }
    }

    /// Copies in the kernel (`sendfile`): FileManager's copy went through user space and took a third of a second
    /// for a 260 MB index, most of a one-page update. Falls back to FileManager where sendfile refuses.
    private static func copyfile(from source: String, to destination: String) -> Bool {
        #if os(Linux)
        let input = Glibc.open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return false }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { return false }
        let output = Glibc.open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else { return false }
        var left = Int(info.st_size)
        while left > 0 {
            let sent = sendfile(output, input, nil, left)
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { break }
            left -= sent
        }
        let closed = close(output) == 0
        if left == 0 && closed { return true }
        unlink(destination)
        #endif
        return (try? FileManager.default.copyItem(atPath: source, toPath: destination)) != nil
    }

    /// Opens an index file that `build` wrote earlier, after `PRAGMA quick_check` (a damaged file is refused at
    /// the start rather than failing searches later) and a look at its schema version (a file another version
    /// wrote is refused: its rowids or columns may mean something else).
    /// - Parameter check: `.skip` only for a file this process has just written from one it checked.
    public static func open(at path: String, settings: SearchSettings = SearchSettings(),
                            check: IndexCheck.When = .now) throws(SQLiteError) -> SearchIndex {
        // Another process may rename a new file over `path` between two opens: start again until every
        // connection reads the same generation (bounded: three tries).
        // "written by another version of haiku-advisor (schema 1)" was said of /dev/null.
        try requireRegularFile(path, "open")
        for _ in 0..<3 {
            let identity = FileIdentity(path: path)
            let first = try Connection(path: path, readOnly: true)
            switch check {
            case .startedBefore(let started) where identity != nil && started.identity == identity:
                try started.verdict()
            case .skip:
                break
            case .now, .startedBefore:
                try IndexCheck.run(first, path: path)
            }
            let meta = try IndexMeta(connection: first)
            try meta.requireCurrentSchema(path: path)
            let catalog = try Catalog(connection: first)
            var searchers = [try Searcher(connection: first, titleWords: catalog.titleWords)]
            while searchers.count < settings.connections {
                let connection = try Connection(path: path, readOnly: true)
                guard try IndexMeta(connection: connection).generation == meta.generation else { break }
                searchers.append(try Searcher(connection: connection, titleWords: catalog.titleWords))
            }
            guard searchers.count == settings.connections else { continue }
            return SearchIndex(path: path, meta: meta, identity: identity, searchers: searchers, catalog: catalog,
                               settings: settings, inMemory: false)
        }
        throw SQLiteError(code: SQLITE_BUSY, message: "the file kept being replaced while it was opened",
                          path: path, operation: "open")
    }

    /// The generation written in the file now at `path`, without opening a whole index (nil if unreadable).
    public static func generation(at path: String) -> String? {
        guard let connection = try? Connection(path: path, readOnly: true) else { return nil }
        return try? IndexMeta(connection: connection).generation
    }

    private init(path: String, meta: IndexMeta, identity: FileIdentity?, searchers: [Searcher], catalog: Catalog,
                 settings: SearchSettings, inMemory: Bool) {
        self.path = path
        generation = meta.generation
        contentFingerprint = meta.content
        self.identity = identity
        self.inMemory = inMemory
        self.catalog = catalog
        self.settings = settings
        pool = ConnectionPool(searchers)
    }

    /// Runs one search on a connection no other thread holds, within the time budget.
    public func search(_ query: SearchQuery) throws(SearchError) -> SearchResults {
        let started = ContinuousClock.now
        let budget = settings.queryBudgetMs
        // An in-memory database lives in its one connection: searches take turns on it.
        guard let searcher = pool.acquire(waitingMilliseconds: budget) else { throw .busy }
        defer { pool.release(searcher) }
        do {
            return try searcher.withBudget(milliseconds: budget) { () throws(SQLiteError) in
                try searcher.reading { () throws(SQLiteError) in
                    try Search(searcher: searcher, catalog: catalog, query: query, started: started).run()
                }
            }
        } catch {
            if error.isInterrupted { throw .overBudget(milliseconds: budget) }
            if error.isCorruption { damage.withLock { if $0 == nil { $0 = error } } }
            throw .unusable(error)
        }
    }

    /// Whether the index can answer: a damage seen by a search, else a small query on one connection (a busy
    /// pool is not a failure). - Returns: nil when usable, else what is wrong.
    public func healthProblem() -> SQLiteError? {
        if let seen = damage.withLock({ $0 }) { return seen }
        guard let searcher = pool.acquire(waitingMilliseconds: settings.queryBudgetMs) else { return nil }
        defer { pool.release(searcher) }
        do {
            try searcher.withBudget(milliseconds: settings.queryBudgetMs) { () throws(SQLiteError) in try searcher.probe(generation: generation) }
            return nil
        } catch {
            if error.isInterrupted { return nil }
            damage.withLock { if $0 == nil { $0 = error } }
            return error
        }
    }

    /// A read failure that means the file is damaged (nil while none was seen): the server rebuilds the index.
    public var damaged: SQLiteError? { damage.withLock { $0 } }
}

/// What a result needs of each page, in memory (a few hundred bytes a page): kind, slug, title, summary, and the
/// names a query may be exactly. Sections, anchors and text stay in the file and are read for the rows shown.
struct Catalog: Sendable {
    struct PageInfo: Sendable {
        let section: Section
        let slug: String
        let title: String
        let summary: String
    }

    /// By page id: the ids are 1...n (index 0 unused).
    let pages: [PageInfo?]
    /// Pages (`SectionKey.pageKey`) by a title's or alias's tokens, to recognise a query that is exactly one of them.
    let named: [String: [Int]]
    /// Words in each page's title, by page id: of two titles holding every word, the shorter is closer to what was
    /// asked (`RankFunction`).
    let titleWords: [UInt8]
    let vocabulary: Vocabulary
    /// Model pages with a lifecycle (`SectionKey.pageKey`; the days it was superseded and retires, as day numbers;
    /// the title's tokens that hold a digit: "4", "5" of Claude Sonnet 4.5, "4o" of GPT-4o mini): a handful, read on
    /// every query.
    let lifecycles: [(page: Int, superseded: Int?, retires: Int?, version: [String], words: [String])]

    /// What a model page's model is on `day` where it is no longer current (retired, or superseded: legacy or
    /// deprecated), but for those whose version the query's tokens hold: "sonnet 4.5 pricing" asks for Claude Sonnet
    /// 4.5, retired or not, though no title or alias of it is in the words.
    func pages(outdatedOn day: Int, unlessVersionIn tokens: [String]) -> [(page: Int, retired: Bool)] {
        lifecycles.compactMap { page in
            let retired = page.retires.map { $0 <= day } ?? false
            guard retired || (page.superseded.map { $0 <= day } ?? false) else { return nil }
            // Run together, a version ends a word: "gpt4o mini", "haiku4.5" ("haiku4", "5"). A word of the title goes
            // with it: "haiku 4.5 pricing" does not name Claude Sonnet 4.5.
            let version = page.version.allSatisfy { v in tokens.contains { $0 == v || $0.hasSuffix(v) && $0.dropLast(v.count).last?.isLetter == true } }
            // (A version with a letter, "4o", is its own name.)
            let word = page.words.isEmpty || !page.version.allSatisfy { $0.allSatisfy(\.isNumber) }
                || page.words.contains { w in tokens.contains { $0 == w || $0.hasPrefix(w) } }
            return !page.version.isEmpty && version && word ? nil : (page.page, retired)
        }
    }

    init(connection: Connection) throws(SQLiteError) {
        var pages: [PageInfo?] = [nil]
        var named: [String: [Int]] = [:]
        var titleWords: [UInt8] = [0]
        var lifecycles: [(page: Int, superseded: Int?, retires: Int?, version: [String], words: [String])] = []
        let pageRows = try connection.prepare(
            "SELECT id, section, slug, title, summary, names, title_words, retires, superseded FROM pages WHERE intro = 0 ORDER BY id")
        while try pageRows.step() {
            let id = pageRows.int(0)
            while pages.count < id { pages.append(nil); titleWords.append(0) }
            let section = Section(rawValue: pageRows.text(1)) ?? .guides
            pages.append(PageInfo(section: section, slug: pageRows.text(2), title: pageRows.text(3), summary: pageRows.text(4)))
            titleWords.append(UInt8(min(255, pageRows.int(6))))
            let key = SectionKey(kind: section, page: id, section: 0, chunk: 0).pageKey
            for name in pageRows.text(5).split(separator: "\n") { named[String(name), default: []].append(key) }
            let retires = pageRows.optionalInt(7), superseded = pageRows.optionalInt(8)
            if retires != nil || superseded != nil {
                // The title's words that hold a digit: "4", "5" of Claude Sonnet 4.5, "4o" of GPT-4o mini; and the others
                // but its vendor's name, which all its siblings share ("sonnet"; "claude" names no model).
                let title = QueryPlan.tokenize(pageRows.text(3))
                let version = title.filter { $0.contains(where: \.isNumber) }
                let words = title.dropFirst(title.count > 1 ? 1 : 0).filter { !$0.contains(where: \.isNumber) }
                lifecycles.append((key, superseded, retires, version, Array(words)))
            }
        }
        var counts: [String: Int] = [:]
        let words = try connection.prepare("SELECT term, sections FROM vocabulary")
        while try words.step() { counts[words.text(0)] = words.int(1) }
        self.pages = pages
        self.named = named
        self.titleWords = titleWords
        self.lifecycles = lifecycles
        vocabulary = Vocabulary(counts)
    }

    func page(_ pageKey: Int) -> PageInfo? {
        let id = pageKey & SectionKey.maxPages
        return id > 0 && id < pages.count ? pages[id] : nil
    }

    func pages(named key: String) -> [Int] { named[key] ?? [] }

    /// Pages whose title or an alias of two or more tokens runs, whole and in order, inside the query's tokens but
    /// is not all of them: "context window haiku 5.5" names Claude Haiku 5.5 ("haiku 5 5"). One token alone counts
    /// only as a model's name ("haiku pricing" names Claude Haiku 5.5, whose alias "haiku" is, and no longer ranked
    /// it below Sonnet 4.6 and two retired Haikus): any other one-word alias ("429", "latency") is a topic more often
    /// than a page the person means. Only the longest names count: in "claude haiku 4.5 prices", Claude Haiku 4.5 is
    /// named, not the page called "claude haiku" inside it.
    func pages(namedWithin tokens: [String]) -> Set<Int> {
        guard tokens.count > 1 else { return [] }
        var spans: [(range: Range<Int>, pages: [Int])] = []
        for start in tokens.indices {
            for end in stride(from: start + 1, through: tokens.count, by: 1) where end - start < tokens.count {
                guard var pages = named[tokens[start..<end].joined(separator: " ")] else { continue }
                if end - start == 1 { pages = pages.filter { page($0)?.section == .models } }
                if !pages.isEmpty { spans.append((start..<end, pages)) }
            }
        }
        var found = Set<Int>()
        for span in spans where !spans.contains(where: { $0.range != span.range && $0.range.lowerBound <= span.range.lowerBound
                                                       && span.range.upperBound <= $0.range.upperBound }) {
            found.formUnion(span.pages)
        }
        return found
    }
}
