import Foundation
import LedeLanguage
import LedeStore

/// A Lede session: a corpus, the names bound so far, and where results and errors go.
///
/// The REPL and the script runner both feed it source text; it splits the text into
/// statements, runs each (a dot command, a `let`, or a query) and prints the results. It never
/// touches a terminal directly, so it is tested with string outputs.
public final class Session {
    public private(set) var corpus: Corpus
    public var settings: Settings
    /// Names bound by `let` and `--param`.
    public private(set) var globals: [String: ResultSet] = [:]
    /// Set to stop the running query (Ctrl-C, `--timeout`).
    public let cancellation: CancellationFlag
    /// Where results go: standard output unless `.output` or `.once` redirected them.
    var output: TextOutput
    let standardOutput: TextOutput
    let errors: TextOutput
    /// The file behind `.output`, or behind `.once` for one statement.
    var redirection: (file: AtomicFileOutput, once: Bool)?
    /// Loads a corpus for `.load`.
    let load: ([String]) throws(CorpusLoadError) -> LoadedCorpus
    /// The last query's result, for `.last` and `.show all`.
    var lastResult: ResultTable?
    /// How long the corpus took to load, for `.corpus`.
    public var loadSeconds: Double?
    /// Whether the corpus came from its files or a snapshot, for `.corpus`.
    public var loadOrigin: LoadedCorpus.Origin?
    /// `.read` files being read, innermost last, to refuse a file that reads itself.
    var readStack: [String] = []
    /// Set by `.quit`.
    public private(set) var quitRequested = false
    /// Errors reported so far (statements that failed, and failed writes).
    public private(set) var errorCount = 0

    /// A session whose `.load` loads corpora the way the shell does, through the snapshots in
    /// `snapshots` (nil: always from the corpus files, saving nothing).
    public convenience init(
        corpus: Corpus, settings: Settings = Settings(), output: TextOutput = StandardStream.output,
        errors: TextOutput = StandardStream.error, cancellation: CancellationFlag = CancellationFlag(),
        snapshots: SnapshotCache? = SnapshotCache.standard()
    ) {
        self.init(
            corpus: corpus, settings: settings, output: output, errors: errors, cancellation: cancellation,
            loader: { roots throws(CorpusLoadError) in try Session.loadCorpus(roots, snapshots: snapshots) })
    }

    /// A session whose `.load` calls `load`.
    public convenience init(
        corpus: Corpus, settings: Settings = Settings(), output: TextOutput = StandardStream.output,
        errors: TextOutput = StandardStream.error, cancellation: CancellationFlag = CancellationFlag(),
        load: @escaping ([String]) throws(CorpusLoadError) -> Corpus
    ) {
        self.init(
            corpus: corpus, settings: settings, output: output, errors: errors, cancellation: cancellation,
            loader: { roots throws(CorpusLoadError) in LoadedCorpus(corpus: try load(roots)) })
    }

    private init(
        corpus: Corpus, settings: Settings, output: TextOutput, errors: TextOutput, cancellation: CancellationFlag,
        loader: @escaping ([String]) throws(CorpusLoadError) -> LoadedCorpus
    ) {
        self.corpus = corpus
        self.settings = settings
        self.output = output
        self.standardOutput = output
        self.errors = errors
        self.load = loader
        self.cancellation = cancellation
    }

    /// Loads a corpus the way the shell does: from its snapshot in the standard cache when
    /// that is current, otherwise in parallel with entity extraction. Notes about the snapshot
    /// go to standard error.
    public static func loadCorpus(_ roots: [String]) throws(CorpusLoadError) -> Corpus {
        let loaded = try loadCorpus(roots, snapshots: SnapshotCache.standard())
        for note in loaded.notes { try? StandardStream.error.write(note + "\n") }
        return loaded.corpus
    }

    /// Loads a corpus the way the shell does, through `snapshots` (nil: from the corpus files,
    /// saving nothing). A note says so when the gazetteers were not found.
    public static func loadCorpus(_ roots: [String], snapshots: SnapshotCache?) throws(CorpusLoadError) -> LoadedCorpus {
        let options = LoadOptions(extractor: Session.extractor)
        var loaded =
            if let snapshots {
                try snapshots.load(roots, options: options)
            } else {
                LoadedCorpus(corpus: try CorpusLoader.load(roots, options: options))
            }
        if !Gazetteer.isBundleFound { loaded.notes.append(Self.missingGazetteers) }
        return loaded
    }

    /// What a copy of `lede` without its resource folder beside it says when it loads.
    static let missingGazetteers =
        "the gazetteers were not found (the Lede_LedeStore.resources folder belongs beside the lede executable): "
        + "people, organizations and places are recognized by the shape of their names alone"

    /// The extractor every corpus the shell loads goes through.
    public static var extractor: any ArticleExtractor { NewsExtractor.standard }

    // MARK: Running text

