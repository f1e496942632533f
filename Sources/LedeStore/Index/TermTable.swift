/// A hash table from terms (UTF-8 bytes) to dense ids, with the terms' bytes kept in one arena.
///
/// The index looks up every word of the corpus here; taking raw bytes instead of `String`
/// keys avoids building a String per word, and each slot keeps the term's hash beside its id
/// so a probe rarely touches the arena.
struct TermTable: Sendable {
    private var arena: [UInt8] = []
    /// Start of term `id` in `arena`; the term ends where the next one starts.
    private var starts: [Int32] = [0]
    /// Open addressing with linear probing: (hash << 32) | (id + 1), 0 for an empty slot.
    private var slots: [UInt64]

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    var count: Int { starts.count - 1 }

    /// Bytes the table holds (arena, starts and slots), by capacity.
    var memoryFootprint: Int { arena.capacity + starts.capacity * 4 + slots.capacity * 8 }

    /// The id of `term`, adding it when it is new.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        insert(term, lowercase: 0)
    }

    /// The id of the lowercase of `term`, a run of ASCII letters and digits (which the text's
    /// bytes are, read in place), adding it when it is new.
    mutating func insert(lowercasing term: UnsafeBufferPointer<UInt8>) -> Int32 {
        insert(term, lowercase: Self.asciiLowercase)
    }

    /// Or-ed into each byte of a run of ASCII letters and digits, sets the bit that makes a
    /// capital lowercase and that digits have already.
    private static let asciiLowercase: UInt64 = 0x2020_2020_2020_2020

    /// `insert`, with `lowercase` or-ed into every byte of `term` (0, or `asciiLowercase`).
    @inline(__always)
    private mutating func insert(_ term: UnsafeBufferPointer<UInt8>, lowercase: UInt64) -> Int32 {
        let hash = Self.hash(term, lowercase: lowercase)
        let (found, slot) = probe(term, hash: hash, lowercase: lowercase)
        if let found { return found }
        let id = Int32(count)
        if lowercase == 0 {
            arena.append(contentsOf: term)
        } else {
            for byte in term { arena.append(byte | UInt8(truncatingIfNeeded: lowercase)) }
        }
        starts.append(Int32(arena.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `term`, or nil when the table does not hold it.
    func id(of term: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(term, hash: Self.hash(term, lowercase: 0), lowercase: 0).found
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
        withTerm(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// The id of `term` if present, and the slot where it is or would go.
    @inline(__always)
    private func probe(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32, lowercase: UInt64) -> (found: Int32?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    let mask = slots.count - 1
                    var slot = Int(hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return (nil, slot) }
                        if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                            let id = Int(UInt32(truncatingIfNeeded: entry)) - 1
                            let start = Int(starts[id])
                            let length = Int(starts[id + 1]) - start
                            if length == term.count && Self.equal(arena, start, term, lowercase: lowercase) {
                                return (Int32(id), slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `arena[start...]` begins with `term`'s bytes, each or-ed with `lowercase`.
    @inline(__always)
    private static func equal(
        _ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ term: UnsafeBufferPointer<UInt8>, lowercase: UInt64
    ) -> Bool {
        guard let a = arena.baseAddress, let t = term.baseAddress else { return term.isEmpty }
        return ByteWord.equal(UnsafeRawPointer(a + start), UnsafeRawPointer(t), count: term.count, orMask: lowercase)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// A multiply-and-shift hash of the bytes eight at a time (the last word overlapping the
    /// one before, a short term read by `ByteWord.shortWord`), mixed with the length: a term
    /// costs one or two multiplications instead of one a byte. Each byte is or-ed with
    /// `lowercase` first (0, or `asciiLowercase`).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercase: UInt64) -> UInt32 {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
        var h = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ word: UInt64) {
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        if count >= 8 {
            var offset = 0
            while offset < count - 8 {
                mix(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) | lowercase)
                offset += 8
            }
            mix(base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) | lowercase)
        } else {
            mix(ByteWord.shortWord(base, count) | ByteWord.shortWordMask(lowercase, count))
        }
        h = (h ^ h >> 32) &* 0x94D0_49BB_1331_11EB
        return UInt32(truncatingIfNeeded: h ^ h >> 29)
    }
}
