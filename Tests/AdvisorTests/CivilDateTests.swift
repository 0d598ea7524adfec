import Foundation
import Testing
@testable import Advisor

/// Day numbers and their `YYYY-MM-DD` spelling: the two directions agree across four-digit years, and the
/// spelling is the calendar's (checked against Foundation's UTC calendar on a sample).
struct CivilDateTests {
    /// Every third day of the years 0 to 9999 (a third of them, spread over every month and leap year).
    @Test func daysOfFourDigitYearsRoundTrip() throws {
        let first = try #require(CivilDate.day("0000-03-01")), last = try #require(CivilDate.day("9999-12-31"))
        for day in stride(from: first, through: last, by: 3) {
            let text = CivilDate.text(day)
            #expect(text.utf8.count == 10 && CivilDate.day(text) == day, "\(day): \(text)")
        }
        #expect(CivilDate.text(0) == "1970-01-01")
        #expect(CivilDate.text(try #require(CivilDate.day("2026-12-03"))) == "2026-12-03")
        #expect(CivilDate.text(last + 1) == "10000-01-01")
    }

    @Test func theSpellingIsTheCalendars() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // From 1600 on: before 1582 Foundation's Gregorian calendar is Julian, the engine's is proleptic.
        for day in stride(from: -135_000, through: 2_900_000, by: 997) {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(CivilDate.text(day) == expected, "\(day)")
        }
    }
}

/// Years by arithmetic (the timeline's axis), and the years content may name.
struct CivilYearTests {
    @Test func yearOfADayAgreesWithItsText() {
        for text in ["1970-01-01", "2000-02-29", "2026-12-31", "2027-01-01", "2099-12-31", "0001-01-01", "9999-12-31"] {
            let day = CivilDate.day(text)!
            #expect(CivilDate.year(of: day) == Int(text.prefix(4))!, "\(text)")
            #expect(CivilDate.firstDay(ofYear: CivilDate.year(of: day)) == CivilDate.day(String(text.prefix(4)) + "-01-01"))
        }
        #expect(CivilDate.year(of: CivilDate.day("9999-12-31")! + 1) == 10_000)
    }

    @Test func plausibleDaysKeepToTheCentury() {
        #expect(CivilDate.plausibleDay("2026-12-06") == CivilDate.day("2026-12-06"))
        #expect(CivilDate.plausibleDay("9999-12-31") == nil && CivilDate.plausibleDay("0001-01-01") == nil)
        #expect(CivilDate.plausibleDay("1999-12-31") == nil && CivilDate.plausibleDay("2100-01-01") == nil)
    }
}
