import Foundation

/// A folder of its own under the temporary directory (`make fuzz` sets TMPDIR to
/// .build-fuzz/tmp), for one file at a time.
///
/// Every input is written to the same name, so a folder never holds more than one file: the
/// last input a target read, left behind when the process ends.
public final class ScratchFolder: @unchecked Sendable {
    public let path: String

    public init(prefix: String) {
        path = NSTemporaryDirectory() + prefix + "-" + String(getpid())
        try? FileManager.default.removeItem(atPath: path)
        mkdir(path, 0o700)
    }

    /// Replaces the folder's only file with `name` holding `bytes`.
    public func replace(with name: String, bytes: UnsafeRawBufferPointer) -> String {
        let file = path + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return file }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let result = write(descriptor, base + written, bytes.count - written)
            if result <= 0 { break }
            written += result
        }
        return file
    }
}
