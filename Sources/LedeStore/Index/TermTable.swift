/// A hash table from terms (UTF-8 bytes) to dense ids, with the terms' bytes kept in one arena.
///
/// The index looks up every word of the corpus here; taking raw bytes instead of `String`
/// keys avoids building a String per word.
struct TermTable: Sendable {
    private var arena: [UInt8] = []
    /// Start of term `id` in `arena`; the term ends where the next one starts.
    private var starts: [Int32] = [0]
    /// Open addressing with linear probing: slot → term id + 1 (0 = empty).
    private var slots: [Int32]
    private var hashes: [UInt32] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    var count: Int { starts.count - 1 }

    /// The id of `term`, adding it when it is new.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(term)
        if let id = find(term, hash: hash) { return id }
        let id = Int32(count)
        arena.append(contentsOf: term)
        starts.append(Int32(arena.count))
        hashes.append(hash)
        if count * 2 > slots.count { grow() } else { place(id, hash: hash) }
        return id
    }

    /// The id of `term`, or nil when the table does not hold it.
    func id(of term: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(term, hash: Self.hash(term))
    }

    func id(of term: String) -> Int32? {
        var term = term
        return term.withUTF8 { id(of: $0) }
    }

    /// Calls `body` with the bytes of term `id`, without copying them.
    func withTerm<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = Int(starts[Int(id)])..<Int(starts[Int(id) + 1])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func term(_ id: Int32) -> String {
        let range = Int(starts[Int(id)])..<Int(starts[Int(id) + 1])
        return String(decoding: arena[range], as: UTF8.self)
    }

    private func find(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == hash && equals(id, term) { return Int32(id) }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let length = Int(starts[id + 1]) - start
        guard length == term.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for k in 0..<length where arena[start + k] != term[k] { return false }
            return true
        }
    }

    private mutating func place(_ id: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id + 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for id in 0..<count { place(Int32(id), hash: hashes[id]) }
    }

    /// FNV-1a, folded to 32 bits: terms are short, so a simple byte loop is fast enough.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}
