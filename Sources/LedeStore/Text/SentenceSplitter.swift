/// Splits a paragraph into sentences.
///
/// A sentence ends at a line break, or at `.`, `!`, `?` or `…` (with any closing quotes or
/// brackets after it) followed by white space and something that can start a sentence: a
/// capital, a digit or an opening quote. A period does not end a sentence after a title or a
/// month abbreviation ("Mr.", "Jan."), and ends one after an initialism or a company suffix
/// ("U.S.", "Inc.") only when a common sentence opener follows. "3.5" never splits, as no space
/// follows the period.
public enum SentenceSplitter {
    /// Byte ranges of the sentences of `text[range]`, trimmed of white space.
    public static func split(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        split(bytes, in: range, into: &sentences)
        return sentences
    }

    /// Appends the byte ranges of the sentences of `text[range]` to `sentences`, which a
    /// caller splitting many paragraphs keeps from one to the next.
    public static func split(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, into sentences: inout [Range<Int>]) {
        var start = range.lowerBound
        var i = range.lowerBound

        func emit(_ end: Int) {
            if let trimmed = trim(bytes, start..<end) { sentences.append(trimmed) }
        }

        while i < range.upperBound {
            // Eight bytes at a time past text that holds no line break, terminal or non-ASCII byte.
            if let base = bytes.baseAddress {
                i = ByteWord.skipQuiet(base, from: i, to: range.upperBound) { word in
                    ByteWord.any(word, equalTo: 0x0A) | ByteWord.any(word, equalTo: 0x2E) | ByteWord.any(word, equalTo: 0x21)
                        | ByteWord.any(word, equalTo: 0x3F) | ByteWord.anyNonASCII(word)
                }
                guard i < range.upperBound else { break }
            }
            let byte = bytes[i]
            if byte == 0x0A {
                emit(i)
                i += 1
                start = i
                continue
            }
            // Only . ! ? and … (E2 80 A6) can end a sentence.
            if byte != 0x2E && byte != 0x21 && byte != 0x3F && byte != 0xE2 {
                i += 1
                continue
            }
            let (scalar, length) = TextScanning.decode(bytes, at: i)
            let terminal = scalar == "." || scalar == "!" || scalar == "?" || scalar == "…"
            guard terminal else {
                i += length
                continue
            }
            var end = i + length
            // Repeated terminals ("?!", "...") and closing quotes or brackets belong to the sentence.
            while end < range.upperBound {
                let (next, nextLength) = TextScanning.decode(bytes, at: end)
                guard isClosing(next) || next == "." || next == "!" || next == "?" else { break }
                end += nextLength
            }
            if end < range.upperBound, endsSentence(bytes, terminalAt: i, scalar: scalar, after: end, limit: range.upperBound) {
                emit(end)
                start = end
            }
            i = end
        }
        emit(range.upperBound)
    }

    private static func endsSentence(
        _ bytes: UnsafeBufferPointer<UInt8>, terminalAt position: Int, scalar: Unicode.Scalar, after end: Int, limit: Int
    ) -> Bool {
        // White space must follow, then something that can open a sentence.
        var j = end
        var sawSpace = false
        while j < limit {
            let (next, length) = TextScanning.decode(bytes, at: j)
            guard TextScanning.isSpace(next), next != "\n" else { break }
            sawSpace = true
            j += length
        }
        guard sawSpace else { return false }
        guard j < limit else { return true }
        if bytes[j] == 0x0A { return true }
        let (opener, _) = TextScanning.decode(bytes, at: j)
        guard canOpenSentence(opener) else { return false }
        guard scalar == "." else { return true }

        let word = wordBefore(bytes, position)
        let packedWord = packed(word)
        if let packedWord, neverEndsSentence.contains(packedWord) { return false }
        if isInitialism(word) || packedWord.map(endsSentenceOnlyBeforeOpener.contains) == true {
            return sentenceOpeners.contains(wordAt(bytes, j, limit))
        }
        return true
    }

    private static func canOpenSentence(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || scalar == "\"" || scalar == "'"
                || scalar == "(" || scalar == "["
        }
        if scalar == "“" || scalar == "‘" || scalar == "«" { return true }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .otherLetter
    }

    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "”", "’", "»": true
        default: false
        }
    }

    /// The run of letters and periods that ends at the period at `position`, without the period.
    private static func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> UnsafeBufferPointer<UInt8> {
        var j = position
        while j > 0 {
            let b = bytes[j - 1]
            let isLetter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            guard isLetter || b == 0x2E else { break }
            j -= 1
        }
        return UnsafeBufferPointer(rebasing: bytes[j..<position])
    }

    /// A word of one to eight bytes as one number, its first byte lowest; nil for any other.
    /// The abbreviations are kept so: a word before a period is looked up for every one that
    /// may end a sentence, and a String key cost hundreds of instructions to hash.
    private static func packed(_ word: some Collection<UInt8>) -> UInt64? {
        guard !word.isEmpty, word.count <= 8 else { return nil }
        var value: UInt64 = 0
        for (index, byte) in word.enumerated() { value |= UInt64(byte) << (8 * index) }
        return value
    }

    /// The words as `packed` numbers. A word longer than eight bytes cannot be one, and would
    /// silently never match: adding one to the lists stops Lede at its first sentence instead.
    private static func packed(_ words: [String]) -> Set<UInt64> {
        Set(words.map { word in
            guard let number = packed(Array(word.utf8)) else { preconditionFailure("'\(word)' is longer than eight bytes") }
            return number
        })
    }

    private static func wordAt(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ limit: Int) -> Substring {
        var j = position
        while j < limit {
            let b = bytes[j]
            guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) else { break }
            j += 1
        }
        return Substring(decoding: UnsafeBufferPointer(rebasing: bytes[position..<j]), as: UTF8.self)
    }

    /// "U.S", "U.N", "J" (an initial): capitals, each followed by a period but the last.
    private static func isInitialism(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        var expectLetter = true
        for byte in word {
            if expectLetter {
                guard byte >= 0x41 && byte <= 0x5A else { return false }
            } else {
                guard byte == 0x2E else { return false }
            }
            expectLetter.toggle()
        }
        return !expectLetter
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let (scalar, length) = TextScanning.decode(bytes, at: lower)
            guard TextScanning.isSpace(scalar) else { break }
            lower += length
        }
        while upper > lower {
            let start = TextScanning.previousScalarStart(bytes, before: upper)
            let (scalar, _) = TextScanning.decode(bytes, at: start)
            guard TextScanning.isSpace(scalar) else { break }
            upper = start
        }
        return lower < upper ? lower..<upper : nil
    }

    /// Words of at most eight bytes (`packed`).
    private static let neverEndsSentence = packed([
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Col", "Lt", "Sgt",
        "Capt", "Cmdr", "Adm", "Maj", "Rev", "Hon", "St", "Mt", "Ft", "No", "Nos", "vs", "v", "Messrs", "Mme",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "cf",
        "e.g", "i.e", "Fig", "fig", "pp", "p",
    ])

    /// Words of at most eight bytes (`packed`).
    private static let endsSentenceOnlyBeforeOpener = packed([
        "Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "etc", "Jr", "Sr", "al",
    ])

    private static let sentenceOpeners: Set<Substring> = [
        "The", "A", "An", "In", "It", "He", "She", "They", "We", "I", "But", "And", "This", "That", "These",
        "Those", "His", "Her", "Its", "Their", "On", "At", "For", "As", "If", "When", "While", "After", "Before",
        "There", "Some", "Many", "Most", "Meanwhile", "However", "Officials", "Analysts",
    ]
}
