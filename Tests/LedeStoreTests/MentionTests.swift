@testable import LedeStore
import Testing

/// A mention keeps its form in the spare bits of its end offset; each field must read back
/// as written, whatever the others hold.
@Suite struct MentionTests {
    @Test func everyFormAndRangeReadsBackAsWritten() {
        let ranges: [Range<Int32>] = [0..<0, 3..<9, 0..<(Mention.offsetLimit - 1), (64 << 20)..<(64 << 20) + 17]
        for form in MentionForm.allCases {
            for range in ranges {
                var mention = Mention(
                    entity: EntityID(rawValue: Int32.max), article: ArticleID(rawValue: 7), sentence: SentenceID(rawValue: 9),
                    textRange: range, form: form)
                #expect(mention.textRange == range && mention.form == form)
                #expect(mention.entity.rawValue == Int32.max && mention.article.rawValue == 7 && mention.sentence.rawValue == 9)
                mention.form = .adjective
                #expect(mention.textRange == range)
                mention.textRange = 5..<6
                #expect(mention.form == .adjective && mention.textRange == 5..<6)
            }
        }
        #expect(MemoryLayout<Mention>.stride == 20)
    }
}

/// The most numerous rows are laid out without padding; a field added or moved carelessly
/// shows up here before it shows up in the memory of a large corpus.
@Suite struct RowLayoutTests {
    @Test func rowsTakeNoMoreBytesThanTheirFieldsNeed() {
        #expect(MemoryLayout<Mention>.stride == 20)
        #expect(MemoryLayout<ZonedDateTime?>.size == 28)
        #expect(MemoryLayout<Article>.stride == 240)
    }
}
