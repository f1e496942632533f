import Foundation
@testable import LedeStore
import Testing

/// The loader's thread pool: results reach `consume` in the order their items were taken,
/// each once, one at a time, however long each item takes and however many threads share them.
@Suite struct OrderedParallelMapTests {
    /// Hands out 0..<count; called under the map's lock.
    final class Counter: @unchecked Sendable {
        private var next = 0
        private let count: Int
        init(_ count: Int) { self.count = count }
        func take() -> Int? {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    @Test(arguments: [(1, 1), (2, 3), (3, 2), (4, 8)])
    func resultsAreConsumedInOrderOneAtATime(workers: Int, window: Int) {
        let counter = Counter(200)
        var consumed: [Int] = []
        var inside = false
        var overlapped = false
        OrderedParallelMap.run(
            workers: workers, window: window,
            next: { counter.take() },
            transform: { item, _ in
                // Items finish out of order: some take far longer than those after them.
                if item % 7 == 0 { usleep(2000) }
                return item * 10
            },
            consume: { output in
                if inside { overlapped = true }
                inside = true
                // Now and then the consumer is slow, and results pile up behind it.
                if output % 300 == 0 { usleep(1000) }
                consumed.append(output)
                inside = false
            })
        #expect(consumed == (0..<200).map { $0 * 10 })
        #expect(!overlapped)
    }

    @Test func nothingToDoReturnsAtOnce() {
        var consumed = 0
        OrderedParallelMap.run(
            workers: 2, window: 3, next: { Optional<Int>.none }, transform: { item, _ in item }, consume: { _ in consumed += 1 })
        #expect(consumed == 0)
    }
}
