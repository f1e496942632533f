/// Splits UTF-8 text into tokens: words (with internal hyphens and apostrophes, and the periods
/// of initials and initialisms), numbers ("155,221", "1996-08-30"), possessives (`'s`) and
/// single punctuation marks. Builds no Strings.
enum Tokenizer {
    /// Appends the tokens of `bytes[range]`, in sentence `sentence`, to `tokens`.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int32, gazetteer: Gazetteer?,
        into tokens: inout [Token]
    ) {
        let first = tokens.count
        tokens.append(contentsOf: repeatElement(Token.none, count: range.count))
        var count = first
        tokens.withUnsafeMutableBufferPointer { buffer in
            tokenize(bytes, range, sentence: sentence, gazetteer: gazetteer, into: buffer, count: &count)
        }
        tokens.removeLast(tokens.count - count)
    }

    /// Writes the tokens of `bytes[range]` into `tokens` from `count` on, advancing `count`; the
    /// buffer must have room for `range.count` more (a token is at least one byte).
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int32, gazetteer: Gazetteer?,
        into tokens: UnsafeMutableBufferPointer<Token>, count: inout Int
    ) {
        var i = range.lowerBound
        let limit = range.upperBound
        var previousEnd = -1
        while i < limit {
            let byte = bytes[i]
            let start = i
            var shape: TokenShape = []
            var hash: UInt64 = 0
            if byte < 0x80 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    i += 1
                    continue
                }
                if isASCIIAlphanumeric(byte) {
                    (shape, hash) = scanWord(bytes, &i, limit)
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
                    (shape, hash) = scanWord(bytes, &i, limit)
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
                start: Int32(start), end: Int32(i), hash: hash, shape: shape, info: [], value: 0, sentence: sentence)
            if shape.contains(.possessive) { token.hash = WordHash.word(bytes, start..<i) }
            if !shape.isDisjoint(with: [.word, .possessive]) {
                if let gazetteer {
                    if let entry = gazetteer.word(token.hash) {
                        token.info = entry.info
                        token.value = entry.value
                    }
                    if !shape.isDisjoint(with: [.capitalized, .allCaps, .dotted]) { token.info.formUnion(gazetteer.nameInfo(token.hash)) }
                }
            }
            guard count < tokens.count else { return }
            tokens[count] = token
            count += 1
        }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

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

    /// Scans the word or number starting at `i`, leaving `i` after it; returns its shape and its
    /// `WordHash.word`, computed on the way.
    private static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ limit: Int) -> (TokenShape, UInt64) {
        let start = position
        var i = position
        defer { position = i }
        var hash = WordHash.seed
        // The common case first: a run of ASCII letters and digits, scanned without branches on case.
        // Digits already have bit 5 set, so `| 0x20` lowercases letters and leaves digits alone.
        var lowerSeen: UInt8 = 0
        var upperSeen: UInt8 = 0
        if let base = bytes.baseAddress {
            while i < limit {
                let byte = base[i]
                let folded = byte | 0x20
                let letter: UInt8 = folded &- 0x61 < 26 ? 0x20 : 0
                guard letter != 0 || byte &- 0x30 < 10 else { break }
                lowerSeen |= byte & letter
                upperSeen |= ~byte & letter
                hash = (hash ^ UInt64(folded)) &* WordHash.prime
                i &+= 1
            }
        }
        let sawUpper = upperSeen != 0
        let sawLower = lowerSeen != 0
        if i == limit || bytes[i] == 0x20 || bytes[i] == 0x0A || (bytes[i] < 0x80 && bytes[i] != 0x2D && bytes[i] != 0x26
            && bytes[i] != 0x27 && bytes[i] != 0x2E && bytes[i] != 0x2C && bytes[i] != 0x3A)
        {
            let length = i - start
            let first = bytes[start]
            var shape: TokenShape
            if !sawUpper && !sawLower {
                shape = .number
            } else {
                shape = .word
                let firstIsLetter = (first | 0x20) &- 0x61 < 26
                if firstIsLetter { shape.insert(first < 0x60 ? .capitalized : .lowercase) } else {
                    var k = start
                    while bytes[k] &- 0x30 < 10 { k += 1 }
                    shape.insert(bytes[k] < 0x60 ? .capitalized : .lowercase)
                }
                if sawUpper && !sawLower && length >= 2 && (first | 0x20) &- 0x61 < 26 { shape.insert(.allCaps) }
            }
            // Letters and digits mixed in capitals ("A1", "G7"): count them to decide.
            if shape.contains(.allCaps) && bytes[start..<i].contains(where: { $0 &- 0x30 < 10 }) {
                shape = slowShape(bytes, start, i)
            }
            return (shape, hash)
        }
        i = start
        return scanWordSlowly(bytes, &i, limit)
    }

    /// The shape of `bytes[start..<end]`, a run of ASCII letters and digits, counted letter by letter.
    private static func slowShape(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenShape {
        var letters = 0
        var uppers = 0
        var digits = 0
        for byte in bytes[start..<end] {
            if byte &- 0x30 < 10 { digits += 1 } else {
                letters += 1
                if byte < 0x60 { uppers += 1 }
            }
        }
        return shapeOf(bytes, start, letters, uppers, digits, 0, false)
    }

    /// Any word: with hyphens, apostrophes, periods, non-ASCII letters.
    private static func scanWordSlowly(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ limit: Int) -> (TokenShape, UInt64) {
        let start = i
        var letters = 0
        var uppers = 0
        var digits = 0
        var periods = 0
        var lowercaseSuffix = false
        var lastHyphen = start
        var hash = WordHash.seed
        @inline(__always) func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* WordHash.prime }
        while i < limit {
            let byte = bytes[i]
            let isLower = byte &- 0x61 < 26
            let isUpper = byte &- 0x41 < 26
            let isDigit = byte &- 0x30 < 10
            if isLower || isUpper || isDigit {
                letters &+= isDigit ? 0 : 1
                uppers &+= isUpper ? 1 : 0
                digits &+= isDigit ? 1 : 0
                mix(isUpper ? byte | 0x20 : byte)
                i &+= 1
                continue
            }
            if byte < 0x80 {
                let next = i + 1
                switch byte {
                case 0x2D, 0x26:  // - &
                    if wordCharacter(at: next, bytes, limit) {
                        if byte == 0x2D {
                            lowercaseSuffix = bytes[next] &- 0x61 < 26
                            lastHyphen = next
                        }
                        mix(byte)
                        i = next
                        continue
                    }
                case 0x27:  // '
                    if wordCharacter(at: next, bytes, limit) && !startsPossessive(bytes, next, limit) {
                        mix(byte)
                        i = next
                        continue
                    }
                case 0x2E:  // .
                    // "J." and "U.S.": capitals each followed by a period.
                    let length = i - start
                    if letters == uppers && digits == 0 && (length == 1 || (length >= 3 && bytes[i - 2] == 0x2E)) {
                        periods += 1
                        mix(byte)
                        i = next
                        if next + 1 < limit && bytes[next] &- 0x41 < 26 && bytes[next + 1] == 0x2E { continue }
                        return (shapeOf(bytes, start, letters, uppers, digits, periods, lowercaseSuffix), hash)
                    }
                    if digits > 0 && next < limit && bytes[next] &- 0x30 < 10 {
                        mix(byte)
                        i = next
                        continue
                    }
                case 0x2C, 0x3A:  // , :  inside numbers
                    if digits > 0 && letters == 0 && next < limit && bytes[next] &- 0x30 < 10 {
                        mix(byte)
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
                if scalar.properties.isUppercase { uppers += 1 }
                for k in i..<(i + length) { mix(bytes[k]) }
                i += length
                continue
            }
            if scalar == "’" && wordCharacter(at: i + length, bytes, limit) && !startsPossessive(bytes, i + length, limit) {
                mix(0x27)
                i += length
                continue
            }
            break
        }
        let compound = lowercaseSuffix && isCompoundSuffix(bytes, lastHyphen..<i)
        return (shapeOf(bytes, start, letters, uppers, digits, periods, compound), hash)
    }

    /// "-based", "-born", "-led": the end of "New York-based", which names no entity.
    private static func isCompoundSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        compoundSuffixes.contains(WordHash.word(bytes, range))
    }

    private static let compoundSuffixes: [UInt64] = [
        "based", "born", "led", "backed", "owned", "made", "run", "controlled", "funded", "bound", "style", "era",
        "sponsored", "linked", "registered", "listed", "speaking", "held", "occupied", "ruled", "dominated", "allied",
        "flagged", "bred", "raised", "educated", "trained", "built", "designed", "produced", "inspired", "related",
        "focused", "oriented", "friendly", "wide", "only", "like", "type", "level", "area", "region",
    ].map { word in Array(word.utf8).withUnsafeBufferPointer { WordHash.word($0, 0..<$0.count) } }

    private static func shapeOf(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ letters: Int, _ uppers: Int, _ digits: Int, _ periods: Int,
        _ lowercaseSuffix: Bool
    ) -> TokenShape {
        var shape: TokenShape = letters == 0 ? .number : .word
        // 1: the first letter is a capital, 2: lowercase.
        var firstLetter: UInt8 = 0
        if letters > 0 {
            var k = start
            while bytes[k] &- 0x30 < 10 { k += 1 }
            let byte = bytes[k]
            if byte < 0x80 {
                firstLetter = byte &- 0x41 < 26 ? 1 : (byte &- 0x61 < 26 ? 2 : 0)
            } else {
                let scalar = TextScanning.decode(bytes, at: k).scalar
                firstLetter = scalar.properties.isUppercase ? 1 : (scalar.properties.isLowercase ? 2 : 0)
            }
        }
        if lowercaseSuffix && firstLetter == 1 { shape.insert(.lowercaseSuffix) }
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
