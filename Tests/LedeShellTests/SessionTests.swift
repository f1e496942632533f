import Foundation
import LedeLanguage
import LedeShell
import LedeStore
import Testing

/// A session over seeds/ with string outputs.
final class TestSession {
    let output = StringOutput()
    let errors = StringOutput()
    let session: Session

    static let seeds: Corpus = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return (try? Session.loadCorpus([url.path + "/seeds"])) ?? Corpus()
    }()

    init(settings: Settings = Settings(), corpus: Corpus = TestSession.seeds) {
        session = Session(corpus: corpus, settings: settings, output: output, errors: errors)
    }

    @discardableResult
    func run(_ text: String, name: String = "<test>") -> Bool {
        session.run(SourceFile(name: name, text: text))
    }
}

@Suite struct SessionTests {
    @Test func queriesPrintInTheChosenFormat() {
        let t = TestSession()
        t.run("articles | count\n.format csv\narticles | select id, source, title\n.format json\narticles | select id, words\narticles | count\n.format jsonl\narticles | select id, section\n.format markdown\narticles | select id, source\n.format tsv\narticles | select id, notes")
        #expect(t.output.text == """
            1
            id,source,title
            1,Iran Press,US administration sanctions 3 senior North Korean officials while Washington claims reached better relations with Pyongyang.
            [
              {"id":1,"words":404}
            ]
            1
            {"id":1,"section":"Asia"}
            | id | source |
            | ---: | --- |
            | 1 | Iran Press |
            id\tnotes
            1\t[removed a stray '205/103' from the end of paragraph 10, dropped a repeated 'Read More' link to "Iranian Friendship Delegation meets North Korean officials"]

            """)
        #expect(t.errors.text.isEmpty)
        #expect(t.session.errorCount == 0)
    }

    @Test func aScriptStopsAtItsFirstErrorUnlessKeepGoing() {
        let t = TestSession()
        #expect(!t.run("articles | count\narticles | select titel\narticles | count", name: "s.lede"))
        #expect(t.output.text == "1\n")
        #expect(t.errors.text.hasPrefix("s.lede:2:19: error: unknown field 'titel' on Article"))
        #expect(t.session.errorCount == 1)

        var settings = Settings()
        settings.keepGoing = true
        let k = TestSession(settings: settings)
        #expect(!k.run("articles | selct x\narticles | count\nentities | where )\narticles | select titel"))
        #expect(k.output.text == "1\n")
        #expect(k.session.errorCount == 3)
        #expect(k.errors.text.components(separatedBy: "\n").filter { $0.contains(": error: ") }.count == 3)
    }

    @Test func dotCommands() {
        let t = TestSession()
        t.run(".help where")
        #expect(t.output.text.hasPrefix("where CONDITION   (stage)\n  keeps the rows for which the condition is true\n\nexample:\n  articles | where words > 300 | select title\n"))
        t.output.clear()
        t.run(".schema Link")
        #expect(t.output.text.hasPrefix("Link: a related-article link printed in a body"))
        #expect(t.output.text.contains("  origin   Article  the article whose body prints the link"))
        t.output.clear()
        t.run(".corpus")
        #expect(t.output.text.contains("1 articles, 11 paragraphs, 12 sentences, 404 words"))
        t.output.clear()
        t.run(".explain articles | count by source")
        #expect(t.output.text.contains("count by: count into the source column's 1 value, most frequent first"))
        t.output.clear()
        t.run(".format")
        #expect(t.output.text == "format: table\n")
        #expect(!t.run(".fromat csv"))
        #expect(t.errors.text.contains("unknown command '.fromat'"))
        #expect(t.errors.text.contains("help: did you mean '.format'?"))
        #expect(!t.run(".format xml"))
        #expect(!t.run(".timer maybe"))
        #expect(t.errors.text.contains("usage: .timer on|off"))
        #expect(t.run(".quit"))
        #expect(t.session.quitRequested)
    }

    @Test func showArticleMarksMentionsAndLastRepeatsUncapped() {
        var settings = Settings()
        settings.interactive = true
        settings.rowCap = 2
        let t = TestSession(settings: settings)
        t.run("articles | expand related as r | select r.title")
        #expect(t.output.text.hasSuffix("4 rows, 2 shown (.show all for the rest)\n"))
        t.output.clear()
        t.run(".last")
        #expect(t.output.text.hasSuffix("4 rows\n"))
        t.output.clear()
        t.run(".show article 1")
        #expect(t.output.text.hasPrefix("#1  US administration sanctions 3 senior North Korean officials while Washington claims reached better relations with Pyongyang.\n2018-12-11 08:15 Asia/Tehran · updated 2019-05-14 21:40 Asia/Tehran · Iran Press/Asia · 404 words\n• Choe Ryong Hae number two North Korean official\n"))
        #expect(t.output.text.contains("Read More: US secretly plotting to unleash a war: North Korea\n"))
        #expect(!t.run(".show article 7"))
    }

    @Test func outputFilesAreWrittenWhenClosed() throws {
        let folder = NSTemporaryDirectory() + "lede-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        try "old content\n".write(toFile: path, atomically: true, encoding: .utf8)
        let t = TestSession()
        t.run(".format csv\n.output \(path)\narticles | select id")
        // Until .output is closed the old file is untouched.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old content\n")
        t.run(".output")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id\n1\n")
        t.run(".once \(folder)/once.csv\narticles | count\narticles | count")
        #expect(try String(contentsOfFile: folder + "/once.csv", encoding: .utf8) == "count\n1\n")
        #expect(t.output.text == "count\n1\n")
    }

    @Test func writeErrorsAreReportedAndCounted() {
        let t = TestSession()
        #expect(!t.run(".output /nonexistent-folder/x.csv"))
        #expect(t.errors.text.contains("cannot write '/nonexistent-folder/x.csv': no such file or directory"))
        #expect(t.session.errorCount == 1)
        #expect(t.run("articles | count"))
    }

    @Test func safeModeRefusesWritesAndReadsOutsideTheCorpus() {
        var settings = Settings()
        settings.safe = true
        let t = TestSession(settings: settings)
        #expect(!t.run(".output x.csv"))
        #expect(t.errors.text.contains("'.output' writes files, which --safe does not allow"))
        #expect(!t.run(".read /etc/hostname"))
        #expect(t.errors.text.contains("'.read' outside the corpus folder is not allowed with --safe"))
        #expect(!t.run(".load /tmp"))
        #expect(t.errors.text.contains("'.load' outside the corpus folder is not allowed with --safe"))
        #expect(t.run("articles | count"))
    }

    @Test func readRunsAFileAndItsErrorsNameIt() throws {
        let folder = NSTemporaryDirectory() + "lede-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "articles | count\n\narticles | select wrods\n".write(toFile: folder + "/inner.lede", atomically: true, encoding: .utf8)
        try ".read inner.lede\n".write(toFile: folder + "/outer.lede", atomically: true, encoding: .utf8)
        try ".read loop.lede\n".write(toFile: folder + "/loop.lede", atomically: true, encoding: .utf8)
        let t = TestSession()
        let outer = try String(contentsOfFile: folder + "/outer.lede", encoding: .utf8)
        #expect(!t.run(outer, name: folder + "/outer.lede"))
        #expect(t.output.text == "1\n")
        #expect(t.errors.text.hasPrefix("\(folder)/inner.lede:3:19: error: unknown field 'wrods' on Article"))
        t.errors.clear()
        #expect(!t.run(".read loop.lede", name: folder + "/x.lede"))
        #expect(t.errors.text.contains("'loop.lede' is already being read (a .read loop)"))
    }

    @Test func parametersBindNames() {
        let t = TestSession()
        for parameter in ["min=100", "since=2018-12-01", "who=Mnuchin", "ratio=0.5"] {
            if let (name, value) = Parameter.parse(parameter) { t.session.bind(name, to: value) }
        }
        t.run("articles | where words > min and published >= since | select words * ratio, who")
        #expect(t.output.text.hasSuffix("202.0  Mnuchin\n"))
        #expect(!t.run("articles | where words > maximum"))
        #expect(t.errors.text.contains("unknown field 'maximum' on Article"))
        #expect(Parameter.parse("1x=2") == nil)
    }

    @Test func timerPrintsToStandardError() {
        let t = TestSession()
        t.run(".timer on\narticles | count")
        #expect(t.output.text == "1\n")
        #expect(t.errors.text.hasPrefix("time: "))
    }

    @Test func timeoutStopsALongStatement() {
        var settings = Settings()
        settings.timeout = 0.2
        let t = TestSession(settings: settings)
        let started = Date()
        let query = "paragraphs | expand article.paragraphs as a | expand a.article.paragraphs as b | expand b.article.paragraphs as c | expand c.article.paragraphs as d | expand d.article.paragraphs as e | expand e.article.paragraphs as f | count"
        #expect(!t.run(query))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(t.errors.text.contains("stopped after 200.0 ms: the statement ran longer than --timeout"))
    }
}

@Suite struct LoadCommandTests {
    @Test func loadReplacesAndPlusAddsACorpus() throws {
        let folder = NSTemporaryDirectory() + "lede-load-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"id": "x", "title": "Extra", "body": "Oslo is cold."}"#.write(toFile: folder + "/more.jsonl", atomically: true, encoding: .utf8)
        let t = TestSession()
        #expect(t.run(".load +\(folder)\narticles | select key"))
        #expect(t.output.text.hasSuffix("000_191f30f456bb703e\nx\n"))
        t.output.clear()
        #expect(t.run(".load \(folder)\narticles | count"))
        #expect(t.output.text.hasSuffix("1\n"))
        #expect(t.errors.text.contains("1 article"))
        #expect(!t.run(".load /nonexistent/corpus"))
        #expect(t.errors.text.contains("cannot open '/nonexistent/corpus': no such file or directory"))
    }

    @Test func completionOffersPathsAfterLoad() throws {
        let folder = NSTemporaryDirectory() + "lede-complete-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "x".write(toFile: folder + "/arch.jsonl", atomically: true, encoding: .utf8)
        let completer = Completer(corpus: TestSession.seeds, globals: [:])
        let line = ".load \(folder)/ar"
        let completion = completer.complete(line, cursor: line.count)
        #expect(completion.candidates == ["arch.jsonl", "articles/"])
        #expect(completion.replacing == 2)
    }
}
