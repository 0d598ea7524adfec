import Foundation
import Synchronization

/// A page's front matter as the index file keeps it (JSON), decoded on first use: a start on a current index
/// needs only the title, summary and order of most pages, and decoding 10,000 front matters took a fifth of it.
/// Only the pages a request or the engine looks at are decoded (the models, criteria and failure modes at start).
final class StoredFrontMatter: @unchecked Sendable {
    private let json: String
    private let title: String, summary: String, order: Int?
    /// Inside the object: an NSLock would be two more heap blocks per page.
    private let decoded = Mutex<FrontMatter?>(nil)

    init(json: String, title: String, summary: String, order: Int?) {
        self.json = json
        self.title = title
        self.summary = summary
        self.order = order
    }

    var value: FrontMatter {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            let value = decode()
            decoded = value
            return value
        }
    }

    /// Whether the decoded value is kept (what the server holds per page).
    var isKept: Bool { decoded.withLock { $0 != nil } }

    /// The value, decoded again where it has not been kept, and not kept.
    var peek: FrontMatter { decoded.withLock { $0 } ?? decode() }

    /// The JSON was written from a checked front matter by this very schema in a file that passed its integrity
    /// check: failing to read it back means damage inside a record, which leaves the page its title, summary and
    /// order rather than failing the request.
    private func decode() -> FrontMatter {
        (try? JSONDecoder().decode(FrontMatter.self, from: Data(json.utf8)))
            ?? FrontMatter(title: title, summary: summary, updated: "", order: order)
    }
}
