import LedeStore

extension Checker {
    func check(_ expression: Expression, in scope: Scope) throws(Diagnostic) -> Typed {
        let range = expression.range
        switch expression.kind {
        case .literal(let literal):
            return Typed(kind: .literal(literal), type: type(of: literal), range: range)

        case .list(let elements):
            var typed: [Typed] = []
            var elementType = ValueType.null
            for element in elements {
                let checked = try check(element, in: scope)
                guard let common = ValueType.common(elementType, checked.type) else {
                    throw Diagnostic("a list cannot mix \(elementType) and \(checked.type)", at: element.range)
                }
                elementType = common
                typed.append(checked)
            }
            return Typed(kind: .list(typed), type: .list(elementType), range: range)

        case .name(let name):
            return try resolve(name, in: scope)

        case .member(let base, let field):
            // `entity.kind` after `count by entity.kind` names the column called that.
            if scope.rowIsVisible, case .record(let record) = scope.shape.subject, let dotted = Self.dottedName(expression),
                let index = record.index(of: dotted)
            {
                let subject = Typed(kind: .subject, type: scope.shape.subject, range: range)
                return Typed(kind: .recordField(subject, dotted), type: record.fields[index].type, range: range)
            }
            return try member(try check(base, in: scope), field)

        case .index(let base, let position):
            let list = try check(base, in: scope)
            let index = try check(position, in: scope)
            guard index.type.fits(.int), index.type != .float else {
                throw Diagnostic("an index must be a whole number, got \(index.type)", at: position.range)
            }
            switch list.type {
            case .list(let element): return Typed(kind: .index(list, index), type: element, range: range)
            case .string: return Typed(kind: .index(list, index), type: .string, range: range)
            case .any, .null: return Typed(kind: .index(list, index), type: .any, range: range)
            default: throw Diagnostic("cannot index \(list.type) with [ ]", at: base.range, help: "only lists and strings have elements")
            }

        case .call(let name, let arguments):
            return try call(name, arguments, range: range, in: scope)

        case .unary(let op, let operand):
            let typed = try check(operand, in: scope)
            switch op {
            case .not:
                guard typed.type.fits(.bool) else {
                    throw Diagnostic("'not' needs true or false, got \(typed.type)", at: operand.range)
                }
                return Typed(kind: .unary(.not, typed), type: .bool, range: range)
            case .negate:
                guard typed.type.isNumeric || typed.type == .any || typed.type == .null else {
                    throw Diagnostic("cannot negate \(typed.type)", at: operand.range)
                }
                return Typed(kind: .unary(.negate, typed), type: typed.type, range: range)
            }

        case .binary(let op, let left, let right):
            return try binary(op, try check(left, in: scope), try check(right, in: scope), range: range)
        }
    }

    /// `a.b.c` when the expression is a chain of names.
    static func dottedName(_ expression: Expression) -> String? {
        switch expression.kind {
        case .name(let name): name.name
        case .member(let base, let field): dottedName(base).map { $0 + "." + field.name }
        default: nil
        }
    }

    private func type(of literal: Literal) -> ValueType {
        switch literal {
        case .null: .null
        case .bool: .bool
        case .integer: .int
        case .float: .float
        case .string: .string
        case .date: .date
        case .datetime: .datetime
        }
    }

    // MARK: Names

    /// A bare name: `it`, an `expand … as` binding, a field of the row, or a `let` binding.
    private func resolve(_ name: Identifier, in scope: Scope) throws(Diagnostic) -> Typed {
        let shape = scope.shape
        let subject = Typed(kind: .subject, type: shape.subject, range: name.range)
        if scope.rowIsVisible {
            if name.name == "it" { return subject }
            if let slot = shape.bindings.lastIndex(where: { $0.name == name.name }) {
                return Typed(kind: .binding(slot), type: shape.bindings[slot].type, range: name.range)
            }
            switch shape.subject {
            case .object(let type):
                if let spec = Schema.field(name.name, of: type) {
                    return Typed(kind: .field(subject, spec.field), type: spec.type, range: name.range)
                }
            case .record(let record):
                if let index = record.index(of: name.name) {
                    return Typed(kind: .recordField(subject, name.name), type: record.fields[index].type, range: name.range)
                }
            default:
                break
            }
        }
        if let global = globals[name.name] {
            return Typed(kind: .global(name.name), type: global.expressionType, range: name.range)
        }
        throw unknownName(name, in: scope)
    }

