import Foundation
@testable import LedeStore
import Testing

/// JSON Lines are read in blocks that shrink as the corpus's end nears, where memory peaks;
/// the blocks' sizes and the storage the assemblers keep between them must not change what
/// is loaded.
@Suite struct BlockSizeTests {
    @Test func blocksShrinkToASixteenthOfWhatIsLeft() {
        let largest = CorpusLoader.largestJSONLinesBlockBytes
        let smallest = CorpusLoader.smallestJSONLinesBlockBytes
        #expect(CorpusLoader.jsonLinesBlockBytes(remaining: 100 << 20) == largest)
        #expect(CorpusLoader.jsonLinesBlockBytes(remaining: 16 * largest) == largest)
        #expect(CorpusLoader.jsonLinesBlockBytes(remaining: 16 << 20) == 1 << 20)
        #expect(CorpusLoader.jsonLinesBlockBytes(remaining: 1 << 20) == smallest)
        #expect(CorpusLoader.jsonLinesBlockBytes(remaining: 0) == smallest)
        #expect(CorpusLoader.jsonLinesBlockBytes(remaining: -5) == smallest)
    }

    /// About a megabyte of articles, several blocks of the smallest size and a short last one:
    /// with one worker and with three, the same articles, in order, and the same index.
    @Test func aCorpusOfManyBlocksLoadsTheSameWithAnyNumberOfWorkers() throws {
        let folder = try Fixtures.TemporaryFolder()
        let words = ["sanctions", "Korea", "rates", "interest", "human", "rights", "Tokyo", "bank", "oil", "talks"]
        var lines: [String] = []
        var bytes = 0
        var k = 0
        while bytes < 1 << 20 {
            let body = (0..<120).map { words[($0 * 7 + k) % words.count] + ($0 % 13 == 0 ? "." : "") }.joined(separator: " ")
            let line = #"{"id": "a\#(k)", "title": "Report \#(k % 97)", "body": "\#(body) n\#(k)."}"#
            lines.append(line)
            bytes += line.utf8.count + 1
            k += 1
        }
        let path = try folder.write("news.jsonl", lines.joined(separator: "\n") + "\n")
        let one = try CorpusLoader.load(path, options: LoadOptions(workers: 1))
        let three = try CorpusLoader.load(path, options: LoadOptions(workers: 3))
        #expect(one.articles.count == k)
        #expect(three.articles.map(\.key) == (0..<k).map { "a\($0)" })
        #expect(one.articles.map(\.text) == three.articles.map(\.text))
        for query in ["sanctions", "\"interest rates\"", "Korea -talks", "n\(k - 1)", "report"] {
            let parsed = try SearchQuery(parsing: query)
            #expect(one.search.articles(matching: parsed) == three.search.articles(matching: parsed), "\(query)")
        }
        #expect(one.search.articles(matching: try SearchQuery(parsing: "n\(k - 1)")) == [ArticleID(k - 1)])
        #expect(one.search.statistics == three.search.statistics)
    }
}
