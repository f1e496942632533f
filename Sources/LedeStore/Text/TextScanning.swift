import Glibc

/// Byte-level character classes shared by the sentence splitter, the tokenizers and the
/// index's word count. Everything here works on UTF-8 without building Strings.
enum TextScanning {
    /// Decodes the scalar starting at `i`, returning it and its length in bytes.
    /// Invalid sequences (which a Swift String never holds) decode as U+FFFD of length 1.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var value: UInt32
        if b0 & 0xE0 == 0xC0 { length = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
        else { return ("\u{FFFD}", 1) }
        guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The start of the scalar that ends just before `i`.
    @inline(__always)
    static func previousScalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var j = i - 1
        while j > 0 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// Horizontal or vertical white space, including no-break and other Unicode spaces.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Letters and digits: the characters that make a run of text a word.
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }

    /// The ASCII bytes `isSpace` takes as white space: space, tab, line feed, vertical tab, form
    /// feed, carriage return.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}

extension String {
    /// The text between two UTF-8 offsets.
    public func utf8Slice(_ range: Range<Int32>) -> String {
        let view = utf8
        let lower = view.index(view.startIndex, offsetBy: Int(range.lowerBound))
        let upper = view.index(lower, offsetBy: Int(range.count))
        return String(self[lower..<upper])
    }
}

/// Tests on eight bytes at once (SWAR): whether any byte of a 64-bit word equals a value or is
/// below one. Scanning loops use them to skip runs of bytes that need no attention without a
/// branch per byte. A result is nonzero exactly when some byte matches (which bits are set
/// says nothing more).
enum ByteWord {
    static let width = 8
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `base + offset`, in any alignment.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in each of the eight bytes of a word.
    @inline(__always)
    static func spread(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

    @inline(__always)
    static func any(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = word ^ spread(byte)
        return (x &- ones) & ~x & highBits
    }

    /// The high bit of each byte of `word` that is zero, and no other bit: exact in every
    /// byte, unlike `any(_:equalTo:)`, whose borrow may mark a byte above a zero one.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = ~highBits
        return ~(((word & low) &+ low) | word | low)
    }

    /// Nonzero when some byte is below `limit`, which must be at most 0x80.
    @inline(__always)
    static func any(_ word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highBits
    }

    /// From `start`, skips whole words before `end` for which `stops` is zero, and returns where
    /// it stopped: the first word where `stops` found something, or where fewer than eight bytes
    /// are left. The caller reads on from there a byte at a time.
    @inline(__always)
    static func skipQuiet(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, _ stops: (UInt64) -> UInt64) -> Int {
        var i = start
        while i + width <= end, stops(load(base, i)) == 0 { i += width }
        return i
    }

    /// Nonzero when some byte is not ASCII.
    @inline(__always)
    static func anyNonASCII(_ word: UInt64) -> UInt64 { word & highBits }

    /// The offset of the first line feed in `bytes` at or after `start`, found with memchr.
    static func firstLineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether every byte is ASCII, read a word at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = skipQuiet(base, from: 0, to: bytes.count) { anyNonASCII($0) }
        while i < bytes.count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Whether the `count` bytes at `a` and at `b` are the same, compared a word at a time;
    /// the last words overlap the ones before rather than reading past either end. For short
    /// runs of bytes (terms, names), where a call to memcmp costs more than the comparison.
    /// With a `mask`, each byte of `b` is or-ed with the mask's byte first (0x20 in every byte
    /// lowercases a run of ASCII letters and digits).
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int, orMask mask: UInt64 = 0) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset < count - 8 {
                guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) | mask
                else { return false }
                offset += 8
            }
            return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) | mask
        }
        return shortWord(a, count) == shortWord(b, count) | shortWordMask(mask, count)
    }

    /// The part of a mask of eight equal bytes that covers the bytes `shortWord` fills for a
    /// run of `count` bytes: all eight from four bytes on, the low three below.
    @inline(__always)
    static func shortWordMask(_ mask: UInt64, _ count: Int) -> UInt64 {
        count >= 4 ? mask : mask & 0xFF_FFFF
    }

    /// The bytes of a term shorter than eight bytes, in one word: for four to seven bytes its
    /// first four and last four (which overlap), for one to three its first, middle and last.
    /// Two terms of the same length are equal exactly when their words are.
    @inline(__always)
    static func shortWord(_ p: UnsafeRawPointer, _ count: Int) -> UInt64 {
        if count >= 4 {
            let head = UInt64(p.loadUnaligned(as: UInt32.self))
            let tail = UInt64(p.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return head | tail << 32
        }
        guard count > 0 else { return 0 }
        let first = UInt64(p.load(as: UInt8.self))
        let middle = UInt64(p.load(fromByteOffset: count >> 1, as: UInt8.self))
        let last = UInt64(p.load(fromByteOffset: count - 1, as: UInt8.self))
        return first | middle << 8 | last << 16
    }
}
