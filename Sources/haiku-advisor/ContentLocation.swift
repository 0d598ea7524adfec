import Foundation

/// Where the content is for commands that run in other folders (`scan` in someone's repository, `mcp` started
/// by an editor): the `--content` given, else `content/` here, else the `content/` of the checkout the binary
/// was built in (the binary sits in `.build/<triple>/<config>/`, so the first folder above it that holds
/// `content/models`).
enum ContentLocation {
    static func resolve(_ given: String?) -> String {
        if let given { return given }
        if FileManager.default.fileExists(atPath: "content/models") { return "content" }
        guard var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else {
            return "content"
        }
        for _ in 0..<5 {
            folder.deleteLastPathComponent()
            let candidate = folder.appendingPathComponent("content")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("models").path) {
                return candidate.path
            }
        }
        return "content"
    }
}
