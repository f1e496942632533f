@testable import LedeStore
import Testing

extension Extraction {
    @Suite struct QuoteFinderTests {
        private func quotes(_ paragraphs: [String]) -> [(text: String, speaker: String?, attribution: String?)] {
            let found = Extracted(paragraphs)
            return found.result.quotes.map { (found.slice($0.range), $0.speaker?.name, $0.attribution) }
        }

        @Test func curlyQuoteThenSpeakerSaid() {
            let found = quotes(["“We will act,” Finance Minister Mary Jones said on Monday."])
            #expect(found.count == 1)
            #expect(found.first?.text == "We will act")
            #expect(found.first?.speaker == "Mary Jones")
            #expect(found.first?.attribution == "Finance Minister Mary Jones said")
        }

        @Test func straightQuoteThenSaidSpeaker() {
            let found = quotes(["\"Prices will fall,\" said Peter Brown, an analyst."])
            #expect(found.first?.text == "Prices will fall")
            #expect(found.first?.speaker == "Peter Brown")
            #expect(found.first?.attribution == "said Peter Brown")
        }

        @Test func speakerSaidThenQuote() {
            let found = quotes(["Mary Jones said: “We are ready.”"])
            #expect(found.first?.text == "We are ready.")
            #expect(found.first?.speaker == "Mary Jones")
        }

        @Test func accordingTo() {
            let found = quotes(["The plan is “dead in the water”, according to Peter Brown."])
            #expect(found.first?.speaker == "Peter Brown")
            #expect(found.first?.attribution == "according to Peter Brown")
        }

        @Test func pronounsPointToTheLastPersonNamed() {
            let found = quotes(["Mary Jones arrived late.", "“Sorry,” she said."])
            #expect(found.first?.speaker == "Mary Jones")
            #expect(found.first?.attribution == "she said")
        }

        @Test func partialQuoteTakesTheSubjectOfTheSpeechVerb() {
            let found = quotes(["Peter Brown warned that rivals were playing a \"double game\" in the talks."])
            #expect(found.first?.text == "double game")
            #expect(found.first?.speaker == "Peter Brown")
        }

        @Test func aQuoteSpanningParagraphsIsOneQuote() {
            let found = quotes(["“The first part goes on,", "“and the second part ends,” Mary Jones said."])
            #expect(found.count == 1)
            #expect(found.first?.text.hasPrefix("The first part goes on,") == true)
            #expect(found.first?.text.hasSuffix("and the second part ends") == true)
            #expect(found.first?.speaker == "Mary Jones")
        }

        @Test func apostrophesAreNotQuotes() {
            #expect(quotes(["The team’s coach didn't say."]).isEmpty)
        }
    }
}
