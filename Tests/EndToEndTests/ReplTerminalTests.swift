import Foundation
import Testing

/// The real REPL, on a pseudo-terminal: line editing, history, completion and Ctrl-C.
@Suite(.serialized) struct ReplTerminalTests {
    static let up = "\u{1B}[A"

    func start(home: String) throws -> PseudoTerminal {
        var environment = [
            "HOME": home, "TERM": "xterm", "NO_COLOR": "1", "EDITRC": "/dev/null", "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        // A sanitizer run's options (the leak suppressions for libedit) reach the REPL too.
        for (key, value) in ProcessInfo.processInfo.environment where key.hasSuffix("SAN_OPTIONS") {
            environment[key] = value
        }
        return try PseudoTerminal(
            Lede.executable, arguments: ["--no-init", "--corpus", Lede.repository + "/seeds"], environment: environment)
    }

    @Test func multiLineStatementsComeBackWholeAndTabCompletesAField() throws {
        let home = NSTemporaryDirectory() + "lede-repl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try start(home: home)
        var mark = try terminal.waitFor("lede> ")

        // A statement over two lines, the field completed with Tab ("select wor" alone would
        // be an error, so the 404 words show the completion worked).
        terminal.type("articles |\r")
        mark = try terminal.waitFor("  | …> ", after: mark)
        terminal.type("select wor\t")
        terminal.type("\r")
        mark = try terminal.waitFor("404", after: mark)
        mark = try terminal.waitFor("lede> ", after: mark)

        // Up recalls the whole statement, both lines; running it again prints the same.
        terminal.type(Self.up)
        mark = try terminal.waitFor("select words", after: mark)
        terminal.type("\r")
        mark = try terminal.waitFor("404", after: mark)
        mark = try terminal.waitFor("lede> ", after: mark)

        // The history file holds it as one entry, with its line break.
        terminal.type("\u{04}")
        #expect(try terminal.exitStatus() == 0)
        let history = try String(contentsOfFile: home + "/.lede_history", encoding: .utf8)
        #expect(history.contains("articles\\040|\\012select\\040words"))
    }

    @Test func controlCStopsALongQueryAndReturnsToThePrompt() throws {
        let home = NSTemporaryDirectory() + "lede-repl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try start(home: home)
        var mark = try terminal.waitFor("lede> ")

        // Ctrl-C while typing drops the line.
        terminal.type("articles | where (")
        terminal.type("\u{03}")
        mark = try terminal.waitFor("lede> ", after: mark)

        // Paragraphs of the seed article crossed six times over: 11^7 rows, far more than a second's work.
        let slow = (["paragraphs"] + ["a", "b", "c", "d", "e", "f"].enumerated().map { index, name in
            let from = index == 0 ? "article" : "\(["a", "b", "c", "d", "e"][index - 1]).article"
            return "expand \(from).paragraphs as \(name)"
        } + ["count"]).joined(separator: " | ")
        terminal.type(slow + "\r")
        Thread.sleep(forTimeInterval: 0.5)
        let sent = Date()
        terminal.type("\u{03}")
        mark = try terminal.waitFor("interrupted", after: mark)
        #expect(Date().timeIntervalSince(sent) < 2)
        mark = try terminal.waitFor("lede> ", after: mark)

        // The shell is still there.
        terminal.type("articles | count\r")
        mark = try terminal.waitFor("1\r\n", after: mark)
        terminal.type(".quit\r")
        #expect(try terminal.exitStatus() == 0)
    }
}
