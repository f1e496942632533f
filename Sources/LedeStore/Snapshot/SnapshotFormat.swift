/// The container a snapshot is stored in: a header, then sections, each with its checksum.
///
/// ```
/// header   magic "LEDESNAP" · format version (u32) · 0 (u32) · file length (u64)
///          · XXH64 of the preceding 24 bytes (u64)
/// section  tag (u32) · 0 (u32) · payload length (u64) · XXH64 of the payload (u64) · payload
/// ```
/// All integers are little-endian. The sections come in a fixed order (`SnapshotWriter`
/// lists it); what is inside them is versioned separately, by `SnapshotKey.schemaVersion`.
enum SnapshotFormat {
    /// Bumped when the header or the section framing changes.
    static let version: UInt32 = 1
    static let magic: [UInt8] = Array("LEDESNAP".utf8)
    static let headerSize = 32
    static let frameSize = 24
    /// About the most bytes of text or postings one section holds, so reading or writing a
    /// snapshot needs little memory beside the corpus.
    static let sectionBytes = 4 << 20

    /// What a section holds. The raw values are written to the file.
    enum Section: UInt32, CustomStringConvertible {
        case key = 1
        case summary = 2
        case articles = 3
        case paragraphs = 4
        case sentences = 5
        case links = 6
        case entities = 7
        case mentions = 8
        case quotes = 9
        case dates = 10
        case terms = 11
        case postings = 12

        var description: String {
            switch self {
            case .key: "key"
            case .summary: "summary"
            case .articles: "articles"
            case .paragraphs: "paragraphs"
            case .sentences: "sentences"
            case .links: "links"
            case .entities: "entities"
            case .mentions: "mentions"
            case .quotes: "quotes"
            case .dates: "dates"
            case .terms: "terms"
            case .postings: "postings"
            }
        }
    }
}
