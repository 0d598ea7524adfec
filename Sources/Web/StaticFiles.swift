import Foundation

/// The files under `public/`, read once into a table keyed by their URL. A request is answered only when its
/// path is a key of that table, so no URL can reach outside `public/` (no path is ever joined onto a folder).
struct StaticFiles: Sendable {
    /// A body built once, with its content-hash validator; also the `.md` twins and llms.txt (MachinePages).
    struct File: Sendable {
        let response: Response
        let etag: String
        /// The 304's headers: the validator and caching the 200 carries.
        private let notModifiedHeaders: [(String, String)]

        /// Built from bytes: the ETag is their hash, the libmicrohttpd response made now.
        init(bytes: [UInt8], contentType: String, cacheControl: String) {
            etag = "\"\(String(StaticFiles.fnv1a(bytes), radix: 16))\""
            let headers = Response.securityHeaders + [("Content-Type", contentType), ("ETag", etag),
                                                      ("Cache-Control", cacheControl)]
            response = Response(status: 200, headers: headers, body: bytes).prebuilt()
            notModifiedHeaders = Response.securityHeaders + [("ETag", etag), ("Cache-Control", cacheControl)]
        }

        /// The file, or 304 when the client's copy (If-None-Match) is current. If-None-Match compares weakly (RFC 9110,
        /// 13.1.2): `W/"abc"` matches `"abc"`, as a cache or proxy that weakened the tag sends it.
        func respond(to request: Request) -> Response {
            // If-Match compares strongly (RFC 9110, 13.1.1): a file whose tag none of them is fails the precondition,
            // 412, where it was served as if unconditional.
            if let validators = request.headers["if-match"], validators.trimmingCharacters(in: .whitespaces) != "*",
               !validators.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
                return Response(status: 412, headers: Response.securityHeaders + [("Content-Type", "text/plain; charset=utf-8"), ("ETag", etag)],
                                body: Array("Precondition failed: this file's ETag is \(etag), which If-Match does not list.\n".utf8))
            }
            if let validators = request.headers["if-none-match"],
               validators == "*" || validators.split(separator: ",").contains(where: { candidate in
                   let tag = candidate.trimmingCharacters(in: .whitespaces)
                   return (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == etag
               }) {
                return Response(status: 304, headers: notModifiedHeaders, body: [])
            }
            return response
        }
    }

    private let files: [String: File]

    init(directory: String) throws(TemplateError) {
        var files: [String: File] = [:]
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw TemplateError(description: "\(directory):1: public directory not found")
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  let data = try? Data(contentsOf: url) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            files["/public/\(relative)"] = File(bytes: [UInt8](data), contentType: Self.contentType(of: relative),
                                                cacheControl: "public, max-age=300")
        }
        self.files = files
    }

    /// The file for a request path, or 304 when the client's copy (If-None-Match) is current.
    func respond(to request: Request) -> Response? {
        guard let file = files[request.path] else { return nil }
        return file.respond(to: request)
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "json": "application/json"
        case "txt": "text/plain; charset=utf-8"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }

    /// A content hash for the ETag: the same bytes give the same validator across restarts.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
