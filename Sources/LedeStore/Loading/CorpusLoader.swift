import Foundation

/// How to load a corpus.
public struct LoadOptions: Sendable {
    public var extractor: any ArticleExtractor
    /// Threads that parse, index and extract, and merge their blocks in turn.
    public var workers: Int

    public init(extractor: any ArticleExtractor = NoExtraction(), workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extractor = extractor
        self.workers = max(1, workers)
    }
}

/// The corpus cannot be loaded at all: the path does not exist or is not a corpus.
public struct CorpusLoadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Loads a corpus from a file or a folder.
///
/// Files are read, parsed, indexed and extracted in blocks on `workers` threads, and the
/// blocks are merged in path order, one at a time, by the thread that finishes the next one
/// due, so the result does not depend on the number of threads. A file or record that cannot
/// be read is reported in `Corpus.issues` and the rest still loads.
public enum CorpusLoader {
    /// Seed files per block.
    static let seedFilesPerBlock = 64
    /// The bytes of JSON Lines to read into the next block when `remaining` bytes of the
    /// corpus are left. Each block brings its share of each of its terms' postings to the
    /// merge, which looks every term of every block up in the corpus's table, so larger blocks
    /// mean fewer lookups. But memory peaks as the last blocks are merged, with the corpus
    /// nearly whole and the blocks in flight on top of it; so blocks shrink as the end nears,
    /// to a sixteenth of what is left.
    static func jsonLinesBlockBytes(remaining: Int) -> Int {
        min(largestJSONLinesBlockBytes, max(smallestJSONLinesBlockBytes, remaining / 16))
    }

    static let largestJSONLinesBlockBytes = 2 << 20
    static let smallestJSONLinesBlockBytes = 256 << 10
    /// The largest article read: a seed file or a JSON Lines line. Loading holds several copies
    /// of an article and its tokens at once, so a larger one (a mislabelled dump, a file with no
    /// line breaks) is skipped rather than read into memory.
    static let maximumArticleBytes = 64 << 20
    static var maximumArticleSize: String { "\(maximumArticleBytes >> 20) MB" }

    public static func load(_ root: String, options: LoadOptions = LoadOptions()) throws(CorpusLoadError) -> Corpus {
        try load([root], options: options)
    }

    /// Loads several files or folders as one corpus, in the order given.
    public static func load(_ roots: [String], options: LoadOptions = LoadOptions()) throws(CorpusLoadError) -> Corpus {
        load(roots, discovered: try discover(roots), options: options)
    }

    /// Finds the files of each root, in the order given.
    static func discover(_ roots: [String]) throws(CorpusLoadError) -> [CorpusFiles] {
        var discovered: [CorpusFiles] = []
        for root in roots {
            do {
                discovered.append(try CorpusFiles(root: root))
            } catch {
                throw CorpusLoadError(message: error.message)
            }
        }
        return discovered
    }

    /// Loads the files `discover` found beneath `roots`.
    static func load(_ roots: [String], discovered: [CorpusFiles], options: LoadOptions) -> Corpus {
        // Here rather than on a worker's first article, where the other workers would wait for it.
        options.extractor.prepare()
        let allFiles = discovered.flatMap(\.files)
        let corpusBytes = CorpusFiles.bytes(of: allFiles)
        var builder = CorpusBuilder(corpusBytes: corpusBytes)
        for files in discovered {
            for issue in files.issues { builder.record(issue, countingFile: false) }
        }

        let producer = WorkProducer(allFiles, bytes: corpusBytes)
        let assemblers = (0..<options.workers).map { _ in AssemblerBox(BlockAssembler(extractor: options.extractor)) }
        OrderedParallelMap.run(
            workers: options.workers, window: options.workers + 1,
            next: { producer.next() },
            transform: { item, worker in assemblers[worker].process(item) },
            consume: { builder.append($0) })
        // What the workers allocated for their blocks and freed stays in their malloc arenas,
        // resident, where this thread (which builds the corpus next, at the peak of memory)
        // cannot reuse it. Handing it back to the system keeps it from adding to the peak.
        MallocTuning.releaseFreedMemory()
        return builder.build(roots: roots)
    }
}

/// One unit of loading work.
enum WorkItem: Sendable {
    /// Seed files, and their sizes added up.
    case seedFiles([CorpusFiles.File], bytes: Int)
    case jsonLines(CorpusFiles.File, bytes: [UInt8], firstLine: Int)
    case unreadable(CorpusFiles.File, reason: String)
    /// A JSON Lines line that was not read.
    case skippedLine(CorpusFiles.File, line: Int, reason: String)
}

/// Hands out work in corpus order: batches of seed files, and JSON Lines files a block of
/// whole lines at a time, so a large file is never held in memory at once.
private final class WorkProducer: @unchecked Sendable {
    private var files: ArraySlice<CorpusFiles.File>
    private var reader: LineBlockReader?
    /// Bytes of the corpus's files not yet handed out, as their sizes said when found: an
    /// estimate (a file may have changed since), which only decides the size of blocks.
    private var remaining: Int

