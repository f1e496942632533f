import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The monotonic clock, in nanoseconds.
enum Clock {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func seconds(since start: UInt64) -> Double {
        Double(now() &- start) / 1e9
    }
}

/// CPU time this process has used, user and system, from `getrusage`: what sqlite3's `.timer`
/// reports as user + sys, measured the same way.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}

/// The spread of repeated measurements, in milliseconds.
struct Timing: Codable {
    var medianMs: Double
    var minMs: Double
    var maxMs: Double
    var runs: Int
    /// Every run, in the order measured.
    var samplesMs: [Double]

    /// Nil when there is nothing to summarise.
    init?(seconds: [Double]) {
        guard !seconds.isEmpty else { return nil }
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        medianMs = median * 1000
        minMs = sorted[0] * 1000
        maxMs = sorted[sorted.count - 1] * 1000
        runs = sorted.count
        samplesMs = seconds.map { $0 * 1000 }
    }
}

/// How a figure prints in the table: three significant figures, in ms or s.
enum Format {
    static func duration(_ milliseconds: Double?) -> String {
        guard let ms = milliseconds else { return "—" }
        if ms >= 1000 { return String(format: "%.2f s", ms / 1000) }
        if ms >= 100 { return String(format: "%.0f ms", ms) }
        if ms >= 10 { return String(format: "%.1f ms", ms) }
        if ms >= 1 { return String(format: "%.2f ms", ms) }
        return String(format: "%.3f ms", ms)
    }

    static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        if value >= 100 { return String(format: "%.0f×", value) }
        if value >= 10 { return String(format: "%.1f×", value) }
        return String(format: "%.2f×", value)
    }

    static func megabytes(_ bytes: Int?) -> String {
        guard let bytes else { return "—" }
        return String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }

    /// a / b, when both exist and b is above zero.
    static func divide(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, b > 0 else { return nil }
        return a / b
    }
}
