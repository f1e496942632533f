import Foundation
import LedeLanguage
import LedeShell
import LedeStore
import Testing

/// `.load` goes through the session's snapshot cache, and says so.
@Suite struct SessionSnapshotTests {
    /// A corpus folder with one article, and a cache folder beside it; both removed at the end.
    final class Folders {
        let root = NSTemporaryDirectory() + "lede-session-snapshot-\(UUID().uuidString)"
        var corpus: String { root + "/corpus" }
        var cache: String { root + "/cache" }

        init() throws {
            try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
            let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/seeds"
            try FileManager.default.copyItem(atPath: seeds + "/000_191f30f456bb703e.txt", toPath: corpus + "/a.txt")
        }

        deinit {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    func session(_ folders: Folders, snapshots: SnapshotCache?) -> (Session, StringOutput, StringOutput) {
        let output = StringOutput()
        let errors = StringOutput()
        return (Session(corpus: Corpus(), output: output, errors: errors, snapshots: snapshots), output, errors)
    }

    @Test func loadReadsTheSnapshotOnceThereIsOne() throws {
        let folders = try Folders()
        let cache = SnapshotCache(directory: folders.cache, minimumLoadSeconds: 0)
        let (session, output, errors) = session(folders, snapshots: cache)
        #expect(session.run(SourceFile(name: "<test>", text: ".load \(folders.corpus)\n.corpus")))
        #expect(!output.text.contains("from the snapshot"))
        #expect(FileManager.default.fileExists(atPath: cache.path(for: [folders.corpus])))

        output.clear()
        #expect(session.run(SourceFile(name: "<test>", text: ".load \(folders.corpus)\n.corpus\narticles | count")))
        #expect(output.text.contains(" from the snapshot \(cache.path(for: [folders.corpus]))\n"))
        #expect(output.text.hasSuffix("\n1\n"))
        #expect(errors.text.contains("1 articles"))
        #expect(session.errorCount == 0)
    }

    @Test func aDamagedSnapshotIsANoteNotAnError() throws {
        let folders = try Folders()
        let cache = SnapshotCache(directory: folders.cache, minimumLoadSeconds: 0)
        let (session, _, errors) = session(folders, snapshots: cache)
        session.run(SourceFile(name: "<test>", text: ".load \(folders.corpus)"))
        let path = cache.path(for: [folders.corpus])
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: path))
        errors.clear()
        #expect(session.run(SourceFile(name: "<test>", text: ".load \(folders.corpus)")))
        #expect(errors.text.hasPrefix("snapshot \(path) is not a Lede snapshot; rebuilt it from the corpus files\n"))
        #expect(session.errorCount == 0)
        #expect(session.corpus.articles.count == 1)
    }

    @Test func withoutSnapshotsNothingIsSaved() throws {
        let folders = try Folders()
        let (session, _, _) = session(folders, snapshots: nil)
        #expect(session.run(SourceFile(name: "<test>", text: ".load \(folders.corpus)")))
        #expect(session.corpus.articles.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folders.cache))
    }

    @Test func anInjectedLoaderIsStillUsed() throws {
        let loaded = Corpus(roots: ["injected"])
        let session = Session(corpus: Corpus(), output: StringOutput(), errors: StringOutput(), load: { _ in loaded })
        #expect(session.run(SourceFile(name: "<test>", text: ".load anywhere")))
        #expect(session.corpus === loaded)
    }
}
