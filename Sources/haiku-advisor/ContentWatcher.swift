import Foundation
import Synchronization
import Web

/// Polls the content, templates and public files once a second; on a change it rebuilds the whole site and swaps
/// it in. A build that fails prints its errors and leaves the last good site serving.
final class ContentWatcher: Sendable {
    private let paths: SitePaths
    private let server: Server
    private let running = Atomic<Bool>(true)

    init(paths: SitePaths, server: Server) {
        self.paths = paths
        self.server = server
    }

    func start() {
        // The baseline is taken now, before the server announces itself, so no edit made after that is missed.
        let baseline = fingerprint()
        let thread = Thread { [self] in
            var last = baseline
            while running.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 1)
                let now = fingerprint()
                guard now != last else { continue }
                last = now
                do {
                    server.replace(site: try SiteBuilder.build(paths))
                    printError("content changed: site rebuilt")
                } catch {
                    printError("content changed but has errors; still serving the last good version:\n\(error)")
                }
            }
        }
        thread.start()
    }

    func stop() {
        running.store(false, ordering: .relaxed)
    }

    /// Names, sizes and modification times of every file the site is built from.
    private func fingerprint() -> [String] {
        var entries: [String] = []
        for directory in [paths.content, paths.templates, paths.publicFiles] {
            guard let walker = FileManager.default.enumerator(atPath: directory) else { continue }
            for case let relative as String in walker {
                let path = "\(directory)/\(relative)"
                if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
                    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    entries.append("\(path):\(size):\(modified)")
                }
            }
        }
        return entries.sorted()
    }
}
