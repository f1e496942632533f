/// An article as a reader parsed it from a file, before it gets identifiers and an index.
struct ArticleDraft: Sendable {
    var key: String
    var file: String
    var line: Int
    var title: String?
    var published: ZonedDateTime?
    var updated: ZonedDateTime?
    var source: String?
    var section: String?
    var captions: [String] = []
    var body: ArticleBody
    var notes: [String] = []
    /// The JSON Lines members Lede has no field for, as a JSON object's text.
    var extra: String?
}

/// The body of an article: its paragraphs and the related-article links printed among them.
///
/// The paragraphs are kept as the article's text will hold them, joined by a blank line, so a
/// body that is written that way already is taken as it is (`BodyParser.plainBody`).
struct ArticleBody: Sendable, Equatable {
    struct Link: Sendable, Equatable {
        var label: String
        var title: String
    }

    /// The paragraphs, each after a blank line but the first.
    let text: String
    /// Each paragraph's UTF-8 range in `text`.
    let paragraphRanges: [Range<Int>]
    var links: [Link] = []
    /// What was removed or doubted while reading the body.
    var notes: [String] = []

    /// The paragraphs joined by a blank line, in a string of exactly the right size: the
    /// article keeps it for as long as the corpus is loaded.
    init(paragraphs: [String], links: [Link] = [], notes: [String] = []) {
        let size = paragraphs.reduce(0) { $0 + $1.utf8.count } + max(0, paragraphs.count - 1) * 2
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphs.count)
        text = String(unsafeUninitializedCapacity: size) { buffer in
            var offset = 0
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 {
                    buffer[offset] = 0x0A
                    buffer[offset + 1] = 0x0A
                    offset += 2
                }
                var paragraph = paragraph
                paragraph.withUTF8 { source in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + source.count)]).initialize(from: source)
                    ranges.append(offset..<(offset + source.count))
                    offset += source.count
                }
            }
            return offset
        }
        paragraphRanges = ranges
        self.links = links
        self.notes = notes
    }

    /// A body whose paragraphs are at `paragraphRanges` in `text`, joined there by a blank line.
    init(joined text: String, paragraphRanges: [Range<Int>]) {
        self.text = text
        self.paragraphRanges = paragraphRanges
    }
}
