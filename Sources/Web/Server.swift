import CMicroHTTPD
import Foundation
import Synchronization

/// Limits that protect the server from clients that hold connections or memory.
public struct ServerLimits: Sendable {
    /// Worker threads: twice the cores, at least four, so that a few slow requests cannot hold every thread.
    /// Search runs on at most `threads - 1` of them at once (`searchConnections`): one is always left for pages.
    public var threads = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
    /// Connections held at once, and from one address. Every local client shares 127.0.0.1, so the address's share is
    /// what one local client can take from the others: 200 slow connections locked every other local user out (the
    /// deadlines below bound how long each is held). Start-up raises the open-file limit to fit (`raiseFileLimit`).
    public var connections: UInt32 = 2_000
    public var connectionsPerIP: UInt32 = 1_000
    public var timeoutSeconds: UInt32 = 15
    /// How long a connection may take to send a request's headers, from its accept or its last answer; and its body,
    /// from the headers (shim.h, `ha_watcher`). MHD's own timeout counts only silence, so a client trickling a byte
    /// every few seconds held its connection for hours. Over `timeoutSeconds`, so that MHD closes idle keep-alive
    /// connections first; the body's allows a 32 MiB upload at about 300 KB/s.
    public var headerSeconds = 20.0
    public var bodySeconds = 120.0
    /// The body deadline of a request whose body may be at most `maxBodyBytes` (every one but an upload): 64 KiB
    /// arrives in milliseconds, and at `bodySeconds` 1,000 clients each trickling a byte every 5 s held every
    /// connection for two minutes at a time. An upload that falls under `minUploadBytesPerSecond` gets this long
    /// again to finish and hear its 408, then is cut.
    public var smallBodySeconds = 10.0
    /// Per connection; also caps the request line and headers (a 7 KiB link with 256 parameters and 20 KB of
    /// headers fit).
    /// Not larger: libmicrohttpd 0.9.75 zeroes the whole pool after every request (MHD_pool_reset), and at 128 KiB
    /// that memset was a fifth of the server's time on a static page.
    public var memoryPerConnection = 64 * 1024
    /// Longest request target (path and query) answered; longer ones, or ones with more query parameters than
    /// `maxQueryParameters`, get 414 at once (see `refuseOversizedURI`).
    public var maxURIBytes = 8 * 1024
    public var maxQueryParameters = 256
    public var maxBodyBytes = 64 * 1024
    /// A usage file uploaded to `POST /assess`, or as multipart/form-data to `POST /api/assess` (UsageViews.swift),
    /// may be larger: a month of 1-minute buckets. A JSON body to the API keeps the interface's 64 KiB.
    public var maxUploadBytes = 32 * 1024 * 1024
    /// After `uploadGraceSeconds`, an upload averaging fewer bytes a second than `minUploadBytesPerSecond` gives its
    /// place among the uploads being received back (`RequestState.mayKeep`): four clients sending a byte every 10 s
    /// held all four places for the 120 s body deadline, and every import was refused 503. A local upload arrives
    /// thousands of times faster.
    public var uploadGraceSeconds = 10.0
    public var minUploadBytesPerSecond = 16 * 1024
    public static let uploadPath = "/assess"
    public static let apiUploadPath = "/api/assess"

    /// The most body bytes a request to `path` with this Content-Type may send.
    public func bodyLimit(for path: String, contentType: String?) -> Int {
        if path == Self.uploadPath { return maxUploadBytes }
        if path == Self.apiUploadPath, Multipart.isFormData(contentType) { return maxUploadBytes }
        return maxBodyBytes
    }

    public init() {}

    /// Searches that may run at once: every worker but one.
    public var searchConnections: Int { max(1, threads - 1) }
}

public enum ServerError: Error, CustomStringConvertible {
    case cannotStart(host: String, port: UInt16)

    public var description: String {
        switch self {
        case .cannotStart(let host, let port):
            "cannot listen on \(host):\(port) (is the port in use, or the host not an IPv4 address of this machine?)"
        }
    }
}

