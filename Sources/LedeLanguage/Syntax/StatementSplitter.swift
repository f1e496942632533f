/// Finds where statements begin and end in a script, and whether a REPL entry is finished.
///
/// A statement ends at the end of a line unless something holds it open: an unclosed `(`, `[`
/// or string, a line that ends with `|`, `,` or an operator, or a next line (after blank and
/// comment lines) that begins with `|`. A line that begins with `.` at the start of a
/// statement is a dot command and ends with its line.
public enum StatementSplitter {
    public struct Chunk: Sendable, Equatable {
        /// UTF-8 offsets of the statement, trimmed.
        public var range: Range<Int>
        public var isCommand: Bool
    }

    public static func split(_ file: SourceFile) -> [Chunk] {
        let bytes = file.utf8
        var chunks: [Chunk] = []
        var position = 0
        while let start = nextStatementStart(bytes, from: position) {
            if isCommandStart(bytes, at: start) {
                let end = lineEnd(bytes, from: start)
                chunks.append(Chunk(range: start..<trimmedEnd(bytes, start, end), isCommand: true))
                position = end
                continue
            }
            let scan = scanStatement(file, bytes, from: start)
            chunks.append(Chunk(range: start..<trimmedEnd(bytes, start, scan.end), isCommand: false))
            position = scan.end
        }
        return chunks
    }

    /// What keeps an unfinished REPL entry open.
    public enum Openness: Sendable, Equatable {
        case complete
        /// Open, with what is open: `(`, `[`, `"`, `'` or `|`.
        case open(String)
    }

    /// Whether `text` (everything typed for this statement so far) is a complete statement.
    public static func openness(of text: String) -> Openness {
        let file = SourceFile(name: "<input>", text: text)
        let bytes = file.utf8
        guard let start = nextStatementStart(bytes, from: 0), !isCommandStart(bytes, at: start) else { return .complete }
        let scan = scanStatement(file, bytes, from: start, interactive: true)
        return scan.open.map { .open($0) } ?? .complete
    }

    // MARK: Scanning

    private static func scanStatement(
        _ file: SourceFile, _ bytes: [UInt8], from start: Int, interactive: Bool = false
    ) -> (end: Int, open: String?) {
        var lexer = Lexer(file, range: start..<bytes.count)
        var openers: [String] = []
        var continues = false
        while true {
            let token = lexer.next()
            switch token.kind {
            case .endOfInput:
                if let unterminated = lexer.diagnostics.last, unterminated.message == "unterminated string" {
                    let quote = bytes[unterminated.range.lowerBound] == UInt8(ascii: "'") ? "'" : "\""
                    return (bytes.count, quote)
                }
                if let opener = openers.last { return (bytes.count, opener) }
                return (bytes.count, continues ? "|" : nil)
            case .newline:
                if !openers.isEmpty || continues { continue }
                if !interactive, let next = nextStatementStart(bytes, from: token.range.upperBound),
                    bytes[next] == UInt8(ascii: "|")
                {
                    continue
                }
                return (token.range.lowerBound, nil)
            case .leftParen: openers.append("("); continues = false
            case .leftBracket: openers.append("["); continues = false
            case .rightParen, .rightBracket:
                if !openers.isEmpty { openers.removeLast() }
                continues = false
            case .pipe, .comma, .plus, .minus, .star, .slash, .percent, .equal, .notEqual, .less, .lessEqual,
                .greater, .greaterEqual, .assign:
                continues = true
            case .identifier(let name):
                continues = name == "and" || name == "or" || name == "not"
            default:
                continues = false
            }
        }
    }

    /// The first byte of the next line that is neither blank nor only a comment.
    private static func nextStatementStart(_ bytes: [UInt8], from offset: Int) -> Int? {
        var i = offset
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                i += 1
            } else if byte == UInt8(ascii: "#") {
                i = lineEnd(bytes, from: i)
            } else {
                return i
            }
        }
        return nil
    }

    private static func isCommandStart(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard bytes[offset] == UInt8(ascii: "."), offset + 1 < bytes.count else { return false }
        let next = bytes[offset + 1]
        return (next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A)
    }

    private static func lineEnd(_ bytes: [UInt8], from offset: Int) -> Int {
        var i = offset
        while i < bytes.count && bytes[i] != 0x0A { i += 1 }
        return i
    }

    private static func trimmedEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[end - 1]) { end -= 1 }
        return end
    }
}
