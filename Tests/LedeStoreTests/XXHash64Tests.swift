@testable import LedeStore
import Testing

@Suite struct XXHash64Tests {
    /// The reference implementation's values (xxhsum -H1; python-xxhash's README).
    @Test func matchesTheReferenceValues() {
        #expect(XXHash64.hash("") == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash("Nobody inspects the spammish repetition") == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test func everyLengthAndSeedGivesItsOwnValue() {
        let text = Array("The quick brown fox jumps over the lazy dog, then naps for a while.".utf8)
        let hashes = (0...text.count).map { XXHash64.hash(Array(text.prefix($0))) }
        #expect(Set(hashes).count == hashes.count)
        #expect(XXHash64.hash(text, seed: 1) != XXHash64.hash(text))
    }
}
