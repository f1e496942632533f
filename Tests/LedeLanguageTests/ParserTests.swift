@testable import LedeLanguage
import Testing

@Suite struct ParserTests {
    func ast(_ text: String) -> String {
        let file = SourceFile(name: "<test>", text: text)
        return Parser.parseScript(file).map { parsed in
            parsed.statement.map(ASTDump.text) ?? parsed.diagnostics.map { DiagnosticRenderer.render($0, in: file) }.joined()
        }.joined()
    }

    func error(_ text: String) -> String {
        let file = SourceFile(name: "<test>", text: text)
        return Parser.parseScript(file).flatMap(\.diagnostics).map { DiagnosticRenderer.render($0, in: file) }.joined()
    }

    @Test func pipelineWithEveryStage() {
        #expect(ast("articles | where a and not b | select x as y, z | sort y desc, z | take 5 | skip 1 | count by k | distinct | expand l as e | entities | cooccur") == """
            (query
              (source articles)
              (where (and a (not b)))
              (select (as x y) z)
              (sort (y desc) (z asc))
              (take 5)
              (skip 1)
              (count by k)
              (distinct)
              (expand (as l e))
              (navigate entities)
              (cooccur)
            )

            """)
    }

    @Test func precedenceClimbing() {
        #expect(ast("articles | where a or b and c == 1 + 2 * 3") == """
            (query
              (source articles)
              (where (or a (and b (== c (+ 1 (* 2 3))))))
            )

            """)
        #expect(ast("articles | select -x.y[0], not a contains \"b\", a not in [1, 2]") == """
            (query
              (source articles)
              (select (- ([] (. x y) 0)) (not (contains a "b")) (not (in a [1 2])))
            )

            """)
    }

    @Test func sourcesLetAndCommands() {
        #expect(ast("let t = entity \"Trump\"\nt.mentions | summarize count() as n\nsearch \"x\" in title\n.format csv") == """
            (let t
              (source entity "Trump")
            )
            (query
              (source (member name t mentions))
              (summarize (as (call count) n))
            )
            (query
              (source search "x" in title)
            )
            (command .format "csv")

            """)
    }

    @Test func continuationLinesAndComments() {
        #expect(ast("articles\n# which ones\n| where x\n\n  | count\narticles | count") == """
            (query
              (source articles)
              (where x)
              (count)
            )
            (query
              (source articles)
              (count)
            )

            """)
    }

    @Test func aMissingCloserNamesItsOpener() {
        #expect(error("articles | where (a and (b or c)") == """
            <test>:1:33: error: expected ')' to close '(' at 1:18, found end of input
              1 | articles | where (a and (b or c)
                |                                 ^
                = help: add ')'

            """)
        #expect(error("articles | select [1, 2").contains("expected ']' to close '[' at 1:19"))
    }

    @Test func aStageWhereASourceIsExpected() {
        #expect(error("where x > 1").hasPrefix("<test>:1:1: error: expected a source, found the stage 'where'"))
        #expect(error("articles | search \"x\"").hasPrefix("<test>:1:12: error: 'search' is a source and starts a pipeline; it cannot follow '|'"))
    }

    @Test func missingOperandAndChainedComparisons() {
        #expect(error("articles | where words >").hasPrefix("<test>:1:25: error: expected an expression after '>', found end of input"))
        #expect(error("articles | where 1 < words < 3").hasPrefix("<test>:1:28: error: comparisons cannot be chained"))
        #expect(error("articles | select").hasPrefix("<test>:1:18: error: 'select' needs at least one expression"))
    }

    @Test func everyBrokenStatementIsReportedAndTheRestParse() {
        let text = "articles | selct id\narticles | count\nentities | where )\nentities | count"
        let parsed = Parser.parseScript(SourceFile(name: "<test>", text: text))
        #expect(parsed.map { $0.statement != nil } == [false, true, false, true])
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let deep = "articles | where " + String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)
        #expect(error(deep).hasPrefix("<test>:1:218: error: expression nested too deeply (more than 200 levels)"))
        let brackets = "articles | select " + String(repeating: "[", count: 10_000)
        #expect(error(brackets).contains("expression nested too deeply"))
        let minus = "articles | select " + String(repeating: "-", count: 10_000) + "1"
        #expect(error(minus).contains("expression nested too deeply"))
    }

    /// Each statement's lexer used to copy the whole script's bytes, so a script of n
    /// statements took time in n² (a 116 MB file given as a script ran for over twenty
    /// minutes). The lexers now share the bytes the source file read once.
    @Test func theLexerOfEveryStatementSharesTheScriptsBytes() {
        let statements = 20_000
        let file = SourceFile(name: "<test>", text: String(repeating: "articles | count\n", count: statements) + "articles | selct id\n")
        let lexer = Lexer(file, range: 17..<33)
        #expect(lexer.bytes.withUnsafeBufferPointer(\.baseAddress) == file.utf8.withUnsafeBufferPointer(\.baseAddress))
        let parsed = Parser.parseScript(file)
        #expect(parsed.count == statements + 1)
        #expect(parsed.prefix(statements).allSatisfy { $0.statement != nil })
        let last = parsed.last.flatMap(\.diagnostics.first).map { DiagnosticRenderer.render($0, in: file) }
        #expect(last?.hasPrefix("<test>:20001:12: error: unknown stage 'selct'") == true)
    }
}
