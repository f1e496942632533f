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
        insert(term, hash: Self.hash(term), lowercase: 0)
    }

    /// The id of the lowercase of `term`, a run of ASCII letters and digits (which the text's
    /// bytes are, read in place), adding it when it is new. `wordHash` is the term's
    /// `WordHash.word`, which the tokenizer computed as it read the word: the table's own hash
    /// is the same, so it is not computed again.
    mutating func insert(lowercasing term: UnsafeBufferPointer<UInt8>, wordHash: UInt64) -> Int32 {
        insert(term, hash: Self.hash(wordHash: wordHash), lowercase: Self.asciiLowercase)
    }

    /// The id of the term made of the byte `tag` followed by `term`, adding it when it is new:
    /// a key of a kind and a name, looked up without first copying the two into one buffer.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, taggedWith tag: UInt8) -> Int32 {
        let hash = Self.hash(term, taggedWith: tag)
        let (found, slot) = probe(term, hash: hash, lowercase: 0, tag: tag)
        if let found { return found }
        arena.append(tag)
        return add(term, hash: hash, slot: slot, lowercase: 0)
    }

    /// The id of the term made of `tag` and `term`, or nil when the table does not hold it.
    func id(of term: UnsafeBufferPointer<UInt8>, taggedWith tag: UInt8) -> Int32? {
        probe(term, hash: Self.hash(term, taggedWith: tag), lowercase: 0, tag: tag).found
    }

    /// Or-ed into each byte of a run of ASCII letters and digits, sets the bit that makes a
    /// capital lowercase and that digits have already.
    private static let asciiLowercase: UInt64 = 0x2020_2020_2020_2020

    /// `insert`, with `lowercase` or-ed into every byte of `term` (0, or `asciiLowercase`), and
    /// the term's hash.
    @inline(__always)
    private mutating func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32, lowercase: UInt64) -> Int32 {
        let (found, slot) = probe(term, hash: hash, lowercase: lowercase)
        if let found { return found }
        return add(term, hash: hash, slot: slot, lowercase: lowercase)
    }

    /// Adds `term` (after any bytes of it already in the arena) in `slot`, the empty slot
    /// where `probe` stopped.
    @inline(__always)
    private mutating func add(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int, lowercase: UInt64) -> Int32 {
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
        probe(term, hash: Self.hash(term), lowercase: 0).found
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

    /// The id of `term` if present, and the slot where it is or would go. With a `tag`, the
    /// term sought is that byte followed by `term`'s.
    @inline(__always)
    private func probe(
        _ term: UnsafeBufferPointer<UInt8>, hash: UInt32, lowercase: UInt64, tag: UInt8? = nil
    ) -> (found: Int32?, slot: Int) {
        let tagLength = tag == nil ? 0 : 1
        return slots.withUnsafeBufferPointer { slots in
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
                            if length == term.count + tagLength && (tag.map { arena[start] == $0 } ?? true)
                                && Self.equal(arena, start + tagLength, term, lowercase: lowercase)
                            {
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

    /// The hash of a term: the FNV-1a of its bytes that `WordHash.word` computes for a word
    /// without capitals (as the index's folded terms are), so that the hash the tokenizer
    /// computed for a word as it read it stands in for it. Mixed, as FNV's high bits, which
    /// find a slot, depend little on a short term's last byte.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, startingFrom word: UInt64 = WordHash.seed) -> UInt32 {
        var word = word
        for byte in bytes { word = mix(word, byte) }
        return hash(wordHash: word)
    }

    /// The hash of the term made of `tag` followed by `bytes`.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, taggedWith tag: UInt8) -> UInt32 {
        hash(bytes, startingFrom: mix(WordHash.seed, tag))
    }

    /// One FNV-1a step.
    @inline(__always)
    private static func mix(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        (word ^ UInt64(byte)) &* WordHash.prime
    }

    @inline(__always)
    private static func hash(wordHash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: ((wordHash ^ wordHash >> 29) &* 0x94D0_49BB_1331_11EB) >> 32)
    }
}
