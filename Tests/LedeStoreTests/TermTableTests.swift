@testable import LedeStore
import Testing

/// The term table compares terms a word at a time, with overlapping reads at the end; these
/// check it against a dictionary on terms built to differ in the bytes those reads share or skip.
@Suite struct TermTableTests {
    /// Every term of every length up to 40 that differs from a base term in one byte, in each
    /// position: any byte the hash or the comparison failed to read would merge two of them.
    @Test func termsDifferingInAnyOneByteGetTheirOwnIDs() {
        var table = TermTable(capacity: 16)
        var expected: [[UInt8]: Int32] = [:]
        for length in 1...40 {
            let base = (0..<length).map { UInt8(0x61 + $0 % 26) }
            var variants = [base]
            for position in 0..<length {
                var variant = base
                variant[position] = 0x30 + UInt8(position % 10)
                variants.append(variant)
            }
            for term in variants {
                let id = term.withUnsafeBufferPointer { table.insert($0) }
                if let known = expected[term] {
                    #expect(id == known, "\(String(decoding: term, as: UTF8.self)) changed its id")
                } else {
                    #expect(id == Int32(expected.count), "\(String(decoding: term, as: UTF8.self)) was taken for another term")
                    expected[term] = id
                }
            }
        }
        #expect(table.count == expected.count)
        for (term, id) in expected {
            #expect(table.term(id) == String(decoding: term, as: UTF8.self))
            #expect(table.id(of: String(decoding: term, as: UTF8.self)) == id)
        }
    }

    /// A term is not found through a longer or shorter one that shares its bytes, nor in an
    /// empty table, and growing the table keeps every id.
    @Test func prefixesAreOtherTermsAndGrowingKeepsIDs() {
        var table = TermTable(capacity: 4)
        #expect(table.id(of: "human") == nil)
        let words = (0..<5_000).map { "w\($0)" } + ["human", "humans", "huma", "humanitarian", "humanitarians"]
        for (index, word) in words.enumerated() {
            var word = word
            #expect(word.withUTF8 { table.insert($0) } == Int32(index))
        }
        for (index, word) in words.enumerated() {
            #expect(table.id(of: word) == Int32(index))
        }
        #expect(table.id(of: "humanitaria") == nil)
        #expect(table.id(of: "hu") == nil)
        #expect(table.id(of: "") == nil)
    }

    /// A tagged term is its tag byte followed by its bytes: the same name under two tags is two
    /// terms, each found again under its own tag only, and it is the term those bytes spell.
    @Test func aTaggedTermIsItsTagThenItsBytes() {
        var table = TermTable(capacity: 4)
        func insert(_ name: String, _ tag: UInt8) -> Int32 {
            var name = name
            return name.withUTF8 { table.insert($0, taggedWith: tag) }
        }
        func find(_ name: String, _ tag: UInt8) -> Int32? {
            var name = name
            return name.withUTF8 { table.id(of: $0, taggedWith: tag) }
        }
        let names = (0..<3_000).map { "Name \($0)" } + ["", "Tokyo", "Tokyo Stock Exchange", "Bank of Tokyo-Mitsubishi"]
        for (index, name) in names.enumerated() {
            #expect(insert(name, 1) == Int32(2 * index))
            #expect(insert(name, 2) == Int32(2 * index + 1))
        }
        for (index, name) in names.enumerated() {
            #expect(find(name, 1) == Int32(2 * index))
            #expect(find(name, 2) == Int32(2 * index + 1))
            #expect(find(name, 3) == nil)
        }
        #expect(find("Toky", 1) == nil)
        #expect(find("Tokyo Stock Exchang", 1) == nil)
        let tokyo = find("Tokyo", 2)
        #expect(tokyo.map { table.term($0) } == "\u{2}Tokyo")
        #expect(table.id(of: "\u{2}Tokyo") == tokyo)
        #expect(table.id(of: "Tokyo") == nil)
    }

    /// The comparison reads every byte of short and long terms, from both sides.
    @Test func equalComparesEveryByteOfShortAndLongTerms() {
        func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            a.withUnsafeBytes { a in
                b.withUnsafeBytes { b in
                    guard let first = a.baseAddress, let second = b.baseAddress else { return false }
                    return ByteWord.equal(first, second, count: a.count)
                }
            }
        }
        for length in 1...24 {
            let term = (0..<length).map { UInt8($0 + 1) }
            #expect(equal(term, Array(term)))
            for position in 0..<length {
                var other = term
                other[position] ^= 0x40
                #expect(!equal(term, other), "a difference at byte \(position) of \(length) went unseen")
            }
        }
    }
}

/// A word read in place from the text (ASCII letters and digits, any case), with the hash the
/// tokenizer gave it, is the same term as its lowercase read from the term tokenizer's buffer.
@Suite struct LowercasingTermTableTests {
    static func insert(lowercasing word: [UInt8], into table: inout TermTable) -> Int32 {
        word.withUnsafeBufferPointer { table.insert(lowercasing: $0, wordHash: WordHash.word($0, 0..<$0.count)) }
    }

    @Test func aWordReadInPlaceIsItsLowercase() {
        var table = TermTable(capacity: 4)
        for length in 1...40 {
            let lower = (0..<length).map { UInt8(0x61 + $0 % 26) }
            let mixed = lower.enumerated().map { $0.offset % 3 == 0 ? $0.element - 0x20 : $0.element }
            let digits = (0..<length).map { UInt8(0x30 + $0 % 10) }
            let id = lower.withUnsafeBufferPointer { table.insert($0) }
            #expect(Self.insert(lowercasing: mixed, into: &table) == id, "length \(length)")
            // Added first in capitals, a word is kept in lowercase.
            let upper = lower.map { $0 - 0x20 } + [0x5A]
            let added = Self.insert(lowercasing: upper, into: &table)
            #expect(table.term(added) == String(decoding: lower + [0x7A], as: UTF8.self))
            #expect(lower.withUnsafeBufferPointer { table.id(of: $0) } == id)
            let number = Self.insert(lowercasing: digits, into: &table)
            #expect(digits.withUnsafeBufferPointer { table.insert($0) } == number)
        }
    }

    /// The hash the extraction tokenizer computes for a word as it reads it is the hash the
    /// table gives the word's lowercase, so a plain word from the text finds the term that
    /// indexing a query's words (or another block) put there.
    @Test func aPlainTokensHashFindsItsTerm() {
        var text = "The KCNA said 1500 Tons of rice reached PYONGYANG x1 A1 g7 Abc123def"
        var tokens: [Token] = []
        text.withUTF8 { bytes in Tokenizer.tokenize(bytes, 0..<bytes.count, sentence: 0, gazetteer: nil, into: &tokens) }
        var table = TermTable(capacity: 4)
        text.withUTF8 { bytes in
            for token in tokens where token.is(.plain) {
                let word = UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
                let lower = word.map { $0 | 0x20 }
                let id = lower.withUnsafeBufferPointer { table.insert($0) }
                #expect(table.insert(lowercasing: word, wordHash: token.hash) == id, "\(String(decoding: lower, as: UTF8.self))")
            }
        }
        #expect(table.count == tokens.filter { $0.is(.plain) }.count)
    }
}
