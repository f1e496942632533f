import Foundation

/// sqlite3 + FTS5 as perf_baselines.sh sets it up: the same Python loader for the import, then
/// the queries in one long-running `sqlite3` shell with `.timer on`.
struct SQLiteBench {
    let runner: ChildProcess
    let python3: String
    let sqlite3: String
    let workDirectory: String

    /// perf_baselines.sh's load_sqlite.py, byte for byte (checked against the script when present).
    static let loader = """
        import json, sqlite3, sys
        src, db = sys.argv[1], sys.argv[2]
        con = sqlite3.connect(db)
        con.executescript(\"\"\"
        CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT, headline TEXT, published TEXT,
                              source TEXT, section TEXT, body TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(headline, body, content='articles', content_rowid='rowid');
        \"\"\")
        with open(src, encoding="utf-8") as f:
            con.executemany(
                "INSERT INTO articles(id, headline, published, source, section, body) VALUES (?,?,?,?,?,?)",
                ((o["id"], o.get("headline") or o.get("title"), o.get("published"), o.get("source"),
                  o.get("section"), o.get("body")) for o in map(json.loads, f)))
        con.execute("INSERT INTO fts(rowid, headline, body) SELECT rowid, headline, body FROM articles")
        con.execute("CREATE INDEX articles_published ON articles(published)")
        con.execute("CREATE INDEX articles_source ON articles(source)")
        con.commit()
        con.close()

        """

    /// Whether the loader in perf_baselines.sh is still this one; nil when the script is absent.
    static func loaderMatchesBaseline(scriptPath: String) -> Bool? {
        guard let data = FileManager.default.contents(atPath: scriptPath) else { return nil }
        let script = String(decoding: data, as: UTF8.self)
        let opening = "cat > \"$Q/load_sqlite.py\" <<'EOF'\n"
        guard let start = script.range(of: opening), let end = script.range(of: "\nEOF\n", range: start.upperBound..<script.endIndex)
        else { return false }
        return String(script[start.upperBound..<end.lowerBound]) + "\n" == loader
    }

    var loaderPath: String { workDirectory + "/load_sqlite.py" }

    func writeLoader() throws {
        try Self.loader.write(toFile: loaderPath, atomically: true, encoding: .utf8)
    }

    /// One import into a fresh database.
    func importOnce(_ set: CorpusSet, into database: String) throws(SpawnError) -> ChildResult {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        return try runner.run([python3, loaderPath, set.jsonl, database], peakMemory: true)
    }

    /// What the session gave for one query.
    struct QueryRuns {
        /// "Run Time: real" (the shell prints it to the millisecond).
        var realSeconds: [Double] = []
        /// "Run Time: user + sys" (getrusage, to the microsecond): the precise in-session figure.
        var cpuSeconds: [Double] = []
        /// The first timed run's output.
        var output: String?
        /// The id query's output, when the query has one.
        var idsOutput: String?
    }

    struct SessionResult {
        var queries: [String: QueryRuns]
        var peakRSSBytes: Int?
        var errors: String
    }

    /// Every query `runs` times after one warm-up, then each id query once, in one sqlite3 process.
    func session(database: String, queries: [BenchQuery], runs: Int) throws(SpawnError) -> SessionResult {
        var script = ".mode json\n.timer on\n"
        for query in queries {
            guard let sql = query.sql else { continue }
            for run in 0...runs { script += ".print @@ \(query.id) \(run)\n\(sql)\n" }
        }
        for query in queries {
            guard let sql = query.sqlIDs else { continue }
            script += ".print @@ \(query.id) ids\n\(sql)\n"
        }
        let scriptPath = workDirectory + "/session.sql"
        do {
            try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        } catch {
            throw SpawnError(description: "cannot write \(scriptPath): \(error)")
        }
        let result = try runner.run([sqlite3, database], standardInput: scriptPath, peakMemory: true)
        return SessionResult(
            queries: Self.parse(result.standardOutput), peakRSSBytes: result.maxRSSBytes,
            errors: result.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Splits the session's output at the `@@ id run` markers; run 0 is the warm-up.
    static func parse(_ output: String) -> [String: QueryRuns] {
        var queries: [String: QueryRuns] = [:]
        var current: (id: String, tag: String)?
        var body: [Substring] = []
        func close() {
            guard let (id, tag) = current else { return }
            var runs = queries[id] ?? QueryRuns()
            var text: [Substring] = []
            var timing: (real: Double, cpu: Double)?
            for line in body {
                if line.hasPrefix("Run Time: ") { timing = runTime(line) } else { text.append(line) }
            }
            let joined = text.joined(separator: "\n")
            if tag == "ids" {
                runs.idsOutput = joined
            } else if tag != "0", let timing {
                runs.realSeconds.append(timing.real)
                runs.cpuSeconds.append(timing.cpu)
                if runs.output == nil { runs.output = joined }
            }
            queries[id] = runs
        }
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@ ") {
                close()
                let parts = line.split(separator: " ")
                current = parts.count == 3 ? (String(parts[1]), String(parts[2])) : nil
                body = []
            } else {
                body.append(line)
            }
        }
        close()
        return queries
    }

    /// "Run Time: real 0.001 user 0.000717 sys 0.000000"
    private static func runTime(_ line: Substring) -> (real: Double, cpu: Double)? {
        let words = line.split(separator: " ")
        func value(after name: String) -> Double? {
            guard let index = words.firstIndex(where: { $0 == name }), index + 1 < words.count else { return nil }
            return Double(words[index + 1])
        }
        guard let real = value(after: "real"), let user = value(after: "user"), let sys = value(after: "sys") else { return nil }
        return (real, user + sys)
    }
}
