import Foundation

/// Appends blocks in corpus order and builds the corpus from them: shifts identifiers, gives
/// each entity key one identifier, merges the block indexes, and resolves links.
struct CorpusBuilder {
    private var articles = ChunkedArray<Article>()
    private var paragraphs = ChunkedArray<Paragraph>()
    private var sentences = ChunkedArray<Sentence>()
    private var links = ChunkedArray<Link>()
    private var mentions = ChunkedArray<Mention>()
    private var quotes = ChunkedArray<Quote>()
    private var dates = ChunkedArray<DateReference>()
    /// Each entity's id, by its kind and the bytes of its name in Unicode's composed form
    /// (NFC): two names Swift's String equality takes as one (a composed accent and a letter
    /// with a combining one) compose to the same bytes, so they are one entity. The table
    /// numbers names in order of first appearance, which is the entities' order. It hashes a
    /// name in a few dozen instructions where a Dictionary with String keys costs hundreds, and
    /// every key of every block is looked up here.
    private var entityIDs = TermTable(capacity: 1 << 12)
    private var entityKeys: [EntityKey] = []
    private var entityFacts: [EntityFacts] = []
    private var titleIndex = InvertedIndexBuilder()
    private var textIndex = InvertedIndexBuilder()
    private var issues: [LoadIssue] = []
    private var fileCount = 0
    /// The size of the corpus's files, and how much of it the blocks so far covered: the
    /// indexes size their lists by the share read.
    private let corpusBytes: Int
    private var bytesRead = 0

    init(corpusBytes: Int = 0) {
        self.corpusBytes = corpusBytes
    }

    mutating func append(_ block: CorpusBlock) {
        let articleBase = Int32(articles.count)
        let paragraphBase = Int32(paragraphs.count)
        let sentenceBase = Int32(sentences.count)
        let linkBase = Int32(links.count)
        let mentionBase = Int32(mentions.count)
        let quoteBase = Int32(quotes.count)
        let dateBase = Int32(dates.count)
        func shift(_ range: Range<Int32>, _ base: Int32) -> Range<Int32> {
            (range.lowerBound + base)..<(range.upperBound + base)
        }

        // Rows are appended a run at a time (`ChunkedArray.append(_:transformedBy:)`): a block
        // brings tens of thousands of them.
        articles.append(block.articles) { article in
            var article = article
            article.paragraphs = shift(article.paragraphs, paragraphBase)
            article.links = shift(article.links, linkBase)
            article.mentions = shift(article.mentions, mentionBase)
            article.quotes = shift(article.quotes, quoteBase)
            article.dates = shift(article.dates, dateBase)
            return article
        }
        paragraphs.append(block.paragraphs) { paragraph in
            var paragraph = paragraph
            paragraph.article = ArticleID(rawValue: paragraph.article.rawValue + articleBase)
            paragraph.sentences = shift(paragraph.sentences, sentenceBase)
            return paragraph
        }
        sentences.append(block.sentences) { sentence in
            var sentence = sentence
            sentence.paragraph = ParagraphID(rawValue: sentence.paragraph.rawValue + paragraphBase)
            return sentence
        }
        links.append(block.links) { link in
            var link = link
            link.article = ArticleID(rawValue: link.article.rawValue + articleBase)
            return link
        }
        // Each of the block's entities is looked up once; its mentions and quotes follow.
        let entities = block.entityKeys.map { entity($0) }
        for (local, facts) in block.entityFacts.enumerated() {
            let id = entities[local].index
            entityFacts[id].surfaces.formUnion(facts.surfaces)
            entityFacts[id].roles.formUnion(facts.roles)
            if entityFacts[id].country == nil { entityFacts[id].country = facts.country }
        }
        mentions.append(block.mentions) { mention in
            var mention = mention
            mention.entity = entities[mention.entity.index]
            mention.article = ArticleID(rawValue: mention.article.rawValue + articleBase)
            mention.sentence = SentenceID(rawValue: mention.sentence.rawValue + sentenceBase)
            return mention
        }
        quotes.append(block.quotes) { quote in
            var quote = quote
            quote.article = ArticleID(rawValue: quote.article.rawValue + articleBase)
            quote.paragraph = ParagraphID(rawValue: quote.paragraph.rawValue + paragraphBase)
            quote.speaker = quote.speaker.map { entities[$0.index] }
            return quote
        }
        dates.append(block.dates) { date in
            var date = date
            date.article = ArticleID(rawValue: date.article.rawValue + articleBase)
            date.sentence = SentenceID(rawValue: date.sentence.rawValue + sentenceBase)
            return date
        }
        bytesRead += block.inputBytes
        let read = corpusBytes > 0 ? Double(bytesRead) / Double(corpusBytes) : 0
        titleIndex.append(block.titleIndex, read: read)
        textIndex.append(block.textIndex, read: read)
        issues += block.issues
        fileCount += block.fileCount
    }

