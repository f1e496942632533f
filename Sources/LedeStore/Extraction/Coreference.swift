/// Settles the names of an article's candidates: a later "Trump" is the "Donald Trump" named
/// before (or after), an acronym in brackets names the organization before it, and a word
/// tagged only by default takes the kind it was given with strong evidence elsewhere in the
/// article.
enum Coreference {
    /// The maps `resolve` fills for each article, kept in an `ExtractionWorkspace`.
    struct Maps: Sendable {
        var people = SmallMap()
        var organizations = SmallMap()
        var strongSingles = SmallMap()
    }

    static func resolve(_ candidates: inout [Candidate], _ text: ArticleText, maps: inout Maps) {
        candidates.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        removeOverlaps(&candidates)

        // Full names of people by their first and last words, organizations by acronym and first
        // word, and words tagged with strong evidence: hash → index of the candidate.
        maps.people.removeAll(reservingCapacity: 2 * candidates.count)
        maps.organizations.removeAll(reservingCapacity: 2 * candidates.count)
        maps.strongSingles.removeAll(reservingCapacity: candidates.count)
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
                candidates[index].name = candidate.name ?? .text(byteRange(candidate, text))
                maps.people.add(text.tokens[last].hash, index)
                let firstToken = text.tokens[first]
                if !firstToken.has(.givenName) && !firstToken.is(.initial) { maps.people.add(firstToken.hash, index) }
            }
            if candidate.kind == .organization && candidate.strong {
                candidates[index].name = candidate.name ?? .text(byteRange(candidate, text))
                if let acronym = bracketedAcronym(after: candidate.tokens.upperBound, text) {
                    maps.organizations.add(text.tokens[acronym].hash, index)
                }
                // "Magna International", then "Magna".
                let firstToken = text.tokens[first]
                if words >= 2 && !firstToken.has([.commonWord, .phraseStart, .givenName]) { maps.organizations.add(firstToken.hash, index) }
            }
            if words == 1 && candidate.strong && !candidate.adjective && !candidate.tentative {
                maps.strongSingles.add(text.tokens[first].hash, index)
            }
        }

        for index in candidates.indices {
            let candidate = candidates[index]
            guard candidate.tokens.count == 1 else { continue }
            let token = text.tokens[candidate.tokens.lowerBound]
            let overridable = !candidate.strong || candidate.kind == .person
                || (candidate.reason == .gazetteer && candidate.kind != .place)
            let shouted = token.is(.allCaps) && !text.shouting[Int(token.sentence)]
            if overridable, !shouted, let source = maps.people[token.hash] {
                candidates[index].kind = .person
                candidates[index].name = candidates[source].name
                candidates[index].reason = .coreference
            } else if let source = maps.organizations[token.hash] {
                candidates[index].kind = .organization
                candidates[index].name = candidates[source].name
                candidates[index].reason = .acronymDefinition
            } else if !candidate.strong, let source = maps.strongSingles[token.hash] {
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

    /// Up to this many organizations, `nameShortForms` compares each with each.
    static let fewOrganizations = 32

    /// "Treasury Department" or "Treasury" after "United States Treasury Department": the
    /// longer organization's name, when the shorter one's words lie inside it. The first longer
    /// organization in the article that holds the words wins.
    private static func nameShortForms(_ candidates: inout [Candidate], _ text: ArticleText) {
        func isOrganization(_ index: Int) -> Bool {
            candidates[index].kind == .organization && candidates[index].reason != .acronymDefinition
        }
        let count = candidates.indices.count(where: isOrganization)
        guard count > 1 else { return }
        if count > fewOrganizations {
            nameShortFormsByIndex(&candidates, text, organizations: candidates.indices.filter(isOrganization))
            return
        }
        // A few organizations, as most articles have: each compared with each is cheaper than an index.
        for short in candidates.indices where isOrganization(short) {
            let shortTokens = candidates[short].tokens
            for long in candidates.indices where isOrganization(long) && candidates[long].tokens.count > shortTokens.count {
                let longTokens = candidates[long].tokens
                let fits = (longTokens.lowerBound...(longTokens.upperBound - shortTokens.count)).contains { start in
                    zip(shortTokens, start...).allSatisfy { text.tokens[$0].hash == text.tokens[$1].hash }
                }
                if fits {
                    candidates[short].name = candidates[long].name ?? .text(byteRange(candidates[long], text))
                    break
                }
            }
        }
    }

    /// `nameShortForms` for an article of many organizations (a long one, or a hostile one): the
    /// longer organization holding each one's words is looked up, not searched for.
    private static func nameShortFormsByIndex(_ candidates: inout [Candidate], _ text: ArticleText, organizations: [Int]) {
        let holders = WordRunHolders(organizations.map { candidates[$0].tokens }, text)
        for short in organizations {
            guard let long = holders.first(holding: candidates[short].tokens).map({ organizations[$0] }) else { continue }
            candidates[short].name = candidates[long].name ?? .text(byteRange(candidates[long], text))
        }
    }

    static func nameAll(_ candidates: inout [Candidate], _ text: ArticleText) {
        for index in candidates.indices where candidates[index].name == nil {
            candidates[index].name = .text(byteRange(candidates[index], text))
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
/// of people, so a linear search beats a dictionary; past `linearLimit` keys (a long article, or
/// a hostile one) a dictionary takes the rest, so lookups do not grow with the article.
struct SmallMap: Sendable {
    static let linearLimit = 32
    private var entries: [(key: UInt64, value: Int)] = []
    private var large: [UInt64: Int] = [:]

    /// Empties the map, keeping the memory of its linear part, and makes room for `capacity` entries.
    mutating func removeAll(reservingCapacity capacity: Int) {
        entries.removeAll(keepingCapacity: true)
        entries.reserveCapacity(min(capacity, Self.linearLimit))
        // Only articles with many names fill the dictionary: its memory is not kept for the next.
        if !large.isEmpty { large = [:] }
    }

    mutating func add(_ key: UInt64, _ value: Int) {
        if entries.count < Self.linearLimit {
            if !entries.contains(where: { $0.key == key }) { entries.append((key, value)) }
        } else if self[key] == nil {
            large[key] = value
        }
    }

    subscript(key: UInt64) -> Int? {
        if let entry = entries.first(where: { $0.key == key }) { return entry.value }
        return large.isEmpty ? nil : large[key]
    }
}
