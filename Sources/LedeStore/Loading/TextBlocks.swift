/// The lines of a text and its blank-line-separated blocks, with CRLF read as LF.
///
/// Works on UTF-8 bytes: loading a large corpus splits every body this way.
struct TextLines {
    private let text: String
    /// Each line's byte range, without its terminator.
    private(set) var ranges: [Range<Int>] = []

    init(_ text: String) {
        self.text = text
        var ranges: [Range<Int>] = []
        Self.withBytes(of: text) { bytes in
            var start = 0
            // memchr finds each line break many bytes at a time.
            while let offset = ByteWord.firstLineFeed(in: bytes, from: start) {
                ranges.append(start..<(offset > start && bytes[offset - 1] == 0x0D ? offset - 1 : offset))
                start = offset + 1
            }
            // A final newline ends the last line; it does not start an empty one.
            if start < bytes.count { ranges.append(start..<bytes.count) }
        }
        self.ranges = ranges
    }

    /// The text's UTF-8, in place when the string is stored contiguously (a native string
    /// always is).
    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.withBytes(of: text, body)
    }

    var count: Int { ranges.count }

    /// The 1-based line number of line `index`.
    func number(_ index: Int) -> Int { index + 1 }

    func text(_ index: Int) -> String {
        withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[ranges[index]]), as: UTF8.self) }
    }

    func isBlank(_ index: Int) -> Bool {
        withBytes { Self.trimmed($0, ranges[index]).isEmpty }
    }

    /// The first byte of line `index`, after any white space, and whether there was white space.
    func leading(_ index: Int) -> (first: Unicode.Scalar?, indented: Bool) {
        withBytes { buffer in
            let range = ranges[index]
            let trimmed = Self.trimmed(buffer, range)
            guard !trimmed.isEmpty else { return (nil, false) }
            return (TextScanning.decode(buffer, at: trimmed.lowerBound).scalar, trimmed.lowerBound > range.lowerBound)
        }
    }

    /// Runs of non-blank lines from line `start` on, each joined with "\n", every line trimmed
    /// of white space at its end and the block at its start, with the number of its first line.
    func blocks(from start: Int) -> [(text: String, line: Int)] {
        withBytes { buffer in
            var blocks: [(text: String, line: Int)] = []
            // A block of one line (most are) is made from the text in place; a longer one is
            // gathered in `joined`.
            var firstLine: Range<Int>?
            var joined: [UInt8] = []
            var firstLineNumber = 0
            func flush() {
                guard let first = firstLine else { return }
                if joined.isEmpty {
                    blocks.append((String(decoding: UnsafeBufferPointer(rebasing: buffer[first]), as: UTF8.self), firstLineNumber))
                } else {
                    blocks.append((String(decoding: joined, as: UTF8.self), firstLineNumber))
                    joined.removeAll(keepingCapacity: true)
                }
                firstLine = nil
            }
            for index in start..<max(start, ranges.count) {
                let line = ranges[index]
                let trimmed = Self.trimmed(buffer, line)
                if trimmed.isEmpty {
                    flush()
                    continue
                }
                guard let first = firstLine else {
                    firstLineNumber = number(index)
                    firstLine = trimmed
                    continue
                }
                if joined.isEmpty { joined.append(contentsOf: buffer[first]) }
                joined.append(0x0A)
                joined.append(contentsOf: buffer[line.lowerBound..<trimmed.upperBound])
            }
            flush()
            return blocks
        }
    }

    /// `range` without white space at either end.
    static func trimmed(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let byte = buffer[lower]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { lower += 1; continue }
            guard byte >= 0x80 else { break }
            let (scalar, length) = TextScanning.decode(buffer, at: lower)
            guard TextScanning.isSpace(scalar) else { break }
            lower += length
        }
        while upper > lower {
            let byte = buffer[upper - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { upper -= 1; continue }
            guard byte >= 0x80 else { break }
            let start = TextScanning.previousScalarStart(buffer, before: upper)
            guard TextScanning.isSpace(TextScanning.decode(buffer, at: start).scalar) else { break }
            upper = start
        }
        return lower..<upper
    }
}

extension StringProtocol {
    /// Without white space (including no-break spaces) at either end.
    func trimmingSpace() -> String {
        var copy = String(self)
        return copy.withUTF8 { buffer in
            let range = TextLines.trimmed(buffer, 0..<buffer.count)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }
}
