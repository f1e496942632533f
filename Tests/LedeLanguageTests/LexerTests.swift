import LedeLanguage
import Testing

@Suite struct LexerTests {
    func dump(_ text: String) -> [String] {
        let file = SourceFile(name: "<test>", text: text)
        var lexer = Lexer(file)
        return lexer.tokenize().map { TokenDump.line($0, in: file) }
    }

    func errors(_ text: String) -> [String] {
        let file = SourceFile(name: "<test>", text: text)
        var lexer = Lexer(file)
        _ = lexer.tokenize()
        return lexer.diagnostics.map { DiagnosticRenderer.render($0, in: file) }
    }

    @Test func tokensWithPositions() {
        #expect(dump("articles | where words >= 3.5 # a comment\n| take 10") == [
            "1:1 identifier articles", "1:10 symbol |", "1:12 identifier where", "1:18 identifier words",
            "1:24 symbol >=", "1:27 float 3.5", "1:42 newline", "2:1 symbol |", "2:3 identifier take", "2:8 integer 10",
            "2:10 end",
        ])
    }

    @Test func datesAndDatetimesAreLiterals() {
        #expect(dump("2018-12-11 2018-12-11T08:15 2018-12-11T08:15:30+03:30 2018 - 12") == [
            "1:1 date 2018-12-11", "1:12 datetime 2018-12-11T08:15:00Z", "1:29 datetime 2018-12-11T08:15:30+03:30",
            "1:55 integer 2018", "1:60 symbol -", "1:62 integer 12", "1:64 end",
        ])
    }

    @Test func stringsWithEscapesInBothQuotes() {
        #expect(dump(#""a\"b" 'it\'s' "tab\tnl\nu\u{e9}""#) == [
            #"1:1 string "a\"b""#, #"1:8 string "it's""#, #"1:16 string "tab\tnl\nué""#, "1:34 end",
        ])
    }

    @Test func operatorsAndPunctuation() {
        #expect(dump("== != < <= > >= = + - * / % ( ) [ ] , .").count == 19)
    }

    @Test func badInputIsAPositionedError() {
        #expect(errors(#"select "abc"#).first == """
            <test>:1:8: error: unterminated string
              1 | select "abc
                |        ^
                = help: add the closing "

            """)
        #expect(errors("2018-13-45").first?.hasPrefix("<test>:1:1: error: invalid date '2018-13-45': the month must be 01 to 12") == true)
        #expect(errors("2019-02-29").first?.hasPrefix("<test>:1:1: error: invalid date '2019-02-29': February 2019 has 28 days") == true)
        #expect(errors("a @ b").first?.hasPrefix("<test>:1:3: error: unexpected character '@'") == true)
        #expect(errors("99999999999999999999").first?.hasPrefix("<test>:1:1: error: integer '99999999999999999999' is too large") == true)
        #expect(errors(#""\q""#).first?.hasPrefix(#"<test>:1:2: error: invalid escape '\q' in a string"#) == true)
        #expect(errors("!x").first?.contains("help: write 'not' for negation and '!=' for 'not equal'") == true)
    }
}
