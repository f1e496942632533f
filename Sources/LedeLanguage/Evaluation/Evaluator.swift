import LedeStore

/// Runs checked pipelines over a corpus.
///
/// Stages pull rows from the stage before them one at a time, so `take 10` stops the
/// pipeline after ten rows; only stages that must see every row (sort, count, summarize,
/// distinct, navigation, cooccur) hold them all.
public struct Evaluator {
    let context: EvaluationContext

    /// Rows a query may hold at once (in a sort, a grouping or its result) before it is stopped.
    public static let maximumHeldRows = 5_000_000

    /// `globals` are the results bound by `let` and `--param`.
    public init(
        corpus: Corpus, globals: [String: ResultSet], cancellation: CancellationFlag,
        maximumHeldRows: Int = Evaluator.maximumHeldRows
    ) {
        context = EvaluationContext(
            corpus: corpus, globals: globals.mapValues(\.expressionValue), cancellation: cancellation,
            maximumHeldRows: maximumHeldRows)
        self.globals = globals
    }

    private let globals: [String: ResultSet]

    public func run(_ pipeline: CheckedPipeline, range: SourceRange) throws(Diagnostic) -> ResultSet {
        var stream: RowStream
        var stages = pipeline.stages[...]
        if let published = Planner.publishedRange(pipeline) {
            stream = .of(Planner.articles(in: published, of: context.corpus)) { Row(subject: .article($0)) }
            // The rows are exactly those the condition keeps: it need not run again.
            if published.isWholeCondition { stages = stages.dropFirst() }
        } else if case .search(.parsed(let query), let field) = pipeline.source, case .count? = stages.first {
            // Counting hits needs no ranking.
            stream = .of(context.corpus.search.articles(matching: query, in: field)) {
                Row(subject: .hit(HitValue(article: $0, score: 0, query: query, field: field)))
            }
        } else {
            stream = try source(pipeline.source, range: range)
        }
        for (position, stage) in stages.enumerated() {
            let next = stages.dropFirst(position + 1).first
            stream = try self.stage(stage, after: stream, before: next, range: range)
        }
        var rows: [Row] = []
        while let row = try stream.next() {
            try context.hold(range)
            rows.append(row)
        }
        if context.cancellation.isCancelled { throw Diagnostic.interrupted(at: range) }
        return ResultSet(shape: pipeline.shape, rows: rows, cardinality: pipeline.cardinality, isScalar: pipeline.isScalar)
    }

    var compiler: ExpressionCompiler { ExpressionCompiler(context: context) }

    /// A constant expression (take's count, article's number), evaluated once.
    func constant(_ expression: Typed) throws(Diagnostic) -> Value {
        try compiler.compile(expression)(Row(subject: .null))
    }

    // MARK: Sources

    private func source(_ source: CheckedSource, range: SourceRange) throws(Diagnostic) -> RowStream {
        let corpus = context.corpus
        switch source {
        case .collection(let collection):
            let count = corpus.rowCount(of: collection)
            let kind = collection.rowKind
            let next = StreamCounter()
            return RowStream(knownCount: count) { () throws(Diagnostic) in
                let index = next.value
                guard index < count else { return nil }
                next.value = index + 1
                return Row(subject: Value(kind, at: index))
            }

        case .article(let number):
            let value = try constant(number)
            guard case .int(let n) = value else { return .of([]) }
            guard n >= 1 && n <= corpus.articles.count else {
                throw Diagnostic(
                    "there is no article \(n); the corpus has \(corpus.articles.count) article\(corpus.articles.count == 1 ? "" : "s")",
                    at: number.range, help: corpus.articles.isEmpty ? nil : "articles are numbered from 1 to \(corpus.articles.count)")
            }
            return .of([Row(subject: .article(ArticleID(n - 1)))])

        case .entity(.resolved(let id)):
            return .of([Row(subject: .entity(id))])

        case .entity(.dynamic(let name)):
            guard case .string(let text) = try constant(name) else { return .of([]) }
            switch corpus.directory.resolve(text) {
            case .found(let id): return .of([Row(subject: .entity(id))])
            case .ambiguous(let candidates):
                throw Diagnostic("'\(text)' could be \(candidates.count) entities", at: name.range, help: "write more of the name")
            case .notFound:
                throw Diagnostic("no entity is named '\(text)'", at: name.range)
            }

        case .search(let target, let field):
            let query: SearchQuery
            switch target {
            case .parsed(let parsed): query = parsed
            case .dynamic(let expression):
                guard case .string(let text) = try constant(expression) else { return .of([]) }
                do {
                    query = try SearchQuery(parsing: text)
                } catch {
                    throw Diagnostic("invalid search: \(error.message)", at: expression.range)
                }
            }
            let hits = corpus.search.search(query, in: field)
            return .of(hits.map { Row(subject: .hit(HitValue(article: $0.article, score: $0.score, query: query, field: field))) })

        case .global(let name):
            return .of(globals[name]?.rows ?? [])

        case .member(let inner, let access):
            let upstream = try self.source(inner, range: range)
            let read = compiler.compile(access)
            let pending = PendingValues()
            return RowStream { () throws(Diagnostic) in
                while pending.position >= pending.values.count {
                    guard let row = try upstream.next() else { return nil }
                    switch try read(row) {
                    case .list(let values): pending.start(values, of: row)
                    case let value: pending.start([value], of: row)
                    }
                }
                let value = pending.values[pending.position]
                pending.position += 1
                return Row(subject: value)
            }
        }
    }
}

