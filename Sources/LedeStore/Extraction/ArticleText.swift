/// One article's text as the extractor's components see it: its bytes, its tokens, which
/// tokens form each sentence, and article-wide evidence about capitalization.
///
/// A class, so the components share one instance; it lives only during one `extract` call,
/// while its `bytes` are valid. Its arrays share their memory with the `ExtractionWorkspace` it
/// was built in, which rewrites them for the next article once this one is gone.
final class ArticleText {
    let bytes: UnsafeBufferPointer<UInt8>
    let gazetteer: Gazetteer
    let tokens: ArraySlice<Token>
    /// The tokens of each sentence.
    let sentences: [Range<Int>]
    /// The paragraph each sentence is in.
    let sentenceParagraphs: [Int]
    /// Sentences written in capitals, like a wire headline: capitals mean nothing there.
    let shouting: [Bool]
    /// Words seen capitalized inside a sentence (not first, not shouting) somewhere in the article.
    let capitalizedWords: WordSet
    /// A sports story ("SOCCER - ..."): a city before a score is a team.
    let isSports: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, input: ExtractionInput, gazetteer: Gazetteer, workspace: inout ExtractionWorkspace) {
        self.bytes = bytes
        self.gazetteer = gazetteer
        workspace.sentences.removeAll(keepingCapacity: true)
        workspace.sentenceParagraphs.removeAll(keepingCapacity: true)
        workspace.shouting.removeAll(keepingCapacity: true)
        var sentences = workspace.sentences
        var sentenceParagraphs = workspace.sentenceParagraphs
        var shouting = workspace.shouting
        workspace.sentences = []
        workspace.sentenceParagraphs = []
        workspace.shouting = []
        sentences.reserveCapacity(input.sentences.count)
        sentenceParagraphs.reserveCapacity(input.sentences.count)
        shouting.reserveCapacity(input.sentences.count)
        // A token is at least one byte, so the text's length bounds their number.
        var storage = workspace.tokenStorage(for: bytes.count)
        workspace.tokens = []
        var count = 0
        storage.withUnsafeMutableBufferPointer { buffer in
            for (index, sentence) in input.sentences.enumerated() {
                let first = count
                let lower = min(max(0, sentence.range.lowerBound), bytes.count)
                let range = lower..<max(lower, min(bytes.count, sentence.range.upperBound))
                if !range.isEmpty {
                    Tokenizer.tokenize(bytes, range, sentence: Int32(index), gazetteer: gazetteer, into: buffer, count: &count)
                }
                sentences.append(first..<count)
                sentenceParagraphs.append(sentence.paragraph)
            }
        }
        let tokens = storage[..<count]
        var capitalizedWords = workspace.capitalizedWords
        workspace.capitalizedWords = WordSet()
        // Sized for an eighth of the tokens (capitalized words repeat); an article with more
        // grows the set. Sized for half of them, every article cleared a table as large as
        // its tokens; for a sixteenth, two articles in five grew it, which costs more than
        // clearing the larger table.
        capitalizedWords.reset(expected: count / 8)
        tokens.withUnsafeBufferPointer { tokens in
            for sentence in sentences {
                let sentenceTokens = UnsafeBufferPointer(rebasing: tokens[sentence])
                let shouts = Self.isShouted(sentenceTokens)
                shouting.append(shouts)
                if !shouts { Self.addCapitalizedWords(of: sentenceTokens, bytes, to: &capitalizedWords) }
            }
        }
        self.tokens = tokens
        self.sentences = sentences
        self.sentenceParagraphs = sentenceParagraphs
        self.shouting = shouting
        self.capitalizedWords = capitalizedWords
        workspace.tokens = storage
        workspace.tokenCount = count
        workspace.sentences = sentences
        workspace.sentenceParagraphs = sentenceParagraphs
        workspace.shouting = shouting
        workspace.capitalizedWords = capitalizedWords
        isSports = Self.opensWithSportsSlug(tokens[sentences.first ?? 0..<0], bytes)
    }

    /// Whether seven in ten of the sentence's words of two or more letters are in capitals.
    private static func isShouted(_ tokens: UnsafeBufferPointer<Token>) -> Bool {
        var words = 0
        var capitals = 0
        for token in tokens where token.is(.word) && token.length > 1 {
            words += 1
            if token.is(.allCaps) { capitals += 1 }
        }
        return words >= 2 && capitals * 10 >= words * 7
    }

    /// Adds the capitalized words of a sentence that do not open it or a clause within it.
    private static func addCapitalizedWords(
        of tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, to words: inout WordSet
    ) {
        var first = true
        for token in tokens {
            if token.is(.word) {
                if !first && token.is(.capitalized) { words.insert(token.hash) }
                first = false
            } else if token.is(.openingQuote) || token.is(.dash) || bytes[Int(token.start)] == 0x3A {
                first = true
            }
        }
    }

    /// "SOCCER - ...", "CRICKET - ...": Reuters' sports slugs.
    private static func opensWithSportsSlug(_ tokens: ArraySlice<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard tokens.count >= 2, let first = tokens.first, first.is(.allCaps) else { return false }
        let slugs: [UInt64] = SportsSlug.hashes
        var index = tokens.startIndex
        while index < tokens.endIndex && tokens[index].is(.allCaps) {
            if slugs.contains(tokens[index].hash) { return true }
            index += 1
        }
        return false
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The first token in `range` that `matches`, or `range.upperBound` when none does: a scan
    /// for the few tokens a component reads, checking the bounds once rather than per token.
    @inline(__always)
    func firstToken(in range: Range<Int>, where matches: (Token) -> Bool) -> Int {
        tokens.withUnsafeBufferPointer { buffer in
            let end = min(range.upperBound, buffer.count)
            var i = max(range.lowerBound, 0)
            while i < end && !matches(buffer[i]) { i += 1 }
            return i < end ? i : range.upperBound
        }
    }

    /// The text from the first to the last of `tokens`.
    func text(_ tokens: Range<Int>) -> String {
        string(byteRange(tokens))
    }

    func byteRange(_ tokens: Range<Int>) -> Range<Int> {
        Int(self.tokens[tokens.lowerBound].start)..<Int(self.tokens[tokens.upperBound - 1].end)
    }

    /// Whether the token is the first word of its sentence, or follows an opening quote, a
    /// colon or a dash: a place where any word may be capitalized.
    func startsClause(_ index: Int) -> Bool {
        let sentence = sentences[Int(tokens[index].sentence)]
        var i = index - 1
        while i >= sentence.lowerBound {
            let token = tokens[i]
            if token.is(.word) || token.is(.number) { return false }
            if token.is(.openingQuote) || token.is(.dash) || bytes[Int(token.start)] == 0x3A || bytes[Int(token.start)] == 0x28 {
                return true
            }
            i -= 1
        }
        return true
    }
}

