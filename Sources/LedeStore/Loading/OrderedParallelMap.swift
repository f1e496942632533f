import Foundation

/// Runs `transform` on several threads over items taken in order from `next`, and hands the
/// results to `consume` in the same order, one at a time.
///
/// `consume` runs on the worker threads: the one that delivers the result next in order
/// consumes it, and any later results already waiting, while the others go on transforming.
/// So there are never more busy threads than `workers`; a calling thread that consumed
/// instead would make one more, and on a machine with as many cores as workers the three
/// would take turns on two cores, each turn evicting the others' data from the caches. The
/// calling thread waits until every result is consumed, so `consume` may use its state.
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
        let workers = max(1, workers)
        withoutActuallyEscaping(consume) { consume in
            // `run` returns only once every result is consumed, so the closure outlives no call,
            // and the state's lock lets only one thread call it at a time.
            let state = State(window: max(window, workers), consume: UncheckedConsumer(consume))
            for worker in 0..<workers {
                let thread = Thread {
                    while let (sequence, item) = state.take(next) {
                        state.deliver(transform(item, worker), at: sequence)
                    }
                    state.finishWorker()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            state.awaitEnd(workers: workers)
        }
    }

    /// The caller's `consume`, handed to the worker threads; `State` calls it under its
    /// `consuming` flag, one thread at a time.
    private struct UncheckedConsumer<Output>: @unchecked Sendable {
        let call: (Output) -> Void
        init(_ call: @escaping (Output) -> Void) { self.call = call }
    }

    private final class State<Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let window: Int
        /// Let go once every result is consumed, before `run` returns: `withoutActuallyEscaping`
        /// checks that nothing holds the closure then, and the threads may still hold the state.
        private var consume: UncheckedConsumer<Output>?
        private var taken = 0
        private var consumed = 0
        private var exhausted = false
        /// True while a thread is consuming results, outside the lock.
        private var consuming = false
        private var finishedWorkers = 0
        private var results: [Int: Output] = [:]

        init(window: Int, consume: UncheckedConsumer<Output>) {
            self.window = window
            self.consume = consume
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

        /// Files a result; then, unless another thread is consuming, consumes every result
        /// that is next in order, this one and those delivered meanwhile.
        func deliver(_ output: Output, at sequence: Int) {
            condition.lock()
            defer { condition.unlock() }
            results[sequence] = output
            guard !consuming else { return }
            consuming = true
            while let ready = results.removeValue(forKey: consumed), let consume {
                condition.unlock()
                consume.call(ready)
                condition.lock()
                consumed += 1
                // A window's worth of room again: a thread waiting in `take` may go on.
                condition.broadcast()
            }
            consuming = false
        }

        func finishWorker() {
            condition.lock()
            finishedWorkers += 1
            condition.broadcast()
            condition.unlock()
        }

        /// Waits until every worker has stopped, when every result taken has been consumed:
        /// a worker stops only once no item is left, after consuming what it could.
        func awaitEnd(workers: Int) {
            condition.lock()
            defer { condition.unlock() }
            while finishedWorkers < workers || consuming || consumed < taken { condition.wait() }
            consume = nil
        }
    }
}
