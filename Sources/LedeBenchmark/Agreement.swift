import Foundation

/// A query's answer, read from JSON output (Lede's `json` format, sqlite's `.mode json`).
enum Answer {
    case count(Int)
    /// Row objects, every value as text.
    case rows([[String: String]])

    /// Lede prints a scalar bare and a table as an array of objects; sqlite always prints an array
    /// (nothing at all for no rows).
    static func parse(_ text: String, shape: BenchQuery.Shape) -> Answer? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .rows([]) }
        if let count = Int(trimmed) { return .count(count) }
        guard let json = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)),
            let objects = json as? [[String: Any]]
        else { return nil }
        let rows = objects.map { $0.mapValues(Self.text) }
        if case .count = shape, rows.count == 1, let only = rows[0].values.first, rows[0].count == 1, let count = Int(only) {
            return .count(count)
        }
        return .rows(rows)
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : "\(double)"
        case is NSNull: return "null"
        default: return "\(value)"
        }
    }

    /// Short, for the table.
    var summary: String {
        switch self {
        case .count(let count): return String(count)
        case .rows(let rows): return rows.count == 1 ? "1 row" : "\(rows.count) rows"
        }
    }
}

/// Whether Lede's answer is sqlite's, in words, with the evidence when not.
struct Agreement {
    var agrees: Bool?
    var text: String

    static func compare(_ query: BenchQuery, lede: Answer?, sqlite: Answer?) -> Agreement {
        guard let lede else { return Agreement(agrees: nil, text: "n/a (Lede failed)") }
        guard query.sql != nil else { return Agreement(agrees: nil, text: "Lede only: \(lede.summary)") }
        guard let sqlite else { return Agreement(agrees: nil, text: "n/a (no sqlite answer)") }
        switch (query.shape, lede, sqlite) {
        case (.count, .count(let a), .count(let b)):
            return a == b ? Agreement(agrees: true, text: "yes: \(a) = \(b)") : Agreement(agrees: false, text: "NO: Lede \(a), sqlite \(b)")
        case (.hits(let ledeKey, let sqliteKey, let ranked), .rows(let a), .rows(let b)):
            let ledeIDs = a.compactMap { $0[ledeKey] }
            let sqliteIDs = b.compactMap { $0[sqliteKey] }
            if ledeIDs == sqliteIDs { return Agreement(agrees: true, text: "yes: \(a.count) rows each, same ids in the same order") }
            if Set(ledeIDs) == Set(sqliteIDs) {
                // Unranked, no order is promised; ranked, the order should match.
                return Agreement(agrees: ranked ? nil : true, text: "\(ranked ? "" : "yes: ")\(a.count) rows each, same ids, other order")
            }
            if ranked {
                let shared = Set(ledeIDs).intersection(sqliteIDs).count
                return Agreement(agrees: false, text: "NO: \(a.count) vs \(b.count) rows, \(shared) ids shared")
            }
            let shared = Set(ledeIDs).intersection(sqliteIDs).count
            let text = "\(a.count) vs \(b.count) rows, \(shared) ids shared (Lede ranks by BM25; sqlite's LIMIT without ORDER BY gives rowid order)"
            // When both stop at the limit, each may pick other hits: that is no disagreement.
            let bothCapped = a.count == b.count && a.count >= 10
            return Agreement(agrees: bothCapped ? nil : false, text: (bothCapped ? "" : "NO: ") + text)
        case (.groups(let key, let ledeCount, let sqliteCount), .rows(let a), .rows(let b)):
            let ledeGroups = Dictionary(a.map { ($0[key] ?? "null", $0[ledeCount] ?? "?") }, uniquingKeysWith: { first, _ in first })
            let sqliteGroups = Dictionary(b.map { ($0[key] ?? "null", $0[sqliteCount] ?? "?") }, uniquingKeysWith: { first, _ in first })
            let shown = ledeGroups.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            if ledeGroups == sqliteGroups { return Agreement(agrees: true, text: "yes: \(shown)") }
            let other = sqliteGroups.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return Agreement(agrees: false, text: "NO: Lede \(shown); sqlite \(other)")
        default:
            return Agreement(agrees: false, text: "NO: Lede \(lede.summary), sqlite \(sqlite.summary)")
        }
    }

    /// The articles only one side found, from the two id lists.
    static func difference(lede: Answer?, ledeKey: String, sqlite: Answer?, sqliteKey: String) -> String? {
        guard case .rows(let a)? = lede, case .rows(let b)? = sqlite else { return nil }
        let ledeIDs = Set(a.compactMap { $0[ledeKey] })
        let sqliteIDs = Set(b.compactMap { $0[sqliteKey] })
        let onlyLede = ledeIDs.subtracting(sqliteIDs).sorted()
        let onlySQLite = sqliteIDs.subtracting(ledeIDs).sorted()
        func list(_ ids: [String]) -> String {
            ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", … (\(ids.count))" : "")
        }
        var parts: [String] = []
        if !onlyLede.isEmpty { parts.append("only Lede: \(list(onlyLede))") }
        if !onlySQLite.isEmpty { parts.append("only sqlite: \(list(onlySQLite))") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
