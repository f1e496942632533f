/// Which of a list of token runs holds a given run of words: for each run of words that
/// appears inside some listed run, the first listed run of each length that holds it.
///
/// Built once per article from its organizations, so that finding the long form of each short
/// one ("Treasury" in "United States Treasury Department") is a lookup, not a search of every
/// other organization.
struct WordRunHolders {
    private let text: ArticleText
    /// The word hashes of a run → for each length of holder, the first holder of that length.
    private var holders: [[UInt64]: [Int: Int]] = [:]

    init(_ runs: [Range<Int>], _ text: ArticleText) {
        self.text = text
        // Only runs as long as a listed run can be asked about.
        let lengths = Set(runs.map(\.count))
        for (position, run) in runs.enumerated() {
            let hashes = run.map { text.tokens[$0].hash }
            for length in lengths where length < run.count {
                for start in 0...(run.count - length) {
                    let key = Array(hashes[start..<(start + length)])
                    if holders[key, default: [:]][run.count] == nil { holders[key, default: [:]][run.count] = position }
                }
            }
        }
    }

    /// The position of the first listed run longer than `run` that holds its words.
    func first(holding run: Range<Int>) -> Int? {
        guard let byLength = holders[run.map { text.tokens[$0].hash }] else { return nil }
        return byLength.filter { $0.key > run.count }.values.min()
    }
}
