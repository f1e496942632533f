import Foundation
import LedeStore
import Testing

extension Extraction {
    /// The seed article read with the standard extractor: every person, organization and place a
    /// careful reader would mark, with the right kind, and nothing else.
    @Suite struct SeedExtractionTests {
        let corpus: Corpus

        init() throws {
            corpus = try CorpusLoader.load(Fixtures.seeds, options: LoadOptions(extractor: NewsExtractor.standard))
        }

        private func entity(_ name: String) -> Entity? {
            corpus.entities.first { $0.name == name }
        }

        private func mentionCount(_ name: String) -> Int? {
            corpus.entities.firstIndex { $0.name == name }.map { corpus.mentionCount(of: EntityID($0)) }
        }

        private func names(_ kind: EntityKind) -> Set<String> {
            Set(corpus.entities.filter { $0.kind == kind }.map(\.name))
        }

        @Test func people() throws {
            #expect(names(.person) == [
                "Choe Ryong Hae", "Pak Kwang Ho", "Jong Kyong Thaek", "Steven Mnuchin", "Kim Jong Un", "Donald Trump", "Mike Pompeo",
            ])
            let trump = try #require(entity("Donald Trump"))
            #expect(trump.kind == .person)
            #expect(trump.aliases.contains("Trump"))
            #expect(mentionCount("Donald Trump") == 5)
            #expect(mentionCount("Kim Jong Un") == 2)
        }

        @Test func organizations() {
            #expect(names(.organization) == [
                "United States Treasury Department", "Office of Foreign Assets Control", "Workers’ Party of Korea",
                "Organization and Guidance Department", "Central Intelligence Agency", "United Nations",
            ])
            #expect(entity("United States Treasury Department")?.aliases == ["Treasury", "Treasury Department"])
            #expect(entity("United Nations")?.aliases == ["UN"])
        }

        @Test func places() throws {
            #expect(names(.place) == ["North Korea", "United States", "Singapore", "Pyongyang", "Washington"])
            let northKorea = try #require(entity("North Korea"))
            #expect(northKorea.aliases == ["North Korean"])
            #expect(northKorea.country == "North Korea")
            #expect(entity("Pyongyang")?.country == "North Korea")
            #expect(entity("United States")?.aliases == ["US"])
            #expect(entity("Singapore")?.country == "Singapore")
        }

        @Test func nationalityAdjectivesAreMarked() {
            let adjectives = corpus.mentions.indices.filter { corpus.mentions[$0].form == .adjective }
            #expect(adjectives.count == 4)
            #expect(adjectives.allSatisfy { corpus.text(of: MentionID($0)) == "North Korean" })
        }

        @Test func roles() {
            #expect(entity("Steven Mnuchin")?.roles == ["US Treasury Secretary"])
            #expect(entity("Mike Pompeo")?.roles.contains("secretary of state") == true)
            #expect(entity("Mike Pompeo")?.roles.contains("director of the Central Intelligence Agency") == true)
            #expect(entity("Jong Kyong Thaek")?.roles == ["Minister of State Security"])
            #expect(entity("Kim Jong Un")?.roles == ["North Korean leader"])
            #expect(entity("Donald Trump")?.roles == ["US President"])
        }

        @Test func quotes() throws {
            #expect(corpus.quotes.count == 2)
            let statement = try #require(corpus.quotes.first)
            #expect(corpus.text(of: QuoteID(0)).hasPrefix("Treasury is sanctioning senior North Korean officials"))
            #expect(corpus.text(of: QuoteID(0)).hasSuffix("suppress and control the population"))
            #expect(statement.speaker.map { corpus[$0].name } == "Steven Mnuchin")
            #expect(statement.attribution == "US Treasury Secretary Steven Mnuchin said")
            #expect(corpus.text(of: QuoteID(1)) == "double game")
            #expect(corpus.quotes[1].speaker.map { corpus[$0].name } == "North Korea")
        }

        @Test func dates() {
            let found = corpus.dates.indices.map { index in
                let date = corpus.dates[index]
                return "\(corpus.text(of: DateReferenceID(index))) = \(date.date.map { "\($0)" } ?? "nil")"
                    + (date.end.map { "..\($0)" } ?? "") + " \(date.precision)"
            }
            #expect(found == [
                "Monday = 2018-12-10 day", "the first half of 2019 = 2019-01-01..2019-06-30 span", "June 12 = 2018-06-12 day",
                "this year = 2018-01-01 year", "August\u{A0}28 = 2018-08-28 day",
            ])
        }

        @Test func noDateline() {
            #expect(corpus.articles.first?.dateline == nil)
        }
    }
}
