/// Reads consecutive sections of a snapshot file, each into one reused buffer, checking that
/// each is the section expected and matches its checksum. One per thread.
final class SectionReader {
    private let file: SnapshotFile
    private var next: Int
    private let end: Int
    private var buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// Reads the frames `frames` of `file`.
    init(_ file: SnapshotFile, frames: Range<Int>) {
        self.file = file
        self.next = frames.lowerBound
        self.end = frames.upperBound
    }

    deinit {
        buffer.deallocate()
    }

    /// True when every section it was given has been read.
    var isAtEnd: Bool { next == end }

    /// Decodes the next section, which must be `expected`, with `body`.
    func read<R>(_ expected: SnapshotFormat.Section, _ body: (inout SnapshotDecoder) throws(SnapshotError) -> R) throws(SnapshotError) -> R {
        guard next < end else { throw .corrupt("it ends where section '\(expected)' belongs") }
        let frame = file.frames[next]
        guard frame.section == expected.rawValue else {
            let found = SnapshotFormat.Section(rawValue: frame.section).map { "'\($0)'" } ?? "\(frame.section)"
            throw .corrupt("section \(found) at byte \(frame.offset) where section '\(expected)' belongs")
        }
        next += 1
        if buffer.count < frame.length {
            buffer.deallocate()
            buffer = .allocate(byteCount: max(frame.length, buffer.count * 2), alignment: 16)
        }
        let payload = UnsafeMutableRawBufferPointer(rebasing: buffer[..<frame.length])
        guard try file.read(frame, into: payload).get() == frame.length else { throw .truncated }
        guard XXHash64.hash(UnsafeRawBufferPointer(payload)) == frame.checksum else {
            throw .corrupt("the checksum of section '\(expected)' at byte \(frame.offset) does not match")
        }
        var decoder = SnapshotDecoder(UnsafeRawBufferPointer(payload), section: expected)
        return try body(&decoder)
    }
}
