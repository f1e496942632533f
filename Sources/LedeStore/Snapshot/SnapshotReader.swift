import Foundation

/// Reads a snapshot file back into a corpus, trusting nothing in it.
///
/// `SnapshotFile` checks the header and frames; the key must equal the one made from the
/// corpus files now; every section must come in the order `SnapshotWriter` writes them and
/// match its checksum; every count, identifier and range must fit the table it points into,
/// and every posting list must be well formed. Anything else throws a `SnapshotError`, and the
/// caller loads the corpus files instead.
///
/// The two indexes are read on a second thread while this one reads the rows.
enum SnapshotReader {
    /// The corpus the snapshot at `path` holds, if its key is `key`. `roots` are the roots as
    /// the person gave them, which the corpus keeps.
    static func read(_ path: String, key: SnapshotKey, roots: [String]) throws(SnapshotError) -> Corpus {
        let file = try SnapshotFile(path: path)
        let frames = file.frames
        guard let firstIndexFrame = frames.firstIndex(where: { $0.section == SnapshotFormat.Section.terms.rawValue }) else {
            throw .corrupt("it has no index")
        }
        let rows = SectionReader(file, frames: 0..<firstIndexFrame)
        let stored = try rows.read(.key) { decoder throws(SnapshotError) in try SnapshotKey.decode(from: &decoder) }
        if let mismatch = key.mismatch(with: stored) { throw mismatch }
        let summary = try rows.read(.summary) { decoder throws(SnapshotError) in try SnapshotSummary(from: &decoder) }

        let documents = summary.articles
        let indexes = BackgroundWork {
            Result { () throws(SnapshotError) -> SearchIndex in
                let reader = SectionReader(file, frames: firstIndexFrame..<frames.count)
                let title = try readIndex(reader, documents: documents)
                let text = try readIndex(reader, documents: documents)
                guard reader.isAtEnd else { throw .corrupt("sections after the text index") }
                return SearchIndex(title: title, text: text)
            }
        }
        let tables: Result<Tables, SnapshotError> = Result { () throws(SnapshotError) in try readTables(rows, summary: summary) }
        let search = indexes.wait()
        let read = try tables.get()
        return Corpus(
            roots: roots, articles: read.articles, paragraphs: read.paragraphs, sentences: read.sentences,
            entities: read.entities, mentions: read.mentions, quotes: read.quotes, links: read.links, dates: read.dates,
            issues: summary.issues, fileCount: summary.fileCount, search: try search.get())
    }

    private struct Tables {
        var articles = ChunkedArray<Article>()
        var paragraphs = ChunkedArray<Paragraph>()
        var sentences = ChunkedArray<Sentence>()
        var links = ChunkedArray<Link>()
        var entities: [Entity] = []
        var mentions = ChunkedArray<Mention>()
        var quotes = ChunkedArray<Quote>()
        var dates = ChunkedArray<DateReference>()
    }

    /// Every table but the indexes, in the order `SnapshotWriter` writes them.
    private static func readTables(_ reader: SectionReader, summary: SnapshotSummary) throws(SnapshotError) -> Tables {
        var t = Tables()
        var textLengths: [Int32] = []
        textLengths.reserveCapacity(summary.articles)
        while t.articles.count < summary.articles {
            try reader.read(.articles) { decoder throws(SnapshotError) in
                try ArticleTable.decode(from: &decoder, summary: summary, into: &t.articles, textLengths: &textLengths)
            }
        }
        while t.paragraphs.count < summary.paragraphs {
            try reader.read(.paragraphs) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, textLengths: textLengths, into: &t.paragraphs)
            }
        }
        while t.sentences.count < summary.sentences {
            try reader.read(.sentences) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, textLengths: textLengths, paragraphs: t.paragraphs, into: &t.sentences)
            }
        }
        while t.links.count < summary.links {
            try reader.read(.links) { decoder throws(SnapshotError) in
                try StructureTables.decode(from: &decoder, summary: summary, into: &t.links)
            }
        }
        t.entities.reserveCapacity(summary.entities)
        while t.entities.count < summary.entities {
            try reader.read(.entities) { decoder throws(SnapshotError) in
                try EntityTable.decode(from: &decoder, summary: summary, into: &t.entities)
            }
        }
        while t.mentions.count < summary.mentions {
            try reader.read(.mentions) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, textLengths: textLengths, into: &t.mentions)
            }
        }
        while t.quotes.count < summary.quotes {
            try reader.read(.quotes) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(from: &decoder, summary: summary, textLengths: textLengths, into: &t.quotes)
            }
        }
        while t.dates.count < summary.dates {
            try reader.read(.dates) { decoder throws(SnapshotError) in
                try ExtractionTables.decode(
                    from: &decoder, summary: summary, textLengths: textLengths, sentences: t.sentences, paragraphs: t.paragraphs,
                    into: &t.dates)
            }
        }
        guard reader.isAtEnd else { throw .corrupt("sections between the tables and the indexes") }
        try checkRowsPointBack(t)
        return t
    }

    /// Each article's paragraphs, links, mentions, quotes and dates name it as their article,
    /// and each paragraph's sentences name it as their paragraph: what the loader builds, and
    /// what lets the shell use an article's offsets on the rows it lists.
    private static func checkRowsPointBack(_ t: Tables) throws(SnapshotError) {
        for index in t.articles.indices {
            let id = ArticleID(index)
            let article = t.articles[index]
            guard article.paragraphs.allSatisfy({ t.paragraphs[Int($0)].article == id }),
                article.links.allSatisfy({ t.links[Int($0)].article == id }),
                article.mentions.allSatisfy({ t.mentions[Int($0)].article == id }),
                article.quotes.allSatisfy({ t.quotes[Int($0)].article == id }),
                article.dates.allSatisfy({ t.dates[Int($0)].article == id })
            else { throw .corrupt("article \(index + 1) lists rows of another article") }
        }
        for index in t.paragraphs.indices {
            let id = ParagraphID(index)
            guard t.paragraphs[index].sentences.allSatisfy({ t.sentences[Int($0)].paragraph == id }) else {
                throw .corrupt("paragraph \(index) lists sentences of another paragraph")
            }
        }
    }

    private static func readIndex(_ reader: SectionReader, documents: Int) throws(SnapshotError) -> InvertedIndex {
        var index = try reader.read(.terms) { decoder throws(SnapshotError) in try IndexTable.decodeTerms(from: &decoder, documents: documents) }
        while !index.isComplete {
            try reader.read(.postings) { decoder throws(SnapshotError) in try IndexTable.decodePostings(from: &decoder, into: &index) }
        }
        return index.finish()
    }
}
