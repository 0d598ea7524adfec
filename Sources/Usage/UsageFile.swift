import Foundation

/// Reads a usage file of any supported format, recognised by its content (not its name or content type, which
/// uploads do not reliably carry).
public enum UsageFile {
    /// Largest file read: a month of 1-minute buckets from Anthropic's report, pretty-printed, is about 20 MB.
    public static let maxBytes = 32 * 1024 * 1024

    /// A usage export on disk, refused before it is read when it is over `maxBytes` (the command line and the MCP
    /// tool; the web reads its upload from the request).
    public static func contents(atPath path: String) throws(UsageError) -> [UInt8] {
        // Why, as the shell would say it: "cannot read it" left a missing file, a directory and a device alike.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError("the file", "cannot read it: no such file")
        }
        guard !isDirectory.boolValue else { throw UsageError("the file", "cannot read it: a directory, not a file") }
        // A link is read as the file it names.
        let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw UsageError("the file", "cannot read it: not a regular file (a device, pipe or socket); save the export to a file first")
        }
        let unreadable = UsageError("the file", "cannot read it: not readable (check its permissions)")
        guard let size = attributes?[.size] as? Int else { throw unreadable }
        guard size <= maxBytes else { throw UsageError("the file", "larger than \(maxBytes / 1024 / 1024) MiB; export a shorter period") }
        guard let data = FileManager.default.contents(atPath: path) else { throw unreadable }
        return [UInt8](data)
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence (0 when none is found).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  bytes[(i + 1)..<(i + length)].allSatisfy({ $0 >> 6 == 0b10 }) else { return i }
            i += length
        }
        return 0
    }

    /// A UTF-16 byte-order mark (FF FE or FE FF), or a start of text with a NUL in one byte of at least three pairs in
    /// four (text, mostly ASCII, with a letter like `ä` here and there) and never in the other.
    static func looksUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return true }
        let head = bytes.prefix(128)
        guard head.count >= 8 else { return false }
        let pairs = stride(from: head.startIndex, to: head.endIndex - 1, by: 2).map { (head[$0], head[$0 + 1]) }
        func mostly(_ zero: (UInt8, UInt8) -> Bool, _ other: (UInt8, UInt8) -> UInt8) -> Bool {
            pairs.filter(zero).count * 4 >= pairs.count * 3 && pairs.allSatisfy { other($0.0, $0.1) != 0 }
        }
        return mostly({ $0 == 0 && $1 != 0 }, { $1 }) || mostly({ $1 == 0 && $0 != 0 }, { a, _ in a })
    }

    /// - Throws: `UsageError` naming the line or JSON path and what was expected there.
    public static func read(_ bytes: [UInt8]) throws(UsageError) -> UsageReading {
        guard bytes.count <= maxBytes else {
            throw UsageError("the file", "larger than \(maxBytes / 1024 / 1024) MiB; export a shorter period")
        }
        // UTF-16 (a spreadsheet's "Unicode text" export) is text a person re-saves, not a binary file: its byte-order
        // mark, or a NUL beside every ASCII byte of its first line.
        if Self.looksUTF16(bytes) {
            // JSON in UTF-16 comes from a shell's redirection (PowerShell 5.1's `>`), not from a spreadsheet.
            let first = bytes.drop { $0 == 0 || $0 == 0xFF || $0 == 0xFE || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }.first
            let how = first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? "" : " (in Excel, \"CSV UTF-8\")"
            throw UsageError("the file", "UTF-16 text, not UTF-8: save the export as UTF-8\(how) and upload it again")
        }
        guard !bytes.contains(0) else {
            throw UsageError("the file", "a binary file, not a usage report: expected JSON (Anthropic or OpenAI usage API, "
                             + "OTLP spans) or CSV text")
        }
        // Text in another encoding (a Latin-1 CSV from a spreadsheet) is not a binary file: say which it is.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw UsageError("byte \(Self.firstInvalidUTF8(bytes) + 1)",
                             "not UTF-8 text: save the export as UTF-8 (JSON or CSV) and upload it again")
        }
        let body = bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard let first = body.first else { throw UsageError("the file", "empty: expected a usage report") }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            // A JSON value that is not an object (`null`, a number) was read as a CSV with no header.
            if (try? JSONNode.parse(Array(body))) != nil {
                throw UsageError("the file", "JSON, but not a usage report: expected an object with `data` (Anthropic "
                                 + "or OpenAI usage API) or `resourceSpans` (OTLP/JSON spans)")
            }
            return try UsageCSVReader.read(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        let documents = try jsonDocuments(Array(body))
        let sample = firstPage(documents[0])
        if sample.member("resourceSpans") != nil || sample.member("resource_spans") != nil {
            return try OTLPSpanReader.read(documents)
        }
        guard documents.count == 1 else {
            throw UsageError("line 2", "expected one JSON document; JSON Lines are read only for OTLP spans")
        }
        let bucket = sample.member("data").flatMap { data -> JSONNode? in
            guard case .array(let items) = data.value, let first = items.first else { return nil }
            return JSONNode(value: first, path: data.path + "[0]")
        }
        if bucket?.member("starting_at") != nil { return try AnthropicUsageReader.read(documents[0]) }
        if bucket?.member("start_time") != nil || sample.member("object").map({ $0.value == .string("page") }) == true {
            return try OpenAIUsageReader.read(documents[0])
        }
        if sample.member("data") != nil {
            throw UsageError(sample.path + ".data", "expected usage buckets with `starting_at` (Anthropic) or `start_time` (OpenAI)")
        }
        throw UsageError(sample.path, "not a usage report: expected `data` (Anthropic or OpenAI usage API) or "
                         + "`resourceSpans` (OTLP/JSON spans)")
    }

    /// One JSON document, or JSON Lines (one document per line).
    private static func jsonDocuments(_ bytes: [UInt8]) throws(UsageError) -> [JSONNode] {
        do throws(UsageError) {
            return [try JSONNode.parse(bytes)]
        } catch let whole {
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard lines.count > 1, (try? JSONNode.parse(Array(lines[0]))) != nil else { throw whole }
            var documents: [JSONNode] = []
            for (n, line) in lines.enumerated() where line.contains(where: { $0 > 0x20 }) {
                do throws(UsageError) {
                    let node = try JSONNode.parse(Array(line))
                    documents.append(JSONNode(value: node.value, path: "line \(n + 1): $"))
                } catch {
                    throw UsageError("line \(n + 1)", error.message)
                }
            }
            return documents
        }
    }

    /// The first page of an array of pages, or the document itself.
    private static func firstPage(_ document: JSONNode) -> JSONNode {
        if case .array(let items) = document.value, let first = items.first {
            return JSONNode(value: first, path: document.path + "[0]")
        }
        return document
    }
}
