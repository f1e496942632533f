/// Settles the names of an article's candidates: a later "Trump" is the "Donald Trump" named
/// before (or after), an acronym in brackets names the organization before it, and a word
/// tagged only by default takes the kind it was given with strong evidence elsewhere in the
/// article.
enum Coreference {
    static func resolve(_ candidates: inout [Candidate], _ text: ArticleText) {
        candidates.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        removeOverlaps(&candidates)

        // Full names of people by their first and last words, organizations by acronym and first
        // word, and words tagged with strong evidence: hash → index of the candidate.
        var people = SmallMap()
        var organizations = SmallMap()
        var strongSingles = SmallMap()
        for index in candidates.indices {
            let candidate = candidates[index]
            var first = -1
            var last = -1
            var words = 0
            for token in candidate.tokens where text.tokens[token].is(.word) {
                if first < 0 { first = token }
                last = token
                words += 1
            }
            guard first >= 0 else { continue }
            if candidate.kind == .person && words >= 2 {
                candidates[index].name = candidate.name ?? normalizedSpaces(byteRange(candidate, text), text)
                people.add(text.tokens[last].hash, index)
                let firstToken = text.tokens[first]
                if !firstToken.has(.givenName) && !firstToken.is(.initial) { people.add(firstToken.hash, index) }
            }
            if candidate.kind == .organization && candidate.strong {
                candidates[index].name = candidate.name ?? normalizedSpaces(byteRange(candidate, text), text)
                if let acronym = bracketedAcronym(after: candidate.tokens.upperBound, text) {
                    organizations.add(text.tokens[acronym].hash, index)
                }
                // "Magna International", then "Magna".
                let firstToken = text.tokens[first]
                if words >= 2 && !firstToken.has([.commonWord, .phraseStart, .givenName]) { organizations.add(firstToken.hash, index) }
            }
            if words == 1 && candidate.strong && !candidate.adjective && !candidate.tentative {
                strongSingles.add(text.tokens[first].hash, index)
            }
        }

        for index in candidates.indices {
            let candidate = candidates[index]
            guard candidate.tokens.count == 1 else { continue }
            let token = text.tokens[candidate.tokens.lowerBound]
            let overridable = !candidate.strong || candidate.kind == .person
                || (candidate.reason == .gazetteer && candidate.kind != .place)
            let shouted = token.is(.allCaps) && !text.shouting[Int(token.sentence)]
            if overridable, !shouted, let source = people[token.hash] {
                candidates[index].kind = .person
                candidates[index].name = candidates[source].name
                candidates[index].reason = .coreference
            } else if let source = organizations[token.hash] {
                candidates[index].kind = .organization
                candidates[index].name = candidates[source].name
                candidates[index].reason = .acronymDefinition
            } else if !candidate.strong, let source = strongSingles[token.hash] {
                candidates[index].kind = candidates[source].kind
                candidates[index].name = candidates[source].name
                candidates[index].country = candidates[source].country
                candidates[index].reason = .coreference
            } else if candidate.tentative {
                continue
            }
            candidates[index].tentative = false
        }
        candidates.removeAll { $0.tentative }
        nameShortForms(&candidates, text)
        nameAll(&candidates, text)
    }

    /// "Treasury Department" or "Treasury" after "United States Treasury Department": the
    /// longer organization's name, when the shorter one's words lie inside it. The first longer
    /// organization in the article that holds the words wins.
    private static func nameShortForms(_ candidates: inout [Candidate], _ text: ArticleText) {
        let organizations = candidates.indices.filter { candidates[$0].kind == .organization && candidates[$0].reason != .acronymDefinition }
        guard organizations.count > 1 else { return }
        let holders = WordRunHolders(organizations.map { candidates[$0].tokens }, text)
        for short in organizations {
            let shortTokens = candidates[short].tokens
            guard let long = holders.first(holding: shortTokens).map({ organizations[$0] }) else { continue }
            candidates[short].name = candidates[long].name ?? normalizedSpaces(byteRange(candidates[long], text), text)
        }
    }

    static func nameAll(_ candidates: inout [Candidate], _ text: ArticleText) {
        for index in candidates.indices where candidates[index].name == nil {
            candidates[index].name = normalizedSpaces(byteRange(candidates[index], text), text)
        }
    }

    /// The text of `range` with each run of white space (no-break spaces, line breaks) as one space.
    static func normalizedSpaces(_ range: Range<Int>, _ text: ArticleText) -> String {
        let bytes = text.bytes[range]
        guard bytes.contains(where: { $0 >= 0x80 || $0 == 0x0A || $0 == 0x09 }) else { return text.string(range) }
        var result = ""
        var pendingSpace = false
        for scalar in text.string(range).unicodeScalars {
            if TextScanning.isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func byteRange(_ candidate: Candidate, _ text: ArticleText) -> Range<Int> {
        let range = text.byteRange(candidate.tokens)
        return range.lowerBound..<(candidate.byteEnd ?? range.upperBound)
    }

    /// "(OFAC)" right after a name: the token index of the acronym.
    private static func bracketedAcronym(after index: Int, _ text: ArticleText) -> Int? {
        guard index + 2 < text.tokens.count, NameRun.bytesEqual(text.tokens[index], "(", text),
            text.tokens[index + 1].is(.allCaps), NameRun.bytesEqual(text.tokens[index + 2], ")", text)
        else { return nil }
        return index + 1
    }

    private static func removeOverlaps(_ candidates: inout [Candidate]) {
        var end = -1
        candidates.removeAll { candidate in
            if candidate.tokens.lowerBound < end { return true }
            end = candidate.tokens.upperBound
            return false
        }
    }
}

/// Word hashes, each with the candidate that first claimed it. An article names only a handful
/// of people, so a linear search beats a dictionary; past `linearLimit` keys (a long article,
/// or a hostile one) a dictionary takes over, so lookups do not grow with the article.
struct SmallMap {
    static let linearLimit = 32
    private var keys: [UInt64] = []
    private var values: [Int] = []
    private var large: [UInt64: Int] = [:]

    mutating func add(_ key: UInt64, _ value: Int) {
        if keys.count < Self.linearLimit {
            if !keys.contains(key) {
                keys.append(key)
                values.append(value)
            }
        } else if self[key] == nil {
            large[key] = value
        }
    }

    subscript(key: UInt64) -> Int? {
        if let index = keys.firstIndex(of: key) { return values[index] }
        return large.isEmpty ? nil : large[key]
    }
}
