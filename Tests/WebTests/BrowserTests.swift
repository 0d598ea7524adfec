import Foundation
import Testing
@testable import Web

/// Debian's headless Chromium loads the pages from the real server: what a person's browser would get.
@Suite(.serialized) struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Renders the page (scripts, styles, layout) and returns the DOM Chromium built.
    func dumpDOM(_ path: String) throws -> String {
        let browser = try #require(Self.chromium, "chromium is not installed: run `make test`, which installs it")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                             "--user-data-dir=\(NSTemporaryDirectory())haiku-chromium-\(UUID().uuidString)",
                             "--virtual-time-budget=2000", "--dump-dom", "http://127.0.0.1:\(ServerTests.port)\(path)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func homePageRendersWithNavigation() throws {
        let dom = try dumpDOM("/")
        #expect(dom.contains("Should this workload run on Claude Haiku?"))
        #expect(dom.contains("href=\"/failure-modes/\""))
    }

    @Test func verdictPageRendersFromItsURL() throws {
        let dom = try dumpDOM("/assess/result?" + AdvisorRoutesTests.workload)
        #expect(dom.contains("Verdict"))
        #expect(dom.contains("Monthly cost on every model"))
    }

    @Test func searchPageShowsHighlightedResults() throws {
        let dom = try dumpDOM("/search?q=empty+response")
        #expect(dom.contains("<mark>"))
    }
}
