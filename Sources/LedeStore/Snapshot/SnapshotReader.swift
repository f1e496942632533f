import Foundation

/// Reads a snapshot file back into a corpus, trusting nothing in it.
///
/// `SnapshotFile` checks the header and frames; the key must equal the one made from the
/// corpus files now; every section must come in the order `SnapshotWriter` writes them and
/// match its checksum; every count, identifier and range must fit the table it points into
/// (`SnapshotReader+Checks` checks what spans tables), and every posting list must be long
/// enough for its documents. Anything else throws a `SnapshotError`, and the caller loads the
/// corpus files instead. Posting lists are not walked: past their section's checksum, only a
/// file made to deceive could hold a malformed one, and `PostingCursor` reads them defensively,
/// so such a list would read short, never out of bounds.
///
/// This thread reads the articles, most of the file's bytes, from the first article section
/// on; a second thread reads every other row and the indexes, which come after them in the
/// file, and then takes article sections from the last one back, until the two meet. What
/// spans the two (the rows an article lists, a row's text range against its article's text)
/// is checked once both are done.
enum SnapshotReader {
    /// The corpus the snapshot at `path` holds, if its key is `key`. `roots` are the roots as
    /// the person gave them, which the corpus keeps.
    static func read(_ path: String, key: SnapshotKey, roots: [String]) throws(SnapshotError) -> Corpus {
        // The two threads make some 280 MB of rows and strings for news-100k in small pieces.
        return try MallocTuning.growingHeaps(by: 64 << 20) { () throws(SnapshotError) -> Corpus in
            try readCorpus(path, key: key, roots: roots)
        }
    }

    private static func readCorpus(_ path: String, key: SnapshotKey, roots: [String]) throws(SnapshotError) -> Corpus {
        let file = try SnapshotFile(path: path)
        let frames = file.frames
        // Section tags rise in the order the sections are written: the second thread starts
        // at the first section after the articles.
        let split = frames.firstIndex { $0.section > SnapshotFormat.Section.articles.rawValue } ?? frames.count
        let reader = SectionReader(file, frames: 0..<split)
        let stored = try reader.read(.key) { decoder throws(SnapshotError) in try SnapshotKey.decode(from: &decoder) }
        if let mismatch = key.mismatch(with: stored) { throw mismatch }
        let summary = try reader.read(.summary) { decoder throws(SnapshotError) in try SnapshotSummary(from: &decoder) }
        // Every row takes at least a byte of some section: a count beyond that is damage, and
        // must not size an allocation.
        let payload = frames.reduce(0) { $0 + $1.length }
        guard summary.rowCounts.allSatisfy({ $0 <= payload }) else {
            throw .corrupt("the summary counts more rows than the file's \(payload) bytes can hold")
        }

        // The other thread, once its own sections are read, takes article sections from the
        // end while this one takes them from the start: the articles are the larger part.
        let articleSections = ArticleSections(reader.unread)
        let background = BackgroundWork {
            Result { () throws(SnapshotError) -> (Rows, [ArticlePart]) in
                let rows = try readRows(SectionReader(file, frames: split..<frames.count), summary: summary)
                var parts: [ArticlePart] = []
                while let frame = articleSections.takeLast() {
                    parts.append(try readArticlePart(file, frame: frame, summary: summary))
                }
                return (rows, parts.reversed())
            }
        }
        let articlesRead = Result { () throws(SnapshotError) -> Articles in
            try readArticles(file, from: articleSections, summary: summary)
        }
        let rowsRead = background.wait()
        var joined = try articlesRead.get()
        let (rows, parts) = try rowsRead.get()
        try join(parts, to: &joined, summary: summary)
        let articles = joined
        // The checks that span both only read, so they run side by side too.
        let pointingBack = BackgroundWork { Result { () throws(SnapshotError) in try checkRowsPointBack(articles, rows) } }
        let inTheirTexts = Result { () throws(SnapshotError) in try checkTextRanges(articles, rows) }
        try pointingBack.wait().get()
        try inTheirTexts.get()
        return Corpus(
            roots: roots, articles: articles.articles, paragraphs: rows.paragraphs, sentences: rows.sentences,
            entities: rows.entities, mentions: rows.mentions, quotes: rows.quotes, links: rows.links, dates: rows.dates,
            issues: summary.issues, fileCount: summary.fileCount, search: rows.search, entityLists: rows.entityLists)
    }

    /// The articles.
    struct Articles: Sendable {
        var articles = ChunkedArray<Article>()
        /// The UTF-8 length of each article's text.
        var textLengths: [Int32] = []
    }

    /// The rows that divide and connect the articles, what extraction found, and the indexes.
    struct Rows: Sendable {
        var paragraphs = ChunkedArray<Paragraph>()
        var sentences = ChunkedArray<Sentence>()
        var links = ChunkedArray<Link>()
        var entities: [Entity] = []
        var mentions = ChunkedArray<Mention>()
        var quotes = ChunkedArray<Quote>()
        var dates = ChunkedArray<DateReference>()
        var search = SearchIndex(title: InvertedIndex(), text: InvertedIndex())
        /// Made here rather than by `Corpus`: this thread is the one with time to spare.
        var entityLists: EntityMentionLists?
    }

