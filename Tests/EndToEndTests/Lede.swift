import Foundation

/// The built `lede` executable, run as a user would run it.
enum Lede {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// Next to the test bundle, where SwiftPM builds it.
    static let executable: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lede").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lede").path,
            repository + "/.build/debug/lede",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }()

    /// Runs lede in the repository folder with `arguments` and `input` on standard input. Unless
    /// `environment` names one, the snapshot cache is a folder of this run's own, removed after
    /// it: a test never reads or writes the snapshots in the person's `~/.cache`.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:], in folder: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder ?? repository)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        let ownCache = NSTemporaryDirectory() + "lede-e2e-cache-\(UUID().uuidString)"
        env["XDG_CACHE_HOME"] = ownCache
        defer { try? FileManager.default.removeItem(atPath: ownCache) }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes while it runs, so a large output cannot block it.
        let errorData = Locked(Data())
        let reader = Thread { errorData.value = stderr.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { usleep(1000) }
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// A value shared with a reader thread.
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T

    init(_ value: T) {
        stored = value
    }

    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
