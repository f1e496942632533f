import ArgumentParser
import Foundation
import LedeLanguage
import LedeShell
import LedeStore

/// The command line: which corpus, which statements, and how to print.
struct Lede: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Explore a corpus of news articles with a small pipeline language.",
        discussion: """
            With no script and a terminal, opens the interactive shell. Statements can also come \
            from a script file, from -c (repeatable), or from standard input.

              lede                                  open the shell on seeds/
              lede -c 'articles | count'            run one statement
              lede report.lede --format csv         run a script
              echo 'entities | take 5' | lede       run statements from a pipe

            Exit status: 0 success, 1 a statement failed, 2 bad usage, 3 the corpus could not be loaded.
            """,
        version: "0.1.0")

    @Argument(help: "A script of Lede statements to run.")
    var script: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a statement (repeatable).", valueName: "statement"))
    var commands: [String] = []

    @Option(help: ArgumentHelp("The corpus: a folder of articles, a .txt article or a .jsonl file.", valueName: "path"))
    var corpus: String = "seeds"

    @Option(help: ArgumentHelp("How results print: table, csv, tsv, json, jsonl or markdown.", valueName: "format"))
    var format: OutputFormat?

    @Flag(help: "Go on after an error (the exit status still says there was one).")
    var keepGoing = false

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind a name before the statements run (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Stop any statement that runs longer than this.", valueName: "seconds"))
    var timeout: Double?

    @Flag(help: "Print how long each statement takes.")
    var timer = false

    @Flag(help: "Refuse commands that write files, and .read or .load outside the corpus folder.")
    var safe = false

    @Option(name: .customLong("init"), help: ArgumentHelp("Run this file before the interactive shell starts (default ~/.lederc).", valueName: "file"))
    var initFile: String?

    @Flag(help: "Do not run ~/.lederc.")
    var noInit = false

    @Flag(help: ArgumentHelp(
        "Load the corpus from its files, not from a snapshot, and save none.",
        discussion: "Without it, a corpus that loads slowly or is large is saved as a snapshot under $XDG_CACHE_HOME/lede (default ~/.cache/lede) and read from there next time, until one of its files changes."))
    var noSnapshot = false

    @Flag(help: .hidden)
    var dumpTokens = false

    @Flag(help: .hidden)
    var dumpAst = false

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout needs a number of seconds above 0") }
        if script != nil && !commands.isEmpty { throw ValidationError("give either a script or -c statements, not both") }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param needs name=value, got '\(parameter)'")
        }
    }

    /// Runs, then ends the process with the exit status. The corpus is not freed first: the
    /// process is about to end, and freeing millions of rows would only delay it.
    func execute() -> Never {
        var keptAlive: Session?
        let status = run(keepingAlive: &keptAlive)
        Foundation.exit(status)
    }

    /// Runs and returns the exit status; the session is handed out so it outlives this call.
    private func run(keepingAlive keptAlive: inout Session?) -> Int32 {
        let sources: [SourceFile]
        let interactive: Bool
        if !commands.isEmpty {
            sources = commands.map { SourceFile(name: "<command line>", text: $0) }
            interactive = false
        } else if let script {
            switch Self.readScript(script) {
            case .success(let file): sources = [file]
            case .failure(let problem): return usageError(problem.message)
            }
            interactive = false
        } else if isatty(0) == 1 {
            sources = []
            interactive = true
        } else {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            sources = [SourceFile(name: "<stdin>", text: text)]
            interactive = false
        }

        if dumpTokens || dumpAst { return dump(sources) }

        let started = Date()
        let snapshots = noSnapshot ? nil : SnapshotCache.standard()
        let loaded: LoadedCorpus
        do {
            loaded = try Session.loadCorpus([corpus], snapshots: snapshots)
        } catch {
            printError("lede: \(error.message)")
            return ExitStatus.noCorpus
        }
        for note in loaded.notes {
            printError("lede: \(note)")
        }
        Self.reportSkipped(loaded.corpus.issues)

        var settings = Settings()
        settings.format = format ?? .table
        settings.keepGoing = keepGoing
        settings.timer = timer
        settings.safe = safe
        settings.timeout = timeout
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        settings.colorErrors = isatty(2) == 1 && !noColor
        if interactive {
            settings.interactive = isatty(1) == 1
            settings.colorOutput = isatty(1) == 1 && !noColor
            settings.width = terminalWidth()
        }
        let session = Session(corpus: loaded.corpus, settings: settings, cancellation: interruption, snapshots: snapshots)
        keptAlive = session
        session.loadSeconds = Date().timeIntervalSince(started)
        session.loadOrigin = loaded.origin

        for parameter in parameters {
            guard let (name, value) = Parameter.parse(parameter) else {
                return usageError("--param needs name=value with a name made of letters, digits and _, got '\(parameter)'")
            }
            session.bind(name, to: value)
        }

        if interactive {
            // Errors at the prompt were answered there; leaving the shell is not a failure.
            runInteractive(session)
            session.finish()
            return 0
        } else {
            for source in sources {
                let ok = session.run(source)
                if (!ok && !settings.keepGoing) || session.quitRequested { break }
            }
        }
        session.finish()
        return session.errorCount > 0 ? ExitStatus.failure : 0
    }

    /// The files and records that were skipped, on standard error: the first twenty, then how
    /// many more (`.corpus` lists them all).
    static func reportSkipped(_ issues: [LoadIssue]) {
        let skipped = issues.filter { $0.severity == .skipped }
        for issue in skipped.prefix(20) { printError(issue.description) }
        if skipped.count > 20 { printError("… and \(skipped.count - 20) more skipped; .corpus lists them all") }
    }

    private func runInteractive(_ session: Session) {
        installInterruptHandler()
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"] ?? NSHomeDirectory()
        if !noInit {
            let path = initFile ?? home + "/.lederc"
            if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) {
                let before = session.errorCount
                session.settings.keepGoing = true
                session.run(SourceFile(name: path, text: text))
                session.settings.keepGoing = keepGoing
                let failed = session.errorCount - before
                if failed > 0 { printError("lede: \(failed) error\(failed == 1 ? "" : "s") in \(path)") }
            } else if initFile != nil {
                printError("lede: cannot read '\(path)'")
            }
        }
        print("Lede \(Self.configuration.version): \(CorpusSummary(session.corpus).oneLine). Type .help for help, Ctrl-D to leave.")
        let historyPath = environment["LEDE_HISTORY"] ?? home + "/.lede_history"
        guard let editor = LineEditor(historyPath: historyPath, interruption: interruption, completer: { Completer(session: session) }) else {
            printError("lede: cannot start line editing; reading plain lines")
            return
        }
        Repl(session: session, reader: editor).run()
    }

    /// Ctrl-C sets the interruption flag: at the prompt it clears the line, during a query
    /// it stops the query. `sa_flags = 0` (no SA_RESTART) makes a read at the prompt return.
    private func installInterruptHandler() {
        interruption.reset()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruption.cancel() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    private func dump(_ sources: [SourceFile]) -> Int32 {
        var failed = false
        for source in sources {
            if dumpTokens {
                var lexer = Lexer(source)
                for token in lexer.tokenize() { print(TokenDump.line(token, in: source)) }
                for diagnostic in lexer.diagnostics {
                    printError(DiagnosticRenderer.render(diagnostic, in: source), newline: false)
                    failed = true
                }
            }
            if dumpAst {
                for parsed in Parser.parseScript(source) {
                    if let statement = parsed.statement { print(ASTDump.text(of: statement), terminator: "") }
                    for diagnostic in parsed.diagnostics {
                        printError(DiagnosticRenderer.render(diagnostic, in: source), newline: false)
                        failed = true
                    }
                }
            }
        }
        return failed ? ExitStatus.failure : 0
    }

    /// Reads the script argument. A folder or a `.jsonl` file given there is most likely the
    /// corpus, named without `--corpus`: say so rather than read it as statements.
    private static func readScript(_ path: String) -> Result<SourceFile, ScriptProblem> {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue {
            return .failure(ScriptProblem("'\(path)' is a folder, not a script; to explore it, run: lede --corpus \(shellQuoted(path))"))
        }
        if exists && path.lowercased().hasSuffix(".jsonl") {
            return .failure(ScriptProblem("'\(path)' is a corpus file, not a script; to explore it, run: lede --corpus \(shellQuoted(path))"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ScriptProblem("cannot read '\(path)': \(exists ? "permission denied" : "no such file")"))
        }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(ScriptProblem("'\(path)' is not UTF-8 text")) }
        return .success(SourceFile(name: path, text: text))
    }

    /// `text` as one shell word: as it is when that is safe, else in single quotes.
    private static func shellQuoted(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+,:@%".unicodeScalars)
        if !text.isEmpty && text.unicodeScalars.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private struct ScriptProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private func usageError(_ message: String) -> Int32 {
        printError("lede: \(message)")
        return ExitStatus.usage
    }
}

func printError(_ message: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((message + (newline ? "\n" : "")).utf8))
}

extension OutputFormat: ExpressibleByArgument {}

