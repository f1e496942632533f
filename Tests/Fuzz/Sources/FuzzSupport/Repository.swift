import Foundation

/// Where the Lede repository is, found from this file's path at build time, so the targets
/// run from any folder.
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let seeds = url.appendingPathComponent("seeds").path
            let manifest = url.appendingPathComponent("Package.swift").path
            if FileManager.default.fileExists(atPath: seeds) && FileManager.default.fileExists(atPath: manifest) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath
    }()

    public static var seeds: String { root + "/seeds" }
}
