import LedeStore

/// The argument and result types of the built-in functions.
enum FunctionTyping {
    static func resultType(_ function: Function, _ arguments: [Typed], _ written: [Expression]) throws(Diagnostic) -> ValueType {
        func require(_ index: Int, _ accepted: [ValueType], _ description: String) throws(Diagnostic) {
            let type = arguments[index].type
            guard type == .any || type == .null || accepted.contains(where: { type.fits($0) }) else {
                var help: String?
                if case .literal(.string(let text)) = written[index].kind, accepted.contains(.date),
                    (try? DateTimeText(parsing: text)) != nil
                {
                    help = "write the date without quotes: \(text)"
                }
                throw Diagnostic("\(function.rawValue) needs \(description), got \(type)", at: written[index].range, help: help ?? function.signature)
            }
        }
        func requireList(_ index: Int) throws(Diagnostic) -> ValueType {
            let type = arguments[index].type
            if let element = type.element { return element }
            if type == .null { return .null }
            throw Diagnostic("\(function.rawValue) needs a list, got \(type)", at: written[index].range, help: function.signature)
        }
        let first = arguments[0].type
        switch function {
        case .len:
            if case .list = first { return .int }
            try require(0, [.string], "a string or a list")
            return .int
        case .lower, .upper, .trim:
            try require(0, [.string], "a string")
            return .string
        case .substr:
            try require(0, [.string], "a string")
            for index in 1..<arguments.count { try require(index, [.int], "whole numbers for start and length") }
            return .string
        case .replace:
            for index in 0..<3 { try require(index, [.string], "strings") }
            return .string
        case .split:
            for index in 0..<2 { try require(index, [.string], "strings") }
            return .list(.string)
        case .join:
            _ = try requireList(0)
            try require(1, [.string], "a string separator")
            return .string
        case .year, .month, .day, .weekday:
            try require(0, [.date, .datetime], "a date or a datetime")
            return .int
        case .hour, .minute:
            try require(0, [.datetime], "a datetime")
            return .int
        case .date:
            try require(0, [.date, .datetime, .string], "a datetime or a string")
            return .date
        case .abs:
            try require(0, [.int, .float], "a number")
            return first == .int ? .int : .float
        case .round:
            try require(0, [.int, .float], "a number")
            if arguments.count == 2 {
                try require(1, [.int], "a whole number of digits")
                return .float
            }
            return .int
        case .floor, .ceil:
            try require(0, [.int, .float], "a number")
            return .int
        case .int:
            return .int
        case .float:
            return .float
        case .string:
            return .string
        case .coalesce:
            var type = ValueType.null
            for (index, argument) in arguments.enumerated() {
                guard let common = ValueType.common(type, argument.type) else {
                    throw Diagnostic("coalesce needs values of one type, got \(type) and \(argument.type)", at: written[index].range)
                }
                type = common
            }
            return type
        case .first, .last:
            return try requireList(0)
        }
    }
}
