@testable import LedeStore
import Testing

/// Indexing reads most words from the extraction tokenizer's tokens: it must find exactly the
/// terms, at exactly the ranges, that reading the whole text finds, whatever the tokens are.
@Suite struct SharedTermsTests {
    /// Each term as (lowercase, range), read from the text alone or with `tokens`.
    static func terms(of text: String, tokens: [Token]?) -> [String] {
        var tokenizer = TermTokenizer()
        var found: [String] = []
        var text = text
        text.withUTF8 { bytes in
            guard let tokens else {
                tokenizer.forEachTerm(in: bytes) { term, range in
                    found.append("\(String(decoding: term, as: UTF8.self))@\(range)")
                    return true
                }
                return
            }
            tokens.withUnsafeBufferPointer { tokens in
                var previousEnd: Int?
                tokenizer.forEachTerm(in: bytes, reading: tokens) { term, range, wordHash, spaceBefore in
                    let folded = wordHash != nil ? term.map { $0 | 0x20 } : Array(term)
                    found.append("\(String(decoding: folded, as: UTF8.self))@\(range)")
                    // What it says of the white space before a term, it says right.
                    let gap = String(decoding: UnsafeBufferPointer(rebasing: bytes[(previousEnd ?? 0)..<range.lowerBound]), as: UTF8.self)
                    #expect(spaceBefore == gap.unicodeScalars.contains(where: TextScanning.isSpace), "\(gap.debugDescription)")
                    previousEnd = range.upperBound
                    return true
                }
            }
        }
        return found
    }

    /// The extractor's tokens of `text`, read as sentences that end at `cuts`.
    static func tokens(of text: String, cuts: [Int] = []) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in cuts.filter({ $0 > 0 && $0 < bytes.count }) + [bytes.count] where end > start {
                Tokenizer.tokenize(bytes, start..<end, sentence: 0, gazetteer: nil, into: &tokens)
                start = end
            }
        }
        return tokens
    }

    static let texts = [
        "The U.S. and Japan's 3MB, 1,500 New York-based KCNA's HUMAN rights x1 A1 G7 o'clock.",
        "Pyöngyang’s “Kim” e\u{301}t x\u{301}abc \u{301}abc Zürich—Genève 12:30 a.m. ½ ²",
        "word" + String(repeating: "a", count: 300) + " short " + String(repeating: "B", count: 255) + " end",
        "tab\tline\nbreak\u{A0}nbsp  double  space...dots!!!end",
        "\u{2003} leading em space, then\u{A0}a\u{301}\u{A0}\u{301}marks\u{2028}",
        "vertical\u{0B}tab form\u{0C}feed return\r\nline comma,joined comma, spaced (parens) \"quoted\" x -- y",
        "",
        "—",
        "abc",
    ]

    @Test func tokensGiveTheTermsTheTextGives() {
        for text in Self.texts {
            let expected = Self.terms(of: text, tokens: nil)
            #expect(Self.terms(of: text, tokens: Self.tokens(of: text)) == expected, "\(text)")
            #expect(Self.terms(of: text, tokens: []) == expected)
        }
    }

    /// Sentences that cut a word in two give tokens that are not whole words: they are read
    /// from the text instead.
    @Test func wordsCutBySentenceEndsAreReadFromTheText() {
        for text in Self.texts {
            let count = text.utf8.count
            var tokenizer = TermTokenizer()
            var plain = IndexBlockBuilder()
            let expected = Self.terms(of: text, tokens: nil)
            let expectedCounts = plain.addDocument(text, tokenizer: &tokenizer)
            for cut in stride(from: 1, to: count, by: 3) {
                let tokens = Self.tokens(of: text, cuts: [cut, cut + 2])
                #expect(Self.terms(of: text, tokens: tokens) == expected, "\(text) cut at \(cut)")
                var shared = IndexBlockBuilder()
                #expect(tokens.withUnsafeBufferPointer { shared.addDocument(text, reading: $0, tokenizer: &tokenizer) } == expectedCounts, "\(text) cut at \(cut)")
            }
        }
    }

    /// Tokens out of order, or past the text's end, are ignored rather than trusted.
    @Test func tokensOutOfOrderOrOutOfRangeAreIgnored() {
        let text = "alpha beta gamma"
        let tokens = Self.tokens(of: text)
        var shuffled = Array(tokens.reversed())
        var beyond = tokens[0]
        beyond.start = 100
        beyond.end = 104
        shuffled.append(beyond)
        #expect(Self.terms(of: text, tokens: shuffled) == Self.terms(of: text, tokens: nil))
    }

    /// Through the block builder: the same postings and word counts as without tokens.
    @Test func anIndexBuiltFromTokensIsTheSame() {
        var tokenizer = TermTokenizer()
        var plain = IndexBlockBuilder()
        var shared = IndexBlockBuilder()
        for text in Self.texts {
            let tokens = Self.tokens(of: text)
            let counts = tokens.withUnsafeBufferPointer { shared.addDocument(text, reading: $0, tokenizer: &tokenizer) }
            #expect(counts == plain.addDocument(text, tokenizer: &tokenizer))
        }
        let terms = Set(Self.texts.flatMap { TermTokenizer.terms(of: $0) })
        #expect(IndexBuilderTests().postings(in: shared.finish(), of: terms) == IndexBuilderTests().postings(in: plain.finish(), of: terms))
    }
}

extension SharedTermsTests {
    /// The workspace hands an article's tokens on once: an extractor that does not tokenize
    /// the next article leaves none, rather than the last one's.
    @Test func theWorkspaceHandsOnAnArticlesTokensOnce() {
        var workspace = ExtractionWorkspace()
        let input = Extracted.input(["Japan's Finance Minister met U.S. officials in Tokyo on Monday."])
        _ = NewsExtractor.standard.extract(input, reusing: &workspace)
        let words = workspace.readingTokens { tokens in tokens.filter { $0.is(.plain) }.count }
        #expect(words == 9)
        _ = NoExtraction().extract(input, reusing: &workspace)
        #expect(workspace.readingTokens { $0.count } == 0)
    }
}
