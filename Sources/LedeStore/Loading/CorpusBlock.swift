/// A run of consecutive articles assembled on a worker thread: text laid out, sentences split,
/// indexed and extracted. Identifiers inside a block count from zero; `CorpusBuilder` shifts
/// them when it appends the block.
struct CorpusBlock: Sendable {
    var articles: [Article] = []
    var paragraphs: [Paragraph] = []
    var sentences: [Sentence] = []
    var links: [Link] = []
    /// Mentions and quotes whose entities are indexes into `entityKeys`.
    var mentions: [Mention] = []
    var quotes: [Quote] = []
    var dates: [DateReference] = []
    /// The entities this block names, in order of first use, and what it learned of each.
    var entityKeys: [EntityKey] = []
    var entityFacts: [EntityFacts] = []
    /// Where each key is in `entityKeys`: ids given in the same order, to the key's kind (a
    /// byte) and name. A term table hashes a name in a few dozen instructions where a String
    /// key costs hundreds, and this runs for every mention. It tells names apart by their
    /// bytes, so two spellings Swift's String equality takes as one (a composed and a
    /// decomposed accent) get two ids here; `CorpusBuilder`, which looks names up in their
    /// composed form, gives them one entity.
    private var entityIndexes = TermTable(capacity: 1 << 10)
    /// The surfaces `addSurface` has added, by entity and spelling.
    private var surfaceSpellings = TermTable(capacity: 1 << 10)
    var titleIndex = IndexBlock()
    var textIndex = IndexBlock()
    var issues: [LoadIssue] = []
    var fileCount = 0
    /// Bytes of the corpus's files the block covers.
    var inputBytes = 0

    /// The block's own identifier for an entity key, added when new. Keys are hashed here,
    /// on the worker thread, so that appending the block hashes each entity once, not each
    /// mention.
    mutating func entity(_ key: EntityKey) -> EntityID {
        let index = key.withNameBytes { entityIndexes.insert($0, taggedWith: key.kind.rawValue) }
        if index == entityKeys.count {
            entityKeys.append(key)
            entityFacts.append(EntityFacts())
        }
        return EntityID(rawValue: index)
    }

    /// Adds a surface of `entity`, spelled in the text by `spelling`, to its facts; `surface`
    /// makes the String, only for a spelling the entity has not had in this block. Most
    /// mentions of an entity spell one of a few surfaces: a term table finds a spelling seen
    /// before in a few dozen instructions, where making a String and adding it to a set costs
    /// hundreds.
    mutating func addSurface(of entity: EntityID, spelledBy spelling: UnsafeBufferPointer<UInt8>, _ surface: () -> String) {
        // The key is the entity's index, four bytes, then the spelling.
        let count = surfaceSpellings.count
        let id = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 + spelling.count) { key in
            let bytes = UnsafeMutableRawBufferPointer(key)
            bytes.storeBytes(of: entity.rawValue.littleEndian, as: Int32.self)
            UnsafeMutableRawBufferPointer(rebasing: bytes[4...]).copyMemory(from: UnsafeRawBufferPointer(spelling))
            return surfaceSpellings.insert(UnsafeBufferPointer(key))
        }
        if Int(id) == count { entityFacts[entity.index].surfaces.append(surface()) }
    }

    /// The block's identifier for a key it already names.
    func existingEntity(_ key: EntityKey) -> EntityID? {
        // Through a local: a closure that reads a property of `self` copies the whole block.
        let indexes = entityIndexes
        let index = key.withNameBytes { indexes.id(of: $0, taggedWith: key.kind.rawValue) }
        return index.map { EntityID(rawValue: $0) }
    }

    /// How many rows of each kind a block holds.
    struct RowCounts {
        var articles = 0
        var paragraphs = 0
        var sentences = 0
        var links = 0
        var mentions = 0
        var quotes = 0
        var dates = 0

        /// The counts times `factor`, rounded up.
        func scaled(by factor: Double) -> RowCounts {
            func scale(_ count: Int) -> Int { Int((Double(count) * factor).rounded(.up)) }
            return RowCounts(
                articles: scale(articles), paragraphs: scale(paragraphs), sentences: scale(sentences), links: scale(links),
                mentions: scale(mentions), quotes: scale(quotes), dates: scale(dates))
        }
    }

    var rowCounts: RowCounts {
        RowCounts(
            articles: articles.count, paragraphs: paragraphs.count, sentences: sentences.count, links: links.count,
            mentions: mentions.count, quotes: quotes.count, dates: dates.count)
    }

    /// Makes room for `counts` rows, so that the arrays are not copied as they grow.
    mutating func reserveCapacity(_ counts: RowCounts) {
        articles.reserveCapacity(counts.articles)
        paragraphs.reserveCapacity(counts.paragraphs)
        sentences.reserveCapacity(counts.sentences)
        links.reserveCapacity(counts.links)
        mentions.reserveCapacity(counts.mentions)
        quotes.reserveCapacity(counts.quotes)
        dates.reserveCapacity(counts.dates)
    }

    /// What one block knows about an entity.
    struct EntityFacts: Sendable {
        /// Each spelling once (`addSurface`); two spellings may still make one surface, which
        /// the corpus's set of them joins.
        var surfaces: [String] = []
        var roles: Set<String> = []
        var country: String?
    }
}

