/// How entities are laid out in a snapshot: a section per batch of entities, each field a
/// column; the lists of mentions and articles are a count per entity and one column of
/// identifiers.
enum EntityTable {
    static let rowsPerBatch = 1 << 16

    static func encode(_ entities: [Entity], rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        let batch = entities[rows]
        encoder.append(batch: rows)
        encoder.append(strings: batch.map(\.name))
        encoder.append(column: batch.map(\.kind.rawValue))
        encoder.append(stringLists: batch.map(\.aliases))
        encoder.append(stringLists: batch.map(\.roles))
        encoder.append(symbols: batch.map(\.country))
        encoder.append(column: batch.map { Int32($0.mentions.count) })
        encoder.append(column: batch.flatMap { $0.mentions.map(\.rawValue) })
        encoder.append(column: batch.map { Int32($0.articles.count) })
        encoder.append(column: batch.flatMap { $0.articles.map(\.rawValue) })
    }

    static func decode(from decoder: inout SnapshotDecoder, summary: SnapshotSummary, into entities: inout [Entity]) throws(SnapshotError) {
        let count = try decoder.batch(continuing: entities.count, of: summary.entities)
        let names = try decoder.stringColumn(count: count)
        let kinds = try decoder.column(UInt8.self, count: count)
        let aliases = try decoder.stringLists(count: count)
        let roles = try decoder.stringLists(count: count)
        let countries = try decoder.symbols(count: count)
        let mentionCounts = try decoder.column(Int32.self, count: count)
        let mentions = try decoder.column(Int32.self)
        let articleCounts = try decoder.column(Int32.self, count: count)
        let articles = try decoder.column(Int32.self)
        try decoder.finish()
        var nextMention = 0
        var nextArticle = 0
        for row in 0..<count {
            let mentionIDs: [MentionID] = try ids(mentions, &nextMention, mentionCounts[row], below: summary.mentions, decoder)
            let articleIDs: [ArticleID] = try ids(articles, &nextArticle, articleCounts[row], below: summary.articles, decoder)
            entities.append(
                Entity(
                    name: names[row], kind: try decoder.value(kinds[row]), aliases: aliases[row], roles: roles[row],
                    country: countries[row], mentions: mentionIDs, articles: articleIDs))
        }
        guard nextMention == mentions.count, nextArticle == articles.count else {
            throw decoder.corrupt("identifiers beyond the entities' counts")
        }
    }

    /// The next `count` identifiers of `column`, each checked against its table.
    private static func ids<ID: CorpusID>(
        _ column: [Int32], _ next: inout Int, _ count: Int32, below limit: Int, _ decoder: SnapshotDecoder
    ) throws(SnapshotError) -> [ID] {
        guard count >= 0, column.count - next >= Int(count) else { throw decoder.corrupt("more identifiers than the column holds") }
        var ids: [ID] = []
        ids.reserveCapacity(Int(count))
        for raw in column[next..<(next + Int(count))] {
            ids.append(try decoder.id(raw, below: limit))
        }
        next += Int(count)
        return ids
    }
}