/// The libmicrohttpd server: epoll with a thread pool, answering from the current `Site`. The site can be
/// swapped while serving (`--watch`); requests in flight finish on the generation they started with.
public final class Server: Sendable {
    private let current: Mutex<Router>
    let limits: ServerLimits
    private let daemon: Mutex<Daemon?> = Mutex(nil)
    /// Requests whose request line has arrived and whose answer is not yet sent (what shutdown waits for).
    public let inFlight = Atomic<Int>(0)
    /// Connections that ended before their answer was sent (client gone, reset, timed out): counted, not logged.
    public let aborted = Atomic<Int>(0)

    public init(site: Site, limits: ServerLimits = ServerLimits()) {
        current = Mutex(Router(site: site))
        self.limits = limits
    }

    public var router: Router { current.withLock { $0 } }

    public func replace(site: Site) {
        current.withLock { $0 = Router(site: site) }
    }

    /// Starts listening. - Returns: the bound port (the one chosen when `port` is 0).
    public func start(host: String, port: UInt16) throws(ServerError) -> UInt16 {
        let cls = Unmanaged.passUnretained(self).toOpaque()
        // SIGPIPE from a client that hung up must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        Self.raiseFileLimit(toHold: Int(limits.connections))
        guard let watcher = ha_watcher_start(limits.headerSeconds, limits.bodySeconds) else {
            throw .cannotStart(host: host, port: port)
        }
        let started = ha_start_daemon(host, port, UInt32(limits.threads), limits.connections, limits.connectionsPerIP,
                                      limits.timeoutSeconds, limits.memoryPerConnection,
                                      handleRequest, cls, requestCompleted, cls, refuseOversizedURI, cls, logMessage, cls,
                                      watcher)
        guard let started else {
            ha_watcher_stop(watcher)
            throw .cannotStart(host: host, port: port)
        }
        daemon.withLock { $0 = Daemon(handle: started, watcher: watcher) }
        return ha_daemon_port(started)
    }

