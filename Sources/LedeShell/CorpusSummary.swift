import Foundation
import LedeStore

/// The one-paragraph description of a loaded corpus that `.corpus` and start-up print.
public struct CorpusSummary: Sendable {
    public let corpus: Corpus

    public init(_ corpus: Corpus) {
        self.corpus = corpus
    }

    /// `1 article from seeds, 11 paragraphs, 404 words, 12 entities`.
    public var oneLine: String {
        let articles = corpus.articles.count
        var text = "\(articles) article\(articles == 1 ? "" : "s") from \(roots)"
        text += ", \(corpus.paragraphs.count) paragraphs, \(corpus.wordCount) words"
        if !corpus.entities.isEmpty { text += ", \(corpus.entities.count) entities" }
        if corpus.skippedCount > 0 { text += ", \(corpus.skippedCount) skipped" }
        return text
    }

    /// The corpus's files or folders, relative to the current folder when they are inside it.
    var roots: String {
        let current = FileManager.default.currentDirectoryPath
        return corpus.roots.map { root in
            let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
            let prefix = current.hasSuffix("/") ? current : current + "/"
            return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : root
        }.joined(separator: " + ")
    }

    public var text: String {
        let skipped = corpus.skippedCount
        var lines = [
            "corpus: \(roots)",
            "  \(corpus.articles.count) articles, \(corpus.paragraphs.count) paragraphs, \(corpus.sentences.count) sentences, \(corpus.wordCount) words",
            "  \(corpus.fileCount) files read, \(skipped) skipped",
        ]
        if !corpus.entities.isEmpty {
            lines.append("  \(corpus.entities.count) entities, \(corpus.mentions.count) mentions, \(corpus.quotes.count) quotes, \(corpus.dates.count) dates, \(corpus.links.count) links")
        }
        return lines.joined(separator: "\n")
    }
}
