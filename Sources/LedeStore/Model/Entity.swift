/// What an entity is.
public enum EntityKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case person
    case organization
    case place

    public var description: String {
        switch self {
        case .person: "person"
        case .organization: "organization"
        case .place: "place"
        }
    }

    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.description == name }) else { return nil }
        self = kind
    }
}

/// A person, organization or place, one per canonical name and kind across the corpus. Its
/// mentions, and the articles they are in, are the corpus's to list (`Corpus.mentions(of:)`).
public struct Entity: Sendable {
    public var name: String
    public var kind: EntityKind
    /// Other names it goes by in the corpus ("Mnuchin", "U.S."), sorted.
    public var aliases: [String]
    /// Titles and appositions seen next to it ("US Treasury Secretary"), sorted.
    public var roles: [String]
    /// For a place, the country it lies in (a country's own name for a country).
    public var country: String?

    public init(name: String, kind: EntityKind, aliases: [String] = [], roles: [String] = [], country: String? = nil) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.roles = roles
        self.country = country
    }
}

/// A list of identifiers for each entity, all the lists end to end in one array. An array of
/// its own for each of tens of thousands of entities would cost an allocation and a header
/// apiece: megabytes on a large corpus.
struct EntityLists<ID: CorpusID>: Sendable {
    /// Where each entity's list starts in `ids`; one more entry marks the end.
    private let starts: [Int32]
    private let ids: [ID]

    init(starts: [Int32], ids: [ID]) {
        self.starts = starts
        self.ids = ids
    }

    /// The list of `entity`.
    subscript(entity: EntityID) -> ArraySlice<ID> {
        ids[Int(starts[entity.index])..<Int(starts[entity.index + 1])]
    }

    /// How long the list of `entity` is.
    func count(of entity: EntityID) -> Int {
        Int(starts[entity.index + 1] - starts[entity.index])
    }

    /// Bytes held, by capacity.
    var memoryFootprint: Int { starts.capacity * 4 + ids.capacity * 4 }
}

/// Each entity's mentions, and the articles they are in, in corpus order: what `Corpus` reads
/// `mentions(of:)` and `articles(of:)` from. Made from the mentions alone, so a loader that has
/// them before the rest of the corpus can make it ahead.
struct EntityMentionLists: Sendable {
    let mentions: EntityLists<MentionID>
    let articles: EntityLists<ArticleID>

