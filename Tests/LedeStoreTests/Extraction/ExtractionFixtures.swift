import Foundation
@testable import LedeStore

/// The namespace of the extractor's tests, so `swift test --filter Extraction` runs them all.
enum Extraction {}

/// Runs the standard extractor on hand-written paragraphs, split into sentences as the loader
/// splits them.
struct Extracted {
    let text: String
    let result: ExtractionResult

    /// 2018-12-11 08:15 in Tehran (a Tuesday), the seed article's publication time.
    static let tuesday = ZonedDateTime(
        local: CivilDate(year: 2018, month: 12, day: 11) ?? CivilDate(daysSinceEpoch: 0), hour: 8, minute: 15,
        offset: 12_600, zone: "Asia/Tehran")

    init(_ paragraphs: [String], published: ZonedDateTime? = Extracted.tuesday, extractor: NewsExtractor = .standard) {
        let input = Self.input(paragraphs, published: published)
        text = input.text
        result = extractor.extract(input)
    }

    /// What the loader gives the extractor for `paragraphs`.
    static func input(_ paragraphs: [String], published: ZonedDateTime? = Extracted.tuesday) -> ExtractionInput {
        var text = paragraphs.joined(separator: "\n\n")
        var paragraphRanges: [Range<Int>] = []
        var sentences: [(paragraph: Int, range: Range<Int>)] = []
        text.withUTF8 { bytes in
            var offset = 0
            for (index, paragraph) in paragraphs.enumerated() {
                let range = offset..<(offset + paragraph.utf8.count)
                paragraphRanges.append(range)
                for sentence in SentenceSplitter.split(bytes, in: range) { sentences.append((index, sentence)) }
                offset = range.upperBound + 2
            }
        }
        return ExtractionInput(title: nil, text: text, paragraphs: paragraphRanges, sentences: sentences, published: published)
    }

    init(_ paragraph: String, published: ZonedDateTime? = Extracted.tuesday) {
        self.init([paragraph], published: published)
    }

    func slice(_ range: Range<Int>) -> String {
        text.utf8Slice(Int32(range.lowerBound)..<Int32(range.upperBound))
    }

    /// Each mention as "surface → name (kind)", in text order.
    var mentions: [String] {
        result.mentions.map { "\(slice($0.range)) → \($0.entity.name) (\($0.entity.kind))" }
    }

    func mentions(of name: String) -> [ExtractedMention] {
        result.mentions.filter { $0.entity.name == name }
    }

    /// Each date as "text = date[..end] precision".
    var dates: [String] {
        result.dates.map { date in
            let end = date.end.map { "..\($0)" } ?? ""
            return "\(slice(date.range)) = \(date.date.map { "\($0)" } ?? "nil")\(end) \(date.precision)"
        }
    }
}