/// Lays out and analyses drafts into a block. One per worker thread: it keeps its tokenizer's
/// caches and scratch buffers between articles.
struct BlockAssembler {
    let extractor: any ArticleExtractor
    private var tokenizer = TermTokenizer()
    private var titleIndex = IndexBlockBuilder()
    private var textIndex = IndexBlockBuilder()
    private var workspace = ExtractionWorkspace()
    /// The sentences of the paragraph being laid out.
    private var sentenceScratch: [Range<Int>] = []
    /// The size of the files the last block was read from, and the rows it made.
    private var lastBlockBytes = 0
    private var lastBlockRows = CorpusBlock.RowCounts()

    init(extractor: any ArticleExtractor) {
        self.extractor = extractor
    }

    mutating func append(_ draft: ArticleDraft, to block: inout CorpusBlock) {
        let articleID = ArticleID(block.articles.count)
        let text = draft.body.text

        // Paragraphs and sentences, as UTF-8 ranges of the joined text.
        let paragraphRanges = draft.body.paragraphRanges
        var sentenceRanges: [(paragraph: Int, range: Range<Int>)] = []
        // Room for sentences of some sixty bytes, so that the array seldom grows as it is filled.
        sentenceRanges.reserveCapacity(text.utf8.count / 64 + paragraphRanges.count)
        let firstParagraph = Int32(block.paragraphs.count)
        var mutableText = text
        mutableText.withUTF8 { bytes in
            for (index, range) in paragraphRanges.enumerated() {
                let firstSentence = Int32(block.sentences.count)
                sentenceScratch.removeAll(keepingCapacity: true)
                SentenceSplitter.split(bytes, in: range, into: &sentenceScratch)
                for sentence in sentenceScratch {
                    sentenceRanges.append((index, sentence))
                    block.sentences.append(
                        Sentence(paragraph: ParagraphID(block.paragraphs.count), textRange: Int32(sentence.lowerBound)..<Int32(sentence.upperBound)))
                }
                block.paragraphs.append(
                    Paragraph(
                        article: articleID, index: Int32(index), textRange: Int32(range.lowerBound)..<Int32(range.upperBound),
                        sentences: firstSentence..<Int32(block.sentences.count)))
            }
        }
        let paragraphs = firstParagraph..<Int32(block.paragraphs.count)

        let firstLink = Int32(block.links.count)
        for link in draft.body.links {
            block.links.append(Link(article: articleID, label: link.label, title: link.title))
        }
        let links = firstLink..<Int32(block.links.count)

        let firstSentenceOfArticle = Int32(block.sentences.count - sentenceRanges.count)
        let extraction = extractor.extract(
            ExtractionInput(
                title: draft.title, text: text, paragraphs: paragraphRanges, sentences: sentenceRanges,
                published: draft.published),
            reusing: &workspace)

        // The text's index reads most words from the tokens extraction left in the workspace.
        titleIndex.addDocument(draft.title ?? "", tokenizer: &tokenizer)
        let words = workspace.readingTokens { textIndex.addDocument(text, reading: $0, tokenizer: &tokenizer) }.words
        let recorded = record(
            extraction, text: text, id: articleID, firstParagraph: firstParagraph, firstSentence: firstSentenceOfArticle,
            in: &block)

        // The row is made in the block and completed there: a row kept in a variable and then
        // appended was copied on the way, a retain and a release for every one of its strings.
        block.articles.append(
            Article(
                key: draft.key, file: draft.file, line: Int32(draft.line), title: draft.title, published: draft.published,
                updated: draft.updated, source: draft.source, section: draft.section, captions: draft.captions,
                text: text, words: Int32(words), notes: draft.notes, extra: draft.extra))
        let row = articleID.index
        block.articles[row].paragraphs = paragraphs
        block.articles[row].links = links
        block.articles[row].mentions = recorded.mentions
        block.articles[row].quotes = recorded.quotes
        block.articles[row].dates = recorded.dates
        block.articles[row].dateline = extraction.dateline
    }

    /// Whether `text[range]` (UTF-8 offsets) is exactly `name`, compared as bytes.
    static func spells(_ name: String, in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int32>) -> Bool {
        guard name.utf8.count == range.count, range.lowerBound >= 0, Int(range.upperBound) <= text.count else { return false }
        let spelled = text[Int(range.lowerBound)..<Int(range.upperBound)]
        // A native String's bytes are read in place, without a copy of the String to call
        // `withUTF8` on: this runs for every mention.
        return name.utf8.withContiguousStorageIfAvailable { name in
            guard let a = name.baseAddress, let b = text.baseAddress else { return name.isEmpty }
            return ByteWord.equal(UnsafeRawPointer(a), UnsafeRawPointer(b + spelled.startIndex), count: name.count)
        } ?? name.utf8.elementsEqual(spelled)
    }

