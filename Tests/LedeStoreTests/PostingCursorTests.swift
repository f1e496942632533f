@testable import LedeStore
import Testing

/// A cursor reads what the index writes whole, and anything else (postings from a damaged
/// snapshot) as a shorter list, never past its bytes.
@Suite struct PostingCursorTests {
    /// Document 2 (gap 2, shifted: 4) with two positions, 0 and 5; then document 7 (gap 5,
    /// shifted and marked as occurring once: 11) with position 300 (two bytes).
    static let valid: [UInt8] = [4, 2, 0, 5, 11, 0xAC, 0x02]

    /// Each document the cursor yields, with its positions.
    static func read(_ bytes: [UInt8], count: Int32 = 2, documents: Int32 = 10) -> [Int32: [UInt32]] {
        var read: [Int32: [UInt32]] = [:]
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = PostingCursor(buffer, count: count, documentLimit: documents)
            var positions: [UInt32] = []
            while cursor.next() {
                cursor.positions(into: &positions)
                read[cursor.document] = positions
            }
        }
        return read
    }

    @Test func readsWhatTheIndexWrites() throws {
        #expect(Self.read(Self.valid) == [2: [0, 5], 7: [300]])
        #expect(Self.read([], count: 0).isEmpty)
        let corpus = try CorpusLoader.load(Fixtures.seeds)
        for index in [corpus.search.title, corpus.search.text] {
            for term in 0..<index.termCount {
                let documents = index.withPostings(of: Int32(term)) { cursor in
                    var documents: [Int32] = []
                    while cursor.next() { documents.append(cursor.document) }
                    return documents
                }
                #expect(documents.count == Int(index.documentCounts[term]))
                #expect(documents == documents.sorted() && Set(documents).count == documents.count)
            }
        }
    }

    @Test func stopsAtWhatTheIndexDoesNotWrite() {
        #expect(Self.read(Self.valid, count: 3) == [2: [0, 5], 7: [300]], "more documents than bytes")
        #expect(Self.read(Self.valid, documents: 7) == [2: [0, 5]], "a document beyond the corpus")
        #expect(Self.read(Array(Self.valid.dropLast())) == [2: [0, 5], 7: []], "a varint cut short")
        #expect(Self.read([5, 0, 1, 0]) == [2: [0]], "the same document twice")
        #expect(Self.read([4, 1, 0], count: 1).isEmpty, "a count of one written out, not folded into the gap")
        #expect(Self.read([4, 100, 0], count: 1).isEmpty, "more positions than bytes")
        #expect(Self.read([0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0], count: 1, documents: .max).isEmpty, "a gap beyond 32 bits")
        #expect(Self.read([0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0], count: 1).isEmpty, "a varint longer than five bytes")
        #expect(Self.read([4, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], count: 1) == [2: [.max, .max &+ .max]], "positions that wrap")
        #expect(Self.read(Self.valid, count: -1).isEmpty)
    }

    /// The documents a cursor yields do not depend on whether it reads their positions or
    /// skips them: skipping finds a damaged position where reading would.
    @Test func skipsPositionsAsItReadsThem() {
        func documents(_ bytes: [UInt8], count: Int32, limit: Int32, reading: Bool) -> [Int32] {
            bytes.withUnsafeBufferPointer { buffer in
                var cursor = PostingCursor(buffer, count: count, documentLimit: limit)
                var documents: [Int32] = []
                var positions: [UInt32] = []
                while cursor.next() {
                    documents.append(cursor.document)
                    if reading { cursor.positions(into: &positions) }
                }
                return documents
            }
        }
        // Document 1 with three positions, then document 3; in all but the last list, the third
        // position is damaged.
        let damaged: [[UInt8]] = [
            [2, 3, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0x10, 5, 1],  // fifth byte too big
            [2, 3, 1, 1, 0x80, 0x80, 0x80, 0x80, 0x81, 0x01, 5, 1],  // six bytes
            [2, 3, 1, 1, 0x80],  // cut short
            [2, 3, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 5, 1],  // five bytes, the most there is: valid
        ]
        for bytes in damaged {
            let read = documents(bytes, count: 2, limit: 10, reading: true)
            #expect(documents(bytes, count: 2, limit: 10, reading: false) == read, "\(bytes)")
        }
        #expect(documents(damaged[3], count: 2, limit: 10, reading: false) == [1, 3])
        #expect(documents(damaged[0], count: 2, limit: 10, reading: false) == [1])

        var random = SplitMix(seed: 0x5C1F)
        for _ in 0..<20_000 {
            // Three bytes in four end a varint, so lists run past their first document.
            let bytes = (0..<Int(random.next() % 24)).map { _ in UInt8(truncatingIfNeeded: random.next()) & (random.next() % 2 == 0 ? 0xFF : 0x7F) }
            let count = Int32(random.next() % 6)
            let limit = Int32(random.next() % 300)
            #expect(documents(bytes, count: count, limit: limit, reading: false) == documents(bytes, count: count, limit: limit, reading: true))
        }
    }

    /// Random bytes, counts and limits: every read ends, inside the bytes (which the sanitizer
    /// runs check), with documents rising and below the limit, and no more of them than
    /// `maximumDocuments`.
    @Test func readsRandomBytesSafely() {
        var random = SplitMix(seed: 0x5EED)
        for _ in 0..<20_000 {
            let bytes = (0..<Int(random.next() % 24)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let count = Int32(random.next() % 12) - 1
            let limit = Int32(random.next() % 300)
            bytes.withUnsafeBufferPointer { buffer in
                var cursor = PostingCursor(buffer, count: count, documentLimit: limit)
                var previous: Int32 = -1
                var positions: [UInt32] = []
                var documents = 0
                while cursor.next() {
                    documents += 1
                    #expect(documents <= cursor.maximumDocuments, "searches size their results by it")
                    #expect(cursor.document > previous && cursor.document < limit)
                    #expect(cursor.frequency >= 1 && cursor.frequency <= bytes.count)
                    previous = cursor.document
                    if random.next() & 1 == 0 {
                        cursor.positions(into: &positions)
                        #expect(positions.count <= cursor.frequency)
                    }
                }
            }
        }
    }
}

/// A small seeded generator, so a failure repeats.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
