import Foundation
@testable import LedeStore

/// A small corpus with every kind of row, an extractor that fills the extraction tables, and
/// a text rendering of every field of a corpus to compare two of them.
enum SnapshotFixtures {
    /// A folder holding the seed article (captions, an update, links, notes), JSON Lines
    /// records (zones, extra members, non-ASCII text, a title a link points to), a file that
    /// is skipped and a broken link.
    static func corpusFolder() throws -> Fixtures.TemporaryFolder {
        let folder = try Fixtures.TemporaryFolder()
        let seed = try String(contentsOfFile: Fixtures.seeds + "/000_191f30f456bb703e.txt", encoding: .utf8)
        try folder.write("seed/pyongyang.txt", seed)
        try folder.write("wire.jsonl", """
            {"id": "w-1", "headline": "North Korea condemns US over 'evil' push for sanctions", "published": "2018-12-12T10:00:00+09:00", "timezone": "Asia/Seoul", "source": "Reuters", "section": "world", "body": "PYONGYANG, Dec 12 - North Korea on Monday condemned the sanctions.\\n\\n“This is evil,” an official said of Donald Trump.", "topics": ["korea"], "score": 2.5}
            {"id": "w-2", "headline": "Café owners in Zürich", "published": "2019-05-14T21:40:00Z", "source": "Reuters", "body": "ZURICH - Café owners met on Monday.\\n\\nTrump was not there; the Treasury said nothing."}
            {"id": "w-3", "body": "A record with no headline, date or source."}
            not json at all
            """)
        try folder.write("empty.txt", "")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/gone.txt", withDestinationPath: folder.path + "/nowhere.txt")
        return folder
    }

    /// A snapshot cache in a temporary folder, removed with it; by default it saves every
    /// corpus, however quickly it loads.
    final class TemporaryCache {
        private let folder: Fixtures.TemporaryFolder
        let cache: SnapshotCache

        init(minimumLoadSeconds: Double = 0, minimumBytes: Int = 64 << 20) throws {
            folder = try Fixtures.TemporaryFolder()
            cache = SnapshotCache(directory: folder.path + "/lede", minimumLoadSeconds: minimumLoadSeconds, minimumBytes: minimumBytes)
        }

        /// Another cache with other thresholds over the same folder.
        init(sharing other: TemporaryCache, minimumLoadSeconds: Double) {
            folder = other.folder
            cache = SnapshotCache(directory: other.cache.directory, minimumLoadSeconds: minimumLoadSeconds)
        }

        func load(_ root: String, options: LoadOptions = SnapshotFixtures.options) throws -> LoadedCorpus {
            try cache.load([root], options: options)
        }

        func path(for root: String) -> String {
            cache.path(for: [root])
        }
    }

    static let options = LoadOptions(extractor: WordListExtractor(), workers: 2)

    /// The corpus loaded from its files, without any snapshot.
    static func fullLoad(_ path: String) throws -> Corpus {
        try CorpusLoader.load([path], options: options)
    }

    // MARK: Every field as text

    /// One line per row with every field, then the indexes in full.
    static func fingerprint(_ corpus: Corpus) -> [String] {
        var lines = ["roots \(corpus.roots)", "files \(corpus.fileCount)"]
        lines += corpus.issues.map { "issue \($0.path) \(String(describing: $0.line)) \($0.message) \($0.severity)" }
        for a in corpus.articles {
            lines.append(
                "article \(a.key)|\(a.file)|\(a.line)|\(String(describing: a.title))|\(dateTime(a.published))|\(dateTime(a.updated))"
                    + "|\(String(describing: a.source))|\(String(describing: a.section))|\(String(describing: a.dateline))|\(a.captions)"
                    + "|\(a.text)|\(a.isASCII)|\(a.words)|\(a.notes)|\(String(describing: a.extra))"
                    + "|\(a.paragraphs)|\(a.links)|\(a.mentions)|\(a.quotes)|\(a.dates)")
        }
        lines += corpus.paragraphs.map { "paragraph \($0.article) \($0.index) \($0.textRange) \($0.sentences)" }
        lines += corpus.sentences.map { "sentence \($0.paragraph) \($0.textRange)" }
        lines += corpus.links.map { "link \($0.article) \($0.label) \($0.title) \(String(describing: $0.target))" }
        lines += corpus.entities.indices.map { index in
            let entity = corpus.entities[index]
            let id = EntityID(index)
            return "entity \(entity.name) \(entity.kind) \(entity.aliases) \(entity.roles) \(String(describing: entity.country)) "
                + "\(Array(corpus.mentions(of: id))) \(Array(corpus.articles(of: id)))"
        }
        lines += corpus.mentions.indices.map { index in
            let mention = corpus.mentions[index]
            return "mention \(mention.entity) \(mention.article) \(mention.sentence) \(mention.textRange) "
                + "\(corpus.scalarRange(of: MentionID(index))) \(mention.form)"
        }
        lines += corpus.quotes.map {
            "quote \($0.article) \($0.paragraph) \($0.textRange) \(String(describing: $0.speaker)) \(String(describing: $0.attribution))"
        }
        lines += corpus.dates.map {
            "date \($0.article) \($0.sentence) \($0.textRange) \(String(describing: $0.date)) \(String(describing: $0.end)) \($0.precision)"
        }
        lines.append("published order \(corpus.publishedOrder)")
        for (name, index) in [("title", corpus.search.title), ("text", corpus.search.text)] {
            lines.append("\(name) terms \((0..<index.termCount).map { index.terms.term(Int32($0)) })")
            lines.append("\(name) lists \(index.lists)")
            lines.append("\(name) counts \(index.documentCounts) lengths \(index.documentLengths) total \(index.totalLength)")
        }
        return lines
    }

