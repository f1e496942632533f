import Foundation

/// Work running on its own thread, whose result is waited for.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let result = work()
            condition.lock()
            value = result
            condition.signal()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value { return value }
            condition.wait()
        }
    }
}
