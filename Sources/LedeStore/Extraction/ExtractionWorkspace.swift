/// Memory an extractor reuses from one article to the next: a thread that extracts many
/// articles keeps one workspace and passes it to every call, so the per-article buffers are
/// allocated once instead of once an article. A workspace belongs to one thread at a time.
///
/// What it holds is scratch: nothing in it is read before the call that needs it rewrites it.
public struct ExtractionWorkspace: Sendable {
    /// Room for the tokens of the longest article so far: at least one entry per byte of text.
    var tokens: [Token] = []
    /// How many of `tokens` are the last article's: they stay after the call, so that indexing
    /// can read its words from them (`readingTokens`) rather than from its text again.
    var tokenCount = 0
    var sentences: [Range<Int>] = []
    var sentenceParagraphs: [Int] = []
    var shouting: [Bool] = []
    var capitalizedWords = WordSet()
    var candidates: [Candidate] = []
    var atoms = AtomBuffer()
    var coreference = Coreference.Maps()

    /// Buffers larger than this many entries are dropped after the article that needed them,
    /// so that one huge article does not hold its memory for the rest of the load.
    static let largestKept = 1 << 16

    public init() {}

    /// Hands over the candidate array, empty and with room for `capacity`, leaving the workspace
    /// without it until it is given back, so that the array is not shared.
    mutating func takeCandidates(reserving capacity: Int) -> [Candidate] {
        var taken: [Candidate] = []
        swap(&taken, &candidates)
        taken.removeAll(keepingCapacity: true)
        taken.reserveCapacity(capacity)
        return taken
    }

    /// Hands over the atom buffer, leaving the workspace without it until it is given back.
    mutating func takeAtoms() -> AtomBuffer {
        var taken = AtomBuffer()
        swap(&taken, &atoms)
        return taken
    }

    /// Calls `body` with the tokens of the last article, in text order, then forgets them: the
    /// next article's are not known until an extractor that tokenizes has read it.
    mutating func readingTokens<R>(_ body: (UnsafeBufferPointer<Token>) -> R) -> R {
        let count = min(tokenCount, tokens.count)
        tokenCount = 0
        return tokens.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Token storage for a text of `byteCount` bytes, holding at least `byteCount + 1` tokens.
    mutating func tokenStorage(for byteCount: Int) -> [Token] {
        let needed = byteCount + 1
        if tokens.count < needed || tokens.count > max(needed, Self.largestKept) {
            // Allocated through reserveCapacity: Array(repeating:count:) and
            // Array(unsafeUninitializedCapacity:) look the array's type up at run time.
            tokens = []
            tokens.reserveCapacity(needed)
            tokens.append(contentsOf: repeatElement(Token.none, count: needed))
        }
        return tokens
    }
}
