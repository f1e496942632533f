/// The first section after the key: how many rows each table has, so every later section can
/// be checked against them, and the corpus's own facts about its loading.
struct SnapshotSummary: Equatable {
    var articles: Int
    var paragraphs: Int
    var sentences: Int
    var links: Int
    var entities: Int
    var mentions: Int
    var quotes: Int
    var dates: Int
    var fileCount: Int
    var issues: [LoadIssue]

    init(_ corpus: Corpus) {
        articles = corpus.articles.count
        paragraphs = corpus.paragraphs.count
        sentences = corpus.sentences.count
        links = corpus.links.count
        entities = corpus.entities.count
        mentions = corpus.mentions.count
        quotes = corpus.quotes.count
        dates = corpus.dates.count
        fileCount = corpus.fileCount
        issues = corpus.issues
    }

    func encode(into encoder: inout SnapshotEncoder) {
        for count in [articles, paragraphs, sentences, links, entities, mentions, quotes, dates, fileCount] {
            encoder.append(Int64(count))
        }
        encoder.append(strings: issues.map(\.path))
        encoder.append(column: issues.map { Int64($0.line ?? -1) })
        encoder.append(strings: issues.map(\.message))
        encoder.append(column: issues.map { UInt8($0.severity == .skipped ? 0 : 1) })
    }

    /// The row count of each table.
    var rowCounts: [Int] { [articles, paragraphs, sentences, links, entities, mentions, quotes, dates] }

    init(from decoder: inout SnapshotDecoder) throws(SnapshotError) {
        articles = try decoder.count()
        paragraphs = try decoder.count()
        sentences = try decoder.count()
        links = try decoder.count()
        entities = try decoder.count()
        mentions = try decoder.count()
        quotes = try decoder.count()
        dates = try decoder.count()
        fileCount = try decoder.count()
        let paths = try decoder.strings()
        let lines = try decoder.column(Int64.self, count: paths.count)
        let messages = try decoder.strings(count: paths.count)
        let severities = try decoder.column(UInt8.self, count: paths.count)
        try decoder.finish()
        issues = []
        for index in paths.indices {
            let severity: LoadIssue.Severity
            switch severities[index] {
            case 0: severity = .skipped
            case 1: severity = .warning
            default: throw decoder.corrupt("\(severities[index]) is not a severity")
            }
            guard lines[index] >= -1, lines[index] <= Int64(Int32.max) else { throw decoder.corrupt("a line number \(lines[index])") }
            let line = lines[index] == -1 ? nil : Int(lines[index])
            issues.append(LoadIssue(path: paths[index], line: line, message: messages[index], severity: severity))
        }
    }
}
