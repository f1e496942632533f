/// What a corpus snapshot records of the extractor that filled it.
///
/// A snapshot is reused only when the extractor's identity is unchanged, so an extractor must
/// change its identity whenever its output could change: a new version of its rules, other
/// gazetteer data (a hash of the data is a good part of the identity), other settings.
extension ArticleExtractor {
    /// The type's name, for an extractor without data or settings of its own.
    public var identity: String { String(reflecting: Self.self) }
}

extension NoExtraction {
    public var identity: String { "none" }
}
