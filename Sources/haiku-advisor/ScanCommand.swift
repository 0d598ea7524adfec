import Advisor
import ArgumentParser
import Content
import Foundation
import Scan
import Web

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find model ids in code and config and report each model's lifecycle.",
        discussion: """
            Exit status: 0 when nothing fails, 1 when a finding fails (--fail-on, --within), 2 when the scan \
            cannot run (a path that does not exist, a bad option value, content that does not load).
            """)

    @Argument(help: "Files or folders to scan (default: the current folder). Folders honour .gitignore.")
    var paths: [String] = []
    @Option(help: "text, json or sarif (SARIF 2.1.0).") var format = "text"
    @Option(name: .customLong("fail-on"), help: "The least serious state that fails the scan: retired, deprecated or legacy.")
    var failOn = "retired"
    @Option(parsing: .unconditional, help: "Also fail on a model that retires within DAYS days of the as-of day.") var within: Int?
    @Option(name: .customLong("as-of"), help: "The day lifecycles are judged on (YYYY-MM-DD); default today.")
    var asOf: String?
    @Option(help: "The web app's address, for the links in SARIF.") var site = "http://127.0.0.1:8080"
    @Option(help: "The content directory (default: ./content, else the checkout the binary was built in).")
    var content: String?

    enum Format: String, CaseIterable { case text, json, sarif }

    func run() throws {
        // Bad values exit 2 like every other failure to run; the argument parser's own errors exit 64.
        func usage(_ message: String) -> ExitCode {
            printError("error: \(message)")
            return ExitCode(2)
        }
        guard let format = Format(rawValue: format) else {
            throw usage("--format takes text, json or sarif, not '\(format)'")
        }
        guard let site = SiteAddress.plain(site) else { throw usage("--site " + SiteAddress.message) }
        guard let failOn = LifecycleState(rawValue: failOn), ScanPolicy.failOnChoices.contains(failOn) else {
            throw usage("--fail-on takes retired, deprecated or legacy, not '\(failOn)'")
        }
        if let within, within < 0 { throw usage("--within takes a number of days >= 0, not \(within)") }
        var day = CivilDate.today()
        if let asOf {
            guard let parsed = CivilDate.day(asOf) else { throw usage("--as-of takes a date YYYY-MM-DD, not '\(asOf)'") }
            day = parsed
        }
        let catalog: ModelCatalog
        do {
            let library = try ContentLibrary.load(directory: ContentLocation.resolve(content))
            catalog = ModelCatalog(library: library, knowledge: try library.knowledge())
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let report: ScanReport
        do {
            report = try catalog.scan(paths.isEmpty ? ["."] : paths, on: day, policy: ScanPolicy(failOn: failOn, withinDays: within))
        } catch {
            throw usage(error.description)
        }
        // A file named on the command line is one the user asked about: skipped for its size like a large file met in
        // a folder, a 4.5 MB config full of retired ids passed with "None fails".
        let named = Set(paths)
        if let large = report.skipped_large.first(where: named.contains) {
            throw usage("\(large): not scanned: it is larger than the \(Scanner.maxFileBytes >> 20) MiB a file may be; "
                        + "split it, or scan the folder it is in to count it as skipped")
        }
        switch format {
        case .text:
            print(TerminalText.safe(ScanText.render(report)))
        case .json:
            print(String(decoding: try JSON.encoder(pretty: true).encode(report), as: UTF8.self))
        case .sarif:
            // Paths are reported as given, relative to the current folder: that is SARIF's %SRCROOT%.
            let document = SARIF.document(report, catalog: catalog, root: FileManager.default.currentDirectoryPath,
                                          site: site)
            print(String(decoding: try JSON.encoder(pretty: true).encode(document), as: UTF8.self))
        }
        if report.failing > 0 { throw ExitCode(1) }
    }
}
