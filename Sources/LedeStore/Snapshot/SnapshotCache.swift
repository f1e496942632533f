import Foundation

/// Where corpus snapshots are kept, and when one is read or saved.
///
/// A load looks for the snapshot of its roots (a file named by a hash of the absolute roots)
/// and uses it when its key matches the corpus files now. Otherwise the files are loaded, and
/// when that took a while or the corpus is large the snapshot is saved, so the next start is
/// quick; a small corpus loads faster than its snapshot would be checked.
public struct SnapshotCache: Sendable {
    /// The folder holding the snapshots; created when the first one is saved.
    public var directory: String
    /// A full load that takes at least this long is worth a snapshot…
    public var minimumLoadSeconds: Double
    /// …and so is a corpus of at least this many bytes of files, however fast it loaded.
    public var minimumBytes: Int

    public init(directory: String, minimumLoadSeconds: Double = 0.25, minimumBytes: Int = 64 << 20) {
        self.directory = directory
        self.minimumLoadSeconds = minimumLoadSeconds
        self.minimumBytes = minimumBytes
    }

    /// `$XDG_CACHE_HOME/lede`, or `~/.cache/lede` when that is unset or not absolute.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotCache {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return SnapshotCache(directory: cache + "/lede")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return SnapshotCache(directory: home + "/.cache/lede")
    }

    /// Where the snapshot of `roots` is kept: the first root's name, for people, and a hash of
    /// the absolute roots, so two corpora never share a file.
    public func path(for roots: [String]) -> String {
        path(forAbsolute: roots.map(Self.absolute))
    }

    /// Loads the corpus from its snapshot when that is current, otherwise from its files,
    /// saving a snapshot when the load was slow or the corpus is large.
    public func load(_ roots: [String], options: LoadOptions = LoadOptions()) throws(CorpusLoadError) -> LoadedCorpus {
        let discovered = try CorpusLoader.discover(roots)
        let absolute = roots.map(Self.absolute)
        let key = SnapshotKey(roots: absolute, discovered: discovered, extractor: options.extractor.identity)
        let path = path(forAbsolute: absolute)

        var unusable: SnapshotError?
        if Self.exists(path) {
            do {
                let corpus = try SnapshotReader.read(path, key: key, roots: roots)
                return LoadedCorpus(corpus: corpus, origin: .snapshot(path))
            } catch {
                unusable = error
            }
        }

        // What the corpus costs to load decides on a snapshot. The extractor's own setup, which
        // any process pays once, does not count: under a sanitizer it alone would have a corpus
        // of one article saved.
        options.extractor.prepare()
        let started = ContinuousClock.now
        let corpus = CorpusLoader.load(roots, discovered: discovered, options: options)
        let elapsed = started.duration(to: .now)
        let bytes = discovered.reduce(0) { $0 + CorpusFiles.bytes(of: $1.files) }

        var notes: [String] = []
        if elapsed >= .seconds(minimumLoadSeconds) || bytes >= minimumBytes {
            do {
                try Self.makeDirectory(directory)
                try SnapshotWriter.write(corpus, key: key, to: path)
                if let unusable { notes.append("snapshot \(path) \(unusable); rebuilt it from the corpus files") }
            } catch {
                if let unusable { notes.append("snapshot \(path) \(unusable); loaded the corpus files") }
                notes.append("snapshot \(path) \(error); the corpus loaded without one")
            }
        } else if let unusable {
            // The corpus now loads quickly: drop the snapshot rather than keep a stale one.
            unlink(path)
            notes.append("snapshot \(path) \(unusable); loaded the corpus files and removed it")
        }
        return LoadedCorpus(corpus: corpus, origin: .files, notes: notes)
    }

    private func path(forAbsolute roots: [String]) -> String {
        let first = roots.first.map { ($0 as NSString).lastPathComponent } ?? "corpus"
        let readable = String(first.unicodeScalars.prefix(40).map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "._-".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        let hash = XXHash64.hash(roots.joined(separator: "\0"))
        let hex = String(hash, radix: 16)
        return directory + "/" + readable + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".snapshot"
    }

    /// The root as an absolute path with links resolved, so every way of naming a corpus finds
    /// the same snapshot.
    static func absolute(_ root: String) -> String {
        if let resolved = realpath(root, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: root).standardizedFileURL.path
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Creates `path` and any missing parents, readable only by their owner.
    private static func makeDirectory(_ path: String) throws(SnapshotError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .unwritable("\(path) is not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectory(parent) }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw .unwritable("cannot create \(path): \(CorpusFiles.errorText())")
        }
    }
}
