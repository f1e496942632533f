/// Variable-length integers: seven bits a byte, low bits first.
enum VarInt {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// The most bytes one number takes.
    static let maximumLength = 5

    /// Writes `value` at `base + offset`, which has room for `maximumLength` bytes, and moves
    /// `offset` past it.
    @inline(__always)
    static func write(_ value: UInt32, to base: UnsafeMutablePointer<UInt8>, at offset: inout Int) {
        var v = value
        while v >= 0x80 {
            base[offset] = UInt8(truncatingIfNeeded: v) | 0x80
            offset += 1
            v >>= 7
        }
        base[offset] = UInt8(v)
        offset += 1
    }

    /// Writes a document's head: its gap, shifted left, with the low bit set when the term
    /// occurs once there, and otherwise the number of occurrences after it.
    @inline(__always)
    static func writeDocument(gap: Int32, frequency: Int, to base: UnsafeMutablePointer<UInt8>, at offset: inout Int) {
        let shifted = UInt32(gap) << 1
        if frequency == 1 {
            write(shifted | 1, to: base, at: &offset)
        } else {
            write(shifted, to: base, at: &offset)
            write(UInt32(frequency), to: base, at: &offset)
        }
    }

    /// The number at `offset`, moving `offset` past it. Unchecked: for postings this process
    /// wrote (`PostingCursor` reads any others).
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let b = bytes[offset]
            offset += 1
            result |= UInt32(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }
}

/// Reads one term's postings front to back (the format is described on `InvertedIndex`).
///
/// It reads defensively, as postings may come from a snapshot, which no one vouches for
/// beyond its checksums: it never reads outside its bytes, and it ends at the first entry that
/// is not what the index writes (a varint cut short or longer than 32 bits, a document not
/// after the one before or not below `documentLimit`, more positions than bytes left). So a
/// damaged list reads as a shorter one, never as a crash; what the index writes reads whole.
struct PostingCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let documentLimit: Int32
    private var offset = 0
    private var remaining: Int32
    /// The most documents it can yield: as many as the list says it holds, and no more than
    /// its bytes allow. Each document takes two bytes at least, its gap and a position, save
    /// the last, whose positions are not read before it is yielded.
    let maximumDocuments: Int
    private var previousDocument: Int32 = -1
    /// The current document, after `next()` returned true.
    private(set) var document: Int32 = -1
    /// How often the term occurs in the current document.
    private(set) var frequency: Int = 0
    private var positionsOffset = 0
    private var positionsRead = true

    /// A cursor on `count` documents' postings, every document below `documentLimit`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, count: Int32, documentLimit: Int32) {
        self.bytes = bytes
        self.remaining = count
        self.maximumDocuments = max(0, min(Int(count), (bytes.count + 1) / 2))
        self.documentLimit = documentLimit
    }

    /// Moves to the next document; false at the end, or at an entry it cannot read.
    mutating func next() -> Bool {
        guard remaining > 0 else { return false }
        if !positionsRead { skipPositions() }
        remaining -= 1
        guard let head = readVarInt(&offset) else { return stop() }
        // The first gap counts from document 0, each later one from the document before.
        let gap = Int64(head >> 1)
        let current = previousDocument < 0 ? gap : Int64(previousDocument) + gap
        guard current > Int64(previousDocument), current < Int64(documentLimit) else { return stop() }
        document = Int32(current)
        previousDocument = document
        if head & 1 == 1 {
            frequency = 1
        } else {
            // Each position takes a byte at least.
            guard let count = readVarInt(&offset), count > 1, Int(count) <= bytes.count - offset else { return stop() }
            frequency = Int(count)
        }
        positionsOffset = offset
        positionsRead = false
        return true
    }

    /// Moves to the first document at or after `target`; false at the end.
    mutating func advance(to target: Int32) -> Bool {
        if document >= target { return true }
        while next() {
            if document >= target { return true }
        }
        return false
    }

    /// The positions of the term in the current document, as many as can be read.
    mutating func positions(into buffer: inout [UInt32]) {
        buffer.removeAll(keepingCapacity: true)
        var at = positionsOffset
        var position: UInt32 = 0
        for _ in 0..<frequency {
            guard let step = readVarInt(&at) else {
                _ = stop()
                return
            }
            position &+= step
            buffer.append(position)
        }
        offset = at
        positionsRead = true
    }

    /// Steps over the current document's positions without decoding them: each is a varint,
    /// so skipping one is finding the byte that ends it. They are checked as `readVarInt`
    /// checks them, cut short or longer than 32 bits, so a list reads the same skipped or read.
    private mutating func skipPositions() {
        var at = positionsOffset
        var left = frequency
        // Continuation bytes in a row: the fifth byte of a varint must end it, below 0x10.
        var run = 0
        while left > 0 {
            guard at < bytes.count else {
                _ = stop()
                return
            }
            let byte = bytes[at]
            at += 1
            if byte < 0x80 {
                guard run < 4 || byte <= 0x0F else {
                    _ = stop()
                    return
                }
                run = 0
                left -= 1
            } else {
                run += 1
                guard run < 5 else {
                    _ = stop()
                    return
                }
            }
        }
        offset = at
        positionsRead = true
    }

    /// Ends the cursor at an entry it cannot read.
    private mutating func stop() -> Bool {
        remaining = 0
        positionsOffset = bytes.count
        offset = bytes.count
        positionsRead = true
        return false
    }

    /// The varint at `at`, moving `at` past it; nil when it runs past the bytes or does not
    /// fit 32 bits.
    @inline(__always)
    private func readVarInt(_ at: inout Int) -> UInt32? {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            if shift == 28 && byte > 0x0F { return nil }
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }
}
