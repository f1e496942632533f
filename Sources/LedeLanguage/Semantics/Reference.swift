/// The language's reference in data: each source, stage and operator with its syntax, meaning
/// and a runnable example. `.help` prints it; tests run every example.
public enum Reference {
    public struct Entry: Sendable {
        public var name: String
        public var syntax: String
        public var summary: String
        public var example: String
    }

    public static let sources: [Entry] = [
        Entry(name: "articles", syntax: "articles", summary: Schema.summary(of: .articles), example: "articles | select id, title"),
        Entry(name: "paragraphs", syntax: "paragraphs", summary: Schema.summary(of: .paragraphs), example: "paragraphs | where text contains \"Singapore\" | select article.id, index"),
        Entry(name: "entities", syntax: "entities", summary: Schema.summary(of: .entities), example: "entities | sort count desc | take 5"),
        Entry(name: "mentions", syntax: "mentions", summary: Schema.summary(of: .mentions), example: "mentions | count by entity.kind"),
        Entry(name: "quotes", syntax: "quotes", summary: Schema.summary(of: .quotes), example: "quotes | select speaker.name, text"),
        Entry(name: "links", syntax: "links", summary: Schema.summary(of: .links), example: "links | select label, title"),
        Entry(name: "dates", syntax: "dates", summary: Schema.summary(of: .dates), example: "dates | sort date | select date, precision, text"),
        Entry(name: "article", syntax: "article NUMBER", summary: "one article, by its id (from 1)", example: "article 1 | select title, words"),
        Entry(name: "entity", syntax: "entity \"NAME\"", summary: "one entity, by name, alias, unique prefix or surname", example: "entity \"Mnuchin\" | select name, kind, aliases"),
        Entry(name: "search", syntax: "search \"QUERY\" [in title|text]", summary: "articles matching words, \"phrases\", OR and -exclusions, most relevant first", example: "search \"human rights\" | select article.id, score, snippet"),
    ]

    public static let stages: [Entry] = [
        Entry(name: "where", syntax: "where CONDITION", summary: "keeps the rows for which the condition is true", example: "articles | where words > 300 | select title"),
        Entry(name: "select", syntax: "select EXPR [as NAME], …", summary: "makes rows of the given columns", example: "articles | select title, len(paragraphs) as n"),
        Entry(name: "sort", syntax: "sort EXPR [asc|desc], …", summary: "orders the rows (nulls last)", example: "entities | sort count desc, name | take 5"),
        Entry(name: "take", syntax: "take N", summary: "the first N rows", example: "mentions | take 3"),
        Entry(name: "skip", syntax: "skip N", summary: "all but the first N rows", example: "mentions | skip 2 | take 2"),
        Entry(name: "count", syntax: "count [by EXPR [as NAME], …]", summary: "how many rows; with by, how many per value, most frequent first", example: "mentions | count by entity.kind"),
        Entry(name: "summarize", syntax: "summarize AGGREGATE [as NAME], … [by EXPR, …]", summary: "aggregates (count, count_distinct, sum, avg, min, max, list), per group when by is given", example: "mentions | summarize count() as n, count_distinct(entity) as entities by form"),
        Entry(name: "distinct", syntax: "distinct [EXPR [as NAME], …]", summary: "drops repeated rows (of the given columns)", example: "mentions | distinct entity.kind"),
        Entry(name: "expand", syntax: "expand LIST [as NAME]", summary: "one row per element of a list; with as, the element is bound to NAME beside the row", example: "articles | expand related as r | select r.label, r.title"),
        Entry(name: "articles", syntax: "| articles (or paragraphs, entities, mentions, quotes, links, dates)", summary: "goes from the rows to related rows of another collection, each once, in corpus order", example: "entity \"Trump\" | articles | select title"),
        Entry(name: "cooccur", syntax: "cooccur", summary: "entities that appear in the same articles as the input entities, most shared first", example: "entity \"North Korea\" | cooccur | take 5"),
    ]

    public static let operators: [Entry] = [
        Entry(name: "or", syntax: "A or B", summary: "true if either is true (null when unknown)", example: "entities | where kind == \"person\" or kind == \"place\" | count"),
        Entry(name: "and", syntax: "A and B", summary: "true if both are true", example: "articles | where words > 100 and source == \"Iran Press\" | count"),
        Entry(name: "not", syntax: "not A", summary: "true if A is false", example: "entities | where not (kind == \"person\") | count"),
        Entry(name: "==", syntax: "A == B, A != B", summary: "equal, not equal; `== null` tests for null", example: "articles | where dateline == null | count"),
        Entry(name: "<", syntax: "A < B, <=, >, >=", summary: "order of numbers, strings, dates; a date against a datetime means the start of that day in UTC", example: "articles | where published >= 2018-12-01 | count"),
        Entry(name: "contains", syntax: "A contains B", summary: "a string holds another (ignoring case), or a list holds a value", example: "entities | where aliases contains \"mnuchin\" | select name"),
        Entry(name: "startswith", syntax: "A startswith B, A endswith B", summary: "a string begins or ends with another (ignoring case)", example: "entities | where name startswith \"north\" | select name"),
        Entry(name: "matches", syntax: "A matches \"REGEX\"", summary: "a regular expression matches somewhere in the string", example: "entities | where name matches \"^K[a-z]+ \" | select name"),
        Entry(name: "in", syntax: "A in [B, C]", summary: "the value equals an element of the list", example: "entities | where kind in [\"person\", \"place\"] | count"),
        Entry(name: "+", syntax: "A + B, -, *, /, %", summary: "arithmetic; / always gives a float; + also joins strings and lists; a date plus days is a date", example: "articles | select words / 100 as hundreds"),
        Entry(name: ".", syntax: "A.FIELD, A[INDEX]", summary: "a field of a row, or of every row of a list; an element of a list (from 0, negative from the end)", example: "articles | select paragraphs[0].text"),
    ]

    /// A topic by name, among sources, stages and operators.
    public static func entry(named name: String) -> Entry? {
        (stages + sources + operators).first { $0.name == name }
    }
}
