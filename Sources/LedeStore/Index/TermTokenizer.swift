import Foundation

/// Splits text into index terms the way SQLite FTS5's `unicode61` tokenizer does, so counts agree
/// with it: a term is a run of letters, digits and private-use characters; everything else
/// separates terms; terms are lowercased and stripped of diacritics ("Pyöngyang's" gives
/// `pyongyang` and `s`). Combining marks inside a run are dropped rather than splitting it.
struct TermTokenizer {
    /// What a non-ASCII scalar does inside a term.
    private enum Fold {
        case separator
        /// A combining mark: part of the term, folded away.
        case dropped
        case bytes([UInt8])
    }

    private var foldCache: [UInt32: Fold] = [:]
    /// The term being read; terms longer than `maximumTermLength` bytes are cut there.
    private let term = TermBuffer()
    static let maximumTermLength = 255
    /// Lowercase for ASCII letters and digits, 0 for ASCII separators.
    private static let asciiFold: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        switch b {
        case 0x30...0x39, 0x61...0x7A: UInt8(b)
        case 0x41...0x5A: UInt8(b + 0x20)
        default: 0
        }
    }

    init() {}

    /// Calls `body` with each term's folded bytes and its byte range in `bytes`, until it
    /// returns false.
    mutating func forEachTerm(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) {
        var space = false
        _ = forEachTerm(in: bytes, 0..<bytes.count, space: &space) { term, range, _ in body(term, range) }
    }

    /// Finds the same terms as `forEachTerm(in:_:)`, taking those the extractor's tokenizer
    /// already read from `words` instead of reading their bytes again: each `.plain` token, a
    /// run of ASCII letters and digits, is a term as it stands when ASCII that separates terms
    /// surrounds it. `body` gets such a term's bytes as the text has them, not yet lowercased,
    /// with the token's `WordHash.word` (the hash of its lowercase); other terms come folded,
    /// with no hash. The bytes between those tokens are read as usual.
    ///
    /// `spaceBefore` says whether white space (`TextScanning.isSpace`) lies between a term and
    /// the one before it (before the first, whether the text starts with white space): the
    /// bytes between terms are read here anyway, so counting words needs no second look.
    mutating func forEachTerm(
        in bytes: UnsafeBufferPointer<UInt8>, reading words: UnsafeBufferPointer<Token>,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, _ wordHash: UInt64?, _ spaceBefore: Bool) -> Bool
    ) {
        Self.asciiFold.withUnsafeBufferPointer { table in
            @inline(__always) func separates(_ i: Int) -> Bool {
                i < 0 || i >= bytes.count || (bytes[i] < 0x80 && table[Int(bytes[i])] == 0)
            }
            var read = 0
            // Whether white space came since the last term, or since the start.
            var space = false
            for word in words where word.is(.plain) {
                let range = Int(word.start)..<Int(word.end)
                guard range.lowerBound >= read, range.upperBound <= bytes.count, !range.isEmpty,
                    range.count <= Self.maximumTermLength, separates(range.lowerBound - 1), separates(range.upperBound)
                else { continue }
                // Most gaps between words are a space or a punctuation mark and a space.
                var gap = read
                while gap < range.lowerBound && separates(gap) {
                    if TextScanning.isASCIISpace(bytes[gap]) { space = true }
                    gap += 1
                }
                if gap < range.lowerBound {
                    guard forEachTerm(in: bytes, gap..<range.lowerBound, space: &space, { body($0, $1, nil, $2) }) else { return }
                }
                guard body(UnsafeBufferPointer(rebasing: bytes[range]), range, word.hash, space) else { return }
                space = false
                read = range.upperBound
            }
            _ = forEachTerm(in: bytes, read..<bytes.count, space: &space) { body($0, $1, nil, $2) }
        }
    }

    /// The terms of `bytes[range]`, whose ends must not cut a term; false when `body` said to
    /// stop. `space` says whether white space came since the last term: `body` gets it with
    /// each term, which clears it.
    private mutating func forEachTerm(
        in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, space: inout Bool,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, _ spaceBefore: Bool) -> Bool
    ) -> Bool {
        var i = range.lowerBound
        var start = -1
        let count = range.upperBound
        let table = Self.asciiFold
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                if table[Int(byte)] != 0 {
                    if start < 0 { start = i; term.count = 0 }
                    i = term.appendFolded(bytes, from: i, to: count, table)
                } else {
                    if start >= 0 {
                        guard emit(start..<i, space: &space, body) else { return false }
                        start = -1
                    }
                    if TextScanning.isASCIISpace(byte) { space = true }
                    i += 1
                }
                continue
            }
            let (scalar, length) = TextScanning.decode(bytes, at: i)
            switch fold(scalar) {
            case .bytes(let folded):
                if start < 0 { start = i; term.count = 0 }
                for byte in folded { term.append(byte) }
            case .dropped:
                if start < 0 { start = i; term.count = 0 }
            case .separator:
                if start >= 0 {
                    guard emit(start..<i, space: &space, body) else { return false }
                    start = -1
                }
                if TextScanning.isSpace(scalar) { space = true }
            }
            i += length
        }
        if start >= 0 { return emit(start..<count, space: &space, body) }
        return true
    }

    /// Hands the term read to `body`; false when it says to stop.
    private func emit(
        _ range: Range<Int>, space: inout Bool, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, _ spaceBefore: Bool) -> Bool
    ) -> Bool {
        guard term.count > 0 else { return true }
        defer { space = false }
        return body(UnsafeBufferPointer(start: term.bytes, count: term.count), range, space)
    }

    private mutating func fold(_ scalar: Unicode.Scalar) -> Fold {
        if let cached = foldCache[scalar.value] { return cached }
        let fold: Fold
        if scalar.properties.generalCategory == .nonspacingMark {
            fold = .dropped
        } else if TextScanning.isWordCharacter(scalar) {
            var out: [UInt8] = []
            for lower in String(scalar).lowercased().unicodeScalars {
                for part in lower.canonicalDecomposition where part.properties.generalCategory != .nonspacingMark {
                    out.append(contentsOf: String(part).utf8)
                }
            }
            fold = out.isEmpty ? .dropped : .bytes(out)
        } else {
            fold = .separator
        }
        foldCache[scalar.value] = fold
        return fold
    }

    /// The folded terms of `text`, as Strings (for queries; indexing uses the bytes).
    static func terms(of text: String) -> [String] {
        var tokenizer = TermTokenizer()
        return tokenizer.terms(of: text[...])
    }

    /// The folded terms of `text`, from a tokenizer that a query's several words share.
    mutating func terms(of text: Substring) -> [String] {
        var terms: [String] = []
        var text = text
        text.withUTF8 { bytes in
            forEachTerm(in: bytes) { term, _ in
                terms.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        return terms
    }
}

extension Unicode.Scalar {
    /// The scalars of this scalar's canonical decomposition (itself when it has none).
    var canonicalDecomposition: String.UnicodeScalarView {
        String(self).decomposedStringWithCanonicalMapping.unicodeScalars
    }
}

/// The bytes of the term being read: a fixed buffer, so appending a byte costs no checks.
final class TermBuffer {
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: TermTokenizer.maximumTermLength)
    var count = 0

    @inline(__always)
    func append(_ byte: UInt8) {
        guard count < TermTokenizer.maximumTermLength else { return }
        bytes[count] = byte
        count += 1
    }

    /// Appends the folded run of ASCII letters and digits that starts at `start`, and returns
    /// where it ends, at `end` at the latest. Most of a text is such runs, so they are read in
    /// a loop of their own, with the count kept in a register.
    @inline(__always)
    func appendFolded(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ table: [UInt8]) -> Int {
        var i = start
        var count = self.count
        table.withUnsafeBufferPointer { table in
            while i < end {
                let byte = text[i]
                guard byte < 0x80 else { break }
                let folded = table[Int(byte)]
                guard folded != 0 else { break }
                if count < TermTokenizer.maximumTermLength {
                    bytes[count] = folded
                    count += 1
                }
                i += 1
            }
        }
        self.count = count
        return i
    }

    deinit {
        bytes.deallocate()
    }
}
