/// The syntax tree of a regular expression, as `PatternParser` reads it.
indirect enum PatternNode: Equatable {
    case empty
    /// One character that must match (case folded when the pattern ignores case).
    case literal(Unicode.Scalar)
    case any
    case set(ScalarSet)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// `min` to `max` repetitions (`max` nil for unbounded).
    case repeated(PatternNode, min: Int, max: Int?)
    case startOfText
    case endOfText
    case wordBoundary(Bool)
}

/// A set of characters: ranges and classes, possibly negated.
struct ScalarSet: Equatable {
    enum Class: Equatable {
        case digit, word, space
    }

    var ranges: [ClosedRange<UInt32>] = []
    var classes: [(Class, Bool)] = []
    var negated = false

    static func == (lhs: ScalarSet, rhs: ScalarSet) -> Bool {
        lhs.ranges == rhs.ranges && lhs.negated == rhs.negated && lhs.classes.count == rhs.classes.count
            && zip(lhs.classes, rhs.classes).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    func contains(_ scalar: Unicode.Scalar, ignoringCase: Bool) -> Bool {
        var found = matches(scalar)
        if !found && ignoringCase {
            for variant in PatternCase.variants(of: scalar) where variant != scalar {
                if matches(variant) { found = true; break }
            }
        }
        return found != negated
    }

    private func matches(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        for range in ranges where range.contains(value) { return true }
        for (characterClass, positive) in classes where PatternCase.isMember(scalar, of: characterClass) == positive {
            return true
        }
        return false
    }
}

/// Character classes and case folding for patterns.
enum PatternCase {
    static func isMember(_ scalar: Unicode.Scalar, of characterClass: ScalarSet.Class) -> Bool {
        switch characterClass {
        case .digit: return scalar.properties.numericType == .decimal
        case .space: return scalar.properties.isWhitespace
        case .word:
            return scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
        }
    }

    /// The scalar and its single-scalar upper and lower cases.
    static func variants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result = [scalar]
        for mapped in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let only = scalars.first, !result.contains(only) { result.append(only) }
        }
        return result
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isMember(scalar, of: .word)
    }
}
