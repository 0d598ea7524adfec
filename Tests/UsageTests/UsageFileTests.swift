import Foundation
import Testing
import Usage

/// Reading a usage file from disk (the command line and the MCP tool): a file that cannot be read says why, as the
/// shell would ("cannot read it" left a missing file, a directory and a device alike).
struct UsageFileTests {
    func refusal(_ path: String) -> String? {
        do { _ = try UsageFile.contents(atPath: path); return nil } catch { return error.description }
    }

    @Test func anUnreadableFileSaysWhy() throws {
        #expect(refusal("/nonexistent-usage.csv")?.contains("no such file") == true)
        #expect(refusal(NSTemporaryDirectory())?.contains("a directory, not a file") == true)
        #expect(refusal("/dev/null")?.contains("not a regular file") == true)
        // A link is read as the file it names.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("usage-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("u.csv"), link = dir.appendingPathComponent("link.csv")
        try Data("timestamp,model,input_tokens,output_tokens\n".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(refusal(link.path) == nil)
    }
}
