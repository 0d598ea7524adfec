import Advisor
import Content
import Foundation
import Search


/// Where the site's inputs live.
public struct SitePaths: Sendable {
    public var content: String
    public var templates: String
    public var publicFiles: String
    public var database: String
    /// The day lifecycles and freshness are judged on when an assessment gives no `as_of` (days since 1970-01-01);
    /// nil: the real day. Pinned for reproducible runs (`serve --today`, the browser tests).
    public var today: Int?
    /// The search's time budget and connections.
    public var search: SearchSettings
    /// What one content file may cost (size, front-matter size and depth).
    public var limits: ContentLimits
    /// The base of share links and exports (`serve --public-url`), without a trailing slash.
    public var publicURL: String?

    public init(content: String = "content", templates: String = "templates", publicFiles: String = "public",
                database: String = "haiku-advisor.db", today: Int? = nil, search: SearchSettings = SearchSettings(),
                limits: ContentLimits = ContentLimits(), publicURL: String? = nil) {
        self.publicURL = publicURL
        self.content = content
        self.templates = templates
        self.publicFiles = publicFiles
        self.database = database
        self.today = today
        self.search = search
        self.limits = limits
    }
}

/// Why a site could not be built: every message already reads `path:line: message`.
public struct SiteBuildError: Error, CustomStringConvertible {
    public let messages: [String]
    /// The content is fine but the index could not be written (disk full, read-only): worth retrying as is.
    public var isWriteFailure = false
    public var description: String { messages.joined(separator: "\n") }
}

public enum SiteBuilder {
    /// Loads and checks the content, builds the index and the engine, loads the templates, renders every page.
    /// Nothing is replaced unless all of it succeeds.
    /// When the index file is current with the content it is opened as it is; when some pages changed, only those
    /// are parsed and written into it (`reuseIndex: false` parses and writes everything: a damaged file).
    /// `log` receives what a person should know that is not an error (an existing index served read-only, a file
    /// rebuilt because another version wrote it).
    public static func build(_ paths: SitePaths, reuseIndex: Bool = true,
                             log: (String) -> Void = { _ in }) throws(SiteBuildError) -> Site {
        // A missing directory would otherwise give a site with no styles or no pages: refuse it at once.
        for (directory, flag) in [(paths.templates, "--templates"), (paths.publicFiles, "--public")] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SiteBuildError(messages: ["\(directory): directory not found (pass \(flag) DIR, or run from the repository root)"])
            }
        }
        do {
            // What the index file already keeps: pages whose files are unchanged are not parsed again. A file
            // that cannot be read back (damaged, another version) is rebuilt; `openOrUpdate` says why.
            var timer = PhaseTimer()
            // Refused before anything opens it: `serve --db` on a FIFO blocked for ever in the integrity check's
            // open, and a directory was "damaged ... rebuilding it" before its refusal.
            if reuseIndex { try SearchIndex.requireRegularFile(paths.database, "open") }
            // The file's integrity check reads all of it: under way while the content is read.
            let check = reuseIndex ? IndexCheck.start(path: paths.database) : nil
            var stored: StoredPages?
            var unusable: SQLiteError?
            if reuseIndex {
                do throws(SQLiteError) { stored = try PageStore.open(at: paths.database)?.pages() } catch { unusable = error }
            }
            timer.lap("stored pages")
            var library: ContentLibrary
            var index: SearchIndex?
            var knowledge: Knowledge
            if stored == nil {
                // No page to take from a file: it is built while the content is read, each page written as it is
                // parsed. The engine's checks run before the new file replaces the old one.
                if let unusable { log("\(unusable): rebuilding it from the content") }
                check?.cancel()
                let built = try loadAndBuild(paths, checking: true, log: log)
                (library, index, knowledge) = (built.library, built.index, built.knowledge!)
                timer.lap("content and index")
            } else {
                library = try load(paths, stored: stored)
                timer.lap("content")
                knowledge = try library.knowledge()
            }
            if let today = paths.today {
                // A day no answer can name: its verdicts pinned no date, and the share link they gave was refused.
                if let earliest = knowledge.earliestJudgedDay, let first = CivilDate.day(earliest), today < first {
                    throw SiteBuildError(messages: ["--today \(CivilDate.text(today)) is before the first Haiku's release "
                        + "(\(earliest)): give a day from then on"])
                }
                knowledge.clock = { today }
            }
            let engine = Engine(knowledge: knowledge)
            let templates = try Templates(directory: paths.templates)
            timer.lap("knowledge, engine, templates")
            if index == nil, let current = try SearchIndex.openOrUpdate(library, at: paths.database, settings: paths.search,
                                                                       check: check, log: log) {
                index = current
            }
            if index == nil {
                // Read again in full, each page written as it is parsed (the knowledge above came from the same
                // files).
                (library, index, _) = try loadAndBuild(paths, checking: false, log: log)
            }
            guard let index else { preconditionFailure("an index was opened, updated or built above") }
            timer.lap("index")
            // The pages parsed in this run hold their bodies (or their Markdown) in memory: from now on they are
            // read from the file, like the others, so that memory does not grow with the content.
            if library.pages.contains(where: { !$0.body.isStored }), let written = try? PageStore.open(at: paths.database),
               written.generation == index.generation {
                library = library.readingBodies(from: try written.bodies())
                timer.lap("bodies re-pointed")
            }
            let site = try Site(library: library, index: index, engine: engine, templates: templates,
                                publicDirectory: paths.publicFiles, publicURL: paths.publicURL)
            // Building the site allocates far more than it keeps (every page's record read back, checked and
            // rendered into section lists): give the freed heap back to the system, or resident memory keeps the
            // build's peak for the server's lifetime.
            timer.lap("site")
            releaseFreedMemory()
            timer.lap("memory released")
            return site
        } catch let errors as ContentErrors {
            throw SiteBuildError(messages: errors.errors.map(\.description))
        } catch let error as SQLiteError {
            throw SiteBuildError(messages: ["\(error)"], isWriteFailure: error.isWriteFailure)
        } catch {
            throw SiteBuildError(messages: ["\(error)"])
        }
    }

    /// Reads every page and builds the index file from them, each page written as it is parsed
    /// (`SearchIndex.loadAndBuild`). `checking`: the engine's knowledge is read and checked before the file replaces
    /// the old one, and returned.
    private static func loadAndBuild(_ paths: SitePaths, checking: Bool,
                                     log: (String) -> Void) throws -> (library: ContentLibrary, index: SearchIndex, knowledge: Knowledge?) {
        var knowledge: Knowledge?
        let built = try SearchIndex.loadAndBuild(at: paths.database, settings: paths.search) { sink throws(ContentErrors) in
            let loaded = try load(paths, stored: nil, sink: sink)
            if checking { knowledge = try loaded.knowledge() }
            return loaded
        }
        if let note = built.note { log(note) }
        return (built.library, built.index, knowledge)
    }

    private static func load(_ paths: SitePaths, stored: StoredPages?, sink: PageSink? = nil) throws(ContentErrors) -> ContentLibrary {
        try ContentLibrary.load(directory: paths.content, routes: Site.linkableRoutes, limits: paths.limits, stored: stored,
                                sink: sink)
    }
}

/// Returns the heap's free pages to the system: glibc's `malloc_trim` (declared in malloc.h, which the Glibc module
/// does not export); nothing on other C libraries.
func releaseFreedMemory() {
    #if os(Linux)
    _ = glibcMallocTrim(0)
    #endif
}

#if os(Linux)
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
