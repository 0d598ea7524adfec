import Advisor
import Foundation
import Logging
import MCP

/// Standard input and output for `haiku-advisor mcp`, in place of the SDK's `StdioTransport`, with three things the
/// SDK does not do (swift-sdk 0.12: it answers requests in detached tasks and stops reading at end of input):
///
/// - **Input is read in linear time, one message at most 1 MiB** (`StdinLines`): the SDK's reader took 40 s over one
///   4 MB line, answering nothing else meanwhile; a longer message is skipped and refused (-32600) with `"id": null`.
///
/// - **Every accepted request is answered before the stream ends.** A client that pipes its requests and closes its
///   end (a shell one-liner, a CI step) got the first answers only; the process exited while an `assess` was still
///   being worked out. The end of input now waits until every request id read has had its response written.
/// - **Malformed messages get JSON-RPC's own answers** (JSON-RPC 2.0 §4.2, §5.1): a line that is not JSON is a parse
///   error (-32700) with `"id": null`, where the SDK made up a random id a client cannot match; an object that is
///   neither a request, a notification nor a response is an invalid request (-32600); `tools/call` arguments that
///   are not an object are invalid params (-32602) saying so, where the SDK's decoder gave an internal error; so are
///   params that are not an object, a `_meta` or list cursor of the wrong type, and `resources/read` without a uri.
public actor ScreeningStdioTransport: Transport {
    public nonisolated let logger: Logger
    private let stream: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    /// Ids of requests read and not yet answered, as `IDKey`s.
    private var unanswered: Set<String> = []
    private var pump: Task<Void, Never>?
    /// The last write queued: each waits for the one before, so that two answers never interleave their bytes (the
    /// SDK answers in concurrent tasks, and its writer yields while a full pipe drains).
    private var lastWrite: Task<Void, Never>?
    /// How long the end of input waits for the last answers; an assessment takes milliseconds.
    private let drainLimit: Duration

    public init(drainLimit: Duration = .seconds(60)) {
        let logger = Logger(label: "haiku-advisor.mcp.stdio", factory: { _ in SwiftLogNoOpLogHandler() })
        self.logger = logger
        (stream, continuation) = AsyncThrowingStream.makeStream()
        self.drainLimit = drainLimit
    }

    public func connect() async throws {
        // Answers are written without blocking a thread of the cooperative pool while a full pipe drains.
        let flags = fcntl(STDOUT_FILENO, F_GETFL)
        if flags >= 0 { _ = fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK) }
        pump = Task { await self.forward(StdinLines()) }
    }

    public func disconnect() async {
        pump?.cancel()
        continuation.finish()
    }

    /// Writes in order, one at a time; a request counts as answered only once its answer is written (a reader that
    /// starts late filled the pipe, and the process exited with answers half sent).
    public func send(_ data: Data) async throws {
        try await write(data)
        for id in MessageScreen.answeredIDs(in: data) { unanswered.remove(id) }
    }

    /// One message written after the ones queued before it; what it answers is `send`'s to note.
    private func write(_ data: Data) async throws {
        let previous = lastWrite
        let write = Task<Void, Error> {
            await previous?.value
            try await Self.writeLine(data)
        }
        lastWrite = Task { _ = await write.result }
        try await write.value
    }

    public nonisolated func receive() -> AsyncThrowingStream<Data, Swift.Error> { stream }

    /// `data` and a newline on standard output, all of it, waiting while the pipe is full.
    private static func writeLine(_ data: Data) async throws {
        var bytes = [UInt8](data)
        bytes.append(UInt8(ascii: "\n"))
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n > 0 {
                sent += n
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                try await Task.sleep(for: .milliseconds(10))
            } else {
                throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
        }
    }

    private func forward(_ lines: StdinLines) async {
        do {
            for await event in lines.events() {
                guard case .line(let data) = event else {
                    if case .tooLong(let bytes) = event { try await send(MessageScreen.tooLong(bytes: bytes, limit: lines.limit)) }
                    continue
                }
                switch MessageScreen.screen(data) {
                case .forward(let requestIDs, let cancelled):
                    // A request whose id a request still running holds cannot be told apart from it: the SDK answered
                    // one of the two, and the other was lost (4 runs in 25). Refused, as MCP's ids are unique per session.
                    // Written without `send`'s bookkeeping: it carries the running request's id, which still awaits
                    // its own answer.
                    if requestIDs.count == 1, unanswered.contains(requestIDs[0]), let refusal = MessageScreen.idInUse(data) {
                        try await write(refusal)
                        continue
                    }
                    unanswered.formUnion(requestIDs)
                    // A cancelled request is not answered (MCP's notifications/cancelled): not waited for either.
                    unanswered.subtract(cancelled)
                    continuation.yield(data)
                case .answer(let error):
                    try await send(error)
                case .answers(let errors):
                    for error in errors { try await send(error) }
                }
            }
        } catch {
            continuation.finish(throwing: error)
            return
        }
        let deadline = ContinuousClock.now + drainLimit
        while !unanswered.isEmpty && ContinuousClock.now < deadline && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(5))
        }
        await lastWrite?.value
        continuation.finish()
    }
}

