import LedeStore

/// A recursive-descent parser for one statement at a time.
///
/// Each parse method is named after the grammar rule it reads and opens with that rule, as in
/// Grammar.md. The first error ends the statement: `parseScript` then goes on with the next
/// statement, so a script with three mistakes reports three errors.
public struct Parser {
    let file: SourceFile
    private var tokens: [Token]
    private var index = 0
    /// How deeply expressions are nested right now.
    private var depth = 0
    static let maximumDepth = 200

    /// A statement as parsed from a script, or the reason it could not be.
    public struct Parsed: Sendable {
        public var statement: Statement?
        public var diagnostics: [Diagnostic]
        /// Where the statement lies in its file.
        public var range: SourceRange
    }

    /// Splits `file` into statements and parses each.
    public static func parseScript(_ file: SourceFile) -> [Parsed] {
        StatementSplitter.split(file).map { chunk in
            parseStatement(file, range: chunk.range, isCommand: chunk.isCommand)
        }
    }

    /// Parses the statement in `file.text[range]`.
    public static func parseStatement(_ file: SourceFile, range: Range<Int>, isCommand: Bool = false) -> Parsed {
        let sourceRange = SourceRange(range.lowerBound, range.upperBound)
        if isCommand {
            return Parsed(statement: command(file, range), diagnostics: [], range: sourceRange)
        }
        var lexer = Lexer(file, range: range)
        let tokens = Self.significant(lexer.tokenize())
        if let first = lexer.diagnostics.first {
            return Parsed(statement: nil, diagnostics: [first], range: sourceRange)
        }
        var parser = Parser(file: file, tokens: tokens)
        do {
            let statement = try parser.parseStatement()
            return Parsed(statement: statement, diagnostics: [], range: sourceRange)
        } catch {
            return Parsed(statement: nil, diagnostics: [error], range: sourceRange)
        }
    }

    /// Parses a lone expression (for tests and `--param` values).
    public static func parseExpression(_ file: SourceFile) -> Result<Expression, Diagnostic> {
        var lexer = Lexer(file)
        let tokens = Self.significant(lexer.tokenize())
        if let first = lexer.diagnostics.first { return .failure(first) }
        var parser = Parser(file: file, tokens: tokens)
        do {
            let expression = try parser.parseExpression()
            try parser.expectEnd(after: "the expression")
            return .success(expression)
        } catch {
            return .failure(error)
        }
    }

    /// The tokens without line breaks, the end placed right after the last token, so that
    /// "found end of input" points at the code rather than at comments after it.
    private static func significant(_ tokens: [Token]) -> [Token] {
        var kept = tokens.filter { $0.kind != .newline }
        if kept.count >= 2, kept[kept.count - 1].kind == .endOfInput {
            kept[kept.count - 1].range = .at(kept[kept.count - 2].range.upperBound)
        }
        return kept
    }

    private init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    /// `.name rest-of-line`
    private static func command(_ file: SourceFile, _ range: Range<Int>) -> Statement {
        let text = file.slice(range)
        let afterDot = text.dropFirst()
        let name = String(afterDot.prefix { !$0.isWhitespace })
        let nameEnd = range.lowerBound + 1 + name.utf8.count
        let rest = afterDot.dropFirst(name.count)
        let argument = String(rest.drop { $0.isWhitespace })
        let argumentStart = range.upperBound - argument.utf8.count
        return Statement(
            kind: .command(
                Command(
                    name: Identifier(name: name, range: SourceRange(range.lowerBound + 1, nameEnd)), argument: argument,
                    argumentRange: SourceRange(argumentStart, range.upperBound))),
            range: SourceRange(range.lowerBound, range.upperBound))
    }

    // MARK: Statements

