import Foundation

/// Splits text into index terms the way SQLite FTS5's `unicode61` tokenizer does, so counts agree
/// with it: a term is a run of letters, digits and private-use characters; everything else
/// separates terms; terms are lowercased and stripped of diacritics ("Pyöngyang's" gives
/// `pyongyang` and `s`). Combining marks inside a run are dropped rather than splitting it.
struct TermTokenizer {
    /// Folded UTF-8 of each non-ASCII scalar seen so far; empty for a combining mark.
    private var foldCache: [UInt32: [UInt8]] = [:]
    private var term: [UInt8] = []

    init() {
        term.reserveCapacity(64)
    }

    /// Calls `body` with each term's folded bytes and its byte range in `bytes`.
    mutating func forEachTerm(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        var i = 0
        var start = -1
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                if let folded = Self.asciiFold[Int(byte)] {
                    if start < 0 { start = i; term.removeAll(keepingCapacity: true) }
                    term.append(folded)
                } else if start >= 0 {
                    emit(start..<i, body)
                    start = -1
                }
                i += 1
                continue
            }
            let (scalar, length) = TextScanning.decode(bytes, at: i)
            let folded = fold(scalar)
            if let folded {
                if start < 0 { start = i; term.removeAll(keepingCapacity: true) }
                term.append(contentsOf: folded)
            } else if start >= 0 {
                emit(start..<i, body)
                start = -1
            }
            i += length
        }
        if start >= 0 { emit(start..<count, body) }
    }

    private mutating func emit(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        guard !term.isEmpty else { return }
        term.withUnsafeBufferPointer { body($0, range) }
    }

    /// The folded bytes of a term character, or nil for a separator.
    private mutating func fold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        if let cached = foldCache[scalar.value] { return cached.isEmpty && !isMark(scalar) ? nil : cached }
        let folded: [UInt8]
        if isMark(scalar) {
            folded = []
        } else if TextScanning.isWordCharacter(scalar) {
            var out: [UInt8] = []
            for lower in String(scalar).lowercased().unicodeScalars {
                for part in lower.canonicalDecomposition where !isMark(part) {
                    out.append(contentsOf: String(part).utf8)
                }
            }
            folded = out
        } else {
            folded = []
        }
        foldCache[scalar.value] = folded
        return folded.isEmpty && !isMark(scalar) ? nil : folded
    }

    private func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark
    }

    /// Lowercase for ASCII letters and digits, nil for ASCII separators.
    private static let asciiFold: [UInt8?] = (0..<128).map { (b: Int) -> UInt8? in
        switch b {
        case 0x30...0x39, 0x61...0x7A: UInt8(b)
        case 0x41...0x5A: UInt8(b + 0x20)
        default: nil
        }
    }

    /// The folded terms of `text`, as Strings (for queries; indexing uses the bytes).
    static func terms(of text: String) -> [String] {
        var tokenizer = TermTokenizer()
        var terms: [String] = []
        var text = text
        text.withUTF8 { bytes in
            tokenizer.forEachTerm(in: bytes) { term, _ in terms.append(String(decoding: term, as: UTF8.self)) }
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
