@testable import LedeStore
import Testing

/// The set of an article's capitalized words keeps every word it is given, however many more
/// than it was sized for, and forgets them all when reset.
@Suite struct WordSetTests {
    @Test func keepsEveryWordPastItsSizeAndForgetsThemOnReset() {
        var set = WordSet()
        set.reset(expected: 1)
        let words: [UInt64] = (0..<5_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 } + [0, 1]
        for word in words { set.insert(word) }
        for word in words { set.insert(word) }
        #expect(words.allSatisfy { set.contains($0) })
        #expect(!set.contains(0x1234_5678))
        set.reset(expected: 4)
        #expect(!words.contains { set.contains($0) })
        set.insert(words[7])
        #expect(set.contains(words[7]))
        #expect(!set.contains(words[8]))
    }
}
