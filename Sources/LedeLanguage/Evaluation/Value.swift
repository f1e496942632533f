import LedeStore

/// A value while a query runs. Rows of the corpus are held by identifier; text is read from
/// the corpus only when a field asks for it.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case date(CivilDate)
    case datetime(ZonedDateTime)
    case list([Value])
    case article(ArticleID)
    case paragraph(ParagraphID)
    case entity(EntityID)
    case mention(MentionID)
    case quote(QuoteID)
    case link(LinkID)
    case dateReference(DateReferenceID)
    case hit(HitValue)
    case cooccurrence(CooccurrenceValue)
    case record(Record)

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// A search hit: the article, its relevance, and the query (for the snippet).
public struct HitValue: Sendable {
    public var article: ArticleID
    public var score: Double
    public var query: SearchQuery
    public var field: SearchField?
}

/// An entity found next to the input entities of `cooccur`.
public struct CooccurrenceValue: Sendable {
    public var entity: EntityID
    public var articles: Int
    public var mentions: Int
}

/// A row built by `select`, `count by` or `summarize`, or a JSON object: named values.
public struct Record: Sendable {
    public var names: [String]
    public var values: [Value]

    public init(names: [String], values: [Value]) {
        self.names = names
        self.values = values
    }

    public subscript(name: String) -> Value? {
        names.firstIndex(of: name).map { values[$0] }
    }
}

extension Value {
    /// A JSON value from a JSON Lines record as a language value.
    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n):
            if n == n.rounded(), abs(n) < 9e15 { self = .int(Int(n)) } else { self = .float(n) }
        case .string(let s): self = .string(s)
        case .array(let elements): self = .list(elements.map(Value.init))
        case .object(let members): self = .record(Record(names: members.map(\.key), values: members.map { Value($0.value) }))
        }
    }
}

// MARK: Equality, hashing and order

extension Value: Hashable {
    /// Equality as `==` sees it, except that null equals null (for grouping and `distinct`).
    /// Numbers compare by value across int and float; datetimes by instant.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.int(let a), .float(let b)): Double(a) == b
        case (.float(let a), .int(let b)): a == Double(b)
        case (.float(let a), .float(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.date(let a), .date(let b)): a == b
        case (.datetime(let a), .datetime(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.article(let a), .article(let b)): a == b
        case (.paragraph(let a), .paragraph(let b)): a == b
        case (.entity(let a), .entity(let b)): a == b
        case (.mention(let a), .mention(let b)): a == b
        case (.quote(let a), .quote(let b)): a == b
        case (.link(let a), .link(let b)): a == b
        case (.dateReference(let a), .dateReference(let b)): a == b
        case (.hit(let a), .hit(let b)): a.article == b.article
        case (.cooccurrence(let a), .cooccurrence(let b)): a.entity == b.entity
        case (.record(let a), .record(let b)): a.names == b.names && a.values == b.values
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(Double(i))
        case .float(let f): hasher.combine(f)
        case .string(let s): hasher.combine(s)
        case .date(let d): hasher.combine(d)
        case .datetime(let t): hasher.combine(t)
        case .list(let values): hasher.combine(values)
        case .article(let id): hasher.combine(1); hasher.combine(id)
        case .paragraph(let id): hasher.combine(2); hasher.combine(id)
        case .entity(let id): hasher.combine(3); hasher.combine(id)
        case .mention(let id): hasher.combine(4); hasher.combine(id)
        case .quote(let id): hasher.combine(5); hasher.combine(id)
        case .link(let id): hasher.combine(6); hasher.combine(id)
        case .dateReference(let id): hasher.combine(7); hasher.combine(id)
        case .hit(let hit): hasher.combine(8); hasher.combine(hit.article)
        case .cooccurrence(let c): hasher.combine(9); hasher.combine(c.entity)
        case .record(let record): hasher.combine(record.names); hasher.combine(record.values)
        }
    }

