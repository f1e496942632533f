/// An instant together with the zone it was written in: `2018-12-11 08:15 Asia/Tehran`.
///
/// Two datetimes compare by instant, whatever their zones. The offset is the zone's offset at
/// that instant (from the zone database when the zone is known), so local fields are computed
/// without consulting the database again.
public struct ZonedDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// The IANA zone name (`Asia/Tehran`), or nil when only an offset was given.
    public let zone: String?
    /// Seconds east of UTC at this instant. Declared last, so the value ends in 28 bytes
    /// rather than 32 and an article packs its line or word count into the gap.
    public let offset: Int32

    public init(seconds: Int64, offset: Int32, zone: String?) {
        self.seconds = seconds
        self.offset = offset
        self.zone = zone
    }

    public static func < (lhs: ZonedDateTime, rhs: ZonedDateTime) -> Bool {
        lhs.seconds < rhs.seconds
    }

    public static func == (lhs: ZonedDateTime, rhs: ZonedDateTime) -> Bool {
        lhs.seconds == rhs.seconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(seconds)
    }

    /// Seconds since the epoch of the wall-clock time in this datetime's own zone.
    private var localSeconds: Int64 { seconds + Int64(offset) }

    /// The calendar date on the wall clock where it was written.
    public var localDate: CivilDate {
        CivilDate(daysSinceEpoch: Int32(Self.floorDivide(localSeconds, 86_400)))
    }

    /// The calendar date in UTC.
    public var utcDate: CivilDate {
        CivilDate(daysSinceEpoch: Int32(Self.floorDivide(seconds, 86_400)))
    }

    /// Hours, minutes and seconds on the local wall clock.
    public var localTime: (hour: Int, minute: Int, second: Int) {
        let secondOfDay = Int(localSeconds - Self.floorDivide(localSeconds, 86_400) * 86_400)
        return (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// The instant at which `date` begins in UTC.
    public static func startOfDay(_ date: CivilDate) -> ZonedDateTime {
        ZonedDateTime(seconds: Int64(date.daysSinceEpoch) * 86_400, offset: 0, zone: "UTC")
    }

    /// The datetime whose local wall-clock reading is `date` at `time` with a fixed `offset`.
    public init(local date: CivilDate, hour: Int, minute: Int, second: Int = 0, offset: Int32, zone: String?) {
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(seconds: local - Int64(offset), offset: offset, zone: zone)
    }

    /// `+03:30`, or `Z` for UTC.
    public var offsetText: String {
        if offset == 0 { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let minutes = Int(abs(offset)) / 60
        return "\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    /// ISO 8601 with the local time and its offset: `2018-12-11T08:15:00+03:30`.
    public var iso8601: String {
        let (h, m, s) = localTime
        return "\(localDate)T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2))\(offsetText)"
    }

    /// How a person reads it: `2018-12-11 08:15 Asia/Tehran`, `1987-02-26 15:01:01 UTC`,
    /// `2004-05-01 10:00 +02:00`. Seconds appear only when they are not zero.
    public var description: String {
        let (h, m, s) = localTime
        let time = "\(pad(h, 2)):\(pad(m, 2))" + (s == 0 ? "" : ":\(pad(s, 2))")
        let zoneText: String
        if let zone { zoneText = zone == "Etc/UTC" ? "UTC" : zone }
        else { zoneText = offset == 0 ? "UTC" : offsetText }
        return "\(localDate) \(time) \(zoneText)"
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
