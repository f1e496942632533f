/// A compiled pattern: a small program for a Thompson-style automaton, run in lock step over
/// the text (a Pike VM without captures), so matching never backtracks and takes time
/// proportional to the text's length times the program's.
struct PatternProgram {
    enum Instruction {
        /// Consumes one of these scalars.
        case scalars([Unicode.Scalar])
        /// Consumes anything but a line break.
        case any
        case set(ScalarSet)
        /// Continues at both.
        case split(Int, Int)
        case jump(Int)
        case startOfText
        case endOfText
        case wordBoundary(Bool)
        case match
    }

    private(set) var instructions: [Instruction] = []
    let ignoresCase: Bool
    static let maximumSize = 100_000

    struct TooLarge: Error {}

    init(_ node: PatternNode, ignoresCase: Bool) throws(TooLarge) {
        self.ignoresCase = ignoresCase
        try emit(node)
        instructions.append(.match)
    }

    private mutating func append(_ instruction: Instruction) throws(TooLarge) -> Int {
        guard instructions.count < Self.maximumSize else { throw TooLarge() }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ node: PatternNode) throws(TooLarge) {
        switch node {
        case .empty:
            break
        case .literal(let scalar):
            _ = try append(.scalars(ignoresCase ? PatternCase.variants(of: scalar) : [scalar]))
        case .any:
            _ = try append(.any)
        case .set(let set):
            _ = try append(.set(set))
        case .sequence(let items):
            for item in items { try emit(item) }
        case .alternation(let alternatives):
            // split L1, next; L1: first; jump end; next: split L2, … ; last
            var jumps: [Int] = []
            for (index, alternative) in alternatives.enumerated() {
                if index == alternatives.count - 1 {
                    try emit(alternative)
                } else {
                    let split = try append(.split(0, 0))
                    try emit(alternative)
                    jumps.append(try append(.jump(0)))
                    instructions[split] = .split(split + 1, instructions.count)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repeated(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // Each optional copy may be skipped, and skipping one skips the rest.
                var exits: [Int] = []
                for _ in min..<max {
                    exits.append(try append(.split(0, 0)))
                    try emit(inner)
                }
                for exit in exits { instructions[exit] = .split(exit + 1, instructions.count) }
            } else {
                let loop = try append(.split(0, 0))
                try emit(inner)
                _ = try append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            }
        case .startOfText:
            _ = try append(.startOfText)
        case .endOfText:
            _ = try append(.endOfText)
        case .wordBoundary(let positive):
            _ = try append(.wordBoundary(positive))
        }
    }

    /// Whether the program matches anywhere in `text`. `shouldStop` is asked every few
    /// thousand characters and ends the search (as no match) when it says so.
    func matches(_ text: String, shouldStop: () -> Bool) -> Bool {
        let input = Array(text.unicodeScalars)
        let count = instructions.count
        var current = StateSet(capacity: count)
        var next = StateSet(capacity: count)
        var stack: [Int] = []

        /// Adds `pc` and every state reachable from it without consuming, at `position`.
        func add(_ pc: Int, at position: Int, to set: inout StateSet) -> Bool {
            stack.append(pc)
            while let pc = stack.popLast() {
                guard set.insert(pc) else { continue }
                switch instructions[pc] {
                case .match:
                    stack.removeAll()
                    return true
                case .jump(let target):
                    stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .startOfText:
                    if position == 0 { stack.append(pc + 1) }
                case .endOfText:
                    if position == input.count { stack.append(pc + 1) }
                case .wordBoundary(let positive):
                    let before = position > 0 && PatternCase.isWordCharacter(input[position - 1])
                    let after = position < input.count && PatternCase.isWordCharacter(input[position])
                    if (before != after) == positive { stack.append(pc + 1) }
                case .scalars, .any, .set:
                    break
                }
            }
            return false
        }

        for position in 0...input.count {
            if position & 4095 == 4095, shouldStop() { return false }
            // A match may start anywhere.
            if add(0, at: position, to: &current) { return true }
            guard position < input.count else { break }
            let scalar = input[position]
            next.clear()
            for pc in current.members {
                let consumes: Bool
                switch instructions[pc] {
                case .scalars(let options): consumes = options.contains(scalar)
                case .any: consumes = scalar != "\n"
                case .set(let set): consumes = set.contains(scalar, ignoringCase: ignoresCase)
                default: consumes = false
                }
                if consumes, add(pc + 1, at: position + 1, to: &next) { return true }
            }
            swap(&current, &next)
        }
        return false
    }
}

/// A set of program counters with constant-time insert and clear (a sparse set).
struct StateSet {
    private var dense: [Int]
    private var sparse: [Int]
    private(set) var count = 0

    init(capacity: Int) {
        dense = [Int](repeating: 0, count: capacity)
        sparse = [Int](repeating: 0, count: capacity)
    }

    /// Adds `value`; false when it was already there.
    mutating func insert(_ value: Int) -> Bool {
        let slot = sparse[value]
        if slot < count && dense[slot] == value { return false }
        sparse[value] = count
        dense[count] = value
        count += 1
        return true
    }

    mutating func clear() {
        count = 0
    }

    var members: ArraySlice<Int> { dense[0..<count] }
}
