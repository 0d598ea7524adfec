import Foundation

/// With `HAIKU_ADVISOR_TIMINGS=1` in the environment, each phase of building a site is timed on stderr
/// ("site: load 0.412 s"): how the start-up figures in the README were taken apart. Silent otherwise.
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["HAIKU_ADVISOR_TIMINGS"] == "1"
    private var last = ContinuousClock.now

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let seconds = Double((now - last).components.attoseconds) / 1e18 + Double((now - last).components.seconds)
        FileHandle.standardError.write(Data("site: \(phase) \(String(format: "%.3f", seconds)) s\n".utf8))
        last = now
    }
}
