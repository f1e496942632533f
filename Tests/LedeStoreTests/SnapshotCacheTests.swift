import Foundation
@testable import LedeStore
import Testing

/// Loading through the snapshot cache: the round trip, and snapshots that must not be used.
@Suite struct SnapshotCacheTests {
    @Test func aSnapshotHoldsEveryFieldTheIndexesAndTheEntities() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache()
        let first = try cache.load(corpus.path)
        #expect(first.origin == .files)
        #expect(first.notes.isEmpty)
        let second = try cache.load(corpus.path)
        #expect(second.origin == .snapshot(cache.path(for: corpus.path)))
        #expect(second.notes.isEmpty)

        let full = try SnapshotFixtures.fullLoad(corpus.path)
        let restored = second.corpus
        // The fixture exercises every table and the fields that are often empty.
        #expect(full.entities.count >= 4 && full.quotes.count >= 1 && full.dates.count >= 2 && full.links.count >= 2)
        #expect(full.links.contains { $0.target != nil })
        #expect(full.articles.contains { $0.updated != nil && !$0.captions.isEmpty && !$0.notes.isEmpty })
        #expect(full.articles.contains { $0.extra != nil && $0.dateline != nil })
        #expect(full.articles.contains { !$0.isASCII })
        #expect(full.issues.count == 3)
        #expect(SnapshotFixtures.fingerprint(restored) == SnapshotFixtures.fingerprint(full))

