import Foundation
import LedeStore

/// Everything measured on one set, in a fixed order: loads (sqlite import, Lede child and Lede
/// in process interleaved, so noise falls on all alike), Lede's load from a snapshot, the two
/// sessions, then jq and rg.
struct SizeRun {
    let options: Options
    let tools: Tools
    let runner: ChildProcess
    let lede: LedeBench
    let set: CorpusSet

    func run() -> SizeReport {
        var report = SizeReport(size: set.size, jsonl: set.jsonl, jsonlBytes: set.jsonlBytes)
        report.loadAverageAtStart = Self.loadAverage()
        var load = LoadReport()
        let queries = BenchQuery.all

        let sqlite = tools.python3.flatMap { python in
            tools.sqlite3.map { SQLiteBench(runner: runner, python3: python, sqlite3: $0, workDirectory: options.workDirectory) }
        }
        let database = "\(options.workDirectory)/news-\(set.size).sqlite"
        var sqliteReady = false
        if let sqlite {
            do {
                try sqlite.writeLoader()
                sqliteReady = true
            } catch {
                report.notes.append("sqlite skipped: cannot write the loader: \(error)")
            }
        }

        // Loads, interleaved; run 0 of each warms the page cache and is not counted. The last
        // in-process load stays for the query session.
        var corpus: Corpus?
        var inProcessSeconds: [Double] = []
        var importSeconds: [Double] = []
        var childSeconds: [Double] = []
        var importCPUSeconds: [Double] = []
        var childCPUSeconds: [Double] = []
        for run in 0...options.loadRuns {
            if sqliteReady, let sqlite {
                log("news-\(set.size): sqlite import \(run)/\(options.loadRuns)")
                do {
                    let result = try sqlite.importOnce(set, into: database)
                    if result.succeeded {
                        if run > 0 {
                            importSeconds.append(result.seconds)
                            importCPUSeconds.append(result.cpuSeconds)
                        }
                        load.sqliteImportPeakRSSBytes = larger(load.sqliteImportPeakRSSBytes, result.maxRSSBytes)
                    } else {
                        report.notes.append("sqlite import failed: \(result.failureSummary)")
                        sqliteReady = false
                    }
                } catch {
                    report.notes.append("sqlite import failed: \(error)")
                    sqliteReady = false
                }
            }
            if lede.binary != nil, load.ledeChildError == nil {
                log("news-\(set.size): lede load \(run)/\(options.loadRuns)")
                do {
                    let result = try lede.countInChild(corpus: set.jsonl, peakMemory: true)
                    if result.succeeded {
                        if run > 0 {
                            childSeconds.append(result.seconds)
                            childCPUSeconds.append(result.cpuSeconds)
                        }
                        load.ledeChildPeakRSSBytes = larger(load.ledeChildPeakRSSBytes, result.maxRSSBytes)
                        report.articles = Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
                        // A lede that extracted with less than its gazetteers is not the lede users run.
                        for line in result.standardError.split(separator: "\n") where line.contains("gazetteers")
                            && !report.notes.contains(String(line)) {
                            report.notes.append(String(line))
                        }
                    } else {
                        load.ledeChildError = result.failureSummary
                    }
                } catch {
                    load.ledeChildError = error.description
                }
            }
            if load.ledeInProcessError == nil {
                log("news-\(set.size): lede in-process load \(run)/\(options.loadRuns)")
                corpus = nil
                switch LedeBench.loadInProcess(set.jsonl) {
                case .success(let (loaded, seconds)):
                    corpus = loaded
                    if run > 0 { inProcessSeconds.append(seconds) }
                case .failure(let error):
                    load.ledeInProcessError = error.message
                }
            }
        }
        if lede.binary == nil { load.ledeChildError = "no lede binary (build with swift build -c release, or pass --lede)" }
        load.sqliteImport = Timing(seconds: importSeconds)
        load.ledeChild = Timing(seconds: childSeconds)
        load.sqliteImportCPU = Timing(seconds: importCPUSeconds)
        load.ledeChildCPU = Timing(seconds: childCPUSeconds)
        load.loadRatio = Format.divide(load.ledeChild?.medianMs, load.sqliteImport?.medianMs)
        load.memoryRatio = Format.divide(load.ledeChildPeakRSSBytes.map { Double($0) }, Double(set.jsonlBytes))
        if sqliteReady, let attributes = try? FileManager.default.attributesOfItem(atPath: database) {
            load.sqliteDatabaseBytes = (attributes[.size] as? NSNumber)?.intValue
        }

        measureSnapshotLoad(into: &load)

        load.ledeInProcess = Timing(seconds: inProcessSeconds)
        load.ledeInProcessResidentBytes = LedeBench.residentBytes()
        if report.articles == nil { report.articles = corpus?.articles.count }
        if let corpus, corpus.entities.isEmpty {
            report.notes.append("the corpus has no entities (extraction not merged yet): the entity queries show what Lede does without them")
        }

        // The sessions.
        log("news-\(set.size): lede session, \(options.queryRuns) runs per query")
        let ledeRuns = corpus.map { LedeBench.session(corpus: $0, queries: queries, runs: options.queryRuns) } ?? [:]
        corpus = nil
        var sqliteRuns: [String: SQLiteBench.QueryRuns] = [:]
        if sqliteReady, let sqlite {
            log("news-\(set.size): sqlite session, \(options.queryRuns) runs per query")
            do {
                let session = try sqlite.session(database: database, queries: queries, runs: options.queryRuns)
                sqliteRuns = session.queries
                load.sqliteSessionPeakRSSBytes = session.peakRSSBytes
                if !session.errors.isEmpty { report.notes.append("sqlite session said: \(session.errors.prefix(300))") }
            } catch {
                report.notes.append("sqlite session failed: \(error)")
            }
        }
        report.load = load

        for query in queries {
            report.queries.append(compare(query, lede: ledeRuns[query.id], sqlite: sqliteRuns[query.id]))
        }
        scans(into: &report)
        report.loadAverageAtEnd = Self.loadAverage()
        return report
    }

