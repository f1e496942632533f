import Foundation

extension Gazetteer {
    /// Reads the data files into the tables a `Gazetteer` is made of.
    struct Builder {
        var wordTable: HashTable
        var wordEntries: [Word] = []
        var grammarTable = HashTable(capacity: 3_000)
        var grammarEntries: [Word] = []
        var commonWords: WordFilter
        var surnames: WordFilter
        /// Every proper prefix of a phrase of two or more words.
        var phrasePrefixes = WordFilter(capacity: 8_000)
        var phraseTable: HashTable
        var phrases: [Phrase] = []
        var names: [String] = []
        var longestPhrase = 1
        /// XXH64 of the data files' bytes, one after another: identifies the data.
        var dataHash: UInt64 = 0
        private var nameTable: HashTable
        private var scratch: [Token] = []

        /// Tables sized for `lines` lines of data.
        init(lines: Int = 0, commonWords: Int = 0, surnames: Int = 0) {
            wordTable = HashTable(capacity: lines + 1_000)
            self.commonWords = WordFilter(capacity: commonWords)
            self.surnames = WordFilter(capacity: surnames)
            phraseTable = HashTable(capacity: lines / 2 + 100)
            nameTable = HashTable(capacity: lines / 2 + 100)
        }

        /// The files, in the order that settles a name claimed twice: the first claim wins.
        static let files = [
            "words.txt", "given-names.txt", "surnames.txt", "titles.txt", "cue-words.txt", "organizations.tsv",
            "places.tsv", "demonyms.tsv",
        ]

        /// The bytes of each of `files` in `directory`, empty for a file that does not exist.
        static func contents(of directory: URL) -> [[UInt8]] {
            files.map { file in
                FileManager.default.contents(atPath: directory.appendingPathComponent(file).path).map { data in
                    data.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }
                } ?? []
            }
        }

        /// What identifies the data: XXH64 of the files' bytes, one after another.
        static func dataHash(of contents: [[UInt8]]) -> UInt64 {
            contents.reduce(0) { XXHash64.hash($1, seed: $0) }
        }

        /// Reads every file of `directory` that exists.
        static func load(from directory: URL) -> Builder {
            let contents = contents(of: directory)
            let lines = contents.map { bytes in bytes.count { $0 == 0x0A } }
            var builder = Builder(lines: lines[1] + lines[3...].reduce(0, +), commonWords: lines[0], surnames: lines[2])
            builder.dataHash = dataHash(of: contents)
            for (file, bytes) in zip(files, contents) {
                guard let kind = File(rawValue: file) else { continue }
                bytes.withUnsafeBufferPointer { buffer in
                    switch kind {
                    case .words: DataLines.forEachWord(in: buffer) { builder.commonWords.insert($0) }
                    case .surnames: DataLines.forEachWord(in: buffer) { builder.surnames.insert($0) }
                    default: DataLines.forEach(in: buffer) { fields in builder.add(fields, from: kind, buffer) }
                    }
                }
            }
            return builder
        }

        enum File: String {
            case words = "words.txt", givenNames = "given-names.txt", surnames = "surnames.txt", titles = "titles.txt"
            case cueWords = "cue-words.txt", organizations = "organizations.tsv", places = "places.tsv"
            case demonyms = "demonyms.tsv"
        }

