@testable import LedeStore
import Testing

extension Extraction {
    @Suite struct EntityRecognizerTests {
        @Test func titlesStayOutsidePersonSpans() {
            let found = Extracted("Talks stalled after US President Donald Trump left the room.")
            #expect(found.mentions == ["US → United States (place)", "Donald Trump → Donald Trump (person)"])
        }

        @Test func spansDropTheArticleAndThePossessive() {
            let found = Extracted("Analysts said the Federal Reserve's decision surprised the White House.")
            #expect(found.mentions == ["Federal Reserve → Federal Reserve (organization)", "White House → White House (organization)"])
        }

        @Test func laterSurnamesAreTheEarlierFullName() {
            let found = Extracted(["Angela Merkel arrived on Monday.", "Merkel said little, and Merkel’s aides said less."])
            #expect(found.mentions(of: "Angela Merkel").count == 3)
            #expect(found.mentions(of: "Angela Merkel").map(\.form) == [.name, .alias, .alias])
        }

        @Test func aCommonWordSurnameNeedsTheFullNameFirst() {
            let found = Extracted(["Donald Trump spoke.", "The Trump administration disagreed."])
            #expect(found.mentions == ["Donald Trump → Donald Trump (person)", "Trump → Donald Trump (person)"])
            #expect(Extracted("The trump card was played.").result.mentions.isEmpty)
        }

        @Test func abbreviationsResolveToOneCanonicalName() {
            let found = Extracted("The U.S. and the United States and the US are one country, said the UN and the CIA.")
            #expect(found.result.mentions.map(\.entity.name) == [
                "United States", "United States", "United States", "United Nations", "Central Intelligence Agency",
            ])
            #expect(found.result.mentions.map(\.form) == [.alias, .name, .alias, .alias, .alias])
        }

        @Test func nationalityAdjectivesAreMentionsOfThePlace() {
            let found = Extracted("North Korean officials met French diplomats.")
            #expect(found.mentions == ["North Korean → North Korea (place)", "French → France (place)"])
            #expect(found.result.mentions.allSatisfy { $0.form == .adjective })
            #expect(found.result.countries[EntityKey(name: "North Korea", kind: .place)] == "North Korea")
        }

        @Test func placesKnowTheirCountry() {
            let found = Extracted("Prices rose in Osaka and Marseille.")
            #expect(found.result.countries[EntityKey(name: "Osaka", kind: .place)] == "Japan")
            #expect(found.result.countries[EntityKey(name: "Marseille", kind: .place)] == "France")
        }

        @Test func organizationWordsMakeOrganizations() {
            let found = Extracted("Shares of Acme Widgets Inc. fell after the Ministry of Health and the Treasury Department spoke.")
            #expect(found.mentions == [
                "Acme Widgets Inc. → Acme Widgets Inc. (organization)",
                "Ministry of Health → Ministry of Health (organization)",
                "Treasury Department → Treasury Department (organization)",
            ])
        }

        @Test func ofJoinsOrganizationsButNotPeopleAndPlaces() {
            let found = Extracted("Kim Jong Un of North Korea met the Office of Foreign Assets Control.")
            #expect(found.mentions == [
                "Kim Jong Un → Kim Jong Un (person)", "North Korea → North Korea (place)",
                "Office of Foreign Assets Control → Office of Foreign Assets Control (organization)",
            ])
        }

        @Test func andSplitsTwoNames() {
            let found = Extracted("A summit between Kim Jong Un and Moon Jae-in was held.")
            #expect(found.mentions == ["Kim Jong Un → Kim Jong Un (person)", "Moon Jae-in → Moon Jae-in (person)"])
        }

        @Test func sentenceOpeningCommonWordsAreNotNames() {
            let found = Extracted("Showers continued in the region. Endless rain hit Lisbon.")
            #expect(found.mentions == ["Lisbon → Lisbon (place)"])
        }

        @Test func acronymsInBracketsNameTheOrganization() {
            let found = Extracted("The Office of Foreign Assets Control (OFAC) acted. OFAC said so.")
            #expect(found.mentions(of: "Office of Foreign Assets Control").count == 3)
        }

        @Test func wireDatelinesArePlacesAndFillTheDatelineField() {
            let tokyo = Extracted("TOKYO, March 3 - The yen fell.")
            #expect(tokyo.result.dateline == "Tokyo")
            #expect(tokyo.mentions.first == "TOKYO → Tokyo (place)")
            #expect(tokyo.result.countries[EntityKey(name: "Tokyo", kind: .place)] == "Japan")
            let salvador = Extracted("SALVADOR, Feb 26 - Showers continued.")
            #expect(salvador.result.dateline == "Salvador")
            #expect(Extracted("SOCCER - Late goal wins it.").result.dateline == nil)
        }

        @Test func explainSaysWhyASpanWasTagged() {
            let text = "Mr Smith went to Paris."
            var bytes = text
            let sentences = bytes.withUTF8 { SentenceSplitter.split($0, in: 0..<$0.count) }
            let result = NewsExtractor.standard.extract(
                ExtractionInput(
                    title: nil, text: text, paragraphs: [0..<text.utf8.count], sentences: sentences.map { (0, $0) }, published: nil,
                    explain: true))
            #expect(result.mentions.map(\.reason) == ["follows a title or honorific", "in the gazetteer"])
        }
    }
}
