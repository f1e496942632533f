/// How what extraction found in the texts is laid out in a snapshot: mentions, quotes and
/// dates, a section per batch of rows, each field a column; a missing identifier or date is
/// -1 or a cleared flag bit.
///
/// They are read on a second thread while the articles are read, so a row's text range is
/// checked here only to be a range; `SnapshotReader` checks it against its article's text
/// once both are read.
enum ExtractionTables {
    // MARK: Mentions

    static func encode(_ mentions: ChunkedArray<Mention>, rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        encoder.append(batch: rows)
        encoder.append(column: rows.map { mentions[$0].entity.rawValue })
        encoder.append(column: rows.map { mentions[$0].article.rawValue })
        encoder.append(column: rows.map { mentions[$0].sentence.rawValue })
        encoder.append(ranges: rows.map { mentions[$0].textRange })
        encoder.append(column: rows.map { mentions[$0].form.rawValue })
    }

    static func decode(
        from decoder: inout SnapshotDecoder, summary: SnapshotSummary, into mentions: inout ChunkedArray<Mention>
    ) throws(SnapshotError) {
        let count = try decoder.batch(continuing: mentions.count, of: summary.mentions)
        let entities = try decoder.columnInPlace(Int32.self, count: count)
        let articles = try decoder.columnInPlace(Int32.self, count: count)
        let sentences = try decoder.columnInPlace(Int32.self, count: count)
        let textStarts = try decoder.columnInPlace(Int32.self, count: count)
        let textEnds = try decoder.columnInPlace(Int32.self, count: count)
        let forms = try decoder.columnInPlace(UInt8.self, count: count)
        try decoder.finish()
        try mentions.append(count: count) { row throws(SnapshotError) in
            Mention(
                entity: try decoder.id(entities[row], below: summary.entities),
                article: try decoder.id(articles[row], below: summary.articles),
                sentence: try decoder.id(sentences[row], below: summary.sentences),
                textRange: try decoder.range(textStarts[row], textEnds[row], within: Int(Mention.offsetLimit) - 1),
                form: try decoder.value(forms[row]))
        }
    }

    // MARK: Quotes

    static func encode(_ quotes: ChunkedArray<Quote>, rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        encoder.append(batch: rows)
        encoder.append(column: rows.map { quotes[$0].article.rawValue })
        encoder.append(column: rows.map { quotes[$0].paragraph.rawValue })
        encoder.append(ranges: rows.map { quotes[$0].textRange })
        encoder.append(column: rows.map { quotes[$0].speaker?.rawValue ?? -1 })
        encoder.append(optionalStrings: rows.map { quotes[$0].attribution })
    }

    static func decode(
        from decoder: inout SnapshotDecoder, summary: SnapshotSummary, into quotes: inout ChunkedArray<Quote>
    ) throws(SnapshotError) {
        let count = try decoder.batch(continuing: quotes.count, of: summary.quotes)
        let articles = try decoder.column(Int32.self, count: count)
        let paragraphs = try decoder.column(Int32.self, count: count)
        let textStarts = try decoder.column(Int32.self, count: count)
        let textEnds = try decoder.column(Int32.self, count: count)
        let speakers = try decoder.column(Int32.self, count: count)
        let attributions = try decoder.optionalStrings(count: count)
        try decoder.finish()
        for row in 0..<count {
            quotes.append(
                Quote(
                    article: try decoder.id(articles[row], below: summary.articles),
                    paragraph: try decoder.id(paragraphs[row], below: summary.paragraphs),
                    textRange: try decoder.range(textStarts[row], textEnds[row]),
                    speaker: try decoder.optionalID(speakers[row], below: summary.entities), attribution: attributions[row]))
        }
    }

    // MARK: Dates

    private enum DateFlag {
        static let date: UInt8 = 1
        static let end: UInt8 = 2
        static let all: UInt8 = 3
    }

    static func encode(_ dates: ChunkedArray<DateReference>, rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        encoder.append(batch: rows)
        encoder.append(column: rows.map { dates[$0].article.rawValue })
        encoder.append(column: rows.map { dates[$0].sentence.rawValue })
        encoder.append(ranges: rows.map { dates[$0].textRange })
        encoder.append(column: rows.map { (dates[$0].date == nil ? 0 : DateFlag.date) | (dates[$0].end == nil ? 0 : DateFlag.end) })
        encoder.append(column: rows.map { dates[$0].date?.daysSinceEpoch ?? 0 })
        encoder.append(column: rows.map { dates[$0].end?.daysSinceEpoch ?? 0 })
        encoder.append(column: rows.map { dates[$0].precision.rawValue })
    }

    static func decode(
        from decoder: inout SnapshotDecoder, summary: SnapshotSummary, into dates: inout ChunkedArray<DateReference>
    ) throws(SnapshotError) {
        let count = try decoder.batch(continuing: dates.count, of: summary.dates)
        let articles = try decoder.columnInPlace(Int32.self, count: count)
        let sentenceIDs = try decoder.columnInPlace(Int32.self, count: count)
        let textStarts = try decoder.columnInPlace(Int32.self, count: count)
        let textEnds = try decoder.columnInPlace(Int32.self, count: count)
        let flags = try decoder.columnInPlace(UInt8.self, count: count)
        let days = try decoder.columnInPlace(Int32.self, count: count)
        let endDays = try decoder.columnInPlace(Int32.self, count: count)
        let precisions = try decoder.columnInPlace(UInt8.self, count: count)
        try decoder.finish()
        try dates.append(count: count) { row throws(SnapshotError) in
            guard flags[row] & ~DateFlag.all == 0 else { throw decoder.corrupt("unknown date flags \(flags[row])") }
            return DateReference(
                article: try decoder.id(articles[row], below: summary.articles),
                sentence: try decoder.id(sentenceIDs[row], below: summary.sentences),
                textRange: try decoder.range(textStarts[row], textEnds[row]),
                date: flags[row] & DateFlag.date == 0 ? nil : try decoder.date(days[row]),
                end: flags[row] & DateFlag.end == 0 ? nil : try decoder.date(endDays[row]),
                precision: try decoder.value(precisions[row]))
        }
    }
}
