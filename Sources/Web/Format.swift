import Foundation

/// Number formatting for people: dollars, token counts, milliseconds.
enum Format {
    /// `$1,234.56` (cents always shown); small amounts keep the digits that matter (`$0.075`, `$0.0000472`):
    /// three significant digits below a cent, so that a per-request cost is never shown as `$0`.
    static func usd(_ value: Double) -> String {
        if value != 0 && abs(value) < 0.01 {
            let digits = min(12, Int(-log10(abs(value)).rounded(.down)) + 3)
            return "$" + trimmed(value, digits: digits)
        }
        if abs(value) < 1 { return "$" + trimmed(value, digits: 3, minimum: 2) }
        return "$" + grouped(value, digits: 2)
    }

    static func count(_ value: Double) -> String { grouped(value, digits: 0) }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? grouped(value, digits: 0) : trimmed(value, digits: 4)
    }

    static func percent(_ share: Double) -> String { trimmed(share * 100, digits: 1) + " %" }

    /// `1,234.57`: fixed decimals with thousands separators. Built by hand: a NumberFormatter per call costs tens
    /// of microseconds, and swift-corelibs-foundation's ignored the fraction-digit limits.
    static func grouped(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var i = whole.count - 3
        while i > 0 {
            whole.insert(",", at: whole.index(whole.startIndex, offsetBy: i))
            i -= 3
        }
        let negative = value < 0 && text.contains { $0 != "0" && $0 != "." }
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func trimmed(_ value: Double, digits: Int, minimum: Int = 0) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0"), text.split(separator: ".").last!.count > minimum { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
