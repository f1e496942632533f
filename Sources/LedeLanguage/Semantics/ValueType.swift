/// The static type of an expression, as the checker infers it.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    /// Not known until run time (JSON Lines extra fields).
    case any
    case null
    case bool
    case int
    case float
    case string
    case date
    case datetime
    case list(ValueType)
    case object(ObjectType)
    case record(RecordType)

    public var description: String {
        switch self {
        case .any: "any"
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "string"
        case .date: "date"
        case .datetime: "datetime"
        case .list(let element): "list of \(element.pluralDescription)"
        case .object(let type): type.rawValue
        case .record(let record): record.description
        }
    }

    /// "strings", "Articles": for `list of …`.
    var pluralDescription: String {
        switch self {
        case .object(let type): type.rawValue.hasSuffix("y") ? type.rawValue.dropLast() + "ies" : type.rawValue + "s"
        case .list: "lists"
        case .record: "records"
        default: description + "s"
        }
    }

    public var isNumeric: Bool { self == .int || self == .float }

    /// True when a value of this type may be used where `other` is expected.
    func fits(_ other: ValueType) -> Bool {
        if self == other || self == .any || other == .any || self == .null { return true }
        if self == .int && other == .float { return true }
        if case .list(let a) = self, case .list(let b) = other { return a.fits(b) }
        return false
    }

    /// The element type of a list (any for `any`), or nil when this is not a list.
    var element: ValueType? {
        switch self {
        case .list(let element): element
        case .any: .any
        default: nil
        }
    }

    /// The type both branches can be seen as (for lists and coalesce), or nil.
    static func common(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a == .null { return b }
        if b == .null { return a }
        if a == .any || b == .any { return .any }
        if a.isNumeric && b.isNumeric { return .float }
        if case .list(let x) = a, case .list(let y) = b { return common(x, y).map { .list($0) } }
        return nil
    }
}

/// The corpus's row types, plus the two a pipeline derives: search hits and co-occurrences.
public enum ObjectType: String, Sendable, CaseIterable, Hashable {
    case article = "Article"
    case paragraph = "Paragraph"
    case entity = "Entity"
    case mention = "Mention"
    case quote = "Quote"
    case link = "Link"
    case dateReference = "DateRef"
    case hit = "Hit"
    case cooccurrence = "Cooccurrence"

    /// The collection holding rows of this type, if any.
    public var collection: Collection? {
        switch self {
        case .article: .articles
        case .paragraph: .paragraphs
        case .entity: .entities
        case .mention: .mentions
        case .quote: .quotes
        case .link: .links
        case .dateReference: .dates
        case .hit, .cooccurrence: nil
        }
    }

    public init(_ collection: Collection) {
        switch collection {
        case .articles: self = .article
        case .paragraphs: self = .paragraph
        case .entities: self = .entity
        case .mentions: self = .mention
        case .quotes: self = .quote
        case .links: self = .link
        case .dates: self = .dateReference
        }
    }
}

/// The type of a row built by `select`, `count by` or `summarize`: named columns in order.
public struct RecordType: Sendable, Hashable, CustomStringConvertible {
    public var fields: [Field]

    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: ValueType
    }

    public init(_ fields: [Field]) {
        self.fields = fields
    }

    public func index(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    public var description: String {
        "{" + fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + "}"
    }
}

extension ValueType {
    /// True for values that do not refer to corpus rows, so they survive a change of corpus.
    public var isPrimitive: Bool {
        switch self {
        case .null, .bool, .int, .float, .string, .date, .datetime: true
        case .list(let element): element.isPrimitive
        case .record(let record): record.fields.allSatisfy { $0.type.isPrimitive }
        case .any, .object: false
        }
    }
}
