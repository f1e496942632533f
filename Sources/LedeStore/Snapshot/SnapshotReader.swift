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
/// This thread reads the articles and the rows that divide them; a second thread reads what
/// extraction found and the indexes, which come after them in the file.
enum SnapshotReader {
    /// The corpus the snapshot at `path` holds, if its key is `key`. `roots` are the roots as
    /// the person gave them, which the corpus keeps.
    static func read(_ path: String, key: SnapshotKey, roots: [String]) throws(SnapshotError) -> Corpus {
        let file = try SnapshotFile(path: path)
        let frames = file.frames
        let secondThread: [SnapshotFormat.Section] = [.entities, .mentions, .quotes, .dates, .terms]
        let split = frames.firstIndex { frame in secondThread.contains { $0.rawValue == frame.section } } ?? frames.count
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

        let background = BackgroundWork {
            Result { () throws(SnapshotError) -> Extracted in
                try readExtracted(SectionReader(file, frames: split..<frames.count), summary: summary)
            }
        }
        let textsRead = Result { () throws(SnapshotError) -> Texts in try readTexts(reader, summary: summary) }
        let extractedRead = background.wait()
        let texts = try textsRead.get()
        let extracted = try extractedRead.get()
        try checkRowsPointBack(texts, extracted)
        try checkTextRanges(texts, extracted)
        return Corpus(
            roots: roots, articles: texts.articles, paragraphs: texts.paragraphs, sentences: texts.sentences,
            entities: extracted.entities, mentions: extracted.mentions, quotes: extracted.quotes, links: texts.links,
            dates: extracted.dates, issues: summary.issues, fileCount: summary.fileCount, search: extracted.search)
    }

    /// The articles and the rows that divide and connect them.
    struct Texts {
        var articles = ChunkedArray<Article>()
        /// The UTF-8 length of each article's text.
        var textLengths: [Int32] = []
        var paragraphs = ChunkedArray<Paragraph>()
        var sentences = ChunkedArray<Sentence>()
        var links = ChunkedArray<Link>()
    }

    /// What extraction found, and the indexes.
    struct Extracted: Sendable {
        var entities: [Entity] = []
        var mentions = ChunkedArray<Mention>()
        var quotes = ChunkedArray<Quote>()
        var dates = ChunkedArray<DateReference>()
        var search = SearchIndex(title: InvertedIndex(), text: InvertedIndex())
    }

    private static func readTexts(_ reader: SectionReader, summary: SnapshotSummary) throws(SnapshotError) -> Texts {
        var t = Texts()
        t.textLengths.reserveCapacity(summary.articles)
        while t.articles.count < summary.articles {
            try reader.read(.articles) { decoder throws(SnapshotError) in
                try ArticleTable.decode(from: &decoder, summary: summary, into: &t.articles, textLengths: &t.textLengths)
            }
        }
        while t.paragraphs.count < summary.paragraphs {
            try reader.read(.paragraphs) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, textLengths: t.textLengths, into: &t.paragraphs)
            }
        }
        while t.sentences.count < summary.sentences {
            try reader.read(.sentences) { decoder throws(SnapshotError) in
                try StructureTables.decode(
                    from: &decoder, summary: summary, textLengths: t.textLengths, paragraphs: t.paragraphs, into: &t.sentences)
            }
        }
        while t.links.count < summary.links {
            try reader.read(.links) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, into: &t.links)
            }
        }
        guard reader.isAtEnd else { throw .corrupt("sections between the links and the entities") }
        return t
    }

    private static func readExtracted(_ reader: SectionReader, summary: SnapshotSummary) throws(SnapshotError) -> Extracted {
        var e = Extracted()
        e.entities.reserveCapacity(summary.entities)
        while e.entities.count < summary.entities {
            try reader.read(.entities) { decoder throws(SnapshotError) in
                try EntityTable.decode(from: &decoder, summary: summary, into: &e.entities)
            }
        }
        while e.mentions.count < summary.mentions {
            try reader.read(.mentions) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, into: &e.mentions)
            }
        }
        while e.quotes.count < summary.quotes {
            try reader.read(.quotes) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, into: &e.quotes)
            }
        }
        while e.dates.count < summary.dates {
            try reader.read(.dates) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, into: &e.dates)
            }
        }
        let title = try readIndex(reader, documents: summary.articles)
        let text = try readIndex(reader, documents: summary.articles)
        guard reader.isAtEnd else { throw .corrupt("sections after the text index") }
        e.search = SearchIndex(title: title, text: text)
        return e
    }

    private static func readIndex(_ reader: SectionReader, documents: Int) throws(SnapshotError) -> InvertedIndex {
        var index = try reader.read(.terms) { decoder throws(SnapshotError) in try IndexTable.decodeTerms(from: &decoder, documents: documents) }
        while !index.isComplete {
            try reader.read(.postings) { decoder throws(SnapshotError) in try IndexTable.decodePostings(from: &decoder, into: &index) }
        }
        return index.finish()
    }
}
