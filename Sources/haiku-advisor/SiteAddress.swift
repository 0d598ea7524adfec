/// The web app's address as the commands write it into links and files (`serve --public-url`, `scan --site`,
/// `mcp --site`): a plain http(s) origin with an optional path, nothing a link or a SARIF viewer could run or misread
/// (`javascript:alert(1)` was written into SARIF's helpUri and into MCP answers).
enum SiteAddress {
    /// The address without its trailing slashes, as links are built from it (`https://host/` wrote `https://host//…`);
    /// nil when it is not a plain http(s) address.
    static func plain(_ url: String) -> String? {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return isPlain(url) ? url : nil
    }

    static func isPlain(_ url: String) -> Bool {
        let scheme = url.hasPrefix("https://") ? "https://" : (url.hasPrefix("http://") ? "http://" : nil)
        guard let scheme, url.count > scheme.count, url.count <= 200 else { return false }
        return url.allSatisfy { $0.isASCII && !$0.isWhitespace && !"?#\"'<>\\`".contains($0) }
    }

    static let message = "takes an http:// or https:// address without query or fragment, such as https://advisor.example.com"
}
