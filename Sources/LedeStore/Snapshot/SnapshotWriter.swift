import Foundation

/// Writes a corpus to a snapshot file: the header, then every section in the order
/// `SnapshotReader` reads them.
///
/// The file is written beside its final path under a temporary name and renamed over it when
/// complete, so a reader sees the old snapshot or the new one, never half of one. Sections are
/// encoded one at a time, so writing needs little memory beside the corpus.
struct SnapshotWriter {
    private let descriptor: Int32
    private var length = 0

    /// Writes `corpus`, made from the files `key` describes, to `path`. An article section
    /// ends once it holds `articleSectionBytes` of text (tests make them one article long).
    static func write(
        _ corpus: Corpus, key: SnapshotKey, to path: String, articleSectionBytes: Int = SnapshotFormat.sectionBytes
    ) throws(SnapshotError) {
        let temporary = path + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unwritable(CorpusFiles.errorText()) }
        var writer = SnapshotWriter(descriptor: descriptor)
        do {
            try writer.writeAll(corpus, key: key, articleSectionBytes: articleSectionBytes)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = CorpusFiles.errorText()
            unlink(temporary)
            throw .unwritable(reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = CorpusFiles.errorText()
            unlink(temporary)
            throw .unwritable(reason)
        }
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The order of the sections is the format: change it only with `SnapshotKey.currentSchema`.
    private mutating func writeAll(_ corpus: Corpus, key: SnapshotKey, articleSectionBytes: Int) throws(SnapshotError) {
        try write(bytes: [UInt8](repeating: 0, count: SnapshotFormat.headerSize))
        try section(.key) { key.encode(into: &$0) }
        try section(.summary) { SnapshotSummary(corpus).encode(into: &$0) }
        for rows in ArticleTable.batches(corpus.articles, textBytes: articleSectionBytes) {
            try section(.articles) { ArticleTable.encode(corpus.articles, rows: rows, into: &$0) }
        }
        for rows in StructureTables.batches(corpus.paragraphs.count) {
            try section(.paragraphs) { StructureTables.encode(corpus.paragraphs, rows: rows, into: &$0) }
        }
        for rows in StructureTables.batches(corpus.sentences.count) {
            try section(.sentences) { StructureTables.encode(corpus.sentences, rows: rows, into: &$0) }
        }
        for rows in StructureTables.batches(corpus.links.count) {
            try section(.links) { StructureTables.encode(corpus.links, rows: rows, into: &$0) }
        }
        for rows in StructureTables.batches(corpus.entities.count, of: EntityTable.rowsPerBatch) {
            try section(.entities) { EntityTable.encode(corpus.entities, rows: rows, into: &$0) }
        }
        for rows in StructureTables.batches(corpus.mentions.count) {
            try section(.mentions) { ExtractionTables.encode(corpus.mentions, rows: rows, into: &$0) }
        }
        for rows in StructureTables.batches(corpus.quotes.count) {
            try section(.quotes) { ExtractionTables.encode(corpus.quotes, rows: rows, into: &$0) }
        }
        for rows in StructureTables.batches(corpus.dates.count) {
            try section(.dates) { ExtractionTables.encode(corpus.dates, rows: rows, into: &$0) }
        }
        for index in [corpus.search.title, corpus.search.text] {
            try section(.terms) { IndexTable.encodeTerms(index, into: &$0) }
            for terms in IndexTable.postingBatches(index) {
                try section(.postings) { IndexTable.encodePostings(index, terms: terms, into: &$0) }
            }
        }
        try writeHeader()
    }

    private mutating func section(_ section: SnapshotFormat.Section, _ encode: (inout SnapshotEncoder) -> Void) throws(SnapshotError) {
        var payload = SnapshotEncoder()
        encode(&payload)
        var frame = SnapshotEncoder(capacity: SnapshotFormat.frameSize)
        frame.append(section.rawValue)
        frame.append(UInt32(0))
        frame.append(UInt64(payload.bytes.count))
        frame.append(XXHash64.hash(payload.bytes))
        try write(bytes: frame.bytes)
        try write(bytes: payload.bytes)
    }

    private func writeHeader() throws(SnapshotError) {
        var header = SnapshotEncoder(capacity: SnapshotFormat.headerSize)
        for byte in SnapshotFormat.magic { header.append(byte) }
        header.append(SnapshotFormat.version)
        header.append(UInt32(0))
        header.append(UInt64(length))
        header.append(XXHash64.hash(header.bytes))
        let written = header.bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == SnapshotFormat.headerSize else { throw .unwritable(CorpusFiles.errorText()) }
    }

    private mutating func write(bytes: [UInt8]) throws(SnapshotError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .unwritable(CorpusFiles.errorText())
            }
            offset += written
        }
        length += bytes.count
    }
}
