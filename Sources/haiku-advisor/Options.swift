import ArgumentParser
import Content
import Foundation

/// Where the content lives and how large a page may be, shared by every subcommand that reads it.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content directory.")
    var content = "content"

    @Option(name: .customLong("max-page-kib"), parsing: .unconditional, help: "The largest content file accepted, in KiB (a larger one is an error).")
    var maxPageKiB = 4096

    var limits: ContentLimits { ContentLimits(maxPageBytes: max(1, maxPageKiB) * 1024) }

    /// 0 or less was taken as 1 KiB, and every page was then "over the limit of 1.0 KiB": refused as the value it is.
    /// The top keeps the byte count within Int.
    mutating func validate() throws {
        guard (1...(1 << 40)).contains(maxPageKiB) else {
            throw ValidationError("--max-page-kib takes a size in KiB from 1 up (the default is 4096), not \(maxPageKiB)")
        }
    }

    /// An index file inside the content folder is walked as content: `index --db content/x.db` failed on its own
    /// temporary file ("content/x.db.tmp-25275-…:1: unknown section"), a name the person never gave.
    func refuseIndex(at db: String) throws {
        guard db != ":memory:" else { return }
        let folder = URL(fileURLWithPath: content).standardizedFileURL.resolvingSymlinksInPath().path
        let parent = URL(fileURLWithPath: db).standardizedFileURL.deletingLastPathComponent().resolvingSymlinksInPath().path
        if parent == folder || parent.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            throw ValidationError("--db \(db) is inside --content \(content), where every file is read as a page: put the index elsewhere")
        }
    }
}

/// Writes a line to standard error, for messages that are not the command's output.
/// Cleaned as the command's output is (`TerminalText`): an import error quotes the file's own cell, which can hold
/// an escape sequence.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((TerminalText.safe(message) + "\n").utf8))
}