        /// One line of `file`.
        private mutating func add(_ fields: DataLines.Fields, from file: File, _ bytes: UnsafeBufferPointer<UInt8>) {
            func field(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[fields[index]]) }
            switch file {
            case .words: commonWords.insert(WordHash.word(bytes, fields[0]))
            case .givenNames: addWord(field(0), .givenName)
            case .surnames: surnames.insert(WordHash.word(bytes, fields[0]))
            case .titles, .cueWords: addClassLine(field(0))
            case .organizations:
                guard fields.count >= 2 else { return }
                addPhrase(field(0), Phrase(kind: .organization, name: intern(field(1)), country: -1, placeType: .none, ambiguous: false, acronym: false, length: 0))
            case .places:
                guard fields.count >= 4 else { return }
                let type: PlaceType = switch field(2).first {
                case 0x63 where fields[2].count == 7: .country  // "country"
                case 0x72: .region
                default: .city
                }
                let phrase = Phrase(
                    kind: .place, name: intern(field(1)), country: intern(field(3)), placeType: type,
                    ambiguous: fields.count > 4 && field(4).first == 0x61, acronym: false, length: 0)
                addPhrase(field(0), phrase)
            case .demonyms:
                guard fields.count >= 2 else { return }
                let place = intern(field(1))
                var country = place
                if let known = lookUp(field(1)), known.kind == .place { country = known.country }
                addPhrase(field(0), Phrase(kind: .demonym, name: place, country: country, placeType: .none, ambiguous: false, acronym: false, length: 0))
            }
        }

        /// Months, weekdays and the grammar words of `Vocabulary`.
        mutating func addVocabulary() {
            func add(_ word: String, _ info: WordInfo, _ value: UInt8 = 0) {
                let bytes = Array(word.utf8)
                bytes.withUnsafeBufferPointer { addWord($0, info, value: value) }
            }
            for (month, number) in Vocabulary.months { add(month, .month, number) }
            for (weekday, number) in Vocabulary.weekdays { add(weekday, .weekday, number) }
            for (info, words) in Vocabulary.words {
                for word in words { add(word, info) }
            }
        }

        private mutating func addWord(_ word: UnsafeBufferPointer<UInt8>, _ info: WordInfo, value: UInt8 = 0) {
            addWord(hash: WordHash.word(word, 0..<word.count), info, value: value)
        }

        /// Names go to the large table, grammar and cue words to the small one.
        private mutating func addWord(hash: UInt64, _ info: WordInfo, value: UInt8 = 0) {
            if info.isSubset(of: [.givenName, .phraseStart]) {
                Self.add(hash, info, value, to: &wordTable, &wordEntries)
            } else {
                Self.add(hash, info, value, to: &grammarTable, &grammarEntries)
            }
        }

        private static func add(_ hash: UInt64, _ info: WordInfo, _ value: UInt8, to table: inout HashTable, _ entries: inout [Word]) {
            guard let index = table.insert(hash, Int32(entries.count)) else { return }
            if Int(index) == entries.count {
                entries.append(Word(info: info, value: value))
            } else {
                entries[Int(index)].info.formUnion(info)
                if value != 0 { entries[Int(index)].value = value }
            }
        }

        /// `class: word word ...`; an organization word with a trailing period keeps it ("Inc.").
        private mutating func addClassLine(_ line: UnsafeBufferPointer<UInt8>) {
            guard let colon = line.firstIndex(of: 0x3A) else { return }
            let info: WordInfo
            switch String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self) {
            case "title": info = .title
            case "honorific": info = .honorific
            case "role": info = .role
            case "org-end": info = .organizationEnd
            case "org-start": info = .organizationStart
            case "place-end": info = .placeEnd
            case "place-start": info = .placeStart
            case "not-name": info = .notName
            case "org-prefix": info = .organizationPrefix
            case "group": info = .group
            default: return
            }
            for word in line[(colon + 1)...].split(separator: 0x20) {
                let hasPeriod = word.last == 0x2E && word.count > 1
                let bare = UnsafeBufferPointer(rebasing: hasPeriod ? word.dropLast() : word)
                addWord(bare, hasPeriod && info == .organizationEnd ? info.union(.takesPeriod) : info)
            }
        }

        private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            var hash = WordHash.seed
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* WordHash.prime }
            let index = nameTable.insert(hash, Int32(names.count)) ?? Int32(names.count)
            if Int(index) == names.count { names.append(String(decoding: bytes, as: UTF8.self)) }
            return index
        }

        private mutating func phraseHash(_ surface: UnsafeBufferPointer<UInt8>) -> UInt64? {
            scratch.removeAll(keepingCapacity: true)
            // Plain words and spaces hash directly; only names with marks need the tokenizer.
            if !surface.isEmpty, surface.allSatisfy({ Tokenizer.isASCIIAlphanumeric($0) || $0 == 0x20 }) {
                var hash: UInt64 = 0
                var start = 0
                while start < surface.count {
                    var end = start
                    while end < surface.count && surface[end] != 0x20 { end += 1 }
                    if end > start {
                        let word = WordHash.word(surface, start..<end)
                        let first = surface[start]
                        var shape: TokenShape = .word
                        if first >= 0x41 && first <= 0x5A { shape.insert(.capitalized) }
                        if end - start >= 2 && surface[start..<end].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { shape.insert(.allCaps) }
                        scratch.append(Token(start: Int32(start), end: Int32(end), hash: word, shape: shape, info: [], value: 0, sentence: 0))
                        hash = scratch.count == 1 ? word : WordHash.extend(hash, with: word)
                    }
                    start = end + 1
                }
                return scratch.isEmpty ? nil : hash
            }
            Tokenizer.tokenize(surface, 0..<surface.count, sentence: 0, gazetteer: nil, into: &scratch)
            guard let first = scratch.first else { return nil }
            var hash = first.hash
            for token in scratch.dropFirst() { hash = WordHash.extend(hash, with: token.hash) }
            return hash
        }

        private mutating func lookUp(_ surface: UnsafeBufferPointer<UInt8>) -> Phrase? {
            guard let hash = phraseHash(surface), let index = phraseTable.find(hash) else { return nil }
            return phrases[Int(index)]
        }

        private mutating func addPhrase(_ surface: UnsafeBufferPointer<UInt8>, _ phrase: Phrase) {
            guard let hash = phraseHash(surface), let first = scratch.first else { return }
            var phrase = phrase
            phrase.length = UInt8(min(scratch.count, 255))
            phrase.acronym = scratch.count == 1 && !first.shape.isDisjoint(with: [.allCaps, .dotted])
            let isName = wordTable.find(first.hash).map { wordEntries[Int($0)].info.contains(.givenName) } ?? false
            if scratch.count == 1 && phrase.kind == .organization && !phrase.acronym && (commonWords.contains(first.hash) || isName) {
                phrase.ambiguous = true
            }
            guard let index = phraseTable.insert(hash, Int32(phrases.count)), Int(index) == phrases.count else { return }
            var prefix = first.hash
            for token in scratch.dropFirst() {
                phrasePrefixes.insert(prefix)
                prefix = WordHash.extend(prefix, with: token.hash)
            }
            phrases.append(phrase)
            longestPhrase = max(longestPhrase, scratch.count)
            addWord(hash: first.hash, .phraseStart)
        }
    }
}

