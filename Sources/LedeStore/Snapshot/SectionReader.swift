/// Reads consecutive sections of a snapshot file where they lie in it, checking that each is
/// the section expected and matches its checksum. A reader is used by one thread at a time.
final class SectionReader {
    private let file: SnapshotFile
    private var next: Int
    private let end: Int

    /// Reads the frames `frames` of `file`.
    init(_ file: SnapshotFile, frames: Range<Int>) {
        self.file = file
        self.next = frames.lowerBound
        self.end = frames.upperBound
    }

    /// True when every section it was given has been read.
    var isAtEnd: Bool { next == end }

    /// The frames it has not read yet.
    var unread: Range<Int> { next..<end }

    /// Decodes the next section, which must be `expected`, with `body`.
    func read<R>(_ expected: SnapshotFormat.Section, _ body: (inout SnapshotDecoder) throws(SnapshotError) -> R) throws(SnapshotError) -> R {
        guard next < end else { throw .corrupt("it ends where section '\(expected)' belongs") }
        let frame = file.frames[next]
        guard frame.section == expected.rawValue else {
            let found = SnapshotFormat.Section(rawValue: frame.section).map { "'\($0)'" } ?? "\(frame.section)"
            throw .corrupt("section \(found) at byte \(frame.offset) where section '\(expected)' belongs")
        }
        next += 1
        let payload = file.payload(of: frame)
        guard XXHash64.hash(payload) == frame.checksum else {
            throw .corrupt("the checksum of section '\(expected)' at byte \(frame.offset) does not match")
        }
        var decoder = SnapshotDecoder(payload, section: expected)
        return try body(&decoder)
    }
}
