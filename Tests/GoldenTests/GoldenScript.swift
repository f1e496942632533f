import Foundation

/// A script with its expectations written beside the code, as comments:
///
///     articles | count
///     # expect: 1
///     entities | sort count desc
///     # expect-file: 03-entities.out
///     articles | select titel
///     # error: 5:19: unknown field 'titel' on Article
///
/// `# expect:` lines accumulate, in order, against what the statement above them prints;
/// `# expect-file:` reads a sidecar file the same way; `# error:` names a diagnostic's line,
/// column and message, and means the script exits with 1. `# mode: tokens` or `# mode: ast`
/// compares the lexer's or parser's dump instead of running the script, and
/// `# corpus: PATH` (relative to the script) loads another corpus than seeds/.
struct GoldenScript {
    enum Expectation: Equatable {
        case output(String)
        case outputFile(String)
        case error(line: Int, column: Int, message: String)
    }

    /// An expectation and the 1-based line it is written on.
    struct Written: Equatable {
        var expectation: Expectation
        var line: Int
    }

    enum Mode: String {
        case run
        case tokens
        case ast
    }

    let path: String
    let text: String
    let lines: [String]
    let expectations: [Written]
    let mode: Mode
    let corpus: String?

    init(path: String) throws {
        self.path = path
        text = try String(contentsOfFile: path, encoding: .utf8)
        lines = text.components(separatedBy: "\n")
        var expectations: [Written] = []
        var mode = Mode.run
        var corpus: String?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let rest = Self.directive("# expect:", trimmed) {
                expectations.append(Written(expectation: .output(rest), line: index + 1))
            } else if let rest = Self.directive("# expect-file:", trimmed) {
                expectations.append(Written(expectation: .outputFile(rest.trimmingCharacters(in: .whitespaces)), line: index + 1))
            } else if let rest = Self.directive("# error:", trimmed) {
                let parts = rest.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 2)
                if parts.count == 3, let l = Int(parts[0]), let c = Int(parts[1]) {
                    expectations.append(
                        Written(expectation: .error(line: l, column: c, message: parts[2].trimmingCharacters(in: .whitespaces)), line: index + 1))
                }
            } else if let rest = Self.directive("# mode:", trimmed) {
                mode = Mode(rawValue: rest.trimmingCharacters(in: .whitespaces)) ?? .run
            } else if let rest = Self.directive("# corpus:", trimmed) {
                corpus = rest.trimmingCharacters(in: .whitespaces)
            }
        }
        self.expectations = expectations
        self.mode = mode
        self.corpus = corpus
    }

    /// The text after a directive (one optional space removed), or nil.
    private static func directive(_ name: String, _ line: Substring) -> String? {
        guard line.hasPrefix(name) else { return nil }
        var rest = line.dropFirst(name.count)
        if rest.first == " " { rest = rest.dropFirst() }
        return String(rest)
    }

    static func isExpectationLine(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix("# expect:") || trimmed.hasPrefix("# expect-file:") || trimmed.hasPrefix("# error:")
    }

    var folder: String { (path as NSString).deletingLastPathComponent }
}
