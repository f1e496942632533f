import Foundation

/// Which text fields a search looks in.
public enum SearchField: Sendable, CaseIterable, CustomStringConvertible {
    case title
    case text

    public var description: String {
        switch self {
        case .title: "title"
        case .text: "text"
        }
    }
}

/// An article that matches a search, with its BM25 relevance.
public struct SearchHit: Sendable, Equatable {
    public var article: ArticleID
    public var score: Double
}

/// Full-text search over the articles' titles and texts.
///
/// A word matches an article when either field holds it; a phrase must lie within one field.
/// Scores are BM25 (k1 = 1.2, b = 0.75) over the title and text taken together, the way
/// SQLite FTS5 ranks a table with both columns; higher is more relevant.
public struct SearchIndex: Sendable {
    var title: InvertedIndex
    var text: InvertedIndex

    static let k1 = 1.2
    static let b = 0.75

    init(title: InvertedIndex, text: InvertedIndex) {
        self.title = title
        self.text = text
    }

    /// The matching articles, most relevant first (ties in corpus order).
    public func search(_ query: SearchQuery, in field: SearchField? = nil) -> [SearchHit] {
        // Each item is looked up once: its documents decide the matches, then score them.
        let positive = positiveOccurrences(query, in: field)
        let matches = evaluate(query, positive: positive, in: field)
        guard !matches.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: matches.count)
        let documents = Double(text.documentCount)
        let averageLength = max(1, averageLength(in: field))
        // In the order of `query.positiveItems`.
        for itemMatches in positive.joined() {
            guard !itemMatches.isEmpty else { continue }
            let n = Double(itemMatches.count)
            let idf = log((documents - n + 0.5) / (n + 0.5) + 1)
            var j = 0
            for (i, document) in matches.documents.enumerated() {
                while j < itemMatches.count && itemMatches.documents[j] < document { j += 1 }
                guard j < itemMatches.count, itemMatches.documents[j] == document else { continue }
                let tf = Double(itemMatches.frequencies[j])
                let length = Double(length(of: Int(document), in: field))
                scores[i] += idf * tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
            }
        }
        var hits = zip(matches.documents, scores).map { SearchHit(article: ArticleID(rawValue: $0), score: $1) }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.article < $1.article }
        return hits
    }

    /// How many articles match, without ranking them.
    public func count(_ query: SearchQuery, in field: SearchField? = nil) -> Int {
        evaluate(query, in: field).count
    }

    /// The matching articles in corpus order.
    public func articles(matching query: SearchQuery, in field: SearchField? = nil) -> [ArticleID] {
        evaluate(query, in: field).documents.map { ArticleID(rawValue: $0) }
    }

    /// Articles whose text holds `phrase` (its terms in a row), in corpus order: lets a
    /// `contains` filter skip articles that cannot match.
    public func candidates(containing phrase: String, in field: SearchField) -> [ArticleID]? {
        let terms = TermTokenizer.terms(of: phrase)
        guard !terms.isEmpty else { return nil }
        return occurrences(of: SearchQuery.Item(terms: terms), in: field).documents.map { ArticleID(rawValue: $0) }
    }

    /// Bytes both fields' indexes hold.
    public var memoryFootprint: Int { title.memoryFootprint + text.memoryFootprint }

    /// Distinct terms and posting bytes in both fields.
    public var statistics: (terms: Int, postingBytes: Int) {
        (title.termCount + text.termCount, title.postingBytes + text.postingBytes)
    }

    // MARK: Matching

    private func evaluate(_ query: SearchQuery, in field: SearchField?) -> DocumentMatches {
        evaluate(query, positive: positiveOccurrences(query, in: field), in: field)
    }

    /// The documents of each alternative of each clause that is not excluded.
    private func positiveOccurrences(_ query: SearchQuery, in field: SearchField?) -> [[DocumentMatches]] {
        query.clauses.filter { !$0.excluded }.map { occurrences(of: $0, in: field) }
    }

    /// The documents of each of the clause's alternatives.
    private func occurrences(of clause: SearchQuery.Clause, in field: SearchField?) -> [DocumentMatches] {
        clause.alternatives.map { occurrences(of: $0, in: field) }
    }

    /// The documents that match `query`, given the `positiveOccurrences` of its items.
    private func evaluate(_ query: SearchQuery, positive: [[DocumentMatches]], in field: SearchField?) -> DocumentMatches {
        var result: DocumentMatches?
        // Intersect the rarest clauses first.
        let clauses = positive.map(Self.union).sorted { $0.count < $1.count }
        for matches in clauses {
            result = result.map { $0.intersection(matches) } ?? matches
            if result?.isEmpty == true { return DocumentMatches() }
        }
        guard var result else { return DocumentMatches() }
        for clause in query.clauses where clause.excluded {
            result = result.subtracting(Self.union(occurrences(of: clause, in: field)))
        }
        return result
    }

    /// The documents of a clause: those of any of its alternatives.
    private static func union(_ alternatives: [DocumentMatches]) -> DocumentMatches {
        alternatives.reduce(DocumentMatches()) { $0.union($1) }
    }

    /// Documents holding the item, with how often it occurs in the searched fields together.
    private func occurrences(of item: SearchQuery.Item, in field: SearchField?) -> DocumentMatches {
        switch field {
        case .title: return Self.occurrences(of: item.terms, in: title)
        case .text: return Self.occurrences(of: item.terms, in: text)
        case nil: return Self.occurrences(of: item.terms, in: title).union(Self.occurrences(of: item.terms, in: text))
        }
    }

    private static func occurrences(of terms: [String], in index: InvertedIndex) -> DocumentMatches {
        if terms.count == 1 {
            return index.withPostings(of: terms[0]) { cursor in
                DocumentMatches(atMost: cursor.maximumDocuments) { matches in
                    while cursor.next() { matches.append(cursor.document, Int32(cursor.frequency)) }
                }
            } ?? DocumentMatches()
        }
        return phraseOccurrences(of: terms, in: index)
    }

    /// Documents where the terms occur at consecutive positions.
    private static func phraseOccurrences(of terms: [String], in index: InvertedIndex) -> DocumentMatches {
        // Hold every term's postings open at once; a missing term means no match.
        var ids: [Int32] = []
        for term in terms {
            guard let id = index.terms.id(of: term) else { return DocumentMatches() }
            ids.append(id)
        }
        return index.withPostings(of: ids) { cursors in
            // A document holding the phrase holds each of its terms.
            let limit = cursors.lazy.map(\.maximumDocuments).min() ?? 0
            return DocumentMatches(atMost: limit) { matches in
                var positions: [[UInt32]] = Array(repeating: [], count: cursors.count)
                // Walk the first term's documents and bring the others up to each.
                outer: while cursors[0].next() {
                    let document = cursors[0].document
                    for k in 1..<cursors.count {
                        guard cursors[k].advance(to: document) else { break outer }
                        guard cursors[k].document == document else { continue outer }
                    }
                    for k in 0..<cursors.count { cursors[k].positions(into: &positions[k]) }
                    var count: Int32 = 0
                    for start in positions[0] {
                        var found = true
                        for k in 1..<positions.count where !sortedContains(positions[k], start &+ UInt32(k)) {
                            found = false
                            break
                        }
                        if found { count += 1 }
                    }
                    if count > 0 { matches.append(document, count) }
                }
            }
        }
    }

    private static func sortedContains(_ values: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < values.count && values[low] == value
    }

    private func length(of document: Int, in field: SearchField?) -> Int32 {
        switch field {
        case .title: title.documentLengths[document]
        case .text: text.documentLengths[document]
        case nil: title.documentLengths[document] + text.documentLengths[document]
        }
    }

    private func averageLength(in field: SearchField?) -> Double {
        switch field {
        case .title: title.averageDocumentLength
        case .text: text.averageDocumentLength
        case nil: title.averageDocumentLength + text.averageDocumentLength
        }
    }
}

