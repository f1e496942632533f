import LedeStore

/// `| articles`, `| entities`, …: from rows of one type to the related rows of a collection,
/// each once, in corpus order.
struct Navigator {
    let corpus: Corpus

    func targets(of values: [Value], in collection: Collection) -> [Value] {
        // A bit a row, not a set of ids to sort: `entities | mentions` gathers a million.
        var ids = RowBits(count: corpus.rowCount(of: collection))
        for value in values { collect(value, collection, into: &ids) }
        let kind = collection.rowKind
        return ids.positions.map { Value(kind, at: $0) }
    }

    private func collect(_ value: Value, _ collection: Collection, into ids: inout RowBits) {
        switch value {
        case .article(let id): fromArticle(id, collection, &ids)
        case .hit(let hit): fromArticle(hit.article, collection, &ids)
        case .paragraph(let id): fromParagraph(id, collection, &ids)
        case .entity(let id): fromEntity(id, collection, &ids)
        case .cooccurrence(let row): fromEntity(row.entity, collection, &ids)
        case .mention(let id):
            let mention = corpus[id]
            switch collection {
            case .mentions: ids.insert(id.rawValue)
            case .articles: ids.insert(mention.article.rawValue)
            case .entities: ids.insert(mention.entity.rawValue)
            case .paragraphs: ids.insert(corpus.paragraph(of: id).rawValue)
            default: break
            }
        case .quote(let id):
            let quote = corpus[id]
            switch collection {
            case .quotes: ids.insert(id.rawValue)
            case .articles: ids.insert(quote.article.rawValue)
            case .paragraphs: ids.insert(quote.paragraph.rawValue)
            case .entities: if let speaker = quote.speaker { ids.insert(speaker.rawValue) }
            default: break
            }
        case .link(let id):
            switch collection {
            case .links: ids.insert(id.rawValue)
            case .articles: if let target = corpus[id].target { ids.insert(target.rawValue) }
            default: break
            }
        case .dateReference(let id):
            let date = corpus[id]
            switch collection {
            case .dates: ids.insert(id.rawValue)
            case .articles: ids.insert(date.article.rawValue)
            case .paragraphs: ids.insert(corpus[date.sentence].paragraph.rawValue)
            default: break
            }
        default:
            break
        }
    }

    private func fromArticle(_ id: ArticleID, _ collection: Collection, _ ids: inout RowBits) {
        let article = corpus[id]
        switch collection {
        case .articles: ids.insert(id.rawValue)
        case .paragraphs: ids.formUnion(article.paragraphs)
        case .mentions: ids.formUnion(article.mentions)
        case .quotes: ids.formUnion(article.quotes)
        case .links: ids.formUnion(article.links)
        case .dates: ids.formUnion(article.dates)
        case .entities:
            for index in article.mentions { ids.insert(corpus.mentions[Int(index)].entity.rawValue) }
        }
    }

    private func fromParagraph(_ id: ParagraphID, _ collection: Collection, _ ids: inout RowBits) {
        let paragraph = corpus[id]
        let article = corpus[paragraph.article]
        switch collection {
        case .paragraphs: ids.insert(id.rawValue)
        case .articles: ids.insert(paragraph.article.rawValue)
        case .mentions, .entities:
            for index in article.mentions where corpus.paragraph(of: MentionID(rawValue: index)) == id {
                ids.insert(collection == .mentions ? index : corpus.mentions[Int(index)].entity.rawValue)
            }
        case .quotes:
            for index in article.quotes where corpus.quotes[Int(index)].paragraph == id { ids.insert(index) }
        case .dates:
            for index in article.dates where corpus[corpus.dates[Int(index)].sentence].paragraph == id { ids.insert(index) }
        case .links:
            break
        }
    }

    private func fromEntity(_ id: EntityID, _ collection: Collection, _ ids: inout RowBits) {
        switch collection {
        case .entities: ids.insert(id.rawValue)
        case .articles: ids.formUnion(corpus.articles(of: id).lazy.map(\.rawValue))
        case .mentions: ids.formUnion(corpus.mentions(of: id).lazy.map(\.rawValue))
        case .paragraphs: ids.formUnion(corpus.mentions(of: id).lazy.map { corpus.paragraph(of: $0).rawValue })
        case .quotes:
            for article in corpus.articles(of: id) {
                for index in corpus[article].quotes where corpus.quotes[Int(index)].speaker == id { ids.insert(index) }
            }
        case .links, .dates:
            break
        }
    }
}

/// The entities that share articles with a set of entities, most shared first.
enum Cooccurrence {
    /// What is counted for one entity: the articles it shares and its mentions in them, and the
    /// last article counted, so an article counts once however often the entity appears in it.
    private struct Tally {
        var articles: Int32 = 0
        var mentions: Int32 = 0
        var lastArticle: Int32 = -1
    }

    static func rows(for entities: [EntityID], context: EvaluationContext, range: SourceRange) throws(Diagnostic) -> [CooccurrenceValue] {
        let corpus = context.corpus
        let inputs = Set(entities)
        var articles = Set<ArticleID>()
        for entity in inputs { articles.formUnion(corpus.articles(of: entity)) }
        // Counted in an array indexed by entity rather than a dictionary: an entity named in
        // thousands of articles brings hundreds of thousands of mentions, each a hash lookup
        // and a store there ("Japan" on news-100k took 24 ms).
        var tallies = [Tally](repeating: Tally(), count: corpus.entities.count)
        for input in inputs { tallies[input.index].lastArticle = .max }
        var found: [EntityID] = []
        for article in articles.sorted() {
            try context.checkCancellation(range)
            for index in corpus[article].mentions {
                let entity = corpus.mentions[Int(index)].entity
                let tally = entity.index
                // An input's last article is `.max`: it is never counted.
                guard tallies[tally].lastArticle != .max else { continue }
                if tallies[tally].mentions == 0 { found.append(entity) }
                tallies[tally].mentions += 1
                if tallies[tally].lastArticle != article.rawValue {
                    tallies[tally].lastArticle = article.rawValue
                    tallies[tally].articles += 1
                }
            }
        }
        return found.map { entity in
            let tally = tallies[entity.index]
            return CooccurrenceValue(entity: entity, articles: Int(tally.articles), mentions: Int(tally.mentions))
        }
        .sorted { ($0.articles, $0.mentions, -$0.entity.rawValue) > ($1.articles, $1.mentions, -$1.entity.rawValue) }
    }
}

extension Collection {
    /// The kind of the collection's rows.
    var rowKind: CorpusRowKind {
        switch self {
        case .articles: .article
        case .paragraphs: .paragraph
        case .entities: .entity
        case .mentions: .mention
        case .quotes: .quote
        case .links: .link
        case .dates: .dateReference
        }
    }
}

extension Corpus {
    /// How many rows `collection` has.
    func rowCount(of collection: Collection) -> Int {
        switch collection {
        case .articles: articles.count
        case .paragraphs: paragraphs.count
        case .entities: entities.count
        case .mentions: mentions.count
        case .quotes: quotes.count
        case .links: links.count
        case .dates: dates.count
        }
    }
}
