import Foundation

/// Runs `transform` on several threads over items taken in order from `next`, and hands the
/// results to `consume` on the calling thread in the same order.
///
/// At most `window` items are taken but not yet consumed, which bounds memory when the items
/// are blocks of a large file. `next` is called under a lock, one call at a time.
enum OrderedParallelMap {
    static func run<Item: Sendable, Output: Sendable>(
        workers: Int, window: Int,
        next: @escaping @Sendable () -> Item?,
        transform: @escaping @Sendable (Item, _ worker: Int) -> Output,
        consume: (Output) -> Void
    ) {
        let state = State<Output>(window: max(window, workers))
        for worker in 0..<max(1, workers) {
            let thread = Thread {
                while let (sequence, item) = state.take(next) {
                    state.deliver(transform(item, worker), at: sequence)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        while let output = state.awaitNext() {
            consume(output)
        }
    }

    private final class State<Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let window: Int
        private var taken = 0
        private var consumed = 0
        private var exhausted = false
        private var results: [Int: Output] = [:]

        init(window: Int) {
            self.window = window
        }

        /// The next item and its sequence number, waiting while the window is full.
        func take<Item>(_ next: () -> Item?) -> (Int, Item)? {
            condition.lock()
            defer { condition.unlock() }
            while !exhausted && taken - consumed >= window { condition.wait() }
            guard !exhausted, let item = next() else {
                exhausted = true
                condition.broadcast()
                return nil
            }
            taken += 1
            return (taken - 1, item)
        }

        func deliver(_ output: Output, at sequence: Int) {
            condition.lock()
            results[sequence] = output
            condition.broadcast()
            condition.unlock()
        }

        /// The next result in order, or nil once every item has been consumed.
        func awaitNext() -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let output = results.removeValue(forKey: consumed) {
                    consumed += 1
                    condition.broadcast()
                    return output
                }
                if exhausted && consumed == taken { return nil }
                condition.wait()
            }
        }
    }
}