    /// Hands out `files`, whose sizes add up to `bytes`.
    init(_ files: [CorpusFiles.File], bytes: Int) {
        self.files = files[...]
        remaining = bytes
    }

    /// Called under `OrderedParallelMap`'s lock.
    func next() -> WorkItem? {
        if let current = reader {
            switch current.nextBlock(size: CorpusLoader.jsonLinesBlockBytes(remaining: remaining)) {
            case .block(let bytes, let firstLine):
                remaining -= bytes.count
                return .jsonLines(current.file, bytes: bytes, firstLine: firstLine)
            case .overlong(let line):
                return .skippedLine(current.file, line: line, reason: "skipped: the line is longer than \(CorpusLoader.maximumArticleSize), the most one article may have")
            case .failed(let reason):
                reader = nil
                return .unreadable(current.file, reason: reason)
            case .end:
                reader = nil
                // Like an empty seed file, an empty JSON Lines file is reported, and counted as read.
                if current.isEmpty { return .unreadable(current.file, reason: "the file is empty") }
            }
        }
        guard let file = files.first else { return nil }
        switch file.format {
        case .seed:
            let batch = files.prefix { $0.format == .seed }.prefix(CorpusLoader.seedFilesPerBlock)
            files = files.dropFirst(batch.count)
            let bytes = CorpusFiles.bytes(of: batch)
            remaining -= bytes
            return .seedFiles(Array(batch), bytes: bytes)
        case .jsonLines:
            files = files.dropFirst()
            switch LineBlockReader.open(file) {
            case .success(let opened): reader = opened
            case .failure(let reason): return .unreadable(file, reason: reason.message)
            }
            return next()
        }
    }
}

/// Reads a file in blocks of whole lines.
private final class LineBlockReader {
    let file: CorpusFiles.File
    private let descriptor: Int32
    private var carry: [UInt8] = []
    private var nextLine = 1
    private var atEnd = false
    /// True until a byte has been read.
    private(set) var isEmpty = true

    enum Block {
        case block([UInt8], firstLine: Int)
        /// A line longer than `CorpusLoader.maximumArticleBytes`, read past without being kept.
        case overlong(line: Int)
        case failed(String)
        case end
    }

    struct OpenFailure: Error {
        var message: String
    }

    /// What one read fills: the smallest block's worth, or less for a small file, which is
    /// read whole (and its end found) by a read or two. A block takes every whole line read,
    /// so a larger read would make larger blocks.
    private var chunk: [UInt8]

    private init(file: CorpusFiles.File, descriptor: Int32) {
        self.file = file
        self.descriptor = descriptor
        chunk = [UInt8](repeating: 0, count: min(CorpusLoader.smallestJSONLinesBlockBytes, max(4096, file.size + 1)))
    }

    deinit {
        close(descriptor)
    }

    static func open(_ file: CorpusFiles.File) -> Result<LineBlockReader, OpenFailure> {
        let fd = Glibc.open(file.path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return .failure(OpenFailure(message: "cannot read the file: \(CorpusFiles.errorText())")) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .failure(OpenFailure(message: "skipped: not a regular file"))
        }
        return .success(LineBlockReader(file: file, descriptor: fd))
    }

    /// The next block of whole lines: at least `size` bytes where the file has them, and at
    /// least one line.
    func nextBlock(size: Int) -> Block {
        var buffer = carry
        carry = []
        // Room for the block and one more read, so that filling it copies nothing.
        buffer.reserveCapacity(size + chunk.count)
        var hasNewline = Self.firstNewline(in: buffer, from: 0) != nil
        // Read until the buffer holds at least one whole line and a block's worth of bytes.
        reading: while !atEnd && (buffer.count < size || !hasNewline) {
            let got: Int
            switch readChunk() {
            case .bytes(let count): got = count
            case .end: break reading
            case .failed(let message): return .failed(message)
            }
            isEmpty = false
            let start = buffer.count
            chunk.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<got])) }
            if !hasNewline { hasNewline = Self.firstNewline(in: buffer, from: start) != nil }
            if !hasNewline && buffer.count > CorpusLoader.maximumArticleBytes { return skipLine() }
        }
        guard !buffer.isEmpty else { return .end }
        if !atEnd, let lastNewline = buffer.lastIndex(of: 0x0A) {
            carry = Array(buffer[(lastNewline + 1)...])
            buffer.removeLast(buffer.count - lastNewline - 1)
        }
        let firstLine = nextLine
        var search = 0
        while let newline = Self.firstNewline(in: buffer, from: search) {
            nextLine += 1
            search = newline + 1
        }
        return .block(buffer, firstLine: firstLine)
    }

    /// Reads past the rest of an overlong line, keeping what follows it for the next block.
    private func skipLine() -> Block {
        let line = nextLine
        nextLine += 1
        while true {
            let got: Int
            switch readChunk() {
            case .bytes(let count): got = count
            case .end: return .overlong(line: line)
            case .failed(let message): return .failed(message)
            }
            let newline = chunk.withUnsafeBufferPointer { ByteWord.firstLineFeed(in: UnsafeBufferPointer(rebasing: $0[..<got])) }
            if let newline {
                carry = Array(chunk[(newline + 1)..<got])
                return .overlong(line: line)
            }
        }
    }

    /// Fills `chunk` from the file: the number of bytes read, 0 at the end.
    /// What one read into `chunk` gave.
    private enum Chunk {
        case bytes(Int)
        /// The end of the file, which `atEnd` now says too.
        case end
        case failed(String)
    }

    private func readChunk() -> Chunk {
        while true {
            let got = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(descriptor, base, raw.count)
            }
            if got > 0 { return .bytes(got) }
            if got == 0 {
                atEnd = true
                return .end
            }
            if errno != EINTR { return .failed("cannot read the file: \(CorpusFiles.errorText())") }
        }
    }

    /// The offset of the first line feed at or after `start`.
    static func firstNewline(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { ByteWord.firstLineFeed(in: $0, from: start) }
    }
}

