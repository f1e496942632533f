@testable import LedeStore
import Testing

/// Most JSON Lines bodies are taken as their own text (`BodyParser.plainBody`) instead of
/// being read into blocks: that must give exactly what reading them gives, and must decline
/// every body where reading would change something.
@Suite struct PlainBodyTests {
    static func parsed(_ text: String) -> ArticleBody {
        BodyParser.parse(blocks: TextLines(text).blocks(from: 0).map(\.text))
    }

    static let plain = [
        "One paragraph.",
        "First paragraph.\n\nSecond one, with “quotes”.\n\nThird, in 1987.",
        "Prices rose 1.5 pct in March 12345\n\nA ratio of 3/45678 stays.",
        "Forty bytes of text come first in this line, then 12:30: it stays.\n\nEnd.",
        "123\n\n4/5 is a score",
        // A colon as the forty-first byte is past the head where a label's would be.
        String(repeating: "x", count: 40) + ": a colon late enough.",
    ]

    static let declined = [
        "",
        "\n\nLeading blank lines.",
        "Trailing newline.\n",
        "Trailing space. \n\nNext.",
        " Leading space.\n\nNext.",
        "Tab\t\n\nNext.",
        "Windows line ends.\r\n\r\nNext.",
        "Two blank lines.\n\n\nNext.",
        "A line\nbroken inside a paragraph.\n\nNext.",
        "Related News:\n\nA headline without a full stop\n\nText.",
        "Note: a colon early on.\n\nNext.",
        // …and as the fortieth, inside it.
        String(repeating: "x", count: 39) + ": a colon just early enough.",
        "The end of a page. 205/103\n\nNext.",
        "Next.\n\n205/103",
        "“Quoted opening.\n\nNext.",
        "Ends in a no-break space\u{A0}\n\nNext.",
        "Ends in a quote.”\n\nNext.",
    ]

    @Test func plainBodiesAreTakenAsTheyAre() {
        for text in Self.plain {
            let body = BodyParser.plainBody(text)
            #expect(body != nil, "\(text) was not taken as plain")
            #expect(body == Self.parsed(text), "\(text)")
            #expect(body?.text == text)
        }
    }

    @Test func bodiesReadingWouldChangeAreDeclined() {
        for text in Self.declined {
            #expect(BodyParser.plainBody(text) == nil, "\(text.debugDescription) was taken as plain")
        }
    }

    /// Whatever it takes, it takes as reading would: every body built from these lines, in
    /// every order of two or three, either is declined or equals what reading gives.
    @Test func whateverItTakesEqualsWhatReadingGives() {
        let lines = Self.plain + Self.declined + ["Short.", "x", "99", "a/1234", "Read more: Something Else"]
        for a in lines {
            for b in lines {
                for separator in ["\n\n", "\n", "\n\n\n", " \n\n"] {
                    let text = a + separator + b
                    if let body = BodyParser.plainBody(text) {
                        #expect(body == Self.parsed(text), "\(text.debugDescription)")
                    }
                }
            }
        }
    }

    /// A body's paragraphs joined by the reader are the text the article keeps, with ranges
    /// that find each paragraph in it.
    @Test func joinedParagraphsKeepTheirRanges() {
        let body = ArticleBody(paragraphs: ["Zürich.", "", "Last"])
        #expect(body.text == "Zürich.\n\n\n\nLast")
        #expect(body.paragraphRanges == [0..<8, 10..<10, 12..<16])
    }
}
