import Synchronization

/// A value computed the first time it is asked for, from any thread, once.
///
/// The corpus keeps its lookup structures (the entity directory, the articles in date order)
/// this way, so a statement that never needs them never pays for building them.
final class OnFirstUse<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        state.withLock { stored in
            if let value = stored { return value }
            let value = make()
            stored = value
            return value
        }
    }
}
