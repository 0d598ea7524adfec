import Content
import Foundation
import Search
import Synchronization
import Web

/// Keeps a running server's site current and truthful, on one thread, once a second:
/// - with `--watch`, or on SIGHUP, rebuilds the site from content/, templates/ and public/; a build with errors
///   prints them and the last good site keeps serving; a build that could not write the index (disk full,
///   read-only) is retried every second until it can;
/// - when another process (`haiku-advisor index`) renames a new index over the database file, opens it and
///   switches to it whole (the in-memory ids come from the new file), with a log line;
/// - when a search finds the index damaged (overwritten, truncated), rebuilds it from the content it serves;
/// - once a minute, says how many clients went away before their answer (instead of a line each).
/// Every switch is `Server.replace`: requests in flight finish on the site they started with, and the old index
/// is closed when the last of them ends.
final class SiteMonitor: Sendable {
    private let paths: SitePaths
    private let server: Server
    private let watch: Bool
    private let running = Atomic<Bool>(true)
    private let reloadRequested = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let reportedAborted = Atomic<Int>(0)

    init(paths: SitePaths, server: Server, watch: Bool) {
        self.paths = paths
        self.server = server
        self.watch = watch
    }

    func start() {
        // The baseline is taken now, before the server announces itself, so no edit made after that is missed.
        let baseline = watch ? fingerprint() : []
        let thread = Thread { [self] in
            var last = baseline
            var retry = false
            var lastFailure = ""
            var seenIdentity = server.router.site.index.identity
            var lastReport = ContinuousClock.now
            while running.load(ordering: .relaxed) {
                _ = wake.wait(timeout: .now() + 1)
                guard running.load(ordering: .relaxed) else { break }
                var reason: String?
                if reloadRequested.exchange(false, ordering: .relaxed) { reason = "SIGHUP" }
                if watch {
                    let now = fingerprint()
                    if now != last {
                        last = now
                        reason = reason ?? "content changed"
                    }
                }
                if reason == nil && retry { reason = "retrying" }
                if let reason {
                    retry = rebuild(reason: reason, lastFailure: &lastFailure)
                    seenIdentity = server.router.site.index.identity
                } else if let damage = server.router.site.index.damaged {
                    rebuildIndex(damage: damage)
                    seenIdentity = server.router.site.index.identity
                } else if paths.database != ":memory:", let identity = FileIdentity(path: paths.database), identity != seenIdentity {
                    seenIdentity = identity
                    // Built from other content than the site's, its search would link to pages this server does not
                    // have. Where the content has changed since it was read (edited, then indexed), the site is built
                    // again from it; otherwise the file is another content's, and is left alone (two servers on one
                    // `--db` rewrote it for each other every second). Once a file, whatever the outcome.
                    if !switchToNewIndex(), contentChangedSinceRead() {
                        retry = rebuild(reason: "the content changed and was indexed", lastFailure: &lastFailure)
                        seenIdentity = FileIdentity(path: paths.database) ?? identity
                    }
                }
                if ContinuousClock.now - lastReport >= .seconds(60) {
                    lastReport = ContinuousClock.now
                    reportAbortedClients()
                }
            }
        }
        thread.start()
    }

    /// Re-reads everything on the monitor's thread, as `--watch` does on a change (SIGHUP).
    func requestReload() {
        reloadRequested.store(true, ordering: .relaxed)
        wake.signal()
    }

    func stop() {
        running.store(false, ordering: .relaxed)
        wake.signal()
    }

    /// "N clients closed their connection before their answer was sent", when there are new ones.
    func reportAbortedClients() {
        let total = server.aborted.load(ordering: .relaxed)
        let new = total - reportedAborted.exchange(total, ordering: .relaxed)
        if new > 0 {
            printError("\(new) client connection(s) ended before their answer was sent (closed, reset or timed out; \(total) since start)")
        }
    }

    /// - Returns: whether to try again on the next tick (the index could not be written).
    private func rebuild(reason: String, lastFailure: inout String) -> Bool {
        do {
            server.replace(site: try SiteBuilder.build(paths, log: printError))
            printError("\(reason): site rebuilt")
            lastFailure = ""
            return false
        } catch {
            // The same failure is said once, not every second while it lasts; a reload asked for (SIGHUP) always
            // gets an outcome, briefly when it is the same (a second SIGHUP printed "re-reading" and nothing after).
            if error.description == lastFailure, reason == "SIGHUP" {
                printError("\(reason) but the content has the same errors as before; still serving the last good version")
            }
            if error.description != lastFailure {
                lastFailure = error.description
                if error.isWriteFailure {
                    printError("\(reason): the content is fine but the index cannot be written; still serving the last good version, retrying every second:\n\(error)")
                } else {
                    printError("\(reason) but the content has errors; still serving the last good version:\n\(error)")
                }
            }
            return error.isWriteFailure
        }
    }

