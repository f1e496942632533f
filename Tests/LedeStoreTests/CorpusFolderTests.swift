import Foundation
import LedeStore
import Testing

@Suite struct CorpusFolderTests {
    @Test func loadsTxtAndJSONLinesBeneathAFolderInSortedPathOrder() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("b/2.txt", BadInputTests.goodArticle)
        try folder.write("a.jsonl", #"{"id": "j1", "body": "One."}"# + "\n" + #"{"id": "j2", "body": "Two."}"#)
        try folder.write("b/10.txt", BadInputTests.goodArticle)
        try folder.write("notes.md", "ignored")
        try folder.write(".hidden/x.txt", "ignored")
        let corpus = try CorpusLoader.load(folder.path)
        #expect(corpus.articles.map(\.file) == ["a.jsonl", "a.jsonl", "b/10.txt", "b/2.txt"])
        #expect(corpus.fileCount == 3)
    }

    @Test func idsDoNotDependOnTheNumberOfWorkers() throws {
        let folder = try Fixtures.TemporaryFolder()
        for i in 0..<150 {
            try folder.write("f\(String(format: "%03d", i)).txt", BadInputTests.goodArticle.replacingOccurrences(of: "Markets", with: "Markets \(i)"))
        }
        let one = try CorpusLoader.load(folder.path, options: LoadOptions(workers: 1))
        let two = try CorpusLoader.load(folder.path, options: LoadOptions(workers: 2))
        #expect(one.articles.map(\.text) == two.articles.map(\.text))
        #expect(one.articles.map(\.key) == (0..<150).map { "f" + String(format: "%03d", $0) })
    }

    @Test func symlinkLoopIsReportedNotFollowedForever() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("a/1.txt", BadInputTests.goodArticle)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a/loop", withDestinationPath: folder.path + "/a")
        let corpus = try CorpusLoader.load(folder.path)
        #expect(corpus.articles.count == 1)
        #expect(corpus.issues.map(\.description) == ["a/loop: skipped: a symbolic link loop leads back to a folder already read"])
    }

    @Test func fifoIsSkipped() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("1.txt", BadInputTests.goodArticle)
        #expect(mkfifo(folder.path + "/pipe.txt", 0o644) == 0)
        let corpus = try CorpusLoader.load(folder.path)
        #expect(corpus.articles.count == 1)
        #expect(corpus.issues.map(\.description) == ["pipe.txt: skipped: not a regular file (a FIFO)"])
    }
}
