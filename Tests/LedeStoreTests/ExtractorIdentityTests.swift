import Foundation
import LedeStore
import Testing

/// An extractor's identity changes with its gazetteer data, so snapshots made with other data
/// are rebuilt.
@Suite struct ExtractorIdentityTests {
    @Test func noExtractionIsNone() {
        #expect(NoExtraction().identity == "none")
    }

    @Test func theNewsExtractorNamesItsGazetteerData() throws {
        let folder = try Fixtures.TemporaryFolder()
        try folder.write("places.tsv", "Tokyo\tcity\tJapan\n")
        let first = NewsExtractor(gazetteer: .load(from: URL(fileURLWithPath: folder.path))).identity
        #expect(first == NewsExtractor(gazetteer: .load(from: URL(fileURLWithPath: folder.path))).identity)
        try folder.write("places.tsv", "Tokyo\tcity\tJapan\nOsaka\tcity\tJapan\n")
        let second = NewsExtractor(gazetteer: .load(from: URL(fileURLWithPath: folder.path))).identity
        #expect(second != first)
        #expect(second.hasPrefix("news extractor, gazetteer "))
        #expect(NewsExtractor.standard.identity != NewsExtractor(gazetteer: .empty).identity)
    }

    /// The standard extractor names its data from the files, without building the tables; the
    /// name must be the one the built tables give.
    @Test func theStandardExtractorNamesTheBundledDataUnbuilt() {
        #expect(Gazetteer.bundled.isLoaded)
        #expect(NewsExtractor.standard.identity == NewsExtractor(gazetteer: .bundled).identity)
    }
}
