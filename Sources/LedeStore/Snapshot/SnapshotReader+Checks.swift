/// What `SnapshotReader` checks once every table is read: the facts that span the articles and
/// the rows read on the other thread.
extension SnapshotReader {
    /// Each article's paragraphs, links, mentions, quotes and dates name it as their article,
    /// and each paragraph's sentences name it as their paragraph: what the loader builds, and
    /// what lets the shell use an article's offsets on the rows it lists.
    static func checkRowsPointBack(_ a: Articles, _ r: Rows) throws(SnapshotError) {
        for index in a.articles.indices {
            let id = ArticleID(index)
            // Each range read in place, not from a copy of the article, which would retain and
            // release every one of its strings.
            guard r.paragraphs.allSatisfy(in: Self.rows(a.articles[index].paragraphs), { $0.article == id }),
                r.links.allSatisfy(in: Self.rows(a.articles[index].links), { $0.article == id }),
                r.mentions.allSatisfy(in: Self.rows(a.articles[index].mentions), { $0.article == id }),
                r.quotes.allSatisfy(in: Self.rows(a.articles[index].quotes), { $0.article == id }),
                r.dates.allSatisfy(in: Self.rows(a.articles[index].dates), { $0.article == id })
            else { throw .corrupt("article \(index + 1) lists rows of another article") }
        }
        for index in r.paragraphs.indices {
            let id = ParagraphID(index)
            guard r.sentences.allSatisfy(in: Self.rows(r.paragraphs[index].sentences), { $0.paragraph == id }) else {
                throw .corrupt("paragraph \(index) lists sentences of another paragraph")
            }
        }
    }

    /// A range of row numbers as `ChunkedArray` indexes.
    private static func rows(_ range: Range<Int32>) -> Range<Int> {
        Int(range.lowerBound)..<Int(range.upperBound)
    }

    /// Every paragraph, sentence, mention, quote and date lies in the text it is read from: its
    /// article's, or for a sentence and a date its paragraph's article's.
    static func checkTextRanges(_ a: Articles, _ r: Rows) throws(SnapshotError) {
        let lengths = a.textLengths
        /// Throws unless each row's range ends within the text of the article `article` names.
        func check<Row>(
            _ rows: ChunkedArray<Row>, _ name: String, _ range: (Row) -> Range<Int32>, in article: (Row) -> ArticleID,
            text: String = "its article's text"
        ) throws(SnapshotError) {
            for index in rows.indices {
                let row = rows[index]
                guard range(row).upperBound <= lengths[article(row).index] else {
                    throw .corrupt("\(name) \(index) lies beyond \(text)")
                }
            }
        }
        func article(of sentence: Sentence) -> ArticleID { r.paragraphs[sentence.paragraph.index].article }
        try check(r.paragraphs, "paragraph", \.textRange, in: \.article)
        try check(r.sentences, "sentence", \.textRange, in: article(of:))
        try check(r.mentions, "mention", \.textRange, in: \.article)
        try check(r.quotes, "quote", \.textRange, in: \.article)
        try check(r.dates, "date", \.textRange, in: { article(of: r.sentences[$0.sentence.index]) }, text: "its sentence's text")
    }
}
