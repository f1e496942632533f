/// The rows a pipeline produced, with their shape: what `let` binds and what output prints.
public struct ResultSet: Sendable {
    public var shape: RowShape
    public var rows: [Row]
    public var cardinality: Cardinality
    /// A single value (from `count` or a one-aggregate `summarize`).
    public var isScalar: Bool

    public init(shape: RowShape, rows: [Row], cardinality: Cardinality, isScalar: Bool) {
        self.shape = shape
        self.rows = rows
        self.cardinality = cardinality
        self.isScalar = isScalar
    }

    /// A single value bound as a name (`--param`).
    public static func value(_ value: Value, type: ValueType) -> ResultSet {
        ResultSet(shape: RowShape(subject: type), rows: [Row(subject: value)], cardinality: .one, isScalar: true)
    }

    /// How the checker sees this result when it is bound to a name.
    public var globalType: GlobalType {
        GlobalType(shape: shape, cardinality: cardinality)
    }

    /// The value of a row as an expression sees it: a one-column record is its column.
    static func value(of row: Row, shape: RowShape) -> Value {
        if case .record(let record) = row.subject, record.values.count == 1, case .record = shape.subject {
            return record.values[0]
        }
        return row.subject
    }

    /// The result as an expression value: the single row's value when there is at most one
    /// row, else the list of them.
    public var expressionValue: Value {
        if cardinality == .one { return rows.first.map { Self.value(of: $0, shape: shape) } ?? .null }
        return .list(rows.map { Self.value(of: $0, shape: shape) })
    }
}
