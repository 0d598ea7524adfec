import ArgumentParser
import Foundation

/// Where the content lives, shared by every subcommand that reads it.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content directory.")
    var content = "content"
}

/// Writes a line to standard error, for messages that are not the command's output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
