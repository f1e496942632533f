import Foundation
@testable import LedeStore
import Testing

/// Damaged, foreign and outdated snapshot files are detected, reported in one line and
/// rebuilt; none is trusted and none crashes the reader.
@Suite struct SnapshotReaderTests {
    /// A corpus with its snapshot saved, and the snapshot's bytes.
    final class Saved {
        let corpus: Fixtures.TemporaryFolder
        let cache: SnapshotFixtures.TemporaryCache
        let path: String
        let bytes: [UInt8]
        let fingerprint: [String]

        init() throws {
            corpus = try SnapshotFixtures.corpusFolder()
            cache = try SnapshotFixtures.TemporaryCache()
            let loaded = try cache.load(corpus.path)
            path = cache.path(for: corpus.path)
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            fingerprint = SnapshotFixtures.fingerprint(loaded.corpus)
        }

        func replaceSnapshot(with bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }

        /// Why the snapshot, as it is now, cannot stand for the corpus, or nil when it can.
        func rejection() throws -> SnapshotError? {
            let discovered = try CorpusLoader.discover([corpus.path])
            let key = SnapshotKey(roots: [SnapshotCache.absolute(corpus.path)], discovered: discovered, extractor: "word list 1")
            do {
                _ = try SnapshotReader.read(path, key: key, roots: [corpus.path])
                return nil
            } catch {
                return error
            }
        }

        /// Loads through the cache, expecting the corpus files to be read instead of the
        /// snapshot, and the snapshot to be rebuilt; returns the one note.
        func reloadRejecting() throws -> String? {
            let loaded = try cache.load(corpus.path)
            #expect(loaded.origin == .files)
            #expect(SnapshotFixtures.fingerprint(loaded.corpus) == fingerprint)
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
            #expect(loaded.notes.count == 1)
            let prefix = "snapshot \(path) "
            let suffix = "; rebuilt it from the corpus files"
            guard let note = loaded.notes.first, note.hasPrefix(prefix), note.hasSuffix(suffix) else { return loaded.notes.first }
            return String(note.dropFirst(prefix.count).dropLast(suffix.count))
        }
    }

    @Test func aFlippedByteAnywhereIsDetected() throws {
        let saved = try Saved()
        let frames = try SnapshotFile(path: saved.path).frames
        // The header, the first frame's fields, the middle of every payload, the last byte.
        let positions = [0, 8, 12, 16, 24, 32, 36, 40, 48] + frames.map { $0.offset + $0.length / 2 } + [saved.bytes.count - 1]
        for position in positions {
            var bytes = saved.bytes
            bytes[position] ^= 0x10
            try saved.replaceSnapshot(with: bytes)
            let rejection = try saved.rejection()
            switch rejection {
            case .corrupt?, .truncated?, .foreign?, .otherFormat?: break
            default: Issue.record("byte \(position): \(rejection.map(String.init(describing:)) ?? "accepted")")
            }
        }
    }

    @Test func aRejectedSnapshotIsReportedAndRebuilt() throws {
        let saved = try Saved()
        let articles = try #require(try SnapshotFile(path: saved.path).frames.first { $0.section == SnapshotFormat.Section.articles.rawValue })
        var bytes = saved.bytes
        bytes[articles.offset + articles.length / 2] ^= 1
        try saved.replaceSnapshot(with: bytes)
        #expect(try saved.reloadRejecting() == "is corrupt (the checksum of section 'articles' at byte \(articles.offset) does not match)")
        let again = try saved.cache.load(saved.corpus.path)
        #expect(again.origin == .snapshot(saved.path))
        #expect(again.notes.isEmpty)
    }

    @Test func aChecksumCatchesAFlipInAText() throws {
        let saved = try Saved()
        let text = Array("Treasury Department announced".utf8)
        let start = try #require((0..<(saved.bytes.count - text.count)).first { saved.bytes[$0..<($0 + text.count)].elementsEqual(text) })
        var bytes = saved.bytes
        bytes[start] = UInt8(ascii: "X")
        try saved.replaceSnapshot(with: bytes)
        let frame = try #require(try SnapshotFile(path: saved.path).frames.first { $0.offset + $0.length > start })
        #expect(try saved.rejection() == .corrupt("the checksum of section 'articles' at byte \(frame.offset) does not match"))
    }

