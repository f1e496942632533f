/// What `SnapshotReader` checks once every table is read: the facts that span the articles and
/// the rows read on the other thread.
extension SnapshotReader {
    /// Each article's paragraphs, links, mentions, quotes and dates name it as their article,
    /// and each paragraph's sentences name it as their paragraph: what the loader builds, and
    /// what lets the shell use an article's offsets on the rows it lists.
    static func checkRowsPointBack(_ a: Articles, _ r: Rows) throws(SnapshotError) {
        for index in a.articles.indices {
            let id = ArticleID(index)
            let article = a.articles[index]
            guard article.paragraphs.allSatisfy({ r.paragraphs[Int($0)].article == id }),
                article.links.allSatisfy({ r.links[Int($0)].article == id }),
                article.mentions.allSatisfy({ r.mentions[Int($0)].article == id }),
                article.quotes.allSatisfy({ r.quotes[Int($0)].article == id }),
                article.dates.allSatisfy({ r.dates[Int($0)].article == id })
            else { throw .corrupt("article \(index + 1) lists rows of another article") }
        }
        for index in r.paragraphs.indices {
            let id = ParagraphID(index)
            guard r.paragraphs[index].sentences.allSatisfy({ r.sentences[Int($0)].paragraph == id }) else {
                throw .corrupt("paragraph \(index) lists sentences of another paragraph")
            }
        }
    }

    /// Every paragraph, sentence, mention, quote and date lies in the text it is read from: its
    /// article's, or for a sentence and a date its paragraph's article's.
    static func checkTextRanges(_ a: Articles, _ r: Rows) throws(SnapshotError) {
        let lengths = a.textLengths
        for index in r.paragraphs.indices {
            let paragraph = r.paragraphs[index]
            guard paragraph.textRange.upperBound <= lengths[paragraph.article.index] else {
                throw .corrupt("paragraph \(index) lies beyond its article's text")
            }
        }
        for index in r.sentences.indices {
            let sentence = r.sentences[index]
            guard sentence.textRange.upperBound <= lengths[r.paragraphs[sentence.paragraph.index].article.index] else {
                throw .corrupt("sentence \(index) lies beyond its article's text")
            }
        }
        for index in r.mentions.indices {
            let mention = r.mentions[index]
            guard mention.textRange.upperBound <= lengths[mention.article.index] else {
                throw .corrupt("mention \(index) lies beyond its article's text")
            }
        }
        for index in r.quotes.indices {
            let quote = r.quotes[index]
            guard quote.textRange.upperBound <= lengths[quote.article.index] else {
                throw .corrupt("quote \(index) lies beyond its article's text")
            }
        }
        for index in r.dates.indices {
            let date = r.dates[index]
            let article = r.paragraphs[r.sentences[date.sentence.index].paragraph.index].article
            guard date.textRange.upperBound <= lengths[article.index] else {
                throw .corrupt("date \(index) lies beyond its sentence's text")
            }
        }
    }
}
