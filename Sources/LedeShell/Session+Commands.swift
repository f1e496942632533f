import Foundation
import LedeLanguage
import LedeStore

extension Session {
    func runCommand(_ command: Command, in file: SourceFile) -> Bool {
        let argument = command.argument.trimmingCharacters(in: .whitespaces)
        guard let dot = DotCommand(named: command.name.name) else {
            report(
                Diagnostic(
                    "unknown command '.\(command.name.name)'", at: command.name.range,
                    help: Suggestions.closest(to: command.name.name, among: DotCommand.allCases.map(\.rawValue))
                        .map { "did you mean '.\($0)'?" } ?? "list the commands with .help"),
                in: file)
            return false
        }
        func usage() -> Bool {
            report(Diagnostic("usage: \(dot.usage)", at: command.argumentRange.isEmpty ? command.name.range : command.argumentRange), in: file)
            return false
        }
        if settings.safe && dot.writesFiles {
            report(Diagnostic("'.\(dot.rawValue)' writes files, which --safe does not allow", at: command.name.range), in: file)
            return false
        }
        switch dot {
        case .help:
            return write(Help(corpus: corpus).text(for: argument.isEmpty ? nil : argument))
        case .schema:
            guard let text = Help(corpus: corpus).schema(argument.isEmpty ? nil : argument) else {
                report(
                    Diagnostic(
                        "unknown type '\(argument)'", at: command.argumentRange,
                        help: Suggestions.help(for: argument, among: ObjectType.allCases.map(\.rawValue))),
                    in: file)
                return false
            }
            return write(text)
        case .format:
            if argument.isEmpty { return write("format: \(settings.format.rawValue)\n") }
            guard let format = OutputFormat(rawValue: argument.lowercased()) else {
                report(
                    Diagnostic(
                        "unknown format '\(argument)'", at: command.argumentRange,
                        help: Suggestions.help(for: argument, among: OutputFormat.allCases.map(\.rawValue))
                            ?? "formats: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")),
                    in: file)
                return false
            }
            settings.format = format
            return true
        case .timer, .keepGoing:
            guard let on = Self.onOff(argument) else { return usage() }
            if dot == .timer { settings.timer = on } else { settings.keepGoing = on }
            return true
        case .output, .once:
            guard finishRedirection() else { return false }
            if argument.isEmpty { return dot == .output ? true : usage() }
            let path = resolve(argument, from: file)
            do {
                let target = try AtomicFileOutput(path: path)
                redirection = (target, dot == .once)
                output = target
                return true
            } catch {
                report(Diagnostic(error.message, at: command.argumentRange), in: file)
                return false
            }
        case .read:
            guard !argument.isEmpty else { return usage() }
            return read(resolve(argument, from: file), shownAs: argument, command: command, in: file)
        case .load:
            guard !argument.isEmpty else { return usage() }
            return loadCorpus(argument, command: command, in: file)
        case .corpus:
            var text = CorpusSummary(corpus).text + "\n"
            if let loadSeconds {
                text += "  loaded in \(Self.duration(loadSeconds))"
                if case .snapshot(let path)? = loadOrigin { text += " from the snapshot \(path)" }
                text += "\n"
            }
            if argument == "memory" {
                let parts = corpus.memoryEstimate
                text += "  memory, estimated: \(Self.megabytes(parts.reduce(0) { $0 + $1.bytes }))\n"
                for (part, bytes) in parts { text += "    \(part): \(Self.megabytes(bytes))\n" }
            }
            for issue in corpus.issues { text += "  \(issue)\n" }
            return write(text)
        case .show:
            return show(argument, command: command, in: file)
        case .last:
            guard let lastResult else { return write("no result yet\n") }
            return emit(lastResult, uncapped: true)
        case .explain:
            return explain(argument, command: command, in: file)
        case .quit:
            requestQuit()
            return true
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func onOff(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "yes", "true", "1": true
        case "off", "no", "false", "0": false
        default: nil
        }
    }

