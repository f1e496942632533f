/// The in-memory store: every article, what was extracted from it, and the indexes over it.
///
/// Immutable once built, so any number of queries can read it from any thread. Rows refer to
/// each other by dense identifiers; text is held once, in the articles, and everything else
/// points into it with offsets.
public final class Corpus: Sendable {
    /// The files or folders it was loaded from, as given.
    public let roots: [String]
    public let articles: ChunkedArray<Article>
    public let paragraphs: ChunkedArray<Paragraph>
    public let sentences: ChunkedArray<Sentence>
    public let entities: [Entity]
    public let mentions: ChunkedArray<Mention>
    /// Each entity's mentions, in corpus order (read with `mentions(of:)`).
    let entityMentions: EntityLists<MentionID>
    /// The articles that mention each entity, in corpus order (read with `articles(of:)`).
    let entityArticles: EntityLists<ArticleID>
    public let quotes: ChunkedArray<Quote>
    public let links: ChunkedArray<Link>
    public let dates: ChunkedArray<DateReference>
    /// Files and records that were skipped, and warnings about files that loaded.
    public let issues: [LoadIssue]
    /// How many files were read (loaded or skipped).
    public let fileCount: Int
    public let search: SearchIndex
    private let publishedOrderStorage: OnFirstUse<[ArticleID]>
    private let directoryStorage: OnFirstUse<EntityDirectory>
    private let categoryStorage: [OnFirstUse<CategoryColumn>]

    /// Articles with a publication date, earliest first: a sorted column for date filters.
    public var publishedOrder: [ArticleID] { publishedOrderStorage.value }
    /// Finds entities by name, alias, prefix or surname.
    public var directory: EntityDirectory { directoryStorage.value }

    /// A category field's values, dictionary-encoded; made the first time it is asked for.
    public func categories(_ field: CategoryField) -> CategoryColumn {
        categoryStorage[field.rawValue].value
    }

    init(
        roots: [String], articles: ChunkedArray<Article>, paragraphs: ChunkedArray<Paragraph>, sentences: ChunkedArray<Sentence>, entities: [Entity],
        mentions: ChunkedArray<Mention>, quotes: ChunkedArray<Quote>, links: ChunkedArray<Link>, dates: ChunkedArray<DateReference>, issues: [LoadIssue],
        fileCount: Int, search: SearchIndex, entityLists: EntityMentionLists? = nil
    ) {
        self.roots = roots
        self.articles = articles
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.entities = entities
        self.mentions = mentions
        let lists = entityLists ?? EntityMentionLists(of: mentions, entityCount: entities.count)
        entityMentions = lists.mentions
        entityArticles = lists.articles
        self.quotes = quotes
        self.links = links
        self.dates = dates
        self.issues = issues
        self.fileCount = fileCount
        self.search = search
        self.publishedOrderStorage = OnFirstUse {
            articles.indices
                .filter { articles[$0].published != nil }
                .sorted { (articles[$0].published?.seconds ?? 0, $0) < (articles[$1].published?.seconds ?? 0, $1) }
                .map { ArticleID($0) }
        }
        let entityMentions = entityMentions
        self.directoryStorage = OnFirstUse { EntityDirectory(entities, mentions: entityMentions) }
        // In the order of the cases, so a field's raw value is its place.
        self.categoryStorage = CategoryField.allCases.map { field in OnFirstUse { CategoryColumn(field, of: articles) } }
    }

    /// An empty corpus, for a session that has not loaded one.
    public convenience init(roots: [String] = []) {
        self.init(
            roots: roots, articles: ChunkedArray(), paragraphs: ChunkedArray(), sentences: ChunkedArray(), entities: [],
            mentions: ChunkedArray(), quotes: ChunkedArray(), links: ChunkedArray(), dates: ChunkedArray(), issues: [],
            fileCount: 0,
            search: SearchIndex(title: InvertedIndex(), text: InvertedIndex()))
    }

    // MARK: Rows by identifier

    @inlinable public subscript(id: ArticleID) -> Article { _read { yield articles[id.index] } }
    @inlinable public subscript(id: ParagraphID) -> Paragraph { _read { yield paragraphs[id.index] } }
    @inlinable public subscript(id: SentenceID) -> Sentence { _read { yield sentences[id.index] } }
    @inlinable public subscript(id: EntityID) -> Entity { _read { yield entities[id.index] } }
    /// The mentions of an entity, in corpus order.
    public func mentions(of entity: EntityID) -> ArraySlice<MentionID> { entityMentions[entity] }
    /// The articles that mention an entity, in corpus order.
    public func articles(of entity: EntityID) -> ArraySlice<ArticleID> { entityArticles[entity] }
    /// How often an entity is mentioned.
    public func mentionCount(of entity: EntityID) -> Int { entityMentions.count(of: entity) }
    @inlinable public subscript(id: MentionID) -> Mention { _read { yield mentions[id.index] } }
    @inlinable public subscript(id: QuoteID) -> Quote { _read { yield quotes[id.index] } }
    @inlinable public subscript(id: LinkID) -> Link { _read { yield links[id.index] } }
    @inlinable public subscript(id: DateReferenceID) -> DateReference { _read { yield dates[id.index] } }

