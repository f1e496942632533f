@testable import LedeLanguage
import Testing

/// The bitmap navigation and `distinct` keep rows in: each position once, read back in order,
/// with room made for positions past the count it was made for.
@Suite struct RowBitsTests {
    @Test func holdsEachPositionOnceInOrder() {
        var bits = RowBits(count: 100)
        let added = [bits.insert(70), bits.insert(3), bits.insert(70)]
        #expect(added == [true, true, false])
        bits.formUnion([64, 63, 0, 3])
        let past = bits.insert(1_000)
        #expect(past)
        #expect(bits.positions == [0, 3, 63, 64, 70, 1_000])
        #expect(RowBits(count: 0).positions.isEmpty)
    }
}
