/// How articles are laid out in a snapshot: a section per batch of consecutive articles, each
/// field a column. Dates are seconds, offsets and a zone; strings that repeat (file names,
/// sources, zones) are stored once per batch; the texts are one block of UTF-8.
enum ArticleTable {
    /// Batches of consecutive articles, each holding about `textBytes` of text.
    static func batches(_ articles: ChunkedArray<Article>, textBytes: Int = SnapshotFormat.sectionBytes) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (index, article) in articles.enumerated() {
            bytes += article.text.utf8.count
            if bytes >= textBytes {
                batches.append(start..<(index + 1))
                start = index + 1
                bytes = 0
            }
        }
        if start < articles.count { batches.append(start..<articles.count) }
        return batches
    }

    static func encode(_ articles: ChunkedArray<Article>, rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        // Each column reads its field from the article in place. Mapping key paths over a batch
        // of copies (or calling a closure that takes an `Article`) copied whole articles,
        // retaining and releasing every string in them, once per column: half the time the
        // snapshot of news-100k took to write. The key and the extra members are stored as the
        // article keeps them, in one string and the offset between them.
        encoder.append(batch: rows)
        encoder.append(strings: rows.map { articles[$0].labels })
        encoder.append(column: rows.map { articles[$0].keyEnd })
        encoder.append(symbols: rows.map { articles[$0].file })
        encoder.append(column: rows.map { articles[$0].line })
        encoder.append(optionalStrings: rows.map { articles[$0].title })
        encoder.append(column: rows.map { flags(of: articles[$0].published, articles[$0].updated, ascii: articles[$0].isASCII) })
        encoder.append(column: rows.map { articles[$0].published?.seconds ?? 0 })
        encoder.append(column: rows.map { articles[$0].published?.offset ?? 0 })
        encoder.append(symbols: rows.map { articles[$0].published?.zone })
        encoder.append(column: rows.map { articles[$0].updated?.seconds ?? 0 })
        encoder.append(column: rows.map { articles[$0].updated?.offset ?? 0 })
        encoder.append(symbols: rows.map { articles[$0].updated?.zone })
        encoder.append(symbols: rows.map { articles[$0].source })
        encoder.append(symbols: rows.map { articles[$0].section })
        encoder.append(symbols: rows.map { articles[$0].dateline })
        encoder.append(stringLists: rows.map { articles[$0].captions })
        encoder.append(column: rows.map { articles[$0].words })
        encoder.append(stringLists: rows.map { articles[$0].notes })
        encoder.append(ranges: rows.map { articles[$0].paragraphs })
        encoder.append(ranges: rows.map { articles[$0].links })
        encoder.append(ranges: rows.map { articles[$0].mentions })
        encoder.append(ranges: rows.map { articles[$0].quotes })
        encoder.append(ranges: rows.map { articles[$0].dates })
        encoder.append(strings: rows.map { articles[$0].text })
    }

    /// Appends the batch to `articles`, and the UTF-8 length of each text to `textLengths`;
    /// returns the batch's first row. The batch must start at row `next` when that is given;
    /// otherwise it is read apart, and joined to the others later.
    static func decode(
        from decoder: inout SnapshotDecoder, summary: SnapshotSummary, startingAt next: Int?,
        into articles: inout ChunkedArray<Article>, textLengths: inout [Int32]
    ) throws(SnapshotError) -> Int {
        let (first, count) = try decoder.batch(of: summary.articles)
        if let next, first != next { throw SnapshotDecoder.outOfSequence(.articles, count: count, first: first, next: next) }
        let labels = try decoder.stringColumn(count: count)
        let keyEnds = try decoder.column(Int32.self, count: count)
        let files = try decoder.symbols(count: count)
        let lines = try decoder.column(Int32.self, count: count)
        let titles = try decoder.optionalStrings(count: count)
        let flags = try decoder.column(UInt8.self, count: count)
        let publishedSeconds = try decoder.column(Int64.self, count: count)
        let publishedOffsets = try decoder.column(Int32.self, count: count)
        let publishedZones = try decoder.symbols(count: count)
        let updatedSeconds = try decoder.column(Int64.self, count: count)
        let updatedOffsets = try decoder.column(Int32.self, count: count)
        let updatedZones = try decoder.symbols(count: count)
        let sources = try decoder.symbols(count: count)
        let sections = try decoder.symbols(count: count)
        let datelines = try decoder.symbols(count: count)
        let captions = try decoder.stringLists(count: count)
        let words = try decoder.column(Int32.self, count: count)
        let notes = try decoder.stringLists(count: count)
        var bounds: [[Int32]] = []
        for _ in 0..<10 { bounds.append(try decoder.column(Int32.self, count: count)) }
        let texts = try decoder.stringColumn(count: count)
        try decoder.finish()

        for row in 0..<count {
            guard flags[row] & ~Flag.all == 0 else { throw decoder.corrupt("unknown article flags \(flags[row])") }
            guard let file = files[row] else { throw decoder.corrupt("an article without a file") }
            let label = labels[row]
            guard (0...label.utf8.count).contains(Int(keyEnds[row])) else {
                throw decoder.corrupt("a key of \(keyEnds[row]) bytes in \(label.utf8.count) bytes of labels")
            }
            let text = texts[row]
            textLengths.append(Int32(truncatingIfNeeded: text.utf8.count))
            // Made whole where it is stored: an article made in a variable, completed and then
            // appended was copied on the way, a retain and a release for each of its strings.
            articles.append(
                Article(
                    labels: label, keyEnd: keyEnds[row], file: file, line: lines[row], title: titles[row],
                    published: flags[row] & Flag.published == 0
                        ? nil : try decoder.dateTime(publishedSeconds[row], offset: publishedOffsets[row], zone: publishedZones[row]),
                    updated: flags[row] & Flag.updated == 0
                        ? nil : try decoder.dateTime(updatedSeconds[row], offset: updatedOffsets[row], zone: updatedZones[row]),
                    source: sources[row], section: sections[row], dateline: datelines[row], captions: captions[row],
                    text: text, isASCII: flags[row] & Flag.ascii != 0, words: words[row], notes: notes[row],
                    paragraphs: try decoder.range(bounds[0][row], bounds[1][row], within: summary.paragraphs),
                    links: try decoder.range(bounds[2][row], bounds[3][row], within: summary.links),
                    mentions: try decoder.range(bounds[4][row], bounds[5][row], within: summary.mentions),
                    quotes: try decoder.range(bounds[6][row], bounds[7][row], within: summary.quotes),
                    dates: try decoder.range(bounds[8][row], bounds[9][row], within: summary.dates)))
        }
        return first
    }

    private enum Flag {
        static let published: UInt8 = 1
        static let updated: UInt8 = 2
        static let ascii: UInt8 = 4
        static let all: UInt8 = 7
    }

    private static func flags(of published: ZonedDateTime?, _ updated: ZonedDateTime?, ascii: Bool) -> UInt8 {
        (published == nil ? 0 : Flag.published) | (updated == nil ? 0 : Flag.updated) | (ascii ? Flag.ascii : 0)
    }
}
