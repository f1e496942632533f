import Foundation

/// What one benchmark run measures, and where it reads and writes: from the command line.
struct Options {
    /// Article counts, as `corpus_convert.py --size` spells them ("10k", "100k", "1k", "2500").
    var sizes = ["10k", "100k"]
    /// Where sets are built, the sqlite databases go, and the results are written.
    var workDirectory = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        + "/lede-bench"
    /// A folder of ready-made sets (news-SIZE.jsonl and news-SIZE/) read in preference to building.
    var setsDirectory: String?
    var jsonPath: String?
    /// The release `lede`; by default the one beside this executable.
    var ledePath: String?
    var seedsPath = "seeds"
    var converterPath = "../shared/tools/corpus_convert.py"
    var corporaPath = "../shared/corpora"
    /// The existing baseline script, only read to check the sqlite loader is still the same.
    var baselineScriptPath = "../shared/tools/perf_baselines.sh"
    var queryRuns = 20
    var loadRuns = 3
    var scanRuns = 3
    var startupRuns = 30

    var resultsPath: String { jsonPath ?? workDirectory + "/results.json" }
    /// The children's `XDG_CACHE_HOME`: any snapshot a child lede saves stays in the work folder.
    var cacheHome: String { workDirectory + "/cache" }

    static let usage = """
        usage: LedeBenchmark [options]

        Measures Lede against sqlite3 + FTS5, jq and ripgrep on the news sets that
        ../shared/tools/corpus_convert.py builds, and prints a Markdown table per size.

          --sizes LIST        comma-separated sizes (default 10k,100k; also 1k or a number)
          --work-dir DIR      sets are built here, with the databases and results
                              (default $TMPDIR/lede-bench)
          --sets DIR          read ready-made news-SIZE.jsonl and news-SIZE/ from DIR
                              (for example /work/data); DIR is never written
          --json PATH         where the results go as JSON (default WORK/results.json)
          --lede PATH         the release lede binary (default: beside this program)
          --seeds DIR         corpus for the start-up figure (default seeds)
          --converter PATH    corpus_convert.py (default ../shared/tools/corpus_convert.py)
          --corpora DIR       the raw corpora (default ../shared/corpora)
          --query-runs N      timed runs of each in-session query (default 20, after one warm-up)
          --load-runs N       timed loads: sqlite import and Lede load (default 3)
          --scan-runs N       timed jq and ripgrep runs (default 3)
          --startup-runs N    timed `lede -c 'articles | count'` runs on seeds (default 30)
          -h, --help          show this text
        """

    /// Every option; each takes a value.
    private static let known: Set = [
        "--sizes", "--work-dir", "--sets", "--json", "--lede", "--seeds", "--converter", "--corpora",
        "--query-runs", "--load-runs", "--scan-runs", "--startup-runs",
    ]

    /// Reads the arguments; returns a message for the person on a bad one.
    static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "-h" || argument == "--help" { return .failure(UsageError(message: usage, isHelp: true)) }
            guard known.contains(argument) else {
                return .failure(UsageError(message: "unknown option '\(argument)'\n\n\(usage)"))
            }
            guard let value = rest.popFirst() else {
                return .failure(UsageError(message: "\(argument) needs a value"))
            }
            switch argument {
            case "--sizes":
                options.sizes = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if let bad = options.sizes.first(where: { SetSize.articleCount($0) == nil }) {
                    return .failure(UsageError(message: "--sizes: '\(bad)' is not 1k, 10k, 100k or a number of articles"))
                }
            case "--work-dir": options.workDirectory = value
            case "--sets": options.setsDirectory = value
            case "--json": options.jsonPath = value
            case "--lede": options.ledePath = value
            case "--seeds": options.seedsPath = value
            case "--converter": options.converterPath = value
            case "--corpora": options.corporaPath = value
            case "--query-runs", "--load-runs", "--scan-runs", "--startup-runs":
                guard let count = Int(value), count >= 1 else {
                    return .failure(UsageError(message: "\(argument) needs a whole number of runs of at least 1, got '\(value)'"))
                }
                switch argument {
                case "--query-runs": options.queryRuns = count
                case "--load-runs": options.loadRuns = count
                case "--scan-runs": options.scanRuns = count
                default: options.startupRuns = count
                }
            default:
                break
            }
        }
        if options.sizes.isEmpty { return .failure(UsageError(message: "--sizes needs at least one size")) }
        return .success(options)
    }
}

struct UsageError: Error {
    var message: String
    var isHelp = false
}

/// A set size as the converter spells it.
enum SetSize {
    static func articleCount(_ size: String) -> Int? {
        let lower = size.lowercased()
        if lower.hasSuffix("k"), let thousands = Int(lower.dropLast()), thousands > 0 { return thousands * 1000 }
        if let count = Int(lower), count > 0 { return count }
        return nil
    }
}
