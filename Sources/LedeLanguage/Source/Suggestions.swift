import LedeStore

/// "Did you mean …?": the candidate nearest a misspelt name, if it is near enough.
public enum Suggestions {
    /// The closest candidate by edit distance, ignoring case, when at most a third of the
    /// name (and at least one character) differs.
    /// Failing that, a candidate of three or more characters that the name starts with
    /// ("lenght" → "len").
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let key = name.lowercased()
        let limit = max(1, key.count / 3)
        var best: (distance: Int, candidate: String)?
        var prefix: String?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let distance = EditDistance.between(key, lowered, limit: limit)
            if distance <= limit, distance < best?.distance ?? .max { best = (distance, candidate) }
            if lowered.count >= 3, key.hasPrefix(lowered), lowered.count > prefix?.count ?? 0 { prefix = candidate }
        }
        return best?.candidate ?? prefix
    }

    /// `did you mean 'title'?`, or nil.
    public static func help(for name: String, among candidates: some Sequence<String>) -> String? {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }
}
