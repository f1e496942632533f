/// Reads an article in the seed format (`seeds/*.txt`):
///
///     Dec 11, 2018 08:15 Asia/Tehran [Updated: May 14, 2019 21:40 Asia/Tehran]
///       • A caption, possibly repeated on the next line
///     <blank>
///     The standfirst line, which is the title.
///     <blank>
///     Source/Section: The first paragraph of the body …
///     <blank>
///     Further paragraphs, "Related News:" blocks with linked headlines, …
enum SeedFormatReader {
    static func read(_ text: String, file: String, key: String) -> Result<ArticleDraft, LoadIssue> {
        let lines = TextLines(text)
        guard let dateIndex = (0..<lines.count).first(where: { !lines.isBlank($0) }) else {
            return .failure(LoadIssue(path: file, line: nil, message: "the file is empty"))
        }
        let header: DateHeader
        do {
            header = try DateHeader(parsing: lines.text(dateIndex))
        } catch {
            return .failure(LoadIssue(path: file, line: lines.number(dateIndex), message: error.message))
        }

        // Captions: bullet or indented lines straight after the date line.
        var captions: [String] = []
        var next = dateIndex + 1
        while next < lines.count {
            let (first, indented) = lines.leading(next)
            guard let first, indented || first == "•" else { break }
            var caption = lines.text(next).trimmingSpace()
            if first == "•" { caption = caption.dropFirst().trimmingSpace() }
            if !caption.isEmpty && !captions.contains(caption) { captions.append(caption) }
            next += 1
        }

        var blocks = lines.blocks(from: next).map(\.text)
        var notes: [String] = []
        var title: String?
        if let first = blocks.first, sourcePrefix(first) == nil {
            title = first
            blocks.removeFirst()
        } else {
            notes.append("no standfirst line before the body; the article has no title")
        }

        var source: String?
        var section: String?
        if let first = blocks.first, let prefix = sourcePrefix(first) {
            source = prefix.source
            section = prefix.section
            blocks[0] = prefix.rest
        }

        let body = BodyParser.parse(blocks: blocks)
        if body.paragraphRanges.isEmpty { notes.append("the article has no body text") }
        return .success(
            ArticleDraft(
                key: key, file: file, line: lines.number(dateIndex), title: title, published: header.published,
                updated: header.updated, source: source, section: section, captions: captions, body: body,
                notes: notes + body.notes))
    }

    /// `Iran Press/Asia: The United States …` → ("Iran Press", "Asia", "The United States …").
    /// Both names are short and hold no sentence punctuation.
    static func sourcePrefix(_ paragraph: String) -> (source: String, section: String, rest: String)? {
        guard let colon = paragraph.firstIndex(of: ":"), let slash = paragraph[..<colon].firstIndex(of: "/") else {
            return nil
        }
        let source = paragraph[..<slash].trimmingSpace()
        let section = paragraph[paragraph.index(after: slash)..<colon].trimmingSpace()
        let isName = { (name: String) in
            !name.isEmpty && name.count <= 60 && !name.contains(where: { ".!?\n\"“”".contains($0) })
        }
        guard isName(source), isName(section) else { return nil }
        let rest = paragraph[paragraph.index(after: colon)...].trimmingSpace()
        guard !rest.isEmpty else { return nil }
        return (source, section, rest)
    }
}
