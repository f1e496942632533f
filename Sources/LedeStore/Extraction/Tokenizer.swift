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
    /// buffer must have room for `range.count` more (a token is at least one byte). Offsets are
    /// stored in 32 bits, so a text longer than 2 GiB has no tokens.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int32, gazetteer: Gazetteer?,
        into tokens: UnsafeMutableBufferPointer<Token>, count: inout Int
    ) {
        ByteClass.table.withUnsafeBufferPointer { classes in
            tokenize(bytes, range, sentence: sentence, gazetteer: gazetteer, classes: classes, into: tokens, count: &count)
        }
    }

    private static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int32, gazetteer: Gazetteer?,
        classes: UnsafeBufferPointer<ByteClass>, into tokens: UnsafeMutableBufferPointer<Token>, count: inout Int
    ) {
        guard range.upperBound <= Int32.max else { return }
        var i = range.lowerBound
        let limit = range.upperBound
        var previousEnd = -1
        var written = count
        defer { count = written }
        while i < limit {
            let byte = bytes[i]
            let start = i
            var shape: TokenShape = []
            var hash: UInt64 = 0
            if byte < 0x80 {
                let kind = classes[Int(byte)]
                if kind.contains(.space) {
                    i += 1
                    continue
                }
                if !kind.isDisjoint(with: .alphanumeric) {
                    (shape, hash) = scanWord(bytes, &i, limit, classes)
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
                if isWordCharacter(scalar) {
                    (shape, hash) = scanWord(bytes, &i, limit, classes)
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
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: i), hash: hash, shape: shape, info: [],
                value: 0, sentence: sentence)
            if shape.contains(.possessive) { token.hash = WordHash.word(bytes, start..<i) }
            if !shape.isDisjoint(with: [.word, .possessive]) {
                if let gazetteer {
                    let entry = gazetteer.word(token.hash)
                    token.info = entry.info
                    token.value = entry.value
                    if !shape.isDisjoint(with: [.capitalized, .allCaps, .dotted]) { token.info.formUnion(gazetteer.nameInfo(token.hash)) }
                }
            }
            guard written < tokens.count else { return }
            tokens[written] = token
            written += 1
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
        return isWordCharacter(TextScanning.decode(bytes, at: i).scalar)
    }

    /// `TextScanning.isWordCharacter`, kept out of line: inlined, its Unicode property lookup
    /// sets up resilient types on entry to every caller, which costs more than the scan of a word.
    @inline(never)
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        TextScanning.isWordCharacter(scalar)
    }

    /// `s` then no word character: the possessive after an apostrophe at `i - 1`.
    @inline(__always)
    private static func startsPossessive(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> Bool {
        i < limit && (bytes[i] == 0x73 || bytes[i] == 0x53) && !wordCharacter(at: i + 1, bytes, limit)
    }

    /// Scans the word or number starting at `i`, leaving `i` after it; returns its shape and its
    /// `WordHash.word`, computed on the way.
    ///
    /// The common case is a run of ASCII letters and digits ending in a space or a punctuation
    /// mark that cannot continue a word ("word," or "word."); anything else ("U.S.", "New
    /// York-based", "1,500", non-ASCII letters) is scanned again by `scanWordSlowly`.
    @inline(always)
    private static func scanWord(
        _ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ limit: Int, _ classes: UnsafeBufferPointer<ByteClass>
    ) -> (TokenShape, UInt64) {
        let start = position
        var i = position
        var hash = WordHash.seed
        var seen: ByteClass = []
        if let base = bytes.baseAddress {
            while i < limit {
                let byte = base[i]
                let kind = classes[Int(byte)]
                guard !kind.isDisjoint(with: .alphanumeric) else { break }
                seen.formUnion(kind)
                // Digits already have bit 5 set, so `| 0x20` lowercases letters and leaves digits alone.
                hash = (hash ^ UInt64(byte | 0x20)) &* WordHash.prime
                i &+= 1
            }
        }
        let stop = i < limit ? classes[Int(bytes[i])] : .space
        if i == start || (!stop.isDisjoint(with: [.joiner, .nonASCII]) && continuesWord(bytes, at: i, limit, length: i - start, seen: seen)) {
            position = start
            return scanWordSlowly(bytes, &position, limit)
        }
        position = i
        let first = bytes[start]
        if first &- 0x30 < 10 && !seen.isDisjoint(with: .letter) && stop.contains(.joiner) {
            // "3MB," was always counted letter by letter, which reads its capitals as all-caps.
            return (slowShape(bytes, start, i).union(.plain), hash)
        }
        var shape: TokenShape = .plain
        if seen.isDisjoint(with: .letter) {
            shape.insert(.number)
        } else {
            shape.insert(.word)
            if (first | 0x20) &- 0x61 < 26 { shape.insert(first < 0x60 ? .capitalized : .lowercase) } else {
                var k = start
                while bytes[k] &- 0x30 < 10 { k += 1 }
                shape.insert(bytes[k] < 0x60 ? .capitalized : .lowercase)
            }
            if !seen.contains(.lowercase) && i - start >= 2 && (first | 0x20) &- 0x61 < 26 {
                // Letters and digits mixed in capitals ("A1", "G7"): count them to decide.
                shape = seen.contains(.digit) ? slowShape(bytes, start, i).union(.plain) : shape.union(.allCaps)
            }
        }
        return (shape, hash)
    }

    /// Whether `scanWordSlowly` would read on past `bytes[i]`, after a run of `length` ASCII
    /// letters and digits of the classes `seen`: a hyphen or an ampersand before a word
    /// character, an apostrophe inside a word, the period of an initial or a decimal, the comma
    /// or colon of a number, or any non-ASCII character (decided there).
    private static func continuesWord(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ limit: Int, length: Int, seen: ByteClass
    ) -> Bool {
        guard i < limit else { return false }
        let next = i + 1
        switch bytes[i] {
        case 0x2D, 0x26: return wordCharacter(at: next, bytes, limit)  // - &
        case 0x27: return wordCharacter(at: next, bytes, limit) && !startsPossessive(bytes, next, limit)  // '
        case 0x2E:  // .
            if length == 1 && seen == .uppercase { return true }
            return seen.contains(.digit) && next < limit && bytes[next] &- 0x30 < 10
        case 0x2C, 0x3A:  // , :
            return seen == .digit && next < limit && bytes[next] &- 0x30 < 10
        case 0x80...: return true
        default: return false
        }
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
    @inline(never)
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

    @inline(never)
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

/// What the tokenizer needs to know of an ASCII byte, read from one table.
struct ByteClass: OptionSet, Sendable {
    let rawValue: UInt8

    static let lowercase = ByteClass(rawValue: 1 << 0)
    static let uppercase = ByteClass(rawValue: 1 << 1)
    static let digit = ByteClass(rawValue: 1 << 2)
    /// Space, tab, line feed, carriage return: what separates tokens.
    static let space = ByteClass(rawValue: 1 << 3)
    /// `-`, `&`, `'`, `.`, `,`, `:`: may join the parts of a word ("U.S.", "1,500").
    static let joiner = ByteClass(rawValue: 1 << 4)
    /// A byte of a non-ASCII character.
    static let nonASCII = ByteClass(rawValue: 1 << 5)

    static let letter: ByteClass = [.lowercase, .uppercase]
    static let alphanumeric: ByteClass = [.lowercase, .uppercase, .digit]

    /// The class of each byte; bytes of non-ASCII characters have none.
    static let table: [ByteClass] = (0...255).map { (byte: UInt8) -> ByteClass in
        switch byte {
        case 0x61...0x7A: .lowercase
        case 0x41...0x5A: .uppercase
        case 0x30...0x39: .digit
        case 0x20, 0x0A, 0x09, 0x0D: .space
        case 0x2D, 0x26, 0x27, 0x2E, 0x2C, 0x3A: .joiner
        case 0x80...: .nonASCII
        default: []
        }
    }
}
