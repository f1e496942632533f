/// Why a snapshot cannot be used or saved.
///
/// None is fatal: the corpus is loaded from its files instead, and the person sees one line.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(String)
    /// The file is not a snapshot of this corpus: not a snapshot at all, or another corpus's.
    case foreign(String)
    /// A snapshot of another container format version.
    case otherFormat(UInt32)
    /// The file ends before its header says it does.
    case truncated
    /// A checksum does not match, or the content breaks the format's rules.
    case corrupt(String)
    /// A snapshot of the same corpus roots that no longer matches them: a file changed, or
    /// Lede or the extractor did.
    case stale(String)
    /// Saving one failed: the cache folder cannot be created or written.
    case unwritable(String)

    /// What is wrong with the snapshot, to follow its path: "snapshot … is truncated".
    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot be read (\(reason))"
        case .foreign(let what): "is \(what)"
        case .otherFormat(let version): "is in snapshot format \(version); this Lede reads \(SnapshotFormat.version)"
        case .truncated: "is truncated"
        case .corrupt(let detail): "is corrupt (\(detail))"
        case .stale(let reason): "is out of date (\(reason))"
        case .unwritable(let reason): "cannot be written (\(reason))"
        }
    }
}
