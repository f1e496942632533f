/// An ASCII string looked for in UTF-8 text with ASCII letters compared regardless of case:
/// what `where text contains "oil prices"` asks of every article, so it reads eight bytes at
/// a time.
///
/// Two of the needle's bytes, the rarest in English text, are compared at eight places at
/// once; only a place where both match is compared in full. Only ASCII needles: the UTF-8 of a
/// non-ASCII character holds no ASCII byte, so the text's other bytes can stay as they are.
public struct ASCIINeedle: Sendable {
    /// The needle with its letters in lowercase.
    private let bytes: [UInt8]
    /// The offsets of the two bytes compared first (the same for a one-byte needle).
    private let first: Int
    private let second: Int
    /// Each of the two bytes in every byte of a word, and what is or-ed into the text's word
    /// before comparing: 0x20 in every byte when the needle's byte is a letter (which folds a
    /// capital to its lowercase and maps no other byte onto a lowercase letter), else 0.
    private let firstWord: UInt64
    private let firstFold: UInt64
    private let secondWord: UInt64
    private let secondFold: UInt64

    /// Nil when `needle` is empty or not ASCII.
    public init?(_ needle: String) {
        let folded = needle.utf8.map { Self.isUppercase($0) ? $0 | 0x20 : $0 }
        guard !folded.isEmpty, folded.allSatisfy({ $0 < 0x80 }) else { return nil }
        bytes = folded
        // The rarest byte, then the rarest at another offset.
        let byRarity = folded.indices.sorted { (Self.commonness(folded[$0]), $0) < (Self.commonness(folded[$1]), $1) }
        first = byRarity[0]
        second = byRarity.count > 1 ? byRarity[1] : byRarity[0]
        func fold(_ byte: UInt8) -> UInt64 { Self.isLowercase(byte) ? ByteWord.spread(0x20) : 0 }
        firstWord = ByteWord.spread(folded[first])
        firstFold = fold(folded[first])
        secondWord = ByteWord.spread(folded[second])
        secondFold = fold(folded[second])
    }

    /// Whether `text` holds the needle.
    public func isFound(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard text.count >= count, let base = text.baseAddress else { return false }
        let (first, second) = (first, second)
        let (firstWord, firstFold, secondWord, secondFold) = (firstWord, firstFold, secondWord, secondFold)
        var start = 0
        // Eight places at a time while the needle fits after the last of them. A byte of
        // `differences` is zero where both bytes match.
        let lastWord = text.count - count - (ByteWord.width - 1)
        while start <= lastWord {
            let differences = (ByteWord.load(base, start &+ first) | firstFold) ^ firstWord
                | (ByteWord.load(base, start &+ second) | secondFold) ^ secondWord
            var matches = ByteWord.zeroBytes(differences)
            while matches != 0 {
                if isAt(start &+ matches.trailingZeroBitCount / 8, in: base) { return true }
                matches &= matches &- 1
            }
            start &+= ByteWord.width
        }
        while start + count <= text.count {
            if isAt(start, in: base) { return true }
            start += 1
        }
        return false
    }

    /// Whether the needle is at `place`, which leaves room for it.
    @inline(__always)
    private func isAt(_ place: Int, in base: UnsafePointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { needle in
            for k in needle.indices {
                let byte = base[place + k]
                if (Self.isUppercase(byte) ? byte | 0x20 : byte) != needle[k] { return false }
            }
            return true
        }
    }

    @inline(__always)
    private static func isUppercase(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always)
    private static func isLowercase(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

    /// How common a byte is in English news text, roughly: the lower, the rarer. Letters by
    /// their usual frequency order; white space and the commonest punctuation above them all.
    private static func commonness(_ byte: UInt8) -> Int {
        if let rank = letterFrequencyOrder.firstIndex(of: byte) { return 40 + (26 - rank) }
        switch byte {
        case 0x20: return 100
        case UInt8(ascii: ","), UInt8(ascii: "."): return 60
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 30
        default: return 10
        }
    }

    private static let letterFrequencyOrder = Array("etaoinsrhldcumfpgwybvkxjqz".utf8)
}
