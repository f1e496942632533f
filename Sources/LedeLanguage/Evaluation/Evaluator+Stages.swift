import LedeStore

extension Evaluator {
    /// The rows `stage` makes of `upstream`'s. `next`, the stage after it, lets `sort` keep
    /// only the rows a `take` will let through.
    func stage(
        _ stage: CheckedStage, after upstream: RowStream, before next: CheckedStage? = nil, range: SourceRange
    ) throws(Diagnostic) -> RowStream {
        let context = self.context
        switch stage {
        case .filter(let condition):
            let test = compiler.compile(condition)
            return RowStream { () throws(Diagnostic) in
                while let row = try upstream.next() {
                    try context.checkCancellation(condition.range)
                    if case .bool(true) = try test(row) { return row }
                }
                return nil
            }

        case .select(let columns, let record):
            let compiled = columns.map(compiler.compile)
            let names = record.fields.map(\.name)
            return RowStream { () throws(Diagnostic) in
                guard let row = try upstream.next() else { return nil }
                var values: [Value] = []
                values.reserveCapacity(compiled.count)
                for column in compiled { values.append(try column(row)) }
                return Row(subject: .record(Record(names: names, values: values)))
            }

        case .sort(let keys):
            let order = SortOrder(keys.map { (compiler.compile($0.key), $0.descending) })
            if case .take(let count)? = next {
                // Only the rows take lets through need be kept.
                return .of(try order.first(try nonNegative(count, "take"), of: upstream, context, range))
            }
            return .of(try order.sort(upstream, context, range))

        case .take(let count):
            let limit = try nonNegative(count, "take")
            let remaining = StreamCounter(limit)
            return RowStream(knownCount: upstream.knownCount.map { min($0, limit) }) { () throws(Diagnostic) in
                guard remaining.value > 0, let row = try upstream.next() else { return nil }
                remaining.value -= 1
                return row
            }

        case .skip(let count):
            let skipped = try nonNegative(count, "skip")
            let toSkip = StreamCounter(skipped)
            return RowStream(knownCount: upstream.knownCount.map { max(0, $0 - skipped) }) { () throws(Diagnostic) in
                while toSkip.value > 0 {
                    guard try upstream.next() != nil else { return nil }
                    toSkip.value -= 1
                }
                return try upstream.next()
            }

        case .count:
            var count = 0
            if let known = upstream.knownCount {
                count = known
            } else {
                while try upstream.next() != nil {
                    try context.checkCancellation(range)
                    count += 1
                }
            }
            return .of([Row(subject: .record(Record(names: ["count"], values: [.int(count)])))])

        case .countBy(let keys, let record):
            let names = record.fields.map(\.name)
            if let field = Grouping.categoryField(keys) {
                return .of(try Grouping.countBy(context.corpus.categories(field), names: names, upstream, context, range))
            }
            if keys.count == 1 {
                // A field of a row the rows lead to (`mentions | count by entity.name`) is
                // counted by that row, and read once for each.
                if let (base, field) = Grouping.fieldOfAnotherRow(keys[0]) {
                    let reader = context.reader
                    return .of(
                        try Grouping.countBy(
                            compiler.compile(base), then: { reader.read(field, of: $0) }, names: names, upstream, context, range))
                }
                return .of(try Grouping.countBy(compiler.compile(keys[0]), then: nil, names: names, upstream, context, range))
            }
            return .of(try Grouping.countBy(keys.map(compiler.compile), names: names, upstream, context, range))

        case .summarize(let groups, let aggregates, let record):
            return .of(
                try Grouping.summarize(
                    groups.map(compiler.compile), aggregates.map { ($0.aggregate, $0.argument.map(compiler.compile)) },
                    names: record.fields.map(\.name), upstream, context, range))

        case .distinct(let columns):
            let seen = SeenKeys()
            guard let (expressions, record) = columns else {
                return RowStream { () throws(Diagnostic) in
                    while let row = try upstream.next() {
                        try context.checkCancellation(range)
                        if seen.insert(row.subject, row.bindings) {
                            try context.hold(range)
                            return row
                        }
                    }
                    return nil
                }
            }
            // The selected values are the key: a record is made only for the rows kept.
            let compiled = expressions.map(compiler.compile)
            let names = record.fields.map(\.name)
            if compiled.count == 1 {
                let column = compiled[0]
                return RowStream { () throws(Diagnostic) in
                    while let row = try upstream.next() {
                        try context.checkCancellation(range)
                        let value = try column(row)
                        if seen.insert(value, []) {
                            try context.hold(range)
                            return Row(subject: .record(Record(names: names, values: [value])))
                        }
                    }
                    return nil
                }
            }
            return RowStream { () throws(Diagnostic) in
                while let row = try upstream.next() {
                    try context.checkCancellation(range)
                    var values: [Value] = []
                    values.reserveCapacity(compiled.count)
                    for column in compiled { values.append(try column(row)) }
                    if seen.insert(values) {
                        try context.hold(range)
                        return Row(subject: .record(Record(names: names, values: values)))
                    }
                }
                return nil
            }

        case .expand(let list, let binds):
            let read = compiler.compile(list)
            let pending = PendingValues()
            return RowStream { () throws(Diagnostic) in
                while pending.position >= pending.values.count {
                    guard let row = try upstream.next() else { return nil }
                    try context.checkCancellation(list.range)
                    let values: [Value]
                    if case .list(let list) = try read(row) { values = list } else { values = [] }
                    pending.start(values, of: row)
                }
                let element = pending.values[pending.position]
                pending.position += 1
                guard var row = pending.row else { return nil }
                if binds { row.bindings.append(element) } else { row.subject = element }
                return row
            }

        case .navigate(_, let collection):
            var values: [Value] = []
            while let row = try upstream.next() {
                try context.hold(range)
                values.append(row.subject)
            }
            return .of(Navigator(corpus: context.corpus).targets(of: values, in: collection).map { Row(subject: $0) })

        case .cooccur:
            var entities: [EntityID] = []
            while let row = try upstream.next() {
                try context.hold(range)
                if case .entity(let id) = row.subject { entities.append(id) }
            }
            return .of(try Cooccurrence.rows(for: entities, context: context, range: range).map { Row(subject: .cooccurrence($0)) })
        }
    }

