/// The data model as the language sees it: every type, its fields, their types and meanings.
///
/// The one source of truth for the checker, the suggestions in error messages, tab
/// completion, `.schema` and `.help`.
public enum Schema {
    public struct FieldSpec: Sendable {
        public var field: Field
        public var name: String
        public var type: ValueType
        public var summary: String
    }

    public static func fields(of type: ObjectType) -> [FieldSpec] {
        switch type {
        case .article: specs(ArticleField.self, Field.article)
        case .paragraph: specs(ParagraphField.self, Field.paragraph)
        case .entity: specs(EntityField.self, Field.entity)
        case .mention: specs(MentionField.self, Field.mention)
        case .quote: specs(QuoteField.self, Field.quote)
        case .link: specs(LinkField.self, Field.link)
        case .dateReference: specs(DateReferenceField.self, Field.dateReference)
        case .hit: specs(HitField.self, Field.hit)
        case .cooccurrence: specs(CooccurrenceField.self, Field.cooccurrence)
        }
    }

    public static func field(_ name: String, of type: ObjectType) -> FieldSpec? {
        fields(of: type).first { $0.name == name }
    }

    private static func specs<F: FieldDescribing>(_: F.Type, _ wrap: (F) -> Field) -> [FieldSpec] {
        F.allCases.map { FieldSpec(field: wrap($0), name: $0.rawValue, type: $0.type, summary: $0.summary) }
    }

    /// What a row of each type is, in one line.
    public static func summary(of type: ObjectType) -> String {
        switch type {
        case .article: "a news story: its metadata, body and everything extracted from it"
        case .paragraph: "a paragraph of an article's body"
        case .entity: "a person, organization or place, one per name across the corpus"
        case .mention: "one place in an article's text that names an entity"
        case .quote: "a quotation and who said it"
        case .link: "a related-article link printed in a body (\"Related News: …\")"
        case .dateReference: "a date an article talks about, resolved against its publication date"
        case .hit: "an article found by search, with its relevance"
        case .cooccurrence: "an entity that appears in the same articles as the input entities"
        }
    }

    /// The columns shown for rows of this type when no `select` chooses them.
    public static func defaultColumns(of type: ObjectType) -> [String] {
        switch type {
        case .article: ["id", "title", "published", "source"]
        case .paragraph: ["article.id", "index", "text"]
        case .entity: ["name", "kind", "count"]
        case .mention: ["entity", "text", "form", "article.id"]
        case .quote: ["speaker", "text"]
        case .link: ["label", "title", "article"]
        case .dateReference: ["text", "date", "precision"]
        case .hit: ["article.id", "article.title", "score", "snippet"]
        case .cooccurrence: ["entity", "articles", "mentions"]
        }
    }

    /// How a collection's rows are typed and what they are.
    public static func summary(of collection: Collection) -> String {
        switch collection {
        case .articles: "every article, in corpus order"
        case .paragraphs: "every paragraph of every article"
        case .entities: "every person, organization and place"
        case .mentions: "every mention of an entity"
        case .quotes: "every quotation"
        case .links: "every related-article link"
        case .dates: "every date the articles talk about"
        }
    }
}

/// A field of one of the row types, resolved by the checker so the evaluator never looks a
/// name up again.
public enum Field: Sendable, Hashable {
    case article(ArticleField)
    case paragraph(ParagraphField)
    case entity(EntityField)
    case mention(MentionField)
    case quote(QuoteField)
    case link(LinkField)
    case dateReference(DateReferenceField)
    case hit(HitField)
    case cooccurrence(CooccurrenceField)
}

protocol FieldDescribing: CaseIterable, RawRepresentable where RawValue == String {
    var type: ValueType { get }
    var summary: String { get }
}

private let strings = ValueType.list(.string)

public enum ArticleField: String, CaseIterable, Sendable, FieldDescribing {
    case id, key, file, title, published, updated, timezone, source, section, dateline, captions
    case paragraphs, text, words, related, entities, mentions, quotes, dates, notes, extra

    var type: ValueType {
        switch self {
        case .id, .words: .int
        case .key, .file, .title, .timezone, .source, .section, .dateline, .text: .string
        case .published, .updated: .datetime
        case .captions, .notes: strings
        case .paragraphs: .list(.object(.paragraph))
        case .related: .list(.object(.link))
        case .entities: .list(.object(.entity))
        case .mentions: .list(.object(.mention))
        case .quotes: .list(.object(.quote))
        case .dates: .list(.object(.dateReference))
        case .extra: .any
        }
    }

    var summary: String {
        switch self {
        case .id: "position in the corpus, from 1, in file path order"
        case .key: "the JSON Lines id, or the file name without its extension"
        case .file: "the file it came from, relative to the corpus folder"
        case .title: "the headline (the standfirst line of a seed file)"
        case .published: "when it was published, in the zone it was written in"
        case .updated: "when it was last updated, if it says"
        case .timezone: "the IANA zone of the publication date (Asia/Tehran)"
        case .source: "who published it (Iran Press, Reuters)"
        case .section: "the section it ran in (Asia)"
        case .dateline: "the place of a wire dateline (\"TOKYO, March 3 -\"), else null"
        case .captions: "image captions, repeats removed"
        case .paragraphs: "the paragraphs of the body"
        case .text: "the body: paragraphs joined by a blank line"
        case .words: "how many words the body has"
        case .related: "related-article links printed in the body"
        case .entities: "the entities it mentions, most mentioned first"
        case .mentions: "its entity mentions, in text order"
        case .quotes: "its quotations"
        case .dates: "the dates it talks about"
        case .notes: "what the loader cleaned up or doubted"
        case .extra: "JSON Lines keys without a field of their own (extra.topics)"
        }
    }
}

