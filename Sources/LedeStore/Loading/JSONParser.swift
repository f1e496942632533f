/// A strict JSON parser over UTF-8 bytes, for one JSON Lines record at a time.
///
/// Hand-written so that loading a large corpus does not go through Foundation's bridging, and
/// so that every error names its column. Nesting deeper than `maximumDepth` is an error, not a
/// stack overflow.
struct JSONParser {
    struct Failure: Error, Equatable {
        var message: String
        /// 1-based column (in bytes) where the problem is.
        var column: Int
    }

    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one complete JSON value, allowing white space around it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw parser.failure("unexpected \(parser.describeCurrent()) after the JSON value")
        }
        return value
    }

    /// A JSON Lines record: the members named in `keep` parsed, the others only validated and
    /// kept as the text of a JSON object. Nil when the value is not an object (its first byte
    /// says what it is).
    struct Record {
        /// The value of each key of `keep`, at the key's index there; `.null` where the record
        /// does not have the key, which readers take as they take a null (so no optional wraps
        /// the values: an array of optional enums is freed through Swift's generic, unspecialized
        /// code, some hundred and fifty instructions a value, for every record). A key written
        /// twice keeps its last value.
        var kept: [JSONValue]
        /// `{"topics": ["cocoa"], …}` as written, or nil when every member was kept.
        var rest: String?
    }

    /// `keep` is a handful of keys, so a record's keys are looked up in it one by one: comparing
    /// a few bytes is cheaper than hashing them.
    static func parseRecord(_ bytes: UnsafeBufferPointer<UInt8>, keep: Keys) throws(Failure) -> Record? {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        guard parser.peek(UInt8(ascii: "{")) else {
            _ = try parser.parseValue()
            return nil
        }
        try parser.enter()
        parser.position += 1
        var kept = [JSONValue](repeating: .null, count: keep.names.count)
        var rest: [UInt8] = []
        parser.skipWhitespace()
        if parser.peek(UInt8(ascii: "}")) {
            parser.position += 1
        } else {
            while true {
                parser.skipWhitespace()
                let memberStart = parser.position
                guard parser.peek(UInt8(ascii: "\"")) else { throw parser.failure("unexpected \(parser.describeCurrent()): expected a key in quotes") }
                let keptIndex = try parser.parseKey(in: keep)
                parser.skipWhitespace()
                guard parser.peek(UInt8(ascii: ":")) else { throw parser.failure("unexpected \(parser.describeCurrent()): expected ':' after the key") }
                parser.position += 1
                parser.skipWhitespace()
                if let index = keptIndex {
                    kept[index] = try parser.parseValue()
                } else {
                    try parser.skipValue()
                    // The members not kept are what is left of the line at most: room for that,
                    // as they usually come several to a record, after the body.
                    if rest.isEmpty { rest.reserveCapacity(bytes.count - memberStart + 2) }
                    rest.append(rest.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
                    rest.append(contentsOf: bytes[memberStart..<parser.position])
                }
                parser.skipWhitespace()
                if parser.peek(UInt8(ascii: ",")) { parser.position += 1; continue }
                if parser.peek(UInt8(ascii: "}")) { parser.position += 1; break }
                throw parser.failure("unexpected \(parser.describeCurrent()): expected ',' or '}'")
            }
        }
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw parser.failure("unexpected \(parser.describeCurrent()) after the JSON value")
        }
        if !rest.isEmpty { rest.append(UInt8(ascii: "}")) }
        return Record(kept: kept, rest: rest.isEmpty ? nil : String(decoding: rest, as: UTF8.self))
    }

    /// The keys a record keeps, by name and as UTF-8.
    struct Keys: Sendable {
        let names: [String]
        private let spellings: [[UInt8]]

        init(_ names: [String]) {
            self.names = names
            spellings = names.map { Array($0.utf8) }
        }

        /// The index of the key spelled by `key`.
        func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
            spellings.firstIndex { spelling in
                spelling.count == key.count
                    && spelling.withUnsafeBufferPointer { spelling in
                        // Both are empty when either has no storage.
                        guard let a = spelling.baseAddress, let b = key.baseAddress else { return true }
                        return ByteWord.equal(UnsafeRawPointer(a), UnsafeRawPointer(b), count: key.count)
                    }
            }
        }
    }

    /// Reads a key and returns its index in `keep`, nil when it is not there. A key without
    /// escapes, as keys nearly always are, is compared as bytes, without making a String of it.
    private mutating func parseKey(in keep: Keys) throws(Failure) -> Int? {
        let open = position
        let end = endOfPlainRun(from: open + 1)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            let key = try parseString()
            return keep.names.firstIndex(of: key)
        }
        let key = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<end])
        guard Self.isValidUTF8(key) else { throw failure("invalid UTF-8 in a string", at: open) }
        position = end + 1
        return keep.index(of: key)
    }

    /// The string the bytes spell, or nil when they are not UTF-8. Most JSON text is ASCII,
    /// which needs no decoding; the general check has a large fixed cost for short strings.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if ByteWord.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWord.isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Checks a value without building it.
    private mutating func skipValue() throws(Failure) {
        guard position < bytes.count else { throw failure("unexpected end of line: expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[position] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            try enter()
            position += 1
            skipWhitespace()
            if peek(close) {
                position += 1
                depth -= 1
                return
            }
            while true {
                skipWhitespace()
                if isObject {
                    guard peek(UInt8(ascii: "\"")) else { throw failure("unexpected \(describeCurrent()): expected a key in quotes") }
                    try skipString()
                    skipWhitespace()
                    guard peek(UInt8(ascii: ":")) else { throw failure("unexpected \(describeCurrent()): expected ':' after the key") }
                    position += 1
                    skipWhitespace()
                }
                try skipValue()
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { position += 1; continue }
                if peek(close) { position += 1; break }
                throw failure("unexpected \(describeCurrent()): expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
            depth -= 1
        case UInt8(ascii: "\""):
            try skipString()
        default:
            _ = try parseValue()
        }
    }

    /// Checks a string (its escapes and its UTF-8) without building it.
    private mutating func skipString() throws(Failure) {
        let open = position
        position += 1
        var start = position
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                guard Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<position])) else {
                    throw failure("invalid UTF-8 in a string", at: open)
                }
                position += 1
                return
            }
            if b == UInt8(ascii: "\\") {
                guard Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<position])) else {
                    throw failure("invalid UTF-8 in a string", at: open)
                }
                position += 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    position += 1
                    _ = try parseUnicodeEscape()
                default:
                    throw failure("invalid escape '\\\(Character(Unicode.Scalar(bytes[position])))' in a string", at: position - 1)
                }
                start = position
                continue
            }
            if b < 0x20 { throw failure("control character in a string (escape it as \\u00\(hex(b)))") }
            position += 1
        }
        throw failure("unterminated string", at: open)
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard position < bytes.count else { throw failure("unexpected end of line: expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected \(describeCurrent()): expected a value")
        }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("unexpected \(describeCurrent()): expected a key in quotes") }
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("unexpected \(describeCurrent()): expected ':' after the key") }
            position += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "}")) { position += 1; break }
            throw failure("unexpected \(describeCurrent()): expected ',' or '}'")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "]")) { position += 1; break }
            throw failure("unexpected \(describeCurrent()): expected ',' or ']'")
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("nested more than \(Self.maximumDepth) levels deep")
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        let open = position
        position += 1
        // Fast path: no escapes, so the bytes are the string.
        let scan = endOfPlainRun(from: position)
        if scan < bytes.count, bytes[scan] == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[position..<scan])
            guard let string = Self.string(slice) else {
                throw failure("invalid UTF-8 in a string", at: open)
            }
            position = scan + 1
            return string
        }
        // Room for the rest of the line, which the string cannot outgrow: it is copied into a
        // String at its end, so a generous buffer costs no memory, and a body with an escape
        // in every paragraph is not copied to a larger one again and again.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(bytes.count - position)
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<scan]))
        position = scan
        while true {
            guard position < bytes.count else { throw failure("unterminated string", at: open) }
            let b = bytes[position]
            switch b {
            case UInt8(ascii: "\""):
                position += 1
                guard let string = buffer.withUnsafeBufferPointer({ Self.string($0) }) else {
                    throw failure("invalid UTF-8 in a string", at: open)
                }
                return string
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw failure("unterminated string", at: open) }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"): buffer.append(contentsOf: try parseUnicodeEscape())
                default: throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
                }
            case 0..<0x20:
                throw failure("control character in a string (escape it as \\u00\(hex(b)))")
            default:
                // Copy the run up to the next quote, escape or control character at once.
                let end = endOfPlainRun(from: position + 1)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
                position = end
            }
        }
    }

    /// The first offset at or after `start` of a quote, a backslash or a control character (or
    /// the end of the bytes): string bytes up to there are copied as they are.
    private func endOfPlainRun(from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            i = ByteWord.skipQuiet(base, from: i, to: bytes.count) { word in
                ByteWord.any(word, equalTo: UInt8(ascii: "\"")) | ByteWord.any(word, equalTo: UInt8(ascii: "\\"))
                    | ByteWord.any(word, below: 0x20)
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            i += 1
        }
        return i
    }

    /// Reads the XXXX of `\uXXXX` (and a following low surrogate), returning the UTF-8.
    private mutating func parseUnicodeEscape() throws(Failure) -> [UInt8] {
        let start = position - 2
        let first = try hex4()
        var value = first
        if (0xD800..<0xDC00).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("lone surrogate \\u\(String(first, radix: 16)) in a string", at: start)
            }
            position += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second) else {
                throw failure("invalid surrogate pair in a string", at: start)
            }
            value = 0x10000 + (first - 0xD800) << 10 + (second - 0xDC00)
        } else if (0xDC00..<0xE000).contains(first) {
            throw failure("lone surrogate \\u\(String(first, radix: 16)) in a string", at: start)
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure("invalid \\u escape", at: start) }
        return Array(String(scalar).utf8)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw failure("\\u needs four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number", at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count && isDigit(bytes[position]) { position += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number", at: start) }
            while position < bytes.count && isDigit(bytes[position]) { position += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number", at: start) }
            while position < bytes.count && isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw failure("invalid number", at: start) }
        return value
    }

    private mutating func expectWord(_ word: StaticString) throws(Failure) {
        let length = word.utf8CodeUnitCount
        let matches = position + length <= bytes.count
            && (0..<length).allSatisfy { bytes[position + $0] == word.utf8Start[$0] }
        guard matches else { throw failure("unexpected \(describeCurrent()): expected a value") }
        position += length
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        position < bytes.count && bytes[position] == byte
    }

    private func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    private func describeCurrent() -> String {
        guard position < bytes.count else { return "end of line" }
        let b = bytes[position]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(hex(b))"
    }

    private func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(message: message, column: (offset ?? position) + 1)
    }
}
