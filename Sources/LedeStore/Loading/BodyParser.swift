import Glibc

/// Turns the blank-line-separated blocks of a body into paragraphs and related links.
///
/// Shared by both formats. A block that is only a link label ("Related News:", "Read More:")
/// introduces the titles of linked articles: the blocks after it that look like headlines (one
/// short line that does not end a sentence). A stray page marker such as `205/103` at the end of
/// a paragraph is removed. Everything removed is recorded in the notes.
enum BodyParser {
    /// The body of `text` when it is written the plain way, as most JSON Lines bodies are:
    /// paragraphs of one line, one blank line between them, no white space at either end of a
    /// line, none starting like a link label (a colon in its first 40 bytes) or ending like a
    /// page marker. Then `parse` would keep every line as a paragraph and join them into
    /// `text` as it is, so the text is taken without reading it into blocks. Nil for any other
    /// body, which `parse` reads.
    static func plainBody(_ text: String) -> ArticleBody? {
        var text = text
        let ranges = text.withUTF8 { bytes -> [Range<Int>]? in
            guard !bytes.isEmpty else { return nil }
            var ranges: [Range<Int>] = []
            // Room for paragraphs of a few hundred bytes, so that the array seldom grows: most
            // bodies have ten or so, which appending one at a time copied four times.
            ranges.reserveCapacity(bytes.count / 128 + 1)
            var start = 0
            while true {
                let end = ByteWord.firstLineFeed(in: bytes, from: start) ?? bytes.count
                guard end > start, isPlainLine(bytes, start..<end) else { return nil }
                ranges.append(start..<end)
                if end == bytes.count { return ranges }
                // Exactly one blank line, then more text.
                guard end + 2 < bytes.count, bytes[end + 1] == 0x0A else { return nil }
                start = end + 2
            }
        }
        return ranges.map { ArticleBody(joined: text, paragraphRanges: $0) }
    }

    /// Whether `parse` keeps the line as it is: a printable ASCII character at either end, no
    /// colon in the first 40 bytes, and no page marker (`/` and one to four digits) at its end.
    private static func isPlainLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let first = bytes[line.lowerBound]
        let last = bytes[line.upperBound - 1]
        guard first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else { return false }
        // memchr: every line of every plain body is looked at here.
        guard let base = bytes.baseAddress, memchr(base + line.lowerBound, Int32(UInt8(ascii: ":")), min(line.count, 40)) == nil
        else { return false }
        var digits = line.upperBound
        while digits > line.lowerBound, line.upperBound - digits <= 4, bytes[digits - 1] &- 0x30 < 10 { digits -= 1 }
        let count = line.upperBound - digits
        return count == 0 || count > 4 || digits == line.lowerBound || bytes[digits - 1] != UInt8(ascii: "/")
    }

    static func parse(blocks: [String]) -> ArticleBody {
        var body = Parts()
        var seenTitles: Set<String> = []
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            i += 1
            guard let (label, inlineTitle) = linkLabel(block) else {
                appendParagraph(block, to: &body)
                continue
            }
            var titles: [String] = []
            if let inlineTitle { titles.append(inlineTitle) }
            while i < blocks.count, looksLikeHeadline(blocks[i]), linkLabel(blocks[i]) == nil {
                titles.append(blocks[i])
                i += 1
            }
            if titles.isEmpty {
                body.notes.append("'\(label):' is followed by no headline; kept as a paragraph")
                appendParagraph(block, to: &body)
                continue
            }
            for title in titles {
                if seenTitles.insert(title).inserted {
                    body.links.append(.init(label: label, title: title))
                } else {
                    body.notes.append("dropped a repeated '\(label)' link to \"\(title)\"")
                }
            }
        }
        return ArticleBody(paragraphs: body.paragraphs, links: body.links, notes: body.notes)
    }

    /// What `parse` has read so far.
    private struct Parts {
        var paragraphs: [String] = []
        var links: [ArticleBody.Link] = []
        var notes: [String] = []
    }

    private static func appendParagraph(_ block: String, to body: inout Parts) {
        if let (kept, artifact) = strippingArtifact(block) {
            if kept.isEmpty {
                body.notes.append("removed a stray '\(artifact)' between paragraphs")
                return
            }
            body.notes.append("removed a stray '\(artifact)' from the end of paragraph \(body.paragraphs.count)")
            body.paragraphs.append(kept)
            return
        }
        body.paragraphs.append(block)
    }

    /// The words that introduce related links, compared case-insensitively.
    private static let labels: Set<String> = [
        "related news", "related", "related stories", "related articles", "related story", "read more",
        "read also", "also read", "see also", "more news", "more on this",
    ]

    /// The label of a link block as written ("Related news"), and a title written on the
    /// same line after the colon, if any.
    static func linkLabel(_ block: String) -> (label: String, title: String?)? {
        // Labels are short: look no further than a few words in.
        var scanned = block  // withUTF8 needs a variable; a native string is not copied
        guard let colonOffset = scanned.withUTF8({ $0.prefix(40).firstIndex(of: UInt8(ascii: ":")) }),
            !scanned.withUTF8({ $0.contains(0x0A) })
        else {
            return nil
        }
        let colon = block.utf8.index(block.utf8.startIndex, offsetBy: colonOffset)
        let label = block[..<colon].trimming(" \t\u{A0}")
        guard labels.contains(label.lowercased()) else { return nil }
        let rest = block[block.index(after: colon)...].trimming(" \t\u{A0}")
        if rest.isEmpty { return (label, nil) }
        return looksLikeHeadline(rest) ? (label, rest) : nil
    }

    /// One line of at most 200 characters that does not end like a sentence.
    static func looksLikeHeadline(_ block: String) -> Bool {
        guard block.utf8.count <= 800, !block.utf8.contains(0x0A), block.count <= 200, let last = block.last else {
            return false
        }
        var end = last
        if "\"'”’)".contains(end), let before = block.dropLast().last { end = before }
        return !".!?…:;,".contains(end)
    }

    /// A paragraph ending in a page marker like `205/103` after the end of a sentence (or a
    /// block that is only such a marker): the paragraph without it, and the marker.
    static func strippingArtifact(_ block: String) -> (kept: String, artifact: String)? {
        guard let lastByte = block.utf8.last, lastByte >= UInt8(ascii: "0"), lastByte <= UInt8(ascii: "9") else { return nil }
        let scalars = Array(block.unicodeScalars)
        var end = scalars.count
        func digits() -> Int {
            var count = 0
            while end > 0, ("0"..."9").contains(scalars[end - 1]) { end -= 1; count += 1 }
            return count
        }
        guard (1...4).contains(digits()), end > 0, scalars[end - 1] == "/" else { return nil }
        end -= 1
        guard (1...4).contains(digits()) else { return nil }
        let artifactStart = end
        let artifact = String(String.UnicodeScalarView(scalars[artifactStart...]))
        if end == 0 { return ("", artifact) }
        guard TextScanning.isSpace(scalars[end - 1]) else { return nil }
        while end > 0, TextScanning.isSpace(scalars[end - 1]) { end -= 1 }
        guard end > 0, ".!?…\"”’)".unicodeScalars.contains(scalars[end - 1]) else { return nil }
        return (String(String.UnicodeScalarView(scalars[..<end])), artifact)
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimming(_ set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
