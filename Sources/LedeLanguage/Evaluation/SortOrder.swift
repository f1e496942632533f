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
        let width = keys.count
        var positions = Array(rows.indices)
        // A long sort stops when the query is cancelled: the comparison throws.
        struct Cancelled: Error {}
        var comparisons = 0
        do {
            try keyValues.withUnsafeBufferPointer { keyValues in
                try positions.sort { a, b in
                    comparisons &+= 1
                    if comparisons & 4095 == 0, context.cancellation.isCancelled { throw Cancelled() }
                    let order = compare(keyValues, a * width, keyValues, b * width)
                    return order != 0 ? order < 0 : a < b
                }
            }
        } catch {
            throw Diagnostic.interrupted(at: range)
        }
        return positions.map { rows[$0] }
    }

    /// The first `limit` rows of `upstream` in this order: what `sort` then `take limit` keeps,
    /// found holding no more than those rows. They are kept in a heap with the last of them on
    /// top, so most rows are compared with that one alone and dropped.
    func first(_ limit: Int, of upstream: RowStream, _ context: EvaluationContext, _ range: SourceRange) throws(Diagnostic) -> [Row] {
        var heap: [Kept] = []
        var keys: [Value] = []
        var sequence = 0
        while let row = try upstream.next() {
            try context.checkCancellation(range)
            keys.removeAll(keepingCapacity: true)
            try appendKeys(of: row, to: &keys)
            defer { sequence += 1 }
            if heap.count < limit {
                try context.hold(range)
                heap.append(Kept(row: row, sequence: sequence, keys: keys))
                siftUp(&heap, from: heap.count - 1)
            } else if let last = heap.first, precedes(keys, sequence, last) {
                // A row becomes a `Kept` only once it is kept: a `Kept` shares the scratch
                // array's storage, so the next row's keys go to new storage.
                heap[0] = Kept(row: row, sequence: sequence, keys: keys)
                siftDown(&heap, from: 0)
            }
        }
        return heap.sorted { precedes($0.keys, $0.sequence, $1) }.map(\.row)
    }

    /// A row `first` keeps, with its keys and its place in the input (which settles ties).
    private struct Kept {
        var row: Row
        var sequence: Int
        var keys: [Value]
    }

    /// Whether the row with `keys` and `sequence` comes before `b`.
    private func precedes(_ keys: [Value], _ sequence: Int, _ b: Kept) -> Bool {
        let order = keys.withUnsafeBufferPointer { x in b.keys.withUnsafeBufferPointer { y in compare(x, 0, y, 0) } }
        return order != 0 ? order < 0 : sequence < b.sequence
    }

    private func precedes(_ a: Kept, _ b: Kept) -> Bool {
        precedes(a.keys, a.sequence, b)
    }

    /// Moves `heap[index]` up past the rows it comes after.
    private func siftUp(_ heap: inout [Kept], from index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    /// Moves `heap[index]` down below the rows that come after it.
    private func siftDown(_ heap: inout [Kept], from index: Int) {
        var parent = index
        while true {
            var last = parent
            let left = 2 * parent + 1
            if left < heap.count && precedes(heap[last], heap[left]) { last = left }
            if left + 1 < heap.count && precedes(heap[last], heap[left + 1]) { last = left + 1 }
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
