import LedeStore

/// What the checker hands the evaluator: a pipeline with every name resolved and every
/// expression typed, so evaluation never looks anything up by name.
public struct CheckedPipeline: Sendable {
    public var source: CheckedSource
    public var stages: [CheckedStage]
    /// The rows it produces.
    public var shape: RowShape
    public var cardinality: Cardinality
    /// True when it ends in `count` or in `summarize` with one aggregate and no `by`: the
    /// result is a single value (a number in JSON, a bare value in a table).
    public var isScalar: Bool
}

/// How many rows a pipeline can produce: at most one, or any number.
public enum Cardinality: Sendable, Equatable {
    case one
    case many
}

/// The static shape of the rows flowing between stages.
public struct RowShape: Sendable, Equatable {
    /// What a row is: an object, a record from `select`, or a value from `expand`.
    public var subject: ValueType
    /// The column name of a subject that is not an object or a record (`captions` after
    /// `expand captions`).
    public var subjectName: String?
    /// Names bound by `expand … as name`, in order.
    public var bindings: [Binding]

    public struct Binding: Sendable, Equatable {
        public var name: String
        public var type: ValueType
    }

    public init(subject: ValueType, subjectName: String? = nil, bindings: [Binding] = []) {
        self.subject = subject
        self.subjectName = subjectName
        self.bindings = bindings
    }

    /// The type a row has as a value: a one-column record is its column.
    public var valueType: ValueType {
        if case .record(let record) = subject, record.fields.count == 1 { return record.fields[0].type }
        return subject
    }
}

/// A name bound by `let` or `--param`, as the checker sees it.
public struct GlobalType: Sendable, Equatable {
    public var shape: RowShape
    public var cardinality: Cardinality

    public init(shape: RowShape, cardinality: Cardinality) {
        self.shape = shape
        self.cardinality = cardinality
    }

    /// The type of the name inside an expression: the row's value when there is at most one
    /// row, else a list of them.
    public var expressionType: ValueType {
        cardinality == .one ? shape.valueType : .list(shape.valueType)
    }
}

public indirect enum CheckedSource: Sendable {
    case collection(Collection)
    /// `article N`: the number is evaluated when the pipeline runs.
    case article(Typed)
    case entity(EntityTarget)
    case search(SearchTarget, field: SearchField?)
    case global(String)
    /// Rows of the inner source mapped through a field; lists are flattened.
    case member(CheckedSource, Typed)
}

/// The entity of `entity "…"`: resolved while checking when the name is a literal.
public enum EntityTarget: Sendable {
    case resolved(EntityID)
    case dynamic(Typed)
}

/// The query of `search "…"`: parsed while checking when it is a literal.
public enum SearchTarget: Sendable {
    case parsed(SearchQuery)
    case dynamic(Typed)
}

public enum CheckedStage: Sendable {
    case filter(Typed)
    case select([Typed], RecordType)
    case sort([(key: Typed, descending: Bool)])
    case take(Typed)
    case skip(Typed)
    case count
    case countBy([Typed], RecordType)
    case summarize(groups: [Typed], aggregates: [AggregateCall], RecordType)
    /// Drops repeated rows; with columns, selects them first (`distinct a, b`).
    case distinct(([Typed], RecordType)?)
    /// Expands a list: into the subject, or into a new binding when `binds` is true.
    case expand(Typed, binds: Bool)
    case navigate(from: ObjectType, to: Collection)
    case cooccur
}

public struct AggregateCall: Sendable {
    public var aggregate: Aggregate
    public var argument: Typed?
    public var range: SourceRange
}

/// A checked expression: resolved, typed, and still carrying its source range so run-time
/// errors point into the query.
public struct Typed: Sendable {
    public indirect enum Kind: Sendable {
        case literal(Literal)
        case list([Typed])
        /// The current row (`it`, or an implicit field's owner).
        case subject
        /// A name bound by `expand … as`.
        case binding(Int)
        /// A name bound by `let` or `--param`.
        case global(String)
        case field(Typed, Field)
        /// A field of every object in a list: `paragraphs.text`.
        case mapField(Typed, Field)
        case recordField(Typed, String)
        /// A field looked up when it runs (in JSON Lines extras).
        case dynamicField(Typed, String)
        case index(Typed, Typed)
        case call(Function, [Typed])
        case unary(UnaryOperator, Typed)
        case binary(BinaryOperator, Typed, Typed)
        /// `text matches pattern`, with the pattern compiled when it is a literal.
        case matches(Typed, Typed, TextPattern?)
    }

    public var kind: Kind
    public var type: ValueType
    public var range: SourceRange
}