    @Test func aTruncatedFileIsDetected() throws {
        let saved = try Saved()
        for length in [0, 5, 8, 31, 32, 40, saved.bytes.count / 2, saved.bytes.count - 1] {
            try saved.replaceSnapshot(with: Array(saved.bytes.prefix(length)))
            #expect(try saved.rejection() == .truncated, "cut to \(length) bytes")
        }
        try saved.replaceSnapshot(with: Array(saved.bytes.prefix(saved.bytes.count - 10)))
        #expect(try saved.reloadRejecting() == "is truncated")
    }

    @Test func extraBytesAreDetected() throws {
        let saved = try Saved()
        try saved.replaceSnapshot(with: saved.bytes + [0])
        #expect(try saved.rejection() == .corrupt("1 byte after its end"))
    }

    @Test func aForeignFileIsNotRead() throws {
        let saved = try Saved()
        try saved.replaceSnapshot(with: Array("{\"not\": \"a snapshot\"}\n".utf8))
        #expect(try saved.reloadRejecting() == "is not a Lede snapshot")
    }

    @Test func anotherFormatVersionIsNotRead() throws {
        let saved = try Saved()
        var bytes = saved.bytes
        bytes[8] = 2
        let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[..<24])) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
        try saved.replaceSnapshot(with: bytes)
        #expect(try saved.rejection() == .otherFormat(2))
        #expect(SnapshotError.otherFormat(2).description == "is in snapshot format 2; this Lede reads 1")
    }

    @Test func anotherSchemaOrAnotherCorpusIsNotRead() throws {
        let saved = try Saved()
        let corpus = try SnapshotFixtures.fullLoad(saved.corpus.path)
        let discovered = try CorpusLoader.discover([saved.corpus.path])
        let key = SnapshotKey(roots: [SnapshotCache.absolute(saved.corpus.path)], discovered: discovered, extractor: "word list 1")

        var older = key
        older.schema = SnapshotKey.currentSchema + 1
        try SnapshotWriter.write(corpus, key: older, to: saved.path)
        #expect(try saved.reloadRejecting() == "is out of date (made with snapshot schema \(SnapshotKey.currentSchema + 1); this Lede uses \(SnapshotKey.currentSchema))")

        var foreign = key
        foreign.roots = ["/somewhere/else"]
        try SnapshotWriter.write(corpus, key: foreign, to: saved.path)
        #expect(try saved.reloadRejecting() == "is the snapshot of another corpus (/somewhere/else)")
    }

    /// Bytes changed inside sections whose checksums are then made to match: the checks
    /// behind the checksums reject what would break the corpus, and nothing crashes.
    /// A count in the summary with a high bit flipped and the checksum made to match: the
    /// reader once reserved room for a billion entities from it and died failing to allocate.
    @Test func aHugeCountInTheSummaryIsRejectedNotAllocated() throws {
        let saved = try Saved()
        let frames = try SnapshotFile(path: saved.path).frames
        let summary = try #require(frames.first { $0.section == SnapshotFormat.Section.summary.rawValue })
        var bytes = saved.bytes
        // The fifth count (entities), an Int64 little-endian: bit 30.
        bytes[summary.offset + 4 * 8 + 3] ^= 0x40
        let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[summary.offset..<(summary.offset + summary.length)])) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange((summary.offset - 8)..<summary.offset, with: $0) }
        try saved.replaceSnapshot(with: bytes)
        let rejection = try #require(try saved.rejection())
        #expect("\(rejection)".contains("more rows than"))
    }

    /// An article's key and extra members are one string and the offset between them; an
    /// offset past the string's end is damage, not a key to read.
    @Test func aKeyLongerThanItsLabelsIsRejected() throws {
        let saved = try Saved()
        let frames = try SnapshotFile(path: saved.path).frames
        let articles = try #require(frames.first { $0.section == SnapshotFormat.Section.articles.rawValue })
        var bytes = saved.bytes
        func int64(at offset: Int) -> Int {
            bytes.withUnsafeBytes { Int(Int64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int64.self))) }
        }
        // The batch (first row, count), then the labels (count, end offsets, UTF-8), then the
        // key ends (count, an Int32 each).
        let labels = articles.offset + 16
        let rows = int64(at: labels)
        let labelBytes = int64(at: labels + 8 * rows)
        let keyEnds = labels + 8 + 8 * rows + labelBytes
        #expect(int64(at: keyEnds) == rows)
        let firstLabel = int64(at: labels + 8)
        withUnsafeBytes(of: Int32(firstLabel + 1).littleEndian) { bytes.replaceSubrange((keyEnds + 8)..<(keyEnds + 12), with: $0) }
        let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[articles.offset..<(articles.offset + articles.length)])) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange((articles.offset - 8)..<articles.offset, with: $0) }
        try saved.replaceSnapshot(with: bytes)
        let rejection = try #require(try saved.rejection())
        #expect("\(rejection)".contains("a key of \(firstLabel + 1) bytes in \(firstLabel) bytes of labels"))
    }

    /// A snapshot whose articles lie one to a section, so that both reading threads take
    /// some (the second from the end), and its frames.
    static func articlePerSection() throws -> (saved: Saved, key: SnapshotKey, frames: [SnapshotFile.Frame]) {
        let saved = try Saved()
        let discovered = try CorpusLoader.discover([saved.corpus.path])
        let key = SnapshotKey(roots: [SnapshotCache.absolute(saved.corpus.path)], discovered: discovered, extractor: "word list 1")
        let corpus = try SnapshotFixtures.fullLoad(saved.corpus.path)
        try SnapshotWriter.write(corpus, key: key, to: saved.path, articleSectionBytes: 1)
        return (saved, key, try SnapshotFile(path: saved.path).frames)
    }

    @Test func articlesReadFromBothEndsJoinInOrder() throws {
        let (saved, key, frames) = try Self.articlePerSection()
        let articleSections = frames.filter { $0.section == SnapshotFormat.Section.articles.rawValue }.count
        #expect(articleSections == saved.fingerprint.filter { $0.hasPrefix("article ") }.count)
        #expect(articleSections >= 3)
        // Which thread takes which section depends on timing: every way must read the same.
        for _ in 0..<20 {
            let corpus = try SnapshotReader.read(saved.path, key: key, roots: [saved.corpus.path])
            #expect(SnapshotFixtures.fingerprint(corpus) == saved.fingerprint)
        }
    }

    /// Two article sections swapped, each intact: whichever thread reads them, the batches do
    /// not follow on.
    @Test func articleSectionsOutOfOrderAreRejected() throws {
        let (saved, _, frames) = try Self.articlePerSection()
        let articles = frames.indices.filter { frames[$0].section == SnapshotFormat.Section.articles.rawValue }
        var order = Array(frames.indices)
        order.swapAt(articles[1], articles[2])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: saved.path)))
        var swapped = Array(bytes[..<SnapshotFormat.headerSize])
        for index in order {
            let frame = frames[index]
            swapped += bytes[(frame.offset - SnapshotFormat.frameSize)..<(frame.offset + frame.length)]
        }
        #expect(swapped.count == bytes.count)
        try saved.replaceSnapshot(with: swapped)
        for _ in 0..<10 {
            let rejection = try #require(try saved.rejection())
            #expect("\(rejection)".contains("section 'articles': a batch of 1 rows from row"))
        }
    }

    @Test func damageBehindAValidChecksumIsRejectedOrHarmless() throws {
        let saved = try Saved()
        let frames = try SnapshotFile(path: saved.path).frames
        let discovered = try CorpusLoader.discover([saved.corpus.path])
        let key = SnapshotKey(roots: [SnapshotCache.absolute(saved.corpus.path)], discovered: discovered, extractor: "word list 1")
        let articleCount = SnapshotFixtures.fingerprint(try SnapshotFixtures.fullLoad(saved.corpus.path)).filter { $0.hasPrefix("article ") }.count
        var generator = SystemRandomNumberGenerator()
        var rejected = 0
        for frame in frames where frame.length > 0 {
            for _ in 0..<40 {
                var bytes = saved.bytes
                let position = frame.offset + Int.random(in: 0..<frame.length, using: &generator)
                bytes[position] ^= UInt8.random(in: 1...255, using: &generator)
                let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[frame.offset..<(frame.offset + frame.length)])) }
                withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange((frame.offset - 8)..<frame.offset, with: $0) }
                try saved.replaceSnapshot(with: bytes)
                do {
                    let corpus = try SnapshotReader.read(saved.path, key: key, roots: [saved.corpus.path])
                    #expect(corpus.articles.count == articleCount)
                    // Postings are not walked on reading: a damaged list must read short, not wild.
                    Self.readEveryPosting(corpus.search.title)
                    Self.readEveryPosting(corpus.search.text)
                } catch {
                    rejected += 1
                }
            }
        }
        #expect(rejected > 0)
    }

    /// Reads each term's postings to the end, positions too.
    static func readEveryPosting(_ index: InvertedIndex) {
        var positions: [UInt32] = []
        for term in 0..<index.termCount {
            index.withPostings(of: Int32(term)) { cursor in
                while cursor.next() {
                    #expect(cursor.document < Int32(index.documentCount))
                    cursor.positions(into: &positions)
                }
            }
        }
    }
}
