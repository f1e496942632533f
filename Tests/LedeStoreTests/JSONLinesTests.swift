import Foundation
import LedeStore
import Testing

@Suite struct JSONLinesTests {
    @Test func readsEveryFieldAndKeepsUnknownKeys() throws {
        let folder = try Fixtures.TemporaryFolder()
        let record = #"""
            {"id": "r-1", "headline": "Tokyo stocks rise", "published": "1987-03-03T09:15:00+09:00", "timezone": "Asia/Tokyo", "source": "Reuters", "section": "markets", "body": "TOKYO, March 3 - Stocks rose.\n\nTraders cheered.", "topics": ["stocks"], "score": 2.5}
            """#
        try folder.write("set.jsonl", record + "\n")
        let corpus = try CorpusLoader.load(folder.path)
        let article = try #require(corpus.articles.first)
        #expect(corpus.issues.isEmpty)
        #expect(article.key == "r-1")
        #expect(article.title == "Tokyo stocks rise")
        #expect(article.published?.iso8601 == "1987-03-03T09:15:00+09:00")
        #expect(article.published?.zone == "Asia/Tokyo")
        #expect(article.source == "Reuters")
        #expect(article.section == "markets")
        #expect(article.text == "TOKYO, March 3 - Stocks rose.\n\nTraders cheered.")
        #expect(article.paragraphs.count == 2)
        #expect(article.extra == #"{"topics": ["stocks"],"score": 2.5}"#)
        #expect(article.extraFields.map(\.key) == ["topics", "score"])
        #expect(article.extraFields.first?.value == .array([.string("stocks")]))
    }

    /// Words are runs between white space that hold a letter or digit: "U.S." is one, a lone
    /// dash none, a no-break space separates, and the blank line between paragraphs too.
    @Test func wordsAreRunsBetweenWhiteSpaceWithALetterOrDigit() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("w.jsonl", #"{"id": "w", "title": "Not counted", "body": "The U.S. \u2014 a\u00A0b foo_bar 3.5%\n\n\u201CCaf\u00E9s\u201D close (again) \u2026 \u0301 end."}"#)
        let article = try #require(try CorpusLoader.load(folder.path).articles.first)
        // The, U.S., a, b, foo_bar, 3.5%, “Cafés”, close, (again), end. — the dash, the ellipsis
        // and the lone combining accent hold no letter.
        #expect(article.words == 10)
    }

    /// A member written as null reads as one left out: no title, the id from file and line, no
    /// source; a null body is a record without one.
    @Test func aNullMemberReadsAsAMissingOne() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("n.jsonl", """
            {"id": null, "title": null, "headline": "H", "source": null, "body": "B."}
            {"id": 7, "body": null}
            """ + "\n")
        let corpus = try CorpusLoader.load(folder.path)
        let article = try #require(corpus.articles.first)
        #expect(corpus.articles.count == 1)
        #expect(article.key == "n:1")
        #expect(article.title == "H")
        #expect(article.source == nil)
        #expect(corpus.issues.map(\.message) == ["the record has no \"body\""])
        #expect(corpus.issues.first?.line == 2)
    }

    @Test func titleWinsOverHeadlineAndIdDefaultsToFileAndLine() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("news.jsonl", #"{"title": "T", "headline": "H", "body": "B."}"#)
        let article = try #require(try CorpusLoader.load(folder.path).articles.first)
        #expect(article.title == "T")
        #expect(article.key == "news:1")
    }

    /// A known key written twice keeps its last value, as in most JSON readers; an unknown
    /// one is kept as written, both times.
    @Test func aRepeatedKeyKeepsItsLastValue() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("twice.jsonl", #"{"title": "First", "body": "B.", "tag": 1, "title": "Second", "tag": 2}"#)
        let article = try #require(try CorpusLoader.load(folder.path).articles.first)
        #expect(article.title == "Second")
        #expect(article.extra == #"{"tag": 1,"tag": 2}"#)
    }

    /// Keys are compared by what they spell: an escape spells the same key as the letter it
    /// stands for, and a key one letter longer or shorter than a known one is an extra field.
    @Test func keysAreMatchedByWhatTheySpell() throws {
        let folder = try Fixtures.TemporaryFolder()
        var lines = Data(#"{"t\u0069tle": "Escaped", "b\u006Fdy": "B.", "bod": 1, "bodyx": 2, "": 3}"#.utf8)
        lines.append(Data(("\n" + #"{"id": "bad", "body": "B.", ""#).utf8))
        lines.append(contentsOf: [0x62, 0xFF])
        lines.append(Data((#"": 4}"#).utf8))
        try folder.write("keys.jsonl", lines)
        let corpus = try CorpusLoader.load(folder.path)
        let article = try #require(corpus.articles.first)
        #expect(article.title == "Escaped")
        #expect(article.text == "B.")
        #expect(article.extra == #"{"bod": 1,"bodyx": 2,"": 3}"#)
        #expect(corpus.issues.map(\.description) == ["keys.jsonl:2: invalid JSON at column 29: invalid UTF-8 in a string"])
    }

    @Test func offsetWithoutZoneAndUTC() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("a.jsonl", """
            {"id": "a", "published": "2004-05-01T10:00:00+02:00", "body": "A."}
            {"id": "b", "published": "1987-02-26T15:01:01Z", "timezone": "Etc/UTC", "body": "B."}
            {"id": "c", "published": "2019-05-14 21:40", "timezone": "Asia/Tehran", "body": "C."}
            """)
        let articles = try CorpusLoader.load(folder.path).articles
        #expect(articles[0].published?.description == "2004-05-01 10:00 +02:00")
        #expect(articles[0].timezone == "+02:00")
        #expect(articles[1].published?.description == "1987-02-26 15:01:01 UTC")
        #expect(articles[2].published?.iso8601 == "2019-05-14T21:40:00+04:30")
    }

    /// An offset the named zone did not have on that date keeps the instant, seen in the zone,
    /// and says so in the article's notes.
    @Test func offsetThatIsNotTheZones() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("a.jsonl", """
            {"id": "a", "published": "1987-03-03T09:15:00+08:00", "timezone": "Asia/Tokyo", "body": "A."}
            """ + "\n")
        let corpus = try CorpusLoader.load(folder.path)
        let article = try #require(corpus.articles.first)
        #expect(corpus.issues.isEmpty)
        #expect(article.published?.iso8601 == "1987-03-03T10:15:00+09:00")
        #expect(article.notes == ["published offset +08:00 is not Asia/Tokyo's offset on that date (+09:00); kept the instant"])
    }

    @Test func crlfRecords() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("a.jsonl", "{\"id\": \"a\", \"body\": \"A.\"}\r\n{\"id\": \"b\", \"body\": \"B.\"}\r\n")
        let corpus = try CorpusLoader.load(folder.path)
        #expect(corpus.issues.isEmpty)
        #expect(corpus.articles.map(\.key) == ["a", "b"])
    }
}
