/// An article field that holds a short label shared by many articles: where it came from, its
/// section, its time zone.
public enum CategoryField: Int, CaseIterable, Sendable {
    case source, section, timezone

    func value(of article: Article) -> String? {
        switch self {
        case .source: article.source
        case .section: article.section
        case .timezone: article.timezone
        }
    }
}

/// A category field, dictionary-encoded: each distinct value once, and for each article the
/// number of its value. Grouping by such a field counts into an array instead of hashing a
/// string for every row.
public struct CategoryColumn: Sendable {
    /// The distinct values, in order of first appearance; nil stands for an absent value.
    public let values: [String?]
    /// For each article, in corpus order, the index of its value in `values`.
    public let codes: [UInt32]

    init(_ field: CategoryField, of articles: ChunkedArray<Article>) {
        var values: [String?] = []
        var lookup: [String?: UInt32] = [:]
        var codes: [UInt32] = []
        codes.reserveCapacity(articles.count)
        // Neighbouring articles usually share a value: compare with the last one before hashing.
        var last: (value: String?, code: UInt32)?
        for article in articles {
            let value = field.value(of: article)
            if let last, last.value == value {
                codes.append(last.code)
                continue
            }
            let code: UInt32
            if let known = lookup[value] {
                code = known
            } else {
                code = UInt32(values.count)
                lookup[value] = code
                values.append(value)
            }
            codes.append(code)
            last = (value, code)
        }
        self.values = values
        self.codes = codes
    }
}
