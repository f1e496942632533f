import LedeLanguage
import LedeStore
import Testing

@Suite struct EvaluatorTests {
    @Test func countsAndSelects() throws {
        #expect(try Run.cells("articles | count") == [["3"]])
        #expect(try Run.query("articles | count").isScalar)
        #expect(try Run.cells("articles | select id, key, source, section") == [
            ["1", "a", "Kyodo", "Business"], ["2", "b", "AFP", "World"], ["3", "c1", "Wire", "null"],
        ])
        #expect(try Run.query("articles | select id, title as headline").columns == ["id", "headline"])
        #expect(try Run.query("mentions | select entity.name, len(article.title)").columns == ["entity.name", "len(article.title)"])
    }

    @Test func defaultColumnsPerType() throws {
        #expect(try Run.query("articles").columns == ["id", "title", "published", "source"])
        #expect(try Run.query("entities").columns == ["name", "kind", "count"])
        #expect(try Run.query("mentions").columns == ["entity", "text", "form", "article.id"])
        #expect(try Run.query("articles | expand captions").columns == ["captions"])
        #expect(try Run.query("articles | expand related as r").columns == ["id", "title", "published", "source", "r"])
    }

    @Test func whereWithDatesAndText() throws {
        #expect(try Run.cells("articles | where published >= 2020-03-05 | select id") == [["2"], ["3"]])
        // A datetime against a date compares with the start of that day in UTC: article 2 is
        // 2020-03-05 17:30 UTC, after the start of the 5th.
        #expect(try Run.cells("articles | where published < 2020-03-05T17:31Z | select id") == [["1"], ["2"]])
        #expect(try Run.cells("articles | where text contains \"TOKYO\" | select id") == [["1"]])
        #expect(try Run.cells("articles | where title startswith \"paris\" | select id") == [["2"]])
        #expect(try Run.cells("articles | where title endswith \"SPEAKS\" | select id") == [["1"]])
        #expect(try Run.cells("articles | where title matches \"^[PQ]\" | select id") == [["2"], ["3"]])
        #expect(try Run.cells("articles | where key in [\"a\", \"c1\"] | select id") == [["1"], ["3"]])
        #expect(try Run.cells("articles | where key not in [\"a\", \"c1\"] | select id") == [["2"]])
    }

    @Test func nullPropagatesAndEqualsNullTests() throws {
        #expect(try Run.cells("articles | where section == null | select id") == [["3"]])
        #expect(try Run.cells("articles | where section != null | count") == [["2"]])
        // Comparing null with a value is neither true nor false: the row is dropped either way.
        #expect(try Run.cells("articles | where section == \"World\" or section != \"World\" | count") == [["2"]])
        #expect(try Run.cells("articles | select upper(section), len(section)") == [["BUSINESS", "8"], ["WORLD", "5"], ["null", "null"]])
    }

    @Test func sortPutsNullsLast() throws {
        #expect(try Run.cells("articles | sort section | select id") == [["1"], ["2"], ["3"]])
        #expect(try Run.cells("articles | sort section desc | select id") == [["2"], ["1"], ["3"]])
        #expect(try Run.cells("entities | sort count desc, name | select name, count") == [
            ["Shinzo Abe", "3"], ["Emmanuel Macron", "1"], ["Lima", "1"], ["Paris", "1"], ["Tokyo", "1"], ["Toyota", "1"],
        ])
    }

    @Test func sortKeepsTiesInTheOrderTheyCame() throws {
        // Entities come in order of first appearance; within a kind, that order stands either way.
        #expect(try Run.cells("entities | sort kind | select name") == [
            ["Toyota"], ["Shinzo Abe"], ["Emmanuel Macron"], ["Tokyo"], ["Paris"], ["Lima"],
        ])
        #expect(try Run.cells("entities | sort kind desc | select name") == [
            ["Tokyo"], ["Paris"], ["Lima"], ["Shinzo Abe"], ["Emmanuel Macron"], ["Toyota"],
        ])
        // Keys that are neither strings nor integers: times.
        #expect(try Run.cells("articles | sort published desc | select id") == [["3"], ["2"], ["1"]])
    }

    @Test func takeAndSkip() throws {
        #expect(try Run.cells("mentions | skip 2 | take 2 | select text") == [["Abe"], ["Toyota"]])
        #expect(try Run.cells("mentions | take 0 | count") == [["0"]])
        #expect(Run.error("mentions | take -1")?.contains("'take' needs a number of 0 or more, got -1") == true)
    }

    @Test func countByAndSummarize() throws {
        #expect(try Run.cells("mentions | count by entity.kind") == [["person", "4"], ["place", "3"], ["organization", "1"]])
        #expect(try Run.query("mentions | count by entity.kind as kind").columns == ["kind", "count"])
        #expect(try Run.cells("mentions | summarize count() as n, count_distinct(entity) as e, min(start), max(end)") == [["8", "6", "0", "86"]])
        #expect(try Run.cells("articles | summarize sum(words) as w, avg(words) as a, list(key) as keys by source") == [
            ["AFP", "7", "7.0", "[b]"], ["Kyodo", "16", "16.0", "[a]"], ["Wire", "4", "4.0", "[c1]"],
        ])
        // Rows of groups interleaved: each group's accumulators see its rows alone.
        #expect(try Run.cells("mentions | summarize count() as n, count_distinct(article) as a by entity.kind") == [
            ["organization", "1", "1"], ["person", "4", "2"], ["place", "3", "3"],
        ])
        #expect(try Run.query("articles | summarize count()").isScalar)
        #expect(try Run.cells("articles | where words > 1000 | summarize count() as n, sum(words)") == [["0", "null"]])
    }

    @Test func distinctAndExpand() throws {
        #expect(try Run.cells("mentions | distinct entity.kind") == [["person"], ["place"], ["organization"]])
        #expect(try Run.cells("articles | expand related as r | select id, r.label, r.title, r.article.id") == [
            ["2", "Related News", "Tokyo markets rise as Abe speaks", "1"],
        ])
        #expect(try Run.cells("articles | expand paragraphs | select index, article.id") == [["0", "1"], ["1", "1"], ["0", "2"], ["0", "3"]])
        #expect(try Run.cells("articles | expand paragraphs as p | where p.text contains \"Toyota\" | select key, p.index") == [["a", "1"]])
    }

    /// `distinct` keeps the first row of each key, in order: rows of the corpus (kept as bits),
    /// one value and several (hashed).
    @Test func distinctKeepsTheFirstRowOfEachKey() throws {
        let repeated = try Run.cells("mentions | expand entity.mentions | select article.id, start")
        var firstSeen: [[String]] = []
        for row in repeated where !firstSeen.contains(row) { firstSeen.append(row) }
        #expect(repeated.count > firstSeen.count)
        #expect(firstSeen.count == 8)
        #expect(try Run.cells("mentions | expand entity.mentions | distinct | select article.id, start") == firstSeen)
        #expect(try Run.cells("mentions | distinct entity | count") == [["6"]])
        #expect(try Run.cells("mentions | expand entity.mentions | distinct entity | count") == [["6"]])
        #expect(
            try Run.cells("mentions | distinct entity.kind, article.id | count")
                == Run.cells("mentions | summarize count() by entity.kind, article.id | count"))
    }

    /// `count by` a field of the row a row leads to (`entity.name` of a mention) counts by that
    /// row and reads the field once for each: the counts are those `summarize` gives, entities
    /// whose field is the same (no country) counted together.
    @Test func countByAFieldOfAnotherRowCountsWhatSummarizeCounts() throws {
        for key in ["entity.name", "entity.country", "entity", "article.source", "article.id", "speaker.name", "start"] {
            let source = key == "speaker.name" ? "quotes" : "mentions"
            let counted = try Run.cells("\(source) | count by \(key)")
            let summarized = try Run.cells("\(source) | summarize count() by \(key)")
            #expect(Set(counted) == Set(summarized), "\(key)")
            #expect(counted.count == summarized.count, "\(key)")
        }
        // Three entities without a country, counted together.
        #expect(try Run.cells("mentions | count by entity.country") == [["null", "5"], ["France", "1"], ["Japan", "1"], ["Peru", "1"]])
    }

    @Test func navigation() throws {
        #expect(try Run.cells("entity \"Abe\" | articles | select title") == [["Tokyo markets rise as Abe speaks"], ["Paris talks on trade"]])
        #expect(try Run.cells("article 2 | entities | select name") == [["Shinzo Abe"], ["Emmanuel Macron"], ["Paris"]])
        #expect(try Run.cells("entity \"Shinzo Abe\" | quotes | select speaker.name, text") == [["Shinzo Abe", "We are confident,"]])
        #expect(try Run.cells("links | articles | select id") == [["1"]])
        #expect(Run.error("links | quotes")?.contains("cannot go from Link rows to quotes") == true)
        // Each row once, in corpus order, whatever the order and the repeats of the rows it
        // comes from.
        #expect(try Run.cells("mentions | articles | select id") == [["1"], ["2"], ["3"]])
        #expect(try Run.cells("articles | sort id desc | mentions | select article.id, start") == Run.cells("mentions | select article.id, start"))
        #expect(try Run.cells("mentions | sort start desc | entities | select name") == Run.cells("entities | select name"))
    }

    @Test func cooccur() throws {
        #expect(try Run.cells("entity \"Abe\" | cooccur | select entity.name, articles, mentions") == [
            ["Tokyo", "1", "1"], ["Toyota", "1", "1"], ["Emmanuel Macron", "1", "1"], ["Paris", "1", "1"],
        ])
        #expect(Run.error("articles | cooccur")?.contains("'cooccur' needs entity rows, got Article rows") == true)
    }

    @Test func cooccurCountsArticlesOnceAndMentionsEachTime() throws {
        // "Shinzo Abe" and "Abe" in the Tokyo article: one article, two mentions.
        #expect(try Run.cells("entity \"Tokyo\" | cooccur | select entity.name, articles, mentions") == [
            ["Shinzo Abe", "1", "2"], ["Toyota", "1", "1"],
        ])
        // Two input entities: their articles together, the inputs themselves left out, ties
        // broken by first appearance in the corpus.
        #expect(try Run.cells("entities | where name == \"Tokyo\" or name == \"Paris\" | cooccur | select entity.name, articles, mentions") == [
            ["Shinzo Abe", "2", "3"], ["Toyota", "1", "1"], ["Emmanuel Macron", "1", "1"],
        ])
        #expect(try Run.cells("entity \"Lima\" | cooccur | count") == [["0"]])
    }

    @Test func entityResolution() throws {
        #expect(try Run.cells("entity \"Shinzo Abe\" | select name") == [["Shinzo Abe"]])
        #expect(try Run.cells("entity \"shinzo\" | select name") == [["Shinzo Abe"]])  // unique prefix
        #expect(try Run.cells("entity \"abe\" | select name, kind, aliases, roles") == [["Shinzo Abe", "person", "[Abe]", "[Prime Minister]"]])
        #expect(try Run.cells("entity \"Macron\" | select name") == [["Emmanuel Macron"]])  // surname
        #expect(Run.error("entity \"Makron\"")?.contains("no entity is named 'Makron'") == true)
        #expect(Run.error("entity \"Makron\"")?.contains("help: did you mean 'Emmanuel Macron'?") == true)
        #expect(Run.error("entity \"T\"")?.contains("'T' could be 2 entities: Tokyo (place), Toyota (organization)") == true)
    }

    @Test func placesKnowTheirCountry() throws {
        #expect(try Run.cells("mentions | where entity.country == \"Japan\" | select article.id, text") == [["1", "Tokyo"]])
    }

    @Test func searchWithScoresAndSnippets() throws {
        #expect(try Run.cells("search \"Abe\" | select article.id") == [["1"], ["2"]])
        #expect(try Run.cells("search \"Abe -Paris\" | select article.id") == [["1"]])
        #expect(try Run.cells("search \"\\\"markets in Tokyo\\\" OR Lima\" | select article.id") == [["3"], ["1"]])  // the shorter article ranks first
        #expect(try Run.cells("search \"talks\" in title | select article.id, snippet") == [["2", "Paris [talks] on trade"]])
        #expect(try Run.cells("search \"confident\" | select snippet") == [["…in Tokyo rose on Monday. “We are [confident],” Abe said. Toyota gained"]])
        let scores = try Run.query("search \"Abe Tokyo\" | select score").rows.map { $0[0] }
        #expect(scores.count == 1)
        if case .float(let score)? = scores.first { #expect(score > 0) } else { Issue.record("score is not a float") }
        #expect(Run.error("search \"\\\"unclosed\"")?.contains("invalid search: unterminated phrase") == true)
    }

    @Test func letBindsResultsAndValues() throws {
        let abe = try result("entity \"Abe\"")
        let count = try result("articles | count")
        let globals = ["abe": abe, "n": count]
        #expect(try Run.query("abe.mentions | summarize count() as n, min(paragraph.index) as first", globals: globals).rows.map { $0.map(\.description) } == [["3", "0"]])
        #expect(try Run.query("articles | select words / n as share | take 1", globals: globals).rows.count == 1)
        #expect(try Run.query("mentions | where entity == abe | count", globals: globals).rows.first?.first == .int(3))
        #expect(Run.error("abee | count")?.contains("unknown name 'abee'") == true)
    }

    @Test func functions() throws {
        #expect(try Run.cells("article 1 | select len(paragraphs), year(published), month(published), day(published), weekday(published), hour(published), minute(published)") == [["2", "2020", "3", "3", "2", "9", "0"]])
        #expect(try Run.cells("article 1 | select substr(key, 0, 1), replace(title, \"Tokyo\", \"T\"), split(\"a,b\", \",\"), join(captions, \";\"), trim(\"  x \")") == [["a", "T markets rise as Abe speaks", "[a, b]", "", "x"]])
        #expect(try Run.cells("article 1 | select abs(-3), round(2.567, 2), round(2.5), floor(2.7), ceil(2.1), int(\"42\"), float(2), string(published)") == [["3", "2.57", "3", "2", "3", "42", "2.0", "2020-03-03 09:00 Asia/Tokyo"]])
        #expect(try Run.cells("article 3 | select coalesce(section, source), first(paragraphs).index, last([1, 2, 3]), date(published), date(\"2020-01-02\")") == [["Wire", "0", "3", "2020-03-06", "2020-01-02"]])
        #expect(try Run.cells("article 3 | select extra.topics, extra.missing") == [["[misc]", "null"]])
        #expect(try Run.cells("article 1 | select [1, 2] + [3], \"a\" + \"b\", 7 % 3, 7 / 2, 2020-03-03 + 2, 2020-03-05 - 2020-03-03") == [["[1, 2, 3]", "ab", "1", "3.5", "2020-03-05", "2"]])
        #expect(try Run.cells("article 1 | select paragraphs[0].index, paragraphs[-1].index, key[0], paragraphs[9]") == [["0", "1", "a", "null"]])
    }

    @Test func runtimeErrorsPointIntoTheQuery() {
        #expect(Run.error("article 1 | select words / 0") == """
            <test>:1:28: error: division by zero
              1 | article 1 | select words / 0
                |                            ^

            """)
        #expect(Run.error("article 1 | select 9223372036854775807 + 1")?.contains("integer overflow in '+'") == true)
        #expect(Run.error("article 9")?.contains("there is no article 9; the corpus has 3 articles") == true)
        #expect(Run.error("article 1 | select int(\"x\")")?.contains("int cannot read 'x' as a whole number") == true)
    }

    @Test func cancellationStopsAQuery() throws {
        let file = SourceFile(name: "<test>", text: "mentions | expand entity.mentions as m | expand m.entity.mentions as n | count")
        let parsed = Parser.parseStatement(file, range: 0..<file.text.utf8.count)
        guard case .query(let pipeline)? = parsed.statement?.kind else { return }
        let checked = try Checker(corpus: TestCorpus.corpus, globals: [:]).check(pipeline)
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: Diagnostic.self) {
            try Evaluator(corpus: TestCorpus.corpus, globals: [:], cancellation: flag).run(checked, range: pipeline.range)
        }
    }

    private func result(_ text: String) throws -> ResultSet {
        let file = SourceFile(name: "<test>", text: text)
        let parsed = Parser.parseStatement(file, range: 0..<text.utf8.count)
        guard case .query(let pipeline)? = parsed.statement?.kind else { throw Diagnostic("not a query", at: .at(0)) }
        let checked = try Checker(corpus: TestCorpus.corpus, globals: [:]).check(pipeline)
        return try Evaluator(corpus: TestCorpus.corpus, globals: [:], cancellation: CancellationFlag()).run(checked, range: pipeline.range)
    }
}

extension Value: CustomStringConvertible {
    public var description: String { ValueFormatter(corpus: TestCorpus.corpus).text(of: self) }
}

@Suite struct HostileQueryTests {
    @Test func aCrossProductTooLargeToHoldIsAnErrorNotAnExhaustedMachine() throws {
        // A hundred numbers crossed four times over is 100 million rows; with a limit of
        // 10,000 held rows the query stops at the 10,001st, wherever it holds them.
        let hundred = "[" + (1...100).map(String.init).joined(separator: ", ") + "]"
        let cross = "article 1 | expand \(hundred) as a | expand \(hundred) as b | expand \(hundred) as c | expand \(hundred) as d"
        for tail in ["select a * b * c * d", "sort a desc", "count by a, b, c, d", "distinct a, b, c, d"] {
            let text = cross + " | " + tail
            let file = SourceFile(name: "<test>", text: text)
            guard case .query(let pipeline)? = Parser.parseStatement(file, range: 0..<text.utf8.count).statement?.kind else {
                Issue.record("does not parse: \(tail)")
                continue
            }
            let checked = try Checker(corpus: TestCorpus.corpus, globals: [:]).check(pipeline)
            let evaluator = Evaluator(corpus: TestCorpus.corpus, globals: [:], cancellation: CancellationFlag(), maximumHeldRows: 10_000)
            #expect(throws: Diagnostic("the query would hold more than 10000 rows", at: pipeline.range, help: "narrow it with where or take, or count it instead")) {
                try evaluator.run(checked, range: pipeline.range)
            }
        }
        // Counting streams, so it holds nothing.
        #expect(try Run.cells(cross.replacingOccurrences(of: hundred, with: "[1, 2, 3]") + " | count") == [["81"]])
    }

    @Test func sortThenTakeHoldsOnlyTheRowsItKeeps() throws {
        // 10,000 rows through a sort that may hold 1,000: take's three are all it keeps.
        let hundred = "[" + (1...100).map(String.init).joined(separator: ", ") + "]"
        let text = "article 1 | expand \(hundred) as a | expand \(hundred) as b | sort a desc, b desc | take 3 | select a, b"
        #expect(try Run.cells(text, maximumHeldRows: 1_000) == [["100", "100"], ["100", "99"], ["100", "98"]])
    }

    @Test(arguments: [
        "articles | sort section", "articles | sort section desc", "articles | sort published desc",
        // (`sort kind desc | take 3` keeps Tokyo, Paris and Lima, the last two in slots that held
        // earlier rows: their ties must go by when they came, not by where they were kept.)
        "entities | sort kind", "entities | sort kind desc", "entities | sort kind desc, name", "entities | sort count desc, name desc",
        "mentions | sort text", "mentions | sort entity.kind desc, text", "paragraphs | sort len(text) desc",
    ])
    func sortThenTakeKeepsWhatAWholeSortWould(_ sorted: String) throws {
        // `skip 0` between them makes the sort order every row, then take cut the list.
        for count in [0, 1, 2, 3, 5, 100] {
            #expect(try Run.cells("\(sorted) | take \(count)") == (try Run.cells("\(sorted) | skip 0 | take \(count)")))
        }
    }

    @Test func hugeNumbersAndLiterals() throws {
        #expect(try Run.cells("articles | take 9223372036854775807 | count") == [["3"]])
        let literal = String(repeating: "x", count: 1 << 20)
        #expect(try Run.cells("article 1 | select len(\"\(literal)\")") == [["1048576"]])
        #expect(Run.error("article 1 | select -9223372036854775807 - 2")?.contains("integer overflow in '-'") == true)
        #expect(Run.error("article 1 | select 4611686018427387904 * 2")?.contains("integer overflow in '*'") == true)
    }
}

@Suite struct PlannerTests {
    /// The date-range plan finds exactly the rows a scan finds, for every kind of bound.
    @Test(arguments: [
        "published >= 2020-03-05", "published > 2020-03-05T17:30Z", "published >= 2020-03-05T17:30Z",
        "published < 2020-03-05", "published <= 2020-03-05T17:30Z", "2020-03-04 < published",
        "published >= 2020-03-01 and published < 2020-03-06", "published > 2020-03-06 and published < 2020-03-01",
        "published == 2020-03-06T08:00Z", "published >= 2020-03-03 and words > 5",
    ])
    func aPlannedRangeMatchesAScan(_ condition: String) throws {
        let planned = try Run.cells("articles | where \(condition) | select id")
        let scanned = try Run.cells("articles | where (\(condition)) == true | select id")
        #expect(planned == scanned)
        // The planned rows are counted without being made: the count must be the scan's.
        #expect(try Run.cells("articles | where \(condition) | count") == [["\(scanned.count)"]])
    }

    @Test func countsOfKnownRowsNeedNotMakeThem() throws {
        #expect(try Run.cells("articles | take 2 | count") == [["2"]])
        #expect(try Run.cells("articles | take 5 | count") == [["3"]])
        #expect(try Run.cells("articles | skip 1 | count") == [["2"]])
        #expect(try Run.cells("articles | skip 4 | count") == [["0"]])
        #expect(try Run.cells("articles | skip 1 | take 1 | count") == [["1"]])
        #expect(try Run.cells("articles | where published >= 2020-03-05 | take 1 | count") == [["1"]])
        #expect(try Run.cells("search \"Abe\" | count") == [["2"]])
        // A stage that computes on each row still runs it: its error is not skipped.
        #expect(Run.error("articles | select 1 / (id - 1) | count")?.contains("division by zero") == true)
    }

    @Test(arguments: ["source", "section", "timezone"])
    func countByACategoryFieldAgreesWithHashingItsValues(_ field: String) throws {
        // `count by` an article's source, section or time zone counts through the field's
        // dictionary-encoded column; counting the same values as a record column hashes them.
        let column = try Run.cells("articles | count by \(field)")
        let hashed = try Run.cells("articles | select \(field) | count by \(field)")
        #expect(column == hashed)
        #expect(!column.isEmpty)
        let filtered = try Run.cells("articles | where published >= 2020-03-05 | count by \(field)")
        #expect(filtered == (try Run.cells("articles | where published >= 2020-03-05 | select \(field) | count by \(field)")))
    }

    @Test func explainSaysWhenTheDateColumnIsUsed() {
        let t = FileExplain.explain("articles | where published >= 2020-03-05 | count")
        #expect(t.contains("binary search of the sorted publication dates for >= 2020-03-05 00:00 UTC (2 of 3 articles)"))
        #expect(FileExplain.explain("articles | where words > 3").contains("scan all 3 rows"))
        #expect(FileExplain.explain("articles | count by source").contains("count into the source column's 3 values"))
        #expect(FileExplain.explain("articles | count by words").contains("hash the keys"))
        #expect(FileExplain.explain("mentions | count by entity.name").contains("count each Entity by its position, then read the field once"))
        #expect(t.contains("count: the number of rows is known, so none is made"))
        #expect(FileExplain.explain("articles | take 2 | count").contains("count: the number of rows is known"))
        #expect(FileExplain.explain("articles | where words > 3 | count").contains("count: count the rows"))
        #expect(FileExplain.explain("articles | where published >= 2020-03-05 and words > 3 | count").contains("count: count the rows"))
        #expect(FileExplain.explain("entities | sort count desc | take 3").contains("sort: keep only the rows take lets through"))
        #expect(FileExplain.explain("entities | sort count desc | skip 1 | take 3").contains("sort: hold every row, then order"))
    }
}

enum FileExplain {
    static func explain(_ text: String) -> String {
        let file = SourceFile(name: "<test>", text: text)
        guard case .query(let pipeline)? = Parser.parseStatement(file, range: 0..<text.utf8.count).statement?.kind,
            let checked = try? Checker(corpus: TestCorpus.corpus, globals: [:]).check(pipeline)
        else { return "" }
        return QueryPlan(checked, corpus: TestCorpus.corpus).description
    }
}
