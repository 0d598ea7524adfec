import Foundation
import Testing
@testable import Advisor

/// The hand-written formatting on the hot path says exactly what Foundation's did.
struct FormatTests {
    /// A per-million-token price keeps the digits a price list gives it ($0.0375 was shown as $0.037), with cents at
    /// least, and the tiny or large ones as `usd` writes them.
    @Test func ratesKeepEveryDigitOfAPriceList() {
        let cases: [(Double, String)] = [(0.0375, "$0.0375"), (0.01875, "$0.01875"), (0.1, "$0.10"), (0.3, "$0.30"),
                                         (0.125, "$0.125"), (1.125, "$1.125"), (3.75, "$3.75"), (15, "$15.00"),
                                         (0.1 * 3, "$0.30"), (0.005, "$0.005"), (0.000625, "$0.000625"), (0, "$0.00"),
                                         (2_500, "$2,500.00")]
        for (value, text) in cases { #expect(Format.rate(value) == text, "\(value)") }
    }

    /// Numbers past Int64, or no number at all, are written, never a trap: a usage file's 10^19-nanosecond timestamp
    /// or 10^15 tokens a minute stopped the server where a message wrote them.
    /// A share that is not nothing never reads "0 %" ("the complex 0 %" for a share of 0.0001 sent on to Sonnet).
    @Test func aSmallShareKeepsItsFirstDigit() {
        #expect(Format.percent(0.0001) == "0.01 %")
        #expect(Format.percent(0.000004) == "0.0004 %")
        #expect(Format.percent(0) == "0 %")
        #expect(Format.percent(0.05) == "5 %")
        #expect(Format.percent(0.0012) == "0.1 %")
    }

    /// A team's own share reads as given: rounded, 0.4999999 was "50 %", the other side of a threshold at 50 %.
    @Test func aGivenShareKeepsTheDigitsItWasGivenWith() {
        #expect(Format.givenPercent(0.4999999) == "49.99999 %")
        #expect(Format.givenPercent(0.5) == "50 %")
        #expect(Format.givenPercent(0.333) == "33.3 %")
        #expect(Format.givenPercent(0.3333) == "33.33 %")
        #expect(Format.givenPercent(1.0 / 3) == "33.3333333333 %")
        #expect(Format.givenPercent(0.499999999) == "49.9999999 %" && Format.givenPercent(0.0999999999) == "9.99999999 %")
        #expect(Format.givenPercent(0.0001) == "0.01 %")
        #expect(Format.givenPercent(0) == "0 %")
        #expect(Format.percent(0.4999999) == "50 %", "computed shares keep one decimal")
    }

    /// A tiny budget was "1e-05 s" in some sentences and "0 s" (no budget at all) in others on one page.
    @Test func tinyNumbersAreWrittenOutAndNeverAsNothing() {
        #expect(Format.plainDecimal(0.00001) == "0.00001")
        #expect(Format.plainDecimal(1.5e-9) == "0.0000000015")
        #expect(Format.plainDecimal(-2.5e-7) == "-0.00000025")
        #expect(Format.plainDecimal(1e16) == "10000000000000000")
        #expect(Format.plainDecimal(0.25) == "0.25" && Format.plainDecimal(0.1) == "0.1")
        #expect(AnswerValue.number(0.00001).text == "0.00001")
        #expect(Format.number(0.00001) == "0.00001" && Format.number(0.0000123) == "0.000012")
        #expect(Format.number(0.25) == "0.25" && Format.number(0) == "0")
    }

    @Test func figuresPastInt64AreWrittenNotTrapped() {
        #expect(Format.figure(1e19) == "10,000,000,000,000,000,000")
        #expect(Format.figure(-2.5e19) == "-25,000,000,000,000,000,000")
        #expect(Format.figure(.infinity) == "inf")
        #expect(Format.cents(1e17) == "$100,000,000,000,000,000.00")
        #expect(Format.money(-3e18) == "-$3,000,000,000,000,000,000")
        #expect(Format.figure(9e15) == "9,000,000,000,000,000" && Format.cents(12.5) == "$12.50")
    }

    /// A duration in the unit a reader would use, with the noun agreeing: the concurrency warnings say how long a
    /// request may take, from a second to days.
    @Test func durationsReadInSecondsMinutesOrHours() {
        let cases: [(Double, String)] = [(1, "1 second"), (13.1, "13.1 seconds"), (119.9, "119.9 seconds"),
                                         (120, "2 minutes"), (1_700, "28.3 minutes"), (7_199, "120 minutes"),
                                         (7_200, "2 hours"), (150_000, "41.7 hours"), (1_800_000, "500 hours"),
                                         (36_000_000, "10,000 hours")]
        for (seconds, text) in cases { #expect(Format.duration(seconds) == text, "\(seconds)") }
    }

    /// `Format.fixed` prints what `%.Nf` prints: random magnitudes, exact halves, values just either side of a half,
    /// negatives, negative zero and sizes past its fast path.
    @Test func fixedMatchesPrintf() {
        var rng = SeededRNG(seed: 14)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 1e-9, 123456.785, 9.995,
                                0.045, 1e15, 9.007e15, 1e20, 12_025.0, -0.001, 0.0049999, 86.125, 1234.5678]
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -6...12, using: &rng))
            let value = Double.random(in: 0...1, using: &rng) * magnitude * (Bool.random(using: &rng) ? 1 : -1)
            values.append(value)
            // Two-decimal amounts and their neighbours: the halves printf rounds by the binary value.
            let cents = (value * 100).rounded() / 100 + 0.005
            values += [cents, cents.nextUp, cents.nextDown]
        }
        for value in values {
            for digits in 0...6 {
                #expect(Format.fixed(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value) \(digits)")
            }
        }
    }

    @Test func moneyBelowHalfACentKeepsItsDigits() {
        // A bill of a few requests a month: "$0.00 a month instead of $0.00" said nothing.
        let cases: [(Double, String)] = [(0.0016, "$0.0016"), (0.0002, "$0.0002"), (0, "$0.00"),
                                         (0.005, "$0.01"), (0.05, "$0.05"), (41.5, "$41.50"), (12_025.4, "$12,025")]
        for (value, text) in cases { #expect(Format.money(value) == text, "\(value)") }
    }

    @Test func centsRoundsAsTheCostTableDoes() {
        // One rounding for an amount in a sentence and in the table beside it: $1.625 was "$1.63" in a lever and
        // "$1.62" in the cost table (half to even on the exact binary value, as printf rounds).
        for value in [1, 1.625, 2.675, 12.3, 1234.567, 99.995, 1e9 + 0.07, 0.125] as [Double] {
            if value < 1_000 { #expect(Format.cents(value) == "$" + String(format: "%.2f", value), "\(value)") }
            if value >= 1 { #expect(Format.cents(value) == Format.usd(value), "\(value)") }
        }
        #expect(Format.cents(1.625) == "$1.62" && Format.cents(1.635) == "$1.64" && Format.cents(1234.567) == "$1,234.57")
        // Below zero the sign leads ("$-14.-53" said a quality margin whose strong model was the cheaper); below half
        // a cent the digits that matter ("$0.00 a month" said a cost-first pick of 46 requests).
        let cases: [(Double, String)] = [(-14.53, "-$14.53"), (-0.05, "-$0.05"), (-1234.5, "-$1,234.50"),
                                         (0.0017, "$0.0017"), (-0.004, "-$0.004"), (0.005, "$0.01")]
        for (value, text) in cases { #expect(Format.cents(value) == text, "\(value)") }
        #expect(Format.money(-1_500) == "-$1,500" && Format.money(-0.0002) == "-$0.0002")
        // A table cell too: a usage file's uncached input, 0 less rounding noise, read "$-0.00".
        #expect(Format.usd(-0.0) == "$0.00" && Format.usd(-5) == "-$5.00" && Format.usd(-0.004) == "-$0.004")
    }

    /// One pass: every known placeholder filled, unknown ones and stray braces kept, a value never read again.
    @Test func templateFillsInOnePass() {
        let filled = Template.fill("{model} costs {monthly} {unknown} { {a}} and {model}{", ["model": "Haiku {monthly}",
                                                                                               "monthly": "$5", "a": "é"])
        #expect(filled == "Haiku {monthly} costs $5 {unknown} { é} and Haiku {monthly}{")
        #expect(Template.fill("", ["a": "b"]) == "")
        #expect(Template.fill("no placeholders", [:]) == "no placeholders")
    }
}

extension FormatTests {
    /// The hand-written percent-encoder writes what Foundation's wrote with the RFC 3986 unreserved set.
    @Test func percentEncodingMatchesFoundation() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let texts = ["", "plain-text_1.2~", "a b&c=d+e/f?g#h%i", "café 🙂 日本", "\u{0}\u{1F}\u{7F}",
                     String((32..<127).map { Character(UnicodeScalar($0)!) })]
        for text in texts {
            #expect(Answers.percentEncode(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved), "\(text)")
        }
    }
}

extension FormatTests {
    /// `grouped` and `trimmed` work on bytes now; these are the String-based versions they replaced.
    static func groupedBefore(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        let negative = value < 0 && text.contains { $0 != "0" && $0 != "." }
        return (negative ? "-" : "") + thousandsBefore(String(parts[0])) + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func trimmedBefore(_ value: Double, digits: Int, minimum: Int = 0) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0"), text.split(separator: ".").last!.count > minimum { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func thousandsBefore(_ digits: String) -> String {
        var text = digits
        var i = text.count - 3
        while i > 0 {
            text.insert(",", at: text.index(text.startIndex, offsetBy: i))
            i -= 3
        }
        return text
    }

    @Test func groupedAndTrimmedSayWhatTheyDidBefore() {
        var rng = SeededRNG(seed: 15)
        var values: [Double] = [0, -0.0, 1, 10, 100, 999.995, 1000, -1000.5, 123456789, 0.1, 0.105, -0.004, 1e14]
        for _ in 0..<5_000 {
            values.append(Double.random(in: -1...1, using: &rng) * pow(10, Double.random(in: -5...13, using: &rng)))
        }
        for value in values {
            for digits in 0...4 {
                #expect(Format.grouped(value, digits: digits) == Self.groupedBefore(value, digits: digits), "\(value) \(digits)")
                for minimum in 0...2 {
                    #expect(Format.trimmed(value, digits: digits, minimum: minimum)
                                == Self.trimmedBefore(value, digits: digits, minimum: minimum), "\(value) \(digits) \(minimum)")
                }
            }
        }
    }

    /// Two amounts side by side are never written alike while they differ, and below a dollar the change agrees
    /// with the two amounts as written (the bench's answer sets gave "$0.02 a month instead of $0.02, $0.0042 more"
    /// and "$0.01 a month instead of $0.03, $0.03 less").
    @Test func amountsSideBySideAreToldApart() {
        #expect(Format.money(0.0205, 0.0163) == ("$0.021", "$0.016"))
        #expect(Format.money(0.0123, 0.0118) == ("$0.0123", "$0.0118"))
        #expect(Format.money(1_000.4, 1_000.1) == ("$1,000.40", "$1,000.10"))
        #expect(Format.money(12_025, 41.5) == ("$12,025", "$41.50"))  // told apart already: as `money` writes them
        #expect(Format.money(3, 3) == ("$3.00", "$3.00"))
        let raised = Format.moneyChange(before: 0.0163, after: 0.0205)
        #expect(raised == (before: "$0.0163", after: "$0.0205", change: "$0.0042"))
        let lowered = Format.moneyChange(before: 0.034, after: 0.0069)
        #expect(lowered == (before: "$0.034", after: "$0.007", change: "$0.027"))
        // No amount that is not zero is written as zero: two RAG requests, $0.0031 against $0.0109, were "$0.00".
        #expect(Format.moneyChange(before: 0.0031, after: 0.0109) == (before: "$0.003", after: "$0.011", change: "$0.008"))
        // From a dollar up the cents stand, as `money` writes them.
        #expect(Format.moneyChange(before: 4_320, after: 3_420) == (before: "$4,320", after: "$3,420", change: "$900"))
        #expect(Format.moneyChange(before: 41.15, after: 20.575).before == "$41.15")
        // Beside a month in whole dollars, a difference from a dollar up is in whole dollars too.
        #expect(Format.money(27.4, beside: 108.4) == "$27" && Format.money(0.4, beside: 108) == "$0.40"
                && Format.money(27.4, beside: 60) == "$27.40")
        // Straddling $100, all three in cents, so that they add up ("$81.25 instead of $163, $81.25 less").
        #expect(Format.moneyChange(before: 162.5, after: 81.25) == (before: "$162.50", after: "$81.25", change: "$81.25"))
        #expect(Format.moneyChange(before: 688, after: 650.56) == (before: "$688.00", after: "$650.56", change: "$37.44"))
        var rng = SeededRNG(seed: 21)
        for _ in 0..<2_000 {
            let before = pow(10, Double.random(in: -4...0, using: &rng)) * 0.99
            let after = pow(10, Double.random(in: -4...0, using: &rng)) * 0.99
            guard abs(after - before) >= 1e-8 else { continue }  // nine decimals tell these apart
            let shown = Format.moneyChange(before: before, after: after)
            func amount(_ text: String) -> Double { Double(text.dropFirst())! }
            #expect(shown.before != shown.after || before == after, "\(before) and \(after) both written \(shown.before)")
            // Below a dollar the three agree to the last digit written.
            let decimals = [shown.before, shown.after, shown.change].map { $0.split(separator: ".").last!.count }.max()!
            let gap = abs(amount(shown.after) - amount(shown.before)) - amount(shown.change)
            #expect(abs(gap) < 0.5 * pow(10, -Double(decimals)), "\(before) → \(after): \(shown)")
        }
    }

    /// "N times" in a sentence: one decimal, two below 1.95, where one would say "1 times" of a model 4 % dearer.
    @Test func ratiosBelowTwoKeepTwoDecimals() {
        #expect(Format.ratio(1.04) == "1.04")
        #expect(Format.ratio(1.3) == "1.3")
        #expect(Format.ratio(1.949) == "1.95")
        #expect(Format.ratio(6.08) == "6.1")
        #expect(Format.ratio(2) == "2")
        #expect(Format.ratio(12.46) == "12.5")
    }

    /// A task type in a sentence: RAG as the acronym people write, the others with spaces.
    @Test func taskNames() {
        #expect(AnswerID.taskName("rag") == "RAG")
        #expect(AnswerID.taskName("code_completion") == "code completion")
        #expect(AnswerID.taskName("complex_reasoning") == "complex reasoning")
        #expect(AnswerID.taskName("chat") == "chat")
    }
}
