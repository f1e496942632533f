import Foundation

/// Everything one run measured; written as JSON and printed as Markdown.
struct BenchReport: Codable {
    var startedAt: String
    var command: String
    var cores: Int
    var ledeBinary: String?
    var noSnapshotFlag: Bool
    var runs: [String: Int]
    var tools: [String: String]
    var seedsStartup: Timing?
    var seedsStartupError: String?
    var sizes: [SizeReport] = []
    var notes: [String] = []
}

struct SizeReport: Codable {
    var size: String
    var skipped: String?
    var jsonl: String?
    var jsonlBytes: Int?
    var articles: Int?
    /// The 1-minute load average when this size started and ended: other work on the machine.
    var loadAverageAtStart: Double?
    var loadAverageAtEnd: Double?
    var load: LoadReport?
    var queries: [QueryReport] = []
    var notes: [String] = []
}

struct LoadReport: Codable {
    /// Python loader: JSONL into a table, then the FTS5 index and two b-tree indexes.
    var sqliteImport: Timing?
    var sqliteImportPeakRSSBytes: Int?
    var sqliteDatabaseBytes: Int?
    /// `lede --corpus JSONL [--no-snapshot] -c 'articles | count'`, whole process.
    var ledeChild: Timing?
    var ledeChildPeakRSSBytes: Int?
    /// CPU time of the same runs: CPU / wall says how many cores the load kept busy.
    var ledeChildCPU: Timing?
    var sqliteImportCPU: Timing?
    var ledeChildError: String?
    /// `lede --corpus JSONL -c 'articles | count'` reading the snapshot an earlier run saved.
    var ledeSnapshotChild: Timing?
    var ledeSnapshotError: String?
    /// Lede snapshot load median / Lede full load median; the target is under 0.1.
    var snapshotRatio: Double?
    /// Session.loadCorpus in this process, in full (no snapshot cache).
    var ledeInProcess: Timing?
    var ledeInProcessResidentBytes: Int?
    var ledeInProcessError: String?
    /// Lede child median / sqlite import median; the target is at most 0.5.
    var loadRatio: Double?
    /// Lede child peak RSS / JSONL bytes; the target is at most 2.5.
    var memoryRatio: Double?
    var sqliteSessionPeakRSSBytes: Int?
}

struct QueryReport: Codable {
    var id: String
    var title: String
    var lede: String
    var sql: String?
    /// Wall time of Lede's `Session.run`.
    var ledeTiming: Timing?
    /// user + sys of this process over Lede's `Session.run`: the figure ratios use, as sqlite's.
    var ledeCPU: Timing?
    var ledeResult: String?
    var ledeError: String?
    /// user + sys of sqlite's `.timer` (microsecond resolution): the figure ratios use.
    var sqliteCPU: Timing?
    /// real of sqlite's `.timer` (millisecond resolution).
    var sqliteReal: Timing?
    var sqliteResult: String?
    var sqliteError: String?
    var ratio: Double?
    var jq: Timing?
    var jqResult: String?
    var rg: Timing?
    var rgResult: String?
    var agrees: Bool?
    var agreement: String
    /// Articles only one side counted, when the counts differ.
    var difference: String?
}

