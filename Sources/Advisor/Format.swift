import Foundation

/// Number formatting for people, in one place for the engine's sentences and the web pages: dollars, token counts,
/// shares, scores. Built by hand on `String(format:)`: a NumberFormatter per call costs tens of microseconds, and
/// swift-corelibs-foundation's ignored the fraction-digit limits.
public enum Format {
    /// `$1,234.56` (cents always shown); small amounts keep the digits that matter (`$0.075`, `$0.0000472`):
    /// three significant digits below a cent, so that a per-request cost is never shown as `$0`.
    public static func usd(_ value: Double) -> String {
        // A negative amount as people write it, "-$5.00", and no sign on zero ("$-0.00" was shown).
        if value < 0 { return "-" + usd(-value) }
        let value = value == 0 ? 0 : value
        if value != 0 && abs(value) < 0.01 {
            let digits = min(12, Int(-log10(abs(value)).rounded(.down)) + 3)
            return "$" + trimmed(value, digits: digits)
        }
        if abs(value) < 1 { return "$" + trimmed(value, digits: 3, minimum: 2) }
        return "$" + grouped(value, digits: 2)
    }

    /// A price per million tokens, to the last digit a price list uses ($0.0375, $0.01875 at half price, $1.125):
    /// `usd` rounds amounts below a dollar to three decimals, which suits a bill but not a rate.
    public static func rate(_ value: Double) -> String {
        if value != 0 && abs(value) < 0.01 || abs(value) >= 1_000 { return usd(value) }
        return "$" + trimmed(value, digits: 5, minimum: 2)
    }

    /// `$1,234.56` rounded to whole cents, as the engine's reasons quote a budget or a saving.
    /// Below half a cent, the digits that matter (`$0.0017`); below zero, `-$14.53`.
    public static func cents(_ value: Double) -> String {
        if value != 0 && abs(value) < 0.005 { return (value < 0 ? "-" : "") + usd(abs(value)) }
        // Rounded as `usd` and the table's cells round (half to even on the exact binary value, as printf does): a
        // rounding of its own wrote $1.625 as $1.63 here and $1.62 beside it. `grouped` also writes amounts past Int64.
        return (value < 0 ? "-$" : "$") + grouped(abs(value), digits: 2)
    }

    /// A monthly amount in a sentence: whole dollars from $100 up (`$12,025`), cents below (`$41.50`), and the
    /// digits that matter below a cent (`$0.0016`): a bill of a few requests is not "$0.00 instead of $0.00".
    public static func money(_ value: Double) -> String {
        abs(value) >= 100 ? (value < 0 ? "-$" : "$") + figure(abs(value).rounded()) : cents(value)
    }

    /// An amount said beside a month written in whole dollars (`money` from $100 up): in whole dollars too from a dollar
    /// up, so that one line does not read "$108 a month; it costs $27.00 more". As `money` otherwise.
    public static func money(_ value: Double, beside month: Double) -> String {
        abs(month) >= 100 && abs(value) >= 1 ? (value < 0 ? "-$" : "$") + figure(abs(value).rounded()) : money(value)
    }

    /// Two monthly amounts said side by side ("{after} a month instead of {before}"), each as `money` writes it,
    /// unless that writes them alike while they differ: then both with as many decimals as it takes to tell them
    /// apart (up to six), so that a sentence never reads "$0.02 a month instead of $0.02, $0.0042 more".
    public static func money(_ first: Double, _ second: Double) -> (String, String) {
        let plain = (money(first), money(second))
        guard plain.0 == plain.1, first != second else { return plain }
        for digits in 2...6 {
            let pair = (dollars(first, digits: digits), dollars(second, digits: digits))
            if pair.0 != pair.1 { return pair }
        }
        return plain
    }

