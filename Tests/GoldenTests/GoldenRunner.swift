import Foundation
import LedeLanguage
import LedeShell
import LedeStore

/// Runs golden scripts and compares what they print with what they expect.
///
/// Statements run one at a time in one session, so each output is matched with the
/// expectations written under its statement, and a mismatch names the script's line. With
/// `LEDE_RECORD=1` the expectations are rewritten from what ran, and the run fails, so a new
/// baseline is never accepted without a look.
struct GoldenRunner {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static var recording: Bool { ProcessInfo.processInfo.environment["LEDE_RECORD"] == "1" }

    /// Corpora by path, loaded once for the whole run.
    private static let corpora = CorpusCache()

    static func seedsCorpus() throws -> Corpus {
        try corpora.corpus(repository + "/seeds")
    }

    /// What one statement printed.
    struct StatementRun {
        var firstLine: Int
        var lastLine: Int
        var output: String
        var errors: [GoldenScript.Expectation]
    }

    struct Outcome {
        var failures: [String]
        var recorded: Bool
    }

    /// Every `*.lede` file beneath a folder, sorted.
    static func scripts(in folder: String) -> [String] {
        let root = repository + "/" + folder
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".lede") }.sorted().map { folder + "/" + $0 }
    }

    static func check(_ relativePath: String) throws -> Outcome {
        let script = try GoldenScript(path: repository + "/" + relativePath)
        guard !script.expectations.isEmpty || recording else {
            return Outcome(failures: ["\(relativePath): the script has no expectation (# expect:, # expect-file: or # error:)"], recorded: false)
        }
        let runs: [StatementRun]
        var fullErrors = ""
        switch script.mode {
        case .tokens, .ast:
            runs = dump(script)
        case .run:
            (runs, fullErrors) = try execute(script)
        }
        if recording {
            try record(script, runs, fullErrors: fullErrors)
            // Recording moves lines, and errors name lines: record again until they settle.
            for _ in 0..<3 {
                let again = try GoldenScript(path: script.path)
                guard script.mode == .run else { break }
                let (rerun, rerunErrors) = try execute(again)
                guard !compare(again, relativePath, rerun, fullErrors: rerunErrors).isEmpty else { break }
                try record(again, rerun, fullErrors: rerunErrors)
            }
            return Outcome(failures: ["\(relativePath): recorded new expectations; review the diff and run again without LEDE_RECORD"], recorded: true)
        }
        return Outcome(failures: compare(script, relativePath, runs, fullErrors: fullErrors), recorded: false)
    }

    // MARK: Running

    private static func execute(_ script: GoldenScript) throws -> ([StatementRun], String) {
        let corpusPath = script.corpus.map { script.folder + "/" + $0 } ?? repository + "/seeds"
        let corpus = try corpora.corpus(corpusPath)
        let output = StringOutput()
        let errors = StringOutput()
        let session = Session(corpus: corpus, output: output, errors: errors)
        // Messages name the script by its file name; paths in it are relative to its folder.
        let file = SourceFile(name: (script.path as NSString).lastPathComponent, text: script.text, path: script.path)
        var runs: [StatementRun] = []
        var allErrors = ""
        defer { session.finish() }
        for parsed in Parser.parseScript(file) {
            output.clear()
            errors.clear()
            let ok = session.run(parsed, in: file)
            let first = file.location(of: parsed.range.lowerBound).line
            let last = file.location(of: max(parsed.range.lowerBound, parsed.range.upperBound - 1)).line
            runs.append(StatementRun(firstLine: first, lastLine: last, output: output.text, errors: diagnostics(in: errors.text, file: file.name)))
            allErrors += errors.text
            if session.quitRequested || (!ok && !session.settings.keepGoing) { break }
        }
        return (runs, allErrors)
    }

    private static func dump(_ script: GoldenScript) -> [StatementRun] {
        let file = SourceFile(name: (script.path as NSString).lastPathComponent, text: script.text)
        var output = ""
        var errors: [GoldenScript.Expectation] = []
        switch script.mode {
        case .tokens:
            var lexer = Lexer(file)
            for token in lexer.tokenize() where token.kind != .newline && token.kind != .endOfInput {
                output += TokenDump.line(token, in: file) + "\n"
            }
            errors = lexer.diagnostics.map { error($0, in: file) }
        case .ast, .run:
            for parsed in Parser.parseScript(file) {
                if let statement = parsed.statement { output += ASTDump.text(of: statement) }
                errors += parsed.diagnostics.map { error($0, in: file) }
            }
        }
        return [StatementRun(firstLine: 1, lastLine: script.lines.count, output: output, errors: errors)]
    }

    private static func error(_ diagnostic: Diagnostic, in file: SourceFile) -> GoldenScript.Expectation {
        let (line, column) = file.location(of: diagnostic.range.lowerBound)
        return .error(line: line, column: column, message: diagnostic.message)
    }

    /// The `file:line:col: error: message` lines of rendered diagnostics.
    private static func diagnostics(in text: String, file: String) -> [GoldenScript.Expectation] {
        text.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix(file + ":") else { return nil }
            let rest = line.dropFirst(file.count + 1)
            let parts = rest.split(separator: ":", maxSplits: 2)
            guard parts.count == 3, let l = Int(parts[0]), let c = Int(parts[1]) else { return nil }
            let message = parts[2].trimmingCharacters(in: .whitespaces)
            guard message.hasPrefix("error: ") else { return nil }
            return .error(line: l, column: c, message: String(message.dropFirst("error: ".count)))
        }
    }

    // MARK: Comparing

    /// The expectations written under each statement: those after its first line and before
    /// the next statement's.
    private static func expectations(of script: GoldenScript, _ runs: [StatementRun]) -> [[GoldenScript.Written]] {
        var grouped = Array(repeating: [GoldenScript.Written](), count: max(1, runs.count))
        for written in script.expectations {
            let index = runs.lastIndex { $0.firstLine <= written.line } ?? 0
            grouped[min(index, grouped.count - 1)].append(written)
        }
        return grouped
    }

    private static func compare(_ script: GoldenScript, _ name: String, _ runs: [StatementRun], fullErrors: String) -> [String] {
        var failures: [String] = []
        let grouped = expectations(of: script, runs)
        for (index, run) in runs.enumerated() {
            let written = index < grouped.count ? grouped[index] : []
            var expectedOutput = ""
            var expectedErrors: [GoldenScript.Expectation] = []
            for item in written {
                switch item.expectation {
                case .output(let line): expectedOutput += line + "\n"
                case .outputFile(let sidecar):
                    let path = script.folder + "/" + sidecar
                    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                        failures.append("\(name):\(item.line): cannot read the expected output '\(sidecar)'")
                        continue
                    }
                    expectedOutput += text
                case .error: expectedErrors.append(item.expectation)
                }
            }
            let line = written.first?.line ?? run.firstLine
            if expectedOutput != run.output {
                failures.append("\(name):\(line): the output of the statement on line \(run.firstLine) differs\n" + diff(expectedOutput, run.output))
            }
            if expectedErrors != run.errors {
                failures.append(
                    "\(name):\(line): the errors of the statement on line \(run.firstLine) differ\n"
                        + diff(expectedErrors.map(describe).joined(separator: "\n"), run.errors.map(describe).joined(separator: "\n")))
            }
        }
        // Expectations under statements that never ran (the script stopped early).
        for group in grouped.dropFirst(runs.count) where !group.isEmpty {
            failures.append("\(name):\(group[0].line): this expectation's statement never ran (did an error stop the script?)")
        }
        let errPath = String(script.path.dropLast(".lede".count)) + ".err"
        if let expected = try? String(contentsOfFile: errPath, encoding: .utf8), expected != fullErrors {
            failures.append("\(name): standard error differs from \((errPath as NSString).lastPathComponent)\n" + diff(expected, fullErrors))
        }
        return failures
    }

    private static func describe(_ expectation: GoldenScript.Expectation) -> String {
        switch expectation {
        case .error(let line, let column, let message): "# error: \(line):\(column): \(message)"
        case .output(let text): "# expect: \(text)"
        case .outputFile(let file): "# expect-file: \(file)"
        }
    }

    /// Expected and actual lines, marked - and +, with the lines they share left out.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        var out = ""
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : nil
            let y = index < b.count ? b[index] : nil
            if x == y { continue }
            if let x { out += "  - \(x)\n" }
            if let y { out += "  + \(y)\n" }
        }
        return out
    }

    // MARK: Recording

    private static func record(_ script: GoldenScript, _ runs: [StatementRun], fullErrors: String) throws {
        let grouped = expectations(of: script, runs)
        var insertions: [Int: [String]] = [:]
        for (index, run) in runs.enumerated() {
            let written = index < grouped.count ? grouped[index] : []
            let indent = String(script.lines[run.firstLine - 1].prefix { $0 == " " || $0 == "\t" })
            var lines: [String] = []
            if case .outputFile(let sidecar)? = written.first(where: { if case .outputFile = $0.expectation { true } else { false } })?.expectation {
                try run.output.write(toFile: script.folder + "/" + sidecar, atomically: true, encoding: .utf8)
                lines.append(indent + "# expect-file: " + sidecar)
            } else if !run.output.isEmpty {
                var output = run.output
                if output.hasSuffix("\n") { output.removeLast() }
                lines += output.components(separatedBy: "\n").map { indent + ("# expect: " + $0).trimmingTrailingSpaces() }
            }
            lines += run.errors.map { indent + describe($0) }
            insertions[run.lastLine, default: []] += lines
        }
        var out: [String] = []
        for (index, line) in script.lines.enumerated() {
            if !GoldenScript.isExpectationLine(line) { out.append(line) }
            if let added = insertions[index + 1] { out += added }
        }
        try out.joined(separator: "\n").write(toFile: script.path, atomically: true, encoding: .utf8)
        let errPath = String(script.path.dropLast(".lede".count)) + ".err"
        if FileManager.default.fileExists(atPath: errPath) {
            try fullErrors.write(toFile: errPath, atomically: true, encoding: .utf8)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Loads each corpus once for the whole test run.
final class CorpusCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: Corpus] = [:]

    func corpus(_ path: String) throws -> Corpus {
        lock.lock()
        defer { lock.unlock() }
        if let corpus = loaded[path] { return corpus }
        let corpus = try Session.loadCorpus([path])
        loaded[path] = corpus
        return corpus
    }
}
