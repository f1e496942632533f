@testable import LedeBenchmark
import Testing

/// The benchmark's report: what it says of the targets.
@Suite struct ReportTests {
    /// The Markdown for one size whose load missed every target.
    static func markdown(size: String) -> String {
        var load = LoadReport()
        load.loadRatio = 0.71
        load.snapshotRatio = 0.16
        load.memoryRatio = 6.23
        var sizeReport = SizeReport(size: size)
        sizeReport.load = load
        let report = BenchReport(
            startedAt: "2026-12-06T00:00:00Z", command: "LedeBenchmark", cores: 2, ledeBinary: nil, noSnapshotFlag: true,
            runs: [:], tools: [:], sizes: [sizeReport])
        return MarkdownReport.render(report)
    }

    /// The targets are set at 100k articles: a smaller set, where start-up weighs more, shows
    /// its ratios without calling them missed.
    @Test func targetsAreJudgedOnlyAtTheSizeTheyAreSetAt() {
        let small = Self.markdown(size: "10k")
        #expect(!small.contains("MISSED") && !small.contains(": met"))
        #expect(small.contains("0.71×") && small.contains("not judged (the targets are set at 100k)"))
        let large = Self.markdown(size: "100k")
        #expect(large.contains("target ≤ 0.5: MISSED"))
        #expect(large.contains("target < 0.1: MISSED"))
        #expect(large.contains("target ≤ 2.5: MISSED"))
    }

    /// A query's row puts Lede's CPU time beside sqlite's, as the ratio compares them, and
    /// Lede's wall time after them.
    @Test func aQueryRowComparesCPUTimes() throws {
        var query = QueryReport(id: "phrase", title: "phrase count", lede: "…", sql: "…", agreement: "yes")
        query.ledeCPU = Timing(seconds: [0.002])
        query.ledeTiming = Timing(seconds: [0.005])
        query.sqliteCPU = Timing(seconds: [0.004])
        query.ratio = 0.5
        var sizeReport = SizeReport(size: "100k")
        sizeReport.queries = [query]
        let report = BenchReport(
            startedAt: "2026-12-06T00:00:00Z", command: "LedeBenchmark", cores: 2, ledeBinary: nil, noSnapshotFlag: true,
            runs: [:], tools: [:], sizes: [sizeReport])
        let row = try #require(MarkdownReport.render(report).split(separator: "\n").first { $0.hasPrefix("| phrase count |") })
        #expect(row.hasPrefix("| phrase count | 2.00 ms | 4.00 ms | 0.50× | 5.00 ms |"))
    }
}
