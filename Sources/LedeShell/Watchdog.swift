import Foundation
import LedeLanguage

/// Cancels a statement that runs longer than `--timeout`: armed when created, disarmed when
/// the statement ends.
final class Watchdog: @unchecked Sendable {
    let seconds: Double
    private let flag: CancellationFlag
    private let lock = NSLock()
    private var armed = true
    private var didFire = false

    init(seconds: Double, flag: CancellationFlag) {
        self.seconds = seconds
        self.flag = flag
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard armed else { return }
            didFire = true
            flag.cancel()
        }
    }

    var fired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return didFire
    }

    func disarm() {
        lock.lock()
        armed = false
        lock.unlock()
    }
}
