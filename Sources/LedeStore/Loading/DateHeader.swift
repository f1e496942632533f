import Foundation

/// The first line of a seed file: `Dec 11, 2018 08:15 Asia/Tehran`, optionally followed by
/// `[Updated: May 14, 2019 21:40 Asia/Tehran]`. Times are wall-clock times in the named zone,
/// converted with the zone database (so daylight time is right for the date).
struct DateHeader: Equatable {
    var published: ZonedDateTime
    var updated: ZonedDateTime?

    struct Failure: Error, Equatable {
        var message: String
    }

    static let example = "Dec 11, 2018 08:15 Asia/Tehran"

    init(parsing line: String) throws(Failure) {
        var main = Substring(line.trimming(" \t\u{A0}"))
        var updatedText: Substring?
        if let open = main.firstIndex(of: "["), main.hasSuffix("]") {
            let inner = main[main.index(after: open)..<main.index(before: main.endIndex)]
            main = main[..<open]
            guard let colon = inner.firstIndex(of: ":"), inner[..<colon].trimming(" ").lowercased() == "updated" else {
                throw Failure(message: "expected '[Updated: \(Self.example)]' after the date, found '[\(inner)]'")
            }
            updatedText = inner[inner.index(after: colon)...]
        }
        published = try Self.stamp(main.trimming(" \t"))
        updated = try updatedText.map { (text) throws(Failure) in try Self.stamp(text.trimming(" \t")) }
    }

    /// Parses `Mon D, YYYY HH:MM Area/City`.
    static func stamp(_ text: String) throws(Failure) -> ZonedDateTime {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 5, parts[1].hasSuffix(","),
            let month = month(named: parts[0]),
            let day = Int(parts[1].dropLast()),
            let year = Int(parts[2]), parts[2].count == 4
        else {
            throw Failure(message: "expected a date line like '\(example)', found '\(abbreviated(text))'")
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw Failure(message: "invalid date '\(parts[0]) \(parts[1]) \(parts[2])'")
        }
        let clock = parts[3].split(separator: ":")
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]), let minute = Int(clock[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            throw Failure(message: "invalid time '\(parts[3])': expected HH:MM on a 24-hour clock")
        }
        let zone = String(parts[4])
        guard let resolved = ZoneDatabase.Zone(named: zone) else {
            throw Failure(message: "unknown time zone '\(zone)'")
        }
        return resolved.dateTime(local: date, hour: hour, minute: minute, second: 0)
    }

    private static let months: [String: Int] = {
        var months: [String: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        for (index, name) in names.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        months["sept"] = 9
        return months
    }()

    static func month(named name: Substring) -> Int? {
        months[name.lowercased().trimming(".")]
    }

    private static func abbreviated(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

/// Wall-clock times in IANA zones, through Foundation's zone database.
enum ZoneDatabase {
    /// A zone looked up once by name: a record's published time asks both whether its zone is
    /// known and what the offset is, and each lookup costs more than reading the rest of the date.
    ///
    /// UTC's own names need no lookup at all: most corpora stamp their articles in UTC.
    struct Zone {
        let name: String
        /// Foundation's zone; nil for UTC, whose offset is 0 at every instant.
        private let timeZone: TimeZone?

        /// The zone called `name`, or nil when Foundation's database does not know it.
        init?(named name: String) {
            self.name = name
            if ZoneDatabase.isUTC(name) {
                timeZone = nil
            } else if let timeZone = TimeZone(identifier: name) {
                self.timeZone = timeZone
            } else {
                return nil
            }
        }

        /// The instant that reads `date hour:minute:second` on clocks in this zone. A time
        /// skipped by a daylight-saving jump is read with the offset before the jump; a repeated
        /// time takes its first occurrence.
        func dateTime(local date: CivilDate, hour: Int, minute: Int, second: Int) -> ZonedDateTime {
            let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            // Offsets can differ before and after the instant; try the earlier one first.
            let before = offset(at: local - 86_400)
            let after = offset(at: local + 86_400)
            for candidate in [before, after] {
                let instant = local - Int64(candidate)
                if offset(at: instant) == candidate {
                    return ZonedDateTime(seconds: instant, offset: candidate, zone: name)
                }
            }
            let instant = local - Int64(before)
            return ZonedDateTime(seconds: instant, offset: offset(at: instant), zone: name)
        }

        /// `instant` as seen in this zone.
        func dateTime(seconds instant: Int64) -> ZonedDateTime {
            ZonedDateTime(seconds: instant, offset: offset(at: instant), zone: name)
        }

        private func offset(at instant: Int64) -> Int32 {
            guard let timeZone else { return 0 }
            return Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        }
    }

    /// Names Foundation knows for a zone that is UTC at every instant.
    static func isUTC(_ zone: String) -> Bool {
        switch zone {
        case "Etc/UTC", "UTC", "Etc/GMT", "GMT": true
        default: false
        }
    }
}
