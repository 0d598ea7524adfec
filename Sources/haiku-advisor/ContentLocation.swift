import Foundation

/// Where the content is for commands that run in other folders (`scan` in someone's repository, `mcp` started
/// by an editor): the `--content` given, else `content/` here, else the `content/` of the checkout the binary
/// was built in (`.build/<config>/haiku-advisor` sits three levels below it).
enum ContentLocation {
    static func resolve(_ given: String?) -> String {
        if let given { return given }
        if FileManager.default.fileExists(atPath: "content/models") { return "content" }
        guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return "content" }
        let checkout = binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = checkout.appendingPathComponent("content").path
        return FileManager.default.fileExists(atPath: candidate + "/models") ? candidate : "content"
    }
}
