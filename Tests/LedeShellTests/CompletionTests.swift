import LedeLanguage
import LedeShell
import Testing

@Suite struct CompletionTests {
    let completer = Completer(corpus: TestSession.seeds, globals: [:])

    func complete(_ line: String) -> Completer.Completion {
        completer.complete(line, cursor: line.count)
    }

    @Test func sourcesAtTheStartAndStagesAfterAPipe() {
        #expect(complete("ent").candidates == ["entities", "entity"])
        #expect(complete("articles | s").candidates == ["select", "skip", "sort", "summarize"])
        #expect(complete("articles | s").replacing == 1)
    }

    @Test func fieldsOfTheCurrentRowType() {
        #expect(complete("articles | select ti").candidates == ["timezone", "title"])
        #expect(complete("entities | where ki").candidates == ["kind"])
        #expect(complete("mentions | select entity.na").candidates == ["name"])
        #expect(complete("articles | select id | where i").candidates.contains("id"))
        #expect(complete("articles | expand related as r | select r.la").candidates == ["label"])
        // A statement typed over several lines is completed as a whole.
        #expect(complete("articles |\n  where words > 3 |\n  select id, ti").candidates == ["timezone", "title"])
    }

    @Test func boundNames() {
        let withGlobals = Completer(corpus: TestSession.seeds, globals: ["trump": GlobalType(shape: RowShape(subject: .object(.entity)), cardinality: .one)])
        #expect(withGlobals.complete("tr", cursor: 2).candidates == ["trump"])
        #expect(withGlobals.complete("trump.ment", cursor: 10).candidates == ["mentions"])
    }

    @Test func dotCommandsAndTheirArguments() {
        #expect(complete(".fo").candidates == ["format"])
        #expect(complete(".format j").candidates == ["json", "jsonl"])
        #expect(complete(".schema En").candidates == ["Entity"])
        #expect(complete(".timer o").candidates == ["off", "on"])
    }

    @Test func searchFields() {
        #expect(complete("search \"x\" in t").candidates == ["text", "title"])
    }
}
