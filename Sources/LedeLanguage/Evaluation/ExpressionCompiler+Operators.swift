import LedeStore

extension ExpressionCompiler {
    func compileBinary(_ op: BinaryOperator, _ left: Typed, _ right: Typed, range: SourceRange) -> CompiledExpression {
        let l = compile(left)
        let r = compile(right)
        switch op {
        case .and:
            return { (row) throws(Diagnostic) in
                let a = try l(row)
                if case .bool(false) = a { return .bool(false) }
                let b = try r(row)
                if case .bool(false) = b { return .bool(false) }
                if case .bool(true) = a, case .bool(true) = b { return .bool(true) }
                return .null
            }
        case .or:
            return { (row) throws(Diagnostic) in
                let a = try l(row)
                if case .bool(true) = a { return .bool(true) }
                let b = try r(row)
                if case .bool(true) = b { return .bool(true) }
                if case .bool(false) = a, case .bool(false) = b { return .bool(false) }
                return .null
            }
        case .equal, .notEqual:
            let negate = op == .notEqual
            // `x == null` tests for null; any other comparison with null is null.
            if Self.isNullLiteral(left) || Self.isNullLiteral(right) {
                let tested = Self.isNullLiteral(left) ? r : l
                return { (row) throws(Diagnostic) in .bool(try tested(row).isNull != negate) }
            }
            return { (row) throws(Diagnostic) in
                let a = try l(row)
                let b = try r(row)
                if a.isNull || b.isNull { return .null }
                let equal = Value.order(a, b).map { $0 == 0 } ?? (a == b)
                return .bool(equal != negate)
            }
        case .less, .lessEqual, .greater, .greaterEqual:
            return { (row) throws(Diagnostic) in
                let a = try l(row)
                let b = try r(row)
                guard !a.isNull, !b.isNull, let order = Value.order(a, b) else { return .null }
                switch op {
                case .less: return .bool(order < 0)
                case .lessEqual: return .bool(order <= 0)
                case .greater: return .bool(order > 0)
                default: return .bool(order >= 0)
                }
            }
        case .contains:
            if case .literal(.string(let needle)) = right.kind {
                let folded = TextMatching.Needle(needle)
                return { (row) throws(Diagnostic) in
                    switch try l(row) {
                    case .string(let haystack): .bool(folded.isFound(in: haystack))
                    case .list(let values): .bool(values.contains { TextMatching.equalIgnoringCase($0, .string(needle)) })
                    default: .null
                    }
                }
            }
            return { (row) throws(Diagnostic) in
                let a = try l(row)
                let b = try r(row)
                switch (a, b) {
                case (.string(let haystack), .string(let needle)): return .bool(TextMatching.Needle(needle).isFound(in: haystack))
                case (.list(let values), _) where !b.isNull: return .bool(values.contains { TextMatching.equalIgnoringCase($0, b) })
                default: return .null
                }
            }
        case .startsWith, .endsWith:
            let atStart = op == .startsWith
            return { (row) throws(Diagnostic) in
                guard case .string(let text) = try l(row), case .string(let affix) = try r(row) else { return .null }
                let (t, a) = (TextMatching.fold(text), TextMatching.fold(affix))
                return .bool(atStart ? t.hasPrefix(a) : t.hasSuffix(a))
            }
        case .in:
            return { (row) throws(Diagnostic) in
                let a = try l(row)
                guard !a.isNull, case .list(let values) = try r(row) else { return .null }
                return .bool(values.contains { Value.order(a, $0).map { $0 == 0 } ?? (a == $0) })
            }
        case .matches:
            // Checked expressions hold `matches` as its own kind.
            return { _ in .null }
        case .add, .subtract, .multiply, .divide, .remainder:
            return { (row) throws(Diagnostic) in
                try Arithmetic.apply(op, try l(row), try r(row), range: range, rightRange: right.range)
            }
        }
    }

    private static func isNullLiteral(_ expression: Typed) -> Bool {
        if case .literal(.null) = expression.kind { return true }
        return false
    }
}

extension Arithmetic {
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, range: SourceRange, rightRange: SourceRange) throws(Diagnostic) -> Value {
        func overflow() -> Diagnostic {
            Diagnostic("integer overflow in '\(op.rawValue)'", at: range, help: "convert to float(…) for very large numbers")
        }
        switch (a, b) {
        case (.null, _), (_, .null):
            return .null
        case (.int(let x), .int(let y)):
            switch op {
            case .add:
                let (v, o) = x.addingReportingOverflow(y)
                if o { throw overflow() }
                return .int(v)
            case .subtract:
                let (v, o) = x.subtractingReportingOverflow(y)
                if o { throw overflow() }
                return .int(v)
            case .multiply:
                let (v, o) = x.multipliedReportingOverflow(by: y)
                if o { throw overflow() }
                return .int(v)
            case .divide:
                if y == 0 { throw Diagnostic("division by zero", at: rightRange) }
                return .float(Double(x) / Double(y))
            case .remainder:
                if y == 0 { throw Diagnostic("division by zero", at: rightRange) }
                let (v, o) = x.remainderReportingOverflow(dividingBy: y)
                if o { throw overflow() }
                return .int(v)
            default:
                return .null
            }
        case (.int, .float), (.float, .int), (.float, .float):
            let x = a.doubleValue ?? 0
            let y = b.doubleValue ?? 0
            switch op {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .divide:
                if y == 0 { throw Diagnostic("division by zero", at: rightRange) }
                return .float(x / y)
            case .remainder:
                if y == 0 { throw Diagnostic("division by zero", at: rightRange) }
                return .float(x.truncatingRemainder(dividingBy: y))
            default: return .null
            }
        case (.string(let x), .string(let y)) where op == .add:
            return .string(x + y)
        case (.list(let x), .list(let y)) where op == .add:
            return .list(x + y)
        case (.date(let d), .int(let days)) where op == .add || op == .subtract:
            guard abs(days) < 3_000_000 else { throw overflow() }
            return .date(d.adding(days: op == .add ? days : -days))
        case (.date(let x), .date(let y)) where op == .subtract:
            return .int(Int(x.daysSinceEpoch) - Int(y.daysSinceEpoch))
        default:
            return .null
        }
    }
}

extension Value {
    var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let f): f
        default: nil
        }
    }
}

/// Case-insensitive text comparison for `contains`, `startswith` and `endswith`.
enum TextMatching {
    /// Lowercased, for comparisons that ignore case.
    static func fold(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiLowercased(text) : text.lowercased()
    }

    private static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    static func equalIgnoringCase(_ a: Value, _ b: Value) -> Bool {
        if case .string(let x) = a, case .string(let y) = b { return fold(x) == fold(y) }
        return Value.order(a, b).map { $0 == 0 } ?? (a == b)
    }

    /// A needle prepared once and searched for in many texts.
    struct Needle {
        private let foldedString: String
        /// The needle, when it is ASCII: matched in the text's bytes, folding only ASCII
        /// letters, as the UTF-8 of other characters never contains ASCII bytes.
        private let ascii: ASCIINeedle?

        init(_ needle: String) {
            foldedString = TextMatching.fold(needle)
            ascii = ASCIINeedle(foldedString)
        }

        func isFound(in haystack: String) -> Bool {
            guard !foldedString.isEmpty else { return true }
            if let ascii {
                var haystack = haystack
                return haystack.withUTF8 { ascii.isFound(in: $0) }
            }
            return TextMatching.fold(haystack).contains(foldedString)
        }
    }
}
