import Foundation
import LedeLanguage
import Testing

/// `ValueFormatter.jsonString`, which every JSON and JSON Lines cell goes through.
@Suite struct JSONStringTests {
    @Test func plainTextIsQuotedAsItIs() {
        #expect(ValueFormatter.jsonString("") == #""""#)
        #expect(ValueFormatter.jsonString("human rights") == #""human rights""#)
        #expect(ValueFormatter.jsonString("…Zürich, 東京 🌍…") == "\"…Zürich, 東京 🌍…\"")
    }

    @Test func quotesBackslashesAndWhiteSpaceAreEscaped() {
        #expect(ValueFormatter.jsonString(#"say "no" \ then"#) == #""say \"no\" \\ then""#)
        #expect(ValueFormatter.jsonString("a\nb\rc\td") == #""a\nb\rc\td""#)
    }

    @Test func otherControlCharactersAndJavaScriptLineEndsAreEscapedInHex() {
        #expect(ValueFormatter.jsonString("\u{0}\u{1}\u{1F}\u{7F}") == "\"\\u0000\\u0001\\u001f\u{7F}\"")
        #expect(ValueFormatter.jsonString("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        // Scalars that share a first byte with U+2028 are not escaped.
        #expect(ValueFormatter.jsonString("\u{2026}\u{2018}\u{2030}") == "\"\u{2026}\u{2018}\u{2030}\"")
        // An escape at the very end.
        #expect(ValueFormatter.jsonString("end\u{2029}") == #""end\u2029""#)
    }

    /// Whatever the text, the result reads back as the same string.
    @Test func everyStringRoundTripsThroughJSONSerialization() throws {
        let samples = ["", "\"", "\\", "\u{2028}", "x\u{0}y", "e\u{301}", "\u{1F600}\n\u{2029}\t\"\\", String(repeating: "ab\u{7}", count: 100)]
        for sample in samples {
            let data = Data(ValueFormatter.jsonString(sample).utf8)
            let decoded = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? String
            #expect(decoded == sample)
        }
    }
}
