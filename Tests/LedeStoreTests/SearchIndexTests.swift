@testable import LedeStore
import Testing

@Suite struct SearchIndexTests {
    let corpus: Corpus

    init() throws {
        corpus = try CorpusLoader.load(Fixtures.seeds)
    }

    func count(_ query: String, in field: SearchField? = nil) throws -> Int {
        corpus.search.count(try SearchQuery(parsing: query), in: field)
    }

    @Test func foldsCaseAndPossessives() throws {
        #expect(try count("pyongyang") == 1)
        #expect(try count("PYONGYANG") == 1)
        #expect(TermTokenizer.terms(of: "Pyöngyang's Café") == ["pyongyang", "s", "cafe"])
    }

    /// The tokenizer hands ASCII terms over in place and reads others scalar by scalar; in any
    /// mix of the two, its terms and ranges are those of the rules read one scalar at a time.
    @Test func termsAndRangesFollowTheRulesInAnyMixOfScripts() {
        func reference(_ text: String) -> [String] {
            var terms: [String] = []
            var term: [UInt8] = []
            var start: Int?
            var offset = 0
            func end() {
                if let first = start, !term.isEmpty { terms.append("\(String(decoding: term, as: UTF8.self))@\(first)..<\(offset)") }
                start = nil
                term = []
            }
            for scalar in text.unicodeScalars {
                var folded: [UInt8]?
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    if (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) { folded = [byte] }
                    if (0x41...0x5A).contains(byte) { folded = [byte + 0x20] }
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    folded = []
                } else if TextScanning.isWordCharacter(scalar) {
                    folded = String(scalar).lowercased().unicodeScalars.flatMap { lower in
                        lower.canonicalDecomposition.filter { $0.properties.generalCategory != .nonspacingMark }
                            .flatMap { Array(String($0).utf8) }
                    }
                }
                if let folded {
                    if start == nil { start = offset }
                    for byte in folded where term.count < TermTokenizer.maximumTermLength { term.append(byte) }
                } else {
                    end()
                }
                offset += String(scalar).utf8.count
            }
            end()
            return terms
        }
        func tokenized(_ text: String) -> [String] {
            var tokenizer = TermTokenizer()
            var terms: [String] = []
            var text = text
            text.withUTF8 { bytes in
                tokenizer.forEachTerm(in: bytes) { term, range in
                    terms.append("\(String(decoding: term, as: UTF8.self))@\(range)")
                    return true
                }
            }
            return terms
        }
        let pieces = [
            "a", "Z", "q", "7", " ", ".", "'", "é", "É", "ö", "\u{301}", "—", "\u{A0}", "中", "ß", "İ", "-", "\n", "ﬁ",
            "Word", "news", "U.S.", "\u{1F600}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(tokenized(text) == reference(text), "\(text.debugDescription)")
        }
        for long in [String(repeating: "a", count: 300), String(repeating: "A", count: 300), String(repeating: "é", count: 200) + "x"] {
            #expect(tokenized(long + " end") == reference(long + " end"))
        }
    }

    @Test func phrasesWordsOrAndNot() throws {
        #expect(try count("\"human rights\"") == 1)
        #expect(try count("\"rights human\"") == 0)
        #expect(try count("\"double game\" OR Singapore") == 1)
        #expect(try count("sanctions -Singapore") == 0)
        #expect(try count("sanctions -Tokyo") == 1)
        #expect(try count("Tokyo OR Kyoto") == 0)
    }

    @Test func fieldsAreSearchedSeparately() throws {
        #expect(try count("Washington", in: .title) == 1)
        #expect(try count("Mnuchin", in: .title) == 0)
        #expect(try count("Mnuchin", in: .text) == 1)
        // A phrase may not straddle the end of the title and the start of the text.
        #expect(try count("\"pyongyang the\"") == 0)
    }

    @Test func hitsCarryAScoreAndSnippetsMarkMatches() throws {
        let query = try SearchQuery(parsing: "\"human rights\"")
        let hits = corpus.search.search(query)
        #expect(hits.count == 1)
        #expect(hits[0].score > 0)
        let snippet = Snippet.make(from: corpus.articles[0].text, matching: query)
        #expect(snippet == "…sponsored censorship activities, [human rights] violations and abuses, and other abuses in…")
    }

    /// Ranking agrees with matching, and each word or phrase adds to a hit's score what it
    /// scores alone: an alternative or an exclusion changes which articles match, not how the
    /// words they hold are weighed.
    @Test func rankedHitsAreTheMatchesScoredItemByItem() throws {
        let folder = try Fixtures.TemporaryFolder()
        let bodies = [
            "North Korea fired a missile, Japan said. Tokyo protested to North Korea.",
            "Japan and the United States held talks in Tokyo.",
            "Talks on North Korea opened in Beijing.",
            "Beijing and Tokyo traded goods. Korea was not discussed.",
            "Markets in London rose.",
        ]
        let lines = bodies.enumerated().map { index, body in #"{"id": "a\#(index)", "title": "Item \#(index)", "body": "\#(body)"}"# }
        try folder.write("set.jsonl", lines.joined(separator: "\n") + "\n")
        let search = try CorpusLoader.load(folder.path).search
        func hits(_ text: String) throws -> [SearchHit] { search.search(try SearchQuery(parsing: text)) }

        for text in ["\"north korea\" OR japan -beijing", "talks \"north korea\"", "korea korea", "tokyo OR london OR absent", "absent"] {
            let query = try SearchQuery(parsing: text)
            let ranked = search.search(query)
            #expect(ranked.map(\.article).sorted() == search.articles(matching: query), "\(text)")
            #expect(ranked.count == search.count(query), "\(text)")
            #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score > $1.score || ($0.score == $1.score && $0.article < $1.article) })
        }

        let phrase = Dictionary(uniqueKeysWithValues: try hits("\"north korea\"").map { ($0.article, $0.score) })
        let japan = Dictionary(uniqueKeysWithValues: try hits("japan").map { ($0.article, $0.score) })
        #expect(phrase.count == 2 && japan.count == 2)
        for hit in try hits("\"north korea\" OR japan") {
            #expect(abs(hit.score - ((phrase[hit.article] ?? 0) + (japan[hit.article] ?? 0))) < 1e-9)
        }
        // The exclusion drops article 2 (Beijing) and leaves the others' scores as they were.
        let excluding = try hits("\"north korea\" OR japan -beijing")
        #expect(excluding.map(\.article.rawValue).sorted() == [0, 1])
        for hit in excluding {
            #expect(abs(hit.score - ((phrase[hit.article] ?? 0) + (japan[hit.article] ?? 0))) < 1e-9)
        }
    }

    @Test func snippetsStopReadingOnceTheExcerptIsWhole() throws {
        let words = (1...400).map { "w\($0)" }
        // The match comes first: the excerpt runs 12 words from 3 before it, then an ellipsis,
        // though reading stopped long before the text's end.
        let early = words[..<10].joined(separator: " ") + " human rights " + words[10...].joined(separator: " ")
        #expect(Snippet.make(from: early, matching: try SearchQuery(parsing: "\"human rights\"")) == "…w8 w9 w10 [human rights] w11 w12 w13 w14 w15 w16 w17…")
        // A second phrase that begins inside the excerpt and ends just past it is still marked.
        #expect(Snippet.make(from: early, matching: try SearchQuery(parsing: "\"human rights\" \"w17 w18\"")) == "…w8 w9 w10 [human rights] w11 w12 w13 w14 w15 w16 [w17]…")
        // A later phrase that starts before an earlier-ending one: the earliest start wins.
        #expect(Snippet.make(from: "a b c d", matching: try SearchQuery(parsing: "\"a b c\" b")) == "[a b c] d")
        // The match comes last: the excerpt is the text's last 12 words.
        let late = words.joined(separator: " ") + " human rights"
        #expect(Snippet.make(from: late, matching: try SearchQuery(parsing: "\"human rights\"")) == "…w391 w392 w393 w394 w395 w396 w397 w398 w399 w400 [human rights]")
        #expect(Snippet.make(from: late, matching: try SearchQuery(parsing: "absent")) == nil)
        // Line breaks and tabs between words fold to one space.
        #expect(Snippet.make(from: "one\n\ntwo\tthree", matching: try SearchQuery(parsing: "two")) == "one [two] three")
    }

    @Test func queryErrorsSayWhereAndWhy() {
        Self.expectError("human \"rights", "unterminated phrase: add the closing '\"'", at: 6, length: 1)
        Self.expectError("OR rights", "'OR' needs a word or a phrase on each side", at: 0, length: 2)
        Self.expectError("-trump", "a search needs at least one word or phrase that is not excluded with '-'", at: 0, length: 6)
    }

    /// The lexer reads Unicode scalars; an error still counts Characters, and any Unicode
    /// space separates words.
    @Test func queryErrorsCountCharacters() throws {
        // An "ö" and an "é" written with combining marks, and a family emoji of five scalars:
        // one Character each.
        Self.expectError("Pyo\u{308}ngyang\u{3000}né 👩‍👩‍👧", "'👩‍👩‍👧' has no letters or digits to search for", at: 13, length: 1)
        Self.expectError("cafe\u{301} \"rights", "unterminated phrase: add the closing '\"'", at: 5, length: 1)
        Self.expectError("né\u{A0}OR", "'OR' needs a word or a phrase on each side", at: 3, length: 2)
        #expect(try SearchQuery(parsing: "human\u{A0}rights\u{2003}-Korea").description == "human rights -korea")
    }

    /// Parsing `query` fails with `message`, pointing at `length` Characters from `offset`.
    private static func expectError(
        _ query: String, _ message: String, at offset: Int, length: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(throws: SearchQuery.SyntaxError(message: message, offset: offset, length: length), sourceLocation: sourceLocation) {
            try SearchQuery(parsing: query)
        }
    }
}
