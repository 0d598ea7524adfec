import CMicroHTTPD

/// An HTTP request as the router sees it: values already percent-decoded by libmicrohttpd and checked as UTF-8.
public struct Request: Sendable {
    public var method: String
    public var path: String
    public var query: [(String, String)]
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String = "GET", path: String, query: [(String, String)] = [], headers: [String: String] = [:],
                body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        // Header names are case-insensitive: keep them lower-case.
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }

    /// The first value of a query parameter.
    public func parameter(_ name: String) -> String? {
        query.first { $0.0 == name }?.1
    }
}

/// An HTTP response. Bodies built once (pages, static files) carry a `Prebuilt` libmicrohttpd response that the
/// server queues again and again instead of copying the bytes for every request.
public struct Response: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    private(set) var reusable: Prebuilt?

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The same response, with a reusable libmicrohttpd response built from it now.
    public func prebuilt() -> Response {
        var copy = self
        copy.reusable = Prebuilt(self)
        return copy
    }

    // MARK: - Kinds of response

    static let securityHeaders: [(String, String)] = [("X-Content-Type-Options", "nosniff")]
    static let htmlHeaders: [(String, String)] = securityHeaders + [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("Referrer-Policy", "no-referrer"),
    ]

    public static func html(_ text: String, status: Int = 200) -> Response {
        Response(status: status, headers: htmlHeaders, body: Array(text.utf8))
    }

    public static func html(_ bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: htmlHeaders, body: bytes)
    }

    public static func json(_ bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: securityHeaders + [("Content-Type", "application/json")], body: bytes)
    }

    public static func text(_ text: String, status: Int = 200) -> Response {
        Response(status: status, headers: securityHeaders + [("Content-Type", "text/plain; charset=utf-8")],
                 body: Array(text.utf8))
    }
}

/// A libmicrohttpd response kept for reuse; MHD reference-counts it while queued, so destroying ours is safe.
final class Prebuilt: @unchecked Sendable {
    let handle: OpaquePointer

    init?(_ response: Response) {
        let created = response.body.withUnsafeBytes { buffer in
            MHD_create_response_from_buffer(buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress),
                                            .RESPMEM_MUST_COPY)
        }
        guard let created else { return nil }
        handle = created
        for (name, value) in response.headers {
            MHD_add_response_header(handle, name, value)
        }
    }

    deinit {
        MHD_destroy_response(handle)
    }
}

/// A user's mistake, caught in one place and rendered as the error page or JSON error the route calls for.
public struct HTTPError: Error, Sendable {
    public let status: Int
    public let code: String
    public let message: String
    public let field: String?
    /// Seconds after which trying again may work (a 503 from a busy or rebuilding index): sent as `Retry-After`.
    public var retryAfter: Int?

    public init(_ status: Int, code: String, _ message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public static func notFound(_ what: String) -> HTTPError { HTTPError(404, code: "not_found", what) }
    public static func badRequest(_ message: String, field: String? = nil) -> HTTPError {
        HTTPError(400, code: "invalid", message, field: field)
    }
}