    private static func dateTime(_ value: ZonedDateTime?) -> String {
        value.map { "\($0.seconds) \($0.offset) \(String(describing: $0.zone))" } ?? "nil"
    }
}

/// Finds a few known names, every quotation in curly quotes, "Monday" as a date, and a
/// dateline: enough to fill every extraction table and field.
struct WordListExtractor: ArticleExtractor {
    static let names: [(text: String, key: EntityKey, form: MentionForm)] = [
        ("North Korean", EntityKey(name: "North Korea", kind: .place), .adjective),
        ("North Korea", EntityKey(name: "North Korea", kind: .place), .name),
        ("Pyongyang", EntityKey(name: "Pyongyang", kind: .place), .name),
        ("Treasury", EntityKey(name: "US Treasury", kind: .organization), .alias),
        ("Donald Trump", EntityKey(name: "Donald Trump", kind: .person), .name),
        ("Trump", EntityKey(name: "Donald Trump", kind: .person), .name),
        ("Zürich", EntityKey(name: "Zürich", kind: .place), .name),
    ]

    var identity: String { "word list 1" }

    func extract(_ article: ExtractionInput) -> ExtractionResult {
        var result = ExtractionResult()
        let bytes = Array(article.text.utf8)
        var taken = [Bool](repeating: false, count: bytes.count)
        for (text, key, form) in Self.names {
            for range in Self.occurrences(of: text, in: bytes) where !taken[range].contains(true) {
                for index in range { taken[index] = true }
                result.mentions.append(ExtractedMention(entity: key, range: range, sentence: sentence(of: range, in: article), form: form))
            }
        }
        result.mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        if result.mentions.contains(where: { $0.entity.name == "Donald Trump" }) {
            result.roles[EntityKey(name: "Donald Trump", kind: .person)] = ["US President"]
        }
        if result.mentions.contains(where: { $0.entity.name == "Pyongyang" }) {
            result.countries[EntityKey(name: "Pyongyang", kind: .place)] = "North Korea"
        }
        for open in Self.occurrences(of: "“", in: bytes) {
            guard let close = Self.occurrences(of: "”", in: bytes).first(where: { $0.lowerBound > open.upperBound }) else { continue }
            let paragraph = article.paragraphs.firstIndex { $0.contains(open.lowerBound) } ?? 0
            let speaker = result.mentions.first { $0.range.lowerBound > close.upperBound }?.entity
            result.quotes.append(
                ExtractedQuote(range: open.upperBound..<close.lowerBound, paragraph: paragraph, speaker: speaker, attribution: speaker == nil ? nil : "said"))
        }
        for range in Self.occurrences(of: "Monday", in: bytes) {
            let date = article.published.map { $0.localDate.adding(days: -1) }
            result.dates.append(ExtractedDate(range: range, sentence: sentence(of: range, in: article), date: date, end: date, precision: date == nil ? .span : .day))
        }
        if bytes.starts(with: Array("PYONGYANG".utf8)) { result.dateline = "Pyongyang" }
        return result
    }

    private func sentence(of range: Range<Int>, in article: ExtractionInput) -> Int {
        article.sentences.firstIndex { $0.range.contains(range.lowerBound) } ?? 0
    }

    private static func occurrences(of text: String, in bytes: [UInt8]) -> [Range<Int>] {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return [] }
        return (0...(bytes.count - needle.count)).filter { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
            .map { $0..<($0 + needle.count) }
    }
}