    /// Runs every statement of `file`. Stops at the first error unless `keepGoing` is set;
    /// returns false when a statement failed.
    @discardableResult
    public func run(_ file: SourceFile) -> Bool {
        var succeeded = true
        for parsed in Parser.parseScript(file) {
            if quitRequested { break }
            let ok = run(parsed, in: file)
            if !ok {
                succeeded = false
                if !settings.keepGoing { break }
            }
        }
        return succeeded
    }

    /// Binds a name before a script runs (`--param name=value`).
    public func bind(_ name: String, to result: ResultSet) {
        globals[name] = result
    }

    /// Runs one statement of `file`; returns false when it failed.
    public func run(_ parsed: Parser.Parsed, in file: SourceFile) -> Bool {
        guard let statement = parsed.statement else {
            for diagnostic in parsed.diagnostics { report(diagnostic, in: file) }
            return false
        }
        let started = DispatchTime.now()
        var succeeded: Bool
        switch statement.kind {
        case .command(let command):
            succeeded = runCommand(command, in: file)
        case .binding(let name, let pipeline):
            if let result = evaluate(pipeline, in: file) {
                globals[name.name] = result
                succeeded = true
            } else {
                succeeded = false
            }
        case .query(let pipeline):
            if let result = evaluate(pipeline, in: file) {
                let table = ResultTable(result, corpus: corpus)
                lastResult = table
                succeeded = emit(table)
            } else {
                succeeded = false
            }
        }
        if settings.timer, !statement.isCommand {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            note("time: \(Self.duration(seconds))")
        }
        if case .command(let command) = statement.kind, command.name.name == "once" {
            // `.once` redirects the statement after it; keep the redirection for that one.
        } else if redirection?.once == true {
            succeeded = finishRedirection() && succeeded
        }
        return succeeded
    }

    /// Checks and runs a pipeline, reporting any error.
    func evaluate(_ pipeline: Pipeline, in file: SourceFile) -> ResultSet? {
        cancellation.reset()
        let watchdog = settings.timeout.map { Watchdog(seconds: $0, flag: cancellation) }
        defer { watchdog?.disarm() }
        do {
            let checked = try Checker(corpus: corpus, globals: globals.mapValues(\.globalType)).check(pipeline)
            return try Evaluator(corpus: corpus, globals: globals, cancellation: cancellation).run(checked, range: pipeline.range)
        } catch {
            if error.isInterruption, let watchdog, watchdog.fired {
                report(Diagnostic("stopped after \(Self.duration(watchdog.seconds)): the statement ran longer than --timeout", at: pipeline.range), in: file)
            } else {
                report(error, in: file)
            }
            return nil
        }
    }

    // MARK: Output

    /// Prints a result in the current format.
    func emit(_ table: ResultTable, uncapped: Bool = false) -> Bool {
        var options = settings.renderOptions
        if redirection != nil {
            options = RenderOptions()
        } else if uncapped {
            options.rowCap = nil
        }
        let text = ResultRenderer(corpus: corpus).render(table, as: settings.format, options: options)
        return write(text)
    }

    /// Writes to the current output; a failed write is reported and counted.
    @discardableResult
    func write(_ text: String) -> Bool {
        do {
            try output.write(text)
            return true
        } catch {
            fail(error.message)
            return false
        }
    }

    /// A diagnostic, rendered with its source line and caret.
    func report(_ diagnostic: Diagnostic, in file: SourceFile) {
        errorCount += 1
        let style: DiagnosticRenderer.Style = settings.colorErrors ? .terminal : .plain
        if diagnostic.isInterruption {
            // At a terminal the ^C it echoed is still on the line.
            try? errors.write(settings.interactive ? "\ninterrupted\n" : "interrupted\n")
            return
        }
        try? errors.write(DiagnosticRenderer.render(diagnostic, in: file, style: style))
    }

    /// An error without a position (a failed write, a bad command argument).
    func fail(_ message: String) {
        errorCount += 1
        let prefix = settings.colorErrors ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        try? errors.write("\(prefix) \(message)\n")
    }

    /// Information for the person, on standard error so results stay clean.
    func note(_ message: String) {
        try? errors.write(message + "\n")
    }

    func requestQuit() {
        quitRequested = true
    }

    /// Closes any `.output` file; call before the process ends.
    @discardableResult
    public func finish() -> Bool {
        finishRedirection()
    }

    @discardableResult
    func finishRedirection() -> Bool {
        guard let (file, _) = redirection else { return true }
        redirection = nil
        output = standardOutput
        do {
            try file.close()
            return true
        } catch {
            fail(error.message)
            return false
        }
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }

    /// Replaces the corpus (after `.load`); bound names refer to the old one and are dropped.
    func replaceCorpus(_ newCorpus: Corpus) {
        corpus = newCorpus
        globals = globals.filter { $0.value.shape.subject.isPrimitive }
        lastResult = nil
    }
}
