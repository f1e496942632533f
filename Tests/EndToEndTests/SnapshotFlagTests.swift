import Foundation
import Testing

/// `--no-snapshot`, and that a small corpus leaves nothing in the cache either way.
@Suite struct SnapshotFlagTests {
    @Test func noSnapshotIsDocumentedAndLoadsTheFiles() throws {
        let help = try Lede.run(["--help"])
        #expect(help.output.contains("--no-snapshot"))
        #expect(help.output.contains("XDG_CACHE_HOME"))

        let cache = NSTemporaryDirectory() + "lede-e2e-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        for arguments in [["--no-snapshot"], []] {
            let run = try Lede.run(arguments + ["-c", "articles | count"], environment: ["XDG_CACHE_HOME": cache])
            #expect(run.status == 0)
            #expect(run.output == "1\n")
            #expect(run.errors.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: cache + "/lede"))
    }
}
