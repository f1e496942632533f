/// An inverted index of one text field: for each term, the documents it occurs in and its
/// positions (term ordinals) there. Documents are article indexes.
///
/// Built in two steps: each worker thread indexes a block of articles into flat arrays
/// (`IndexBlockBuilder`), and the blocks are appended in corpus order on one thread
/// (`InvertedIndexBuilder`). Each term keeps its own buffer: compacting them into one would
/// hold the index twice at the moment memory peaks.
///
/// Postings are varints. For each document: the gap from the previous document (the first
/// is absolute), shifted left one bit, with the low bit set when the term occurs there once;
/// then, only when it occurs more often, the number of positions; then the gaps between
/// positions (the first is absolute). Most terms occur once in most of their documents, so
/// folding that count into the gap saves a byte a document: about a ninth of the index.
struct InvertedIndex: Sendable {
    let terms: TermTable
    /// Each term's postings.
    let lists: [[UInt8]]
    /// How many documents hold each term.
    let documentCounts: [Int32]
    /// Terms in each document.
    let documentLengths: [Int32]
    let totalLength: Int64

    init() {
        self.init(terms: TermTable(), lists: [], documentCounts: [], documentLengths: [], totalLength: 0)
    }

    init(terms: TermTable, lists: [[UInt8]], documentCounts: [Int32], documentLengths: [Int32], totalLength: Int64) {
        self.terms = terms
        self.lists = lists
        self.documentCounts = documentCounts
        self.documentLengths = documentLengths
        self.totalLength = totalLength
    }

    var documentCount: Int { documentLengths.count }

    var averageDocumentLength: Double {
        documentLengths.isEmpty ? 0 : Double(totalLength) / Double(documentLengths.count)
    }

    /// Reads the postings of `term` (already folded), or returns nil when it never occurs.
    func withPostings<R>(of term: String, _ body: (inout PostingCursor) -> R) -> R? {
        guard let id = terms.id(of: term) else { return nil }
        return withPostings(of: id, body)
    }

    func withPostings<R>(of id: Int32, _ body: (inout PostingCursor) -> R) -> R {
        lists[Int(id)].withUnsafeBufferPointer { bytes in
            var cursor = PostingCursor(bytes, count: documentCounts[Int(id)], documentLimit: Int32(clamping: documentCount))
            return body(&cursor)
        }
    }

    /// Opens a cursor on each of several terms' postings for the duration of `body`.
    func withPostings<R>(of ids: [Int32], _ body: (inout [PostingCursor]) -> R) -> R {
        func open(_ k: Int, _ cursors: inout [PostingCursor]) -> R {
            guard k < ids.count else { return body(&cursors) }
            return lists[Int(ids[k])].withUnsafeBufferPointer { bytes in
                cursors.append(PostingCursor(bytes, count: documentCounts[Int(ids[k])], documentLimit: Int32(clamping: documentCount)))
                return open(k + 1, &cursors)
            }
        }
        var cursors: [PostingCursor] = []
        return open(0, &cursors)
    }

    /// Bytes held by the postings.
    var postingBytes: Int { lists.reduce(0) { $0 + $1.count } }

    /// Bytes held: postings by capacity plus each list's header, the term table, the counts.
    var memoryFootprint: Int {
        lists.reduce(0) { $0 + $1.capacity + 32 } + lists.capacity * 8 + terms.memoryFootprint
            + documentCounts.capacity * 4 + documentLengths.capacity * 4
    }

    /// How many documents hold `term`.
    func documentFrequency(of term: String) -> Int {
        guard let id = terms.id(of: term) else { return 0 }
        return Int(documentCounts[Int(id)])
    }

    var termCount: Int { terms.count }
}

/// Indexes a block of documents on one thread into flat arrays: one row for each (document,
/// term) pair, so no per-term array grows while text is read.
struct IndexBlockBuilder {
    /// Sized for a block's vocabulary (some thousands of terms), so it seldom grows.
    private var terms = Self.blockTermTable()
    private var pairTerms: [Int32] = []
    private var pairDocuments: [Int32] = []
    /// Where each pair's positions start in `positions`; one more entry marks the end.
    private var pairStarts: [Int32] = [0]
    private var positions: [UInt32] = []
    private var documentLengths: [Int32] = []
    /// The terms of the document being read, in order, and its distinct terms, in order of
    /// first use, each at the front of its array. Sized before the document is read and
    /// written through pointers: each word of the corpus passes here, and an array append
    /// checks its storage is unique every time.
    private var scratch: [Int32] = []
    private var distinctScratch: [Int32] = []
    /// Zeros to extend `positions` with, as many as the longest document so far has terms.
    private var zeros: [UInt32] = []
    /// What the document being read has of each term, one entry a term so that a word's term
    /// costs one cache line, not one for each field.
    private var termStates: [TermState] = []

