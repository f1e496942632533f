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

        var i = 0
        while i < tokens.count {
            var excluded = false
            if tokens[i].kind == .minus {
                excluded = true
                i += 1
                guard i < tokens.count, tokens[i].kind != .or else {
                    throw SyntaxError(message: "'-' must be followed by a word or a phrase", offset: tokens[i - 1].offset, length: 1)
                }
            }
            if tokens[i].kind == .or {
                throw SyntaxError(message: "'OR' needs a word or a phrase on each side", offset: tokens[i].offset, length: 2)
            }
            var alternatives = [try Self.item(tokens[i])]
            i += 1
            while i < tokens.count && tokens[i].kind == .or {
                let or = tokens[i]
                i += 1
                guard i < tokens.count, tokens[i].kind != .or, tokens[i].kind != .minus else {
                    throw SyntaxError(message: "'OR' needs a word or a phrase on each side", offset: or.offset, length: 2)
                }
                alternatives.append(try Self.item(tokens[i]))
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

    private static func item(_ token: QueryLexer.Token) throws(SyntaxError) -> Item {
        let terms = TermTokenizer.terms(of: token.text)
        guard !terms.isEmpty else {
            let what = token.kind == .phrase ? "the phrase" : "'\(token.text)'"
            throw SyntaxError(message: "\(what) has no letters or digits to search for", offset: token.offset, length: token.length)
        }
        return Item(terms: terms)
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
private struct QueryLexer {
    enum Kind { case word, phrase, or, minus }

    struct Token {
        var kind: Kind
        var text: String
        var offset: Int
        var length: Int
    }

    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func next() throws(SearchQuery.SyntaxError) -> Token? {
        while position < characters.count && characters[position].isWhitespace { position += 1 }
        guard position < characters.count else { return nil }
        let start = position
        let c = characters[position]
        if c == "\"" {
            position += 1
            while position < characters.count && characters[position] != "\"" { position += 1 }
            guard position < characters.count else {
                throw SearchQuery.SyntaxError(message: "unterminated phrase: add the closing '\"'", offset: start, length: 1)
            }
            position += 1
            let text = String(characters[(start + 1)..<(position - 1)])
            return Token(kind: .phrase, text: text, offset: start, length: position - start)
        }
        if c == "-" && position + 1 < characters.count && !characters[position + 1].isWhitespace {
            position += 1
            return Token(kind: .minus, text: "-", offset: start, length: 1)
        }
        while position < characters.count && !characters[position].isWhitespace && characters[position] != "\"" {
            position += 1
        }
        let text = String(characters[start..<position])
        return Token(kind: text == "OR" ? .or : .word, text: text, offset: start, length: position - start)
    }
}
