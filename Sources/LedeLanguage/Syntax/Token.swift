import LedeStore

/// A lexical token with its payload already converted: numbers are numbers, strings have
/// their escapes resolved, dates are dates.
public struct Token: Sendable, Equatable {
    public var kind: Kind
    public var range: SourceRange

    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case integer(Int)
        case float(Double)
        case string(String)
        case date(CivilDate)
        case datetime(ZonedDateTime)

        case pipe, comma, dot, leftParen, rightParen, leftBracket, rightBracket
        /// `=`, which only `let` uses.
        case assign
        case equal, notEqual, less, lessEqual, greater, greaterEqual
        case plus, minus, star, slash, percent

        case newline
        /// Something the lexer could not read; its diagnostic was already reported.
        case invalid
        case endOfInput
    }

    /// The identifier's name, if this is one.
    public var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// How the token reads in messages: `'|'`, `identifier 'titel'`, `string "x"`.
    public var describedForMessage: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .integer(let value): "number \(value)"
        case .float(let value): "number \(value)"
        case .string: "a string"
        case .date(let date): "date \(date)"
        case .datetime: "a datetime"
        case .newline: "end of line"
        case .endOfInput: "end of input"
        case .invalid: "an invalid token"
        default: "'\(Token.spelling(of: kind))'"
        }
    }

    /// The source spelling of a punctuation or operator token.
    public static func spelling(of kind: Kind) -> String {
        switch kind {
        case .pipe: "|"
        case .comma: ","
        case .dot: "."
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .assign: "="
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .percent: "%"
        case .identifier(let name): name
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .date(let date): date.description
        case .datetime(let datetime): datetime.iso8601
        case .newline: "\\n"
        case .invalid: "?"
        case .endOfInput: ""
        }
    }
}