    private struct TermState {
        /// The last document that used the term: stamped, so nothing needs clearing.
        var document: Int32 = -1
        /// Its positions in that document while they are counted, then where in `positions`
        /// its next one goes.
        var counter: Int32 = 0
    }

    /// Indexes the next document; returns how many terms it had, and how many words: runs
    /// between white space that hold a term ("U.S." is one word of two terms, a lone "—" none).
    /// Words are counted here because this is the one pass that sees every term of the text.
    @discardableResult
    mutating func addDocument(_ text: String, tokenizer: inout TermTokenizer) -> (terms: Int, words: Int) {
        addDocument(text, reading: UnsafeBufferPointer(start: nil, count: 0), tokenizer: &tokenizer)
    }

    /// `addDocument(_:tokenizer:)`, taking the words the extractor's tokenizer found in `text`
    /// from `tokens` (`TermTokenizer.forEachTerm(in:reading:_:)`): the same terms, read faster.
    @discardableResult
    mutating func addDocument(
        _ text: String, reading tokens: UnsafeBufferPointer<Token>, tokenizer: inout TermTokenizer
    ) -> (terms: Int, words: Int) {
        let document = Int32(documentLengths.count)
        var termCount = 0
        var words = 0
        var text = text
        text.withUTF8 { bytes in
            // Room for the terms: prose takes more than three bytes a term. A text that does
            // not (a list of numbers) is read again with room for a term in every byte, which
            // is enough; sizing every text that way would make the scratch of a long article
            // four times its size.
            var room = bytes.count / 3 + 16
            while true {
                // Each document writes the scratch afresh, so it grows by being made anew
                // (one fill, where appending repeated zeros costs a step each in a debug build).
                if scratch.count < room { scratch = [Int32](repeating: 0, count: room) }
                termCount = 0
                words = 0
                let complete = scratch.withUnsafeMutableBufferPointer { found in
                    var fits = true
                    tokenizer.forEachTerm(in: bytes, reading: tokens) { term, _, wordHash, spaceBefore in
                        guard termCount < found.count else {
                            fits = false
                            return false
                        }
                        found[termCount] = wordHash.map { terms.insert(lowercasing: term, wordHash: $0) } ?? terms.insert(term)
                        // The first term starts a word, and so does each after white space.
                        if termCount == 0 || spaceBefore { words += 1 }
                        termCount += 1
                        return true
                    }
                    return fits
                }
                if complete { break }
                room = bytes.count
            }
        }
        documentLengths.append(Int32(termCount))
        guard termCount > 0 else { return (0, 0) }
        if termStates.count < terms.count {
            termStates.append(contentsOf: repeatElement(TermState(), count: terms.count - termStates.count))
        }
        if distinctScratch.count < termCount { distinctScratch = [Int32](repeating: 0, count: termCount) }
        // One pair per distinct term, in order of first use, its positions counted… (The
        // per-term states are written through a buffer pointer too.)
        var distinctCount = 0
        scratch.withUnsafeBufferPointer { scratch in
            let documentTerms = UnsafeBufferPointer(rebasing: scratch[0..<termCount])
            termStates.withUnsafeMutableBufferPointer { states in
                distinctScratch.withUnsafeMutableBufferPointer { distinct in
                    for term in documentTerms {
                        let t = Int(term)
                        if states[t].document != document {
                            states[t] = TermState(document: document, counter: 1)
                            distinct[distinctCount] = term
                            distinctCount += 1
                        } else {
                            states[t].counter += 1
                        }
                    }
                    let documentPairs = UnsafeBufferPointer(rebasing: distinct[0..<distinctCount])
                    pairTerms.append(contentsOf: documentPairs)
                    pairDocuments.append(contentsOf: repeatElement(document, count: distinctCount))
                    // …then a run of positions for each pair, where each term's positions go in
                    // order: its counter turns from how many it has to where the next one goes.
                    var start = Int32(positions.count)
                    let firstEnd = pairStarts.count
                    pairStarts.append(contentsOf: repeatElement(0, count: distinctCount))
                    pairStarts.withUnsafeMutableBufferPointer { pairStarts in
                        for (pair, term) in documentPairs.enumerated() {
                            let t = Int(term)
                            let count = states[t].counter
                            states[t].counter = start
                            start += count
                            pairStarts[firstEnd + pair] = start
                        }
                    }
                }
                // Room for the document's positions, copied from a run of zeros: one copy, where
                // appending repeated zeros costs a step each in a debug build (and a new array
                // each document, an allocation).
                if zeros.count < termCount { zeros = [UInt32](repeating: 0, count: termCount) }
                zeros.withUnsafeBufferPointer { zeros in
                    positions.append(contentsOf: UnsafeBufferPointer(rebasing: zeros[0..<termCount]))
                }
                positions.withUnsafeMutableBufferPointer { positions in
                    for (position, term) in documentTerms.enumerated() {
                        let t = Int(term)
                        positions[Int(states[t].counter)] = UInt32(position)
                        states[t].counter += 1
                    }
                }
            }
        }
        return (termCount, words)
    }

