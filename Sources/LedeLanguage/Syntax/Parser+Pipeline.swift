import LedeStore

extension Parser {
    /// pipeline -> source { "|" stage }
    mutating func parsePipeline() throws(Diagnostic) -> Pipeline {
        let source = try parseSource()
        var stages: [Stage] = []
        while current.kind == .pipe {
            advance()
            stages.append(try parseStage())
        }
        return Pipeline(source: source, stages: stages, range: source.range.through(previousRange))
    }

    /// source -> primary_source { "." NAME }
    mutating func parseSource() throws(Diagnostic) -> Source {
        var source = try parsePrimarySource()
        while current.kind == .dot {
            advance()
            let field = try expectName(purpose: "a field name after '.'")
            source = Source(kind: .member(source, field), range: source.range.through(field.range))
        }
        return source
    }

    /// primary_source -> COLLECTION | "article" operand | "entity" operand
    ///                 | "search" operand [ "in" ( "title" | "text" ) ] | NAME
    ///
    /// The operand is a literal, a name or a parenthesized expression, without `.field`
    /// after it: in `entity "Trump".mentions` the `.mentions` belongs to the source.
    mutating func parsePrimarySource() throws(Diagnostic) -> Source {
        let token = current
        guard let word = token.identifier else {
            if token.kind == .pipe {
                throw Diagnostic(
                    "expected a source before '|'", at: token.range,
                    help: "a pipeline starts with a source, such as 'articles' or 'entities'")
            }
            throw expectedSource()
        }
        if let collection = Collection(rawValue: word) {
            advance()
            return Source(kind: .collection(collection), range: token.range)
        }
        switch word {
        case "article":
            advance()
            let number = try parseSourceOperand()
            return Source(kind: .article(number), range: token.range.through(number.range))
        case "entity":
            advance()
            let name = try parseSourceOperand()
            return Source(kind: .entity(name), range: token.range.through(name.range))
        case "search":
            advance()
            let query = try parseSourceOperand()
            var field: Identifier?
            if isWord("in") {
                advance()
                let name = try expectName(purpose: "'title' or 'text' after 'in'")
                guard SearchField.allCases.contains(where: { $0.description == name.name }) else {
                    throw Diagnostic(
                        "search can look in 'title' or 'text', not '\(name.name)'", at: name.range,
                        help: Suggestions.help(for: name.name, among: SearchField.allCases.map(\.description)))
                }
                field = name
            }
            return Source(kind: .search(query, field: field), range: token.range.through(previousRange))
        default:
            if Keywords.stages.contains(word) {
                throw Diagnostic(
                    "expected a source, found the stage '\(word)'", at: token.range,
                    help: "a pipeline starts with a source: articles | \(word) …")
            }
            if Keywords.isReserved(word) { throw expectedSource() }
            advance()
            return Source(kind: .name(Identifier(name: word, range: token.range)), range: token.range)
        }
    }

    private func expectedSource() -> Diagnostic {
        Diagnostic(
            "expected a source such as 'articles' or 'entities', found \(current.describedForMessage)", at: current.range)
    }

