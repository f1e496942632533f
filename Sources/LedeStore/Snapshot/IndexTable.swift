/// How an inverted index is laid out in a snapshot: one section with its terms (as one block
/// of UTF-8), their document counts and the documents' lengths, then sections of postings,
/// each a batch of consecutive terms' lists in one block.
///
/// Reading rebuilds the term table's hash slots from the terms, and checks that each posting
/// list is long enough for its documents; the lists are read by `PostingCursor`, which stops at
/// anything the index would not have written.
enum IndexTable {
    static func encodeTerms(_ index: InvertedIndex, into encoder: inout SnapshotEncoder) {
        encoder.append(byteArrays: (0..<index.termCount).map { id in index.terms.withTerm(Int32(id)) { Array($0) } })
        encoder.append(column: index.documentCounts)
        encoder.append(column: index.documentLengths)
        encoder.append(index.totalLength)
    }

    /// Batches of consecutive terms whose postings hold about `SnapshotFormat.sectionBytes`.
    static func postingBatches(_ index: InvertedIndex) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (term, list) in index.lists.enumerated() {
            bytes += list.count
            if bytes >= SnapshotFormat.sectionBytes {
                batches.append(start..<(term + 1))
                start = term + 1
                bytes = 0
            }
        }
        if start < index.lists.count { batches.append(start..<index.lists.count) }
        return batches
    }

    static func encodePostings(_ index: InvertedIndex, terms: Range<Int>, into encoder: inout SnapshotEncoder) {
        encoder.append(batch: terms)
        encoder.append(byteArrays: index.lists[terms])
    }

    /// An index whose terms are read and whose postings are being read.
    struct Partial {
        var terms: TermTable
        var lists: [[UInt8]] = []
        let documentCounts: [Int32]
        let documentLengths: [Int32]
        let totalLength: Int64

        var termCount: Int { documentCounts.count }
        var isComplete: Bool { lists.count == termCount }

        func finish() -> InvertedIndex {
            InvertedIndex(
                terms: terms, lists: lists, documentCounts: documentCounts, documentLengths: documentLengths,
                totalLength: totalLength)
        }
    }

    /// Longer than any document can be, and short enough that two lengths add without
    /// overflow.
    private static let lengthLimit: Int32 = 1 << 30

    static func decodeTerms(from decoder: inout SnapshotDecoder, documents: Int) throws(SnapshotError) -> Partial {
        let termBytes = try decoder.stringColumn()
        let documentCounts = try decoder.column(Int32.self, count: termBytes.count)
        let documentLengths = try decoder.column(Int32.self, count: documents)
        let totalLength = try decoder.integer(Int64.self)
        try decoder.finish()
        var terms = TermTable(capacity: termBytes.count)
        for expected in 0..<termBytes.count {
            let id = terms.insert(termBytes.bytes(expected).assumingMemoryBound(to: UInt8.self))
            guard id == expected else { throw decoder.corrupt("the term '\(terms.term(id))' twice") }
        }
        var sum: Int64 = 0
        for length in documentLengths {
            guard length >= 0, length < lengthLimit else { throw decoder.corrupt("a document length \(length)") }
            sum += Int64(length)
        }
        guard sum == totalLength else { throw decoder.corrupt("document lengths that add up to \(sum), not \(totalLength)") }
        return Partial(terms: terms, documentCounts: documentCounts, documentLengths: documentLengths, totalLength: totalLength)
    }

    static func decodePostings(from decoder: inout SnapshotDecoder, into index: inout Partial) throws(SnapshotError) {
        let count = try decoder.batch(continuing: index.lists.count, of: index.termCount)
        let first = index.lists.count
        let lists = try decoder.stringColumn(count: count)
        try decoder.finish()
        let documents = Int32(index.documentLengths.count)
        index.lists.reserveCapacity(index.termCount)
        for offset in 0..<count {
            let bytes = lists.bytes(offset).assumingMemoryBound(to: UInt8.self)
            // A document takes two bytes at least: its gap and a position. The bytes
            // themselves are not walked here: `PostingCursor` reads them defensively.
            let documentCount = index.documentCounts[first + offset]
            guard documentCount > 0, documentCount <= documents, Int(documentCount) * 2 <= bytes.count else {
                throw decoder.corrupt("the postings of '\(index.terms.term(Int32(first + offset)))' do not hold \(documentCount) documents")
            }
            index.lists.append(Array(bytes))
        }
    }
}