/// What `ScreeningStdioTransport` does with one line read: pass it to the SDK (noting the request ids it must answer),
/// or answer it at once with a JSON-RPC error.
enum MessageScreen {
    enum Outcome: Equatable {
        /// To the SDK, with the request ids it must answer and those a cancellation withdraws.
        case forward(requestIDs: [String], cancelled: [String] = [])
        case answer(Data)
        /// A batch refused whole: an error for each request in it, under its id, so that none is left unanswered.
        case answers([Data])
    }

    /// The requests the server answers, whose params the screen checks.
    static let servedMethods: Set<String> = ["initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/read"]

    static func screen(_ data: Data) -> Outcome {
        guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .answers(unreadable(data))
        }
        if let batch = json as? [Any] {
            guard !batch.isEmpty else {
                return .answer(error(id: nil, code: -32600, "Invalid Request: an empty batch"))
            }
            // A member that is not an object: the SDK answered the whole batch with a parse error under an id it made up
            // and dropped the valid members. Refused whole, saying which member: once with id null, and once under the
            // id of each request in it, which would otherwise wait for ever.
            if let bad = batch.firstIndex(where: { !($0 is [String: Any]) }) {
                let message = "Invalid Request: batch member \(bad) is not an object; every member of a batch is a request, "
                    + "notification or response object. Send the batch's requests again without it."
                let ids = batch.compactMap { ($0 as? [String: Any]).flatMap { $0["method"] is String ? $0["id"].flatMap(validID) : nil } }
                return .answers([error(id: nil, code: -32600, message)] + ids.map { error(id: $0, code: -32600, message) })
            }
            return .forward(requestIDs: batch.compactMap { ($0 as? [String: Any]).flatMap(requestID) })
        }
        guard let object = json as? [String: Any] else {
            return .answer(error(id: nil, code: -32600, "Invalid Request: a message is a JSON object"))
        }
        // A member given twice is read one way here (JSONSerialization keeps the last) and another by the SDK (the
        // first): `"id":1,"id":2` was answered as 1 while the end of input waited a minute for 2, and a tool's
        // arguments took the first of two answers where the web refuses both (duplicate_answer).
        if let (path, name) = duplicateMember(data) {
            let inArguments = path == ["params", "arguments"]
            return .answer(error(id: path.isEmpty && name == "id" ? nil : object["id"].flatMap(validID),
                                 code: inArguments ? -32602 : -32600,
                                 (inArguments ? "Invalid params: the argument" : "Invalid Request: the member")
                                    + " `\(name.prefix(64))` is given twice; give it once"))
        }
        let id = object["id"].flatMap(validID)
        // An id the SDK cannot read (1.5, a number past Int) would never be answered, and the end of input waited a
        // minute for it: refused here with the id as sent.
        if let raw = object["id"], !(raw is NSNull), id == nil {
            return .answer(error(id: raw is String || (raw as? NSNumber).map({ !isBoolean($0) }) == true ? raw : nil, code: -32600,
                                 "Invalid Request: an id is a string or a whole number"))
        }
        // A request whose id is null would be taken for a notification and never answered.
        if object["id"] is NSNull, object["method"] != nil {
            return .answer(error(id: nil, code: -32600, "Invalid Request: an id is a string or a whole number, not null"))
        }
        // Valid JSON without the version was answered "Parse error: Invalid JSON".
        guard object["jsonrpc"] as? String == "2.0" else {
            return .answer(error(id: id, code: -32600, "Invalid Request: \"jsonrpc\" must be \"2.0\""))
        }
        guard let method = object["method"] as? String else {
            if object["result"] != nil || object["error"] != nil { return .forward(requestIDs: []) }
            return .answer(error(id: id, code: -32600,
                                 "Invalid Request: a request has a \"method\", a response a \"result\" or an \"error\""))
        }
        // A notification is never answered (JSON-RPC 2.0 §4.1), whatever its params: the SDK drops what it cannot use.
        if object["id"] == nil {
            if method == "notifications/cancelled", let params = object["params"] as? [String: Any],
               let cancelled = params["requestId"].flatMap(validID) {
                return .forward(requestIDs: [], cancelled: [key(cancelled)])
            }
            return .forward(requestIDs: [])
        }
        // A tool named by a number (or no params at all) was an Internal error with a Foundation message.
        if method == "tools/call", !((object["params"] as? [String: Any])?["name"] is String) {
            return .answer(error(id: id, code: -32602, "Invalid params: \"params\" must be an object whose \"name\" is a string naming a tool"))
        }
        if method == "tools/call", let params = object["params"] as? [String: Any],
           let arguments = params["arguments"], !(arguments is NSNull), !(arguments is [String: Any]) {
            return .answer(error(id: id, code: -32602,
                                 "Invalid params: \"arguments\" must be an object of the tool's inputs"))
        }
        // Params the SDK's decoder cannot read were an Internal error (-32603) with a Foundation message: params that
        // are not an object, a `_meta` that is not one, a cursor that is not a string, a resource without its uri.
        // Of requests (a notification is never answered) to methods the server has (an unknown one is -32601's).
        if object["id"] != nil, Self.servedMethods.contains(method), let params = object["params"], !(params is NSNull) {
            guard let members = params as? [String: Any] else {
                return .answer(error(id: id, code: -32602, "Invalid params: \"params\" must be an object"))
            }
            if let meta = members["_meta"], !(meta is NSNull), !(meta is [String: Any]) {
                return .answer(error(id: id, code: -32602, "Invalid params: \"_meta\" must be an object"))
            }
            if method.hasSuffix("/list"), let cursor = members["cursor"], !(cursor is NSNull), !(cursor is String) {
                return .answer(error(id: id, code: -32602, "Invalid params: \"cursor\" must be a string from a previous page"))
            }
        }
        if method == "resources/read", object["id"] != nil,
           !(((object["params"] as? [String: Any])?["uri"] as? String).map { !$0.isEmpty } ?? false) {
            return .answer(error(id: id, code: -32602, "Invalid params: \"params\" must be an object whose \"uri\" names a resource"))
        }
        return .forward(requestIDs: requestID(object).map { [$0] } ?? [])
    }



    /// The first member name given twice in one object of the message, with the path of keys to that object; nil
    /// when there is none (or the strict reader cannot read the message, which the checks after this one answer).
    static func duplicateMember(_ data: Data) -> (path: [String], name: String)? {
        guard let value = try? JSONReader.parse([UInt8](data)) else { return nil }
        func find(_ value: JSONValue, _ path: [String]) -> (path: [String], name: String)? {
            switch value {
            case .object(let members):
                var seen = Set<String>()
                for (name, _) in members where !seen.insert(name).inserted { return (path, name) }
                for (name, member) in members { if let found = find(member, path + [name]) { return found } }
            case .array(let items):
                for item in items { if let found = find(item, path) { return found } }
            default: break
            }
            return nil
        }
        return find(value, [])
    }

    /// The answer to a request whose id is still in use by one being answered (-32600, with that id).
    static func idInUse(_ data: Data) -> Data? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let id = object["id"].flatMap(validID) else { return nil }
        return error(id: id, code: -32600, "Invalid Request: the id is still in use by a request being answered; "
                     + "give each request an id of its own")
    }

    /// The ids a message being sent answers (a response or a batch of them).
    static func answeredIDs(in data: Data) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return [] }
        let messages = (json as? [Any]) ?? [json]
        return messages.compactMap { message in
            guard let object = message as? [String: Any], object["method"] == nil,
                  object["result"] != nil || object["error"] != nil else { return nil }
            return object["id"].flatMap(validID).map(key)
        }
    }

    private static func requestID(_ object: [String: Any]) -> String? {
        guard object["method"] is String, let id = object["id"].flatMap(validID) else { return nil }
        return key(id)
    }

    /// A request id the SDK reads: a string, or a whole number within Int (null, fractions, objects and arrays are not).
    private static func validID(_ value: Any) -> Any? {
        if value is String { return value }
        // JSON's true and false come back as NSNumbers too (of type "c"): a boolean id was taken for 1 or 0 here, and
        // the SDK, which cannot read it, dropped the request unanswered.
        guard let number = value as? NSNumber, !isBoolean(number), case let double = number.doubleValue,
              double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return number
    }

    /// Whether JSONSerialization read this number from `true` or `false`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// One key per id, so that `7` and `"7"` stay apart.
    private static func key(_ id: Any) -> String {
        if let string = id as? String { return "s:" + string }
        // By value: `7.0`, `1e3` and `-0.0` are whole numbers the SDK answers as 7, 1000 and 0, and keyed by their
        // spelling they were never marked answered (the end of input waited its full minute).
        guard let number = id as? NSNumber, number.doubleValue.rounded() == number.doubleValue else { return "n:" }
        return "n:" + String(Int64(number.doubleValue))
    }

    /// The answer to a message JSONSerialization cannot read. Where it is JSON a stricter look can still read the
    /// request's id from (a number past a double's range, `1e309`; a lone surrogate, `"\\ud800"`), the error carries
    /// that id, so that the client is not left waiting for it: "Parse error" with a null id lost the answer. Anything
    /// else is JSON-RPC's parse error.
    static func unreadable(_ data: Data) -> [Data] {
        let bytes = [UInt8](data)
        var value: JSONValue? = nil
        var why = "the message cannot be read"
        var code = -32602
        do {
            value = try JSONReader.parse(bytes)
            if let number = value.flatMap(hugeNumber) { why = "the number \(number.prefix(40)) is beyond what a 64-bit float holds" }
        } catch {
            // A lone surrogate in an escape: read again with each lone one written as U+FFFD, for the ids only.
            if error.message.contains("surrogate") {
                value = try? JSONReader.parse(withoutLoneSurrogates(bytes))
                why = "a string holds a lone surrogate (\\u escape) at byte \(error.offset)"
                code = -32600
            }
        }
        let requests: [JSONValue] = switch value {
        case .array(let members)?: members
        case let single?: [single]
        case nil: []
        }
        let ids = requests.compactMap(readableID)
        guard !ids.isEmpty else {
            // JSON whose requests carry no id to answer under (given twice, a fraction): invalid, as a readable one is.
            guard value != nil else { return [error(id: nil, code: -32700, "Parse error: the message is not JSON")] }
            return [error(id: nil, code: -32600, "Invalid Request: \(why), and no request in it has an id to answer under "
                          + "(an id is a string or a whole number, given once)")]
        }
        let message = (code == -32600 ? "Invalid Request: " : "Invalid params: ") + why
            + (requests.count > 1 ? " (in this batch; send its requests again)" : "")
        return ids.map { error(id: $0, code: code, message) }
    }

    /// A request's id from a strictly read object: a string, or a whole number the SDK reads; nil otherwise, and for an
    /// object that gives `id` twice (which one to answer is a guess; readable messages get -32600 with id null).
    private static func readableID(_ value: JSONValue) -> Any? {
        guard case .object(let members) = value, members.contains(where: { $0.0 == "method" }) else { return nil }
        let ids = members.filter { $0.0 == "id" }
        guard ids.count == 1, let id = ids.first?.1 else { return nil }
        switch id {
        case .string(let text): return text
        case .number(let text):
            guard let number = Double(text), number.rounded() == number, abs(number) < 9.0e15 else { return nil }
            return NSNumber(value: Int64(number))
        default: return nil
        }
    }

    /// The first number in `value` that a Double cannot hold.
    private static func hugeNumber(in value: JSONValue) -> String? {
        switch value {
        case .number(let text): return Double(text).map(\.isFinite) == true ? nil : text
        case .object(let members): return members.lazy.compactMap { hugeNumber(in: $0.1) }.first
        case .array(let items): return items.lazy.compactMap(hugeNumber).first
        default: return nil
        }
    }

    /// `bytes` with each lone surrogate escape (a `\\uD800`-`\\uDBFF` not followed by a `\\uDC00`-`\\uDFFF`, or one of
    /// those alone) written `\\uFFFD`, six bytes for six; a pair is kept, so that an id holding one reads as sent.
    private static func withoutLoneSurrogates(_ bytes: [UInt8]) -> [UInt8] {
        func escape(at i: Int, _ out: [UInt8]) -> UInt32? {
            guard i + 5 < out.count, out[i] == UInt8(ascii: "\\"), out[i + 1] == UInt8(ascii: "u") else { return nil }
            return UInt32(String(decoding: out[i + 2..<i + 6], as: UTF8.self), radix: 16)
        }
        var out = bytes
        var i = 0
        while i < out.count {
            guard out[i] == UInt8(ascii: "\\") else { i += 1; continue }
            guard let unit = escape(at: i, out) else { i += 2; continue }
            if (0xD800...0xDBFF).contains(unit), let low = escape(at: i + 6, out), (0xDC00...0xDFFF).contains(low) {
                i += 12
            } else if (0xD800...0xDFFF).contains(unit) {
                out.replaceSubrange(i + 2..<i + 6, with: Array("FFFD".utf8))
                i += 6
            } else {
                i += 6
            }
        }
        return out
    }

    /// A message over the reader's limit (`StdinLines`), skipped unread: its id cannot be known.
    static func tooLong(bytes: Int, limit: Int) -> Data {
        error(id: nil, code: -32600, "Invalid Request: a message of \(bytes) bytes is over the \(limit) bytes this server reads "
              + "in one; send one JSON-RPC message per line, and large inputs (a usage file) by path")
    }

    private static func error(id: Any?, code: Int, _ message: String) -> Data {
        let body: [String: Any] = ["jsonrpc": "2.0", "id": id ?? NSNull(),
                                   "error": ["code": code, "message": message]]
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
    }
}
