import LedeLanguage
import LedeShell
import Testing

/// Feeds the REPL lines and records prompts and history.
final class ScriptedReader: LineReader {
    var events: [LineEvent]
    var prompts: [String] = []
    var history: [String] = []

    init(_ events: [LineEvent]) {
        self.events = events
    }

    func readLine(prompt: String, pending: String) -> LineEvent {
        prompts.append(prompt)
        return events.isEmpty ? .end : events.removeFirst()
    }

    func addHistory(_ entry: String) {
        history.append(entry)
    }
}

@Suite struct ReplTests {
    @Test func multiLineStatementsAreOneHistoryEntry() {
        let t = TestSession()
        let reader = ScriptedReader([.line("articles |"), .line("  where (words > 1"), .line("  ) | count"), .line(".format csv"), .end])
        Repl(session: t.session, reader: reader).run()
        #expect(reader.prompts == ["lede> ", "  | …> ", "  ( …> ", "lede> ", "lede> "])
        #expect(reader.history == ["articles |\n  where (words > 1\n  ) | count", ".format csv"])
        #expect(t.output.text == "1\n")
    }

    @Test func controlCDropsTheStatementBeingTyped() {
        let t = TestSession()
        let reader = ScriptedReader([.line("articles | where (x"), .interrupted, .line("articles | count"), .end])
        Repl(session: t.session, reader: reader).run()
        #expect(reader.history == ["articles | count"])
        #expect(t.output.text == "1\n")
        #expect(t.errors.text.isEmpty)
    }

    @Test func aLineStartingWithAPipeExtendsTheLastStatement() {
        let t = TestSession()
        let reader = ScriptedReader([.line("articles | select id, words"), .line("| count"), .end])
        Repl(session: t.session, reader: reader).run()
        #expect(reader.history == ["articles | select id, words", "articles | select id, words\n| count"])
        #expect(t.output.text.hasSuffix("1\n"))
    }

    @Test func errorsDoNotEndTheSessionButQuitDoes() {
        let t = TestSession()
        let reader = ScriptedReader([.line("articles | select titel"), .line(".quit"), .line("articles | count")])
        Repl(session: t.session, reader: reader).run()
        #expect(t.errors.text.contains("<input>:1:19: error: unknown field 'titel' on Article"))
        #expect(t.output.text.isEmpty)
    }
}
