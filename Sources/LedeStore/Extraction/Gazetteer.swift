import Foundation

/// The names the extractor knows: places, nationality adjectives, organizations, given names
/// and surnames, common words, titles and cue words, loaded once from the data files in
/// `Resources/Gazetteers/` and then only read.
///
/// Words and phrases are found by `WordHash`, so a lookup builds no String.
public final class Gazetteer: Sendable {
    /// A known multi- or single-word name.
    struct Phrase: Sendable {
        enum Kind: UInt8, Sendable {
            case place
            case organization
            /// A nationality adjective or plural: a mention of `name`, a place.
            case demonym
        }

        var kind: Kind
        /// Index into `names` of the canonical name.
        var name: Int32
        /// Index into `names` of the country, for places and demonyms.
        var country: Int32
        var placeType: PlaceType
        /// Also a common word or a person's name: trusted only where capitals mean something.
        var ambiguous: Bool
        /// Written in capitals ("US", "NATO"): matches only capitals.
        var acronym: Bool
        /// Words in the phrase.
        var length: UInt8
    }

    enum PlaceType: UInt8, Sendable {
        case country, region, city, none
    }

    struct Word: Sendable {
        var info: WordInfo
        var value: UInt8
    }

    /// Grammar words, titles and cue words: small, looked up for every word.
    private let grammarTable: HashTable
    /// The entries of `grammarTable`, after an empty one for the words it does not hold.
    private let grammarEntries: [Word]
    /// Given names and the first words of phrases: looked up for capitalized words only.
    private let nameTable: HashTable
    private let nameEntries: [Word]
    private let commonWords: WordFilter
    private let surnames: WordFilter
    private let phrasePrefixes: WordFilter
    private let phraseTable: HashTable
    let phrases: [Phrase]
    /// Canonical names and countries, each held once.
    let names: [String]
    /// The most words in any phrase.
    let longestPhrase: Int
    /// A hash of the data files it was built from (0 for `empty`): part of the extractor's
    /// identity, so a corpus snapshot made with other data is not reused.
    public let dataHash: UInt64

    /// A gazetteer with the grammar words alone: what the extractor falls back to when the data
    /// files are missing.
    public static var empty: Gazetteer { Gazetteer(builder: Builder()) }

    /// The gazetteer shipped with Lede, loaded on first use.
    public static let bundled: Gazetteer = {
        guard let directory = bundledFolder else { return .empty }
        return load(from: directory)
    }()

    /// The `dataHash` of `bundled`, from its files alone: a start from a snapshot needs the
    /// hash for the snapshot's key, and would otherwise build every table only to read it.
    static let bundledDataHash: UInt64 = {
        guard let directory = bundledFolder else { return Gazetteer.empty.dataHash }
        return Builder.dataHash(of: Builder.contents(of: directory))
    }()

    /// Whether the data files shipped with Lede were found (else `bundled` is `empty`).
    public static var isBundleFound: Bool { bundledFolder != nil }

    private static let bundledFolder = bundledDirectory()

    /// Loads every data file in `directory`; a missing or unreadable file is skipped.
    public static func load(from directory: URL) -> Gazetteer {
        Gazetteer(builder: Builder.load(from: directory))
    }

    init(builder: Builder) {
        var builder = builder
        builder.addVocabulary()
        grammarTable = builder.grammarTable
        grammarEntries = [Word(info: [], value: 0)] + builder.grammarEntries
        nameTable = builder.wordTable
        nameEntries = builder.wordEntries
        commonWords = builder.commonWords
        surnames = builder.surnames
        phrasePrefixes = builder.phrasePrefixes
        phraseTable = builder.phraseTable
        phrases = builder.phrases
        names = builder.names
        longestPhrase = builder.longestPhrase
        dataHash = builder.dataHash
    }

    /// Whether the data files were found: false for `empty`.
    public var isLoaded: Bool { !phrases.isEmpty }

    /// What the grammar word lists, titles and cue words say of a word: nothing for most words.
    @inline(__always)
    func word(_ hash: UInt64) -> Word {
        grammarEntries[grammarTable.position(hash)]
    }

    /// What the name lists say of a capitalized word: given name, surname, common word, the
    /// start of a phrase.
    @inline(__always)
    func nameInfo(_ hash: UInt64) -> WordInfo {
        var info: WordInfo = []
        if let index = nameTable.find(hash) { info = nameEntries[Int(index)].info }
        if commonWords.contains(hash) { info.insert(.commonWord) }
        if surnames.contains(hash) { info.insert(.surname) }
        return info
    }

    @inline(__always)
    func phrase(_ hash: UInt64) -> Phrase? {
        phraseTable.find(hash).map { phrases[Int($0)] }
    }

    func name(_ index: Int32) -> String { names[Int(index)] }

    /// Whether some phrase is longer than the words hashed to `hash` and starts with them.
    @inline(__always)
    func isPhrasePrefix(_ hash: UInt64) -> Bool { phrasePrefixes.contains(hash) }

    /// The `Gazetteers` folder of the resource bundle. `Bundle.module` is asked only once its
    /// bundle is seen beside the executable, as it ends the process when the bundle is gone;
    /// otherwise the folder is looked for beside the executable's resolved path, and failing
    /// that the extractor runs on an empty gazetteer.
    private static func bundledDirectory() -> URL? {
        let fileManager = FileManager.default
        func resourceBundle(in folder: URL) -> URL? {
            let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.first { $0.hasSuffix("_LedeStore.resources") }.map { folder.appendingPathComponent($0) }
        }
        if resourceBundle(in: Bundle.main.bundleURL) != nil,
            let folder = Bundle.module.url(forResource: "Gazetteers", withExtension: nil),
            fileManager.fileExists(atPath: folder.appendingPathComponent("places.tsv").path)
        {
            return folder
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        guard let bundle = resourceBundle(in: executable.deletingLastPathComponent()) else { return nil }
        let folder = bundle.appendingPathComponent("Gazetteers")
        return fileManager.fileExists(atPath: folder.appendingPathComponent("places.tsv").path) ? folder : nil
    }
}
