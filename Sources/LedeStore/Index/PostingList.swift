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
struct PostingCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var remaining: Int32
    private var previousDocument: Int32 = 0
    /// The current document, after `next()` returned true.
    private(set) var document: Int32 = -1
    /// How often the term occurs in the current document.
    private(set) var frequency: Int = 0
    private var positionsOffset = 0
    private var positionsRead = true

    init(_ bytes: UnsafeBufferPointer<UInt8>, count: Int32) {
        self.bytes = bytes
        self.remaining = count
    }

    /// Moves to the next document; false at the end.
    mutating func next() -> Bool {
        guard remaining > 0 else { return false }
        if !positionsRead { skipPositions() }
        remaining -= 1
        let head = VarInt.read(bytes, &offset)
        document = previousDocument + Int32(head >> 1)
        previousDocument = document
        frequency = head & 1 == 1 ? 1 : Int(VarInt.read(bytes, &offset))
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

    /// The positions of the term in the current document.
    mutating func positions(into buffer: inout [UInt32]) {
        buffer.removeAll(keepingCapacity: true)
        var at = positionsOffset
        var position: UInt32 = 0
        for _ in 0..<frequency {
            position += VarInt.read(bytes, &at)
            buffer.append(position)
        }
        offset = at
        positionsRead = true
    }

    private mutating func skipPositions() {
        var at = positionsOffset
        for _ in 0..<frequency {
            while bytes[at] >= 0x80 { at += 1 }
            at += 1
        }
        offset = at
        positionsRead = true
    }
}
