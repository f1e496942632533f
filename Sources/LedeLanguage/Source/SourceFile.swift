/// The text of a script, a `-c` argument or a REPL statement, with the name it is reported
/// under. Positions everywhere else are UTF-8 offsets into `text`; lines and columns are
/// computed only when a message is printed.
public struct SourceFile: Sendable {
    /// How messages name it: a path, `<command line>`, `<stdin>`.
    public let name: String
    /// Where it is on disk, when it is a file: paths in it (`.read`, `.load`) are relative to
    /// its folder. Defaults to `name` for names that are not in angle brackets.
    public let path: String?
    public let text: String
    /// The text's UTF-8 bytes, read once: the splitter, the lexer of each statement and the
    /// parser all share them, so a long script is not copied once per statement.
    public let utf8: [UInt8]
    /// The line number of the text's first line, when it is a piece of a larger file.
    public let firstLine: Int
    /// UTF-8 offset at which each line starts.
    private let lineStarts: [Int]

    public init(name: String, text: String, firstLine: Int = 1, path: String? = nil) {
        self.name = name
        self.path = path ?? (name.hasPrefix("<") ? nil : name)
        self.text = text
        self.utf8 = Array(text.utf8)
        self.firstLine = firstLine
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// 1-based line and display column of a UTF-8 offset. Columns count what a terminal shows:
    /// wide (CJK) characters count two, combining marks none, and a tab moves to the next
    /// multiple of eight.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let index = lineIndex(of: offset)
        let prefix = slice(lineStarts[index]..<max(lineStarts[index], min(offset, utf8.count)))
        return (index + firstLine, DisplayWidth.of(prefix) + 1)
    }

    /// The text of the line holding `offset`, without its line break.
    public func lineText(containing offset: Int) -> String {
        let index = lineIndex(of: offset)
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : utf8.count
        if end > start, utf8[end - 1] == 0x0D { end -= 1 }
        return slice(start..<max(start, end))
    }

    /// The UTF-8 offset where the line holding `offset` starts.
    public func lineStart(containing offset: Int) -> Int {
        lineStarts[lineIndex(of: offset)]
    }

    public func slice(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, utf8.count))
        let upper = max(lower, min(range.upperBound, utf8.count))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    public func slice(_ range: SourceRange) -> String {
        slice(range.lowerBound..<range.upperBound)
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid }
        }
        return low
    }
}

/// A span of source text as UTF-8 offsets, end exclusive.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var lowerBound: Int
    public var upperBound: Int

    public init(_ lowerBound: Int, _ upperBound: Int) {
        self.lowerBound = lowerBound
        self.upperBound = max(lowerBound, upperBound)
    }

    /// An empty range at `offset`, for things that are missing.
    public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }

    /// From the start of `self` to the end of `other`.
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(min(lowerBound, other.lowerBound), max(upperBound, other.upperBound))
    }

    public var isEmpty: Bool { lowerBound == upperBound }

    public var description: String { "\(lowerBound)..<\(upperBound)" }
}
