/// Hashes of words and phrases, computed on UTF-8 bytes without building Strings.
///
/// A word hashes case-insensitively for ASCII letters, with the typographic apostrophe (’) read
/// as `'`. A phrase hashes its words' hashes in order, so the tokenizer's tokens and a
/// gazetteer's entries, tokenized the same way, meet in one table.
enum WordHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes[range]`.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = seed
        var i = range.lowerBound
        while i < range.upperBound {
            var byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A {
                byte |= 0x20
            } else if byte == 0xE2 && i + 2 < range.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 {
                byte = 0x27  // ’
                i += 2
            }
            hash = (hash ^ UInt64(byte)) &* prime
            i += 1
        }
        return hash
    }

    /// The hash of a phrase whose words so far hash to `phrase`, extended by one word.
    @inline(__always)
    static func extend(_ phrase: UInt64, with word: UInt64) -> UInt64 {
        let mixed = (phrase ^ (word &+ 0x9E37_79B9_7F4A_7C15)) &* 0xbf58_476d_1ce4_e5b9
        return mixed ^ (mixed >> 31)
    }
}

/// An open-addressing table from 64-bit hashes to small integers: the gazetteers' index.
///
/// A slot packs 32 bits of the hash (a fingerprint, never zero) with the value, so the table
/// stays small enough to sit in cache; two keys with the same slot and fingerprint (odds about
/// one in four billion per lookup) would share a value. Built once, then only read.
struct HashTable: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size * 5 < capacity * 8 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func split(_ key: UInt64) -> (slot: Int, fingerprint: UInt64) {
        (Int(truncatingIfNeeded: key >> 32), (key & 0xFFFF_FFFF) | 1)
    }

    /// Inserts `value` under `key` unless the key is already there; returns the stored value,
    /// or nil when the table is full (it does not grow: size it for its keys up front).
    mutating func insert(_ key: UInt64, _ value: Int32) -> Int32? {
        guard count + 1 < slots.count else { return nil }
        let (start, fingerprint) = Self.split(key)
        var slot = start & mask
        while slots[slot] != 0 {
            if slots[slot] & 0xFFFF_FFFF == fingerprint { return Int32(truncatingIfNeeded: slots[slot] >> 32) }
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt64(UInt32(bitPattern: value)) << 32 | fingerprint
        count += 1
        return value
    }

    /// One more than the value stored under `key`, or 0 when the key is absent, with no branch
    /// on which: for a table whose lookups find a key about as often as not, where that branch
    /// would be mispredicted.
    @inline(__always)
    func position(_ key: UInt64) -> Int {
        let (start, fingerprint) = Self.split(key)
        var slot = start & mask
        var stored = slots[slot]
        while stored != 0 && stored & 0xFFFF_FFFF != fingerprint {
            slot = (slot + 1) & mask
            stored = slots[slot]
        }
        return stored == 0 ? 0 : Int(truncatingIfNeeded: stored >> 32) + 1
    }

    @inline(__always)
    func find(_ key: UInt64) -> Int32? {
        let (start, fingerprint) = Self.split(key)
        var slot = start & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if stored & 0xFFFF_FFFF == fingerprint { return Int32(truncatingIfNeeded: stored >> 32) }
            slot = (slot + 1) & mask
        }
    }
}

/// A Bloom filter over word hashes: the large word lists (common words, surnames) in a few
/// dozen kilobytes that stay in cache, at the price of about one false "yes" in two hundred.
struct WordFilter: Sendable {
    private var bits: [UInt64]
    private var mask: UInt64

    /// About twelve bits for each of `capacity` words.
    init(capacity: Int) {
        var size = 64
        while size < capacity * 12 { size <<= 1 }
        bits = [UInt64](repeating: 0, count: size / 64)
        mask = UInt64(size - 1)
    }

    @inline(__always)
    private func positions(_ hash: UInt64) -> (UInt64, UInt64) {
        let mixed = (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9
        return (mixed ^ (mixed >> 32), (mixed >> 17) | 1)
    }

    mutating func insert(_ hash: UInt64) {
        var (position, step) = positions(hash)
        for _ in 0..<4 {
            let bit = position & mask
            bits[Int(bit >> 6)] |= 1 << (bit & 63)
            position &+= step
        }
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        var (position, step) = positions(hash)
        for _ in 0..<4 {
            let bit = position & mask
            guard bits[Int(bit >> 6)] & (1 << (bit & 63)) != 0 else { return false }
            position &+= step
        }
        return true
    }
}
