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
}