/// The Markdown the person reads.
enum MarkdownReport {
    static func render(_ report: BenchReport) -> String {
        var lines: [String] = []
        lines.append("## Lede benchmark")
        lines.append("")
        lines.append("`\(report.command)` · \(report.startedAt) · \(report.cores) cores · lede \(report.ledeBinary ?? "missing")"
            + (report.noSnapshotFlag ? " (loads with --no-snapshot)" : ""))
        lines.append("runs: " + report.runs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            + " (medians; one warm-up run first, not counted)")
        lines.append("tools: " + report.tools.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; "))
        for size in report.sizes { lines += [""] + render(size) }
        lines.append("")
        if let startup = report.seedsStartup {
            let verdict = startup.medianMs < 50 ? "met" : "MISSED"
            lines.append("**Start-up on seeds/** (`lede -c 'articles | count'`, whole process): median \(Format.duration(startup.medianMs)), "
                + "min \(Format.duration(startup.minMs)), \(startup.runs) runs — target < 50 ms: \(verdict)")
        } else {
            lines.append("**Start-up on seeds/**: not measured (\(report.seedsStartupError ?? "unknown reason"))")
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines += report.notes.map { "- " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The size the issue's targets are set at; other sizes show the ratios without a verdict.
    static let targetSize = "100k"

    private static func render(_ size: SizeReport) -> [String] {
        var lines = ["### news-\(size.size)"]
        /// "met" or "MISSED" by whether `ratio` `meets` its target, for the size targets are set at.
        func verdict(_ ratio: Double?, _ meets: (Double) -> Bool) -> String {
            guard size.size == targetSize else { return "not judged (the targets are set at \(targetSize))" }
            guard let ratio else { return "not measured" }
            return meets(ratio) ? "met" : "MISSED"
        }
        if let skipped = size.skipped {
            return lines + ["", "skipped: \(skipped)"]
        }
        let articles = size.articles.map { "\($0) articles" } ?? "? articles"
        lines.append("")
        lines.append("\(articles), JSONL \(Format.megabytes(size.jsonlBytes)) (`\(size.jsonl ?? "?")`); "
            + "load average \(size.loadAverageAtStart.map { String(format: "%.2f", $0) } ?? "?") at start, "
            + "\(size.loadAverageAtEnd.map { String(format: "%.2f", $0) } ?? "?") at end (other work on the machine adds noise)")
        lines.append("")
        lines.append("| query | Lede median | sqlite median | ratio Lede/sqlite | Lede wall | sqlite real | jq | rg | result agreement |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        if let load = size.load {
            lines.append("| load: Lede parse + extract + index (child `lede`) vs sqlite import + FTS5, wall time | "
                + "\(Format.duration(load.ledeChild?.medianMs)) | \(Format.duration(load.sqliteImport?.medianMs)) | "
                + "\(Format.ratio(load.loadRatio)) (target ≤ 0.5) | | | | | \(load.ledeChildError.map { "Lede failed: \($0)" } ?? "") |")
        }
        for query in size.queries {
            let lede = query.ledeError.map { _ in "n/a" } ?? Format.duration(query.ledeCPU?.medianMs)
            let ledeWall = query.ledeError.map { _ in "" } ?? Format.duration(query.ledeTiming?.medianMs)
            var sqlite = Format.duration(query.sqliteCPU?.medianMs)
            if query.sql == nil { sqlite = "— (no entities)" }
            var agreement = query.ledeError.map { "Lede error: \($0)" } ?? query.agreement
            if let difference = query.difference { agreement += " (\(difference))" }
            if let jq = query.jqResult { agreement += "; jq \(jq)" }
            if let rg = query.rgResult { agreement += "; rg \(rg)" }
            // The shell prints real time to the millisecond.
            let real = query.sqliteReal.map { $0.medianMs < 0.5 ? "< 1 ms" : String(format: "%.0f ms", $0.medianMs) } ?? ""
            lines.append("| \(query.title) | \(lede) | \(sqlite) | \(Format.ratio(query.ratio)) | \(ledeWall) | \(real) | "
                + "\(query.jq.map { Format.duration($0.medianMs) } ?? "") | \(query.rg.map { Format.duration($0.medianMs) } ?? "") | "
                + "\(agreement.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        if let load = size.load {
            lines.append("")
            lines.append("- load, Lede child process: \(Format.duration(load.ledeChild?.medianMs)) "
                + "(min \(Format.duration(load.ledeChild?.minMs)), CPU \(Format.duration(load.ledeChildCPU?.medianMs))); "
                + "sqlite import + FTS5: \(Format.duration(load.sqliteImport?.medianMs)) (CPU \(Format.duration(load.sqliteImportCPU?.medianMs))) "
                + "→ ratio \(Format.ratio(load.loadRatio)), target ≤ 0.5: \(verdict(load.loadRatio) { $0 <= 0.5 }); "
                + "CPU ratio \(Format.ratio(Format.divide(load.ledeChildCPU?.medianMs, load.sqliteImportCPU?.medianMs)))")
            lines.append("- load from the snapshot a first run saved, Lede child: \(Format.duration(load.ledeSnapshotChild?.medianMs))"
                + (load.ledeSnapshotError.map { " — \($0)" } ?? "")
                + " = \(Format.ratio(load.snapshotRatio)) of the full load, target < 0.1: \(verdict(load.snapshotRatio) { $0 < 0.1 })")
            lines.append("- load, Lede in process, in full (Session.loadCorpus, no snapshot): \(Format.duration(load.ledeInProcess?.medianMs))"
                + (load.ledeInProcessError.map { " — failed: \($0)" } ?? "")
                + "; resident after load \(Format.megabytes(load.ledeInProcessResidentBytes))")
            lines.append("- peak memory, Lede child: \(Format.megabytes(load.ledeChildPeakRSSBytes)) / JSONL \(Format.megabytes(size.jsonlBytes)) "
                + "= \(Format.ratio(load.memoryRatio)), target ≤ 2.5: \(verdict(load.memoryRatio) { $0 <= 2.5 }) "
                + "(sqlite import peak \(Format.megabytes(load.sqliteImportPeakRSSBytes)), database \(Format.megabytes(load.sqliteDatabaseBytes)))")
        }
        let slow = size.queries.filter { ($0.ratio ?? 0) > 1 }.map(\.id)
        if !size.queries.isEmpty {
            lines.append("- queries above sqlite's in-session time: " + (slow.isEmpty ? "none" : slow.joined(separator: ", ")))
        }
        lines += size.notes.map { "- " + $0 }
        return lines
    }
}
