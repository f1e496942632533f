import Foundation

/// An open snapshot file whose header and section frames have been checked: the format is
/// Lede's, the length is the file's, and the sections tile the file from the header to its end.
///
/// Sections are read through a `SectionReader`; several readers, on several threads, can read
/// different sections of one file at once.
///
/// The file is mapped into memory and sections are decoded where they lie. Reading them into
/// a buffer instead copied each byte once more, the kernel writing 200 MB (news-100k) into a
/// buffer as large as a section (4 MB) at a sixth of the speed of one that stays in the cache:
/// about a tenth of each reading thread's time. Lede never changes a snapshot in place
/// (`SnapshotWriter` renames a new file over it), and the mapping lasts only while the corpus is
/// read from it: every row and string is a copy by the time it is unmapped. Only another
/// program cutting the file short in that time could stop the process (with SIGBUS).
final class SnapshotFile: @unchecked Sendable {
    /// The whole file, mapped read-only; never written.
    private let mapping: UnsafeRawBufferPointer

    /// Where a section's payload lies, and what it should hash to.
    struct Frame: Sendable {
        var section: UInt32
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    let frames: [Frame]

    init(path: String) throws(SnapshotError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(CorpusFiles.errorText()) }
        do throws(SnapshotError) {
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw SnapshotError.unreadable("not a regular file") }
            let length = try Self.readHeader(descriptor, fileSize: Int(info.st_size))
            frames = try Self.readFrames(descriptor, length: length)
            guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
                throw SnapshotError.unreadable("cannot map it into memory: \(CorpusFiles.errorText())")
            }
            mapping = UnsafeRawBufferPointer(start: mapped, count: length)
        } catch {
            close(descriptor)
            throw error
        }
        // The mapping outlives the descriptor.
        close(descriptor)
    }

    deinit {
        if let base = mapping.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), mapping.count) }
    }

    /// Checks the header against the file and returns the length it gives.
    private static func readHeader(_ descriptor: Int32, fileSize: Int) throws(SnapshotError) -> Int {
        var header = [UInt8](repeating: 0, count: SnapshotFormat.headerSize)
        let got = try header.withUnsafeMutableBytes { read(descriptor, into: $0, at: 0) }.get()
        let magic = SnapshotFormat.magic
        let compared = min(got, magic.count)
        guard header.prefix(compared).elementsEqual(magic.prefix(compared)) else { throw .foreign("not a Lede snapshot") }
        guard got == SnapshotFormat.headerSize else { throw .truncated }
        var decoder = header.withUnsafeBytes { SnapshotDecoder(UnsafeRawBufferPointer(rebasing: $0[magic.count...]), section: .key) }
        let version = try decoder.integer(UInt32.self)
        guard version == SnapshotFormat.version else { throw .otherFormat(version) }
        let reserved = try decoder.integer(UInt32.self)
        let length = try decoder.integer(UInt64.self)
        let checksum = try decoder.integer(UInt64.self)
        let expected = header.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[..<(SnapshotFormat.headerSize - 8)])) }
        guard checksum == expected, reserved == 0 else { throw .corrupt("the header's checksum does not match") }
        guard length >= UInt64(SnapshotFormat.headerSize), length <= UInt64(Int.max) else {
            throw .corrupt("a length of \(length) bytes in the header")
        }
        if fileSize < Int(length) { throw .truncated }
        if fileSize > Int(length) {
            let extra = fileSize - Int(length)
            throw .corrupt("\(extra) byte\(extra == 1 ? "" : "s") after its end")
        }
        return Int(length)
    }

    /// Every section's frame, in file order.
    private static func readFrames(_ descriptor: Int32, length: Int) throws(SnapshotError) -> [Frame] {
        var frames: [Frame] = []
        var offset = SnapshotFormat.headerSize
        var bytes = [UInt8](repeating: 0, count: SnapshotFormat.frameSize)
        while offset < length {
            guard length - offset >= SnapshotFormat.frameSize else { throw .corrupt("a section frame cut short") }
            let got = try bytes.withUnsafeMutableBytes { read(descriptor, into: $0, at: offset) }.get()
            guard got == SnapshotFormat.frameSize else { throw .truncated }
            var decoder = bytes.withUnsafeBytes { SnapshotDecoder($0, section: .key) }
            let section = try decoder.integer(UInt32.self)
            let reserved = try decoder.integer(UInt32.self)
            let payload = try decoder.integer(UInt64.self)
            let checksum = try decoder.integer(UInt64.self)
            guard reserved == 0 else { throw .corrupt("a section frame at byte \(offset) whose reserved field is \(reserved)") }
            offset += SnapshotFormat.frameSize
            guard payload <= UInt64(length - offset) else {
                throw .corrupt("a section of \(payload) bytes where \(length - offset) are left")
            }
            frames.append(Frame(section: section, offset: offset, length: Int(payload), checksum: checksum))
            offset += Int(payload)
        }
        return frames
    }

    /// Reads `buffer.count` bytes at `offset`, or fewer where the file ends; returns how many.
    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Result<Int, SnapshotError> {
        guard let base = buffer.baseAddress else { return .success(0) }
        var filled = 0
        while filled < buffer.count {
            let got = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(CorpusFiles.errorText()))
            }
            if got == 0 { break }
            filled += got
        }
        return .success(filled)
    }

    /// `frame`'s payload, in place; valid while this object lives. The frames were checked to
    /// lie within the file's length when it was opened.
    func payload(of frame: Frame) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: mapping[frame.offset..<(frame.offset + frame.length)])
    }
}
