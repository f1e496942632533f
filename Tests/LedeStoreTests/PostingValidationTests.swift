@testable import LedeStore
import Testing

/// Postings from outside the process are checked before a cursor reads them.
@Suite struct PostingValidationTests {
    /// Document 2 (gap 2, shifted: 4) with two positions, 0 and 5; then document 7 (gap 5,
    /// shifted and marked as occurring once: 11) with position 300 (two bytes).
    static let valid: [UInt8] = [4, 2, 0, 5, 11, 0xAC, 0x02]

    func check(_ bytes: [UInt8], count: Int32 = 2, documents: Int32 = 10) -> Bool {
        bytes.withUnsafeBufferPointer { PostingCursor.isWellFormed($0, count: count, documentLimit: documents) }
    }

    @Test func acceptsWhatTheIndexWrites() throws {
        #expect(check(Self.valid))
        #expect(check([], count: 0))
        let corpus = try CorpusLoader.load(Fixtures.seeds)
        for index in [corpus.search.title, corpus.search.text] {
            for (term, list) in index.lists.enumerated() {
                #expect(check(list, count: index.documentCounts[term], documents: Int32(index.documentCount)))
            }
        }
    }

    @Test func rejectsBytesACursorCouldNotRead() {
        #expect(!check(Self.valid, count: 3), "more documents than bytes")
        #expect(!check(Self.valid, count: 1), "bytes left over")
        #expect(!check(Self.valid, documents: 7), "a document beyond the corpus")
        #expect(!check(Array(Self.valid.dropLast())), "a varint cut short")
        #expect(!check([5, 0, 1, 0]), "the same document twice")
        #expect(!check([4, 0, 11, 0], count: 2), "a document without positions")
        #expect(!check([4, 1, 0], count: 1), "a count of one written out, not folded into the gap")
        #expect(check([5, 0], count: 1), "the same document, its count folded")
        #expect(!check([0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0], count: 1, documents: .max), "a gap beyond 32 bits")
        #expect(!check([0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0], count: 1), "a varint longer than five bytes")
        #expect(!check([2, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 1], count: 1), "positions beyond Int32.max")
        #expect(!check(Self.valid, count: -1))
    }
}
