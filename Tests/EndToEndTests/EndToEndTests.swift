import Foundation
import Testing

/// Runs the built `lede` binary: arguments, standard input, files and exit codes.
@Suite(.serialized) struct EndToEndTests {
    @Test func commandLineStatements() throws {
        let run = try Lede.run(["-c", "articles | count", "-c", "articles | select id, source"])
        #expect(run.status == 0)
        #expect(run.output == "1\nid  source\n──  ──────────\n 1  Iran Press\n")
        #expect(run.errors.isEmpty)
    }

    @Test func statementsFromStandardInput() throws {
        let run = try Lede.run([], input: "articles\n| count\n.format csv\narticles | select words\n")
        #expect(run.status == 0)
        #expect(run.output == "1\nwords\n404\n")
    }

    @Test func scriptsStopAtTheFirstErrorWithItsPosition() throws {
        let folder = NSTemporaryDirectory() + "lede-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/report.lede"
        try "articles | count\n\narticles | select id, titel\narticles | count\n".write(toFile: script, atomically: true, encoding: .utf8)
        let stopped = try Lede.run([script])
        #expect(stopped.status == 1)
        #expect(stopped.output == "1\n")
        #expect(stopped.errors == """
            \(script):3:23: error: unknown field 'titel' on Article
              3 | articles | select id, titel
                |                       ^~~~~
                = help: did you mean 'title'?

            """)
        let kept = try Lede.run(["--keep-going", script])
        #expect(kept.status == 1)
        #expect(kept.output == "1\n1\n")
    }

    @Test func shebangScriptsRun() throws {
        let folder = NSTemporaryDirectory() + "lede-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/count.lede"
        try "#!/usr/bin/env lede\narticles | count\n".write(toFile: script, atomically: true, encoding: .utf8)
        let run = try Lede.run([script])
        #expect(run.status == 0)
        #expect(run.output == "1\n")
    }

    @Test func parametersAndFormats() throws {
        let run = try Lede.run(["--param", "min=100", "--format", "json", "-c", "articles | where words > min | select id"])
        #expect(run.status == 0)
        #expect(run.output == "[\n  {\"id\":1}\n]\n")
        let unbound = try Lede.run(["-c", "articles | where words > min"])
        #expect(unbound.status == 1)
        #expect(unbound.errors.contains("unknown field 'min' on Article"))
    }

    @Test func exitStatusForUsageAndCorpusErrors() throws {
        let usage = try Lede.run(["--format", "xml", "-c", "articles | count"])
        #expect(usage.status == 2)
        let badParam = try Lede.run(["--param", "nothing", "-c", "articles | count"])
        #expect(badParam.status == 2)
        #expect(badParam.errors.contains("--param needs name=value"))
        let missing = try Lede.run(["--corpus", "/nonexistent/corpus", "-c", "articles | count"])
        #expect(missing.status == 3)
        #expect(missing.errors == "lede: cannot open '/nonexistent/corpus': no such file or directory\n")
        // A corpus given where the script goes is named as such, not read as statements.
        let folder = try Lede.run(["seeds"], in: Lede.repository)
        #expect(folder.status == 2)
        #expect(folder.errors == "lede: 'seeds' is a folder, not a script; to explore it, run: lede --corpus seeds\n")
        let jsonl = NSTemporaryDirectory() + "lede-e2e-\(UUID().uuidString).jsonl"
        try "{}\n".write(toFile: jsonl, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: jsonl) }
        let corpusFile = try Lede.run([jsonl])
        #expect(corpusFile.status == 2)
        #expect(corpusFile.errors.contains("is a corpus file, not a script; to explore it, run: lede --corpus \(jsonl)"))
        let spaced = NSTemporaryDirectory() + "lede-e2e-\(UUID().uuidString) it's here"
        try FileManager.default.createDirectory(atPath: spaced, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: spaced) }
        let quoted = try Lede.run([spaced])
        #expect(quoted.errors.hasSuffix("run: lede --corpus '\(spaced.replacingOccurrences(of: "'", with: "'\\''"))'\n"))
        let noScript = try Lede.run(["/nonexistent/script.lede"])
        #expect(noScript.status == 2)
        #expect(noScript.errors == "lede: cannot read '/nonexistent/script.lede': no such file\n")
        let help = try Lede.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: lede"))
    }

    @Test func badInputFilesAreReportedAndTheRestLoads() throws {
        let folder = NSTemporaryDirectory() + "lede-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Lede.repository + "/seeds/000_191f30f456bb703e.txt", toPath: folder + "/good.txt")
        try "not a date\n".write(toFile: folder + "/bad.txt", atomically: true, encoding: .utf8)
        let run = try Lede.run(["--corpus", folder, "-c", "articles | count", "-c", ".corpus"])
        #expect(run.status == 0)
        #expect(run.errors == "bad.txt:1: expected a date line like 'Dec 11, 2018 08:15 Asia/Tehran', found 'not a date'\n")
        #expect(run.output.hasPrefix("1\n"))
        #expect(run.output.contains("2 files read, 1 skipped"))
    }

    /// A copy of the executable without its resource folder still answers, and says why its
    /// entities are fewer.
    @Test func aCopyWithoutItsGazetteersSaysSo() throws {
        let folder = NSTemporaryDirectory() + "lede-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Lede.executable, toPath: folder + "/lede")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: folder + "/lede")
        process.arguments = ["--no-snapshot", "--corpus", Lede.repository + "/seeds", "-c", "articles | count"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warned = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed == "1\n")
        #expect(warned.contains("lede: the gazetteers were not found (the Lede_LedeStore.resources folder belongs beside the lede executable)"))
        let installed = try Lede.run(["--no-snapshot", "-c", "articles | count"])
        #expect(!installed.errors.contains("gazetteers"))
    }

    @Test func dumpsForLexerAndParser() throws {
        let tokens = try Lede.run(["--dump-tokens", "-c", "articles | count"])
        #expect(tokens.output == "1:1 identifier articles\n1:10 symbol |\n1:12 identifier count\n1:17 end\n")
        let ast = try Lede.run(["--dump-ast", "-c", "articles | count"])
        #expect(ast.output == "(query\n  (source articles)\n  (count)\n)\n")
    }
}
