/// An inverted index of one text field: for each term, the documents and positions it occurs at.
///
/// Documents are article indexes. An index is built per block of articles on a worker thread
/// and the blocks are appended in corpus order, so postings stay sorted without a sort.
struct InvertedIndex: Sendable {
    private(set) var terms = TermTable()
    private(set) var postings: [PostingList] = []
    /// Terms in each document.
    private(set) var documentLengths: [Int32] = []
    private(set) var totalLength: Int64 = 0

    var documentCount: Int { documentLengths.count }

    var averageDocumentLength: Double {
        documentLengths.isEmpty ? 0 : Double(totalLength) / Double(documentLengths.count)
    }

    /// Indexes the next document's text; returns how many terms it had.
    @discardableResult
    mutating func addDocument(_ text: String, tokenizer: inout TermTokenizer, scratch: inout [UInt64]) -> Int {
        let document = Int32(documentLengths.count)
        scratch.removeAll(keepingCapacity: true)
        var position: UInt32 = 0
        var text = text
        text.withUTF8 { bytes in
            tokenizer.forEachTerm(in: bytes) { term, _ in
                let id = terms.insert(term)
                scratch.append(UInt64(UInt32(id)) << 32 | UInt64(position))
                position += 1
            }
        }
        documentLengths.append(Int32(position))
        totalLength += Int64(position)
        guard !scratch.isEmpty else { return 0 }

        // Group the positions by term: sorting (term << 32 | position) keeps positions ascending.
        scratch.sort()
        if postings.count < terms.count {
            postings.append(contentsOf: repeatElement(PostingList(), count: terms.count - postings.count))
        }
        var positions: [UInt32] = []
        var i = 0
        while i < scratch.count {
            let term = Int(scratch[i] >> 32)
            positions.removeAll(keepingCapacity: true)
            while i < scratch.count && Int(scratch[i] >> 32) == term {
                positions.append(UInt32(truncatingIfNeeded: scratch[i]))
                i += 1
            }
            postings[term].append(document: document, positions: positions)
        }
        return Int(position)
    }

    /// Appends another block's index; its documents follow this index's.
    mutating func append(_ block: InvertedIndex) {
        let base = Int32(documentLengths.count)
        for local in 0..<block.terms.count {
            let global = block.terms.withTerm(Int32(local)) { terms.insert($0) }
            if Int(global) == postings.count { postings.append(PostingList()) }
            postings[Int(global)].append(block.postings[local], base: base)
        }
        documentLengths.append(contentsOf: block.documentLengths)
        totalLength += block.totalLength
    }

    /// Reads the postings of `term` (already folded), or returns nil when it never occurs.
    func withPostings<R>(of term: String, _ body: (inout PostingList.Cursor) -> R) -> R? {
        guard let id = terms.id(of: term) else { return nil }
        let list = postings[Int(id)]
        return list.bytes.withUnsafeBufferPointer { bytes in
            var cursor = PostingList.Cursor(bytes, count: list.documentCount)
            return body(&cursor)
        }
    }

    /// How many documents hold `term`.
    func documentFrequency(of term: String) -> Int {
        guard let id = terms.id(of: term) else { return 0 }
        return Int(postings[Int(id)].documentCount)
    }

    /// Every term, for completion and statistics.
    var termCount: Int { terms.count }

    /// Bytes held by the postings, for `.corpus` and the benchmark.
    var postingBytes: Int { postings.reduce(0) { $0 + $1.bytes.count } }
}