/// The lines of a data file, split at tabs; `#` comment lines and empty lines are skipped.
enum DataLines {
    /// The byte ranges of up to five fields of one line.
    struct Fields {
        private var ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0, 0..<0)
        private(set) var count = 0

        subscript(index: Int) -> Range<Int> {
            switch index {
            case 0: ranges.0
            case 1: ranges.1
            case 2: ranges.2
            case 3: ranges.3
            default: ranges.4
            }
        }

        mutating func append(_ range: Range<Int>) {
            switch count {
            case 0: ranges.0 = range
            case 1: ranges.1 = range
            case 2: ranges.2 = range
            case 3: ranges.3 = range
            case 4: ranges.4 = range
            default: return
            }
            count += 1
        }
    }

    /// The `WordHash.word` of each line of a one-word-per-line file, hashed as it is scanned.
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x23 {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                i += 1
                continue
            }
            let start = i
            var hash = WordHash.seed
            while i < bytes.count && bytes[i] != 0x0A {
                let byte = bytes[i]
                if byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 {
                    hash = (hash ^ 0x27) &* WordHash.prime
                    i += 3
                    continue
                }
                hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* WordHash.prime
                i += 1
            }
            if i > start { body(hash) }
            i += 1
        }
    }

    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Fields) -> Void) {
        var start = 0
        while start < bytes.count {
            var end = start
            var fields = Fields()
            var fieldStart = start
            while end < bytes.count && bytes[end] != 0x0A {
                if bytes[end] == 0x09 {
                    fields.append(fieldStart..<end)
                    fieldStart = end + 1
                }
                end += 1
            }
            fields.append(fieldStart..<end)
            if end > start && bytes[start] != 0x23 { body(fields) }
            start = end + 1
        }
    }
}
