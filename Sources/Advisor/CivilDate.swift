import Foundation

/// Calendar days as whole numbers (days since 1970-01-01, UTC) and their `YYYY-MM-DD` spelling.
/// Content keeps dates as strings (YAML would silently turn `2024-13-45` into something); the engine compares days.
public enum CivilDate {
    /// The day number of `YYYY-MM-DD`, or nil when the text is not a real date in that form.
    public static func day(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m), d >= 1,
              d <= daysInMonth(y, m) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// The years content and `--today` may name. A date outside them is a typo (a release in year 1, a retirement in
    /// 9999), and pages that draw every year between two dates (the timeline) would span millennia.
    public static let plausibleYears = 2000...2099

    /// The day number of `YYYY-MM-DD` when it is a real date within `plausibleYears`, or nil.
    public static func plausibleDay(_ text: String) -> Int? {
        guard let d = day(text), plausibleYears.contains(year(of: d)) else { return nil }
        return d
    }

    /// The year a day number falls in.
    public static func year(of day: Int) -> Int { civil(day).year }

    /// The day number of 1 January of `year`.
    public static func firstDay(ofYear year: Int) -> Int { days(year: year, month: 1, day: 1) }

    /// `YYYY-MM-DD` for a day number.
    public static func text(_ day: Int) -> String {
        let (y, m, d) = civil(day)
        // Four-digit years as ten bytes: a small string, no allocation (dates are spelt for every model of every
        // assessment, several times).
        if (0...9999).contains(y) {
            let digit = { (n: Int) in UInt8(ascii: "0") + UInt8(n) }
            let bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
                digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), UInt8(ascii: "-"),
                digit(m / 10), digit(m % 10), UInt8(ascii: "-"), digit(d / 10), digit(d % 10))
            return withUnsafeBytes(of: bytes) { String(decoding: $0, as: UTF8.self) }
        }
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Year, month and day of a day number (Howard Hinnant's civil_from_days).
    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - (153 * mp + 2) / 5 + 1)
    }

    /// Today's day number in UTC.
    public static func today() -> Int {
        Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