public enum ParagraphField: String, CaseIterable, Sendable, FieldDescribing {
    case article, index, text, sentences, mentions

    var type: ValueType {
        switch self {
        case .article: .object(.article)
        case .index: .int
        case .text: .string
        case .sentences: strings
        case .mentions: .list(.object(.mention))
        }
    }

    var summary: String {
        switch self {
        case .article: "the article it belongs to"
        case .index: "its position in the article, from 0"
        case .text: "its text"
        case .sentences: "its sentences"
        case .mentions: "the entity mentions in it"
        }
    }
}

public enum EntityField: String, CaseIterable, Sendable, FieldDescribing {
    case id, name, kind, aliases, roles, country, mentions, articles, count

    var type: ValueType {
        switch self {
        case .id, .count: .int
        case .name, .kind, .country: .string
        case .aliases, .roles: strings
        case .mentions: .list(.object(.mention))
        case .articles: .list(.object(.article))
        }
    }

    var summary: String {
        switch self {
        case .id: "position among the entities, from 1, in order of first mention"
        case .name: "the canonical name (Steven Mnuchin)"
        case .kind: "\"person\", \"organization\" or \"place\""
        case .aliases: "other names it goes by (Mnuchin)"
        case .roles: "titles seen next to it (US Treasury Secretary)"
        case .country: "for a place, the country it lies in; a country's own name for a country"
        case .mentions: "every mention of it"
        case .articles: "the articles that mention it"
        case .count: "how many mentions it has"
        }
    }
}

public enum MentionField: String, CaseIterable, Sendable, FieldDescribing {
    case entity, article, paragraph, sentence, start, end, text, form

    var type: ValueType {
        switch self {
        case .entity: .object(.entity)
        case .article: .object(.article)
        case .paragraph: .object(.paragraph)
        case .sentence, .text, .form: .string
        case .start, .end: .int
        }
    }

    var summary: String {
        switch self {
        case .entity: "the entity it names"
        case .article: "the article it is in"
        case .paragraph: "the paragraph it is in"
        case .sentence: "the sentence it is in"
        case .start: "where it starts in article.text, in Unicode scalars from 0"
        case .end: "where it ends in article.text (exclusive)"
        case .text: "the words as written (Trump's → Trump)"
        case .form: "\"name\", \"alias\" or \"adjective\" (North Korean)"
        }
    }
}

public enum QuoteField: String, CaseIterable, Sendable, FieldDescribing {
    case text, speaker, attribution, article, paragraph

    var type: ValueType {
        switch self {
        case .text, .attribution: .string
        case .speaker: .object(.entity)
        case .article: .object(.article)
        case .paragraph: .object(.paragraph)
        }
    }

    var summary: String {
        switch self {
        case .text: "the quoted words, without the quotation marks"
        case .speaker: "who said it, if known"
        case .attribution: "the words naming the speaker (US Treasury Secretary Steven Mnuchin said)"
        case .article: "the article it is in"
        case .paragraph: "the paragraph it opens in"
        }
    }
}

public enum LinkField: String, CaseIterable, Sendable, FieldDescribing {
    case label, title, article, origin

    var type: ValueType {
        switch self {
        case .label, .title: .string
        case .article, .origin: .object(.article)
        }
    }

    var summary: String {
        switch self {
        case .label: "the words that introduce it (Related News, Read More)"
        case .title: "the linked headline"
        case .article: "the article of the corpus with that headline, else null"
        case .origin: "the article whose body prints the link"
        }
    }
}

public enum DateReferenceField: String, CaseIterable, Sendable, FieldDescribing {
    case text, date, end, precision, article, sentence

    var type: ValueType {
        switch self {
        case .text, .precision, .sentence: .string
        case .date, .end: .date
        case .article: .object(.article)
        }
    }

    var summary: String {
        switch self {
        case .text: "the words as written (June 12, last week)"
        case .date: "the first day it means, resolved against the publication date"
        case .end: "the last day it means (for a month, a year or a span)"
        case .precision: "\"day\", \"month\", \"year\" or \"span\""
        case .article: "the article it is in"
        case .sentence: "the sentence it is in"
        }
    }
}

public enum HitField: String, CaseIterable, Sendable, FieldDescribing {
    case article, score, snippet

    var type: ValueType {
        switch self {
        case .article: .object(.article)
        case .score: .float
        case .snippet: .string
        }
    }

    var summary: String {
        switch self {
        case .article: "the matching article"
        case .score: "BM25 relevance; higher is more relevant"
        case .snippet: "words around the first match, matches in [brackets]"
        }
    }
}

public enum CooccurrenceField: String, CaseIterable, Sendable, FieldDescribing {
    case entity, articles, mentions

    var type: ValueType {
        switch self {
        case .entity: .object(.entity)
        case .articles, .mentions: .int
        }
    }

    var summary: String {
        switch self {
        case .entity: "an entity found in the same articles"
        case .articles: "how many articles it shares with the input entities"
        case .mentions: "how often it is mentioned in those articles"
        }
    }
}
