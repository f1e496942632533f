import LedeLanguage
import Testing

@Suite struct CheckerTests {
    @Test func unknownFieldSuggestsTheNearestName() {
        #expect(Run.error("articles | select id, titel") == """
            <test>:1:23: error: unknown field 'titel' on Article
              1 | articles | select id, titel
                |                       ^~~~~
                = help: did you mean 'title'?

            """)
        #expect(Run.error("mentions | select entity.nmae")?.contains("help: did you mean 'name'?") == true)
        #expect(Run.error("entities | select speaker")?.contains("help: 'speaker' is a field of Quote, not of Entity") == true)
    }

    @Test func wrongArgumentCountsAndTypes() {
        #expect(Run.error("articles | select len(title, 2)")?.contains("error: len takes 1 argument, got 2") == true)
        #expect(Run.error("articles | select year(title)")?.contains("error: year needs a date or a datetime, got string") == true)
        #expect(Run.error("articles | select lne(title)")?.contains("help: did you mean 'len'?") == true)
        #expect(Run.error("articles | select sum(words)")?.contains("'sum' is an aggregate; use it in summarize") == true)
        #expect(Run.error("articles | take \"five\"")?.contains("error: 'take' needs a whole number, got string") == true)
        #expect(Run.error("articles | take words")?.contains("error: unknown name 'words'") == true)
        #expect(Run.error("articles | where words > limit")?.contains("help: no field or bound name is called 'limit'; bind one with let or --param") == true)
    }

    @Test func conditionsAndComparisons() {
        #expect(Run.error("articles | where title")?.contains("'where' needs a condition that is true or false, got string") == true)
        #expect(Run.error("articles | where published > \"2020-01-01\"")?.contains("help: write the date without quotes: 2020-01-01") == true)
        #expect(Run.error("articles | where words contains 3")?.contains("'contains' needs a string or a list on its left, got int") == true)
        #expect(Run.error("articles | where title matches \"(\"")?.contains("invalid regular expression '('") == true)
        #expect(Run.error("articles | where key in \"abc\"")?.contains("'in' needs a list on its right, got string") == true)
    }

    @Test func summarizeAndColumns() {
        #expect(Run.error("articles | summarize words")?.contains("summarize needs aggregates such as count() or sum(words)") == true)
        #expect(Run.error("articles | select id, key as id")?.contains("two columns are named 'id'") == true)
        #expect(Run.error("articles | select id | where title == \"x\"")?.contains("unknown column 'title'; the rows have 'id'") == true)
        #expect(Run.error("articles | expand title")?.contains("'expand' needs a list, got string") == true)
        #expect(Run.error("articles | select id | articles")?.contains("'| articles' needs rows that are objects") == true)
    }

    @Test func rowTypesFlowThroughStages() throws {
        #expect(try Run.query("articles | select id | where id > 1 | sort id desc").columns == ["id"])
        #expect(try Run.query("articles | count by source | where count > 0").columns == ["source", "count"])
        #expect(try Run.query("articles | expand captions as c | select c, it.key").columns == ["c", "it.key"])
    }
}

@Suite struct DottedColumnTests {
    @Test func aColumnNamedByADottedPathIsReachableByThatPath() throws {
        #expect(try Run.cells("mentions | count by entity.kind | select entity.kind, count | take 1") == [["person", "4"]])
        #expect(try Run.cells("mentions | count by entity.kind | where entity.kind == \"place\" | select count") == [["3"]])
    }
}