    /// A path as written in a script: relative to the script's folder, or to the current
    /// folder at a prompt or in `-c`.
    func resolve(_ path: String, from file: SourceFile) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/"), let filePath = file.path else { return expanded }
        let folder = (filePath as NSString).deletingLastPathComponent
        return folder.isEmpty ? expanded : folder + "/" + expanded
    }

    /// True when `path` lies inside the corpus folder (what `--safe` lets `.read` and `.load` see).
    func isInsideCorpus(_ path: String) -> Bool {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return corpus.roots.contains { root in
            let root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
            return target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }

    private func read(_ path: String, shownAs written: String, command: Command, in file: SourceFile) -> Bool {
        if settings.safe && !isInsideCorpus(path) {
            report(Diagnostic("'.read' outside the corpus folder is not allowed with --safe", at: command.argumentRange), in: file)
            return false
        }
        guard readStack.count < 16, !readStack.contains(path) else {
            report(Diagnostic("'\(written)' is already being read (a .read loop)", at: command.argumentRange), in: file)
            return false
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            report(Diagnostic("cannot read '\(written)': \(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")", at: command.argumentRange), in: file)
            return false
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report(Diagnostic("cannot read '\(written)': it is not UTF-8 text", at: command.argumentRange), in: file)
            return false
        }
        readStack.append(path)
        defer { readStack.removeLast() }
        return run(SourceFile(name: path, text: text))
    }

    private func loadCorpus(_ argument: String, command: Command, in file: SourceFile) -> Bool {
        let adding = argument.hasPrefix("+")
        let path = resolve(String(adding ? argument.dropFirst() : Substring(argument)), from: file)
        if settings.safe && !isInsideCorpus(path) {
            report(Diagnostic("'.load' outside the corpus folder is not allowed with --safe", at: command.argumentRange), in: file)
            return false
        }
        let started = Date()
        do {
            let roots = adding ? corpus.roots + [path] : [path]
            let loaded = try load(roots)
            replaceCorpus(loaded.corpus)
            loadSeconds = Date().timeIntervalSince(started)
            loadOrigin = loaded.origin
            for line in loaded.notes { note(line) }
            let skipped = loaded.corpus.issues.filter { $0.severity == .skipped }
            for issue in skipped.prefix(20) { note(issue.description) }
            if skipped.count > 20 { note("… and \(skipped.count - 20) more skipped; .corpus lists them all") }
            note(CorpusSummary(loaded.corpus).text)
            return true
        } catch {
            report(Diagnostic(error.message, at: command.argumentRange), in: file)
            return false
        }
    }

    private func show(_ argument: String, command: Command, in file: SourceFile) -> Bool {
        let words = argument.split(separator: " ")
        if words == ["all"] {
            guard let lastResult else { return write("no result yet\n") }
            return emit(lastResult, uncapped: true)
        }
        if words.count == 2, words[0] == "extraction", let number = Int(words[1]) {
            guard number >= 1 && number <= corpus.articles.count else {
                report(Diagnostic("there is no article \(number); the corpus has \(corpus.articles.count)", at: command.argumentRange), in: file)
                return false
            }
            return write(ExtractionView(corpus: corpus).render(ArticleID(number - 1), extractor: Session.extractor))
        }
        guard words.count == 2, words[0] == "article", let number = Int(words[1]) else {
            report(Diagnostic("usage: \(DotCommand.show.usage)", at: command.argumentRange.isEmpty ? command.name.range : command.argumentRange), in: file)
            return false
        }
        guard number >= 1 && number <= corpus.articles.count else {
            report(Diagnostic("there is no article \(number); the corpus has \(corpus.articles.count)", at: command.argumentRange), in: file)
            return false
        }
        return write(ArticleView(corpus: corpus, color: settings.colorOutput && redirection == nil).render(ArticleID(number - 1)))
    }

    private func explain(_ argument: String, command: Command, in file: SourceFile) -> Bool {
        let source = SourceFile(name: file.name, text: file.text)
        let range = command.argumentRange.lowerBound..<command.argumentRange.upperBound
        let parsed = Parser.parseStatement(source, range: range)
        guard let statement = parsed.statement else {
            for diagnostic in parsed.diagnostics { report(diagnostic, in: file) }
            return false
        }
        let pipeline: Pipeline
        switch statement.kind {
        case .query(let p), .binding(_, let p): pipeline = p
        case .command: return usage(.explain, command, file)
        }
        do {
            let checked = try Checker(corpus: corpus, globals: globals.mapValues(\.globalType)).check(pipeline)
            return write(QueryPlan(checked, corpus: corpus).description)
        } catch {
            report(error, in: file)
            return false
        }
    }

    private func usage(_ dot: DotCommand, _ command: Command, _ file: SourceFile) -> Bool {
        report(Diagnostic("usage: \(dot.usage)", at: command.argumentRange), in: file)
        return false
    }
}
