/// Splits UTF-8 text into tokens: words (with internal hyphens and apostrophes, and the periods
/// of initials and initialisms), numbers ("155,221", "1996-08-30"), possessives (`'s`) and
/// single punctuation marks. Builds no Strings.
enum Tokenizer {
    /// Appends the tokens of `bytes[range]`, in sentence `sentence`, to `tokens`.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int32, gazetteer: Gazetteer?,
        into tokens: inout [Token]
    ) {
        var i = range.lowerBound
        let limit = range.upperBound
        var previousEnd = -1
        while i < limit {
            let byte = bytes[i]
            let start = i
            var shape: TokenShape = []
            if byte < 0x80 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    i += 1
                    continue
                }
                if isASCIIAlphanumeric(byte) {
                    shape = scanWord(bytes, &i, limit)
                } else if (byte == 0x27) && startsPossessive(bytes, i + 1, limit) {
                    i += 2
                    shape = .possessive
                } else {
                    i += 1
                    shape = punctuationShape(Unicode.Scalar(byte))
                }
            } else {
                let (scalar, length) = TextScanning.decode(bytes, at: i)
                if TextScanning.isSpace(scalar) {
                    i += length
                    continue
                }
                if TextScanning.isWordCharacter(scalar) {
                    shape = scanWord(bytes, &i, limit)
                } else if scalar == "’" && startsPossessive(bytes, i + length, limit) {
                    i += length + 1
                    shape = .possessive
                } else {
                    i += length
                    shape = punctuationShape(scalar)
                }
            }
            if start == previousEnd { shape.insert(.attached) }
            previousEnd = i
            var token = Token(
                start: Int32(start), end: Int32(i), hash: 0, shape: shape, info: [], value: 0, sentence: sentence)
            if !shape.isDisjoint(with: [.word, .possessive, .number]) {
                token.hash = WordHash.word(bytes, start..<i)
                if let gazetteer {
                    if let entry = gazetteer.word(token.hash) {
                        token.info = entry.info
                        token.value = entry.value
                    }
                    if !shape.isDisjoint(with: [.capitalized, .allCaps]) { token.info.formUnion(gazetteer.listedInfo(token.hash)) }
                }
            }
            tokens.append(token)
        }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    @inline(__always)
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether a word character starts at `i`.
    @inline(__always)
    private static func wordCharacter(at i: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> Bool {
        guard i < limit else { return false }
        let byte = bytes[i]
        if byte < 0x80 { return isASCIIAlphanumeric(byte) }
        return TextScanning.isWordCharacter(TextScanning.decode(bytes, at: i).scalar)
    }

    /// `s` then no word character: the possessive after an apostrophe at `i - 1`.
    @inline(__always)
    private static func startsPossessive(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> Bool {
        i < limit && (bytes[i] == 0x73 || bytes[i] == 0x53) && !wordCharacter(at: i + 1, bytes, limit)
    }

    private static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ limit: Int) -> TokenShape {
        let start = i
        var letters = 0
        var uppers = 0
        var digits = 0
        var firstLetter: UInt8 = 0  // 1 upper, 2 lower
        var periods = 0
        while i < limit {
            let byte = bytes[i]
            if byte < 0x80 {
                if isASCIIAlphanumeric(byte) {
                    if isDigit(byte) {
                        digits += 1
                    } else {
                        letters += 1
                        if isUpper(byte) { uppers += 1 }
                        if firstLetter == 0 { firstLetter = isUpper(byte) ? 1 : 2 }
                    }
                    i += 1
                    continue
                }
                let next = i + 1
                switch byte {
                case 0x2D, 0x26:  // - &
                    if wordCharacter(at: next, bytes, limit) {
                        i = next
                        continue
                    }
                case 0x27:  // '
                    if wordCharacter(at: next, bytes, limit) && !startsPossessive(bytes, next, limit) {
                        i = next
                        continue
                    }
                case 0x2E:  // .
                    // "J." and "U.S.": capitals each followed by a period.
                    let length = i - start
                    if letters == uppers && digits == 0 && (length == 1 || (length >= 3 && bytes[i - 2] == 0x2E)) {
                        periods += 1
                        i = next
                        if next + 1 < limit && isUpper(bytes[next]) && bytes[next + 1] == 0x2E { continue }
                        return shapeOf(letters, uppers, digits, firstLetter, periods)
                    }
                    if digits > 0 && next < limit && isDigit(bytes[next]) {
                        i = next
                        continue
                    }
                case 0x2C, 0x3A:  // , :  inside numbers
                    if digits > 0 && letters == 0 && next < limit && isDigit(bytes[next]) {
                        i = next
                        continue
                    }
                default:
                    break
                }
                break
            }
            let (scalar, length) = TextScanning.decode(bytes, at: i)
            if TextScanning.isWordCharacter(scalar) {
                letters += 1
                let upper = scalar.properties.isUppercase
                if upper { uppers += 1 }
                if firstLetter == 0 { firstLetter = upper ? 1 : 2 }
                i += length
                continue
            }
            if scalar == "’" && wordCharacter(at: i + length, bytes, limit) && !startsPossessive(bytes, i + length, limit) {
                i += length
                continue
            }
            break
        }
        return shapeOf(letters, uppers, digits, firstLetter, periods)
    }

    private static func shapeOf(_ letters: Int, _ uppers: Int, _ digits: Int, _ firstLetter: UInt8, _ periods: Int) -> TokenShape {
        var shape: TokenShape = letters == 0 ? .number : .word
        if firstLetter == 1 { shape.insert(.capitalized) }
        if firstLetter == 2 { shape.insert(.lowercase) }
        if letters >= 2 && uppers == letters { shape.insert(.allCaps) }
        if periods > 0 { shape.insert(letters == 1 ? .initial : .dotted) }
        return shape
    }

    private static func punctuationShape(_ scalar: Unicode.Scalar) -> TokenShape {
        switch scalar {
        case "“", "‘", "«": [.punctuation, .openingQuote]
        case "”", "»": [.punctuation, .closingQuote]
        case "’": [.punctuation, .closingQuote, .apostrophe]
        case "'": [.punctuation, .apostrophe]
        case "\"": [.punctuation, .openingQuote, .closingQuote]
        case "-", "–", "—": [.punctuation, .dash]
        default: .punctuation
        }
    }
}
