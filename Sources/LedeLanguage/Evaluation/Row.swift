import LedeStore
import Synchronization

/// One row flowing through a pipeline: what it is, and the names `expand … as` bound.
public struct Row: Sendable {
    public var subject: Value
    public var bindings: [Value]

    public init(subject: Value, bindings: [Value] = []) {
        self.subject = subject
        self.bindings = bindings
    }
}

/// Asks a running query to stop: set from a signal handler or a timer, checked by the
/// evaluator every few hundred rows.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public func reset() { flag.store(false, ordering: .relaxed) }
}

/// What a running query can reach.
final class EvaluationContext {
    let corpus: Corpus
    let reader: FieldReader
    /// `let` and `--param` names, as expression values.
    let globals: [String: Value]
    let cancellation: CancellationFlag
    private var ticks = 0
    /// Rows held at once by stages that must see them all, and by the result.
    private var heldRows = 0
    /// How many rows a query may hold before it is stopped, to bound its memory.
    let maximumHeldRows: Int

    init(corpus: Corpus, globals: [String: Value], cancellation: CancellationFlag, maximumHeldRows: Int) {
        self.maximumHeldRows = maximumHeldRows
        self.corpus = corpus
        self.reader = FieldReader(corpus: corpus)
        self.globals = globals
        self.cancellation = cancellation
    }

    /// Counts a row that a stage (or the result) holds; throws when the query holds too many.
    @inline(__always)
    func hold(_ range: SourceRange) throws(Diagnostic) {
        heldRows += 1
        if heldRows > maximumHeldRows {
            throw Diagnostic(
                "the query would hold more than \(maximumHeldRows) rows", at: range,
                help: "narrow it with where or take, or count it instead")
        }
        try checkCancellation(range)
    }

    /// Throws once the query has been cancelled; cheap enough to call for every row.
    @inline(__always)
    func checkCancellation(_ range: SourceRange) throws(Diagnostic) {
        ticks &+= 1
        if ticks & 255 == 0, cancellation.isCancelled {
            throw Diagnostic.interrupted(at: range)
        }
    }
}

extension Diagnostic {
    /// The message a cancelled query ends with.
    public static let interruptedMessage = "interrupted"

    static func interrupted(at range: SourceRange) -> Diagnostic {
        Diagnostic(interruptedMessage, at: range)
    }

    public var isInterruption: Bool { message == Self.interruptedMessage }
}
