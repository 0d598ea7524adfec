import ArgumentParser
import Foundation
import MCPServer

struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the Model Context Protocol over standard input and output (for Claude Code and other MCP clients).",
        discussion: "Tools: assess, price, search, get_page, list_models, scan. Every page is a resource.")

    @Option(help: "The content directory (default: ./content, else the checkout the binary was built in).")
    var content: String?
    @Option(help: "The web app's address, for the links in answers.") var site = "http://127.0.0.1:8080"

    func run() throws {
        let content = ContentLocation.resolve(content)
        // Bad values exit 2, as scan's do; the argument parser's own errors exit 64.
        guard let site = SiteAddress.plain(site) else {
            printError("error: --site " + SiteAddress.message)
            throw ExitCode(2)
        }
        // The command line is synchronous; the SDK is async: run it on the concurrency pool and wait here.
        let failure = FailureBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await MCPService.run(content: content, site: site, version: "1.0.0")
            } catch {
                failure.set("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            printError("error: \(message)")
            throw ExitCode.failure
        }
    }
}

/// The async part's error, handed back to the waiting thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    func set(_ message: String) { lock.lock(); value = message; lock.unlock() }
    var message: String? { lock.lock(); defer { lock.unlock() }; return value }
}
