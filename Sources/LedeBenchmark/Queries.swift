/// The issue's queries, each as Lede says it and as sqlite3 says it (when sqlite can).
struct BenchQuery: Sendable {
    enum Shape: Sendable {
        /// A single number.
        case count
        /// Rows identified by an article id: Lede's column, sqlite's column; `ranked` when both
        /// sides order by BM25, so the same ids in the same order are expected.
        case hits(ledeKey: String, sqliteKey: String, ranked: Bool)
        /// Groups with a count: group column, Lede's count column, sqlite's count column.
        case groups(key: String, ledeCount: String, sqliteCount: String)
        /// Lede only: shown, not compared.
        case rows
    }

    var id: String
    var title: String
    var lede: String
    var sql: String?
    var shape: Shape
    /// The ids behind a count, to name the articles on which Lede and sqlite disagree.
    var ledeIDs: String?
    var sqlIDs: String?
    /// jq and ripgrep take part in this one (the phrase count), as in perf_baselines.sh.
    var scanned = false

    static let humanRights = #"search "\"human rights\"""#
    static let april1987 = "articles | where published >= 1987-04-01 and published < 1987-05-01"
    static let aprilSQL = "FROM articles WHERE published >= '1987-04-01' AND published < '1987-05-01'"

    static let all: [BenchQuery] = [
        BenchQuery(
            id: "phrase", title: #"phrase count "human rights""#,
            lede: humanRights + " | count",
            sql: #"SELECT count(*) FROM fts WHERE fts MATCH '"human rights"';"#, shape: .count,
            ledeIDs: humanRights + " | select article.key",
            sqlIDs: #"SELECT a.id FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH '"human rights"';"#,
            scanned: true),
        BenchQuery(
            id: "and", title: "both words sanctions and Korea",
            lede: #"search "sanctions Korea" | count"#,
            sql: "SELECT count(*) FROM fts WHERE fts MATCH 'sanctions AND korea';", shape: .count,
            ledeIDs: #"search "sanctions Korea" | select article.key"#,
            sqlIDs: "SELECT a.id FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH 'sanctions AND korea';"),
        BenchQuery(
            id: "april", title: "published in April 1987",
            lede: april1987 + " | count",
            sql: "SELECT count(*) \(aprilSQL);", shape: .count,
            ledeIDs: april1987 + " | select key",
            sqlIDs: "SELECT id \(aprilSQL);"),
        BenchQuery(
            id: "snippets", title: "first 10 phrase hits with snippets",
            lede: humanRights + " | take 10 | select article.key, snippet",
            sql: """
                SELECT a.id, snippet(fts, -1, '[', ']', '...', 12) AS snippet FROM fts JOIN articles a ON a.rowid = fts.rowid \
                WHERE fts MATCH '"human rights"' LIMIT 10;
                """,
            shape: .hits(ledeKey: "article.key", sqliteKey: "id", ranked: false)),
        // Not in the issue's list: Lede ranks its hits by BM25 as FTS5 does, so asking sqlite for
        // its best-ranked ten (ties in rowid order, as Lede breaks them) checks the ranking too.
        BenchQuery(
            id: "snippets-ranked", title: "(extra) 10 best-ranked phrase hits with snippets",
            lede: humanRights + " | take 10 | select article.key, snippet",
            sql: """
                SELECT a.id, snippet(fts, -1, '[', ']', '...', 12) AS snippet FROM fts JOIN articles a ON a.rowid = fts.rowid \
                WHERE fts MATCH '"human rights"' ORDER BY fts.rank, a.rowid LIMIT 10;
                """,
            shape: .hits(ledeKey: "article.key", sqliteKey: "id", ranked: true)),
        BenchQuery(
            id: "sources", title: "count by source",
            lede: "articles | count by source",
            sql: "SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC;",
            shape: .groups(key: "source", ledeCount: "count", sqliteCount: "count(*)")),
        BenchQuery(
            id: "places", title: "ten most-mentioned places",
            lede: #"entities | where kind == "place" | sort count desc | take 10"#, shape: .rows),
        BenchQuery(
            id: "japan", title: #"entities co-occurring with "Japan""#,
            lede: #"entity "Japan" | cooccur | take 10"#, shape: .rows),
        // Not in the issue's list: a frequent phrase shows how each side scales with the hits.
        BenchQuery(
            id: "common-phrase", title: #"(extra) phrase count "interest rates""#,
            lede: #"search "\"interest rates\"" | count"#,
            sql: #"SELECT count(*) FROM fts WHERE fts MATCH '"interest rates"';"#, shape: .count,
            ledeIDs: #"search "\"interest rates\"" | select article.key"#,
            sqlIDs: #"SELECT a.id FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH '"interest rates"';"#),
    ]

    /// jq over the JSON Lines, as perf_baselines.sh's q1_phrase_count.jq.
    static let jqPhraseCount = #"""
        reduce inputs as $a (0; if ((($a.headline // "") + " " + ($a.body // "")) | test("human\\s+rights"; "i")) then . + 1 else . end)
        """#
    /// ripgrep over the .txt folder: files holding the phrase, as perf_baselines.sh (`| wc -l` done here).
    static let rgPhrase = #"human\s+rights"#
}