    /// The lists of `mentions`, whose entities lie below `entityCount` (a mention of any other
    /// is left out). Read chunk by chunk, through buffers: this runs over every mention of the
    /// corpus twice, at the end of a load, with nothing else left to do.
    init(of mentions: ChunkedArray<Mention>, entityCount: Int) {
        // Counted first, so both arrays are made at their final size.
        var mentionStarts = [Int32](repeating: 0, count: entityCount + 1)
        var articleStarts = [Int32](repeating: 0, count: entityCount + 1)
        var lastArticles = [Int32](repeating: -1, count: entityCount)
        mentionStarts.withUnsafeMutableBufferPointer { mentionStarts in
            articleStarts.withUnsafeMutableBufferPointer { articleStarts in
                lastArticles.withUnsafeMutableBufferPointer { lastArticles in
                    mentions.forEachChunk { chunk in
                        for mention in chunk where (0..<entityCount).contains(mention.entity.index) {
                            let entity = mention.entity.index
                            mentionStarts[entity + 1] += 1
                            if lastArticles[entity] != mention.article.rawValue {
                                lastArticles[entity] = mention.article.rawValue
                                articleStarts[entity + 1] += 1
                            }
                        }
                    }
                }
                for entity in 0..<entityCount {
                    mentionStarts[entity + 1] += mentionStarts[entity]
                    articleStarts[entity + 1] += articleStarts[entity]
                }
            }
        }
        var nextMention = mentionStarts
        var nextArticle = articleStarts
        var mentionIDs = [MentionID](repeating: MentionID(rawValue: 0), count: Int(mentionStarts[entityCount]))
        var articleIDs = [ArticleID](repeating: ArticleID(rawValue: 0), count: Int(articleStarts[entityCount]))
        for index in lastArticles.indices { lastArticles[index] = -1 }
        nextMention.withUnsafeMutableBufferPointer { nextMention in
            nextArticle.withUnsafeMutableBufferPointer { nextArticle in
                lastArticles.withUnsafeMutableBufferPointer { lastArticles in
                    mentionIDs.withUnsafeMutableBufferPointer { mentionIDs in
                        articleIDs.withUnsafeMutableBufferPointer { articleIDs in
                            var index = 0
                            mentions.forEachChunk { chunk in
                                for mention in chunk {
                                    defer { index += 1 }
                                    let entity = mention.entity.index
                                    guard (0..<entityCount).contains(entity) else { continue }
                                    mentionIDs[Int(nextMention[entity])] = MentionID(index)
                                    nextMention[entity] += 1
                                    if lastArticles[entity] != mention.article.rawValue {
                                        lastArticles[entity] = mention.article.rawValue
                                        articleIDs[Int(nextArticle[entity])] = mention.article
                                        nextArticle[entity] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.mentions = EntityLists(starts: mentionStarts, ids: mentionIDs)
        self.articles = EntityLists(starts: articleStarts, ids: articleIDs)
    }
}

/// How a mention names its entity.
public enum MentionForm: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// The canonical name or a part of it ("Donald Trump", "Trump").
    case name
    /// Another name ("U.S." for United States, "UN").
    case alias
    /// A nationality adjective ("North Korean officials").
    case adjective

    public var description: String {
        switch self {
        case .name: "name"
        case .alias: "alias"
        case .adjective: "adjective"
        }
    }
}

/// One place in an article's text that names an entity.
public struct Mention: Sendable {
    public var entity: EntityID
    public var article: ArticleID
    public var sentence: SentenceID
    private var start: Int32
    /// The end of `textRange` in the low 30 bits and the form in the top two, so that a row
    /// takes 20 bytes rather than 24: there are millions of mentions. Offsets never reach
    /// `offsetLimit`, as no article longer than `CorpusLoader.maximumArticleBytes` is read
    /// and a snapshot that says otherwise is refused.
    private var endAndForm: UInt32

    /// Offsets into an article's text must stay below this to be stored.
    static let offsetLimit: Int32 = 1 << 30
    private static let endMask: UInt32 = 0x3FFF_FFFF

    public init(entity: EntityID, article: ArticleID, sentence: SentenceID, textRange: Range<Int32>, form: MentionForm) {
        self.entity = entity
        self.article = article
        self.sentence = sentence
        self.start = 0
        self.endAndForm = 0
        self.textRange = textRange
        self.form = form
    }

    /// UTF-8 offsets into the article's text, end exclusive. Its offsets in Unicode scalars
    /// (`Corpus.scalarRange(of:)`) are counted when asked for, not stored: there are millions
    /// of mentions, and nearly all texts are ASCII, where the two coincide.
    public var textRange: Range<Int32> {
        get { start..<Int32(bitPattern: endAndForm & Self.endMask) }
        set {
            // Offsets past the limit cannot occur (see `endAndForm`); clamping keeps the range valid.
            let upper = min(max(0, newValue.upperBound), Self.offsetLimit - 1)
            start = min(max(0, newValue.lowerBound), upper)
            endAndForm = endAndForm & ~Self.endMask | UInt32(upper)
        }
    }

    public var form: MentionForm {
        get { MentionForm(rawValue: UInt8(endAndForm >> 30)) ?? .name }
        set { endAndForm = endAndForm & Self.endMask | UInt32(newValue.rawValue) << 30 }
    }
}

/// A quotation and who said it.
public struct Quote: Sendable {
    public var article: ArticleID
    /// The paragraph the quotation opens in.
    public var paragraph: ParagraphID
    /// UTF-8 offsets of the quoted words (without the quotation marks) in the article's text.
    public var textRange: Range<Int32>
    public var speaker: EntityID?
    /// The words naming the speaker ("US Treasury Secretary Steven Mnuchin said").
    public var attribution: String?

    public init(
        article: ArticleID, paragraph: ParagraphID, textRange: Range<Int32>, speaker: EntityID?,
        attribution: String?
    ) {
        self.article = article
        self.paragraph = paragraph
        self.textRange = textRange
        self.speaker = speaker
        self.attribution = attribution
    }
}

/// How much of the calendar a date reference pins down.
public enum DatePrecision: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case day
    case month
    case year
    /// A stretch of time: "last week", "the first half of 2019".
    case span

    public var description: String {
        switch self {
        case .day: "day"
        case .month: "month"
        case .year: "year"
        case .span: "span"
        }
    }
}

/// A date an article talks about, resolved against its publication date.
public struct DateReference: Sendable {
    public var article: ArticleID
    public var sentence: SentenceID
    /// UTF-8 offsets of the words in the article's text.
    public var textRange: Range<Int32>
    /// The first day it covers, or nil when it could not be resolved.
    public var date: CivilDate?
    /// The last day it covers, for a month, a year or a span.
    public var end: CivilDate?
    public var precision: DatePrecision

    public init(
        article: ArticleID, sentence: SentenceID, textRange: Range<Int32>, date: CivilDate?,
        end: CivilDate?, precision: DatePrecision
    ) {
        self.article = article
        self.sentence = sentence
        self.textRange = textRange
        self.date = date
        self.end = end
        self.precision = precision
    }
}
