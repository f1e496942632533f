import Foundation

/// What a snapshot was made from: the corpus files as they were (paths, sizes, times), what
/// discovery skipped, and the Lede and the extractor that read them. A snapshot stands for a
/// corpus only while its key equals the one made from the files now.
struct SnapshotKey: Equatable, Sendable {
    /// Bumped whenever what the sections hold changes (a new column, another layout), so older
    /// snapshots are rebuilt. Other changes to loading are caught by `currentBuild`.
    static let currentSchema: UInt32 = 5

    var schema: UInt32
    /// The build of Lede that wrote it (`currentBuild`).
    var build: String
    /// The extractor's `identity`.
    var extractor: String
    /// The roots as absolute paths, in load order.
    var roots: [String]
    var files: [File]
    /// What discovery skipped or could not read (broken links, loops, FIFOs, closed folders),
    /// so a file that becomes readable invalidates the snapshot.
    var skipped: [String]

    struct File: Equatable, Sendable {
        /// Index into `roots`.
        var root: Int32
        /// Relative to its root.
        var name: String
        var size: Int64
        var modified: Int64
        var statusChanged: Int64
    }

    /// The running executable's size and modification time. A snapshot is read back only by
    /// the build that wrote it, so no change to how Lede reads, indexes or extracts (which the
    /// schema version relies on people to notice) can let an older snapshot through.
    static let currentBuild: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size) bytes, modified \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    init(
        schema: UInt32 = SnapshotKey.currentSchema, build: String = SnapshotKey.currentBuild, extractor: String,
        roots: [String], files: [File], skipped: [String]
    ) {
        self.schema = schema
        self.build = build
        self.extractor = extractor
        self.roots = roots
        self.files = files
        self.skipped = skipped
    }

    /// The key of the files discovered beneath `roots` (absolute, in the same order).
    init(roots: [String], discovered: [CorpusFiles], extractor: String) {
        var files: [File] = []
        var skipped: [String] = []
        for (root, found) in discovered.enumerated() {
            for file in found.files {
                files.append(
                    File(root: Int32(root), name: file.name, size: Int64(file.size), modified: file.modified, statusChanged: file.statusChanged))
            }
            skipped += found.issues.map { "\(root): \($0)" }
        }
        self.init(extractor: extractor, roots: roots, files: files, skipped: skipped)
    }

    func encode(into encoder: inout SnapshotEncoder) {
        encoder.append(schema)
        encoder.append(strings: [build, extractor])
        encoder.append(strings: roots)
        encoder.append(column: files.map(\.root))
        encoder.append(strings: files.map(\.name))
        encoder.append(column: files.map(\.size))
        encoder.append(column: files.map(\.modified))
        encoder.append(column: files.map(\.statusChanged))
        encoder.append(strings: skipped)
    }

    /// Reads a key; one made by another schema is reported as such, since the rest of it may
    /// be laid out differently.
    static func decode(from decoder: inout SnapshotDecoder) throws(SnapshotError) -> SnapshotKey {
        let schema = try decoder.integer(UInt32.self)
        guard schema == currentSchema else {
            throw .stale("made with snapshot schema \(schema); this Lede uses \(currentSchema)")
        }
        let makers = try decoder.strings(count: 2)
        let roots = try decoder.strings()
        let fileRoots = try decoder.column(Int32.self)
        let names = try decoder.strings(count: fileRoots.count)
        let sizes = try decoder.column(Int64.self, count: fileRoots.count)
        let modified = try decoder.column(Int64.self, count: fileRoots.count)
        let statusChanged = try decoder.column(Int64.self, count: fileRoots.count)
        let skipped = try decoder.strings()
        try decoder.finish()
        let files = fileRoots.indices.map {
            File(root: fileRoots[$0], name: names[$0], size: sizes[$0], modified: modified[$0], statusChanged: statusChanged[$0])
        }
        return SnapshotKey(schema: schema, build: makers[0], extractor: makers[1], roots: roots, files: files, skipped: skipped)
    }

    /// Why a snapshot made with key `stored` cannot stand for this corpus, or nil when it can.
    func mismatch(with stored: SnapshotKey) -> SnapshotError? {
        if stored.roots != roots {
            return .foreign("the snapshot of another corpus (\(stored.roots.joined(separator: " + ")))")
        }
        if stored.schema != schema {
            return .stale("made with snapshot schema \(stored.schema); this Lede uses \(schema)")
        }
        if stored.build != build {
            return .stale("made by another build of Lede")
        }
        if stored.extractor != extractor {
            return .stale("made with extractor '\(stored.extractor)'; this load uses '\(extractor)'")
        }
        if stored.files != files {
            return .stale(Self.changes(from: stored.files, to: files))
        }
        if stored.skipped != skipped {
            return .stale("the files skipped or unreadable are not the same")
        }
        return nil
    }

    /// "'a.jsonl' changed", or "2 files changed, 1 added".
    private static func changes(from old: [File], to new: [File]) -> String {
        struct Path: Hashable {
            var root: Int32
            var name: String
        }
        let before = Dictionary(old.map { (Path(root: $0.root, name: $0.name), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { (Path(root: $0.root, name: $0.name), $0) }, uniquingKeysWith: { first, _ in first })
        var changed: [String] = []
        var added: [String] = []
        var removed: [String] = []
        for file in new {
            guard let previous = before[Path(root: file.root, name: file.name)] else {
                added.append(file.name)
                continue
            }
            if previous != file { changed.append(file.name) }
        }
        for file in old where after[Path(root: file.root, name: file.name)] == nil {
            removed.append(file.name)
        }
        switch (changed.count, added.count, removed.count) {
        case (1, 0, 0): return "'\(changed[0])' changed"
        case (0, 1, 0): return "'\(added[0])' was added"
        case (0, 0, 1): return "'\(removed[0])' was removed"
        case (0, 0, 0): return "the files are in another order"
        default:
            let parts = [(changed.count, "changed"), (added.count, "added"), (removed.count, "removed")]
                .filter { $0.0 > 0 }
                .map { "\($0.0) \($0.1)" }
            let total = changed.count + added.count + removed.count
            return "\(total) file\(total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
        }
    }
}