    /// A change of a monthly amount ("{after} a month instead of {before}, {change} less"): as the pair above, and
    /// below a dollar with as many decimals (up to nine) as it takes for the three to agree, so that rounding to cents never
    /// writes "$0.01 a month instead of $0.03, $0.03 less" (from $0.034 to $0.0069).
    /// Where the three straddle $100 (some whole dollars, some cents), all three are in cents, so that they add up
    /// ("$81.25 a month instead of $163, $81.25 less" was $162.50).
    public static func moneyChange(before: Double, after: Double) -> (before: String, after: String, change: String) {
        let (shownBefore, shownAfter) = money(before, after)
        let plain = (shownBefore, shownAfter, money(abs(after - before)))
        let amounts = [abs(before), abs(after), abs(after - before)]
        if amounts.contains(where: { $0 >= 100 }) && amounts.contains(where: { $0 < 100 }) && !amounts.contains(where: { $0 < 0.01 && $0 > 0 }) {
            return (cents(before), cents(after), cents(abs(after - before)))
        }
        guard let digits = changeDigits(before: before, after: after) else { return plain }
        return (dollars(before, digits: digits), dollars(after, digits: digits), dollars(abs(after - before), digits: digits))
    }

    /// The decimals (2 to 9) below a dollar at which `before`, `after` and the change between them agree (neither
    /// written alike, none that is not zero written as zero, the change their difference); nil above a dollar, for
    /// equal amounts, or where none does. Two requests of RAG were "$0.00 a month" beside "$0.01 (+0.01)".
    public static func changeDigits(before: Double, after: Double) -> Int? {
        guard Swift.max(abs(before), abs(after)) < 1, before != after else { return nil }
        for digits in 2...9 {
            let scale = powersOfTen[digits]
            func round(_ x: Double) -> Double { (x * scale).rounded() / scale }
            let (b, a, change) = (round(before), round(after), round(abs(after - before)))
            let zeroed = (before != 0 && b == 0) || (after != 0 && a == 0)
            if b != a && !zeroed && abs(abs(a - b) - change) < 0.5 / scale { return digits }
        }
        return nil
    }

    /// A monthly amount with `digits` decimals (at least two), as `changeDigits` asks for several amounts said together.
    public static func money(_ value: Double, digits: Int) -> String { dollars(value, digits: digits) }

    /// `$1,234.5678`, `-$0.0163`: grouped, at most `digits` decimals and at least two.
    private static func dollars(_ value: Double, digits: Int) -> String {
        (value < 0 ? "-$" : "$") + (abs(value) >= 1_000 ? grouped(abs(value), digits: digits)
                                    : trimmed(abs(value), digits: digits, minimum: 2))
    }

    /// How many times one amount is another, as a sentence says it: `6.1`, `1.3`, and two decimals below 1.95
    /// (`1.04`), where one decimal would say "1 times" of a model that costs 4 % more.
    public static func ratio(_ value: Double) -> String {
        value < 1.95 ? trimmed(value, digits: 2) : number((value * 10).rounded() / 10)
    }

    /// A dollar amount rounded to 1/100 of a cent, as cost lines carry them (comparisons use unrounded values).
    public static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    public static func count(_ value: Double) -> String { grouped(value, digits: 0) }