    /// A damaged index is rebuilt from the content, parsed in full (the damaged file keeps the bodies of the
    /// pages the site did not parse).
    private func rebuildIndex(damage: SQLiteError) {
        printError("the search index is damaged (\(damage)); rebuilding it from the content")
        do {
            server.replace(site: try SiteBuilder.build(paths, reuseIndex: false, log: printError))
            printError("search index rebuilt: \(paths.database)")
        } catch {
            printError("cannot rebuild the search index: \(error); searches answer 503 until it can be")
        }
    }

    /// Another process wrote a new index at the database path: serve it, ids and all, from now on, where it was built
    /// from the content the site serves.
    /// - Returns: false where it was built from other content (another folder, or this one since edited), which the
    ///   caller then reads again.
    private func switchToNewIndex() -> Bool {
        let site = server.router.site
        guard let generation = SearchIndex.generation(at: paths.database), generation != site.index.generation else { return true }
        do {
            let index = try SearchIndex.open(at: paths.database, settings: paths.search)
            guard index.contentFingerprint == site.library.fingerprint else {
                printError("a new index was written to \(paths.database) (generation \(index.generation)) from other content than "
                           + "this server has read (fingerprint \(index.contentFingerprint.prefix(12)), read "
                           + "\(site.library.fingerprint.prefix(12))): reading \(paths.content) again to see whether it changed")
                return false
            }
            server.replace(site: try site.replacing(index: index))
            printError("a new index was written to \(paths.database) (generation \(index.generation), was \(site.index.generation)): now serving it")
        } catch {
            printError("a new index was written to \(paths.database) but cannot be used (\(error)); still serving the one opened before")
        }
        return true
    }

    /// Whether the content directory now differs from what the site was built from (its fingerprint); said in the
    /// log where it does not, or cannot be read.
    private func contentChangedSinceRead() -> Bool {
        let site = server.router.site
        do {
            let now = try ContentLibrary.load(directory: paths.content, routes: Site.linkableRoutes, limits: paths.limits)
            if now.fingerprint != site.library.fingerprint { return true }
            printError("\(paths.content) is unchanged, so the index at \(paths.database) belongs to other content: still serving "
                       + "the one opened before (give each content directory its own --db)")
        } catch {
            printError("\(paths.content) cannot be read as it is (\(error.errors.count) error(s)): still serving the index opened before")
        }
        return false
    }

    /// Names and stamps (`FileStamp`: size, modification time, inode) of every file the site is built from, through symbolic links as the
    /// loader reads them: a `--content` that is a link (a `current -> releases/…` layout), a linked folder or a
    /// linked page. FileManager's walker neither enters a linked folder nor stats a link's target, so edits made
    /// through one were never seen. A folder reached twice (a link loop) is walked once, and every folder is an
    /// entry of its own.
    private func fingerprint() -> [String] {
        var entries: [String] = []
        var walked = Set<[UInt64]>()
        func walk(_ directory: String) {
            var folder = stat()
            guard stat(directory, &folder) == 0, walked.insert([UInt64(folder.st_dev), UInt64(folder.st_ino)]).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
            for name in names {
                let path = "\(directory)/\(name)"
                var file = stat()
                // A link to nothing is still a change from the file it replaced.
                guard stat(path, &file) == 0 else { entries.append("\(path):dangling"); continue }
                if file.st_mode & S_IFMT == S_IFDIR {
                    // Each folder is an entry too, a loop's second visit included: the loader judges folders (an empty
                    // `guides/drafts` is an error), so adding or removing one, even empty, is a change; without the
                    // entry the fix for that error never went live.
                    entries.append("\(path)/:\(file.st_dev):\(file.st_ino)")
                    walk(path)
                } else {
                    let stamp = FileStamp(file)
                    entries.append("\(path):\(stamp.size):\(stamp.modified):\(stamp.inode)")
                }
            }
        }
        for directory in [paths.content, paths.templates, paths.publicFiles] { walk(directory) }
        return entries.sorted()
    }
}
