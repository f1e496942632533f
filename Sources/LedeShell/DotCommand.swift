/// The shell's dot commands, with what `.help` says of each.
public enum DotCommand: String, Sendable, CaseIterable {
    case help, schema, format, timer, output, once, read, load, corpus, show, last, explain, quit
    case keepGoing = "keep-going"

    /// `.exit` is `.quit`.
    public init?(named name: String) {
        if name == "exit" { self = .quit; return }
        self.init(rawValue: name)
    }

    public var usage: String {
        switch self {
        case .help: ".help [TOPIC]"
        case .schema: ".schema [TYPE]"
        case .format: ".format table|csv|tsv|json|jsonl|markdown"
        case .timer: ".timer on|off"
        case .output: ".output [FILE]"
        case .once: ".once FILE"
        case .read: ".read FILE"
        case .load: ".load [+]PATH"
        case .corpus: ".corpus [memory]"
        case .show: ".show article N | .show extraction N | .show all"
        case .last: ".last"
        case .explain: ".explain QUERY"
        case .quit: ".quit"
        case .keepGoing: ".keep-going on|off"
        }
    }

    public var summary: String {
        switch self {
        case .help: "this list, or help on a stage, source, type, function or command"
        case .schema: "every type with its fields, their types and meanings"
        case .format: "how results print"
        case .timer: "print how long each statement takes"
        case .output: "send results to a file (written when it is closed); with no file, back to the screen"
        case .once: "send the next result to a file"
        case .read: "run the statements of a file"
        case .load: "load another corpus (+PATH adds it to this one)"
        case .corpus: "what is loaded: counts, skipped files, load time, snapshot (and memory by part)"
        case .show: "an article as a reader sees it, mentions marked; why each span was tagged; or the last result in full"
        case .last: "the last result again, every row"
        case .explain: "how a query will run: its row types and the indexes it uses"
        case .quit: "leave (Ctrl-D does too)"
        case .keepGoing: "in scripts, go on after an error instead of stopping"
        }
    }

    public var example: String {
        switch self {
        case .help: ".help where"
        case .schema: ".schema Entity"
        case .format: ".format csv"
        case .timer: ".timer on"
        case .output: ".output people.csv"
        case .once: ".once people.json"
        case .read: ".read examples/01-articles.lede"
        case .load: ".load seeds"
        case .corpus: ".corpus"
        case .show: ".show article 1"
        case .last: ".last"
        case .explain: ".explain search \"human rights\" | count"
        case .quit: ".quit"
        case .keepGoing: ".keep-going on"
        }
    }

    /// Commands `--safe` refuses outright (`.read` and `.load` are checked by path).
    var writesFiles: Bool {
        self == .output || self == .once
    }
}
