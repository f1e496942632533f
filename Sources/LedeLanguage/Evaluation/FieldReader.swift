import LedeStore

/// Reads the fields of corpus rows. Every field of the schema is answered here, in one
/// exhaustive switch per type.
struct FieldReader {
    let corpus: Corpus

    func read(_ field: Field, of value: Value) -> Value {
        switch (field, value) {
        case (.article(let f), .article(let id)): read(f, of: id)
        case (.paragraph(let f), .paragraph(let id)): read(f, of: id)
        case (.entity(let f), .entity(let id)): read(f, of: id)
        case (.mention(let f), .mention(let id)): read(f, of: id)
        case (.quote(let f), .quote(let id)): read(f, of: id)
        case (.link(let f), .link(let id)): read(f, of: id)
        case (.dateReference(let f), .dateReference(let id)): read(f, of: id)
        case (.hit(let f), .hit(let hit)): read(f, of: hit)
        case (.cooccurrence(let f), .cooccurrence(let row)): read(f, of: row)
        default: .null
        }
    }

    private func optional(_ string: String?) -> Value {
        string.map(Value.string) ?? .null
    }

    private func ids<ID: CorpusID>(_ range: Range<Int32>, _ wrap: (ID) -> Value) -> Value {
        .list(range.map { wrap(ID(rawValue: $0)) })
    }

    private func read(_ field: ArticleField, of id: ArticleID) -> Value {
        let article = corpus[id]
        switch field {
        case .id: return .int(id.index + 1)
        case .key: return .string(article.key)
        case .file: return .string(article.file)
        case .title: return optional(article.title)
        case .published: return article.published.map(Value.datetime) ?? .null
        case .updated: return article.updated.map(Value.datetime) ?? .null
        case .timezone: return optional(article.timezone)
        case .source: return optional(article.source)
        case .section: return optional(article.section)
        case .dateline: return optional(article.dateline)
        case .captions: return .list(article.captions.map(Value.string))
        case .paragraphs: return ids(article.paragraphs, Value.paragraph)
        case .text: return .string(article.text)
        case .words: return .int(Int(article.words))
        case .related: return ids(article.links, Value.link)
        case .entities: return .list(entitiesByMentions(in: article).map(Value.entity))
        case .mentions: return ids(article.mentions, Value.mention)
        case .quotes: return ids(article.quotes, Value.quote)
        case .dates: return ids(article.dates, Value.dateReference)
        case .notes: return .list(article.notes.map(Value.string))
        case .extra:
            let fields = article.extraFields
            return .record(Record(names: fields.map(\.key), values: fields.map { Value($0.value) }))
        }
    }

    /// The entities an article mentions, most mentioned first, ties in order of first mention.
    func entitiesByMentions(in article: Article) -> [EntityID] {
        var counts: [EntityID: (count: Int, first: Int32)] = [:]
        for index in article.mentions {
            let entity = corpus.mentions[Int(index)].entity
            counts[entity, default: (0, index)].count += 1
        }
        return counts.sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }.map(\.key)
    }

    private func read(_ field: ParagraphField, of id: ParagraphID) -> Value {
        let paragraph = corpus[id]
        switch field {
        case .article: return .article(paragraph.article)
        case .index: return .int(Int(paragraph.index))
        case .text: return .string(corpus.text(of: id))
        case .sentences: return .list(corpus.sentenceTexts(of: id).map(Value.string))
        case .mentions:
            let article = corpus[paragraph.article]
            return .list(article.mentions.ids(MentionID.self).filter { corpus.paragraph(of: $0) == id }.map(Value.mention))
        }
    }

    private func read(_ field: EntityField, of id: EntityID) -> Value {
        let entity = corpus[id]
        switch field {
        case .id: return .int(id.index + 1)
        case .name: return .string(entity.name)
        case .kind: return .string(entity.kind.description)
        case .aliases: return .list(entity.aliases.map(Value.string))
        case .roles: return .list(entity.roles.map(Value.string))
        case .country: return optional(entity.country)
        case .mentions: return .list(entity.mentions.map(Value.mention))
        case .articles: return .list(entity.articles.map(Value.article))
        case .count: return .int(entity.mentions.count)
        }
    }

    private func read(_ field: MentionField, of id: MentionID) -> Value {
        let mention = corpus[id]
        switch field {
        case .entity: return .entity(mention.entity)
        case .article: return .article(mention.article)
        case .paragraph: return .paragraph(corpus.paragraph(of: id))
        case .sentence: return .string(corpus.text(of: mention.sentence))
        case .start: return .int(Int(mention.start))
        case .end: return .int(Int(mention.end))
        case .text: return .string(corpus.text(of: id))
        case .form: return .string(mention.form.description)
        }
    }

    private func read(_ field: QuoteField, of id: QuoteID) -> Value {
        let quote = corpus[id]
        switch field {
        case .text: return .string(corpus.text(of: id))
        case .speaker: return quote.speaker.map(Value.entity) ?? .null
        case .attribution: return optional(quote.attribution)
        case .article: return .article(quote.article)
        case .paragraph: return .paragraph(quote.paragraph)
        }
    }

    private func read(_ field: LinkField, of id: LinkID) -> Value {
        let link = corpus[id]
        switch field {
        case .label: return .string(link.label)
        case .title: return .string(link.title)
        case .article: return link.target.map(Value.article) ?? .null
        case .origin: return .article(link.article)
        }
    }

    private func read(_ field: DateReferenceField, of id: DateReferenceID) -> Value {
        let date = corpus[id]
        switch field {
        case .text: return .string(corpus.text(of: id))
        case .date: return date.date.map(Value.date) ?? .null
        case .end: return date.end.map(Value.date) ?? .null
        case .precision: return .string(date.precision.description)
        case .article: return .article(date.article)
        case .sentence: return .string(corpus.text(of: date.sentence))
        }
    }

    private func read(_ field: HitField, of hit: HitValue) -> Value {
        switch field {
        case .article: return .article(hit.article)
        case .score: return .float(hit.score)
        case .snippet:
            let article = corpus[hit.article]
            let fromText = hit.field == .title ? nil : Snippet.make(from: article.text, matching: hit.query)
            return optional(fromText ?? article.title.flatMap { Snippet.make(from: $0, matching: hit.query) })
        }
    }

    private func read(_ field: CooccurrenceField, of row: CooccurrenceValue) -> Value {
        switch field {
        case .entity: return .entity(row.entity)
        case .articles: return .int(row.articles)
        case .mentions: return .int(row.mentions)
        }
    }
}
