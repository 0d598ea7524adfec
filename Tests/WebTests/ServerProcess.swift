import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A copy of the real content, templates and public files in a temporary directory, removed with it.
final class SiteCopy {
    let root: String

    init(_ folders: [String] = ["content", "templates", "public"]) throws {
        root = NSTemporaryDirectory() + "haiku-robust-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for folder in folders {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/" + folder, toPath: root + "/" + folder)
        }
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// A command's exit status and output, from `runCommand`.
struct CommandRun {
    let status: Int32
    let output: String
    let errors: String
    /// Killed at the time limit: the command hung.
    let timedOut: Bool
}

/// Runs `arguments` (the first is the program; `haiku-advisor` means the debug build) in `directory`, killing it
/// after `seconds`, so that a command that hangs fails its test instead of stopping the suite.
func runCommand(_ arguments: [String], in directory: String = repositoryRoot, seconds: Double = 60) throws -> CommandRun {
    let process = Process()
    let program = arguments[0] == "haiku-advisor" ? CommandLineTests.binary : arguments[0]
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = Array(arguments.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    let out = PipeCollector(output), err = PipeCollector(errors)
    try process.run()
    let deadline = Date(timeIntervalSinceNow: seconds)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    let timedOut = process.isRunning
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return CommandRun(status: process.terminationStatus, output: out.finish(), errors: err.finish(), timedOut: timedOut)
}

/// Reads a pipe on its own thread, so a chatty process never blocks on a full pipe.
final class PipeCollector: Sendable {
    private let text = Mutex("")
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            done.signal()
        }.start()
    }

    /// What was read so far.
    var current: String { text.withLock { $0 } }

    /// Everything, once the writer has closed the pipe.
    func finish() -> String {
        _ = done.wait(timeout: .now() + 10)
        return current
    }
}

/// `haiku-advisor serve --port 0` started for one test: its port, its stderr as it grows, signals, and a bounded
/// wait for its exit. Killed at deinit if still running.
final class ServerProcess {
    let process = Process()
    let port: UInt16
    private let errors: PipeCollector

    /// - Parameters: `arguments` after `serve --port 0`; `prefix` runs the binary through another program
    ///   (`setpriv`, `prlimit`).
    init(_ arguments: [String], in directory: String, prefix: [String] = []) throws {
        let program = prefix.isEmpty ? CommandLineTests.binary : prefix[0]
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [CommandLineTests.binary])
            + ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errorPipe = Pipe()
        process.standardOutput = output
        process.standardError = errorPipe
        errors = PipeCollector(errorPipe)
        try process.run()
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        guard let port = UInt16(line.split(separator: ":").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
            process.waitUntilExit()
            throw ServerFailure.didNotStart(errors.finish())
        }
        self.port = port
    }

    enum ServerFailure: Error { case didNotStart(String) }

    var log: String { errors.current }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits at most `seconds` for the process to exit. - Returns: whether it did.
    func waitForExit(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return !process.isRunning
    }

    /// Polls `condition` every 100 ms for at most `seconds`.
    func eventually(seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        repeat {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return false
    }

    func get(_ target: String) throws -> HTTPConnection.Reply {
        try HTTPConnection(port: port).request("GET", target)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
