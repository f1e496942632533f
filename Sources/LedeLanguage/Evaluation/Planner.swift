import LedeStore

/// Chooses how a pipeline's source finds its rows when an index can do better than a scan.
///
/// Today: `articles | where …` whose condition bounds `published` by constant dates or
/// datetimes (`published >= 1987-04-01 and published < 1987-05-01`) reads only the articles
/// in that range from the sorted publication-date column. The `where` still runs on those
/// rows, so the plan never changes a result, only how many rows are looked at.
enum Planner {
    /// A range of publication instants (seconds since the epoch); nil bounds are open.
    struct PublishedRange: Equatable {
        var lower: (seconds: Int64, inclusive: Bool)?
        var upper: (seconds: Int64, inclusive: Bool)?
        /// True when the whole condition is the range, so the `where` need not run again.
        var isWholeCondition = true

        static func == (a: PublishedRange, b: PublishedRange) -> Bool {
            a.lower?.seconds == b.lower?.seconds && a.lower?.inclusive == b.lower?.inclusive
                && a.upper?.seconds == b.upper?.seconds && a.upper?.inclusive == b.upper?.inclusive
        }

        var description: String {
            let low = lower.map { "\($0.inclusive ? ">=" : ">") \(ZonedDateTime(seconds: $0.seconds, offset: 0, zone: "UTC"))" }
            let high = upper.map { "\($0.inclusive ? "<=" : "<") \(ZonedDateTime(seconds: $0.seconds, offset: 0, zone: "UTC"))" }
            return [low, high].compactMap { $0 }.joined(separator: " and ")
        }
    }

    /// The publication range a pipeline's first stage restricts `articles` to, if any.
    static func publishedRange(_ pipeline: CheckedPipeline) -> PublishedRange? {
        guard case .collection(.articles) = pipeline.source, case .filter(let condition)? = pipeline.stages.first else {
            return nil
        }
        var range = PublishedRange()
        for conjunct in conjuncts(condition) {
            guard case .binary(let op, let left, let right) = conjunct.kind, bounds(op) else {
                range.isWholeCondition = false
                continue
            }
            if let bound = instant(right), isPublished(left) {
                apply(op, bound, to: &range)
            } else if let bound = instant(left), isPublished(right) {
                apply(mirrored(op), bound, to: &range)
            } else {
                range.isWholeCondition = false
            }
        }
        return range.lower == nil && range.upper == nil ? nil : range
    }

    /// The articles published in `range`, in corpus order.
    static func articles(in range: PublishedRange, of corpus: Corpus) -> [ArticleID] {
        let order = corpus.publishedOrder
        func seconds(_ index: Int) -> Int64 { corpus[order[index]].published?.seconds ?? 0 }
        /// The first index whose instant is not before `value` (or after it, when `after`).
        func partition(_ value: Int64, after: Bool) -> Int {
            var low = 0
            var high = order.count
            while low < high {
                let mid = (low + high) / 2
                if after ? seconds(mid) <= value : seconds(mid) < value { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let start = range.lower.map { partition($0.seconds, after: !$0.inclusive) } ?? 0
        let end = range.upper.map { partition($0.seconds, after: $0.inclusive) } ?? order.count
        guard start < end else { return [] }
        // Back to corpus order by marking the range's articles in a bitmap and reading it in
        // order: linear in the corpus's size divided by 64, where sorting the ids was n log n.
        var marked = [UInt64](repeating: 0, count: (corpus.articles.count + 63) / 64)
        for id in order[start..<end] { marked[id.index >> 6] |= 1 << UInt64(id.index & 63) }
        var ids: [ArticleID] = []
        ids.reserveCapacity(end - start)
        for (word, bits) in marked.enumerated() {
            var bits = bits
            while bits != 0 {
                ids.append(ArticleID(word << 6 | bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return ids
    }

    private static func conjuncts(_ expression: Typed) -> [Typed] {
        if case .binary(.and, let left, let right) = expression.kind { return conjuncts(left) + conjuncts(right) }
        return [expression]
    }

    private static func isPublished(_ expression: Typed) -> Bool {
        if case .field(let base, .article(.published)) = expression.kind, case .subject = base.kind { return true }
        return false
    }

    /// A constant date (the start of its day in UTC) or datetime, as an instant.
    private static func instant(_ expression: Typed) -> Int64? {
        switch expression.kind {
        case .literal(.date(let date)): ZonedDateTime.startOfDay(date).seconds
        case .literal(.datetime(let datetime)): datetime.seconds
        default: nil
        }
    }

    private static func bounds(_ op: BinaryOperator) -> Bool {
        [.less, .lessEqual, .greater, .greaterEqual, .equal].contains(op)
    }

    private static func mirrored(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        default: op
        }
    }

    private static func apply(_ op: BinaryOperator, _ seconds: Int64, to range: inout PublishedRange) {
        switch op {
        case .greater, .greaterEqual:
            let inclusive = op == .greaterEqual
            if let lower = range.lower, lower.seconds > seconds || (lower.seconds == seconds && !lower.inclusive) { return }
            range.lower = (seconds, inclusive)
        case .less, .lessEqual:
            let inclusive = op == .lessEqual
            if let upper = range.upper, upper.seconds < seconds || (upper.seconds == seconds && !upper.inclusive) { return }
            range.upper = (seconds, inclusive)
        case .equal:
            apply(.greaterEqual, seconds, to: &range)
            apply(.lessEqual, seconds, to: &range)
        default:
            break
        }
    }
}