/// Documents in ascending order, each with a frequency.
///
/// Each is written once, into arrays sized for the most it can hold (`init(atMost:)`): a
/// search makes several, one per field and item, and growing them by appending took as long
/// as reading the postings.
struct DocumentMatches {
    private(set) var documents: [Int32] = []
    private(set) var frequencies: [Int32] = []

    var count: Int { documents.count }
    var isEmpty: Bool { documents.isEmpty }

    init() {}

    /// The matches `body` writes, at most `limit` of them, in ascending order.
    init(atMost limit: Int, _ body: (inout Writer) -> Void) {
        var frequencies: [Int32] = []
        documents = Array(unsafeUninitializedCapacity: limit) { documentSlots, documentCount in
            frequencies = Array(unsafeUninitializedCapacity: limit) { frequencySlots, frequencyCount in
                var writer = Writer(documents: documentSlots, frequencies: frequencySlots)
                body(&writer)
                frequencyCount = writer.count
            }
            documentCount = frequencies.count
        }
        self.frequencies = frequencies
    }

    /// Appends matches to the arrays `init(atMost:)` makes; never more than their capacity.
    struct Writer {
        fileprivate let documents: UnsafeMutableBufferPointer<Int32>
        fileprivate let frequencies: UnsafeMutableBufferPointer<Int32>
        private(set) var count = 0

        fileprivate init(documents: UnsafeMutableBufferPointer<Int32>, frequencies: UnsafeMutableBufferPointer<Int32>) {
            self.documents = documents
            self.frequencies = frequencies
        }

        /// Adds a match; a match past the capacity is dropped (callers size it to hold all).
        @inline(__always)
        mutating func append(_ document: Int32, _ frequency: Int32) {
            guard count < documents.count else { return }
            documents[count] = document
            frequencies[count] = frequency
            count += 1
        }
    }

    /// Documents in either, frequencies added.
    func union(_ other: DocumentMatches) -> DocumentMatches {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return DocumentMatches(atMost: count + other.count) { result in
            var i = 0
            var j = 0
            while i < count || j < other.count {
                if j == other.count || (i < count && documents[i] < other.documents[j]) {
                    result.append(documents[i], frequencies[i])
                    i += 1
                } else if i == count || other.documents[j] < documents[i] {
                    result.append(other.documents[j], other.frequencies[j])
                    j += 1
                } else {
                    result.append(documents[i], frequencies[i] + other.frequencies[j])
                    i += 1
                    j += 1
                }
            }
        }
    }

    /// Documents in both, frequencies added.
    func intersection(_ other: DocumentMatches) -> DocumentMatches {
        DocumentMatches(atMost: min(count, other.count)) { result in
            var i = 0
            var j = 0
            while i < count && j < other.count {
                if documents[i] < other.documents[j] { i += 1 }
                else if other.documents[j] < documents[i] { j += 1 }
                else {
                    result.append(documents[i], frequencies[i] + other.frequencies[j])
                    i += 1
                    j += 1
                }
            }
        }
    }

    /// Documents in this one and not in `other`.
    func subtracting(_ other: DocumentMatches) -> DocumentMatches {
        DocumentMatches(atMost: count) { result in
            var j = 0
            for i in 0..<count {
                while j < other.count && other.documents[j] < documents[i] { j += 1 }
                if j < other.count && other.documents[j] == documents[i] { continue }
                result.append(documents[i], frequencies[i])
            }
        }
    }
}
