import Foundation
import LedeStore
import Testing

/// The seed article, field by field, exactly as the brief describes it.
@Suite struct SeedFormatTests {
    let corpus: Corpus
    let article: Article

    init() throws {
        corpus = try CorpusLoader.load(Fixtures.seeds)
        article = try #require(corpus.articles.first)
    }

    @Test func loadsOneArticleWithoutIssues() {
        #expect(corpus.articles.count == 1)
        #expect(corpus.issues.isEmpty)
        #expect(corpus.fileCount == 1)
    }

    @Test func identity() {
        #expect(article.key == "000_191f30f456bb703e")
        #expect(article.file == "000_191f30f456bb703e.txt")
    }

    @Test func publishedInTehranTime() throws {
        let published = try #require(article.published)
        #expect(published.iso8601 == "2018-12-11T08:15:00+03:30")
        #expect(published.seconds == 1_544_503_500)  // 2018-12-11T04:45:00Z
        #expect(published.zone == "Asia/Tehran")
        #expect(article.timezone == "Asia/Tehran")
    }

    @Test func updatedUsesIranianDaylightTime() throws {
        let updated = try #require(article.updated)
        #expect(updated.iso8601 == "2019-05-14T21:40:00+04:30")
        #expect(updated.seconds == 1_557_853_800)  // 2019-05-14T17:10:00Z
    }

    @Test func sourceSectionAndTitle() {
        #expect(article.source == "Iran Press")
        #expect(article.section == "Asia")
        #expect(article.title == "US administration sanctions 3 senior North Korean officials while Washington claims reached better relations with Pyongyang.")
    }

    @Test func oneCaptionWithTheRepeatCollapsed() {
        #expect(article.captions == ["Choe Ryong Hae number two North Korean official"])
    }

    @Test func paragraphs() {
        let texts = article.paragraphs.ids(ParagraphID.self).map { corpus.text(of: $0) }
        #expect(texts.count == 11)
        #expect(texts.first == "The United States Treasury Department announced on Monday that three senior North Korean officials sanctioned for what it claims alleged human right violations and abuses also state-sponsored censorship activities.")
        #expect(texts[2].hasPrefix("“Treasury is sanctioning senior North Korean officials who direct departments that perpetrate the\u{A0}state-sponsored"))
        #expect(texts[2].hasSuffix("population,” US\u{A0}Treasury Secretary Steven Mnuchin said in a statement."))
        #expect(texts.last == "The sanctions announcement could be an attempt to gain leverage for the next summit.")
        // No link line or label is left in the body.
        for text in texts {
            #expect(!text.contains("Related"))
            #expect(!text.contains("Read More"))
            #expect(!text.contains("Iranian Friendship Delegation"))
        }
        #expect(article.text == texts.joined(separator: "\n\n"))
        #expect(article.words == 404)
    }

    @Test func curlyQuotesAndNoBreakSpacesArePreserved() {
        #expect(article.text.contains("Department’s Office"))
        #expect(article.text.contains("US\u{A0}President Donald\u{A0}Trump"))
        #expect(article.text.contains("“Treasury"))
    }

    @Test func strayPageMarkerIsRemovedAndNoted() {
        #expect(!article.text.contains("205/103"))
        #expect(article.notes.contains("removed a stray '205/103' from the end of paragraph 10"))
    }

    @Test func relatedLinksWithLabels() {
        let links = article.links.ids(LinkID.self).map { corpus[$0] }
        #expect(links.map(\.label) == ["Related News", "Related news", "Read More", "Read More"])
        #expect(links.map(\.title) == [
            "North Korea condemns US over 'evil' push for sanctions",
            "Firing a \"Ultramodern Missile\", North Korean Responses to Trump's sanctions",
            "Iranian Friendship Delegation meets North Korean officials",
            "US secretly plotting to unleash a war: North Korea",
        ])
        #expect(links.allSatisfy { $0.target == nil })
        #expect(article.notes.contains("dropped a repeated 'Read More' link to \"Iranian Friendship Delegation meets North Korean officials\""))
    }

    @Test func sentences() {
        let sentences = article.paragraphs.ids(ParagraphID.self).flatMap { corpus.sentenceTexts(of: $0) }
        #expect(sentences.count == 12)
        #expect(sentences[9] == "This time\u{A0}the sanctions announcement comes as US President Donald Trump floats the idea of a second summit with North Korean leader Kim Jong Un.")
        #expect(sentences[10].hasPrefix("And it immediately follows a failed US attempt"))
    }
}