    /// statement -> "let" NAME "=" pipeline | pipeline
    mutating func parseStatement() throws(Diagnostic) -> Statement {
        let start = current.range
        if current.identifier == "let" {
            advance()
            let name = try expectName(purpose: "a name after 'let'")
            if Keywords.isReserved(name.name) || Collection(rawValue: name.name) != nil {
                throw Diagnostic(
                    "'\(name.name)' is a keyword and cannot be bound with let", at: name.range,
                    help: "choose another name, such as '\(name.name)_'")
            }
            guard case .assign = current.kind else {
                if current.kind == .equal {
                    throw Diagnostic("expected '=' after 'let \(name.name)', found '=='", at: current.range, help: "bind with a single '='")
                }
                throw expected("'=' after 'let \(name.name)'")
            }
            advance()
            let pipeline = try parsePipeline()
            try expectEnd(after: "the statement")
            return Statement(kind: .binding(name, pipeline), range: start.through(pipeline.range))
        }
        let pipeline = try parsePipeline()
        try expectEnd(after: "the statement")
        return Statement(kind: .query(pipeline), range: pipeline.range)
    }

    mutating func expectEnd(after what: String) throws(Diagnostic) {
        guard current.kind == .endOfInput else {
            if case .assign = current.kind {
                throw Diagnostic("unexpected '='", at: current.range, help: "compare with '==', or bind a name with 'let name = …'")
            }
            throw Diagnostic("expected '|' or the end of \(what), found \(current.describedForMessage)", at: current.range)
        }
    }

    // MARK: Tokens

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// The previous token's range, for spans that end at it.
    var previousRange: SourceRange {
        tokens[max(0, index - 1)].range
    }

    func isWord(_ word: String) -> Bool {
        current.identifier == word
    }

    mutating func expect(_ kind: Token.Kind, _ what: String) throws(Diagnostic) -> Token {
        guard current.kind == kind else { throw expected(what) }
        let token = current
        advance()
        return token
    }

    /// A closing `)` or `]`, or an error naming its opener.
    mutating func expectClosing(_ kind: Token.Kind, opener: Token) throws(Diagnostic) {
        guard current.kind == kind else {
            let (line, column) = file.location(of: opener.range.lowerBound)
            let closer = Token.spelling(of: kind)
            let opened = Token.spelling(of: opener.kind)
            throw Diagnostic(
                "expected '\(closer)' to close '\(opened)' at \(line):\(column), found \(current.describedForMessage)",
                at: current.range, help: current.kind == .endOfInput ? "add '\(closer)'" : nil)
        }
        advance()
    }

    mutating func expectName(purpose: String) throws(Diagnostic) -> Identifier {
        guard let name = current.identifier else { throw expected(purpose) }
        let identifier = Identifier(name: name, range: current.range)
        advance()
        return identifier
    }

    func expected(_ what: String) -> Diagnostic {
        Diagnostic("expected \(what), found \(current.describedForMessage)", at: current.range)
    }

    /// Guards recursion so that deeply nested input is an error, not a stack overflow.
    mutating func enterNesting(at range: SourceRange) throws(Diagnostic) {
        depth += 1
        if depth > Self.maximumDepth {
            throw Diagnostic("expression nested too deeply (more than \(Self.maximumDepth) levels)", at: range)
        }
    }

    mutating func leaveNesting() {
        depth -= 1
    }
}

/// Words with a fixed meaning inside expressions and stages.
public enum Keywords {
    /// Words that cannot name a field or a binding in an expression.
    public static let reserved: Set<String> = [
        "and", "or", "not", "true", "false", "null", "in", "contains", "startswith", "endswith", "matches",
        "as", "asc", "desc", "by", "let", "it",
    ]

    public static func isReserved(_ word: String) -> Bool {
        reserved.contains(word) && word != "it"
    }

    /// Every stage keyword, in the order `.help` lists them.
    public static let stages: [String] = [
        "where", "select", "sort", "take", "skip", "count", "summarize", "distinct", "expand", "cooccur",
    ] + Collection.allCases.map(\.rawValue)

    /// Every source keyword.
    public static let sources: [String] = Collection.allCases.map(\.rawValue) + ["article", "entity", "search"]
}
