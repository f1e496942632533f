import LedeLanguage

/// One line from the person at the prompt.
public enum LineEvent: Equatable, Sendable {
    case line(String)
    /// Ctrl-C while typing: drop the statement being typed.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case end
}

/// Reads lines with a prompt and keeps history: libedit at a terminal, a script in tests.
public protocol LineReader: AnyObject {
    /// Reads a line; `pending` holds the lines of the unfinished statement before it (empty at
    /// the main prompt), so completion can see the whole statement.
    func readLine(prompt: String, pending: String) -> LineEvent
    /// Records a whole statement (lines joined by newlines) as one history entry.
    func addHistory(_ entry: String)
}

/// The read-eval-print loop, without any terminal code: collects lines until a statement is
/// complete, runs it, and records it in history as one entry.
public final class Repl {
    let session: Session
    let reader: LineReader

    public static let prompt = "lede> "

    public init(session: Session, reader: LineReader) {
        self.session = session
        self.reader = reader
    }

    /// What the prompt says while a statement is open: `  ( …> `.
    public static func continuationPrompt(_ open: String) -> String {
        "  \(open) …> "
    }

    public func run() {
        var pending: [String] = []
        var previous: String?
        while !session.quitRequested {
            let prompt: String
            if pending.isEmpty {
                prompt = Self.prompt
            } else if case .open(let open) = StatementSplitter.openness(of: pending.joined(separator: "\n")) {
                prompt = Self.continuationPrompt(open)
            } else {
                prompt = Self.continuationPrompt("|")
            }
            switch reader.readLine(prompt: prompt, pending: pending.joined(separator: "\n")) {
            case .end:
                return
            case .interrupted:
                pending = []
            case .line(let line):
                if pending.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
                // A line that starts with `|` at the main prompt adds a stage to the last statement.
                if pending.isEmpty, let previous, line.drop(while: \.isWhitespace).hasPrefix("|") {
                    pending = [previous]
                }
                pending.append(line)
                let text = pending.joined(separator: "\n")
                if case .open = StatementSplitter.openness(of: text) { continue }
                pending = []
                reader.addHistory(text)
                if !text.drop(while: \.isWhitespace).hasPrefix(".") { previous = text }
                session.run(SourceFile(name: "<input>", text: text))
            }
        }
    }
}
