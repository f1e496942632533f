/// Columns of strings as `SnapshotDecoder` finds them in a section's bytes: their offsets are
/// checked when the column is read, and each String is made only when a row asks for it, so a
/// row's strings are built once and moved into it.
///
/// A column points into the section's bytes: use it only while the section is being decoded.
struct StringColumn {
    /// Where each string ends in `block`; the first starts at 0. Ascending, the last at most
    /// the block's length.
    private let ends: [Int64]
    private let block: UnsafeRawPointer?

    /// `ends` must already be checked.
    init(checkedEnds ends: [Int64], block: UnsafeRawPointer?) {
        self.ends = ends
        self.block = block
    }

    var count: Int { ends.count }

    func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return UnsafeRawBufferPointer(start: block.map { $0 + start }, count: Int(ends[index]) - start)
    }

    /// Bytes that are not UTF-8 become U+FFFD, as anywhere else a String is decoded.
    subscript(index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }
}

/// Strings that may be missing.
struct OptionalStringColumn {
    /// 0 or 1 for each row, checked.
    let present: [UInt8]
    let strings: StringColumn

    subscript(index: Int) -> String? {
        present[index] == 0 ? nil : strings[index]
    }
}

/// Strings with few distinct values; rows share the distinct strings' storage.
struct SymbolColumn {
    let distinct: [String]
    /// An index into `distinct` for each row, or -1; checked.
    let rows: [Int32]

    subscript(index: Int) -> String? {
        rows[index] < 0 ? nil : distinct[Int(rows[index])]
    }
}

/// A list of strings for each row.
struct StringListColumn {
    /// Where each row's strings start in `strings`, and one more entry for the end; checked.
    let starts: [Int]
    let strings: StringColumn

    subscript(index: Int) -> [String] {
        let range = starts[index]..<starts[index + 1]
        return range.isEmpty ? [] : range.map { strings[$0] }
    }
}
