import Foundation

/// What Lede asks of glibc's malloc while it builds a corpus. Both functions are looked up at
/// run time, as the Glibc module declares neither; where one is missing, nothing is asked.
enum MallocTuning {
    /// glibc's `malloc_trim(0)`: returns the free pages of every malloc arena to the system.
    static func releaseFreedMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// Runs `body` with malloc's heaps growing at least `bytes` at a time, then back to glibc's
    /// default step (128 KB, `M_TOP_PAD`).
    ///
    /// A thread's heap grows by changing the protection of the next part of the region it
    /// reserved, one system call per step, each splitting the process's memory map anew; a
    /// thread that allocates a few hundred megabytes in small pieces spends a tenth of its
    /// time there. Growing in large steps costs no memory: pages are only made once touched.
    static func growingHeaps<R, E: Error>(by bytes: Int, _ body: () throws(E) -> R) throws(E) -> R {
        setTopPad(bytes)
        defer { setTopPad(defaultTopPad) }
        return try body()
    }

    private static let defaultTopPad = 128 << 10

    /// `mallopt(M_TOP_PAD, bytes)`.
    private static func setTopPad(_ bytes: Int) {
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let topPad: Int32 = -2
        _ = unsafeBitCast(symbol, to: Option.self)(topPad, Int32(clamping: bytes))
    }
}
