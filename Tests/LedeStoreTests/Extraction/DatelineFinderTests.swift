@testable import LedeStore
import Testing

extension Extraction {
    @Suite struct DatelineFinderTests {
        @Test func titleCasesBytesAsItTitleCasesStrings() {
            for place in ["NEW YORK", "WASHINGTON D.C.", "RIO DE JANEIRO", "N'DJAMENA", "SÃO PAULO", "ÅRHUS", "", "A"] {
                let bytes = Array(place.utf8)
                let cased = bytes.withUnsafeBufferPointer { DatelineFinder.titleCased($0) }
                #expect(cased == DatelineFinder.titleCased(place))
            }
            #expect(DatelineFinder.titleCased("NEW YORK") == "New York")
        }

        @Test func aWireDatelineNamesItsPlace() {
            #expect(Extracted("TOKYO, March 3 - Shares fell.").result.dateline == "Tokyo")
            #expect(Extracted("NEW YORK (Reuters) - Shares fell.").result.dateline == "New York")
        }
    }
}
