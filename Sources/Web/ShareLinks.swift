import Advisor
import Content

/// Links that last: the base every absolute link is written against, and the content version a share link carries.
///
/// A share link pins `as_of` (today's answer is not tomorrow's: lifecycles move) and carries `content=<version>`,
/// the first twelve hex digits of the content's fingerprint (ContentLibrary.fingerprint, a hash of content/).
/// Opened after the content changed, the page still answers for the pinned day and says that other content runs now:
/// old content is not kept, so a corrected price or rating shows, and the reader is told.
struct ShareLinks: Sendable {
    /// `serve --public-url` (or HAIKU_ADVISOR_PUBLIC_URL), without a trailing slash; nil when not set.
    let publicURL: String?
    /// This content's version.
    let contentVersion: String

    static let versionParameter = "content"
    static let versionLength = 12

    init(publicURL: String?, fingerprint: String) {
        self.publicURL = publicURL
        contentVersion = String(fingerprint.prefix(Self.versionLength))
    }

    /// The base of links on a page: the public URL, else the request's own origin (what the browser used).
    func pageBase(_ request: Request) -> String { publicURL ?? AdvisorViews.origin(request) }

    /// The base of links in exports: the public URL, else none. A file outlives the server it came from, so it never
    /// carries `127.0.0.1`: without a public URL its site links stay paths (`/criteria/volume`), and it says so.
    var exportBase: String { publicURL ?? "" }

    /// The query string of a share link: the answers given, `as_of` pinned to the day judged, and the version.
    func shareQuery(_ answers: Answers, knowledge: Knowledge) -> String {
        let pinned = (try? knowledge.replacing(.asOf, with: answers[.asOf], in: answers)) ?? answers
        let answers = pinned.queryString
        return (answers.isEmpty ? "" : answers + "&") + "\(Self.versionParameter)=\(contentVersion)"
    }

    /// The answers' pairs without `content`, and the version it named.
    /// - Throws: 400 when `content` is not a version (hex digits) or is given twice: hostile or mangled links.
    static func split(_ query: [(String, String)]) throws(HTTPError) -> (answers: [(String, String)], version: String?) {
        let versions = query.filter { $0.0 == versionParameter }.map(\.1)
        guard versions.count <= 1 else {
            throw HTTPError(400, code: "duplicate_answer", "`content` is given twice; a share link carries one content version", field: versionParameter)
        }
        if let version = versions.first, !version.isEmpty {
            guard version.count <= 64, version.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw HTTPError(400, code: "invalid_content_version",
                                "`content` is the content version a share link carries: lower-case hex digits such as 3f2a9c01b7de", field: versionParameter)
            }
        }
        return (query.filter { $0.0 != versionParameter }, versions.first.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The notice a page shows when the link was made with other content; nil when it matches or names none.
    func notice(linkVersion: String?, asOf: String) -> String? {
        guard let linkVersion, !contentVersion.hasPrefix(linkVersion), !linkVersion.hasPrefix(contentVersion) else { return nil }
        return "Other content: this link was made with content version \(linkVersion), and the site now runs "
            + "\(contentVersion). The answer below is for the pinned day, \(asOf), judged with the current content, "
            + "so a price, date or rating corrected since then may differ from what the sender saw."
    }
}
