/// A short excerpt of a text around the first place a search matches, with each match in
/// `[brackets]`: `…condemns US over "evil" push for [sanctions]…`.
public enum Snippet {
    /// The excerpt of `text` around the first match of `query`, or nil when it has none.
    /// `width` is how many words the excerpt holds.
    public static func make(from text: String, matching query: SearchQuery, width: Int = 12) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var tokenizer = TermTokenizer()
            var terms: [String] = []
            var ranges: [Range<Int>] = []
            tokenizer.forEachTerm(in: bytes) { term, range in
                terms.append(String(decoding: term, as: UTF8.self))
                ranges.append(range)
            }
            // Mark every token that is part of a match.
            var matched = [Bool](repeating: false, count: terms.count)
            for item in query.positiveItems {
                let length = item.terms.count
                guard length <= terms.count else { continue }
                for start in 0...(terms.count - length) where terms[start] == item.terms[0] {
                    if (1..<length).allSatisfy({ terms[start + $0] == item.terms[$0] }) {
                        for k in start..<(start + length) { matched[k] = true }
                    }
                }
            }
            guard let first = matched.firstIndex(of: true) else { return nil }
            let start = max(0, min(first - width / 4, terms.count - width))
            let end = min(terms.count, start + width)

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
            if end < terms.count { out += "…" }
            return out
        }
    }

    /// The text of a byte range with runs of white space folded to one space.
    private static func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard raw.contains(where: { $0.isNewline || $0 == "\t" }) else { return raw }
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            + (raw.last?.isWhitespace == true ? " " : "")
    }
}
