import Foundation
import LedeLanguage
import LedeShell
import LedeStore

/// The examples of a Markdown document (Grammar.md, README.md): each fenced `lede` block, and
/// the `output` and `error` blocks right after it with what it prints on standard output and
/// standard error. A `lede` block followed by neither must print nothing.
///
/// The blocks run in order in one session over seeds/, so a `let` in one is seen by the
/// next. Errors name the block `query`, with lines counted within it.
struct MarkdownExamples {
    struct Example {
        var code: String
        /// 1-based line of the code's first line in the document.
        var line: Int
        var output: Shown?
        var error: Shown?
    }

    /// A block of shown text and the range of document lines it occupies (fences included).
    struct Shown {
        var text: String
        var lines: Range<Int>
    }

    let path: String
    let lines: [String]
    let examples: [Example]

    init(path: String) throws {
        self.path = path
        lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "```lede" else {
                index += 1
                continue
            }
            let (code, end) = Self.block(lines, from: index)
            var example = Example(code: code, line: index + 2)
            index = end
            // An output block, an error block, or both, may follow (blank lines between).
            while true {
                var next = index
                while next < lines.count && lines[next].isEmpty { next += 1 }
                guard next < lines.count, lines[next] == "```output" || lines[next] == "```error" else { break }
                let (text, blockEnd) = Self.block(lines, from: next)
                let shown = Shown(text: text, lines: next..<blockEnd)
                if lines[next] == "```output" { example.output = shown } else { example.error = shown }
                index = blockEnd
            }
            examples.append(example)
        }
        self.examples = examples
    }

    /// The text inside the fence that opens at line `start`, and the line after its closing fence.
    private static func block(_ lines: [String], from start: Int) -> (String, Int) {
        var end = start + 1
        var body: [String] = []
        while end < lines.count && lines[end] != "```" {
            body.append(lines[end])
            end += 1
        }
        return (body.isEmpty ? "" : body.joined(separator: "\n") + "\n", min(end + 1, lines.count))
    }

    /// Runs every example; returns the failures, each naming its document line.
    func check(corpus: Corpus, name: String) throws -> [String] {
        let results = run(corpus)
        if GoldenRunner.recording {
            try record(results)
            return ["\(name): recorded new outputs; review the diff and run again without LEDE_RECORD"]
        }
        var failures: [String] = []
        for (example, (output, errors)) in zip(examples, results) {
            let expectedOutput = example.output?.text ?? ""
            let expectedErrors = example.error?.text ?? ""
            if output != expectedOutput {
                failures.append("\(name):\(example.line): the example's output differs\n" + GoldenRunner.diff(expectedOutput, output))
            }
            if errors != expectedErrors {
                failures.append("\(name):\(example.line): the example's errors differ\n" + GoldenRunner.diff(expectedErrors, errors))
            }
        }
        return failures
    }

    private func run(_ corpus: Corpus) -> [(String, String)] {
        let output = StringOutput()
        let errors = StringOutput()
        let session = Session(corpus: corpus, output: output, errors: errors)
        defer { session.finish() }
        return examples.map { example in
            output.clear()
            errors.clear()
            session.run(SourceFile(name: "query", text: example.code, path: GoldenRunner.repository + "/query"))
            return (output.text, errors.text)
        }
    }

    /// Rewrites the output and error blocks from what ran.
    private func record(_ results: [(String, String)]) throws {
        var replaced: [Int: [String]] = [:]
        var dropped = Set<Int>()
        for (example, (output, errors)) in zip(examples, results) {
            let codeEnd = example.line - 1 + example.code.components(separatedBy: "\n").count
            for shown in [example.output, example.error].compactMap({ $0 }) { dropped.formUnion(shown.lines) }
            var added: [String] = []
            if !output.isEmpty { added += ["```output"] + output.dropLast().components(separatedBy: "\n") + ["```"] }
            if !errors.isEmpty { added += ["```error"] + errors.dropLast().components(separatedBy: "\n") + ["```"] }
            replaced[codeEnd] = added
        }
        var out: [String] = []
        for (index, line) in lines.enumerated() {
            if !dropped.contains(index) { out.append(line) }
            if let added = replaced[index] { out += added }
        }
        try out.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