    /// Article sections not yet taken, handed out from both ends.
    private final class ArticleSections: @unchecked Sendable {
        private let lock = NSLock()
        /// Guarded by `lock`.
        private var unread: Range<Int>

        init(_ frames: Range<Int>) {
            unread = frames
        }

        func takeFirst() -> Int? {
            lock.withLock { unread.popFirst() }
        }

        func takeLast() -> Int? {
            lock.withLock { unread.isEmpty ? nil : unread.removeLast() }
        }
    }

    /// Articles read apart from those before them, and the row they start at.
    private struct ArticlePart: Sendable {
        var first: Int
        var articles = Articles()
    }

    /// The article sections taken from the start.
    private static func readArticles(_ file: SnapshotFile, from sections: ArticleSections, summary: SnapshotSummary) throws(SnapshotError) -> Articles {
        var a = Articles()
        a.textLengths.reserveCapacity(summary.articles)
        while let frame = sections.takeFirst() {
            try readArticleSection(file, frame: frame, summary: summary, startingAt: a.articles.count, into: &a)
        }
        return a
    }

    private static func readArticlePart(_ file: SnapshotFile, frame: Int, summary: SnapshotSummary) throws(SnapshotError) -> ArticlePart {
        var part = ArticlePart(first: 0)
        part.first = try readArticleSection(file, frame: frame, summary: summary, startingAt: nil, into: &part.articles)
        return part
    }

    /// Appends the articles of section `frame` to `a`, which must start at row `next` when
    /// that is given; returns the row they start at.
    @discardableResult
    private static func readArticleSection(
        _ file: SnapshotFile, frame: Int, summary: SnapshotSummary, startingAt next: Int?, into a: inout Articles
    ) throws(SnapshotError) -> Int {
        try SectionReader(file, frames: frame..<(frame + 1)).read(.articles) { decoder throws(SnapshotError) in
            try ArticleTable.decode(
                from: &decoder, summary: summary, startingAt: next, into: &a.articles, textLengths: &a.textLengths)
        }
    }

    /// Appends the parts the other thread read, which must follow on from `articles` and each
    /// other, and checks that the articles are all the summary counts.
    private static func join(_ parts: [ArticlePart], to a: inout Articles, summary: SnapshotSummary) throws(SnapshotError) {
        for part in parts {
            guard part.first == a.articles.count else {
                throw SnapshotDecoder.outOfSequence(.articles, count: part.articles.articles.count, first: part.first, next: a.articles.count)
            }
            a.articles.append(contentsOf: part.articles.articles)
            a.textLengths += part.articles.textLengths
        }
        guard a.articles.count == summary.articles else {
            throw .corrupt("the articles' sections hold \(a.articles.count) articles where the summary counts \(summary.articles)")
        }
    }

    private static func readRows(_ reader: SectionReader, summary: SnapshotSummary) throws(SnapshotError) -> Rows {
        var r = Rows()
        while r.paragraphs.count < summary.paragraphs {
            try reader.read(.paragraphs) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, into: &r.paragraphs)
            }
        }
        while r.sentences.count < summary.sentences {
            try reader.read(.sentences) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, paragraphs: r.paragraphs, into: &r.sentences)
            }
        }
        while r.links.count < summary.links {
            try reader.read(.links) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, into: &r.links)
            }
        }
        r.entities.reserveCapacity(summary.entities)
        while r.entities.count < summary.entities {
            try reader.read(.entities) { decoder throws(SnapshotError) in
                try EntityTable.decode(from: &decoder, summary: summary, into: &r.entities)
            }
        }
        while r.mentions.count < summary.mentions {
            try reader.read(.mentions) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, into: &r.mentions)
            }
        }
        r.entityLists = EntityMentionLists(of: r.mentions, entityCount: r.entities.count)
        while r.quotes.count < summary.quotes {
            try reader.read(.quotes) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, into: &r.quotes)
            }
        }
        while r.dates.count < summary.dates {
            try reader.read(.dates) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, into: &r.dates)
            }
        }
        let title = try readIndex(reader, documents: summary.articles)
        let text = try readIndex(reader, documents: summary.articles)
        guard reader.isAtEnd else { throw .corrupt("sections after the text index") }
        r.search = SearchIndex(title: title, text: text)
        return r
    }

    private static func readIndex(_ reader: SectionReader, documents: Int) throws(SnapshotError) -> InvertedIndex {
        var index = try reader.read(.terms) { decoder throws(SnapshotError) in try IndexTable.decodeTerms(from: &decoder, documents: documents) }
        while !index.isComplete {
            try reader.read(.postings) { decoder throws(SnapshotError) in try IndexTable.decodePostings(from: &decoder, into: &index) }
        }
        return index.finish()
    }
}
