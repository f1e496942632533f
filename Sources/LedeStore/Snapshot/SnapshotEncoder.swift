/// Lays out the payload of one snapshot section: little-endian integers, columns of integers
/// copied as raw memory, and columns of strings as one block of UTF-8 with offsets.
///
/// Every column starts with its count, so `SnapshotDecoder` can check it against the table
/// it belongs to.
struct SnapshotEncoder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Which rows of a table a batch holds.
    mutating func append(batch rows: Range<Int>) {
        append(Int64(rows.lowerBound))
        append(Int64(rows.count))
    }

    /// Ranges as two columns: their lower bounds, then their upper bounds.
    mutating func append(ranges: [Range<Int32>]) {
        append(column: ranges.map(\.lowerBound))
        append(column: ranges.map(\.upperBound))
    }

    /// A count, then the values as raw little-endian memory.
    mutating func append<T: FixedWidthInteger>(column values: [T]) {
        append(Int64(values.count))
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { append(value) }
        #endif
    }

    /// A count, the end offset of each string in the block (the first starts at 0), then the
    /// block of UTF-8.
    mutating func append(strings: some Collection<String>) {
        var ends: [Int64] = []
        ends.reserveCapacity(strings.count)
        var total: Int64 = 0
        for string in strings {
            total += Int64(string.utf8.count)
            ends.append(total)
        }
        append(column: ends)
        bytes.reserveCapacity(bytes.count + Int(total))
        for var string in strings {
            string.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Byte arrays laid out like strings: end offsets, then one block.
    mutating func append(byteArrays arrays: some Collection<[UInt8]>) {
        var ends: [Int64] = []
        ends.reserveCapacity(arrays.count)
        var total: Int64 = 0
        for array in arrays {
            total += Int64(array.count)
            ends.append(total)
        }
        append(column: ends)
        bytes.reserveCapacity(bytes.count + Int(total))
        for array in arrays { bytes.append(contentsOf: array) }
    }

    /// Strings that may be missing: a byte per row (1 present), then the strings, a missing one
    /// written empty.
    mutating func append(optionalStrings strings: some Collection<String?>) {
        append(column: strings.map { UInt8($0 == nil ? 0 : 1) })
        append(strings: strings.map { $0 ?? "" })
    }

    /// Strings with few distinct values (a file name, a source, a zone): the distinct strings,
    /// then each row's index among them, -1 for a missing one.
    mutating func append(symbols strings: some Collection<String?>) {
        var distinct: [String] = []
        var indexes: [String: Int32] = [:]
        var rows: [Int32] = []
        rows.reserveCapacity(strings.count)
        for string in strings {
            guard let string else {
                rows.append(-1)
                continue
            }
            if let index = indexes[string] {
                rows.append(index)
            } else {
                let index = Int32(distinct.count)
                indexes[string] = index
                distinct.append(string)
                rows.append(index)
            }
        }
        append(strings: distinct)
        append(column: rows)
    }

    /// A list of strings per row: each row's count, then all the strings in row order.
    mutating func append(stringLists lists: some Collection<[String]>) {
        append(column: lists.map { Int32($0.count) })
        append(strings: lists.joined())
    }
}
