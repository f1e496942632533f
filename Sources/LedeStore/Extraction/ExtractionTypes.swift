/// The contract between the corpus builder and an extractor.
///
/// An extractor sees one article at a time (on any thread) and reports spans as UTF-8 offsets
/// into the article's text; the builder turns them into corpus-wide entities, mentions, quotes
/// and dates with Unicode scalar offsets. Entities are identified by canonical name and kind:
/// the same key in two articles is the same entity.
public protocol ArticleExtractor: Sendable {
    func extract(_ article: ExtractionInput) -> ExtractionResult
    /// Names the extractor and the data it uses; a corpus snapshot is reused only by an
    /// extractor with the same identity. The default is in `ArticleExtractor+Identity.swift`.
    var identity: String { get }
    /// The same result as `extract(_:)`, with scratch memory taken from `workspace`, which the
    /// caller keeps for its next article on the same thread.
    func extract(_ article: ExtractionInput, reusing workspace: inout ExtractionWorkspace) -> ExtractionResult
    /// Does now the work the extractor otherwise does before its first article, once per
    /// process (loading its data), so that timing a corpus's load leaves it out. By default
    /// there is none.
    func prepare()
}

extension ArticleExtractor {
    public func extract(_ article: ExtractionInput, reusing workspace: inout ExtractionWorkspace) -> ExtractionResult {
        extract(article)
    }

    public func prepare() {}
}

/// What an extractor sees of one article.
public struct ExtractionInput: Sendable {
    public var title: String?
    /// The body: paragraphs joined by a blank line.
    public var text: String
    /// UTF-8 ranges of the paragraphs in `text`.
    public var paragraphs: [Range<Int>]
    /// UTF-8 ranges of the sentences in `text`, in order, with the paragraph each is in.
    public var sentences: [(paragraph: Int, range: Range<Int>)]
    /// The publication date, which relative dates ("on Monday") are resolved against.
    public var published: ZonedDateTime?
    /// When true, the extractor fills in `ExtractedMention.reason`.
    public var explain: Bool

    public init(
        title: String?, text: String, paragraphs: [Range<Int>], sentences: [(paragraph: Int, range: Range<Int>)],
        published: ZonedDateTime?, explain: Bool = false
    ) {
        self.title = title
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.published = published
        self.explain = explain
    }
}

/// Identifies an entity across the corpus.
public struct EntityKey: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var kind: EntityKind

    public init(name: String, kind: EntityKind) {
        self.name = name
        self.kind = kind
    }

    public var description: String { "\(name) (\(kind))" }
}

public struct ExtractedMention: Sendable, Equatable {
    public var entity: EntityKey
    /// UTF-8 range in the article's text.
    public var range: Range<Int>
    /// Index into `ExtractionInput.sentences`.
    public var sentence: Int
    public var form: MentionForm
    /// Why the span was tagged, when `ExtractionInput.explain` was set.
    public var reason: String?

    public init(entity: EntityKey, range: Range<Int>, sentence: Int, form: MentionForm, reason: String? = nil) {
        self.entity = entity
        self.range = range
        self.sentence = sentence
        self.form = form
        self.reason = reason
    }
}

public struct ExtractedQuote: Sendable, Equatable {
    /// UTF-8 range of the quoted words, without the quotation marks.
    public var range: Range<Int>
    /// Index into `ExtractionInput.paragraphs` of the paragraph the quote opens in.
    public var paragraph: Int
    public var speaker: EntityKey?
    public var attribution: String?

    public init(range: Range<Int>, paragraph: Int, speaker: EntityKey?, attribution: String?) {
        self.range = range
        self.paragraph = paragraph
        self.speaker = speaker
        self.attribution = attribution
    }
}

public struct ExtractedDate: Sendable, Equatable {
    /// UTF-8 range of the words that name the date.
    public var range: Range<Int>
    /// Index into `ExtractionInput.sentences`.
    public var sentence: Int
    public var date: CivilDate?
    public var end: CivilDate?
    public var precision: DatePrecision

    public init(range: Range<Int>, sentence: Int, date: CivilDate?, end: CivilDate?, precision: DatePrecision) {
        self.range = range
        self.sentence = sentence
        self.date = date
        self.end = end
        self.precision = precision
    }
}

/// Everything extracted from one article.
public struct ExtractionResult: Sendable {
    /// In text order.
    public var mentions: [ExtractedMention] = []
    public var quotes: [ExtractedQuote] = []
    public var dates: [ExtractedDate] = []
    /// Titles and appositions seen next to an entity in this article.
    public var roles: [EntityKey: [String]] = [:]
    /// The country each place mentioned lies in.
    public var countries: [EntityKey: String] = [:]
    /// The canonical name of the place in a wire dateline ("TOKYO, March 3 -").
    public var dateline: String?

    public init() {}
}

/// An extractor that finds nothing: for corpora loaded with extraction turned off.
public struct NoExtraction: ArticleExtractor {
    public init() {}
    public func extract(_ article: ExtractionInput) -> ExtractionResult { ExtractionResult() }
}
