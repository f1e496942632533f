extension Parser {
    /// expression -> unary { BINARY_OPERATOR expression }   (precedence climbing; see
    /// `BinaryOperator.precedence`)
    mutating func parseExpression(minimumPrecedence: Int = 1) throws(Diagnostic) -> Expression {
        try enterNesting(at: current.range)
        defer { leaveNesting() }
        var left = try parsePrefix()
        var sawComparison = false
        while let (op, negated, width) = binaryOperator(), op.precedence >= minimumPrecedence {
            if op.isComparison {
                if sawComparison {
                    throw Diagnostic(
                        "comparisons cannot be chained", at: current.range,
                        help: "join two comparisons with 'and': a < b and b < c")
                }
                sawComparison = true
            }
            for _ in 0..<width { advance() }
            if atExpressionEnd {
                throw Diagnostic("expected an expression after '\(op.rawValue)', found \(current.describedForMessage)", at: current.range)
            }
            let right = try parseExpression(minimumPrecedence: op.precedence + 1)
            var combined = Expression(kind: .binary(op, left, right), range: left.range.through(right.range))
            if negated { combined = Expression(kind: .unary(.not, combined), range: combined.range) }
            left = combined
        }
        return left
    }

    private var atExpressionEnd: Bool {
        switch current.kind {
        case .endOfInput, .pipe, .comma, .rightParen, .rightBracket: true
        default: false
        }
    }

    /// The binary operator at the cursor: its kind, whether `not` negates it (`not in`,
    /// `not contains`), and how many tokens it takes.
    private func binaryOperator() -> (BinaryOperator, negated: Bool, width: Int)? {
        switch current.kind {
        case .equal: return (.equal, false, 1)
        case .notEqual: return (.notEqual, false, 1)
        case .less: return (.less, false, 1)
        case .lessEqual: return (.lessEqual, false, 1)
        case .greater: return (.greater, false, 1)
        case .greaterEqual: return (.greaterEqual, false, 1)
        case .plus: return (.add, false, 1)
        case .minus: return (.subtract, false, 1)
        case .star: return (.multiply, false, 1)
        case .slash: return (.divide, false, 1)
        case .percent: return (.remainder, false, 1)
        case .identifier(let word):
            if let op = BinaryOperator.words[word] { return (op, false, 1) }
            if word == "not", let next = peek().identifier, let op = BinaryOperator.words[next], op.isComparison {
                return (op, true, 2)
            }
            return nil
        default:
            return nil
        }
    }

    /// prefix -> "not" expression(comparison) | unary
    private mutating func parsePrefix() throws(Diagnostic) -> Expression {
        if isWord("not") {
            let start = current.range
            advance()
            let operand = try parseExpression(minimumPrecedence: notPrecedence + 1)
            return Expression(kind: .unary(.not, operand), range: start.through(operand.range))
        }
        return try parseUnary()
    }

    /// unary -> "-" unary | postfix
    mutating func parseUnary() throws(Diagnostic) -> Expression {
        if current.kind == .minus {
            let start = current.range
            advance()
            try enterNesting(at: start)
            defer { leaveNesting() }
            let operand = try parseUnary()
            // Fold a negative literal so `-9223372036854775808`-style limits stay literals.
            if case .literal(.integer(let value)) = operand.kind {
                return Expression(kind: .literal(.integer(-value)), range: start.through(operand.range))
            }
            if case .literal(.float(let value)) = operand.kind {
                return Expression(kind: .literal(.float(-value)), range: start.through(operand.range))
            }
            return Expression(kind: .unary(.negate, operand), range: start.through(operand.range))
        }
        return try parsePostfix()
    }

    /// operand -> [ "-" ] primary   (what follows `article`, `entity` and `search`)
    mutating func parseSourceOperand() throws(Diagnostic) -> Expression {
        guard current.kind == .minus else { return try parsePrimary() }
        let start = current.range
        advance()
        let operand = try parsePrimary()
        if case .literal(.integer(let value)) = operand.kind {
            return Expression(kind: .literal(.integer(-value)), range: start.through(operand.range))
        }
        return Expression(kind: .unary(.negate, operand), range: start.through(operand.range))
    }

    /// postfix -> primary { "." NAME | "[" expression "]" }
    private mutating func parsePostfix() throws(Diagnostic) -> Expression {
        var expression = try parsePrimary()
        while true {
            if current.kind == .dot {
                advance()
                let field = try expectName(purpose: "a field name after '.'")
                expression = Expression(kind: .member(expression, field), range: expression.range.through(field.range))
            } else if current.kind == .leftBracket {
                let opener = current
                advance()
                let subscriptExpression = try parseExpression()
                try expectClosing(.rightBracket, opener: opener)
                expression = Expression(kind: .index(expression, subscriptExpression), range: expression.range.through(previousRange))
            } else {
                return expression
            }
        }
    }

    /// primary -> literal | "[" [ expression { "," expression } ] "]" | "(" expression ")"
    ///          | NAME "(" [ expression { "," expression } ] ")" | NAME
    mutating func parsePrimary() throws(Diagnostic) -> Expression {
        let token = current
        switch token.kind {
        case .integer(let value): advance(); return literal(.integer(value), token)
        case .float(let value): advance(); return literal(.float(value), token)
        case .string(let value): advance(); return literal(.string(value), token)
        case .date(let value): advance(); return literal(.date(value), token)
        case .datetime(let value): advance(); return literal(.datetime(value), token)
        case .leftParen:
            advance()
            let inner = try parseExpression()
            try expectClosing(.rightParen, opener: token)
            return Expression(kind: inner.kind, range: token.range.through(previousRange))
        case .leftBracket:
            advance()
            var elements: [Expression] = []
            while current.kind != .rightBracket {
                elements.append(try parseExpression())
                guard current.kind == .comma else { break }
                advance()
            }
            try expectClosing(.rightBracket, opener: token)
            return Expression(kind: .list(elements), range: token.range.through(previousRange))
        case .identifier(let word):
            switch word {
            case "true": advance(); return literal(.bool(true), token)
            case "false": advance(); return literal(.bool(false), token)
            case "null": advance(); return literal(.null, token)
            default: break
            }
            if Keywords.isReserved(word) {
                throw Diagnostic("expected an expression, found the keyword '\(word)'", at: token.range)
            }
            advance()
            let name = Identifier(name: word, range: token.range)
            guard current.kind == .leftParen else {
                return Expression(kind: .name(name), range: token.range)
            }
            let opener = current
            advance()
            var arguments: [Expression] = []
            while current.kind != .rightParen {
                arguments.append(try parseExpression())
                guard current.kind == .comma else { break }
                advance()
            }
            try expectClosing(.rightParen, opener: opener)
            return Expression(kind: .call(name, arguments), range: token.range.through(previousRange))
        case .assign:
            throw Diagnostic("unexpected '='", at: token.range, help: "compare with '=='")
        default:
            throw Diagnostic("expected an expression, found \(token.describedForMessage)", at: token.range)
        }
    }

    private func literal(_ literal: Literal, _ token: Token) -> Expression {
        Expression(kind: .literal(literal), range: token.range)
    }
}