    /// The words a mention spells (its UTF-8 in the text) with any run of white space (a
    /// no-break space, a line break) as one space, so "Donald\u{A0}Trump" is the name "Donald
    /// Trump" and not an alias of it. Printable ASCII, as nearly every spelling is, holds no
    /// such space and is taken as it is.
    static func surface(_ spelling: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: spelling, as: UTF8.self)
        guard !spelling.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
            text.unicodeScalars.contains(where: { TextScanning.isSpace($0) && $0 != " " })
        else { return text }
        return text.split(whereSeparator: { $0.unicodeScalars.allSatisfy(TextScanning.isSpace) }).joined(separator: " ")
    }

    /// Readies the assembler and `block` for a block read from `bytes` bytes of files. The
    /// block's rows are reserved from the last block's, in proportion to the bytes and an
    /// eighth more: grown by appending, a block's twenty thousand mentions were copied some
    /// fifteen times, each time into memory touched for the first time. The indexes keep their
    /// storage from block to block, sized for the largest so far; before a block less than half
    /// the size of the last, as blocks shrink towards the corpus's end
    /// (`CorpusLoader.jsonLinesBlockBytes(remaining:)`), they let it go, so that it does not
    /// add to the peak of memory that comes then.
    mutating func startBlock(_ block: inout CorpusBlock, ofBytes bytes: Int) {
        if lastBlockBytes > 0 {
            block.reserveCapacity(lastBlockRows.scaled(by: Double(bytes) / Double(lastBlockBytes) * 1.125))
        }
        if bytes < lastBlockBytes / 2 {
            titleIndex.startNextBlock(keepingCapacity: false)
            textIndex.startNextBlock(keepingCapacity: false)
        }
        lastBlockBytes = bytes
    }

    /// Hands the block its indexes and starts the next block's.
    mutating func finish(_ block: inout CorpusBlock) {
        lastBlockRows = block.rowCounts
        block.titleIndex = titleIndex.finish()
        block.textIndex = textIndex.finish()
        titleIndex.startNextBlock()
        textIndex.startNextBlock()
    }

    /// Adds what was extracted from article `id`, whose body is `text`, to the block; returns
    /// the ranges of its mentions, quotes and dates there.
    private func record(
        _ extraction: ExtractionResult, text: String, id: ArticleID, firstParagraph: Int32, firstSentence: Int32,
        in block: inout CorpusBlock
    ) -> (mentions: Range<Int32>, quotes: Range<Int32>, dates: Range<Int32>) {
        func span(_ range: Range<Int>) -> Range<Int32> { Int32(range.lowerBound)..<Int32(range.upperBound) }
        func sentence(_ index: Int) -> SentenceID { SentenceID(rawValue: firstSentence + Int32(index)) }

        let firstMention = Int32(block.mentions.count)
        var readable = text  // withUTF8 needs a variable; a native string is not copied
        readable.withUTF8 { bytes in
            // Read in place: a mention taken out of the array is a copy, a retain and a
            // release of its name, and this runs for every mention.
            extraction.mentions.withUnsafeBufferPointer { found in
                for index in found.indices {
                    let range = span(found[index].range)
                    let entity = block.entity(found[index].entity)
                    block.mentions.append(
                        Mention(
                            entity: entity, article: id, sentence: sentence(found[index].sentence), textRange: range,
                            form: found[index].form))
                    // Most mentions spell the canonical name; only other spellings become aliases.
                    if !Self.spells(found[index].entity.name, in: bytes, range) {
                        let spelling = UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)])
                        block.addSurface(of: entity, spelledBy: spelling) { Self.surface(spelling) }
                    }
                }
            }
        }
        let mentions = firstMention..<Int32(block.mentions.count)

        // Facts about an entity the article never names are dropped.
        for (key, roles) in extraction.roles {
            guard let entity = block.existingEntity(key) else { continue }
            block.entityFacts[entity.index].roles.formUnion(roles)
        }
        for (key, country) in extraction.countries {
            guard let entity = block.existingEntity(key), block.entityFacts[entity.index].country == nil else { continue }
            block.entityFacts[entity.index].country = country
        }

        let firstQuote = Int32(block.quotes.count)
        for found in extraction.quotes {
            block.quotes.append(
                Quote(
                    article: id, paragraph: ParagraphID(rawValue: firstParagraph + Int32(found.paragraph)),
                    textRange: span(found.range), speaker: found.speaker.map { block.entity($0) },
                    attribution: found.attribution))
        }
        let quotes = firstQuote..<Int32(block.quotes.count)

        let firstDate = Int32(block.dates.count)
        for found in extraction.dates {
            block.dates.append(
                DateReference(
                    article: id, sentence: sentence(found.sentence), textRange: span(found.range), date: found.date,
                    end: found.end, precision: found.precision))
        }
        return (mentions, quotes, firstDate..<Int32(block.dates.count))
    }
}

extension EntityKey {
    /// Calls `body` with the UTF-8 of the name, read in place when the String is native.
    func withNameBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = name.utf8.withContiguousStorageIfAvailable(body) { return result }
        var name = name
        return name.withUTF8(body)
    }
}
