/// Finds quotations in double quotation marks, curly or straight, and who said them.
///
/// A quote left open at the end of a paragraph continues when the next paragraph opens with a
/// quotation mark, as news style has it; otherwise it ends with its paragraph. The speaker is
/// looked for next to the quote (`“…,” X said`, `“…,” said X`, `X said: “…”`, `according to
/// X`), then, for a partial quote inside a sentence, in the subject of the sentence's speech verb.
enum QuoteFinder {
    /// How far from the quote an attribution may reach, in tokens.
    static let reach = 14

    /// The quotes of the article, with speakers among `candidates`, whose canonical names are `names`.
    static func find(_ candidates: [Candidate], _ names: [String], _ text: ArticleText, paragraphs: [Range<Int>]) -> [ExtractedQuote] {
        var candidates = CandidateLookup(candidates)
        var subjects = SentenceSubjects()
        var quotes: [ExtractedQuote] = []
        let tokens = text.tokens
        var open: Int?
        var i = 0
        while i < tokens.count {
            guard let opened = open else {
                // Outside a quote only a quotation mark matters.
                i = text.firstToken(in: i..<tokens.count) { $0.is(.quoteMark) }
                if i < tokens.count && mark(i, text) == .opening { open = i }
                i += 1
                continue
            }
            let token = tokens[i]
            let paragraph = text.sentenceParagraphs[Int(token.sentence)]
            let startsParagraph = i > 0 && text.sentenceParagraphs[Int(tokens[i - 1].sentence)] != paragraph
            if startsParagraph && paragraph != text.sentenceParagraphs[Int(tokens[opened].sentence)] {
                // A new paragraph opening with a quotation mark continues the quote.
                if mark(i, text) == .opening {
                    i += 1
                    continue
                }
                quotes.append(quote(opened, i - 1, closedAt: nil, &candidates, &subjects, names, text))
                open = nil
                continue
            }
            if token.is(.quoteMark), mark(i, text) == .closing {
                quotes.append(quote(opened, i, closedAt: i, &candidates, &subjects, names, text))
                open = nil
                i += 1
                continue
            }
            // To the end of the sentence the paragraph stays the same: only a quotation mark matters.
            let end = text.sentences[Int(token.sentence)].upperBound
            i += 1
            i = text.firstToken(in: i..<end) { $0.is(.quoteMark) }
        }
        if let opened = open, opened + 1 < tokens.count {
            quotes.append(quote(opened, tokens.count - 1, closedAt: nil, &candidates, &subjects, names, text))
        }
        quotes.removeAll { $0.range.isEmpty }
        return quotes
    }

    private enum Mark { case opening, closing, none }

    /// Double quotation marks only: `“` opens and `”` closes; a straight `"` opens before a word
    /// and closes after one.
    private static func mark(_ i: Int, _ text: ArticleText) -> Mark {
        let token = text.tokens[i]
        guard token.is(.quoteMark) else { return .none }
        let byte = text.bytes[Int(token.start)]
        if byte == 0x22 {
            if token.is(.attached) && i > 0 && !text.tokens[i - 1].is(.quoteMark) && !text.tokens[i - 1].is(.dash) { return .closing }
            return nextAttached(i, text) ? .opening : .closing
        }
        guard token.length == 3 || token.length == 2, byte == 0xE2 || byte == 0xC2 else { return .none }
        let last = text.bytes[Int(token.end) - 1]
        switch last {
        case 0x9C, 0xAB: return .opening  // “ «
        case 0x9D, 0xBB: return .closing  // ” »
        default: return .none
        }
    }

    private static func nextAttached(_ i: Int, _ text: ArticleText) -> Bool {
        i + 1 < text.tokens.count && text.tokens[i + 1].is(.attached) && text.tokens[i + 1].sentence == text.tokens[i].sentence
    }

    /// The quote from the mark at `opened` to the mark at `closedAt` (or to the end of the token
    /// at `last` when it was never closed).
    private static func quote(
        _ opened: Int, _ last: Int, closedAt: Int?, _ candidates: inout CandidateLookup, _ subjects: inout SentenceSubjects,
        _ names: [String], _ text: ArticleText
    ) -> ExtractedQuote {
        let tokens = text.tokens
        let lower = Int(tokens[opened].end)
        var upper = closedAt.map { Int(tokens[$0].start) } ?? Int(tokens[last].end)
        var firstInside = opened + 1
        var lastInside = (closedAt ?? last + 1) - 1
        while upper > lower, [0x20, 0x2C, 0x0A].contains(text.bytes[upper - 1]) { upper -= 1 }
        while firstInside < lastInside, tokens[firstInside].is(.openingQuote) { firstInside += 1 }
        if lastInside > firstInside, NameRun.bytesEqual(tokens[lastInside], ",", text) { lastInside -= 1 }
        let paragraph = text.sentenceParagraphs[Int(tokens[opened].sentence)]
        let (speaker, attribution) = attribution(opened: opened, closed: closedAt, &candidates, &subjects, text)
        return ExtractedQuote(
            range: lower..<max(lower, upper), paragraph: paragraph,
            speaker: speaker.map { EntityKey(name: names[$0], kind: candidates[$0].kind) },
            attribution: attribution.map { Coreference.normalizedSpaces(text.byteRange($0), text) })
    }

