@testable import LedeStore
import Testing

@Suite struct SnapshotKeyTests {
    func key(_ files: [(String, Int64, Int64)], extractor: String = "none") -> SnapshotKey {
        SnapshotKey(
            extractor: extractor, roots: ["/corpus"],
            files: files.map { SnapshotKey.File(root: 0, name: $0.0, size: $0.1, modified: $0.2, statusChanged: $0.2) },
            skipped: [])
    }

    @Test func survivesEncoding() throws {
        let original = key([("a.jsonl", 10, 1), ("b/c.txt", 20, 2)], extractor: "gazetteer 3f2a")
        var encoder = SnapshotEncoder()
        original.encode(into: &encoder)
        let decoded = try encoder.bytes.withUnsafeBytes { raw in
            var decoder = SnapshotDecoder(raw, section: .key)
            return Result { () throws(SnapshotError) in try SnapshotKey.decode(from: &decoder) }
        }.get()
        #expect(decoded == original)
        #expect(original.mismatch(with: decoded) == nil)
    }

    @Test func namesWhatChanged() {
        let before = key([("a.jsonl", 10, 1), ("b.txt", 20, 2), ("c.txt", 30, 3)])
        #expect(key([("a.jsonl", 10, 1), ("b.txt", 21, 2), ("c.txt", 30, 3)]).mismatch(with: before) == .stale("'b.txt' changed"))
        #expect(key([("a.jsonl", 10, 1), ("b.txt", 20, 9), ("c.txt", 30, 3)]).mismatch(with: before) == .stale("'b.txt' changed"))
        #expect(key([("a.jsonl", 10, 1), ("b.txt", 20, 2)]).mismatch(with: before) == .stale("'c.txt' was removed"))
        #expect(key([("a.jsonl", 10, 1), ("b.txt", 20, 2), ("c.txt", 30, 3), ("d.txt", 1, 1)]).mismatch(with: before) == .stale("'d.txt' was added"))
        #expect(key([("a.jsonl", 11, 1), ("b.txt", 20, 2), ("d.txt", 1, 1)]).mismatch(with: before) == .stale("3 files: 1 changed, 1 added, 1 removed"))
        #expect(key([("a.jsonl", 10, 1), ("b.txt", 20, 2), ("c.txt", 30, 3)], extractor: "x").mismatch(with: before)
            == .stale("made with extractor 'none'; this load uses 'x'"))
        var rebuilt = before
        rebuilt.build = "another build"
        #expect(before.mismatch(with: rebuilt) == .stale("made by another build of Lede"))
        var skipped = before
        skipped.skipped = ["0: gone.txt: skipped: a broken symbolic link"]
        #expect(before.mismatch(with: skipped) == .stale("the files skipped or unreadable are not the same"))
    }
}
