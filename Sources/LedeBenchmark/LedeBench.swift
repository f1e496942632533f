import Foundation
import LedeLanguage
import LedeShell
import LedeStore

/// Lede measured two ways: the release `lede` as a child process (load figures, peak memory,
/// start-up), and the library in this process (load, then every query in one session).
struct LedeBench {
    let runner: ChildProcess
    /// The release binary; nil when it is missing (the in-process figures still run).
    let binary: String?
    /// `--no-snapshot` when this `lede --help` lists it: load figures must not come from a cache.
    let snapshotArguments: [String]

    init(runner: ChildProcess, binary: String?) {
        self.runner = runner
        self.binary = binary
        if let binary, let help = try? runner.run([binary, "--help"]), help.standardOutput.contains("--no-snapshot") {
            snapshotArguments = ["--no-snapshot"]
        } else {
            snapshotArguments = []
        }
    }

    /// `lede --corpus PATH -c 'articles | count'`: load plus one count, as a person would run it.
    /// A full load, unless `fromSnapshot`: then the child may read and write the snapshot cache
    /// (the runner's, in the work folder). With `peakMemory`, it runs under GNU time (about a
    /// millisecond more).
    func countInChild(corpus: String, peakMemory: Bool, fromSnapshot: Bool = false) throws(SpawnError) -> ChildResult {
        guard let binary else { throw SpawnError(description: "no lede binary") }
        let snapshot = fromSnapshot ? [] : snapshotArguments
        return try runner.run([binary, "--corpus", corpus] + snapshot + ["-c", "articles | count"], peakMemory: peakMemory)
    }

    /// Loads in this process the way the shell does (parallel parse, extraction, indexes), in
    /// full: through no snapshot cache, like the children's `--no-snapshot`.
    static func loadInProcess(_ path: String) -> Result<(Corpus, Double), CorpusLoadError> {
        let started = Clock.now()
        do {
            let corpus = try Session.loadCorpus([path], snapshots: nil).corpus
            return .success((corpus, Clock.seconds(since: started)))
        } catch {
            return .failure(error)
        }
    }

    /// One query's figures in the long-running session.
    struct QueryRuns {
        /// Wall time of each run.
        var seconds: [Double] = []
        /// CPU time of each run, user and system, as sqlite's `.timer` counts it.
        var cpuSeconds: [Double] = []
        var output: String?
        /// The first line of the error, when the statement failed.
        var error: String?
        var idsOutput: String?
    }

    /// Runs each query once to warm up (and to see whether it works), then `runs` timed times.
    /// A failed query is reported, not repeated.
    static func session(corpus: Corpus, queries: [BenchQuery], runs: Int) -> [String: QueryRuns] {
        var settings = Settings()
        settings.format = .json
        let output = StringOutput()
        let errors = StringOutput()
        let session = Session(corpus: corpus, settings: settings, output: output, errors: errors)
        var results: [String: QueryRuns] = [:]
        for query in queries {
            var runsOfQuery = QueryRuns()
            let statement = SourceFile(name: "<bench>", text: query.lede)
            output.clear()
            errors.clear()
            guard session.run(statement) else {
                runsOfQuery.error = firstError(errors.text)
                results[query.id] = runsOfQuery
                continue
            }
            for _ in 0..<runs {
                output.clear()
                let started = Clock.now()
                let cpuStarted = ProcessCPU.seconds()
                let ok = session.run(statement)
                let cpuSeconds = ProcessCPU.seconds() - cpuStarted
                let seconds = Clock.seconds(since: started)
                guard ok else {
                    runsOfQuery.error = firstError(errors.text)
                    break
                }
                runsOfQuery.seconds.append(seconds)
                runsOfQuery.cpuSeconds.append(cpuSeconds)
                if runsOfQuery.output == nil { runsOfQuery.output = output.text }
            }
            if let ids = query.ledeIDs {
                output.clear()
                if session.run(SourceFile(name: "<bench>", text: ids)) { runsOfQuery.idsOutput = output.text }
            }
            results[query.id] = runsOfQuery
        }
        return results
    }

    /// "<bench>:1:8: error: no entity is named 'Japan'" → "no entity is named 'Japan'".
    private static func firstError(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? "failed without a message"
        if let range = line.range(of: "error: ") { return String(line[range.upperBound...]) }
        return line
    }

    /// Resident memory of this process now, from /proc/self/status.
    static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
