import Foundation

// Lede against sqlite3 + FTS5, jq and ripgrep, in one run per set size (issue 4).

let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed):
    options = parsed
case .failure(let error):
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    exit(error.isHelp ? 0 : 2)
}

let scratch = options.workDirectory + "/scratch"
do {
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
} catch {
    FileHandle.standardError.write(Data("LedeBenchmark: cannot create \(scratch): \(error)\n".utf8))
    exit(1)
}
var runner = ChildProcess(scratchDirectory: scratch, extraEnvironment: ["XDG_CACHE_HOME": options.cacheHome])
let tools = Tools.detect(runner)
runner.gnuTime = tools.gnuTime
if !tools.missing.isEmpty { log("missing, their columns are skipped: \(tools.missing.joined(separator: ", "))") }

/// The `lede` beside this executable, unless --lede names one.
func ledeBinary() -> String? {
    if let path = options.ledePath { return Tools.resolve(path) }
    guard let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    return Tools.resolve((me as NSString).deletingLastPathComponent + "/lede")
}
let lede = LedeBench(runner: runner, binary: ledeBinary())
if lede.binary == nil { log("no lede binary found: child-process figures are skipped") }

var report = BenchReport(
    startedAt: ISO8601DateFormatter().string(from: Date()),
    command: CommandLine.arguments.joined(separator: " "),
    cores: ProcessInfo.processInfo.activeProcessorCount,
    ledeBinary: lede.binary, noSnapshotFlag: !lede.snapshotArguments.isEmpty,
    runs: ["query": options.queryRuns, "load": options.loadRuns, "scan": options.scanRuns, "startup": options.startupRuns],
    tools: tools.versions)
if !report.noSnapshotFlag {
    report.notes.append("this lede has no --no-snapshot flag: loads are full loads (no snapshot cache exists yet)")
}
switch SQLiteBench.loaderMatchesBaseline(scriptPath: options.baselineScriptPath) {
case false?: report.notes.append("the sqlite loader differs from \(options.baselineScriptPath)'s: figures may not compare with it")
case nil: report.notes.append("\(options.baselineScriptPath) not found: the loader could not be checked against it")
case true?: break
}
report.notes.append("query medians are CPU time, user + sys, on both sides: sqlite's from `.timer on` (µs resolution; "
    + "its real time prints only to the ms), Lede's from getrusage around Session.run (parse, check, evaluate, render as JSON), "
    + "as `.timer` measures it; wall time, which adds whatever else the machine made the process wait for, is shown beside it")

if tools.jq != nil || tools.rg != nil {
    report.notes.append(#"jq and rg count articles matching the regex human\s+rights case-blind, as perf_baselines.sh does: "#
        + "it misses \"human-rights\", which FTS5 and Lede both split into the phrase's two terms, so their counts can be lower")
}

let sets = CorpusSets(options: options, tools: tools, runner: runner)
for size in options.sizes {
    switch sets.prepare(size) {
    case .failure(let reason):
        log("news-\(size) skipped: \(reason.message)")
        report.sizes.append(SizeReport(size: size, skipped: reason.message))
    case .success(let set):
        report.sizes.append(SizeRun(options: options, tools: tools, runner: runner, lede: lede, set: set).run())
    }
}

// Start-up on the repository's seeds/: the whole process, many times.
if lede.binary != nil, FileManager.default.fileExists(atPath: options.seedsPath) {
    log("seeds start-up, \(options.startupRuns) runs")
    var seconds: [Double] = []
    for run in 0...options.startupRuns {
        do {
            let result = try lede.countInChild(corpus: options.seedsPath, peakMemory: false)
            guard result.succeeded else {
                report.seedsStartupError = result.failureSummary
                break
            }
            if run > 0 { seconds.append(result.seconds) }
        } catch {
            report.seedsStartupError = error.description
            break
        }
    }
    report.seedsStartup = Timing(seconds: seconds)
} else {
    report.seedsStartupError = lede.binary == nil ? "no lede binary" : "no seeds folder at \(options.seedsPath)"
}

print(MarkdownReport.render(report), terminator: "")

let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
do {
    try encoder.encode(report).write(to: URL(fileURLWithPath: options.resultsPath))
    log("results written to \(options.resultsPath)")
} catch {
    log("cannot write \(options.resultsPath): \(error)")
    exit(1)
}
