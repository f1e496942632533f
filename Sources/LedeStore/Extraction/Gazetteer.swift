import Foundation

/// The names the extractor knows: places, nationality adjectives, organizations, given names
/// and surnames, common words, titles and cue words, loaded once from the data files in
/// `Resources/Gazetteers/` and then only read.
///
/// Words and phrases are found by `WordHash`, so a lookup builds no String.
public struct Gazetteer: Sendable {
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

    private var wordTable: HashTable
    private var wordEntries: [Word]
    private var commonWords: WordFilter
    private var surnames: WordFilter
    private var phraseTable: HashTable
    private(set) var phrases: [Phrase]
    /// Canonical names and countries, each held once.
    private(set) var names: [String]
    /// The most words in any phrase.
    private(set) var longestPhrase: Int

    /// A gazetteer with the grammar words alone: what the extractor falls back to when the data
    /// files are missing.
    public static var empty: Gazetteer { Gazetteer(builder: Builder()) }

    /// The gazetteer shipped with Lede, loaded on first use.
    public static let bundled: Gazetteer = {
        guard let directory = bundledDirectory() else { return .empty }
        return load(from: directory)
    }()

    /// Loads every data file in `directory`; a missing or unreadable file is skipped.
    public static func load(from directory: URL) -> Gazetteer {
        Gazetteer(builder: Builder.load(from: directory))
    }

    init(builder: Builder) {
        var builder = builder
        builder.addVocabulary()
        wordTable = builder.wordTable
        wordEntries = builder.wordEntries
        commonWords = builder.commonWords
        surnames = builder.surnames
        phraseTable = builder.phraseTable
        phrases = builder.phrases
        names = builder.names
        longestPhrase = builder.longestPhrase
    }

    /// Whether the data files were found: false for `empty`.
    public var isLoaded: Bool { !phrases.isEmpty }

    @inline(__always)
    func word(_ hash: UInt64) -> Word? {
        wordTable.find(hash).map { wordEntries[Int($0)] }
    }

    /// What the large word lists say of a capitalized word: common word, surname.
    @inline(__always)
    func listedInfo(_ hash: UInt64) -> WordInfo {
        var info: WordInfo = []
        if commonWords.contains(hash) { info.insert(.commonWord) }
        if surnames.contains(hash) { info.insert(.surname) }
        return info
    }

    @inline(__always)
    func phrase(_ hash: UInt64) -> Phrase? {
        phraseTable.find(hash).map { phrases[Int($0)] }
    }

    func name(_ index: Int32) -> String { names[Int(index)] }

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