    mutating func record(_ issue: LoadIssue, countingFile: Bool) {
        issues.append(issue)
        if countingFile { fileCount += 1 }
    }

    /// The identifier of an entity key, assigned in order of first appearance.
    private mutating func entity(_ key: EntityKey) -> EntityID {
        let id = EntityID(rawValue: Self.withComposedName(of: key) { entityIDs.insert($0, taggedWith: key.kind.rawValue) })
        if id.index == entityKeys.count {
            entityKeys.append(key)
            entityFacts.append(.init())
        }
        return id
    }

    /// Calls `body` with the UTF-8 of the key's name in Unicode's composed form. Nearly every
    /// name is ASCII, which is its own composed form.
    private static func withComposedName<R>(of key: EntityKey, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        key.withNameBytes { bytes in
            if ByteWord.isASCII(bytes) { return body(bytes) }
            var composed = key.name.precomposedStringWithCanonicalMapping
            return composed.withUTF8(body)
        }
    }

    /// What the blocks so far learned of an entity.
    private struct EntityFacts {
        var surfaces: Set<String> = []
        var roles: Set<String> = []
        var country: String?
    }

    consuming func build(roots: [String]) -> Corpus {
        // Memory peaks here, with the whole corpus loaded: what only appending needed goes
        // before the corpus makes the entities' lists.
        entityIDs = TermTable()
        let entities = entityKeys.enumerated().map { index, key in
            let facts = entityFacts[index]
            return Entity(
                name: key.name, kind: key.kind, aliases: facts.surfaces.subtracting([key.name]).sorted(),
                roles: facts.roles.sorted(), country: key.kind == .place ? facts.country : nil)
        }
        entityKeys = []
        entityFacts = []

        // Link titles point to the articles with the same title; only the titles some link
        // names need normalizing.
        var resolvedLinks = links
        if !links.isEmpty {
            var wanted: [String: ArticleID?] = [:]
            for link in links { wanted[LinkTitle.normalized(link.title)] = .some(nil) }
            for (index, article) in articles.enumerated() {
                guard let title = article.title else { continue }
                let key = LinkTitle.normalized(title)
                if let entry = wanted[key], entry == nil { wanted[key] = .some(ArticleID(index)) }
            }
            for index in resolvedLinks.indices {
                resolvedLinks[index].target = wanted[LinkTitle.normalized(resolvedLinks[index].title)] ?? nil
            }
        }

        return Corpus(
            roots: roots, articles: articles, paragraphs: paragraphs, sentences: sentences, entities: entities,
            mentions: mentions, quotes: quotes, links: resolvedLinks, dates: dates, issues: issues,
            fileCount: fileCount, search: SearchIndex(title: titleIndex.finish(), text: textIndex.finish()))
    }
}

/// How link titles and article titles are compared: as their index terms, so case,
/// diacritics, quotation marks, punctuation and spacing do not matter ("North Korea condemns
/// US over 'evil' push" matches "North Korea Condemns US over evil push").
enum LinkTitle {
    static func normalized(_ title: String) -> String {
        var words: [String] = []
        var tokenizer = TermTokenizer()
        var title = title
        title.withUTF8 { bytes in
            tokenizer.forEachTerm(in: bytes) { term, _ in
                words.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        return words.joined(separator: " ")
    }
}
