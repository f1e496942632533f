/// `--dump-tokens`: one token a line with its position, for lexer golden tests.
public enum TokenDump {
    public static func line(_ token: Token, in file: SourceFile) -> String {
        let (line, column) = file.location(of: token.range.lowerBound)
        let kind: String
        switch token.kind {
        case .identifier(let name): kind = "identifier \(name)"
        case .integer(let value): kind = "integer \(value)"
        case .float(let value): kind = "float \(value)"
        case .string(let value): kind = "string \(ValueQuoting.quoted(value))"
        case .date(let value): kind = "date \(value)"
        case .datetime(let value): kind = "datetime \(value.iso8601)"
        case .newline: kind = "newline"
        case .endOfInput: kind = "end"
        case .invalid: kind = "invalid"
        default: kind = "symbol \(Token.spelling(of: token.kind))"
        }
        return "\(line):\(column) \(kind)"
    }
}

/// `--dump-ast`: the syntax tree as indented S-expressions, for parser golden tests.
public enum ASTDump {
    public static func text(of statement: Statement) -> String {
        var out = ""
        switch statement.kind {
        case .query(let pipeline):
            out = "(query\n" + pipelineText(pipeline, indent: 1) + ")\n"
        case .binding(let name, let pipeline):
            out = "(let \(name.name)\n" + pipelineText(pipeline, indent: 1) + ")\n"
        case .command(let command):
            out = "(command .\(command.name.name) \(ValueQuoting.quoted(command.argument)))\n"
        }
        return out
    }

    private static func pipelineText(_ pipeline: Pipeline, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        var out = pad + "(source " + sourceText(pipeline.source) + ")\n"
        for stage in pipeline.stages { out += pad + stageText(stage) + "\n" }
        return out
    }

    private static func sourceText(_ source: Source) -> String {
        switch source.kind {
        case .collection(let collection): collection.rawValue
        case .article(let number): "article " + expressionText(number)
        case .entity(let name): "entity " + expressionText(name)
        case .search(let query, let field): "search " + expressionText(query) + (field.map { " in \($0.name)" } ?? "")
        case .name(let name): "name \(name.name)"
        case .member(let inner, let field): "(member " + sourceText(inner) + " \(field.name))"
        }
    }

    private static func columnsText(_ columns: [Column]) -> String {
        columns.map { column in
            column.alias.map { "(as \(expressionText(column.expression)) \($0.name))" } ?? expressionText(column.expression)
        }.joined(separator: " ")
    }

    private static func stageText(_ stage: Stage) -> String {
        switch stage.kind {
        case .filter(let condition): "(where \(expressionText(condition)))"
        case .select(let columns): "(select \(columnsText(columns)))"
        case .sort(let keys): "(sort " + keys.map { "(\(expressionText($0.expression)) \($0.descending ? "desc" : "asc"))" }.joined(separator: " ") + ")"
        case .take(let count): "(take \(expressionText(count)))"
        case .skip(let count): "(skip \(expressionText(count)))"
        case .count(let by): by.isEmpty ? "(count)" : "(count by \(columnsText(by)))"
        case .summarize(let aggregates, let by): "(summarize \(columnsText(aggregates))" + (by.isEmpty ? "" : " by \(columnsText(by))") + ")"
        case .distinct(let columns): columns.isEmpty ? "(distinct)" : "(distinct \(columnsText(columns)))"
        case .expand(let column): "(expand \(columnsText([column])))"
        case .navigate(let collection): "(navigate \(collection.rawValue))"
        case .cooccur: "(cooccur)"
        }
    }

    public static func expressionText(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(let literal):
            switch literal {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .integer(let i): return String(i)
            case .float(let f): return String(f)
            case .string(let s): return ValueQuoting.quoted(s)
            case .date(let d): return d.description
            case .datetime(let t): return t.iso8601
            }
        case .list(let elements): return "[" + elements.map(expressionText).joined(separator: " ") + "]"
        case .name(let name): return name.name
        case .member(let base, let field): return "(. \(expressionText(base)) \(field.name))"
        case .index(let base, let index): return "([] \(expressionText(base)) \(expressionText(index)))"
        case .call(let name, let arguments): return "(call \(name.name)" + arguments.map { " " + expressionText($0) }.joined() + ")"
        case .unary(let op, let operand): return "(\(op.rawValue) \(expressionText(operand)))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(expressionText(left)) \(expressionText(right)))"
        }
    }
}

/// Strings in double quotes with their escapes written back.
enum ValueQuoting {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
