import Foundation
import Testing
@testable import Web

/// Slow clients (slowloris): a connection that trickles its headers or its body is cut at its deadline, however often
/// a byte arrives (MHD's own timeout counts only silence), and one that sends its requests in time is not. A server of
/// its own, with deadlines of 1.5 s for the headers, 1 s for an ordinary body and 4 s for an upload's (the sweeper
/// looks once a second).
@Suite(.serialized) struct SlowClientTests {
    static let server: Server = {
        var limits = ServerLimits()
        limits.headerSeconds = 1.5
        limits.bodySeconds = 4
        limits.smallBodySeconds = 1
        limits.uploadGraceSeconds = 0.5
        return Server(site: realSite, limits: limits)
    }()
    static let port: UInt16 = {
        do { return try server.start(host: "127.0.0.1", port: 0) } catch { fatalError("\(error)") }
    }()

    /// Sends `opening`, then `drip` every 0.3 s until the server closes the connection: the seconds that took, or
    /// nil when it was still open after `patience` seconds.
    func secondsUntilClosed(_ opening: String, drip: String, patience: Double = 8) throws -> Double? {
        let connection = try HTTPConnection(port: Self.port)
        let start = ContinuousClock.now
        try connection.send(Array(opening.utf8))
        while ContinuousClock.now - start < .seconds(patience) {
            Thread.sleep(forTimeInterval: 0.3)
            if connection.isClosedByServer() { break }
            do { try connection.send(Array(drip.utf8)) } catch { break }
        }
        let elapsed = ContinuousClock.now - start
        guard elapsed < .seconds(patience) else { return nil }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test func headersTrickledPastTheirDeadlineAreCut() throws {
        let seconds = try #require(try secondsUntilClosed("GET / HTTP/1.1\r\nHost: x\r\n", drip: "X-Slow: 1\r\n"))
        #expect(seconds >= 1.4 && seconds < 4, "\(seconds)")
    }

    @Test func aBodyTrickledPastItsDeadlineIsCut() throws {
        let opening = "POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
        let seconds = try #require(try secondsUntilClosed(opening, drip: " "))
        #expect(seconds >= 0.9 && seconds < 3, "\(seconds)")
    }

    /// An upload that falls behind its minimum rate is cut soon after, not at the end of its long deadline: 200 slow
    /// uploads held every connection of one address for two minutes at a time.
    @Test func anUploadTrickledIsCutSoonAfterItFallsBehind() throws {
        let opening = "POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=a\r\nContent-Length: 100000\r\n\r\n--a\r\n"
        let seconds = try #require(try secondsUntilClosed(opening, drip: "x"))
        #expect(seconds < 3.9, "\(seconds)")
    }

    /// An upload that keeps its rate has the long deadline: 60,000 bytes over about 2.8 s, past the 1 s of an ordinary
    /// body (and the second the sweeper may take), are read and answered.
    @Test func anUploadInTimeOutlastsTheShortDeadline() throws {
        let size = 60_000
        let connection = try HTTPConnection(port: Self.port)
        try connection.send(Array(("POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=a\r\n"
                                   + "Content-Length: \(size)\r\n\r\n").utf8))
        for _ in 0..<8 {
            Thread.sleep(forTimeInterval: 0.35)
            try connection.send([UInt8](repeating: UInt8(ascii: "x"), count: size / 8))
        }
        let reply = try connection.readReply()
        #expect(reply.status == 400, "\(reply.status) \(reply.text.prefix(300))")
    }

    /// An upload that trickles past its grace gives its place among the uploads being received back, and is told so
    /// when its body is in: four clients sending a byte every 10 s held every place for the whole body deadline.
    @Test func anUploadThatTricklesGivesItsPlaceBack() throws {
        let size = 100_000
        let connection = try HTTPConnection(port: Self.port)
        try connection.send(Array(("POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=a\r\n"
                                   + "Content-Length: \(size)\r\n\r\n--a\r\n").utf8))
        Thread.sleep(forTimeInterval: 0.8)
        try connection.send(Array("C".utf8))
        Thread.sleep(forTimeInterval: 0.1)
        try connection.send([UInt8](repeating: UInt8(ascii: "x"), count: size - 6))
        let reply = try connection.readReply()
        #expect(reply.status == 408 && reply.text.contains("under 16 KiB a second"), "\(reply.status) \(reply.text.prefix(300))")
    }

    /// Requests sent in time on one keep-alive connection, with pauses under the header deadline between them, are
    /// answered: the deadline runs from each answer, not from the accept.
    @Test func aConnectionThatKeepsTimeIsServed() throws {
        let connection = try HTTPConnection(port: Self.port)
        for _ in 0..<4 {
            #expect(try connection.request("GET", "/healthz").status == 200)
            Thread.sleep(forTimeInterval: 0.9)
        }
        #expect(!connection.isClosedByServer())
        let reply = try connection.request("POST", "/api/assess", headers: ["Content-Type": "application/json"],
                                           body: Array("{\"task_type\":\"chat\"}".utf8))
        #expect(reply.status == 200)
    }
}
