/// A short excerpt of a text around the first place a search matches, with each match in
/// `[brackets]`: `…condemns US over "evil" push for [sanctions]…`.
public enum Snippet {
    /// The excerpt of `text` around the first match of `query`, or nil when it has none.
    /// `width` is how many words the excerpt holds.
    public static func make(from text: String, matching query: SearchQuery, width: Int = 12) -> String? {
        let items = query.positiveItems.filter { !$0.terms.isEmpty }
        guard !items.isEmpty else { return nil }
        // Terms are compared by their place in this list, not as strings.
        var vocabulary: [[UInt8]] = []
        let phrases: [[Int]] = items.map { item in
            item.terms.map { term in
                let bytes = Array(term.utf8)
                if let known = vocabulary.firstIndex(of: bytes) { return known }
                vocabulary.append(bytes)
                return vocabulary.count - 1
            }
        }
        let longest = phrases.map(\.count).max() ?? 1

        var text = text
        return text.withUTF8 { bytes -> String? in
            var tokenizer = TermTokenizer()
            // For each term read: its place in `vocabulary` (-1 when it is none of the query's),
            // its byte range, and whether it is part of a match.
            var codes: [Int] = []
            var ranges: [Range<Int>] = []
            var matched: [Bool] = []
            var first: Int?
            tokenizer.forEachTerm(in: bytes) { term, range in
                let code = vocabulary.firstIndex { $0.count == term.count && $0.elementsEqual(term) } ?? -1
                codes.append(code)
                ranges.append(range)
                matched.append(false)
                let last = codes.count - 1
                for phrase in phrases where code >= 0 && phrase.count <= codes.count && code == phrase[phrase.count - 1] {
                    let start = codes.count - phrase.count
                    guard codes[start...].elementsEqual(phrase) else { continue }
                    for k in start...last { matched[k] = true }
                    first = min(first ?? start, start)
                }
                // The excerpt ends `width` terms after the first match at the latest; a phrase
                // that starts before that end has been read once `longest` more terms are.
                if let first, codes.count >= first + width + longest { return false }
                return true
            }
            guard let first else { return nil }
            let start = max(0, min(first - width / 4, codes.count - width))
            let end = min(codes.count, start + width)

            var out = start > 0 ? "…" : ""
            var k = start
            while k < end {
                if matched[k] {
                    var last = k
                    while last + 1 < end && matched[last + 1] { last += 1 }
                    out += "[" + slice(bytes, ranges[k].lowerBound..<ranges[last].upperBound) + "]"
                    k = last + 1
                } else {
                    out += slice(bytes, ranges[k])
                    k += 1
                }
                if k < end { out += slice(bytes, ranges[k - 1].upperBound..<ranges[k].lowerBound) }
            }
            if end < codes.count { out += "…" }
            return out
        }
    }

    /// The text of a byte range with runs of white space folded to one space.
    private static func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let part = UnsafeBufferPointer(rebasing: bytes[range])
        let raw = String(decoding: part, as: UTF8.self)
        guard mayHoldBreak(part), raw.contains(where: { $0.isNewline || $0 == "\t" }) else { return raw }
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            + (raw.last?.isWhitespace == true ? " " : "")
    }

    /// False when `bytes` certainly hold no tab and no line break: none of the ASCII ones
    /// (tab to carriage return) and no byte that starts NEL, LS or PS (0xC2, 0xE2).
    private static func mayHoldBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { (0x09...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
    }
}
