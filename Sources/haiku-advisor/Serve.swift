import Advisor
import ArgumentParser
import Foundation
import Search
import Web

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Index the content, then serve the site over HTTP.",
        discussion: """
            SIGTERM or SIGINT: stop accepting at once, let requests in flight finish for up to --shutdown-deadline \
            seconds, then exit, saying how many were cut short. SIGHUP: re-read the content, templates and public \
            files, as --watch does on a change.
            """)

    @Option(help: "The address to listen on (IPv4).") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "The port; 0 takes a free one.") var port: UInt16 = 8080
    @OptionGroup var contentOptions: ContentOptions
    @Option(help: "The Mustache templates directory.") var templates = "templates"
    @Option(name: .customLong("public"), help: "The static files directory.") var publicDirectory = "public"
    @Option(help: "The SQLite index file, or :memory:.") var db = "haiku-advisor.db"
    @Flag(help: "Re-index when the content changes; a broken edit keeps the last good site serving.") var watch = false
    @Option(help: "Judge lifecycles and freshness on this day (YYYY-MM-DD) instead of today: a reproducible site.")
    var today: String?
    @Option(parsing: .unconditional, help: "On SIGTERM or SIGINT, how many seconds requests in flight may take to finish.")
    var shutdownDeadline: Double = 10
    @Option(name: .customLong("query-budget-ms"), parsing: .unconditional, help: "The most milliseconds one search may take; past it the answer is 503 with Retry-After.")
    var queryBudgetMs = 1_000
    @Option(name: .customLong("public-url"),
            help: "The address people reach this site at (https://advisor.example.com): the base of share links and exports. Default: $HAIKU_ADVISOR_PUBLIC_URL; without either, pages link to the address the browser used and exports to paths.")
    var publicURL: String?

    /// The flag, else the environment; without a trailing slash.
    private var resolvedPublicURL: String? {
        let value = publicURL ?? ProcessInfo.processInfo.environment["HAIKU_ADVISOR_PUBLIC_URL"]
        guard var url = value, !url.isEmpty else { return nil }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    func validate() throws {
        guard !db.isEmpty else { throw ValidationError("--db is empty: give a file path, or :memory:") }
        try contentOptions.refuseIndex(at: db)
        if let today, CivilDate.plausibleDay(today) == nil {
            throw ValidationError("--today takes a date YYYY-MM-DD from \(CivilDate.plausibleYears.lowerBound) to \(CivilDate.plausibleYears.upperBound)")
        }
        guard shutdownDeadline >= 0 && shutdownDeadline <= 3600 else { throw ValidationError("--shutdown-deadline takes 0 to 3600 seconds") }
        guard (1...60_000).contains(queryBudgetMs) else { throw ValidationError("--query-budget-ms takes 1 to 60000") }
        if let url = resolvedPublicURL, !SiteAddress.isPlain(url) {
            throw ValidationError("--public-url (or HAIKU_ADVISOR_PUBLIC_URL) " + SiteAddress.message)
        }
    }

    func run() throws {
        let limits = ServerLimits()
        let paths = SitePaths(content: contentOptions.content, templates: templates, publicFiles: publicDirectory,
                              database: db, today: today.flatMap(CivilDate.day),
                              search: SearchSettings(queryBudgetMs: queryBudgetMs, connections: limits.searchConnections),
                              limits: contentOptions.limits, publicURL: resolvedPublicURL)
        // No local keeps the first site: once a rebuild replaces it, its index file is closed (and its space freed).
        let server: Server
        do {
            // A file that is not one of our indexes is refused before anything is written over it.
            try SearchIndex.requireIndexOrNothing(db, "open")
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        do {
            server = Server(site: try SiteBuilder.build(paths, log: printError), limits: limits)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        // Block the signals before MHD starts its threads, so they inherit the mask and only sigwait sees them.
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let bound: UInt16
        do {
            bound = try server.start(host: host, port: port)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        let monitor = SiteMonitor(paths: paths, server: server, watch: watch)
        monitor.start()
        print("listening on http://\(host):\(bound)")
        fflush(nil)

        var received: Int32 = 0
        while true {
            sigwait(&signals, &received)
            guard received == SIGHUP else { break }
            printError("SIGHUP: re-reading the content")
            monitor.requestReload()
        }
        // Refuse new connections before saying so: a client that reads the line may rely on it.
        server.stopAccepting()
        let waiting = server.inFlight.load(ordering: .relaxed)
        printError("stopping (signal \(received)): new connections refused; waiting up to \(Self.seconds(shutdownDeadline)) for \(waiting) request(s) in flight")
        monitor.stop()
        let cut = server.stop(deadline: .milliseconds(Int(shutdownDeadline * 1000)))
        monitor.reportAbortedClients()
        printError(cut == 0 ? "stopped: every request in flight finished"
                            : "stopped: \(cut) request(s) cut short at the \(Self.seconds(shutdownDeadline)) deadline")
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
