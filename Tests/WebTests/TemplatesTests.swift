import Foundation
import Testing
@testable import Web

/// The templates are compiled into the binary; at start-up the templates directory is checked against them, so an
/// edit that was not built is an error that says so, not a change silently ignored.
struct TemplatesTests {
    @Test func theRepositoryTemplatesAreTheCompiledOnes() throws {
        _ = try Templates(directory: repositoryRoot + "/templates")
    }

    @Test func anEditedAddedOrMissingTemplateAsksForABuild() throws {
        let copy = NSTemporaryDirectory() + "haiku-templates-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: copy)

        let error = copy + "/error.mustache"
        let original = try String(contentsOfFile: error, encoding: .utf8)
        try (original + "<p>new</p>\n").write(toFile: error, atomically: true, encoding: .utf8)
        #expect(message(copy) == "\(error):1: changed since this binary was built: run `swift build`")
        try original.write(toFile: error, atomically: true, encoding: .utf8)

        try "{{! view: ErrorPage }}\n".write(toFile: copy + "/extra.mustache", atomically: true, encoding: .utf8)
        #expect(message(copy)?.hasSuffix("a template this binary was not built with: run `swift build`") == true)
        try FileManager.default.removeItem(atPath: copy + "/extra.mustache")

        try FileManager.default.removeItem(atPath: copy + "/_exports.mustache")
        #expect(message(copy) == "\(copy)/_exports.mustache:1: missing, but compiled into this binary: run `swift build`")
        #expect(message(copy + "/nowhere") == "\(copy)/nowhere:1: templates directory not found")
    }

    /// Why `Templates(directory:)` refuses `directory`; nil when it accepts it.
    private func message(_ directory: String) -> String? {
        do {
            _ = try Templates(directory: directory)
            return nil
        } catch {
            return error.description
        }
    }
}
