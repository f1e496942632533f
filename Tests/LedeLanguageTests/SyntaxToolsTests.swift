import LedeLanguage
import Testing

@Suite struct StatementSplitterTests {
    func chunks(_ text: String) -> [String] {
        let file = SourceFile(name: "<test>", text: text)
        return StatementSplitter.split(file).map { file.slice($0.range.lowerBound..<$0.range.upperBound) }
    }

    @Test func statementsEndAtLineEndsUnlessHeldOpen() {
        #expect(chunks("articles | count\n\nentities\n| take 2\n.format csv\narticles | select (\n  id)\n") == [
            "articles | count", "entities\n| take 2", ".format csv", "articles | select (\n  id)",
        ])
        #expect(chunks("articles |\n  count\narticles | select a,\n b") == ["articles |\n  count", "articles | select a,\n b"])
    }

    @Test func replOpenness() {
        #expect(StatementSplitter.openness(of: "articles | count") == .complete)
        #expect(StatementSplitter.openness(of: "articles |") == .open("|"))
        #expect(StatementSplitter.openness(of: "articles | where (a") == .open("("))
        #expect(StatementSplitter.openness(of: "articles | select [1,") == .open("["))
        #expect(StatementSplitter.openness(of: "articles | where title == \"abc") == .open("\""))
        #expect(StatementSplitter.openness(of: "articles | where title == 'abc") == .open("'"))
        #expect(StatementSplitter.openness(of: ".format csv") == .complete)
        #expect(StatementSplitter.openness(of: "articles # | not a pipe") == .complete)
    }
}

@Suite struct DiagnosticRendererTests {
    @Test func caretsLineUpUnderWideCharactersAndTabs() {
        let file = SourceFile(name: "x.lede", text: "articles | where title == \"北朝鮮\" and\tzz")
        let start = file.text.utf8.count - 2
        let rendered = DiagnosticRenderer.render(Diagnostic("unknown name 'zz'", at: SourceRange(start, start + 2)), in: file)
        #expect(rendered == """
            x.lede:1:41: error: unknown name 'zz'
              1 | articles | where title == "北朝鮮" and  zz
                |                                         ^~

            """)
    }

    @Test func linesOfALargerFileKeepTheirNumbers() {
        let file = SourceFile(name: "r.lede", text: "articles | count\n\narticles | select titel\n")
        let start = file.text.utf8.count - 6
        let rendered = DiagnosticRenderer.render(Diagnostic("unknown field 'titel' on Article", at: SourceRange(start, start + 5), help: "did you mean 'title'?"), in: file)
        #expect(rendered.hasPrefix("r.lede:3:19: error: unknown field 'titel' on Article\n  3 | articles | select titel\n    |                   ^~~~~\n    = help: did you mean 'title'?\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let file = SourceFile(name: "x", text: "a")
        let plain = DiagnosticRenderer.render(Diagnostic("m", at: SourceRange(0, 1)), in: file)
        let colored = DiagnosticRenderer.render(Diagnostic("m", at: SourceRange(0, 1)), in: file, style: .terminal)
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("\u{1B}["))
    }
}
