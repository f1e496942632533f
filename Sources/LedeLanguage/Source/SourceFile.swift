/// The text of a script, a `-c` argument or a REPL statement, with the name it is reported
/// under. Positions everywhere else are UTF-8 offsets into `text`; lines and columns are
/// computed only when a message is printed.
public struct SourceFile: Sendable {
    /// How messages name it: a path, `<command line>`, `<stdin>`.
    public let name: String
    public let text: String
    /// UTF-8 offset at which each line starts.
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }
}
