@testable import LedeStore
import Testing

extension Extraction {
    /// One paragraph of a megabyte, with a quote, a speaker and organizations in every sentence.
    /// Quote attribution once searched every candidate of the article for each quote, and short
    /// organization names every other organization, so this took minutes; now each quote looks
    /// only near itself, and it takes seconds even in a debug build under ThreadSanitizer.
    @Suite struct LongArticleExtractionTests {
        static let sentences = [
            "“We are ready to talk,” Foreign Minister Taro Kono told reporters in Washington on March 3.",
            "The United Nations Security Council met in New York, where the Security Council heard “grave concerns”.",
            "Mike Pompeo said: “The talks will resume.”",
        ]

        @Test(.timeLimit(.minutes(2))) func quotesOfAMegabyteParagraphAreAttributed() {
            let repeats = 4_000
            let paragraph = Array(repeating: Self.sentences.joined(separator: " "), count: repeats).joined(separator: " ")
            let found = Extracted([paragraph])
            let quotes = found.result.quotes
            #expect(quotes.count == 3 * repeats)
            #expect(quotes.prefix(3).map { $0.speaker?.name } == ["Taro Kono", nil, "Mike Pompeo"])
            #expect(quotes.suffix(3).map { $0.speaker?.name } == ["Taro Kono", nil, "Mike Pompeo"])
            #expect(quotes.prefix(3).map(\.attribution) == ["Foreign Minister Taro Kono told", nil, "Mike Pompeo said"])
            let councils = found.result.mentions.filter { $0.entity.kind == .organization }
            #expect(Set(councils.map(\.entity.name)) == ["United Nations Security Council"])
        }

        /// More people than the coreference maps search linearly: each later surname still
        /// finds its full name.
        @Test func surnamesOfManyPeopleFindTheirFullNames() {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let surnames = (0..<100).map { "Zorvak" + String(letters[$0 / 26]) + String(letters[$0 % 26]) }
            let introductions = surnames.map { "Minister Maria \($0) arrived in Oslo on Monday." }
            let laterMentions = surnames.map { "\($0) said the talks went well." }
            let found = Extracted([introductions.joined(separator: " "), laterMentions.joined(separator: " ")])
            let people = found.result.mentions.filter { $0.entity.kind == .person }
            #expect(people.count == 200)
            #expect(people.suffix(100).map(\.entity.name) == surnames.map { "Maria \($0)" })
        }
    }
}