enum SportsSlug {
    static let hashes: [UInt64] = [
        "soccer", "football", "cricket", "tennis", "golf", "rugby", "baseball", "basketball", "hockey", "cycling",
        "athletics", "boxing", "motor", "motorcycling", "formula", "swimming", "skiing", "sailing", "racing",
        "horse", "badminton", "squash", "volleyball", "handball", "nfl", "nba", "nhl", "mlb", "olympics", "sport",
    ].map { word in Array(word.utf8).withUnsafeBufferPointer { WordHash.word($0, 0..<$0.count) } }
}

/// A set of word hashes for one article, its memory reused by the next article.
struct WordSet: Sendable {
    /// The table, of which the first `size` slots are in use.
    private var slots: [UInt64] = []
    private var size = 0
    private var mask = 0
    private var count = 0

    init() {}

    /// Empties the set and sizes it for `expected` words; it grows if more come. Every slot
    /// in use is cleared, so a size near what an article needs keeps that cheap.
    mutating func reset(expected: Int) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        count = 0
        makeEmptySlots(size)
    }

    /// `size` empty slots (a power of two).
    private mutating func makeEmptySlots(_ size: Int) {
        self.size = size
        mask = size - 1
        if slots.count < size || slots.count > max(size, ExtractionWorkspace.largestKept) {
            // Not `Array(repeating:count:)`, whose unspecialized allocation looks the array's type
            // up at run time, at the cost of a thousand instructions.
            slots = []
            slots.reserveCapacity(size)
            slots.append(contentsOf: repeatElement(0, count: size))
        } else {
            slots.withUnsafeMutableBufferPointer { $0[..<size].update(repeating: 0) }
        }
    }

    @inline(__always)
    mutating func insert(_ hash: UInt64) {
        let key = Self.key(hash)
        let place = slot(of: key)
        guard slots[place] == 0 else { return }
        slots[place] = key
        count += 1
        if count * 2 >= size { grow() }
    }

    func contains(_ hash: UInt64) -> Bool {
        slots[slot(of: Self.key(hash))] != 0
    }

    /// The key a hash is stored as: 0 marks an empty slot.
    @inline(__always)
    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The slot that holds `key`, or the empty one where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key >> 7) & mask
        while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Doubles the table, at half full, so a probe stays short and always meets an empty slot.
    /// Seldom needed, so kept out of `insert`, which is inlined where words are read.
    @inline(never)
    private mutating func grow() {
        let keys = slots[..<size].filter { $0 != 0 }
        makeEmptySlots(size * 2)
        for key in keys { slots[slot(of: key)] = key }
    }
}