    private func nonNegative(_ expression: Typed, _ stage: String) throws(Diagnostic) -> Int {
        switch try constant(expression) {
        case .int(let n) where n >= 0: return n
        case .int(let n): throw Diagnostic("'\(stage)' needs a number of 0 or more, got \(n)", at: expression.range)
        default: throw Diagnostic("'\(stage)' needs a whole number", at: expression.range)
        }
    }
}

/// `count by` and `summarize`.
enum Grouping {
    /// One row per distinct key with its count, most frequent first (ties by key).
    static func countBy(
        _ keys: [CompiledExpression], names: [String], _ upstream: RowStream, _ context: EvaluationContext, _ range: SourceRange
    ) throws(Diagnostic) -> [Row] {
        var counts: [[Value]: Int] = [:]
        while let row = try upstream.next() {
            try context.checkCancellation(range)
            var key: [Value] = []
            for compiled in keys { key.append(try compiled(row)) }
            // One hash a row: the defaulted subscript finds or adds the key.
            let distinct = counts.count
            counts[key, default: 0] += 1
            if counts.count > distinct { try context.hold(range) }
        }
        return counts.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            return compareKeys(a.key, b.key) < 0
        }.map { Row(subject: .record(Record(names: names, values: $0.key + [.int($0.value)]))) }
    }

    /// `count by` one key, `then` (if any) applied to `key`'s value, which must be a function of it:
    /// a row of the corpus is counted by its position, and `then` is applied once to each
    /// row counted, not to every row. Without an array per row. Each row or other value
    /// counted is held (`EvaluationContext.hold`) when it first comes.
    static func countBy(
        _ key: CompiledExpression, then: ((Value) -> Value)?, names: [String], _ upstream: RowStream,
        _ context: EvaluationContext, _ range: SourceRange
    ) throws(Diagnostic) -> [Row] {
        var tally = ValueTally(finally: then)
        while let row = try upstream.next() {
            try context.checkCancellation(range)
            if tally.add(try key(row)) { try context.hold(range) }
        }
        return ordered(tally.counts, names: names)
    }

    /// Counted keys as rows, most frequent first (ties by key).
    private static func ordered(_ counts: [Value: Int], names: [String]) -> [Row] {
        counts.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            return Value.sortOrder(a.key, b.key) < 0
        }.map { Row(subject: .record(Record(names: names, values: [$0.key, .int($0.value)]))) }
    }

    /// The row and the field a key reads when it reads a field of another row than the row at
    /// hand (`entity.name` of a mention), not of the row itself (`source` of an article).
    static func fieldOfAnotherRow(_ key: Typed) -> (row: Typed, field: Field)? {
        guard case .field(let base, let field) = key.kind else { return nil }
        if case .subject = base.kind { return nil }
        return (base, field)
    }

    /// The category field `count by` groups on, when its one key reads just that field of each
    /// row's article.
    static func categoryField(_ keys: [Typed]) -> CategoryField? {
        guard keys.count == 1, case .field(let base, .article(let field)) = keys[0].kind, case .subject = base.kind else {
            return nil
        }
        switch field {
        case .source: return .source
        case .section: return .section
        case .timezone: return .timezone
        default: return nil
        }
    }

    /// `count by` a category field, counting each row into its value's slot of the column.
    static func countBy(
        _ column: CategoryColumn, names: [String], _ upstream: RowStream, _ context: EvaluationContext, _ range: SourceRange
    ) throws(Diagnostic) -> [Row] {
        var slots = [Int](repeating: 0, count: column.values.count)
        // A row without an article (a missing link target) has no value, as the field reader says.
        var withoutArticle = 0
        while let row = try upstream.next() {
            try context.checkCancellation(range)
            if case .article(let id) = row.subject {
                slots[Int(column.codes[id.index])] += 1
            } else {
                withoutArticle += 1
            }
        }
        var counts: [Value: Int] = [:]
        for (value, count) in zip(column.values, slots) where count > 0 {
            counts[value.map(Value.string) ?? .null, default: 0] += count
        }
        if withoutArticle > 0 { counts[.null, default: 0] += withoutArticle }
        for _ in counts { try context.hold(range) }
        return ordered(counts, names: names)
    }

    /// One row per distinct group key (sorted by key), or one row in all when there is no key.
    static func summarize(
        _ groups: [CompiledExpression], _ aggregates: [(Aggregate, CompiledExpression?)], names: [String],
        _ upstream: RowStream, _ context: EvaluationContext, _ range: SourceRange
    ) throws(Diagnostic) -> [Row] {
        // Each group's key and accumulators, in order of first appearance, found by its key.
        // The accumulators are added to where they are: taken out of a dictionary, changed and
        // put back, they were copied for every row (`articles | summarize count(), avg(words)
        // by source` took 97 ms on 100k articles).
        var groupKeys: [[Value]] = []
        var states: [[Accumulator]] = []
        var groupOfKey: [[Value]: Int] = [:]
        if groups.isEmpty {
            groupKeys.append([])
            states.append(aggregates.map { Accumulator($0.0) })
            groupOfKey[[]] = 0
        }
        var key: [Value] = []
        while let row = try upstream.next() {
            try context.checkCancellation(range)
            key.removeAll(keepingCapacity: true)
            for compiled in groups { key.append(try compiled(row)) }
            let group: Int
            if let found = groupOfKey[key] {
                group = found
            } else {
                try context.hold(range)
                group = states.count
                groupKeys.append(key)
                states.append(aggregates.map { Accumulator($0.0) })
                groupOfKey[key] = group
            }
            for (index, (_, argument)) in aggregates.enumerated() {
                try states[group][index].add(try argument.map { (compiled) throws(Diagnostic) in try compiled(row) }, range: range)
            }
        }
        return zip(groupKeys, states).sorted { compareKeys($0.0, $1.0) < 0 }.map { key, state in
            Row(subject: .record(Record(names: names, values: key + state.map(\.result))))
        }
    }

    static func compareKeys(_ a: [Value], _ b: [Value]) -> Int {
        for (x, y) in zip(a, b) {
            let order = Value.sortOrder(x, y)
            if order != 0 { return order }
        }
        return 0
    }
}

