/// How the rows that divide and connect articles are laid out in a snapshot: paragraphs,
/// sentences and links, a section per batch of rows, each field a column. Reading checks that
/// every identifier points into its table; that every text range lies in its article's text is
/// checked once the articles are read too (`SnapshotReader.checkTextRanges`).
enum StructureTables {
    static let rowsPerBatch = 1 << 17

    /// Consecutive batches of `size` rows (the last may be shorter).
    static func batches(_ count: Int, of size: Int = rowsPerBatch) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    // MARK: Paragraphs

    static func encode(_ paragraphs: ChunkedArray<Paragraph>, rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        encoder.append(batch: rows)
        encoder.append(column: rows.map { paragraphs[$0].article.rawValue })
        encoder.append(column: rows.map { paragraphs[$0].index })
        encoder.append(ranges: rows.map { paragraphs[$0].textRange })
        encoder.append(ranges: rows.map { paragraphs[$0].sentences })
    }

    /// Whether each paragraph's text range lies in its article's text is checked once the
    /// articles are read (`SnapshotReader.checkTextRanges`).
    static func decode(
        from decoder: inout SnapshotDecoder, summary: SnapshotSummary, into paragraphs: inout ChunkedArray<Paragraph>
    ) throws(SnapshotError) {
        let count = try decoder.batch(continuing: paragraphs.count, of: summary.paragraphs)
        let articles = try decoder.columnInPlace(Int32.self, count: count)
        let indexes = try decoder.columnInPlace(Int32.self, count: count)
        let textStarts = try decoder.columnInPlace(Int32.self, count: count)
        let textEnds = try decoder.columnInPlace(Int32.self, count: count)
        let sentenceStarts = try decoder.columnInPlace(Int32.self, count: count)
        let sentenceEnds = try decoder.columnInPlace(Int32.self, count: count)
        try decoder.finish()
        try paragraphs.append(count: count) { row throws(SnapshotError) in
            let article: ArticleID = try decoder.id(articles[row], below: summary.articles)
            guard indexes[row] >= 0 else { throw decoder.corrupt("a paragraph index \(indexes[row])") }
            return Paragraph(
                article: article, index: indexes[row],
                textRange: try decoder.range(textStarts[row], textEnds[row]),
                sentences: try decoder.range(sentenceStarts[row], sentenceEnds[row], within: summary.sentences))
        }
    }

    // MARK: Sentences

    static func encode(_ sentences: ChunkedArray<Sentence>, rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        encoder.append(batch: rows)
        encoder.append(column: rows.map { sentences[$0].paragraph.rawValue })
        encoder.append(ranges: rows.map { sentences[$0].textRange })
    }

    /// Text ranges are checked later, as for paragraphs.
    static func decode(
        from decoder: inout SnapshotDecoder, summary: SnapshotSummary, paragraphs: ChunkedArray<Paragraph>,
        into sentences: inout ChunkedArray<Sentence>
    ) throws(SnapshotError) {
        let count = try decoder.batch(continuing: sentences.count, of: summary.sentences)
        let paragraphIDs = try decoder.columnInPlace(Int32.self, count: count)
        let textStarts = try decoder.columnInPlace(Int32.self, count: count)
        let textEnds = try decoder.columnInPlace(Int32.self, count: count)
        try decoder.finish()
        try sentences.append(count: count) { row throws(SnapshotError) in
            Sentence(
                paragraph: try decoder.id(paragraphIDs[row], below: paragraphs.count),
                textRange: try decoder.range(textStarts[row], textEnds[row]))
        }
    }

    // MARK: Links

    static func encode(_ links: ChunkedArray<Link>, rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        encoder.append(batch: rows)
        encoder.append(column: rows.map { links[$0].article.rawValue })
        encoder.append(symbols: rows.map { links[$0].label })
        encoder.append(strings: rows.map { links[$0].title })
        encoder.append(column: rows.map { links[$0].target?.rawValue ?? -1 })
    }

    static func decode(
        from decoder: inout SnapshotDecoder, summary: SnapshotSummary, into links: inout ChunkedArray<Link>
    ) throws(SnapshotError) {
        let count = try decoder.batch(continuing: links.count, of: summary.links)
        let articles = try decoder.column(Int32.self, count: count)
        let labels = try decoder.symbols(count: count)
        let titles = try decoder.stringColumn(count: count)
        let targets = try decoder.column(Int32.self, count: count)
        try decoder.finish()
        for row in 0..<count {
            guard let label = labels[row] else { throw decoder.corrupt("a link without a label") }
            links.append(
                Link(
                    article: try decoder.id(articles[row], below: summary.articles), label: label, title: titles[row],
                    target: try decoder.optionalID(targets[row], below: summary.articles)))
        }
    }
}
