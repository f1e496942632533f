import LedeStore

/// Turns source text into tokens, on demand.
///
/// Works on UTF-8 bytes and records positions as offsets. Errors (an unterminated string, a
/// bad escape, an impossible date) become diagnostics and an `.invalid` token, so the caller
/// decides whether to go on. `#` starts a comment that runs to the end of the line.
public struct Lexer {
    public let file: SourceFile
    /// The whole file's bytes, shared with it: lexing a statement copies nothing.
    let bytes: [UInt8]
    private var position: Int
    private let end: Int
    public private(set) var diagnostics: [Diagnostic] = []

    /// Lexes `file.text[range]` (the whole text by default).
    public init(_ file: SourceFile, range: Range<Int>? = nil) {
        self.file = file
        self.bytes = file.utf8
        self.position = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    /// The offset of the next unread byte.
    public var offset: Int { position }

    /// Every token to the end, ending with `.endOfInput`.
    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    public mutating func next() -> Token {
        skipSpaceAndComments()
        guard position < end else { return Token(kind: .endOfInput, range: .at(end)) }
        let start = position
        let byte = bytes[position]
        func single(_ kind: Token.Kind) -> Token {
            position += 1
            return Token(kind: kind, range: SourceRange(start, position))
        }
        func pair(_ second: UInt8, _ double: Token.Kind, else single: Token.Kind) -> Token {
            if position + 1 < end && bytes[position + 1] == second {
                position += 2
                return Token(kind: double, range: SourceRange(start, position))
            }
            position += 1
            return Token(kind: single, range: SourceRange(start, position))
        }
        switch byte {
        case 0x0A: return single(.newline)
        case UInt8(ascii: "|"): return single(.pipe)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "."): return single(.dot)
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: "+"): return single(.plus)
        case UInt8(ascii: "-"): return single(.minus)
        case UInt8(ascii: "*"): return single(.star)
        case UInt8(ascii: "/"): return single(.slash)
        case UInt8(ascii: "%"): return single(.percent)
        case UInt8(ascii: "="): return pair(UInt8(ascii: "="), .equal, else: .assign)
        case UInt8(ascii: "<"): return pair(UInt8(ascii: "="), .lessEqual, else: .less)
        case UInt8(ascii: ">"): return pair(UInt8(ascii: "="), .greaterEqual, else: .greater)
        case UInt8(ascii: "!"):
            if position + 1 < end && bytes[position + 1] == UInt8(ascii: "=") { return pair(UInt8(ascii: "="), .notEqual, else: .invalid) }
            position += 1
            return invalid(
                Diagnostic("unexpected character '!'", at: SourceRange(start, position), help: "write 'not' for negation and '!=' for 'not equal'"))
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return string(quote: byte)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default:
            if isIdentifierStart(at: position) { return identifier() }
            let (scalar, length) = scalar(at: position)
            position += length
            let shown = scalar.properties.isWhitespace || scalar.value < 0x20 ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : String(scalar)
            return invalid(Diagnostic("unexpected character '\(shown)'", at: SourceRange(start, position)))
        }
    }

    private mutating func invalid(_ diagnostic: Diagnostic) -> Token {
        diagnostics.append(diagnostic)
        return Token(kind: .invalid, range: diagnostic.range)
    }

    private mutating func skipSpaceAndComments() {
        while position < end {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                while position < end && bytes[position] != 0x0A { position += 1 }
            } else if byte >= 0x80, scalar(at: position).scalar.properties.isWhitespace, scalar(at: position).scalar != "\u{2028}" {
                position += scalar(at: position).length
            } else {
                return
            }
        }
    }

    // MARK: Identifiers

    private func isIdentifierStart(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte == UInt8(ascii: "_") || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { return true }
        guard byte >= 0x80 else { return false }
        return scalar(at: offset).scalar.properties.isAlphabetic
    }

    private func isIdentifierContinue(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte >= 0x30 && byte <= 0x39 { return true }
        return isIdentifierStart(at: offset)
    }

    private mutating func identifier() -> Token {
        let start = position
        while position < end && isIdentifierContinue(at: position) {
            position += bytes[position] < 0x80 ? 1 : scalar(at: position).length
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        return Token(kind: .identifier(name), range: SourceRange(start, position))
    }

    // MARK: Numbers and dates

    private mutating func number() -> Token {
        let start = position
        if let token = dateOrDatetime() { return token }
        position = start
        while position < end && isDigit(bytes[position]) { position += 1 }
        var isFloat = false
        if position + 1 < end && bytes[position] == UInt8(ascii: ".") && isDigit(bytes[position + 1]) {
            isFloat = true
            position += 1
            while position < end && isDigit(bytes[position]) { position += 1 }
        }
        if position < end && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            var look = position + 1
            if look < end && (bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-")) { look += 1 }
            if look < end && isDigit(bytes[look]) {
                isFloat = true
                position = look
                while position < end && isDigit(bytes[position]) { position += 1 }
            }
        }
        let range = SourceRange(start, position)
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if position < end && isIdentifierStart(at: position) {
            while position < end && isIdentifierContinue(at: position) { position += 1 }
            let whole = String(decoding: bytes[start..<position], as: UTF8.self)
            return invalid(Diagnostic("invalid number '\(whole)'", at: SourceRange(start, position)))
        }
        if isFloat {
            guard let value = Double(text), value.isFinite else {
                return invalid(Diagnostic("number '\(text)' is out of range", at: range))
            }
            return Token(kind: .float(value), range: range)
        }
        guard let value = Int(text) else {
            return invalid(Diagnostic("integer '\(text)' is too large (the largest is \(Int.max))", at: range))
        }
        return Token(kind: .integer(value), range: range)
    }

    /// `2018-12-11` or `2018-12-11T08:15[:00][Z|+03:30]`, when the digits have that shape.
    private mutating func dateOrDatetime() -> Token? {
        let start = position
        func digits(_ count: Int) -> Bool {
            guard position + count <= end, bytes[position..<(position + count)].allSatisfy(isDigit) else { return false }
            position += count
            return true
        }
        func byte(_ c: Character) -> Bool {
            guard position < end, bytes[position] == c.asciiValue else { return false }
            position += 1
            return true
        }
        guard digits(4), byte("-"), digits(2), byte("-"), digits(2) else { return nil }
        if position < end, isDigit(bytes[position]) { return nil }
        if byte("T") {
            _ = digits(2)
            _ = byte(":") && digits(2)
            if byte(":") { _ = digits(2) }
            if byte("Z") {
            } else if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                let save = position
                position += 1
                if !(digits(2) && byte(":") && digits(2)) { position = save }
            }
        }
        let range = SourceRange(start, position)
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        do {
            let parsed = try DateTimeText(parsing: text)
            if parsed.time == nil { return Token(kind: .date(parsed.date), range: range) }
            return Token(kind: .datetime(parsed.zonedDateTime), range: range)
        } catch {
            return invalid(Diagnostic(error.message, at: range))
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: Strings

    /// A string in single or double quotes. Escapes: `\n \t \r \0 \\ \" \' \u{…}`. A string may
    /// span lines.
    private mutating func string(quote: UInt8) -> Token {
        let start = position
        position += 1
        var value: [UInt8] = []
        var problem: Diagnostic?
        while position < end {
            let byte = bytes[position]
            if byte == quote {
                position += 1
                let range = SourceRange(start, position)
                if let problem { return invalid(problem) }
                return Token(kind: .string(String(decoding: value, as: UTF8.self)), range: range)
            }
            if byte != UInt8(ascii: "\\") {
                value.append(byte)
                position += 1
                continue
            }
            let escapeStart = position
            position += 1
            guard position < end else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "n"): value.append(0x0A)
            case UInt8(ascii: "t"): value.append(0x09)
            case UInt8(ascii: "r"): value.append(0x0D)
            case UInt8(ascii: "0"): value.append(0x00)
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(escape)
            case UInt8(ascii: "u"):
                if let scalar = unicodeEscape() {
                    value.append(contentsOf: String(scalar).utf8)
                } else if problem == nil {
                    problem = Diagnostic(
                        "invalid unicode escape in a string", at: SourceRange(escapeStart, position),
                        help: "write a code point in hex between braces, like \\u{e9}")
                }
            default:
                let (scalar, length) = scalar(at: position - 1)
                position += length - 1
                if problem == nil {
                    problem = Diagnostic(
                        "invalid escape '\\\(scalar)' in a string", at: SourceRange(escapeStart, position),
                        help: #"the escapes are \n \t \r \0 \\ \" \' and \u{…}"#)
                }
            }
        }
        position = end
        let quoteText = quote == UInt8(ascii: "\"") ? "\"" : "'"
        return invalid(
            Diagnostic("unterminated string", at: SourceRange(start, start + 1), help: "add the closing \(quoteText)"))
    }

    /// The `{…}` after `\u`, as a scalar.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard position < end, bytes[position] == UInt8(ascii: "{") else { return nil }
        var look = position + 1
        var value: UInt32 = 0
        var digits = 0
        while look < end, let digit = hexValue(bytes[look]), digits < 8 {
            value = value << 4 | digit
            digits += 1
            look += 1
        }
        guard digits > 0, look < end, bytes[look] == UInt8(ascii: "}") else { return nil }
        position = look + 1
        return Unicode.Scalar(value)
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        var length = 1
        let b0 = bytes[offset]
        if b0 >= 0xF0 { length = 4 } else if b0 >= 0xE0 { length = 3 } else if b0 >= 0xC0 { length = 2 }
        let slice = bytes[offset..<min(end, offset + length)]
        let scalar = String(decoding: slice, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        return (scalar, max(1, slice.count))
    }
}
