import LedeStore

/// A result laid out for output: named columns and a row of values for each.
public struct ResultTable: Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    /// A single value: printed bare in a table, as a number (not an array) in JSON.
    public var isScalar: Bool

    public init(columns: [String], rows: [[Value]], isScalar: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.isScalar = isScalar
    }

    /// Lays out a result: records by their columns, corpus rows by their type's default
    /// columns, other values in one column; names bound by `expand … as` follow.
    public init(_ result: ResultSet, corpus: Corpus) {
        let reader = FieldReader(corpus: corpus)
        let shape = result.shape
        let bindingNames = shape.bindings.map(\.name)
        var columns: [String]
        var cells: (Value) -> [Value]
        switch shape.subject {
        case .record(let record):
            columns = record.fields.map(\.name)
            cells = { value in
                guard case .record(let r) = value else { return [value] }
                return r.values
            }
        case .object(let type):
            let paths = Schema.defaultColumns(of: type).map { Self.resolve($0, from: type) }
            columns = Schema.defaultColumns(of: type)
            cells = { value in
                paths.map { path in path.reduce(value) { reader.read($1, of: $0) } }
            }
        default:
            columns = [shape.subjectName ?? "value"]
            cells = { [$0] }
        }
        // A binding that repeats a column name gets a suffix.
        for name in bindingNames {
            columns.append(columns.contains(name) ? name + "_" : name)
        }
        self.columns = columns
        self.rows = result.rows.map { cells($0.subject) + $0.bindings }
        self.isScalar = result.isScalar
    }

    /// The fields along a dotted default-column path (`article.id`).
    private static func resolve(_ path: String, from type: ObjectType) -> [Field] {
        var fields: [Field] = []
        var current = type
        for name in path.split(separator: ".") {
            guard let spec = Schema.field(String(name), of: current) else { break }
            fields.append(spec.field)
            if case .object(let next) = spec.type { current = next }
        }
        return fields
    }
}
