import Foundation
import FuzzDriver
import FuzzSupport
import LedeShell
// The reader and the file's framing are internal: `make fuzz` builds with -enable-testing.
@testable import LedeStore

/// A valid snapshot of the seed corpus, made once, which each input changes.
private final class Fixture: @unchecked Sendable {
    let corpus: String
    let path: String
    let key: SnapshotKey
    let bytes: [UInt8]
    /// The frames an input may change: every section after the key, so the key still matches
    /// the corpus files and the reader goes on to the rest.
    let frames: [SnapshotFile.Frame]
    let payloadBytes: Int

    init() {
        let scratch = ScratchFolder(prefix: "lede-fuzz-snapshot")
        corpus = scratch.path + "/corpus"
        mkdir(corpus, 0o700)
        if let seed = try? FileManager.default.contentsOfDirectory(atPath: Repository.seeds).sorted().first(where: { $0.hasSuffix(".txt") }) {
            try? FileManager.default.copyItem(atPath: Repository.seeds + "/" + seed, toPath: corpus + "/" + seed)
        }
        // Saved whatever the corpus's size or load time.
        let cache = SnapshotCache(directory: scratch.path + "/cache", minimumLoadSeconds: 0, minimumBytes: 0)
        let options = LoadOptions(extractor: Session.extractor)
        guard (try? cache.load([corpus], options: options)) != nil,
            let discovered = try? CorpusLoader.discover([corpus])
        else { fatalError("FuzzSnapshot: cannot load the seed corpus at \(corpus)") }
        path = cache.path(for: [corpus])
        key = SnapshotKey(roots: [SnapshotCache.absolute(corpus)], discovered: discovered, extractor: options.extractor.identity)
        guard let data = FileManager.default.contents(atPath: path), let file = try? SnapshotFile(path: path) else {
            fatalError("FuzzSnapshot: no snapshot was saved at \(path)")
        }
        bytes = [UInt8](data)
        frames = Array(file.frames.dropFirst())
        payloadBytes = frames.reduce(0) { $0 + $1.length }
    }

    /// The snapshot with the changes `input` lists, five bytes each: where (a little-endian
    /// UInt32, taken modulo the bytes of the frames' payloads) and what to xor there. Each
    /// changed section's checksum is made to match again.
    func changed(by input: UnsafeRawBufferPointer) -> [UInt8] {
        var bytes = bytes
        guard payloadBytes > 0 else { return bytes }
        var touched = Set<Int>()
        var at = 0
        while at + 5 <= input.count {
            var place = Int(input.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian) % payloadBytes
            let change = input[at + 4]
            at += 5
            for (index, frame) in frames.enumerated() {
                if place < frame.length {
                    bytes[frame.offset + place] ^= change
                    touched.insert(index)
                    break
                }
                place -= frame.length
            }
        }
        for index in touched {
            let frame = frames[index]
            let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[frame.offset..<(frame.offset + frame.length)])) }
            withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange((frame.offset - 8)..<frame.offset, with: $0) }
        }
        return bytes
    }
}

private let fixture = Fixture()

/// The seed corpus's snapshot, changed as the input says behind valid checksums: the reader
/// must refuse it with a `SnapshotError` or give a corpus every query can read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let bytes = fixture.changed(by: UnsafeRawBufferPointer(start: data, count: size))
    guard (try? Data(bytes).write(to: URL(fileURLWithPath: fixture.path))) != nil else { return 0 }
    do {
        let corpus = try SnapshotReader.read(fixture.path, key: fixture.key, roots: [fixture.corpus])
        FuzzSession.run(LoadedFile.queries, over: corpus)
        FuzzSession.run(LoadedFile.queries, over: corpus, format: .json)
    } catch {
        // Refused: what a damaged snapshot should get.
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver.
@_cdecl("FuzzSnapshot_main")
public func fuzzSnapshotMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    lede_fuzz_main(argc, argv)
}
