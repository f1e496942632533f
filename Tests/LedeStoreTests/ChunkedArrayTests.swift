@testable import LedeStore
import Testing

/// Appending a run fills the last chunk and starts new ones exactly where appending one
/// element at a time would.
@Suite struct ChunkedArrayTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 4_097])
    func aRunAppendsWhatItsElementsBecomeAcrossChunks(before: Int) {
        let chunk = ChunkedArray<Int>.chunkSize
        var runs = ChunkedArray<Int>()
        var oneByOne = ChunkedArray<Int>()
        for value in 0..<before {
            runs.append(value)
            oneByOne.append(value)
        }
        for length in [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 7] {
            let source = (0..<length).map { Int32($0) }
            runs.append(source[...]) { Int($0) * 2 + 1 }
            for value in source { oneByOne.append(Int(value) * 2 + 1) }
            #expect(runs.count == oneByOne.count)
        }
        #expect(Array(runs) == Array(oneByOne))
        #expect(runs.chunks.dropLast().allSatisfy { $0.count == chunk })
        #expect(runs.chunks.count == (runs.count + chunk - 1) / chunk)
    }

    /// A range checked through the chunks' buffers sees every element in it, across chunk
    /// boundaries, and none outside it.
    @Test func aRangeIsCheckedAcrossChunks() {
        let chunk = ChunkedArray<Int>.chunkSize
        var array = ChunkedArray<Int>()
        for value in 0..<(3 * chunk + 5) { array.append(value == chunk ? -1 : value) }
        let nonNegative = { (value: Int) in value >= 0 }
        #expect(array.allSatisfy(in: 0..<chunk, nonNegative))
        #expect(array.allSatisfy(in: (chunk + 1)..<array.count, nonNegative))
        #expect(!array.allSatisfy(in: (chunk - 1)..<(chunk + 1), nonNegative))
        #expect(!array.allSatisfy(in: 0..<array.count, nonNegative))
        #expect(array.allSatisfy(in: chunk..<chunk, nonNegative))
        var seen: [Int] = []
        _ = array.allSatisfy(in: (2 * chunk - 2)..<(2 * chunk + 2)) { seen.append($0); return true }
        #expect(seen == Array((2 * chunk - 2)..<(2 * chunk + 2)))
    }

    struct Refusal: Error {}

    /// Rows made by index append as appending each would, whether a run starts a chunk (made
    /// in place) or continues one; a row that fails stops the run with those before it kept.
    @Test(arguments: [0, 1, 4_095, 4_096])
    func madeRowsAppendAcrossChunks(before: Int) throws {
        let chunk = ChunkedArray<Int>.chunkSize
        var made = ChunkedArray(0..<before)
        var oneByOne = made
        for length in [0, 1, chunk - 1, chunk + 1, 2 * chunk] {
            try made.append(count: length) { (index: Int) throws(Refusal) in index * 3 }
            for index in 0..<length { oneByOne.append(index * 3) }
        }
        #expect(Array(made) == Array(oneByOne))
        #expect(made.chunks.dropLast().allSatisfy { $0.count == chunk })

        for failingAt in [0, 5, chunk - before % chunk + 2] {
            var partial = made
            let count = partial.count
            #expect(throws: Refusal.self) {
                try partial.append(count: chunk + 10) { (index: Int) throws(Refusal) in
                    if index == failingAt { throw Refusal() }
                    return -index
                }
            }
            #expect(partial.count == count + failingAt)
            #expect(Array(partial[count...]) == (0..<failingAt).map { -$0 })
        }
    }
}

