/// A full-text query: words, "quoted phrases", `OR` between alternatives, `-` to exclude.
///
///     query       = clause { clause } ;            all clauses must match (implicit AND)
///     clause      = [ "-" ] alternative ;          "-" excludes articles that match
///     alternative = item { "OR" item } ;           OR binds tighter than the implicit AND
///     item        = word | '"' { word } '"' ;
///
/// So `sanctions Korea OR Iran -Trump` finds articles with "sanctions", with "Korea" or
/// "Iran", and without "Trump". A word that folds into several terms ("U.S.", "Pyongyang's")
/// is matched as a phrase of them.
public struct SearchQuery: Sendable, Equatable, CustomStringConvertible {
    /// One word or phrase, already folded into index terms.
    public struct Item: Sendable, Equatable {
        public var terms: [String]
    }

    public struct Clause: Sendable, Equatable {
        public var alternatives: [Item]
        public var excluded: Bool
    }

    public var clauses: [Clause]

    /// A query that does not parse, with the character offset of the problem in the query text.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
        /// Offset in Characters from the start of the query text.
        public var offset: Int
        public var length: Int
    }

    public init(parsing text: String) throws(SyntaxError) {
        var lexer = QueryLexer(text)
        var clauses: [Clause] = []
        var tokens: [QueryLexer.Token] = []
        while let token = try lexer.next() { tokens.append(token) }
        var tokenizer = TermTokenizer()
        func item(_ token: QueryLexer.Token) throws(SyntaxError) -> Item {
            let terms = tokenizer.terms(of: token.text)
            guard !terms.isEmpty else {
                let what = token.kind == .phrase ? "the phrase" : "'\(token.text)'"
                throw lexer.error("\(what) has no letters or digits to search for", at: token.range)
            }
            return Item(terms: terms)
        }

        var i = 0
        while i < tokens.count {
            var excluded = false
            if tokens[i].kind == .minus {
                excluded = true
                i += 1
                guard i < tokens.count, tokens[i].kind != .or else {
                    throw lexer.error("'-' must be followed by a word or a phrase", at: tokens[i - 1].range)
                }
            }
            if tokens[i].kind == .or {
                throw lexer.error("'OR' needs a word or a phrase on each side", at: tokens[i].range)
            }
            var alternatives = [try item(tokens[i])]
            i += 1
            while i < tokens.count && tokens[i].kind == .or {
                let or = tokens[i]
                i += 1
                guard i < tokens.count, tokens[i].kind != .or, tokens[i].kind != .minus else {
                    throw lexer.error("'OR' needs a word or a phrase on each side", at: or.range)
                }
                alternatives.append(try item(tokens[i]))
                i += 1
            }
            clauses.append(Clause(alternatives: alternatives, excluded: excluded))
        }
        guard !clauses.isEmpty else {
            throw SyntaxError(message: "the search is empty: give it a word or a \"phrase\"", offset: 0, length: 0)
        }
        guard clauses.contains(where: { !$0.excluded }) else {
            throw SyntaxError(message: "a search needs at least one word or phrase that is not excluded with '-'", offset: 0, length: text.count)
        }
        self.clauses = clauses
    }

    /// Every term the query looks for (not those it excludes), for snippets.
    public var positiveItems: [Item] {
        clauses.filter { !$0.excluded }.flatMap(\.alternatives)
    }

    public var description: String {
        clauses.map { clause in
            let alternatives = clause.alternatives.map { item in
                item.terms.count == 1 ? item.terms[0] : "\"" + item.terms.joined(separator: " ") + "\""
            }.joined(separator: " OR ")
            return (clause.excluded ? "-" : "") + alternatives
        }.joined(separator: " ")
    }
}

/// Splits a query's text into words, phrases, `OR` and `-`.
///
/// It reads Unicode scalars, not Characters: a search runs on every statement that holds one,
/// and breaking its text into grapheme clusters cost more than looking up the words. Positions
/// become Character offsets only for an error.
private struct QueryLexer {
    enum Kind { case word, phrase, or, minus }

    struct Token {
        var kind: Kind
        /// The word, or what is between the phrase's quotes.
        var text: Substring
        /// The whole token, quotes included.
        var range: Range<String.Index>
    }

    private let text: String
    private var position: String.Index

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() throws(SearchQuery.SyntaxError) -> Token? {
        let scalars = text.unicodeScalars
        while position < scalars.endIndex && Self.isSpace(scalars[position]) { scalars.formIndex(after: &position) }
        guard position < scalars.endIndex else { return nil }
        let start = position
        let first = scalars[position]
        scalars.formIndex(after: &position)
        if first == "\"" {
            let opening = position
            while position < scalars.endIndex && scalars[position] != "\"" { scalars.formIndex(after: &position) }
            guard position < scalars.endIndex else {
                throw error("unterminated phrase: add the closing '\"'", at: start..<opening)
            }
            let closing = position
            scalars.formIndex(after: &position)
            return Token(kind: .phrase, text: text[opening..<closing], range: start..<position)
        }
        if first == "-" && position < scalars.endIndex && !Self.isSpace(scalars[position]) {
            return Token(kind: .minus, text: "-", range: start..<position)
        }
        while position < scalars.endIndex && !Self.isSpace(scalars[position]) && scalars[position] != "\"" {
            scalars.formIndex(after: &position)
        }
        let word = text[start..<position]
        return Token(kind: word == "OR" ? .or : .word, text: word, range: start..<position)
    }

    /// An error at `range`, counted in Characters from the start of the query.
    func error(_ message: String, at range: Range<String.Index>) -> SearchQuery.SyntaxError {
        SearchQuery.SyntaxError(
            message: message, offset: text.distance(from: text.startIndex, to: range.lowerBound),
            length: text.distance(from: range.lowerBound, to: range.upperBound))
    }

    /// What `Character.isWhitespace` says of a Character that starts with `scalar`.
    @inline(__always)
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}