    /// stage -> "where" expression | "select" columns | "sort" sort_keys | "take" expression
    ///        | "skip" expression | "count" [ "by" columns ] | "summarize" columns [ "by" columns ]
    ///        | "distinct" [ columns ] | "expand" expression [ "as" NAME ] | COLLECTION | "cooccur"
    mutating func parseStage() throws(Diagnostic) -> Stage {
        let token = current
        guard let word = token.identifier else {
            throw Diagnostic(
                "expected a stage after '|', found \(token.describedForMessage)", at: token.range,
                help: "stages include where, select, sort, take, count")
        }
        let keyword = Identifier(name: word, range: token.range)
        advance()
        let kind: Stage.Kind
        if let collection = Collection(rawValue: word) {
            kind = .navigate(collection)
        } else {
            switch word {
            case "where": kind = .filter(try parseExpression())
            case "select": kind = .select(try parseColumns(after: "select"))
            case "sort": kind = .sort(try parseSortKeys())
            case "take": kind = .take(try parseExpression())
            case "skip": kind = .skip(try parseExpression())
            case "count":
                if isWord("by") {
                    advance()
                    kind = .count(by: try parseColumns(after: "count by"))
                } else {
                    kind = .count(by: [])
                }
            case "summarize":
                let aggregates = try parseColumns(after: "summarize")
                var groups: [Column] = []
                if isWord("by") {
                    advance()
                    groups = try parseColumns(after: "by")
                }
                kind = .summarize(aggregates, by: groups)
            case "distinct":
                kind = .distinct(atStageEnd ? [] : try parseColumns(after: "distinct"))
            case "expand":
                let list = try parseExpression()
                var name: Identifier?
                if isWord("as") {
                    advance()
                    name = try parseAlias()
                }
                kind = .expand(Column(expression: list, alias: name, name: name?.name ?? columnName(list)))
            case "cooccur": kind = .cooccur
            default:
                if word == "filter" || word == "order" || word == "limit" || word == "group" {
                    let replacement = ["filter": "where", "order": "sort", "limit": "take", "group": "count by"][word] ?? "where"
                    throw Diagnostic("unknown stage '\(word)'", at: token.range, help: "did you mean '\(replacement)'?")
                }
                if Keywords.sources.contains(word) {
                    throw Diagnostic(
                        "'\(word)' is a source and starts a pipeline; it cannot follow '|'", at: token.range)
                }
                throw Diagnostic(
                    "unknown stage '\(word)'", at: token.range,
                    help: Suggestions.help(for: word, among: Keywords.stages) ?? "stages include where, select, sort, take, count")
            }
        }
        return Stage(kind: kind, range: token.range.through(previousRange), keyword: keyword)
    }

    private var atStageEnd: Bool {
        current.kind == .pipe || current.kind == .endOfInput
    }

    /// columns -> column { "," column } ; column -> expression [ "as" NAME ]
    mutating func parseColumns(after keyword: String) throws(Diagnostic) -> [Column] {
        if atStageEnd {
            throw Diagnostic("'\(keyword)' needs at least one expression", at: current.range)
        }
        var columns: [Column] = []
        repeat {
            if current.kind == .comma { advance() }
            let expression = try parseExpression()
            var alias: Identifier?
            if isWord("as") {
                advance()
                alias = try parseAlias()
            }
            columns.append(Column(expression: expression, alias: alias, name: alias?.name ?? columnName(expression)))
        } while current.kind == .comma
        return columns
    }

    private mutating func parseAlias() throws(Diagnostic) -> Identifier {
        let name = try expectName(purpose: "a name after 'as'")
        if Keywords.isReserved(name.name) {
            throw Diagnostic("'\(name.name)' is a keyword and cannot name a column", at: name.range)
        }
        return name
    }

    /// The expression as written, its white space collapsed: `speaker.name`, `len(paragraphs)`.
    private func columnName(_ expression: Expression) -> String {
        let text = file.slice(expression.range)
        var out = ""
        var pendingSpace = false
        var inString: Character?
        for character in text {
            if let quote = inString {
                out.append(character)
                if character == quote { inString = nil }
                continue
            }
            if character == "\"" || character == "'" { inString = character }
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(character)
        }
        return out
    }

    /// sort_keys -> sort_key { "," sort_key } ; sort_key -> expression [ "asc" | "desc" ]
    mutating func parseSortKeys() throws(Diagnostic) -> [SortKey] {
        if atStageEnd {
            throw Diagnostic("'sort' needs at least one expression", at: current.range)
        }
        var keys: [SortKey] = []
        repeat {
            if current.kind == .comma { advance() }
            let expression = try parseExpression()
            var descending = false
            if isWord("desc") {
                descending = true
                advance()
            } else if isWord("asc") {
                advance()
            }
            keys.append(SortKey(expression: expression, descending: descending))
        } while current.kind == .comma
        return keys
    }
}
