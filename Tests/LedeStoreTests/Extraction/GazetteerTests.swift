import Foundation
@testable import LedeStore
import Testing

extension Extraction {
    @Suite struct GazetteerTests {
        private func phrase(_ text: String, in gazetteer: Gazetteer = .bundled) -> (name: String, country: String?)? {
            let bytes = Array(text.utf8)
            var tokens: [Token] = []
            bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, 0..<$0.count, sentence: 0, gazetteer: nil, into: &tokens) }
            guard let first = tokens.first else { return nil }
            let hash = tokens.dropFirst().reduce(first.hash) { WordHash.extend($0, with: $1.hash) }
            guard let found = gazetteer.phrase(hash), Int(found.length) == tokens.count else { return nil }
            return (gazetteer.name(found.name), found.country >= 0 ? gazetteer.name(found.country) : nil)
        }

        @Test func bundledDataLoads() {
            #expect(Gazetteer.bundled.isLoaded)
        }

        @Test func abbreviationsShareTheCountrysName() {
            for surface in ["US", "U.S.", "United States", "United States of America", "USA"] {
                #expect(phrase(surface)?.name == "United States", "\(surface)")
            }
            #expect(phrase("UN")?.name == "United Nations")
            #expect(phrase("CIA")?.name == "Central Intelligence Agency")
        }

        @Test func citiesKnowTheirCountry() {
            #expect(phrase("Tokyo")?.country == "Japan")
            #expect(phrase("Pyongyang")?.country == "North Korea")
            #expect(phrase("Salvador")?.country == "Brazil")
            #expect(phrase("Japan")?.country == "Japan")
        }

        @Test func nationalityAdjectivesNameTheirPlace() {
            #expect(phrase("North Korean")?.name == "North Korea")
            #expect(phrase("Iraqis")?.name == "Iraq")
            #expect(phrase("French")?.name == "France")
        }

        @Test func aMissingFolderGivesAnEmptyGazetteerAndTheExtractorStillRuns() {
            let empty = Gazetteer.load(from: URL(fileURLWithPath: "/nonexistent-lede-gazetteers"))
            #expect(!empty.isLoaded)
            #expect(phrase("Tokyo", in: empty) == nil)
            let found = Extracted(
                ["TOKYO, March 3 - Yoshio Tanaka met Mary Smith in Osaka on Monday."], extractor: NewsExtractor(gazetteer: empty))
            #expect(found.mentions.contains("Mary Smith → Mary Smith (person)"))
            #expect(found.result.dateline == "Tokyo")
            #expect(found.dates == ["March 3 = 2018-03-03 day", "Monday = 2018-12-10 day"])
        }
    }
}