    private func unknownName(_ name: Identifier, in scope: Scope) -> Diagnostic {
        let shape = scope.shape
        guard scope.rowIsVisible else {
            return Diagnostic(
                "unknown name '\(name.name)'", at: name.range,
                help: Suggestions.help(for: name.name, among: globals.keys) ?? "this number cannot depend on the row; use a literal such as 10")
        }
        var candidates = shape.bindings.map(\.name) + Array(globals.keys)
        let message: String
        switch shape.subject {
        case .object(let type):
            candidates += Schema.fields(of: type).map(\.name)
            message = "unknown field '\(name.name)' on \(type.rawValue)"
        case .record(let record):
            candidates += record.fields.map(\.name)
            message = "unknown column '\(name.name)'; the rows have \(record.fields.map { "'\($0.name)'" }.joined(separator: ", "))"
        default:
            message = "unknown name '\(name.name)'"
        }
        var help = Suggestions.help(for: name.name, among: candidates)
        if help == nil, case .object(let type) = shape.subject, let owner = ObjectType.allCases.first(where: { Schema.field(name.name, of: $0) != nil }) {
            help = "'\(name.name)' is a field of \(owner.rawValue), not of \(type.rawValue)"
        }
        if help == nil, shape.subjectName != nil { help = "refer to the row itself as 'it'" }
        if help == nil { help = "no field or bound name is called '\(name.name)'; bind one with let or --param" }
        return Diagnostic(message, at: name.range, help: help)
    }

    /// `base.field` for an object, a record, a list of objects, or a JSON value.
    func member(_ base: Typed, _ field: Identifier) throws(Diagnostic) -> Typed {
        let range = base.range.through(field.range)
        switch base.type {
        case .object(let type):
            guard let spec = Schema.field(field.name, of: type) else { throw unknownField(field, on: type) }
            return Typed(kind: .field(base, spec.field), type: spec.type, range: range)
        case .list(.object(let type)):
            guard let spec = Schema.field(field.name, of: type) else { throw unknownField(field, on: type) }
            return Typed(kind: .mapField(base, spec.field), type: .list(spec.type), range: range)
        case .record(let record):
            guard let index = record.index(of: field.name) else {
                throw Diagnostic(
                    "no column '\(field.name)' in \(record)", at: field.range,
                    help: Suggestions.help(for: field.name, among: record.fields.map(\.name)))
            }
            return Typed(kind: .recordField(base, field.name), type: record.fields[index].type, range: range)
        case .any:
            return Typed(kind: .dynamicField(base, field.name), type: .any, range: range)
        case .null:
            return Typed(kind: .literal(.null), type: .null, range: range)
        default:
            var help: String?
            if field.name == "length" || field.name == "count" || field.name == "size" { help = "use len(…)" }
            throw Diagnostic("\(base.type) has no field '\(field.name)'", at: field.range, help: help)
        }
    }

    private func unknownField(_ field: Identifier, on type: ObjectType) -> Diagnostic {
        Diagnostic(
            "unknown field '\(field.name)' on \(type.rawValue)", at: field.range,
            help: Suggestions.help(for: field.name, among: Schema.fields(of: type).map(\.name)))
    }

    // MARK: Calls

    private func call(_ name: Identifier, _ arguments: [Expression], range: SourceRange, in scope: Scope) throws(Diagnostic) -> Typed {
        guard let function = Function(rawValue: name.name) else {
            if Aggregate(rawValue: name.name) != nil {
                throw Diagnostic(
                    "'\(name.name)' is an aggregate; use it in summarize", at: name.range,
                    help: "summarize \(name.name)(…) [by …]")
            }
            throw Diagnostic(
                "unknown function '\(name.name)'", at: name.range,
                help: Suggestions.help(for: name.name, among: Function.allCases.map(\.rawValue) + Aggregate.allCases.map(\.rawValue)))
        }
        guard function.arity.contains(arguments.count) else {
            let expected = function.arity.lowerBound == function.arity.upperBound
                ? "\(function.arity.lowerBound) argument\(function.arity.lowerBound == 1 ? "" : "s")"
                : "\(function.arity.lowerBound) to \(function.arity.upperBound) arguments"
            throw Diagnostic("\(function.rawValue) takes \(expected), got \(arguments.count)", at: range, help: function.signature)
        }
        var typed: [Typed] = []
        for argument in arguments { typed.append(try check(argument, in: scope)) }
        let result = try FunctionTyping.resultType(function, typed, arguments)
        return Typed(kind: .call(function, typed), type: result, range: range)
    }

    // MARK: Operators