    /// The index of the speaker among `candidates`, and the words that attribute the quote.
    private static func attribution(
        opened: Int, closed: Int?, _ candidates: inout CandidateLookup, _ subjects: inout SentenceSubjects, _ text: ArticleText
    ) -> (Int?, Range<Int>?) {
        let tokens = text.tokens
        if let closed, closed + 1 < tokens.count {
            let sentence = text.sentences[Int(tokens[closed].sentence)]
            var start = closed + 1
            while start < sentence.upperBound, NameRun.bytesEqual(tokens[start], ",", text) { start += 1 }
            let limit = min(sentence.upperBound, start + reach)
            if let verb = (start..<limit).first(where: { tokens[$0].has(.speechVerb) && tokens[$0].is(.lowercase) }),
                !(start..<verb).contains(where: { tokens[$0].is(.openingQuote) })
            {
                if verb == start {
                    // “…,” said X
                    if let speaker = candidates.first(startingIn: (verb + 1)..<max(verb + 1, limit), where: isSpeaker) {
                        return (speaker, verb..<candidates[speaker].tokens.upperBound)
                    }
                } else if let speaker = candidates.last(inside: start..<verb, where: isSpeaker) {
                    return (speaker, start..<(verb + 1))
                } else if tokens[start].has(.pronoun), verb == start + 1 {
                    return (candidates.lastPerson(endingBy: opened), start..<(verb + 1))
                }
            }
            if let according = according(from: start, limit: limit, candidates, text) { return according }
        }
        // X said: “…”
        let sentence = text.sentences[Int(tokens[opened].sentence)]
        var before = opened - 1
        while before >= sentence.lowerBound, tokens[before].is(.punctuation), !tokens[before].is(.quoteMark) { before -= 1 }
        if before >= sentence.lowerBound, tokens[before].has(.speechVerb) {
            let window = max(sentence.lowerBound, before - reach)
            if let speaker = candidates.last(inside: window..<max(window, before), where: isSpeaker) {
                return (speaker, candidates[speaker].tokens.lowerBound..<(before + 1))
            }
            if before > sentence.lowerBound, tokens[before - 1].has(.pronoun) {
                return (candidates.lastPerson(endingBy: opened), (before - 1)..<(before + 1))
            }
        }
        if let according = according(from: max(sentence.lowerBound, opened - reach), limit: opened, candidates, text) { return according }
        // A partial quote: the subject of the sentence's speech verb.
        if let found = subjects.subject(ofSentence: Int(tokens[opened].sentence), candidates, text), found.verb < opened,
            let subject = found.subject
        {
            let verb = found.verb
            let words = candidates[subject].tokens
            let range = verb - words.lowerBound < reach ? words.lowerBound..<(verb + 1) : words
            return (subject, range)
        }
        return (nil, nil)
    }

    /// "according to X" between `from` and `limit`.
    private static func according(from: Int, limit: Int, _ candidates: CandidateLookup, _ text: ArticleText) -> (Int, Range<Int>)? {
        guard let word = (from..<limit).first(where: { text.tokens[$0].has(.according) }),
            let speaker = candidates.first(startingIn: (word + 1)..<(word + 7), where: isSpeaker)
        else { return nil }
        return (speaker, word..<candidates[speaker].tokens.upperBound)
    }

    private static func isSpeaker(_ candidate: Candidate) -> Bool {
        !candidate.adjective && (candidate.kind == .person || candidate.kind == .organization)
    }
}

/// The first speech verb of a sentence and the subject before it, worked out once a sentence:
/// a long sentence with many partial quotes is not searched again for each. Quotes are
/// attributed in the order of the text, so keeping the last sentence asked about is enough.
struct SentenceSubjects {
    private var sentence = -1
    /// The verb's token and the index of the first candidate before it that is not an adjective.
    private var found: (verb: Int, subject: Int?)?

    mutating func subject(ofSentence sentence: Int, _ candidates: CandidateLookup, _ text: ArticleText) -> (verb: Int, subject: Int?)? {
        if sentence == self.sentence { return found }
        let tokens = text.sentences[sentence]
        let verb = text.firstToken(in: tokens) { $0.has(.speechVerb) && $0.is(.lowercase) }
        self.sentence = sentence
        found = verb < tokens.upperBound ? (verb, candidates.first(inside: tokens.lowerBound..<verb) { !$0.adjective }) : nil
        return found
    }
}
