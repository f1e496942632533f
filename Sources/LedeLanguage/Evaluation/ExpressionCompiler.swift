import LedeStore

/// A checked expression turned into a closure, so a row is evaluated without walking the tree.
typealias CompiledExpression = (Row) throws(Diagnostic) -> Value

/// Compiles checked expressions into closures over one evaluation context.
struct ExpressionCompiler {
    let context: EvaluationContext

    func compile(_ expression: Typed) -> CompiledExpression {
        let range = expression.range
        switch expression.kind {
        case .literal(let literal):
            let value = Self.value(of: literal)
            return { _ in value }

        case .list(let elements):
            let compiled = elements.map(compile)
            return { (row) throws(Diagnostic) in
                var values: [Value] = []
                values.reserveCapacity(compiled.count)
                for element in compiled { values.append(try element(row)) }
                return .list(values)
            }

        case .subject:
            return { row in row.subject }

        case .binding(let slot):
            return { row in slot < row.bindings.count ? row.bindings[slot] : .null }

        case .global(let name):
            let value = context.globals[name] ?? .null
            return { _ in value }

        case .field(let base, let field):
            let reader = context.reader
            if case .subject = base.kind {
                return { row in reader.read(field, of: row.subject) }
            }
            let compiledBase = compile(base)
            return { (row) throws(Diagnostic) in reader.read(field, of: try compiledBase(row)) }

        case .mapField(let base, let field):
            let reader = context.reader
            let compiledBase = compile(base)
            return { (row) throws(Diagnostic) in
                guard case .list(let objects) = try compiledBase(row) else { return .null }
                return .list(objects.map { reader.read(field, of: $0) })
            }

        case .recordField(let base, let name), .dynamicField(let base, let name):
            let compiledBase = compile(base)
            return { (row) throws(Diagnostic) in
                guard case .record(let record) = try compiledBase(row) else { return .null }
                return record[name] ?? .null
            }

        case .index(let base, let position):
            let compiledBase = compile(base)
            let compiledPosition = compile(position)
            return { (row) throws(Diagnostic) in
                let container = try compiledBase(row)
                guard case .int(let index) = try compiledPosition(row) else { return .null }
                switch container {
                case .list(let values):
                    let resolved = index < 0 ? values.count + index : index
                    return values.indices.contains(resolved) ? values[resolved] : .null
                case .string(let text):
                    let characters = Array(text)
                    let resolved = index < 0 ? characters.count + index : index
                    return characters.indices.contains(resolved) ? .string(String(characters[resolved])) : .null
                default:
                    return .null
                }
            }

        case .call(let function, let arguments):
            let compiled = arguments.map(compile)
            let argumentRanges = arguments.map(\.range)
            let corpus = context.corpus
            return { (row) throws(Diagnostic) in
                var values: [Value] = []
                values.reserveCapacity(compiled.count)
                for argument in compiled { values.append(try argument(row)) }
                return try BuiltinFunctions.call(function, values, ranges: argumentRanges, range: range, corpus: corpus)
            }

        case .unary(let op, let operand):
            let compiled = compile(operand)
            switch op {
            case .not:
                return { (row) throws(Diagnostic) in
                    switch try compiled(row) {
                    case .bool(let b): .bool(!b)
                    default: .null
                    }
                }
            case .negate:
                return { (row) throws(Diagnostic) in
                    switch try compiled(row) {
                    case .int(let i):
                        let (negated, overflow) = (0).subtractingReportingOverflow(i)
                        if overflow { throw Diagnostic("integer overflow in '-'", at: range) }
                        return .int(negated)
                    case .float(let f): return .float(-f)
                    default: return .null
                    }
                }
            }

        case .binary(let op, let left, let right):
            return compileBinary(op, left, right, range: range)

        case .matches(let text, let patternExpression, let pattern):
            let compiledText = compile(text)
            let cancellation = context.cancellation
            func run(_ pattern: TextPattern, _ s: String) throws(Diagnostic) -> Value {
                let found = pattern.matches(s) { cancellation.isCancelled }
                if cancellation.isCancelled { throw Diagnostic.interrupted(at: range) }
                return .bool(found)
            }
            if let pattern {
                return { (row) throws(Diagnostic) in
                    guard case .string(let s) = try compiledText(row) else { return .null }
                    return try run(pattern, s)
                }
            }
            let compiledPattern = compile(patternExpression)
            let patternRange = patternExpression.range
            return { (row) throws(Diagnostic) in
                guard case .string(let s) = try compiledText(row), case .string(let source) = try compiledPattern(row) else {
                    return .null
                }
                let pattern: TextPattern
                do throws(TextPattern.SyntaxError) {
                    pattern = try TextPattern(source)
                } catch {
                    throw Diagnostic(error.message, at: patternRange)
                }
                return try run(pattern, s)
            }
        }
    }

    static func value(of literal: Literal) -> Value {
        switch literal {
        case .null: .null
        case .bool(let b): .bool(b)
        case .integer(let i): .int(i)
        case .float(let f): .float(f)
        case .string(let s): .string(s)
        case .date(let d): .date(d)
        case .datetime(let t): .datetime(t)
        }
    }
}
