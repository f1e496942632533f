/// The ways a result can be printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case csv
    case tsv
    case json
    case jsonl
    case markdown

    public var summary: String {
        switch self {
        case .table: "aligned columns (fitted to the terminal when there is one)"
        case .csv: "comma-separated values with a header (RFC 4180 quoting)"
        case .tsv: "tab-separated values with a header"
        case .json: "one JSON document per statement: an array of row objects, or a bare value"
        case .jsonl: "one JSON object per row (JSON Lines)"
        case .markdown: "a Markdown table"
        }
    }
}

/// How a result is laid out beyond its format.
public struct RenderOptions: Sendable {
    /// Columns available; long cells are cut with … to fit. Nil for no limit.
    public var width: Int?
    /// Rows shown before the rest is left out. Nil for all.
    public var rowCap: Int?
    /// A `N rows` line under tables.
    public var footer: Bool
    public var color: Bool

    public init(width: Int? = nil, rowCap: Int? = nil, footer: Bool = false, color: Bool = false) {
        self.width = width
        self.rowCap = rowCap
        self.footer = footer
        self.color = color
    }
}
