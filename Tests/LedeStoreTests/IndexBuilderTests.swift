@testable import LedeStore
import Testing

/// The block builder writes a document's terms and pairs through pointers into room sized
/// before the document is read; these read the postings back for a document denser than that
/// room (a term in every other byte, read again with more room) and for terms repeated out of
/// order.
@Suite struct IndexBuilderTests {
    /// Each term's documents, and its positions in each, as the merged index gives them back.
    func postings(of documents: [String]) -> [String: [Int32: [UInt32]]] {
        var builder = IndexBlockBuilder()
        var tokenizer = TermTokenizer()
        for document in documents { builder.addDocument(document, tokenizer: &tokenizer) }
        return postings(in: builder.finish(), of: Set(documents.flatMap { TermTokenizer.terms(of: $0) }))
    }

    func postings(in block: IndexBlock, of terms: Set<String>) -> [String: [Int32: [UInt32]]] {
        var merged = InvertedIndexBuilder()
        merged.append(block)
        return postings(in: merged.finish(), of: terms)
    }

    func postings(in index: InvertedIndex, of terms: Set<String>) -> [String: [Int32: [UInt32]]] {
        var result: [String: [Int32: [UInt32]]] = [:]
        for term in terms {
            _ = index.withPostings(of: term) { cursor in
                var positions: [UInt32] = []
                while cursor.next() {
                    cursor.positions(into: &positions)
                    result[term, default: [:]][cursor.document] = positions
                }
            }
        }
        return result
    }

    @Test func positionsOfRepeatedTermsInDenseAndEmptyDocuments() {
        let dense = (0..<600).map { String(UnicodeScalar(UInt8(0x61 + $0 % 3))) }.joined(separator: " ")
        let found = postings(of: ["b a b c a", "", dense, "a"])
        #expect(found["a"] == [0: [1, 4], 2: Array(stride(from: 0, to: 600, by: 3)), 3: [0]])
        #expect(found["b"] == [0: [0, 2], 2: Array(stride(from: 1, to: 600, by: 3))])
        #expect(found["c"] == [0: [3], 2: Array(stride(from: 2, to: 600, by: 3))])
    }

    /// A builder emptied for the next block keeps nothing of the last one: its terms, pairs
    /// and document numbers start again, so the second block's postings are those of a new
    /// builder.
    @Test func aBuilderStartedAgainForgetsTheLastBlock() {
        var tokenizer = TermTokenizer()
        var reused = IndexBlockBuilder()
        for document in ["alpha beta alpha", "beta gamma", "delta"] { reused.addDocument(document, tokenizer: &tokenizer) }
        _ = reused.finish()
        reused.startNextBlock()
        var fresh = IndexBlockBuilder()
        for document in ["gamma alpha", "omega gamma gamma"] {
            reused.addDocument(document, tokenizer: &tokenizer)
            fresh.addDocument(document, tokenizer: &tokenizer)
        }
        let terms: Set = ["alpha", "beta", "gamma", "delta", "omega"]
        let block = reused.finish()
        #expect(block.documentLengths == [2, 3])
        #expect(postings(in: block, of: terms) == postings(in: fresh.finish(), of: terms))
        #expect(postings(in: block, of: terms) == ["alpha": [0: [1]], "gamma": [0: [0], 1: [1, 2]], "omega": [1: [0]]])
    }

    /// Merged block by block, an index holds the postings one block of all the documents
    /// gives, and numbers its terms in order of first use: blocks that bring new terms between
    /// known ones, and a block with none.
    @Test func blocksMergeIntoTheIndexOneBlockWouldGive() {
        let blocks = [["red green", "blue red red"], ["green violet", "", "red indigo violet"], ["blue"], [""]]
        var tokenizer = TermTokenizer()
        var merged = InvertedIndexBuilder()
        var builder = IndexBlockBuilder()
        for documents in blocks {
            for document in documents { builder.addDocument(document, tokenizer: &tokenizer) }
            merged.append(builder.finish())
            builder.startNextBlock()
        }
        var whole = IndexBlockBuilder()
        for document in blocks.joined() { whole.addDocument(document, tokenizer: &tokenizer) }
        let terms: Set = ["red", "green", "blue", "violet", "indigo"]
        let index = merged.finish()
        #expect((0..<Int32(index.termCount)).map { index.terms.term($0) } == ["red", "green", "blue", "violet", "indigo"])
        #expect(index.documentLengths == [2, 3, 2, 0, 3, 1, 0])
        let found = postings(in: index, of: terms)
        for term in terms { #expect(index.documentFrequency(of: term) == found[term]?.count) }
        #expect(found == postings(in: whole.finish(), of: terms))
        #expect(found["red"] == [0: [0], 1: [1, 2], 4: [0]])
        #expect(found["blue"] == [1: [0], 5: [0]])
    }

    /// A builder that let go of its storage between blocks indexes the next block as one
    /// that kept it.
    @Test func aBuilderThatReleasedItsStorageIndexesTheNextBlockTheSame() {
        var tokenizer = TermTokenizer()
        func builder(releasing: Bool) -> IndexBlock {
            var builder = IndexBlockBuilder()
            builder.addDocument("alpha beta alpha", tokenizer: &tokenizer)
            builder.addDocument(String(repeating: "gamma delta ", count: 300), tokenizer: &tokenizer)
            _ = builder.finish()
            builder.startNextBlock(keepingCapacity: !releasing)
            builder.addDocument("gamma alpha", tokenizer: &tokenizer)
            builder.addDocument("omega gamma gamma", tokenizer: &tokenizer)
            return builder.finish()
        }
        let terms: Set = ["alpha", "gamma", "omega"]
        let kept = postings(in: builder(releasing: false), of: terms)
        #expect(postings(in: builder(releasing: true), of: terms) == kept)
        #expect(kept["gamma"] == [0: [0], 1: [1, 2]])
    }

    /// "U.S." is one word of two terms, "Japan's" one of two, a lone dash none.
    @Test func wordsAndTermsOfADocument() {
        var builder = IndexBlockBuilder()
        var tokenizer = TermTokenizer()
        #expect(builder.addDocument("The U.S. — and Japan's", tokenizer: &tokenizer) == (terms: 6, words: 4))
        #expect(builder.addDocument("", tokenizer: &tokenizer) == (terms: 0, words: 0))
        #expect(builder.addDocument("— …", tokenizer: &tokenizer) == (terms: 0, words: 0))
    }

    /// Scratch arrays made without zeroing have the count asked for; none is made for zero.
    @Test func unwrittenArraysHaveTheirCount() {
        #expect([Int32](unwrittenCount: 0).isEmpty)
        #expect([UInt32](unwrittenCount: 5_000).count == 5_000)
    }
}
