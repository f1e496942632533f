/// Reads articles from JSON Lines: one object per line with `body` required and `id`, `title`
/// (or `headline`), `published`, `timezone`, `source`, `section` optional. Other keys are kept
/// as the article's extra fields.
enum JSONLinesReader {
    /// The keys with a field of their own; a record's kept values are at their raw values.
    private enum Key: Int, CaseIterable {
        case id, title, headline, published, timezone, source, section, body

        var name: String {
            switch self {
            case .id: "id"
            case .title: "title"
            case .headline: "headline"
            case .published: "published"
            case .timezone: "timezone"
            case .source: "source"
            case .section: "section"
            case .body: "body"
            }
        }
    }

    private static let knownKeys = JSONParser.Keys(Key.allCases.map(\.name))

    /// Reads one line (without its terminator). Returns nil for a blank line.
    static func read(
        line bytes: UnsafeBufferPointer<UInt8>, number: Int, file: String, fileStem: String
    ) -> Result<ArticleDraft, LoadIssue>? {
        var bytes = bytes
        if bytes.last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
        func issue(_ message: String) -> Result<ArticleDraft, LoadIssue> {
            .failure(LoadIssue(path: file, line: number, message: message))
        }

        let record: JSONParser.Record
        do {
            guard let parsed = try JSONParser.parseRecord(bytes, keep: knownKeys) else {
                let value = try JSONParser.parse(bytes)
                return issue("expected a JSON object with a \"body\", found \(describe(value))")
            }
            record = parsed
        } catch {
            return issue("invalid JSON at column \(error.column): \(error.message)")
        }

        func string(_ key: Key) throws(LoadIssue) -> String? {
            switch record.kept[key.rawValue] {
            case .null: return nil
            case .string(let s): return s
            case let other:
                throw LoadIssue(path: file, line: number, message: "\"\(key.name)\" must be a string, found \(describe(other))")
            }
        }

        do throws(LoadIssue) {
            guard let bodyText = try string(.body) else {
                return issue("the record has no \"body\"")
            }
            let key: String
            switch record.kept[Key.id.rawValue] {
            case .string(let s): key = s
            case .number(let n): key = n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .null: key = "\(fileStem):\(number)"
            case let other: return issue("\"id\" must be a string or a number, found \(describe(other))")
            }
            var notes: [String] = []
            let published = try publishedDate(string(.published), zone: string(.timezone), notes: &notes)
                .get()
            let body = BodyParser.plainBody(bodyText) ?? BodyParser.parse(blocks: TextLines(bodyText).blocks(from: 0).map(\.text))
            if body.paragraphRanges.isEmpty { notes.append("the article has no body text") }
            var title = try string(.title)
            if title == nil { title = try string(.headline) }
            return .success(
                ArticleDraft(
                    key: key, file: file, line: number, title: title.map { $0.trimmingSpace() }, published: published,
                    updated: nil, source: try string(.source), section: try string(.section), body: body,
                    notes: notes + body.notes, extra: record.rest))
        } catch {
            return .failure(error)
        }

        func publishedDate(_ text: String?, zone zoneName: String?, notes: inout [String]) -> Result<ZonedDateTime?, LoadIssue> {
            var zone: ZoneDatabase.Zone?
            if let zoneName {
                guard let known = ZoneDatabase.Zone(named: zoneName) else {
                    return .failure(LoadIssue(path: file, line: number, message: "unknown time zone '\(zoneName)'"))
                }
                zone = known
            }
            guard let text else { return .success(nil) }
            let parsed: DateTimeText
            do {
                parsed = try DateTimeText(parsing: text)
            } catch {
                return .failure(LoadIssue(path: file, line: number, message: "\"published\": \(error.message)"))
            }
            let (h, m, s) = parsed.time ?? (0, 0, 0)
            switch (parsed.offset, zone) {
            case (let offset?, let zone?):
                let instant = ZonedDateTime(local: parsed.date, hour: h, minute: m, second: s, offset: offset, zone: nil)
                let zoned = zone.dateTime(seconds: instant.seconds)
                if zoned.offset != offset {
                    notes.append("published offset \(instant.offsetText) is not \(zone.name)'s offset on that date (\(zoned.offsetText)); kept the instant")
                }
                return .success(zoned)
            case (let offset?, nil):
                return .success(ZonedDateTime(local: parsed.date, hour: h, minute: m, second: s, offset: offset, zone: nil))
            case (nil, let zone?):
                return .success(zone.dateTime(local: parsed.date, hour: h, minute: m, second: s))
            case (nil, nil):
                notes.append("published has no offset or time zone; read as UTC")
                return .success(parsed.zonedDateTime)
            }
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
