import Foundation

/// One benchmark set: the same articles as JSON Lines and as a folder of .txt files.
struct CorpusSet {
    var size: String
    var jsonl: String
    var textDirectory: String
    var jsonlBytes: Int
}

/// Finds a ready-made set, or builds one with corpus_convert.py into the work folder.
struct CorpusSets {
    let options: Options
    let tools: Tools
    let runner: ChildProcess

    /// The set, or why this size is skipped.
    func prepare(_ size: String) -> Result<CorpusSet, SkipReason> {
        let name = "news-\(size)"
        for directory in [options.setsDirectory, options.workDirectory].compactMap({ $0 }) {
            if let found = existing(jsonl: "\(directory)/\(name).jsonl", texts: "\(directory)/\(name)", size: size) {
                log("using \(found.jsonl) and \(found.textDirectory)/")
                return .success(found)
            }
        }
        return build(size, name: name)
    }

    private func existing(jsonl: String, texts: String, size: String) -> CorpusSet? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: texts, isDirectory: &isDirectory), isDirectory.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: jsonl),
            let bytes = (attributes[.size] as? NSNumber)?.intValue, bytes > 0
        else { return nil }
        return CorpusSet(size: size, jsonl: jsonl, textDirectory: texts, jsonlBytes: bytes)
    }

    /// Builds into hidden names and renames on success, so an interrupted build is never reused.
    private func build(_ size: String, name: String) -> Result<CorpusSet, SkipReason> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.corporaPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(SkipReason("no set news-\(size) found and no raw corpora at \(options.corporaPath) to build it from"))
        }
        guard let python = tools.python3 else {
            return .failure(SkipReason("no set news-\(size) found, and python3 (for corpus_convert.py) is missing"))
        }
        guard FileManager.default.fileExists(atPath: options.converterPath) else {
            return .failure(SkipReason("no set news-\(size) found, and no converter at \(options.converterPath)"))
        }
        guard let articles = SetSize.articleCount(size) else { return .failure(SkipReason("bad size '\(size)'")) }

        let work = options.workDirectory
        let partialJSONL = "\(work)/.\(name).partial.jsonl"
        let partialTexts = "\(work)/.\(name).partial"
        let finalJSONL = "\(work)/\(name).jsonl"
        let finalTexts = "\(work)/\(name)"
        for path in [partialJSONL, partialTexts, finalJSONL, finalTexts] { try? FileManager.default.removeItem(atPath: path) }

        var arguments = [python, options.converterPath, "--root", options.corporaPath, "--size", size]
        // Reuters-21578 alone holds 21,578 articles; bigger sets add BBC and cycle labelled copies.
        if articles > 21_578 { arguments += ["--corpora", "reuters21578,bbc", "--allow-repeat"] }
        arguments += ["--jsonl", partialJSONL, "--txt-dir", partialTexts]
        log("building news-\(size): \(arguments.joined(separator: " "))")
        do {
            let result = try runner.run(arguments)
            guard result.succeeded else { return .failure(SkipReason("corpus_convert.py failed: \(result.failureSummary)")) }
            try FileManager.default.moveItem(atPath: partialJSONL, toPath: finalJSONL)
            try FileManager.default.moveItem(atPath: partialTexts, toPath: finalTexts)
        } catch {
            return .failure(SkipReason("could not build news-\(size): \(error)"))
        }
        guard let built = existing(jsonl: finalJSONL, texts: finalTexts, size: size) else {
            return .failure(SkipReason("corpus_convert.py left no news-\(size) set"))
        }
        return .success(built)
    }
}

struct SkipReason: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Progress for the person, on standard error so the tables on standard output stay clean.
func log(_ message: String) {
    FileHandle.standardError.write(Data(("· " + message + "\n").utf8))
}
