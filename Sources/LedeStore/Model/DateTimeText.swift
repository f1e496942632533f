/// ISO 8601 dates and datetimes as text: `2018-12-11`, `2018-12-11T08:15`,
/// `2018-12-11T08:15:00.5+03:30`, `1987-02-26 15:01:01Z`. Shared by the JSON Lines loader and
/// the query language's literals.
public struct DateTimeText: Sendable, Equatable {
    public var date: CivilDate
    /// Hour, minute and second, when a time was given.
    public var time: (hour: Int, minute: Int, second: Int)?
    /// Seconds east of UTC, when an offset or `Z` was given.
    public var offset: Int32?

    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    public static func == (lhs: DateTimeText, rhs: DateTimeText) -> Bool {
        lhs.date == rhs.date && lhs.offset == rhs.offset && lhs.time?.hour == rhs.time?.hour
            && lhs.time?.minute == rhs.time?.minute && lhs.time?.second == rhs.time?.second
    }

    public init(parsing text: some StringProtocol) throws(Failure) {
        let shown = String(text)
        // Read in place: the loader parses a date for every article, and copying the text into
        // an array first cost more than reading it.
        var readable = shown
        self = try readable.withUTF8 { chars in
            Result { () throws(Failure) in try DateTimeText(chars, shown: shown) }
        }.get()
    }

    /// Parses `chars`, the UTF-8 of `shown`.
    private init(_ chars: UnsafeBufferPointer<UInt8>, shown: String) throws(Failure) {
        var cursor = Cursor(chars: chars)
        guard let year = cursor.number(4), cursor.expect("-"), let month = cursor.number(2), cursor.expect("-"),
            let day = cursor.number(2)
        else {
            throw Failure(message: "expected a date like 2018-12-11, found '\(shown)'")
        }
        guard (1...12).contains(month) else {
            throw Failure(message: "invalid date '\(shown)': the month must be 01 to 12")
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw Failure(message: "invalid date '\(shown)': \(CivilDate.monthName(month)) \(year) has \(CivilDate.daysIn(month: month, year: year)) days")
        }
        self.date = date
        guard cursor.i < chars.count else { return }

        guard cursor.expect("T") || cursor.expect(" ") else {
            throw Failure(message: "expected 'T' and a time after the date in '\(shown)'")
        }
        guard let hour = cursor.number(2), cursor.expect(":"), let minute = cursor.number(2) else {
            throw Failure(message: "expected a time like 08:15 in '\(shown)'")
        }
        var second = 0
        if cursor.expect(":") {
            guard let s = cursor.number(2) else { throw Failure(message: "expected seconds after the minutes in '\(shown)'") }
            second = s
            if cursor.expect(".") || cursor.expect(",") {
                // Fractions of a second are accepted and dropped.
                guard cursor.number(1) != nil else { throw Failure(message: "expected digits after the decimal point in '\(shown)'") }
                while cursor.number(1) != nil {}
            }
        }
        guard hour < 24, minute < 60, second < 60 else {
            throw Failure(message: "invalid time in '\(shown)': hours run 00-23, minutes and seconds 00-59")
        }
        time = (hour, minute, second)
        guard cursor.i < chars.count else { return }

        if cursor.expect("Z") || cursor.expect("z") {
            offset = 0
        } else if cursor.i < chars.count, chars[cursor.i] == UInt8(ascii: "+") || chars[cursor.i] == UInt8(ascii: "-") {
            let sign: Int32 = chars[cursor.i] == UInt8(ascii: "-") ? -1 : 1
            cursor.i += 1
            guard let hours = cursor.number(2) else { throw Failure(message: "expected an offset like +03:30 in '\(shown)'") }
            _ = cursor.expect(":")
            let minutes = cursor.number(2) ?? 0
            guard hours <= 18, minutes < 60 else { throw Failure(message: "invalid offset in '\(shown)'") }
            offset = sign * Int32(hours * 3600 + minutes * 60)
        }
        guard cursor.i == chars.count else {
            throw Failure(message: "unexpected '\(String(decoding: chars[cursor.i...], as: UTF8.self))' at the end of '\(shown)'")
        }
    }

    /// Reads `chars` from `i` on. (A struct, not functions nested in the initializer: those
    /// captured `i`, and every read of it was checked for exclusive access at run time.)
    private struct Cursor {
        let chars: UnsafeBufferPointer<UInt8>
        var i = 0

        /// The number `digits` digits spell, read past; nil when they are not all there.
        mutating func number(_ digits: Int) -> Int? {
            guard i + digits <= chars.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard chars[k] >= 0x30 && chars[k] <= 0x39 else { return nil }
                value = value * 10 + Int(chars[k] - 0x30)
            }
            i += digits
            return value
        }

        /// Whether `c` comes next, read past when it does.
        mutating func expect(_ c: Unicode.Scalar) -> Bool {
            guard i < chars.count, UInt32(chars[i]) == c.value else { return false }
            i += 1
            return true
        }
    }

    /// The datetime with a fixed offset (UTC when none was given) and no zone name.
    public var zonedDateTime: ZonedDateTime {
        let (h, m, s) = time ?? (0, 0, 0)
        return ZonedDateTime(local: date, hour: h, minute: m, second: s, offset: offset ?? 0, zone: offset == nil ? "UTC" : nil)
    }
}

extension CivilDate {
    public static func monthName(_ month: Int) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        return (1...12).contains(month) ? names[month - 1] : "month \(month)"
    }
}
