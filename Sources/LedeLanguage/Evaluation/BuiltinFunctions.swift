import Foundation
import LedeStore

/// The built-in scalar functions at run time. A null argument gives a null result, except in
/// `coalesce`, `string` and `len`.
enum BuiltinFunctions {
    static func call(
        _ function: Function, _ arguments: [Value], ranges: [SourceRange], range: SourceRange, corpus: Corpus
    ) throws(Diagnostic) -> Value {
        let first = arguments[0]
        switch function {
        case .coalesce:
            return arguments.first { !$0.isNull } ?? .null
        case .string:
            return first.isNull ? .null : .string(ValueFormatter(corpus: corpus).text(of: first))
        case .len:
            switch first {
            case .string(let s): return .int(s.count)
            case .list(let values): return .int(values.count)
            default: return .null
            }
        default:
            break
        }
        if arguments.contains(where: \.isNull) { return .null }

        switch (function, first) {
        case (.lower, .string(let s)): return .string(s.lowercased())
        case (.upper, .string(let s)): return .string(s.uppercased())
        case (.trim, .string(let s)): return .string(s.trimmingCharacters(in: .whitespacesAndNewlines))
        case (.substr, .string(let s)):
            guard case .int(let start) = arguments[1] else { return .null }
            let characters = Array(s)
            let lower = min(max(0, start), characters.count)
            var upper = characters.count
            if arguments.count == 3, case .int(let length) = arguments[2] {
                guard length >= 0 else { throw Diagnostic("substr needs a length of 0 or more, got \(length)", at: ranges[2]) }
                upper = min(characters.count, lower + min(length, characters.count))
            }
            return .string(String(characters[lower..<upper]))
        case (.replace, .string(let s)):
            guard case .string(let old) = arguments[1], case .string(let new) = arguments[2] else { return .null }
            guard !old.isEmpty else { throw Diagnostic("replace needs something to replace, got an empty string", at: ranges[1]) }
            return .string(s.replacingOccurrences(of: old, with: new))
        case (.split, .string(let s)):
            guard case .string(let separator) = arguments[1] else { return .null }
            guard !separator.isEmpty else { return .list(s.map { .string(String($0)) }) }
            return .list(s.components(separatedBy: separator).map(Value.string))
        case (.join, .list(let values)):
            guard case .string(let separator) = arguments[1] else { return .null }
            let formatter = ValueFormatter(corpus: corpus)
            return .string(values.filter { !$0.isNull }.map { formatter.text(of: $0) }.joined(separator: separator))

        case (.year, _), (.month, _), (.day, _), (.weekday, _):
            guard let date = localDate(first) else { return .null }
            switch function {
            case .year: return .int(date.year)
            case .month: return .int(date.month)
            case .day: return .int(date.day)
            default: return .int(date.weekday)
            }
        case (.hour, .datetime(let t)): return .int(t.localTime.hour)
        case (.minute, .datetime(let t)): return .int(t.localTime.minute)
        case (.date, .string(let s)):
            do {
                return .date(try DateTimeText(parsing: s).date)
            } catch {
                throw Diagnostic(error.message, at: ranges[0])
            }
        case (.date, _): return localDate(first).map(Value.date) ?? .null

        case (.abs, .int(let i)):
            guard i != .min else { throw Diagnostic("integer overflow in abs", at: range) }
            return .int(Swift.abs(i))
        case (.abs, .float(let f)): return .float(Swift.abs(f))
        case (.round, _):
            guard let x = first.doubleValue else { return .null }
            if arguments.count == 2, case .int(let digits) = arguments[1] {
                let scale = pow(10, Double(max(-15, min(15, digits))))
                return .float((x * scale).rounded() / scale)
            }
            return try integer(x.rounded(), range)
        case (.floor, _): return try first.doubleValue.map { (x) throws(Diagnostic) in try integer(x.rounded(.down), range) } ?? .null
        case (.ceil, _): return try first.doubleValue.map { (x) throws(Diagnostic) in try integer(x.rounded(.up), range) } ?? .null
        case (.int, .int): return first
        case (.int, .float(let f)): return try integer(f.rounded(.towardZero), range)
        case (.int, .bool(let b)): return .int(b ? 1 : 0)
        case (.int, .string(let s)):
            guard let value = Int(s.trimmingCharacters(in: .whitespaces)) else {
                throw Diagnostic("int cannot read '\(s)' as a whole number", at: ranges[0])
            }
            return .int(value)
        case (.float, .int(let i)): return .float(Double(i))
        case (.float, .float): return first
        case (.float, .string(let s)):
            guard let value = Double(s.trimmingCharacters(in: .whitespaces)) else {
                throw Diagnostic("float cannot read '\(s)' as a number", at: ranges[0])
            }
            return .float(value)
        case (.first, .list(let values)): return values.first ?? .null
        case (.last, .list(let values)): return values.last ?? .null
        default:
            return .null
        }
    }

    private static func localDate(_ value: Value) -> CivilDate? {
        switch value {
        case .date(let d): d
        case .datetime(let t): t.localDate
        default: nil
        }
    }

    private static func integer(_ x: Double, _ range: SourceRange) throws(Diagnostic) -> Value {
        guard x.isFinite, x >= -9.2e18, x <= 9.2e18 else {
            throw Diagnostic("\(x) is too large for a whole number", at: range)
        }
        return .int(Int(x))
    }
}
