/// Reads a regular expression into a `PatternNode`.
///
///     pattern     = alternative { "|" alternative } ;
///     alternative = { quantified } ;
///     quantified  = atom [ ( "*" | "+" | "?" | "{" n [ "," [ m ] ] "}" ) [ "?" ] ] ;
///     atom        = "(" [ "?:" ] pattern ")" | "[" set "]" | "." | "^" | "$" | escape | character ;
///
/// Escapes: `\d \D \w \W \s \S \b \B \n \t \r`, `\x{…}` or `\u{…}`, and any punctuation.
/// `(?i)` at the start ignores case. Back-references and look-around are not supported:
/// without them a pattern always matches in time proportional to the text's length.
struct PatternParser {
    struct Failure: Error, Equatable {
        var message: String
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var ignoresCase = false
    /// Repetitions are expanded, so bound how large a pattern may grow.
    static let maximumRepeat = 1000

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(Failure) -> PatternNode {
        if scalars.starts(with: Array("(?i)".unicodeScalars)) {
            ignoresCase = true
            position = 4
        }
        let node = try parseAlternation(depth: 0)
        if position < scalars.count {
            throw Failure(message: scalars[position] == ")" ? "unmatched ')'" : "unexpected '\(scalars[position])'")
        }
        return node
    }

    private var atEnd: Bool { position >= scalars.count }

    private func peek(_ scalar: Unicode.Scalar) -> Bool {
        !atEnd && scalars[position] == scalar
    }

    private mutating func parseAlternation(depth: Int) throws(Failure) -> PatternNode {
        guard depth < 100 else { throw Failure(message: "groups nested too deeply") }
        var alternatives = [try parseSequence(depth: depth)]
        while peek("|") {
            position += 1
            alternatives.append(try parseSequence(depth: depth))
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseSequence(depth: Int) throws(Failure) -> PatternNode {
        var items: [PatternNode] = []
        while !atEnd && !peek("|") && !peek(")") {
            items.append(try parseQuantified(depth: depth))
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .sequence(items)
        }
    }

    private mutating func parseQuantified(depth: Int) throws(Failure) -> PatternNode {
        let atom = try parseAtom(depth: depth)
        guard !atEnd else { return atom }
        var bounds: (Int, Int?)?
        switch scalars[position] {
        case "*": bounds = (0, nil); position += 1
        case "+": bounds = (1, nil); position += 1
        case "?": bounds = (0, 1); position += 1
        case "{":
            if let counted = try parseBraces() { bounds = counted }
        default: break
        }
        guard let (min, max) = bounds else { return atom }
        if peek("?") { position += 1 }  // Lazy and greedy match the same texts.
        switch atom {
        case .startOfText, .endOfText, .wordBoundary, .empty:
            throw Failure(message: "nothing to repeat before '\(scalars[position - 1])'")
        default:
            return .repeated(atom, min: min, max: max)
        }
    }

    /// `{n}`, `{n,}` or `{n,m}`; nil (and nothing read) when the brace is a literal.
    private mutating func parseBraces() throws(Failure) -> (Int, Int?)? {
        let start = position
        position += 1
        func number() -> Int? {
            var digits = ""
            while !atEnd, ("0"..."9").contains(scalars[position]) {
                digits.unicodeScalars.append(scalars[position])
                position += 1
            }
            return digits.isEmpty ? nil : Int(digits.prefix(9))
        }
        guard let min = number() else {
            position = start
            return nil
        }
        var max: Int? = min
        if peek(",") {
            position += 1
            max = number()
        }
        guard peek("}") else {
            position = start
            return nil
        }
        position += 1
        if let max, max < min { throw Failure(message: "{\(min),\(max)}: the maximum is below the minimum") }
        if min > Self.maximumRepeat || (max ?? 0) > Self.maximumRepeat {
            throw Failure(message: "a repetition count is above \(Self.maximumRepeat)")
        }
        return (min, max)
    }

    private mutating func parseAtom(depth: Int) throws(Failure) -> PatternNode {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "(":
            if peek("?") {
                guard position + 1 < scalars.count, scalars[position + 1] == ":" else {
                    throw Failure(message: "only (?:…) groups and a leading (?i) are supported")
                }
                position += 2
            }
            let inner = try parseAlternation(depth: depth + 1)
            guard peek(")") else { throw Failure(message: "expected ')'") }
            position += 1
            return inner
        case "[": return .set(try parseSet())
        case ".": return .any
        case "^": return .startOfText
        case "$": return .endOfText
        case "\\": return try parseEscape(inSet: false)
        case "*", "+", "?": throw Failure(message: "nothing to repeat before '\(scalar)'")
        default: return .literal(scalar)
        }
    }

    private mutating func parseSet() throws(Failure) -> ScalarSet {
        var set = ScalarSet()
        if peek("^") {
            set.negated = true
            position += 1
        }
        var first = true
        while true {
            guard !atEnd else { throw Failure(message: "expected ']'") }
            if peek("]") && !first {
                position += 1
                return set
            }
            first = false
            var low: UInt32
            if peek("\\") {
                position += 1
                switch try parseEscape(inSet: true) {
                case .literal(let scalar): low = scalar.value
                case .set(let inner):
                    set.ranges += inner.ranges
                    set.classes += inner.classes
                    continue
                default: throw Failure(message: "that escape cannot be used in [ ]")
                }
            } else {
                low = scalars[position].value
                position += 1
            }
            // A range `a-z`, unless the dash ends the set.
            if peek("-"), position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                var high: UInt32
                if peek("\\") {
                    position += 1
                    guard case .literal(let scalar) = try parseEscape(inSet: true) else {
                        throw Failure(message: "a range cannot end in a class")
                    }
                    high = scalar.value
                } else {
                    high = scalars[position].value
                    position += 1
                }
                guard low <= high else { throw Failure(message: "the range is out of order") }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
    }

    private mutating func parseEscape(inSet: Bool) throws(Failure) -> PatternNode {
        guard !atEnd else { throw Failure(message: "the pattern ends with a lone '\\'") }
        let scalar = scalars[position]
        position += 1
        func characterClass(_ characterClass: ScalarSet.Class, _ positive: Bool) -> PatternNode {
            var set = ScalarSet()
            set.classes = [(characterClass, positive)]
            return .set(set)
        }
        switch scalar {
        case "d": return characterClass(.digit, true)
        case "D": return characterClass(.digit, false)
        case "w": return characterClass(.word, true)
        case "W": return characterClass(.word, false)
        case "s": return characterClass(.space, true)
        case "S": return characterClass(.space, false)
        case "b", "B":
            if inSet { return .literal("\u{08}") }
            return .wordBoundary(scalar == "b")
        case "n": return .literal("\n")
        case "t": return .literal("\t")
        case "r": return .literal("\r")
        case "x", "u":
            guard peek("{") else { throw Failure(message: "write \\\(scalar){…} with hex digits") }
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while !atEnd, let digit = Self.hexValue(scalars[position]) {
                value = value &* 16 &+ digit
                digits += 1
                position += 1
            }
            guard digits > 0, digits <= 8, peek("}"), let result = Unicode.Scalar(value) else {
                throw Failure(message: "invalid \\\(scalar){…} escape")
            }
            position += 1
            return .literal(result)
        case "1"..."9":
            throw Failure(message: "back-references are not supported")
        default:
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                throw Failure(message: "unknown escape '\\\(scalar)'")
            }
            return .literal(scalar)
        }
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }
}
