import Web
import ArgumentParser
import Content
import Foundation
import Search

struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the SQLite search index and exit.")

    @OptionGroup var contentOptions: ContentOptions
    @Option(help: "The SQLite index file, or :memory:.") var db = "haiku-advisor.db"

    func validate() throws {
        // "cannot replace : No such file or directory" said nothing of the empty name.
        guard !db.isEmpty else { throw ValidationError("--db is empty: give a file path, or :memory:") }
        try contentOptions.refuseIndex(at: db)
    }

    func run() throws {
        let started = Date()
        let progress = Progress(started: started)
        defer { progress.stop() }
        let library: ContentLibrary
        do {
            // Each page is written as it is parsed, while the next ones are parsed on the other cores; the
            // engine's checks run before the new file replaces the old one.
            try SearchIndex.requireIndexOrNothing(db, "write")
            progress.phase("reading, rendering and writing pages")
            library = try SearchIndex.loadAndBuild(at: db, reusingCurrent: false) { sink throws(ContentErrors) in
                let loaded = try ContentLibrary.load(directory: contentOptions.content, routes: Site.linkableRoutes,
                                                     limits: contentOptions.limits, sink: sink)
                _ = try loaded.knowledge()
                return loaded
            }.library
        } catch let errors as ContentErrors {
            progress.stop()
            printError(errors.description)
            throw ExitCode.failure
        } catch {
            progress.stop()
            printError("error: \(error)")
            throw ExitCode.failure
        }
        progress.stop()
        let seconds = Date().timeIntervalSince(started)
        let size = (try? FileManager.default.attributesOfItem(atPath: SearchIndex.followingLinks(db))[.size] as? Int).flatMap { $0 }
        let megabytes = Double(library.byteCount) / 1e6
        print("indexed \(library.pages.count) pages (\(String(format: "%.1f", megabytes)) MB of Markdown) into \(db) in "
              + String(format: "%.2f s, %.1f MB/s", seconds, megabytes / max(seconds, 0.001))
              + (size.map { String(format: "; the file is %.1f MiB", Double($0) / 1_048_576) } ?? ""))
    }
}

/// On a terminal, once a run has taken more than two seconds, a line on stderr that says what it is doing and
/// for how long (redrawn each second). Quiet when stderr is not a terminal (CI, pipes).
final class Progress: @unchecked Sendable {
    private let started: Date
    private let lock = NSLock()
    private var current = ""
    private var shown = false
    private var timer: DispatchSourceTimer?

    init(started: Date) {
        self.started = started
        guard isatty(STDERR_FILENO) != 0 else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 2, repeating: 1)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    func phase(_ text: String) {
        lock.withLock { current = text }
    }

    private func draw() {
        lock.withLock {
            let seconds = Int(Date().timeIntervalSince(started))
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(current)… \(seconds) s".utf8))
            shown = true
        }
    }

    func stop() {
        timer?.cancel()
        timer = nil
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            shown = false
        }
    }
}
