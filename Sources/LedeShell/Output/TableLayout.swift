import LedeLanguage

/// Aligned columns under a header and a rule:
///
///     id  title                        published
///     ──  ───────────────────────────  ───────────────────────────
///      1  US administration sanctio…   2018-12-11 08:15 Asia/Tehran
///
/// Widths count terminal columns (CJK and emoji take two), numbers are right-aligned, line
/// breaks in cells show as spaces, and when a width is given the widest columns shrink and
/// their cells are cut with `…`. A single value prints bare.
struct TableLayout {
    let formatter: ValueFormatter
    let options: RenderOptions

    static let gap = 2
    static let minimumColumnWidth = 6

    func render(_ table: ResultTable) -> String {
        if table.isScalar, let value = table.rows.first?.first {
            return cellText(value) + "\n"
        }
        let shownRows = options.rowCap.map { Array(table.rows.prefix($0)) } ?? table.rows
        let texts = shownRows.map { $0.map(cellText) }
        let numeric = table.columns.indices.map { isNumeric(table, column: $0) }
        var widths = table.columns.indices.map { column in
            texts.reduce(DisplayWidth.of(table.columns[column])) { max($0, DisplayWidth.of($1[column])) }
        }
        if let limit = options.width { shrink(&widths, toFit: limit, headers: table.columns) }

        var out = ""
        let headers = table.columns.enumerated().map { column, name in
            pad(DisplayWidth.truncate(name, to: widths[column]), widths[column], right: numeric[column])
        }
        out += line(headers.map { paint($0, Colors.header) }) + "\n"
        out += line(widths.map { String(repeating: "─", count: $0) }) + "\n"
        for (rowIndex, row) in texts.enumerated() {
            let cells = row.enumerated().map { column, text in
                let cut = pad(DisplayWidth.truncate(text, to: widths[column]), widths[column], right: numeric[column])
                return shownRows[rowIndex][column].isNull ? paint(cut, Colors.null) : cut
            }
            out += line(cells) + "\n"
        }
        if options.footer {
            let count = table.rows.count
            var footer = "\(count) row\(count == 1 ? "" : "s")"
            if shownRows.count < count { footer += ", \(shownRows.count) shown (.show all for the rest)" }
            out += paint(footer, Colors.footer) + "\n"
        }
        return out
    }

    private func cellText(_ value: Value) -> String {
        let text = formatter.text(of: value)
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// Joins cells with the gap, without trailing white space.
    private func line(_ cells: [String]) -> String {
        var text = cells.joined(separator: String(repeating: " ", count: Self.gap))
        while text.last == " " { text.removeLast() }
        return text
    }

    private func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return right ? padding + text : text + padding
    }

    /// Narrows the widest columns, one column at a time, until the table fits.
    private func shrink(_ widths: inout [Int], toFit limit: Int, headers: [String]) {
        let gaps = Self.gap * max(0, widths.count - 1)
        while widths.reduce(0, +) + gaps > limit {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                widths[widest] > Self.minimumColumnWidth
            else { return }
            let excess = widths.reduce(0, +) + gaps - limit
            let others = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? 0
            widths[widest] = max(Self.minimumColumnWidth, widths[widest] - max(1, min(excess, widths[widest] - others)))
        }
    }

    private func paint(_ text: String, _ color: String) -> String {
        options.color ? color + text + Colors.reset : text
    }
}

/// ANSI colours, used only when output goes to a terminal and NO_COLOR is not set.
enum Colors {
    static let header = "\u{1B}[1m"
    static let null = "\u{1B}[2m"
    static let footer = "\u{1B}[2m"
    static let person = "\u{1B}[1;36m"
    static let organization = "\u{1B}[1;35m"
    static let place = "\u{1B}[1;32m"
    static let reset = "\u{1B}[0m"
}
