/// Which of a list of token runs is the first to hold a given run of words, longer than it.
///
/// Built once per article from its organizations, so that finding the long form of each short
/// one ("Treasury" in "United States Treasury Department") is a lookup, not a search of every
/// other organization. Each stretch of a run as long as some shorter listed run is entered under
/// a rolling hash of its words, the first run to hold it winning; a lookup compares the words of
/// the stretch it finds, and only if two stretches share a hash searches the runs one by one.
struct WordRunHolders {
    private let runs: [Range<Int>]
    private let text: ArticleText
    /// The hash of a stretch's words and length → its entry in `stretches`.
    private var entries: [UInt64: Int] = [:]
    /// The first stretch entered under each hash: the run (its position in `runs`) that holds
    /// it, where it starts and how many tokens it has.
    private var stretches: [(run: Int, start: Int, count: Int)] = []

    init(_ runs: [Range<Int>], _ text: ArticleText) {
        self.runs = runs
        self.text = text
        // Only stretches as long as a listed run can be asked about; an empty run needs none.
        var lengths = runs.map { $0.count }
        lengths.sort()
        var previous = 0
        lengths.removeAll { length in
            defer { previous = length }
            return length == previous
        }
        // For each length, the weight of the word that leaves a window of that length as it moves on.
        var weight: UInt64 = 1
        var weighed = 1
        let outgoingWeights = lengths.map { length in
            while weighed < length {
                weight = weight &* Self.base
                weighed += 1
            }
            return weight
        }
        let tokens = text.tokens
        for (position, run) in runs.enumerated() {
            for (length, outgoing) in zip(lengths, outgoingWeights) {
                guard length < run.count else { break }
                var hash = hashOfWords(run.lowerBound..<(run.lowerBound + length))
                var start = run.lowerBound
                while true {
                    let key = Self.key(hash, length)
                    if entries[key] == nil {
                        entries[key] = stretches.count
                        stretches.append((position, start, length))
                    }
                    guard start + length < run.upperBound else { break }
                    hash = (hash &- tokens[start].hash &* outgoing) &* Self.base &+ tokens[start + length].hash
                    start += 1
                }
            }
        }
    }

    /// The position in `runs` of the first run longer than `run` that holds its words.
    func first(holding run: Range<Int>) -> Int? {
        guard !run.isEmpty else { return runs.firstIndex { !$0.isEmpty } }
        // No entry: no stretch has these words, so no run holds them.
        guard let entry = entries[Self.key(hashOfWords(run), run.count)] else { return nil }
        let stretch = stretches[entry]
        if stretch.count == run.count && sameWords(run, at: stretch.start) { return stretch.run }
        // Another stretch took the hash first.
        return runs.indices.first { index in
            runs[index].count > run.count && (runs[index].lowerBound...(runs[index].upperBound - run.count)).contains { sameWords(run, at: $0) }
        }
    }

    private static let base: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func key(_ hash: UInt64, _ length: Int) -> UInt64 {
        WordHash.extend(hash, with: UInt64(length))
    }

    /// A polynomial hash of the words' hashes, which a window rolls along a run.
    private func hashOfWords(_ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0
        for index in range { hash = hash &* Self.base &+ text.tokens[index].hash }
        return hash
    }

    /// Whether the tokens from `start` have the words of `run`.
    private func sameWords(_ run: Range<Int>, at start: Int) -> Bool {
        run.indices.allSatisfy { text.tokens[$0].hash == text.tokens[start + $0 - run.lowerBound].hash }
    }
}
