import Foundation

/// Where a session writes: standard output or error, a file, or a string (in tests).
public protocol TextOutput: AnyObject {
    func write(_ text: String) throws(OutputError)
}

/// A write that failed: a full disk, a closed pipe, a read-only folder.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Standard output or standard error, written with `write(2)` so nothing is buffered away
/// when the process stops.
public final class StandardStream: TextOutput, Sendable {
    private let descriptor: Int32

    public static let output = StandardStream(1)
    public static let error = StandardStream(2)

    private init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    public var isTerminal: Bool { isatty(descriptor) == 1 }

    public func write(_ text: String) throws(OutputError) {
        if let failure = writeAll(text, to: descriptor) {
            throw OutputError(message: "cannot write to standard \(descriptor == 1 ? "output" : "error"): \(failure)")
        }
    }
}

/// Collects what is written, for tests and for `.once` previews.
public final class StringOutput: TextOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) throws(OutputError) {
        self.text += text
    }

    public func clear() {
        text = ""
    }
}

/// A file written atomically: everything goes to a temporary file beside it, which replaces
/// the file only when `close` succeeds. A crash or a full disk leaves the old file whole.
public final class AtomicFileOutput: TextOutput {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32

    public init(path: String) throws(OutputError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = (directory.isEmpty ? "." : directory) + "/.\(name).lede-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(message: "cannot write '\(path)': \(String(cString: strerror(errno)).lowercased())")
        }
    }

    deinit {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func write(_ text: String) throws(OutputError) {
        guard descriptor >= 0 else { throw OutputError(message: "cannot write '\(path)': it is closed") }
        if let failure = writeAll(text, to: descriptor) { throw OutputError(message: "cannot write '\(path)': \(failure)") }
    }

    /// Makes the new content the file's; on failure the old file is left as it was.
    public func close() throws(OutputError) {
        guard descriptor >= 0 else { return }
        let synced = fsync(descriptor) == 0
        let closed = Glibc.close(descriptor) == 0
        descriptor = -1
        guard synced, closed, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            unlink(temporaryPath)
            throw OutputError(message: "cannot write '\(path)': \(reason)")
        }
    }

    /// Drops what was written; the file keeps its old content.
    public func discard() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// Writes all of `text` to a file descriptor, retrying after interruptions; returns the
/// reason when a write fails.
private func writeAll(_ text: String, to descriptor: Int32) -> String? {
    var text = text
    return text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return nil }
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno)).lowercased()
            }
            offset += written
        }
        return nil
    }
}