        for text in ["sanctions", "\"North Korea\"", "café OR evil", "korea -trump", "\"human rights\""] {
            let query = try SearchQuery(parsing: text)
            for field in [nil, SearchField.title, .text] {
                #expect(restored.search.search(query, in: field) == full.search.search(query, in: field))
                #expect(restored.search.articles(matching: query, in: field) == full.search.articles(matching: query, in: field))
            }
        }
        #expect(restored.search.statistics == full.search.statistics)
        for name in ["north korea", "Trump", "Pyong", "Zurich", "Nobody", ""] {
            #expect(restored.directory.resolve(name) == full.directory.resolve(name))
        }
        #expect(restored.directory.completions(of: "d") == full.directory.completions(of: "d"))
    }

    /// Scalar offsets are counted from the UTF-8 range when asked for; they must agree with
    /// the String's own view of the text, past a non-ASCII character too.
    @Test func aMentionsScalarRangeCountsUnicodeScalars() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let full = try SnapshotFixtures.fullLoad(corpus.path)
        var sawShift = false
        for index in full.mentions.indices {
            let mention = full.mentions[index]
            let text = full[mention.article].text
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: Int(mention.textRange.lowerBound))
            let upper = text.utf8.index(text.utf8.startIndex, offsetBy: Int(mention.textRange.upperBound))
            let start = text.unicodeScalars.distance(from: text.startIndex, to: lower)
            let end = text.unicodeScalars.distance(from: text.startIndex, to: upper)
            let range = full.scalarRange(of: MentionID(index))
            #expect(range == Int32(start)..<Int32(end))
            if range != mention.textRange { sawShift = true }
        }
        #expect(sawShift)
    }

    @Test func theCorpusKeepsItsRootsAsGivenWhicheverPathFindsTheSnapshot() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache()
        _ = try cache.load(corpus.path)
        let other = corpus.path + "/./seed/.."
        let loaded = try cache.load(other)
        #expect(loaded.origin == .snapshot(cache.path(for: corpus.path)))
        #expect(loaded.corpus.roots == [other])
    }

    @Test func aTouchedFileMakesItStaleAndItIsRebuilt() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache()
        _ = try cache.load(corpus.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: corpus.path + "/wire.jsonl")

        let reloaded = try cache.load(corpus.path)
        #expect(reloaded.origin == .files)
        #expect(reloaded.notes == ["snapshot \(cache.path(for: corpus.path)) is out of date ('wire.jsonl' changed); rebuilt it from the corpus files"])
        let again = try cache.load(corpus.path)
        #expect(again.origin == .snapshot(cache.path(for: corpus.path)))
        #expect(again.notes.isEmpty)
    }

    @Test func aChangedSizeAnAddedOrARemovedFileMakesItStale() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache()
        _ = try cache.load(corpus.path)
        let handle = try #require(FileHandle(forWritingAtPath: corpus.path + "/wire.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n{\"id\": \"w-4\", \"body\": \"Added later.\"}\n".utf8))
        try handle.close()

        let grown = try cache.load(corpus.path)
        #expect(grown.origin == .files)
        #expect(grown.notes.first?.contains("is out of date ('wire.jsonl' changed)") == true)
        #expect(grown.corpus.articles.contains { $0.key == "w-4" })

        try corpus.write("late/added.txt", BadInputTests.goodArticle)
        let added = try cache.load(corpus.path)
        #expect(added.origin == .files)
        #expect(added.notes.first?.contains("is out of date ('late/added.txt' was added)") == true)
        #expect(SnapshotFixtures.fingerprint(added.corpus) == SnapshotFixtures.fingerprint(try SnapshotFixtures.fullLoad(corpus.path)))

        try FileManager.default.removeItem(atPath: corpus.path + "/late/added.txt")
        let removed = try cache.load(corpus.path)
        #expect(removed.notes.first?.contains("is out of date ('late/added.txt' was removed)") == true)
        #expect(!removed.corpus.articles.contains { $0.key == "added" })
    }

    @Test func aSkippedFileThatBecomesReadableMakesItStale() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache()
        _ = try cache.load(corpus.path)
        // The broken link gone.txt now leads to an article.
        try corpus.write("nowhere.txt", BadInputTests.goodArticle)
        let loaded = try cache.load(corpus.path)
        #expect(loaded.origin == .files)
        #expect(loaded.notes.first?.contains("is out of date (") == true)
        #expect(loaded.corpus.articles.filter { $0.key == "gone" }.count == 1)
    }

    @Test func anotherExtractorMakesItStale() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache()
        _ = try cache.load(corpus.path)
        let plain = try cache.load(corpus.path, options: LoadOptions())
        #expect(plain.origin == .files)
        #expect(plain.notes.first?.contains("is out of date (made with extractor 'word list 1'; this load uses 'none')") == true)
        #expect(plain.corpus.entities.isEmpty)
    }

    @Test func anUnwritableCacheFolderStillLoadsWithANote() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let blocker = try Fixtures.TemporaryFolder()
        let file = try blocker.write("a-file", "not a folder")
        let cache = SnapshotCache(directory: file + "/lede", minimumLoadSeconds: 0)
        let loaded = try withExtendedLifetime(blocker) { try cache.load([corpus.path], options: SnapshotFixtures.options) }
        #expect(loaded.origin == .files)
        #expect(loaded.corpus.articles.count == 4)
        #expect(loaded.notes == ["snapshot \(cache.path(for: [corpus.path])) cannot be written (\(file) is not a folder); the corpus loaded without one"])
    }

    @Test func aQuickSmallCorpusIsNotSavedAndItsStaleSnapshotIsRemoved() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let eager = try SnapshotFixtures.TemporaryCache()
        let standard = SnapshotFixtures.TemporaryCache(sharing: eager, minimumLoadSeconds: 60)
        let path = eager.path(for: corpus.path)
        _ = try standard.load(corpus.path)
        #expect(!FileManager.default.fileExists(atPath: path))

        _ = try eager.load(corpus.path)
        #expect(FileManager.default.fileExists(atPath: path))
        try corpus.write("more.txt", BadInputTests.goodArticle)
        let loaded = try standard.load(corpus.path)
        #expect(loaded.notes == ["snapshot \(path) is out of date ('more.txt' was added); loaded the corpus files and removed it"])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// An extractor whose data takes a while to set up, on its first article unless prepared.
    final class SlowToPrepare: ArticleExtractor, @unchecked Sendable {
        private let lock = NSLock()
        private var prepared = false
        var identity: String { "slow to prepare" }

        func prepare() {
            lock.lock()
            defer { lock.unlock() }
            if !prepared { Thread.sleep(forTimeInterval: 0.3) }
            prepared = true
        }

        func extract(_ article: ExtractionInput) -> ExtractionResult {
            prepare()
            return ExtractionResult()
        }
    }

    /// What loading the corpus costs decides on a snapshot, not the extractor's setup: under a
    /// sanitizer, the gazetteer's alone had the one-article seed corpus saved.
    @Test func theExtractorsSetUpDoesNotCountAsLoading() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache(minimumLoadSeconds: 0.25)
        _ = try cache.load(corpus.path, options: LoadOptions(extractor: SlowToPrepare(), workers: 2))
        #expect(!FileManager.default.fileExists(atPath: cache.path(for: corpus.path)))
    }

    @Test func aLargeCorpusIsSavedHoweverQuicklyItLoads() throws {
        let corpus = try SnapshotFixtures.corpusFolder()
        let cache = try SnapshotFixtures.TemporaryCache(minimumLoadSeconds: 60, minimumBytes: 1)
        _ = try cache.load(corpus.path)
        #expect(FileManager.default.fileExists(atPath: cache.path(for: corpus.path)))
    }

    @Test func aMissingCorpusIsAnErrorAsWithoutSnapshots() throws {
        let cache = try SnapshotFixtures.TemporaryCache()
        #expect(throws: CorpusLoadError.self) { try cache.load(cache.cache.directory + "/missing") }
    }

    @Test func theCacheFolderFollowsXDG() {
        #expect(SnapshotCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).directory == "/c/lede")
        #expect(SnapshotCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).directory == "/h/.cache/lede")
        #expect(SnapshotCache.standard(environment: ["HOME": "/h"]).directory == "/h/.cache/lede")
    }

    @Test func snapshotNamesShowTheCorpusAndDifferByRoots() {
        let cache = SnapshotCache(directory: "/c")
        let one = cache.path(for: ["/data/news 100k.jsonl"])
        #expect(one.hasPrefix("/c/news_100k.jsonl-") && one.hasSuffix(".snapshot"))
        #expect(one != cache.path(for: ["/data/news 100k.jsonl", "/data/more"]))
        #expect(one != cache.path(for: ["/other/news 100k.jsonl"]))
    }
}