    /// A written number with the noun that agrees with it: `1 write`, `166 writes`.
    public static func counted(_ number: String, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == "1" ? singular : plural)"
    }

    public static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return grouped(value, digits: 0) }
        // Not nothing never reads "0": a 0.00001 s budget was "your 0 s budget", which means none.
        if value.isFinite && abs(value) < 0.00005 {
            return trimmed(value, digits: Swift.min(12, Int(-log10(abs(value)).rounded(.down)) + 1))
        }
        return trimmed(value, digits: 4)
    }

    /// A number as typed, shortest first (`0.25`, `1000`), never in exponent notation: `String(0.00001)` is
    /// "1e-05", which a budget, a form field and a share link all showed.
    public static func plainDecimal(_ value: Double) -> String {
        let shortest = String(value)
        guard value.isFinite, let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(shortest[shortest.index(after: e)...]) else { return shortest }
        let mantissa = shortest[..<e]
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? mantissa.dropFirst() : mantissa[...]
        let point = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        var digits = String(unsigned[..<point]) + String(unsigned[point...].dropFirst())
        var pointAt = unsigned.distance(from: unsigned.startIndex, to: point) + exponent
        if pointAt <= 0 {
            digits = String(repeating: "0", count: 1 - pointAt) + digits
            pointAt = 1
        } else if pointAt > digits.count {
            digits += String(repeating: "0", count: pointAt - digits.count)
        }
        var fraction = digits.dropFirst(pointAt)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return (negative ? "-" : "") + digits.prefix(pointAt) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `+5`, `-3`, `0`: a rule's effect on the score.
    public static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + number(value) }

    /// A sentence set in parentheses inside another: its own full stop goes, or the reader gets "spend cap.).".
    public static func withoutFullStop(_ text: String) -> String {
        text.hasSuffix(".") && !text.hasSuffix("..") ? String(text.dropLast()) : text
    }

    /// Names in a sentence: "A", "A and B", "A, B and C".
    public static func series(_ items: [String], conjunction: String = "and") -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// A length of time in the unit a reader would use: `13.1 seconds` under two minutes, `10.2 minutes` under two
    /// hours, `41.7 hours` beyond (whole hours from 100).
    public static func duration(_ seconds: Double) -> String {
        if seconds < 120 { return counted(trimmed(seconds, digits: 1), "second", "seconds") }
        if seconds < 7_200 { return trimmed(seconds / 60, digits: 1) + " minutes" }
        let hours = seconds / 3_600
        return (hours < 100 ? trimmed(hours, digits: 1) : count(hours)) + " hours"
    }

    public static func percent(_ share: Double) -> String {
        let p = share * 100
        // A share that is not nothing never reads "0 %": a complex share of 0.0001 was "the complex 0 %" on its way to
        // the escalation model. Below a twentieth of a percent, to its first significant digit.
        if p != 0 && abs(p) < 0.05 && p.isFinite {
            return trimmed(p, digits: Swift.min(8, Int(-log10(abs(p)).rounded(.down)) + 1)) + " %"
        }
        return trimmed(p, digits: 1) + " %"
    }

    /// A share someone gave, as a percentage to the digits it was given with (up to 10 decimals of a percent):
    /// rounded to one decimal, a cache share of 0.4999999 read "50 %" under a verdict that 50 % would not give, and
    /// its flip read "50 % → 50 %". Computed shares keep `percent`'s one decimal.
    public static func givenPercent(_ share: Double) -> String {
        let p = share * 100
        guard p.isFinite, abs(p) >= 0.05 else { return percent(share) }
        var scale = 10.0
        for digits in 1...10 {
            if abs((p * scale).rounded() / scale - p) <= 1e-12 * abs(p) { return trimmed(p, digits: digits) + " %" }
            scale *= 10
        }
        return trimmed(p, digits: 10) + " %"
    }

    /// A token count or a factor as the engine's notes write it: `104,000` (rounded half away from zero), `1.3`.
    public static func figure(_ value: Double, digits: Int = 0) -> String {
        if digits > 0 && value.rounded() != value {
            let scale = Double([1, 10, 100, 1000][Swift.min(digits, 3)])
            return String((value * scale).rounded() / scale)
        }
        // Past Int64, or no number at all, printf writes it ("inf"): a conversion that traps stopped the server on a
        // usage file's 10^19 timestamp.
        guard abs(value.rounded()) < 9e18 else { return grouped(value, digits: 0) }
        let whole = Int64(value.rounded())
        return written(units: whole.magnitude, negative: whole < 0, digits: 0, grouping: true, minimum: 0)
    }

    /// `1,234.57`: fixed decimals with thousands separators.
    public static func grouped(_ value: Double, digits: Int) -> String {
        if let units = scaledUnits(abs(value), digits: digits) {
            return written(units: units, negative: value < 0 && units != 0, digits: digits, grouping: true, minimum: digits)
        }
        let text = fixed(abs(value), digits: digits)
        let point = text.utf8.firstIndex(of: UInt8(ascii: ".")) ?? text.utf8.endIndex
        let negative = value < 0 && text.utf8.contains { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: ".") }
        return (negative ? "-" : "") + thousands(String(text[..<point])) + String(text[point...])
    }

    /// `1234.5000` → `1234.5`: at most `digits` decimals, at least `minimum`, no trailing zeros beyond.
    public static func trimmed(_ value: Double, digits: Int, minimum: Int = 0) -> String {
        if let units = scaledUnits(value, digits: digits) {
            return written(units: units, negative: value.sign == .minus, digits: digits, grouping: false,
                           minimum: Swift.min(minimum, digits))
        }
        let text = fixed(value, digits: digits)
        let utf8 = Array(text.utf8)
        guard let point = utf8.firstIndex(of: UInt8(ascii: ".")) else { return text }
        var end = utf8.count
        while end - point - 1 > minimum, utf8[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end == point + 1 { end = point }
        return end == utf8.count ? text : String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// What `String(format: "%.<digits>f", value)` prints, without parsing a format string and boxing the argument
    /// per call (a fifth of a verdict page's time went there). The value is scaled and rounded half to even, as
    /// printf rounds the exact binary value; when the scaled value lies so near a half that the scaling's own
    /// rounding could tip it, or is too large for exact integers, printf itself decides.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard let units = scaledUnits(value, digits: digits) else { return String(format: "%.\(digits)f", value) }
        return written(units: units, negative: value.sign == .minus, digits: digits, grouping: false, minimum: digits)
    }

    /// |value| × 10^digits rounded half to even, as printf rounds it; nil when printf must decide (see `fixed`).
    private static func scaledUnits(_ value: Double, digits: Int) -> UInt64? {
        guard (0...9).contains(digits) else { return nil }
        let scaled = abs(value) * powersOfTen[digits]
        let fraction = scaled - scaled.rounded(.down)
        // The product is within half an ulp (scaled × 2⁻⁵³) of the exact one; below 2⁵³ whole numbers are exact.
        guard value.isFinite, scaled < 9e15, abs(fraction - 0.5) > scaled * 4e-16 + 1e-12 else { return nil }
        return UInt64(scaled.rounded(.toNearestOrEven))
    }

    /// `units` / 10^digits as `[-]1,234.50`: thousands separators when `grouping`, trailing zeros of the fraction
    /// dropped down to `minimum` digits (and the point with them). Written backwards into a stack buffer and made a
    /// String once: the verdict page formats a few thousand numbers, and each intermediate String was an allocation.
    private static func written(units: UInt64, negative: Bool, digits: Int, grouping: Bool, minimum: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var at = buffer.count
            func put(_ byte: UInt8) { at -= 1; buffer[at] = byte }
            var rest = units
            var kept = digits
            // Fraction digits (least significant first); zeros at the end go while more than `minimum` remain.
            var trailing = true
            for _ in 0..<digits {
                let digit = UInt8(rest % 10)
                rest /= 10
                if trailing && digit == 0 && kept > minimum { kept -= 1; continue }
                trailing = false
                put(UInt8(ascii: "0") + digit)
            }
            if kept > 0 { put(UInt8(ascii: ".")) }
            var count = 0
            repeat {
                if grouping && count > 0 && count % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
                count += 1
            } while rest > 0
            if negative { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[at...]), as: UTF8.self)
        }
    }

    private static let powersOfTen: [Double] = (0...9).map { pow(10, Double($0)) }

    /// `1234567` → `1,234,567`: a comma before every third digit from the right.
    private static func thousands(_ digits: String) -> String {
        let utf8 = Array(digits.utf8)
        guard utf8.count > 3 else { return digits }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 3)
        for (i, byte) in utf8.enumerated() {
            if i > 0 && (utf8.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