/// The running state of one aggregate in one group.
struct Accumulator {
    let aggregate: Aggregate
    private var count = 0
    private var intSum = 0
    private var floatSum = 0.0
    private var sawFloat = false
    private var extreme: Value = .null
    private var values: [Value] = []
    private var distinct = Set<Value>()

    init(_ aggregate: Aggregate) {
        self.aggregate = aggregate
    }

    /// Adds one row's argument (nil for `count()`, which counts rows).
    mutating func add(_ value: Value?, range: SourceRange) throws(Diagnostic) {
        guard let value else {
            count += 1
            return
        }
        if value.isNull { return }
        count += 1
        switch aggregate {
        case .count: break
        case .countDistinct: distinct.insert(value)
        case .sum, .avg:
            switch value {
            case .int(let i):
                let (sum, overflow) = intSum.addingReportingOverflow(i)
                if overflow { throw Diagnostic("integer overflow in sum", at: range) }
                intSum = sum
            case .float(let f):
                floatSum += f
                sawFloat = true
            default:
                count -= 1
            }
        case .min, .max:
            if extreme.isNull {
                extreme = value
            } else if let order = Value.order(value, extreme), aggregate == .min ? order < 0 : order > 0 {
                extreme = value
            }
        case .list: values.append(value)
        }
    }

    var result: Value {
        switch aggregate {
        case .count: .int(count)
        case .countDistinct: .int(distinct.count)
        case .sum: count == 0 ? .null : (sawFloat ? .float(floatSum + Double(intSum)) : .int(intSum))
        case .avg: count == 0 ? .null : .float((floatSum + Double(intSum)) / Double(count))
        case .min, .max: extreme
        case .list: .list(values)
        }
    }
}
