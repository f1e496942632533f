/// An article's candidates once coreference has settled them (sorted by their first token, none
/// overlapping), searched by position: a binary search finds where a window of tokens starts,
/// and only the candidates inside the window are looked at. Attributing each quote of a long
/// article then costs the size of its window, not the number of candidates before it.
///
/// Answers are indices into `candidates`, the indices of the names `Coreference` settled.
struct CandidateLookup {
    let candidates: [Candidate]
    /// For each candidate, the index of the last person at or before it (-1 for none); filled
    /// the first time `lastPerson` is asked, since most articles never ask.
    private var lastPersonThrough: [Int] = []

    init(_ candidates: [Candidate]) {
        self.candidates = candidates
    }

    subscript(index: Int) -> Candidate { candidates[index] }

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
    func first(startingIn tokens: Range<Int>, where predicate: (Candidate) -> Bool) -> Int? {
        var index = firstIndex(startingAtOrAfter: tokens.lowerBound)
        while index < candidates.count, candidates[index].tokens.lowerBound < tokens.upperBound {
            if predicate(candidates[index]) { return index }
            index += 1
        }
        return nil
    }

    /// The first candidate wholly inside `tokens` that satisfies `predicate`.
    func first(inside tokens: Range<Int>, where predicate: (Candidate) -> Bool) -> Int? {
        var index = firstIndex(startingAtOrAfter: tokens.lowerBound)
        // Candidates do not overlap, so their ends grow with their starts.
        while index < candidates.count, candidates[index].tokens.upperBound <= tokens.upperBound {
            if predicate(candidates[index]) { return index }
            index += 1
        }
        return nil
    }

    /// The last candidate wholly inside `tokens` that satisfies `predicate`.
    func last(inside tokens: Range<Int>, where predicate: (Candidate) -> Bool) -> Int? {
        var index = firstIndex(startingAtOrAfter: tokens.lowerBound)
        var found: Int?
        while index < candidates.count, candidates[index].tokens.upperBound <= tokens.upperBound {
            if predicate(candidates[index]) { found = index }
            index += 1
        }
        return found
    }

    /// The last person that ends at or before `token`.
    mutating func lastPerson(endingBy token: Int) -> Int? {
        var index = firstIndex(startingAtOrAfter: token) - 1
        if index >= 0, candidates[index].tokens.upperBound > token { index -= 1 }
        guard index >= 0 else { return nil }
        if lastPersonThrough.isEmpty {
            lastPersonThrough.reserveCapacity(candidates.count)
            var lastPerson = -1
            for candidate in candidates.indices {
                if candidates[candidate].kind == .person { lastPerson = candidate }
                lastPersonThrough.append(lastPerson)
            }
        }
        let person = lastPersonThrough[index]
        return person >= 0 ? person : nil
    }
}
