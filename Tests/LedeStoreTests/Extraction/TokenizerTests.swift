@testable import LedeStore
import Testing

extension Extraction {
    @Suite struct TokenizerTests {
        private func tokens(_ text: String) -> [(String, TokenShape)] {
            let bytes = Array(text.utf8)
            var tokens: [Token] = []
            bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, 0..<$0.count, sentence: 0, gazetteer: nil, into: &tokens) }
            return tokens.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.shape) }
        }

        @Test func splitsPossessivesButKeepsApostrophesInsideNames() {
            #expect(tokens("Trump's O'Brien Trump’s d'Ivoire").map(\.0) == ["Trump", "'s", "O'Brien", "Trump", "’s", "d'Ivoire"])
            #expect(tokens("Trump’s")[1].1.contains(.possessive))
        }

        @Test func keepsInitialsAndInitialismsWithTheirPeriods() {
            let found = tokens("U.S. envoy J. Smith left.")
            #expect(found.map(\.0) == ["U.S.", "envoy", "J.", "Smith", "left", "."])
            #expect(found[0].1.contains(.dotted))
            #expect(found[2].1.contains(.initial))
        }

        @Test func readsNumbersWholeAndMarksShapes() {
            let found = tokens("155,221 bags on 1996-08-30 at 5.93 NATO Tokyo-based")
            #expect(found.map(\.0) == ["155,221", "bags", "on", "1996-08-30", "at", "5.93", "NATO", "Tokyo-based"])
            #expect(found[0].1.contains(.number))
            #expect(found[6].1.contains(.allCaps))
            #expect(found[7].1.contains(.lowercaseSuffix))
            #expect(found[1].1.contains(.lowercase))
        }

        @Test func aWordBeforePunctuationIsShapedAsBeforeASpace() {
            let found = tokens("Tokyo, NATO. said: van-Kim A. 3,5 3.5. B.C. x- x&y it's")
            #expect(found.map(\.0) == ["Tokyo", ",", "NATO", ".", "said", ":", "van-Kim", "A.", "3,5", "3.5", ".", "B.C.", "x", "-", "x&y", "it", "'s"])
            let spaced = tokens("Tokyo NATO said")
            #expect(found[0].1 == spaced[0].1 && found[2].1 == spaced[1].1 && found[4].1 == spaced[2].1)
            #expect(found[7].1.contains(.initial) && found[11].1.contains(.dotted))
            #expect(found[8].1.contains(.number) && found[9].1.contains(.number))
        }

        @Test func marksQuotesAndAttachment() {
            let found = tokens("“Yes,” he said \"no\"")
            #expect(found[0].1.contains(.openingQuote))
            #expect(found[1].1.contains(.attached))
            #expect(found[3].1.contains(.closingQuote))
            #expect(found[6].1.contains(.openingQuote) && found[6].1.contains(.closingQuote))
        }

        @Test func hashesIgnoreCaseAndTheKindOfApostrophe() {
            func hash(_ word: String) -> UInt64 {
                Array(word.utf8).withUnsafeBufferPointer { WordHash.word($0, 0..<$0.count) }
            }
            let bytes = Array("O’Brien TOKYO".utf8)
            var found: [Token] = []
            bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, 0..<$0.count, sentence: 0, gazetteer: nil, into: &found) }
            #expect(found.map(\.hash) == [hash("o'brien"), hash("tokyo")])
        }
    }
}
