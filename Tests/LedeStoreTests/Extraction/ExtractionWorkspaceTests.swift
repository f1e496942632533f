@testable import LedeStore
import Testing

extension Extraction {
    @Suite struct ExtractionWorkspaceTests {
        private static let articles: [[String]] = [
            [
                "TOKYO, March 3 - Japan's Finance Minister Taro Aso met U.S. Treasury Secretary Steven Mnuchin on Monday.",
                "“We agreed on a lot,” Aso said. Mnuchin, now Trump’s envoy, left for Seoul.",
            ],
            ["SOCCER - ENGLISH LEAGUE RESULTS", "Torquay 2 Fulham 1"],
            // Longer than the workspace keeps buffers for: its memory is dropped afterwards.
            [String(repeating: "Kim Jong Un met Moon Jae-in in Pyongyang, the KCNA news agency said on Friday. ", count: 900)],
            ["The Office of Foreign Assets Control (OFAC) named three officials."],
        ]

        @Test func aReusedWorkspaceGivesWhatAFreshOneGives() {
            var workspace = ExtractionWorkspace()
            // The short articles again after the long one, whose buffers the workspace drops.
            for paragraphs in Self.articles + [Self.articles[0], Self.articles[1]] {
                let input = Extracted.input(paragraphs)
                let fresh = NewsExtractor.standard.extract(input)
                let reused = NewsExtractor.standard.extract(input, reusing: &workspace)
                #expect(reused.mentions == fresh.mentions)
                #expect(reused.quotes == fresh.quotes)
                #expect(reused.dates == fresh.dates)
                #expect(reused.roles == fresh.roles)
                #expect(reused.countries == fresh.countries)
                #expect(reused.dateline == fresh.dateline)
                #expect(!fresh.mentions.isEmpty)
            }
        }
    }
}
