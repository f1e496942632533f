import Foundation
@testable import LedeStore
import Testing

/// An article keeps its key and extra members in one string; each reads back as given.
@Suite struct ArticleLabelTests {
    func article(key: String, title: String?, extra: String?) -> Article {
        Article(key: key, file: "f", title: title, published: nil, source: nil, section: nil, text: "", words: 0, extra: extra)
    }

    @Test func keyTitleAndExtraReadBackAsGiven() {
        let cases: [(key: String, title: String?, extra: String?)] = [
            ("r-1", "Tokyo stocks rise", #"{"topics": ["stocks"]}"#),
            ("reuters21578-12345", nil, nil),
            ("", "", #"{"a": 1}"#),
            ("clé-é", "Café ☕ 東京", #"{"lieu": "Zürich"}"#),
            (String(repeating: "k", count: 300), nil, #"{"long": "\#(String(repeating: "x", count: 1_000))"}"#),
        ]
        for (key, title, extra) in cases {
            let read = article(key: key, title: title, extra: extra)
            #expect(read.key == key)
            #expect(read.title == title)
            #expect(read.extra == extra)
        }
    }
}

/// Each entity's mentions and articles, made from the mention table, are those a scan of the
/// mentions finds, in corpus order.
@Suite struct EntityListTests {
    @Test func listsAgreeWithAScanOfTheMentions() throws {
        let corpus = try extractedCorpus(bodies: [
            "Donald Trump met Kim Jong Un in Singapore. Trump said talks went well.",
            "North Korea fired a missile, Japan said. Tokyo protested to North Korea.",
            "Kim Jong Un visited Beijing. China and North Korea signed a trade deal.",
            "Japan and the United States held talks in Tokyo on North Korea.",
        ])
        #expect(corpus.entities.count > 3)
        var articlesSeen = 0
        for index in corpus.entities.indices {
            let entity = EntityID(index)
            let scanned = corpus.mentions.indices.filter { corpus.mentions[$0].entity == entity }.map { MentionID($0) }
            var articles: [ArticleID] = []
            for mention in scanned where articles.last != corpus[mention].article { articles.append(corpus[mention].article) }
            #expect(Array(corpus.mentions(of: entity)) == scanned, "\(corpus[entity].name)")
            #expect(Array(corpus.articles(of: entity)) == articles, "\(corpus[entity].name)")
            #expect(corpus.mentionCount(of: entity) == scanned.count)
            articlesSeen = max(articlesSeen, articles.count)
        }
        // Some entity is mentioned in more than one article, so the lists are not trivial.
        #expect(articlesSeen > 1)
    }
}

/// An entity's aliases are the other spellings its mentions have, white space of any kind read
/// as one space: a name broken by a no-break space is no alias of itself.
@Suite struct EntityAliasTests {
    @Test func aliasesAreOtherSpellingsWithTheirSpacesMadePlain() throws {
        let corpus = try extractedCorpus(bodies: [
            "Donald Trump met Kim Jong Un in Singapore. Trump said talks went well.",
            "Donald\u{A0}Trump flew home. Trump tweeted about it.",
        ])
        let trump = try #require(corpus.entities.first { $0.name == "Donald Trump" })
        #expect(trump.aliases == ["Trump"])
        let spellings = corpus.mentions.filter { corpus.entities[$0.entity.index].name == "Donald Trump" }.map {
            corpus.articles[$0.article.index].text.utf8Slice($0.textRange)
        }
        #expect(spellings == ["Donald Trump", "Trump", "Donald\u{A0}Trump", "Trump"])
    }
}

/// A corpus of one JSON Lines file with an article for each of `bodies`, with ids `a0`, `a1`…,
/// loaded with the standard extractor.
private func extractedCorpus(bodies: [String]) throws -> Corpus {
    let folder = try Fixtures.TemporaryFolder()
    let lines = bodies.enumerated().map { index, body in #"{"id": "a\#(index)", "body": "\#(body)"}"# }
    try folder.write("set.jsonl", lines.joined(separator: "\n") + "\n")
    return try CorpusLoader.load(folder.path, options: LoadOptions(extractor: NewsExtractor.standard))
}
