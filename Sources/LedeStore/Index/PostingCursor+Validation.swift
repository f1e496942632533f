extension PostingCursor {
    /// True when `bytes` holds exactly `count` documents' postings in the format described on
    /// `InvertedIndex`: documents ascending and below `documentLimit`, each with at least one
    /// position, the positions adding up to less than `Int32.max`, every varint at most five
    /// bytes that fit in 32 bits, and a count written out only when it is above one.
    ///
    /// A cursor trusts its bytes (it reads them unchecked), so postings that come from outside
    /// the process, such as a snapshot, are checked with this first.
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>, count: Int32, documentLimit: Int32) -> Bool {
        guard count >= 0 else { return false }
        guard let base = bytes.baseAddress else { return count == 0 }
        let end = bytes.count
        var offset = 0
        var document: Int64 = -1
        for _ in 0..<Int(count) {
            let head = readVarInt(base, end, &offset)
            guard head <= UInt64(UInt32.max) else { return false }
            let gap = head >> 1
            guard document < 0 || gap > 0 else { return false }
            document = max(document, 0) + Int64(gap)
            let frequency = head & 1 == 1 ? 1 : readVarInt(base, end, &offset)
            guard document < Int64(documentLimit), head & 1 == 1 || frequency > 1, frequency <= UInt64(end - offset)
            else { return false }
            // At most 2^32 steps of less than 2^32 each: the sum cannot wrap.
            var position: UInt64 = 0
            var left = Int(frequency)
            while left > 0 {
                guard offset < end else { return false }
                let byte = base[offset]
                if byte < 0x80 {
                    position &+= UInt64(byte)
                    offset &+= 1
                } else {
                    let step = readVarInt(base, end, &offset)
                    guard step <= UInt64(UInt32.max) else { return false }
                    position &+= step
                }
                left &-= 1
            }
            guard position < UInt64(Int32.max) else { return false }
        }
        return offset == end
    }

    /// The varint at `offset`, or `UInt64.max` when it runs past `end` or past five bytes.
    @inline(__always)
    private static func readVarInt(_ base: UnsafePointer<UInt8>, _ end: Int, _ offset: inout Int) -> UInt64 {
        guard offset < end else { return .max }
        var byte = base[offset]
        offset += 1
        if byte < 0x80 { return UInt64(byte) }
        var result = UInt64(byte & 0x7F)
        var shift: UInt64 = 7
        while shift <= 28 {
            guard offset < end else { return .max }
            byte = base[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return .max
    }
}
