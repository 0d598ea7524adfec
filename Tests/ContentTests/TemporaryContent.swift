import Foundation

/// A content directory written for one test and removed with it.
final class TemporaryContent {
    let root: String

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "haiku-content-\(UUID().uuidString)"
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// The checkout these tests run in, for the tests that read the real `content/`.
let repositoryRootForContent: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A guide page with the given body: guides need only the common fields.
func guide(title: String = "A guide", body: String = "Text.", extra: String = "") -> String {
    """
    ---
    title: \(title)
    summary: A short summary.
    updated: "2026-11-21"
    \(extra)---
    \(body)
    """
}
