import Foundation

/// The other tools a user would reach for, found in PATH; a missing one only removes its column.
struct Tools {
    /// Resolved paths, or nil when missing (or, for sqlite, missing FTS5).
    var python3: String?
    var sqlite3: String?
    var jq: String?
    var rg: String?
    /// GNU time, for the peak memory of a child.
    var gnuTime: String?
    /// A version line per tool, or why it is unusable, for the report.
    var versions: [String: String] = [:]

    /// sqlite needs its CLI with FTS5 and Python's sqlite3 module with FTS5 (the loader).
    var canRunSQLite: Bool { python3 != nil && sqlite3 != nil }

    static func detect(_ runner: ChildProcess) -> Tools {
        var tools = Tools()
        tools.python3 = tools.find("python3", versionArguments: ["--version"], runner)
        tools.jq = tools.find("jq", versionArguments: ["--version"], runner)
        tools.rg = tools.find("rg", versionArguments: ["--version"], runner)
        tools.sqlite3 = tools.find("sqlite3", versionArguments: ["-version"], runner)

        let probe = try? runner.run(["/usr/bin/time", "-f", "%M", "-o", "/dev/null", "/bin/true"])
        if probe?.succeeded == true {
            tools.gnuTime = "/usr/bin/time"
            tools.versions["time"] = "GNU time at /usr/bin/time"
        } else {
            tools.versions["time"] = "no GNU time at /usr/bin/time: peak memory is not measured"
        }

        if let sqlite = tools.sqlite3 {
            let probe = try? runner.run([sqlite, ":memory:", "CREATE VIRTUAL TABLE t USING fts5(x);"])
            if probe?.succeeded != true {
                tools.versions["sqlite3"] = "present but without FTS5"
                tools.sqlite3 = nil
            }
        }
        if let python = tools.python3, tools.sqlite3 != nil {
            let script = "import sqlite3; sqlite3.connect(':memory:').execute('CREATE VIRTUAL TABLE t USING fts5(x)')"
            let probe = try? runner.run([python, "-c", script])
            if probe?.succeeded != true {
                tools.versions["sqlite3"] = "CLI has FTS5, but Python's sqlite3 module (the loader) does not"
                tools.sqlite3 = nil
            }
        }
        return tools
    }

    var missing: [String] {
        [("python3", python3), ("sqlite3 with FTS5", sqlite3), ("jq", jq), ("rg", rg), ("GNU time", gnuTime)]
            .filter { $0.1 == nil }.map(\.0)
    }

    private mutating func find(_ name: String, versionArguments: [String], _ runner: ChildProcess) -> String? {
        guard let path = Self.resolve(name) else {
            versions[name] = "missing"
            return nil
        }
        let result: ChildResult
        do {
            result = try runner.run([path] + versionArguments)
        } catch {
            versions[name] = "does not run: \(error)"
            return nil
        }
        guard result.succeeded else {
            versions[name] = "does not run: \(result.failureSummary)"
            return nil
        }
        let text = result.standardOutput + result.standardError
        versions[name] = text.split(separator: "\n").first.map(String.init) ?? "unknown version"
        return path
    }

    /// A path as given when it holds a slash, else the first executable of that name in PATH.
    static func resolve(_ program: String) -> String? {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? program : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
