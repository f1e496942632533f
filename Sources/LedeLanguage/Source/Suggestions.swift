import LedeStore

/// "Did you mean …?": the candidate nearest a misspelt name, if it is near enough.
public enum Suggestions {
    /// The closest candidate by edit distance, ignoring case, when at most a third of the
    /// name (and at least one character) differs.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let key = name.lowercased()
        let limit = max(1, key.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = EditDistance.between(key, candidate.lowercased(), limit: limit)
            guard distance <= limit else { continue }
            if distance < best?.distance ?? .max { best = (distance, candidate) }
        }
        return best?.candidate
    }

    /// `did you mean 'title'?`, or nil.
    public static func help(for name: String, among candidates: some Sequence<String>) -> String? {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }
}
