@testable import LedeStore
import Testing

/// A block numbers its entity keys by their kind and name bytes; the corpus builder then
/// merges keys that Swift's String equality takes as one.
@Suite struct CorpusBlockTests {
    @Test func aBlockNumbersEachKindAndNameOnceInOrderOfFirstUse() {
        var block = CorpusBlock()
        let tokyo = EntityKey(name: "Tokyo", kind: .place)
        let ids = [
            block.entity(tokyo), block.entity(EntityKey(name: "Bank of Tokyo", kind: .organization)),
            block.entity(tokyo), block.entity(EntityKey(name: "Tokyo", kind: .organization)),
        ]
        #expect(ids.map(\.rawValue) == [0, 1, 0, 2])
        #expect(block.entityKeys == [tokyo, EntityKey(name: "Bank of Tokyo", kind: .organization), EntityKey(name: "Tokyo", kind: .organization)])
        #expect(block.existingEntity(EntityKey(name: "Bank of Tokyo", kind: .organization))?.rawValue == 1)
        #expect(block.existingEntity(EntityKey(name: "Bank of Tokyo", kind: .place)) == nil)
        #expect(block.existingEntity(EntityKey(name: "Bank of Toky", kind: .organization)) == nil)
        #expect(block.entityFacts.count == 3)
    }

    /// "José" with a composed é and with e + a combining accent: two ids in the block, one
    /// entity in the corpus, with the facts of both.
    @Test func spellingsThatStringEqualityJoinsAreOneEntity() {
        let composed = EntityKey(name: "Jos\u{E9} Sarney", kind: .person)
        let decomposed = EntityKey(name: "Jose\u{301} Sarney", kind: .person)
        #expect(composed == decomposed)
        var block = CorpusBlock()
        let first = block.entity(composed)
        let second = block.entity(decomposed)
        #expect(first != second)
        block.entityFacts[first.index].roles = ["President"]
        block.entityFacts[second.index].surfaces = ["Sarney"]
        var builder = CorpusBuilder()
        builder.append(block)
        let corpus = builder.build(roots: [])
        #expect(corpus.entities.count == 1)
        #expect(corpus.entities.first?.roles == ["President"])
        #expect(corpus.entities.first?.aliases == ["Sarney"])
    }

    /// Across blocks, the same key is one entity, so is a key spelled another way that String
    /// equality joins, and the same name of another kind is another entity; each gathers the
    /// facts of every block.
    @Test func blocksShareEntitiesAcrossSpellingsThatStringEqualityJoins() {
        let composed = EntityKey(name: "Jos\u{E9} Sarney", kind: .person)
        let decomposed = EntityKey(name: "Jose\u{301} Sarney", kind: .person)
        let tokyo = EntityKey(name: "Tokyo", kind: .place)
        let tokyoClub = EntityKey(name: "Tokyo", kind: .organization)
        var first = CorpusBlock()
        first.entityFacts[first.entity(composed).index].roles = ["President"]
        _ = first.entity(tokyo)
        var second = CorpusBlock()
        _ = second.entity(tokyoClub)
        second.entityFacts[second.entity(decomposed).index].surfaces = ["Sarney"]
        second.entityFacts[second.entity(tokyo).index].roles = ["capital"]
        var third = CorpusBlock()
        third.entityFacts[third.entity(decomposed).index].roles = ["senator"]
        third.entityFacts[third.entity(composed).index].surfaces = ["Jos\u{E9}"]
        var builder = CorpusBuilder()
        builder.append(first)
        builder.append(second)
        builder.append(third)
        let corpus = builder.build(roots: [])
        #expect(corpus.entities.map(\.name) == ["Jos\u{E9} Sarney", "Tokyo", "Tokyo"])
        #expect(corpus.entities.map(\.kind) == [.person, .place, .organization])
        #expect(corpus.entities.first?.roles == ["President", "senator"])
        #expect(corpus.entities.first?.aliases == ["Jos\u{E9}", "Sarney"])
        #expect(corpus.entities.dropFirst().first?.roles == ["capital"])
    }

    /// A surface is made into a String once for each entity and spelling in a block; the same
    /// spelling of another entity is that entity's surface too.
    @Test func aSurfaceIsMadeOnceForEachEntityAndSpelling() {
        var block = CorpusBlock()
        let ronald = block.entity(EntityKey(name: "Ronald Reagan", kind: .person))
        let nancy = block.entity(EntityKey(name: "Nancy Reagan", kind: .person))
        var made: [String] = []
        for (entity, spelling) in [(ronald, "Reagan"), (ronald, "Reagan"), (nancy, "Reagan"), (ronald, "Mr Reagan"), (nancy, "Reagan")] {
            var text = spelling
            text.withUTF8 { bytes in
                block.addSurface(of: entity, spelledBy: bytes) {
                    made.append(spelling)
                    return spelling
                }
            }
        }
        #expect(made == ["Reagan", "Reagan", "Mr Reagan"])
        #expect(block.entityFacts[ronald.index].surfaces == ["Reagan", "Mr Reagan"])
        #expect(block.entityFacts[nancy.index].surfaces == ["Reagan"])
    }

    /// A name with a character whose composed form is ASCII (the Kelvin sign is a K) is the
    /// entity its ASCII spelling names, whichever comes first, as String equality says.
    @Test func aNameThatComposesToASCIIIsTheASCIIEntity() {
        let kelvinSign = EntityKey(name: "\u{212A}elvin Ltd", kind: .organization)
        let ascii = EntityKey(name: "Kelvin Ltd", kind: .organization)
        #expect(kelvinSign == ascii)
        var first = CorpusBlock()
        first.entityFacts[first.entity(kelvinSign).index].roles = ["maker"]
        var second = CorpusBlock()
        second.entityFacts[second.entity(ascii).index].surfaces = ["Kelvin"]
        var builder = CorpusBuilder()
        builder.append(first)
        builder.append(second)
        let corpus = builder.build(roots: [])
        #expect(corpus.entities.map(\.name) == ["\u{212A}elvin Ltd"])
        #expect(corpus.entities.first?.roles == ["maker"])
        #expect(corpus.entities.first?.aliases == ["Kelvin"])
    }

    /// A block's arrays are reserved from the last block's row counts, scaled to its bytes
    /// and rounded up, so a block of the same size does not grow them.
    @Test func rowCountsScaleUpAndReserveRoom() {
        let counts = CorpusBlock.RowCounts(articles: 10, paragraphs: 3, sentences: 0, links: 1, mentions: 7, quotes: 2, dates: 5)
        let scaled = counts.scaled(by: 1.125)
        #expect([scaled.articles, scaled.paragraphs, scaled.sentences, scaled.links, scaled.mentions, scaled.quotes, scaled.dates]
            == [12, 4, 0, 2, 8, 3, 6])
        var block = CorpusBlock()
        block.reserveCapacity(scaled)
        #expect(block.articles.capacity >= 12 && block.mentions.capacity >= 8 && block.dates.capacity >= 6)
        #expect(block.rowCounts.articles == 0)
    }
}
