import Foundation
import LedeStore
import Testing

/// Bad files are reported as `path:line: reason` and everything else still loads.
@Suite struct BadInputTests {
    static let goodArticle = """
        Mar 3, 2020 09:00 Asia/Tokyo

        A headline about Tokyo

        Kyodo/World: TOKYO, March 3 - Markets rose on Tuesday.

        Analysts said the rally would last.
        """

    func load(_ files: [String: Data]) throws -> Corpus {
        let folder = try Fixtures.TemporaryFolder()
        for (name, data) in files { try folder.write(name, data) }
        return try CorpusLoader.load(folder.path)
    }

    func issues(_ corpus: Corpus) -> [String] {
        corpus.issues.map(\.description)
    }

    @Test func notUTF8() throws {
        var bytes = Data(Self.goodArticle.utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE], at: bytes.count - 10)
        let corpus = try load(["bad.txt": bytes, "good.txt": Data(Self.goodArticle.utf8)])
        #expect(issues(corpus) == ["bad.txt:7: not valid UTF-8 (byte 0xFF at column 26)"])
        #expect(corpus.articles.map(\.key) == ["good"])
        #expect(corpus.skippedCount == 1)
        #expect(corpus.fileCount == 2)
    }

    @Test func noDateLine() throws {
        let corpus = try load(["nodate.txt": Data("Just a headline\n\nAnd a body.\n".utf8), "good.txt": Data(Self.goodArticle.utf8)])
        #expect(issues(corpus) == ["nodate.txt:1: expected a date line like 'Dec 11, 2018 08:15 Asia/Tehran', found 'Just a headline'"])
        #expect(corpus.articles.count == 1)
    }

    @Test func unknownZone() throws {
        let text = Self.goodArticle.replacingOccurrences(of: "Asia/Tokyo", with: "Mars/Olympus")
        let corpus = try load(["mars.txt": Data(text.utf8)])
        #expect(issues(corpus) == ["mars.txt:1: unknown time zone 'Mars/Olympus'"])
        #expect(corpus.articles.isEmpty)
    }

    @Test func invalidCalendarDate() throws {
        let text = Self.goodArticle.replacingOccurrences(of: "Mar 3, 2020", with: "Feb 30, 2020")
        let corpus = try load(["feb.txt": Data(text.utf8)])
        #expect(issues(corpus) == ["feb.txt:1: invalid date 'Feb 30, 2020'"])
    }

    @Test func emptyFile() throws {
        let corpus = try load(["empty.txt": Data(), "good.txt": Data(Self.goodArticle.utf8)])
        #expect(issues(corpus) == ["empty.txt: the file is empty"])
        #expect(corpus.articles.count == 1)
    }

    @Test func whitespaceOnlyFile() throws {
        let corpus = try load(["blank.txt": Data("  \n\n \n".utf8)])
        #expect(issues(corpus) == ["blank.txt: the file is empty"])
    }

    @Test func nulBytes() throws {
        let corpus = try load(["zeros.txt": Data(repeating: 0, count: 64)])
        #expect(issues(corpus) == ["zeros.txt:1: binary data (a NUL byte), not text"])
    }

    @Test func badJSONLineAmongGoodOnes() throws {
        let lines = [
            #"{"id": "a", "title": "First", "body": "One."}"#,
            #"{"id": "b", "title": "Second", "body": "Two.""#,
            #"{"id": "c", "title": "Third"}"#,
            #"["not", "an", "object"]"#,
            #"{"id": "d", "title": 4, "body": "Four."}"#,
            "",
            #"{"id": "e", "title": "Fifth", "body": "Five."}"#,
        ]
        let corpus = try load(["set.jsonl": Data(lines.joined(separator: "\n").utf8)])
        #expect(issues(corpus) == [
            "set.jsonl:2: invalid JSON at column 46: unexpected end of line: expected ',' or '}'",
            "set.jsonl:3: the record has no \"body\"",
            "set.jsonl:4: expected a JSON object with a \"body\", found an array",
            "set.jsonl:5: \"title\" must be a string, found a number",
        ])
        #expect(corpus.articles.map(\.key) == ["a", "e"])
        #expect(corpus.articles.map(\.line) == [1, 7])
        #expect(corpus.skippedCount == 4)
    }

    @Test func jsonLineInAnUnknownZone() throws {
        let line = #"{"id": "z", "published": "2020-01-01T10:00:00Z", "timezone": "Nowhere/Land", "body": "Text."}"#
        let corpus = try load(["z.jsonl": Data(line.utf8)])
        #expect(issues(corpus) == ["z.jsonl:1: unknown time zone 'Nowhere/Land'"])
    }

    @Test func deeplyNestedJSONIsAnErrorNotACrash() throws {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let line = #"{"id": "deep", "body": "Text.", "x": "# + nested + "}"
        let corpus = try load(["deep.jsonl": Data((line + "\n" + #"{"body": "Fine."}"#).utf8)])
        #expect(issues(corpus) == ["deep.jsonl:1: invalid JSON at column 293: nested more than 256 levels deep"])
        #expect(corpus.articles.count == 1)
    }

    @Test func crlfAndMissingFinalNewlineLoadLikeLF() throws {
        let lf = try load(["a.txt": Data((Self.goodArticle + "\n").utf8)])
        let crlf = try load(["a.txt": Data(Self.goodArticle.replacingOccurrences(of: "\n", with: "\r\n").utf8)])
        let bare = try load(["a.txt": Data(Self.goodArticle.utf8)])
        for corpus in [crlf, bare] {
            #expect(corpus.issues.isEmpty)
            #expect(corpus.articles.first?.text == lf.articles.first?.text)
            #expect(corpus.articles.first?.title == lf.articles.first?.title)
            #expect(corpus.articles.first?.source == "Kyodo")
            #expect(corpus.articles.first?.section == "World")
            #expect(corpus.paragraphs.count == lf.paragraphs.count)
        }
    }

    @Test func missingPathIsAnError() {
        #expect(throws: CorpusLoadError.self) { try CorpusLoader.load("/nonexistent/lede-corpus") }
        do {
            _ = try CorpusLoader.load("/nonexistent/lede-corpus")
        } catch {
            #expect(error.message == "cannot open '/nonexistent/lede-corpus': no such file or directory")
        }
    }
}
