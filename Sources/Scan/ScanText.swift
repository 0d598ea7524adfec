import Advisor

/// The report for a terminal or a CI log: one `path:line:col: level: message` line per finding (the form compilers
/// use, so editors can jump to it), then a summary.
public enum ScanText {
    public static func render(_ report: ScanReport) -> String {
        var lines = report.findings.map { finding in
            "\(finding.path):\(finding.line):\(finding.column): \(label(finding.level)): \(finding.message)"
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summary(report))
        return lines.joined(separator: "\n")
    }

    static func label(_ level: ScanLevel) -> String { level == .none ? "info" : level.rawValue }

    /// `4 model ids in 2 files (10 files read; skipped: 1 binary) on 2026-12-02: 1 retired, 3 active. 1 fails (--fail-on retired).`
    static func summary(_ report: ScanReport) -> String {
        let files = Set(report.findings.map(\.path)).count
        var skipped: [String] = []
        if !report.skipped_binary.isEmpty { skipped.append("\(report.skipped_binary.count) binary") }
        if !report.skipped_large.isEmpty {
            skipped.append("\(report.skipped_large.count) larger than \(report.max_file_bytes / (1 << 20)) MiB")
        }
        if !report.unreadable.isEmpty { skipped.append("\(report.unreadable.count) unreadable") }
        var text = "\(plural(report.findings.count, "model id")) in \(plural(files, "file")) ("
            + "\(plural(report.files_scanned, "file")) read" + (skipped.isEmpty ? "" : "; skipped: " + skipped.joined(separator: ", "))
            + ") on \(report.as_of)"
        let states: [LifecycleState] = [.retired, .deprecated, .legacy, .active, .unreleased]
        let counts = states.compactMap { state in report.counts[state.rawValue].map { "\($0) \(state.rawValue)" } }
        if !counts.isEmpty { text += ": " + counts.joined(separator: ", ") }
        text += ". "
        let rule = "--fail-on \(report.fail_on)" + (report.within_days.map { ", --within \($0)" } ?? "")
        text += report.failing == 0 ? "None fails (\(rule))." : "\(report.failing) fail\(report.failing == 1 ? "s" : "") (\(rule))."
        return text
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
