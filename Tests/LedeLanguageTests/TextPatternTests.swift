import Foundation
import LedeLanguage
import Testing

@Suite struct TextPatternTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        try TextPattern(pattern).matches(text)
    }

    @Test func literalsClassesAndAnchors() throws {
        #expect(try matches("Korea", "North Korea"))
        #expect(try !matches("^Korea", "North Korea"))
        #expect(try matches("Korea$", "North Korea"))
        #expect(try matches("^K[a-z]+ ", "Kim Jong Un"))
        #expect(try matches("[0-9]{2},", "June 12, 2018"))
        #expect(try !matches("[0-9]{3},", "June 12, 2018"))
        #expect(try matches("\\d+\\.\\d", "growth of 3.5 percent"))
        #expect(try matches("\\bUN\\b", "a UN meeting"))
        #expect(try !matches("\\bUN\\b", "UNESCO"))
        #expect(try matches("colou?r", "color") && matches("colou?r", "colour"))
        #expect(try matches("(?:ab)+c", "xxababc"))
        #expect(try matches("a|b|c", "zzc"))
        #expect(try matches("[^a-z]", "abc1"))
        #expect(try !matches("[^a-z]", "abc"))
        #expect(try matches("a.c", "abc") && !matches("a.c", "a\nc"))
        #expect(try matches("x{2,3}y", "xxxy") && !matches("^x{2,3}y", "xxxxy"))
    }

    @Test func unicodeAndCase() throws {
        #expect(try matches("北朝鮮", "関係 北朝鮮 と"))
        #expect(try matches("(?i)pyongyang", "PYONGYANG's"))
        #expect(try !matches("pyongyang", "PYONGYANG"))
        #expect(try matches("(?i)[a-c]x", "BX"))
        #expect(try matches("caf\\u{e9}", "café"))
        #expect(try matches("\\w+", "Ñandú"))
    }

    @Test func errorsSayWhatIsWrong() {
        func error(_ pattern: String) -> String? {
            do {
                _ = try TextPattern(pattern)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(error("(a") == "invalid regular expression '(a': expected ')'")
        #expect(error("a)") == "invalid regular expression 'a)': unmatched ')'")
        #expect(error("[a-") == "invalid regular expression '[a-': expected ']'")
        #expect(error("*a") == "invalid regular expression '*a': nothing to repeat before '*'")
        #expect(error("(a)\\1") == "invalid regular expression '(a)\\1': back-references are not supported")
        #expect(error("(?=a)") == "invalid regular expression '(?=a)': only (?:…) groups and a leading (?i) are supported")
        #expect(error("a{5,2}") == "invalid regular expression 'a{5,2}': {5,2}: the maximum is below the minimum")
        #expect(error("z-a") == nil)
        #expect(error("[z-a]") == "invalid regular expression '[z-a]': the range is out of order")
        #expect(error("a{2000}") == "invalid regular expression 'a{2000}': a repetition count is above 1000")
    }

    /// The classic catastrophic pattern for backtracking engines finishes at once here.
    @Test func nestedRepetitionDoesNotBacktrack() throws {
        let text = String(repeating: "a", count: 20_000) + "!"
        let started = Date()
        #expect(try !matches("^(a+)+$", text))
        #expect(try !matches("(a|aa)*b", text))
        #expect(try !matches("(.*a){20}x", String(repeating: "a", count: 2_000)))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aSearchCanBeStopped() throws {
        var asked = 0
        let found = try TextPattern("x").matches(String(repeating: "a", count: 100_000)) {
            asked += 1
            return true
        }
        #expect(!found)
        #expect(asked == 1)
    }
}
