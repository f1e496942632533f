/// What `SnapshotReader` checks once every table is read: the facts that span tables read on
/// different threads.
extension SnapshotReader {
    /// Each article's paragraphs, links, mentions, quotes and dates name it as their article,
    /// and each paragraph's sentences name it as their paragraph: what the loader builds, and
    /// what lets the shell use an article's offsets on the rows it lists.
    static func checkRowsPointBack(_ t: Texts, _ e: Extracted) throws(SnapshotError) {
        for index in t.articles.indices {
            let id = ArticleID(index)
            let article = t.articles[index]
            guard article.paragraphs.allSatisfy({ t.paragraphs[Int($0)].article == id }),
                article.links.allSatisfy({ t.links[Int($0)].article == id }),
                article.mentions.allSatisfy({ e.mentions[Int($0)].article == id }),
                article.quotes.allSatisfy({ e.quotes[Int($0)].article == id }),
                article.dates.allSatisfy({ e.dates[Int($0)].article == id })
            else { throw .corrupt("article \(index + 1) lists rows of another article") }
        }
        for index in t.paragraphs.indices {
            let id = ParagraphID(index)
            guard t.paragraphs[index].sentences.allSatisfy({ t.sentences[Int($0)].paragraph == id }) else {
                throw .corrupt("paragraph \(index) lists sentences of another paragraph")
            }
        }
    }

    /// Every mention, quote and date lies in the text it is read from: its article's, or for
    /// a date its sentence's article's.
    static func checkTextRanges(_ t: Texts, _ e: Extracted) throws(SnapshotError) {
        for index in e.mentions.indices {
            let mention = e.mentions[index]
            let length = t.textLengths[mention.article.index]
            guard mention.textRange.upperBound <= length else {
                throw .corrupt("mention \(index) lies beyond its article's text")
            }
        }
        for index in e.quotes.indices {
            let quote = e.quotes[index]
            guard quote.textRange.upperBound <= t.textLengths[quote.article.index] else {
                throw .corrupt("quote \(index) lies beyond its article's text")
            }
        }
        for index in e.dates.indices {
            let date = e.dates[index]
            let article = t.paragraphs[t.sentences[date.sentence.index].paragraph.index].article
            guard date.textRange.upperBound <= t.textLengths[article.index] else {
                throw .corrupt("date \(index) lies beyond its sentence's text")
            }
        }
    }
}
