@testable import LedeStore
import Testing

/// A column's count is checked against the bytes left behind it, not counting its own.
@Suite struct SnapshotDecoderTests {
    func column(_ count: Int64, then values: [Int64]) -> Result<[Int64], SnapshotError> {
        var encoder = SnapshotEncoder()
        encoder.append(count)
        for value in values { encoder.append(value) }
        return encoder.bytes.withUnsafeBytes { raw in
            var decoder = SnapshotDecoder(raw, section: .key)
            return Result { () throws(SnapshotError) in try decoder.column(Int64.self) }
        }
    }

    @Test func aColumnThatFitsIsRead() throws {
        #expect(try column(2, then: [7, 9]).get() == [7, 9])
        #expect(try column(0, then: []).get() == [])
    }

    /// Two values claimed where one follows: the second would be read past the end (the
    /// address sanitizer caught this when a damaged snapshot's count was checked against the
    /// bytes before its count).
    @Test func aCountLargerThanTheBytesBehindItIsCorrupt() {
        #expect(throws: SnapshotError.self) { try column(2, then: [7]).get() }
        #expect(throws: SnapshotError.self) { try column(1, then: []).get() }
        #expect(throws: SnapshotError.self) { try column(-1, then: [7]).get() }
    }
}
