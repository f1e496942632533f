@testable import LedeStore
import Testing

/// The block builder writes a document's terms and pairs through pointers into room sized
/// before the document is read; these read the postings back for documents that fill that
/// room (a term in every other byte) and that repeat terms out of order.
@Suite struct IndexBuilderTests {
    /// Each term's documents, and its positions in each, as the merged index gives them back.
    func postings(of documents: [String]) -> [String: [Int32: [UInt32]]] {
        var builder = IndexBlockBuilder()
        var tokenizer = TermTokenizer()
        for document in documents { builder.addDocument(document, tokenizer: &tokenizer) }
        var merged = InvertedIndexBuilder()
        merged.append(builder.finish())
        let index = merged.finish()
        var result: [String: [Int32: [UInt32]]] = [:]
        for term in Set(documents.flatMap { TermTokenizer.terms(of: $0) }) {
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

    /// "U.S." is one word of two terms, "Japan's" one of two, a lone dash none.
    @Test func wordsAndTermsOfADocument() {
        var builder = IndexBlockBuilder()
        var tokenizer = TermTokenizer()
        #expect(builder.addDocument("The U.S. — and Japan's", tokenizer: &tokenizer) == (terms: 6, words: 4))
        #expect(builder.addDocument("", tokenizer: &tokenizer) == (terms: 0, words: 0))
        #expect(builder.addDocument("— …", tokenizer: &tokenizer) == (terms: 0, words: 0))
    }
}
