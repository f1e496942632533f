/// Dense, 0-based identifiers into the corpus's arrays.
///
/// Every row type has its own identifier type, so a mention id can never index the paragraphs.
/// The language shows article ids 1-based (`article 1`); these raw values are positions.
public protocol CorpusID: Hashable, Comparable, Sendable, CustomStringConvertible {
    var rawValue: Int32 { get }
    init(rawValue: Int32)
}

extension CorpusID {
    public init(_ index: Int) { self.init(rawValue: Int32(truncatingIfNeeded: index)) }
    public var index: Int { Int(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "\(rawValue)" }
}

public struct ArticleID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

public struct ParagraphID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

public struct SentenceID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

public struct EntityID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

public struct MentionID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

public struct QuoteID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

public struct LinkID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

public struct DateReferenceID: CorpusID {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
}

extension Range where Bound == Int32 {
    /// The identifiers in a contiguous slice of one of the corpus's arrays.
    public func ids<ID: CorpusID>(_: ID.Type = ID.self) -> [ID] {
        map { ID(rawValue: $0) }
    }
}
