import LedeStore

/// How values read as text (tables, CSV, `string()`) and as JSON.
///
/// A corpus row reads as its label: an article as its title, an entity as its name, a mention,
/// quote or date as its words.
public struct ValueFormatter {
    let corpus: Corpus

    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    /// The text of a value; null reads as `null`.
    public func text(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .float(let f): Self.text(of: f)
        case .string(let s): s
        case .date(let d): d.description
        case .datetime(let t): t.description
        case .list(let values): "[" + values.map { text(of: $0) }.joined(separator: ", ") + "]"
        case .record(let record):
            "{" + zip(record.names, record.values).map { "\($0): \(text(of: $1))" }.joined(separator: ", ") + "}"
        default: label(of: value)
        }
    }

    /// What a corpus row is called in a cell.
    public func label(of value: Value) -> String {
        switch value {
        case .article(let id): corpus[id].title ?? corpus[id].key
        case .paragraph(let id): corpus.text(of: id)
        case .entity(let id): corpus[id].name
        case .mention(let id): corpus.text(of: id)
        case .quote(let id): corpus.text(of: id)
        case .link(let id): corpus[id].title
        case .dateReference(let id): corpus.text(of: id)
        case .hit(let hit): corpus[hit.article].title ?? corpus[hit.article].key
        case .cooccurrence(let row): corpus[row.entity].name
        default: text(of: value)
        }
    }

    /// Up to four decimals, trailing zeros dropped but one kept: 3.0, 0.2877, 1.5e+20.
    static func text(of f: Double) -> String {
        guard f.isFinite else { return f.isNaN ? "nan" : (f > 0 ? "inf" : "-inf") }
        if f != 0 && (Swift.abs(f) >= 1e15 || Swift.abs(f) < 1e-4) { return "\(f)" }
        let scaled = (f * 10_000).rounded() / 10_000
        var text = String(scaled)
        if text.contains("e") { return "\(f)" }
        if !text.contains(".") { text += ".0" }
        return text
    }

    /// The value as JSON text.
    public func json(of value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return f.isFinite ? String(f) : "null"
        case .string(let s): return Self.jsonString(s)
        case .date(let d): return "\"\(d)\""
        case .datetime(let t): return "\"\(t.iso8601)\""
        case .list(let values): return "[" + values.map { json(of: $0) }.joined(separator: ",") + "]"
        case .record(let record):
            return "{" + zip(record.names, record.values).map { "\(Self.jsonString($0)):\(json(of: $1))" }.joined(separator: ",") + "}"
        default: return Self.jsonString(label(of: value))
        }
    }

    /// `s` as a JSON string: quoted, with quotes, backslashes, control characters and
    /// U+2028/U+2029 (which JavaScript reads as line ends) escaped.
    public static func jsonString(_ s: String) -> String {
        var s = s  // withUTF8 needs a variable; a native string is not copied
        return s.withUTF8 { bytes in
            // Byte by byte into one buffer: a snippet or a text is mostly bytes that need no
            // escape, and appending them one scalar at a time to a String cost as much as the
            // search that found the snippets.
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case ..<0x20: appendEscape(UInt32(byte), to: &out)
                // U+2028 and U+2029 (E2 80 A8 and E2 80 A9), which JavaScript reads as line ends.
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    appendEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    i += 2
                default: out.append(byte)
                }
                i += 1
            }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `\u` and four lowercase hex digits.
    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift: UInt32 in [12, 8, 4, 0] {
            out.append(hexDigits[Int((value >> shift) & 0xF)])
        }
    }
}
