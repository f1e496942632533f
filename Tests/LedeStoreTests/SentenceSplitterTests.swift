@testable import LedeStore
import Testing

@Suite struct SentenceSplitterTests {
    func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            SentenceSplitter.split(bytes, in: 0..<bytes.count).map {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
            }
        }
    }

    @Test func splitsAtSentenceEnds() {
        #expect(split("It rained. Then it stopped! Did it? Yes.") == ["It rained.", "Then it stopped!", "Did it?", "Yes."])
    }

    @Test func keepsAbbreviationsTitlesMonthsAndDecimals() {
        #expect(split("The U.S. Treasury said Mr. Mnuchin met him on Jan. 5 and growth was 3.5 percent. It ended.")
            == ["The U.S. Treasury said Mr. Mnuchin met him on Jan. 5 and growth was 3.5 percent.", "It ended."])
    }

    @Test func initialismEndsASentenceBeforeACommonOpener() {
        #expect(split("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."])
        #expect(split("Acme Inc. They said so.") == ["Acme Inc.", "They said so."])
    }

    /// Abbreviations are matched as whole words: the longest ("Messrs", "approx") and a longer
    /// word that starts like one ("approximately") each read as they should.
    @Test func abbreviationsAreWholeWords() {
        #expect(split("Messrs. Baker and Shultz met. Acme Corp. Shares fell. It was approximately. Then it ended.")
            == ["Messrs. Baker and Shultz met.", "Acme Corp. Shares fell.", "It was approximately.", "Then it ended."])
        #expect(split("It cost approx. 5 dlrs. Sept. 5 was fine.") == ["It cost approx. 5 dlrs.", "Sept. 5 was fine."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(split("“It is over,” he said. “We lost.” Then silence.") == ["“It is over,” he said.", "“We lost.”", "Then silence."])
    }

    @Test func lineBreaksEndSentences() {
        #expect(split("LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four") == ["LONDON 1996-08-30", "West Indian all-rounder Phil Simmons took four"])
    }

    @Test func lowercaseAfterAPeriodDoesNotSplit() {
        #expect(split("Prices rose 5 p.c. last week.") == ["Prices rose 5 p.c. last week."])
    }
}