/// A worker's assembler, kept between the items it processes.
private final class AssemblerBox: @unchecked Sendable {
    private var assembler: BlockAssembler

    init(_ assembler: BlockAssembler) {
        self.assembler = assembler
    }

    func process(_ item: WorkItem) -> CorpusBlock {
        var block = CorpusBlock()
        switch item {
        case .seedFiles(let files, let bytes):
            block.inputBytes = bytes
            assembler.startBlock(&block, ofBytes: block.inputBytes)
            for file in files {
                block.fileCount += 1
                switch Self.readSeed(file) {
                case .success(let draft): assembler.append(draft, to: &block)
                case .failure(let issue): block.issues.append(issue)
                }
            }
        case .jsonLines(let file, let bytes, let firstLine):
            if firstLine == 1 { block.fileCount += 1 }
            block.inputBytes = bytes.count
            assembler.startBlock(&block, ofBytes: bytes.count)
            let stem = Self.stem(of: file.name)
            bytes.withUnsafeBufferPointer { buffer in
                var lineNumber = firstLine
                var start = 0
                while start < buffer.count {
                    let end = ByteWord.firstLineFeed(in: buffer, from: start) ?? buffer.count
                    let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    switch JSONLinesReader.read(line: line, number: lineNumber, file: file.name, fileStem: stem) {
                    case .success(let draft)?: assembler.append(draft, to: &block)
                    case .failure(let issue)?: block.issues.append(issue)
                    case nil: break
                    }
                    lineNumber += 1
                    start = end + 1
                }
            }
        case .unreadable(let file, let reason):
            block.fileCount += 1
            block.issues.append(LoadIssue(path: file.name, line: nil, message: reason))
        case .skippedLine(let file, let line, let reason):
            if line == 1 { block.fileCount += 1 }
            block.issues.append(LoadIssue(path: file.name, line: line, message: reason))
        }
        assembler.finish(&block)
        return block
    }

    private static func readSeed(_ file: CorpusFiles.File) -> Result<ArticleDraft, LoadIssue> {
        let bytes: [UInt8]
        switch CorpusFiles.read(file.path) {
        case .success(let read): bytes = read
        case .failure(let reason): return .failure(LoadIssue(path: file.name, line: nil, message: reason.message))
        }
        if let problem = EncodingCheck.problem(in: bytes) {
            return .failure(LoadIssue(path: file.name, line: problem.line, message: problem.message))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return SeedFormatReader.read(text, file: file.name, key: stem(of: file.name))
    }

    /// The file name without folders and extension: the article's key.
    static func stem(of name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}

/// Why a file's bytes are not text Lede can read.
enum EncodingCheck {
    static func problem(in bytes: [UInt8]) -> (line: Int?, message: String)? {
        if bytes.isEmpty { return (nil, "the file is empty") }
        if let nul = bytes.firstIndex(of: 0) {
            return (line(of: nul, in: bytes), "binary data (a NUL byte), not text")
        }
        // Find the first byte where UTF-8 decoding fails.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var lastGood = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                lastGood = offset
            case .emptyInput:
                break loop
            case .error:
                let bad = bytes[min(lastGood, bytes.count - 1)]
                return (line(of: lastGood, in: bytes), "not valid UTF-8 (byte 0x\(String(bad, radix: 16, uppercase: true)) at column \(column(of: lastGood, in: bytes)))")
            }
        }
        return nil
    }

    private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func column(of offset: Int, in bytes: [UInt8]) -> Int {
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        // Count characters before the bad byte, not bytes.
        return String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
    }
}
