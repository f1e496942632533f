@testable import LedeStore
import Testing

/// The checks `SnapshotReader` makes once the articles and the other rows, read on two
/// threads, are both in: each kind of row whose text range passes its article's text, or that
/// an article lists without pointing back to it, is caught.
@Suite struct SnapshotChecksTests {
    /// The parts of a corpus as the reader's two threads hand them over.
    static func parts() throws -> (SnapshotReader.Articles, SnapshotReader.Rows) {
        let folder = try SnapshotFixtures.corpusFolder()
        let corpus = try SnapshotFixtures.fullLoad(folder.path)
        let articles = SnapshotReader.Articles(
            articles: corpus.articles, textLengths: corpus.articles.map { Int32($0.text.utf8.count) })
        var rows = SnapshotReader.Rows()
        rows.paragraphs = corpus.paragraphs
        rows.sentences = corpus.sentences
        rows.links = corpus.links
        rows.entities = corpus.entities
        rows.mentions = corpus.mentions
        rows.quotes = corpus.quotes
        rows.dates = corpus.dates
        return (articles, rows)
    }

    /// The message `SnapshotReader` gives for what `change` did, or nil when both checks pass.
    static func rejection(_ change: (inout SnapshotReader.Articles, inout SnapshotReader.Rows) -> Void) throws -> String? {
        var (articles, rows) = try parts()
        change(&articles, &rows)
        do {
            try SnapshotReader.checkRowsPointBack(articles, rows)
            try SnapshotReader.checkTextRanges(articles, rows)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Moves a row's range to end one byte past its article's text.
    static func pastTheText(_ range: inout Range<Int32>, length: Int32) {
        range = range.lowerBound..<(length + 1)
    }

    @Test func whatTheLoaderMakesPasses() throws {
        let (articles, rows) = try Self.parts()
        #expect(!rows.mentions.isEmpty && !rows.quotes.isEmpty && !rows.dates.isEmpty && !rows.links.isEmpty)
        #expect(try Self.rejection { _, _ in } == nil)
        #expect(articles.articles.count == articles.textLengths.count)
    }

    @Test func aRangePastTheTextIsCaught() throws {
        let paragraph = try Self.rejection { a, r in Self.pastTheText(&r.paragraphs[0].textRange, length: a.textLengths[0]) }
        #expect(paragraph?.contains("paragraph 0 lies beyond") == true)
        let sentence = try Self.rejection { a, r in
            Self.pastTheText(&r.sentences[0].textRange, length: a.textLengths[r.paragraphs[r.sentences[0].paragraph.index].article.index])
        }
        #expect(sentence?.contains("sentence 0 lies beyond") == true)
        let mention = try Self.rejection { a, r in Self.pastTheText(&r.mentions[0].textRange, length: a.textLengths[r.mentions[0].article.index]) }
        #expect(mention?.contains("mention 0 lies beyond") == true)
        let quote = try Self.rejection { a, r in Self.pastTheText(&r.quotes[0].textRange, length: a.textLengths[r.quotes[0].article.index]) }
        #expect(quote?.contains("quote 0 lies beyond") == true)
        let date = try Self.rejection { a, r in Self.pastTheText(&r.dates[0].textRange, length: a.textLengths[r.dates[0].article.index]) }
        #expect(date?.contains("date 0 lies beyond") == true)
    }

    @Test func aRowOfAnotherArticleIsCaught() throws {
        let mention = try Self.rejection { a, r in
            let other = (r.mentions[0].article.index + 1) % a.articles.count
            r.mentions[0].article = ArticleID(other)
        }
        #expect(mention?.contains("lists rows of another article") == true)
        let sentence = try Self.rejection { _, r in
            r.sentences[0].paragraph = ParagraphID(r.sentences[0].paragraph.index + 1)
        }
        #expect(sentence?.contains("lists sentences of another paragraph") == true)
    }
}
