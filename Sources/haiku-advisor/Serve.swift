import Advisor
import ArgumentParser
import Foundation
import Web

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Index the content, then serve the site over HTTP.")

    @Option(help: "The address to listen on (IPv4).") var host = "127.0.0.1"
    @Option(help: "The port; 0 takes a free one.") var port: UInt16 = 8080
    @OptionGroup var contentOptions: ContentOptions
    @Option(help: "The Mustache templates directory.") var templates = "templates"
    @Option(name: .customLong("public"), help: "The static files directory.") var publicDirectory = "public"
    @Option(help: "The SQLite index file, or :memory:.") var db = "haiku-advisor.db"
    @Flag(help: "Re-index when the content changes; a broken edit keeps the last good site serving.") var watch = false
    @Option(help: "Judge lifecycles and freshness on this day (YYYY-MM-DD) instead of today: a reproducible site.")
    var today: String?

    func validate() throws {
        if let today, CivilDate.day(today) == nil { throw ValidationError("--today takes a date YYYY-MM-DD") }
    }

    func run() throws {
        let paths = SitePaths(content: contentOptions.content, templates: templates, publicFiles: publicDirectory,
                              database: db, today: today.flatMap(CivilDate.day))
        let site: Site
        do {
            site = try SiteBuilder.build(paths)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        // Block the stop signals before MHD starts its threads, so they inherit the mask and only sigwait sees them.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

        let server = Server(site: site)
        let bound: UInt16
        do {
            bound = try server.start(host: host, port: port)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        let watcher = watch ? ContentWatcher(paths: paths, server: server) : nil
        watcher?.start()
        print("listening on http://\(host):\(bound)")
        fflush(nil)

        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        watcher?.stop()
        server.stop()
        printError("stopped (signal \(received))")
    }
}
