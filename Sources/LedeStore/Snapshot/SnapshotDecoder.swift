/// Reads the payload of one snapshot section back, checking every count and offset against
/// the bytes there are, so a damaged payload throws instead of reading out of bounds.
///
/// The mirror of `SnapshotEncoder`: each method reads what the encoder method of the same
/// shape wrote.
struct SnapshotDecoder {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    let section: SnapshotFormat.Section

    init(_ bytes: UnsafeRawBufferPointer, section: SnapshotFormat.Section) {
        self.bytes = bytes
        self.section = section
    }

    /// A damaged-payload error naming this section.
    func corrupt(_ detail: String) -> SnapshotError {
        .corrupt("section '\(section)': \(detail)")
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(SnapshotError) -> T {
        let size = MemoryLayout<T>.size
        guard let base = bytes.baseAddress, bytes.count - offset >= size else {
            throw corrupt("it ends early")
        }
        let value = T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return value
    }

    /// A count written as an Int64, which must lie in `0...limit`.
    mutating func count(atMost limit: Int = Int(Int32.max)) throws(SnapshotError) -> Int {
        let value = try integer(Int64.self)
        guard value >= 0, value <= Int64(limit) else { throw corrupt("a count of \(value)") }
        return Int(value)
    }

    /// A column of `expected` integers (any number when nil), copied out of the section.
    mutating func column<T: FixedWidthInteger>(_: T.Type, count expected: Int? = nil) throws(SnapshotError) -> [T] {
        try columnInPlace(T.self, count: expected).copied()
    }

    /// A column of `expected` integers (any number when nil), read where it lies in the
    /// section: valid while the section is being decoded.
    mutating func columnInPlace<T: FixedWidthInteger>(_: T.Type, count expected: Int? = nil) throws(SnapshotError) -> ColumnInPlace<T> {
        let count = try count()
        // Measured after the count itself is read: the values start behind it.
        guard count <= (bytes.count - offset) / MemoryLayout<T>.stride else {
            throw corrupt("a column of \(count) values where \(bytes.count - offset) bytes are left")
        }
        if let expected, count != expected {
            throw corrupt("a column of \(count) values where \(expected) belong")
        }
        let start = bytes.baseAddress.map { $0 + offset }
        offset += count * MemoryLayout<T>.stride
        return ColumnInPlace(start: start, count: count)
    }

    /// Strings laid out as end offsets then one block of UTF-8.
    mutating func stringColumn(count expected: Int? = nil) throws(SnapshotError) -> StringColumn {
        let ends = try column(Int64.self, count: expected)
        let total = ends.last ?? 0
        guard total >= 0, total <= Int64(bytes.count - offset) else {
            throw corrupt("a block of \(total) bytes where \(bytes.count - offset) are left")
        }
        var previous: Int64 = 0
        for end in ends {
            guard end >= previous else { throw corrupt("string offsets out of order") }
            previous = end
        }
        let block = bytes.baseAddress.map { $0 + offset }
        offset += Int(total)
        return StringColumn(checkedEnds: ends, block: block)
    }

    mutating func strings(count expected: Int? = nil) throws(SnapshotError) -> [String] {
        let column = try stringColumn(count: expected)
        return (0..<column.count).map { column[$0] }
    }

    mutating func optionalStrings(count expected: Int) throws(SnapshotError) -> OptionalStringColumn {
        let present = try column(UInt8.self, count: expected)
        guard present.allSatisfy({ $0 <= 1 }) else { throw corrupt("a presence flag that is neither 0 nor 1") }
        return OptionalStringColumn(present: present, strings: try stringColumn(count: expected))
    }

    mutating func symbols(count expected: Int) throws(SnapshotError) -> SymbolColumn {
        let distinct = try strings()
        let rows = try column(Int32.self, count: expected)
        guard rows.allSatisfy({ $0 >= -1 && Int($0) < distinct.count }) else { throw corrupt("a string index out of range") }
        return SymbolColumn(distinct: distinct, rows: rows)
    }

    mutating func stringLists(count expected: Int) throws(SnapshotError) -> StringListColumn {
        let counts = try column(Int32.self, count: expected)
        let strings = try stringColumn()
        var starts = [0]
        starts.reserveCapacity(expected + 1)
        for count in counts {
            guard count >= 0 else { throw corrupt("a list of \(count) strings") }
            starts.append(starts[starts.count - 1] + Int(count))
        }
        guard starts[starts.count - 1] == strings.count else { throw corrupt("list counts that do not add up to the strings") }
        return StringListColumn(starts: starts, strings: strings)
    }

    /// A batch's first row and row count, which must continue a table of `total` rows of
    /// which `read` are read; returns the count.
    mutating func batch(continuing read: Int, of total: Int) throws(SnapshotError) -> Int {
        let first = try count(atMost: Int.max)
        let count = try count(atMost: total - read)
        guard first == read, count > 0 else { throw Self.outOfSequence(section, count: count, first: first, next: read) }
        return count
    }

    /// A batch's first row and row count, within a table of `total` rows, for a batch read
    /// apart from those before it: whoever joins the batches checks that they follow on.
    mutating func batch(of total: Int) throws(SnapshotError) -> (first: Int, count: Int) {
        let first = try count(atMost: total)
        let count = try count(atMost: total - first)
        guard count > 0 else { throw corrupt("an empty batch from row \(first)") }
        return (first, count)
    }

    /// A batch of `count` rows from row `first` of `section`'s table, where row `next` is due.
    static func outOfSequence(_ section: SnapshotFormat.Section, count: Int, first: Int, next: Int) -> SnapshotError {
        .corrupt("section '\(section)': a batch of \(count) rows from row \(first) where row \(next) is next")
    }

    // MARK: Checking what was read

    // The checks run for every identifier and range of millions of rows: they are inlined,
    // and only their errors, made out of line, take a call.

    /// An identifier that must point into a table of `count` rows.
    @inline(__always)
    func id<ID: CorpusID>(_ raw: Int32, below count: Int, _: ID.Type = ID.self) throws(SnapshotError) -> ID {
        guard raw >= 0, Int(raw) < count else { throw identifierError(raw, count) }
        return ID(rawValue: raw)
    }

    @inline(never)
    private func identifierError(_ raw: Int32, _ count: Int) -> SnapshotError {
        corrupt("an identifier \(raw) beyond the \(count) rows it points into")
    }

    /// An identifier, or nil for -1.
    @inline(__always)
    func optionalID<ID: CorpusID>(_ raw: Int32, below count: Int, _: ID.Type = ID.self) throws(SnapshotError) -> ID? {
        raw == -1 ? nil : try id(raw, below: count)
    }

    /// A range that must lie within `0..<limit`.
    @inline(__always)
    func range(_ lower: Int32, _ upper: Int32, within limit: Int = Int(Int32.max)) throws(SnapshotError) -> Range<Int32> {
        guard lower >= 0, lower <= upper, Int(upper) <= limit else { throw rangeError(lower, upper, limit) }
        return lower..<upper
    }

    @inline(never)
    private func rangeError(_ lower: Int32, _ upper: Int32, _ limit: Int) -> SnapshotError {
        corrupt("a range \(lower)..<\(upper) outside 0..<\(limit)")
    }

    /// One of an enumeration's raw values.
    func value<T: RawRepresentable>(_ raw: T.RawValue, as _: T.Type = T.self) throws(SnapshotError) -> T {
        guard let value = T(rawValue: raw) else { throw corrupt("\(raw) is not a \(T.self)") }
        return value
    }

    /// Days from 1970 any date can be: far beyond the years ±9999 a text can name, near enough
    /// that date arithmetic never overflows.
    private static let dayLimit: Int64 = 100_000_000

    func date(_ days: Int32) throws(SnapshotError) -> CivilDate {
        guard abs(Int64(days)) <= Self.dayLimit else { throw corrupt("a date \(days) days from 1970") }
        return CivilDate(daysSinceEpoch: days)
    }

    /// A datetime whose offset is less than a day.
    func dateTime(_ seconds: Int64, offset: Int32, zone: String?) throws(SnapshotError) -> ZonedDateTime {
        guard seconds.magnitude <= UInt64(Self.dayLimit) * 86_400, offset.magnitude < 86_400 else {
            throw corrupt("a datetime \(seconds) s from 1970 at offset \(offset) s")
        }
        return ZonedDateTime(seconds: seconds, offset: offset, zone: zone)
    }

    /// Checks that nothing is left over.
    func finish() throws(SnapshotError) {
        guard offset == bytes.count else { throw corrupt("\(bytes.count - offset) bytes left over") }
    }
}

/// A column of little-endian integers in a section's bytes, read in place: valid while the
/// section is being decoded. Its count was checked against the bytes when it was found.
struct ColumnInPlace<T: FixedWidthInteger> {
    private let start: UnsafeRawPointer?
    let count: Int

    init(start: UnsafeRawPointer?, count: Int) {
        self.start = start
        self.count = count
    }

    /// The value of row `index`, which must be below `count`.
    @inline(__always)
    subscript(index: Int) -> T {
        precondition(index >= 0 && index < count, "a row beyond the column")
        guard let start else { return 0 }
        return T(littleEndian: start.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.stride, as: T.self))
    }

    /// The values in an array of their own.
    func copied() -> [T] {
        guard count > 0, let start else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            #if _endian(little)
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(start: start, count: count * MemoryLayout<T>.stride))
            #else
            for index in 0..<count { buffer[index] = self[index] }
            #endif
            initialized = count
        }
    }
}
