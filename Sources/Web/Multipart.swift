import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts. Strict: a body that does not follow the format
/// is refused with what was wrong, never guessed at.
struct Multipart {
    struct Part {
        let name: String
        let filename: String?
        let contentType: String?
        let body: ArraySlice<UInt8>
    }

    struct Failure: Error {
        let message: String
    }

    let parts: [Part]

    /// The boundary of a `multipart/form-data` content type, or nil when the type is another one.
    static func boundary(ofContentType type: String) -> String? {
        let pieces = type.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = pieces.first, kind.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = piece.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            // RFC 2046: 1 to 70 characters.
            return value.isEmpty || value.count > 70 ? nil : String(value)
        }
        return nil
    }

    /// Whether a Content-Type names multipart/form-data, with or without a usable boundary (a missing one is the
    /// upload's error to report, not a reason to read the body as something else).
    static func isFormData(_ type: String?) -> Bool {
        guard let type else { return false }
        let kind = type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return kind.lowercased() == "multipart/form-data"
    }

    /// At most this many parts: the form has a file and a few answers.
    static let maxParts = 64

    init(body: [UInt8], boundary: String) throws(Failure) {
        let delimiter = Array("--\(boundary)".utf8)
        guard var at = Self.find(delimiter, in: body, from: 0) else {
            throw Failure(message: "the body does not contain the boundary its Content-Type announces")
        }
        var parts: [Part] = []
        while true {
            at += delimiter.count
            // `--` after a delimiter closes the body.
            if body.count >= at + 2, body[at] == UInt8(ascii: "-"), body[at + 1] == UInt8(ascii: "-") { break }
            guard body.count >= at + 2, body[at] == 13, body[at + 1] == 10 else {
                throw Failure(message: "a boundary is not followed by a line break")
            }
            at += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: at) else {
                throw Failure(message: "a part's headers never end (no blank line)")
            }
            let headers = String(decoding: body[at..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = Self.find([13, 10] + delimiter, in: body, from: contentStart) else {
                throw Failure(message: "the body ends before its closing boundary (was the upload cut short?)")
            }
            parts.append(try Self.part(headers: headers, body: body[contentStart..<next]))
            guard parts.count <= Self.maxParts else { throw Failure(message: "more than \(Self.maxParts) parts") }
            at = next + 2
        }
        self.parts = parts
    }

    private static func part(headers: String, body: ArraySlice<UInt8>) throws(Failure) -> Part {
        var name: String? = nil, filename: String? = nil, contentType: String? = nil
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(message: "a part header has no colon") }
            let field = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if field == "content-type" { contentType = value }
            guard field == "content-disposition" else { continue }
            for (key, text) in parameters(of: value) {
                switch key {
                case "name": name = text
                case "filename": filename = text
                default: break
                }
            }
        }
        guard let name else { throw Failure(message: "a part has no Content-Disposition name") }
        return Part(name: name, filename: filename, contentType: contentType, body: body)
    }

    /// The `key=value` parameters after a header's first value (`form-data; name="usage"; filename="a;b.csv"`), keys
    /// lower-cased, a quoted value read as a quoted string (RFC 7578 §4.2, RFC 9110 §5.6.4): a `;` inside quotes is
    /// text, and a backslash escapes a quote or a backslash. Splitting on every `;` made `filename="report;v2.csv"` read
    /// as `"report`, and `name="usage; x"` as no file at all. Before any other character a backslash is the character
    /// itself: older browsers send a Windows path as it is (`C:\Users\me\u.csv` read as `C:Usersmeu.csv`).
    static func parameters(of value: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var chars = value.makeIterator()
        // Skip the disposition itself (`form-data`).
        while let c = chars.next(), c != ";" {}
        var key = "", text = "", inKey = true, quoted = false, wasQuoted = false
        func finish() {
            let k = key.trimmingCharacters(in: .whitespaces).lowercased()
            if !k.isEmpty, !inKey { result.append((k, wasQuoted ? text : text.trimmingCharacters(in: .whitespaces))) }
            (key, text, inKey, quoted, wasQuoted) = ("", "", true, false, false)
        }
        while let c = chars.next() {
            if quoted {
                if c == "\\" {
                    guard let next = chars.next() else { text.append(c); break }
                    if next != "\"" && next != "\\" { text.append(c) }
                    text.append(next)
                } else if c == "\"" { quoted = false } else { text.append(c) }
            } else if c == ";" {
                finish()
            } else if inKey {
                if c == "=" { inKey = false } else { key.append(c) }
            } else if c == "\"", text.trimmingCharacters(in: .whitespaces).isEmpty, !wasQuoted {
                (text, quoted, wasQuoted) = ("", true, true)
            } else if !wasQuoted {
                text.append(c)
            }
        }
        finish()
        return result
    }

    /// The first position of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
