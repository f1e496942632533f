extension NewsExtractor {
    /// The extractor and the hash of its gazetteer data. Changes to its rules are caught by the
    /// snapshot key's build of Lede.
    public var identity: String {
        let hex = String(gazetteerDataHash, radix: 16)
        return "news extractor, gazetteer " + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
