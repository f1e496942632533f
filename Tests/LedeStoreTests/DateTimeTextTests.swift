@testable import LedeStore
import Testing

/// The ISO 8601 reader shared by the JSON Lines loader and the query language's literals: what
/// it accepts, and what it says of what it does not.
@Suite struct DateTimeTextTests {
    @Test func readsDatesTimesAndOffsets() throws {
        let date = try DateTimeText(parsing: "2018-12-11")
        #expect(date.date == CivilDate(year: 2018, month: 12, day: 11))
        #expect(date.time == nil)
        #expect(date.offset == nil)

        let minutes = try DateTimeText(parsing: "2018-12-11T08:15")
        #expect(minutes.time?.hour == 8 && minutes.time?.minute == 15 && minutes.time?.second == 0)
        #expect(minutes.offset == nil)

        let full = try DateTimeText(parsing: "2018-12-11T08:15:00.5+03:30")
        #expect(full.time?.second == 0)
        #expect(full.offset == Int32(3 * 3600 + 30 * 60))

        let utc = try DateTimeText(parsing: "1987-02-26 15:01:01Z")
        #expect(utc.time?.hour == 15 && utc.time?.minute == 1 && utc.time?.second == 1)
        #expect(utc.offset == 0)

        #expect(try DateTimeText(parsing: "2018-12-11T08:15-0500").offset == -5 * 3600)
        // A substring is read like the string it spells.
        let text = "on 2018-12-11 at noon"
        let start = text.index(text.startIndex, offsetBy: 3)
        let end = text.index(start, offsetBy: 10)
        #expect(try DateTimeText(parsing: text[start..<end]).date == CivilDate(year: 2018, month: 12, day: 11))
    }

    @Test func saysWhatIsWrong() {
        let cases: [(String, String)] = [
            ("", "expected a date like 2018-12-11, found ''"),
            ("2018-1-11", "expected a date like 2018-12-11, found '2018-1-11'"),
            ("2018-13-01", "invalid date '2018-13-01': the month must be 01 to 12"),
            ("2019-02-29", "invalid date '2019-02-29': February 2019 has 28 days"),
            ("2018-12-11X08:15", "expected 'T' and a time after the date in '2018-12-11X08:15'"),
            ("2018-12-11T8:15", "expected a time like 08:15 in '2018-12-11T8:15'"),
            ("2018-12-11T08:15:", "expected seconds after the minutes in '2018-12-11T08:15:'"),
            ("2018-12-11T08:15:00.", "expected digits after the decimal point in '2018-12-11T08:15:00.'"),
            ("2018-12-11T24:00", "invalid time in '2018-12-11T24:00': hours run 00-23, minutes and seconds 00-59"),
            ("2018-12-11T08:15+3", "expected an offset like +03:30 in '2018-12-11T08:15+3'"),
            ("2018-12-11T08:15+19:00", "invalid offset in '2018-12-11T08:15+19:00'"),
            ("2018-12-11T08:15Zulu", "unexpected 'ulu' at the end of '2018-12-11T08:15Zulu'"),
        ]
        for (text, message) in cases {
            #expect(throws: DateTimeText.Failure(message: message), "\(text)") { try DateTimeText(parsing: text) }
        }
    }
}