    private static func blockTermTable() -> TermTable { TermTable(capacity: 1 << 13) }

    /// Empties the builder for the next block. Its arrays keep their storage unless
    /// `keepingCapacity` is false: blocks are mostly alike in size, and a new builder's arrays
    /// would grow to the same size again by copying; but storage sized for the largest block so
    /// far is let go before a much smaller one (`BlockAssembler.startBlock(ofBytes:)`).
    mutating func startNextBlock(keepingCapacity: Bool = true) {
        terms = Self.blockTermTable()
        pairTerms.removeAll(keepingCapacity: keepingCapacity)
        pairDocuments.removeAll(keepingCapacity: keepingCapacity)
        pairStarts.removeAll(keepingCapacity: keepingCapacity)
        pairStarts.append(0)
        positions.removeAll(keepingCapacity: keepingCapacity)
        documentLengths.removeAll(keepingCapacity: keepingCapacity)
        // Documents count from zero again, so no stamp may survive.
        termStates.removeAll(keepingCapacity: keepingCapacity)
    }

    /// Groups the pairs by term (a counting sort keeps documents in order) and encodes each
    /// term's postings.
    func finish() -> IndexBlock {
        let termCount = terms.count
        let pairCount = pairTerms.count
        // The sort reads the pairs in their order and writes each pair's document and positions
        // where its term's go, so that encoding then reads them in order too. Read in term
        // order instead, nearly every pair's positions missed the cache, and a read that
        // misses must be waited for, where a write that misses need not.
        //
        // `pairsBefore[t]` and `positionsBefore[t]`: where term t's pairs and positions begin.
        var pairsBefore = [Int32](repeating: 0, count: termCount + 1)
        var positionsBefore = [Int32](repeating: 0, count: termCount + 1)
        pairTerms.withUnsafeBufferPointer { pairTerms in
            pairStarts.withUnsafeBufferPointer { pairStarts in
                pairsBefore.withUnsafeMutableBufferPointer { pairsBefore in
                    positionsBefore.withUnsafeMutableBufferPointer { positionsBefore in
                        for (pair, term) in pairTerms.enumerated() {
                            pairsBefore[Int(term) + 1] += 1
                            positionsBefore[Int(term) + 1] += pairStarts[pair + 1] - pairStarts[pair]
                        }
                        for term in 0..<termCount {
                            pairsBefore[term + 1] += pairsBefore[term]
                            positionsBefore[term + 1] += positionsBefore[term]
                        }
                    }
                }
            }
        }
        // Each pair's document, and where its positions end, in term order; the positions too.
        // The sort writes every element, so they are not zeroed first (megabytes a block).
        var sortedDocuments = [Int32](unwrittenCount: pairCount)
        var sortedEnds = [Int32](unwrittenCount: pairCount)
        var sortedPositions = [UInt32](unwrittenCount: positions.count)
        var nextPair = pairsBefore
        var nextPosition = positionsBefore
        pairTerms.withUnsafeBufferPointer { pairTerms in
            pairDocuments.withUnsafeBufferPointer { pairDocuments in
                pairStarts.withUnsafeBufferPointer { pairStarts in
                    positions.withUnsafeBufferPointer { positions in
                        sortedDocuments.withUnsafeMutableBufferPointer { sortedDocuments in
                            sortedEnds.withUnsafeMutableBufferPointer { sortedEnds in
                                sortedPositions.withUnsafeMutableBufferPointer { sortedPositions in
                                    nextPair.withUnsafeMutableBufferPointer { nextPair in
                                        nextPosition.withUnsafeMutableBufferPointer { nextPosition in
                                            for (pair, term) in pairTerms.enumerated() {
                                                let t = Int(term)
                                                let slot = Int(nextPair[t])
                                                nextPair[t] += 1
                                                sortedDocuments[slot] = pairDocuments[pair]
                                                var to = Int(nextPosition[t])
                                                for from in Int(pairStarts[pair])..<Int(pairStarts[pair + 1]) {
                                                    sortedPositions[to] = positions[from]
                                                    to += 1
                                                }
                                                nextPosition[t] = Int32(to)
                                                sortedEnds[slot] = Int32(to)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        // Written through pointers (each number into room for its longest encoding, five
        // bytes); the array is the block's only until the corpus appends it.
        var starts = [Int32](repeating: 0, count: termCount + 1)
        var lastDocuments = [Int32](repeating: 0, count: termCount)
        let room = (pairCount * 2 + positions.count) * VarInt.maximumLength
        // A block without terms gets a plain empty array: asked for no room, the initializer
        // writes its count into the storage all empty arrays share, a race between workers.
        let bytes = room == 0 ? [] : [UInt8](unsafeUninitializedCapacity: room) { out, written in
            guard let base = out.baseAddress else { return }
            var offset = 0
            starts.withUnsafeMutableBufferPointer { starts in
                lastDocuments.withUnsafeMutableBufferPointer { lastDocuments in
                    sortedDocuments.withUnsafeBufferPointer { sortedDocuments in
                        sortedEnds.withUnsafeBufferPointer { sortedEnds in
                            sortedPositions.withUnsafeBufferPointer { sortedPositions in
                                for term in 0..<termCount {
                                    starts[term] = Int32(offset)
                                    var previousDocument: Int32 = 0
                                    var first = Int(positionsBefore[term])
                                    for slot in Int(pairsBefore[term])..<Int(pairsBefore[term + 1]) {
                                        let document = sortedDocuments[slot]
                                        let end = Int(sortedEnds[slot])
                                        VarInt.writeDocument(gap: document - previousDocument, frequency: end - first, to: base, at: &offset)
                                        previousDocument = document
                                        var previousPosition: UInt32 = 0
                                        for index in first..<end {
                                            VarInt.write(sortedPositions[index] - previousPosition, to: base, at: &offset)
                                            previousPosition = sortedPositions[index]
                                        }
                                        first = end
                                    }
                                    lastDocuments[term] = previousDocument
                                }
                            }
                        }
                    }
                    starts[termCount] = Int32(offset)
                }
            }
            written = offset
        }
        let documentCounts = (0..<termCount).map { pairsBefore[$0 + 1] - pairsBefore[$0] }
        return IndexBlock(
            terms: terms, bytes: bytes, starts: starts, documentCounts: documentCounts, lastDocuments: lastDocuments,
            documentLengths: documentLengths)
    }
}

extension Array where Element: BitwiseCopyable {
    /// `count` elements that hold whatever their memory held: for scratch every element of
    /// which is written before it is read. (No array is made for no elements: asked for no
    /// room, the initializer writes into the storage all empty arrays share, which two
    /// threads doing it at once would race on.)
    init(unwrittenCount count: Int) {
        if count == 0 {
            self = []
        } else {
            self.init(unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
    }
}

/// One block's index, ready to be appended to the corpus's.
struct IndexBlock: Sendable {
    let terms: TermTable
    let bytes: [UInt8]
    let starts: [Int32]
    let documentCounts: [Int32]
    /// The last document of each term, to continue the gaps in the next block.
    let lastDocuments: [Int32]
    let documentLengths: [Int32]

    init(
        terms: TermTable = TermTable(), bytes: [UInt8] = [], starts: [Int32] = [0], documentCounts: [Int32] = [],
        lastDocuments: [Int32] = [], documentLengths: [Int32] = []
    ) {
        self.terms = terms
        self.bytes = bytes
        self.starts = starts
        self.documentCounts = documentCounts
        self.lastDocuments = lastDocuments
        self.documentLengths = documentLengths
    }
}

/// Appends blocks in corpus order, then compacts everything into an `InvertedIndex`.
struct InvertedIndexBuilder {
    private var terms = TermTable(capacity: 1 << 16)
    private var lists: [[UInt8]] = []
    private var documentCounts: [Int32] = []
    private var lastDocuments: [Int32] = []
    private var documentLengths: [Int32] = []
    private var totalLength: Int64 = 0

    /// Appends the next block. `read` is the share of the corpus's bytes read once this block
    /// is counted (0 when unknown), which sizes the lists that must grow (`reserve`).
    mutating func append(_ block: IndexBlock, read: Double = 0) {
        let base = Int32(documentLengths.count)
        // The block's terms are looked up first, in a loop of their own: each lookup is likely
        // a cache miss, and with no postings copied between them the processor overlaps several.
        let globals = (0..<block.terms.count).map { local in block.terms.withTerm(Int32(local)) { terms.insert($0) } }
        let newTerms = terms.count - lists.count
        lists += repeatElement([], count: newTerms)
        documentCounts += repeatElement(0, count: newTerms)
        lastDocuments += repeatElement(0, count: newTerms)
        // Each list is an allocation of its own, so reading its length is likely a cache miss
        // too. The lengths of a run of terms are read first, in a loop where the processor
        // overlaps the misses, and the run's postings are then appended to lists in the cache.
        var lengths = [Int](repeating: 0, count: min(globals.count, Self.listsReadAhead))
        block.bytes.withUnsafeBufferPointer { source in
            for runStart in stride(from: 0, to: globals.count, by: Self.listsReadAhead) {
                let run = runStart..<min(runStart + Self.listsReadAhead, globals.count)
                for local in run { lengths[local - runStart] = lists[Int(globals[local])].count }
                for local in run {
                    let global = Int(globals[local])
                    let range = Int(block.starts[local])..<Int(block.starts[local + 1])
                    // The first gap may take a byte or two more than it did in the block.
                    let needed = lengths[local - runStart] + range.count + 4
                    if needed > lists[global].capacity { Self.reserve(&lists[global], needed, read: read) }
                    var offset = range.lowerBound
                    // The block's first gap counts from its own first document; continue it from
                    // this term's last document instead, keeping the bit that says it occurs once.
                    let head = VarInt.read(source, &offset)
                    let first = Int32(head >> 1) + base
                    let previous = documentCounts[global] == 0 ? 0 : lastDocuments[global]
                    VarInt.append(UInt32(first - previous) << 1 | head & 1, to: &lists[global])
                    lists[global].append(contentsOf: UnsafeBufferPointer(rebasing: source[offset..<range.upperBound]))
                    documentCounts[global] += block.documentCounts[local]
                    lastDocuments[global] = block.lastDocuments[local] + base
                }
            }
        }
        documentLengths += block.documentLengths
        totalLength += block.documentLengths.reduce(0) { $0 + Int64($1) }
    }

    /// How many terms' lists `append` reads the lengths of before appending to them.
    static let listsReadAhead = 256

    /// Makes room in a posting list for `needed` bytes. Grown by appending, an array doubles,
    /// so the lists end a quarter empty on average, and the index is most of what grows while
    /// memory climbs to its peak. A list is instead sized for the whole corpus, from its size
    /// now and the share of the corpus read (with a margin, and at least an eighth more, so a
    /// term that grows faster than it did is not copied each block), but never past doubling,
    /// so a term that stops occurring wastes no more than before. The last block sizes it
    /// exactly.
    static func reserve(_ list: inout [UInt8], _ needed: Int, read: Double) {
        let doubled = max(needed, 2 * list.capacity)
        let size: Int
        if read >= 1 {
            size = needed
        } else if read > 0 {
            let projected = Int(Double(needed) / read * 1.05)
            size = min(doubled, max(projected, needed + needed / 8))
        } else {
            size = doubled
        }
        list.reserveCapacity(size)
    }

    consuming func finish() -> InvertedIndex {
        InvertedIndex(
            terms: terms, lists: lists, documentCounts: documentCounts, documentLengths: documentLengths,
            totalLength: totalLength)
    }
}
