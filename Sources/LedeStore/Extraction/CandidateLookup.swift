/// An article's candidates once coreference has settled them (sorted by their first token, none
/// overlapping), searched by position: a binary search finds where a window of tokens starts,
/// and only the candidates inside the window are looked at. Attributing each quote of a long
/// article then costs the size of its window, not the number of candidates before it.
struct CandidateLookup {
    let candidates: [Candidate]
    /// For each candidate, the index of the last person at or before it.
    private let lastPersonThrough: [Int?]

    init(_ candidates: [Candidate]) {
        self.candidates = candidates
        var lastPerson: Int?
        lastPersonThrough = candidates.indices.map { index in
            if candidates[index].kind == .person { lastPerson = index }
            return lastPerson
        }
    }

    /// The index of the first candidate whose first token is at or after `token`.
    func firstIndex(startingAtOrAfter token: Int) -> Int {
        var low = 0
        var high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle].tokens.lowerBound < token { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first candidate whose first token lies in `tokens` and that satisfies `predicate`.
    func first(startingIn tokens: Range<Int>, where predicate: (Candidate) -> Bool) -> Candidate? {
        var index = firstIndex(startingAtOrAfter: tokens.lowerBound)
        while index < candidates.count, candidates[index].tokens.lowerBound < tokens.upperBound {
            if predicate(candidates[index]) { return candidates[index] }
            index += 1
        }
        return nil
    }

    /// The first or last candidate wholly inside `tokens` that satisfies `predicate`.
    func candidate(inside tokens: Range<Int>, last: Bool, where predicate: (Candidate) -> Bool) -> Candidate? {
        var index = firstIndex(startingAtOrAfter: tokens.lowerBound)
        var found: Candidate?
        // Candidates do not overlap, so their ends grow with their starts.
        while index < candidates.count, candidates[index].tokens.upperBound <= tokens.upperBound {
            if predicate(candidates[index]) {
                found = candidates[index]
                if !last { break }
            }
            index += 1
        }
        return found
    }

    /// The last person that ends at or before `token`.
    func lastPerson(endingBy token: Int) -> Candidate? {
        var index = firstIndex(startingAtOrAfter: token) - 1
        if index >= 0, candidates[index].tokens.upperBound > token { index -= 1 }
        guard index >= 0, let person = lastPersonThrough[index] else { return nil }
        return candidates[person]
    }
}
