/// Finds a wire dateline at the start of an article: "TOKYO, March 3 -", "SALVADOR, Feb 26 -",
/// "NEW YORK (Reuters) -", or a line holding only a place in capitals and a date
/// ("LONDON 1996-08-30").
enum DatelineFinder {
    /// The place's candidate, if the article opens with a dateline.
    static func find(_ text: ArticleText) -> Candidate? {
        for sentence in text.sentences.prefix(2) {
            if let candidate = find(in: sentence, text) { return candidate }
        }
        return nil
    }

    private static func find(in sentence: Range<Int>, _ text: ArticleText) -> Candidate? {
        let tokens = text.tokens
        var end = sentence.lowerBound
        while end < sentence.upperBound, end - sentence.lowerBound < 4, tokens[end].is(.word), tokens[end].is(.allCaps) || tokens[end].is(.dotted) {
            end += 1
        }
        guard end > sentence.lowerBound, end < sentence.upperBound else { return nil }
        let place = sentence.lowerBound..<end
        var next = end
        // The comma before the date, and a state or country after the city ("MILWAUKEE, Wisconsin").
        if NameRun.bytesEqual(tokens[next], ",", text) {
            next += 1
            var region = next
            while region < sentence.upperBound, region - next < 3, tokens[region].is(.capitalized), !tokens[region].has([.month, .weekday]) {
                region += 1
            }
            if region > next, region < sentence.upperBound, tokens[region].is(.number) || NameRun.bytesEqual(tokens[region], ",", text) {
                next = NameRun.bytesEqual(tokens[region], ",", text) ? region + 1 : region
            }
        }
        guard next < sentence.upperBound else { return nil }
        let after = tokens[next]
        let isDate = after.has(.month) || after.has(.weekday) || (after.is(.number) && after.length == 10)
        let isAgency = NameRun.bytesEqual(after, "(", text) || after.is(.dash)
        guard isDate || isAgency else { return nil }
        // Only a line like "LONDON 1996-08-30" may stand alone; otherwise a dash must follow the date.
        if after.is(.number) && next + 1 < sentence.upperBound && after.length == 10 { return nil }
        if after.has(.month) || after.has(.weekday) {
            guard (next + 1..<min(next + 5, sentence.upperBound)).contains(where: { tokens[$0].is(.dash) }) else { return nil }
        }
        var hash = tokens[place.lowerBound].hash
        for index in place.dropFirst() { hash = WordHash.extend(hash, with: tokens[index].hash) }
        let known = text.gazetteer.phrase(hash)
        // "SOCCER - ..." is a slug, not a dateline: a place right before a dash must be known.
        if after.is(.dash) && known?.kind != .place { return nil }
        var candidate: Candidate
        if let phrase = known, phrase.kind == .place {
            candidate = Candidate(
                place, .place, name: .gazetteer(phrase.name), country: phrase.country, strong: true, .dateline)
        } else {
            candidate = Candidate(place, .place, name: .titleCased(text.byteRange(place)), strong: true, .dateline)
        }
        candidate.reason = .dateline
        return candidate
    }

    /// "NEW YORK" → "New York".
    static func titleCased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return titleCased(String(decoding: bytes, as: UTF8.self)) }
        return String(unsafeUninitializedCapacity: bytes.count) { result in
            var startOfWord = true
            for (index, byte) in bytes.enumerated() {
                let isLetter = (byte | 0x20) &- 0x61 < 26
                result[index] = isLetter ? (startOfWord ? byte & 0xDF : byte | 0x20) : byte
                startOfWord = !isLetter
            }
            return bytes.count
        }
    }

    static func titleCased(_ text: String) -> String {
        var result = ""
        var startOfWord = true
        for character in text {
            result += startOfWord ? character.uppercased() : character.lowercased()
            startOfWord = !character.isLetter
        }
        return result
    }
}