    /// Times `lede` starting from the snapshot of the set: a first run (not counted) loads the
    /// files and saves the snapshot in the work folder's cache, which later runs read. The
    /// snapshot is removed afterwards: it is as large as the loaded corpus.
    func measureSnapshotLoad(into load: inout LoadReport) {
        guard lede.binary != nil, load.ledeChildError == nil, !lede.snapshotArguments.isEmpty else { return }
        let snapshot = SnapshotCache.standard(environment: ["XDG_CACHE_HOME": options.cacheHome]).path(for: [set.jsonl])
        unlink(snapshot)
        defer { unlink(snapshot) }
        var seconds: [Double] = []
        for run in 0...options.loadRuns {
            log("news-\(set.size): lede load from the snapshot \(run)/\(options.loadRuns)")
            let result: ChildResult
            do {
                result = try lede.countInChild(corpus: set.jsonl, peakMemory: false, fromSnapshot: true)
            } catch {
                load.ledeSnapshotError = "failed: \(error.description)"
                return
            }
            guard result.succeeded else {
                load.ledeSnapshotError = "failed: \(result.failureSummary)"
                return
            }
            if run == 0 {
                guard FileManager.default.fileExists(atPath: snapshot) else {
                    load.ledeSnapshotError = "the first run saved no snapshot at \(snapshot)"
                    return
                }
            } else {
                seconds.append(result.seconds)
            }
        }
        load.ledeSnapshotChild = Timing(seconds: seconds)
        load.snapshotRatio = Format.divide(load.ledeSnapshotChild?.medianMs, load.ledeChild?.medianMs)
    }

    /// The 1-minute load average, from /proc/loadavg.
    static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }

    private func larger(_ a: Int?, _ b: Int?) -> Int? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }

    private func compare(_ query: BenchQuery, lede: LedeBench.QueryRuns?, sqlite: SQLiteBench.QueryRuns?) -> QueryReport {
        var report = QueryReport(id: query.id, title: query.title, lede: query.lede, sql: query.sql, agreement: "")
        report.ledeError = lede == nil ? "no corpus loaded" : lede?.error
        report.ledeTiming = lede.flatMap { Timing(seconds: $0.seconds) }
        report.ledeCPU = lede.flatMap { Timing(seconds: $0.cpuSeconds) }
        let ledeAnswer = lede?.output.flatMap { Answer.parse($0, shape: query.shape) }
        report.ledeResult = ledeAnswer?.summary
        if query.sql != nil {
            report.sqliteCPU = sqlite.flatMap { Timing(seconds: $0.cpuSeconds) }
            report.sqliteReal = sqlite.flatMap { Timing(seconds: $0.realSeconds) }
            if tools.canRunSQLite && sqlite?.output == nil { report.sqliteError = "no timed output" }
        }
        let sqliteAnswer = sqlite?.output.flatMap { Answer.parse($0, shape: query.shape) }
        report.sqliteResult = sqliteAnswer?.summary
        report.ratio = Format.divide(report.ledeCPU?.medianMs, report.sqliteCPU?.medianMs)
        let agreement = Agreement.compare(query, lede: report.ledeError == nil ? ledeAnswer : nil, sqlite: sqliteAnswer)
        report.agrees = agreement.agrees
        report.agreement = agreement.text
        if agreement.agrees == false, let ledeIDs = lede?.idsOutput, let sqliteIDs = sqlite?.idsOutput {
            let ledeKey = query.ledeIDs?.hasSuffix("article.key") == true ? "article.key" : "key"
            report.difference = Agreement.difference(
                lede: Answer.parse(ledeIDs, shape: .rows), ledeKey: ledeKey,
                sqlite: Answer.parse(sqliteIDs, shape: .rows), sqliteKey: "id")
        }
        return report
    }

    /// jq over the JSONL and ripgrep over the .txt folder, whole processes, for the phrase count.
    private func scans(into report: inout SizeReport) {
        guard let index = report.queries.firstIndex(where: { query in BenchQuery.all.contains { $0.id == query.id && $0.scanned } }) else {
            return
        }
        if let jq = tools.jq {
            log("news-\(set.size): jq, \(options.scanRuns) runs")
            let measured = measure([jq, "-n", BenchQuery.jqPhraseCount, set.jsonl]) { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            report.queries[index].jq = measured.timing
            report.queries[index].jqResult = measured.result
        }
        if let rg = tools.rg {
            log("news-\(set.size): rg, \(options.scanRuns) runs")
            let measured = measure([rg, "-i", "-l", BenchQuery.rgPhrase, set.textDirectory]) {
                String($0.split(separator: "\n").count)
            }
            report.queries[index].rg = measured.timing
            report.queries[index].rgResult = measured.result
        }
    }

    /// A warm-up, then `scanRuns` timed runs; the result is read from the last one.
    private func measure(_ arguments: [String], result: (String) -> String) -> (timing: Timing?, result: String) {
        var seconds: [Double] = []
        var last = ""
        for run in 0...options.scanRuns {
            do {
                let child = try runner.run(arguments)
                // rg exits 1 when nothing matches: still a valid answer.
                guard child.exitCode == 0 || (child.exitCode == 1 && child.standardError.isEmpty) else {
                    return (nil, "failed: \(child.failureSummary)")
                }
                if run > 0 { seconds.append(child.seconds) }
                last = result(child.standardOutput)
            } catch {
                return (nil, "failed: \(error)")
            }
        }
        return (Timing(seconds: seconds), last)
    }
}