    /// The order of two values for `<` and `sort`, or nil when they do not compare. A date
    /// compared with a datetime stands for the start of its day in UTC.
    public static func order(_ lhs: Value, _ rhs: Value) -> Int? {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return sign(a ? 1 : 0, b ? 1 : 0)
        case (.int(let a), .int(let b)): return sign(a, b)
        case (.int(let a), .float(let b)): return sign(Double(a), b)
        case (.float(let a), .int(let b)): return sign(a, Double(b))
        case (.float(let a), .float(let b)): return sign(a, b)
        case (.string(let a), .string(let b)): return sign(a, b)
        case (.date(let a), .date(let b)): return sign(a, b)
        case (.datetime(let a), .datetime(let b)): return sign(a, b)
        case (.datetime(let a), .date(let b)): return sign(a, ZonedDateTime.startOfDay(b))
        case (.date(let a), .datetime(let b)): return sign(ZonedDateTime.startOfDay(a), b)
        case (.article(let a), .article(let b)): return sign(a, b)
        case (.paragraph(let a), .paragraph(let b)): return sign(a, b)
        case (.entity(let a), .entity(let b)): return sign(a, b)
        case (.mention(let a), .mention(let b)): return sign(a, b)
        case (.quote(let a), .quote(let b)): return sign(a, b)
        case (.link(let a), .link(let b)): return sign(a, b)
        case (.dateReference(let a), .dateReference(let b)): return sign(a, b)
        case (.hit(let a), .hit(let b)): return sign(a.article, b.article)
        case (.cooccurrence(let a), .cooccurrence(let b)): return sign(a.entity, b.entity)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                guard let result = order(x, y) else { return nil }
                if result != 0 { return result }
            }
            return sign(a.count, b.count)
        case (.record(let a), .record(let b)):
            for (x, y) in zip(a.values, b.values) {
                guard let result = order(x, y) else { return nil }
                if result != 0 { return result }
            }
            return 0
        default: return nil
        }
    }

    /// A total order for sorting: nulls last, then values of different kinds by kind.
    static func sortOrder(_ lhs: Value, _ rhs: Value) -> Int {
        // Strings, integers and times, the usual sort keys, are compared before `order` is
        // asked: its switch over the pair copies both values, retaining and releasing their
        // strings (a time's zone name among them).
        if case .string(let a) = lhs, case .string(let b) = rhs { return a < b ? -1 : (a == b ? 0 : 1) }
        if case .int(let a) = lhs, case .int(let b) = rhs { return a < b ? -1 : (a == b ? 0 : 1) }
        if case .datetime(let a) = lhs, case .datetime(let b) = rhs { return a < b ? -1 : (a == b ? 0 : 1) }
        if lhs.isNull || rhs.isNull { return lhs.isNull ? (rhs.isNull ? 0 : 1) : -1 }
        if let result = order(lhs, rhs) { return result }
        return lhs.kindRank < rhs.kindRank ? -1 : (lhs.kindRank == rhs.kindRank ? 0 : 1)
    }

    private var kindRank: Int {
        switch self {
        case .null: 99
        case .bool: 0
        case .int, .float: 1
        case .string: 2
        case .date, .datetime: 3
        case .list: 4
        case .article: 5
        case .paragraph: 6
        case .entity: 7
        case .mention: 8
        case .quote: 9
        case .link: 10
        case .dateReference: 11
        case .hit: 12
        case .cooccurrence: 13
        case .record: 14
        }
    }
}

/// The kinds of rows of the corpus a value can be: counted and remembered by their position
/// in arrays, where hashing a million of them is slower (`distinct`, `count by`).
enum CorpusRowKind: Int, CaseIterable {
    case article, paragraph, entity, mention, quote, link, dateReference
}

extension Value {
    /// The kind and position of a value that is a row of the corpus.
    var corpusRow: (kind: CorpusRowKind, position: Int)? {
        switch self {
        case .article(let id): (.article, id.index)
        case .paragraph(let id): (.paragraph, id.index)
        case .entity(let id): (.entity, id.index)
        case .mention(let id): (.mention, id.index)
        case .quote(let id): (.quote, id.index)
        case .link(let id): (.link, id.index)
        case .dateReference(let id): (.dateReference, id.index)
        default: nil
        }
    }

    /// The row of the corpus of `kind` at `position`.
    init(_ kind: CorpusRowKind, at position: Int) {
        switch kind {
        case .article: self = .article(ArticleID(position))
        case .paragraph: self = .paragraph(ParagraphID(position))
        case .entity: self = .entity(EntityID(position))
        case .mention: self = .mention(MentionID(position))
        case .quote: self = .quote(QuoteID(position))
        case .link: self = .link(LinkID(position))
        case .dateReference: self = .dateReference(DateReferenceID(position))
        }
    }
}
