import Foundation
import LedeStore

/// Paths and helpers shared by the store's tests.
enum Fixtures {
    /// The repository's root, found from this file's path.
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static let seeds = repository + "/seeds"

    /// A fresh temporary folder, removed when the returned scope ends.
    final class TemporaryFolder {
        let path: String

        init() throws {
            path = NSTemporaryDirectory() + "lede-test-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: path)
        }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            try write(name, Data(text.utf8))
        }

        @discardableResult
        func write(_ name: String, _ data: Data) throws -> String {
            let file = path + "/" + name
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: file))
            return file
        }
    }
}
