/// What a session is doing with its results and errors.
public struct Settings: Sendable {
    public var format: OutputFormat = .table
    /// Print how long each statement took (on standard error).
    public var timer = false
    /// Go on after an error instead of stopping (scripts stop at the first one by default).
    public var keepGoing = false
    /// A person is at a terminal: tables fit its width, long results are capped, and
    /// footers say how many rows there were.
    public var interactive = false
    /// Colour in results (only ever on a terminal, and never with NO_COLOR).
    public var colorOutput = false
    /// Colour in error messages.
    public var colorErrors = false
    /// Columns the terminal has, when output goes to one.
    public var width: Int?
    /// Rows shown before a result is capped, at an interactive prompt.
    public var rowCap = 40
    /// Refuse commands that write files or read outside the corpus (`--safe`).
    public var safe = false
    /// Stop any statement that runs longer than this many seconds.
    public var timeout: Double?

    public init() {}

    var renderOptions: RenderOptions {
        RenderOptions(
            width: interactive ? width : nil, rowCap: interactive ? rowCap : nil, footer: interactive,
            color: colorOutput)
    }
}
