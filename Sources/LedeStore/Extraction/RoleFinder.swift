/// Finds the titles and appositions written next to a person: "US Treasury Secretary Steven
/// Mnuchin", "North Korean leader Kim Jong Un", "Mike Pompeo, now Trump’s secretary of state and
/// formerly director of the Central Intelligence Agency".
enum RoleFinder {
    /// The most tokens an apposition's role may have.
    static let longestRole = 14

    /// Adds the roles of the people among `candidates`, whose canonical names are `names`.
    static func find(_ candidates: [Candidate], _ names: [String], _ text: ArticleText, into roles: inout [EntityKey: [String]]) {
        for (candidate, name) in zip(candidates, names) where candidate.kind == .person {
            let key = EntityKey(name: name, kind: .person)
            func add(_ tokens: Range<Int>) {
                guard !tokens.isEmpty else { return }
                let role = Coreference.normalizedSpaces(text.byteRange(tokens), text)
                if roles[key]?.contains(role) != true { roles[key, default: []].append(role) }
            }
            if let role = candidate.role {
                add(role)
            } else if let role = titleBefore(candidate.tokens.lowerBound, text) {
                add(role)
            }
            for role in appositions(after: candidate.tokens.upperBound, text) { add(role) }
        }
    }

    /// "leader" before "Kim Jong Un", widened over the capitalized words and nationality
    /// adjectives before it: "North Korean leader".
    private static func titleBefore(_ index: Int, _ text: ArticleText) -> Range<Int>? {
        let title = index - 1
        guard title >= 0, text.tokens[title].has(.title), text.tokens[title].is(.lowercase),
            text.tokens[title].sentence == text.tokens[index].sentence
        else { return nil }
        var start = title
        while start > 0 {
            let previous = text.tokens[start - 1]
            guard previous.sentence == text.tokens[index].sentence, previous.is(.word),
                previous.is(.capitalized) || previous.has(.title) && previous.is(.lowercase),
                !previous.has(.notName), !text.startsClause(start - 1) || previous.has(.phraseStart)
            else { break }
            start -= 1
        }
        return start..<(title + 1)
    }

    /// The roles in ", now Trump’s secretary of state and formerly director of the CIA,".
    private static func appositions(after index: Int, _ text: ArticleText) -> [Range<Int>] {
        let tokens = text.tokens
        guard index < tokens.count, NameRun.bytesEqual(tokens[index], ",", text) else { return [] }
        let sentence = text.sentences[Int(tokens[index].sentence)]
        var end = index + 1
        while end < sentence.upperBound, end - index <= longestRole * 2 {
            let token = tokens[end]
            if token.is(.punctuation) && !token.is(.apostrophe) && !token.is(.dash) && !token.is(.closingQuote) { break }
            end += 1
        }
        var roles: [Range<Int>] = []
        var start = index + 1
        var k = start
        while k <= end {
            // "and" before an adverb or a role word starts a second role.
            let splits = k == end || (tokens[k].has(.conjunction) && k + 1 < end && tokens[k + 1].has([.roleAdverb, .role, .title]))
            if splits {
                if let role = trimmed(start..<k, text) { roles.append(role) }
                start = k + 1
            }
            k += 1
        }
        return roles
    }

    /// Without leading adverbs, articles and an owner ("Trump’s"); nil unless it holds a role word.
    private static func trimmed(_ range: Range<Int>, _ text: ArticleText) -> Range<Int>? {
        var start = range.lowerBound
        while start < range.upperBound, text.tokens[start].has([.roleAdverb, .article]), text.tokens[start].is(.lowercase) {
            start += 1
        }
        if let possessive = (start..<min(range.upperBound, start + 5)).first(where: { text.tokens[$0].is(.possessive) }),
            (start..<possessive).allSatisfy({ text.tokens[$0].is(.capitalized) || text.tokens[$0].has(.article) })
        {
            start = possessive + 1
        }
        guard start < range.upperBound, range.upperBound - start <= longestRole,
            (start..<min(range.upperBound, start + 5)).contains(where: { text.tokens[$0].has([.role, .title]) })
        else { return nil }
        return start..<range.upperBound
    }
}
