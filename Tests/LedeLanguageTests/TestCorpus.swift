import Foundation
import LedeLanguage
import LedeStore

/// A small corpus built in the test itself: three articles and an extractor that tags a fixed
/// list of names, so evaluation tests do not depend on the real extractor.
enum TestCorpus {
    static let articles: [(name: String, text: String)] = [
        ("a.txt", """
            Mar 3, 2020 09:00 Asia/Tokyo

            Tokyo markets rise as Abe speaks

            Kyodo/Business: Shinzo Abe said markets in Tokyo rose on Monday.

            “We are confident,” Abe said. Toyota gained.
            """),
        ("b.txt", """
            Mar 5, 2020 18:30 Europe/Paris

            Paris talks on trade

            AFP/World: Emmanuel Macron met Shinzo Abe in Paris.

            Related News:

            Tokyo markets rise as Abe speaks
            """),
        ("c.jsonl", #"{"id": "c1", "title": "Quiet day", "published": "2020-03-06T08:00:00Z", "source": "Wire", "body": "Nothing happened in Lima.", "topics": ["misc"]}"#),
    ]

    /// Names the fixture extractor tags: surface form, canonical name, kind, form.
    static let names: [(String, String, EntityKind, MentionForm)] = [
        ("Shinzo Abe", "Shinzo Abe", .person, .name),
        ("Abe", "Shinzo Abe", .person, .name),
        ("Emmanuel Macron", "Emmanuel Macron", .person, .name),
        ("Tokyo", "Tokyo", .place, .name),
        ("Paris", "Paris", .place, .name),
        ("Lima", "Lima", .place, .name),
        ("Toyota", "Toyota", .organization, .name),
    ]

    static let corpus: Corpus = {
        let folder = NSTemporaryDirectory() + "lede-language-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in articles {
            try? text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let corpus = (try? CorpusLoader.load(folder, options: LoadOptions(extractor: FixtureExtractor(), workers: 1)))
            ?? Corpus()
        try? FileManager.default.removeItem(atPath: folder)
        return corpus
    }()
}

/// Tags every occurrence of `TestCorpus.names` (longest first, no overlaps), quotes in curly
/// marks with the next person as speaker, and "on Monday" as a date.
struct FixtureExtractor: ArticleExtractor {
    func extract(_ article: ExtractionInput) -> ExtractionResult {
        var result = ExtractionResult()
        let bytes = Array(article.text.utf8)
        var taken = [Bool](repeating: false, count: bytes.count)
        var found: [ExtractedMention] = []
        for (surface, canonical, kind, form) in TestCorpus.names.sorted(by: { $0.0.count > $1.0.count }) {
            let needle = Array(surface.utf8)
            var i = 0
            while i + needle.count <= bytes.count {
                if Array(bytes[i..<(i + needle.count)]) == needle, !taken[i..<(i + needle.count)].contains(true) {
                    for k in i..<(i + needle.count) { taken[k] = true }
                    let sentence = article.sentences.firstIndex { $0.range.contains(i) } ?? 0
                    found.append(ExtractedMention(entity: EntityKey(name: canonical, kind: kind), range: i..<(i + needle.count), sentence: sentence, form: form))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        result.mentions = found.sorted { $0.range.lowerBound < $1.range.lowerBound }
        for mention in result.mentions where mention.entity.kind == .place {
            result.countries[mention.entity] = mention.entity.name == "Paris" ? "France" : (mention.entity.name == "Lima" ? "Peru" : "Japan")
        }
        result.roles[EntityKey(name: "Shinzo Abe", kind: .person)] = ["Prime Minister"]

        let text = article.text
        if let open = text.range(of: "“"), let close = text.range(of: "”", range: open.upperBound..<text.endIndex) {
            let start = text.utf8.distance(from: text.startIndex, to: open.upperBound)
            let end = text.utf8.distance(from: text.startIndex, to: close.lowerBound)
            let speaker = result.mentions.first { $0.range.lowerBound > end && $0.entity.kind == .person }
            let paragraph = article.paragraphs.firstIndex { $0.contains(start) } ?? 0
            result.quotes.append(ExtractedQuote(range: start..<end, paragraph: paragraph, speaker: speaker?.entity, attribution: speaker.map { _ in "Abe said" }))
        }
        if let monday = text.range(of: "on Monday") {
            let start = text.utf8.distance(from: text.startIndex, to: monday.lowerBound)
            let sentence = article.sentences.firstIndex { $0.range.contains(start) } ?? 0
            let date = article.published.map { $0.localDate.adding(days: -(($0.localDate.weekday + 6) % 7 == 0 ? 7 : ($0.localDate.weekday + 6) % 7)) }
            result.dates.append(ExtractedDate(range: start..<(start + "on Monday".utf8.count), sentence: sentence, date: date, end: date, precision: .day))
        }
        return result
    }
}

/// Runs one statement over the test corpus and returns its table, or the diagnostic.
enum Run {
    static func query(
        _ text: String, globals: [String: ResultSet] = [:], maximumHeldRows: Int = Evaluator.maximumHeldRows
    ) throws -> ResultTable {
        let file = SourceFile(name: "<test>", text: text)
        let parsed = Parser.parseStatement(file, range: 0..<text.utf8.count)
        if let diagnostic = parsed.diagnostics.first { throw diagnostic }
        guard let statement = parsed.statement, case .query(let pipeline) = statement.kind else {
            throw Diagnostic("not a query", at: .at(0))
        }
        let corpus = TestCorpus.corpus
        let checked = try Checker(corpus: corpus, globals: globals.mapValues(\.globalType)).check(pipeline)
        let evaluator = Evaluator(corpus: corpus, globals: globals, cancellation: CancellationFlag(), maximumHeldRows: maximumHeldRows)
        let result = try evaluator.run(checked, range: pipeline.range)
        return ResultTable(result, corpus: corpus)
    }

    /// The cells of a result as text.
    static func cells(_ text: String, maximumHeldRows: Int = Evaluator.maximumHeldRows) throws -> [[String]] {
        let table = try query(text, maximumHeldRows: maximumHeldRows)
        let formatter = ValueFormatter(corpus: TestCorpus.corpus)
        return table.rows.map { $0.map { formatter.text(of: $0) } }
    }

    /// The diagnostic a statement produces, rendered.
    static func error(_ text: String) -> String? {
        do {
            _ = try query(text)
            return nil
        } catch let diagnostic as Diagnostic {
            return DiagnosticRenderer.render(diagnostic, in: SourceFile(name: "<test>", text: text))
        } catch {
            return "\(error)"
        }
    }
}