    private func binary(_ op: BinaryOperator, _ left: Typed, _ right: Typed, range: SourceRange) throws(Diagnostic) -> Typed {
        func result(_ type: ValueType) -> Typed {
            Typed(kind: .binary(op, left, right), type: type, range: range)
        }
        let (l, r) = (left.type, right.type)
        switch op {
        case .and, .or:
            for side in [left, right] where !side.type.fits(.bool) {
                throw Diagnostic("'\(op.rawValue)' needs true or false on both sides, got \(side.type)", at: side.range)
            }
            return result(.bool)

        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            guard Comparison.comparable(l, r) else { throw incomparable(op, left, right) }
            if op != .equal && op != .notEqual, case .list = l {
                throw Diagnostic("cannot order lists with '\(op.rawValue)'", at: left.range)
            }
            return result(.bool)

        case .contains:
            switch (l, r) {
            case (.string, _) where r.fits(.string): return result(.bool)
            case (.list(let element), _) where Comparison.comparable(element, r): return result(.bool)
            case (.any, _), (.null, _): return result(.bool)
            default:
                throw Diagnostic(
                    "'contains' needs a string or a list on its left, got \(l)", at: left.range,
                    help: l.isNumeric ? "compare numbers with ==" : nil)
            }

        case .startsWith, .endsWith:
            for side in [left, right] where !side.type.fits(.string) {
                throw Diagnostic("'\(op.rawValue)' needs strings, got \(side.type)", at: side.range)
            }
            return result(.bool)

        case .matches:
            for side in [left, right] where !side.type.fits(.string) {
                throw Diagnostic("'matches' needs strings, got \(side.type)", at: side.range)
            }
            var pattern: TextPattern?
            if case .literal(.string(let source)) = right.kind {
                do {
                    pattern = try TextPattern(source)
                } catch {
                    throw Diagnostic(error.message, at: right.range)
                }
            }
            return Typed(kind: .matches(left, right, pattern), type: .bool, range: range)

        case .in:
            guard let element = r.element ?? (r == .null ? .any : nil) else {
                throw Diagnostic("'in' needs a list on its right, got \(r)", at: right.range, help: "kind in [\"person\", \"place\"]")
            }
            guard Comparison.comparable(l, element) else { throw incomparable(op, left, right) }
            return result(.bool)

        case .add, .subtract, .multiply, .divide, .remainder:
            guard let type = Arithmetic.resultType(op, l, r) else {
                throw Diagnostic(
                    "cannot apply '\(op.rawValue)' to \(l) and \(r)", at: range,
                    help: op == .add && (l == .string || r == .string) ? "convert with string(…) first" : nil)
            }
            return result(type)
        }
    }

    private func incomparable(_ op: BinaryOperator, _ left: Typed, _ right: Typed) -> Diagnostic {
        var help: String?
        for (side, other) in [(left, right), (right, left)] {
            if case .literal(.string(let text)) = side.kind, other.type == .date || other.type == .datetime,
                (try? DateTimeText(parsing: text)) != nil
            {
                help = "write the date without quotes: \(text)"
            }
        }
        return Diagnostic("cannot compare \(left.type) with \(right.type) using '\(op.rawValue)'", at: left.range.through(right.range), help: help)
    }
}

/// Which types compare with each other.
enum Comparison {
    static func comparable(_ a: ValueType, _ b: ValueType) -> Bool {
        if a == .any || b == .any || a == .null || b == .null { return true }
        if a.isNumeric && b.isNumeric { return true }
        if (a == .date || a == .datetime) && (b == .date || b == .datetime) { return true }
        if case .list(let x) = a, case .list(let y) = b { return comparable(x, y) }
        return a == b
    }
}

/// The result types of `+ - * / %`.
enum Arithmetic {
    static func resultType(_ op: BinaryOperator, _ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == .any || b == .any { return .any }
        if a == .null || b == .null { return a == .null ? (b == .null ? .null : b) : a }
        switch op {
        case .add:
            if a == .int && b == .int { return .int }
            if a.isNumeric && b.isNumeric { return .float }
            if a == .string && b == .string { return .string }
            if case .list = a, let common = ValueType.common(a, b) { return common }
            if a == .date && b == .int { return .date }
            return nil
        case .subtract:
            if a == .int && b == .int { return .int }
            if a.isNumeric && b.isNumeric { return .float }
            if a == .date && b == .int { return .date }
            if a == .date && b == .date { return .int }
            return nil
        case .multiply:
            if a == .int && b == .int { return .int }
            return a.isNumeric && b.isNumeric ? .float : nil
        case .divide:
            return a.isNumeric && b.isNumeric ? .float : nil
        case .remainder:
            if a == .int && b == .int { return .int }
            return a.isNumeric && b.isNumeric ? .float : nil
        default:
            return nil
        }
    }
}