    // MARK: Text

    public func text(of id: ParagraphID) -> String {
        let paragraph = self[id]
        return self[paragraph.article].text.utf8Slice(paragraph.textRange)
    }

    public func text(of id: SentenceID) -> String {
        let sentence = self[id]
        return self[self[sentence.paragraph].article].text.utf8Slice(sentence.textRange)
    }

    public func text(of id: MentionID) -> String {
        let mention = self[id]
        return self[mention.article].text.utf8Slice(mention.textRange)
    }

    public func text(of id: QuoteID) -> String {
        let quote = self[id]
        return self[quote.article].text.utf8Slice(quote.textRange)
    }

    public func text(of id: DateReferenceID) -> String {
        let date = self[id]
        return self[self.article(of: date.sentence)].text.utf8Slice(date.textRange)
    }

    /// Where a mention is in its article's text, in Unicode scalars from 0, end exclusive.
    /// Counted from the UTF-8 offsets on each call; for an ASCII text they are the same.
    public func scalarRange(of id: MentionID) -> Range<Int32> {
        let mention = self[id]
        let article = self[mention.article]
        guard !article.isASCII else { return mention.textRange }
        var scalarsBefore: Int32 = 0
        var scalarsWithin: Int32 = 0
        var offset: Int32 = 0
        for byte in article.text.utf8.prefix(Int(mention.textRange.upperBound)) {
            // Every byte but a continuation byte starts a scalar.
            if byte & 0xC0 != 0x80 {
                if offset < mention.textRange.lowerBound { scalarsBefore += 1 } else { scalarsWithin += 1 }
            }
            offset += 1
        }
        return scalarsBefore..<(scalarsBefore + scalarsWithin)
    }

    public func article(of sentence: SentenceID) -> ArticleID {
        self[self[sentence].paragraph].article
    }

    public func paragraph(of mention: MentionID) -> ParagraphID {
        self[self[mention].sentence].paragraph
    }

    /// The sentences of a paragraph, as text.
    public func sentenceTexts(of id: ParagraphID) -> [String] {
        self[id].sentences.ids(SentenceID.self).map { text(of: $0) }
    }

    /// What an extractor saw of an article when the corpus was loaded, to run it again (for
    /// example with `explain` set, to see why each span was tagged).
    public func extractionInput(for id: ArticleID, explain: Bool = false) -> ExtractionInput {
        let article = self[id]
        var sentences: [(paragraph: Int, range: Range<Int>)] = []
        var paragraphRanges: [Range<Int>] = []
        for (index, paragraphID) in article.paragraphs.ids(ParagraphID.self).enumerated() {
            let paragraph = self[paragraphID]
            paragraphRanges.append(Int(paragraph.textRange.lowerBound)..<Int(paragraph.textRange.upperBound))
            for sentence in paragraph.sentences.ids(SentenceID.self) {
                let range = self[sentence].textRange
                sentences.append((index, Int(range.lowerBound)..<Int(range.upperBound)))
            }
        }
        return ExtractionInput(
            title: article.title, text: article.text, paragraphs: paragraphRanges, sentences: sentences,
            published: article.published, explain: explain)
    }

    // MARK: Statistics

    /// An estimate of the memory each part of the store holds, largest first: array elements by
    /// their stride, strings and lists by their contents. Allocator overhead is not counted.
    public var memoryEstimate: [(part: String, bytes: Int)] {
        func rows<T>(_ array: ChunkedArray<T>) -> Int { array.count * MemoryLayout<T>.stride }
        let texts = articles.reduce(0) { total, article in
            total + article.text.utf8.count + (article.title?.utf8.count ?? 0) + article.labels.utf8.count + article.notes.reduce(0) { $0 + $1.utf8.count }
                + article.captions.reduce(0) { $0 + $1.utf8.count }
        }
        let lists = entityMentions.memoryFootprint + entityArticles.memoryFootprint
        let entityBytes = entities.reduce(entities.count * MemoryLayout<Entity>.stride + lists) { total, entity in
            total + entity.name.utf8.count
                + entity.aliases.reduce(0) { $0 + $1.utf8.count + 16 } + entity.roles.reduce(0) { $0 + $1.utf8.count + 16 }
        }
        let quoteBytes = rows(quotes) + quotes.reduce(0) { $0 + ($1.attribution?.utf8.count ?? 0) }
        let linkBytes = rows(links) + links.reduce(0) { $0 + $1.title.utf8.count + $1.label.utf8.count }
        return [
            ("article texts and titles", texts), ("word index", search.memoryFootprint), ("articles", rows(articles)),
            ("paragraphs", rows(paragraphs)), ("sentences", rows(sentences)), ("mentions", rows(mentions)),
            ("entities", entityBytes), ("quotes", quoteBytes), ("dates", rows(dates)), ("links", linkBytes),
        ].sorted { $0.1 > $1.1 }
    }

    public var wordCount: Int { articles.reduce(0) { $0 + Int($1.words) } }

    public var skippedCount: Int { issues.filter { $0.severity == .skipped }.count }
}
