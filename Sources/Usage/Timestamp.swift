import Advisor

/// Times in usage files, as seconds since 1970-01-01 UTC.
enum Timestamp {
    /// RFC 3339 (`2026-11-01T00:00:00Z`, `2026-11-01T09:30:00.250+02:00`), the same with a space for the `T`,
    /// or a bare date (midnight UTC), from 2000 to 2099. Nil for anything else.
    static func parse(_ text: String) -> Double? {
        rfc3339(text).flatMap(plausible)
    }

    /// No usage file logs requests from before 2000 or after 2099: a time outside is a unit or a digit gone wrong
    /// (99999999999999999 read as nanoseconds was 1973, 253402300800 as milliseconds 1978, and `0000-01-01` passed).
    static let plausibleSeconds = 946_684_800.0 ..< 4_102_444_800.0

    private static func plausible(_ seconds: Double) -> Double? { plausibleSeconds.contains(seconds) ? seconds : nil }

    private static func rfc3339(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let day = CivilDate.day(String(decoding: bytes.prefix(10), as: UTF8.self)) else { return nil }
        var seconds = Double(day) * 86_400
        if bytes.count == 10 { return seconds }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let h = digits(bytes[11..<13]), let m = digits(bytes[14..<16]), let s = digits(bytes[17..<19]),
              h < 24, m < 60, s < 61 else { return nil }
        seconds += Double(h * 3600 + m * 60 + s)
        var i = 19
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            let start = i + 1
            i = start
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            guard i > start, let fraction = Double("0." + String(decoding: bytes[start..<i], as: UTF8.self)) else { return nil }
            seconds += fraction
        }
        let zone = bytes[i...]
        if zone.elementsEqual("Z".utf8) || zone.elementsEqual("z".utf8) { return seconds }
        guard zone.count == 6, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"),
              zone[zone.startIndex + 3] == UInt8(ascii: ":"),
              let zh = digits(zone[(zone.startIndex + 1)..<(zone.startIndex + 3)]),
              let zm = digits(zone[(zone.startIndex + 4)..<(zone.startIndex + 6)]), zh < 24, zm < 60 else { return nil }
        let offset = Double(zh * 3600 + zm * 60)
        return zone.first == UInt8(ascii: "+") ? seconds - offset : seconds + offset
    }

    /// A Unix time in seconds, milliseconds, microseconds or nanoseconds, as seconds: no usage file dates from after
    /// the year 5000, which 1e11 seconds reach, while today's milliseconds are about 1.8e12, microseconds 1.8e15 and
    /// nanoseconds (pandas' and OpenTelemetry's) 1.8e18 (a day of requests a minute in milliseconds read as seconds was
    /// 44 requests a month). Nil for a negative or infinite one, or one outside 2000 to 2099 in its unit.
    static func unix(_ value: Double) -> Double? {
        guard value.isFinite, value >= 0 else { return nil }
        return plausible(value >= 1e17 ? value / 1e9 : value >= 1e14 ? value / 1e6 : value >= 1e11 ? value / 1e3 : value)
    }

    /// `2026-11-01T00:00:00Z` for a time.
    static func text(_ seconds: Double) -> String {
        let day = Int((seconds / 86_400).rounded(.down))
        let rest = Int(seconds - Double(day) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CivilDate.text(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        return n
    }
}
