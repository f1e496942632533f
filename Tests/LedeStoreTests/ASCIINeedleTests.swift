@testable import LedeStore
import Testing

/// `ASCIINeedle` compares eight places at once and then one at a time near the end of the text:
/// it must find exactly what a byte-by-byte search that folds ASCII capitals finds, wherever
/// the needle is and however long the text.
@Suite struct ASCIINeedleTests {
    /// The plain search it stands in for.
    static func naive(_ needle: String, in text: String) -> Bool {
        func fold(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        let n = needle.utf8.map(fold)
        let t = text.utf8.map(fold)
        guard n.count <= t.count else { return false }
        return (0...(t.count - n.count)).contains { start in t[start..<(start + n.count)].elementsEqual(n) }
    }

    static func found(_ needle: String, in text: String) -> Bool? {
        guard let prepared = ASCIINeedle(needle) else { return nil }
        var text = text
        return text.withUTF8 { prepared.isFound(in: $0) }
    }

    /// A repeatable stream of numbers (a linear congruential generator).
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Letters of both cases, the bytes next to them that or-ing 0x20 would move (`@`, `[`,
    /// `` ` ``, `{`), white space, punctuation, digits and a non-ASCII letter.
    static let pieces = ["a", "b", "z", "q", "A", "B", "Z", "Q", "e", "E", " ", "\n", ",", ".", "@", "[", "`", "{", "1", "é", "-"]

    @Test func findsWhatAByteByByteSearchFinds() {
        var numbers = Numbers(state: 7)
        for _ in 0..<3_000 {
            let length = numbers.next(40)
            let text = (0..<length).map { _ in Self.pieces[numbers.next(Self.pieces.count)] }.joined()
            var needles: [String] = []
            // Pieces of the text itself, in the text's case and in the other.
            let bytes = Array(text.utf8)
            if bytes.count > 0 {
                let start = numbers.next(bytes.count)
                let end = min(bytes.count, start + 1 + numbers.next(12))
                let piece = String(decoding: bytes[start..<end], as: UTF8.self)
                needles += [piece, piece.uppercased(), piece.lowercased()]
            }
            // And needles made up at random, most of them absent.
            needles.append((0...numbers.next(6)).map { _ in Self.pieces[numbers.next(Self.pieces.count)] }.joined())
            for needle in needles where needle.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(Self.found(needle, in: text) == Self.naive(needle, in: text), "\(needle.debugDescription) in \(text.debugDescription)")
            }
        }
    }

    @Test func findsTheNeedleAtEveryPlaceOfALongText() {
        let filler = String(repeating: "x", count: 70)
        for place in 0...filler.count {
            var text = filler
            text.insert(contentsOf: "Oil Prices", at: text.index(text.startIndex, offsetBy: place))
            #expect(Self.found("oil prices", in: text) == true, "at \(place)")
            #expect(Self.found("oil pricez", in: text) == false, "at \(place)")
        }
    }

    /// Or-ing 0x20 turns `@` into `` ` `` and `[` into `{`: only letters may be folded.
    @Test func foldsLettersAndNothingElse() {
        #expect(Self.found("`", in: "mail@example") == false)
        #expect(Self.found("@", in: "a `quoted` word") == false)
        #expect(Self.found("{x}", in: "[X]") == false)
        #expect(Self.found("[x]", in: "[X]") == true)
        #expect(Self.found("ab1", in: "xxAB1") == true)
        #expect(Self.found("caf", in: "CAFÉ") == true)
    }

    @Test func needlesItCannotTake() {
        #expect(ASCIINeedle("") == nil)
        #expect(ASCIINeedle("café") == nil)
        #expect(Self.found("longer than the text", in: "short") == false)
        #expect(Self.found("x", in: "") == false)
    }
}
