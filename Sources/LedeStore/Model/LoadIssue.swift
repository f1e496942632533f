/// Something the loader could not read, or read with a doubt: `path:line: reason`.
public struct LoadIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable {
        /// The file, or the JSON Lines record, was not loaded.
        case skipped
        /// It loaded, but something about it is worth knowing.
        case warning
    }

    /// The file, as the user named it or relative to the corpus root.
    public var path: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var message: String
    public var severity: Severity

    public init(path: String, line: Int?, message: String, severity: Severity = .skipped) {
        self.path = path
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
extension LoadIssue: Error {}
