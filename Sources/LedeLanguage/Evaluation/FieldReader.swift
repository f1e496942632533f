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
        switch field {
        case .id: return .int(id.index + 1)
        case .key: return .string(corpus[id].key)
        case .file: return .string(corpus[id].file)
        case .title: return optional(corpus[id].title)
        case .published: return corpus[id].published.map(Value.datetime) ?? .null
        case .updated: return corpus[id].updated.map(Value.datetime) ?? .null
        case .timezone: return optional(corpus[id].timezone)
        case .source: return optional(corpus[id].source)
        case .section: return optional(corpus[id].section)
        case .dateline: return optional(corpus[id].dateline)
        case .captions: return .list(corpus[id].captions.map(Value.string))
        case .paragraphs: return ids(corpus[id].paragraphs, Value.paragraph)
        case .text: return .string(corpus[id].text)
        case .words: return .int(Int(corpus[id].words))
        case .related: return ids(corpus[id].links, Value.link)
        case .entities: return .list(entitiesByMentions(in: corpus[id]).map(Value.entity))
        case .mentions: return ids(corpus[id].mentions, Value.mention)
        case .quotes: return ids(corpus[id].quotes, Value.quote)
        case .dates: return ids(corpus[id].dates, Value.dateReference)
        case .notes: return .list(corpus[id].notes.map(Value.string))
        case .extra:
            let fields = corpus[id].extraFields
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
        switch field {
        case .article: return .article(corpus[id].article)
        case .index: return .int(Int(corpus[id].index))
        case .text: return .string(corpus.text(of: id))
        case .sentences: return .list(corpus.sentenceTexts(of: id).map(Value.string))
        case .mentions:
            let article = corpus[corpus[id].article]
            return .list(article.mentions.ids(MentionID.self).filter { corpus.paragraph(of: $0) == id }.map(Value.mention))
        }
    }

    private func read(_ field: EntityField, of id: EntityID) -> Value {
        switch field {
        case .id: return .int(id.index + 1)
        case .name: return .string(corpus[id].name)
        case .kind: return .string(corpus[id].kind.description)
        case .aliases: return .list(corpus[id].aliases.map(Value.string))
        case .roles: return .list(corpus[id].roles.map(Value.string))
        case .country: return optional(corpus[id].country)
        case .mentions: return .list(corpus.mentions(of: id).map(Value.mention))
        case .articles: return .list(corpus.articles(of: id).map(Value.article))
        case .count: return .int(corpus.mentionCount(of: id))
        }
    }

    private func read(_ field: MentionField, of id: MentionID) -> Value {
        switch field {
        case .entity: return .entity(corpus[id].entity)
        case .article: return .article(corpus[id].article)
        case .paragraph: return .paragraph(corpus.paragraph(of: id))
        case .sentence: return .string(corpus.text(of: corpus[id].sentence))
        case .start: return .int(Int(corpus.scalarRange(of: id).lowerBound))
        case .end: return .int(Int(corpus.scalarRange(of: id).upperBound))
        case .text: return .string(corpus.text(of: id))
        case .form: return .string(corpus[id].form.description)
        }
    }

    private func read(_ field: QuoteField, of id: QuoteID) -> Value {
        switch field {
        case .text: return .string(corpus.text(of: id))
        case .speaker: return corpus[id].speaker.map(Value.entity) ?? .null
        case .attribution: return optional(corpus[id].attribution)
        case .article: return .article(corpus[id].article)
        case .paragraph: return .paragraph(corpus[id].paragraph)
        }
    }

    private func read(_ field: LinkField, of id: LinkID) -> Value {
        switch field {
        case .label: return .string(corpus[id].label)
        case .title: return .string(corpus[id].title)
        case .article: return corpus[id].target.map(Value.article) ?? .null
        case .origin: return .article(corpus[id].article)
        }
    }

    private func read(_ field: DateReferenceField, of id: DateReferenceID) -> Value {
        switch field {
        case .text: return .string(corpus.text(of: id))
        case .date: return corpus[id].date.map(Value.date) ?? .null
        case .end: return corpus[id].end.map(Value.date) ?? .null
        case .precision: return .string(corpus[id].precision.description)
        case .article: return .article(corpus[id].article)
        case .sentence: return .string(corpus.text(of: corpus[id].sentence))
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