    /// Raises the soft limit on open files, as far as the hard limit allows, to hold `connections` sockets and the
    /// files the server itself keeps open: at Debian's usual 1,024, accept() would fail before the cap is reached.
    static func raiseFileLimit(toHold connections: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let wanted = rlim_t(connections + 256)
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Closes the listening socket, so new connections are refused at once; requests in flight go on. Safe to call
    /// more than once (`stop` calls it too).
    public func stopAccepting() {
        daemon.withLock { value in
            guard let running = value, !quiesced else { return }
            let socket = MHD_quiesce_daemon(running.handle)
            if socket >= 0 { close(socket) }
            quiesced = true
        }
    }

    /// Set once the listening socket is closed (guarded by `daemon`'s lock).
    nonisolated(unsafe) private var quiesced = false

    /// Stops accepting at once (the listening socket is closed, so new connections are refused rather than left
    /// waiting), lets the requests in flight finish until `deadline`, then closes every connection and frees the
    /// daemon. The server must outlive this call.
    /// - Returns: how many requests were still in flight at the deadline (cut short).
    @discardableResult
    public func stop(deadline: Duration = .zero) -> Int {
        stopAccepting()
        guard let running = daemon.withLock({ value -> Daemon? in defer { value = nil }; return value }) else { return 0 }
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while inFlight.load(ordering: .acquiring) > 0 && clock.now < end {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let cut = max(0, inFlight.load(ordering: .acquiring))
        // Joins the worker threads: a handler still running ends within the search budget.
        MHD_stop_daemon(running.handle)
        ha_watcher_stop(running.watcher)
        return cut
    }

    deinit {
        stop()
    }

    // MARK: - Request handling (called on MHD's threads)

    /// What is wrong with how a request says where its body ends, or nil: more than one Content-Length or
    /// Transfer-Encoding, both together, a Transfer-Encoding from an HTTP/1.0 client or other than chunked (the one
    /// coding HTTP/1.1 servers must read, and the one MHD reads), or white space between a header's name and its colon;
    /// or which host it is for: a request after HTTP/1.0 without a Host header, or any with two.
    /// Any of these lets two readers of the request (a proxy in front, and MHD) find its end in different places, the
    /// shape of request smuggling: RFC 9112 §5.1, §6.1 and §6.3 say to answer 400 and close the connection. Asked of
    /// every request, so one walk of the headers in C and no copy.
    static func framingProblem(_ connection: OpaquePointer, version: UnsafePointer<CChar>?) -> String? {
        let framing = ha_framing_of(connection)
        if framing.spaced_name != 0 {
            return "A header has white space between its name and the colon: remove it."
        }
        if framing.content_length > 1 {
            return "The request has more than one Content-Length header: send one."
        }
        // Which site a request is for (RFC 9112 §3.2): an HTTP/1.1 request names exactly one host.
        if framing.host > 1 {
            return "The request has more than one Host header: send one."
        }
        // Any version but 1.0: MHD answers HTTP/1.2 as HTTP/1.1.
        if framing.host == 0, let version, strcmp(version, "HTTP/1.0") != 0 {
            return "An HTTP/1.1 request must send a Host header."
        }
        guard framing.transfer_encoding > 0 else { return nil }
        if framing.transfer_encoding > 1 {
            return "The request has more than one Transfer-Encoding header: send one, chunked."
        }
        if framing.content_length > 0 {
            return "The request has both a Content-Length and a Transfer-Encoding header: send one of them."
        }
        if let version, strcmp(version, "HTTP/1.0") == 0 {
            return "An HTTP/1.0 request cannot send a Transfer-Encoding: send the body with a Content-Length."
        }
        if let value = MHD_lookup_connection_value(connection, .HEADER_KIND, "Transfer-Encoding") {
            // As MHD reads it: `chunked` and nothing else, white space after it included (MHD does not take
            // `chunked ` as chunked, and the request waited 15 s for a body it never framed).
            let coding = String(cString: value)
            if coding.lowercased() != "chunked" {
                return "Transfer-Encoding `\(coding.prefix(40))` is not read here: send the body with a Content-Length, or chunked."
            }
        }
        return nil
    }

    /// The path of a request target in absolute form (`http://host:8080/models/`, RFC 9112 §3.2.2, as a proxy sends
    /// it; a server must accept it) is the part after the authority; any other target is its own path. Routes, body
    /// limits and error kinds all read the path, so it is taken here once.
    static func originPath(_ target: String) -> String {
        // Nearly every request: no copy.
        if target.utf8.first == UInt8(ascii: "/") { return target }
        let lower = target.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return target }
        let afterScheme = target[target.index(target.startIndex, offsetBy: lower.hasPrefix("http://") ? 7 : 8)...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
        return String(afterScheme[slash...])
    }

    /// The request's Content-Type header, which decides how large its body may be.
    static func contentType(of connection: OpaquePointer) -> String? {
        MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Type").map { String(cString: $0) }
    }

    fileprivate func handle(connection: OpaquePointer, url: String, method: String, state: RequestState) -> MHD_Result {
        // The request is in: the receive deadlines stop here, not when the answer is queued (a 32 MiB upload that
        // arrived in time was cut while it was being read); a slow reader of the answer is MHD's idle timeout's.
        ha_watch_phase(connection, Int32(HA_ANSWERING))
        // An upload's place among those held in memory, and its body, go once it is answered, not when the answer
        // has been sent (a client that reads slowly held them).
        defer { state.finish() }
        let router = self.router
        let isAPI = url.hasPrefix("/api/")
        // The upload form's own refusals come back on the questionnaire, with the form to send the file again. A
        // nested function, not a closure value: this runs for every request.
        func reject(_ error: HTTPError) -> Response {
            !isAPI && url == ServerLimits.uploadPath && error.field == "usage" ? router.rejectUpload(error) : router.reject(error, api: isAPI)
        }
        if let problem = state.framing {
            return queue(router.reject(.badRequest(problem), api: isAPI), on: connection)
        }
        if state.uploadTooSlow {
            let slow = HTTPError(408, code: "upload_too_slow", "The upload arrived at under \(limits.minUploadBytesPerSecond / 1024) KiB a "
                                 + "second, so it gave its place to others: send the file again.", field: "usage")
            return queue(reject(slow), on: connection)
        }
        if state.uploadRefused {
            let busy = HTTPError(503, code: "usage_busy", ImportGate.busyMessage, field: "usage", retryAfter: ImportGate.retryAfter)
            return queue(reject(busy), on: connection)
        }
        if state.tooLarge {
            let limit = state.bodyLimit ?? limits.bodyLimit(for: url, contentType: Self.contentType(of: connection))
            let size = limit >= 1024 * 1024 ? "\(limit / 1024 / 1024) MiB" : "\(limit / 1024) KiB"
            let tooLarge = HTTPError(413, code: "too_large", "The request body is larger than \(size).",
                                     field: url == ServerLimits.uploadPath ? "usage" : nil)
            return queue(reject(tooLarge), on: connection)
        }
        let query = QueryCollector()
        MHD_get_connection_values_n(connection, .GET_ARGUMENT_KIND, collectValue, Unmanaged.passUnretained(query).toOpaque())
        if let field = query.invalidField {
            return queue(router.reject(.badRequest("`\(field)` is not valid UTF-8 text.", field: field), api: isAPI), on: connection)
        }
        var headers: [String: String] = [:]
        for name in ["If-None-Match", "If-Match", "Content-Type", "Accept", "Host"] {
            if let value = MHD_lookup_connection_value(connection, .HEADER_KIND, name) {
                headers[name] = String(cString: value)
            }
        }
        let request = Request(method: method, path: url, query: query.pairs, headers: headers, body: state.body)
        return queue(router.respond(to: request), on: connection)
    }

    private func queue(_ response: Response, on connection: OpaquePointer) -> MHD_Result {
        if let prebuilt = response.reusable {
            return MHD_queue_response(connection, UInt32(response.status), prebuilt.handle)
        }
        guard let built = Prebuilt(response) else { return .NO }
        return MHD_queue_response(connection, UInt32(response.status), built.handle)
    }
}

/// The running daemon; only `start` and `stop` touch it, under the server's lock.
final class Daemon: @unchecked Sendable {
    let handle: OpaquePointer
    /// The deadlines' sweeper (shim.h), stopped after the daemon.
    let watcher: UnsafeMutablePointer<ha_watcher>

    init(handle: OpaquePointer, watcher: UnsafeMutablePointer<ha_watcher>) {
        self.handle = handle
        self.watcher = watcher
    }
}

/// What one request accumulates across libmicrohttpd's calls: its body and whether it overflowed.
final class RequestState {
    var body: [UInt8] = []
    var tooLarge = false
    /// An upload (a body allowed past `maxBodyBytes`) holding one of `ImportGate.receiving`'s places, given back when
    /// the request ends; or refused one, its body dropped and its answer 503.
    private(set) var holdsUploadPlace = false
    private(set) var uploadRefused = false
    /// The upload gave its place back for arriving slower than `minUploadBytesPerSecond`.
    private(set) var uploadTooSlow = false
    private var uploadStart: ContinuousClock.Instant?
    private var uploadBytes = 0

    /// Whether a chunk of `bytes` of this request's body may be kept: always for an ordinary body; for an upload, once
    /// it holds a place among the uploads being received (taken with its first chunk) and keeps arriving fast enough.
    func mayKeep(_ server: Server, limit: Int, adding bytes: Int) -> Bool {
        guard limit > server.limits.maxBodyBytes else { return true }
        guard !holdsUploadPlace else {
            uploadBytes += bytes
            let seconds = (ContinuousClock.now - (uploadStart ?? .now)) / .seconds(1)
            // The grace is credited: an upload that paused at first and then came at full speed was cut.
            let grace = server.limits.uploadGraceSeconds
            guard seconds > grace, Double(uploadBytes) < Double(server.limits.minUploadBytesPerSecond) * (seconds - grace)
            else { return true }
            finish()
            uploadTooSlow = true
            uploadRefused = true
            return false
        }
        guard !uploadRefused, ImportGate.receiving.enter() else {
            uploadRefused = true
            body = []
            return false
        }
        holdsUploadPlace = true
        uploadStart = .now
        uploadBytes = bytes
        return true
    }

    /// The request has its answer: its body and its upload place are no longer needed.
    func finish() {
        body = []
        if holdsUploadPlace {
            holdsUploadPlace = false
            ImportGate.receiving.leave()
        }
    }

    deinit { finish() }
    /// Why the request's framing is refused (`Server.framingProblem`), decided on its first call.
    var framing: String?
    /// The most body bytes this request may send, decided once (from its path and Content-Type) when a body is
    /// first announced or arrives; nil for the requests that send none, which are most.
    private(set) var bodyLimit: Int?

    func bodyLimit(_ server: Server, connection: OpaquePointer, url: UnsafePointer<CChar>) -> Int {
        if let bodyLimit { return bodyLimit }
        let limit = server.limits.bodyLimit(for: Server.originPath(String(cString: url)),
                                            contentType: Server.contentType(of: connection))
        bodyLimit = limit
        return limit
    }
}

/// Collects decoded query parameters; a value that is not UTF-8 is reported rather than silently replaced.
final class QueryCollector {
    var pairs: [(String, String)] = []
    var invalidField: String?
}

private func collectValue(_ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
                          _ keySize: Int, _ value: UnsafePointer<CChar>?, _ valueSize: Int) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<QueryCollector>.fromOpaque(cls).takeUnretainedValue()
    let keyBytes = UnsafeRawBufferPointer(start: key, count: keySize)
    let valueBytes = value.map { UnsafeRawBufferPointer(start: $0, count: valueSize) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
    guard let name = String(validating: keyBytes, as: UTF8.self) else {
        collector.invalidField = String(decoding: keyBytes, as: UTF8.self)
        return .NO
    }
    guard let text = String(validating: valueBytes, as: UTF8.self) else {
        collector.invalidField = name
        return .NO
    }
    collector.pairs.append((name, text))
    return .YES
}

/// MHD calls this for the headers, each body chunk, then once more: the response is queued on that last call,
/// never the first, so that keep-alive survives (answering on the first call makes MHD close the connection);
/// the one exception is a body over the limit that the client asks leave to send.
private func handleRequest(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
                           _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?,
                           _ uploadData: UnsafePointer<CChar>?, _ uploadSize: UnsafeMutablePointer<Int>?,
                           _ context: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result {
    guard let cls, let connection, let url, let method, let context else { return .NO }
    let server = Unmanaged<Server>.fromOpaque(cls).takeUnretainedValue()
    guard let stored = context.pointee else {
        let state = RequestState()
        context.pointee = Unmanaged.passRetained(state).toOpaque()
        // The headers are in: from now the body's deadline runs, short for anything but an upload.
        // (Only a POST may upload: a GET's limit is not worked out for every page.)
        let mayUpload = strcmp(method, "POST") == 0 && state.bodyLimit(server, connection: connection, url: url) > server.limits.maxBodyBytes
        ha_watch_body(connection, mayUpload ? server.limits.bodySeconds : server.limits.smallBodySeconds)
        // Framing that two readers of the request could take differently is refused before any body is read, and the
        // connection closes (answering on the first call does that): two Content-Length headers were accepted, the
        // first winning, and a Transfer-Encoding other than chunked left the client waiting 15 s for nothing.
        // Whatever the path holds: a path that is not UTF-8 (`/x%FF`) skipped these checks, and every smuggling shape
        // was read again. The refusal reads the path only for whether it is under /api/, so a lossy copy will do,
        // made only for a refusal (not for every request).
        func anyPath() -> String {
            Server.originPath(String(decoding: UnsafeRawBufferPointer(start: url, count: strlen(url)), as: UTF8.self))
        }
        if let problem = Server.framingProblem(connection, version: version) {
            state.framing = problem
            return server.handle(connection: connection, url: anyPath(), method: String(cString: method), state: state)
        }
        // A client that asks before it sends (`Expect: 100-continue`, as curl does for large bodies) and declares a
        // body over the limit is refused now: it learns at once and sends nothing. Answering on the first call
        // closes the connection. Without that header the body is already on its way, and closing on it would make
        // the kernel reset the connection, so a browser would show a reset instead of the 413 page: it is read and
        // dropped, and the 413 comes on the final call.
        if let expect = MHD_lookup_connection_value(connection, .HEADER_KIND, "Expect"),
           String(cString: expect).lowercased() == "100-continue",
           let declared = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length").map({ String(cString: $0) }),
           let length = Int(declared) ?? (!declared.isEmpty && declared.utf8.allSatisfy { (48...57).contains($0) } ? Int.max : nil),
           length > state.bodyLimit(server, connection: connection, url: url) {
            state.tooLarge = true
            return server.handle(connection: connection, url: anyPath(), method: String(cString: method), state: state)
        }
        return .YES
    }
    let state = Unmanaged<RequestState>.fromOpaque(stored).takeUnretainedValue()
    if let uploadSize, uploadSize.pointee > 0 {
        let limit = state.bodyLimit(server, connection: connection, url: url)
        let wasTooSlow = state.uploadTooSlow
        if !state.mayKeep(server, limit: limit, adding: uploadSize.pointee) {
            // Too many uploads held at once, or this one too slow: it is read and dropped, and answered 503 or 408 on
            // the final call. Too slow, it has `smallBodySeconds` more to end and hear why, not the rest of its 120 s.
            if state.uploadTooSlow && !wasTooSlow { ha_watch_body(connection, server.limits.smallBodySeconds) }
        } else if !state.tooLarge, let uploadData, state.body.count + uploadSize.pointee <= limit {
            state.body.append(contentsOf: UnsafeRawBufferPointer(start: uploadData, count: uploadSize.pointee))
        } else {
            // Over the limit: drop the rest and answer 413 on the final call.
            state.tooLarge = true
            state.body = []
        }
        uploadSize.pointee = 0
        return .YES
    }
    guard let path = String(validating: UnsafeRawBufferPointer(start: url, count: strlen(url)), as: UTF8.self) else {
        return server.rejectUndecodablePath(connection, api: strncmp(url, "/api/", 5) == 0)
    }
    return server.handle(connection: connection, url: Server.originPath(path), method: String(cString: method), state: state)
}

/// Called by MHD with the request target before it parses the query. libmicrohttpd 0.9.75 stores every query
/// parameter in the connection's memory pool; thousands of them exhaust it, and MHD then neither answers nor closes
/// until the connection times out. So an oversized target is answered here, on the raw socket, with 414 and
/// `Connection: close`, and the socket is shut down so MHD drops the connection at once.
private func refuseOversizedURI(_ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?,
                                _ connection: OpaquePointer?) -> UnsafeMutableRawPointer? {
    guard let cls, let uri, let connection else { return nil }
    let server = Unmanaged<Server>.fromOpaque(cls).takeUnretainedValue()
    // Called once per request, with its request line: from here until `requestCompleted` it is in flight.
    server.inFlight.add(1, ordering: .relaxed)
    let length = strlen(uri)
    var parameters = 0
    if length <= server.limits.maxURIBytes {
        var p = uri
        while p.pointee != 0 {
            if p.pointee == CChar(UInt8(ascii: "&")) || p.pointee == CChar(UInt8(ascii: ";")) { parameters += 1 }
            p += 1
        }
        if parameters < server.limits.maxQueryParameters { return nil }
    }
    let fd = ha_connection_fd(connection)
    guard fd >= 0 else { return nil }
    // The shut-down socket ends this request with an error; it was refused, not aborted by its client.
    server.aborted.subtract(1, ordering: .relaxed)
    let isAPI = strncmp(uri, "/api/", 5) == 0
    let message = "The address is too long: at most \(server.limits.maxURIBytes / 1024) KiB and "
        + "\(server.limits.maxQueryParameters) query parameters."
    let body = isAPI
        ? #"{"error":{"code":"uri_too_long","field":null,"message":"\#(message)"}}"#
        : "<!doctype html><html lang=\"en\"><title>Address too long</title><h1>414 Address too long</h1><p>\(message)</p></html>"
    let headers = isAPI ? Response.securityHeaders + [("Content-Type", "application/json")] : Response.htmlHeaders
    let head = "HTTP/1.1 414 URI Too Long\r\n" + headers.map { "\($0.0): \($0.1)\r\n" }.joined()
        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
    let bytes = Array((head + body).utf8)
    _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    shutdown(fd, Int32(SHUT_RDWR))
    return nil
}

private func requestCompleted(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                              _ context: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                              _ reason: MHD_RequestTerminationCode) {
    // The connection waits for its next request: the header deadline runs again.
    if let connection { ha_watch_phase(connection, Int32(HA_WAITING)) }
    if let cls {
        let server = Unmanaged<Server>.fromOpaque(cls).takeUnretainedValue()
        server.inFlight.subtract(1, ordering: .releasing)
        // 0: MHD_REQUEST_TERMINATED_COMPLETED_OK, 3: MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN (counted by `stop`).
        if reason.rawValue != 0 && reason.rawValue != 3 {
            server.aborted.add(1, ordering: .relaxed)
        }
    }
    guard let context, let stored = context.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(stored).release()
    context.pointee = nil
}

extension Server {
    /// - Parameter api: whether the raw path starts with `/api/`, whose errors are JSON (README.md, "Limits and failure behaviour").
    fileprivate func rejectUndecodablePath(_ connection: OpaquePointer, api: Bool) -> MHD_Result {
        ha_watch_phase(connection, Int32(HA_ANSWERING))
        return queue(router.reject(.badRequest("The address is not valid UTF-8 text."), api: api), on: connection)
    }
}

/// libmicrohttpd's own messages. Those about one client's connection (reset, gone, timed out) are what thousands
/// of aborted clients produce: they are counted in `aborted` (see `requestCompleted`) and not printed one per line;
/// anything else goes to stderr.
private func logMessage(_ cls: UnsafeMutableRawPointer?, _ format: UnsafePointer<CChar>?, _ arguments: CVaListPointer?) {
    guard let format, let arguments else { return }
    var buffer = [CChar](repeating: 0, count: 512)
    _ = vsnprintf(&buffer, buffer.count, format, arguments)
    let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let lower = message.lowercased()
    // The connection cap is worth a line (once a minute: under a flood it is hit on every accept); other per-client
    // notices are not.
    if lower.contains("connection limit") || lower.contains("resource limit") {
        guard ConnectionCapNotice.due() else { return }
    } else {
        let perClient = ["remote peer", "request for", "connection", "socket", "timed out", "reset"]
        guard !perClient.contains(where: { lower.contains($0) }) else { return }
    }
    FileHandle.standardError.write(Data(("libmicrohttpd: " + message.trimmingCharacters(in: .whitespacesAndNewlines) + "\n").utf8))
}

/// When the connection cap was last logged: at most once a minute.
enum ConnectionCapNotice {
    private static let last = Mutex<ContinuousClock.Instant?>(nil)

    static func due(every interval: Duration = .seconds(60)) -> Bool {
        last.withLock { when in
            let now = ContinuousClock.now
            if let when, now - when < interval { return false }
            when = now
            return true
        }
    }
}
