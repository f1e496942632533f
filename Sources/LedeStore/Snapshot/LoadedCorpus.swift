/// A corpus, where it came from, and what the person should know about how it loaded.
public struct LoadedCorpus: Sendable {
    public enum Origin: Sendable, Equatable {
        /// Read, parsed, indexed and extracted from the corpus files.
        case files
        /// Read from the snapshot at this path.
        case snapshot(String)
    }

    public var corpus: Corpus
    public var origin: Origin
    /// One line each: a snapshot that could not be used or saved.
    public var notes: [String]

    public init(corpus: Corpus, origin: Origin = .files, notes: [String] = []) {
        self.corpus = corpus
        self.origin = origin
        self.notes = notes
    }
}
