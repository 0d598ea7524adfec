import ArgumentParser
import Content
import Foundation

/// Where the content lives and how large a page may be, shared by every subcommand that reads it.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content directory.")
    var content = "content"

    @Option(name: .customLong("max-page-kib"), help: "The largest content file accepted, in KiB (a larger one is an error).")
    var maxPageKiB = 4096

    var limits: ContentLimits { ContentLimits(maxPageBytes: max(1, maxPageKiB) * 1024) }
}

/// Writes a line to standard error, for messages that are not the command's output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
