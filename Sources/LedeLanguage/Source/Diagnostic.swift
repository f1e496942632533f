/// A problem found in a statement: what is wrong, where, and how it might be fixed.
///
/// Diagnostics are data. Phases return them; only `DiagnosticRenderer` turns them into text.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// Lowercase, without a trailing period: "unknown field 'titel' on Article".
    public var message: String
    public var range: SourceRange
    /// A suggestion shown under the caret: "did you mean 'title'?".
    public var help: String?

    public init(_ message: String, at range: SourceRange, help: String? = nil, severity: Severity = .error) {
        self.severity = severity
        self.message = message
        self.range = range
        self.help = help
    }
}

/// Renders a diagnostic the way compilers do:
///
///     report.lede:3:23: error: unknown field 'titel' on Article
///       3 | articles | select id, titel
///         |                       ^~~~~
///         = help: did you mean 'title'?
public enum DiagnosticRenderer {
    public struct Style: Sendable {
        var error: String
        var warning: String
        var caret: String
        var help: String
        var bold: String
        var reset: String

        public static let plain = Style(error: "", warning: "", caret: "", help: "", bold: "", reset: "")
        public static let terminal = Style(
            error: "\u{1B}[1;31m", warning: "\u{1B}[1;33m", caret: "\u{1B}[1;32m", help: "\u{1B}[1;36m",
            bold: "\u{1B}[1m", reset: "\u{1B}[0m")
    }

    public static func render(_ diagnostic: Diagnostic, in file: SourceFile, style: Style = .plain) -> String {
        let (line, column) = file.location(of: diagnostic.range.lowerBound)
        let severityStyle = diagnostic.severity == .error ? style.error : style.warning
        var out = "\(style.bold)\(file.name):\(line):\(column):\(style.reset) "
        out += "\(severityStyle)\(diagnostic.severity.rawValue):\(style.reset) \(style.bold)\(diagnostic.message)\(style.reset)\n"

        let lineText = file.lineText(containing: diagnostic.range.lowerBound)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        out += "  \(gutter) | \(expandTabs(lineText))\n"

        // The caret spans the range's part on this line (at least one column).
        let lineStart = file.lineStart(containing: diagnostic.range.lowerBound)
        let lineEnd = lineStart + lineText.utf8.count
        let spanEnd = min(diagnostic.range.upperBound, lineEnd)
        let before = file.slice(lineStart..<diagnostic.range.lowerBound)
        let spanned = file.slice(diagnostic.range.lowerBound..<max(diagnostic.range.lowerBound, spanEnd))
        let startColumn = DisplayWidth.of(before)
        let width = max(1, DisplayWidth.of(before + spanned) - startColumn)
        let marker = "^" + String(repeating: "~", count: width - 1)
        out += "  \(pad) | \(String(repeating: " ", count: startColumn))\(style.caret)\(marker)\(style.reset)\n"
        if let help = diagnostic.help {
            out += "  \(pad) = \(style.help)help:\(style.reset) \(help)\n"
        }
        return out
    }

    /// Tabs as spaces to the next multiple of eight, so the caret line matches.
    private static func expandTabs(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var out = ""
        var width = 0
        for character in text {
            if character == "\t" {
                let spaces = 8 - width % 8
                out += String(repeating: " ", count: spaces)
                width += spaces
            } else {
                out.append(character)
                width += DisplayWidth.of(character)
            }
        }
        return out
    }
}
