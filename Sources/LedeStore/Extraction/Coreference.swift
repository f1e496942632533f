/// Settles the names of an article's candidates: a later "Trump" is the "Donald Trump" named
/// before (or after), an acronym in brackets names the organization before it, and a word
/// tagged only by default takes the kind it was given with strong evidence elsewhere in the
/// article.
enum Coreference {
    static func resolve(_ candidates: inout [Candidate], _ text: ArticleText) {
        candidates.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        removeOverlaps(&candidates)

        // Full names of people, by their first and last words.
        var people: [UInt64: String] = [:]
        var organizations: [UInt64: String] = [:]
        var strongSingles: [UInt64: (EntityKind, String?, String?)] = [:]
        for index in candidates.indices {
            let candidate = candidates[index]
            let words = candidate.tokens.filter { text.tokens[$0].is(.word) }
            guard let first = words.first, let last = words.last else { continue }
            if candidate.kind == .person && words.count >= 2 {
                let name = candidate.name ?? normalizedSpaces(byteRange(candidate, text), text)
                candidates[index].name = name
                if people[text.tokens[last].hash] == nil { people[text.tokens[last].hash] = name }
                let firstToken = text.tokens[first]
                if !firstToken.has(.givenName) && !firstToken.is(.initial) && people[firstToken.hash] == nil {
                    people[firstToken.hash] = name
                }
            }
            if candidate.kind == .organization && candidate.strong {
                let name = candidate.name ?? normalizedSpaces(byteRange(candidate, text), text)
                candidates[index].name = name
                if let acronym = bracketedAcronym(after: candidate.tokens.upperBound, text) {
                    organizations[text.tokens[acronym].hash] = name
                }
            }
            if words.count == 1 && candidate.strong && !candidate.adjective && !candidate.tentative {
                strongSingles[text.tokens[first].hash] = (candidate.kind, candidate.name, candidate.country)
            }
        }

        for index in candidates.indices {
            let candidate = candidates[index]
            guard candidate.tokens.count == 1 || candidate.tokens.allSatisfy({ text.tokens[$0].is(.word) }) else { continue }
            guard candidate.tokens.count == 1 || candidate.kind == .person && candidate.name == nil else { continue }
            let hash = text.tokens[candidate.tokens.lowerBound].hash
            let overridable = !candidate.strong || candidate.kind == .person
                || (candidate.reason == .gazetteer && candidate.kind != .place)
            let shouted = text.tokens[candidate.tokens.lowerBound].is(.allCaps)
            if let name = people[hash], overridable, !shouted, candidate.tokens.count == 1 {
                candidates[index].kind = .person
                candidates[index].name = name
                candidates[index].reason = .coreference
            } else if let name = organizations[hash], candidate.tokens.count == 1 {
                candidates[index].kind = .organization
                candidates[index].name = name
                candidates[index].reason = .acronymDefinition
            } else if !candidate.strong, candidate.tokens.count == 1, let (kind, name, country) = strongSingles[hash] {
                candidates[index].kind = kind
                candidates[index].name = name
                candidates[index].country = country
                candidates[index].reason = .coreference
            } else if candidate.tentative {
                continue
            }
            candidates[index].tentative = false
        }
        candidates.removeAll { $0.tentative }
        nameAll(&candidates, text)
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
