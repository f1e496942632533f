/// A run of capitalized words that may hold one or more names: "US President Donald Trump",
/// "Office of Foreign Assets Control", "Kim Jong Un and US President Donald Trump".
///
/// Each element is an atom: a gazetteer phrase ("North Korea"), a single capitalized word, or a
/// connector ("of", "and", the apostrophe of "Workers’ Party") that joins two atoms.
struct Atom {
    var tokens: Range<Int>
    var phrase: Gazetteer.Phrase?
    /// The word's info, for single-token atoms.
    var info: WordInfo
    var isConnector: Bool

    var isWord: Bool { phrase == nil && !isConnector }
    func has(_ flags: WordInfo) -> Bool { phrase == nil && !info.isDisjoint(with: flags) }
}

/// The atoms of the run being read, in storage kept from one run to the next.
struct AtomBuffer {
    private var storage: [Atom] = []
    private var count = 0

    init() {}

    /// The atoms appended since the last `removeAll`.
    var run: ArraySlice<Atom> { storage[..<count] }

    mutating func removeAll() {
        count = 0
    }

    mutating func append(_ atom: Atom) {
        if count < storage.count {
            storage[count] = atom
        } else {
            storage.append(atom)
        }
        count += 1
    }
}

enum NameRun {
    /// The atom that starts at token `i` of `sentence`, or nil when none does.
    static func atom(at i: Int, in sentence: Range<Int>, _ text: ArticleText) -> Atom? {
        let token = text.tokens[i]
        guard mayStartAtom(token) else { return nil }
        if token.has(.phraseStart), let (phrase, length) = longestPhrase(at: i, in: sentence, text) {
            return Atom(tokens: i..<(i + length), phrase: phrase, info: [], isConnector: false)
        }
        if token.has(.notName) || token.has(.month) || token.has(.weekday) || token.is(.lowercaseSuffix) { return nil }
        if token.length == 1 && !token.is(.initial) { return nil }
        return Atom(tokens: i..<(i + 1), phrase: nil, info: token.info, isConnector: false)
    }

    /// Whether an atom may start at `token`: a word capitalized, in capitals, or an initial.
    @inline(__always)
    static func mayStartAtom(_ token: Token) -> Bool {
        token.is(.word) && token.is([.capitalized, .allCaps, .initial, .dotted])
    }

    /// The longest gazetteer phrase starting at `i` that the writing allows: an acronym only in
    /// capitals, an ambiguous name only where capitals mean something.
    static func longestPhrase(at i: Int, in sentence: Range<Int>, _ text: ArticleText) -> (Gazetteer.Phrase, Int)? {
        let tokens = text.tokens
        var hash = tokens[i].hash
        var best: (Gazetteer.Phrase, Int)?
        var length = 1
        while true {
            if let phrase = text.gazetteer.phrase(hash), Int(phrase.length) == length,
                accepts(phrase, at: i, length: length, text)
            {
                best = (phrase, length)
            }
            guard text.gazetteer.isPhrasePrefix(hash) else { break }
            length += 1
            let next = i + length - 1
            guard length <= text.gazetteer.longestPhrase, next < sentence.upperBound else { break }
            hash = WordHash.extend(hash, with: tokens[next].hash)
        }
        return best
    }

    private static func accepts(_ phrase: Gazetteer.Phrase, at i: Int, length: Int, _ text: ArticleText) -> Bool {
        let first = text.tokens[i]
        if phrase.acronym && first.shape.isDisjoint(with: [.allCaps, .dotted]) { return false }
        let last = text.tokens[i + length - 1]
        if last.is(.lowercase) && length > 1 { return false }
        if phrase.ambiguous && (text.startsClause(i) || text.shouting[Int(first.sentence)]) {
            return text.capitalizedWords.contains(first.hash) && !text.shouting[Int(first.sentence)]
        }
        return true
    }

    /// Collects the run that starts with `first` into `atoms`; returns the token after it.
    static func collect(from first: Atom, in sentence: Range<Int>, _ text: ArticleText, into atoms: inout AtomBuffer) -> Int {
        atoms.removeAll()
        atoms.append(first)
        var j = first.tokens.upperBound
        while j < sentence.upperBound {
            if let next = atom(at: j, in: sentence, text) {
                // A capitalized word after a possessive or a quote starts a new run.
                atoms.append(next)
                j = next.tokens.upperBound
                continue
            }
            let token = text.tokens[j]
            let joins: Bool
            if token.has([.nameConnector, .conjunction]) && token.is(.lowercase) {
                joins = true
            } else if token.is(.apostrophe) && token.is(.attached) && endsInS(text.tokens[j - 1], text) {
                joins = true  // Workers’ Party
            } else {
                joins = bytesEqual(token, "&", text)
            }
            // Two connectors may stand together: "van der", "de la".
            var after = j + 1
            if joins, after + 1 < sentence.upperBound, text.tokens[after].has(.nameConnector), text.tokens[after].is(.lowercase) {
                after += 1
            }
            guard joins, after < sentence.upperBound, let next = atom(at: after, in: sentence, text) else { break }
            atoms.append(Atom(tokens: j..<after, phrase: nil, info: token.info, isConnector: true))
            atoms.append(next)
            j = next.tokens.upperBound
        }
        return j
    }

    private static func endsInS(_ token: Token, _ text: ArticleText) -> Bool {
        token.is(.word) && text.bytes[Int(token.end) - 1] == 0x73
    }

    static func bytesEqual(_ token: Token, _ literal: StaticString, _ text: ArticleText) -> Bool {
        guard token.length == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for k in 0..<token.length where text.bytes[Int(token.start) + k] != pointer[k] { return false }
        return true
    }
}
