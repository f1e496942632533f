import LedeLanguage
import LedeStore

/// Renders a result table as text in one of the output formats.
public struct ResultRenderer {
    let formatter: ValueFormatter

    public init(corpus: Corpus) {
        formatter = ValueFormatter(corpus: corpus)
    }

    public func render(_ table: ResultTable, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        switch format {
        case .table: TableLayout(formatter: formatter, options: options).render(table)
        case .csv: delimited(table, separator: ",")
        case .tsv: delimited(table, separator: "\t")
        case .json: json(table)
        case .jsonl: jsonLines(table)
        case .markdown: markdown(table)
        }
    }

    // MARK: CSV and TSV

    private func delimited(_ table: ResultTable, separator: Character) -> String {
        func field(_ text: String) -> String {
            if separator == "\t" {
                return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                    .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            }
            guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = table.columns.map(field).joined(separator: String(separator)) + "\n"
        for row in table.rows {
            out += row.map { $0.isNull ? "" : field(formatter.text(of: $0)) }.joined(separator: String(separator)) + "\n"
        }
        return out
    }

    // MARK: JSON

    private func object(_ row: [Value], _ columns: [String]) -> String {
        "{" + zip(columns, row).map { "\(ValueFormatter.jsonString($0)):\(formatter.json(of: $1))" }.joined(separator: ",") + "}"
    }

    private func json(_ table: ResultTable) -> String {
        if table.isScalar, let value = table.rows.first?.first { return formatter.json(of: value) + "\n" }
        guard !table.rows.isEmpty else { return "[]\n" }
        return "[\n" + table.rows.map { "  " + object($0, table.columns) }.joined(separator: ",\n") + "\n]\n"
    }

    private func jsonLines(_ table: ResultTable) -> String {
        if table.isScalar, let value = table.rows.first?.first { return formatter.json(of: value) + "\n" }
        return table.rows.map { object($0, table.columns) + "\n" }.joined()
    }

    // MARK: Markdown

    private func markdown(_ table: ResultTable) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = "| " + table.columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + table.columns.enumerated().map { index, _ in
            isNumeric(table, column: index) ? " ---: |" : " --- |"
        }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map { cell($0.isNull ? "" : formatter.text(of: $0)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

/// True when every value of the column is a number or null (and one is a number).
func isNumeric(_ table: ResultTable, column: Int) -> Bool {
    var sawNumber = false
    for row in table.rows {
        switch row[column] {
        case .int, .float: sawNumber = true
        case .null: continue
        default: return false
        }
    }
    return sawNumber
}
