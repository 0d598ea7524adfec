import ArgumentParser
import Foundation

/// The command line: each subcommand parses its flags and hands over to the library targets.
struct HaikuAdvisor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "haiku-advisor",
        abstract: "Should this workload run on Claude Haiku, and if not, on what?",
        subcommands: [Serve.self, Index.self, Check.self, SearchCommand.self, Assess.self, ScanCommand.self, MCPCommand.self]
    )
}

HaikuAdvisor.main()
