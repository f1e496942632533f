import LedeStore

/// The syntax tree. Every node has a range in its source file, so every later phase can point
/// at what it blames. The tree holds operators and names, not tokens.

/// One statement of a script or a REPL entry.
public struct Statement: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `articles | where … | select …`
        case query(Pipeline)
        /// `let name = pipeline`
        case binding(Identifier, Pipeline)
        /// `.format csv`: a shell command, carried through the language untouched.
        case command(Command)
    }

    public var kind: Kind
    public var range: SourceRange

    public var isCommand: Bool {
        if case .command = kind { return true }
        return false
    }
}

/// A name as written, with where it was written.
public struct Identifier: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var range: SourceRange

    public var description: String { name }
}

/// A dot command: its name without the dot, and the rest of its line as written.
public struct Command: Sendable, Equatable {
    public var name: Identifier
    public var argument: String
    public var argumentRange: SourceRange
}

/// `source | stage | stage …`
public struct Pipeline: Sendable, Equatable {
    public var source: Source
    public var stages: [Stage]
    public var range: SourceRange
}

/// The corpus collections a pipeline can start from or navigate to.
public enum Collection: String, Sendable, CaseIterable, Equatable {
    case articles
    case paragraphs
    case entities
    case mentions
    case quotes
    case links
    case dates
}

public struct Source: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        /// `articles`, `entities`, …
        case collection(Collection)
        /// `article 3`
        case article(Expression)
        /// `entity "Mnuchin"`
        case entity(Expression)
        /// `search "human rights" [in title]`
        case search(Expression, field: Identifier?)
        /// A name bound by `let` or `--param`.
        case name(Identifier)
        /// `trump.mentions`: a field of every row, lists flattened.
        case member(Source, Identifier)
    }

    public var kind: Kind
    public var range: SourceRange
}

public struct Stage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case filter(Expression)
        case select([Column])
        case sort([SortKey])
        case take(Expression)
        case skip(Expression)
        /// `count`, or `count by …` when the list is not empty.
        case count(by: [Column])
        case summarize([Column], by: [Column])
        /// `distinct`, or `distinct a, b` (select them, then remove repeated rows).
        case distinct([Column])
        /// `expand list [as name]`: the alias, when given, names a binding.
        case expand(Column)
        /// `| articles`, `| entities`, …
        case navigate(Collection)
        case cooccur
    }

    public var kind: Kind
    /// The whole stage, keyword included.
    public var range: SourceRange
    /// The stage's keyword.
    public var keyword: Identifier
}

/// An expression in a column list, with its column name.
public struct Column: Sendable, Equatable {
    public var expression: Expression
    public var alias: Identifier?
    /// The alias, or the expression as written with its spacing normalized (`speaker.name`).
    public var name: String
}

public struct SortKey: Sendable, Equatable {
    public var expression: Expression
    public var descending: Bool
}

public struct Expression: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        case literal(Literal)
        case list([Expression])
        /// A field of the current row, a name bound by `expand … as`, `let` or `--param`, or `it`.
        case name(Identifier)
        case member(Expression, Identifier)
        case index(Expression, Expression)
        case call(Identifier, [Expression])
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
    }

    public var kind: Kind
    public var range: SourceRange
}

public enum Literal: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    case date(CivilDate)
    case datetime(ZonedDateTime)
}

public enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-"
    case not
}

public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case or
    case and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case contains
    case startsWith = "startswith"
    case endsWith = "endswith"
    case matches
    case `in`
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// Binding power, lowest first, as one table (Lua's `priority`): `or` < `and` <
    /// comparisons < `+ -` < `* / %`. Comparisons do not chain.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains, .startsWith, .endsWith, .matches, .in: 4
        case .add, .subtract: 5
        case .multiply, .divide, .remainder: 6
        }
    }

    public var isComparison: Bool { precedence == 4 }

    /// Operators spelled as words (`contains`) rather than symbols.
    public static let words: [String: BinaryOperator] = [
        "or": .or, "and": .and, "contains": .contains, "startswith": .startsWith, "endswith": .endsWith,
        "matches": .matches, "in": .in,
    ]
}

/// Precedence of `not`: looser than comparisons, tighter than `and`.
let notPrecedence = 3
