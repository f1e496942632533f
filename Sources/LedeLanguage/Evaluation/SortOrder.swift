/// The order `sort` puts rows in: by each key in turn, ascending or descending, nulls last
/// either way; rows whose keys tie keep the order they came in.
///
/// Keys are compared where they are stored, through buffer pointers: copying a key out of its
/// row to compare it costs a retain and a release of its string, which was most of the time of
/// `articles | sort title` (1.7 million comparisons on 100k articles).
struct SortOrder {
    private let keys: [CompiledExpression]
    private let descending: [Bool]

    init(_ keys: [(CompiledExpression, descending: Bool)]) {
        self.keys = keys.map(\.0)
        descending = keys.map(\.descending)
    }

    /// Every row of `upstream`, in this order.
    func sort(_ upstream: RowStream, _ context: EvaluationContext, _ range: SourceRange) throws(Diagnostic) -> [Row] {
        var rows: [Row] = []
        // Row i's keys are keyValues[i * keys.count ..< (i + 1) * keys.count].
        var keyValues: [Value] = []
        while let row = try upstream.next() {
            try context.hold(range)
            try appendKeys(of: row, to: &keyValues)
            rows.append(row)
        }
        return try ordered(Array(rows.indices), keyValues, arrivals: nil, context, range).map { rows[$0] }
    }

    /// The first `limit` rows of `upstream` in this order: what `sort` then `take limit` keeps,
    /// found holding no more than those rows. They are kept in a heap with the last of them on
    /// top, so most rows are compared with that one alone and dropped.
    func first(_ limit: Int, of upstream: RowStream, _ context: EvaluationContext, _ range: SourceRange) throws(Diagnostic) -> [Row] {
        let width = keys.count
        // The rows kept, each in a slot: its keys are keyValues[slot * width ..< (slot + 1) * width],
        // and `arrivals` says when it came, which settles ties. `heap` holds the slots.
        var rows: [Row] = []
        var keyValues: [Value] = []
        var arrivals: [Int] = []
        var heap: [Int] = []
        var candidate: [Value] = []
        var arrival = 0
        while let row = try upstream.next() {
            try context.checkCancellation(range)
            candidate.removeAll(keepingCapacity: true)
            try appendKeys(of: row, to: &candidate)
            defer { arrival += 1 }
            if heap.count < limit {
                try context.hold(range)
                heap.append(rows.count)
                rows.append(row)
                keyValues.append(contentsOf: candidate)
                arrivals.append(arrival)
                keyValues.withUnsafeBufferPointer { siftUp(&heap, keyValues: $0, arrivals) }
            } else if let last = heap.first {
                let comesFirst = candidate.withUnsafeBufferPointer { candidate in
                    keyValues.withUnsafeBufferPointer { kept in
                        compare(candidate, 0, kept, last * width) < 0
                    }
                }
                // A tie goes to the row kept, which came first.
                guard comesFirst else { continue }
                rows[last] = row
                for index in 0..<width { keyValues[last * width + index] = candidate[index] }
                arrivals[last] = arrival
                keyValues.withUnsafeBufferPointer { siftDown(&heap, keyValues: $0, arrivals) }
            }
        }
        return try ordered(heap, keyValues, arrivals: arrivals, context, range).map { rows[$0] }
    }

    /// `slots` (rows whose keys are in `keyValues`) in this order, ties by `arrivals` (by slot
    /// when nil). A long sort stops when the query is cancelled: the comparison throws.
    private func ordered(
        _ slots: [Int], _ keyValues: [Value], arrivals: [Int]?, _ context: EvaluationContext, _ range: SourceRange
    ) throws(Diagnostic) -> [Int] {
        var slots = slots
        struct Cancelled: Error {}
        var comparisons = 0
        do {
            try keyValues.withUnsafeBufferPointer { keyValues in
                try slots.sort { a, b in
                    comparisons &+= 1
                    if comparisons & 4095 == 0, context.cancellation.isCancelled { throw Cancelled() }
                    return precedes(a, b, keyValues, arrivals)
                }
            }
        } catch {
            throw Diagnostic.interrupted(at: range)
        }
        return slots
    }

    /// Whether slot `a`'s row comes before slot `b`'s: by their keys, then by when they came
    /// (`arrivals`, or the slot numbers themselves when nil).
    private func precedes(_ a: Int, _ b: Int, _ keyValues: UnsafeBufferPointer<Value>, _ arrivals: [Int]?) -> Bool {
        let width = keys.count
        let order = compare(keyValues, a * width, keyValues, b * width)
        if order != 0 { return order < 0 }
        return arrivals.map { $0[a] < $0[b] } ?? (a < b)
    }

    /// Moves the heap's last slot up past the slots it comes after.
    private func siftUp(_ heap: inout [Int], keyValues: UnsafeBufferPointer<Value>, _ arrivals: [Int]) {
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[parent], heap[child], keyValues, arrivals) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    /// Moves the heap's top slot down below the slots that come after it.
    private func siftDown(_ heap: inout [Int], keyValues: UnsafeBufferPointer<Value>, _ arrivals: [Int]) {
        var parent = 0
        while true {
            var last = parent
            let left = 2 * parent + 1
            if left < heap.count && precedes(heap[last], heap[left], keyValues, arrivals) { last = left }
            if left + 1 < heap.count && precedes(heap[last], heap[left + 1], keyValues, arrivals) { last = left + 1 }
            if last == parent { return }
            heap.swapAt(parent, last)
            parent = last
        }
    }

    private func appendKeys(of row: Row, to values: inout [Value]) throws(Diagnostic) {
        for key in keys { values.append(try key(row)) }
    }

    /// How the keys at `x[xStart...]` and `y[yStart...]` compare in this order: negative when
    /// x's row goes first, 0 when the keys tie.
    private func compare(_ x: UnsafeBufferPointer<Value>, _ xStart: Int, _ y: UnsafeBufferPointer<Value>, _ yStart: Int) -> Int {
        for index in descending.indices {
            let (a, b) = (xStart + index, yStart + index)
            // Nulls go last whichever way the sort runs.
            if x[a].isNull != y[b].isNull { return x[a].isNull ? 1 : -1 }
            let order = Value.sortOrder(x[a], y[b])
            if order != 0 { return descending[index] ? -order : order }
        }
        return 0
    }
}
