/// An append-only array stored in fixed-size chunks.
///
/// Appending never moves what is already stored, so building a corpus of millions of rows
/// never holds two copies of a growing array at once (which is where a plain array's memory
/// peaks), and it never leaves spare capacity beyond the last chunk.
public struct ChunkedArray<Element>: RandomAccessCollection {
    @usableFromInline static var chunkShift: Int { 12 }
    @usableFromInline static var chunkSize: Int { 1 << chunkShift }

    @usableFromInline var chunks: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    public init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    /// Reading yields the element in place, so `array[i].field` does not copy the whole row.
    /// Inlinable, so that holds in other modules too: called through the module boundary, the
    /// read copied the whole row out first.
    @inlinable
    public subscript(position: Int) -> Element {
        _read { yield chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)] }
        set { chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)] = newValue }
    }

    public mutating func append(_ element: consuming Element) {
        if count & (Self.chunkSize - 1) == 0 { startChunk() }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Appends what `transform` makes of each of `elements`, as many at a time as the last
    /// chunk has room for: one append of a run instead of an append, with its checks that the
    /// storage is unique and has room, for each element.
    mutating func append<Source: RandomAccessCollection>(
        _ elements: Source, transformedBy transform: (Source.Element) -> Element
    ) {
        var next = elements.startIndex
        var remaining = elements.count
        while remaining > 0 {
            if count & (Self.chunkSize - 1) == 0 { startChunk() }
            let run = Swift.min(remaining, Self.chunkSize - (count & (Self.chunkSize - 1)))
            let end = elements.index(next, offsetBy: run)
            chunks[chunks.count - 1].append(contentsOf: elements[next..<end].lazy.map(transform))
            count += run
            remaining -= run
            next = end
        }
    }

    /// Appends `count` elements, the `i`th made by `make(i)`, which may throw; what was made
    /// before a throw stays appended. A run that starts a chunk fills it in place, with no
    /// append and none of its checks per element: how a snapshot's million-row tables are read.
    mutating func append<Failure: Error>(count total: Int, _ make: (Int) throws(Failure) -> Element) throws(Failure) {
        var made = 0
        while made < total {
            let offset = count & (Self.chunkSize - 1)
            let run = Swift.min(total - made, Self.chunkSize - offset)
            var failure: Failure?
            if offset == 0 {
                let first = made
                chunks.append(
                    [Element](unsafeUninitializedCapacity: Self.chunkSize) { buffer, initialized in
                        for index in 0..<run {
                            do throws(Failure) {
                                buffer.initializeElement(at: index, to: try make(first + index))
                            } catch {
                                failure = error
                                return
                            }
                            initialized += 1
                        }
                    })
                let filled = chunks[chunks.count - 1].count
                count += filled
                made += filled
            } else {
                for index in made..<(made + run) {
                    do throws(Failure) {
                        chunks[chunks.count - 1].append(try make(index))
                    } catch {
                        failure = error
                        break
                    }
                    count += 1
                    made += 1
                }
            }
            if let failure { throw failure }
        }
    }

    private mutating func startChunk() {
        var chunk: [Element] = []
        chunk.reserveCapacity(Self.chunkSize)
        chunks.append(chunk)
    }

    /// Calls `body` with each chunk's elements in turn, in order: a pass over every element
    /// without the arithmetic of finding each one's chunk.
    func forEachChunk(_ body: (UnsafeBufferPointer<Element>) throws -> Void) rethrows {
        for chunk in chunks { try chunk.withUnsafeBufferPointer(body) }
    }

    /// Whether every element in `range` satisfies `predicate`, read through each chunk's
    /// buffer: a check over millions of rows without finding each one's chunk.
    func allSatisfy(in range: Range<Int>, _ predicate: (Element) throws -> Bool) rethrows -> Bool {
        var start = range.lowerBound
        while start < range.upperBound {
            let chunk = start >> Self.chunkShift
            let offset = start & (Self.chunkSize - 1)
            let run = Swift.min(range.upperBound - start, Self.chunkSize - offset)
            let satisfied = try chunks[chunk].withUnsafeBufferPointer { buffer in
                try buffer[offset..<(offset + run)].allSatisfy(predicate)
            }
            guard satisfied else { return false }
            start += run
        }
        return true
    }

    public mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
