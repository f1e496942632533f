import LedeLanguage
import LedeShell
import LedeStore
import Testing

@Suite struct OutputTests {
    let renderer = ResultRenderer(corpus: Corpus())

    func table(_ columns: [String], _ rows: [[Value]]) -> ResultTable {
        ResultTable(columns: columns, rows: rows)
    }

    @Test func tablesAlignWideCharactersAndRightAlignNumbers() {
        let text = renderer.render(table(["name", "n"], [[.string("北朝鮮"), .int(3)], [.string("Iran"), .int(12)]]), as: .table)
        #expect(text == """
            name     n
            ──────  ──
            北朝鮮   3
            Iran    12

            """)
    }

    @Test func narrowTerminalsCutTheWidestColumn() {
        let long = String(repeating: "word ", count: 20)
        let text = renderer.render(table(["id", "text"], [[.int(1), .string(long)]]), as: .table, options: RenderOptions(width: 30))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 30) }
        #expect(text.contains("…"))
    }

    @Test func nullsAndFooterAndColour() {
        let text = renderer.render(
            table(["a"], [[.null], [.string("x")], [.string("y")]]), as: .table,
            options: RenderOptions(rowCap: 2, footer: true, color: false))
        #expect(text == "a\n────\nnull\nx\n3 rows, 2 shown (.show all for the rest)\n")
        let colored = renderer.render(table(["a"], [[.null]]), as: .table, options: RenderOptions(color: true))
        #expect(colored.contains("\u{1B}[2mnull"))
    }

    @Test func csvQuotesAndJsonEscapes() {
        let t = table(["a", "b"], [[.string("x,\"y\""), .null], [.string("line\nbreak"), .float(0.5)]])
        #expect(renderer.render(t, as: .csv) == "a,b\n\"x,\"\"y\"\"\",\n\"line\nbreak\",0.5\n")
        #expect(renderer.render(t, as: .tsv) == "a\tb\nx,\"y\"\t\nline\\nbreak\t0.5\n")
        #expect(renderer.render(t, as: .json) == "[\n  {\"a\":\"x,\\\"y\\\"\",\"b\":null},\n  {\"a\":\"line\\nbreak\",\"b\":0.5}\n]\n")
        #expect(renderer.render(table(["a"], []), as: .json) == "[]\n")
        #expect(renderer.render(t, as: .markdown).hasPrefix("| a | b |\n| --- | ---: |\n"))
    }
}
