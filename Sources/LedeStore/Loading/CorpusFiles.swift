import Foundation

/// Finds the article files of a corpus and reads them, reporting what it cannot read.
///
/// A corpus is a file or a folder; a folder contributes every `*.txt` and `*.jsonl` beneath it
/// (hidden entries skipped), in sorted path order so article ids are stable. Symbolic links
/// are followed once: a folder reached twice (a link loop) is reported, not walked again.
struct CorpusFiles {
    enum Format: Sendable {
        case seed
        case jsonLines
    }

    /// The sizes of `files`, added up.
    static func bytes(of files: some Sequence<File>) -> Int {
        files.reduce(0) { $0 + $1.size }
    }

    struct File: Sendable {
        /// Absolute or as-given path, to open.
        var path: String
        /// Relative to the corpus root, for `Article.file` and messages.
        var name: String
        var format: Format
        var size: Int
        /// Nanoseconds since the epoch of the last change to its content (mtime) and to its
        /// status (ctime: a chmod, a replacement), so a snapshot can tell it changed.
        var modified: Int64
        var statusChanged: Int64

        init(path: String, name: String, format: Format, info: stat) {
            self.path = path
            self.name = name
            self.format = format
            self.size = Int(info.st_size)
            self.modified = Self.nanoseconds(info.st_mtim)
            self.statusChanged = Self.nanoseconds(info.st_ctim)
        }

        private static func nanoseconds(_ time: timespec) -> Int64 {
            Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
        }
    }

    private(set) var files: [File] = []
    private(set) var issues: [LoadIssue] = []

    struct RootError: Error {
        var message: String
    }

    init(root: String) throws(RootError) {
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw RootError(message: "cannot open '\(root)': \(String(cString: strerror(errno)).lowercased())")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            var visited: Set<FileIdentity> = []
            walk(directory: root, relative: "", visited: &visited)
            files.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            issues.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        case S_IFREG:
            let name = (root as NSString).lastPathComponent
            guard let format = Self.format(of: name) else {
                throw RootError(message: "'\(root)' is not a corpus: expected a folder, a .txt article or a .jsonl file")
            }
            files = [File(path: root, name: name, format: format, info: info)]
        default:
            throw RootError(message: "'\(root)' is not a corpus: expected a folder, a .txt article or a .jsonl file")
        }
    }

    static func format(of name: String) -> Format? {
        let lower = name.lowercased()
        if lower.hasSuffix(".txt") { return .seed }
        if lower.hasSuffix(".jsonl") { return .jsonLines }
        return nil
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private mutating func walk(directory: String, relative: String, visited: inout Set<FileIdentity>) {
        var info = stat()
        guard stat(directory, &info) == 0 else { return }
        guard visited.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
            issues.append(LoadIssue(path: relative.isEmpty ? "." : relative, line: nil, message: "skipped: a symbolic link loop leads back to a folder already read"))
            return
        }
        guard let handle = opendir(directory) else {
            issues.append(LoadIssue(path: relative.isEmpty ? "." : relative, line: nil, message: "cannot read the folder: \(Self.errorText())"))
            return
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            // The name is read where it lies: the kernel's record ends after the name's NUL, so
            // copying out all of `d_name` would read past the end of a short last record.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        for name in names.sorted() {
            let path = directory + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            var linkInfo = stat()
            guard lstat(path, &linkInfo) == 0 else { continue }
            var info = stat()
            if stat(path, &info) != 0 {
                if (linkInfo.st_mode & S_IFMT) == S_IFLNK, Self.format(of: name) != nil || errno == ELOOP {
                    let reason = errno == ELOOP ? "a symbolic link loop" : "a broken symbolic link"
                    issues.append(LoadIssue(path: shown, line: nil, message: "skipped: \(reason)"))
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(directory: path, relative: shown, visited: &visited)
            case S_IFREG:
                if let format = Self.format(of: name) {
                    files.append(File(path: path, name: shown, format: format, info: info))
                }
            default:
                if Self.format(of: name) != nil {
                    issues.append(LoadIssue(path: shown, line: nil, message: "skipped: not a regular file (\(Self.kind(info.st_mode)))"))
                }
            }
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file"
        }
    }

    static func errorText() -> String {
        String(cString: strerror(errno)).lowercased()
    }

    struct ReadFailure: Error {
        var message: String
    }

    /// The whole content of a file, or the reason it cannot be read.
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return .failure(ReadFailure(message: "cannot read the file: \(errorText())")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(ReadFailure(message: "skipped: not a regular file"))
        }
        let tooLarge = ReadFailure(
            message: "skipped: the file is larger than \(CorpusLoader.maximumArticleSize), the most one article may have")
        guard info.st_size <= CorpusLoader.maximumArticleBytes else { return .failure(tooLarge) }
        // One byte more than the size, so that the read that finds the end needs no more room.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(4096, bytes.count / 2)) }
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.read(fd, base + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(message: "cannot read the file: \(errorText())"))
            }
            if got == 0 { break }
            filled += got
            // The file grew while it was read.
            if filled > CorpusLoader.maximumArticleBytes { return .failure(tooLarge) }
        }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }
}