/// A pull-based stream of rows: each call returns the next row, or nil at the end.
struct RowStream {
    let next: () throws(Diagnostic) -> Row?
    /// How many rows the stream yields, when that is known before they are made (rows found by
    /// an index, a whole collection), so `count` need not make them. Valid before the first
    /// `next`, when a stage receives its upstream.
    let knownCount: Int?

    init(knownCount: Int? = nil, _ next: @escaping () throws(Diagnostic) -> Row?) {
        self.next = next
        self.knownCount = knownCount
    }

    static func of(_ rows: [Row]) -> RowStream {
        of(rows) { $0 }
    }

    /// A row for each element, made as it is asked for.
    static func of<Element>(_ elements: [Element], _ row: @escaping (Element) -> Row) -> RowStream {
        let next = StreamCounter()
        return RowStream(knownCount: elements.count) { () throws(Diagnostic) in
            let index = next.value
            guard index < elements.count else { return nil }
            next.value = index + 1
            return row(elements[index])
        }
    }
}

// What a row stream's closure keeps from one row to the next is held in a class of its own.
// A `var` captured by the closure would do, but each access to one is checked for exclusivity
// at run time, which took a third of the time of `articles | count by source`; these classes'
// properties are checked when the module is compiled, as no access to them can overlap another.

/// A count: the next row's position, or the rows left to take or skip.
final class StreamCounter {
    var value: Int

    init(_ value: Int = 0) {
        self.value = value
    }
}

/// The keys `distinct` has seen. A key of one value, the commonest, is kept as it is, where
/// wrapping it in an array would cost an allocation a row; a row of the corpus (an article,
/// an entity, a mention…) is a bit, where hashing it into a set of a million took most of the
/// time of `mentions | distinct`.
final class SeenKeys {
    private var single = Set<Value>()
    private var several = Set<[Value]>()
    /// The rows of the corpus seen, by kind.
    private var rows = Array(repeating: RowBits(count: 0), count: CorpusRowKind.allCases.count)

    /// Whether the key of `value` and `more` is new; it is seen from now on.
    func insert(_ value: Value, _ more: [Value]) -> Bool {
        guard more.isEmpty else { return several.insert([value] + more).inserted }
        guard let (kind, position) = value.corpusRow else { return single.insert(value).inserted }
        return rows[kind.rawValue].insert(Int32(truncatingIfNeeded: position))
    }

    /// Whether the key `values`, several of them, is new; it is seen from now on.
    func insert(_ values: [Value]) -> Bool {
        several.insert(values).inserted
    }
}

/// How often each value came, for `count by` one key: rows of the corpus in arrays by
/// position, other values hashed.
struct ValueTally {
    private var rows: [[Int]] = Array(repeating: [], count: CorpusRowKind.allCases.count)
    private var others: [Value: Int] = [:]
    /// What a value is counted as: the value itself when nil. Applied to a row of the corpus
    /// once, when the counts are read, and to any other value as it comes.
    private let finally: ((Value) -> Value)?

    init(finally: ((Value) -> Value)?) {
        self.finally = finally
    }

    /// Counts `value`; true when it is the first of its kind.
    @inline(__always)
    mutating func add(_ value: Value) -> Bool {
        if let (kind, position) = value.corpusRow {
            rows[kind.rawValue].grow(toInclude: position)
            rows[kind.rawValue][position] += 1
            return rows[kind.rawValue][position] == 1
        }
        let distinct = others.count
        if let finally {
            others[finally(value), default: 0] += 1
        } else {
            others[value, default: 0] += 1
        }
        return others.count > distinct
    }

    /// The counts, by what each value is counted as.
    var counts: [Value: Int] {
        var counts = others
        for kind in CorpusRowKind.allCases {
            for (position, count) in rows[kind.rawValue].enumerated() where count > 0 {
                let row = Value(kind, at: position)
                counts[finally?(row) ?? row, default: 0] += count
            }
        }
        return counts
    }
}

/// A set of rows of one kind, a bit a row by position: in corpus order when read.
struct RowBits {
    private var words: [UInt64]

    /// Room for `count` rows; more are made room for as they come.
    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// Adds the row at `position`; true when it was not there.
    @discardableResult
    mutating func insert(_ position: Int32) -> Bool {
        let index = Int(position)
        let (word, bit) = (index / 64, UInt64(1) << (index % 64))
        words.grow(toInclude: word)
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        return true
    }

    mutating func formUnion<S: Sequence>(_ positions: S) where S.Element == Int32 {
        for position in positions { insert(position) }
    }

    /// The positions held, in increasing order.
    var positions: [Int] {
        var found: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                found.append(index * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return found
    }
}

extension Array where Element: FixedWidthInteger {
    /// Grows with zeros, at least doubling, until `index` is inside.
    fileprivate mutating func grow(toInclude index: Int) {
        guard index >= count else { return }
        append(contentsOf: repeatElement(0, count: Swift.max(index + 1, 2 * count) - count))
    }
}

/// Values handed out one at a time (the elements of a row's list), and the row they came from.
final class PendingValues {
    private(set) var row: Row?
    private(set) var values: [Value] = []
    var position = 0

    func start(_ values: [Value], of row: Row) {
        self.row = row
        self.values = values
        position = 0
    }
}
