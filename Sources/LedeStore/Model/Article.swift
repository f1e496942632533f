/// One news story as the loader read it, with the ranges of everything extracted from it.
///
/// The stored fields are declared in an order that leaves no padding between them (each
/// 4-byte field fills the gap after a 28-byte date), so a row takes 240 bytes.
public struct Article: Sendable {
    /// The key, then the extra members, in one string: both are nearly always too long to be
    /// stored inline, and one allocation for the two instead of two saves some sixty bytes an
    /// article. `key` and `extra` read their parts of it, making a string each time; the
    /// title, read far more often, keeps a string of its own. A snapshot stores it as it is.
    let labels: String
    public let title: String?
    /// The file it came from, relative to the corpus root.
    public var file: String
    public var published: ZonedDateTime?
    /// The line of `file` where it starts (1 for a seed file; the line of a JSON Lines record).
    public var line: Int32
    public var updated: ZonedDateTime?
    /// Words in the body: whitespace-separated runs holding a letter or a digit.
    public var words: Int32
    public var source: String?
    public var section: String?
    /// The place of a wire dateline ("TOKYO, March 3 -"), filled by extraction.
    public var dateline: String?
    /// Image captions, in order, duplicates removed.
    public var captions: [String]
    /// The body: paragraphs joined by a blank line. Other rows point into it with UTF-8 offsets.
    public var text: String
    /// What the loader cleaned up or doubted.
    public var notes: [String]

    public var paragraphs: Range<Int32> = 0..<0
    public var links: Range<Int32> = 0..<0
    public var mentions: Range<Int32> = 0..<0
    public var quotes: Range<Int32> = 0..<0
    public var dates: Range<Int32> = 0..<0
    /// Where the key ends in `labels`.
    let keyEnd: Int32
    /// True when `text` is pure ASCII, so scalar offsets and UTF-8 offsets coincide.
    public var isASCII: Bool

    public init(
        key: String, file: String, line: Int32 = 1, title: String?, published: ZonedDateTime?,
        updated: ZonedDateTime? = nil, source: String?, section: String?, captions: [String] = [],
        text: String, isASCII: Bool? = nil, words: Int32, notes: [String] = [], extra: String? = nil
    ) {
        let labels: String
        if let extra {
            // Reserved at its final size: appending to a growing string could leave it with
            // room to spare, the very bytes this layout saves.
            var joined = ""
            joined.reserveCapacity(key.utf8.count + extra.utf8.count)
            joined += key
            joined += extra
            labels = joined
        } else {
            // Most articles have no extra members: the key's own storage serves, rather than
            // a copy of it in a second allocation.
            labels = key
        }
        var readable = text  // withUTF8 needs a variable; a native string is not copied
        self.init(
            labels: labels, keyEnd: Int32(key.utf8.count), file: file, line: line, title: title, published: published,
            updated: updated, source: source, section: section, dateline: nil, captions: captions, text: text,
            isASCII: isASCII ?? readable.withUTF8 { ByteWord.isASCII($0) }, words: words, notes: notes)
    }

    /// Every stored field as it is, the ranges of extracted rows included: how a snapshot
    /// makes an article in one step, without copying a half-made one. `keyEnd` must lie
    /// within `labels`' UTF-8.
    init(
        labels: String, keyEnd: Int32, file: String, line: Int32, title: String?, published: ZonedDateTime?,
        updated: ZonedDateTime?, source: String?, section: String?, dateline: String?, captions: [String],
        text: String, isASCII: Bool, words: Int32, notes: [String], paragraphs: Range<Int32> = 0..<0,
        links: Range<Int32> = 0..<0, mentions: Range<Int32> = 0..<0, quotes: Range<Int32> = 0..<0,
        dates: Range<Int32> = 0..<0
    ) {
        self.labels = labels
        self.keyEnd = keyEnd
        self.title = title
        self.file = file
        self.line = line
        self.published = published
        self.updated = updated
        self.source = source
        self.section = section
        self.dateline = dateline
        self.captions = captions
        self.text = text
        self.isASCII = isASCII
        self.words = words
        self.notes = notes
        self.paragraphs = paragraphs
        self.links = links
        self.mentions = mentions
        self.quotes = quotes
        self.dates = dates
    }

    /// The JSON Lines `id`, or the file name without its extension.
    public var key: String { label(0..<Int(keyEnd)) }

    /// JSON Lines members Lede has no field for, as the text of a JSON object; read them with
    /// `extraFields`. Never empty: an article without them has nil.
    public var extra: String? {
        Int(keyEnd) == labels.utf8.count ? nil : label(Int(keyEnd)..<labels.utf8.count)
    }

    /// The part of `labels` between two UTF-8 offsets, which lie between characters.
    private func label(_ range: Range<Int>) -> String {
        var labels = labels  // withUTF8 needs a variable; a native string is not copied
        return labels.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The extra JSON Lines members, in the order they appeared.
    public var extraFields: [(key: String, value: JSONValue)] {
        guard var text = extra else { return [] }
        let parsed = text.withUTF8 { try? JSONParser.parse($0) }
        guard case .object(let members)? = parsed else { return [] }
        return members
    }

    /// The IANA zone of the publication date, or its offset when no zone was given.
    public var timezone: String? {
        guard let published else { return nil }
        return published.zone ?? published.offsetText
    }
}

/// A paragraph of an article's body.
public struct Paragraph: Sendable {
    public var article: ArticleID
    /// 0-based position in the article.
    public var index: Int32
    /// UTF-8 offsets into the article's text.
    public var textRange: Range<Int32>
    public var sentences: Range<Int32>

    public init(article: ArticleID, index: Int32, textRange: Range<Int32>, sentences: Range<Int32>) {
        self.article = article
        self.index = index
        self.textRange = textRange
        self.sentences = sentences
    }
}

/// A sentence of a paragraph, as UTF-8 offsets into its article's text.
public struct Sentence: Sendable {
    public var paragraph: ParagraphID
    public var textRange: Range<Int32>

    public init(paragraph: ParagraphID, textRange: Range<Int32>) {
        self.paragraph = paragraph
        self.textRange = textRange
    }
}

/// A related-article link printed in the body ("Related News: …").
public struct Link: Sendable {
    public var article: ArticleID
    /// The line that introduced it, as written: "Related News", "Read More".
    public var label: String
    public var title: String
    /// The article of the corpus with this title, if there is one.
    public var target: ArticleID?

    public init(article: ArticleID, label: String, title: String, target: ArticleID? = nil) {
        self.article = article
        self.label = label
        self.title = title
        self.target = target
    }
}
