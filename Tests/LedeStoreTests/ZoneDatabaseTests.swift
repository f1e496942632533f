import Foundation
@testable import LedeStore
import Testing

/// `ZoneDatabase.Zone` answers UTC's own names without Foundation; the answers must be Foundation's.
@Suite struct ZoneDatabaseTests {
    /// 1900, the epoch, a 1987 Reuters date, a northern summer and a southern one.
    static let instants: [Int64] = [-2_208_988_800, 0, 541_350_061, 1_593_561_600, 1_609_459_200]

    @Test(arguments: ["Etc/UTC", "UTC", "Etc/GMT", "GMT"])
    func utcNamesAnswerAsFoundationDoes(zone: String) throws {
        #expect(ZoneDatabase.isUTC(zone))
        let known = try #require(ZoneDatabase.Zone(named: zone))
        let timeZone = try #require(TimeZone(identifier: zone))
        for instant in Self.instants {
            #expect(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) == 0)
            #expect(known.dateTime(seconds: instant) == ZonedDateTime(seconds: instant, offset: 0, zone: zone))
        }
        let date = try #require(CivilDate(year: 1987, month: 2, day: 26))
        #expect(known.dateTime(local: date, hour: 15, minute: 1, second: 1) == ZonedDateTime(seconds: 541_350_061, offset: 0, zone: zone))
    }

    /// Zones that read UTC some of the time, or never, go through Foundation.
    @Test func otherZonesAreNotUTC() throws {
        for zone in ["Europe/London", "Africa/Abidjan", "Etc/GMT+1", "Asia/Tehran", "utc"] {
            #expect(!ZoneDatabase.isUTC(zone))
        }
        let date = try #require(CivilDate(year: 2020, month: 7, day: 1))
        #expect(ZoneDatabase.Zone(named: "Europe/London")?.dateTime(local: date, hour: 12, minute: 0, second: 0).offset == 3600)
        #expect(ZoneDatabase.Zone(named: "Mars/Olympus_Mons") == nil)
    }
}
