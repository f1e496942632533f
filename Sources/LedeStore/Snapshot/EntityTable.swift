/// How entities are laid out in a snapshot: a section per batch of entities, each field a
/// column. Their lists of mentions and articles are not stored: the corpus makes them from the
/// mentions.
enum EntityTable {
    static let rowsPerBatch = 1 << 16

    static func encode(_ entities: [Entity], rows: Range<Int>, into encoder: inout SnapshotEncoder) {
        // Each column reads its field from the array in place (see `ArticleTable.encode`).
        encoder.append(batch: rows)
        encoder.append(strings: rows.map { entities[$0].name })
        encoder.append(column: rows.map { entities[$0].kind.rawValue })
        encoder.append(stringLists: rows.map { entities[$0].aliases })
        encoder.append(stringLists: rows.map { entities[$0].roles })
        encoder.append(symbols: rows.map { entities[$0].country })
    }

    static func decode(from decoder: inout SnapshotDecoder, summary: SnapshotSummary, into entities: inout [Entity]) throws(SnapshotError) {
        let count = try decoder.batch(continuing: entities.count, of: summary.entities)
        let names = try decoder.stringColumn(count: count)
        let kinds = try decoder.column(UInt8.self, count: count)
        let aliases = try decoder.stringLists(count: count)
        let roles = try decoder.stringLists(count: count)
        let countries = try decoder.symbols(count: count)
        try decoder.finish()
        for row in 0..<count {
            entities.append(
                Entity(
                    name: names[row], kind: try decoder.value(kinds[row]), aliases: aliases[row], roles: roles[row],
                    country: countries[row]))
        }
    }
}
