import LedeStore

/// The one-paragraph description of a loaded corpus that `.corpus` and start-up print.
public struct CorpusSummary: Sendable {
    public let corpus: Corpus

    public init(_ corpus: Corpus) {
        self.corpus = corpus
    }

    public var text: String {
        let skipped = corpus.skippedCount
        var lines = [
            "corpus: \(corpus.root)",
            "  \(corpus.articles.count) articles, \(corpus.paragraphs.count) paragraphs, \(corpus.sentences.count) sentences, \(corpus.wordCount) words",
            "  \(corpus.fileCount) files read, \(skipped) skipped",
        ]
        if !corpus.entities.isEmpty {
            lines.append("  \(corpus.entities.count) entities, \(corpus.mentions.count) mentions, \(corpus.quotes.count) quotes, \(corpus.dates.count) dates, \(corpus.links.count) links")
        }
        return lines.joined(separator: "\n")
    }
}
