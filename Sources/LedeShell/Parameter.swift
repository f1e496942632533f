import LedeLanguage
import LedeStore

/// `--param name=value`: the value is read as a literal when it looks like one (a number, a
/// date, a datetime, true, false, null) and as a string otherwise.
public enum Parameter {
    public static func parse(_ text: String) -> (name: String, value: ResultSet)? {
        guard let equal = text.firstIndex(of: "=") else { return nil }
        let name = String(text[..<equal])
        let raw = String(text[text.index(after: equal)...])
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !Keywords.isReserved(name)
        else { return nil }
        return (name, literal(raw))
    }

    static func literal(_ raw: String) -> ResultSet {
        if let int = Int(raw) { return .value(.int(int), type: .int) }
        if let float = Double(raw), raw.contains(where: { $0 == "." || $0 == "e" }) { return .value(.float(float), type: .float) }
        switch raw {
        case "true": return .value(.bool(true), type: .bool)
        case "false": return .value(.bool(false), type: .bool)
        case "null": return .value(.null, type: .null)
        default: break
        }
        if let parsed = try? DateTimeText(parsing: raw) {
            if parsed.time == nil { return .value(.date(parsed.date), type: .date) }
            return .value(.datetime(parsed.zonedDateTime), type: .datetime)
        }
        return .value(.string(raw), type: .string)
    }
}
