import Foundation

/// Lede's extractor for news: people, organizations and places with their roles, quotes and
/// their speakers, dates, and the wire dateline, found by gazetteers, capitalization,
/// punctuation and cue words (no statistical model).
///
/// Immutable and `Sendable`: one instance serves every loading thread; each call keeps its
/// scratch state on its own stack or in the caller's `ExtractionWorkspace`.
public struct NewsExtractor: ArticleExtractor {
    /// The gazetteer, or nil for the bundled one, which is loaded only when first used: when an
    /// article is extracted, not when a snapshot's key asks for the extractor's identity.
    private let given: Gazetteer?

    public var gazetteer: Gazetteer { given ?? .bundled }

    /// The extractor with Lede's bundled gazetteers, loaded once per process.
    public static let standard = NewsExtractor(given: nil)

    public init(gazetteer: Gazetteer) {
        self.init(given: gazetteer)
    }

    private init(given: Gazetteer?) {
        self.given = given
    }

    /// The `dataHash` of `gazetteer`, which does not load the bundled one.
    var gazetteerDataHash: UInt64 { given?.dataHash ?? Gazetteer.bundledDataHash }

    /// Loads the bundled gazetteer, when it is the one and not loaded yet.
    public func prepare() {
        _ = gazetteer
    }

    public func extract(_ article: ExtractionInput) -> ExtractionResult {
        var workspace = ExtractionWorkspace()
        return extract(article, reusing: &workspace)
    }

    public func extract(_ article: ExtractionInput, reusing workspace: inout ExtractionWorkspace) -> ExtractionResult {
        if let result = article.text.utf8.withContiguousStorageIfAvailable({ extract(article, $0, &workspace) }) {
            return result
        }
        let bytes = Array(article.text.utf8)
        return bytes.withUnsafeBufferPointer { extract(article, $0, &workspace) }
    }

    private func extract(
        _ article: ExtractionInput, _ bytes: UnsafeBufferPointer<UInt8>, _ workspace: inout ExtractionWorkspace
    ) -> ExtractionResult {
        var result = ExtractionResult()
        // Read once: the bundled gazetteer sits behind a lazily started global.
        let gazetteer = self.gazetteer
        let text = ArticleText(bytes: bytes, input: article, gazetteer: gazetteer, workspace: &workspace)
        guard !text.tokens.isEmpty else { return result }

        // Room enough for most articles, so the candidates are allocated once.
        var recognizer = EntityRecognizer(
            text: text, candidates: workspace.takeCandidates(reserving: 8 + text.tokens.count / 8), atoms: workspace.takeAtoms())
        let dateline = DatelineFinder.find(text)
        for sentence in text.sentences.indices { recognizer.recognize(sentence: sentence) }
        var (candidates, atoms) = recognizer.finish()
        workspace.atoms = atoms
        if let dateline {
            candidates.removeAll { $0.tokens.overlaps(dateline.tokens) }
            candidates.append(dateline)
            result.dateline = dateline.name?.string(text)
        }
        Coreference.resolve(&candidates, text, maps: &workspace.coreference)
        let names = candidates.map { candidate in
            candidate.name?.string(text) ?? text.string(Coreference.byteRange(candidate, text))
        }

        result.mentions.reserveCapacity(candidates.count)
        let placeMentionsWithCountry = candidates.count { $0.kind == .place && $0.country != nil }
        result.countries = Dictionary(minimumCapacity: placeMentionsWithCountry)
        var countryNames: [String] = []
        countryNames.reserveCapacity(placeMentionsWithCountry)
        for (candidate, name) in zip(candidates, names) {
            let range = Coreference.byteRange(candidate, text)
            let key = EntityKey(name: name, kind: candidate.kind)
            let form: MentionForm = candidate.adjective ? .adjective : (Self.spells(name, bytes[range]) ? .name : .alias)
            result.mentions.append(
                ExtractedMention(
                    entity: key, range: range, sentence: Int(text.tokens[candidate.tokens.lowerBound].sentence), form: form,
                    reason: article.explain ? candidate.reason.description : nil))
            // The first mention of a place with a country says where it lies.
            if candidate.kind == .place, let index = candidate.country, case let country = gazetteer.name(index),
                !country.isEmpty, !countryNames.contains(name)
            {
                countryNames.append(name)
                result.countries[key] = country
            }
        }
        RoleFinder.find(candidates, names, text, into: &result.roles)
        result.quotes = QuoteFinder.find(candidates, names, text, paragraphs: article.paragraphs)
        result.dates = DateResolver(published: article.published?.localDate).find(text)
        workspace.candidates = candidates
        return result
    }

    /// Whether `surface` spells `name`, ignoring the case of ASCII letters: "TOKYO" and "Tokyo"
    /// are the same name; "US" and "United States" are not.
    static func spells(_ name: String, _ surface: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard name.utf8.count == surface.count else { return false }
        if let spelled = name.utf8.withContiguousStorageIfAvailable({ spells($0, surface) }) { return spelled }
        var name = name.utf8.makeIterator()
        for x in surface {
            guard let y = name.next() else { return false }
            let folded = x | 0x20
            guard x == y || (folded == y | 0x20 && folded &- 0x61 < 26) else { return false }
        }
        return name.next() == nil
    }

    private static func spells(_ name: UnsafeBufferPointer<UInt8>, _ surface: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        for (x, y) in zip(surface, name) {
            let folded = x | 0x20
            guard x == y || (folded == y | 0x20 && folded &- 0x61 < 26) else { return false }
        }
        return true
    }
}
